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
	const char *program; /* run with its version flag, like version */
} report_tools[] = {
	{ "C compiler (CC)", "gcc" },
	{ "Clang/LLVM", "clang" },
	{ "Rust", "rustc" },
	{ "bindgen", "bindgen" },
	{ "GNU make", "make" },
	{ "bash", "bash" },
	{ "binutils (ld)", "ld" },
	{ "binutils (as)", "as" },
	{ "LLVM linker", "ld.lld" },
	{ "flex", "flex" },
	{ "bison", "bison" },
	{ "pahole", "pahole" },
	{ "util-linux", "mount" },
	{ "kmod", "kmod" },
	{ "e2fsprogs", "e2fsck" },
	{ "jfsutils", "fsck.jfs" },
	{ "reiserfsprogs", "reiserfsck" },
	{ "xfsprogs", "xfs_db" },
	{ "squashfs-tools", "mksquashfs" },
	{ "btrfs-progs", "btrfs" },
	{ "pcmciautils", "pccardctl" },
	{ "quota-tools", "quota" },
	{ "PPP", "pppd" },
	{ "nfs-utils", "showmount" },
	{ "procps", "ps" },
	{ "udev", "udevadm" },
	{ "grub", "grub-install" },
	{ "mcelog", "mcelog" },
	{ "iptables", "iptables" },
	{ "openssl", "openssl" },
	{ "bc", "bc" },
	{ "Sphinx", "sphinx-build" },
	{ "cpio", "cpio" },
	{ "GNU tar", "tar" },
	{ "gtags", "gtags" },
	{ "mkimage", "mkimage" },
	{ "Python", "python3" },
	{ "perl", "perl" },
	{ "pkg-config", "pkg-config" },
	{ "dtc", "dtc" },
	{ "gawk", "gawk" },
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

