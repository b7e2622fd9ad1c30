/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* A few lines of TAP-like output for the C unit tests: the runner counts
 * "ok - " and "not ok - " lines. */
#ifndef TOOLCAP_TAP_H
#define TOOLCAP_TAP_H

#include <stdio.h>

static int tap_failures;

#define CHECK(cond, ...)                                                   \
	do {                                                               \
		if (cond) {                                                \
			printf("ok - ");                                   \
		} else {                                                   \
			printf("not ok - ");                               \
			tap_failures++;                                    \
		}                                                          \
		printf(__VA_ARGS__);                                       \
		printf("\n");                                              \
	} while (0)

#endif
