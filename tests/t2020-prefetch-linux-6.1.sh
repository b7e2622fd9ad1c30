#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# The real Linux 6.1 tree with toolcap's probe macros (kconfig/
# Kconfig.toolcap sourced after scripts/Kconfig.include): x86_64
# olddefconfig writes the same .config, byte for byte, as the stock tree,
# for gcc and for LLVM=1, cold (after toolcap prefetch) and warm; the
# Kconfig run after prefetch runs no probe that prefetch could have run;
# TOOLCAP_PREFETCH runs the prefetch beside conf with the same result;
# and a compiler upgraded in place is probed again.
. "$(dirname "$0")/lib.sh"
. "$TEST_DIRECTORY/kconfig/lib-kconfig.sh"

need_linux_tree 6.1 "Linux 6.1 with toolcap's probe macros"
cp "$LINUX/arch/x86/configs/x86_64_defconfig" "$TRASH/start.config"

# A copy of the tree whose Kconfig.include ends by sourcing toolcap's,
# with 6.1's semantics, as patch 0003 of `make linux-patches` does.
rm -rf "$TRASH/probes" && cp -a "$LINUX" "$TRASH/probes" &&
cp "$TOP/kconfig/Kconfig.toolcap" "$TRASH/probes/scripts/" &&
printf 'toolcap-kbuild-version := 6.1\nsource "scripts/Kconfig.toolcap"\n' >>"$TRASH/probes/scripts/Kconfig.include"

# olddefconfig TREE OUT TOOLCHAIN
olddefconfig() {
	mkdir -p "$2" && cp "$TRASH/start.config" "$2/.config" &&
	linux_conf "$1" "$2" --olddefconfig "$3" >"$2/log" 2>&1
}

# prefetch TOOLCHAIN: what the Kconfig run will probe, with its tools and
# the whole environment the top Makefile gives conf (the cache key holds
# the environment: a prefetch in another one would fill other entries).
# linux_conf runs "$KCONFIG_CONF --TARGET KCONFIG": here that is a
# script running toolcap prefetch instead of conf, with KCONFIG_CONF
# (exported) as conf sees it.
# TOOLCAP_KBUILD=6_1: 6.1's as-instr, as Kconfig.toolcap passes it.
printf '#!/bin/sh\nshift\nTOOLCAP_KBUILD=6_1 KCONFIG_CONF=%s exec "$TOOLCAP" prefetch "$@"\n' \
	"$KCONFIG_CONF" >"$TRASH/prefetch-as-conf"
chmod +x "$TRASH/prefetch-as-conf"
# (Set and restored: an assignment before a function call may persist.)
prefetch() {
	_conf=$KCONFIG_CONF KCONFIG_CONF=$TRASH/prefetch-as-conf
	linux_conf "$TRASH/probes" "$TRASH/prefetch-$1" --olddefconfig "$1"
	_status=$? KCONFIG_CONF=$_conf
	return $_status
}

linux_toolchain llvm
LLVM_CC=$LINUX_TC_CC

# The counts the tests below expect, taken from the tree under test, so
# that a change of the tree or of Kconfig.toolcap changes them too:
# - CALLS, DISTINCT: the probe calls the real conf makes on this tree,
#   all of them and the distinct ones, and CC_CALLS, those that run the
#   compiler (cc-option, as-instr): a cold olddefconfig with gcc through
#   a toolcap that logs its arguments.  6.1 x86_64: 47 calls (38
#   cc-option, 6 as-instr, 3 ld-option), 47 distinct, 44 on the compiler.
# - NONLITERAL: the calls whose argument holds a $(...) other than
#   $(comma), in the Kconfig files x86_64 reads (every one outside arch/,
#   and arch/x86's): prefetch cannot know their words without evaluating
#   the Kconfig and leaves them to conf, uncounted.  6.1: 1, init/
#   Kconfig's $(cc-option,$(m64-flag) -D__SIZEOF_INT128__=0).
# - ENTRIES: the cache entries that cold conf run leaves: one per distinct
#   probe, plus the baseline of a compiler that said no (t0240) and the
#   driver's -print-prog-name answers.  6.1 x86_64 with gcc: 49.
printf '#!/bin/sh\n{ printf "%%s" "$*" | tr "\\n" " "; echo; } >>"%s"\nTOOLCAP="%s" exec "%s" "$@"\n' \
	"$TRASH/counted-calls" "$TOOLCAP" "$TOOLCAP" >"$TRASH/counting-toolcap"
chmod +x "$TRASH/counting-toolcap"
mkdir -p "$TRASH/counted" && cp "$TRASH/start.config" "$TRASH/counted/.config" &&
: >"$TRASH/counted-calls"
# (Set and restored, as in prefetch below.)
count_probe_calls() {
	_tc=$TOOLCAP _cache=$TOOLCAP_CACHE
	TOOLCAP=$TRASH/counting-toolcap TOOLCAP_CACHE=$TRASH/counted-cache
	linux_conf "$TRASH/probes" "$TRASH/counted" --olddefconfig gcc
	_status=$? TOOLCAP=$_tc TOOLCAP_CACHE=$_cache
	return $_status
}
if ! count_probe_calls >"$TRASH/counted/log" 2>&1; then
	echo "not ok - conf counts the probe calls of the tree (see $TRASH/counted/log)"
	test_failures=$((test_failures + 1))
fi
# (A file, not echo: dash's echo would expand as-instr's \n.)
grep -E '^(cc-option|ld-option|as-instr|rustc-option) ' "$TRASH/counted-calls" >"$TRASH/probe-calls"
CALLS=$(grep -c . "$TRASH/probe-calls")
DISTINCT=$(sort -u "$TRASH/probe-calls" | grep -c .)
CC_CALLS=$(grep -cE '^(cc-option|as-instr) ' "$TRASH/probe-calls")
NONLITERAL=$(cd "$TRASH/probes" &&
	{ find . -path ./arch -prune -o -name 'Kconfig*' -print; find arch/x86 -name 'Kconfig*'; } |
	grep -v -e '^./scripts/Kconfig.include$' -e '^./scripts/Kconfig.toolcap$' |
	xargs sed 's/\$(comma)//g' |
	grep -cE '\$\((cc-option|ld-option|as-instr|as-instr64|rustc-option),[^)]*\$\(')
ENTRIES=$(TOOLCAP_CACHE=$TRASH/counted-cache "$TOOLCAP" cache stats | sed -n 's/^entries: //p')
export CALLS DISTINCT CC_CALLS NONLITERAL ENTRIES
echo "# conf: $CALLS probe calls, $DISTINCT distinct, $CC_CALLS on the compiler; $NONLITERAL not literal; $ENTRIES cache entries"

for tc in gcc llvm; do
	if [ $tc = llvm ] && ! have "$LLVM_CC"; then
		test_skip "LLVM=1 with toolcap's probe macros" "clang or ld.lld not installed"
		continue
	fi
	PF_TC=$tc && export PF_TC
	test_expect_success "$tc: the same .config as stock, cold after prefetch and warm" '
		olddefconfig "$LINUX" stock $PF_TC &&
		prefetch $PF_TC >prefetch.out &&
		cat prefetch.out &&
		test_number "$CALLS" -gt 0 &&
		grep "$((CALLS - NONLITERAL)) probe calls, $((DISTINCT - NONLITERAL)) distinct: 0 cached already, $((DISTINCT - NONLITERAL)) probed, 0 left to Kconfig, 0 failed" prefetch.out &&
		"$TOOLCAP" cache stats >before &&
		olddefconfig "$TRASH/probes" cold $PF_TC &&
		"$TOOLCAP" cache stats >after &&
		olddefconfig "$TRASH/probes" warm $PF_TC &&
		"$TOOLCAP" cache stats >warm-stats &&
		cmp stock/.config cold/.config &&
		cmp stock/.config warm/.config &&
		diff before after | sed -n "s/^[<>] entries: //p" >entries &&
		cat entries &&
		# Conf adds at most the probes prefetch left to it.
		test_number "$(sed -n 2p entries)" -le "$(($(sed -n 1p entries) + NONLITERAL))" &&
		cmp after warm-stats
	'
done

# TOOLCAP_PREFETCH: Kconfig.toolcap starts the prefetch itself, in the
# background, and conf reads on: the same .config from an empty cache,
# and the cache filled by the time the prefetch ends.
test_expect_success 'TOOLCAP_PREFETCH=Kconfig: prefetch beside conf, the same .config' '
	TOOLCAP_CACHE=$PWD/overlap-cache && export TOOLCAP_CACHE &&
	olddefconfig "$LINUX" stock gcc &&
	TOOLCAP_PREFETCH=Kconfig && export TOOLCAP_PREFETCH &&
	olddefconfig "$TRASH/probes" overlap gcc &&
	unset TOOLCAP_PREFETCH &&
	cmp stock/.config overlap/.config &&
	i=0 &&
	while pgrep -f "prefetch --background" >/dev/null && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done &&
	"$TOOLCAP" cache stats >stats && cat stats &&
	test_eq "$ENTRIES" "$(sed -n "s/^entries: //p" stats)" &&
	# Conf makes the same entries itself: show that the prefetch ran,
	# with a Kconfig holding one probe that nothing else asks.
	printf "config MARKER\n\tdef_bool \$(cc-option,-Wno-toolcap-prefetch-marker)\n" >marker.Kconfig &&
	TOOLCAP_PREFETCH=$PWD/marker.Kconfig && export TOOLCAP_PREFETCH &&
	olddefconfig "$TRASH/probes" marker gcc &&
	unset TOOLCAP_PREFETCH &&
	i=0 &&
	while pgrep -f "prefetch --background" >/dev/null && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done &&
	"$TOOLCAP" cache stats >stats2 &&
	test_eq $(($(sed -n "s/^entries: //p" stats) + 1)) "$(sed -n "s/^entries: //p" stats2)"
'

# A wrapper compiler (a real gcc behind a script): rewriting it in place
# gives it a new size and mtime, and the next run probes again.
test_expect_success 'a compiler upgraded in place is probed again' '
	mkdir -p bin &&
	printf "#!/bin/sh\necho run >>\"%s/runs\"\nexec gcc \"\$@\"\n" "$PWD" >bin/cc &&
	chmod +x bin/cc &&
	LINUX_CC=$PWD/bin/cc && export LINUX_CC &&
	olddefconfig "$TRASH/probes" first gcc &&
	: >runs &&
	olddefconfig "$TRASH/probes" second gcc &&
	warm_runs=$(wc -l <runs) &&
	printf "#!/bin/sh\n# upgraded\necho run >>\"%s/runs\"\nexec gcc \"\$@\"\n" "$PWD" >bin/cc &&
	: >runs &&
	olddefconfig "$TRASH/probes" third gcc &&
	upgraded_runs=$(wc -l <runs) &&
	echo "warm: $warm_runs compiler runs, after the upgrade: $upgraded_runs" &&
	# Every probe that runs the compiler runs it again.
	test_number "$upgraded_runs" -ge $((warm_runs + CC_CALLS)) &&
	cmp first/.config third/.config
'

test_done
