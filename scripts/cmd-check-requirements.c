// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap check: reading requirements.  A requirements file is plain
 * text a person writes next to a Makefile, so every mistake in it is
 * reported with the file, the line number and the line itself, and
 * nothing is guessed.  The kernel's list is written in the same format
 * and goes through the same parser.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check-requirements.h"

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

/* Split at blanks, except inside $(...), up to a word starting with '#'.
 * Returns the number of words, or -1 when there are too many. */
static int split_words(char *line, char **words)
{
	int n = 0;
	char *p = line;

	for (;;) {
		int depth = 0;

		while (is_blank(*p))
			p++;
		if (!*p || *p == '#')
			return n;
		if (n == LINE_WORDS_MAX)
			return -1;
		words[n++] = p;
		for (; *p && (depth > 0 || !is_blank(*p)); p++) {
			if (*p == '(' && p > line && p[-1] == '$')
				depth++;
			else if (*p == ')' && depth > 0)
				depth--;
		}
		if (*p)
			*p++ = '\0';
	}
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
	return x.error;
}

static int add_requirement(struct requirement_list *list,
			   const struct requirement *r)
{
	if (list->count == list->allocated) {
		size_t n = list->allocated ? 2 * list->allocated : 32;
		struct requirement *items = realloc(list->items,
						    n * sizeof(*items));

		if (!items) {
			fail("check: out of memory reading requirements");
			return EXIT_ERROR;
		}
		list->items = items;
		list->allocated = n;
	}
	list->items[list->count++] = *r;
	return 0;
}

/* Parse one line (without its newline); 0 or EXIT_ERROR. */
static int parse_line(const char *source, unsigned number, const char *text,
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
	what = n < 0 ? "too many words" : parse_words(words, n, &r);
	if (what) {
		fail("check: %s:%u: %s: \"%s\"", source, number, what, text);
		return EXIT_ERROR;
	}
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
			fail("check: %s:%u: line longer than %d bytes: \"%.40s...\"",
			     source, number, REQUIREMENT_LINE_MAX - 1, line);
			return EXIT_ERROR;
		}
		if (how == LINE_NUL) {
			fail("check: %s:%u: a NUL byte: not a text file", source,
			     number);
			return EXIT_ERROR;
		}
		status = parse_line(source, number, line, list);
	}
	if (!status && ferror(f)) {
		fail("check: error reading requirements file: \"%s\"", source);
		status = EXIT_ERROR;
	}
	return status;
}

int read_requirements_file(const char *path, struct requirement_list *list)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	int status;

	if (!f) {
		fail("check: cannot read requirements file: \"%s\"", path);
		return EXIT_ERROR;
	}
	status = read_requirements_stream(f, path, list);
	if (f != stdin)
		fclose(f);
	return status;
}

/* ------------------------------------------------------------------ */
/* The kernel's list                                                   */

/*
 * scripts/min-tool-version.sh: binutils 2.25.0; gcc 5.1.0 (12.0.0 for
 * ARCH=parisc64); llvm 11.0.0 (15.0.0 on s390, 18.0.0 on loongarch);
 * rustc 1.78.0; bindgen 0.65.1.  Read from torvalds/linux at commit
 * 03c11eb3b16d, except rustc: that copy still says 1.74.1 and mainline
 * raised it to 1.78.0 in v6.11.
 * Documentation/process/changes.rst, "Current Minimal Requirements", read
 * at commit 3e893e16af55: the rest.  The table's system utilities (for
 * running a kernel, not building one) are optional, as are the tools it
 * marks so; the variables are Kbuild's, so `make CC=clang` checks clang.
 */
static const char *arch(void)
{
	const char *a = getenv("SRCARCH");

	return a && *a ? a : getenv("ARCH") ? getenv("ARCH") : "";
}

int read_kernel_requirements(struct requirement_list *list)
{
	static const char *const fixed[] = {
		"rustc          1.78.0        $(RUSTC:-rustc)    optional",
		"bindgen        0.65.1        $(BINDGEN:-bindgen) optional",
		"make           3.82          make",
		"bash           4.2           bash",
		"flex           2.5.35        $(LEX:-flex)",
		"bison          2.0           $(YACC:-bison)",
		"pahole         1.16          $(PAHOLE:-pahole)  optional",
		"perl           5             $(PERL:-perl)",
		"bc             1.06.95       bc",
		"util-linux     2.10o         mount              optional",
		"kmod           13            kmod               optional",
		"e2fsprogs      1.41.4        e2fsck             optional",
		"jfsutils       1.1.3         fsck.jfs           optional",
		"reiserfsprogs  3.6.3         reiserfsck         optional",
		"xfsprogs       2.6.0         xfs_db             optional",
		"squashfs-tools 4.0           mksquashfs         optional",
		"btrfs-progs    0.18          btrfs              optional",
		"pcmciautils    004           pccardctl          optional",
		"quota-tools    3.09          quota              optional",
		"ppp            2.4.0         pppd               optional",
		"nfs-utils      1.0.5         showmount          optional",
		"procps         3.2.0         ps                 optional",
		"udev           081           udevadm            optional",
		"grub           0.93          grub-install       optional",
		"mcelog         0.6           mcelog             optional",
		"iptables       1.4.2         iptables           optional",
		"openssl        1.0.0         openssl            optional",
		"sphinx         2.4.4         sphinx-build       optional",
		"cpio           any           cpio               optional",
		"tar            1.28          tar                optional",
		"gtags          6.6.5         gtags              optional",
	};
	const char *a = arch();
	const char *gcc = strcmp(a, "parisc64") == 0 ? "12.0.0" : "5.1.0";
	const char *llvm = strcmp(a, "s390") == 0 ? "15.0.0" :
			   strcmp(a, "loongarch") == 0 ? "18.0.0" : "11.0.0";
	char line[REQUIREMENT_LINE_MAX];
	size_t i;
	int status;

	/* CC and LD are whatever Kbuild would run: gcc and GNU ld unless
	 * the user says otherwise; clang and ld.lld are held to llvm's. */
	snprintf(line, sizeof(line),
		 "cc gcc:%s,clang:%s $(CC:-$(CROSS_COMPILE)gcc)", gcc, llvm);
	status = parse_line("kernel", 0, line, list);
	if (!status) {
		snprintf(line, sizeof(line),
			 "ld ld.bfd:2.25.0,ld.lld:%s $(LD:-$(CROSS_COMPILE)ld)",
			 llvm);
		status = parse_line("kernel", 0, line, list);
	}
	if (!status) {
		snprintf(line, sizeof(line),
			 "clang %s clang optional", llvm);
		status = parse_line("kernel", 0, line, list);
	}
	for (i = 0; !status && i < sizeof(fixed) / sizeof(fixed[0]); i++)
		status = parse_line("kernel", 0, fixed[i], list);
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
