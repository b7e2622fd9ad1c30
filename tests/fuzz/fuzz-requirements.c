// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libFuzzer target: the requirements-file reader of `toolcap check`
 * (cli/cmd-check-requirements.c), on any bytes, read from memory
 * through fmemopen() and read_requirements_stream().
 *
 * A file is read whole or refused with exactly one message, one line,
 * that names the file (left in list.message: the reader prints nothing);
 * every requirement read is well formed and its command splits into
 * words; and the minimum for any family is one of the versions written.
 * Anything else aborts, so the fuzzer keeps the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check-requirements.h"

#define CHECK(cond) do { if (!(cond)) { \
	fprintf(stderr, "fuzz-requirements: %s:%d: broken: %s\n", \
		__FILE__, __LINE__, #cond); abort(); } } while (0)

#define SOURCE "fuzz.req"

/* $(VAR) comes from the environment: give the expansions something to
 * find, empty and not. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("CC", "ccache gcc", 1);
	setenv("PAHOLE", "", 1);
	setenv("CROSS_COMPILE", "aarch64-linux-gnu-", 1);
	unsetenv("LD");
	return 0;
}

static int terminated(const char *buf, size_t size)
{
	return memchr(buf, '\0', size) != NULL;
}

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
	       c == '+';
}

static void check_requirement(const struct requirement *r, unsigned last)
{
	static const char *const families[] = {
		NULL, "gcc", "clang", "ld.bfd", "pahole", "", "g", "gcc:5",
	};
	char buf[REQUIREMENT_MINIMUM_MAX], tiny[4];
	const char *p, *min;
	size_t i;

	CHECK(terminated(r->name, sizeof(r->name)) && r->name[0]);
	for (p = r->name; *p; p++)
		CHECK(name_char(*p));
	CHECK(terminated(r->minimum, sizeof(r->minimum)) && r->minimum[0]);
	CHECK(strcmp(r->minimum, "any") == 0 ||
	      (r->minimum[0] >= '0' && r->minimum[0] <= '9') ||
	      requirement_has_family_list(r));
	CHECK(terminated(r->command, sizeof(r->command)) && r->command[0]);
	CHECK(terminated(r->expanded, sizeof(r->expanded)));
	CHECK(r->optional == 0 || r->optional == 1);
	{
		char words[REQUIREMENT_COMMAND_MAX];
		char *argv[REQUIREMENT_ARGV_MAX + 1];
		int argc = requirement_argv(r, words, argv);

		CHECK(argc >= 0 && argc <= REQUIREMENT_ARGV_MAX);
		CHECK(argv[argc] == NULL);
	}
	CHECK(r->source && strcmp(r->source, SOURCE) == 0);
	CHECK(r->line > last);
	for (i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		memset(buf, 'X', sizeof(buf));
		min = requirement_minimum_for(r, families[i], buf, sizeof(buf));
		if (!min)
			continue;
		CHECK(min == buf || min == r->minimum || *min == '\0');
		CHECK(terminated(min, REQUIREMENT_MINIMUM_MAX));
		/* What a FAMILY: entry gives starts with a digit. */
		CHECK(min != buf || (buf[0] >= '0' && buf[0] <= '9'));
		/* A buffer too small gives nothing rather than a part. */
		memset(tiny, 'X', sizeof(tiny));
		min = requirement_minimum_for(r, families[i], tiny,
					      sizeof(tiny));
		CHECK(min != tiny || terminated(tiny, sizeof(tiny)));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct requirement_list list;
	unsigned last = 0;
	size_t i;
	FILE *f;
	int status;

	/* fmemopen() of nothing is an error in older C libraries; an
	 * empty file is read by the same loop as any other. */
	if (size == 0)
		return 0;
	f = fmemopen((void *)data, size, "r");
	CHECK(f != NULL);
	memset(&list, 0, sizeof(list));
	status = read_requirements_stream(f, SOURCE, &list);
	fclose(f);

	CHECK(status == 0 || status == EXIT_ERROR);
	CHECK(terminated(list.message, sizeof(list.message)));
	if (status) {
		CHECK(strncmp(list.message, "check: " SOURCE ":", 15) == 0 ||
		      strcmp(list.message, "check: out of memory reading requirements") == 0);
		CHECK(strchr(list.message, '\n') == NULL);
	} else {
		CHECK(list.message[0] == '\0');
	}
	CHECK(list.count <= list.allocated);
	for (i = 0; i < list.count; i++) {
		check_requirement(&list.items[i], last);
		last = list.items[i].line;
	}
	free(list.items);
	return 0;
}
