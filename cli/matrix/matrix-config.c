// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * What the engine wrote, for `toolcap matrix`: every symbol of every
 * version's .config in one table (the 6.1 tree writes ~5000 lines per
 * version, so symbols are found through a hash, not a scan), and the
 * line of the engine's stderr that says why it failed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matrix.h"

static size_t hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot holding name, or the free slot where it would go. */
static size_t *slot_of(const struct matrix_table *t, const char *name)
{
	size_t mask = t->n_slots - 1, i = hash(name) & mask;

	while (t->slots[i] && strcmp(t->symbols[t->slots[i] - 1].name, name) != 0)
		i = (i + 1) & mask;
	return &t->slots[i];
}

static int grow(struct matrix_table *t)
{
	size_t n_slots = t->n_slots ? 2 * t->n_slots : 1024, i;
	size_t *slots = calloc(n_slots, sizeof(*slots));
	struct matrix_symbol *symbols = realloc(t->symbols,
						n_slots / 2 * sizeof(*symbols));

	if (!slots || !symbols) {
		free(slots);
		if (symbols)
			t->symbols = symbols;
		return -1;
	}
	free(t->slots);
	t->slots = slots;
	t->n_slots = n_slots;
	t->symbols = symbols;
	t->cap = n_slots / 2;
	for (i = 0; i < t->n; i++)
		*slot_of(t, t->symbols[i].name) = i + 1;
	return 0;
}

const struct matrix_symbol *matrix_find(const struct matrix_table *t,
					const char *name)
{
	size_t slot;

	if (!t->n_slots)
		return NULL;
	slot = *slot_of(t, name);
	return slot ? &t->symbols[slot - 1] : NULL;
}

static struct matrix_symbol *add(struct matrix_table *t, const char *name)
{
	struct matrix_symbol *s;
	size_t *slot;

	if (t->n_slots) {
		slot = slot_of(t, name);
		if (*slot)
			return &t->symbols[*slot - 1];
	}
	if (t->n + 1 > t->cap && grow(t) != 0)
		return NULL;
	s = &t->symbols[t->n];
	s->name = strdup(name);
	s->values = calloc((size_t)t->n_versions, sizeof(*s->values));
	if (!s->name || !s->values) {
		free(s->name);
		free(s->values);
		return NULL;
	}
	t->n++;
	*slot_of(t, name) = t->n;
	return s;
}

/* "CONFIG_X=v" -> X, v; "# CONFIG_X is not set" -> X, n; else 0. */
static int parse_line(char *line, const char *prefix, char **name,
		      const char **value)
{
	size_t plen = strlen(prefix), len = strlen(line);
	char *eq;

	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	if (strncmp(line, "# ", 2) == 0 && strncmp(line + 2, prefix, plen) == 0 &&
	    len > 2 + plen + 11 && strcmp(line + len - 11, " is not set") == 0) {
		line[len - 11] = '\0';
		*name = line + 2 + plen;
		*value = "n";
		return 1;
	}
	if (strncmp(line, prefix, plen) != 0 || !(eq = strchr(line + plen, '=')))
		return 0;
	*eq = '\0';
	*name = line + plen;
	*value = eq + 1;
	return 1;
}

int matrix_read_config(struct matrix_table *t, int i, const char *file)
{
	const char *prefix = getenv("CONFIG_") ? getenv("CONFIG_") : "CONFIG_";
	FILE *f = fopen(file, "r");
	char *line = NULL, *name;
	const char *value;
	size_t size = 0;
	struct matrix_symbol *s;
	int status = 0;

	if (!f) {
		fail("matrix: the engine wrote no %s: %s", file, strerror(errno));
		return EXIT_ERROR;
	}
	while (getline(&line, &size, f) >= 0) {
		if (!parse_line(line, prefix, &name, &value))
			continue;
		s = add(t, name);
		if (!s || !(s->values[i] = strdup(value))) {
			fail("matrix: out of memory reading %s", file);
			status = EXIT_ERROR;
			break;
		}
	}
	free(line);
	fclose(f);
	return status;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

int matrix_symbol_differs(const struct matrix_table *t,
			  const struct matrix_symbol *s)
{
	int i;

	for (i = 1; i < t->n_versions; i++)
		if (!same(s->values[0], s->values[i]))
			return 1;
	return 0;
}

void matrix_table_free(struct matrix_table *t)
{
	size_t i;
	int v;

	for (i = 0; i < t->n; i++) {
		for (v = 0; v < t->n_versions; v++)
			free(t->symbols[i].values[v]);
		free(t->symbols[i].values);
		free(t->symbols[i].name);
	}
	free(t->symbols);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

/* ------------------------------------------------------------------ */
/* Why the engine failed                                               */

/* Not the reason: warnings, and a Python traceback's frames. */
static int is_noise(const char *line)
{
	return !*line || strstr(line, "warning:") || line[0] == ' ' ||
	       line[0] == '\t' || strncmp(line, "Traceback ", 10) == 0;
}

/* Append the lines of FILE that say why, "; " between, into buf. */
static size_t reasons(const char *file, char *buf, size_t size, size_t len,
		      int keep_noise)
{
	FILE *f = fopen(file, "r");
	char *line = NULL;
	size_t n = 0, l;

	while (f && getline(&line, &n, f) >= 0 && len + 1 < size) {
		l = strlen(line);
		while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
			line[--l] = '\0';
		if (!*line || (!keep_noise && is_noise(line)))
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? "; " : "", line);
	}
	free(line);
	if (f)
		fclose(f);
	return len < size ? len : size - 1;
}

void matrix_engine_error(const struct matrix_plan *plan, int i, char *buf,
			 size_t size)
{
	char dir[PATH_MAX], err[PATH_MAX + 16], out[PATH_MAX + 16];

	matrix_version_dir(plan, i, dir, sizeof(dir));
	snprintf(err, sizeof(err), "%s/engine.stderr", dir);
	snprintf(out, sizeof(out), "%s/engine.stdout", dir);
	buf[0] = '\0';
	if (reasons(err, buf, size, 0, 0) || reasons(err, buf, size, 0, 1) ||
	    reasons(out, buf, size, 0, 1))
		return;
	snprintf(buf, size, "it printed nothing");
}
