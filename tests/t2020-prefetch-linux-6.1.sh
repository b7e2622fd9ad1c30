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
		grep -q "46 probe calls, 46 distinct: 0 cached already, 46 probed, 0 left to Kconfig, 0 failed" prefetch.out &&
		"$TOOLCAP" cache stats >before &&
		olddefconfig "$TRASH/probes" cold $PF_TC &&
		"$TOOLCAP" cache stats >after &&
		olddefconfig "$TRASH/probes" warm $PF_TC &&
		"$TOOLCAP" cache stats >warm-stats &&
		cmp stock/.config cold/.config &&
		cmp stock/.config warm/.config &&
		diff before after | sed -n "s/^[<>] entries: //p" >entries &&
		cat entries &&
		test_number "$(sed -n 2p entries)" -le "$(($(sed -n 1p entries) + 1))" &&
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
	test_number "$(sed -n "s/^entries: //p" stats)" -ge 47 &&
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
	test "$upgraded_runs" -ge $((warm_runs + 37)) &&
	cmp first/.config third/.config
'

test_done
