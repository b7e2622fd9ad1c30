# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make install / make uninstall, included by the top Makefile.  GNU
# conventions: PREFIX, BINDIR, LIBDIR, INCLUDEDIR, DATADIR, MANDIR and
# PKGCONFIGDIR may each be overridden; DESTDIR stages the tree for a
# package.  Installed wrappers find the installed binary through a
# symbolic link beside them, so nothing is rewritten on the way.

PREFIX ?= /usr/local
EXEC_PREFIX ?= $(PREFIX)
BINDIR ?= $(EXEC_PREFIX)/bin
LIBDIR ?= $(EXEC_PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(DATADIR)/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
TOOLCAPDIR ?= $(DATADIR)/toolcap

INSTALL ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 755
INSTALL_DATA ?= $(INSTALL) -m 644

SOVERSION ?= 0
LIBVERSION ?= 0.1.0

# Whatever the other parts of the tree provide when make runs.
INSTALL_WRAPPERS = $(wildcard scripts/*.sh)
INSTALL_KCONFIG = $(filter-out %~,$(wildcard kconfig/*))
INSTALL_MAN1 = $(wildcard man/*.1)
INSTALL_MAN3 = $(wildcard man/*.3)

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(TOOLCAPDIR)/scripts $(DESTDIR)$(TOOLCAPDIR)/kconfig \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3
	$(INSTALL_PROGRAM) scripts/toolcap $(DESTDIR)$(BINDIR)/toolcap
	$(INSTALL_DATA) lib/libtoolcap.a $(DESTDIR)$(LIBDIR)/libtoolcap.a
	$(INSTALL_PROGRAM) lib/libtoolcap.so.$(LIBVERSION) \
		$(DESTDIR)$(LIBDIR)/libtoolcap.so.$(LIBVERSION)
	ln -sf libtoolcap.so.$(LIBVERSION) \
		$(DESTDIR)$(LIBDIR)/libtoolcap.so.$(SOVERSION)
	ln -sf libtoolcap.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libtoolcap.so
	$(INSTALL_DATA) lib/toolcap.h $(DESTDIR)$(INCLUDEDIR)/toolcap.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' \
	    -e 's|@VERSION@|$(LIBVERSION)|g' toolcap.pc.in \
	    >$(DESTDIR)$(PKGCONFIGDIR)/toolcap.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/toolcap.pc
	$(if $(INSTALL_WRAPPERS),$(INSTALL_PROGRAM) $(INSTALL_WRAPPERS) \
		$(DESTDIR)$(TOOLCAPDIR)/scripts/)
	$(if $(INSTALL_KCONFIG),$(INSTALL_DATA) $(INSTALL_KCONFIG) \
		$(DESTDIR)$(TOOLCAPDIR)/kconfig/)
	@# Kconfig.toolcap runs $$TOOLCAP, else "toolcap" from PATH; the
	@# installed copy falls back on the installed binary instead, which
	@# works when BINDIR is not on PATH.
	$(if $(wildcard kconfig/Kconfig.toolcap),sed \
		's|$${t:-toolcap}|$${t:-$(BINDIR)/toolcap}|' \
		kconfig/Kconfig.toolcap \
		>$(DESTDIR)$(TOOLCAPDIR)/kconfig/Kconfig.toolcap)
	@# Makefile.toolcap likewise runs the installed binary by default.
	sed 's|^TOOLCAP ?= toolcap$$|TOOLCAP ?= $(BINDIR)/toolcap|' \
		scripts/Makefile.toolcap \
		>$(DESTDIR)$(TOOLCAPDIR)/scripts/Makefile.toolcap
	@# The wrappers look for a toolcap beside themselves: point it at
	@# BINDIR, relatively when coreutils can say how, so that a DESTDIR
	@# tree works before it is moved into place.
	link=$$(realpath -m --relative-to=$(TOOLCAPDIR)/scripts \
		$(BINDIR)/toolcap 2>/dev/null) || link=$(BINDIR)/toolcap; \
	ln -sf "$$link" $(DESTDIR)$(TOOLCAPDIR)/scripts/toolcap
	$(if $(INSTALL_MAN1),$(INSTALL_DATA) $(INSTALL_MAN1) \
		$(DESTDIR)$(MANDIR)/man1/)
	$(if $(INSTALL_MAN3),$(INSTALL_DATA) $(INSTALL_MAN3) \
		$(DESTDIR)$(MANDIR)/man3/)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/toolcap \
	      $(DESTDIR)$(LIBDIR)/libtoolcap.a \
	      $(DESTDIR)$(LIBDIR)/libtoolcap.so \
	      $(DESTDIR)$(LIBDIR)/libtoolcap.so.$(SOVERSION) \
	      $(DESTDIR)$(LIBDIR)/libtoolcap.so.$(LIBVERSION) \
	      $(DESTDIR)$(INCLUDEDIR)/toolcap.h \
	      $(DESTDIR)$(PKGCONFIGDIR)/toolcap.pc \
	      $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(INSTALL_MAN1))) \
	      $(addprefix $(DESTDIR)$(MANDIR)/man3/,$(notdir $(INSTALL_MAN3)))
	rm -rf $(DESTDIR)$(TOOLCAPDIR)

.PHONY: install uninstall
