/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * toolcap check: what a requirement is, and how requirements are read
 * from a file or from the kernel's built-in list.  The file format is
 * described in man/toolcap.1 (REQUIREMENTS FILES); the code is in
 * scripts/cmd-check-requirements.c.
 */
#ifndef TOOLCAP_CHECK_REQUIREMENTS_H
#define TOOLCAP_CHECK_REQUIREMENTS_H

#include <stdio.h>

#include "cli.h"

#define REQUIREMENT_NAME_MAX     48
#define REQUIREMENT_MINIMUM_MAX 128
#define REQUIREMENT_COMMAND_MAX 512
#define REQUIREMENT_LINE_MAX   1024

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
};

/*
 * Read the requirements of a file ("-" is stdin) and append them.
 * 0, or EXIT_ERROR after the one line naming the file, the line number
 * and quoting the line.
 */
int read_requirements_file(const char *path, struct requirement_list *list);

/* The same, from an open stream that messages call source (the file
 * reader's body; tests/fuzz/fuzz-requirements.c reads memory through it). */
int read_requirements_stream(FILE *f, const char *source,
			     struct requirement_list *list);

/* Append the kernel's minimal requirements (scripts/min-tool-version.sh,
 * Documentation/process/changes.rst), for $SRCARCH/$ARCH of the
 * environment.  0 or EXIT_ERROR. */
int read_kernel_requirements(struct requirement_list *list);

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
