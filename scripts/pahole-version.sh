#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# Print pahole's version in a 3-digit form, such as 119 for v1.19; print 0
# and exit 1 when pahole is missing.  When it prints no version, fails or
# hangs, print nothing and exit 1 (toolcap's one line on stderr says why):
# Kconfig then stops at PAHOLE_VERSION, as 0 would be a guess.
# A drop-in for the kernel's scripts/pahole-version.sh, with toolcap
# reading the version: a pahole built from git ("v1.22-5-g8b3f1a2") is
# 122, not the "122-5-g8b3f1a2" that Kconfig cannot read as a number.
# Usage: pahole-version.sh $(PAHOLE)

# shellcheck source-path=SCRIPTDIR source=toolcap-dropin.sh
. "$(dirname "$0")/toolcap-dropin.sh"

version=$("$toolcap" version --tool=pahole --format=kernel -- "$@")
case $? in
0)	echo "$version" ;;
1)	echo 0; exit 1 ;;
*)	exit 1 ;;
esac
