// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The result cache: a directory of entries, one file per key.
 *
 * An entry is named by a 128-bit hash of its key and holds the whole key,
 * so a hash collision can only cost a miss, never give a wrong answer:
 *
 *   toolcap-cache 1\n
 *   key KEYLEN value VALUELEN\n
 *   KEY VALUE end\n              (KEY and VALUE are raw bytes, no separators)
 *
 * Writers create a temporary file beside it and rename() it into place,
 * which is atomic: readers see an old whole entry or a new whole entry.
 * Anything else (a truncated file left by a crash without rename, a
 * corrupted byte, a different key) fails the checks and is treated as a
 * miss; the next store replaces it.  No locks: two processes that miss
 * at once both probe and both store the same answer.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache-store.h"

#define MAGIC "toolcap-cache 1\n"
#define TRAILER "end\n"
#define TEMP_PREFIX ".tmp-"
#define NAME_LEN 32 /* hex digits of the 128-bit hash */
/* Keys are a few KiB; anything much larger is not ours. */
#define ENTRY_MAX (256u * 1024u)

/* ------------------------------------------------------------------ */
/* Opening the directory                                               */

static enum toolcap_cache_state refuse(struct toolcap_cache *cache,
				       const char *fmt, const char *what)
{
	cache->state = TOOLCAP_CACHE_REFUSED;
	snprintf(cache->why, sizeof(cache->why), fmt, cache->dir, what);
	return cache->state;
}

/*
 * mkdir -p with mode 0700 for the parts of path after its first base_len
 * bytes, which must exist: HOME and XDG_CACHE_HOME are never created.  A
 * part is created only inside a directory the effective user owns: a
 * `sudo make install` in someone's build tree must not leave root-owned
 * directories there.  0, or -1 with why filled in.
 */
static int make_directories(struct toolcap_cache *cache, size_t base_len)
{
	char *path = cache->dir, *slash = path + base_len;
	struct stat st;

	for (;;) {
		while (*slash == '/')
			slash++;
		slash = strchr(slash, '/');
		if (slash)
			*slash = '\0';
		if (lstat(path, &st) != 0) {
			char *parent_end = strrchr(path, '/');
			char saved = parent_end[1];
			int ours;

			if (errno != ENOENT)
				goto fail;
			/* The parent as "/x/" stats like "/x", and "/" too. */
			parent_end[1] = '\0';
			ours = lstat(path, &st) == 0 && st.st_uid == geteuid();
			parent_end[1] = saved;
			if (!ours) {
				snprintf(cache->why, sizeof(cache->why),
					 "%s: not creating it: %.*s is not owned by this user (uid %u)",
					 cache->dir, (int)(parent_end - path) + (parent_end == path),
					 path, (unsigned)geteuid());
				if (slash)
					*slash = '/';
				return -1;
			}
			if (mkdir(path, 0700) != 0 && errno != EEXIST)
				goto fail;
		}
		if (!slash)
			return 0;
		*slash = '/';
	}
fail:
	if (slash)
		*slash = '/';
	snprintf(cache->why, sizeof(cache->why), "%s: cannot create it: %s",
		 cache->dir, strerror(errno));
	return -1;
}

/*
 * ${XDG_CACHE_HOME:-$HOME/.cache}/toolcap; *base_len is the length of
 * the part that must exist already.  A relative XDG_CACHE_HOME is
 * invalid (the XDG spec: ignore it).
 */
static int default_directory(struct toolcap_cache *cache, size_t *base_len)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	const char *base = xdg && xdg[0] == '/' ? xdg : home;
	const char *name = base == xdg ? "XDG_CACHE_HOME" : "HOME";
	struct stat st;
	int n;

	if (!base || base[0] != '/') {
		snprintf(cache->why, sizeof(cache->why),
			 "no cache directory: HOME and XDG_CACHE_HOME are unset or not absolute");
		return -1;
	}
	if (stat(base, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(cache->why, sizeof(cache->why),
			 "no cache directory: %s=%s is not a directory (not creating it)",
			 name, base);
		return -1;
	}
	*base_len = strlen(base);
	n = snprintf(cache->dir, sizeof(cache->dir), "%s%s", base,
		     base == xdg ? "/toolcap" : "/.cache/toolcap");
	if (n > 0 && (size_t)n < sizeof(cache->dir))
		return 0;
	snprintf(cache->why, sizeof(cache->why), "no cache directory: %s is too long", name);
	cache->dir[0] = '\0';
	return -1;
}

enum toolcap_cache_state toolcap_cache_open(struct toolcap_cache *cache,
					    const char *setting)
{
	struct stat st;
	size_t len, base_len = 1;

	memset(cache, 0, sizeof(*cache));
	if (setting && strcmp(setting, "off") == 0) {
		cache->state = TOOLCAP_CACHE_OFF;
		snprintf(cache->why, sizeof(cache->why), "TOOLCAP_CACHE=off");
		return cache->state;
	}
	if (setting && *setting) {
		/* "OFF", "0", "cache": a relative directory would be made
		 * wherever the build happens to run; say it, guess nothing. */
		if (setting[0] != '/') {
			cache->state = TOOLCAP_CACHE_INVALID;
			snprintf(cache->why, sizeof(cache->why),
				 "TOOLCAP_CACHE=\"%s\" is neither an absolute directory nor off",
				 setting);
			return cache->state;
		}
		len = strlen(setting);
		if (len >= sizeof(cache->dir)) {
			cache->state = TOOLCAP_CACHE_INVALID;
			snprintf(cache->why, sizeof(cache->why),
				 "TOOLCAP_CACHE: path too long");
			return cache->state;
		}
		memcpy(cache->dir, setting, len + 1);
	} else if (default_directory(cache, &base_len) != 0) {
		cache->state = TOOLCAP_CACHE_REFUSED;
		return cache->state;
	}
	/* "dir/" and "dir" are the same directory; lstat needs the latter. */
	len = strlen(cache->dir);
	while (len > 1 && cache->dir[len - 1] == '/')
		cache->dir[--len] = '\0';

	if (lstat(cache->dir, &st) != 0) {
		if (errno != ENOENT)
			return refuse(cache, "%s: cannot read it: %s",
				      strerror(errno));
		if (make_directories(cache, base_len) != 0) {
			cache->state = TOOLCAP_CACHE_REFUSED;
			return cache->state;
		}
		if (lstat(cache->dir, &st) != 0)
			return refuse(cache, "%s: cannot create it: %s",
				      strerror(errno));
	}
	/* A symlink or a directory others can write could be pointed at
	 * answers we did not compute: refuse rather than trust it. */
	if (S_ISLNK(st.st_mode))
		return refuse(cache, "%s: is a symlink%s", "");
	if (!S_ISDIR(st.st_mode))
		return refuse(cache, "%s: is not a directory%s", "");
	if (st.st_uid != geteuid())
		return refuse(cache, "%s: is owned by another user%s", "");
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return refuse(cache, "%s: is writable by others%s", "");
	cache->state = TOOLCAP_CACHE_ON;
	return cache->state;
}

/* ------------------------------------------------------------------ */
/* Entries                                                             */

/* FNV-1a, 64 bits, from a given basis: two bases give 128 bits. */
static unsigned long long fnv1a(const char *s, size_t n,
				unsigned long long hash)
{
	while (n--) {
		hash ^= (unsigned char)*s++;
		hash *= 1099511628211ull;
	}
	return hash;
}

static int entry_path(const struct toolcap_cache *cache, const char *key,
		      size_t key_len, char *path, size_t size)
{
	int n = snprintf(path, size, "%s/%016llx%016llx", cache->dir,
			 fnv1a(key, key_len, 14695981039346656037ull),
			 fnv1a(key, key_len, 0x6c62272e07bb0142ull));

	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* Read a whole small file into a malloc'd buffer; NULL on any failure.
 * O_NONBLOCK: a FIFO under an entry's name would block open() forever,
 * and a probe must not hang on what it finds in the cache. */
static char *read_small_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	char *buf;
	size_t got = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size <= 0 || (unsigned long long)st.st_size > ENTRY_MAX ||
	    !(buf = malloc((size_t)st.st_size))) {
		close(fd);
		return NULL;
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (got != (size_t)st.st_size) {
		free(buf);
		return NULL;
	}
	*len = got;
	return buf;
}

/* The digits at *pos up to a newline, within len; -1 when malformed. */
static long parse_length(const char *buf, size_t len, size_t *pos)
{
	long value = 0;
	size_t start = *pos;

	while (*pos < len && buf[*pos] >= '0' && buf[*pos] <= '9' &&
	       *pos - start < 9)
		value = value * 10 + (buf[(*pos)++] - '0');
	if (*pos == start || *pos >= len || buf[*pos] != '\n')
		return -1;
	(*pos)++;
	return value;
}

int cache_lookup(const struct toolcap_cache *cache, const char *key,
		 size_t key_len, char *value, size_t value_size)
{
	char path[sizeof(cache->dir) + 64], header[64];
	size_t len, pos;
	long vlen;
	char *buf;
	int found = 0;

	if (!cache || cache->state != TOOLCAP_CACHE_ON ||
	    entry_path(cache, key, key_len, path, sizeof(path)) != 0 ||
	    !(buf = read_small_file(path, &len)))
		return 0;
	pos = (size_t)snprintf(header, sizeof(header), MAGIC "key %lu value ",
			       (unsigned long)key_len);
	/* Every check is against the file's own length: it may be cut
	 * short or hold anything at all. */
	if (len > pos && memcmp(buf, header, pos) == 0 &&
	    (vlen = parse_length(buf, len, &pos)) >= 0 &&
	    (size_t)vlen < value_size &&
	    len - pos == key_len + (size_t)vlen + strlen(TRAILER) &&
	    memcmp(buf + pos, key, key_len) == 0 &&
	    memcmp(buf + pos + key_len + vlen, TRAILER, strlen(TRAILER)) == 0 &&
	    !memchr(buf + pos + key_len, '\0', (size_t)vlen)) {
		memcpy(value, buf + pos + key_len, (size_t)vlen);
		value[vlen] = '\0';
		found = 1;
	}
	free(buf);
	return found;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* rename() the written temp file into place.  No writer of ours makes a
 * directory there, but an empty one left in the way would otherwise make
 * the key miss forever: remove it (rmdir removes only an empty one; one
 * with files in it is someone's, and is left alone). */
static int place_entry(const char *temp, const char *path)
{
	if (rename(temp, path) == 0)
		return 0;
	if (errno != EISDIR || rmdir(path) != 0)
		return -1;
	return rename(temp, path);
}

int cache_store(const struct toolcap_cache *cache, const char *key,
		size_t key_len, const char *value)
{
	char path[sizeof(cache->dir) + 64], temp[sizeof(cache->dir) + 64];
	char header[64];
	size_t value_len = strlen(value);
	int fd, n, ok;

	if (!cache || cache->state != TOOLCAP_CACHE_ON ||
	    value_len >= CACHE_VALUE_MAX ||
	    key_len + value_len > ENTRY_MAX - 128 ||
	    entry_path(cache, key, key_len, path, sizeof(path)) != 0)
		return -1;
	n = snprintf(temp, sizeof(temp), "%s/" TEMP_PREFIX "XXXXXX", cache->dir);
	if (n < 0 || (size_t)n >= sizeof(temp))
		return -1;
	fd = mkstemp(temp);
	if (fd < 0)
		return -1;
	n = snprintf(header, sizeof(header), MAGIC "key %lu value %lu\n",
		     (unsigned long)key_len, (unsigned long)value_len);
	ok = write_all(fd, header, (size_t)n) == 0 &&
	     write_all(fd, key, key_len) == 0 &&
	     write_all(fd, value, value_len) == 0 &&
	     write_all(fd, TRAILER, strlen(TRAILER)) == 0;
	/* close() can report a write that failed late (NFS, a full disk). */
	if (close(fd) != 0)
		ok = 0;
	if (ok && place_entry(temp, path) == 0)
		return 0;
	unlink(temp);
	return -1;
}

/* ------------------------------------------------------------------ */
/* Stats and clear                                                     */

static int is_entry_name(const char *name)
{
	size_t i;

	for (i = 0; name[i]; i++)
		if (!((name[i] >= '0' && name[i] <= '9') ||
		      (name[i] >= 'a' && name[i] <= 'f')))
			return 0;
	return i == NAME_LEN;
}

/* ".tmp-" and the six characters mkstemp() put for XXXXXX: clear
 * removes these, so ".tmp-notes" of a user's must not look like one. */
static int is_temp_name(const char *name)
{
	return strncmp(name, TEMP_PREFIX, strlen(TEMP_PREFIX)) == 0 &&
	       strlen(name) == strlen(TEMP_PREFIX) + 6 &&
	       !strchr(name + strlen(TEMP_PREFIX), '.');
}

/* Visit the directory's files; clear removes entries and temp files. */
static enum toolcap_error walk(const struct toolcap_cache *cache, int clear,
			       struct toolcap_cache_stats *stats,
			       unsigned long *removed)
{
	char path[sizeof(cache->dir) + 300];
	struct dirent *d;
	DIR *dir;

	if (cache->state != TOOLCAP_CACHE_ON)
		return TOOLCAP_ERR_USAGE;
	dir = opendir(cache->dir);
	if (!dir)
		return TOOLCAP_ERR_SYSTEM;
	while ((d = readdir(dir))) {
		int entry = is_entry_name(d->d_name);
		int temp = is_temp_name(d->d_name);
		struct stat st;

		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", cache->dir, d->d_name);
		if (clear) {
			/* Only what we wrote: never anything else a user
			 * may have put there. */
			if ((entry || temp) && unlink(path) == 0)
				(*removed)++;
			continue;
		}
		if (entry && lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			stats->entries++;
			stats->bytes += (unsigned long long)st.st_size;
		} else if (temp) {
			stats->stray++;
		} else {
			stats->invalid++;
		}
	}
	closedir(dir);
	return TOOLCAP_OK;
}

enum toolcap_error toolcap_cache_stats(const struct toolcap_cache *cache,
				       struct toolcap_cache_stats *stats)
{
	memset(stats, 0, sizeof(*stats));
	return walk(cache, 0, stats, NULL);
}

enum toolcap_error toolcap_cache_clear(const struct toolcap_cache *cache,
				       unsigned long *removed)
{
	*removed = 0;
	return walk(cache, 1, NULL, removed);
}
