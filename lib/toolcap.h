/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * toolcap.h - which tool is this, which version, and what can it do?
 *
 * libtoolcap reads the text a tool prints for --version, says which family
 * the tool belongs to ("gcc", "ld.lld", "pahole", ... or, for any other
 * tool, its program name) and which release it is ("12.2.0"), compares
 * versions the way maintainers mean them, encodes the integers the Linux
 * kernel's scripts/\*-version.sh print, and runs tools safely.
 *
 * Rules every function here keeps:
 *   - nothing prints, nothing exits; errors are returned as enum toolcap_error;
 *   - parsing and comparing never allocate and never read the locale
 *     (no <ctype.h>): the same bytes give the same answer everywhere;
 *   - every function is thread-safe (no global state is written);
 *   - strings passed in need not be NUL-terminated where a length is given.
 */
#ifndef TOOLCAP_H
#define TOOLCAP_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Sizes of the fixed buffers in struct toolcap_ident (including the NUL). */
#define TOOLCAP_FAMILY_MAX   48
#define TOOLCAP_VERSION_MAX  64
#define TOOLCAP_LINE_MAX    256

/* Default limits of toolcap_run(). */
#define TOOLCAP_DEFAULT_TIMEOUT_MS  10000u
#define TOOLCAP_DEFAULT_OUTPUT_CAP  (64u * 1024u)

enum toolcap_error {
	TOOLCAP_OK = 0,
	TOOLCAP_ERR_USAGE,          /* a bad argument (NULL, empty, malformed)  */
	TOOLCAP_ERR_NOT_FOUND,      /* no such program, not on PATH             */
	TOOLCAP_ERR_NOT_EXECUTABLE, /* exists, but cannot be executed           */
	TOOLCAP_ERR_TIMED_OUT,      /* still running at the time limit; killed  */
	TOOLCAP_ERR_SIGNALED,       /* killed by a signal it did not get from us */
	TOOLCAP_ERR_UNRECOGNISED,   /* printed nothing we recognise as a version */
	TOOLCAP_ERR_WRONG_FAMILY,   /* recognised, but not the family asked for  */
	TOOLCAP_ERR_NO_ENCODING,    /* no kernel integer for this tool/version   */
	TOOLCAP_ERR_SYSTEM,         /* pipe, fork, poll... failed; see errno     */
	TOOLCAP_ERR_FAILED          /* exited with a status its version run
				     * never has: what it printed is an error */
};

/*
 * toolcap_strerror - a short English phrase for an error, never NULL.
 *   toolcap_strerror(TOOLCAP_ERR_TIMED_OUT) -> "timed out"
 */
const char *toolcap_strerror(enum toolcap_error error);

/* ---------------------------------------------------------------------
 * Comparing versions
 * ------------------------------------------------------------------- */

/*
 * toolcap_vercmp - compare two version strings as a maintainer means them.
 *
 * Returns -1, 0 or 1 as a is older than, the same as, or newer than b.
 *
 * A version is split into components at every character that is not a
 * letter or digit, and between a run of digits and a run of letters:
 * "1.0-rc1" is 1, 0, rc, 1.  Then, in order from the left:
 *   - numbers compare by value, of any length ("20240411" never overflows):
 *         toolcap_vercmp("1.9", "1.10") == -1
 *   - missing trailing components count as zero:
 *         toolcap_vercmp("1.22", "1.22.0") == 0
 *   - a word is a pre-release and sorts before the release and before
 *     zero, words alphabetically (alpha < beta < pre < rc), except the
 *     post-release words "post", "patch", "pl", "p", "errata" and a single
 *     letter glued to a number ("1.0a"), which sort after the release but
 *     before the next number; a letter set apart ("1.0.a") is a word, as
 *     "a" for alpha is:
 *         "1.0.a" < "1.0-rc1" < "1.0" < "1.0a" < "1.0.post1" < "1.0.1"
 *         "18.0.0git" < "18.0.0"
 * A "v" or "V" right before the first digit is a prefix, as PEP 440,
 * go-version and node-semver read it (pahole prints "v1.24"):
 *         toolcap_vercmp("v1.24", "1.22") == 1
 * Letters compare without regard to case.  NULL sorts before everything.
 */
int toolcap_vercmp(const char *a, const char *b);

/* ---------------------------------------------------------------------
 * Recognising a tool from its version text
 * ------------------------------------------------------------------- */

struct toolcap_ident {
	/* "gcc", "clang", "apple-clang", "icx", "icc", "tcc", "pcc",
	 * "ld.bfd", "ld.gold", "ld.lld", "ld.mold", "ld64", "gas", "llvm-as",
	 * "pahole", "rustc", "bindgen", "cargo"; for any other tool its
	 * program name in lower case ("make", "python", "objcopy"). */
	char family[TOOLCAP_FAMILY_MAX];
	/* The release a maintainer would state, digits and dots: "12.2.0",
	 * "2.20.51.0.2" for RHEL's "2.20.51.0.2-5.43.el6 20100205". */
	char version[TOOLCAP_VERSION_MAX];
	/* What was glued to the release and is not part of it: "-14",
	 * "git", "-nightly", "-5-g8b3f1a2", ".20211103"; often "".  Cut
	 * at TOOLCAP_VERSION_MAX-1; a release that long is not read. */
	char suffix[TOOLCAP_VERSION_MAX];
	/* The line the version was read from, cut at TOOLCAP_LINE_MAX-1. */
	char line[TOOLCAP_LINE_MAX];
	/* 1 when family is one of the ids above, 0 for a program name. */
	int known_family;
};

/*
 * toolcap_identify - recognise the family and version in a tool's output.
 *
 * text, len: what the tool printed (stdout; try stderr if this fails).
 * program:   the name the tool was run as ("gcc-12", "/usr/bin/pahole",
 *            "ccache"), or NULL when unknown.  It names tools outside the
 *            known families and settles output that does not name itself
 *            (pahole prints only "v1.24"; llvm-as only "LLVM version").
 * family:    a family id the caller expects, or NULL.  When given, the
 *            rules of that family are tried first and a different answer
 *            is TOOLCAP_ERR_WRONG_FAMILY (out is still filled in).
 *
 * Recognition goes by how each family words its version line across its
 * vendors (see lib/families.c), never by known samples:
 *   "gcc (Debian 12.2.0-14) 12.2.0"              -> gcc 12.2.0
 *   "Apple clang version 15.0.0 (clang-1500..)"  -> apple-clang 15.0.0
 *   "GNU ld version 2.20.51.0.2-5.43.el6 20100205" -> ld.bfd 2.20.51.0.2
 *   "v1.22-5-g8b3f1a2" (program "pahole")        -> pahole 1.22
 *   "GNU Make 4.3" (program "make")              -> make 4.3
 *   "Debian clang version 14.0.6" (family "llvm-as") -> llvm-as 14.0.6,
 *       clang's integrated assembler; Apple's clang is refused
 *   "rustup 1.26.0 (...)" then "info: ... `rustc 1.73.0 (...)`"
 *       -> rustup 1.26.0: a tool names itself first
 *
 * Returns TOOLCAP_OK, TOOLCAP_ERR_UNRECOGNISED, TOOLCAP_ERR_WRONG_FAMILY
 * or TOOLCAP_ERR_USAGE.  Never allocates.
 */
enum toolcap_error toolcap_identify(const char *text, size_t len,
				    const char *program, const char *family,
				    struct toolcap_ident *out);

/*
 * toolcap_version_args - the arguments that make a tool print its version.
 * Returns a NULL-terminated list ({"--version", NULL} for most tools,
 * {"-v", NULL} for tcc, {"-V", NULL} for e2fsck...), chosen by the family
 * if given, else by the program's name.  The list is static.
 */
const char *const *toolcap_version_args(const char *program,
					const char *family);

/*
 * toolcap_is_family - 1 when name is one of the family ids listed in
 * struct toolcap_ident ("gcc", "ld.lld", "pahole", ...), 0 otherwise
 * ("make", "gcc-12", NULL).
 */
int toolcap_is_family(const char *name);

/*
 * toolcap_program_family - the family whose tools are usually installed
 * under this program name ("gcc-12" -> "gcc", "ld.lld" -> "ld.lld",
 * "x86_64-linux-gnu-as" -> "gas"), or NULL if the name says nothing.
 */
const char *toolcap_program_family(const char *program);

/*
 * toolcap_family_at - the family ids, one by index, in the order struct
 * toolcap_ident lists them: toolcap_family_at(0) is "gcc", and past the
 * last it is NULL.  For listing them ("did you mean ld.lld?").
 */
const char *toolcap_family_at(size_t index);

/*
 * How a stand-in for a family's tool prints its version: a recorded real
 * output split around its release, so that before + "2.38" + after is
 * what release 2.38 prints:
 *   ld.bfd: program "ld", before "GNU ld (GNU Binutils) ", after "\n"
 *   pahole: before "v", after "\n"; from git: "v", "-5-g8b3f1a2\n"
 * All strings are static.
 */
struct toolcap_standin {
	const char *family;                 /* "ld.bfd"                     */
	const char *program;                /* the name it is installed as  */
	const char *before, *after;         /* around the release           */
	const char *git_before, *git_after; /* a build from git, or NULL    */
};

/*
 * toolcap_family_standin - fill out with the stand-in shape of a family
 * (for `toolcap matrix` and tests).  Returns 1, or 0 when family is not a
 * family id or has no recorded shape; the families with one are gcc,
 * clang, ld.bfd, ld.lld, gas, pahole, rustc and bindgen.
 */
int toolcap_family_standin(const char *family, struct toolcap_standin *out);

/*
 * toolcap_first_line - the first line of text that has something on it,
 * for an error message: control bytes and non-ASCII become '?', and it is
 * cut to fit buf (size bytes with the NUL); "" when there is none.
 *   "\n  \ngcc: error: x\n" -> "gcc: error: x"
 */
void toolcap_first_line(const char *text, size_t len, char *buf,
			size_t size);

/* ---------------------------------------------------------------------
 * The kernel's integers
 * ------------------------------------------------------------------- */

/*
 * toolcap_kernel_int - the integer the kernel's scripts use for a version:
 *   gcc, clang, apple-clang, ld.bfd, ld.lld, gas, llvm-as:
 *       10000*major + 100*minor + patch      (12.2.0 -> 120200)
 *   pahole:  100*major + minor               (1.24 -> 124)
 *   rustc, bindgen: 100000*major + 100*minor + patch (1.63.0 -> 106300)
 *   others:  10000*major + 100*minor + patch, toolcap's own convention.
 * Components past those encoded are ignored, as the kernel does.
 * TOOLCAP_ERR_NO_ENCODING when a component is too large to encode
 * without colliding with another version (minor >= 100, ...).
 */
enum toolcap_error toolcap_kernel_int(const struct toolcap_ident *id,
				      unsigned long long *value);

/*
 * toolcap_kernel_text - what the kernel's script for this tool prints on
 * stdout, without the newline, when it gets the version right:
 *   gcc "GCC 120200", clang and apple-clang "Clang 140006", ld.bfd "BFD 24000", ld.lld "LLD 140006", gas "GNU 24000",
 *   llvm-as "LLVM 140006", pahole "124", rustc and bindgen "106300".
 * TOOLCAP_ERR_NO_ENCODING for a family the kernel has no script for (or
 * refuses: gold; icc, whose support mainline removed in 6.3), or when the
 * integer cannot be encoded.
 */
enum toolcap_error toolcap_kernel_text(const struct toolcap_ident *id,
				       char *buf, size_t size);

/* ---------------------------------------------------------------------
 * Running a tool
 * ------------------------------------------------------------------- */

struct toolcap_run_options {
	unsigned timeout_ms;  /* 0: TOOLCAP_DEFAULT_TIMEOUT_MS            */
	size_t output_cap;    /* per stream, 0: TOOLCAP_DEFAULT_OUTPUT_CAP */
	/* What the tool reads on stdin; NULL: /dev/null. */
	const char *input;
	size_t input_len;
	/* "NAME=VALUE" entries set in the tool's environment on top of
	 * ours and LC_ALL=C, NULL-terminated; NULL: none. */
	const char *const *environment;
};

struct toolcap_run_result {
	size_t out_len, err_len; /* bytes captured in out and err buffers   */
	int exit_status;         /* exit status if the tool exited, else -1 */
	int signal;              /* the signal that killed it, else 0       */
	int truncated;           /* 1 when a stream passed the cap and the
				  * tool was stopped; what was read is kept */
	int sys_errno;           /* errno behind TOOLCAP_ERR_SYSTEM/NOT_*   */
};

/*
 * toolcap_run - run argv[0] with argv, without a shell, and capture output.
 *
 * argv[0] is looked up on PATH unless it contains a '/'.  The tool runs
 * in a process group of its own with stdin from /dev/null (or fed from
 * options->input) and LC_ALL=C in its environment; stdout goes to out (out_size bytes at most) and stderr
 * to err.  When the time limit passes, or a stream passes the output cap,
 * the whole process group is killed with SIGKILL, so a grandchild holding
 * the pipes open cannot make us wait.  The group is also killed when the
 * tool itself exits, so no stray process survives it.
 *
 * Returns TOOLCAP_OK once the tool exited (with any status: exit 1 with a
 * version on stdout is still an answer), TOOLCAP_ERR_NOT_FOUND,
 * TOOLCAP_ERR_NOT_EXECUTABLE, TOOLCAP_ERR_TIMED_OUT, TOOLCAP_ERR_SIGNALED
 * or TOOLCAP_ERR_SYSTEM.  options may be NULL.  The output buffers are
 * not NUL-terminated.
 */
enum toolcap_error toolcap_run(const char *const argv[],
			       const struct toolcap_run_options *options,
			       char *out, size_t out_size,
			       char *err, size_t err_size,
			       struct toolcap_run_result *result);

/*
 * toolcap_version - run a tool with its version flag and recognise it:
 * toolcap_run() of argv followed by toolcap_version_args(), then
 * toolcap_identify() of its stdout, then of its stderr (gcc -v).
 *
 * argv:    TOOL [ARG...], NULL-terminated, at most
 *          TOOLCAP_VERSION_MAX_WORDS words: {"gcc", NULL},
 *          {"ccache", "gcc", NULL}, {"clang", "--target=aarch64", NULL}.
 * program: the name the tool is known as, or NULL: argv[0], or argv[1]
 *          after a launcher (ccache, sccache, distcc, icecc), whose own
 *          version is not the one asked about.
 * family:  a family id the caller expects, or NULL (as toolcap_identify).
 * options, out, err: as toolcap_run(); ident and run are filled in.
 *
 * A run that exits with a status other than the one the tool's version
 * run has (0; 1 for unsquashfs -version and GNU false --version) failed,
 * and what it printed is not read as a version: a wrapper cc printing
 * "/opt/gcc-9.3.0/bin/gcc: No such file or directory" and exiting 127 is
 * TOOLCAP_ERR_FAILED, with run->exit_status and ident->line the first
 * line it printed.
 *
 * Returns TOOLCAP_OK, what toolcap_run() or toolcap_identify() returns,
 * TOOLCAP_ERR_FAILED, or TOOLCAP_ERR_USAGE (NULL or too many words).
 */
#define TOOLCAP_VERSION_MAX_WORDS 256
enum toolcap_error toolcap_version(const char *const argv[],
				   const char *program, const char *family,
				   const struct toolcap_run_options *options,
				   char *out, size_t out_size,
				   char *err, size_t err_size,
				   struct toolcap_ident *ident,
				   struct toolcap_run_result *run);

/* ---------------------------------------------------------------------
 * Capability probes: can this compiler, assembler or linker do X?
 * ------------------------------------------------------------------- */

/*
 * The probes of the kernel's scripts/Kconfig.include and
 * scripts/Makefile.compiler, run as the same command lines without a
 * shell.  TOOL is the tool's words ($(CC) = "ccache gcc"), FLAGS the
 * words the kernel puts before the probed ones ($(CLANG_FLAGS) in
 * Kconfig, $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) in make), ARG... the
 * probed arguments; both are split at blanks, as the shell splits them.
 * TMP is a directory toolcap makes and removes.
 *
 *   CC_OPTION     TOOL -Werror FLAGS ARG... -c -x c /dev/null -o TMP/tmp.o
 *   AS_OPTION     TOOL -Werror FLAGS ARG... -c -x assembler-with-cpp
 *                      /dev/null -o TMP/tmp.o
 *   AS_INSTR      printf "%b\n" INSTR |
 *                 TOOL FLAGS ARG... -c -x assembler-with-cpp -o /dev/null -
 *     make form:  TOOL -Werror FLAGS ARG... -c -x assembler-with-cpp
 *                      -o TMP/tmp.o -
 *   LD_OPTION     TOOL -v ARG...
 *     make form:  TOOL FLAGS ARG... -v
 *   RUSTC_OPTION  TOOL FLAGS ARG... --crate-type=rlib /dev/null
 *                      --out-dir=TMP -o TMP/tmp.rlib
 *     make form:  echo '#![allow(missing_docs)]#![feature(no_core)]#![no_core]' |
 *                 RUSTC_BOOTSTRAP=1 TOOL --sysroot=/dev/null FLAGS ARG...
 *                      --crate-type=rlib --out-dir=TMP --emit=obj=- -
 * The answer is yes when the command exits 0.  Kconfig's as-instr gets
 * INSTR in double quotes: pass it after the shell's quote removal.
 */
enum toolcap_probe_kind {
	TOOLCAP_PROBE_CC_OPTION,
	TOOLCAP_PROBE_AS_OPTION,
	TOOLCAP_PROBE_AS_INSTR,
	TOOLCAP_PROBE_LD_OPTION,
	TOOLCAP_PROBE_RUSTC_OPTION
};

struct toolcap_probe {
	enum toolcap_probe_kind kind;
	int make_form;              /* 1: scripts/Makefile.compiler's form */
	const char *tool;           /* "gcc", "ccache gcc", "ld.lld"       */
	const char *flags;          /* may be NULL                         */
	const char *instr;          /* AS_INSTR only                       */
	const char *const *args;    /* nargs probed arguments              */
	size_t nargs;
};

/* Limits on a probe, past which it is TOOLCAP_ERR_USAGE. */
#define TOOLCAP_PROBE_MAX_WORDS 256
#define TOOLCAP_PROBE_MAX_TEXT  8192

/*
 * toolcap_probe_name - "cc-option", "as-option", "as-instr", "ld-option",
 * "rustc-option": the kernel's name of a probe kind.
 */
const char *toolcap_probe_name(enum toolcap_probe_kind kind);

/*
 * toolcap_probe_command - the command a probe runs, as one line a shell
 * would read back the same ("gcc -Werror -mfoo -c -x c /dev/null -o
 * /tmp/toolcap-XXXXXX/tmp.o"), the as-instr input shown as a printf.
 * TOOLCAP_ERR_USAGE when it does not fit in buf.
 */
enum toolcap_error toolcap_probe_command(const struct toolcap_probe *probe,
					 char *buf, size_t size);

struct toolcap_probe_result {
	int answer;                 /* 1 yes, 0 no                          */
	int cached;                 /* 1 when the answer came from a cache  */
	struct toolcap_run_result run; /* the tool's run, when not cached   */
};

struct toolcap_cache; /* below */

/*
 * toolcap_probe_run - run a probe, or take its answer from cache.
 *
 * cache may be NULL (no cache).  A cached answer is used only when the
 * key matches in full: the probe's words, the identity (resolved path,
 * device, inode, size, mtime and ctime in nanoseconds) of every program
 * the command names and, for compilers, of the cc1 and as they run, of
 * every existing file an argument names, and the whole environment less
 * make's and the shell's bookkeeping (MAKELEVEL, MAKE_RESTARTS,
 * MAKEOVERRIDES, MAKE_TERMOUT, MAKE_TERMERR, SHLVL, _, PWD, OLDPWD,
 * COLUMNS, LINES; in MAKEFLAGS and MFLAGS only the words -j...,
 * --jobserver-auth=... and --jobserver-fds=... before "--") and
 * toolcap's own TOOLCAP_CACHE, TOOLCAP_PREFETCH and TOOLCAP_TIMEOUT: a
 * wrapper may read any variable.  A tool replaced in
 * place therefore misses and is probed again.
 *
 * A "no" is an answer only when the tool works without what is probed:
 * before it is given, the same command runs without the probed arguments
 * (and, for as-instr, with an empty line for the instruction; its "yes"
 * is cached like any answer).  When that fails too, the tool is broken
 * or the flags are, and "no" would say nothing about the flag:
 * TOOLCAP_ERR_FAILED, with result->run and err from the baseline run.
 *
 * err, err_size: the tool's stderr, when it ran (may be NULL, 0).
 * Returns TOOLCAP_OK with result->answer; or, when the tool could not
 * give an answer, TOOLCAP_ERR_NOT_FOUND, _NOT_EXECUTABLE, _TIMED_OUT,
 * _SIGNALED, _FAILED, _SYSTEM (nothing is cached then) or _USAGE.
 */
enum toolcap_error toolcap_probe_run(const struct toolcap_probe *probe,
				     const struct toolcap_run_options *options,
				     struct toolcap_cache *cache,
				     char *err, size_t err_size,
				     struct toolcap_probe_result *result);

/* ---------------------------------------------------------------------
 * The result cache
 * ------------------------------------------------------------------- */

enum toolcap_cache_state {
	TOOLCAP_CACHE_ON,        /* answers are read and written           */
	TOOLCAP_CACHE_OFF,       /* TOOLCAP_CACHE=off                      */
	TOOLCAP_CACHE_REFUSED,   /* the directory is unsafe or unusable;
				  * why says so; probes run uncached       */
	TOOLCAP_CACHE_INVALID    /* the setting is neither "off" nor an
				  * absolute path: a mistake to report    */
};

struct toolcap_cache {
	enum toolcap_cache_state state;
	char dir[4096];
	char why[4096 + 256];
};

/*
 * toolcap_cache_open - find, create (mode 0700) and check the cache
 * directory.  setting is what TOOLCAP_CACHE holds: NULL or "" for
 * ${XDG_CACHE_HOME:-$HOME/.cache}/toolcap, "off" for no cache, else the
 * absolute directory; anything else (relative, "OFF") is
 * TOOLCAP_CACHE_INVALID.  HOME and XDG_CACHE_HOME are never created, and
 * no directory is created inside one the effective user does not own.
 * The directory is refused when it is a symlink, not a
 * directory, not owned by the effective user, or writable by others.
 * Always fills cache in; returns its state.
 *
 * Entries are written to a temporary file and renamed into place, so
 * readers see a whole entry or none; an entry that is truncated, corrupt
 * or for another key is ignored and rewritten.  Concurrent processes
 * (make -j, two Kconfig runs) may share a directory.
 */
enum toolcap_cache_state toolcap_cache_open(struct toolcap_cache *cache,
					    const char *setting);

struct toolcap_cache_stats {
	unsigned long entries;    /* answers stored                        */
	unsigned long long bytes; /* their size                            */
	unsigned long stray;      /* temporary files a killed writer left  */
	unsigned long invalid;    /* files that are not entries            */
};

/* toolcap_cache_stats - count what the directory holds. */
enum toolcap_error toolcap_cache_stats(const struct toolcap_cache *cache,
				       struct toolcap_cache_stats *stats);

/* toolcap_cache_clear - remove every entry and stray temporary file. */
enum toolcap_error toolcap_cache_clear(const struct toolcap_cache *cache,
				       unsigned long *removed);

#ifdef __cplusplus
}
#endif

#endif /* TOOLCAP_H */
