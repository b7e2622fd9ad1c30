// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Running a capability probe: its answer from the cache when the key
 * matches in full, else the tool run in a scratch directory that is
 * removed afterwards, and the answer stored.
 */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache-store.h"
#include "probe-command.h"

/* rustc's make form writes the object to stdout; it must all be read. */
#define DISCARDED_OUTPUT_MAX (16u * 1024u * 1024u)

static int make_scratch(char *dir, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	int n;

	if (!tmp || tmp[0] != '/')
		tmp = "/tmp";
	n = snprintf(dir, size, "%s/toolcap-XXXXXX", tmp);
	if (n < 0 || (size_t)n >= size)
		return -1;
	return mkdtemp(dir) ? 0 : -1;
}

/* Remove the scratch directory and what the tool wrote there (tmp.o,
 * tmp.dwo for -gsplit-dwarf, ...): one level, like the kernel's rm -rf
 * of .tmp_$$, whose tools write no subdirectories. */
static void remove_scratch(const char *dir)
{
	char path[PATH_MAX + 300];
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (dp) {
		while ((d = readdir(dp))) {
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			unlink(path);
		}
		closedir(dp);
	}
	rmdir(dir);
}

static enum toolcap_error run_command(const struct probe_command *cmd,
				      const struct toolcap_run_options *options,
				      char *err, size_t err_size,
				      struct toolcap_run_result *run)
{
	struct toolcap_run_options o = { 0 };
	/* Neither stream is part of the answer, but a tool stopped at a
	 * cap would give a wrong one: read all of both.  Untouched pages
	 * of these cost nothing. */
	char *out = malloc(DISCARDED_OUTPUT_MAX);
	char *all_err = malloc(DISCARDED_OUTPUT_MAX);
	enum toolcap_error e = TOOLCAP_ERR_SYSTEM;

	if (options)
		o = *options;
	o.input = cmd->has_input ? cmd->input : NULL;
	o.input_len = cmd->input_len;
	o.environment = cmd->environment[0] ? cmd->environment : NULL;
	o.output_cap = DISCARDED_OUTPUT_MAX;
	if (out && all_err) {
		e = toolcap_run(cmd->argv, &o, out, DISCARDED_OUTPUT_MAX,
				all_err, DISCARDED_OUTPUT_MAX, run);
		if (e == TOOLCAP_OK && run->truncated)
			e = TOOLCAP_ERR_SYSTEM; /* 16 MiB from a probe */
		if (run->err_len > err_size)
			run->err_len = err_size;
		if (run->err_len)
			memcpy(err, all_err, run->err_len);
	}
	free(out);
	free(all_err);
	return e;
}

/*
 * The answer is stored only under the key of the tools that gave it: a
 * compiler replaced while it ran (a package upgrade in the middle of a
 * build) must not file its answer under the old compiler's key.
 */
static int key_unchanged(const struct toolcap_probe *probe,
			 const struct probe_command *cmd,
			 const struct toolcap_run_options *options,
			 struct toolcap_cache *cache, const struct key_text *key)
{
	struct key_text now = { 0 };
	int same = 0;

	if (probe_key(probe, cmd, options, cache, &now) == TOOLCAP_OK)
		same = now.len == key->len &&
		       memcmp(now.text, key->text, key->len) == 0;
	key_free(&now);
	return same;
}

/*
 * After a "no": does the tool work without the probed arguments?  A
 * compiler that cannot compile an empty file at all (CC=ld, a clang
 * without its target's assembler, a flag in FLAGS it rejects) says no to
 * every flag, and that no is not an answer.  TOOLCAP_OK when the
 * baseline works; TOOLCAP_ERR_FAILED, with its run in result, when not.
 */
static enum toolcap_error baseline_works(const struct toolcap_probe *probe,
					 const struct toolcap_run_options *options,
					 struct toolcap_cache *cache,
					 char *err, size_t err_size,
					 struct toolcap_probe_result *result)
{
	struct toolcap_probe baseline = *probe;
	struct toolcap_probe_result base;
	enum toolcap_error e;

	/* Nothing probed (this is a baseline itself): no is the answer. */
	if (probe->nargs == 0 && (probe->kind != TOOLCAP_PROBE_AS_INSTR ||
				  !probe->instr || !probe->instr[0]))
		return TOOLCAP_OK;
	baseline.args = NULL;
	baseline.nargs = 0;
	if (probe->kind == TOOLCAP_PROBE_AS_INSTR)
		baseline.instr = "";
	e = toolcap_probe_run(&baseline, options, cache, err, err_size, &base);
	if (e != TOOLCAP_OK)
		return e;
	if (base.answer)
		return TOOLCAP_OK;
	result->run = base.run;
	return TOOLCAP_ERR_FAILED;
}

enum toolcap_error toolcap_probe_run(const struct toolcap_probe *probe,
				     const struct toolcap_run_options *options,
				     struct toolcap_cache *cache,
				     char *err, size_t err_size,
				     struct toolcap_probe_result *result)
{
	/* The command as the key names it (the scratch directory as a
	 * placeholder), and as it runs; the same one when it needs none. */
	struct probe_command *cmd, *run;
	struct key_text key = { 0 };
	char scratch[PATH_MAX], value[CACHE_VALUE_MAX];
	int use_cache = cache && cache->state == TOOLCAP_CACHE_ON;
	enum toolcap_error e;

	if (!probe || !result || (!err && err_size))
		return TOOLCAP_ERR_USAGE;
	memset(result, 0, sizeof(*result));
	result->run.exit_status = -1;
	/* ~50 KiB each: on the heap, not on a thread's stack. */
	cmd = malloc(2 * sizeof(*cmd));
	if (!cmd)
		return TOOLCAP_ERR_SYSTEM;
	run = cmd;

	e = probe_command_build(probe, PROBE_TMP_PLACEHOLDER, cmd);
	if (e == TOOLCAP_OK && use_cache) {
		e = probe_key(probe, cmd, options, cache, &key);
		if (e == TOOLCAP_OK && cache_lookup(cache, key.text, key.len,
						    value, sizeof(value)) &&
		    (strcmp(value, "yes") == 0 || strcmp(value, "no") == 0)) {
			result->answer = strcmp(value, "yes") == 0;
			result->cached = 1;
			goto out;
		}
		/* A missing tool: the run below says exactly why. */
		if (e == TOOLCAP_ERR_NOT_FOUND ||
		    e == TOOLCAP_ERR_NOT_EXECUTABLE)
			e = TOOLCAP_OK, use_cache = 0;
	}
	if (e)
		goto out;

	scratch[0] = '\0';
	if (cmd->needs_tmp) {
		if (make_scratch(scratch, sizeof(scratch)) != 0) {
			e = TOOLCAP_ERR_SYSTEM;
			goto out;
		}
		run = cmd + 1;
		e = probe_command_build(probe, scratch, run);
	}
	if (e == TOOLCAP_OK)
		e = run_command(run, options, err, err_size, &result->run);
	if (scratch[0])
		remove_scratch(scratch);
	if (e == TOOLCAP_OK) {
		result->answer = result->run.exit_status == 0;
		if (!result->answer)
			e = baseline_works(probe, options, cache, err,
					   err_size, result);
	}
	if (e == TOOLCAP_OK) {
		if (use_cache && key_unchanged(probe, cmd, options, cache, &key))
			cache_store(cache, key.text, key.len,
				    result->answer ? "yes" : "no");
	}
out:
	key_free(&key);
	free(cmd);
	return e;
}
