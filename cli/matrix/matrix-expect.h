/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The --expect assertions of `toolcap matrix` (grammar in matrix-expect.c). */
#ifndef TOOLCAP_MATRIX_EXPECT_H
#define TOOLCAP_MATRIX_EXPECT_H

#include "matrix.h"

struct expectation {
	const char *spec;   /* as written, for messages */
	char symbol[128];   /* without CONFIG_ */
	char value[256];
	const char *range;  /* NULL: every version */
};

/* Read SPEC; 0, or EXIT_ERROR after the one-line error. */
int expect_parse(const char *spec, struct expectation *e);
/* Is version v one of those the range is about? */
int expect_range_holds(const char *range, const struct matrix_version *v);
/* Does a .config value (NULL: absent) match the expected one? */
int expect_value_matches(const char *expected, const char *got);

#endif
