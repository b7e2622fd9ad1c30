#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make bench: what it costs to ask "which gcc is this?", measured in one
# run against its anchors: the bare `gcc --version`, and the kernel's own
# scripts/cc-version.sh from Debian's linux-source-6.1 when installed.
# Prints the median time per call over ROUNDS rounds of CALLS calls each.
# Not a test: nothing here passes or fails on a number.
cd "$(dirname "$0")/../.." || exit 2
TOOLCAP=$PWD/scripts/toolcap
ROUNDS=${ROUNDS:-7}
CALLS=${CALLS:-100}
CC_TOOL=${CC_TOOL:-gcc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The kernel's script, from the real tree (only the two files it needs).
kernel_tar=/usr/src/linux-source-6.1.tar.xz
if [ -f "$kernel_tar" ]; then
	tar -xJf "$kernel_tar" -C "$work" --wildcards \
		'*/scripts/cc-version.sh' '*/scripts/min-tool-version.sh' \
		'*/scripts/ld-version.sh' 2>/dev/null
	kernel_scripts=$work/linux-source-6.1/scripts
fi

# median_us CMD...: median microseconds per call of CMD.  hyperfine, when
# installed, runs it without a shell in between (-N); else a sh loop.
median_us() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w 10 -r $((ROUNDS * CALLS)) --export-json "$work/h.json" \
			"$*" >/dev/null 2>&1 &&
		sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$work/h.json" |
			awk '{ printf "%d\n", $1 * 1000000 }'
		return
	fi
	r=0
	: >"$work/rounds"
	while [ "$r" -lt "$ROUNDS" ]; do
		i=0
		start=$(date +%s%N)
		while [ "$i" -lt "$CALLS" ]; do
			"$@" >/dev/null 2>&1
			i=$((i + 1))
		done
		end=$(date +%s%N)
		echo $(((end - start) / CALLS / 1000)) >>"$work/rounds"
		r=$((r + 1))
	done
	sort -n "$work/rounds" | sed -n "$(((ROUNDS + 1) / 2))p"
}

row() { # LABEL MEDIAN ANCHOR
	awk -v l="$1" -v m="$2" -v a="$3" \
		'BEGIN { printf "%-44s %9d us %8.2fx\n", l, m, m / a }'
}

if command -v hyperfine >/dev/null 2>&1; then how="hyperfine -N, $((ROUNDS * CALLS)) runs"
else how="$ROUNDS rounds of $CALLS calls from sh"; fi
echo "toolcap bench: median per call ($how); ratio to the bare tool"
echo "machine: $(nproc) CPUs, $($CC_TOOL --version | head -n 1)"
echo
bare=$(median_us "$CC_TOOL" --version)
row "$CC_TOOL --version (bare tool, anchor)" "$bare" "$bare"
row "toolcap version $CC_TOOL" "$(median_us "$TOOLCAP" version "$CC_TOOL")" "$bare"
row "toolcap version --format=kernel $CC_TOOL" \
	"$(median_us "$TOOLCAP" version --format=kernel "$CC_TOOL")" "$bare"
if [ -n "${kernel_scripts:-}" ] && [ -x "$kernel_scripts/cc-version.sh" ]; then
	row "linux-6.1 scripts/cc-version.sh $CC_TOOL" \
		"$(median_us "$kernel_scripts/cc-version.sh" "$CC_TOOL")" "$bare"
else
	echo "linux-6.1 scripts/cc-version.sh: not measured (install linux-source-6.1)"
fi
if [ -x scripts/cc-version.sh ]; then
	row "toolcap's scripts/cc-version.sh $CC_TOOL" \
		"$(median_us scripts/cc-version.sh "$CC_TOOL")" "$bare"
fi
echo
bare_ld=$(median_us ld --version)
row "ld --version (bare tool, anchor)" "$bare_ld" "$bare_ld"
row "toolcap version --format=kernel ld" \
	"$(median_us "$TOOLCAP" version --format=kernel ld)" "$bare_ld"
if [ -n "${kernel_scripts:-}" ] && [ -x "$kernel_scripts/ld-version.sh" ]; then
	row "linux-6.1 scripts/ld-version.sh ld" \
		"$(median_us "$kernel_scripts/ld-version.sh" ld)" "$bare_ld"
fi

# Kconfig on a real tree: stock, cold, warm, floor.
sh tests/bench/kconfig.sh

# The Linux tree's own make: stock, cold, warm, floor.
sh tests/bench/linux.sh
