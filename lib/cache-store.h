/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading and writing one cache entry: a key (any text) and the value
 * stored for it.  Internal to libtoolcap; the directory itself is opened
 * and checked by toolcap_cache_open() (lib/cache.c).
 */
#ifndef TOOLCAP_CACHE_STORE_H
#define TOOLCAP_CACHE_STORE_H

#include <stddef.h>

#include "toolcap.h"

/* The largest value an entry holds. */
#define CACHE_VALUE_MAX 4096

/*
 * Look key up.  1 and the value (NUL-terminated) when a whole entry for
 * exactly this key is there; 0 when there is none, or it is truncated,
 * corrupt or for another key (a later store replaces it).
 */
int cache_lookup(const struct toolcap_cache *cache, const char *key,
		 size_t key_len, char *value, size_t value_size);

/* Store value for key: a temporary file renamed into place.  Failing to
 * store (a full disk, a read-only directory) is not an error: the
 * answer is just not cached; 0 on success, -1 otherwise. */
int cache_store(const struct toolcap_cache *cache, const char *key,
		size_t key_len, const char *value);

#endif
