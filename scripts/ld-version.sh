#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print the linker name and its version in a 5 or 6-digit form
# ("BFD 24000", "LLD 160006") and check the kernel's minimum version.
# A drop-in for the kernel's scripts/ld-version.sh: same arguments, same
# output, same exit status, with toolcap reading the version (so a vendor
# date such as RHEL 6's "2.20.51.0.2-5.43.el6 20100205" is not read as one).

LC_ALL=C
export LC_ALL

# toolcap: $TOOLCAP, else the one beside this script, else PATH.
toolcap=${TOOLCAP:-$(dirname "$0")/toolcap}
[ -n "${TOOLCAP:-}" ] || [ -x "$toolcap" ] || toolcap=toolcap

orig_args="$*"
min_tool_version=$(dirname "$0")/min-tool-version.sh

# Convert the version string x.y.z to a canonical 5 or 6-digit form.
canonical_version()
{
	major=${1%%.*}
	rest=${1#"$major"}; rest=${rest#.}
	minor=${rest%%.*}
	rest=${rest#"$minor"}; rest=${rest#.}
	patch=${rest%%.*}
	echo $((10000 * major + 100 * ${minor:-0} + ${patch:-0}))
}

if ! info=$("$toolcap" version --format=kernel -- "$@" 2>/dev/null); then
	if "$toolcap" is ld.gold "$@" 2>/dev/null; then
		echo "gold linker is not supported as it is not capable of linking the kernel proper." >&2
	else
		echo "$orig_args: unknown linker" >&2
	fi
	exit 1
fi
name=${info% *}
cversion=${info#* }

case "$name" in
BFD)	tool=binutils disp_name="GNU ld" ;;
LLD)	tool=llvm disp_name=LLD ;;
*)
	echo "$orig_args: unknown linker" >&2
	exit 1
	;;
esac

if [ -x "$min_tool_version" ]; then
	min_version=$("$min_tool_version" "$tool") || exit 1
	if [ "$cversion" -lt "$(canonical_version "$min_version")" ]; then
		version=$((cversion / 10000)).$((cversion / 100 % 100)).$((cversion % 100))
		echo >&2 "***"
		echo >&2 "*** Linker is too old."
		echo >&2 "***   Your $disp_name version:    $version"
		echo >&2 "***   Minimum $disp_name version: $min_version"
		echo >&2 "***"
		exit 1
	fi
fi

echo "$name $cversion"
