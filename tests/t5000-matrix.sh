#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# toolcap matrix with the real Kconfig engines: the BTF gate of
# examples/btf-gate under conf and kconfiglib (the same table), --expect
# holding and failing, a tree where nothing flips, a broken Kconfig, an
# engine that hangs, and the real Linux 6.1 tree compared with conf run by
# hand, before and after the BTF gate.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

VERSIONS='1.16 1.21 1.22 1.22-git 1.24 missing'
export VERSIONS

# json_summary FILE: the --json document as lines a test can compare.
cat >"$TRASH/json_summary.py" <<\EOT
import json, sys
d = json.load(open(sys.argv[1]))
print("SYMBOL", " ".join(d["versions"]))
for s in d["symbols"]:
    print(s["name"], " ".join("-" if v is None else v for v in s["values"]))
for e in d["expectations"]:
    print(e["expect"], e["holds"],
          " ".join("%s:%s/%s" % (f["version"], f["expected"], f["got"])
                   for f in e["failures"]))
print(d["engine"], d["variable"], d["family"], d["result"], d["exit"])
EOT

# gate_matrix ENGINE [OPTION...]: the matrix of the BTF gate example,
# starting from its defconfig (DEBUG_INFO_BTF=y asked for).
gate_matrix() {
	_engine=$1
	shift
	# shellcheck disable=SC2086
	srctree=$TOP "$TOOLCAP" matrix --engine="$_engine" \
		--kconfig="$BTF_GATE/Kconfig" --config="$BTF_GATE/defconfig" \
		"$@" PAHOLE=pahole $VERSIONS
}

# What the gate gives: BTF from 1.22 on, a git build counting as its
# release, nothing for 1.16 (no split BTF) or without pahole.
cat >"$TRASH/gate.expected" <<\EOT
SYMBOL                              1.16  1.21  1.22  1.22-git  1.24  missing
PAHOLE_VERSION                      116   121   122   122       124   0
PAHOLE_HAS_SPLIT_BTF                -     y     y     y         y     -
BTF_ALLOW_PAHOLE_SKIP_VARS          -     n     -     -         -     -
PAHOLE_HAS_ZEROSIZE_PERCPU_SUPPORT  -     -     y     y         y     -
DEBUG_INFO_BTF                      -     -     y     y         y     -
DEBUG_INFO_BTF_MODULES              -     -     y     y         y     -
PAHOLE_HAS_BTF_TAG                  -     -     -     -         y     -
PAHOLE_HAS_LANG_EXCLUDE             -     -     -     -         y     -
EOT

# A tree whose symbols do not depend on the tool at all.
mkdir -p "$TRASH/still"
cat >"$TRASH/still/Kconfig" <<\EOT
config MODULES
	bool "Loadable module support"
	default y

config HZ
	int
	default 250
EOT

# A tree conf and kconfiglib refuse.
mkdir -p "$TRASH/broken"
printf 'config A\n\tbool "a"\nconfig B\n\tbogus line here\n' >"$TRASH/broken/Kconfig"

# Records what the stand-ins print, as the tree's own $(shell) sees it.
mkdir -p "$TRASH/shapes"
cat >"$TRASH/shapes/Kconfig" <<\EOT
config SEEN
	string
	default "$(shell,$(TOOLCAP) version -- $(TOOL) 2>/dev/null)"
EOT

test_expect_success 'usage: an unknown family, a malformed version, a bad --expect are one-line errors, exit 2' '
	for args in "PAHOLE=make 1.0" "PAHOLE=pahole v1.21" "PAHOLE=pahole" \
		    "LD=ld.bfd 2.38-git" "--expect=X PAHOLE=pahole 1.21" \
		    "--expect=X=y@<1.0 PAHOLE=pahole 1.21" \
		    "--expect=X=y@soon PAHOLE=pahole 1.21" \
		    "--engine=/no/such/conf PAHOLE=pahole 1.21" \
		    "--kconfig=/no/such/Kconfig PAHOLE=pahole 1.21" \
		    "PAHOLE=pahole 1.21 1.21"; do
		# shellcheck disable=SC2086
		test_expect_code 2 "$TOOLCAP" matrix --kconfig="$TRASH/still/Kconfig" $args >out 2>err &&
		test_cmp /dev/null out &&
		test_line_count -eq 1 err &&
		grep "^toolcap: matrix: " err || { echo "args: $args"; cat err; exit 1; }
	done
'

if [ -x "$KCONFIG_CONF" ]; then
	test_expect_success 'conf: the BTF gate example flips BTF at pahole 1.22, a git build counting as 1.22' '
		gate_matrix conf >actual &&
		test_cmp "$TRASH/gate.expected" actual
	'

	test_expect_success 'conf: --expect that holds: exit 0, each one said to hold' '
		gate_matrix conf --expect "DEBUG_INFO_BTF=n@<1.22" \
			--expect=DEBUG_INFO_BTF=y@\>=1.22 \
			--expect "DEBUG_INFO_BTF_MODULES=y@1.22" \
			--expect "PAHOLE_VERSION=0@missing" \
			--expect "PAHOLE_VERSION=122@git" \
			--expect "BTF_ALLOW_PAHOLE_SKIP_VARS=n@>=1.18,<1.22" \
			--expect "CONFIG_MODULES=y" >out &&
		sed -n "/^expectation/p" out >actual &&
		cat >expected <<-\EOT &&
		expectation holds: DEBUG_INFO_BTF=n@<1.22
		expectation holds: DEBUG_INFO_BTF=y@>=1.22
		expectation holds: DEBUG_INFO_BTF_MODULES=y@1.22
		expectation holds: PAHOLE_VERSION=0@missing
		expectation holds: PAHOLE_VERSION=122@git
		expectation holds: BTF_ALLOW_PAHOLE_SKIP_VARS=n@>=1.18,<1.22
		expectation holds: CONFIG_MODULES=y
		EOT
		test_cmp expected actual
	'

	test_expect_success 'conf: --expect naming a symbol the tree does not define (a typo) is exit 2, not a pass' '
		test_expect_code 2 gate_matrix conf \
			--expect "DEBUG_INFO_BTFF=n@<1.22" >out 2>err &&
		test_must_be_empty out &&
		test_line_count -eq 1 err &&
		grep "^toolcap: matrix: --expect \"DEBUG_INFO_BTFF=n@<1.22\": no symbol DEBUG_INFO_BTFF in " err
	'

	test_expect_success 'conf: --expect that fails: exit 1 and, per version, what was expected and found' '
		test_expect_code 1 gate_matrix conf \
			--expect "DEBUG_INFO_BTF=y@>=1.21" \
			--expect "PAHOLE_VERSION=0@missing" >out &&
		sed -n "/^$/,\$p" out >actual &&
		cat >expected <<-\EOT &&

		expectation FAILED: DEBUG_INFO_BTF=y@>=1.21
		  PAHOLE 1.21: expected y, got -
		expectation holds: PAHOLE_VERSION=0@missing
		EOT
		test_cmp expected actual
	'

	test_expect_success 'conf: --json says the same, and the failure' '
		test_expect_code 1 gate_matrix conf --json \
			--expect "DEBUG_INFO_BTF=y@1.21" >out &&
		python3 "$TRASH/json_summary.py" out >actual &&
		{
			sed "s/  */ /g" "$TRASH/gate.expected" &&
			echo "DEBUG_INFO_BTF=y@1.21 False 1.21:y/None" &&
			echo "conf PAHOLE pahole failed 1"
		} >expected &&
		test_cmp expected actual
	'

	test_expect_success 'conf: a tree where nothing flips: the heading alone, exit 0, the tree not written' '
		(cd "$TRASH/still" && ls -A) >before &&
		(cd "$TRASH/still" && "$TOOLCAP" matrix PAHOLE=pahole $VERSIONS) >actual &&
		echo "SYMBOL  1.16  1.21  1.22  1.22-git  1.24  missing" >expected &&
		test_cmp expected actual &&
		(cd "$TRASH/still" && ls -A) >after &&
		test_cmp before after
	'

	test_expect_success 'conf: a broken Kconfig: exit 2, one line with conf'"'"'s own message' '
		test_expect_code 2 "$TOOLCAP" matrix --kconfig="$TRASH/broken/Kconfig" \
			PAHOLE=pahole 1.21 1.22 >out 2>err &&
		test_cmp /dev/null out &&
		test_line_count -eq 1 err &&
		grep "^toolcap: matrix: conf failed (exit status 1) with PAHOLE = pahole 1.21: .*unknown statement .bogus." err
	'

	test_expect_success 'conf: an engine that hangs is killed at --timeout, with all it started' '
		mkdir hang &&
		printf "config A\n\tstring\n\tdefault \"\$(shell,sleep 30; echo x)\"\n" >hang/Kconfig &&
		start=$(date +%s) &&
		test_expect_code 2 "$TOOLCAP" matrix --timeout=1 --kconfig=hang/Kconfig \
			PAHOLE=pahole 1.21 2>err &&
		test $(($(date +%s) - start)) -lt 10 &&
		grep "^toolcap: matrix: conf: still running after 1 s with PAHOLE = pahole 1.21, killed" err &&
		! pgrep -f "sleep 30; echo x" >/dev/null
	'

	test_expect_success 'conf: every stand-in is read by toolcap as its family and version' '
		for spec in pahole:1.21 pahole:1.22-git gcc:12.2.0 clang:16.0.6 \
			    clang:17.0.1-git ld.bfd:2.38 ld:2.38 ld.lld:16.0.6 \
			    ld.lld:14.0.0-git gas:2.40 rustc:1.78.0 bindgen:0.65.1; do
			family=${spec%%:*} version=${spec#*:} &&
			"$TOOLCAP" matrix --kconfig=shapes/Kconfig TOOL="$family" "$version" missing >out &&
			tail -n 1 out | sed "s/  */ /g" >actual &&
			release=${version%-git} &&
			case $family in ld) family=ld.bfd ;; esac &&
			echo "SEEN \"$family $release\" \"\"" >expected &&
			test_cmp expected actual || { echo "stand-in: $spec"; exit 1; }
		done
	'
else
	test_skip "conf: the matrix of the BTF gate example" "no conf: install linux-kbuild-6.1"
fi

if [ -n "$KCONFIGLIB_PYTHON" ]; then
	test_expect_success 'kconfiglib: the same table as conf for the BTF gate example' '
		gate_matrix kconfiglib >actual &&
		test_cmp "$TRASH/gate.expected" actual
	'

	test_expect_success 'kconfiglib: a broken Kconfig: exit 2, one line with kconfiglib'"'"'s own message' '
		test_expect_code 2 "$TOOLCAP" matrix --engine=kconfiglib \
			--kconfig="$TRASH/broken/Kconfig" PAHOLE=pahole 1.21 >out 2>err &&
		test_line_count -eq 1 err &&
		grep "^toolcap: matrix: kconfiglib failed (exit status 1) with PAHOLE = pahole 1.21: .*couldn.t parse .bogus line here.: syntax error" err
	'
else
	test_skip "kconfiglib: the matrix of the BTF gate example" "no kconfiglib: install python3-kconfiglib"
fi

# The real 6.1 tree, as tests/t1020 runs it.
need_linux_tree 6.1 "Linux 6.1: the PAHOLE matrix against conf by hand"

{
	cat "$LINUX/arch/x86/configs/x86_64_defconfig"
	printf 'CONFIG_DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT=y\nCONFIG_DEBUG_INFO_BTF=y\nCONFIG_BPF_SYSCALL=y\n'
} >"$TRASH/start.config"

# linux_conf's conf, replaced by toolcap matrix: the matrix gets exactly
# the environment linux_conf gives conf.
cat >"$TRASH/matrix-as-conf" <<\EOT
#!/bin/sh
set -f
# shellcheck disable=SC2086
exec "$TOOLCAP" matrix --engine="$REAL_CONF" --kconfig="$2" $MATRIX_ARGS
EOT
chmod +x "$TRASH/matrix-as-conf"

# linux_matrix TREE ARGS...: the matrix of a 6.1 tree with gcc on x86_64
# (in a subshell: KCONFIG_CONF is the wrapper only for this call).
linux_matrix() (
	REAL_CONF=$KCONFIG_CONF KCONFIG_CONF=$TRASH/matrix-as-conf
	_tree=$1
	shift
	MATRIX_ARGS="--config=$TRASH/start.config $*"
	export REAL_CONF KCONFIG_CONF MATRIX_ARGS
	linux_conf "$_tree" matrix-cwd --olddefconfig gcc
)

# by_hand OUT PAHOLE_SAMPLE: conf run as Kbuild runs it, with a pahole
# printing a recorded output.
by_hand() {
	fake_tool "bin-$1" pahole "$2" &&
	mkdir -p "$1" && cp "$TRASH/start.config" "$1/.config" &&
	(PAHOLE=$PWD/bin-$1/pahole && export PAHOLE &&
	 linux_conf "$LINUX" "$1" --olddefconfig gcc >"$1/log" 2>&1)
}

# The table two .config files make, as the matrix prints it (one space
# between columns).
table_of() {
	awk -v heading="SYMBOL $1 $2" '
	FNR == 1 { file++ }
	/^CONFIG_[A-Za-z0-9_]*=/ {
		i = index($0, "="); name = substr($0, 8, i - 8); value = substr($0, i + 1)
	}
	/^# CONFIG_[A-Za-z0-9_]* is not set$/ { name = substr($2, 8); value = "n" }
	name != "" {
		if (!(name in seen)) { seen[name] = 1; order[++n] = name }
		v[file, name] = value; name = ""
	}
	END {
		print heading
		for (i = 1; i <= n; i++) {
			a = ((1, order[i]) in v) ? v[1, order[i]] : "-"
			b = ((2, order[i]) in v) ? v[2, order[i]] : "-"
			if (a != b) print order[i], a, b
		}
	}' "$3" "$4"
}

if s116=$(pahole_sample 1.16) && sgit=$(pahole_git_sample); then
	S116=$s116 SGIT=$sgit && export S116 SGIT
	test_expect_success 'Linux 6.1: the PAHOLE matrix for 1.16 and 1.22-git is what conf gives by hand' '
		linux_matrix "$LINUX" PAHOLE=pahole 1.16 1.22-git >matrix &&
		by_hand h116 "$S116" && by_hand hgit "$SGIT" &&
		table_of 1.16 1.22-git h116/.config hgit/.config >expected &&
		sed "s/  */ /g" matrix >actual &&
		test_cmp expected actual &&
		grep "^PAHOLE_VERSION 116 122-5-g8b3f1a2$" actual &&
		grep "^DEBUG_INFO_BTF_MODULES - y$" actual
	'
else
	test_skip "Linux 6.1: the PAHOLE matrix against conf by hand" "no recorded pahole 1.16 or git-describe sample"
fi

test_expect_success 'Linux 6.1: BTF stays on before pahole 1.22; with toolcap-linux.sh it is off, and the expectation holds' '
	test_expect_code 1 linux_matrix "$LINUX" --expect "DEBUG_INFO_BTF=n@<1.22" \
		PAHOLE=pahole 1.21 1.22-git >before &&
	grep -A1 "^expectation FAILED: DEBUG_INFO_BTF=n@<1.22" before >actual &&
	printf "expectation FAILED: DEBUG_INFO_BTF=n@<1.22\n  PAHOLE 1.21: expected n, got y\n" >expected &&
	test_cmp expected actual &&
	cp -a "$LINUX" gated &&
	"$TOP/examples/linux/toolcap-linux.sh" --no-config gated >/dev/null &&
	linux_matrix "$PWD/gated" --expect "DEBUG_INFO_BTF=n@<1.22" \
		--expect "DEBUG_INFO_BTF=y@>=1.22" --expect "PAHOLE_VERSION=122@git" \
		PAHOLE=pahole 1.21 1.22-git >after &&
	grep -c "^expectation holds" after >count &&
	echo 3 >count.expected &&
	test_cmp count.expected count
'

test_done
