// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap report: the kernel's list of tools, each probed once, all at
 * the same time, printed as a table (what `make demo` shows).
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check-requirements.h"


/* The kernel's tools: the list check --kernel uses too. */
#define report_tools kernel_tools
#define REPORT_TOOLS kernel_tools_count

/* What a report child sends its parent: small enough for one atomic
 * pipe write. */
struct report_row {
	enum toolcap_error error;
	struct toolcap_ident ident;
};

static void probe_report_tool(const struct kernel_tool *tool,
			      struct report_row *row)
{
	static char out[16384], err[16384];
	char *command[] = { (char *)tool->program, NULL };
	struct options opt = { 0 };
	struct probe p = { 0 };

	opt.command = command;
	opt.command_len = 1;
	probe_tool(&opt, &p, out, sizeof(out), err, sizeof(err));
	row->error = p.error;
	row->ident = p.ident;
}

int cmd_report(const char *name, int argc, char **argv)
{
	(void)name;
	struct report_row rows[KERNEL_TOOLS_MAX];
	int fds[KERNEL_TOOLS_MAX];
	pid_t pids[KERNEL_TOOLS_MAX];
	size_t i;

	(void)argv;
	if (argc)
		return usage_error("report", "takes no arguments");
	fflush(stdout);
	for (i = 0; i < REPORT_TOOLS; i++) {
		int pipe_fds[2];

		memset(&rows[i], 0, sizeof(rows[i]));
		rows[i].error = TOOLCAP_ERR_SYSTEM;
		pids[i] = -1;
		fds[i] = -1;
		if (pipe(pipe_fds) != 0)
			continue;
		pids[i] = fork();
		if (pids[i] == 0) {
			struct report_row row = { 0 };

			close(pipe_fds[0]);
			probe_report_tool(&report_tools[i], &row);
			if (write(pipe_fds[1], &row, sizeof(row)) < 0)
				_exit(1);
			_exit(0);
		}
		close(pipe_fds[1]);
		fds[i] = pipe_fds[0];
		if (pids[i] < 0) {
			close(fds[i]);
			fds[i] = -1;
		}
	}
	for (i = 0; i < REPORT_TOOLS; i++) {
		if (fds[i] < 0)
			continue;
		if (read(fds[i], &rows[i], sizeof(rows[i])) != sizeof(rows[i]))
			rows[i].error = TOOLCAP_ERR_SYSTEM;
		close(fds[i]);
		waitpid(pids[i], NULL, 0);
	}

	printf("%-18s %-16s %-14s %-12s %s\n", "TOOL", "FAMILY", "VERSION",
	       "KERNEL", "COMMAND");
	for (i = 0; i < REPORT_TOOLS; i++) {
		const struct report_row *row = &rows[i];
		char kernel[64] = "-";

		if (row->error == TOOLCAP_ERR_NOT_FOUND)
			continue;
		if (row->error) {
			printf("%-18s %-16s %-14s %-12s %s (%s)\n",
			       report_tools[i].label, "?", "?", "-",
			       report_tools[i].program,
			       toolcap_strerror(row->error));
			continue;
		}
		toolcap_kernel_text(&row->ident, kernel, sizeof(kernel));
		printf("%-18s %-16s %-14s %-12s %s\n", report_tools[i].label,
		       row->ident.family, row->ident.version, kernel,
		       report_tools[i].program);
	}
	return EXIT_TRUE;
}

