#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print pahole's version in a 3-digit form, such as 119 for v1.19; print 0
# and exit 1 when pahole is missing, prints no version or hangs.
# A drop-in for the kernel's scripts/pahole-version.sh, with toolcap
# reading the version: a pahole built from git ("v1.22-5-g8b3f1a2") is
# 122, not the "122-5-g8b3f1a2" that Kconfig cannot read as a number.
# Usage: pahole-version.sh $(PAHOLE)

# shellcheck source-path=SCRIPTDIR source=toolcap-dropin.sh
. "$(dirname "$0")/toolcap-dropin.sh"

if version=$("$toolcap" version --tool=pahole --format=kernel -- "$@"); then
	echo "$version"
else
	echo 0
	exit 1
fi
