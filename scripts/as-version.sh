#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print the assembler name and its version in a 5 or 6-digit form
# ("GNU 24000") and check the kernel's minimum version; "LLVM 0" for
# clang's integrated assembler (its version is clang's, already checked).
# A drop-in for the kernel's scripts/as-version.sh: same arguments, same
# output, same exit status, with toolcap reading the version.
# Usage: as-version.sh $(CC) $(CLANG_FLAGS)

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

# Clang fails to handle -Wa,--version unless -fno-integrated-as is given,
# so -fintegrated-as among the arguments means the integrated assembler.
for arg; do
	if [ "$arg" = -fintegrated-as ]; then
		echo LLVM 0
		exit 0
	fi
done

# The compiler driver runs the assembler, as it will for the kernel.
if ! info=$("$@" -Wa,--version -c -x assembler-with-cpp /dev/null \
		-o /dev/null 2>/dev/null |
	    "$toolcap" parse --tool=gas --format=kernel 2>/dev/null); then
	echo "$orig_args: unknown assembler invoked" >&2
	exit 1
fi
name=${info% *}
cversion=${info#* }

if [ -x "$min_tool_version" ]; then
	min_version=$("$min_tool_version" binutils) || exit 1
	if [ "$cversion" -lt "$(canonical_version "$min_version")" ]; then
		version=$((cversion / 10000)).$((cversion / 100 % 100)).$((cversion % 100))
		echo >&2 "***"
		echo >&2 "*** Assembler is too old."
		echo >&2 "***   Your $name assembler version:    $version"
		echo >&2 "***   Minimum $name assembler version: $min_version"
		echo >&2 "***"
		exit 1
	fi
fi

echo "$name $cversion"
