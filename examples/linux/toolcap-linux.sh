#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Apply toolcap's patch series (make linux-patches) to a Linux 6.1 or 6.12
# source tree, in place, and print what changed in .config: the real make
# runs olddefconfig before and after, in build directories outside the
# tree, with the ARCH, LLVM, CROSS_COMPILE, CC, LD and PAHOLE of the
# environment, as Kbuild reads them.
#
# Usage: toolcap-linux.sh [--scripts-only] [--no-config] LINUX_TREE [CONFIG]
#
# --scripts-only applies the first two patches only (toolcap built by
# Kbuild, and the *-version.sh drop-ins); --no-config skips the two make
# runs.  CONFIG is the starting .config (default: make defconfig).  With
# O=DIR in the environment, the configurations are kept in DIR/before and
# DIR/after; otherwise in a temporary directory removed at the end.  The
# tree must be pristine; nothing but the patches is written to it.

set -e
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)

die() {
	echo "toolcap-linux.sh: $*" >&2
	exit 2
}

scripts_only=false
run_config=true
while [ $# -gt 0 ]; do
	case $1 in
	--scripts-only) scripts_only=true ;;
	--no-config) run_config=false ;;
	--) shift; break ;;
	-*) die "unknown option: $1" ;;
	*) break ;;
	esac
	shift
done
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	sed -n 's/^# Usage: //p' "$0" >&2
	exit 2
fi
[ -d "$1" ] || die "$1: no such directory"
tree=$(cd "$1" && pwd)
config=${2:-}
if [ -n "$config" ]; then
	[ -f "$config" ] || die "$config: no such file"
	config=$(cd "$(dirname "$config")" && pwd)/$(basename "$config")
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/toolcap-linux.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=${O:-$work/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# The series for this tree (gen-patches.sh refuses a tree that is not a
# pristine 6.1 or 6.12, in one line).
sh "$top/linux/gen-patches.sh" "$top" "$tree" "$work/patches" >/dev/null

# ARCH, LLVM and CROSS_COMPILE reach Kbuild from the environment; CC, LD,
# PAHOLE and HOSTCC are assigned in its Makefile, so they go on make's
# command line.
set --
for v in CC LD PAHOLE HOSTCC; do
	eval "val=\${$v-}"
	# shellcheck disable=SC2154
	[ -z "$val" ] || set -- "$@" "$v=$val"
done

# olddefconfig NAME [VAR=VALUE...]: the real make, O=$out/NAME, from CONFIG or defconfig.
# O= needs a clean source tree: make mrproper, or give CONFIG.
olddefconfig() {
	_name=$1
	shift
	mkdir -p "$out/$_name"
	(
		unset O
		if [ -n "$config" ]; then
			cp "$config" "$out/$_name/.config"
			make -s -C "$tree" O="$out/$_name" "$@" olddefconfig
		else
			make -s -C "$tree" O="$out/$_name" "$@" defconfig
		fi
	) >"$out/$_name.log" 2>&1 || {
		cat "$out/$_name.log" >&2
		die "make $([ -n "$config" ] && echo olddefconfig || echo defconfig) failed in $_name (log above)"
	}
}

if $run_config; then
	olddefconfig before "$@"
fi

for p in "$work"/patches/*.patch; do
	if $scripts_only; then
		case ${p##*/} in
		*kbuild-build-toolcap*|*scripts-version-sh*) ;;
		*) continue ;;
		esac
	fi
	patch -s -p1 -d "$tree" <"$p" || die "${p##*/} does not apply to $tree"
	sed -n 's/^Subject: \[PATCH [0-9/]*\] /applied: /p' "$p"
done

if $run_config; then
	olddefconfig after "$@"
	echo "what changed in .config (olddefconfig before and after):"
	if diff -u "$out/before/.config" "$out/after/.config" >"$work/diff"; then
		echo "  nothing"
	else
		grep '^[-+][^-+]' "$work/diff" | grep -v '^[-+]#$' | sed 's/^/  /'
	fi
fi
