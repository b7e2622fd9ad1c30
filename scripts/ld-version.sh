#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print the linker name and its version in a 5 or 6-digit form
# ("BFD 24000", "LLD 160006") and check the kernel's minimum version.
# A drop-in for the kernel's scripts/ld-version.sh: same arguments, same
# output, same exit status, with toolcap reading the version (so a vendor
# date such as RHEL 6's "2.20.51.0.2-5.43.el6 20100205" is not read as one).

# shellcheck source-path=SCRIPTDIR source=toolcap-dropin.sh
. "$(dirname "$0")/toolcap-dropin.sh"

orig_args="$*"

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

check_minimum "$tool" Linker "$disp_name" "$cversion"

echo "$name $cversion"
