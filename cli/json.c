// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The JSON writer (json.h).  Strings are escaped as RFC 8259 asks: the
 * quote, the backslash and the control characters; other bytes pass as
 * they are (tool output is UTF-8 or ASCII in practice, and what a tool
 * printed is reported as it printed it).
 */
#include <stdio.h>

#include "json.h"

/* The comma (or the new line) before a member, unless it is a key's. */
static void separate(struct json *w)
{
	int level = w->depth - 1;

	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (level < 0 || level >= JSON_DEPTH_MAX)
		return;
	if (w->lines[level])
		fputs(w->count[level] ? ",\n  " : "\n  ", stdout);
	else if (w->count[level])
		putchar(',');
	w->count[level]++;
}

static void open_container(struct json *w, char c, int layout)
{
	separate(w);
	putchar(c);
	if (w->depth < JSON_DEPTH_MAX) {
		w->count[w->depth] = 0;
		w->lines[w->depth] = layout == JSON_LINES;
	}
	w->depth++;
}

static void close_container(struct json *w, char c)
{
	w->depth--;
	if (w->depth >= 0 && w->depth < JSON_DEPTH_MAX &&
	    w->lines[w->depth] && w->count[w->depth])
		putchar('\n');
	putchar(c);
	if (w->depth == 0)
		putchar('\n');
}

void json_object(struct json *w)
{
	open_container(w, '{', JSON_INLINE);
}

void json_array(struct json *w, int layout)
{
	open_container(w, '[', layout);
}

void json_end_object(struct json *w)
{
	close_container(w, '}');
}

void json_end_array(struct json *w)
{
	close_container(w, ']');
}

static void quoted(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", (unsigned char)*s);
		else
			putchar(*s);
	}
	putchar('"');
}

void json_key(struct json *w, const char *key)
{
	separate(w);
	quoted(key);
	putchar(':');
	w->after_key = 1;
}

void json_string(struct json *w, const char *s)
{
	separate(w);
	if (s)
		quoted(s);
	else
		fputs("null", stdout);
}

void json_uint(struct json *w, unsigned long long value)
{
	separate(w);
	printf("%llu", value);
}

void json_bool(struct json *w, int value)
{
	separate(w);
	fputs(value ? "true" : "false", stdout);
}

void json_null(struct json *w)
{
	separate(w);
	fputs("null", stdout);
}

const char *json_nonempty(const char *s)
{
	return s && *s ? s : NULL;
}
