// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Reading what the user gave a command: its options (the one reader,
 * next_option), the family names it may ask for, and TOOLCAP_TIMEOUT.
 * A mistake in any of them is one line and exit 2, never a guess.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

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

/* The family ids toolcap knows, from the library's table. */
static const char *const *family_names(void)
{
	static const char *names[64];
	size_t n;

	if (!names[0])
		for (n = 0; n + 1 < 64 && toolcap_family_at(n); n++)
			names[n] = toolcap_family_at(n);
	return names;
}

/* A typo in FAMILY ("lld") would only ever answer "no": say so. */
int check_family_argument(const char *command, const char *family)
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
