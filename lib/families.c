// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Which families exist and how each words its version line.  Adding a
 * family is a record in families[] (and its index in families.h), its
 * rule rows and a real sample under tests/samples/FAMILY/; adding a
 * vendor's wording is a rule row and a sample, not an if-chain.
 */
#include <string.h>

#include "toolcap.h"
#include "families.h"
#include "chars.h"

/*
 * One record per family.  A stand-in's text is a recorded output named
 * beside it with only the version replaced; where the tool prints more
 * lines, what was recorded is kept.
 */
const struct family families[FAMILY_COUNT] = {
	/* Stand-in: tests/samples/gcc/pub-gcc-archlinux-11.1.out (first
	 * line only, as recorded).  No recorded gcc from git. */
	[FAMILY_GCC] = { "gcc", 1, { "gcc", "g++" }, { NULL }, 0,
		"GCC", ENCODE_MMP_10000, 0,
		"gcc (GCC) ", "\n", NULL, NULL },
	/* Stand-in: tests/samples/clang/pub-clang-clearlinux-10.0.0.out;
	 * from git: tests/samples/clang/pub-clang-git-12.0.0.out. */
	[FAMILY_CLANG] = { "clang", 1, { "clang", "clang++" }, { NULL }, 0,
		"Clang", ENCODE_MMP_10000, 0,
		"clang version ",
		"\nTarget: x86_64-generic-linux\nThread model: posix\nInstalledDir: /usr/bin\n",
		"clang version ",
		" (https://github.com/llvm/llvm-project.git 6c7d713cf5d9bb188f1e73452a256386f0288bf7)\n"
		"Target: x86_64-unknown-linux-gnu\nThread model: posix\n" },
	/* Installed as clang; its name says clang, its banner Apple. */
	[FAMILY_APPLE_CLANG] = { "apple-clang", 1, { NULL }, { NULL }, 0,
		"Clang", ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	[FAMILY_ICX] = { "icx", 1, { "icx", "icpx" }, { NULL }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	/* The kernel's icc support read __INTEL_COMPILER and was removed
	 * in 6.3: no script. */
	[FAMILY_ICC] = { "icc", 1, { "icc", "icpc" }, { NULL }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	[FAMILY_TCC] = { "tcc", 1, { "tcc" }, { "-v" }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	/* The Portable C Compiler.  No kernel script: cc-version.sh reads
	 * the __GNUC__ 4.3.1 it defines for compatibility as an old GCC. */
	[FAMILY_PCC] = { "pcc", 1, { "pcc" }, { NULL }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	/* Stand-in: tests/samples/ld.bfd/pub-ld.bfd-arch-2.36.1.out (first
	 * line). */
	[FAMILY_LD_BFD] = { "ld.bfd", 1, { "ld", "ld.bfd" }, { NULL }, 0,
		"BFD", ENCODE_MMP_10000, 1,
		"GNU ld (GNU Binutils) ", "\n", NULL, NULL },
	/* The kernel's ld-version.sh refuses gold. */
	[FAMILY_LD_GOLD] = { "ld.gold", 1, { "ld.gold", "gold" }, { NULL }, 0,
		NULL, ENCODE_MMP_10000, 1, NULL, NULL, NULL, NULL },
	/* Stand-in: tests/samples/ld.lld/pub-ld.lld-14.0.0-novendor.out;
	 * from git: tests/samples/ld.lld/pub-ld.lld-7.0.0-git-mirror.out. */
	[FAMILY_LD_LLD] = { "ld.lld", 1, { "ld.lld", "lld" }, { NULL }, 0,
		"LLD", ENCODE_MMP_10000, 0,
		"LLD ", " (compatible with GNU linkers)\n",
		"LLD ",
		" (http://llvm.org/git/lld.git 4a0e4190e74cea19f8a8dc625ccaebdf8b5d1585) (compatible with GNU linkers)\n" },
	[FAMILY_LD_MOLD] = { "ld.mold", 1, { "ld.mold", "mold" }, { NULL }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	[FAMILY_LD64] = { "ld64", 1, { "ld64" }, { "-v" }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	/* Stand-in: tests/samples/gas/pub-gas-arch-2.41.0.out (first line). */
	[FAMILY_GAS] = { "gas", 1, { "as", "gas" }, { NULL }, 0,
		"GNU", ENCODE_MMP_10000, 1,
		"GNU assembler (GNU Binutils) ", "\n", NULL, NULL },
	[FAMILY_LLVM_AS] = { "llvm-as", 1, { "llvm-as" }, { NULL }, 0,
		"LLVM", ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	/* Stand-in: tests/samples/pahole/pub-pahole-v1.16.out, and every v*
	 * sample beside it: pahole prints its DWARVES_VERSION, "v%u.%u".
	 * The git build: tests/fixtures/pahole-git-describe.out.  That is
	 * not a captured output (its .meta says so): no real pahole from
	 * git printing a git-describe suffix was found in public material,
	 * and one built from git printed plain "v1.28"
	 * (tests/samples/pahole/pub-pahole-v1.28-git.meta).  It is the form
	 * that breaks the kernel's pahole-version.sh, so the matrix offers
	 * it to show what a tree does with such a suffix. */
	[FAMILY_PAHOLE] = { "pahole", 1, { "pahole" }, { NULL }, 0,
		"", ENCODE_MM_100, 0,
		"v", "\n", "v", "-5-g8b3f1a2\n" },
	/* Stand-in: tests/samples/rustc/pub-rustc-1.57.0.out: the hash and
	 * date are 1.57.0's; no script reads them. */
	[FAMILY_RUSTC] = { "rustc", 1, { "rustc" }, { NULL }, 0,
		"", ENCODE_MMP_100000, 0,
		"rustc ", " (f1edd0429 2021-11-29)\n", NULL, NULL },
	/* Stand-in: tests/samples/bindgen/pub-bindgen-0.59.2.out */
	[FAMILY_BINDGEN] = { "bindgen", 1, { "bindgen" }, { NULL }, 0,
		"", ENCODE_MMP_100000, 0,
		"bindgen ", "\n", NULL, NULL },
	[FAMILY_CARGO] = { "cargo", 1, { "cargo" }, { NULL }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
	/* Its version line defeats the generic reading: a rule reads it,
	 * and it is named as any other program is. */
	[FAMILY_PERL] = { "perl", 0, { NULL }, { NULL }, 0,
		NULL, ENCODE_MMP_10000, 0, NULL, NULL, NULL, NULL },
};

const struct family *family_record(const char *id)
{
	size_t i;

	for (i = 0; id && i < FAMILY_COUNT; i++)
		if (strcmp(id, families[i].id) == 0)
			return &families[i];
	return NULL;
}

/*
 * How each family words its version line.  Rows are tried in order on
 * each line, so a more specific marker comes before one it contains
 * ("Apple clang version" before "clang version").
 */
const struct family_rule family_rules[] = {
	/* Apple's clang names itself first; older Xcode said LLVM. */
	{ FAMILY_APPLE_CLANG, SHAPE_MARKER, "Apple clang version", NULL, 0 },
	{ FAMILY_APPLE_CLANG, SHAPE_MARKER, "Apple LLVM version", NULL, 0 },
	/* "Intel(R) oneAPI DPC++/C++ Compiler 2023.2.0 (2023.2.0.20230721)";
	 * 2021 releases said "DPC++ Compiler". */
	{ FAMILY_ICX,     SHAPE_MARKER_SCAN, "Intel(R) oneAPI DPC++", NULL, 0 },
	/* Asked for llvm-as, clang's banner names its integrated assembler,
	 * LLVM's at clang's own version (the kernel's as-version.sh: "It is
	 * the same as the clang version").  Apple's differs, so Apple's
	 * rows above answer first. */
	{ FAMILY_LLVM_AS, SHAPE_MARKER, "clang version", NULL, 1 },
	/* "Ubuntu clang version 18.1.3 (1ubuntu1)", "Android (...) clang
	 * version 14.0.6 (...)", "clang version 18.0.0git (https://...)" */
	{ FAMILY_CLANG,   SHAPE_MARKER, "clang version", NULL, 0 },
	/* The last line of "gcc -v", on stderr, in any language. */
	{ FAMILY_GCC,     SHAPE_TRANSLATED, "gcc", NULL, 0 },
	{ FAMILY_TCC,     SHAPE_MARKER, "tcc version", NULL, 0 },
	/* "Portable C Compiler 1.2.0.DEVEL 20220331 for x86_64-pc-linux-gnu" */
	{ FAMILY_PCC,     SHAPE_MARKER, "Portable C Compiler", NULL, 0 },
	{ FAMILY_LD_BFD,  SHAPE_MARKER, "GNU ld", NULL, 0 },
	/* "GNU gold (GNU Binutils for Debian 2.40) 1.16": gold's own. */
	{ FAMILY_LD_GOLD, SHAPE_MARKER, "GNU gold", NULL, 0 },
	{ FAMILY_GAS,     SHAPE_MARKER, "GNU assembler", NULL, 0 },
	/* "Debian LLD 14.0.6 (compatible with GNU linkers)"; LLD_VENDOR
	 * may put any words before it. */
	{ FAMILY_LD_LLD,  SHAPE_MARKER, "LLD", NULL, 0 },
	{ FAMILY_LD_MOLD, SHAPE_MARKER, "mold", NULL, 0 },
	{ FAMILY_LD64,    SHAPE_MARKER_SCAN, "@(#)PROGRAM:ld", NULL, 0 },
	{ FAMILY_RUSTC,   SHAPE_MARKER, "rustc", NULL, 0 },
	{ FAMILY_BINDGEN, SHAPE_MARKER, "bindgen", NULL, 0 },
	{ FAMILY_CARGO,   SHAPE_MARKER, "cargo", NULL, 0 },
	{ FAMILY_PAHOLE,  SHAPE_BARE_V, NULL, "pahole", 0 },
	/* llvm-as says only "Debian LLVM version 14.0.6"; every LLVM
	 * tool says that, so the program name decides. */
	{ FAMILY_LLVM_AS, SHAPE_MARKER, "LLVM version", "llvm-as", 0 },
	{ FAMILY_ICC,     SHAPE_DRIVER, "ICC", NULL, 0 },
	/* icc -v, icpc -v: "icpc version 14.0.2 (gcc version 4.8.0
	 * compatibility)"; the gcc named is the one it mimics. */
	{ FAMILY_ICC,     SHAPE_MARKER, "icc version", NULL, 0 },
	{ FAMILY_ICC,     SHAPE_MARKER, "icpc version", NULL, 0 },
	/* icx betas spoke like icc: "icpx (ICX) 2021.1 Beta 20200715". */
	{ FAMILY_ICX,     SHAPE_DRIVER, "ICX", NULL, 0 },
	{ FAMILY_GCC,     SHAPE_DRIVER, NULL, NULL, 0 },
	{ FAMILY_OF_BINUTILS, SHAPE_GROUP, "(GNU Binutils", NULL, 0 },
	/* Other tools whose version line defeats the generic reading. */
	{ FAMILY_PERL,    SHAPE_MARKER_SCAN, "This is perl", NULL, 0 },
};
const size_t family_rule_count = sizeof(family_rules) / sizeof(family_rules[0]);

int toolcap_is_family(const char *name)
{
	const struct family *f = family_record(name);

	return f && f->listed;
}

const char *toolcap_family_at(size_t index)
{
	size_t i;

	for (i = 0; i < FAMILY_COUNT; i++)
		if (families[i].listed && index-- == 0)
			return families[i].id;
	return NULL;
}

int toolcap_family_standin(const char *family, struct toolcap_standin *out)
{
	const struct family *f = family_record(family);

	if (!f || !f->listed || !f->standin_before || !out)
		return 0;
	out->family = f->id;
	out->program = f->programs[0];
	out->before = f->standin_before;
	out->after = f->standin_after;
	out->git_before = f->standin_git_before;
	out->git_after = f->standin_git_after;
	return 1;
}

const char *program_basename(const char *program, size_t *len)
{
	const char *slash = strrchr(program, '/');
	const char *base = slash ? slash + 1 : program;
	size_t n = strlen(base);

	if (n > 4 && (strcmp(base + n - 4, ".exe") == 0 ||
		      strcmp(base + n - 4, ".EXE") == 0))
		n -= 4;
	*len = n;
	return base;
}

static int program_contains(const char *program, const char *needle)
{
	size_t len, n = strlen(needle), i;
	const char *base;

	if (!program)
		return 1;
	base = program_basename(program, &len);
	for (i = 0; i + n <= len; i++)
		if (memcmp(base + i, needle, n) == 0)
			return 1;
	return 0;
}

/*
 * Is PROG named like a GCC driver?  "gcc", "gcc-12", "x86_64-linux-gnu-
 * gcc-12", "gcc.exe", "g++", "cc", "c++", "x86_64-w64-mingw32-gcc-win32":
 * one of its dash-separated words is gcc or g++, or the last one is cc or
 * c++ (a version word after it allowed).
 */
static int named_like_gcc_driver(const char *prog, size_t len)
{
	size_t start = 0, i, last_start = 0, last_len = 0;

	for (i = 0; i <= len; i++) {
		if (i < len && prog[i] != '-')
			continue;
		if ((i - start == 3 && memcmp(prog + start, "gcc", 3) == 0) ||
		    (i - start == 3 && memcmp(prog + start, "g++", 3) == 0))
			return 1;
		if (i - start > 0 && !is_digit(prog[start])) {
			last_start = start;
			last_len = i - start;
		}
		start = i + 1;
	}
	return (last_len == 2 && memcmp(prog + last_start, "cc", 2) == 0) ||
	       (last_len == 3 && memcmp(prog + last_start, "c++", 3) == 0);
}

int driver_shape(const char *line, size_t len, struct driver_line *d)
{
	size_t prog_len = 0;

	while (prog_len < len && !is_space(line[prog_len]) &&
	       line[prog_len] != '(')
		prog_len++;
	if (prog_len == 0 || prog_len + 1 >= len || line[prog_len] != ' ' ||
	    line[prog_len + 1] != '(')
		return 0;
	d->prog_len = prog_len;
	d->group_start = prog_len + 1;
	d->group_end = skip_paren_group(line, len, d->group_start);
	return d->group_end != d->group_start &&
	       version_after(line, len, d->group_end, &d->version);
}

/* "PROG (PKGVERSION) VERSION", and PROG or PKGVERSION says which. */
static int driver_matches(const struct family_rule *rule, const char *line,
			  size_t len, struct version_token *tok)
{
	struct driver_line d;
	const char *group;
	size_t group_len, prog_len;

	if (!driver_shape(line, len, &d))
		return 0;
	*tok = d.version;
	group = line + d.group_start;
	group_len = d.group_end - d.group_start;
	if (rule->marker)
		return find_word(group, group_len, 0, rule->marker, 0) >= 0;
	prog_len = d.prog_len;
	if (prog_len > 4 && memcmp(line + prog_len - 4, ".exe", 4) == 0)
		prog_len -= 4;
	return named_like_gcc_driver(line, prog_len) ||
	       find_word(group, group_len, 0, "GCC", 0) >= 0;
}

/* "v1.24" or "v1.22-5-g8b3f1a2" and nothing else on the line. */
static int bare_v_matches(const char *line, size_t len,
			  struct version_token *tok)
{
	size_t end = len;

	while (end > 0 && is_space(line[end - 1]))
		end--;
	return end > 1 && line[0] == 'v' && version_token_at(line, end, 0, tok) &&
	       tok->dots == 1 && tok->end == end;
}

/* Is the word at [start, end) the marker, alone or as "gcc-Version"? */
static int is_marker_word(const char *marker, const char *line, size_t start,
			  size_t end)
{
	size_t n = strlen(marker);

	return end - start >= n && memcmp(line + start, marker, n) == 0 &&
	       (end - start == n || (line[start + n] == '-' &&
				     end - start > n + 1));
}

/* After the version, "(PKGVERSION)" groups and nothing else, as gcc
 * prints it (its default is "(GCC)"): "12.2.0 (Debian 12.2.0-14+deb12u1) ". */
static int only_pkgversion_after(const char *line, size_t len, size_t pos)
{
	size_t next;
	int groups = 0;

	for (pos = skip_blanks(line, len, pos); pos < len;
	     pos = skip_blanks(line, len, next), groups++) {
		next = skip_paren_group(line, len, pos);
		if (next == pos)
			return 0;
	}
	return groups > 0;
}

/*
 * gcc -v's last line is gettext's translation of "gcc version %s %s": a
 * few words without digits, one of them "gcc", then the version.
 * Debian 12's gcc-12.mo gives "gcc-Version", "gcc versión", "gcc phiên
 * bản", "gcc 版本", and puts the word first in two: "versi gcc" (id),
 * "Версія gcc" (uk).  Those word-first lines must end as gcc's does,
 * with "(PKGVERSION)", and have one word before "gcc", so that "built
 * with gcc 12.2.0" or "Compiler: gcc 12.2.0" is no gcc line.
 */
#define TRANSLATED_WORDS_MAX 3
static int translated_matches(const char *marker, const char *line,
			      size_t len, struct version_token *tok)
{
	size_t pos = 0, start, words = 0, marker_at = TRANSLATED_WORDS_MAX;
	int glued = 0; /* "gcc-Version": the word is in the marker's */

	for (;;) {
		pos = skip_blanks(line, len, pos);
		if (pos >= len)
			return 0;
		if (is_digit(line[pos]))
			break;
		if (words == TRANSLATED_WORDS_MAX)
			return 0;
		start = pos;
		while (pos < len && !is_space(line[pos])) {
			if (is_digit(line[pos]))
				return 0;
			pos++;
		}
		if (is_marker_word(marker, line, start, pos)) {
			marker_at = words;
			glued = pos - start > strlen(marker);
		}
		words++;
	}
	/* The marker and at least one word for "version": "gcc 12.2.0" is
	 * some other tool's way of naming gcc. */
	if (marker_at == TRANSLATED_WORDS_MAX || (words < 2 && !glued))
		return 0;
	if (!version_token_at(line, len, pos, tok))
		return 0;
	if (marker_at == 0)
		return 1;
	return marker_at == 1 && words == 2 &&
	       only_pkgversion_after(line, len, tok->end);
}

static int group_matches(const char *marker, const char *line, size_t len,
			 struct version_token *tok)
{
	size_t n = strlen(marker), pos, end;

	for (pos = 0; pos + n <= len; pos++) {
		if (memcmp(line + pos, marker, n) != 0)
			continue;
		end = skip_paren_group(line, len, pos);
		if (end != pos && version_after(line, len, end, tok))
			return 1;
	}
	return 0;
}

int rule_matches(const struct family_rule *rule, const char *line,
		 size_t len, const char *program, struct version_token *tok)
{
	long at;

	if (rule->program && !program_contains(program, rule->program))
		return 0;
	switch (rule->shape) {
	case SHAPE_DRIVER:
		return driver_matches(rule, line, len, tok);
	case SHAPE_BARE_V:
		return bare_v_matches(line, len, tok);
	case SHAPE_TRANSLATED:
		return translated_matches(rule->marker, line, len, tok);
	case SHAPE_GROUP:
		return group_matches(rule->marker, line, len, tok);
	case SHAPE_MARKER:
	case SHAPE_MARKER_SCAN:
		break;
	}
	for (at = find_word(line, len, 0, rule->marker, 0); at >= 0;
	     at = find_word(line, len, (size_t)at + 1, rule->marker, 0)) {
		size_t after = (size_t)at + strlen(rule->marker);

		/* Old cargo: "cargo-0.17.0-nightly (f9e5481 2017-03-03)". */
		if (after + 1 < len && line[after] == '-' &&
		    is_digit(line[after + 1]))
			after++;

		if (rule->shape == SHAPE_MARKER_SCAN
			    ? find_version_token(line, len, after, 1, tok)
			    : version_after(line, len, after, tok))
			return 1;
	}
	return 0;
}
