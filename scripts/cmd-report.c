// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap report: the kernel's list of tools, each probed once, all at
 * the same time, printed as a table (what `make demo` shows).
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"


/* Documentation/process/changes.rst, "Current Minimal Requirements", and
 * the tools scripts/min-tool-version.sh knows; the command each is run as. */
static const struct report_tool {
	const char *label;
	const char *argv[3];
} report_tools[] = {
	{ "C compiler (CC)", { "gcc", NULL } },
	{ "Clang/LLVM", { "clang", NULL } },
	{ "Rust", { "rustc", NULL } },
	{ "bindgen", { "bindgen", NULL } },
	{ "GNU make", { "make", NULL } },
	{ "bash", { "bash", NULL } },
	{ "binutils (ld)", { "ld", NULL } },
	{ "binutils (as)", { "as", NULL } },
	{ "LLVM linker", { "ld.lld", NULL } },
	{ "flex", { "flex", NULL } },
	{ "bison", { "bison", NULL } },
	{ "pahole", { "pahole", NULL } },
	{ "util-linux", { "mount", NULL } },
	{ "kmod", { "kmod", NULL } },
	{ "e2fsprogs", { "e2fsck", NULL } },
	{ "jfsutils", { "fsck.jfs", NULL } },
	{ "reiserfsprogs", { "reiserfsck", NULL } },
	{ "xfsprogs", { "xfs_db", NULL } },
	{ "squashfs-tools", { "mksquashfs", NULL } },
	{ "btrfs-progs", { "btrfs", NULL } },
	{ "pcmciautils", { "pccardctl", NULL } },
	{ "quota-tools", { "quota", NULL } },
	{ "PPP", { "pppd", NULL } },
	{ "nfs-utils", { "showmount", NULL } },
	{ "procps", { "ps", NULL } },
	{ "udev", { "udevadm", NULL } },
	{ "grub", { "grub-install", NULL } },
	{ "mcelog", { "mcelog", NULL } },
	{ "iptables", { "iptables", NULL } },
	{ "openssl", { "openssl", "version", NULL } },
	{ "bc", { "bc", NULL } },
	{ "Sphinx", { "sphinx-build", NULL } },
	{ "cpio", { "cpio", NULL } },
	{ "GNU tar", { "tar", NULL } },
	{ "gtags", { "gtags", NULL } },
	{ "mkimage", { "mkimage", NULL } },
	{ "Python", { "python3", NULL } },
	{ "perl", { "perl", NULL } },
	{ "pkg-config", { "pkg-config", NULL } },
	{ "dtc", { "dtc", NULL } },
	{ "gawk", { "gawk", NULL } },
};
#define REPORT_TOOLS (sizeof(report_tools) / sizeof(report_tools[0]))

/* What a report child sends its parent: small enough for one atomic
 * pipe write. */
struct report_row {
	enum toolcap_error error;
	struct toolcap_ident ident;
};

static void probe_report_tool(const struct report_tool *tool,
			      struct report_row *row)
{
	static char out[16384], err[16384];
	struct options opt = { 0 };
	struct probe p = { 0 };
	const char *explicit_args[3];
	struct toolcap_run_result run;
	int n;

	if (tool->argv[1]) { /* "openssl version": the arguments are given */
		for (n = 0; tool->argv[n]; n++)
			explicit_args[n] = tool->argv[n];
		explicit_args[n] = NULL;
		row->error = toolcap_run(explicit_args, NULL, out, sizeof(out),
					 err, sizeof(err), &run);
		if (!row->error)
			row->error = toolcap_identify(out, run.out_len,
						      tool->argv[0], NULL,
						      &row->ident);
		return;
	}
	opt.command = (char **)tool->argv;
	opt.command_len = 1;
	probe_tool(&opt, &p, out, sizeof(out), err, sizeof(err));
	row->error = p.error;
	row->ident = p.ident;
}

int cmd_report(const char *name, int argc, char **argv)
{
	(void)name;
	struct report_row rows[REPORT_TOOLS];
	int fds[REPORT_TOOLS];
	pid_t pids[REPORT_TOOLS];
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
			       report_tools[i].argv[0],
			       toolcap_strerror(row->error));
			continue;
		}
		toolcap_kernel_text(&row->ident, kernel, sizeof(kernel));
		printf("%-18s %-16s %-14s %-12s %s\n", report_tools[i].label,
		       row->ident.family, row->ident.version, kernel,
		       report_tools[i].argv[0]);
	}
	return EXIT_TRUE;
}

