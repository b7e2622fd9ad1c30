// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kconfig-scan: which probe calls it reports from small Kconfig texts (each
 * rule of conf's preprocessor it follows), how it fails, and how it follows
 * source/rsource/osource/orsource through a temporary tree.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../cli/kconfig-scan.c"
#include "tap.h"

/* Every call, one line each: "FILE:LINE macro|arg|arg". */
struct calls {
	char text[8192];
	size_t len;
	int stop_after; /* stop the scan after this many; 0: never */
	int seen;
};

static int collect(const struct kconfig_call *call, void *data)
{
	struct calls *c = data;
	size_t i;
	int n;

	n = snprintf(c->text + c->len, sizeof(c->text) - c->len, "%s:%u %s",
		     call->file, call->line, call->macro);
	for (i = 0; n >= 0 && i < call->nargs; i++) {
		c->len += (size_t)n;
		n = snprintf(c->text + c->len, sizeof(c->text) - c->len, "|%s",
			     call->args[i]);
	}
	if (n >= 0)
		c->len += (size_t)n;
	if (c->len < sizeof(c->text) - 1)
		c->text[c->len++] = '\n';
	c->text[c->len] = '\0';
	if (c->len >= sizeof(c->text) - 1)
		c->len = sizeof(c->text) - 2;
	return c->stop_after && ++c->seen >= c->stop_after;
}

/* A fixed environment, so that the test does not depend on the caller's. */
static const char *test_env(const char *name, void *data)
{
	(void)data;
	if (strcmp(name, "SRCARCH") == 0)
		return "x86";
	if (strcmp(name, "MARCH") == 0)
		return "x86-64";
	return NULL;
}

static char error[256];

static enum kconfig_scan_result scan(const char *kconfig,
				     const char *const *macros,
				     struct calls *out)
{
	struct kconfig_scan_options o = { 0 };

	o.macros = macros;
	o.getenv = test_env;
	o.error = error;
	o.error_size = sizeof(error);
	memset(out, 0, sizeof(*out));
	return kconfig_scan_buffer(kconfig, strlen(kconfig), "K", &o, collect,
				   out);
}

static void expect(const char *what, const char *kconfig, const char *want)
{
	struct calls got;
	enum kconfig_scan_result r = scan(kconfig, NULL, &got);

	CHECK(r == KCONFIG_SCAN_DONE && strcmp(got.text, want) == 0, "%s", what);
	if (r != KCONFIG_SCAN_DONE || strcmp(got.text, want) != 0)
		printf("# result %d (%s)\n# want:\n%s# got:\n%s", r, error, want,
		       got.text);
}

static void expect_failure(const char *what, const char *kconfig,
			   enum kconfig_scan_result want, const char *message)
{
	struct calls got;
	enum kconfig_scan_result r = scan(kconfig, NULL, &got);

	CHECK(r == want && strstr(error, message), "%s (%d: %s)", what, r,
	      error);
}

/* The start of the kernel's scripts/Kconfig.include, as trees source it. */
#define INCLUDE                                                            \
	"comma       := ,\n"                                               \
	"empty       :=\n"                                                 \
	"space       := $(empty) $(empty)\n"                               \
	"dollar      := $\n"                                               \
	"if-success = $(shell,{ $(1); } >/dev/null 2>&1 && echo \"$(2)\" || echo \"$(3)\")\n" \
	"success = $(if-success,$(1),y,n)\n"                               \
	"cc-option = $(success,trap \"rm -rf .tmp_$$\" EXIT; mkdir .tmp_$$; $(CC) -Werror $(CLANG_FLAGS) $(1) -c -x c /dev/null -o .tmp_$$/tmp.o)\n" \
	"ld-option = $(success,$(LD) -v $(1))\n"                           \
	"cc-option-bit = $(if-success,$(CC) -Werror $(1) -E -x c /dev/null -o /dev/null,$(1))\n" \
	"m64-flag := $(cc-option-bit,-m64)\n"
/* INCLUDE is 10 lines: "config A" after it is line 11. */

static void test_literal_calls(void)
{
	expect("a call in def_bool is reported with its file and line",
	       "config X\n\tdef_bool $(cc-option,-mfentry)\n",
	       "K:2 cc-option|-mfentry\n");
	expect("definitions of the macros report nothing",
	       INCLUDE, "");
	expect("Kconfig.include's helpers expand: $(comma) is a comma, not a split",
	       INCLUDE "config A\n\tdef_bool $(as-instr,vpmovm2b %k1$(comma)%zmm5)\n",
	       "K:12 as-instr|vpmovm2b %k1,%zmm5\n");
	expect("arguments are exactly what conf passes, blanks included",
	       "config A\n\tdepends on $(cc-option, -fsanitize=kernel-address)\n",
	       "K:2 cc-option| -fsanitize=kernel-address\n");
	expect("every probe macro, in a depends, a default, a string",
	       "config A\n\tdepends on $(ld-option,--gc-sections)\n"
	       "\tdefault \"$(rustc-option,-Zfoo)\" if $(as-instr64,nop)\n"
	       "\tdefault $(success,true)\n",
	       "K:2 ld-option|--gc-sections\n"
	       "K:3 rustc-option|-Zfoo\nK:3 as-instr64|nop\n");
	expect("parentheses nest; only top-level commas split",
	       "x := $(as-instr,foo (a,b),bar)\n",
	       "K:1 as-instr|foo (a,b)|bar\n");
	expect("a variable holding a comma is split before it is expanded",
	       "pair := a,b\nx := $(cc-option,$(pair))\n",
	       "K:2 cc-option|a,b\n");
	expect("a call with no arguments is still a call",
	       "x := $(cc-option)\n", "K:1 cc-option\n");
	expect("the environment fills $(VAR); an unset one is empty, as in conf",
	       "config A\n\tdef_bool $(cc-option,-march=$(MARCH)$(UNSET_VAR))\n",
	       "K:2 cc-option|-march=x86-64\n");
	expect("$ not followed by ( is itself",
	       "config A\n\tdef_bool $(as-instr,.tmp_$$ $x)\n",
	       "K:2 as-instr|.tmp_$$ $x\n");
	expect("$(filename) and $(lineno) are known",
	       "\n\nx := $(cc-option,$(filename):$(lineno))\n",
	       "K:3 cc-option|K:3\n");
	expect("a reference that names the macro through a variable",
	       "probe := cc-option\nx := $($(probe),-O2)\n",
	       "K:2 cc-option|-O2\n");
}

static void test_flavors(void)
{
	expect("simple variables expand once, recursive ones when used",
	       "X := 1\nS := $(X)\nR = $(X)\nX := 2\n"
	       "y := $(cc-option,$(S)$(R))\n",
	       "K:5 cc-option|12\n");
	expect("+= keeps the flavor and adds a space; on an undefined name it is recursive",
	       "Y := 3\nS := 1\nS += $(Y)\nR = 2\nR += $(Y)\nU += $(Y)\nY := 4\n"
	       "z := $(cc-option,$(S),$(R),$(U))\n",
	       "K:8 cc-option|1 3|2 4|4\n");
	expect("a user-defined function passes its arguments on",
	       "my-cc = $(cc-option,-m$(1) $(2))\n"
	       "config A\n\tdef_bool $(my-cc,64,-O2)\n\tdef_bool $(my-cc,32)\n",
	       "K:3 cc-option|-m64 -O2\nK:4 cc-option|-m32 \n");
	expect("a variable name can itself be expanded",
	       "X := A\nY := B\n$(X)$(Y) := -fab\nx := $(cc-option,$(AB))\n",
	       "K:4 cc-option|-fab\n");
	expect("a call in a recursive definition runs only when it is used",
	       "unused = $(cc-option,-never)\nused = $(cc-option,-once)\n"
	       "x := $(used)\n",
	       "K:3 cc-option|-once\n");
	expect("a keyword followed by = is not an assignment",
	       "config = $(cc-option,-k)\n", "K:1 cc-option|-k\n");
}

static void test_not_literal(void)
{
	expect("a value from $(shell,...) makes the call not literal",
	       INCLUDE "config A\n\tdef_bool !$(cc-option,$(m64-flag) -D__SIZEOF_INT128__=0)\n",
	       "");
	expect("so does $(shell,...) in the argument itself",
	       "x := $(cc-option,$(shell,echo -O2))\n", "");
	expect("a $(1) left in a definition is never reported on its own",
	       "f = $(cc-option,$(1))\n", "");
	expect("a function called with a shell value passes unknown on",
	       "f = $(cc-option,$(1))\nx := $(f,$(shell,true))\n", "");
	expect("an argument still holding $( (from $(dollar)) is left to sh",
	       "dollar := $\nx := $(cc-option,$(dollar)(CC))\n", "");
	expect("calls nested in another call's arguments are reported",
	       INCLUDE "config A\n\tdef_bool $(if-success,true,$(cc-option,-inner),n)\n",
	       "K:12 cc-option|-inner\n");
}

static void test_lexing(void)
{
	expect("# comments are skipped, but not inside $(...) or quotes",
	       "# $(cc-option,-comment)\n"
	       "config A # $(cc-option,-trailing)\n"
	       "\tdepends on $(cc-option,-a # b)\n"
	       "\tprompt \"# $(ld-option,-q)\"\n",
	       "K:3 cc-option|-a # b\nK:4 ld-option|-q\n");
	expect("a backslash at the end of a line joins tokens across it",
	       "config A\n\tdef_bool $(cc-option,-a) || \\\n"
	       "\t\t $(ld-option,-b)\n",
	       "K:2 cc-option|-a\nK:3 ld-option|-b\n");
	expect("a comment ending in a backslash does not swallow the next line",
	       "# comment \\\nx := $(cc-option,-next)\n",
	       "K:2 cc-option|-next\n");
	expect("help text is not expanded, and ends at a shallower line",
	       "config A\n\tbool \"a\"\n\thelp\n\t  Uses $(cc-option,-no).\n\n"
	       "\t    $(cc-option,-deeper-still-help)\n"
	       "\tdef_bool $(cc-option,-yes)\n"
	       "config B\n\thelp\n\t  text\n$(cc-option,-top)\n",
	       "K:7 cc-option|-yes\nK:11 cc-option|-top\n");
	expect("the first line of help text is text even in column 0, as in conf",
	       "config A\n\thelp\n$(cc-option,-no)\n\t$(cc-option,-no2)\n"
	       "$(cc-option,-yes)\n",
	       "K:5 cc-option|-yes\n");
	expect("---help--- starts help text too",
	       "config A\n\t---help---\n\t  $(cc-option,-no)\n", "");
	expect("no newline at the end of the text",
	       "x := $(cc-option,-eof)", "K:1 cc-option|-eof\n");
	expect("escapes in strings", "prompt \"a\\\"$(cc-option,\\q)\"\n",
	       "K:1 cc-option|\\q\n");
}

static void test_stop_and_failures(void)
{
	const char *const only_success[] = { "success", NULL };
	struct calls got;
	enum kconfig_scan_result r;

	memset(&got, 0, sizeof(got));
	got.stop_after = 1;
	r = kconfig_scan_buffer("a := $(cc-option,1)\nb := $(cc-option,2)\n",
				40, "K", NULL, collect, &got);
	CHECK(r == KCONFIG_SCAN_STOPPED &&
	      strcmp(got.text, "K:1 cc-option|1\n") == 0,
	      "a non-zero return from the callback stops the scan");

	r = scan("x := $(success,true)\nx := $(cc-option,-O2)\n", only_success,
		 &got);
	CHECK(r == KCONFIG_SCAN_DONE &&
	      strcmp(got.text, "K:1 success|true\n") == 0,
	      "the caller chooses the macro names");

	expect_failure("an unterminated reference fails as in conf",
		       "config A\n\tdef_bool $(cc-option,-a\n",
		       KCONFIG_SCAN_MALFORMED, "K:2: unterminated reference");
	expect_failure("a variable referencing itself fails as in conf",
		       "X = $(X)\ny := $(X)\n", KCONFIG_SCAN_MALFORMED,
		       "K:2: recursive variable references itself: X");
	expect_failure("$(error-if,y,...) stops as conf does",
		       "$(error-if,y,too old)\n", KCONFIG_SCAN_MALFORMED,
		       "error-if: too old");
	expect_failure("a built-in with the wrong number of arguments",
		       "$(shell)\n", KCONFIG_SCAN_MALFORMED,
		       "wrong number of arguments passed to shell");
	expect_failure("more than 16 parts in a reference",
		       "$(f,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16)\n",
		       KCONFIG_SCAN_MALFORMED, "too many function arguments");
	expect_failure("an expansion that doubles without end is bounded",
		       "X := xxxxxxxxxxxxxxxx\n"
		       "X := $(X)$(X)\nX := $(X)$(X)\nX := $(X)$(X)\nX := $(X)$(X)\n"
		       "X := $(X)$(X)\nX := $(X)$(X)\nX := $(X)$(X)\nX := $(X)$(X)\n"
		       "X := $(X)$(X)\nX := $(X)$(X)\nX := $(X)$(X)\nX := $(X)$(X)\n"
		       "X := $(X)$(X)\n",
		       KCONFIG_SCAN_TOO_BIG, "longer than 64 KiB");
	expect_failure("a function recursing through its arguments is bounded",
		       "f = $(f,$(1))\nx := $(f,a)\n", KCONFIG_SCAN_TOO_BIG,
		       "nested too deep");
	expect_failure("exponential work without long strings is bounded",
		       "a = $(b)$(b)$(b)$(b)\nb = $(c)$(c)$(c)$(c)\n"
		       "c = $(d)$(d)$(d)$(d)\nd = $(e)$(e)$(e)$(e)\n"
		       "e = $(f)$(f)$(f)$(f)\nf = $(g)$(g)$(g)$(g)\n"
		       "g = $(h)$(h)$(h)$(h)\nh = $(i)$(i)$(i)$(i)\n"
		       "i = $(j)$(j)$(j)$(j)\nj = $(k)$(k)$(k)$(k)\n"
		       "k = $(l)$(l)$(l)$(l)\nl = $(m)$(m)$(m)$(m)\n"
		       "m = $(n)$(n)$(n)$(n)\nn = $(o)$(o)$(o)$(o)\n"
		       "x := $(a)\n",
		       KCONFIG_SCAN_TOO_BIG, "too much expansion work");
}

static void test_hostile_bytes(void)
{
	static const char bytes[] = "x := $(cc-option,a\0b)\n\0config\\"
				    "\n$(\0\n\"$(\xff";
	char deep[402];
	struct calls got;
	enum kconfig_scan_result r;
	size_t i;

	memset(&got, 0, sizeof(got));
	r = kconfig_scan_buffer(bytes, sizeof(bytes) - 1, NULL, NULL, collect,
				&got);
	CHECK(r == KCONFIG_SCAN_MALFORMED && got.len == 0,
	      "NUL bytes and a trailing $( are read safely (%d)", r);
	for (i = 0; i < 200; i += 2) {
		memcpy(deep + i, "$(", 2);
		deep[200 + i / 2] = ')';
	}
	deep[300] = '\0';
	r = kconfig_scan_buffer(deep, strlen(deep), NULL, NULL, collect, &got);
	CHECK(r == KCONFIG_SCAN_TOO_BIG,
	      "100 nested $( stop at max_depth (%d)", r);
	r = kconfig_scan_buffer(NULL, 0, NULL, NULL, NULL, NULL);
	CHECK(r == KCONFIG_SCAN_DONE, "an empty text is fine");
}

/* ---------------------------------------------------------------------
 * A temporary tree for source, rsource, osource, orsource
 * ------------------------------------------------------------------- */

static char tree[64];
static char created[32][128];
static int ncreated;

static void put(const char *name, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tree, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	memcpy(created[ncreated++], path, sizeof(path));
}

static void dir(const char *name)
{
	snprintf(created[ncreated], sizeof(created[0]), "%s/%s", tree, name);
	mkdir(created[ncreated++], 0700);
}

static void remove_tree(void)
{
	while (ncreated > 0)
		remove(created[--ncreated]);
	rmdir(tree);
}

static enum kconfig_scan_result scan_tree(const char *top, unsigned max_files,
					  struct calls *out)
{
	struct kconfig_scan_options o = { 0 };

	o.srctree = tree;
	o.getenv = test_env;
	o.max_files = max_files;
	o.error = error;
	o.error_size = sizeof(error);
	memset(out, 0, sizeof(*out));
	return kconfig_scan_tree(top, &o, collect, out);
}

static void test_tree(void)
{
	struct calls got;
	enum kconfig_scan_result r;

	strcpy(tree, "/tmp/toolcap-kscan-XXXXXX");
	if (!mkdtemp(tree)) {
		CHECK(0, "a temporary directory for the source tree");
		return;
	}
	dir("arch");
	dir("arch/x86");
	dir("sub");
	dir("sub/extra");
	put("scan-top", "source \"scripts/Kconfig.include\"\n"
			"source \"arch/$(SRCARCH)/Kconfig\"\n"
			"source \"sub/Kconfig\"\n"
			"osource \"missing/Kconfig\"\n"
			"x := $(cc-option,-top)\n");
	dir("scripts");
	put("scripts/Kconfig.include", INCLUDE);
	put("arch/x86/Kconfig", "config X86\n\tdef_bool $(as-instr,endbr64)\n");
	put("sub/Kconfig", "rsource \"Kconfig.more\"\n"
			   "orsource \"extra/*.kc\"\n"
			   "orsource \"none/*.kc\"\n");
	put("sub/Kconfig.more", "\n$(ld-option,--more)\n");
	put("sub/extra/b.kc", "x := $(cc-option,-b)\n");
	put("sub/extra/a.kc", "x := $(cc-option,-a)\n");
	put("loop", "source \"loop2\"\n");
	put("loop2", "source \"loop\"\n");
	put("broken", "x := $(cc-option,-before)\nsource \"not/there\"\n"
		      "x := $(cc-option,-after)\n");

	r = scan_tree("scan-top", 0, &got);
	CHECK(r == KCONFIG_SCAN_DONE &&
	      strcmp(got.text, "arch/x86/Kconfig:2 as-instr|endbr64\n"
			       "sub/Kconfig.more:2 ld-option|--more\n"
			       "sub/extra/a.kc:1 cc-option|-a\n"
			       "sub/extra/b.kc:1 cc-option|-b\n"
			       "scan-top:5 cc-option|-top\n") == 0,
	      "source under srctree with $(SRCARCH), rsource, orsource globs in order, osource of nothing");
	if (tap_failures)
		printf("# %d: %s\n# got:\n%s", r, error, got.text);

	r = scan_tree("broken", 0, &got);
	CHECK(r == KCONFIG_SCAN_NO_FILE &&
	      strcmp(error, "broken:2: can't open file not/there") == 0 &&
	      strcmp(got.text, "broken:1 cc-option|-before\n") == 0,
	      "a missing source fails as in conf, after what came before (%s)",
	      error);
	r = scan_tree("loop", 0, &got);
	CHECK(r == KCONFIG_SCAN_MALFORMED && strstr(error, "recursive inclusion"),
	      "recursive source fails as in conf (%s)", error);
	r = scan_tree("scan-top", 3, &got);
	CHECK(r == KCONFIG_SCAN_TOO_BIG && strstr(error, "too many files"),
	      "max_files bounds the files read (%s)", error);
	r = scan_tree("no-such-top", 0, &got);
	CHECK(r == KCONFIG_SCAN_NO_FILE &&
	      strcmp(error, "can't open file no-such-top") == 0,
	      "a missing top file (%s)", error);
	r = kconfig_scan_buffer("source \"not/there\"\n", 19, "K", NULL,
				collect, &got);
	CHECK(r == KCONFIG_SCAN_DONE, "the buffer scan follows no source");
	remove_tree();
}

int main(void)
{
	test_literal_calls();
	test_flavors();
	test_not_literal();
	test_lexing();
	test_stop_and_failures();
	test_hostile_bytes();
	test_tree();
	return tap_failures != 0;
}
