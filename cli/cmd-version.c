// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap version and toolcap parse: the version of a program, run or
 * read from text.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_version(const char *name, int argc, char **argv)
{
	(void)name;
	struct options opt = { 0 };
	struct probe p = { 0 };
	int status = parse_options("version", argc, argv, &opt);
	int kconfig_format;

	if (status)
		return status;
	kconfig_format = opt.format == FORMAT_INT || opt.format == FORMAT_KERNEL;
	status = probe_or_exit(&opt, &p, kconfig_format);
	if (status == EXIT_FALSE && kconfig_format)
		puts("0"); /* an int symbol must never get empty text */
	if (status)
		return status;
	return print_ident(&p, opt.format);
}

/* The text parse reads: what the identity it prints points into. */
static char text[TOOLCAP_DEFAULT_OUTPUT_CAP];

int cmd_parse(const char *name, int argc, char **argv)
{
	(void)name;
	struct options opt = { 0 };
	struct probe p = { 0 };
	const char *family, *program;
	size_t len = 0, n;
	int status = parse_options("parse", argc, argv, &opt);

	if (status)
		return status;
	if (opt.command_len)
		return usage_error("parse", "reads the version text on stdin; no TOOL");
	while (len < sizeof(text) &&
	       (n = fread(text + len, 1, sizeof(text) - len, stdin)) > 0)
		len += n;
	family = family_option(opt.tool);
	program = opt.program ? opt.program : family ? NULL : opt.tool;
	p.name = opt.program ? opt.program : opt.tool ? opt.tool : "stdin";
	p.asked = family;
	p.error = toolcap_identify(text, len, program, family, &p.ident);
	if (p.error) {
		report_error(&p);
		return EXIT_ERROR;
	}
	return print_ident(&p, opt.format);
}
