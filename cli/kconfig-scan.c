// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The Kconfig scanner behind `toolcap prefetch` (see kconfig-scan.h).  It
 * follows conf's lexer.l and preprocess.c step by step, so that what it
 * reports is what conf will run; where conf runs a program ($(shell,...))
 * the result is marked unknown instead, and anything that used it is not
 * reported.
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig-scan.h"

#define DEFAULT_MAX_DEPTH 64u
#define DEPTH_CEILING 1000u /* conf's own limit; beyond, the C stack is at risk */
#define DEFAULT_MAX_FILES 10000u
/*
 * Far above anything real (Linux 6.1's longest expansion is a few hundred
 * bytes, its biggest Kconfig file about 100 KiB), low enough that hostile
 * input (X := $(X)$(X) a hundred times) ends within milliseconds.
 */
#define MAX_TEXT (64u * 1024u)
#define MAX_FILE_SIZE (16u * 1024u * 1024u)
#define MAX_WORK (64ul * 1024u * 1024u) /* bytes copied, references made */
#define REFERENCE_WORK 64u /* a reference costs about as much as 64 bytes */
#define MAX_CLAUSE_PARTS 16             /* conf's FUNCTION_MAX_ARGS */

const char *const kconfig_probe_macros[] = {
	"cc-option", "ld-option", "as-instr", "as-instr64", "rustc-option",
	NULL
};

/* A growing string; unknown when it depends on something only a run of
 * a program (or an error) could tell. */
struct text {
	char *bytes; /* NUL-terminated once anything was appended */
	size_t len, cap;
	int unknown;
};

struct variable {
	struct variable *next;
	struct text name;
	struct text value; /* as written if recursive, else expanded */
	int recursive;
	int expanding; /* conf's exp_count: X = $(X) is an error */
};

/* The arguments of the user-defined function being expanded: $(1)... */
struct args {
	const struct text *argv;
	size_t argc;
};

/* A file being read; the chain is conf's include path. */
struct source_frame {
	const struct source_frame *parent;
	const char *name;
	unsigned depth;
};

struct scanner {
	const struct kconfig_scan_options *o;
	const char *const *macros;
	const char *srctree;
	kconfig_call_fn fn;
	void *data;
	unsigned max_depth, max_files, files;
	int follow_sources;
	struct variable *variables;
	size_t work_left;
	enum kconfig_scan_result status;
	const struct source_frame *frame;
	unsigned line; /* of the token being read in frame's file */
};

/* One physical line of the text at a time; `\` newline joins lines only
 * where conf allows it, between tokens. */
struct cursor {
	const char *text;
	size_t len, pos;
	size_t eol; /* the '\n' ending the current line, or len */
	unsigned line;
};

enum token_kind { TOKEN_END, TOKEN_WORD, TOKEN_STRING, TOKEN_ASSIGN,
		  TOKEN_OTHER };

struct token {
	enum token_kind kind;
	int expanded;   /* a word that held a $: never a keyword */
	char op;        /* of TOKEN_ASSIGN: ':' (:=), '+' (+=), '=' */
	struct text value;
};

static void eval_clause(struct scanner *s, const char *str, size_t len,
			const struct args *a, struct text *out,
			unsigned depth);

static const char *file_name(const struct scanner *s)
{
	return s->frame && s->frame->name ? s->frame->name : "<buffer>";
}

/* Stop the scan with why (and say what, in o->error): the first failure
 * wins; everything after it unwinds without work. */
static void halt(struct scanner *s, enum kconfig_scan_result why,
		 const char *what, const char *detail)
{
	char *p;

	if (s->status != KCONFIG_SCAN_DONE)
		return;
	s->status = why;
	if (!s->o || !s->o->error || !s->o->error_size)
		return;
	if (s->frame)
		snprintf(s->o->error, s->o->error_size, "%s:%u: %s%s%s",
			 file_name(s), s->line, what, detail ? " " : "",
			 detail ? detail : "");
	else
		snprintf(s->o->error, s->o->error_size, "%s%s%s", what,
			 detail ? " " : "", detail ? detail : "");
	/* The detail is a path out of the input: keep the message one line. */
	for (p = s->o->error; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
}

static int text_append(struct scanner *s, struct text *t, const char *p,
		       size_t n)
{
	size_t cap;
	char *bytes;

	if (s->status)
		return -1;
	if (t->unknown || n == 0)
		return 0;
	if (n > s->work_left || n > MAX_TEXT - t->len) {
		halt(s, KCONFIG_SCAN_TOO_BIG,
		     n > s->work_left ? "too much expansion work"
				      : "an expansion longer than 64 KiB",
		     NULL);
		return -1;
	}
	s->work_left -= n;
	if (t->len + n + 1 > t->cap) {
		cap = t->cap ? t->cap : 32;
		while (cap < t->len + n + 1)
			cap *= 2;
		bytes = realloc(t->bytes, cap);
		if (!bytes) {
			halt(s, KCONFIG_SCAN_NO_MEMORY, "out of memory", NULL);
			return -1;
		}
		t->bytes = bytes;
		t->cap = cap;
	}
	memcpy(t->bytes + t->len, p, n);
	t->len += n;
	t->bytes[t->len] = '\0';
	return 0;
}

static void text_append_text(struct scanner *s, struct text *t,
			     const struct text *from)
{
	if (from->unknown)
		t->unknown = 1;
	else
		text_append(s, t, from->bytes, from->len);
}

static const char *text_string(const struct text *t)
{
	return t->bytes ? t->bytes : "";
}

static int text_equals(const struct text *t, const char *word)
{
	size_t n = strlen(word);

	return !t->unknown && t->len == n && memcmp(text_string(t), word, n) == 0;
}

/* A C string cannot carry it: a NUL byte in the middle. */
static int text_has_nul(const struct text *t)
{
	return t->len && memchr(t->bytes, '\0', t->len) != NULL;
}

static void text_free(struct text *t)
{
	free(t->bytes);
	memset(t, 0, sizeof(*t));
}

/* ---------------------------------------------------------------------
 * Expansion: preprocess.c's expand_dollar, eval_clause, variable_expand
 * ------------------------------------------------------------------- */

/* conf counts every parenthesis here, not only those opened by "$(". */
static size_t matching_paren(const char *p, size_t from, size_t end)
{
	size_t nest = 0, i;

	for (i = from; i < end; i++) {
		if (p[i] == '(') {
			nest++;
		} else if (p[i] == ')') {
			if (nest == 0)
				return i;
			nest--;
		}
	}
	return end;
}

/* At p[*pos] == '$'; a '$' not followed by '(' is itself. */
static void expand_dollar(struct scanner *s, const char *p, size_t end,
			  size_t *pos, const struct args *a, struct text *out,
			  unsigned depth)
{
	size_t open = *pos + 1, close;

	if (open >= end || p[open] != '(') {
		text_append(s, out, "$", 1);
		*pos = open;
		return;
	}
	close = matching_paren(p, open + 1, end);
	if (close == end) {
		halt(s, KCONFIG_SCAN_MALFORMED,
		     "unterminated reference: missing ')'", NULL);
		*pos = end;
		return;
	}
	eval_clause(s, p + open + 1, close - open - 1, a, out, depth + 1);
	*pos = close + 1;
}

/* Expand every reference in p[0..len). */
static void expand_span(struct scanner *s, const char *p, size_t len,
			const struct args *a, struct text *out, unsigned depth)
{
	size_t pos = 0, plain = 0;

	while (pos < len && !s->status) {
		if (p[pos] != '$') {
			pos++;
			continue;
		}
		text_append(s, out, p + plain, pos - plain);
		expand_dollar(s, p, len, &pos, a, out, depth);
		plain = pos;
	}
	text_append(s, out, p + plain, pos - plain);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* conf reads a parameter with strtoul: blanks (isspace in the C locale),
 * an optional '+', digits. */
static size_t parameter_number(const char *p, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len && p[i] && strchr(" \t\n\v\f\r", p[i]))
		i++;
	if (i < len && p[i] == '+')
		i++;
	if (i == len)
		return 0;
	for (; i < len; i++) {
		if (!is_digit(p[i]))
			return 0;
		if (n < 1000) /* no more than 15 arguments exist anyway */
			n = n * 10 + (size_t)(p[i] - '0');
	}
	return n;
}

static struct variable *find_variable(const struct scanner *s,
				      const struct text *name)
{
	struct variable *v;

	for (v = s->variables; v; v = v->next)
		if (v->name.len == name->len &&
		    memcmp(text_string(&v->name), text_string(name),
			   name->len) == 0)
			return v;
	return NULL;
}

static const char *reported_macro(const struct scanner *s,
				  const struct text *name)
{
	const char *const *m;

	for (m = s->macros; *m; m++)
		if (text_equals(name, *m))
			return *m;
	return NULL;
}

/* Tell the caller about a call, if every argument is known and literal. */
static void report_call(struct scanner *s, const char *macro,
			const struct text *argv, size_t argc)
{
	const char *strings[MAX_CLAUSE_PARTS];
	struct kconfig_call call;
	size_t i;

	for (i = 0; i < argc; i++) {
		if (argv[i].unknown || text_has_nul(&argv[i]) ||
		    strstr(text_string(&argv[i]), "$("))
			return;
		strings[i] = text_string(&argv[i]);
	}
	call.macro = macro;
	call.args = strings;
	call.nargs = argc;
	call.file = file_name(s);
	call.line = s->line;
	if (s->fn && s->fn(&call, s->data))
		s->status = KCONFIG_SCAN_STOPPED;
}

static const char *lookup_environment(const struct scanner *s,
				      const char *name)
{
	const struct kconfig_scan_options *o = s->o;

	if (o && o->srctree && strcmp(name, "srctree") == 0)
		return o->srctree;
	if (o && o->getenv)
		return o->getenv(name, o->env_data);
	return getenv(name);
}

static const struct builtin {
	const char *name;
	size_t min_args, max_args;
} builtins[] = {
	{ "error-if", 2, 2 }, { "filename", 0, 0 }, { "info", 1, 1 },
	{ "lineno", 0, 0 },   { "shell", 1, 1 },    { "warning-if", 2, 2 },
};

/* conf's function_expand; 0 if name is not a built-in. */
static int expand_builtin(struct scanner *s, const struct text *name,
			  const struct text *argv, size_t argc,
			  struct text *out)
{
	const struct builtin *b = NULL;
	char number[16];
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (text_equals(name, builtins[i].name))
			b = &builtins[i];
	if (!b)
		return 0;
	if (argc < b->min_args || argc > b->max_args) {
		halt(s, KCONFIG_SCAN_MALFORMED,
		     "wrong number of arguments passed to", b->name);
		return 1;
	}
	if (strcmp(b->name, "shell") == 0) {
		out->unknown = 1; /* only running it can tell */
	} else if (strcmp(b->name, "filename") == 0) {
		text_append(s, out, file_name(s), strlen(file_name(s)));
	} else if (strcmp(b->name, "lineno") == 0) {
		snprintf(number, sizeof(number), "%u", s->line);
		text_append(s, out, number, strlen(number));
	} else if (strcmp(b->name, "error-if") == 0 &&
		   text_equals(&argv[0], "y")) {
		/* conf stops here; nothing after it would run */
		halt(s, KCONFIG_SCAN_MALFORMED, "error-if:",
		     argv[1].unknown ? "(message not known)"
				     : text_string(&argv[1]));
	}
	/* info and warning-if print and expand to nothing */
	return 1;
}

/* What $(name,argv...) expands to, the arguments already expanded. */
static void expand_reference(struct scanner *s, const struct text *name,
			     const struct text *argv, size_t argc,
			     struct text *out, unsigned depth)
{
	const char *macro, *value;
	struct variable *v;
	struct args inner;

	if (name->unknown) {
		out->unknown = 1;
		return;
	}
	macro = reported_macro(s, name);
	if (macro) {
		report_call(s, macro, argv, argc);
		out->unknown = 1; /* its answer is the probe's */
		return;
	}
	v = find_variable(s, name);
	if (v) {
		if (argc == 0 && v->expanding) {
			halt(s, KCONFIG_SCAN_MALFORMED,
			     "recursive variable references itself:",
			     text_string(name));
			return;
		}
		if (!v->recursive) {
			text_append_text(s, out, &v->value);
			return;
		}
		inner.argv = argv;
		inner.argc = argc;
		v->expanding++;
		expand_span(s, text_string(&v->value), v->value.len, &inner,
			    out, depth + 1);
		v->expanding--;
		return;
	}
	if (expand_builtin(s, name, argv, argc, out))
		return;
	if (argc == 0 && name->len && !text_has_nul(name)) {
		value = lookup_environment(s, text_string(name));
		if (value)
			text_append(s, out, value, strlen(value));
	}
	/* anything else is empty, as in conf */
}

static void eval_clause(struct scanner *s, const char *str, size_t len,
			const struct args *a, struct text *out, unsigned depth)
{
	struct text parts[MAX_CLAUSE_PARTS];
	size_t starts[MAX_CLAUSE_PARTS], ends[MAX_CLAUSE_PARTS];
	size_t nparts = 0, begin = 0, nest = 0, n, i;

	if (depth > s->max_depth) {
		halt(s, KCONFIG_SCAN_TOO_BIG, "references nested too deep",
		     NULL);
		return;
	}
	if (s->work_left < REFERENCE_WORK) {
		halt(s, KCONFIG_SCAN_TOO_BIG, "too much expansion work", NULL);
		return;
	}
	s->work_left -= REFERENCE_WORK;
	n = parameter_number(str, len);
	if (a && n > 0 && n <= a->argc) {
		text_append_text(s, out, &a->argv[n - 1]);
		return;
	}
	for (i = 0; i <= len; i++) {
		if (i < len && (nest > 0 || str[i] != ',')) {
			if (str[i] == '(')
				nest++;
			else if (str[i] == ')' && nest > 0)
				nest--;
			continue;
		}
		if (nparts == MAX_CLAUSE_PARTS) {
			halt(s, KCONFIG_SCAN_MALFORMED,
			     "too many function arguments", NULL);
			return;
		}
		starts[nparts] = begin;
		ends[nparts++] = i;
		begin = i + 1;
	}
	memset(parts, 0, sizeof(parts));
	/* conf expands the name and every argument before looking at them */
	for (i = 0; i < nparts; i++)
		expand_span(s, str + starts[i], ends[i] - starts[i], a,
			    &parts[i], depth);
	if (!s->status)
		expand_reference(s, &parts[0], parts + 1, nparts - 1, out,
				 depth);
	for (i = 0; i < nparts; i++)
		text_free(&parts[i]);
}

/* conf's variable_add: flavors, and += inheriting the existing one. */
static void assign_variable(struct scanner *s, const struct text *name,
			    char op, const char *value, size_t len)
{
	struct variable *v = name->unknown ? NULL : find_variable(s, name);
	int recursive = op == '=', append = 0;
	struct text new_value = { 0 };

	if (op == '+') {
		append = v != NULL;
		recursive = v ? v->recursive : 1;
	}
	if (recursive)
		text_append(s, &new_value, value, len);
	else
		expand_span(s, value, len, NULL, &new_value, 0);
	if (s->status || name->unknown) {
		text_free(&new_value);
		return;
	}
	if (!v) {
		v = calloc(1, sizeof(*v));
		if (!v) {
			halt(s, KCONFIG_SCAN_NO_MEMORY, "out of memory", NULL);
			text_free(&new_value);
			return;
		}
		text_append_text(s, &v->name, name);
		v->next = s->variables;
		s->variables = v;
	}
	v->recursive = recursive;
	if (append) {
		text_append(s, &v->value, " ", 1);
		text_append_text(s, &v->value, &new_value);
		text_free(&new_value);
	} else {
		text_free(&v->value);
		v->value = new_value;
	}
}

/* ---------------------------------------------------------------------
 * Reading statements: lexer.l
 * ------------------------------------------------------------------- */

static size_t end_of_line(const char *text, size_t len, size_t from)
{
	const char *nl = from < len ? memchr(text + from, '\n', len - from)
				    : NULL;

	return nl ? (size_t)(nl - text) : len;
}

static void skip_to_next_line(struct cursor *c)
{
	c->pos = c->eol < c->len ? c->eol + 1 : c->len;
	c->eol = end_of_line(c->text, c->len, c->pos);
	c->line++;
}

/* conf's character classes, ASCII whatever the locale, as conf runs in
 * the C locale: lexer.l's n ([A-Za-z0-9_-]), the characters of a word;
 * the digits and blanks strtoul reads. */
static int is_name_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       is_digit(ch) || ch == '_' || ch == '-';
}

static const char *const keywords[] = {
	"bool", "choice", "comment", "config", "def_bool", "def_tristate",
	"default", "depends", "endchoice", "endif", "endmenu", "help", "hex",
	"if", "imply", "int", "mainmenu", "menu", "menuconfig", "modules",
	"on", "optional", "prompt", "range", "select", "source", "string",
	"tristate", "visible", NULL
};

static int is_keyword(const struct text *word)
{
	const char *const *k;

	for (k = keywords; *k; k++)
		if (text_equals(word, *k))
			return 1;
	return 0;
}

/* A quoted string; conf expands $(...) in it and unescapes \x. */
static void read_string(struct scanner *s, struct cursor *c, struct token *t)
{
	const char *p = c->text;
	char quote = p[c->pos];
	size_t plain;

	t->kind = TOKEN_STRING;
	plain = ++c->pos;
	while (c->pos < c->eol && !s->status) {
		char ch = p[c->pos];

		if (ch == quote) {
			text_append(s, &t->value, p + plain, c->pos - plain);
			c->pos++;
			return;
		}
		if (ch != '$' && ch != '\\') {
			c->pos++;
			continue;
		}
		text_append(s, &t->value, p + plain, c->pos - plain);
		if (ch == '$') {
			expand_dollar(s, p, c->eol, &c->pos, NULL, &t->value, 0);
		} else {
			if (c->pos + 1 < c->eol)
				text_append(s, &t->value, p + c->pos + 1, 1);
			c->pos += c->pos + 1 < c->eol ? 2 : 1;
		}
		plain = c->pos;
	}
	/* conf ends an unterminated string at the end of the line */
	text_append(s, &t->value, p + plain, c->pos - plain);
}

/* A word; with a '$' in it, conf's expand_token: references may run past
 * blanks and quotes to their ')', the word stops at the next non-word. */
static void read_word(struct scanner *s, struct cursor *c, struct token *t)
{
	const char *p = c->text;
	size_t start = c->pos, plain, i = c->pos;

	t->kind = TOKEN_WORD;
	while (i < c->eol && (is_name_char(p[i]) || p[i] == '$'))
		if (p[i++] == '$')
			t->expanded = 1;
	if (!t->expanded) {
		text_append(s, &t->value, p + start, i - start);
		c->pos = i;
		return;
	}
	plain = start;
	while (c->pos < c->eol && !s->status) {
		if (p[c->pos] == '$') {
			text_append(s, &t->value, p + plain, c->pos - plain);
			expand_dollar(s, p, c->eol, &c->pos, NULL, &t->value,
				      0);
			plain = c->pos;
		} else if (is_name_char(p[c->pos])) {
			c->pos++;
		} else {
			break;
		}
	}
	text_append(s, &t->value, p + plain, c->pos - plain);
}

static void next_token(struct scanner *s, struct cursor *c, struct token *t)
{
	const char *p = c->text;

	for (;;) {
		text_free(&t->value);
		memset(t, 0, sizeof(*t));
		while (c->pos < c->eol && (p[c->pos] == ' ' || p[c->pos] == '\t'))
			c->pos++;
		if (s->status || c->pos >= c->eol) {
			t->kind = TOKEN_END;
			return;
		}
		if (p[c->pos] == '\\' && c->pos + 1 == c->eol && c->eol < c->len) {
			skip_to_next_line(c);
			continue;
		}
		s->line = c->line;
		switch (p[c->pos]) {
		case '#':
			c->pos = c->eol;
			t->kind = TOKEN_END;
			return;
		case '"':
		case '\'':
			read_string(s, c, t);
			return;
		case ':':
		case '+':
		case '!':
		case '<':
		case '>':
			if (c->pos + 1 < c->eol && p[c->pos + 1] == '=') {
				t->kind = p[c->pos] == ':' || p[c->pos] == '+'
						  ? TOKEN_ASSIGN : TOKEN_OTHER;
				t->op = p[c->pos];
				c->pos += 2;
				return;
			}
			break;
		case '=':
			t->kind = TOKEN_ASSIGN;
			t->op = '=';
			c->pos++;
			return;
		default:
			if (is_name_char(p[c->pos]) || p[c->pos] == '$') {
				read_word(s, c, t);
				/* an empty expansion is no token at all */
				if (t->expanded && !t->value.unknown &&
				    t->value.len == 0 && !s->status)
					continue;
				return;
			}
		}
		t->kind = TOKEN_OTHER;
		c->pos++;
		return;
	}
}

static int is_source_keyword(const struct text *word)
{
	return text_equals(word, "source") || text_equals(word, "rsource") ||
	       text_equals(word, "osource") || text_equals(word, "orsource") ||
	       /* kconfiglib's old names for osource and orsource */
	       text_equals(word, "gsource") || text_equals(word, "grsource");
}

static void follow_source(struct scanner *s, const struct text *keyword,
			  const struct text *path);

/* One statement: an assignment, a `source`, `help`, or anything else, whose
 * references are expanded as conf expands them.  Returns 1 when help text
 * follows. */
static int scan_statement(struct scanner *s, struct cursor *c)
{
	struct token first = { 0 }, next = { 0 };
	int help = 0, read_next = 1;
	size_t value;

	next_token(s, c, &first);
	if (first.kind == TOKEN_WORD && !first.expanded &&
	    (text_equals(&first.value, "help") ||
	     text_equals(&first.value, "---help---"))) {
		next_token(s, c, &next);
		help = next.kind == TOKEN_END;
	} else if (first.kind == TOKEN_WORD && !first.expanded &&
		   is_source_keyword(&first.value)) {
		next_token(s, c, &next);
		if (next.kind == TOKEN_STRING && !s->status)
			follow_source(s, &first.value, &next.value);
	} else if (first.kind == TOKEN_WORD &&
		   (first.expanded || !is_keyword(&first.value))) {
		next_token(s, c, &next);
		if (next.kind == TOKEN_ASSIGN) {
			value = c->pos;
			while (value < c->eol &&
			       (c->text[value] == ' ' || c->text[value] == '\t'))
				value++;
			assign_variable(s, &first.value, next.op,
					c->text + value, c->eol - value);
			c->pos = c->eol;
		}
	} else {
		read_next = 0;
	}
	/* the rest of the line: its references are expanded all the same */
	if (first.kind != TOKEN_END && (next.kind != TOKEN_END || !read_next))
		do
			next_token(s, c, &next);
		while (next.kind != TOKEN_END);
	text_free(&first.value);
	text_free(&next.value);
	skip_to_next_line(c);
	return help;
}

/*
 * Help text, as lexer.l's HELP state reads it: its first non-blank line is
 * text whatever its indentation, and sets the indentation (tabs to multiples
 * of 8); then it runs while lines are blank or at least that deep, and
 * always ends at a line that starts in column 0.
 */
struct help_text {
	int active, seen_text;
	unsigned indent;
};

static int in_help_text(const struct cursor *c, struct help_text *h)
{
	unsigned columns = 0;
	size_t i;

	for (i = c->pos; i < c->eol; i++) {
		if (c->text[i] == '\t')
			columns = (columns & ~7u) + 8;
		else if (c->text[i] == ' ')
			columns++;
		else
			break;
		if (columns > 1u << 20)
			columns = 1u << 20;
	}
	if (i == c->eol)
		return 1;
	if (!h->seen_text) {
		h->seen_text = 1;
		h->indent = columns;
		return 1;
	}
	return columns > 0 && columns >= h->indent;
}

static void scan_text(struct scanner *s, const char *text, size_t len)
{
	struct cursor c = { text, len, 0, 0, 1 };
	struct help_text help = { 0, 0, 0 };

	c.eol = end_of_line(text, len, 0);
	while (c.pos < len && !s->status) {
		if (help.active && in_help_text(&c, &help)) {
			skip_to_next_line(&c);
			continue;
		}
		help.active = scan_statement(s, &c);
		help.seen_text = 0;
	}
}

/* ---------------------------------------------------------------------
 * Files: zconf_fopen, zconf_nextfile
 * ------------------------------------------------------------------- */

static char *join_path(struct scanner *s, const char *dir, size_t dir_len,
		       const char *name)
{
	size_t n = strlen(name);
	char *path = malloc(dir_len + 1 + n + 1);

	if (!path) {
		halt(s, KCONFIG_SCAN_NO_MEMORY, "out of memory", NULL);
		return NULL;
	}
	memcpy(path, dir, dir_len);
	path[dir_len] = '/';
	memcpy(path + dir_len + 1, name, n + 1);
	return path;
}

/* conf tries the name as given, then under $srctree. */
static FILE *open_kconfig(struct scanner *s, const char *name)
{
	FILE *f = fopen(name, "r");
	char *path;

	if (f || name[0] == '/' || !s->srctree)
		return f;
	path = join_path(s, s->srctree, strlen(s->srctree), name);
	if (!path)
		return NULL;
	f = fopen(path, "r");
	free(path);
	return f;
}

/* The whole file, or NULL (and *len == 1 when it was too big). */
static char *read_whole(FILE *f, size_t *len)
{
	size_t cap = 0, n;
	char *buf = NULL, *bigger;

	*len = 0;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 16384;
			if (cap > MAX_FILE_SIZE + 1)
				cap = MAX_FILE_SIZE + 1;
			if (*len == cap) {
				free(buf);
				*len = 1;
				return NULL;
			}
			bigger = realloc(buf, cap);
			if (!bigger) {
				free(buf);
				*len = 0;
				return NULL;
			}
			buf = bigger;
		}
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		*len = 0;
		return NULL;
	}
	return buf ? buf : malloc(1);
}

static void scan_file(struct scanner *s, const char *name)
{
	struct source_frame frame = { s->frame, name, 1 };
	const struct source_frame *f;
	unsigned line = s->line;
	size_t len;
	char *text;
	FILE *file;

	if (s->frame)
		frame.depth = s->frame->depth + 1;
	for (f = s->frame; f; f = f->parent)
		if (strcmp(f->name, name) == 0) {
			halt(s, KCONFIG_SCAN_MALFORMED, "recursive inclusion of",
			     name);
			return;
		}
	if (frame.depth > s->max_depth || s->files >= s->max_files) {
		halt(s, KCONFIG_SCAN_TOO_BIG,
		     s->files >= s->max_files ? "too many files at"
					      : "sources nested too deep at",
		     name);
		return;
	}
	file = open_kconfig(s, name);
	if (!file) {
		halt(s, KCONFIG_SCAN_NO_FILE, "can't open file", name);
		return;
	}
	text = read_whole(file, &len);
	fclose(file);
	if (!text) {
		halt(s, len ? KCONFIG_SCAN_TOO_BIG : KCONFIG_SCAN_NO_FILE,
		     len ? "file larger than 16 MiB:" : "can't read file",
		     name);
		return;
	}
	s->files++;
	if (s->o && s->o->file_fn &&
	    s->o->file_fn(name, text, len, s->o->file_data)) {
		free(text);
		s->status = KCONFIG_SCAN_STOPPED;
		return;
	}
	s->frame = &frame;
	scan_text(s, text, len);
	s->frame = frame.parent;
	s->line = line;
	free(text);
}

/* osource and orsource: every match of the pattern, none is fine. */
static void scan_glob(struct scanner *s, const char *pattern)
{
	size_t prefix = 0, i;
	glob_t matches;
	char *path = NULL;
	int found;

	memset(&matches, 0, sizeof(matches));
	found = glob(pattern, 0, NULL, &matches);
	if (found == GLOB_NOMATCH && pattern[0] != '/' && s->srctree) {
		globfree(&matches);
		memset(&matches, 0, sizeof(matches));
		path = join_path(s, s->srctree, strlen(s->srctree), pattern);
		if (!path)
			return;
		found = glob(path, 0, NULL, &matches);
		prefix = strlen(s->srctree) + 1;
	}
	if (found == GLOB_NOSPACE)
		halt(s, KCONFIG_SCAN_NO_MEMORY, "out of memory", NULL);
	for (i = 0; found == 0 && i < matches.gl_pathc && !s->status; i++)
		scan_file(s, matches.gl_pathv[i] + prefix);
	globfree(&matches);
	free(path);
}

static void follow_source(struct scanner *s, const struct text *keyword,
			  const struct text *path)
{
	const char *k = text_string(keyword), *dir = file_name(s), *slash;
	int relative = k[0] == 'r' || strncmp(k, "or", 2) == 0 ||
		       strncmp(k, "gr", 2) == 0;
	int optional = k[0] == 'o' || k[0] == 'g';
	char *joined = NULL;
	const char *name = text_string(path);

	if (!s->follow_sources || path->unknown)
		return; /* a path out of $(shell,...): left to Kconfig */
	if (text_has_nul(path)) {
		halt(s, KCONFIG_SCAN_NO_FILE, "can't open file", name);
		return;
	}
	/* kconfiglib: relative to the directory of the current file's name */
	slash = strrchr(dir, '/');
	if (relative && name[0] != '/' && slash) {
		joined = join_path(s, dir, (size_t)(slash - dir), name);
		if (!joined)
			return;
		name = joined;
	}
	if (optional)
		scan_glob(s, name);
	else
		scan_file(s, name);
	free(joined);
}

/* ---------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------- */

static void scanner_init(struct scanner *s,
			 const struct kconfig_scan_options *o,
			 kconfig_call_fn fn, void *data)
{
	memset(s, 0, sizeof(*s));
	s->o = o;
	s->fn = fn;
	s->data = data;
	s->macros = o && o->macros ? o->macros : kconfig_probe_macros;
	s->max_depth = o && o->max_depth ? o->max_depth : DEFAULT_MAX_DEPTH;
	if (s->max_depth > DEPTH_CEILING)
		s->max_depth = DEPTH_CEILING;
	s->max_files = o && o->max_files ? o->max_files : DEFAULT_MAX_FILES;
	s->work_left = MAX_WORK;
	s->srctree = o && o->srctree ? o->srctree
				     : lookup_environment(s, "srctree");
	if (s->srctree && !s->srctree[0])
		s->srctree = NULL;
	if (o && o->error && o->error_size)
		o->error[0] = '\0';
}

static enum kconfig_scan_result scanner_finish(struct scanner *s)
{
	struct variable *v;

	while ((v = s->variables)) {
		s->variables = v->next;
		text_free(&v->name);
		text_free(&v->value);
		free(v);
	}
	return s->status;
}

enum kconfig_scan_result
kconfig_scan_buffer(const char *text, size_t len, const char *name,
		    const struct kconfig_scan_options *o, kconfig_call_fn fn,
		    void *data)
{
	struct source_frame frame = { NULL, name ? name : "<buffer>", 1 };
	struct scanner s;

	scanner_init(&s, o, fn, data);
	if (text || len == 0) {
		s.frame = &frame;
		scan_text(&s, text ? text : "", len);
	} else {
		halt(&s, KCONFIG_SCAN_NO_FILE, "no text", NULL);
	}
	return scanner_finish(&s);
}

enum kconfig_scan_result
kconfig_scan_tree(const char *top, const struct kconfig_scan_options *o,
		  kconfig_call_fn fn, void *data)
{
	struct scanner s;

	scanner_init(&s, o, fn, data);
	s.follow_sources = 1;
	if (top && top[0])
		scan_file(&s, top);
	else
		halt(&s, KCONFIG_SCAN_NO_FILE, "no top Kconfig file", NULL);
	return scanner_finish(&s);
}
