# SPDX-License-Identifier: GPL-2.0-only OR MIT
#
# make fuzz, included by the top Makefile: build each libFuzzer target of
# tests/fuzz/ with clang, under AddressSanitizer and UndefinedBehavior-
# Sanitizer, and run it FUZZ_TIME seconds from seeds made of the real
# samples (tests/fuzz/seeds.sh).  Not part of make check: it takes
# minutes, and a finding is a bug to fix, not a test to skip.
#   make fuzz FUZZ_TIME=600 FUZZ_TARGETS=fuzz-vercmp

FUZZ_CC ?= clang
FUZZ_TIME ?= 60
# Scratch: objects, binaries, corpora and findings; make clean removes it.
FUZZ_DIR := tests/trash/fuzz
FUZZ_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all \
		 -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L \
	       -g -O1 $(FUZZ_SANITIZE)

FUZZ_TARGETS ?= $(basename $(notdir $(wildcard tests/fuzz/fuzz-*.c)))

# The library and the requirements reader are built with coverage for
# the fuzzer (fuzzer-no-link: libFuzzer's main() comes with the target).
FUZZ_LIB_OBJ := $(patsubst lib/%.c,$(FUZZ_DIR)/obj/lib/%.o,$(LIB_SRC))

$(FUZZ_DIR)/obj/lib/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/obj/cli/%.o: cli/%.c $(CLI_HDR) $(LIB_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/bin/fuzz-requirements: \
	$(FUZZ_DIR)/obj/cli/cmd-check-requirements.o

$(FUZZ_DIR)/bin/%: tests/fuzz/%.c $(FUZZ_LIB_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Ilib -Icli \
		-o $@ $(filter %.c %.o,$^)

# The whole command line: cli/toolcap.c's main() renamed, so that
# tests/fuzz/fuzz-cli.c can call it with argv made of each input.
FUZZ_CLI_OBJ := $(patsubst cli/%.c,$(FUZZ_DIR)/obj/cli/%.o,\
	$(filter-out cli/toolcap.c,$(CLI_SRC))) $(FUZZ_DIR)/obj/cli/toolcap-main.o

$(FUZZ_DIR)/obj/cli/toolcap-main.o: cli/toolcap.c $(CLI_HDR) $(LIB_HDR)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Dmain=toolcap_main -c -o $@ $<

$(FUZZ_DIR)/bin/fuzz-cli: $(FUZZ_CLI_OBJ)

# Kept: a rebuild of one target need not rebuild the library.
.SECONDARY: $(FUZZ_LIB_OBJ) $(FUZZ_DIR)/obj/cli/cmd-check-requirements.o \
	$(FUZZ_CLI_OBJ)

fuzz-build: $(addprefix $(FUZZ_DIR)/bin/,$(FUZZ_TARGETS))

# fuzz-cli's seeds and dictionary come from the built toolcap's --help
# and check (tests/fuzz/seeds.sh).
fuzz: fuzz-build scripts/toolcap
	@sh tests/fuzz/run.sh $(FUZZ_TIME) $(FUZZ_DIR) $(FUZZ_TARGETS)

.PHONY: fuzz fuzz-build
