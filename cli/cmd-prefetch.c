// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap prefetch [--jobs=N] KCONFIG: find every probe a Kconfig run
 * will make with literal arguments (lib/kconfig-scan.c follows `source`
 * as conf does) and run them in parallel into the cache, so that the
 * Kconfig run that follows finds them warm.
 *
 * With --background it returns at once and works on in a detached
 * process: kconfig/Kconfig.toolcap starts it so (TOOLCAP_PREFETCH) when
 * Kconfig starts, and conf reads on while the probes run.
 *
 * Each call is turned into exactly the probe kconfig/Kconfig.toolcap's
 * macro of that name runs, with the tools of the environment (CC,
 * CLANG_FLAGS, LD, RUSTC) as Kconfig passes them; a call that cannot be
 * (as-instr with a quote or a $ the shell would expand) is left to
 * Kconfig, which answers it the slow way.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../lib/kconfig-scan.h"

/* The macros of kconfig/Kconfig.toolcap that prefetch can run. */
static const char *const prefetched_macros[] = {
	"cc-option", "ld-option", "as-instr", "rustc-option", NULL
};

struct call_list {
	char **keys;   /* "cc-option\x1f-mfoo": the macro, then each argument */
	size_t count, allocated;
	size_t found;  /* references seen, duplicates included */
	int no_memory;
};

/* One string per distinct call: macro and args separated by \x1f. */
static int collect(const struct kconfig_call *call, void *data)
{
	struct call_list *list = data;
	size_t len = strlen(call->macro) + 1, i;
	char *key, *p;

	list->found++;
	for (i = 0; i < call->nargs; i++)
		len += strlen(call->args[i]) + 1;
	key = malloc(len);
	if (!key) {
		list->no_memory = 1;
		return 1;
	}
	p = key + sprintf(key, "%s", call->macro);
	for (i = 0; i < call->nargs; i++)
		p += sprintf(p, "\x1f%s", call->args[i]);
	for (i = 0; i < list->count; i++)
		if (strcmp(list->keys[i], key) == 0) {
			free(key);
			return 0;
		}
	if (list->count == list->allocated) {
		size_t n = list->allocated ? 2 * list->allocated : 64;
		char **keys = realloc(list->keys, n * sizeof(*keys));

		if (!keys) {
			free(key);
			list->no_memory = 1;
			return 1;
		}
		list->keys = keys;
		list->allocated = n;
	}
	list->keys[list->count++] = key;
	return 0;
}

/*
 * What sh makes of "$(1)" in double quotes: \\ \" \$ \` lose their
 * backslash, other backslashes stay (printf %b reads them).  0 when the
 * text holds something the shell would expand or end the quotes with.
 */
static int unquote_double(const char *in, char *out, size_t size)
{
	size_t n = 0;

	for (; *in; in++) {
		if (*in == '"' || *in == '$' || *in == '`')
			return 0;
		if (*in == '\\' && in[1] && strchr("\\\"$`", in[1]))
			in++;
		if (n + 1 >= size)
			return 0;
		out[n++] = *in;
	}
	out[n] = '\0';
	return 1;
}

static const char *env_or(const char *name, const char *fallback)
{
	const char *value = getenv(name);

	return value ? value : fallback;
}

/*
 * Run one call as Kconfig.toolcap's macro would, into the cache.
 * 0 probed (either answer), 1 left to Kconfig, 2 the tool failed,
 * 3 the answer was in the cache already.
 */
static int prefetch_one(char *key, struct toolcap_cache *cache,
			unsigned timeout_ms)
{
	struct toolcap_probe probe = { 0 };
	struct toolcap_probe_result r;
	struct toolcap_run_options run = { .timeout_ms = timeout_ms };
	const char *args[3];
	char *macro = key, *arg[2] = { NULL, NULL }, *sep;
	char instr[TOOLCAP_PROBE_MAX_TEXT];
	int nargs = 0;

	while ((sep = strchr(key, '\x1f'))) {
		*sep = '\0';
		key = sep + 1;
		if (nargs == 2)
			return 1; /* more arguments than the macros take */
		arg[nargs++] = key;
	}
	if (nargs == 0)
		return 1;
	probe.flags = env_or("CLANG_FLAGS", "");
	probe.tool = env_or("CC", "");
	probe.args = args;
	if (strcmp(macro, "cc-option") == 0 && nargs == 1) {
		probe.kind = TOOLCAP_PROBE_CC_OPTION;
		args[probe.nargs++] = arg[0];
	} else if (strcmp(macro, "as-instr") == 0) {
		/* "$(1)" $(2) -Wa,--fatal-warnings, as the macro has it; 6.1's
		 * takes "$(1)" only (TOOLCAP_KBUILD=6_1: Kconfig.toolcap says
		 * so when it starts the prefetch in a 6.1 tree). */
		const char *kbuild = getenv("TOOLCAP_KBUILD");

		if (!unquote_double(arg[0], instr, sizeof(instr)))
			return 1;
		probe.kind = TOOLCAP_PROBE_AS_INSTR;
		probe.instr = instr;
		if (!kbuild || strcmp(kbuild, "6_1") != 0) {
			if (nargs == 2)
				args[probe.nargs++] = arg[1];
			args[probe.nargs++] = "-Wa,--fatal-warnings";
		}
	} else if (strcmp(macro, "ld-option") == 0 && nargs == 1) {
		probe.kind = TOOLCAP_PROBE_LD_OPTION;
		probe.tool = env_or("LD", "");
		probe.flags = NULL;
		args[probe.nargs++] = arg[0];
	} else if (strcmp(macro, "rustc-option") == 0 && nargs == 1) {
		probe.kind = TOOLCAP_PROBE_RUSTC_OPTION;
		probe.tool = env_or("RUSTC", "");
		probe.flags = NULL;
		args[probe.nargs++] = arg[0];
	} else {
		return 1;
	}
	/* Kconfig passes the quoted words of $(CC) etc. the same way. */
	if (!*probe.tool)
		return 1;
	if (toolcap_probe_run(&probe, &run, cache, NULL, 0, &r))
		return 2;
	return r.cached ? 3 : 0;
}

/*
 * --background: go on in a process of our own, detached from the caller's
 * session and output, so that Kconfig's $(shell,...) returns at once and
 * conf reads on while the probes run.  Returns 1 in the parent (which
 * should exit 0), 0 in the background process, -1 if fork failed (then
 * the work is done in the foreground).
 */
static int go_background(void)
{
	int fd;

	switch (fork()) {
	case -1:
		return -1;
	case 0:
		break;
	default:
		return 1;
	}
	setsid();
	fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		/* conf waits for EOF on our stdout: let go of it. */
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	return 0;
}

static long cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? n : 1;
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

int cmd_prefetch(const char *name, int argc, char **argv)
{
	struct kconfig_scan_options scan = { 0 };
	struct call_list list = { 0 };
	struct toolcap_cache cache;
	struct timespec start;
	char error[512] = "";
	long jobs = cpus(), running = 0;
	unsigned long counts[4] = { 0 }; /* by prefetch_one's result */
	enum kconfig_scan_result sr;
	static const struct cli_option options[] = {
		{ "--background", 0 }, { "--jobs", 1 }, { NULL, 0 }
	};
	const char *value;
	int i, k, status = EXIT_TRUE, background = 0;
	size_t c;

	i = 0;
	while ((k = next_option(name, argc, argv, &i, options, &value)) >= 0) {
		char *end;

		if (k == 0) {
			background = 1;
			continue;
		}
		errno = 0;
		jobs = strtol(value, &end, 10);
		if (errno || *end || end == value || jobs < 1 || jobs > 1024)
			return usage_error(name, "--jobs takes a number from 1 to 1024");
	}
	if (k == OPTIONS_ERROR)
		return EXIT_ERROR;
	if (i != argc - 1)
		return usage_error(name, "one Kconfig file");
	if (!open_cache(&cache)) {
		if (cache.state == TOOLCAP_CACHE_INVALID)
			return EXIT_ERROR;
		fail("prefetch: the cache is %s: nothing to prefetch into",
		     cache.state == TOOLCAP_CACHE_OFF ? "off" : "refused");
		return EXIT_ERROR;
	}
	if (background && go_background() == 1)
		return EXIT_TRUE;

	clock_gettime(CLOCK_MONOTONIC, &start);
	scan.macros = prefetched_macros;
	scan.error = error;
	scan.error_size = sizeof(error);
	sr = kconfig_scan_tree(argv[i], &scan, collect, &list);
	if (sr != KCONFIG_SCAN_DONE || list.no_memory) {
		fail("prefetch: %s", error[0] ? error : "out of memory");
		status = EXIT_ERROR;
		goto out;
	}

	/* One process per probe, at most jobs at a time: each is a few
	 * exec()s of the compiler, and the cache is safe to share. */
	for (c = 0; c <= list.count; c++) {
		int wstatus;

		while (running > 0 && (running >= jobs || c == list.count)) {
			if (wait(&wstatus) < 0)
				break;
			running--;
			if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) > 3)
				counts[2]++;
			else
				counts[WEXITSTATUS(wstatus)]++;
		}
		if (c == list.count)
			break;
		switch (fork()) {
		case -1:
			/* No process to spare: do it here. */
			counts[prefetch_one(list.keys[c], &cache,
					    timeout_from_environment())]++;
			break;
		case 0:
			_exit(prefetch_one(list.keys[c], &cache,
					   timeout_from_environment()));
		default:
			running++;
		}
	}
	printf("toolcap prefetch: %zu probe calls, %zu distinct: %lu cached "
	       "already, %lu probed, %lu left to Kconfig, %lu failed, "
	       "in %.2f s with %ld jobs\n",
	       list.found, list.count, counts[3], counts[0], counts[1],
	       counts[2], seconds_since(&start), jobs);
	status = EXIT_TRUE;
out:
	for (c = 0; c < list.count; c++)
		free(list.keys[c]);
	free(list.keys);
	return status;
}
