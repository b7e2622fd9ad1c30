// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libFuzzer target: the Kconfig scanner of `toolcap prefetch`,
 * kconfig_scan_buffer() of cli/kconfig-scan.h, on any bytes.
 *
 * Every call reported is one of the probe macros, with its arguments
 * there and NUL-terminated, none holding "$(" (cli/kconfig-scan.h:
 * such a call is left to Kconfig), on a line of the text; a failure
 * says why in one line; a scan stopped by its callback says so; and the
 * same text gives the same calls again.  Anything else aborts, so the
 * fuzzer keeps the input.  The environment is a fixed table, so that
 * what the machine has set cannot change an answer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig-scan.h"

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "fuzz-kconfig-scan: %s:%d: broken: %s\n", \
		__FILE__, __LINE__, #cond); abort(); } } while (0)

#define NAME "fuzz/Kconfig"

struct seen {
	unsigned lines;      /* in the text: no call is past the last */
	size_t calls;
	size_t stop_after;   /* 0: never stop */
	unsigned long hash;  /* of every call, to compare two scans */
};

static const char *fixed_getenv(const char *name, void *data)
{
	static const char *const env[][2] = {
		{ "CC", "gcc" }, { "LD", "ld" }, { "CLANG_FLAGS", "" },
		{ "srctree", "/nonexistent" }, { "RUSTC", "rustc" },
	};
	size_t i;

	(void)data;
	for (i = 0; i < sizeof(env) / sizeof(env[0]); i++)
		if (strcmp(name, env[i][0]) == 0)
			return env[i][1];
	return NULL;
}

static int known_macro(const char *macro)
{
	size_t i;

	for (i = 0; kconfig_probe_macros[i]; i++)
		if (strcmp(macro, kconfig_probe_macros[i]) == 0)
			return 1;
	return 0;
}

static unsigned long hash_string(unsigned long h, const char *s)
{
	for (; *s; s++)
		h = h * 31 + (unsigned char)*s;
	return h * 31 + 1;
}

static int on_call(const struct kconfig_call *call, void *data)
{
	struct seen *seen = data;
	size_t i;

	CHECK(call->macro && known_macro(call->macro));
	CHECK(call->nargs == 0 || call->args);
	CHECK(call->file && strcmp(call->file, NAME) == 0);
	CHECK(call->line >= 1 && call->line <= seen->lines);
	seen->hash = hash_string(seen->hash, call->macro);
	for (i = 0; i < call->nargs; i++) {
		CHECK(call->args[i] != NULL);
		CHECK(strstr(call->args[i], "$(") == NULL);
		seen->hash = hash_string(seen->hash, call->args[i]);
	}
	seen->hash = seen->hash * 31 + call->line;
	seen->calls++;
	return seen->stop_after && seen->calls == seen->stop_after;
}

static enum kconfig_scan_result scan(const uint8_t *data, size_t size,
				     struct seen *seen, char *error,
				     size_t error_size)
{
	struct kconfig_scan_options o;
	enum kconfig_scan_result result;

	memset(&o, 0, sizeof(o));
	o.srctree = "/nonexistent";
	o.getenv = fixed_getenv;
	o.error = error;
	o.error_size = error_size;
	memset(error, 'X', error_size);
	result = kconfig_scan_buffer((const char *)data, size, NAME, &o,
				     on_call, seen);
	CHECK(result >= KCONFIG_SCAN_DONE && result <= KCONFIG_SCAN_NO_MEMORY);
	if (result != KCONFIG_SCAN_DONE && result != KCONFIG_SCAN_STOPPED) {
		CHECK(memchr(error, '\0', error_size) != NULL);
		CHECK(error_size == 1 || error[0] != '\0');
		CHECK(strchr(error, '\n') == NULL);
	}
	return result;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen first, again;
	enum kconfig_scan_result result, stopped;
	char error[256];
	unsigned lines = 1;
	size_t i;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	memset(&first, 0, sizeof(first));
	first.lines = lines;
	result = scan(data, size, &first, error, sizeof(error));
	CHECK(result != KCONFIG_SCAN_STOPPED);

	/* Stopped at its first call, a scan says so and reports no more. */
	memset(&again, 0, sizeof(again));
	again.lines = lines;
	again.stop_after = 1;
	stopped = scan(data, size, &again, error, sizeof(error));
	if (first.calls > 0)
		CHECK(stopped == KCONFIG_SCAN_STOPPED && again.calls == 1);
	else
		CHECK(stopped == result && again.calls == 0);

	/* No hidden state: the same calls, in the same order. */
	memset(&again, 0, sizeof(again));
	again.lines = lines;
	CHECK(scan(data, size, &again, error, sizeof(error)) == result);
	CHECK(again.calls == first.calls && again.hash == first.hash);

	/* A one-byte error buffer still holds a terminated reason. */
	memset(&again, 0, sizeof(again));
	again.lines = lines;
	CHECK(scan(data, size, &again, error, 1) == result);
	return 0;
}
