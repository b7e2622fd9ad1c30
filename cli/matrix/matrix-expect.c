// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The --expect assertions of `toolcap matrix`, so that a Kconfig gate can
 * be put under test in CI:
 *
 *   SYMBOL=VALUE[@RANGE]       DEBUG_INFO_BTF=n@<1.22
 *
 * VALUE is what .config says: y, m, n, a number, a string; "n" also
 * holds when the symbol is not in .config at all (a bool whose
 * dependencies are not met is not written), "-" only then.  RANGE picks
 * the versions it is about; without it, every version.  Its terms,
 * separated by commas, must all hold ("and", as in ">=1.18,<1.22"):
 *   <V <=V >V >=V =V !=V   the release compared with V by toolcap_vercmp
 *                          (a build from git counts as its release)
 *   V                      that version: "1.21"; "1.22" is also 1.22-git
 *   LABEL                  the column written so: "1.22-git"
 *   git                    the builds from git
 *   missing                the tool not installed
 * No comparison holds for "missing": it has no version.
 */
#include <stdio.h>
#include <string.h>

#include "matrix.h"
#include "matrix-expect.h"

/* Length of a comparison operator at the start of term, or 0. */
static size_t operator_length(const char *term)
{
	if (strncmp(term, "<=", 2) == 0 || strncmp(term, ">=", 2) == 0 ||
	    strncmp(term, "!=", 2) == 0)
		return 2;
	return (term[0] == '<' || term[0] == '>' || term[0] == '=') ? 1 : 0;
}

static int term_holds(const char *term, size_t len,
		      const struct matrix_version *v)
{
	char version[TOOLCAP_VERSION_MAX];
	size_t op = operator_length(term);
	int cmp;

	if (len - op >= sizeof(version))
		return 0;
	memcpy(version, term + op, len - op);
	version[len - op] = '\0';
	if (op == 0) {
		if (strcmp(version, "missing") == 0)
			return v->missing;
		if (strcmp(version, "git") == 0)
			return v->git;
		if (strcmp(version, v->label) == 0)
			return 1;
	}
	if (v->missing)
		return 0;
	cmp = toolcap_vercmp(v->release, version);
	if (op == 0 || (op == 1 && term[0] == '='))
		return cmp == 0;
	if (term[0] == '!')
		return cmp != 0;
	if (term[0] == '<')
		return op == 2 ? cmp <= 0 : cmp < 0;
	return op == 2 ? cmp >= 0 : cmp > 0;
}

int expect_range_holds(const char *range, const struct matrix_version *v)
{
	const char *end;

	if (!range)
		return 1;
	for (;;) {
		end = strchr(range, ',');
		if (!term_holds(range, end ? (size_t)(end - range) : strlen(range), v))
			return 0;
		if (!end)
			return 1;
		range = end + 1;
	}
}

static int is_word(const char *term, size_t len, const char *word)
{
	return len == strlen(word) && strncmp(term, word, len) == 0;
}

/* Each term: an operator and a version, a version, git or missing. */
static int valid_range(const char *range)
{
	const char *term = range, *end;
	size_t op, len;

	for (;;) {
		end = strchr(term, ',');
		len = end ? (size_t)(end - term) : strlen(term);
		op = operator_length(term);
		if (op ? !(term[op] >= '0' && term[op] <= '9') :
		    !(term[0] >= '0' && term[0] <= '9') &&
		    !is_word(term, len, "git") && !is_word(term, len, "missing"))
			return 0;
		if (!end)
			return 1;
		term = end + 1;
	}
}

int expect_parse(const char *spec, struct expectation *e)
{
	const char *eq = strchr(spec, '='), *at = strrchr(spec, '@');
	size_t name_len;

	memset(e, 0, sizeof(*e));
	e->spec = spec;
	if (strncmp(spec, "CONFIG_", 7) == 0)
		spec += 7;
	if (!eq || eq == spec || (at && at < eq))
		goto bad;
	name_len = (size_t)(eq - spec);
	if (name_len >= sizeof(e->symbol) || (at && at == eq + 1))
		goto bad;
	memcpy(e->symbol, spec, name_len);
	if (at) {
		if ((size_t)(at - eq - 1) >= sizeof(e->value) || !at[1] ||
		    !valid_range(at + 1))
			goto bad;
		memcpy(e->value, eq + 1, (size_t)(at - eq - 1));
		e->range = at + 1;
	} else {
		if (strlen(eq + 1) >= sizeof(e->value) || !eq[1])
			goto bad;
		strcpy(e->value, eq + 1);
	}
	return 0;
bad:
	fail("matrix: --expect \"%s\": not SYMBOL=VALUE[@RANGE] (e.g. DEBUG_INFO_BTF=n@<1.22; see 'toolcap matrix --help')",
	     e->spec);
	return EXIT_ERROR;
}

/* Does what .config says (NULL: not in it) match the expected VALUE? */
int expect_value_matches(const char *expected, const char *got)
{
	size_t len;

	if (!got)
		return strcmp(expected, "-") == 0 || strcmp(expected, "n") == 0;
	if (strcmp(expected, got) == 0)
		return 1;
	/* A string symbol: X=text matches CONFIG_X="text". */
	len = strlen(got);
	return len >= 2 && got[0] == '"' && got[len - 1] == '"' &&
	       strlen(expected) == len - 2 &&
	       strncmp(expected, got + 1, len - 2) == 0;
}
