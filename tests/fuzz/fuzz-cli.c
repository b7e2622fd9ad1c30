// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libFuzzer target: the toolcap command line itself.  cli/toolcap.c
 * is built with -Dmain=toolcap_main together with every cmd-*.c and
 * matrix-*.c, and each input becomes an argv: its words are separated by
 * newlines or NUL bytes, after "toolcap"; a word "*N" (N a digit) stands
 * for 2^N more copies of the word before it, so that long argument lists
 * are one mutated byte away: coverage does not grow with their length,
 * so the fuzzer would not get there step by step, and a bound on how
 * many arguments a command keeps is what fails there (`toolcap check cc
 * cc cc ...` overflowed a heap buffer).
 *
 * Nothing real is run: PATH, the current directory and srctree are an
 * empty scratch directory, a '/' in a word becomes '_' (no path can name
 * a program or a file outside it), the cache is off and stdin is
 * /dev/null.  Tools are then "not installed", files missing and Kconfig
 * trees absent, which is what the argument handling has to survive.
 *
 * The contract checked on every input: the exit status is 0, 1 or 2;
 * every line on stderr starts with "toolcap: "; exit 2 comes with
 * exactly one such line.  Anything else aborts, so the fuzzer keeps the
 * input.
 */
#include <fcntl.h>
#include <sanitizer/common_interface_defs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(cond, why) do { if (!(cond)) { \
	dprintf(report_fd, "fuzz-cli: %s:%d: broken: %s (%s); stderr was:\n%s\n", \
		__FILE__, __LINE__, #cond, why, err_text); abort(); } } while (0)

#define MAX_WORDS 1024

int toolcap_main(int argc, char **argv);

static int report_fd = 2, err_fd = -1, home_fd = -1;
static char scratch[] = "/tmp/toolcap-fuzz-cli-XXXXXX";
static char err_text[8192];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int null_fd;

	(void)argc;
	(void)argv;
	/* toolcap runs in the scratch directory; libFuzzer reads its inputs
	 * and writes its findings from here. */
	home_fd = open(".", O_RDONLY | O_DIRECTORY);
	if (!mkdtemp(scratch) || home_fd < 0)
		abort();
	setenv("PATH", scratch, 1);
	setenv("srctree", scratch, 1);
	setenv("TOOLCAP_CACHE", "off", 1);
	setenv("TOOLCAP_TIMEOUT", "1", 1);
	unsetenv("CC");
	unsetenv("LD");
	unsetenv("TOOLCAP");
	null_fd = open("/dev/null", O_RDWR);
	if (null_fd < 0 || dup2(null_fd, 0) < 0 || dup2(null_fd, 1) < 0)
		abort();
	/* What toolcap prints on stderr is read back; a sanitizer's report
	 * and ours go to the real stderr. */
	report_fd = dup(2);
	__sanitizer_set_report_fd((void *)(intptr_t)report_fd);
	err_fd = openat(open(scratch, O_RDONLY | O_DIRECTORY), ".stderr",
			O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (report_fd < 0 || err_fd < 0)
		abort();
	return 0;
}

/* Run toolcap_main with stderr into the scratch file; what it wrote. */
static int run(int argc, char **argv)
{
	ssize_t n;
	int status;

	if (ftruncate(err_fd, 0) != 0 || lseek(err_fd, 0, SEEK_SET) != 0 ||
	    dup2(err_fd, 2) < 0 || chdir(scratch) != 0)
		abort();
	status = toolcap_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(report_fd, 2);
	if (fchdir(home_fd) != 0)
		abort();
	n = pread(err_fd, err_text, sizeof(err_text) - 1, 0);
	err_text[n > 0 ? n : 0] = '\0';
	return status;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char text[4096];
	char *argv[MAX_WORDS + 2], *p, *line;
	int argc = 0, status, lines = 0, usage;
	size_t i;

	if (size >= sizeof(text))
		return 0;
	for (i = 0; i < size; i++)
		text[i] = data[i] == '/' ? '_' : data[i] == '\n' ? '\0'
							   : (char)data[i];
	text[size] = '\0';
	argv[argc++] = "toolcap";
	for (p = text; p < text + size && argc <= MAX_WORDS; p += strlen(p) + 1) {
		long copies = 0;

		if (p[0] == '*' && p[1] >= '0' && p[1] <= '9' && !p[2] && argc > 1)
			copies = 1L << (p[1] - '0');
		else
			argv[argc++] = p;
		while (copies-- > 0 && argc <= MAX_WORDS) {
			argv[argc] = argv[argc - 1];
			argc++;
		}
	}
	argv[argc] = NULL;
	/* Detached work outlives the input: nothing to check there. */
	for (i = 1; i < (size_t)argc; i++)
		if (strcmp(argv[i], "--background") == 0)
			return 0;

	status = run(argc, argv);
	CHECK(status >= 0 && status <= 2, "exit status");
	/* Help goes to stdout (exit 0) or, without a command, to stderr. */
	usage = argc < 2 && status == 2;
	for (line = err_text; *line && !usage; line = strchr(line, '\n') + 1) {
		CHECK(strncmp(line, "toolcap: ", 9) == 0, "a line not ours");
		CHECK(strchr(line, '\n'), "a line without its newline");
		lines++;
	}
	CHECK(usage || status != 2 || lines == 1, "exit 2 without exactly one line");
	return 0;
}
