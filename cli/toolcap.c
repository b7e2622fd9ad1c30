// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap - which tool is this, which version, and what can it do?
 *
 * The command-line front end of libtoolcap, for Kconfig $(shell,...) and
 * $(success,...), Makefiles and configure scripts.  It owns argv, stdout,
 * stderr and the exit status; the library does the work.
 *
 * Exit status, everywhere: 0 success or true; 1 false, or the tool is not
 * installed; 2 an error, with exactly one line on stderr that starts with
 * "toolcap: ", names the tool and quotes what it printed.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* ------------------------------------------------------------------ */
/* Help and dispatch                                                   */

static const struct command {
	const char *name;
	int (*run)(const char *name, int argc, char **argv);
	const char *synopsis;
	const char *help;
} commands[] = {
	{ "version", cmd_version, "version [--tool=FAMILY] [--format=FMT] [--] TOOL [ARG...]",
	  "Run TOOL ARG... --version (or the flag its family uses) without a\n"
	  "shell, with LC_ALL=C and a time limit, and print what it is.\n"
	  "FMT: plain (\"gcc 12.2.0\"), number (\"12.2.0\"), int (\"120200\"),\n"
	  "kernel (what the kernel's *-version.sh prints: \"GCC 120200\"),\n"
	  "json.  A missing tool exits 1; with int or kernel it prints 0.\n"
	  "TOOLCAP_TIMEOUT sets the time limit in seconds (default 10).\n"
	  "Example: toolcap version --format=kernel ccache gcc" },
	{ "parse", cmd_parse, "parse [--tool=FAMILY] [--program=NAME] [--format=FMT] < TEXT",
	  "Recognise version text read on stdin, as 'version' would.\n"
	  "--tool names the family expected, --program the program that\n"
	  "printed the text (it names tools outside the known families).\n"
	  "Example: echo v1.22-5-g8b3f1a2 | toolcap parse --tool=pahole" },
	{ "ge", cmd_compare, "ge|gt|le|lt|eq|ne VERSION TOOL [ARG...]",
	  "True (exit 0) when TOOL's version compares so with VERSION, false\n"
	  "(exit 1) otherwise or when TOOL is not installed.  For Kconfig:\n"
	  "  def_bool $(success,toolcap ge 1.22 $(PAHOLE))" },
	{ "is", cmd_is, "is FAMILY TOOL [ARG...]",
	  "True when TOOL belongs to FAMILY (gcc, clang, ld.lld, ...).\n"
	  "Example: toolcap is ld.lld $(LD)" },
	{ "vercmp", cmd_vercmp, "vercmp A B",
	  "Print <, = or > as version A is older, the same or newer than B.\n"
	  "Example: toolcap vercmp 1.0-rc1 1.0   prints <" },
	{ "report", cmd_report, "report",
	  "Identify every tool of the kernel's requirement list found on this\n"
	  "machine, in parallel, and print a table." },
	{ "check", cmd_check, "check [--json] [--requirements=FILE]... [--kernel[=TREE]] [TOOL...]",
	  "Is every required tool installed and new enough?  Reads requirement\n"
	  "lines \"NAME MINVERSION COMMAND... [optional]\" from FILE (\"-\" is\n"
	  "stdin), $(VAR) and $(VAR:-DEFAULT) taken from the environment;\n"
	  "--kernel (the default without a FILE) adds the kernel's minimal\n"
	  "requirements: Linux 6.12's, or with --kernel=TREE that tree's own;\n"
	  "LLVM, CC, LD and CROSS_COMPILE choose the tools as Kbuild does.\n"
	  "TOOL... checks only the requirements so named.\n"
	  "Prints a table and a verdict line, or with --json one document.\n"
	  "Exit 0 all required tools met, 1 one too old, missing or of another\n"
	  "family, 2 a malformed file or a tool whose version is not understood.\n"
	  "Example: PAHOLE=pahole toolcap check --requirements=tools.req" },
	{ "cc-option", cmd_probe, "cc-option [--cc=CC] [--flags=FLAGS] [--make] [--no-cache] [--] FLAG...",
	  "True when the C compiler accepts FLAG...: runs, without a shell,\n"
	  "  CC -Werror FLAGS FLAG... -c -x c /dev/null -o $TMP/tmp.o\n"
	  "as the kernel's Kconfig.include and Makefile.compiler do.  CC and\n"
	  "FLAGS come from $CC and $CLANG_FLAGS ($KBUILD_CPPFLAGS\n"
	  "$KBUILD_CFLAGS with --make).  Answers are cached (TOOLCAP_CACHE).\n"
	  "Exit 0 yes, 1 no, 2 the compiler is missing or broken.\n"
	  "Example: toolcap cc-option -fno-stack-clash-protection" },
	{ "as-instr", cmd_probe, "as-instr [--cc=CC] [--flags=FLAGS] [--make] [--no-cache] [--] INSTR [FLAG...]",
	  "True when the assembler (through CC) accepts INSTR:\n"
	  "  printf '%b\\n' INSTR | CC FLAGS FLAG... -c -x assembler-with-cpp -o /dev/null -\n"
	  "(--make: CC -Werror ... -o $TMP/tmp.o -).  FLAGS: $CLANG_FLAGS.\n"
	  "Example: toolcap as-instr 'endbr64'" },
	{ "as-option", cmd_probe, "as-option [--cc=CC] [--flags=FLAGS] [--no-cache] [--] FLAG...",
	  "Makefile.compiler's as-option: CC -Werror FLAGS FLAG... -c -x\n"
	  "assembler-with-cpp /dev/null -o $TMP/tmp.o; FLAGS: $KBUILD_CPPFLAGS\n"
	  "$KBUILD_AFLAGS.  Example: toolcap as-option -Wa,--gdwarf-5" },
	{ "ld-option", cmd_probe, "ld-option [--ld=LD] [--flags=FLAGS] [--make] [--no-cache] [--] FLAG...",
	  "True when the linker accepts FLAG...: LD -v FLAG... (--make:\n"
	  "LD FLAGS FLAG... -v with FLAGS from $KBUILD_LDFLAGS).  LD: $LD.\n"
	  "Example: toolcap ld-option -- --no-warn-rwx-segments" },
	{ "rustc-option", cmd_probe, "rustc-option [--rustc=RUSTC] [--flags=FLAGS] [--make] [--no-cache] [--] FLAG...",
	  "True when rustc accepts FLAG...: RUSTC FLAG... --crate-type=rlib\n"
	  "/dev/null --out-dir=$TMP -o $TMP/tmp.rlib (--make: Makefile.compiler's\n"
	  "no_core crate on stdin with RUSTC_BOOTSTRAP=1).  RUSTC: $RUSTC.\n"
	  "Example: toolcap rustc-option -Zthreads=16" },
	{ "cc-disable-warning", cmd_probe, "cc-disable-warning [--cc=CC] [--flags=FLAGS] [--no-cache] [--] WARNING",
	  "Print -Wno-WARNING when CC knows -WWARNING (probed as cc-option\n"
	  "with $KBUILD_CPPFLAGS $KBUILD_CFLAGS), nothing otherwise.\n"
	  "Example: toolcap cc-disable-warning unused-but-set-variable" },
	{ "explain", cmd_explain, "explain PROBE [OPTIONS] ARG...",
	  "Run a probe uncached and show the exact command, its exit status,\n"
	  "what the tool said and the answer: why can't I select this option?\n"
	  "Example: toolcap explain cc-option -mfoo" },
	{ "prefetch", cmd_prefetch, "prefetch [--jobs=N] [--background] KCONFIG",
	  "Follow the source statements of KCONFIG as conf does, collect the\n"
	  "probes of kconfig/Kconfig.toolcap (cc-option, ld-option, as-instr,\n"
	  "rustc-option) whose arguments are literal, and run them in parallel\n"
	  "(default: one job per CPU) into the cache, with the tools of the\n"
	  "environment (CC, CLANG_FLAGS, LD, RUSTC; srctree, SRCARCH for the\n"
	  "paths), so that the Kconfig run that follows finds them warm.\n"
	  "--background returns at once and works on, detached: what\n"
	  "Kconfig.toolcap does when TOOLCAP_PREFETCH names the top Kconfig.\n"
	  "Example: srctree=$PWD SRCARCH=x86 CC=gcc LD=ld toolcap prefetch Kconfig" },
	{ "cache", cmd_cache, "cache stats|clear",
	  "Show what the probe cache holds, or remove its entries.  The cache\n"
	  "is $TOOLCAP_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/toolcap;\n"
	  "off disables it).  A directory that is a symlink, not ours or\n"
	  "writable by others is refused with a warning, and probes run\n"
	  "uncached." },
	{ "matrix", cmd_matrix, "matrix [--engine=conf|kconfiglib|PATH] [--config=FILE] [--kconfig=FILE] [--json] [--expect=SPEC]... [--timeout=SECONDS] VAR=FAMILY VERSION...",
	  "Which Kconfig symbols flip across a tool's versions?  For each VERSION\n"
	  "(1.21; 1.22-git, a build from git; missing, no such program) runs the\n"
	  "Kconfig engine's olddefconfig on KCONFIG (default Kconfig, else\n"
	  "$srctree/Kconfig) from FILE (default: empty, all defaults), in a\n"
	  "scratch directory, with VAR naming a stand-in that prints what that\n"
	  "version of FAMILY prints for --version; versions run in parallel.\n"
	  "Prints one row per symbol not the same in every .config (- : not in\n"
	  "it), or with --json one document.  --engine: conf (Debian's\n"
	  "linux-kbuild-6.1, else conf on PATH), kconfiglib (olddefconfig of\n"
	  "python3-kconfiglib) or the PATH of a conf.  SPEC is SYMBOL=VALUE[@RANGE]:\n"
	  "n also holds when the symbol is not in .config, - only then; RANGE is\n"
	  "terms joined by commas, all holding: <V <=V >V >=V =V !=V, V, a version\n"
	  "as written (1.22-git), git or missing.  --timeout bounds each engine\n"
	  "run (default 120).  srctree and TOOLCAP, when unset, are set to here\n"
	  "and to this toolcap.\n"
	  "Exit 0, 1 when an expectation fails, 2 when the engine fails.\n"
	  "Example: toolcap matrix --expect 'DEBUG_INFO_BTF=n@<1.22' \\\n"
	  "           PAHOLE=pahole 1.16 1.21 1.22 1.22-git 1.24 missing" },
};

static void print_usage(FILE *to)
{
	size_t i;

	fprintf(to, "usage: toolcap COMMAND [ARG...]\n\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(to, "  toolcap %s\n", commands[i].synopsis);
	fprintf(to, "\n'toolcap COMMAND --help' says more.  Exit status: 0 true,\n"
		    "1 false or tool not installed, 2 error.\n");
}

static const char *const *command_names(void)
{
	static const char *names[sizeof(commands) / sizeof(commands[0]) + 1];
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		names[i] = commands[i].name;
	return names;
}

static const struct command *find_command(const char *name)
{
	static const char *const comparisons[] = { "gt", "le", "lt", "eq",
						   "ne", NULL };
	size_t i;

	for (i = 0; comparisons[i]; i++)
		if (strcmp(name, comparisons[i]) == 0)
			name = "ge";
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct command *command;
	const char *name;

	if (argc < 2) {
		print_usage(stderr);
		return EXIT_ERROR;
	}
	name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
		print_usage(stdout);
		return EXIT_TRUE;
	}
	if (strcmp(name, "--version") == 0) {
		printf("toolcap %s\n", TOOLCAP_CLI_VERSION);
		return EXIT_TRUE;
	}
	command = find_command(name);
	if (!command) {
		const char *near = nearest_name(name, command_names());

		if (near) {
			fail("unknown command \"%s\": did you mean %s? (see 'toolcap --help')",
			     name, near);
			return EXIT_ERROR;
		}
		fail("unknown command \"%s\" (see 'toolcap --help')", name);
		return EXIT_ERROR;
	}
	if (argc > 2 && strcmp(argv[2], "--help") == 0) {
		printf("usage: toolcap %s\n\n%s\n", command->synopsis,
		       command->help);
		return EXIT_TRUE;
	}
	/* Every command runs tools or may: a bad limit is said up front. */
	if (check_timeout_environment())
		return EXIT_ERROR;
	return command->run(name, argc - 2, argv + 2);
}
