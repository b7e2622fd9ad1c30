#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
# toolcap check --kernel=TREE on Debian's real Linux 6.1 and 6.12 trees:
# every minimum is what the tree itself says (its min-tool-version.sh,
# run here; its changes.rst table, read here with sed), the built-in list
# is 6.12's, and a tree that cannot answer is exit 2 with one line.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"
unset CC LD LLVM CROSS_COMPILE RUSTC BINDGEN ARCH SRCARCH

# minimums TREE ARGS...: "NAME MINIMUM" of each requirement checked.
minimums() {
	_tree=$1
	shift
	"$TOOLCAP" check --kernel${_tree:+=$_tree} --json "$@" >min.json
	python3 -c 'import json
for r in json.load(open("min.json"))["requirements"]:
    print(r["name"], r["minimum"])'
}

# table_minimum TREE PROGRAM: the version column of changes.rst's row.
table_minimum() {
	sed -n "s/^$2  *\\([^ ]*\\)  .*/\\1/p" "$1/Documentation/process/changes.rst"
}

for v in 6.1 6.12; do
	# shellcheck disable=SC2034 # read by the test bodies
	if ! tree=$(linux_check_tree $v); then
		test_skip "Linux $v: minimums are the tree's own" \
			"no /usr/src/linux-source-$v.tar.xz: install linux-source-$v"
		continue
	fi
	eval "tree_${v%%.*}_${v#*.}=\$tree"

	test_expect_success "Linux $v: the toolchain minimums are its min-tool-version.sh's" '
		for arch in "" "SRCARCH=s390" "SRCARCH=loongarch" "ARCH=parisc64"; do
			m() { env $arch "$tree/scripts/min-tool-version.sh" "$1"; } &&
			{
				echo "cc gcc:$(m gcc),clang:$(m llvm)" &&
				echo "ld ld.bfd:$(m binutils),ld.lld:$(m llvm)" &&
				echo "rustc $(m rustc)" &&
				echo "bindgen $(m bindgen)"
			} >expect &&
			( [ -z "$arch" ] || export "${arch?}"; minimums "$tree" cc ld rustc bindgen ) >actual &&
			test_cmp expect actual || return 1
		done
	'

	test_expect_success "Linux $v: the other minimums are its changes.rst table's" '
		{
			echo "make $(table_minimum "$tree" "GNU make")" &&
			echo "bash $(table_minimum "$tree" bash)" &&
			echo "flex $(table_minimum "$tree" flex)" &&
			echo "bison $(table_minimum "$tree" bison)" &&
			echo "pahole $(table_minimum "$tree" pahole)" &&
			echo "bc $(table_minimum "$tree" bc)" &&
			echo "sphinx $(table_minimum "$tree" "Sphinx\\\\ \\[#f1\\]_")"
		} >expect &&
		minimums "$tree" make bash flex bison pahole bc sphinx >actual &&
		test_cmp expect actual &&
		python3 -c "import json; r = json.load(open(\"min.json\"))[\"requirements\"][0]; \
			assert r[\"source\"] == \"$tree/Documentation/process/changes.rst\" and r[\"line\"] > 0, r"
	'

	test_expect_success "Linux $v: the output names the release it checked" '
		release=$(sed -n "s/^VERSION = //p;s/^PATCHLEVEL = /./p;s/^SUBLEVEL = /./p" "$tree/Makefile" | tr -d "\\n") &&
		"$TOOLCAP" check --kernel="$tree" make >out &&
		test_eq "toolcap check: minimums of Linux $release from $tree" "$(head -n 1 out)" &&
		"$TOOLCAP" check --kernel="$tree" --json make >out.json &&
		python3 -c "import json; assert json.load(open(\"out.json\"))[\"kernel\"] == \"Linux $release\""
	'
done

if [ -n "${tree_6_12:-}" ]; then
test_expect_success 'the built-in minimums are exactly Linux 6.12'"'"'s' '
	for arch in "" ARCH=s390 ARCH=loongarch ARCH=parisc64 LLVM=1; do
		( [ -z "$arch" ] || export "${arch?}"; minimums "" ) >builtin &&
		( [ -z "$arch" ] || export "${arch?}"; minimums "$tree_6_12" ) >tree &&
		test_cmp tree builtin || return 1
	done &&
	"$TOOLCAP" check --kernel make >out &&
	test_eq "toolcap check: minimums of Linux 6.12 (built in)" "$(head -n 1 out)"
'
fi

if [ -n "${tree_6_1:-}" ]; then
# broken_tree NAME: a copy of the 6.1 tree to break.
broken_tree() {
	rm -rf "$1" && cp -R "$tree_6_1" "$1"
}

expect_tree_error() {
	test_expect_code 2 "$TOOLCAP" check --kernel="$1" >out 2>err &&
	test_must_be_empty out &&
	test_line_count -eq 1 err &&
	grep -q "^toolcap: check: $2" err
}

test_expect_success 'a directory that is not a Linux tree: exit 2, one line' '
	expect_tree_error "$TRASH" "--kernel=$TRASH: not a Linux source tree (no scripts/min-tool-version.sh)" &&
	expect_tree_error "$TRASH/nonexistent" "--kernel=$TRASH/nonexistent: not a Linux source tree" &&
	broken_tree nodoc && rm nodoc/Documentation/process/changes.rst &&
	expect_tree_error nodoc "--kernel=nodoc: not a Linux source tree (cannot read nodoc/Documentation/process/changes.rst)" &&
	broken_tree nomake && rm nomake/Makefile &&
	expect_tree_error nomake "--kernel=nomake: not a Linux source tree (no VERSION and PATCHLEVEL"
'

test_expect_success 'a min-tool-version.sh that fails or prints no version: exit 2, one line' '
	broken_tree fails &&
	printf "#!/bin/sh\\necho \"\$1: unknown tool\" >&2\\nexit 1\\n" >fails/scripts/min-tool-version.sh &&
	expect_tree_error fails "fails/scripts/min-tool-version.sh gcc: exit 1: \"gcc: unknown tool\"" &&
	broken_tree noexec && chmod -x noexec/scripts/min-tool-version.sh &&
	expect_tree_error noexec "noexec/scripts/min-tool-version.sh gcc: " &&
	broken_tree garbage &&
	printf "#!/bin/sh\\necho \"version five\"\\n" >garbage/scripts/min-tool-version.sh &&
	expect_tree_error garbage "garbage/scripts/min-tool-version.sh gcc: not a version: \"version five\"" &&
	broken_tree hangs &&
	printf "#!/bin/sh\\nsleep 30\\n" >hangs/scripts/min-tool-version.sh &&
	TOOLCAP_TIMEOUT=1 expect_tree_error hangs "hangs/scripts/min-tool-version.sh gcc: timed out"
'

test_expect_success 'a changes.rst without the table, or with a bad row: exit 2, one line' '
	broken_tree notable &&
	sed -i "/^Current Minimal Requirements/d" notable/Documentation/process/changes.rst &&
	expect_tree_error notable "notable/Documentation/process/changes.rst: no \"Current Minimal Requirements\" table" &&
	broken_tree badrow &&
	sed -i "s/^GNU make               3.82 /GNU make               new  /" badrow/Documentation/process/changes.rst &&
	grep -n "^GNU make  *new" badrow/Documentation/process/changes.rst >line &&
	expect_tree_error badrow "badrow/Documentation/process/changes.rst:$(cut -d: -f1 line): the minimum version must start with a digit" &&
	broken_tree longrow &&
	sed -i "s/^\(GNU make               3.82 \)/\1$(printf "%0600d" 0)/" longrow/Documentation/process/changes.rst &&
	grep -n "^GNU make  *3.82 *00000" longrow/Documentation/process/changes.rst >line &&
	expect_tree_error longrow "longrow/Documentation/process/changes.rst:$(cut -d: -f1 line): line longer than 510 bytes"
'
fi

test_done
