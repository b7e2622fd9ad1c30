// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The family table (lib/families.c) is the one record of each family:
 * walk it, and check that every lookup derived from it answers as the
 * record says, that each family has rules and a real sample, and that the
 * lists a reader sees (README, man pages, toolcap.h, the fuzzer's seeds)
 * name the same families.  Run as tests/unit/test-families from t0010;
 * the tree is found from argv[0].
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include "toolcap.h"
#include "families.h"
#include "tap.h"

static char top[4096]; /* the tree: argv[0] is TOP/tests/unit/test-families */

static void find_top(const char *argv0)
{
	const char *end = strstr(argv0, "tests/unit/");

	if (end)
		snprintf(top, sizeof(top), "%.*s", (int)(end - argv0), argv0);
	else
		snprintf(top, sizeof(top), "../../");
	if (!top[0])
		snprintf(top, sizeof(top), "./");
}

static const char *listed_ids[FAMILY_COUNT + 1];
static size_t n_listed;

static void test_records(void)
{
	size_t i, j;

	for (i = 0; i < FAMILY_COUNT; i++) {
		const struct family *f = &families[i];

		CHECK(f->id && f->id[0], "family %zu has an id", i);
		for (j = 0; j < i; j++)
			if (strcmp(families[j].id, f->id) == 0)
				break;
		CHECK(j == i, "%s: the id is used once", f->id);
		CHECK(family_record(f->id) == f, "%s: its record is found by its id",
		      f->id);
		CHECK(toolcap_is_family(f->id) == f->listed,
		      "%s: toolcap_is_family says %d, as listed", f->id, f->listed);
		CHECK(strlen(f->id) < TOOLCAP_FAMILY_MAX,
		      "%s: fits struct toolcap_ident's family", f->id);
		if (f->listed)
			listed_ids[n_listed++] = f->id;
	}
	for (i = 0; i < n_listed; i++)
		CHECK(toolcap_family_at(i) && strcmp(toolcap_family_at(i), listed_ids[i]) == 0,
		      "toolcap_family_at(%zu) is %s", i, listed_ids[i]);
	CHECK(toolcap_family_at(n_listed) == NULL,
	      "toolcap_family_at(%zu), past the last, is NULL", n_listed);
}

static void test_rules(void)
{
	size_t i, r;
	int has_rule[FAMILY_COUNT] = { 0 }, group_rule = 0, binutils = 0;

	for (r = 0; r < family_rule_count; r++) {
		const struct family_rule *rule = &family_rules[r];

		if (rule->family == FAMILY_OF_BINUTILS) {
			CHECK(rule->shape == SHAPE_GROUP,
			      "rule %zu: only a GROUP row leaves its family to the binutils records",
			      r);
			group_rule = 1;
			continue;
		}
		CHECK(rule->family >= 0 && rule->family < FAMILY_COUNT,
		      "rule %zu names a record", r);
		if (rule->family >= 0 && rule->family < FAMILY_COUNT)
			has_rule[rule->family] = 1;
	}
	for (i = 0; i < FAMILY_COUNT; i++) {
		CHECK(has_rule[i] || families[i].binutils,
		      "%s has a rule row (or is read by the binutils row)",
		      families[i].id);
		binutils |= families[i].binutils;
	}
	CHECK(group_rule == binutils,
	      "a binutils row exists exactly when a record is binutils");
}

/* Every program name is one family's, and maps back to it: as it is,
 * with a target prefix and with a version suffix.  Its version flag is
 * the record's. */
static void test_programs(void)
{
	size_t i, j, k, l;
	char name[256];

	for (i = 0; i < FAMILY_COUNT; i++) {
		const struct family *f = &families[i];
		const char *const *args;

		for (j = 0; j < FAMILY_PROGRAMS_MAX && f->programs[j]; j++) {
			const char *p = f->programs[j];
			const char *got = toolcap_program_family(p);

			for (k = 0; k < FAMILY_COUNT; k++)
				for (l = 0; l < FAMILY_PROGRAMS_MAX &&
					    families[k].programs[l]; l++)
					if ((k != i || l != j) &&
					    strcmp(families[k].programs[l], p) == 0)
						CHECK(0, "program %s is named by %s and %s",
						      p, f->id, families[k].id);
			CHECK(got && strcmp(got, f->id) == 0,
			      "program %s maps back to %s (got %s)", p, f->id,
			      got ? got : "NULL");
			snprintf(name, sizeof(name), "/usr/bin/x86_64-linux-gnu-%s-14", p);
			got = toolcap_program_family(name);
			CHECK(got && strcmp(got, f->id) == 0,
			      "program %s maps back to %s (got %s)", name, f->id,
			      got ? got : "NULL");
			args = toolcap_version_args(p, NULL);
			CHECK(strcmp(args[0], f->version_args[0] ? f->version_args[0]
								 : "--version") == 0 &&
			      !args[1],
			      "%s runs as %s %s", p, p, args[0]);
		}
		CHECK(j > 0 || !f->listed || i == FAMILY_APPLE_CLANG,
		      "%s names the programs it is installed as (apple-clang's is clang's)",
		      f->id);
		args = toolcap_version_args(NULL, f->id);
		CHECK(strcmp(args[0], f->version_args[0] ? f->version_args[0]
							 : "--version") == 0,
		      "family %s runs with %s", f->id, args[0]);
	}
}

static void test_kernel(void)
{
	struct toolcap_ident id;
	char text[64];
	size_t i;

	for (i = 0; i < FAMILY_COUNT; i++) {
		const struct family *f = &families[i];
		enum toolcap_error e;

		memset(&id, 0, sizeof(id));
		snprintf(id.family, sizeof(id.family), "%s", f->id);
		snprintf(id.version, sizeof(id.version), "1.2.3");
		e = toolcap_kernel_text(&id, text, sizeof(text));
		if (!f->kernel_name) {
			CHECK(e == TOOLCAP_ERR_NO_ENCODING,
			      "%s: no kernel script, no kernel text", f->id);
			continue;
		}
		CHECK(e == TOOLCAP_OK && strncmp(text, f->kernel_name,
						 strlen(f->kernel_name)) == 0,
		      "%s: the kernel text of 1.2.3 is \"%s\"", f->id, text);
	}
}

/* What a stand-in prints is read back as its family and release. */
static void test_standins(void)
{
	struct toolcap_standin s;
	struct toolcap_ident id;
	char text[1024];
	size_t i;
	int git;

	for (i = 0; i < FAMILY_COUNT; i++) {
		const struct family *f = &families[i];
		int has = toolcap_family_standin(f->id, &s);

		CHECK(has == (f->listed && f->standin_before != NULL),
		      "%s: toolcap_family_standin says %d", f->id, has);
		if (!has)
			continue;
		CHECK(s.program && s.after && (!s.git_before == !s.git_after),
		      "%s: its stand-in has a program and both halves", f->id);
		for (git = 0; git <= (s.git_before != NULL); git++) {
			enum toolcap_error e;

			snprintf(text, sizeof(text), "%s%s%s",
				 git ? s.git_before : s.before, "1.23",
				 git ? s.git_after : s.after);
			e = toolcap_identify(text, strlen(text), s.program, NULL,
					     &id);
			CHECK(e == TOOLCAP_OK && strcmp(id.family, f->id) == 0 &&
			      strcmp(id.version, "1.23") == 0,
			      "%s%s: its stand-in reads as %s 1.23 (got %s %s)",
			      f->id, git ? " from git" : "", f->id, id.family,
			      id.version);
		}
	}
	CHECK(!toolcap_family_standin("perl", &s) &&
	      !toolcap_family_standin("nosuch", &s) &&
	      !toolcap_family_standin(NULL, &s),
	      "no stand-in for perl, nosuch or NULL");
}

/* Each family has a sample of its own under tests/samples/ID/. */
static void test_samples(void)
{
	char path[4200];
	size_t i;

	for (i = 0; i < FAMILY_COUNT; i++) {
		struct dirent *d;
		DIR *dir;
		int outs = 0;

		snprintf(path, sizeof(path), "%stests/samples/%s", top,
			 families[i].id);
		dir = opendir(path);
		while (dir && (d = readdir(dir)))
			outs += strlen(d->d_name) > 4 &&
				strcmp(d->d_name + strlen(d->d_name) - 4, ".out") == 0;
		if (dir)
			closedir(dir);
		CHECK(outs > 0, "%s has a real sample in %s (%d)",
		      families[i].id, path, outs);
	}
}

/* The file's text, or NULL. */
static char *slurp(const char *name)
{
	char path[4200];
	FILE *f;
	char *text;
	long n;

	snprintf(path, sizeof(path), "%s%s", top, name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || !(text = malloc((size_t)n + 1))) {
		fclose(f);
		return NULL;
	}
	text[fread(text, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return text;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '-' || c == '+';
}

/*
 * The family ids named in file between start and end, in order, must be
 * expected, in order (ordered) or the ids named must include every one
 * of expected (!ordered).  Words that are no family id are the list's
 * own ("and", "are"), unless ordered lists them as a typo would be: then
 * they must be in fillers.
 */
static void check_list(const char *file, const char *start, const char *end,
		       const char *const *expected, size_t n_expected,
		       int ordered, const char *fillers)
{
	char *text = slurp(file), word[64], seen[2048] = "", wanted[2048] = "";
	const char *from, *to, *p;
	size_t i, n = 0, len;
	int ok = 1;

	from = text ? strstr(text, start) : NULL;
	to = from ? strstr(from + strlen(start), end) : NULL;
	if (!to) {
		CHECK(0, "%s lists the families between \"%s\" and \"%s\"",
		      file, start, end);
		free(text);
		return;
	}
	for (p = from + strlen(start); p < to; p += len ? len : 1) {
		for (len = 0; p + len < to && is_name_char(p[len]); len++)
			;
		if (!len || len >= sizeof(word) || !(p[0] >= 'a' && p[0] <= 'z'))
			continue;
		/* "ld.bfd." ends a sentence; "ld.bfd" is the word. */
		while (len && p[len - 1] == '.')
			len--;
		snprintf(word, sizeof(word), "%.*s", (int)len, p);
		if (toolcap_is_family(word)) {
			snprintf(seen + strlen(seen), sizeof(seen) - strlen(seen),
				 " %s", word);
			if (!ordered) {
				n++;
				continue;
			}
			ok &= n < n_expected && strcmp(word, expected[n]) == 0;
			n++;
		} else if (ordered && fillers) {
			char padded[80];

			snprintf(padded, sizeof(padded), " %s ", word);
			if (!strstr(fillers, padded)) {
				ok = 0;
				snprintf(seen + strlen(seen),
					 sizeof(seen) - strlen(seen), " ?%s", word);
			}
		}
	}
	for (i = 0; i < n_expected; i++) {
		snprintf(wanted + strlen(wanted), sizeof(wanted) - strlen(wanted),
			 " %s", expected[i]);
		if (!ordered) {
			char padded[80];

			snprintf(padded, sizeof(padded), " %s", expected[i]);
			len = strlen(padded);
			p = strstr(seen, padded);
			while (p && p[len] && p[len] != ' ')
				p = strstr(p + 1, padded);
			ok &= p != NULL;
		}
	}
	ok &= !ordered || n == n_expected;
	CHECK(ok, "%s, after \"%s\", names the families of lib/families.c:%s%s%s",
	      file, start, ordered ? "" : " among", wanted,
	      ok ? "" : "; it says:");
	if (!ok)
		printf("#  %s\n", seen);
	free(text);
}

static void test_documentation(void)
{
	const char *standins[FAMILY_COUNT], *mmp10000[FAMILY_COUNT];
	const char *mm100[FAMILY_COUNT], *mmp100000[FAMILY_COUNT];
	const char *git_standins[FAMILY_COUNT];
	size_t n_standins = 0, n_git = 0, n10000 = 0, n100 = 0, n100000 = 0, i;
	struct toolcap_standin s;

	for (i = 0; i < FAMILY_COUNT; i++) {
		const struct family *f = &families[i];

		if (toolcap_family_standin(f->id, &s))
			standins[n_standins++] = f->id;
		if (toolcap_family_standin(f->id, &s) && s.git_before)
			git_standins[n_git++] = f->id;
		if (!f->listed || !f->kernel_name)
			continue;
		if (f->encoding == ENCODE_MMP_10000)
			mmp10000[n10000++] = f->id;
		else if (f->encoding == ENCODE_MM_100)
			mm100[n100++] = f->id;
		else
			mmp100000[n100000++] = f->id;
	}
	check_list("README.md", "Family ids:", ". Any other", listed_ids,
		   n_listed, 1, " ");
	check_list("man/toolcap.3", "The known families are", "; for any other",
		   listed_ids, n_listed, 1, " and ");
	check_list("lib/toolcap.h", "struct toolcap_ident {", "; for any other",
		   listed_ids, n_listed, 1, " ");
	check_list("man/toolcap.1", "the families with one are",
		   "\n.Po a program name", standins, n_standins, 1, " and ");
	check_list("man/toolcap.1", "those with a build from git are", ".\n",
		   git_standins, n_git, 1, " and ");
	check_list("lib/toolcap.h", "the families with one are", ".\n",
		   standins, n_standins, 1, " and ");
	/* The kernel's integers, by encoding. */
	check_list("lib/toolcap.h", "the kernel's scripts use for a version:",
		   ":\n", mmp10000, n10000, 1, " ");
	check_list("lib/toolcap.h", "(12.2.0 -> 120200)", ":", mm100, n100,
		   1, " ");
	check_list("lib/toolcap.h", "(1.24 -> 124)", ":", mmp100000,
		   n100000, 1, " and ");
	check_list("man/toolcap.3", "10000*major + 100*minor + patch for",
		   ".Pq 12.2.0", mmp10000, n10000, 1, " and ");
	check_list("man/toolcap.3", "100*major + minor for", ".Pq 1.24", mm100,
		   n100, 1, " ");
	check_list("man/toolcap.3", "100000*major + 100*minor + patch for",
		   ".Pq 1.63.0", mmp100000, n100000, 1, " and ");
}

int main(int argc, char **argv)
{
	(void)argc;
	find_top(argv[0]);
	test_records();
	test_rules();
	test_programs();
	test_kernel();
	test_standins();
	test_samples();
	test_documentation();
	return tap_failures != 0;
}
