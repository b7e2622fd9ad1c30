/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The table of known families.  Internal to libtoolcap. */
#ifndef TOOLCAP_FAMILIES_H
#define TOOLCAP_FAMILIES_H

#include <stddef.h>

#include "scan.h"

/*
 * The families, one record each: every lookup by family (its programs,
 * its version flag, its kernel script, binutils, the stand-in of
 * `toolcap matrix`) reads this table, and the rules below name a record
 * by its index.  tests/unit/test-families.c walks it.
 */
enum family_index {
	FAMILY_GCC, FAMILY_CLANG, FAMILY_APPLE_CLANG, FAMILY_ICX, FAMILY_ICC,
	FAMILY_TCC, FAMILY_PCC, FAMILY_LD_BFD, FAMILY_LD_GOLD, FAMILY_LD_LLD,
	FAMILY_LD_MOLD, FAMILY_LD64, FAMILY_GAS, FAMILY_LLVM_AS,
	FAMILY_PAHOLE, FAMILY_RUSTC, FAMILY_BINDGEN, FAMILY_CARGO,
	FAMILY_PERL,
	FAMILY_COUNT,
	/* A rule row's family: the binutils family asked for, else the
	 * one the program's name says (see SHAPE_GROUP). */
	FAMILY_OF_BINUTILS = -1
};

/* How the kernel's scripts/\*-version.sh turn a release into a number. */
enum kernel_encoding {
	ENCODE_MMP_10000,  /* 10000*major + 100*minor + patch  */
	ENCODE_MMP_100000, /* 100000*major + 100*minor + patch */
	ENCODE_MM_100      /* 100*major + minor                */
};

#define FAMILY_PROGRAMS_MAX 4
#define FAMILY_VERSION_ARGS_MAX 2

struct family {
	const char *id;
	/* 0: a rule names it, but it is no family id: perl is named as
	 * any program is (known_family 0), its rule only reads its line. */
	int listed;
	/* The names its tools are installed under, after a target prefix
	 * and version suffix; the first is the one a stand-in takes. */
	const char *programs[FAMILY_PROGRAMS_MAX];
	/* Its version flag when not "--version"; the exit status its
	 * version run ends with (0 for all families so far). */
	const char *version_args[FAMILY_VERSION_ARGS_MAX];
	int version_exit_status;
	/* What the kernel's script prints before the number ("GCC"; ""
	 * for the number alone); NULL: the kernel has no script for it. */
	const char *kernel_name;
	enum kernel_encoding encoding;
	/* 1: a GNU Binutils tool, read from a "(GNU Binutils ...) 2.40"
	 * line whose tool name is translated (SHAPE_GROUP). */
	int binutils;
	/* What `toolcap matrix`'s stand-in prints, around the release:
	 * a recorded real output (named in the row's comment) with only
	 * the version replaced; then, as a build from git prints it (NULL:
	 * no recorded build from git).  before NULL: no stand-in. */
	const char *standin_before, *standin_after;
	const char *standin_git_before, *standin_git_after;
};

extern const struct family families[FAMILY_COUNT];

/* The record of a family id (listed or not), or NULL. */
const struct family *family_record(const char *id);

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
	enum family_index family;
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

/* The exit status a tool ends with after printing its version: 0 for
 * most, 1 for unsquashfs -version (lib/programs.c). */
int version_exit_status(const char *program, const char *family);

#endif
