// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* The example project's program: says which compiler configure found. */
#include <stdio.h>

int main(void)
{
	printf("hello, built by %s\n", CC_VERSION);
	return 0;
}
