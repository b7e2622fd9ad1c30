// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap_probe_words_error: a probe's TOOL and FLAGS read as sh reads
 * them (the examples of lib/toolcap.h, each refusal, the first word).
 */
#include <string.h>

#include "toolcap.h"
#include "tap.h"

/* s reads, and its first word is want_first. */
static void expect_words(const char *s, const char *want_first)
{
	char first[64] = "x";
	const char *why = toolcap_probe_words_error(s, first, sizeof(first));

	CHECK(!why && strcmp(first, want_first) == 0,
	      "[%s] reads, first word [%s] (got why \"%s\", first [%s])",
	      s ? s : "NULL",
	      want_first, why ? why : "(null)", first);
}

/* s is refused, saying why_has in its reason. */
static void expect_refused(const char *s, const char *why_has)
{
	const char *why = toolcap_probe_words_error(s, NULL, 0);

	CHECK(why && strstr(why, why_has),
	      "[%s] is refused: \"%s\" (got \"%s\")", s, why_has,
	      why ? why : "(null)");
}

int main(void)
{
	char small[4] = "x";
	const char *why;

	expect_words("'/opt/my gcc/gcc' -m32", "/opt/my gcc/gcc");
	expect_words("ccache gcc", "ccache");
	expect_words("  \"/x y\"/gcc", "/x y/gcc");
	expect_words("/x\\ y/gcc -O2", "/x y/gcc");
	expect_words("\"a\\$b\"", "a$b");
	expect_words("", "");
	expect_words("   \t", "");
	expect_words(NULL, "");

	expect_refused("gcc 'unclosed", "unterminated '");
	expect_refused("\"gcc", "unterminated \"");
	expect_refused("gcc $(echo -m32)", "$ and `");
	expect_refused("gcc `true`", "$ and `");
	expect_refused("gcc;true", "sh syntax");
	expect_refused("gcc >out", "sh syntax");
	expect_refused("~/gcc", "~ would be expanded");
	expect_refused("gcc #-m32", "# would start a comment");

	why = toolcap_probe_words_error("abcdef -x", small, sizeof(small));
	CHECK(!why && strcmp(small, "abc") == 0,
	      "the first word is cut to fit (got [%s])", small);
	return tap_failures != 0;
}
