// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap ge|gt|le|lt|eq|ne and toolcap vercmp: a program's version, or
 * two versions, compared.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* 0 if version starts with a digit, else the error and EXIT_ERROR. */
static int check_version_argument(const char *command, const char *version)
{
	if (!version || !(version[0] >= '0' && version[0] <= '9')) {
		fail("%s: \"%s\" is not a version (it must start with a digit)",
		     command, version ? version : "");
		return EXIT_ERROR;
	}
	return 0;
}

int cmd_compare(const char *command, int argc, char **argv)
{
	struct options opt = { 0 };
	struct version_run p = { 0 };
	int status, cmp;

	if (argc < 1)
		return usage_error(command, "needs VERSION TOOL [ARG...]");
	status = check_version_argument(command, argv[0]);
	if (status)
		return status;
	status = parse_options(command, argc - 1, argv + 1, &opt);
	if (status)
		return status;
	status = run_version_or_exit(&opt, &p, 1);
	if (status)
		return status;
	cmp = toolcap_vercmp(p.ident.version, argv[0]);
	if (strcmp(command, "ge") == 0) return cmp >= 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "gt") == 0) return cmp > 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "le") == 0) return cmp <= 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "lt") == 0) return cmp < 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "eq") == 0) return cmp == 0 ? EXIT_TRUE : EXIT_FALSE;
	return cmp != 0 ? EXIT_TRUE : EXIT_FALSE;
}

int cmd_vercmp(const char *name, int argc, char **argv)
{
	(void)name;
	static const struct cli_option no_options[] = { { NULL, 0 } };
	const char *value;
	int cmp, i = 0, k;

	/* No options, but "--x" is a typo to say, not a version. */
	if (next_option("vercmp", argc, argv, &i, no_options, &value) ==
	    OPTIONS_ERROR)
		return EXIT_ERROR;
	if (argc - i != 2)
		return usage_error("vercmp", "needs two versions");
	/* "" or "abc" holds no version: comparing it would be a guess. */
	for (k = i; k < i + 2; k++)
		if (!argv[k][strcspn(argv[k], "0123456789")]) {
			fail("vercmp: \"%s\" is not a version (it has no digit)",
			     argv[k]);
			return EXIT_ERROR;
		}
	cmp = toolcap_vercmp(argv[i], argv[i + 1]);
	puts(cmp < 0 ? "<" : cmp > 0 ? ">" : "=");
	return EXIT_TRUE;
}
