// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Run a tool with its version flag and say what it is: the one job every
 * caller of toolcap_run() and toolcap_identify() would otherwise repeat,
 * and the place that decides a failed run is not a version.
 */
#include <string.h>

#include "toolcap.h"
#include "families.h"

/* "ccache gcc": the tool is gcc, the launcher only runs it. */
static const char *program_of(const char *const argv[])
{
	static const char *const launchers[] = { "ccache", "sccache",
						 "distcc", "icecc", NULL };
	const char *base;
	size_t len, i;

	base = program_basename(argv[0], &len);
	for (i = 0; launchers[i] && argv[1]; i++)
		if (strlen(launchers[i]) == len &&
		    memcmp(base, launchers[i], len) == 0)
			return argv[1];
	return argv[0];
}

enum toolcap_error toolcap_version(const char *const argv[],
				   const char *program, const char *family,
				   const struct toolcap_run_options *options,
				   char *out, size_t out_size,
				   char *err, size_t err_size,
				   struct toolcap_ident *ident,
				   struct toolcap_run_result *run)
{
	const char *words[TOOLCAP_VERSION_MAX_WORDS + 8];
	const char *const *flags;
	struct toolcap_ident from_stderr;
	enum toolcap_error e;
	size_t n = 0, i;

	if (!argv || !argv[0] || !*argv[0] || !ident || !run || !out ||
	    !err)
		return TOOLCAP_ERR_USAGE;
	memset(ident, 0, sizeof(*ident));
	memset(run, 0, sizeof(*run));
	if (!program)
		program = program_of(argv);
	flags = toolcap_version_args(program, family);
	for (n = 0; argv[n]; n++) {
		if (n == TOOLCAP_VERSION_MAX_WORDS)
			return TOOLCAP_ERR_USAGE;
		words[n] = argv[n];
	}
	for (i = 0; flags[i]; i++)
		words[n++] = flags[i];
	words[n] = NULL;

	e = toolcap_run(words, options, out, out_size, err, err_size, run);
	if (e)
		return e;
	/* A run that failed printed an error, not a version: "/opt/gcc-
	 * 9.3.0/bin/gcc: No such file or directory" from a wrapper that
	 * exits 127 holds a version number, and it is not cc's.  Only a
	 * tool known to exit so after its version is read.  A tool we
	 * stopped at the output cap has no status of its own. */
	if (!run->truncated &&
	    run->exit_status != version_exit_status(program, family)) {
		toolcap_first_line(out, run->out_len, ident->line,
				   sizeof(ident->line));
		if (!ident->line[0])
			toolcap_first_line(err, run->err_len, ident->line,
					   sizeof(ident->line));
		return TOOLCAP_ERR_FAILED;
	}
	e = toolcap_identify(out, run->out_len, program, family, ident);
	if (e != TOOLCAP_ERR_UNRECOGNISED)
		return e;
	/* gcc -v, e2fsck -V and java say it on stderr. */
	e = toolcap_identify(err, run->err_len, program, family, &from_stderr);
	if (e != TOOLCAP_ERR_UNRECOGNISED || !ident->line[0]) {
		*ident = from_stderr;
		return e;
	}
	return TOOLCAP_ERR_UNRECOGNISED;
}
