/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A capability probe as the command it runs (lib/probe-command.c) and the
 * cache key that names its answer (lib/probe-key.c).  Internal to
 * libtoolcap; toolcap.h describes the probes.
 */
#ifndef TOOLCAP_PROBE_COMMAND_H
#define TOOLCAP_PROBE_COMMAND_H

#include <limits.h>
#include <stddef.h>

#include "toolcap.h"

/* Where the kernel writes into a scratch directory, a key says this. */
#define PROBE_TMP_PLACEHOLDER "TMP"

struct probe_command {
	const char *argv[TOOLCAP_PROBE_MAX_WORDS + 16];
	size_t argc;
	size_t tool_words;          /* argv[0..tool_words) are the tool   */
	size_t first_probed;        /* argv index of the first probed ARG */
	size_t probed_words;        /* how many words ARG... gave          */
	const char *environment[2]; /* RUSTC_BOOTSTRAP=1 for rustc's make form */
	char input[TOOLCAP_PROBE_MAX_TEXT + 2];
	size_t input_len;
	int has_input;              /* 0: stdin is /dev/null */
	int needs_tmp;              /* argv names files in the scratch dir */
	/* Storage the argv words point into. */
	char words[2 * TOOLCAP_PROBE_MAX_TEXT];
	size_t words_len;
};

/*
 * Build the command of a probe with tmp as the scratch directory (the
 * placeholder for a key, a real directory to run it).  TOOLCAP_OK or
 * TOOLCAP_ERR_USAGE (no tool, too many words, text too long).
 */
enum toolcap_error probe_command_build(const struct toolcap_probe *probe,
				       const char *tmp,
				       struct probe_command *cmd);

/* A growing string; on allocation failure it is marked failed. */
struct key_text {
	char *text;
	size_t len, size;
	int failed;
};

void key_add(struct key_text *key, const char *s, size_t n);
void key_addf(struct key_text *key, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void key_free(struct key_text *key);

/*
 * The cache key of a probe: everything that can change its answer (see
 * toolcap_probe_run in toolcap.h).  For a compiler it asks the compiler
 * which cc1 and as it runs, itself cached under the compiler's identity.
 * TOOLCAP_OK, or TOOLCAP_ERR_NOT_FOUND/_NOT_EXECUTABLE when the tool
 * itself is not there (run it to get the full error), or _SYSTEM.
 */
enum toolcap_error probe_key(const struct toolcap_probe *probe,
			     const struct probe_command *cmd,
			     const struct toolcap_run_options *options,
			     struct toolcap_cache *cache,
			     struct key_text *key);

#endif
