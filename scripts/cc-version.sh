#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print the C compiler name and its version in a 5 or 6-digit form
# ("GCC 120200", "Clang 160006") and check the kernel's minimum version.
# A drop-in for the kernel's scripts/cc-version.sh: same arguments, same
# output, same exit status, with toolcap reading the version.
# Usage: cc-version.sh $(CC)    ($@, not $1: CC may be "ccache gcc")

# shellcheck source-path=SCRIPTDIR source=toolcap-dropin.sh
. "$(dirname "$0")/toolcap-dropin.sh"

orig_args="$*"

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

check_minimum "$tool" "C compiler" "$name" "$cversion"

echo "$name $cversion"
