// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The cache key of a probe: the text of everything that can change its
 * answer.  A key that misses something would give a stale answer after
 * an upgrade, so it errs on the side of too much: the exact words, every
 * program and file they name, identified down to the inode and the
 * nanosecond of the last change, what a compiler runs behind its driver,
 * the environment compilers and linkers read, and the directory when a
 * relative path is involved.
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
#define KEY_VERSION "toolcap-probe-key 1"

/* The variables that change what a compiler driver, an assembler or a
 * linker does, or which program runs. */
static const char *const key_environment[] = {
	"PATH", "LD_LIBRARY_PATH", "LD_PRELOAD",
	/* gcc */
	"GCC_EXEC_PREFIX", "COMPILER_PATH", "LIBRARY_PATH", "CPATH",
	"C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "OBJC_INCLUDE_PATH",
	"DEPENDENCIES_OUTPUT", "SUNPRO_DEPENDENCIES", "GCC_COMPARE_DEBUG",
	/* clang */
	"CCC_OVERRIDE_OPTIONS", "CLANG_CONFIG_FILE_SYSTEM_DIR",
	"CLANG_CONFIG_FILE_USER_DIR",
	/* binutils */
	"LDEMULATION", "GNUTARGET",
	/* rustc and rustup's choice of toolchain */
	"RUSTC_BOOTSTRAP", "RUSTUP_TOOLCHAIN", "RUSTUP_HOME", "CARGO_HOME",
	NULL
};

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
static void ask_driver(const struct probe_command *cmd, size_t driver_words,
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
	for (i = 0; i < driver_words; i++)
		argv[i] = cmd->argv[i];
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
 * What a compiler runs behind its driver: cc1 and as.  Asking costs two
 * runs of the driver, so the answer is itself cached, under the key of
 * the driver's words and identity (and the environment, already in key).
 */
static void key_compiler_parts(const struct probe_command *cmd,
			       const struct toolcap_run_options *options,
			       struct toolcap_cache *cache,
			       struct key_text *key)
{
	struct key_text driver = { 0 };
	/* Two lines that fit in one cache value. */
	char answer[CACHE_VALUE_MAX], cc1[CACHE_VALUE_MAX / 2 - 1];
	char as[CACHE_VALUE_MAX / 2 - 1];
	/* The driver's own words and the flags before the probed ones
	 * (--target, -B, --gcc-toolchain change what it runs). */
	size_t driver_words = cmd->first_probed, i;
	char *nl;

	key_add(&driver, "toolcap-driver-key 1\n", 21);
	key_add(&driver, key->text, key->len); /* identities, environment */
	for (i = 0; i < driver_words; i++)
		key_word(&driver, "word", cmd->argv[i], strlen(cmd->argv[i]));
	if (driver.failed) {
		key->failed = 1;
		key_free(&driver);
		return;
	}
	if (!cache_lookup(cache, driver.text, driver.len, answer,
			  sizeof(answer)) || !(nl = strchr(answer, '\n')) ||
	    (size_t)(nl - answer) >= sizeof(cc1) ||
	    strlen(nl + 1) >= sizeof(as)) {
		ask_driver(cmd, driver_words, "-print-prog-name=cc1", options,
			   cc1, sizeof(cc1));
		ask_driver(cmd, driver_words, "-print-prog-name=as", options,
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

	ask_driver(cmd, cmd->tool_words, "-vV", options, said, sizeof(said));
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
	size_t i;

	/* The tool must be there; its own error is for the run to tell. */
	e = find_program(cmd->argv[0], path, sizeof(path), &err);
	if (e)
		return e;

	key_addf(key, "%s\nprobe %s%s\n", KEY_VERSION,
		 toolcap_probe_name(probe->kind),
		 probe->make_form ? " make" : "");
	for (i = 0; key_environment[i]; i++) {
		const char *value = getenv(key_environment[i]);

		if (value)
			key_word(key, key_environment[i], value, strlen(value));
		else
			key_addf(key, "%s unset\n", key_environment[i]);
	}
	/* Every word of the tool that is a program: "ccache gcc" is both. */
	for (i = 0; i < cmd->tool_words; i++) {
		if (i == 0 || find_program(cmd->argv[i], path, sizeof(path),
					   &err) == TOOLCAP_OK)
			key_program(key, "program", cmd->argv[i]);
	}
	if (is_compiler_probe(probe->kind))
		key_compiler_parts(cmd, options, cache, key);
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
