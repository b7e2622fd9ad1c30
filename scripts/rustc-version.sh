#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print the Rust compiler version in a 6 or 7-digit form (106300 for
# 1.63.0, 110000 for 1.100.0); print 0 and exit 1 when it is missing.
# A drop-in for the kernel's scripts/rustc-version.sh (Linux 6.11 and
# later), with toolcap reading the version: a pre-release word such as
# "-nightly" is not evaluated as a shell variable.
# Usage: rustc-version.sh $(RUSTC)

# shellcheck source-path=SCRIPTDIR source=toolcap-dropin.sh
. "$(dirname "$0")/toolcap-dropin.sh"

if version=$("$toolcap" version --tool=rustc --format=kernel -- "$@" 2>/dev/null); then
	echo "$version"
else
	echo 0
	exit 1
fi
