// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap_vercmp: the documented orderings, then its laws (antisymmetry,
 * transitivity) over every pair and triple of a list of real versions.
 */
#include <string.h>

#include "toolcap.h"
#include "tap.h"

static const char *sym(int cmp)
{
	return cmp < 0 ? "<" : cmp > 0 ? ">" : "=";
}

static void expect(const char *a, const char *op, const char *b)
{
	int cmp = toolcap_vercmp(a, b);

	CHECK(strcmp(sym(cmp), op) == 0, "vercmp %s %s %s (got %s)", a, op, b,
	      sym(cmp));
}

/* Versions in ascending order; equal neighbours are marked with "=". */
static const char *const ascending[] = {
	"0.9", "1.0.a", "1.0alpha1", "1.0beta", "1.0-pre1", "1.0-rc1",
	"1.0rc2", "1.0", "=1.0.0", "1.0a", "1.0.post1", "1.0.1", "1.9", "1.10",
	"1.16", "1.21", "1.22", "=1.22.0", "=v1.22", "1.22.1", "1.24", "=V1.24", "2.20.51.0.2",
	"2.40", "12.2.0", "18.0.0git", "18.0.0", "18.1.3", "2021.10.0",
	"20240411", "99999999999999999999999", "100000000000000000000000",
};

int main(void)
{
	size_t n = sizeof(ascending) / sizeof(ascending[0]), i, j, k;
	int rank[64], r = 0, ok = 1;
	const char *v[64];

	expect("1.9", "<", "1.10");
	expect("1.22", "=", "1.22.0");
	expect("1.0-rc1", "<", "1.0");
	expect("1.0", "<", "1.0.post1");
	expect("1.0", "<", "1.0a");
	expect("1.0a", "<", "1.0.1");
	expect("alpha", "<", "beta");
	expect("1.0alpha", "<", "1.0beta");
	expect("1.0beta", "<", "1.0pre");
	expect("1.0pre", "<", "1.0rc");
	expect("1.0-RC1", "=", "1.0rc1");
	expect("01.002", "=", "1.2");
	expect("20240411", ">", "20240410");
	expect("123456789012345678901234567890", "<",
	       "123456789012345678901234567891");
	expect("2.37", "<", "2.37.1");
	expect("1.0", "=", "1.0.");
	expect("", "=", "0");
	expect("1.77.0-nightly", "<", "1.77.0");
	expect("1.76.0-beta.1", "<", "1.76.0-beta.2");
	expect("9.3p1", ">", "9.3");
	/* A v or V before the first digit is a prefix. */
	expect("v1.24", ">", "1.22");
	expect("v1.22", "=", "1.22");
	expect("V1.22", "=", "v1.22.0");
	expect("1.21", "<", "v1.22");
	expect("v1.22-rc1", "<", "1.22");
	expect(" v2", "=", "2");
	/* Only right before a digit, only at the start. */
	expect("vx1", "<", "1");
	expect("1.0v1", "<", "1.0"); /* a glued letter word, as before */
	CHECK(toolcap_vercmp(NULL, "1") < 0 && toolcap_vercmp(NULL, NULL) == 0,
	      "NULL sorts first");

	for (i = 0; i < n; i++) {
		if (ascending[i][0] == '=') {
			v[i] = ascending[i] + 1;
			rank[i] = r;
		} else {
			v[i] = ascending[i];
			rank[i] = ++r;
		}
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int want = rank[i] < rank[j] ? -1 : rank[i] > rank[j];

			if (toolcap_vercmp(v[i], v[j]) != want ||
			    toolcap_vercmp(v[j], v[i]) != -want) {
				ok = 0;
				printf("# %s vs %s: got %d, want %d\n", v[i],
				       v[j], toolcap_vercmp(v[i], v[j]), want);
			}
		}
	CHECK(ok, "every pair of %zu versions orders as listed, both ways", n);
	ok = 1;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			for (k = 0; k < n; k++)
				if (toolcap_vercmp(v[i], v[j]) <= 0 &&
				    toolcap_vercmp(v[j], v[k]) <= 0 &&
				    toolcap_vercmp(v[i], v[k]) > 0)
					ok = 0;
	CHECK(ok, "vercmp is transitive over every triple");
	return tap_failures != 0;
}
