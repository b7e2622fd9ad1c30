// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The stand-in tools of `toolcap matrix`: a small program that prints
 * what a family's real --version prints, with the version asked for.
 * A Kconfig tree reads that text through its own scripts (pahole-version.sh,
 * ld-version.sh, toolcap's macros...), so the text must have the shape real
 * tools give: each template below is a recorded output under tests/ with
 * only the version replaced, and names the file it was taken from.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "matrix.h"

static const struct matrix_template templates[] = {
	/* tests/samples/pahole/pub-pahole-v1.16.out, and every v* sample
	 * beside it: pahole prints its DWARVES_VERSION, "v%u.%u".
	 * The git build: tests/fixtures/pahole-git-describe.out, a fixture
	 * and not a captured output (its .meta says why), offered because a
	 * git-describe suffix is what breaks the kernel's pahole-version.sh. */
	{ "pahole", "pahole", "v", "\n", "v", "-5-g8b3f1a2\n" },
	/* tests/samples/gcc/pub-gcc-archlinux-11.1.out (first line only, as
	 * recorded).  No recorded gcc from git. */
	{ "gcc", "gcc", "gcc (GCC) ", "\n", NULL, NULL },
	/* tests/samples/clang/pub-clang-clearlinux-10.0.0.out; from git:
	 * tests/samples/clang/pub-clang-git-12.0.0.out. */
	{ "clang", "clang", "clang version ",
	  "\nTarget: x86_64-generic-linux\nThread model: posix\nInstalledDir: /usr/bin\n",
	  "clang version ",
	  " (https://github.com/llvm/llvm-project.git 6c7d713cf5d9bb188f1e73452a256386f0288bf7)\n"
	  "Target: x86_64-unknown-linux-gnu\nThread model: posix\n" },
	/* tests/samples/ld.bfd/pub-ld.bfd-arch-2.36.1.out (first line). */
	{ "ld.bfd", "ld", "GNU ld (GNU Binutils) ", "\n", NULL, NULL },
	/* tests/samples/ld.lld/pub-ld.lld-14.0.0-novendor.out; from git:
	 * tests/samples/ld.lld/pub-ld.lld-7.0.0-git-mirror.out. */
	{ "ld.lld", "ld.lld", "LLD ", " (compatible with GNU linkers)\n",
	  "LLD ",
	  " (http://llvm.org/git/lld.git 4a0e4190e74cea19f8a8dc625ccaebdf8b5d1585) (compatible with GNU linkers)\n" },
	/* tests/samples/gas/pub-gas-arch-2.41.0.out (first line). */
	{ "gas", "as", "GNU assembler (GNU Binutils) ", "\n", NULL, NULL },
	/* tests/samples/rustc/pub-rustc-1.57.0.out: the hash and date are
	 * 1.57.0's; no script reads them. */
	{ "rustc", "rustc", "rustc ", " (f1edd0429 2021-11-29)\n", NULL, NULL },
	/* tests/samples/bindgen/pub-bindgen-0.59.2.out */
	{ "bindgen", "bindgen", "bindgen ", "\n", NULL, NULL },
};

#define N_TEMPLATES (sizeof(templates) / sizeof(templates[0]))

/* By family id, or by a program name that says its family ("ld", "as"). */
const struct matrix_template *matrix_template(const char *name)
{
	const char *family = toolcap_is_family(name) ? name
			     : toolcap_program_family(name);
	size_t i;

	for (i = 0; family && i < N_TEMPLATES; i++)
		if (strcmp(templates[i].family, family) == 0)
			return &templates[i];
	return NULL;
}

void matrix_template_names(char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < N_TEMPLATES && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					i ? ", " : "", templates[i].family);
}

static int write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");
	int ok;

	if (!f) {
		fail("matrix: cannot write %s: %s", path, strerror(errno));
		return EXIT_ERROR;
	}
	ok = fputs(text, f) >= 0;
	ok = (fclose(f) == 0) && ok;
	if (!ok || chmod(path, mode) != 0) {
		fail("matrix: cannot write %s: %s", path, strerror(errno));
		return EXIT_ERROR;
	}
	return 0;
}

/*
 * DIR/PROGRAM, a sh script answering the family's version flag from
 * DIR/PROGRAM.version.  Anything else fails loudly: a stand-in is not
 * the tool, and a tree probing, say, $(CC) for an option must not read
 * "supported" from it.  Labels were checked to be [A-Za-z0-9._+~-] and
 * the flags are toolcap's own, so nothing here needs quoting.
 */
int matrix_write_standin(const struct matrix_template *t,
			 const struct matrix_version *v, const char *dir,
			 char *path, size_t path_size)
{
	const char *const *flags = toolcap_version_args(t->program, t->family);
	char text[1024], script[2048], file[PATH_MAX + 16], cases[128] = "";
	size_t len = 0;
	int i;

	if ((size_t)snprintf(path, path_size, "%s/%s", dir, t->program) >= path_size) {
		fail("matrix: scratch path too long: \"%s\"", dir);
		return EXIT_ERROR;
	}
	if (v->missing)
		return 0;
	for (i = 0; flags[i]; i++)
		len += (size_t)snprintf(cases + len, sizeof(cases) - len,
					"%s%s", i ? "|" : "", flags[i]);
	snprintf(text, sizeof(text), "%s%s%s",
		 v->git ? t->git_before : t->before, v->release,
		 v->git ? t->git_after : t->after);
	snprintf(script, sizeof(script),
		 "#!/bin/sh\n"
		 "# toolcap matrix: a stand-in for %s %s; prints %s.version.\n"
		 "for a do\n"
		 "\tcase $a in %s) exec cat \"$0.version\" ;; esac\n"
		 "done\n"
		 "echo '%s: a toolcap matrix stand-in for %s %s: it only answers %s' >&2\n"
		 "exit 1\n",
		 t->family, v->label, t->program, cases, t->program, t->family,
		 v->label, cases);
	snprintf(file, sizeof(file), "%s.version", path);
	if (write_file(file, text, 0644) || write_file(path, script, 0755))
		return EXIT_ERROR;
	return 0;
}
