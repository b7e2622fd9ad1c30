# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# toolcap: which tool is this, which version, what can it do (the probes
# of Kconfig and the Makefiles, answered from a cache).  Built for the
# host from scripts_basic, before Kconfig runs; the top Makefile exports
# TOOLCAP (this program) and TOOLCAP_CACHE.  The sources are toolcap's
# lib/ and the commands of its scripts/ that the kernel uses, written by
# toolcap's `make linux-patches`: change them there.

hostprogs-always-y	+= toolcap
toolcap-objs		:= \
@OBJS@
