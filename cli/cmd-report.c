// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap report: the kernel's list of tools, each run once, all at the
 * same time, printed as a table (what `make demo` shows).  The rows are
 * check's (check_rows): report is only another way of printing them.
 */
#include <stdio.h>
#include <string.h>

#include "check-requirements.h"

/* Each tool of the kernel's list as a requirement of any version of
 * whatever its program turns out to be. */
static void requirement_of(const struct kernel_tool *tool,
			   struct requirement *r)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->name, sizeof(r->name), "%s", tool->label);
	snprintf(r->minimum, sizeof(r->minimum), "any");
	snprintf(r->command, sizeof(r->command), "%s", tool->program);
	snprintf(r->expanded, sizeof(r->expanded), "%s", tool->program);
	r->optional = 1;
	r->any_family = 1;
	r->source = "kernel";
}

static void print_row(const struct check_row *row)
{
	const struct check_result *res = &row->result;
	char kernel[64] = "-";

	if (res->error == TOOLCAP_ERR_NOT_FOUND)
		return;
	if (res->error) {
		printf("%-18s %-16s %-14s %-12s %s (%s)\n", row->req->name,
		       "?", "?", "-", row->req->command,
		       toolcap_strerror(res->error));
		return;
	}
	toolcap_kernel_text(&res->ident, kernel, sizeof(kernel));
	printf("%-18s %-16s %-14s %-12s %s\n", row->req->name,
	       res->ident.family, res->ident.version, kernel,
	       row->req->command);
}

int cmd_report(const char *name, int argc, char **argv)
{
	struct requirement reqs[KERNEL_TOOLS_MAX];
	struct check_row rows[KERNEL_TOOLS_MAX];
	size_t i, n = kernel_tools_count;

	(void)argv;
	if (argc)
		return usage_error(name, "takes no arguments");
	memset(rows, 0, sizeof(rows));
	for (i = 0; i < n; i++) {
		requirement_of(&kernel_tools[i], &reqs[i]);
		rows[i].req = &reqs[i];
	}
	if (check_rows(rows, n)) {
		fail("report: out of memory");
		return EXIT_ERROR;
	}
	printf("%-18s %-16s %-14s %-12s %s\n", "TOOL", "FAMILY", "VERSION",
	       "KERNEL", "COMMAND");
	for (i = 0; i < n; i++)
		print_row(&rows[i]);
	return EXIT_TRUE;
}
