// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * One version run of the program a command names: run it with its
 * version flag (toolcap_version), and say what came of it, as text,
 * a number or JSON, or as the one error line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"

const char *family_option(const char *tool)
{
	return toolcap_is_family(tool) ? tool : NULL;
}

/* Run TOOL [ARG...] with its version flag and recognise what it says. */
void run_version(const struct options *opt, struct version_run *p,
		 char *out, size_t out_size, char *err, size_t err_size)
{
	const char *argv[TOOLCAP_VERSION_MAX_WORDS + 1];
	const char *family = family_option(opt->tool);
	const char *program = opt->program;
	struct toolcap_run_options run_options = {
		.timeout_ms = timeout_from_environment()
	};
	int i, n = opt->command_len;

	p->name = opt->command[0];
	p->asked = family;
	if (n > TOOLCAP_VERSION_MAX_WORDS) {
		p->error = TOOLCAP_ERR_USAGE;
		return;
	}
	if (!program && opt->tool && !family)
		program = opt->tool;
	for (i = 0; i < n; i++)
		argv[i] = opt->command[i];
	argv[n] = NULL;
	p->error = toolcap_version(argv, program, family, &run_options, out,
				   out_size, err, err_size, &p->ident, &p->run);
}

static int is_missing(const struct version_run *p)
{
	return p->error == TOOLCAP_ERR_NOT_FOUND;
}

/* "12" or "12.2.0" and nothing else: what gcc -dumpversion prints. */
static int is_bare_number(const char *line)
{
	const char *s = line;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	while ((*s >= '0' && *s <= '9') || *s == '.')
		s++;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/* The one line on stderr for a version run that gave no version. */
void report_version_error(const struct version_run *p)
{
	const char *name = p->name;

	switch (p->error) {
	case TOOLCAP_ERR_NOT_FOUND:
	case TOOLCAP_ERR_NOT_EXECUTABLE:
	case TOOLCAP_ERR_SYSTEM:
		fail("%s: %s: %s", name, toolcap_strerror(p->error),
		     strerror(p->run.sys_errno ? p->run.sys_errno : ENOENT));
		return;
	case TOOLCAP_ERR_TIMED_OUT:
		fail("%s: timed out and was killed (TOOLCAP_TIMEOUT); it printed: \"%s\"",
		     name, p->ident.line);
		return;
	case TOOLCAP_ERR_SIGNALED:
		fail("%s: killed by signal %d; it printed: \"%s\"", name,
		     p->run.signal, p->ident.line);
		return;
	case TOOLCAP_ERR_WRONG_FAMILY:
		fail("%s: is not %s but %s: it says \"%s\"", name, p->asked,
		     p->ident.family, p->ident.line);
		return;
	case TOOLCAP_ERR_USAGE:
		fail("%s: a command of more than %d words", name,
		     TOOLCAP_VERSION_MAX_WORDS);
		return;
	case TOOLCAP_ERR_FAILED:
		/* What a failed run prints is an error, whatever number it
		 * holds; show it, so the user sees what to fix. */
		fail("%s: exited with status %d, so what it printed is no version: \"%s\"",
		     name, p->run.exit_status, p->ident.line);
		return;
	default:
		break;
	}
	if (is_bare_number(p->ident.line))
		/* gcc -dumpversion says "12"; a macOS gcc, which is clang,
		 * says "4.2.1" or its own version: a bare number does not
		 * say which tool printed it, nor always the whole release. */
		fail("%s: \"%s\" is a bare number that does not say which tool printed it: give what TOOL --version prints",
		     name, p->ident.line);
	else if (!p->ident.line[0])
		fail("%s: printed nothing%s", name,
		     p->run.exit_status > 0 ? " and exited with an error" : "");
	else if (p->run.exit_status > 0)
		fail("%s: exited with status %d and printed no version we recognise: \"%s\"",
		     name, p->run.exit_status, p->ident.line);
	else
		fail("%s: printed no version we recognise: \"%s\"", name,
		     p->ident.line);
}

static void print_json(const struct version_run *p)
{
	struct json w = { 0 };
	unsigned long long value;
	char kernel[64];

	json_object(&w);
	json_key(&w, "tool");
	json_string(&w, p->name);
	json_key(&w, "family");
	json_string(&w, p->ident.family);
	json_key(&w, "known_family");
	json_bool(&w, p->ident.known_family);
	json_key(&w, "version");
	json_string(&w, p->ident.version);
	json_key(&w, "suffix");
	json_string(&w, p->ident.suffix);
	json_key(&w, "kernel");
	json_string(&w, toolcap_kernel_text(&p->ident, kernel, sizeof(kernel))
			== TOOLCAP_OK ? kernel : NULL);
	json_key(&w, "int");
	if (toolcap_kernel_int(&p->ident, &value) == TOOLCAP_OK)
		json_uint(&w, value);
	else
		json_null(&w);
	json_key(&w, "text");
	json_string(&w, p->ident.line);
	json_end_object(&w);
}

int print_ident(const struct version_run *p, enum format format)
{
	unsigned long long value;
	char kernel[64];
	enum toolcap_error e;

	switch (format) {
	case FORMAT_PLAIN:
		printf("%s %s\n", p->ident.family, p->ident.version);
		break;
	case FORMAT_NUMBER:
		printf("%s\n", p->ident.version);
		break;
	case FORMAT_INT:
		e = toolcap_kernel_int(&p->ident, &value);
		if (e) {
			fail("%s: version %s cannot be encoded as an integer: \"%s\"",
			     p->name, p->ident.version, p->ident.line);
			return EXIT_ERROR;
		}
		printf("%llu\n", value);
		break;
	case FORMAT_KERNEL:
		e = toolcap_kernel_text(&p->ident, kernel, sizeof(kernel));
		if (e) {
			fail("%s: the kernel has no version script for %s: \"%s\"",
			     p->name, p->ident.family, p->ident.line);
			return EXIT_ERROR;
		}
		printf("%s\n", kernel);
		break;
	case FORMAT_JSON:
		print_json(p);
		break;
	}
	return EXIT_TRUE;
}

static char out_buf[TOOLCAP_DEFAULT_OUTPUT_CAP];
static char err_buf[TOOLCAP_DEFAULT_OUTPUT_CAP];

/* Run the command of opt; 0 with p filled in, or the exit status. */
int run_version_or_exit(const struct options *opt, struct version_run *p,
			int quiet_when_missing)
{
	if (opt->command_len == 0 || !opt->command[0][0]) {
		/* $(PAHOLE) expanded to nothing: no such tool. */
		p->error = TOOLCAP_ERR_NOT_FOUND;
		return EXIT_FALSE;
	}
	run_version(opt, p, out_buf, sizeof(out_buf), err_buf, sizeof(err_buf));
	if (p->error == TOOLCAP_OK)
		return 0;
	if (is_missing(p)) {
		if (!quiet_when_missing)
			report_version_error(p);
		return EXIT_FALSE;
	}
	report_version_error(p);
	return EXIT_ERROR;
}
