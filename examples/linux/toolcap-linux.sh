#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Apply toolcap to a Linux source tree and print what changed in .config:
# replace scripts/{cc,ld,as,pahole,rustc}-version.sh with toolcap's
# drop-ins (toolcap itself goes beside them), then gate DEBUG_INFO_BTF on
# pahole >= 1.22 the way the review of the pahole zero-sized per-CPU patch
# asked, with a menuconfig comment saying which pahole was found.  The
# gate sources scripts/Kconfig.toolcap after Kconfig.include, so the
# tree's cc-option, ld-option, as-instr and rustc-option become toolcap's
# too (the same answers, cached; see `toolcap prefetch`).
#
# Usage: toolcap-linux.sh [--scripts-only] [--no-config] LINUX_TREE [CONFIG]
#
# CONFIG (default: LINUX_TREE/.config, else the arch's defconfig) is run
# through the real conf (Debian's linux-kbuild) with olddefconfig before
# and after, for ARCH (default x86); CC, LD, PAHOLE, LLVM=1 are read from
# the environment as the kernel's Makefile reads them.  The tree is changed
# in place: run it on a copy.

set -e
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
toolcap=${TOOLCAP:-$top/scripts/toolcap}
conf=${KCONFIG_CONF:-$(ls /usr/lib/linux-kbuild-6.1/scripts/kconfig/conf 2>/dev/null || command -v conf || true)}

scripts_only=false
run_config=true
while [ $# -gt 0 ]; do
	case $1 in
	--scripts-only) scripts_only=true ;;
	--no-config) run_config=false ;;
	-*) echo "toolcap-linux.sh: unknown option: $1" >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
[ $# -ge 1 ] || { sed -n 's/^# Usage: //p' "$0" >&2; exit 2; }
tree=$(cd "$1" && pwd)
config=${2:-}
[ -f "$tree/scripts/Kconfig.include" ] || {
	echo "toolcap-linux.sh: $tree: not a Linux source tree" >&2
	exit 2
}
[ -x "$toolcap" ] || {
	echo "toolcap-linux.sh: $toolcap: not built; run make in $top" >&2
	exit 2
}

# olddefconfig CONFIG OUT: the real conf, with the environment the top
# Makefile exports to it.
olddefconfig() {
	arch=${ARCH:-x86}
	if [ "${LLVM:-}" = 1 ]; then
		cc=${CC:-clang} ld=${LD:-ld.lld}
		clang_flags="--target=x86_64-linux-gnu -fintegrated-as -Werror=unknown-warning-option -Werror=ignored-optimization-argument"
	else
		cc=${CC:-gcc} ld=${LD:-ld} clang_flags=
	fi
	kv=$(sed -n 's/^VERSION = //p' "$tree/Makefile").$(sed -n 's/^PATCHLEVEL = //p' "$tree/Makefile").$(sed -n 's/^SUBLEVEL = //p' "$tree/Makefile")
	# shellcheck disable=SC2086
	cvt=$($cc --version 2>/dev/null | head -n 1 | tr -d '#')
	work=$(mktemp -d)
	cp "$1" "$work/.config"
	(cd "$work" && env srctree="$tree" ARCH="$arch" SRCARCH="$arch" \
		KERNELVERSION="$kv" CC="$cc" LD="$ld" HOSTCC="${HOSTCC:-gcc}" \
		CLANG_FLAGS="$clang_flags" CC_VERSION_TEXT="$cvt" \
		PAHOLE="${PAHOLE:-pahole}" RUSTC="${RUSTC:-rustc}" \
		BINDGEN="${BINDGEN:-bindgen}" KCONFIG_CONFIG=.config \
		"$conf" --olddefconfig "$tree/Kconfig" >/dev/null)
	cp "$work/.config" "$2"
	rm -rf "$work"
}

if $run_config; then
	[ -x "$conf" ] || {
		echo "toolcap-linux.sh: no Kconfig conf: install linux-kbuild-6.1 or set KCONFIG_CONFIG" >&2
		exit 2
	}
	if [ -z "$config" ]; then
		config=$tree/.config
		[ -f "$config" ] || config=$tree/arch/${ARCH:-x86}/configs/x86_64_defconfig
	fi
	olddefconfig "$config" "$tree/.config.before-toolcap"
fi

# 1. The five scripts, and toolcap beside them.
for s in cc-version.sh ld-version.sh as-version.sh pahole-version.sh rustc-version.sh; do
	cp "$top/scripts/$s" "$tree/scripts/$s"
	echo "replaced scripts/$s"
done
cp "$top/scripts/toolcap-dropin.sh" "$tree/scripts/toolcap-dropin.sh"
echo "added scripts/toolcap-dropin.sh (what the five share)"
cp "$toolcap" "$tree/scripts/toolcap"
echo "added scripts/toolcap"

# 2. The BTF gate (once).
if ! $scripts_only && ! grep -q PAHOLE_HAS_ZEROSIZE_PERCPU_SUPPORT "$tree/lib/Kconfig.debug"; then
	cp "$top/kconfig/Kconfig.toolcap" "$tree/scripts/Kconfig.toolcap"
	sed -i 's|^source "scripts/Kconfig.include"$|&\nsource "scripts/Kconfig.toolcap"|' "$tree/Kconfig"
	awk '
	/^config DEBUG_INFO_BTF$/ { in_btf = 1 }
	in_btf && /^\thelp/ {
		print "\tdepends on PAHOLE_HAS_ZEROSIZE_PERCPU_SUPPORT"
		in_btf = 0
	}
	/^config PAHOLE_HAS_SPLIT_BTF$/ {
		print "comment \"DEBUG_INFO_BTF needs pahole >= 1.22, found $(pahole-found)\""
		print "\tdepends on !PAHOLE_HAS_ZEROSIZE_PERCPU_SUPPORT"
		print ""
		print "config PAHOLE_HAS_ZEROSIZE_PERCPU_SUPPORT"
		print "\tdef_bool PAHOLE_VERSION >= 122"
		print "\thelp"
		print "\t  pahole before 1.22 writes a corrupt vmlinux BTF for zero-sized"
		print "\t  per-CPU structs, and module BTF depends on vmlinux BTF."
		print ""
	}
	{ print }
	' "$tree/lib/Kconfig.debug" >"$tree/lib/Kconfig.debug.toolcap"
	mv "$tree/lib/Kconfig.debug.toolcap" "$tree/lib/Kconfig.debug"
	# What the comment says was found (1.21, or none).
	printf '\npahole-found := $(shell,v=`$(toolcap-prog) version --format=number -- $(PAHOLE) 2>/dev/null`; echo "${v:-none}")\n' >>"$tree/scripts/Kconfig.toolcap"
	echo "gated DEBUG_INFO_BTF on PAHOLE_HAS_ZEROSIZE_PERCPU_SUPPORT in lib/Kconfig.debug"
fi

if $run_config; then
	olddefconfig "$tree/.config.before-toolcap" "$tree/.config"
	echo "what changed in .config (olddefconfig before and after):"
	if diff -u "$tree/.config.before-toolcap" "$tree/.config" >"$tree/.config.toolcap-diff"; then
		echo "  nothing"
	else
		grep '^[-+][^-+]' "$tree/.config.toolcap-diff" | grep -v '^[-+]#$' | sed 's/^/  /'
	fi
fi
