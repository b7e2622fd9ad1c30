/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * toolcap check: what a requirement is, and how requirements are read
 * from a file or from the kernel's built-in list.  The file format is
 * described in man/toolcap.1 (REQUIREMENTS FILES); the code is in
 * cli/cmd-check-requirements.c.
 */
#ifndef TOOLCAP_CHECK_REQUIREMENTS_H
#define TOOLCAP_CHECK_REQUIREMENTS_H

#include <stdio.h>

#include "cli.h"

#define REQUIREMENT_NAME_MAX     48
#define REQUIREMENT_MINIMUM_MAX 128
#define REQUIREMENT_COMMAND_MAX 512
#define REQUIREMENT_LINE_MAX   1024
#define REQUIREMENT_ARGV_MAX     64
#define REQUIREMENT_MESSAGE_MAX (REQUIREMENT_LINE_MAX + 256)

struct requirement {
	char name[REQUIREMENT_NAME_MAX];          /* "pahole"            */
	char minimum[REQUIREMENT_MINIMUM_MAX];    /* "1.22", "any",
						   * "gcc:5.1.0,clang:11.0.0" */
	char command[REQUIREMENT_COMMAND_MAX];    /* as written: "$(PAHOLE)" */
	char expanded[REQUIREMENT_COMMAND_MAX];   /* after $(VAR): "pahole" */
	int optional;
	const char *source;                       /* file name, or "kernel" */
	unsigned line;                            /* 0 for the kernel's list */
};

struct requirement_list {
	struct requirement *items;
	size_t count, allocated;
	/* After EXIT_ERROR: the one line to print after "toolcap: ",
	 * "check: FILE:LINE: what: \"the line\"". */
	char message[REQUIREMENT_MESSAGE_MAX];
};

/* Set list->message from a format; returns EXIT_ERROR. */
int requirement_error(struct requirement_list *list, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Read the requirements of a file ("-" is stdin) and append them.
 * 0, or EXIT_ERROR with list->message naming the file, the line number
 * and quoting the line.  Nothing is printed.
 */
int read_requirements_file(const char *path, struct requirement_list *list);

/* The same, from an open stream that messages call source (the file
 * reader's body; tests/fuzz/fuzz-requirements.c reads memory through it). */
int read_requirements_stream(FILE *f, const char *source,
			     struct requirement_list *list);

/* Parse one line of the format (without its newline) and append it;
 * 0 or EXIT_ERROR with list->message. */
int requirement_parse_line(const char *source, unsigned number,
			   const char *text, struct requirement_list *list);

/* The command of r after expansion, split into words as the shell splits
 * them (quotes and backslashes removed); buf holds the words and has
 * REQUIREMENT_COMMAND_MAX bytes, argv REQUIREMENT_ARGV_MAX + 1 slots.
 * The count, or -1 (too many words) or -2 (a quote not closed), which a
 * requirement that was read never gives. */
int requirement_argv(const struct requirement *r, char *buf, char **argv);
int requirement_split(const char *text, char *buf, char **argv, int max);

/*
 * The kernel's tools (cli/cmd-check-kernel.c): one list for
 * `toolcap check --kernel` and `toolcap report`.
 */
struct kernel_tool {
	const char *label;    /* report's TOOL column: "C compiler (CC)" */
	const char *program;  /* what report runs: "gcc" */
	const char *changes;  /* its row of changes.rst ("GNU make"), or NULL */
};
#define KERNEL_TOOLS_MAX 64
extern const struct kernel_tool kernel_tools[];
extern const size_t kernel_tools_count;

/*
 * Append the kernel's minimal requirements for the tools Kbuild would
 * run with this environment (LLVM, CC, LD, CROSS_COMPILE, ARCH,
 * SRCARCH): from tree's scripts/min-tool-version.sh and
 * Documentation/process/changes.rst, or with tree NULL from the copy
 * built in (see release).  release receives "Linux 6.12" or the tree's
 * version.  0 or EXIT_ERROR with list->message.
 */
int read_kernel_requirements(struct requirement_list *list, const char *tree,
			     char *release, size_t release_size);

/*
 * The minimum that applies to a tool of this family: the plain version,
 * the entry of a "FAMILY:VERSION,..." list, or NULL when the list does
 * not name the family.  "any" gives "" (any version will do).  Writes
 * into buf.
 */
const char *requirement_minimum_for(const struct requirement *r,
				    const char *family,
				    char *buf, size_t size);

/* 1 when the minimum is a "FAMILY:VERSION,..." list. */
int requirement_has_family_list(const struct requirement *r);

#endif
