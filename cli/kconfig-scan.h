/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Finding the probe calls a Kconfig run will make, without running any.
 * `toolcap prefetch` runs what this finds, in parallel, into the cache,
 * so the Kconfig run that follows finds it warm; `toolcap matrix` reads
 * the files it follows.  It is the program's, not libtoolcap's: it
 * answers "which probes will probably be asked", a guess made to warm a
 * cache (what it misses, Kconfig asks and gets answered uncached), where
 * the library only gives answers that are right or an error.
 *
 * It reads Kconfig as the kernel's conf (scripts/kconfig/lexer.l and
 * preprocess.c, Linux 6.1) does, because conf expands every $(...) while it
 * reads, whatever `if` or `depends on` surrounds it:
 *   - `NAME := value` (expanded now), `NAME = value` (expanded when used),
 *     `NAME += value`; $(1), $(2)... inside a user-defined function;
 *   - $(NAME) is a Kconfig variable, else a built-in, else the environment
 *     (empty when unset); a comma splits arguments only outside parentheses;
 *   - `#` starts a comment except inside quotes or a $(...); `\` at the end
 *     of a line joins it to the next, between tokens only; help text is
 *     never expanded;
 *   - `source "PATH"` reads PATH as given, else under $srctree; a missing
 *     file is an error, as in conf.  kconfiglib's `rsource` (relative to the
 *     current file's directory), `osource` and `orsource` (glob patterns,
 *     no match is fine) are followed too.
 * A call is reported only when it is literal: nothing in its arguments
 * needed $(shell,...), an unknown function or a value that did; and no
 * argument still holds "$(" (the stock macros hand it to sh, where it
 * would be a command substitution).  Everything else is left to Kconfig.
 *
 * No global state; every allocation is bounded (see the limits below) and
 * freed before returning.
 */
#ifndef TOOLCAP_KCONFIG_SCAN_H
#define TOOLCAP_KCONFIG_SCAN_H

#include <stddef.h>

/* The kernel's probe macros (scripts/Kconfig.include and later). */
extern const char *const kconfig_probe_macros[];

struct kconfig_call {
	const char *macro;        /* "cc-option"                             */
	const char *const *args;  /* expanded, exactly what conf gives $(1)...:
				   * "$(cc-option, -foo)" has " -foo"         */
	size_t nargs;
	const char *file;         /* as conf names it: "arch/x86/Kconfig"    */
	unsigned line;            /* the line of the outermost $( reference  */
};

/*
 * Called for each literal call, as often as conf would make it (once per
 * reference; the caller removes duplicates).  The strings live only until
 * it returns.  A non-zero return stops the scan.
 */
typedef int (*kconfig_call_fn)(const struct kconfig_call *call, void *data);

struct kconfig_scan_options {
	const char *const *macros; /* names to report, NULL-terminated;
				    * NULL: kconfig_probe_macros           */
	const char *srctree;       /* what conf sees as $srctree; NULL: the
				    * environment's (then none: cwd only)  */
	const char *(*getenv)(const char *name, void *data); /* NULL: getenv */
	void *env_data;
	/* If not NULL, called with each file's name and whole text as it
	 * is read (`toolcap matrix` looks for the symbols it is asked
	 * about); a non-zero return stops the scan. */
	int (*file_fn)(const char *name, const char *text, size_t len,
		       void *data);
	void *file_data;
	unsigned max_depth;        /* of `source` and of $( nesting; 0: 64  */
	unsigned max_files;        /* files read in one scan; 0: 10000      */
	char *error;               /* if not NULL, a one-line reason for a  */
	size_t error_size;         /* failure: "init/Kconfig:12: ..."       */
};

enum kconfig_scan_result {
	KCONFIG_SCAN_DONE = 0,
	KCONFIG_SCAN_STOPPED,   /* the callback returned non-zero           */
	KCONFIG_SCAN_NO_FILE,   /* the top file or a `source`d one is missing */
	KCONFIG_SCAN_MALFORMED, /* conf would stop too: unterminated $(,
				 * recursive variable or `source`, error-if */
	KCONFIG_SCAN_TOO_BIG,   /* a limit was reached: depth, files, size of
				 * a file or of an expansion, total work     */
	KCONFIG_SCAN_NO_MEMORY
};

/*
 * kconfig_scan_buffer - scan one text, following no `source`.
 * name is what calls report as their file (NULL: "<buffer>"); o may be
 * NULL.  The text may hold any bytes and need not end in a newline.
 *   text "config X\n\tdef_bool $(cc-option,-mfentry)\n" reports
 *   { "cc-option", { "-mfentry" }, 1, name, 2 } and returns KCONFIG_SCAN_DONE.
 */
enum kconfig_scan_result
kconfig_scan_buffer(const char *text, size_t len, const char *name,
		    const struct kconfig_scan_options *o, kconfig_call_fn fn,
		    void *data);

/*
 * kconfig_scan_tree - scan the file top (found as conf finds it) and every
 * file it sources, in conf's order.  Calls found before a failure have
 * been reported.
 */
enum kconfig_scan_result
kconfig_scan_tree(const char *top, const struct kconfig_scan_options *o,
		  kconfig_call_fn fn, void *data);

#endif
