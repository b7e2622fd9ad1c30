// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap cache stats|clear: what the probe cache holds, and emptying it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *state_name(enum toolcap_cache_state state)
{
	switch (state) {
	case TOOLCAP_CACHE_ON: return "on";
	case TOOLCAP_CACHE_OFF: return "off";
	case TOOLCAP_CACHE_REFUSED: return "refused";
	case TOOLCAP_CACHE_INVALID: return "invalid";
	}
	return "?";
}

int cmd_cache(const char *name, int argc, char **argv)
{
	struct toolcap_cache cache;
	struct toolcap_cache_stats stats;
	unsigned long removed;
	enum toolcap_cache_state state;

	if (argc != 1 || (strcmp(argv[0], "stats") && strcmp(argv[0], "clear")))
		return usage_error(name, "stats or clear?");
	state = toolcap_cache_open(&cache, getenv("TOOLCAP_CACHE"));
	if (state == TOOLCAP_CACHE_INVALID) {
		fail("cache: %s", cache.why);
		return EXIT_ERROR;
	}
	if (strcmp(argv[0], "stats") == 0) {
		printf("directory: %s\nstate: %s\n",
		       cache.dir[0] ? cache.dir : "(none)", state_name(state));
		if (state != TOOLCAP_CACHE_ON) {
			printf("why: %s\n", cache.why);
			return EXIT_TRUE;
		}
		if (toolcap_cache_stats(&cache, &stats)) {
			fail("cache: %s: cannot read it", cache.dir);
			return EXIT_ERROR;
		}
		printf("entries: %lu\nbytes: %llu\n"
		       "temporary files left by killed writers: %lu\n"
		       "other files: %lu\n",
		       stats.entries, stats.bytes, stats.stray, stats.invalid);
		return EXIT_TRUE;
	}
	if (state != TOOLCAP_CACHE_ON) {
		if (state == TOOLCAP_CACHE_OFF)
			return EXIT_TRUE; /* nothing to clear */
		fail("cache: not clearing: %s", cache.why);
		return EXIT_ERROR;
	}
	if (toolcap_cache_clear(&cache, &removed)) {
		fail("cache: %s: cannot read it", cache.dir);
		return EXIT_ERROR;
	}
	printf("removed %lu files from %s\n", removed, cache.dir);
	return EXIT_TRUE;
}
