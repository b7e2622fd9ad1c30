// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap matrix: which Kconfig symbols flip across a tool's versions.
 *
 *   toolcap matrix PAHOLE=pahole 1.16 1.21 1.22 1.22-git 1.24 missing
 *
 * runs the real Kconfig engine once per version, with $PAHOLE a stand-in
 * printing what that pahole prints, from the same .config, and prints one
 * row per symbol whose value is not the same in every version.  The
 * question review of the seed's patch had to answer by reading ("does
 * DEBUG_INFO_BTF stay on with pahole 1.21?") becomes one that runs, and
 * --expect puts the answer under test.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "matrix.h"
#include "matrix-expect.h"
#include "../../lib/kconfig-scan.h"

#define EXPECT_MAX 64
#define DEFAULT_TIMEOUT_S 120

struct matrix_options {
	const char *engine, *kconfig;
	int json;
	struct expectation expect[EXPECT_MAX];
	int n_expect;
};

/* ------------------------------------------------------------------ */
/* The command line                                                    */

/* Labels are written into the stand-in script and the table: keep them
 * to what a version is made of. */
static int valid_label(const char *s)
{
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		      (*s >= 'A' && *s <= 'Z') || strchr("._+~-", *s)))
			return 0;
	return 1;
}

static int parse_version(const struct matrix_plan *plan, const char *label,
			 struct matrix_version *v)
{
	size_t len = strlen(label);
	int i;

	v->label = label;
	for (i = 0; i < plan->n_versions; i++)
		if (strcmp(plan->versions[i].label, label) == 0) {
			fail("matrix: version \"%s\" given twice", label);
			return EXIT_ERROR;
		}
	if (strcmp(label, "missing") == 0) {
		v->missing = 1;
		return 0;
	}
	if (len > 4 && strcmp(label + len - 4, "-git") == 0) {
		v->git = 1;
		len -= 4;
	}
	if (!(label[0] >= '0' && label[0] <= '9') || !valid_label(label) ||
	    len >= sizeof(v->release)) {
		fail("matrix: \"%s\" is not a version (1.21, 1.22-git or missing)",
		     label);
		return EXIT_ERROR;
	}
	memcpy(v->release, label, len);
	v->release[len] = '\0';
	if (v->git && !plan->tmpl->git_before) {
		fail("matrix: \"%s\": no recorded output of a %s built from git to take its shape from",
		     label, plan->tmpl->family);
		return EXIT_ERROR;
	}
	return 0;
}

/* VAR=FAMILY VERSION... */
static int parse_matrix(struct matrix_plan *plan, int argc, char **argv)
{
	static char variable[128];
	const char *eq = argc ? strchr(argv[0], '=') : NULL;
	char names[256];
	int i;

	if (argc < 2 || !eq || eq == argv[0] ||
	    (size_t)(eq - argv[0]) >= sizeof(variable))
		return usage_error("matrix", "needs VAR=FAMILY VERSION...");
	memcpy(variable, argv[0], (size_t)(eq - argv[0]));
	variable[eq - argv[0]] = '\0';
	plan->variable = variable;
	plan->tmpl = matrix_template(eq + 1);
	if (!plan->tmpl) {
		matrix_template_names(names, sizeof(names));
		fail("matrix: no recorded --version output to stand in for \"%s\" (families: %s)",
		     eq + 1, names);
		return EXIT_ERROR;
	}
	if (argc - 1 > MATRIX_VERSIONS_MAX)
		return usage_error("matrix", "too many versions");
	for (i = 1; i < argc; i++) {
		if (parse_version(plan, argv[i], &plan->versions[plan->n_versions]))
			return EXIT_ERROR;
		plan->n_versions++;
	}
	return 0;
}

static int parse_timeout(const char *value, unsigned *ms)
{
	char *end;
	double seconds;

	errno = 0;
	seconds = strtod(value, &end);
	if (errno || *end || end == value || seconds <= 0 || seconds > 86400)
		return usage_error("matrix", "--timeout needs seconds");
	*ms = (unsigned)(seconds * 1000 + 0.5);
	return 0;
}

static int parse_arguments(int argc, char **argv, struct matrix_options *o,
			   struct matrix_plan *plan)
{
	static const struct cli_option options[] = {
		{ "--engine", 1 }, { "--config", 1 }, { "--kconfig", 1 },
		{ "--json", 0 }, { "--timeout", 1 }, { "--expect", 1 },
		{ NULL, 0 }
	};
	const char *value;
	int i = 0, k = OPTIONS_END, status = 0;

	while (status == 0 &&
	       (k = next_option("matrix", argc, argv, &i, options, &value)) >= 0) {
		if (k == 0)
			o->engine = value;
		else if (k == 1)
			plan->config = value;
		else if (k == 2)
			o->kconfig = value;
		else if (k == 3)
			o->json = 1;
		else if (k == 4)
			status = parse_timeout(value, &plan->timeout_ms);
		else if (o->n_expect == EXPECT_MAX)
			return usage_error("matrix", "too many --expect");
		else
			status = expect_parse(value, &o->expect[o->n_expect++]);
	}
	if (k == OPTIONS_ERROR)
		return EXIT_ERROR;
	return status ? status : parse_matrix(plan, argc - i, argv + i);
}

/*
 * The top Kconfig, as an absolute path (the engine runs elsewhere): as
 * conf does, relative to here, else to $srctree.
 */
static int find_kconfig(const char *kconfig, struct matrix_plan *plan)
{
	const char *srctree = getenv("srctree"), *path = kconfig;
	char cwd[PATH_MAX], candidate[PATH_MAX];
	int n;

	if (path[0] != '/' && access(path, R_OK) != 0 && srctree && *srctree &&
	    (size_t)snprintf(candidate, sizeof(candidate), "%s/%s", srctree,
			     kconfig) < sizeof(candidate) &&
	    access(candidate, R_OK) == 0)
		path = candidate;
	if (access(path, R_OK) != 0) {
		fail("matrix: --kconfig=%s: %s", kconfig, strerror(errno));
		return EXIT_ERROR;
	}
	if (path[0] == '/')
		n = snprintf(plan->kconfig, sizeof(plan->kconfig), "%s", path);
	else if (getcwd(cwd, sizeof(cwd)))
		n = snprintf(plan->kconfig, sizeof(plan->kconfig), "%s/%s", cwd,
			     path);
	else
		n = -1;
	if (n < 0 || (size_t)n >= sizeof(plan->kconfig)) {
		fail("matrix: --kconfig=%s: path too long", kconfig);
		return EXIT_ERROR;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The symbols --expect names                                          */

struct symbol_search {
	const struct matrix_options *o;
	int defined[EXPECT_MAX];
};

static int is_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

/* Does a line of text read "config SYMBOL" or "menuconfig SYMBOL"? */
static int text_defines(const char *text, size_t len, const char *symbol)
{
	size_t n = strlen(symbol), i = 0;

	while (i < len) {
		const char *line = text + i, *end = memchr(line, '\n', len - i);
		size_t line_len = end ? (size_t)(end - line) : len - i, k = 0;

		i += line_len + 1;
		while (k < line_len && is_blank_char(line[k]))
			k++;
		if (line_len - k > 4 && strncmp(line + k, "menu", 4) == 0)
			k += 4;
		if (line_len - k <= 6 || strncmp(line + k, "config", 6) != 0 ||
		    !is_blank_char(line[k + 6]))
			continue;
		for (k += 6; k < line_len && is_blank_char(line[k]); k++)
			;
		if (line_len - k >= n && memcmp(line + k, symbol, n) == 0 &&
		    (k + n == line_len || is_blank_char(line[k + n]) ||
		     line[k + n] == '#' || line[k + n] == '\r'))
			return 1;
	}
	return 0;
}

static int look_for_symbols(const char *name, const char *text, size_t len,
			    void *data)
{
	struct symbol_search *search = data;
	int i;

	(void)name;
	for (i = 0; i < search->o->n_expect; i++)
		if (!search->defined[i])
			search->defined[i] = text_defines(text, len,
						search->o->expect[i].symbol);
	return 0;
}

/*
 * "n" holds for a symbol absent from .config, so a misspelt symbol
 * (DEBUG_INFO_BTFF) would hold for ever: every symbol --expect names must
 * be defined by a config or menuconfig line of the tree, read as conf
 * reads it (following source).
 */
static int check_symbols(const struct matrix_plan *plan,
			 const struct matrix_options *o)
{
	static const char *const no_macros[] = { NULL };
	struct kconfig_scan_options scan = { 0 };
	struct symbol_search search = { o, { 0 } };
	char error[512] = "";
	int i;

	if (!o->n_expect)
		return 0;
	scan.macros = no_macros;
	scan.file_fn = look_for_symbols;
	scan.file_data = &search;
	scan.error = error;
	scan.error_size = sizeof(error);
	if (kconfig_scan_tree(plan->kconfig, &scan, NULL, NULL) !=
	    KCONFIG_SCAN_DONE) {
		fail("matrix: cannot read the Kconfig tree to find the symbols of --expect: %s",
		     error[0] ? error : plan->kconfig);
		return EXIT_ERROR;
	}
	for (i = 0; i < o->n_expect; i++)
		if (!search.defined[i]) {
			fail("matrix: --expect \"%s\": no symbol %s in %s or the files it sources",
			     o->expect[i].spec, o->expect[i].symbol,
			     plan->kconfig);
			return EXIT_ERROR;
		}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The engine's answers                                                */

/* The first version whose engine run failed, said in one line. */
static int report_engine_failure(const struct matrix_plan *plan,
				 const struct matrix_outcome *outcomes)
{
	const struct matrix_outcome *o;
	char why[512];
	int i;

	for (i = 0; i < plan->n_versions; i++) {
		o = &outcomes[i];
		if (!o->timed_out && !o->signal && o->exit_status == 0)
			continue;
		matrix_engine_error(plan, i, why, sizeof(why));
		if (o->timed_out)
			fail("matrix: %s: still running after %g s with %s = %s %s, killed (--timeout): \"%s\"",
			     plan->engine_name, plan->timeout_ms / 1000.0,
			     plan->variable, plan->tmpl->family,
			     plan->versions[i].label, why);
		else if (o->signal)
			fail("matrix: %s: killed by signal %d with %s = %s %s: \"%s\"",
			     plan->engine_name, o->signal, plan->variable,
			     plan->tmpl->family, plan->versions[i].label, why);
		else
			fail("matrix: %s failed (exit status %d) with %s = %s %s: \"%s\"",
			     plan->engine_name, o->exit_status, plan->variable,
			     plan->tmpl->family, plan->versions[i].label, why);
		return EXIT_ERROR;
	}
	return 0;
}

static int read_configs(const struct matrix_plan *plan, struct matrix_table *t)
{
	char dir[PATH_MAX], file[PATH_MAX + 16];
	int i;

	t->n_versions = plan->n_versions;
	for (i = 0; i < plan->n_versions; i++) {
		matrix_version_dir(plan, i, dir, sizeof(dir));
		snprintf(file, sizeof(file), "%s/.config", dir);
		if (matrix_read_config(t, i, file))
			return EXIT_ERROR;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */

static const char *shown(const char *value)
{
	return value ? value : "-";
}

static void print_table(const struct matrix_plan *plan,
			const struct matrix_table *t)
{
	size_t width[MATRIX_VERSIONS_MAX + 1], i, len;
	int v;

	width[0] = strlen("SYMBOL");
	for (v = 0; v < plan->n_versions; v++)
		width[v + 1] = strlen(plan->versions[v].label);
	for (i = 0; i < t->n; i++) {
		if (!matrix_symbol_differs(t, &t->symbols[i]))
			continue;
		len = strlen(t->symbols[i].name);
		width[0] = len > width[0] ? len : width[0];
		for (v = 0; v < plan->n_versions; v++) {
			len = strlen(shown(t->symbols[i].values[v]));
			width[v + 1] = len > width[v + 1] ? len : width[v + 1];
		}
	}
	printf("%-*s", (int)width[0], "SYMBOL");
	for (v = 0; v < plan->n_versions; v++)
		printf("  %-*s", v + 1 < plan->n_versions ? (int)width[v + 1] : 0,
		       plan->versions[v].label);
	putchar('\n');
	for (i = 0; i < t->n; i++) {
		if (!matrix_symbol_differs(t, &t->symbols[i]))
			continue;
		printf("%-*s", (int)width[0], t->symbols[i].name);
		for (v = 0; v < plan->n_versions; v++)
			printf("  %-*s",
			       v + 1 < plan->n_versions ? (int)width[v + 1] : 0,
			       shown(t->symbols[i].values[v]));
		putchar('\n');
	}
}

/* Check one expectation; print it unless json.  1 when it holds. */
static int check_expectation(const struct matrix_plan *plan,
			     const struct matrix_table *t,
			     const struct expectation *e, int json)
{
	const struct matrix_symbol *s = matrix_find(t, e->symbol);
	const char *got;
	int v, holds = 1, first = 1;

	for (v = 0; v < plan->n_versions; v++) {
		if (!expect_range_holds(e->range, &plan->versions[v]))
			continue;
		got = s ? s->values[v] : NULL;
		if (expect_value_matches(e->value, got))
			continue;
		if (holds && !json)
			printf("expectation FAILED: %s\n", e->spec);
		holds = 0;
		if (json) {
			printf("%s{\"version\":", first ? "" : ",");
			print_json_string(plan->versions[v].label);
			printf(",\"expected\":");
			print_json_string(e->value);
			printf(",\"got\":");
			if (got)
				print_json_string(got);
			else
				printf("null");
			putchar('}');
			first = 0;
		} else
			printf("  %s %s: expected %s, got %s\n", plan->variable,
			       plan->versions[v].label, e->value, shown(got));
	}
	if (holds && !json)
		printf("expectation holds: %s\n", e->spec);
	return holds;
}

/* An expectation about no version at all is a mistake, not a pass. */
static int check_ranges(const struct matrix_plan *plan,
			const struct matrix_options *o)
{
	int i, v;

	for (i = 0; i < o->n_expect; i++) {
		for (v = 0; v < plan->n_versions; v++)
			if (expect_range_holds(o->expect[i].range, &plan->versions[v]))
				break;
		if (v == plan->n_versions) {
			fail("matrix: --expect \"%s\": no version given is in %s",
			     o->expect[i].spec, o->expect[i].range);
			return EXIT_ERROR;
		}
	}
	return 0;
}

static int print_text(const struct matrix_plan *plan,
		      const struct matrix_table *t,
		      const struct matrix_options *o)
{
	int i, failed = 0;

	print_table(plan, t);
	if (o->n_expect)
		putchar('\n');
	for (i = 0; i < o->n_expect; i++)
		failed += !check_expectation(plan, t, &o->expect[i], 0);
	return failed ? EXIT_FALSE : EXIT_TRUE;
}

static int print_json(const struct matrix_plan *plan,
		      const struct matrix_table *t,
		      const struct matrix_options *o)
{
	size_t i;
	int v, holds, failed = 0, first = 1;

	printf("{\"toolcap\":\"%s\",\"engine\":", TOOLCAP_CLI_VERSION);
	print_json_string(plan->engine_name);
	printf(",\"variable\":");
	print_json_string(plan->variable);
	printf(",\"family\":");
	print_json_string(plan->tmpl->family);
	printf(",\"versions\":[");
	for (v = 0; v < plan->n_versions; v++) {
		printf("%s", v ? "," : "");
		print_json_string(plan->versions[v].label);
	}
	printf("],\"symbols\":[");
	for (i = 0; i < t->n; i++) {
		if (!matrix_symbol_differs(t, &t->symbols[i]))
			continue;
		printf("%s{\"name\":", first ? "" : ",");
		print_json_string(t->symbols[i].name);
		printf(",\"values\":[");
		for (v = 0; v < plan->n_versions; v++) {
			printf("%s", v ? "," : "");
			if (t->symbols[i].values[v])
				print_json_string(t->symbols[i].values[v]);
			else
				printf("null");
		}
		printf("]}");
		first = 0;
	}
	printf("],\"expectations\":[");
	for (v = 0; v < o->n_expect; v++) {
		printf("%s{\"expect\":", v ? "," : "");
		print_json_string(o->expect[v].spec);
		printf(",\"failures\":[");
		holds = check_expectation(plan, t, &o->expect[v], 1);
		printf("],\"holds\":%s}", holds ? "true" : "false");
		failed += !holds;
	}
	printf("],\"result\":\"%s\",\"exit\":%d}\n", failed ? "failed" : "ok",
	       failed ? EXIT_FALSE : EXIT_TRUE);
	return failed ? EXIT_FALSE : EXIT_TRUE;
}

int cmd_matrix(const char *name, int argc, char **argv)
{
	static struct matrix_options o;
	static struct matrix_plan plan;
	static struct matrix_outcome outcomes[MATRIX_VERSIONS_MAX];
	struct matrix_table table = { 0 };
	int status;

	(void)name;
	/* Static for their size; fresh on every call (fuzz-cli calls
	 * toolcap_main many times in one process). */
	memset(&o, 0, sizeof(o));
	memset(&plan, 0, sizeof(plan));
	o.engine = "conf";
	o.kconfig = "Kconfig";
	plan.timeout_ms = DEFAULT_TIMEOUT_S * 1000;
	status = parse_arguments(argc, argv, &o, &plan);
	if (!status)
		status = check_ranges(&plan, &o);
	if (!status)
		status = find_kconfig(o.kconfig, &plan);
	if (!status)
		status = check_symbols(&plan, &o);
	if (!status)
		status = matrix_choose_engine(&plan, o.engine);
	if (!status)
		status = matrix_run(&plan, outcomes);
	if (!status)
		status = report_engine_failure(&plan, outcomes);
	if (!status)
		status = read_configs(&plan, &table);
	matrix_cleanup(&plan);
	if (!status)
		status = o.json ? print_json(&plan, &table, &o)
				: print_text(&plan, &table, &o);
	matrix_table_free(&table);
	return status;
}
