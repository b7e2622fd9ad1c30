#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make bench, part 2: Kconfig on a real tree.  x86_64 olddefconfig of
# Debian's linux-source-6.1 under the real conf (linux-kbuild-6.1), for
# gcc and for LLVM=1, four ways, in one run:
#   stock   the tree as it is: scripts/Kconfig.include's macros;
#   cold    toolcap's macros (kconfig/Kconfig.toolcap sourced after
#           Kconfig.include), empty cache, `toolcap prefetch` included;
#   overlap the same, with TOOLCAP_PREFETCH=Kconfig: Kconfig.toolcap
#           starts the prefetch in the background and conf reads on;
#   warm    toolcap's macros, the cache left by the previous run;
#   floor   every literal call of cc-option, ld-option, as-instr and
#           rustc-option replaced in the tree's Kconfig files by its
#           answer (y or n, asked once beforehand): what no cache of these
#           macros can beat.  The calls that are not literal, or continued
#           over lines, still run (the stock way).
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
for t in stock toolcap; do
	mkdir "$work/trees/$t"
	for f in "$work"/*; do
		[ "$f" = "$work/trees" ] || cp -a "$f" "$work/trees/$t/"
	done
done
cp kconfig/Kconfig.toolcap "$work/trees/toolcap/scripts/"
echo 'source "scripts/Kconfig.toolcap"' >>"$work/trees/toolcap/scripts/Kconfig.include"
cp "$work/arch/x86/configs/x86_64_defconfig" "$work/start.config"

# toolchain gcc|llvm: the tools the top Makefile passes to conf.
toolchain() {
	if [ "$1" = llvm ]; then
		cc=$LLVM_CC ld=$LLVM_LD
		clang_flags='--target=x86_64-linux-gnu -fintegrated-as -Werror=unknown-warning-option -Werror=ignored-optimization-argument'
	else
		cc=gcc ld=ld clang_flags=
	fi
}

# make_floor TOOLCHAIN: trees/floor-TOOLCHAIN, the stock tree with each
# literal probe call replaced by its answer for that toolchain, asked the
# way kconfig/Kconfig.toolcap asks it.
make_floor() {
	toolchain "$1"
	floor=$work/trees/floor-$1 instr=
	rm -rf "$floor" && cp -a "$work/trees/stock" "$floor"
	instr=
	calls='[$][(](cc-option|ld-option|as-instr|rustc-option),[^()]*[)]'
	grep -rlE --include='Kconfig*' "$calls" "$floor" >"$work/files"
	# shellcheck disable=SC2046
	grep -hoE "$calls" $(cat "$work/files") | sort -u >"$work/calls"
	tab=$(printf '\t')
	while IFS= read -r call; do
		name=${call#??} arg=${call#*,}
		name=${name%%,*} arg=${arg%?}
		# $(1) reaches the macro's shell unquoted, as-instr's in "".
		# shellcheck disable=SC2086
		case $name in
		cc-option) "$TOOLCAP" cc-option --cc="$cc" --flags="$clang_flags" -- $arg ;;
		ld-option) "$TOOLCAP" ld-option --ld="$ld" -- $arg ;;
		as-instr) eval "instr=\"$arg\"" &&
			"$TOOLCAP" as-instr --cc="$cc" --flags="$clang_flags" -- "$instr" -Wa,--fatal-warnings ;;
		rustc-option) "$TOOLCAP" rustc-option --rustc=rustc -- $arg ;;
		esac >/dev/null 2>&1 && answer=y || answer=n
		printf '%s\t%s\n' "$call" "$answer"
	done <"$work/calls" >"$work/answers"
	while IFS= read -r f; do
		awk -v answers="$work/answers" -v tab="$tab" '
		BEGIN {
			while ((getline l < answers) > 0) {
				split(l, a, tab)
				n++; call[n] = a[1]; ans[n] = a[2]
			}
		}
		{
			for (i = 1; i <= n; i++)
				while ((p = index($0, call[i])) > 0)
					$0 = substr($0, 1, p - 1) ans[i] substr($0, p + length(call[i]))
			print
		}' "$f" >"$f.floor" && mv "$f.floor" "$f"
	done <"$work/files"
}

# conf_env TREE COMMAND...: COMMAND in $work/out with the environment the
# top Makefile gives conf (toolchain first).  The probe cache's key holds
# the environment, so the prefetch must see this one too.
conf_env() {
	tree=$work/trees/$1
	shift
	(cd "$work/out" && env srctree="$tree" ARCH=x86 SRCARCH=x86 \
		TOOLCAP_PREFETCH="${prefetch_kconfig:-}" \
		KERNELVERSION=6.1.0 CC="$cc" LD="$ld" HOSTCC=gcc \
		CLANG_FLAGS="$clang_flags" CC_VERSION_TEXT="$($cc --version | head -n 1)" \
		PAHOLE=pahole RUSTC=rustc BINDGEN=bindgen KCONFIG_CONFIG=.config \
		"$@" >/dev/null 2>&1)
}

# olddefconfig TREE TOOLCHAIN: conf run as the top Makefile runs it.
olddefconfig() {
	toolchain "$2"
	rm -rf "$work/out" && mkdir "$work/out" &&
	cp "$work/start.config" "$work/out/.config" &&
	conf_env "$1" "$CONF" --olddefconfig "$work/trees/$1/Kconfig"
}

prefetch() {
	toolchain "$1"
	rm -rf "$work/out" && mkdir "$work/out" &&
	conf_env toolcap "$TOOLCAP" prefetch "$work/trees/toolcap/Kconfig"
}

now_ms() { date +%s%N | cut -c1-13; }

# run_once WAY TOOLCHAIN: one timed run, appended to times.WAY; the
# .config kept as WAY.config.
run_once() {
	prefetch_kconfig=
	case $1 in cold | overlap) rm -rf "$TOOLCAP_CACHE" ;; esac
	start=$(now_ms)
	case $1 in
	stock) olddefconfig stock "$2" ;;
	floor) olddefconfig "floor-$2" "$2" ;;
	cold) prefetch "$2" && olddefconfig toolcap "$2" ;;
	overlap) prefetch_kconfig=Kconfig && olddefconfig toolcap "$2" ;;
	warm) olddefconfig toolcap "$2" ;;
	esac || echo "Kconfig bench: $1 $2 failed" >&2
	end=$(now_ms)
	echo $((end - start)) >>"$work/times.$1"
	# A background prefetch may outlive conf by a moment: let it end
	# before the next run is timed.
	i_wait=0
	while [ "$1" = overlap ] && [ "$i_wait" -lt 100 ] &&
	      pgrep -f "prefetch --background" >/dev/null 2>&1; do
		sleep 0.1
		i_wait=$((i_wait + 1))
	done
	cp "$work/out/.config" "$work/$1.config"
}

# median_ms WAY: the median of its runs.
median_ms() {
	sort -n "$work/times.$1" | sed -n "$(((RUNS + 1) / 2))p"
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
echo "Kconfig: Linux 6.1 x86_64_defconfig, conf --olddefconfig, median of $RUNS rounds"
echo "(cold = empty cache, toolcap prefetch --jobs=$(nproc) + conf)"
for tc in gcc llvm; do
	if [ "$tc" = llvm ] && ! command -v "$LLVM_CC" >/dev/null; then
		echo "LLVM=1: not run (install clang and lld)"
		continue
	fi
	label=gcc
	[ "$tc" = llvm ] && label="LLVM=1 ($LLVM_CC, $LLVM_LD)"
	echo "$label:"
	make_floor "$tc"
	# Round by round, so that a slow moment of the machine falls on
	# every way alike.
	rm -f "$work"/times.*
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		for way in stock cold overlap warm floor; do
			run_once "$way" "$tc"
		done
		i=$((i + 1))
	done
	stock=$(median_ms stock)
	row "stock Kconfig.include" "$stock" "$stock"
	row "toolcap cold (prefetch + conf)" "$(median_ms cold)" "$stock"
	row "toolcap cold (prefetch beside conf)" "$(median_ms overlap)" "$stock"
	row "toolcap warm" "$(median_ms warm)" "$stock"
	row "floor (the calls replaced by answers)" "$(median_ms floor)" "$stock"
	different=
	for way in cold overlap warm floor; do
		cmp -s "$work/stock.config" "$work/$way.config" ||
			different="$different $way"
	done
	echo "  .config: ${different:+DIFFERS from stock:}${different:-all byte-identical}"
	echo "  ($(wc -l <"$work/calls") distinct literal calls answered in the floor tree)"
done
