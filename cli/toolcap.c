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
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "../lib/families.h"

void fail(const char *fmt, ...)
{
	va_list ap;

	fputs("toolcap: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int usage_error(const char *command, const char *what)
{
	fail("%s: %s (see 'toolcap %s --help')", command, what, command);
	return EXIT_ERROR;
}

/* ------------------------------------------------------------------ */
/* Options                                                             */

static int parse_format(const char *value, enum format *format)
{
	static const char *const names[] = { "plain", "number", "int",
					     "kernel", "json" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(value, names[i]) == 0) {
			*format = (enum format)i;
			return 1;
		}
	return 0;
}

/* Edit distance, capped: names are short and one typo is what we catch. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t row[64], la = strlen(a), lb = strlen(b), i, j;

	if (la >= 64 || lb >= 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diagonal = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t above = row[j];
			size_t best = diagonal + (a[i - 1] != b[j - 1]);

			if (above + 1 < best)
				best = above + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diagonal = above;
		}
	}
	return row[lb];
}

const char *nearest_name(const char *word, const char *const *names)
{
	const char *best = NULL;
	size_t best_distance = (size_t)-1, i;
	/* One typo in three letters ("--nocache" for "--no-cache"); else
	 * the word inside a name ("lld" for "ld.lld"). */
	size_t limit = strlen(word) / 3 + 1;

	for (i = 0; names[i]; i++) {
		size_t d = edit_distance(word, names[i]);

		if (d < best_distance) {
			best = names[i];
			best_distance = d;
		}
	}
	if (best && best_distance <= limit)
		return best;
	for (i = 0; word[0] && word[1] && names[i]; i++)
		if (strstr(names[i], word))
			return names[i];
	return NULL;
}

int next_option(const char *command, int argc, char **argv, int *i,
		const struct cli_option *table, const char **value)
{
	const char *arg, *eq, *names[32], *near;
	char word[64];
	size_t len;
	int k;

	if (*i >= argc)
		return OPTIONS_END;
	arg = argv[*i];
	if (strcmp(arg, "--") == 0) {
		(*i)++;
		return OPTIONS_END;
	}
	if (strncmp(arg, "--", 2) != 0)
		return OPTIONS_END;
	eq = strchr(arg, '=');
	len = eq ? (size_t)(eq - arg) : strlen(arg);
	for (k = 0; table[k].name; k++) {
		if (strlen(table[k].name) != len ||
		    strncmp(arg, table[k].name, len) != 0)
			continue;
		if (!table[k].takes_value) {
			if (eq) {
				fail("%s: %s takes no value: \"%s\" (see 'toolcap %s --help')",
				     command, table[k].name, arg, command);
				return OPTIONS_ERROR;
			}
			*value = NULL;
			(*i)++;
			return k;
		}
		if (eq) {
			*value = eq + 1;
			(*i)++;
			return k;
		}
		if (*i + 1 >= argc) {
			fail("%s: %s needs a value: %s=VALUE (see 'toolcap %s --help')",
			     command, table[k].name, table[k].name, command);
			return OPTIONS_ERROR;
		}
		*value = argv[*i + 1];
		*i += 2;
		return k;
	}
	for (k = 0; table[k].name && k < 31; k++)
		names[k] = table[k].name;
	names[k] = NULL;
	snprintf(word, sizeof(word), "%.*s", (int)len, arg);
	near = nearest_name(word, names);
	fail("%s: unknown option \"%s\"%s%s%s; a flag that starts with -- goes after --: toolcap %s [OPTIONS] -- %s",
	     command, word, near ? " (did you mean " : "", near ? near : "",
	     near ? "?)" : "", command, arg);
	return OPTIONS_ERROR;
}

/*
 * Read --tool, --program and --format up to the first word that is not an
 * option (or "--"); the rest is TOOL [ARG...], left unsplit so that
 * CC="ccache gcc" works unquoted.  Returns 0, or an exit status on error.
 */
static int check_family_argument(const char *command, const char *family);

int parse_options(const char *command, int argc, char **argv,
		  struct options *opt)
{
	static const struct cli_option table[] = {
		{ "--tool", 1 }, { "--program", 1 }, { "--format", 1 },
		{ NULL, 0 }
	};
	const char *value;
	int i = 0, k;

	while ((k = next_option(command, argc, argv, &i, table, &value)) >= 0) {
		if (k == 0)
			opt->tool = value;
		else if (k == 1)
			opt->program = value;
		else if (!parse_format(value, &opt->format)) {
			fail("%s: unknown --format \"%s\" (plain, number, int, kernel or json)",
			     command, value);
			return EXIT_ERROR;
		}
	}
	if (k == OPTIONS_ERROR)
		return EXIT_ERROR;
	/* --tool=bogus would be read as no family at all: a typo to say. */
	if (opt->tool && check_family_argument(command, opt->tool))
		return EXIT_ERROR;
	opt->command = argv + i;
	opt->command_len = argc - i;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Running and recognising                                             */

/*
 * Decimal seconds, as sleep(1) takes them: "10", "0.5", to the
 * millisecond.  No sign, unit or exponent: "3s" or "-1" is a mistake to
 * say, not 10 s to guess.  0 with *ms set, -1 when not so or out of
 * (0, max].
 */
static int parse_seconds(const char *text, unsigned max, unsigned *ms)
{
	unsigned long long thousandths = 0;
	const char *p = text;
	unsigned scale = 100;
	int digits = 0;

	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if (thousandths <= (unsigned long long)max * 1000)
			thousandths = thousandths * 10 +
				      (unsigned)(*p - '0') * 1000ull;
	if (*p == '.') {
		if (!(p[1] >= '0' && p[1] <= '9'))
			return -1;
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			thousandths += (unsigned)(*p - '0') * scale;
	}
	if (*p || !digits || thousandths == 0 ||
	    thousandths > (unsigned long long)max * 1000)
		return -1;
	*ms = (unsigned)thousandths;
	return 0;
}

int check_timeout_environment(void)
{
	const char *value = getenv("TOOLCAP_TIMEOUT");
	unsigned ms;

	if (!value || !*value || parse_seconds(value, 3600, &ms) == 0)
		return 0;
	fail("TOOLCAP_TIMEOUT: \"%s\" is not a time limit: give seconds from 0.001 to 3600 (10, 0.5), or unset it for 10",
	     value);
	return EXIT_ERROR;
}

unsigned timeout_from_environment(void)
{
	const char *value = getenv("TOOLCAP_TIMEOUT");
	unsigned ms;

	if (!value || !*value || parse_seconds(value, 3600, &ms) != 0)
		return 0;
	return ms;
}

const char *family_option(const char *tool)
{
	return toolcap_is_family(tool) ? tool : NULL;
}

/* Run TOOL [ARG...] with its version flag and recognise what it says. */
void probe_tool(const struct options *opt, struct probe *p,
		       char *out, size_t out_size, char *err, size_t err_size)
{
	const char *argv[TOOLCAP_VERSION_MAX_WORDS + 1];
	const char *family = family_option(opt->tool);
	const char *program = opt->program;
	struct toolcap_run_options run_options = {
		.timeout_ms = timeout_from_environment()
	};
	int i, n = opt->command_len;

	p->name = opt->command[0];
	p->asked = family;
	if (n > TOOLCAP_VERSION_MAX_WORDS) {
		p->error = TOOLCAP_ERR_USAGE;
		return;
	}
	if (!program && opt->tool && !family)
		program = opt->tool;
	for (i = 0; i < n; i++)
		argv[i] = opt->command[i];
	argv[n] = NULL;
	p->error = toolcap_version(argv, program, family, &run_options, out,
				   out_size, err, err_size, &p->ident, &p->run);
}

static int is_missing(const struct probe *p)
{
	return p->error == TOOLCAP_ERR_NOT_FOUND;
}

/* "12" or "12.2.0" and nothing else: what gcc -dumpversion prints. */
static int is_bare_number(const char *line)
{
	const char *s = line;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	while ((*s >= '0' && *s <= '9') || *s == '.')
		s++;
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/* The one line on stderr for a probe that did not give a version. */
void report_error(const struct probe *p)
{
	const char *name = p->name;

	switch (p->error) {
	case TOOLCAP_ERR_NOT_FOUND:
	case TOOLCAP_ERR_NOT_EXECUTABLE:
	case TOOLCAP_ERR_SYSTEM:
		fail("%s: %s: %s", name, toolcap_strerror(p->error),
		     strerror(p->run.sys_errno ? p->run.sys_errno : ENOENT));
		return;
	case TOOLCAP_ERR_TIMED_OUT:
		fail("%s: timed out and was killed (TOOLCAP_TIMEOUT); it printed: \"%s\"",
		     name, p->ident.line);
		return;
	case TOOLCAP_ERR_SIGNALED:
		fail("%s: killed by signal %d; it printed: \"%s\"", name,
		     p->run.signal, p->ident.line);
		return;
	case TOOLCAP_ERR_WRONG_FAMILY:
		fail("%s: is not %s but %s: it says \"%s\"", name, p->asked,
		     p->ident.family, p->ident.line);
		return;
	case TOOLCAP_ERR_USAGE:
		fail("%s: a command of more than %d words", name,
		     TOOLCAP_VERSION_MAX_WORDS);
		return;
	case TOOLCAP_ERR_FAILED:
		/* What a failed run prints is an error, whatever number it
		 * holds; show it, so the user sees what to fix. */
		fail("%s: exited with status %d, so what it printed is no version: \"%s\"",
		     name, p->run.exit_status, p->ident.line);
		return;
	default:
		break;
	}
	if (is_bare_number(p->ident.line))
		/* gcc -dumpversion says "12"; a macOS gcc, which is clang,
		 * says "4.2.1" or its own version: a bare number does not
		 * say which tool printed it, nor always the whole release. */
		fail("%s: \"%s\" is a bare number that does not say which tool printed it: give what TOOL --version prints",
		     name, p->ident.line);
	else if (!p->ident.line[0])
		fail("%s: printed nothing%s", name,
		     p->run.exit_status > 0 ? " and exited with an error" : "");
	else if (p->run.exit_status > 0)
		fail("%s: exited with status %d and printed no version we recognise: \"%s\"",
		     name, p->run.exit_status, p->ident.line);
	else
		fail("%s: printed no version we recognise: \"%s\"", name,
		     p->ident.line);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */

void print_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", (unsigned char)*s);
		else
			putchar(*s);
	}
	putchar('"');
}

static void print_json(const struct probe *p)
{
	unsigned long long value;
	char kernel[64];

	printf("{\"tool\":");
	print_json_string(p->name);
	printf(",\"family\":");
	print_json_string(p->ident.family);
	printf(",\"known_family\":%s,\"version\":",
	       p->ident.known_family ? "true" : "false");
	print_json_string(p->ident.version);
	printf(",\"suffix\":");
	print_json_string(p->ident.suffix);
	printf(",\"kernel\":");
	if (toolcap_kernel_text(&p->ident, kernel, sizeof(kernel)) == TOOLCAP_OK)
		print_json_string(kernel);
	else
		printf("null");
	printf(",\"int\":");
	if (toolcap_kernel_int(&p->ident, &value) == TOOLCAP_OK)
		printf("%llu", value);
	else
		printf("null");
	printf(",\"text\":");
	print_json_string(p->ident.line);
	printf("}\n");
}

int print_ident(const struct probe *p, enum format format)
{
	unsigned long long value;
	char kernel[64];
	enum toolcap_error e;

	switch (format) {
	case FORMAT_PLAIN:
		printf("%s %s\n", p->ident.family, p->ident.version);
		break;
	case FORMAT_NUMBER:
		printf("%s\n", p->ident.version);
		break;
	case FORMAT_INT:
		e = toolcap_kernel_int(&p->ident, &value);
		if (e) {
			fail("%s: version %s cannot be encoded as an integer: \"%s\"",
			     p->name, p->ident.version, p->ident.line);
			return EXIT_ERROR;
		}
		printf("%llu\n", value);
		break;
	case FORMAT_KERNEL:
		e = toolcap_kernel_text(&p->ident, kernel, sizeof(kernel));
		if (e) {
			fail("%s: the kernel has no version script for %s: \"%s\"",
			     p->name, p->ident.family, p->ident.line);
			return EXIT_ERROR;
		}
		printf("%s\n", kernel);
		break;
	case FORMAT_JSON:
		print_json(p);
		break;
	}
	return EXIT_TRUE;
}

/* ------------------------------------------------------------------ */
/* Commands                                                            */

static char out_buf[TOOLCAP_DEFAULT_OUTPUT_CAP];
static char err_buf[TOOLCAP_DEFAULT_OUTPUT_CAP];

/* Probe the command of opt; 0 with p filled in, or the exit status. */
static int probe_or_exit(const struct options *opt, struct probe *p,
			 int quiet_when_missing)
{
	if (opt->command_len == 0 || !opt->command[0][0]) {
		/* $(PAHOLE) expanded to nothing: no such tool. */
		p->error = TOOLCAP_ERR_NOT_FOUND;
		return EXIT_FALSE;
	}
	probe_tool(opt, p, out_buf, sizeof(out_buf), err_buf, sizeof(err_buf));
	if (p->error == TOOLCAP_OK)
		return 0;
	if (is_missing(p)) {
		if (!quiet_when_missing)
			report_error(p);
		return EXIT_FALSE;
	}
	report_error(p);
	return EXIT_ERROR;
}

int cmd_version(const char *name, int argc, char **argv)
{
	(void)name;
	struct options opt = { 0 };
	struct probe p = { 0 };
	int status = parse_options("version", argc, argv, &opt);
	int kconfig_format;

	if (status)
		return status;
	kconfig_format = opt.format == FORMAT_INT || opt.format == FORMAT_KERNEL;
	status = probe_or_exit(&opt, &p, kconfig_format);
	if (status == EXIT_FALSE && kconfig_format)
		puts("0"); /* an int symbol must never get empty text */
	if (status)
		return status;
	return print_ident(&p, opt.format);
}

int cmd_parse(const char *name, int argc, char **argv)
{
	(void)name;
	struct options opt = { 0 };
	struct probe p = { 0 };
	const char *family, *program;
	size_t len = 0, n;
	int status = parse_options("parse", argc, argv, &opt);

	if (status)
		return status;
	if (opt.command_len)
		return usage_error("parse", "reads the version text on stdin; no TOOL");
	while (len < sizeof(out_buf) &&
	       (n = fread(out_buf + len, 1, sizeof(out_buf) - len, stdin)) > 0)
		len += n;
	family = family_option(opt.tool);
	program = opt.program ? opt.program : family ? NULL : opt.tool;
	p.name = opt.program ? opt.program : opt.tool ? opt.tool : "stdin";
	p.asked = family;
	p.error = toolcap_identify(out_buf, len, program, family, &p.ident);
	if (p.error) {
		report_error(&p);
		return EXIT_ERROR;
	}
	return print_ident(&p, opt.format);
}

int check_version_argument(const char *command, const char *version)
{
	if (!version || !(version[0] >= '0' && version[0] <= '9')) {
		fail("%s: \"%s\" is not a version (it must start with a digit)",
		     command, version ? version : "");
		return EXIT_ERROR;
	}
	return 0;
}

int cmd_compare(const char *command, int argc, char **argv)
{
	struct options opt = { 0 };
	struct probe p = { 0 };
	int status, cmp;

	if (argc < 1)
		return usage_error(command, "needs VERSION TOOL [ARG...]");
	status = check_version_argument(command, argv[0]);
	if (status)
		return status;
	status = parse_options(command, argc - 1, argv + 1, &opt);
	if (status)
		return status;
	status = probe_or_exit(&opt, &p, 1);
	if (status)
		return status;
	cmp = toolcap_vercmp(p.ident.version, argv[0]);
	if (strcmp(command, "ge") == 0) return cmp >= 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "gt") == 0) return cmp > 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "le") == 0) return cmp <= 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "lt") == 0) return cmp < 0 ? EXIT_TRUE : EXIT_FALSE;
	if (strcmp(command, "eq") == 0) return cmp == 0 ? EXIT_TRUE : EXIT_FALSE;
	return cmp != 0 ? EXIT_TRUE : EXIT_FALSE;
}

/* The family ids toolcap knows, from the library's one table of rules. */
static const char *const *family_names(void)
{
	static const char *names[64];
	size_t i, j, n = 0;

	if (names[0])
		return names;
	for (i = 0; i < family_rule_count && n + 1 < 64; i++) {
		const char *family = family_rules[i].family;

		if (!family || !toolcap_is_family(family))
			continue;
		for (j = 0; j < n && strcmp(names[j], family); j++)
			;
		if (j == n)
			names[n++] = family;
	}
	return names;
}

/* A typo in FAMILY ("lld") would only ever answer "no": say so. */
static int check_family_argument(const char *command, const char *family)
{
	const char *const *names = family_names();
	const char *near;
	char list[512];
	size_t i, len = 0;

	if (toolcap_is_family(family))
		return 0;
	near = nearest_name(family, names);
	if (near) {
		fail("%s: unknown family \"%s\" (did you mean %s?)", command,
		     family, near);
		return EXIT_ERROR;
	}
	for (i = 0; names[i] && len < sizeof(list); i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
					i ? " " : "", names[i]);
	fail("%s: unknown family \"%s\" (families: %s)", command, family,
	     list);
	return EXIT_ERROR;
}

int cmd_is(const char *name, int argc, char **argv)
{
	(void)name;
	struct options opt = { 0 };
	struct probe p = { 0 };
	int status;

	if (argc < 1)
		return usage_error("is", "needs FAMILY TOOL [ARG...]");
	status = check_family_argument("is", argv[0]);
	if (status)
		return status;
	status = parse_options("is", argc - 1, argv + 1, &opt);
	if (status)
		return status;
	status = probe_or_exit(&opt, &p, 1);
	if (status)
		return status;
	return strcmp(p.ident.family, argv[0]) == 0 ? EXIT_TRUE : EXIT_FALSE;
}

int cmd_vercmp(const char *name, int argc, char **argv)
{
	(void)name;
	static const struct cli_option no_options[] = { { NULL, 0 } };
	const char *value;
	int cmp, i = 0, k;

	/* No options, but "--x" is a typo to say, not a version. */
	if (next_option("vercmp", argc, argv, &i, no_options, &value) ==
	    OPTIONS_ERROR)
		return EXIT_ERROR;
	if (argc - i != 2)
		return usage_error("vercmp", "needs two versions");
	/* "" or "abc" holds no version: comparing it would be a guess. */
	for (k = i; k < i + 2; k++)
		if (!argv[k][strcspn(argv[k], "0123456789")]) {
			fail("vercmp: \"%s\" is not a version (it has no digit)",
			     argv[k]);
			return EXIT_ERROR;
		}
	cmp = toolcap_vercmp(argv[i], argv[i + 1]);
	puts(cmp < 0 ? "<" : cmp > 0 ? ">" : "=");
	return EXIT_TRUE;
}

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
