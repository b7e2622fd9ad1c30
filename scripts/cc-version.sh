#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print the C compiler name and its version in a 5 or 6-digit form
# ("GCC 120200", "Clang 160006") and check the kernel's minimum version.
# A drop-in for the kernel's scripts/cc-version.sh: same arguments, same
# output, same exit status, with toolcap reading the version.
# Usage: cc-version.sh $(CC)    ($@, not $1: CC may be "ccache gcc")

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
	echo "$orig_args: unknown C compiler" >&2
	exit 1
fi
name=${info% *}
cversion=${info#* }

case "$name" in
GCC)	tool=gcc ;;
Clang)	tool=llvm ;;
ICC)	tool=icc ;;
*)
	echo "$orig_args: unknown C compiler" >&2
	exit 1
	;;
esac

# The minimum is the tree's own, from min-tool-version.sh beside us; a
# tree whose script does not know the compiler (icc after 6.2) refuses it.
if [ -x "$min_tool_version" ]; then
	min_version=$("$min_tool_version" "$tool") || exit 1
	if [ "$cversion" -lt "$(canonical_version "$min_version")" ]; then
		version=$((cversion / 10000)).$((cversion / 100 % 100)).$((cversion % 100))
		echo >&2 "***"
		echo >&2 "*** C compiler is too old."
		echo >&2 "***   Your $name version:    $version"
		echo >&2 "***   Minimum $name version: $min_version"
		echo >&2 "***"
		exit 1
	fi
fi

echo "$name $cversion"
