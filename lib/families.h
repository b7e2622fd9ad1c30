/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The table of known families.  Internal to libtoolcap. */
#ifndef TOOLCAP_FAMILIES_H
#define TOOLCAP_FAMILIES_H

#include <stddef.h>

#include "scan.h"

enum rule_shape {
	/* The marker starts a word; then, as version_after() reads it,
	 * the version: "GNU ld (GNU Binutils) 2.40", "mold 1.10.1 (...)". */
	SHAPE_MARKER,
	/* The marker, then the first dotted version anywhere after it:
	 * "@(#)PROGRAM:ld  PROJECT:ld64-609.8". */
	SHAPE_MARKER_SCAN,
	/* GCC's "PROG (PKGVERSION) VERSION": "cc (GCC) 8.5.0 20210514 ...".
	 * With a marker, it must be a word of PKGVERSION ("icc (ICC) ...");
	 * without one, PROG must be named like a GCC driver or PKGVERSION
	 * must say GCC. */
	SHAPE_DRIVER,
	/* The whole line is "vMAJOR.MINOR", perhaps with a git-describe
	 * suffix: pahole prints nothing else. */
	SHAPE_BARE_V,
	/* The marker starts the line, then one word in any language, then
	 * the version: gcc -v's last line as gettext translates "version"
	 * ("gcc-Version 12.2.0", "gcc versión 12.2.0", "gcc 版本 12.2.0"). */
	SHAPE_TRANSLATED,
	/* The marker is a "(...)" group that starts so, the version right
	 * after it: "(GNU Binutils for Debian) 2.40" stays English when
	 * the tool's own name is translated ("Ensamblador (GNU Binutils for
	 * Debian) 2.40 de GNU").  Which binutils tool it is comes from the
	 * family asked for, else the program name. */
	SHAPE_GROUP
};

struct family_rule {
	const char *family;     /* NULL: ld.bfd, ld.gold or gas, see SHAPE_GROUP */
	enum rule_shape shape;
	const char *marker;
	/* Output that does not name its tool ("v1.24", "LLVM version
	 * 14.0.6") counts only when the program is unknown or its name
	 * contains this. */
	const char *program;
	/* 1: the row counts only when its family is asked for (clang's
	 * banner names its integrated assembler only when asked so). */
	int asked_only;
};

extern const struct family_rule family_rules[];
extern const size_t family_rule_count;

/* Does rule recognise line?  Fills tok with the version's place. */
int rule_matches(const struct family_rule *rule, const char *line,
		 size_t len, const char *program, struct version_token *tok);

/* GCC's layout, which many GNU tools share: "PROG (PKGVERSION) VERSION"
 * ("cc (GCC) 8.5.0", "tar (GNU tar) 1.34", "emcc (Emscripten ...) 1.39.8"). */
struct driver_line {
	size_t prog_len, group_start, group_end;
	struct version_token version;
};
int driver_shape(const char *line, size_t len, struct driver_line *d);

/* What follows a program's directory, and its length without ".exe". */
const char *program_basename(const char *program, size_t *len);

/* Fill out->line with the first line of text that has something on it,
 * as printable ASCII, for an error message; the rest of out is left. */
struct toolcap_ident;
void quote_first_line(const char *text, size_t len,
		      struct toolcap_ident *out);

/* The exit status a tool ends with after printing its version: 0 for
 * most, 1 for unsquashfs -version (lib/programs.c). */
int version_exit_status(const char *program, const char *family);

#endif
