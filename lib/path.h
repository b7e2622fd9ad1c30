/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Finding programs on PATH.  Internal to libtoolcap. */
#ifndef TOOLCAP_PATH_H
#define TOOLCAP_PATH_H

#include <stddef.h>

#include "toolcap.h"

/*
 * Find name as execvp would (on PATH unless it holds a '/'; an empty
 * PATH entry is ".") and write the file's path to path.  Returns
 * TOOLCAP_OK, TOOLCAP_ERR_NOT_FOUND or TOOLCAP_ERR_NOT_EXECUTABLE (a
 * directory, no execute bit), with the errno behind it in *err.
 */
enum toolcap_error find_program(const char *name, char *path, size_t size,
				int *err);

#endif
