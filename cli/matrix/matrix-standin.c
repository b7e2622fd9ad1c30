// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The stand-in tools of `toolcap matrix`: a small program that prints
 * what a family's real --version prints, with the version asked for.
 * A Kconfig tree reads that text through its own scripts (pahole-version.sh,
 * ld-version.sh, toolcap's macros...), so the text must have the shape real
 * tools give: each family's stand-in shape is a recorded output under
 * tests/ with only the version replaced (lib/families.c names the file).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "matrix.h"

/* By family id, or by a program name that says its family ("ld", "as").
 * One matrix runs per process: the answer is kept in one static. */
const struct toolcap_standin *matrix_template(const char *name)
{
	static struct toolcap_standin found;
	const char *family = toolcap_is_family(name) ? name
			     : toolcap_program_family(name);

	return toolcap_family_standin(family, &found) ? &found : NULL;
}

void matrix_template_names(char *buf, size_t size)
{
	struct toolcap_standin unused;
	const char *family;
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; (family = toolcap_family_at(i)) && len < size; i++)
		if (toolcap_family_standin(family, &unused))
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
						len ? ", " : "", family);
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
int matrix_write_standin(const struct toolcap_standin *t,
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
