#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print the assembler name and its version in a 5 or 6-digit form
# ("GNU 24000") and check the kernel's minimum version; "LLVM 0" for
# clang's integrated assembler (its version is clang's, already checked).
# A drop-in for the kernel's scripts/as-version.sh: same arguments, same
# output, same exit status, with toolcap reading the version.
# Usage: as-version.sh $(CC) $(CLANG_FLAGS)

# shellcheck source-path=SCRIPTDIR source=toolcap-dropin.sh
. "$(dirname "$0")/toolcap-dropin.sh"

orig_args="$*"

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

check_minimum binutils Assembler "$name assembler" "$cversion"

echo "$name $cversion"
