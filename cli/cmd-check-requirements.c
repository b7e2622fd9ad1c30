// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap check: reading requirements.  A requirements file is plain
 * text a person writes next to a Makefile, so every mistake in it is
 * reported with the file, the line number and the line itself, and
 * nothing is guessed.  The kernel's list (cmd-check-kernel.c) is written
 * in the same format and goes through the same parser.  Nothing here
 * prints: a failure leaves its one line in list->message.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check-requirements.h"

int requirement_error(struct requirement_list *list, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(list->message, sizeof(list->message), fmt, ap);
	va_end(ap);
	return EXIT_ERROR;
}

/* Our own character classes: the same bytes mean the same in every
 * locale (see lib/chars.h for why). */
static int is_blank(char c) { return c == ' ' || c == '\t'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_name_char(char c)
{
	return is_letter(c) || is_digit(c) || c == '.' || c == '_' ||
	       c == '-' || c == '+';
}
static int is_variable_char(char c)
{
	return is_letter(c) || is_digit(c) || c == '_';
}

/* ------------------------------------------------------------------ */
/* $(VAR) expansion                                                    */

struct expansion {
	char *out;
	size_t len, size;
	const char *error;
};

static void append(struct expansion *x, const char *s, size_t n)
{
	if (x->error)
		return;
	if (x->len + n >= x->size) {
		x->error = "the command is too long once expanded";
		return;
	}
	memcpy(x->out + x->len, s, n);
	x->len += n;
	x->out[x->len] = '\0';
}

/* Where the ")" closing the "$(" at s[0] is, or NULL. */
static const char *closing_parenthesis(const char *s, const char *end)
{
	int depth = 0;

	for (; s < end; s++) {
		if (*s == '(')
			depth++;
		else if (*s == ')' && --depth == 0)
			return s;
	}
	return NULL;
}

static void expand(struct expansion *x, const char *s, const char *end);

/* NAME or NAME:-DEFAULT, the inside of $(...). */
static void expand_variable(struct expansion *x, const char *s,
			    const char *end)
{
	char name[128];
	const char *p = s, *value;
	size_t n;

	while (p < end && is_variable_char(*p))
		p++;
	n = (size_t)(p - s);
	if (n == 0 || n >= sizeof(name) || is_digit(s[0]) ||
	    (p < end && (end - p < 2 || p[0] != ':' || p[1] != '-'))) {
		x->error = "expected $(NAME) or $(NAME:-DEFAULT)";
		return;
	}
	memcpy(name, s, n);
	name[n] = '\0';
	value = getenv(name);
	if (value && *value)
		append(x, value, strlen(value));
	else if (p < end)
		expand(x, p + 2, end);
}

static void expand(struct expansion *x, const char *s, const char *end)
{
	while (s < end && !x->error) {
		const char *close;

		if (*s != '$') {
			append(x, s++, 1);
			continue;
		}
		if (s + 1 < end && s[1] == '$') {
			append(x, "$", 1);
			s += 2;
			continue;
		}
		if (s + 1 >= end || s[1] != '(') {
			x->error = "a '$' must start $(NAME) (write $$ for a '$')";
			return;
		}
		close = closing_parenthesis(s + 1, end);
		if (!close) {
			x->error = "unterminated $(";
			return;
		}
		expand_variable(x, s + 2, close);
		s = close + 1;
	}
}

/* ------------------------------------------------------------------ */
/* One line                                                            */

#define LINE_WORDS_MAX 64

/*
 * Split at blanks, except inside $(...) and quotes, up to a word starting
 * with '#'.  Quotes stay in the words: they are removed when the command
 * is split into arguments (requirement_argv), after $(VAR) expansion, as
 * the shell does with the text make gives it.  Returns the number of
 * words, -1 when there are too many, -2 when a quote is not closed.
 */
static int split_words(char *line, char **words)
{
	int n = 0;
	char *p = line;

	for (;;) {
		int depth = 0;
		char quote = 0;

		while (is_blank(*p))
			p++;
		if (!*p || *p == '#')
			return n;
		if (n == LINE_WORDS_MAX)
			return -1;
		words[n++] = p;
		for (; *p && (quote || depth > 0 || !is_blank(*p)); p++) {
			if (quote) {
				if (*p == quote)
					quote = 0;
				else if (quote == '"' && *p == '\\' && p[1])
					p++;
			} else if (*p == '\'' || *p == '"')
				quote = *p;
			else if (*p == '\\' && p[1])
				p++;
			else if (*p == '(' && p > line && p[-1] == '$')
				depth++;
			else if (*p == ')' && depth > 0)
				depth--;
		}
		if (quote)
			return -2;
		if (*p)
			*p++ = '\0';
	}
}

/* Split text as the shell splits words: blanks separate, '...' keeps
 * everything, "..." keeps all but \\ before \\ " $ `, and a backslash
 * elsewhere keeps the next character.  Writes the words into buf (at least
 * strlen(text) + 1 bytes); returns their count, -1 for more than max, -2
 * for a quote not closed or a backslash at the end. */
int requirement_split(const char *text, char *buf, char **argv, int max)
{
	const char *p = text;
	char *o = buf;
	int n = 0;

	for (;;) {
		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		if (n == max)
			return -1;
		argv[n++] = o;
		while (*p && !is_blank(*p)) {
			if (*p == '\'') {
				const char *end = strchr(p + 1, '\'');

				if (!end)
					return -2;
				memcpy(o, p + 1, (size_t)(end - p - 1));
				o += end - p - 1;
				p = end + 1;
			} else if (*p == '"') {
				for (p++; *p && *p != '"'; p++) {
					if (*p == '\\' && p[1] &&
					    strchr("\\\"$`", p[1]))
						p++;
					*o++ = *p;
				}
				if (!*p)
					return -2;
				p++;
			} else if (*p == '\\') {
				if (!p[1])
					return -2;
				*o++ = p[1];
				p += 2;
			} else
				*o++ = *p++;
		}
		*o++ = '\0';
	}
	argv[n] = NULL;
	return n;
}

int requirement_argv(const struct requirement *r, char *buf, char **argv)
{
	return requirement_split(r->expanded, buf, argv, REQUIREMENT_ARGV_MAX);
}

static int is_version_word(const char *s, const char *end)
{
	if (s == end || !is_digit(*s))
		return 0;
	for (; s < end; s++)
		if (!is_letter(*s) && !is_digit(*s) && !strchr(".-+_~", *s))
			return 0;
	return 1;
}

/* "1.22", "any", or "gcc:5.1.0,clang:11.0.0". */
static const char *check_minimum(const char *s)
{
	const char *end = s + strlen(s);

	if (strcmp(s, "any") == 0 || is_version_word(s, end))
		return NULL;
	if (!strchr(s, ':'))
		return "the minimum version must start with a digit, or be \"any\"";
	while (s < end) {
		const char *comma = strchr(s, ',');
		const char *colon = strchr(s, ':');
		const char *p;

		if (!comma)
			comma = end;
		if (!colon || colon > comma || colon == s)
			return "expected FAMILY:VERSION,FAMILY:VERSION...";
		for (p = s; p < colon; p++)
			if (!is_name_char(*p))
				return "expected FAMILY:VERSION,FAMILY:VERSION...";
		if (!is_version_word(colon + 1, comma))
			return "a version after FAMILY: must start with a digit";
		s = comma < end ? comma + 1 : end;
		if (comma < end && s == end)
			return "expected FAMILY:VERSION after ','";
	}
	return NULL;
}

static int copy_word(char *to, size_t size, const char *from)
{
	size_t n = strlen(from);

	if (n >= size)
		return 0;
	memcpy(to, from, n + 1);
	return 1;
}

/* Fill r from words; NULL, or what is wrong. */
static const char *parse_words(char **words, int n, struct requirement *r)
{
	char words_buf[REQUIREMENT_COMMAND_MAX];
	char *argv[REQUIREMENT_ARGV_MAX + 1];
	const char *what;
	size_t len = 0;
	struct expansion x = { r->expanded, 0, sizeof(r->expanded), NULL };
	int i;

	if (n < 3)
		return "expected NAME MINVERSION COMMAND... [optional]";
	if (strcmp(words[n - 1], "optional") == 0) {
		if (n < 4)
			return "expected NAME MINVERSION COMMAND... [optional]";
		r->optional = 1;
		n--;
	}
	for (i = 0; words[0][i]; i++)
		if (!is_name_char(words[0][i]))
			return "a NAME is letters, digits and . _ - +";
	if (!copy_word(r->name, sizeof(r->name), words[0]))
		return "the NAME is too long";
	what = check_minimum(words[1]);
	if (what)
		return what;
	if (!copy_word(r->minimum, sizeof(r->minimum), words[1]))
		return "the minimum version is too long";
	r->command[0] = '\0';
	for (i = 2; i < n; i++) {
		size_t w = strlen(words[i]);

		if (len + w + 2 > sizeof(r->command))
			return "the command is too long";
		if (len)
			r->command[len++] = ' ';
		memcpy(r->command + len, words[i], w + 1);
		len += w;
	}
	r->expanded[0] = '\0';
	expand(&x, r->command, r->command + len);
	if (x.error)
		return x.error;
	switch (requirement_argv(r, words_buf, argv)) {
	case -1:
		return "the command has too many words once expanded";
	case -2:
		return "a quote is not closed once $(VAR)s are expanded";
	}
	return NULL;
}

static int add_requirement(struct requirement_list *list,
			   const struct requirement *r)
{
	if (list->count == list->allocated) {
		size_t n = list->allocated ? 2 * list->allocated : 32;
		struct requirement *items = realloc(list->items,
						    n * sizeof(*items));

		if (!items)
			return requirement_error(list,
				"check: out of memory reading requirements");
		list->items = items;
		list->allocated = n;
	}
	list->items[list->count++] = *r;
	return 0;
}

/* Parse one line (without its newline); 0 or EXIT_ERROR. */
int requirement_parse_line(const char *source, unsigned number, const char *text,
		      struct requirement_list *list)
{
	char copy[REQUIREMENT_LINE_MAX];
	char *words[LINE_WORDS_MAX];
	struct requirement r;
	const char *what;
	int n;

	memset(&r, 0, sizeof(r));
	snprintf(copy, sizeof(copy), "%s", text);
	n = split_words(copy, words);
	if (n == 0)
		return 0;
	what = n == -1 ? "too many words" :
	       n == -2 ? "a quote is not closed" : parse_words(words, n, &r);
	/* Lines built in (number 0) have no line number to give. */
	if (what && !number)
		return requirement_error(list, "check: %s: %s: \"%s\"",
					 source, what, text);
	if (what)
		return requirement_error(list, "check: %s:%u: %s: \"%s\"",
					 source, number, what, text);
	r.source = source;
	r.line = number;
	return add_requirement(list, &r);
}

/* How reading one line of a file ended. */
enum line_status { LINE_READ, LINE_END, LINE_TOO_LONG, LINE_NUL };

/*
 * One line of f into line (size bytes), without its newline.  Byte by
 * byte rather than fgets(), which cannot tell a NUL byte in a line from
 * the end of a short one: a binary file given by mistake must be named as
 * such, not as a line too long.
 */
static enum line_status read_line(FILE *f, char *line, size_t size,
				  size_t *len)
{
	size_t n = 0;
	int c;

	while ((c = getc(f)) != EOF && c != '\n') {
		if (c == '\0')
			return LINE_NUL;
		if (n + 1 >= size) {
			line[n] = '\0';
			return LINE_TOO_LONG;
		}
		line[n++] = (char)c;
	}
	if (c == EOF && n == 0)
		return LINE_END;
	line[n] = '\0';
	*len = n;
	return LINE_READ;
}

int read_requirements_stream(FILE *f, const char *source,
			     struct requirement_list *list)
{
	/* One more byte than a line may have, for a '\r' before '\n'. */
	char line[REQUIREMENT_LINE_MAX + 1];
	enum line_status how;
	unsigned number = 0;
	size_t len = 0;
	int status = 0;

	while (!status &&
	       (how = read_line(f, line, sizeof(line), &len)) != LINE_END) {
		number++;
		if (how == LINE_READ && len && line[len - 1] == '\r')
			line[--len] = '\0';
		if (how == LINE_TOO_LONG || len >= REQUIREMENT_LINE_MAX) {
			return requirement_error(list,
				"check: %s:%u: line longer than %d bytes: \"%.40s...\"",
				source, number, REQUIREMENT_LINE_MAX - 1, line);
		}
		if (how == LINE_NUL) {
			return requirement_error(list,
				"check: %s:%u: a NUL byte: not a text file",
				source, number);
		}
		status = requirement_parse_line(source, number, line, list);
	}
	if (!status && ferror(f))
		status = requirement_error(list,
			"check: error reading requirements file: \"%s\"", source);
	return status;
}

int read_requirements_file(const char *path, struct requirement_list *list)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	int status;

	if (!f)
		return requirement_error(list,
			"check: cannot read requirements file: \"%s\"", path);
	status = read_requirements_stream(f, path, list);
	if (f != stdin)
		fclose(f);
	return status;
}

/* ------------------------------------------------------------------ */
/* Minimums                                                            */

int requirement_has_family_list(const struct requirement *r)
{
	return strchr(r->minimum, ':') != NULL;
}

const char *requirement_minimum_for(const struct requirement *r,
				    const char *family,
				    char *buf, size_t size)
{
	const char *s = r->minimum;
	size_t n = family ? strlen(family) : 0;

	if (strcmp(s, "any") == 0)
		return "";
	if (!requirement_has_family_list(r))
		return s;
	while (family && *s) {
		const char *colon = strchr(s, ':');
		const char *comma = strchr(colon, ',');
		size_t len = comma ? (size_t)(comma - colon - 1)
				   : strlen(colon + 1);

		if ((size_t)(colon - s) == n && memcmp(s, family, n) == 0 &&
		    len < size) {
			memcpy(buf, colon + 1, len);
			buf[len] = '\0';
			return buf;
		}
		s = comma ? comma + 1 : colon + 1 + len;
	}
	return NULL;
}
