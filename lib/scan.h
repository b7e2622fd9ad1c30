/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading version tokens out of a line of text.  Internal to libtoolcap.
 * A "line" is a pointer and a length; it need not be NUL-terminated and
 * may hold any bytes.
 */
#ifndef TOOLCAP_SCAN_H
#define TOOLCAP_SCAN_H

#include <stddef.h>

struct version_token {
	size_t start;       /* offset of the first digit (after a 'v')       */
	size_t release_len; /* digits and dots that make the release         */
	size_t end;         /* offset just past what was glued to it         */
	int dots;           /* how many dots the release has                 */
};

/* The token that starts exactly at pos (a digit, or 'v' and a digit). */
int version_token_at(const char *line, size_t len, size_t pos,
		     struct version_token *tok);

/* The first token at or after from; with need_dot, only "N.N..." ones. */
int find_version_token(const char *line, size_t len, size_t from,
		       int need_dot, struct version_token *tok);

/* The same, passing over "(...)" groups: "GNU gdb (Debian 13.1-3) 13.1"
 * is 13.1 with nothing glued to it. */
int find_version_token_outside_parens(const char *line, size_t len,
				      int need_dot, struct version_token *tok);

/*
 * The length of a program name without a version glued to its end:
 * "gcc-12" and "clang-16.0" lose "-12" and "-16.0"; without dash_only,
 * "python3" and "python3.11" also become "python".
 */
size_t name_without_version(const char *name, size_t n, int dash_only);

/* Are these n digits a date, YYYYMMDD with a plausible year, month and
 * day?  A version component that is one is dropped from the release. */
int is_date_component(const char *s, size_t n);

/* Skip blanks from pos; return the new offset. */
size_t skip_blanks(const char *line, size_t len, size_t pos);

/* Skip a "(...)" group with nesting at pos, if there is one, and at most
 * PAREN_GROUP_MAX bytes long. */
#define PAREN_GROUP_MAX 512
size_t skip_paren_group(const char *line, size_t len, size_t pos);

/* Does a word equal to word (case-insensitive) start at pos? */
int word_at(const char *line, size_t len, size_t pos, const char *word,
	    int ignore_case);

/* Find word starting at a word boundary at or after from; -1 if none. */
long find_word(const char *line, size_t len, size_t from, const char *word,
	       int ignore_case);

/*
 * After a marker: skip blanks, any "(...)" groups and a "version" word,
 * then expect a version token right there.  This is how GNU tools, LLVM
 * tools, rustc, mold and most others word their version line:
 *   "GNU ld (GNU Binutils for Debian) 2.40"
 *   "GNU ld version 2.20.51.0.2-5.43.el6 20100205"
 *   "LLD 14.0.6 (compatible with GNU linkers)"
 */
int version_after(const char *line, size_t len, size_t pos,
		  struct version_token *tok);

#endif
