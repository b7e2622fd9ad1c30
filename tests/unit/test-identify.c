// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap_identify() on inputs the fuzzers of tests/fuzz/ found wrong,
 * kept here so that make check holds what they taught us.
 */
#include <stdio.h>
#include <string.h>

#include "toolcap.h"
#include "tap.h"

static enum toolcap_error identify(const char *text, const char *program,
				   const char *family,
				   struct toolcap_ident *id)
{
	return toolcap_identify(text, strlen(text), program, family, id);
}

/* A program name is a file name and may hold any byte; the family made
 * of it is printable, like everything else identify returns. */
static void family_from_program_is_printable(void)
{
	struct toolcap_ident id;
	enum toolcap_error e;

	e = identify("mksquashfs version 4.5.1 (2022/03/17)\n",
		     "/usr/bin/mksq\377uash\001fs", NULL, &id);
	CHECK(e == TOOLCAP_OK && strcmp(id.family, "mksq?uash?fs") == 0 &&
	      strcmp(id.version, "4.5.1") == 0,
	      "a program named with bytes \\377 and \\001 is family \"%s\"",
	      id.family);
}

/* A program path with no file name names nothing: as if none was given. */
static void program_without_file_name(void)
{
	static const char text[] = "GNU Make 4.3\n";
	struct toolcap_ident id, none;
	enum toolcap_error e;

	e = identify(text, "/usr/bin/", NULL, &id);
	identify(text, NULL, NULL, &none);
	CHECK(e == TOOLCAP_OK && strcmp(id.family, none.family) == 0 &&
	      strcmp(id.family, "make") == 0,
	      "program \"/usr/bin/\": family \"%s\", as with none", id.family);
}

/* A release of 63 characters fits toolcap_ident; one of 64 was cut to a
 * wrong version ending in '.', and is now no version at all. */
static void release_too_long(void)
{
	char line[128], want[TOOLCAP_VERSION_MAX];
	struct toolcap_ident id;
	enum toolcap_error e;

	memset(want, '2', sizeof(want));
	want[0] = '1';
	want[1] = '.';
	want[TOOLCAP_VERSION_MAX - 1] = '\0';
	snprintf(line, sizeof(line), "gcc (GCC) %s 20210514\n", want);
	e = identify(line, NULL, NULL, &id);
	CHECK(e == TOOLCAP_OK && strcmp(id.version, want) == 0,
	      "a release of %d characters is read whole", TOOLCAP_VERSION_MAX - 1);
	snprintf(line, sizeof(line), "gcc (GCC) %s2 20210514\n", want);
	e = identify(line, NULL, NULL, &id);
	CHECK(e == TOOLCAP_ERR_UNRECOGNISED,
	      "a release of %d characters is not cut to a wrong one (got %s \"%s\")",
	      TOOLCAP_VERSION_MAX, toolcap_strerror(e), id.version);
}

/*
 * A line no rule recognises, whose first word is a family id or one of a
 * family's programs, is not that family: known_family would be 0 for a
 * family id, and a caller asking "is it gcc?" would hear yes.
 */
static void name_is_no_family_guess(const char *text)
{
	struct toolcap_ident id;
	enum toolcap_error e = identify(text, NULL, NULL, &id);

	CHECK(e == TOOLCAP_ERR_UNRECOGNISED && id.family[0] == '\0',
	      "\"%s\" with no program: no family guessed (got %s \"%s\")",
	      text, toolcap_strerror(e), id.family);
}

/* toolcap_version(): a run that fails is not a version, even when what
 * it printed is a real version line; one stopped at the cap still is. */
static void failed_run_is_no_version(void)
{
	static const char *const fails[] = {
		"sh", "-c", "echo 'gcc (GCC) 9.3.0'; exit 127", "sh", NULL
	};
	static const char *const works[] = {
		"sh", "-c", "echo 'gcc (GCC) 9.3.0'", "sh", NULL
	};
	static char out[4096], err[4096];
	struct toolcap_ident id;
	struct toolcap_run_result run;
	enum toolcap_error e;

	e = toolcap_version(fails, NULL, NULL, NULL, out, sizeof(out), err,
			    sizeof(err), &id, &run);
	CHECK(e == TOOLCAP_ERR_FAILED && run.exit_status == 127 &&
	      strcmp(id.line, "gcc (GCC) 9.3.0") == 0 && !id.version[0],
	      "exit 127 after \"gcc (GCC) 9.3.0\": %s, status %d, line \"%s\"",
	      toolcap_strerror(e), run.exit_status, id.line);
	e = toolcap_version(works, NULL, NULL, NULL, out, sizeof(out), err,
			    sizeof(err), &id, &run);
	CHECK(e == TOOLCAP_OK && strcmp(id.family, "gcc") == 0 &&
	      strcmp(id.version, "9.3.0") == 0,
	      "exit 0 with \"gcc (GCC) 9.3.0\": %s %s %s",
	      toolcap_strerror(e), id.family, id.version);
	e = toolcap_version(NULL, NULL, NULL, NULL, out, sizeof(out), err,
			    sizeof(err), &id, &run);
	CHECK(e == TOOLCAP_ERR_USAGE, "NULL argv: %s", toolcap_strerror(e));
}

/* toolcap_first_line(): what an error message quotes of a tool. */
static void first_line_is_printable_and_bounded(void)
{
	static const char text[] = "\n  \t\r\ngcc: \033[1merror\033[m: x\xc3\xa9\nmore\n";
	char buf[32], tiny[4];

	memset(buf, 'X', sizeof(buf));
	toolcap_first_line(text, sizeof(text) - 1, buf, sizeof(buf));
	CHECK(strcmp(buf, "gcc: ?[1merror?[m: x??") == 0,
	      "the first line with something on it, printable: \"%s\"", buf);
	toolcap_first_line(text, sizeof(text) - 1, tiny, sizeof(tiny));
	CHECK(strcmp(tiny, "gcc") == 0, "cut to the buffer: \"%s\"", tiny);
	memset(buf, 'X', sizeof(buf));
	toolcap_first_line("\n \n", 3, buf, sizeof(buf));
	CHECK(buf[0] == '\0', "only blank lines: \"\"");
	toolcap_first_line(NULL, 5, buf, sizeof(buf));
	CHECK(buf[0] == '\0', "NULL text: \"\"");
	toolcap_first_line(text, sizeof(text) - 1, NULL, 8);
	toolcap_first_line(text, sizeof(text) - 1, buf, 0);
	CHECK(1, "NULL or empty buffer: nothing written, no crash");
}

int main(void)
{
	first_line_is_printable_and_bounded();
	failed_run_is_no_version();
	family_from_program_is_printable();
	program_without_file_name();
	release_too_long();
	name_is_no_family_guess("clang vepc (ICC) 12.1.5 20120612");
	name_is_no_family_guess("gcc 1.2");
	name_is_no_family_guess("ld 1.2");
	return tap_failures != 0;
}
