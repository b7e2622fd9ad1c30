// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap is FAMILY TOOL: is the program of that family?
 */
#include <string.h>

#include "cli.h"

int cmd_is(const char *name, int argc, char **argv)
{
	(void)name;
	struct options opt = { 0 };
	struct probe p = { 0 };
	int status;

	if (argc < 1)
		return usage_error("is", "needs FAMILY TOOL [ARG...]");
	status = check_family_argument("is", argv[0]);
	if (status)
		return status;
	status = parse_options("is", argc - 1, argv + 1, &opt);
	if (status)
		return status;
	status = probe_or_exit(&opt, &p, 1);
	if (status)
		return status;
	return strcmp(p.ident.family, argv[0]) == 0 ? EXIT_TRUE : EXIT_FALSE;
}
