/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The command's one string builder: text appended to a buffer the caller
 * owns (no allocation), always NUL-terminated, cut at the buffer's end
 * with overflow set, so that a caller can refuse a cut text (a command
 * too long once expanded) or show it cut (a list in a message).
 */
#ifndef TOOLCAP_CLI_STRBUF_H
#define TOOLCAP_CLI_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t size;   /* of buf, at least 1 */
	size_t len;    /* strlen(buf), at most size - 1 */
	int overflow;  /* something appended did not fit */
};

/* Start with buf (size bytes, at least 1) empty. */
void strbuf_init(struct strbuf *sb, char *buf, size_t size);
/* Append n bytes of s; what does not fit is cut and overflow set. */
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
/* Append printf-formatted text, the same way. */
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
