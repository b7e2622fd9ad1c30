// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Version comparison, after repology/libversion: split into components,
 * give each a rank, compare rank first and value second.  No allocation,
 * no locale, numbers of any length.
 */
#include <string.h>

#include "toolcap.h"
#include "chars.h"

/* Ranks, lowest first: "1.0-rc1" < "1.0" < "1.0a" < "1.0.1". */
enum rank {
	RANK_PRE_RELEASE,  /* a word: alpha, beta, rc, git, anything unknown */
	RANK_ZERO,         /* 0, or a component that is not there            */
	RANK_POST_RELEASE, /* post, patch, pl, p, errata, or "1.0a"          */
	RANK_NONZERO       /* a number other than 0                          */
};

struct component {
	const char *start; /* digits without leading zeros, or letters */
	size_t len;
	enum rank rank;
};

static int word_equals(const char *s, size_t len, const char *word)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (word[i] == '\0' || to_lower(s[i]) != word[i])
			return 0;
	return word[len] == '\0';
}

static int is_post_release_word(const char *s, size_t len)
{
	static const char *const words[] = {
		"post", "patch", "pl", "p", "errata", NULL
	};
	size_t i;

	for (i = 0; words[i]; i++)
		if (word_equals(s, len, words[i]))
			return 1;
	return 0;
}

/*
 * Read the component at *p and advance past it.  At the end of the string
 * the component is an implicit zero, so shorter versions pad themselves.
 */
static void next_component(const char *begin, const char **p,
			   struct component *c)
{
	const char *s = *p;
	int glued_to_number;

	while (*s && !is_alnum(*s))
		s++;
	glued_to_number = s == *p && s > begin && is_digit(s[-1]);
	if (*s == '\0') {
		c->start = s;
		c->len = 0;
		c->rank = RANK_ZERO;
		*p = s;
		return;
	}
	if (is_digit(*s)) {
		while (*s == '0')
			s++;
		c->start = s;
		while (is_digit(*s))
			s++;
		c->len = (size_t)(s - c->start);
		c->rank = c->len ? RANK_NONZERO : RANK_ZERO;
		*p = s;
		return;
	}
	c->start = s;
	while (is_alpha(*s))
		s++;
	c->len = (size_t)(s - c->start);
	/* "1.0a": one letter right after a number, not followed by one. */
	if (is_post_release_word(c->start, c->len) ||
	    (glued_to_number && c->len == 1 && !is_digit(*s)))
		c->rank = RANK_POST_RELEASE;
	else
		c->rank = RANK_PRE_RELEASE;
	*p = s;
}

static int compare_letters(const struct component *a,
			   const struct component *b)
{
	size_t i, n = a->len < b->len ? a->len : b->len;

	for (i = 0; i < n; i++) {
		char x = to_lower(a->start[i]), y = to_lower(b->start[i]);

		if (x != y)
			return x < y ? -1 : 1;
	}
	return a->len < b->len ? -1 : a->len > b->len;
}

static int compare_components(const struct component *a,
			      const struct component *b)
{
	int cmp;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->rank == RANK_ZERO)
		return 0;
	if (a->rank == RANK_NONZERO) {
		/* Leading zeros are gone: the longer number is the larger. */
		if (a->len != b->len)
			return a->len < b->len ? -1 : 1;
		cmp = memcmp(a->start, b->start, a->len);
		return cmp < 0 ? -1 : cmp > 0;
	}
	return compare_letters(a, b);
}

/*
 * "v1.24" is 1.24: a v or V right before the first digit is a prefix, as
 * PEP 440, go-version and node-semver read it (pahole prints "v1.24",
 * git tags say "v6.1"), not a pre-release word sorting before 1.22.
 */
static const char *skip_v_prefix(const char *s)
{
	const char *p = s;

	while (*p && !is_alnum(*p))
		p++;
	return (*p == 'v' || *p == 'V') && is_digit(p[1]) ? p + 1 : s;
}

int toolcap_vercmp(const char *a, const char *b)
{
	const char *begin_a = a, *begin_b = b;
	struct component ca, cb;
	int cmp;

	if (!a || !b)
		return a == b ? 0 : (a ? 1 : -1);
	a = begin_a = skip_v_prefix(a);
	b = begin_b = skip_v_prefix(b);
	while (*a || *b) {
		next_component(begin_a, &a, &ca);
		next_component(begin_b, &b, &cb);
		cmp = compare_components(&ca, &cb);
		if (cmp)
			return cmp;
	}
	return 0;
}
