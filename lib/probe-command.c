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

const char *toolcap_probe_words_error(const char *s, char *first,
				      size_t first_size)
{
	char word[TOOLCAP_PROBE_MAX_TEXT];
	const char *why = NULL;
	size_t n;
	long used;
	int words = 0;

	if (first && first_size)
		first[0] = '\0';
	while (s && (used = next_shell_word(s, word, sizeof(word), &n, &why)) > 0) {
		if (!words++ && first && first_size) {
			if (n >= first_size)
				n = first_size - 1;
			memcpy(first, word, n);
			first[n] = '\0';
		}
		s += used;
	}
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

/* What a probe's tool reads on stdin. */
enum probe_stdin {
	STDIN_NULL,        /* /dev/null                                     */
	STDIN_INSTR,       /* printf "%b\n" INSTR                           */
	STDIN_RUST_CRATE   /* echo '#![allow(missing_docs)]...' (no_core)   */
};

/*
 * One probe as the kernel writes it, in words:
 *   [env] TOOL before... FLAGS after_flags... ARG... after_args...
 * A word holding "$TMP" names the scratch directory (the kernel's
 * .tmp_$$ or "$$TMP"), replaced by the caller's tmp.
 */
struct probe_shape {
	enum toolcap_probe_kind kind;
	int make_form;
	enum probe_stdin input;
	const char *environment;                      /* "NAME=VALUE" or NULL */
	const char *before_flags[2];
	int (*flags_skip)(const char *word, size_t n); /* FLAGS words left out */
	const char *after_flags[2];
	const char *after_args[8];
};

/*
 * The probes, read side by side with the kernel's scripts/Kconfig.include
 * (make_form 0) and scripts/Makefile.compiler (make_form 1), Linux 6.1 and
 * 6.12.  Where the two releases differ, the difference is in what the
 * caller passes, not here: 6.12's as-instr (both files; since 6.5) adds
 * -Wa,--fatal-warnings after FLAGS, which kconfig/Kconfig.toolcap and
 * scripts/Makefile.toolcap pass as the last ARG for a 6.12 tree; 6.12's
 * Kconfig as-instr also takes extra flags ($(2), as-instr64), passed as
 * ARGs; rustc-option (both files) is 6.12 only; cc-disable-warning
 * (6.12: cc-option of -Wno-X, probing -WX) is the CLI's.  TMP is the
 * kernel's .tmp_$$ (Kconfig) or "$$TMP" (try-run, a file in $(TMPOUT));
 * toolcap names the object tmp.o inside a directory in both.
 */
static const struct probe_shape probe_shapes[] = {
	/* Kconfig.include 6.1, 6.12: cc-option = $(success,trap ...; mkdir
	 * .tmp_$$; $(CC) -Werror $(CLANG_FLAGS) $(1) -c -x c /dev/null
	 * -o .tmp_$$/tmp.o) */
	{ TOOLCAP_PROBE_CC_OPTION, 0, STDIN_NULL, NULL,
	  { "-Werror" }, NULL, { NULL },
	  { "-c", "-x", "c", "/dev/null", "-o", "$TMP/tmp.o" } },
	/* Makefile.compiler 6.1, 6.12: __cc-option = $(call try-run, $(1)
	 * -Werror $(2) $(3) -c -x c /dev/null -o "$$TMP",...) */
	{ TOOLCAP_PROBE_CC_OPTION, 1, STDIN_NULL, NULL,
	  { "-Werror" }, NULL, { NULL },
	  { "-c", "-x", "c", "/dev/null", "-o", "$TMP/tmp.o" } },
	/* Makefile.compiler 6.1, 6.12: as-option = $(call try-run, $(CC)
	 * -Werror $(KBUILD_CPPFLAGS) $(KBUILD_AFLAGS) $(1) -c -x
	 * assembler-with-cpp /dev/null -o "$$TMP",...); Kconfig has no
	 * as-option: its form is the same command. */
	{ TOOLCAP_PROBE_AS_OPTION, 0, STDIN_NULL, NULL,
	  { "-Werror" }, NULL, { NULL },
	  { "-c", "-x", "assembler-with-cpp", "/dev/null", "-o", "$TMP/tmp.o" } },
	{ TOOLCAP_PROBE_AS_OPTION, 1, STDIN_NULL, NULL,
	  { "-Werror" }, NULL, { NULL },
	  { "-c", "-x", "assembler-with-cpp", "/dev/null", "-o", "$TMP/tmp.o" } },
	/* Kconfig.include 6.1: as-instr = $(success,printf "%b\n" "$(1)" |
	 * $(CC) $(CLANG_FLAGS) -c -x assembler-with-cpp -o /dev/null -);
	 * 6.12: ... $(CLANG_FLAGS) $(2) -Wa$(comma)--fatal-warnings -c ... */
	{ TOOLCAP_PROBE_AS_INSTR, 0, STDIN_INSTR, NULL,
	  { NULL }, NULL, { NULL },
	  { "-c", "-x", "assembler-with-cpp", "-o", "/dev/null", "-" } },
	/* Makefile.compiler 6.1: as-instr = $(call try-run, printf "%b\n"
	 * "$(1)" | $(CC) -Werror $(CLANG_FLAGS) $(KBUILD_AFLAGS) -c -x
	 * assembler-with-cpp -o "$$TMP" -,...); 6.12: ... $(KBUILD_AFLAGS)
	 * -Wa$(comma)--fatal-warnings -c ... */
	{ TOOLCAP_PROBE_AS_INSTR, 1, STDIN_INSTR, NULL,
	  { "-Werror" }, NULL, { NULL },
	  { "-c", "-x", "assembler-with-cpp", "-o", "$TMP/tmp.o", "-" } },
	/* Kconfig.include 6.1, 6.12: ld-option = $(success,$(LD) -v $(1));
	 * toolcap's FLAGS, empty from Kconfig, come before -v. */
	{ TOOLCAP_PROBE_LD_OPTION, 0, STDIN_NULL, NULL,
	  { NULL }, NULL, { "-v" },
	  { NULL } },
	/* Makefile.compiler 6.1, 6.12: ld-option = $(call try-run, $(LD)
	 * $(KBUILD_LDFLAGS) $(1) -v,...) */
	{ TOOLCAP_PROBE_LD_OPTION, 1, STDIN_NULL, NULL,
	  { NULL }, NULL, { NULL },
	  { "-v" } },
	/* Kconfig.include 6.12 (not in 6.1): rustc-option = $(success,trap
	 * ...; mkdir .tmp_$$; $(RUSTC) $(1) --crate-type=rlib /dev/null
	 * --out-dir=.tmp_$$ -o .tmp_$$/tmp.rlib) */
	{ TOOLCAP_PROBE_RUSTC_OPTION, 0, STDIN_NULL, NULL,
	  { NULL }, NULL, { NULL },
	  { "--crate-type=rlib", "/dev/null", "--out-dir=$TMP", "-o", "$TMP/tmp.rlib" } },
	/* Makefile.compiler 6.12 (not in 6.1): __rustc-option = $(call
	 * try-run, echo '...no_core...' | RUSTC_BOOTSTRAP=1 $(1)
	 * --sysroot=/dev/null $(KBUILD_RUSTFLAGS_OPTION_CHKS) $(filter-out
	 * --sysroot=/dev/null --target=%target.json,$(2)) $(3)
	 * --crate-type=rlib --out-dir=$(TMPOUT) --emit=obj=- - >/dev/null,...) */
	{ TOOLCAP_PROBE_RUSTC_OPTION, 1, STDIN_RUST_CRATE, "RUSTC_BOOTSTRAP=1",
	  { "--sysroot=/dev/null" }, rustc_filtered, { NULL },
	  { "--crate-type=rlib", "--out-dir=$TMP", "--emit=obj=-", "-" } },
};

/* The row of probe's kind and form; NULL for a kind there is none of. */
static const struct probe_shape *probe_shape(const struct toolcap_probe *probe)
{
	size_t i;

	for (i = 0; i < sizeof(probe_shapes) / sizeof(probe_shapes[0]); i++)
		if (probe_shapes[i].kind == probe->kind &&
		    probe_shapes[i].make_form == !!probe->make_form)
			return &probe_shapes[i];
	return NULL;
}

/* A table word, "$TMP" in it replaced by tmp ("$TMP/tmp.o" is
 * "/tmp/toolcap-XXXXXX/tmp.o"); a word naming TMP marks the command as
 * needing the scratch directory. */
static int add_shape_word(struct probe_command *cmd, const char *w,
			  const char *tmp)
{
	char joined[TOOLCAP_PROBE_MAX_TEXT];
	const char *at = strstr(w, "$TMP");
	size_t before, lt = strlen(tmp), after;

	if (!at)
		return add(cmd, w);
	cmd->needs_tmp = 1;
	before = (size_t)(at - w);
	after = strlen(at + 4);
	if (before + lt + after >= sizeof(joined))
		return -1;
	memcpy(joined, w, before);
	memcpy(joined + before, tmp, lt);
	memcpy(joined + before + lt, at + 4, after);
	return add_word(cmd, joined, before + lt + after);
}

/* The words of a table list, up to max or a NULL. */
static int add_shape_words(struct probe_command *cmd, const char *const *words,
			   size_t max, const char *tmp)
{
	size_t i;

	for (i = 0; i < max && words[i]; i++)
		if (add_shape_word(cmd, words[i], tmp) != 0)
			return -1;
	return 0;
}

#define ADD_SHAPE_WORDS(cmd, list, tmp) \
	add_shape_words(cmd, list, sizeof(list) / sizeof(list[0]), tmp)

enum toolcap_error probe_command_build(const struct toolcap_probe *probe,
				       const char *tmp,
				       struct probe_command *cmd)
{
	const struct probe_shape *shape = probe_shape(probe);
	long n;
	size_t i;

	memset(cmd, 0, sizeof(*cmd));
	if (!shape || !probe->tool || (probe->nargs && !probe->args) ||
	    probe->nargs > TOOLCAP_PROBE_MAX_WORDS)
		return TOOLCAP_ERR_USAGE;
	switch (shape->input) {
	case STDIN_NULL:
		break;
	case STDIN_INSTR:
		if (!probe->instr || printf_b(cmd, probe->instr) != 0)
			return TOOLCAP_ERR_USAGE;
		cmd->has_input = 1;
		break;
	case STDIN_RUST_CRATE:
		if (set_input(cmd, RUSTC_NO_CORE_CRATE) != 0)
			return TOOLCAP_ERR_USAGE;
		cmd->has_input = 1;
		break;
	}
	cmd->environment[0] = shape->environment;

	n = add_shell_words(cmd, probe->tool, NULL);
	if (n <= 0)
		return TOOLCAP_ERR_USAGE;
	cmd->tool_words = (size_t)n;
	if (ADD_SHAPE_WORDS(cmd, shape->before_flags, tmp) != 0 ||
	    add_shell_words(cmd, probe->flags, shape->flags_skip) < 0 ||
	    ADD_SHAPE_WORDS(cmd, shape->after_flags, tmp) != 0)
		return TOOLCAP_ERR_USAGE;

	cmd->first_probed = cmd->argc;
	for (i = 0; i < probe->nargs; i++) {
		if (!probe->args[i] || add_split(cmd, probe->args[i]) < 0)
			return TOOLCAP_ERR_USAGE;
	}
	cmd->probed_words = cmd->argc - cmd->first_probed;

	if (ADD_SHAPE_WORDS(cmd, shape->after_args, tmp) != 0)
		return TOOLCAP_ERR_USAGE;
	return TOOLCAP_OK;
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

/* The line being written into the caller's buffer; full once it did not fit. */
struct shell_line {
	char *buf;
	size_t size, len;
	int full;
};

static void put(struct shell_line *l, const char *s, size_t n)
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
static void put_word(struct shell_line *l, const char *s, size_t n)
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
	struct shell_line l = { buf, size, 0, 0 };
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
