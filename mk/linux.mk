# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make linux-patches LINUX=TREE PATCHES=DIR: write the patch series that
# makes a Linux 6.1 or 6.12 tree build and use toolcap (linux/gen-patches.sh;
# examples/linux/README.md says how to apply and remove it).

linux-patches:
	@sh linux/gen-patches.sh "$(CURDIR)" "$(LINUX)" "$(PATCHES)"

.PHONY: linux-patches
