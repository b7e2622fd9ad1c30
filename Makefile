# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# toolcap: make builds the library and scripts/toolcap in place;
# make demo shows this machine's toolchain; make check runs every test.

CC ?= cc
CFLAGS ?= -O2 -g
AR ?= ar
# Always on: the code is written to this standard and these warnings.
TOOLCAP_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L
ifeq ($(SANITIZE),1)
TOOLCAP_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
		  -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

SOVERSION := 0
LIBVERSION := 0.1.0

LIB_SRC := $(sort $(wildcard lib/*.c))
LIB_OBJ := $(LIB_SRC:.c=.o)
LIB_HDR := $(wildcard lib/*.h)
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN := $(UNIT_SRC:.c=)

all: lib/libtoolcap.a lib/libtoolcap.so scripts/toolcap

lib/%.o: lib/%.c $(LIB_HDR)
	$(CC) $(TOOLCAP_CFLAGS) $(CFLAGS) -fPIC -c -o $@ $<

lib/libtoolcap.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

# The shared library exports exactly the functions lib/toolcap.h declares
# (each declaration starts a line: "TYPE toolcap_NAME("): the header is
# the API, everything else in lib/ stays internal (t0020 checks it).
lib/libtoolcap.map: lib/toolcap.h
	{ echo '{ global:'; \
	  sed -n 's/^[a-z].*[ *]\(toolcap_[a-z0-9_]*\)(.*/	\1;/p' $<; \
	  echo 'local: *; };'; } >$@

lib/libtoolcap.so.$(LIBVERSION): $(LIB_OBJ) lib/libtoolcap.map
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,libtoolcap.so.$(SOVERSION) \
		-Wl,--version-script=lib/libtoolcap.map -o $@ $(LIB_OBJ)

lib/libtoolcap.so.$(SOVERSION): lib/libtoolcap.so.$(LIBVERSION)
	ln -sf libtoolcap.so.$(LIBVERSION) $@

lib/libtoolcap.so: lib/libtoolcap.so.$(SOVERSION)
	ln -sf libtoolcap.so.$(SOVERSION) $@

# The program's sources are in cli/ (one file per command; cli/matrix/ for
# the matrix wing); the program is built into scripts/, beside the drop-ins
# that run it, as the kernel's host programs are built where they are used.
CLI_SRC := $(sort $(wildcard cli/*.c cli/matrix/*.c))
CLI_HDR := $(wildcard cli/*.h cli/matrix/*.h)
scripts/toolcap: $(CLI_SRC) $(CLI_HDR) lib/libtoolcap.a lib/toolcap.h
	$(CC) $(TOOLCAP_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_SRC) lib/libtoolcap.a
# The Kconfig scanner is the program's (cli/kconfig-scan.h says why); its
# unit test includes it.
tests/unit/test-kconfig-scan: cli/kconfig-scan.c cli/kconfig-scan.h

tests/unit/%: tests/unit/%.c lib/libtoolcap.a $(LIB_HDR)
	$(CC) $(TOOLCAP_CFLAGS) $(CFLAGS) $(LDFLAGS) -Ilib -o $@ $< lib/libtoolcap.a
# The job runner is the command's, tested on its own: the test includes it.
tests/unit/test-jobs: cli/jobs.c cli/jobs.h

demo: all
	@echo "toolcap report: the kernel's tools on this machine"
	@echo
	@scripts/toolcap report

# TESTS: the test files to run (default: every tests/t*.sh).
check: all $(UNIT_BIN)
	@sh tests/run.sh $(TESTS)

# The CLI tests again with every toolcap under valgrind's memcheck
# (tests/valgrind.sh); t0100, ~800 runs of a second each, on request:
#   make check-valgrind VALGRIND_TESTS="t0100-samples.sh"
VALGRIND_TESTS ?= t0200-cli.sh t0300-hostile.sh t3000-check.sh
check-valgrind: all
	@sh tests/valgrind.sh $(VALGRIND_TESTS)

bench: all
	@sh tests/bench/run.sh

# The Linux tree's own make, stock against toolcap (part of bench; alone
# here, as it builds tinyconfig 6 times: ~30 min).
bench-linux:
	@sh tests/bench/linux.sh

# Not part of check: 10,000 cached probes from 8 jobs against uncached runs.
stress: all
	@sh tests/stress/run.sh

clean:
	rm -f lib/*.o lib/libtoolcap.a lib/libtoolcap.so* lib/libtoolcap.map scripts/toolcap \
	      $(UNIT_BIN) examples/c-api/probe examples/configure/hello \
	      examples/configure/config.mk
	rm -rf tests/trash

# install and uninstall (GNU conventions: PREFIX, DESTDIR, BINDIR, ...)
-include mk/install.mk
# make fuzz: libFuzzer targets under ASan+UBSan (FUZZ_TIME seconds each)
-include mk/fuzz.mk
# make linux-patches LINUX=TREE PATCHES=DIR: the series for a Linux tree
-include mk/linux.mk

.PHONY: all demo check check-valgrind bench bench-linux stress clean
