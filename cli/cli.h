/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * What the toolcap command's source files share: options, running a tool
 * and the one-line error.  cli/toolcap.c has main() and the help;
 * options.c reads options, version-run.c runs a program's version; each
 * command is a cli/cmd-NAME.c with cmd_NAME().  Shared pieces with a
 * header of their own: jobs.h (the one job runner), json.h (the one
 * JSON writer), strbuf.h (the one string builder).
 */
#ifndef TOOLCAP_CLI_H
#define TOOLCAP_CLI_H

#include <stddef.h>

#include "../lib/toolcap.h"

#define TOOLCAP_CLI_VERSION "0.1.0"

/* Exit status of every command. */
enum { EXIT_TRUE = 0, EXIT_FALSE = 1, EXIT_ERROR = 2 };

enum format { FORMAT_PLAIN, FORMAT_NUMBER, FORMAT_INT, FORMAT_KERNEL,
	      FORMAT_JSON };

struct options {
	const char *tool;    /* --tool=NAME: a family id or a program name */
	const char *program; /* --program=NAME: the name the tool runs as */
	enum format format;  /* --format=FMT */
	char **command;      /* TOOL [ARG...] */
	int command_len;
};

/* One version run of a tool (not a capability probe: those are the
 * library's toolcap_probe), and what we made of it. */
struct version_run {
	const char *name;                /* how we name it in messages */
	const char *asked;               /* the family asked for, or NULL */
	enum toolcap_error error;
	struct toolcap_ident ident;
	struct toolcap_run_result run;
};

/* "toolcap: " + the message + a newline, on stderr. */
void fail(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
int usage_error(const char *command, const char *what);

/*
 * The one reader of every command's options.  Options come first; the
 * first word that does not start with "--" (or a "--", which is skipped)
 * ends them.  --NAME=VALUE and --NAME VALUE both give a value.  Before
 * the end, a "--word" that is not in the table is a usage error, never
 * the first operand: "--nocache -O2" must not probe "--nocache".
 */
struct cli_option {
	const char *name;  /* "--cc" */
	int takes_value;   /* OPTION_FLAG, OPTION_VALUE, ... */
};
/* OPTION_OPTIONAL_VALUE: --NAME or --NAME=VALUE only (*value NULL
 * without one), as check's --kernel[=TREE]: the next word stays an
 * operand. */
enum { OPTION_FLAG, OPTION_VALUE, OPTION_OPTIONAL_VALUE };
enum { OPTIONS_END = -1, OPTIONS_ERROR = -2 };
/* The index in table (NULL-name terminated) of the option at argv[*i],
 * with *value set and *i moved past it; OPTIONS_END with *i at the first
 * operand; OPTIONS_ERROR after the one-line usage error. */
int next_option(const char *command, int argc, char **argv, int *i,
		const struct cli_option *table, const char **value);
/* The same, with the error's line (without "toolcap: ") written to
 * message instead of stderr. */
int next_option_message(const char *command, int argc, char **argv, int *i,
			const struct cli_option *table, const char **value,
			char *message, size_t size);

/* The name in names (NULL-terminated) nearest to word, or NULL when none
 * is near enough to be the one meant. */
const char *nearest_name(const char *word, const char *const *names);

/* 0 if family is a family id, else the one line (naming the nearest
 * id, or all of them) and EXIT_ERROR: a typo would only ever say no. */
int check_family_argument(const char *command, const char *family);

/* Read --tool= and --format= up to TOOL [ARG...]; 0 or an exit status. */
int parse_options(const char *command, int argc, char **argv,
		  struct options *opt);

/* TOOLCAP_TIMEOUT in milliseconds, or 0 (the library's default).  main()
 * has refused a bad value before any command runs. */
unsigned timeout_from_environment(void);
/* 0, or EXIT_ERROR after one line when TOOLCAP_TIMEOUT is set to
 * anything but decimal seconds from 0.001 to 3600. */
int check_timeout_environment(void);

/* The family id named by --tool, or NULL if it names a program. */
const char *family_option(const char *tool);

/* Run opt->command with its version flag and recognise the output. */
void run_version(const struct options *opt, struct version_run *p,
		 char *out, size_t out_size, char *err, size_t err_size);

/* Run the command of opt; 0 with p filled in, or the exit status:
 * EXIT_FALSE when the program is not installed (said on stderr unless
 * quiet_when_missing), EXIT_ERROR after the one line. */
int run_version_or_exit(const struct options *opt, struct version_run *p,
			int quiet_when_missing);

/* The one line on stderr for a version run that gave no version. */
void report_version_error(const struct version_run *p);

/* Print a version run's answer in a format; an exit status. */
int print_ident(const struct version_run *p, enum format format);

/* Commands: NAME is the word the user typed ("ge", "lt", ...). */
int cmd_version(const char *name, int argc, char **argv);
int cmd_parse(const char *name, int argc, char **argv);
int cmd_compare(const char *name, int argc, char **argv);
int cmd_is(const char *name, int argc, char **argv);
int cmd_vercmp(const char *name, int argc, char **argv);
int cmd_report(const char *name, int argc, char **argv);
int cmd_check(const char *name, int argc, char **argv);
int cmd_probe(const char *name, int argc, char **argv);
int cmd_explain(const char *name, int argc, char **argv);
int cmd_cache(const char *name, int argc, char **argv);
int cmd_prefetch(const char *name, int argc, char **argv);
int cmd_matrix(const char *name, int argc, char **argv);

/* The cache TOOLCAP_CACHE names, or NULL when it is off, refused (one
 * warning line on stderr) or invalid (one error line: exit 2). */
struct toolcap_cache *open_cache(struct toolcap_cache *cache);

#endif
