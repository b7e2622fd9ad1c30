// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The cache key of a probe: the text of everything that can change its
 * answer.  A key that misses something would give a stale answer after
 * an upgrade, so it errs on the side of too much: the exact words, every
 * program and file they name, identified down to the inode and the
 * nanosecond of the last change, what a compiler runs behind its driver,
 * the whole environment (less make's and the shell's bookkeeping), and
 * the directory when a relative path is involved.
 */
#define _GNU_SOURCE /* realpath is POSIX; this keeps glibc's prototype */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache-store.h"
#include "path.h"
#include "probe-command.h"

/* Bumped whenever the key's layout or a probe's command changes. */
#define KEY_VERSION "toolcap-probe-key 3"

void key_add(struct key_text *key, const char *s, size_t n)
{
	if (key->failed)
		return;
	if (key->len + n + 1 > key->size) {
		size_t size = (key->size ? key->size : 1024);
		char *text;

		while (size < key->len + n + 1)
			size *= 2;
		text = realloc(key->text, size);
		if (!text) {
			key->failed = 1;
			return;
		}
		key->text = text;
		key->size = size;
	}
	memcpy(key->text + key->len, s, n);
	key->len += n;
	key->text[key->len] = '\0';
}

void key_addf(struct key_text *key, const char *fmt, ...)
{
	char buf[PATH_MAX + 256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(buf))
		key->failed = 1;
	else
		key_add(key, buf, (size_t)n);
}

void key_free(struct key_text *key)
{
	free(key->text);
	memset(key, 0, sizeof(*key));
}

/* A word, with its length, so that no word can pose as two. */
static void key_word(struct key_text *key, const char *label, const char *s,
		     size_t n)
{
	key_addf(key, "%s %zu:", label, n);
	key_add(key, s, n);
	key_add(key, "\n", 1);
}

extern char **environ;

/*
 * The environment is in the key, whole: a compiler, a linker or a
 * wrapper around them (CC="mywrap" running ${REALCC:-gcc}) may read any
 * variable.  Left out are only these, which change from one run of a
 * build to the next, or between make's own levels, without changing what
 * any tool does: keying on them would make every answer miss.
 */
static const char *const key_environment_ignored[] = {
	/* make's nesting depth, its count of restarts after remaking a
	 * makefile (a Kbuild make that ran syncconfig restarts: its top
	 * level sees MAKE_RESTARTS, the next no-op make does not), the name
	 * of its command-line variables (always the same reference), and
	 * whether its output is a terminal.  MAKEFLAGS and MFLAGS are
	 * keyed, less their jobserver words: see key_make_flags. */
	"MAKELEVEL", "MAKE_RESTARTS", "MAKEOVERRIDES",
	"MAKE_TERMOUT", "MAKE_TERMERR",
	/* The shell's bookkeeping: nesting depth, the last command, the
	 * directories (the working directory is keyed on its own when an
	 * argument is a relative path). */
	"SHLVL", "_", "PWD", "OLDPWD",
	/* The terminal's size. */
	"COLUMNS", "LINES",
	/* toolcap's own settings: where answers are kept, what to prefetch,
	 * how long to wait (an answer that timed out is never kept). */
	"TOOLCAP_CACHE", "TOOLCAP_PREFETCH", "TOOLCAP_TIMEOUT",
	/* which as-instr prefetch runs: the command is keyed itself */
	"TOOLCAP_KBUILD",
	NULL
};

static int environment_ignored(const char *entry)
{
	size_t name_len = strcspn(entry, "=");
	size_t i;

	for (i = 0; key_environment_ignored[i]; i++)
		if (strlen(key_environment_ignored[i]) == name_len &&
		    strncmp(entry, key_environment_ignored[i], name_len) == 0)
			return 1;
	return 0;
}

/*
 * MAKEFLAGS or MFLAGS, with the words that only carry make's jobserver
 * dropped: --jobserver-auth= and --jobserver-fds= (descriptors or a fifo
 * name, new on every run) and -j (how many jobs this run was given).  A
 * tool may read the rest (a nested make obeys -n, -k, -i, -e and the
 * variables after "--"), so the rest stays in the key.  Words are split
 * at spaces make did not escape with a backslash; the words from "--" on
 * are variables and kept whole.
 */
static int is_make_flags(const char *entry)
{
	return strncmp(entry, "MAKEFLAGS=", 10) == 0 ||
	       strncmp(entry, "MFLAGS=", 7) == 0;
}

static int is_jobserver_word(const char *w, size_t n)
{
	static const char *const prefixes[] = {
		"--jobserver-auth=", "--jobserver-fds=", NULL
	};
	size_t i;

	if (n >= 2 && w[0] == '-' && w[1] == 'j')
		return 1;
	for (i = 0; prefixes[i]; i++)
		if (n >= strlen(prefixes[i]) &&
		    strncmp(w, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}

static void key_make_flags(struct key_text *key, const char *entry)
{
	size_t len = strlen(entry), start, end, out = 0;
	int variables = 0;
	char *kept = malloc(len + 1);

	if (!kept) {
		key->failed = 1;
		return;
	}
	start = strcspn(entry, "=") + 1;
	memcpy(kept, entry, start);
	out = start;
	while (start <= len) {
		/* One word: up to a space make did not escape. */
		for (end = start; end < len && entry[end] != ' '; end++)
			if (entry[end] == '\\' && end + 1 < len)
				end++;
		if (end - start == 2 && strncmp(entry + start, "--", 2) == 0)
			variables = 1;
		if (variables || !is_jobserver_word(entry + start, end - start)) {
			memcpy(kept + out, entry + start, end - start);
			out += end - start;
			kept[out++] = ' ';
		}
		start = end + 1;
	}
	key_word(key, "env", kept, out);
	free(kept);
}

static int compare_entries(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The environment, sorted (two shells may order it differently), each
 * entry with its length. */
static void key_environment(struct key_text *key)
{
	const char **entries;
	size_t n = 0, kept = 0, i;

	while (environ && environ[n])
		n++;
	entries = malloc((n ? n : 1) * sizeof(*entries));
	if (!entries) {
		key->failed = 1;
		return;
	}
	for (i = 0; i < n; i++)
		if (!environment_ignored(environ[i]))
			entries[kept++] = environ[i];
	qsort(entries, kept, sizeof(*entries), compare_entries);
	key_addf(key, "environment %zu\n", kept);
	for (i = 0; i < kept; i++) {
		if (is_make_flags(entries[i]))
			key_make_flags(key, entries[i]);
		else
			key_word(key, "env", entries[i], strlen(entries[i]));
	}
	free(entries);
}

/*
 * "LABEL NAME REALPATH dev ino size mtime ctime" for a file, following
 * symlinks (for clang that is the real binary behind clang-16), or
 * "LABEL NAME absent" when there is none: if it appears later, the key
 * changes.
 */
static void key_file(struct key_text *key, const char *label,
		     const char *name, const char *path)
{
	char real[PATH_MAX];
	struct stat st;

	key_word(key, label, name, strlen(name));
	if (!realpath(path, real) || stat(real, &st) != 0) {
		key_addf(key, "  absent (%d)\n", errno);
		return;
	}
	key_addf(key, "  %s %llu %llu %lld %lld.%09ld %lld.%09ld\n", real,
		 (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
		 (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		 st.st_mtim.tv_nsec, (long long)st.st_ctim.tv_sec,
		 st.st_ctim.tv_nsec);
}

/* A program name as PATH resolves it. */
static void key_program(struct key_text *key, const char *label,
			const char *name)
{
	char path[PATH_MAX];
	int err;

	if (find_program(name, path, sizeof(path), &err) == TOOLCAP_OK)
		key_file(key, label, name, path);
	else
		key_file(key, label, name, "/nonexistent/");
}

/* Does a word name a file: "/a/b", "dir/x", "-fplugin=x/y.so"? */
static const char *named_path(const char *word)
{
	const char *eq = strchr(word, '=');

	if (eq && strchr(eq + 1, '/'))
		return eq + 1;
	if (word[0] != '-' && strchr(word, '/'))
		return word;
	return NULL;
}

/* The scratch directory and /dev/null say nothing about the answer
 * (and /dev/null's times change all the time). */
static int is_scratch(const char *path)
{
	return strncmp(path, PROBE_TMP_PLACEHOLDER,
		       strlen(PROBE_TMP_PLACEHOLDER)) == 0 ||
	       strcmp(path, "/dev/null") == 0;
}

static int is_compiler_probe(enum toolcap_probe_kind kind)
{
	return kind == TOOLCAP_PROBE_CC_OPTION ||
	       kind == TOOLCAP_PROBE_AS_OPTION ||
	       kind == TOOLCAP_PROBE_AS_INSTR;
}

/*
 * Ask the driver: TOOL FLAGS -print-prog-name=PROG.  gcc answers with
 * cc1's full path; a bare name ("as") means PATH decides.  Writes the
 * answer (one line) to value; empty when the driver could not say.
 */
static void ask_driver(const char *const *words, size_t n_words,
		       const char *question,
		       const struct toolcap_run_options *options,
		       char *value, size_t size)
{
	const char *argv[TOOLCAP_PROBE_MAX_WORDS + 16];
	struct toolcap_run_options run = { 0 };
	struct toolcap_run_result result;
	/* All of stderr must fit: a tool stopped at the cap gives no answer. */
	size_t err_size = TOOLCAP_DEFAULT_OUTPUT_CAP;
	char *err = malloc(err_size);
	size_t i;

	value[0] = '\0';
	if (!err)
		return;
	for (i = 0; i < n_words; i++)
		argv[i] = words[i];
	argv[i++] = question;
	argv[i] = NULL;
	if (options)
		run.timeout_ms = options->timeout_ms;
	if (toolcap_run(argv, &run, value, size - 1, err, err_size,
			&result) != TOOLCAP_OK || result.exit_status != 0) {
		value[0] = '\0';
		free(err);
		return;
	}
	free(err);
	value[result.out_len] = '\0';
	value[strcspn(value, "\n")] = '\0';
}

/*
 * Can this flag change which cc1 or as the driver runs?  Only these are
 * left out of the question and of its key: warnings and what -W passes
 * on (-Wa,-Wp,-Wl), macros, include directories, optimisation, debug
 * info, the language standard, -f and -m code generation options and
 * --param tuning, none of which makes gcc or clang pick another program
 * (the choice is made by the driver, its -B, --target, --gcc-toolchain,
 * --sysroot, -specs, --config and -f[no-]integrated-as, all kept).  -m
 * looked the likeliest: clang's -m32, -m16, -mx32 change its triple, but
 * clang 13 to 16 name their tools from --target's spelling, and gcc -m32
 * names the same cc1 and as.  Keying on every flag would ask the driver
 * again for each directory's own flag set, in every make.
 */
static int is_program_choice_flag(const char *word)
{
	static const char *const never[] = {
		"-W", "-D", "-U", "-I", "-O", "-g", "-std=", "-f", "-m",
		"--param", NULL
	};
	size_t i;

	if (strstr(word, "integrated-as"))
		return 1;
	for (i = 0; never[i]; i++)
		if (strncmp(word, never[i], strlen(never[i])) == 0)
			return 0;
	return 1;
}

/*
 * What a compiler runs behind its driver: cc1 and as.  Asking costs two
 * runs of the driver, so the answer is itself cached, under the key of
 * the driver's identity, the environment (shared, the part of key from
 * shared_from on) and the flags that can change the choice.
 */
static void key_compiler_parts(const struct probe_command *cmd,
			       const struct toolcap_run_options *options,
			       struct toolcap_cache *cache,
			       struct key_text *key, size_t shared_from)
{
	struct key_text driver = { 0 };
	/* Two lines that fit in one cache value. */
	char answer[CACHE_VALUE_MAX], cc1[CACHE_VALUE_MAX / 2 - 1];
	char as[CACHE_VALUE_MAX / 2 - 1];
	const char *words[TOOLCAP_PROBE_MAX_WORDS];
	size_t n_words = 0, i;
	char *nl;

	/* The tool's words, then the flags before the probed ones that can
	 * change what it runs. */
	for (i = 0; i < cmd->first_probed && i < TOOLCAP_PROBE_MAX_WORDS; i++)
		if (i < cmd->tool_words || is_program_choice_flag(cmd->argv[i]))
			words[n_words++] = cmd->argv[i];
	key_add(&driver, "toolcap-driver-key 2\n", 21);
	key_add(&driver, key->text + shared_from, key->len - shared_from);
	for (i = 0; i < n_words; i++)
		key_word(&driver, "word", words[i], strlen(words[i]));
	if (driver.failed) {
		key->failed = 1;
		key_free(&driver);
		return;
	}
	if (!cache_lookup(cache, driver.text, driver.len, answer,
			  sizeof(answer)) || !(nl = strchr(answer, '\n')) ||
	    (size_t)(nl - answer) >= sizeof(cc1) ||
	    strlen(nl + 1) >= sizeof(as)) {
		ask_driver(words, n_words, "-print-prog-name=cc1", options,
			   cc1, sizeof(cc1));
		ask_driver(words, n_words, "-print-prog-name=as", options,
			   as, sizeof(as));
		snprintf(answer, sizeof(answer), "%s\n%s", cc1, as);
		if (cc1[0] && as[0])
			cache_store(cache, driver.text, driver.len, answer);
	} else {
		*nl = '\0';
		memcpy(cc1, answer, (size_t)(nl - answer) + 1);
		memcpy(as, nl + 1, strlen(nl + 1) + 1);
	}
	key_free(&driver);
	key_program(key, "cc1", cc1[0] ? cc1 : "(unknown)");
	key_program(key, "as", as[0] ? as : "(unknown)");
}

/* rustup's rustc is a proxy whose toolchain depends on settings files,
 * the directory and the environment: what rustc -vV says names the
 * compiler that really runs (its commit and LLVM). */
static void key_rustc(const struct probe_command *cmd,
		      const struct toolcap_run_options *options,
		      struct key_text *key)
{
	char said[2048];

	ask_driver(cmd->argv, cmd->tool_words, "-vV",
		   options, said, sizeof(said));
	key_word(key, "rustc-vV", said, strlen(said));
}

enum toolcap_error probe_key(const struct toolcap_probe *probe,
			     const struct probe_command *cmd,
			     const struct toolcap_run_options *options,
			     struct toolcap_cache *cache,
			     struct key_text *key)
{
	char path[PATH_MAX], cwd[PATH_MAX];
	int err, relative = 0;
	enum toolcap_error e;
	size_t i, shared_from;

	/* The tool must be there; its own error is for the run to tell. */
	e = find_program(cmd->argv[0], path, sizeof(path), &err);
	if (e)
		return e;

	key_addf(key, "%s\nprobe %s%s\n", KEY_VERSION,
		 toolcap_probe_name(probe->kind),
		 probe->make_form ? " make" : "");
	shared_from = key->len;
	key_environment(key);
	/* Every word of the tool that is a program: "ccache gcc" is both. */
	for (i = 0; i < cmd->tool_words; i++) {
		if (i == 0 || find_program(cmd->argv[i], path, sizeof(path),
					   &err) == TOOLCAP_OK)
			key_program(key, "program", cmd->argv[i]);
	}
	if (is_compiler_probe(probe->kind))
		key_compiler_parts(cmd, options, cache, key, shared_from);
	if (probe->kind == TOOLCAP_PROBE_RUSTC_OPTION)
		key_rustc(cmd, options, key);

	for (i = 0; i < cmd->argc; i++) {
		const char *file = named_path(cmd->argv[i]);

		key_word(key, "word", cmd->argv[i], strlen(cmd->argv[i]));
		if (i >= cmd->tool_words && file && !is_scratch(file)) {
			key_file(key, "file", file, file);
			relative |= file[0] != '/';
		}
	}
	key_word(key, "input", cmd->input, cmd->input_len);
	if (relative)
		key_addf(key, "cwd %s\n", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
	return key->failed ? TOOLCAP_ERR_SYSTEM : TOOLCAP_OK;
}
