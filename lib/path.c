// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Finding a program on PATH the way execvp does, but saying why it is not
 * there: toolcap_run() needs it to run a tool, the probe cache to know
 * which file a tool's name stands for.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"

/* Classify a candidate path as execvp would see it. */
static enum toolcap_error check_executable(const char *path, int *err)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		*err = errno;
		return errno == ENOENT || errno == ENOTDIR
			       ? TOOLCAP_ERR_NOT_FOUND
			       : TOOLCAP_ERR_NOT_EXECUTABLE;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = EISDIR;
		return TOOLCAP_ERR_NOT_EXECUTABLE;
	}
	if (!S_ISREG(st.st_mode) || access(path, X_OK) != 0) {
		*err = EACCES;
		return TOOLCAP_ERR_NOT_EXECUTABLE;
	}
	return TOOLCAP_OK;
}

/* Find name on PATH like execvp, but say why it is not there. */
enum toolcap_error find_program(const char *name, char *path, size_t size,
				int *err)
{
	const char *dirs = getenv("PATH"), *p, *end;
	enum toolcap_error best = TOOLCAP_ERR_NOT_FOUND, e;
	size_t dir_len, name_len = strlen(name);

	*err = ENOENT;
	if (!*name)
		return TOOLCAP_ERR_NOT_FOUND;
	if (strchr(name, '/')) {
		if (name_len >= size) {
			*err = ENAMETOOLONG;
			return TOOLCAP_ERR_NOT_FOUND;
		}
		memcpy(path, name, name_len + 1);
		return check_executable(path, err);
	}
	if (!dirs)
		dirs = "/usr/local/bin:/usr/bin:/bin";
	for (p = dirs;; p = end + 1) {
		int this_err;

		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dir_len = (size_t)(end - p);
		if (dir_len == 0) { /* an empty entry means "." */
			p = ".";
			dir_len = 1;
		}
		if (dir_len + 1 + name_len < size) {
			memcpy(path, p, dir_len);
			path[dir_len] = '/';
			memcpy(path + dir_len + 1, name, name_len + 1);
			e = check_executable(path, &this_err);
			if (e == TOOLCAP_OK)
				return TOOLCAP_OK;
			if (e == TOOLCAP_ERR_NOT_EXECUTABLE) {
				best = e;
				*err = this_err;
			}
		}
		if (!*end)
			return best;
	}
}

enum toolcap_error toolcap_find_program(const char *name, char *path,
					size_t size, int *err)
{
	int ignored;

	return find_program(name, path, size, err ? err : &ignored);
}
