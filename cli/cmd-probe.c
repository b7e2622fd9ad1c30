// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap cc-option, as-option, as-instr, ld-option, rustc-option,
 * cc-disable-warning and explain: the kernel's capability probes as
 * predicates, answered from the cache when the tool has not changed.
 *
 * The tools come from the environment as Kbuild exports them (CC, LD,
 * RUSTC; CLANG_FLAGS; with --make the KBUILD_*FLAGS Makefile.compiler
 * uses), each overridable on the command line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../lib/probe-command.h"

struct probe_options {
	struct toolcap_probe probe;
	const char *tool_option;  /* --cc, --ld or --rustc */
	int tool_given, flags_given, no_cache;
	/* Where tool and flags came from, for messages: "--cc", "CC". */
	char tool_source[64], flags_source[128];
	char tool[1024], flags[8192];
};

/* $CROSS_COMPILE + name, as Kbuild's default CC = $(CROSS_COMPILE)gcc. */
static void default_tool(struct probe_options *o, const char *variable,
			 const char *name)
{
	const char *value = getenv(variable);
	const char *cross = getenv("CROSS_COMPILE");

	if (value && *value) {
		snprintf(o->tool, sizeof(o->tool), "%s", value);
		snprintf(o->tool_source, sizeof(o->tool_source), "%s", variable);
	} else {
		snprintf(o->tool, sizeof(o->tool), "%s%s",
			 cross && strcmp(name, "rustc") ? cross : "", name);
		snprintf(o->tool_source, sizeof(o->tool_source), "CROSS_COMPILE");
	}
}

/* The flags the kernel puts before the probed ones, from the environment:
 * "CLANG_FLAGS", or "KBUILD_CPPFLAGS KBUILD_CFLAGS" for make. */
static void default_flags(struct probe_options *o, const char *variables)
{
	char names[128], *name, *save = NULL;
	size_t len = 0;

	snprintf(names, sizeof(names), "%s", variables);
	snprintf(o->flags_source, sizeof(o->flags_source), "%s", variables);
	for (name = strtok_r(names, " ", &save); name;
	     name = strtok_r(NULL, " ", &save)) {
		const char *value = getenv(name);

		if (value && *value && len < sizeof(o->flags))
			len += (size_t)snprintf(o->flags + len,
						sizeof(o->flags) - len, "%s%s",
						len ? " " : "", value);
	}
}

static void set_defaults(struct probe_options *o)
{
	enum toolcap_probe_kind kind = o->probe.kind;
	int make = o->probe.make_form;

	if (!o->tool_given) {
		if (kind == TOOLCAP_PROBE_LD_OPTION)
			default_tool(o, "LD", "ld");
		else if (kind == TOOLCAP_PROBE_RUSTC_OPTION)
			default_tool(o, "RUSTC", "rustc");
		else
			default_tool(o, "CC", "gcc");
	}
	if (o->flags_given)
		return;
	switch (kind) {
	case TOOLCAP_PROBE_CC_OPTION:
		default_flags(o, make ? "KBUILD_CPPFLAGS KBUILD_CFLAGS"
				      : "CLANG_FLAGS");
		break;
	case TOOLCAP_PROBE_AS_OPTION:
		default_flags(o, "KBUILD_CPPFLAGS KBUILD_AFLAGS");
		break;
	case TOOLCAP_PROBE_AS_INSTR:
		default_flags(o, make ? "CLANG_FLAGS KBUILD_AFLAGS"
				      : "CLANG_FLAGS");
		break;
	case TOOLCAP_PROBE_LD_OPTION:
		if (make)
			default_flags(o, "KBUILD_LDFLAGS");
		break;
	case TOOLCAP_PROBE_RUSTC_OPTION:
		if (make)
			default_flags(o, "KBUILD_RUSTFLAGS");
		break;
	}
}

static const struct {
	const char *name;
	enum toolcap_probe_kind kind;
	const char *tool_option;
	int make_only;
} probe_commands[] = {
	{ "cc-option", TOOLCAP_PROBE_CC_OPTION, "--cc", 0 },
	{ "cc-disable-warning", TOOLCAP_PROBE_CC_OPTION, "--cc", 1 },
	{ "as-option", TOOLCAP_PROBE_AS_OPTION, "--cc", 1 },
	{ "as-instr", TOOLCAP_PROBE_AS_INSTR, "--cc", 0 },
	{ "ld-option", TOOLCAP_PROBE_LD_OPTION, "--ld", 0 },
	{ "rustc-option", TOOLCAP_PROBE_RUSTC_OPTION, "--rustc", 0 },
};

static int copy_option(const char *command, const char *value, char *buf,
		       size_t size)
{
	if (strlen(value) >= size)
		return usage_error(command, "option value too long");
	memcpy(buf, value, strlen(value) + 1);
	return 0;
}

/* Parse [--cc=CC] [--flags=FLAGS] [--make] [--no-cache] [--] ARG... */
static int parse_probe(const char *command, int argc, char **argv,
		       struct probe_options *o)
{
	struct cli_option table[] = {
		{ NULL, 1 }, { "--flags", 1 }, { "--make", 0 },
		{ "--no-cache", 0 }, { NULL, 0 }
	};
	size_t i, n = sizeof(probe_commands) / sizeof(probe_commands[0]);
	const char *value;
	int a, k, status;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < n && strcmp(command, probe_commands[i].name); i++)
		;
	if (i == n) {
		/* Only explain gets here with another word. */
		fail("explain: \"%s\" is not a probe (cc-option, as-instr, as-option, ld-option, rustc-option)",
		     command);
		return EXIT_ERROR;
	}
	o->probe.kind = probe_commands[i].kind;
	o->probe.make_form = probe_commands[i].make_only;
	o->tool_option = probe_commands[i].tool_option;

	/* --cc, --ld or --rustc by the probe; a flag that starts with
	 * "--" (ld-option --no-warn-rwx-segments) comes after "--". */
	table[0].name = o->tool_option;
	a = 0;
	while ((k = next_option(command, argc, argv, &a, table, &value)) >= 0) {
		if (k == 0 || k == 1) {
			if ((status = copy_option(command, value,
						  k ? o->flags : o->tool,
						  k ? sizeof(o->flags)
						    : sizeof(o->tool))))
				return status;
			*(k ? &o->flags_given : &o->tool_given) = 1;
		} else if (k == 2) {
			o->probe.make_form = 1;
		} else {
			o->no_cache = 1;
		}
	}
	if (k == OPTIONS_ERROR)
		return EXIT_ERROR;
	if (o->tool_given)
		snprintf(o->tool_source, sizeof(o->tool_source), "%s", o->tool_option);
	if (o->flags_given)
		snprintf(o->flags_source, sizeof(o->flags_source), "--flags");
	set_defaults(o);
	o->probe.tool = o->tool;
	o->probe.flags = o->flags;
	if (!o->tool[0])
		return usage_error(command, "no tool: set it with the option or the environment");
	/* Split as sh splits them, or said: never a silently other command. */
	if ((value = probe_shell_words_error(o->tool))) {
		fail("%s: %s=\"%s\": %s", command, o->tool_source, o->tool, value);
		return EXIT_ERROR;
	}
	if ((value = probe_shell_words_error(o->flags))) {
		fail("%s: %s=\"%s\": %s", command, o->flags_source, o->flags, value);
		return EXIT_ERROR;
	}
	if (o->probe.kind == TOOLCAP_PROBE_AS_INSTR) {
		if (a >= argc)
			return usage_error(command, "no instruction");
		o->probe.instr = argv[a++];
	} else if (a >= argc) {
		return usage_error(command, "nothing to probe");
	}
	o->probe.args = (const char *const *)argv + a;
	o->probe.nargs = (size_t)(argc - a);
	return 0;
}

/* The cache TOOLCAP_CACHE names; a refused directory is said once (the
 * answers stay right, uncached), a setting that is a mistake is an error
 * (the caller exits 2: cache->state is TOOLCAP_CACHE_INVALID). */
struct toolcap_cache *open_cache(struct toolcap_cache *cache)
{
	switch (toolcap_cache_open(cache, getenv("TOOLCAP_CACHE"))) {
	case TOOLCAP_CACHE_REFUSED:
		fail("warning: not caching: %s", cache->why);
		break;
	case TOOLCAP_CACHE_INVALID:
		fail("%s", cache->why);
		break;
	default:
		break;
	}
	return cache->state == TOOLCAP_CACHE_ON ? cache : NULL;
}

/* The one line for a probe whose tool gave no answer. */
static void probe_failed(const char *command, const struct probe_options *o,
			 enum toolcap_error e,
			 const struct toolcap_probe_result *r,
			 const char *err)
{
	/* The first line the tool said, printable, as version errors quote
	 * it. */
	char said[TOOLCAP_LINE_MAX];

	static struct probe_command cmd;
	char line[512];
	size_t n;

	if (e == TOOLCAP_ERR_USAGE) {
		fail("%s: too many or too long arguments", command);
		return;
	}
	/* The program as sh would name it: "'/x y/gcc'" is /x y/gcc. */
	if (probe_command_build(&o->probe, PROBE_TMP_PLACEHOLDER, &cmd) ==
	    TOOLCAP_OK && cmd.argc) {
		snprintf(line, sizeof(line), "%s", cmd.argv[0]);
	} else {
		n = strcspn(o->tool, " \t");
		snprintf(line, sizeof(line), "%.*s", (int)n, o->tool);
	}
	if (e == TOOLCAP_ERR_FAILED && r->run.exit_status < 0)
		fail("%s: %s fails without the probed arguments too (cached), so its no would say nothing: check the tool and its flags ('toolcap explain %s' shows it)",
		     command, line, command);
	else if (e == TOOLCAP_ERR_FAILED)
		fail("%s: %s fails without the probed arguments too (exit %d: \"%s\"), so its no would say nothing: check the tool and its flags",
		     command, line, r->run.exit_status,
		     (toolcap_first_line(err, r->run.err_len, said, sizeof(said)), said));
	else if (e == TOOLCAP_ERR_SYSTEM && r->run.exit_status < 0)
		fail("%s: %s: could not run the probe: %s (its scratch directory is made in $TMPDIR, else /tmp)",
		     command, line, strerror(r->run.sys_errno ? r->run.sys_errno : EIO));
	else if (e == TOOLCAP_ERR_SIGNALED)
		fail("%s: %s: killed by signal %d", command, line,
		     r->run.signal);
	else if (e == TOOLCAP_ERR_TIMED_OUT)
		fail("%s: %s: timed out and was killed (TOOLCAP_TIMEOUT)",
		     command, line);
	else
		fail("%s: %s: %s%s%s", command, line, toolcap_strerror(e),
		     r->run.sys_errno ? ": " : "",
		     r->run.sys_errno ? strerror(r->run.sys_errno) : "");
}

int cmd_probe(const char *name, int argc, char **argv)
{
	struct probe_options o;
	struct toolcap_cache cache;
	struct toolcap_probe_result r;
	struct toolcap_run_options run = { .timeout_ms = timeout_from_environment() };
	char warning[512];
	static char err[4096];
	const char *arg0 = NULL;
	enum toolcap_error e;
	int status = parse_probe(name, argc, argv, &o);

	if (status)
		return status;
	if (strcmp(name, "cc-disable-warning") == 0) {
		/* -Wfoo is probed, -Wno-foo printed: gcc accepts any
		 * -Wno-foo silently. */
		if (o.probe.nargs != 1)
			return usage_error(name, "one warning name, without -W");
		snprintf(warning, sizeof(warning), "-W%s", o.probe.args[0]);
		arg0 = warning;
		o.probe.args = &arg0;
	}
	if (!o.no_cache && !open_cache(&cache) &&
	    cache.state == TOOLCAP_CACHE_INVALID)
		return EXIT_ERROR;
	e = toolcap_probe_run(&o.probe, &run,
			      o.no_cache || cache.state != TOOLCAP_CACHE_ON
				      ? NULL : &cache, err, sizeof(err), &r);
	if (e) {
		probe_failed(name, &o, e, &r, err);
		return EXIT_ERROR;
	}
	if (arg0 && r.answer)
		printf("-Wno-%s\n", warning + 2);
	return r.answer ? EXIT_TRUE : EXIT_FALSE;
}

/* toolcap explain PROBE [OPTIONS] ARG...: why is the answer what it is? */
int cmd_explain(const char *name, int argc, char **argv)
{
	struct probe_options o;
	struct toolcap_probe_result r;
	struct toolcap_run_options run = { .timeout_ms = timeout_from_environment() };
	static char err[64 * 1024], line[16 * 1024];
	enum toolcap_error e;
	int status;

	if (argc < 1)
		return usage_error(name, "which probe? (cc-option, ld-option, ...)");
	if (strcmp(argv[0], "cc-disable-warning") == 0)
		return usage_error(name, "explain cc-option -WNAME instead");
	status = parse_probe(argv[0], argc - 1, argv + 1, &o);
	if (status)
		return status;
	e = toolcap_probe_command(&o.probe, line, sizeof(line));
	if (e) {
		probe_failed(argv[0], &o, e, &r, err);
		return EXIT_ERROR;
	}
	printf("command: %s\n", line);
	if (strstr(line, "$TMP"))
		printf("  ($TMP is a directory made for the run and removed after it)\n");
	fflush(stdout);
	e = toolcap_probe_run(&o.probe, &run, NULL, err, sizeof(err) - 1, &r);
	if (e) {
		probe_failed(argv[0], &o, e, &r, err);
		return EXIT_ERROR;
	}
	printf("exit status: %d\n", r.run.exit_status);
	if (r.run.err_len) {
		printf("%s said:\n", o.probe.kind == TOOLCAP_PROBE_LD_OPTION
					     ? "the linker" : "the tool");
		fwrite(err, 1, r.run.err_len, stdout);
		if (err[r.run.err_len - 1] != '\n')
			putchar('\n');
	}
	printf("answer: %s\n", r.answer ? "y" : "n");
	return r.answer ? EXIT_TRUE : EXIT_FALSE;
}
