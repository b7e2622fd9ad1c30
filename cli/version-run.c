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

const char *family_option(const char *tool)
{
	return toolcap_is_family(tool) ? tool : NULL;
}

/* Run TOOL [ARG...] with its version flag and recognise what it says. */
void probe_tool(const struct options *opt, struct probe *p,
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

static int is_missing(const struct probe *p)
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

/* The one line on stderr for a probe that did not give a version. */
void report_error(const struct probe *p)
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

void print_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", (unsigned char)*s);
		else
			putchar(*s);
	}
	putchar('"');
}

static void print_json(const struct probe *p)
{
	unsigned long long value;
	char kernel[64];

	printf("{\"tool\":");
	print_json_string(p->name);
	printf(",\"family\":");
	print_json_string(p->ident.family);
	printf(",\"known_family\":%s,\"version\":",
	       p->ident.known_family ? "true" : "false");
	print_json_string(p->ident.version);
	printf(",\"suffix\":");
	print_json_string(p->ident.suffix);
	printf(",\"kernel\":");
	if (toolcap_kernel_text(&p->ident, kernel, sizeof(kernel)) == TOOLCAP_OK)
		print_json_string(kernel);
	else
		printf("null");
	printf(",\"int\":");
	if (toolcap_kernel_int(&p->ident, &value) == TOOLCAP_OK)
		printf("%llu", value);
	else
		printf("null");
	printf(",\"text\":");
	print_json_string(p->ident.line);
	printf("}\n");
}

int print_ident(const struct probe *p, enum format format)
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

/* Probe the command of opt; 0 with p filled in, or the exit status. */
int probe_or_exit(const struct options *opt, struct probe *p,
		  int quiet_when_missing)
{
	if (opt->command_len == 0 || !opt->command[0][0]) {
		/* $(PAHOLE) expanded to nothing: no such tool. */
		p->error = TOOLCAP_ERR_NOT_FOUND;
		return EXIT_FALSE;
	}
	probe_tool(opt, p, out_buf, sizeof(out_buf), err_buf, sizeof(err_buf));
	if (p->error == TOOLCAP_OK)
		return 0;
	if (is_missing(p)) {
		if (!quiet_when_missing)
			report_error(p);
		return EXIT_FALSE;
	}
	report_error(p);
	return EXIT_ERROR;
}
