// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The command line of each capability probe, word for word what the
 * kernel's scripts/Kconfig.include and scripts/Makefile.compiler run
 * (toolcap.h lists them), built without a shell.
 */
#include <string.h>

#include "chars.h"
#include "probe-command.h"

/* The source Makefile.compiler's __rustc-option compiles from stdin. */
#define RUSTC_NO_CORE_CRATE \
	"#![allow(missing_docs)]#![feature(no_core)]#![no_core]\n"

/* Copy s (n bytes) into the command's word storage; NULL if full. */
static const char *store(struct probe_command *cmd, const char *s, size_t n)
{
	char *at;

	if (n + 1 > sizeof(cmd->words) - cmd->words_len)
		return NULL;
	at = cmd->words + cmd->words_len;
	memcpy(at, s, n);
	at[n] = '\0';
	cmd->words_len += n + 1;
	return at;
}

static int add_word(struct probe_command *cmd, const char *s, size_t n)
{
	const char *word;

	if (cmd->argc >= TOOLCAP_PROBE_MAX_WORDS + 15 || !(word = store(cmd, s, n)))
		return -1;
	cmd->argv[cmd->argc++] = word;
	cmd->argv[cmd->argc] = NULL;
	return 0;
}

static int add(struct probe_command *cmd, const char *s)
{
	return add_word(cmd, s, strlen(s));
}

/* Two strings as one word ("--out-dir=" TMP). */
static int add2(struct probe_command *cmd, const char *a, const char *b)
{
	char joined[TOOLCAP_PROBE_MAX_TEXT];
	size_t la = strlen(a), lb = strlen(b);

	if (la + lb >= sizeof(joined))
		return -1;
	memcpy(joined, a, la);
	memcpy(joined + la, b, lb);
	return add_word(cmd, joined, la + lb);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * The words of a probed ARG as sh split it unquoted (at blanks): the
 * Kconfig and make macros hand $(1) to sh unquoted, so a toolcap ARG is
 * already a word.  The word count is returned, -1 when full.
 */
static long add_split(struct probe_command *cmd, const char *s)
{
	long count = 0;

	while (s && *s) {
		size_t n = 0;

		while (is_blank(*s))
			s++;
		while (s[n] && !is_blank(s[n]))
			n++;
		if (n) {
			if (add_word(cmd, s, n) != 0)
				return -1;
			count++;
		}
		s += n;
	}
	return count;
}

/*
 * The next word of s as sh reads the words of a command line, which is
 * how the kernel's $(CC) and flags reach the tool (make and Kconfig run
 * them with sh -c): blanks separate words; '...' keeps everything; in
 * "..." a backslash keeps only \ " $ ` (and drops a newline); outside
 * quotes a backslash keeps the next character.  What sh would expand or
 * treat as syntax ($ and ` outside single quotes; ; & | < > ( ) outside
 * quotes; # or ~ starting a word) and an unterminated quote are refused
 * with *why: we run no shell, and passing them on as text would be a
 * different command from the one the kernel runs.  Returns how much of s
 * was read (0: no word left), -1 on a refusal or a word too long.
 */
static long next_shell_word(const char *s, char *out, size_t size,
			    size_t *out_len, const char **why)
{
	const char *p = s;
	size_t n = 0;
	char quote = 0;

	*why = "too long";
	while (is_blank(*p))
		p++;
	if (!*p)
		return 0;
	if (*p == '#' || *p == '~') {
		*why = *p == '#' ? "# would start a comment for sh"
				 : "~ would be expanded by sh";
		return -1;
	}
	for (; *p && (quote || !is_blank(*p)); p++) {
		char c = *p;

		if (quote == '\'') {
			if (c == '\'') {
				quote = 0;
				continue;
			}
		} else if (c == '\\' && p[1] &&
			   (!quote || strchr("\\\"$`\n", p[1]))) {
			c = *++p;
			if (c == '\n')
				continue;
		} else if (c == '$' || c == '`') {
			*why = "$ and ` would be expanded by sh: quote them with '...'";
			return -1;
		} else if (quote == '"') {
			if (c == '"') {
				quote = 0;
				continue;
			}
		} else if (c == '\'' || c == '"') {
			quote = c;
			continue;
		} else if (strchr(";&|<>()", c)) {
			*why = "; & | < > ( ) are sh syntax: quote them";
			return -1;
		}
		if (n + 1 >= size)
			return -1;
		out[n++] = c;
	}
	if (quote) {
		*why = quote == '\'' ? "unterminated '" : "unterminated \"";
		return -1;
	}
	out[n] = '\0';
	*out_len = n;
	return p - s;
}

const char *probe_shell_words_error(const char *s)
{
	char word[TOOLCAP_PROBE_MAX_TEXT];
	const char *why = NULL;
	size_t n;
	long used;

	while (s && (used = next_shell_word(s, word, sizeof(word), &n, &why)) > 0)
		s += used;
	return s && used < 0 ? why : NULL;
}

/* The words of s as sh reads them (next_shell_word); skip drops words
 * the caller does not want.  The word count, or -1. */
static long add_shell_words(struct probe_command *cmd, const char *s,
			    int (*skip)(const char *word, size_t n))
{
	char word[TOOLCAP_PROBE_MAX_TEXT];
	const char *why;
	long count = 0, used;
	size_t n;

	while (s && (used = next_shell_word(s, word, sizeof(word), &n, &why)) > 0) {
		s += used;
		if (skip && skip(word, n))
			continue;
		if (add_word(cmd, word, n) != 0)
			return -1;
		count++;
	}
	return s && used < 0 ? -1 : count;
}

/* What Makefile.compiler's __rustc-option filters out of KBUILD_RUSTFLAGS:
 * $(filter-out --sysroot=/dev/null --target=%target.json,$(2)). */
static int rustc_filtered(const char *w, size_t n)
{
	static const char sysroot[] = "--sysroot=/dev/null";
	static const char target[] = "--target=", json[] = "target.json";

	if (n == sizeof(sysroot) - 1 && memcmp(w, sysroot, n) == 0)
		return 1;
	return n >= sizeof(target) - 1 + sizeof(json) - 1 &&
	       memcmp(w, target, sizeof(target) - 1) == 0 &&
	       memcmp(w + n - (sizeof(json) - 1), json, sizeof(json) - 1) == 0;
}

static int octal_digit(char c)
{
	return c >= '0' && c <= '7';
}

/*
 * printf "%b\n" INSTR, as dash (Kbuild's /bin/sh on Debian) does it:
 * \\ \a \b \f \n \r \t \v, \0 and up to three octal digits, \c ends the
 * output (and the newline); any other backslash is kept as it is.
 */
static int printf_b(struct probe_command *cmd, const char *s)
{
	static const char from[] = "\\abfnrtv", to[] = "\\\a\b\f\n\r\t\v";
	size_t out = 0, max = sizeof(cmd->input) - 1;

	while (*s) {
		char c = *s++;

		if (c == '\\' && *s) {
			const char *e = strchr(from, *s);

			if (*s == 'c') {
				cmd->input_len = out;
				return 0;
			}
			if (*s == '0') {
				int value = 0, digits = 0;

				s++;
				while (digits < 3 && octal_digit(*s)) {
					value = value * 8 + (*s++ - '0');
					digits++;
				}
				c = (char)value;
			} else if (e) {
				c = to[e - from];
				s++;
			}
		}
		if (out >= max)
			return -1;
		cmd->input[out++] = c;
	}
	if (out >= max)
		return -1;
	cmd->input[out++] = '\n';
	cmd->input_len = out;
	return 0;
}

static int set_input(struct probe_command *cmd, const char *text)
{
	size_t n = strlen(text);

	if (n >= sizeof(cmd->input))
		return -1;
	memcpy(cmd->input, text, n);
	cmd->input_len = n;
	return 0;
}

enum toolcap_error probe_command_build(const struct toolcap_probe *probe,
				       const char *tmp,
				       struct probe_command *cmd)
{
	const char *tmp_o_parts[2] = { tmp, "/tmp.o" };
	int make = probe->make_form, ok = 1;
	long n;
	size_t i;

	memset(cmd, 0, sizeof(*cmd));
	if (!probe->tool || (probe->nargs && !probe->args) ||
	    probe->nargs > TOOLCAP_PROBE_MAX_WORDS)
		return TOOLCAP_ERR_USAGE;
	n = add_shell_words(cmd, probe->tool, NULL);
	if (n <= 0)
		return TOOLCAP_ERR_USAGE;
	cmd->tool_words = (size_t)n;

	switch (probe->kind) {
	case TOOLCAP_PROBE_CC_OPTION:
	case TOOLCAP_PROBE_AS_OPTION:
		ok = add(cmd, "-Werror") == 0 &&
		     add_shell_words(cmd, probe->flags, NULL) >= 0;
		break;
	case TOOLCAP_PROBE_AS_INSTR:
		if (!probe->instr || printf_b(cmd, probe->instr) != 0)
			return TOOLCAP_ERR_USAGE;
		cmd->has_input = 1;
		ok = (!make || add(cmd, "-Werror") == 0) &&
		     add_shell_words(cmd, probe->flags, NULL) >= 0;
		break;
	case TOOLCAP_PROBE_LD_OPTION:
		ok = add_shell_words(cmd, probe->flags, NULL) >= 0 &&
		     (make || add(cmd, "-v") == 0);
		break;
	case TOOLCAP_PROBE_RUSTC_OPTION:
		if (make) {
			cmd->environment[0] = "RUSTC_BOOTSTRAP=1";
			cmd->has_input = 1;
			ok = set_input(cmd, RUSTC_NO_CORE_CRATE) == 0 &&
			     add(cmd, "--sysroot=/dev/null") == 0 &&
			     add_shell_words(cmd, probe->flags, rustc_filtered) >= 0;
		} else {
			ok = add_shell_words(cmd, probe->flags, NULL) >= 0;
		}
		break;
	default:
		return TOOLCAP_ERR_USAGE;
	}
	if (!ok)
		return TOOLCAP_ERR_USAGE;

	cmd->first_probed = cmd->argc;
	for (i = 0; i < probe->nargs; i++) {
		if (!probe->args[i] || add_split(cmd, probe->args[i]) < 0)
			return TOOLCAP_ERR_USAGE;
	}
	cmd->probed_words = cmd->argc - cmd->first_probed;

	switch (probe->kind) {
	case TOOLCAP_PROBE_CC_OPTION:
		cmd->needs_tmp = 1;
		ok = add(cmd, "-c") == 0 && add(cmd, "-x") == 0 &&
		     add(cmd, "c") == 0 && add(cmd, "/dev/null") == 0 &&
		     add(cmd, "-o") == 0 &&
		     add2(cmd, tmp_o_parts[0], tmp_o_parts[1]) == 0;
		break;
	case TOOLCAP_PROBE_AS_OPTION:
		cmd->needs_tmp = 1;
		ok = add(cmd, "-c") == 0 && add(cmd, "-x") == 0 &&
		     add(cmd, "assembler-with-cpp") == 0 &&
		     add(cmd, "/dev/null") == 0 && add(cmd, "-o") == 0 &&
		     add2(cmd, tmp_o_parts[0], tmp_o_parts[1]) == 0;
		break;
	case TOOLCAP_PROBE_AS_INSTR:
		cmd->needs_tmp = make;
		ok = add(cmd, "-c") == 0 && add(cmd, "-x") == 0 &&
		     add(cmd, "assembler-with-cpp") == 0 && add(cmd, "-o") == 0 &&
		     (make ? add2(cmd, tmp_o_parts[0], tmp_o_parts[1])
			   : add(cmd, "/dev/null")) == 0 &&
		     add(cmd, "-") == 0;
		break;
	case TOOLCAP_PROBE_LD_OPTION:
		ok = !make || add(cmd, "-v") == 0;
		break;
	case TOOLCAP_PROBE_RUSTC_OPTION:
		cmd->needs_tmp = 1;
		ok = add(cmd, "--crate-type=rlib") == 0 &&
		     (make ? add2(cmd, "--out-dir=", tmp) == 0 &&
				     add(cmd, "--emit=obj=-") == 0 &&
				     add(cmd, "-") == 0
			   : add(cmd, "/dev/null") == 0 &&
				     add2(cmd, "--out-dir=", tmp) == 0 &&
				     add(cmd, "-o") == 0 &&
				     add2(cmd, tmp, "/tmp.rlib") == 0);
		break;
	}
	return ok ? TOOLCAP_OK : TOOLCAP_ERR_USAGE;
}

const char *toolcap_probe_name(enum toolcap_probe_kind kind)
{
	switch (kind) {
	case TOOLCAP_PROBE_CC_OPTION: return "cc-option";
	case TOOLCAP_PROBE_AS_OPTION: return "as-option";
	case TOOLCAP_PROBE_AS_INSTR: return "as-instr";
	case TOOLCAP_PROBE_LD_OPTION: return "ld-option";
	case TOOLCAP_PROBE_RUSTC_OPTION: return "rustc-option";
	}
	return "unknown";
}

/* ------------------------------------------------------------------ */
/* The command as a line of shell                                      */

struct line {
	char *buf;
	size_t size, len;
	int full;
};

static void put(struct line *l, const char *s, size_t n)
{
	if (l->full || n >= l->size - l->len) {
		l->full = 1;
		return;
	}
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

static int needs_quotes(const char *s)
{
	if (!*s)
		return 1;
	for (; *s; s++)
		if (!(is_alnum(*s) || strchr("-_./=,+:%@", *s)))
			return 1;
	return 0;
}

/* A word as sh reads it back: bare when safe, else in single quotes. */
static void put_word(struct line *l, const char *s, size_t n)
{
	char word[TOOLCAP_PROBE_MAX_TEXT + 1];
	size_t i;

	if (n >= sizeof(word)) {
		l->full = 1;
		return;
	}
	memcpy(word, s, n);
	word[n] = '\0';
	if (!needs_quotes(word)) {
		put(l, word, n);
		return;
	}
	put(l, "'", 1);
	for (i = 0; i < n; i++) {
		if (word[i] == '\'')
			put(l, "'\\''", 4);
		else
			put(l, word + i, 1);
	}
	put(l, "'", 1);
}

enum toolcap_error toolcap_probe_command(const struct toolcap_probe *probe,
					 char *buf, size_t size)
{
	struct probe_command cmd;
	struct line l = { buf, size, 0, 0 };
	enum toolcap_error e;
	size_t i;

	if (!buf || !size)
		return TOOLCAP_ERR_USAGE;
	buf[0] = '\0';
	e = probe_command_build(probe, "$TMP", &cmd);
	if (e)
		return e;
	if (probe->kind == TOOLCAP_PROBE_AS_INSTR) {
		put(&l, "printf '%b\\n' ", 14);
		put_word(&l, probe->instr, strlen(probe->instr));
		put(&l, " | ", 3);
	} else if (cmd.has_input) {
		put(&l, "echo ", 5);
		put_word(&l, cmd.input, cmd.input_len - 1);
		put(&l, " | ", 3);
	}
	if (cmd.environment[0]) {
		put(&l, cmd.environment[0], strlen(cmd.environment[0]));
		put(&l, " ", 1);
	}
	for (i = 0; i < cmd.argc; i++) {
		const char *w = cmd.argv[i], *tmp = strstr(w, "$TMP");

		if (i)
			put(&l, " ", 1);
		/* The scratch directory as a variable the reader can set:
		 * "$TMP"/tmp.o, --out-dir="$TMP". */
		if (tmp) {
			if (tmp > w)
				put_word(&l, w, (size_t)(tmp - w));
			put(&l, "\"$TMP\"", 6);
			w = tmp + 4;
		}
		if (*w || !tmp)
			put_word(&l, w, strlen(w));
	}
	return l.full ? TOOLCAP_ERR_USAGE : TOOLCAP_OK;
}
