/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Character classes of our own: <ctype.h> depends on the locale, and a
 * version must read the same in every locale.  ASCII only.
 */
#ifndef TOOLCAP_CHARS_H
#define TOOLCAP_CHARS_H

static inline int is_digit(char c) { return c >= '0' && c <= '9'; }
static inline int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static inline int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static inline int is_alpha(char c) { return is_lower(c) || is_upper(c); }
static inline int is_alnum(char c) { return is_alpha(c) || is_digit(c); }
static inline int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}
static inline char to_lower(char c)
{
	return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}
/* A character that continues a word: a token next to it is not a token. */
static inline int is_word(char c) { return is_alnum(c) || c == '_'; }

#endif
