// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * An example of libtoolcap from C, built through pkg-config:
 *   probe [A B [TOOL [ARG...]]]
 * compares versions A and B (default "1.0-rc1" and "1.0"), then runs
 * TOOL (default cc) and says what it is.  Exit 0, or 2 when TOOL gave no
 * version.
 */
#include <stdio.h>

#include <toolcap.h>

/* Big enough for any --version; toolcap_run stops a tool that says more. */
static char out[TOOLCAP_DEFAULT_OUTPUT_CAP], err[TOOLCAP_DEFAULT_OUTPUT_CAP];

static int probe(const char *const *command)
{
	struct toolcap_run_result run;
	struct toolcap_ident id;
	char kernel[64];
	/* Runs COMMAND with its version flag, reads stdout then stderr, and
	 * sees through ccache and distcc. */
	enum toolcap_error e = toolcap_version(command, NULL, NULL, NULL,
					       out, sizeof(out), err,
					       sizeof(err), &id, &run);

	if (e) {
		fprintf(stderr, "probe: %s: %s\n", command[0],
			toolcap_strerror(e));
		return 2;
	}
	printf("%s: %s %s", command[0], id.family, id.version);
	if (toolcap_kernel_text(&id, kernel, sizeof(kernel)) == TOOLCAP_OK)
		printf(" (kernel: %s)", kernel);
	printf("\n");
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const default_tool[] = { "cc", NULL };
	const char *a = argc > 2 ? argv[1] : "1.0-rc1";
	const char *b = argc > 2 ? argv[2] : "1.0";
	int cmp = toolcap_vercmp(a, b);

	printf("%s %s %s\n", a, cmp < 0 ? "<" : cmp > 0 ? ">" : "=", b);
	return probe(argc > 3 ? (const char *const *)argv + 3 : default_tool);
}
