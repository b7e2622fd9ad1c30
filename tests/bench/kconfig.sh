#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make bench, part 2: Kconfig on a real tree.  x86_64 olddefconfig of
# Debian's linux-source-6.1 under the real conf (linux-kbuild-6.1), for
# gcc and for LLVM=1, four ways, in one run:
#   stock   the tree as it is: scripts/Kconfig.include's macros;
#   cold    toolcap's macros (kconfig/Kconfig.toolcap sourced after
#           Kconfig.include), empty cache, `toolcap prefetch` included;
#   warm    toolcap's macros, the cache left by the previous run;
#   floor   cc-option, ld-option, as-instr and rustc-option expand to a
#           constant without running anything: what no cache can beat
#           (the .config may differ; only the time counts).
# Prints the median of RUNS runs and the ratio to stock.  Not a test.
cd "$(dirname "$0")/../.." || exit 2
TOP=$PWD
TOOLCAP=$TOP/scripts/toolcap
RUNS=${RUNS:-5}
CONF=${KCONFIG_CONF:-/usr/lib/linux-kbuild-6.1/scripts/kconfig/conf}
tarball=/usr/src/linux-source-6.1.tar.xz
export TOOLCAP

if [ ! -x "$CONF" ] || [ ! -f "$tarball" ]; then
	echo "Kconfig bench: not run (install linux-kbuild-6.1 and linux-source-6.1)"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tar -xJf "$tarball" -C "$work" --strip-components=1 --wildcards \
	'*/Kconfig*' '*/scripts/*' '*/arch/x86/configs/*' 'linux-source-*/Makefile'
mkdir "$work/trees"
for t in stock toolcap floor; do
	mkdir "$work/trees/$t"
	for f in "$work"/*; do
		[ "$f" = "$work/trees" ] || cp -a "$f" "$work/trees/$t/"
	done
done
cp kconfig/Kconfig.toolcap "$work/trees/toolcap/scripts/"
echo 'source "scripts/Kconfig.toolcap"' >>"$work/trees/toolcap/scripts/Kconfig.include"
cat >>"$work/trees/floor/scripts/Kconfig.include" <<'EOF'
cc-option = y
ld-option = y
as-instr = y
rustc-option = y
EOF
cp "$work/arch/x86/configs/x86_64_defconfig" "$work/start.config"

# olddefconfig TREE TOOLCHAIN: conf run as the top Makefile runs it.
olddefconfig() {
	tree=$work/trees/$1
	if [ "$2" = llvm ]; then
		cc=$LLVM_CC ld=$LLVM_LD
		clang_flags='--target=x86_64-linux-gnu -fintegrated-as -Werror=unknown-warning-option -Werror=ignored-optimization-argument'
	else
		cc=gcc ld=ld clang_flags=
	fi
	rm -rf "$work/out" && mkdir "$work/out" &&
	cp "$work/start.config" "$work/out/.config" &&
	(cd "$work/out" && env srctree="$tree" ARCH=x86 SRCARCH=x86 \
		KERNELVERSION=6.1.0 CC="$cc" LD="$ld" HOSTCC=gcc \
		CLANG_FLAGS="$clang_flags" CC_VERSION_TEXT="$($cc --version | head -n 1)" \
		PAHOLE=pahole RUSTC=rustc BINDGEN=bindgen KCONFIG_CONFIG=.config \
		"$CONF" --olddefconfig "$tree/Kconfig" >/dev/null 2>&1)
}

prefetch() {
	if [ "$1" = llvm ]; then cc=$LLVM_CC ld=$LLVM_LD
		clang_flags='--target=x86_64-linux-gnu -fintegrated-as -Werror=unknown-warning-option -Werror=ignored-optimization-argument'
	else cc=gcc ld=ld clang_flags=; fi
	env srctree="$work/trees/toolcap" ARCH=x86 SRCARCH=x86 CC="$cc" LD="$ld" \
		CLANG_FLAGS="$clang_flags" RUSTC=rustc \
		"$TOOLCAP" prefetch "$work/trees/toolcap/Kconfig" >/dev/null
}

now_ms() { date +%s%N | cut -c1-13; }

# median_ms WAY TOOLCHAIN: the median wall time of RUNS runs.
median_ms() {
	: >"$work/times"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		case $1 in
		cold) rm -rf "$TOOLCAP_CACHE" ;;
		esac
		start=$(now_ms)
		case $1 in
		stock | floor) olddefconfig "$1" "$2" ;;
		cold) prefetch "$2" && olddefconfig toolcap "$2" ;;
		warm) olddefconfig toolcap "$2" ;;
		esac || echo "Kconfig bench: $1 $2 failed" >&2
		end=$(now_ms)
		echo $((end - start)) >>"$work/times"
		[ "$1" = cold ] && cp "$work/out/.config" "$work/cold.config"
		[ "$1" = stock ] && cp "$work/out/.config" "$work/stock.config"
		[ "$1" = warm ] && cp "$work/out/.config" "$work/warm.config"
		i=$((i + 1))
	done
	sort -n "$work/times" | sed -n "$(((RUNS + 1) / 2))p"
}

row() { # LABEL MS STOCK_MS
	awk -v l="$1" -v m="$2" -v a="$3" \
		'BEGIN { printf "  %-38s %7.3f s %7.2fx faster\n", l, m / 1000, a / m }'
}

LLVM_CC=clang LLVM_LD=ld.lld
command -v clang-16 >/dev/null && command -v ld.lld-16 >/dev/null &&
	LLVM_CC=clang-16 LLVM_LD=ld.lld-16
TOOLCAP_CACHE=$work/cache
export TOOLCAP_CACHE

echo
echo "Kconfig: Linux 6.1 x86_64_defconfig, conf --olddefconfig, median of $RUNS runs"
echo "(cold = empty cache, toolcap prefetch --jobs=$(nproc) + conf)"
for tc in gcc llvm; do
	if [ "$tc" = llvm ] && ! command -v "$LLVM_CC" >/dev/null; then
		echo "LLVM=1: not run (install clang and lld)"
		continue
	fi
	label=gcc
	[ "$tc" = llvm ] && label="LLVM=1 ($LLVM_CC, $LLVM_LD)"
	echo "$label:"
	stock=$(median_ms stock "$tc")
	row "stock Kconfig.include" "$stock" "$stock"
	row "toolcap cold (prefetch + conf)" "$(median_ms cold "$tc")" "$stock"
	row "toolcap warm" "$(median_ms warm "$tc")" "$stock"
	row "floor (the macros constant)" "$(median_ms floor "$tc")" "$stock"
	if cmp -s "$work/stock.config" "$work/cold.config" &&
	   cmp -s "$work/stock.config" "$work/warm.config"; then
		echo "  .config: stock, cold and warm byte-identical"
	else
		echo "  .config: DIFFERS between stock and toolcap"
	fi
done
