// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * toolcap check: are this machine's tools new enough?  The answer a
 * configure step or a CI job needs before a build starts: a table for
 * people, a JSON document for programs, and an exit status for both
 * (0 every required tool is met, 1 one is too old, missing or of another
 * family, 2 a requirement could not be read or a tool not understood).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check-requirements.h"

enum check_status { CHECK_OK, CHECK_TOO_OLD, CHECK_MISSING,
		    CHECK_WRONG_FAMILY, CHECK_UNRECOGNISED, CHECK_ERROR };

/* The words of the JSON "status" key and of the table; stable. */
static const char *const status_names[] = {
	"ok", "too-old", "missing", "wrong-family", "unrecognised", "error"
};

/* What a child learns about one requirement and sends to its parent. */
struct check_result {
	enum toolcap_error error;
	struct toolcap_ident ident;
	int exit_status, signal, sys_errno;
	char path[1024];
};

/* A requirement with its result and the verdict on it. */
struct check_row {
	const struct requirement *req;
	struct check_result result;
	enum check_status status;
	const char *needed;      /* the minimum that applied, or NULL */
	char needed_buf[REQUIREMENT_MINIMUM_MAX];
};

/* Where PATH finds program, as execvp would, so that the report says
 * which of several installed copies was checked. */
static void find_program(const char *program, char *path, size_t size)
{
	const char *dirs = getenv("PATH");
	const char *p;

	path[0] = '\0';
	if (strchr(program, '/')) {
		if (access(program, X_OK) == 0)
			snprintf(path, size, "%s", program);
		return;
	}
	if (!dirs)
		dirs = "/usr/bin:/bin";
	for (p = dirs;; p++) {
		const char *end = strchr(p, ':');
		int len = end ? (int)(end - p) : (int)strlen(p);

		if (len == 0)
			snprintf(path, size, "%s", program);
		else
			snprintf(path, size, "%.*s/%s", len, p, program);
		if (access(path, X_OK) == 0)
			return;
		if (!end)
			break;
		p = end;
	}
	path[0] = '\0';
}

/* In a child: run the requirement's command and recognise it. */
static void probe_requirement(const struct requirement *r,
			      struct check_result *result)
{
	static char out[TOOLCAP_DEFAULT_OUTPUT_CAP], err[TOOLCAP_DEFAULT_OUTPUT_CAP];
	char words[REQUIREMENT_COMMAND_MAX];
	char *argv[REQUIREMENT_ARGV_MAX + 1];
	struct options opt = { 0 };
	struct probe p = { 0 };
	int argc = requirement_argv(r, words, argv);

	opt.command = argv;
	opt.command_len = argc > 0 ? argc : 0;
	if (opt.command_len == 0) {
		result->error = TOOLCAP_ERR_NOT_FOUND;
		return;
	}
	/* A requirement named after a family ("gcc", "pahole") means that
	 * family: CC=clang does not satisfy "gcc 5.1.0 $(CC)". */
	if (!requirement_has_family_list(r))
		opt.tool = family_option(r->name);
	find_program(argv[0], result->path, sizeof(result->path));
	probe_tool(&opt, &p, out, sizeof(out), err, sizeof(err));
	result->error = p.error;
	result->ident = p.ident;
	result->exit_status = p.run.exit_status;
	result->signal = p.run.signal;
	result->sys_errno = p.run.sys_errno;
}

/* ------------------------------------------------------------------ */
/* Probing every requirement at once                                   */

/* Enough to hide each tool's start-up time, few enough for any ulimit. */
#define CHECK_PARALLEL 32

struct job {
	pid_t pid;
	int fd;
};

static struct job start_probe(const struct requirement *r)
{
	struct job job = { -1, -1 };
	int fds[2];

	if (pipe(fds) != 0)
		return job;
	job.pid = fork();
	if (job.pid == 0) {
		struct check_result result;
		const char *p = (const char *)&result;
		size_t left = sizeof(result);
		ssize_t n;

		close(fds[0]);
		memset(&result, 0, sizeof(result));
		probe_requirement(r, &result);
		while (left > 0 && (n = write(fds[1], p, left)) > 0) {
			p += n;
			left -= (size_t)n;
		}
		_exit(left ? 1 : 0);
	}
	close(fds[1]);
	if (job.pid < 0) {
		close(fds[0]);
		return job;
	}
	job.fd = fds[0];
	return job;
}

static void finish_probe(struct job job, struct check_result *result)
{
	char *p = (char *)result;
	size_t left = sizeof(*result);
	ssize_t n = 0;

	if (job.fd >= 0) {
		while (left > 0 && ((n = read(job.fd, p, left)) > 0 ||
				    (n < 0 && errno == EINTR))) {
			if (n > 0) {
				p += n;
				left -= (size_t)n;
			}
		}
		close(job.fd);
		waitpid(job.pid, NULL, 0);
	}
	if (job.fd < 0 || left > 0) {
		memset(result, 0, sizeof(*result));
		result->error = TOOLCAP_ERR_SYSTEM;
		result->sys_errno = errno ? errno : EAGAIN;
	}
}

static void probe_all(struct check_row *rows, size_t n)
{
	struct job jobs[CHECK_PARALLEL];
	size_t i;

	fflush(stdout);
	fflush(stderr);
	for (i = 0; i < n; i++) {
		if (i >= CHECK_PARALLEL)
			finish_probe(jobs[i % CHECK_PARALLEL],
				     &rows[i - CHECK_PARALLEL].result);
		jobs[i % CHECK_PARALLEL] = start_probe(rows[i].req);
	}
	for (i = n > CHECK_PARALLEL ? n - CHECK_PARALLEL : 0; i < n; i++)
		finish_probe(jobs[i % CHECK_PARALLEL], &rows[i].result);
}

/* ------------------------------------------------------------------ */
/* Verdicts                                                            */

static void judge(struct check_row *row)
{
	const struct check_result *res = &row->result;

	row->needed = requirement_minimum_for(row->req, res->ident.family,
					      row->needed_buf,
					      sizeof(row->needed_buf));
	switch (res->error) {
	case TOOLCAP_OK:
		break;
	case TOOLCAP_ERR_NOT_FOUND:
		row->status = CHECK_MISSING;
		return;
	case TOOLCAP_ERR_WRONG_FAMILY:
		row->status = CHECK_WRONG_FAMILY;
		return;
	case TOOLCAP_ERR_UNRECOGNISED:
		/* "any": being there is all that was asked. */
		row->status = strcmp(row->req->minimum, "any") == 0
			      ? CHECK_OK : CHECK_UNRECOGNISED;
		return;
	default:
		row->status = CHECK_ERROR;
		return;
	}
	if (!row->needed)
		row->status = CHECK_WRONG_FAMILY;
	else if (toolcap_vercmp(res->ident.version, row->needed) < 0)
		row->status = CHECK_TOO_OLD;
	else
		row->status = CHECK_OK;
}

/* The one stderr line for a required tool we could not understand. */
static void report_row_error(const struct check_row *row)
{
	struct probe p;
	char name[REQUIREMENT_NAME_MAX + REQUIREMENT_COMMAND_MAX + 16];

	memset(&p, 0, sizeof(p));
	snprintf(name, sizeof(name), "check: %s (%s)", row->req->name,
		 row->req->expanded);
	p.name = name;
	p.error = row->result.error;
	p.ident = row->result.ident;
	p.run.exit_status = row->result.exit_status;
	p.run.signal = row->result.signal;
	p.run.sys_errno = row->result.sys_errno;
	report_error(&p);
}

static int exit_status_of(const struct check_row *rows, size_t n)
{
	int status = EXIT_TRUE;
	size_t i;

	for (i = 0; i < n; i++) {
		if (rows[i].req->optional || rows[i].status == CHECK_OK)
			continue;
		if (rows[i].status == CHECK_UNRECOGNISED ||
		    rows[i].status == CHECK_ERROR)
			status = EXIT_ERROR;
		else if (status == EXIT_TRUE)
			status = EXIT_FALSE;
	}
	return status;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

static const char *found_family(const struct check_row *row)
{
	return row->result.ident.family[0] ? row->result.ident.family : "-";
}

static const char *found_version(const struct check_row *row)
{
	return row->result.ident.version[0] ? row->result.ident.version : "-";
}

static const char *shown_minimum(const struct check_row *row)
{
	return row->needed && row->needed[0] ? row->needed : row->req->minimum;
}

/* The PATH column: where the tool is, or what was looked for. */
static void describe_place(const struct check_row *row, char *buf,
			   size_t size)
{
	char words[REQUIREMENT_COMMAND_MAX];
	char *argv[REQUIREMENT_ARGV_MAX + 1];
	int i, argc;
	size_t len = 0;

	if (row->result.path[0]) {
		snprintf(buf, size, "%s", row->result.path);
		return;
	}
	if (!row->req->expanded[0]) {
		snprintf(buf, size, "%s is empty", row->req->command);
		return;
	}
	/* The words run, without the quotes that made them. */
	argc = requirement_argv(row->req, words, argv);
	buf[0] = '\0';
	for (i = 0; i < argc && len < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					i ? " " : "", argv[i]);
}

static void describe_status(const struct check_row *row, char *buf,
			    size_t size)
{
	snprintf(buf, size, "%s%s", status_names[row->status],
		 row->req->optional ? " (optional)" : "");
}

static int width(int current, const char *s)
{
	int n = (int)strlen(s);

	return n > current ? n : current;
}

static void print_table(const struct check_row *rows, size_t n)
{
	int w_name = 4, w_min = 7, w_family = 6, w_version = 7, w_status = 6;
	char status[64], place[1100];
	size_t i;

	for (i = 0; i < n; i++) {
		describe_status(&rows[i], status, sizeof(status));
		w_name = width(w_name, rows[i].req->name);
		w_min = width(w_min, shown_minimum(&rows[i]));
		w_family = width(w_family, found_family(&rows[i]));
		w_version = width(w_version, found_version(&rows[i]));
		w_status = width(w_status, status);
	}
	printf("%-*s  %-*s  %-*s  %-*s  %-*s  %s\n", w_name, "TOOL", w_min,
	       "MINIMUM", w_family, "FAMILY", w_version, "VERSION", w_status,
	       "STATUS", "PATH");
	for (i = 0; i < n; i++) {
		describe_status(&rows[i], status, sizeof(status));
		describe_place(&rows[i], place, sizeof(place));
		printf("%-*s  %-*s  %-*s  %-*s  %-*s  %s\n", w_name,
		       rows[i].req->name, w_min, shown_minimum(&rows[i]),
		       w_family, found_family(&rows[i]), w_version,
		       found_version(&rows[i]), w_status, status, place);
	}
}

/* "gcc 4.8.5 is older than 5.1.0", for the verdict line. */
static void print_failure(const struct check_row *row)
{
	const struct check_result *res = &row->result;
	char place[1100];

	switch (row->status) {
	case CHECK_TOO_OLD:
		printf("%s %s is older than %s", row->req->name,
		       res->ident.version, row->needed);
		break;
	case CHECK_MISSING:
		describe_place(row, place, sizeof(place));
		printf("%s is missing (%s)", row->req->name, place);
		break;
	case CHECK_WRONG_FAMILY:
		printf("%s is %s, not %s", row->req->name, res->ident.family,
		       requirement_has_family_list(row->req)
		       ? row->req->minimum : row->req->name);
		break;
	case CHECK_UNRECOGNISED:
		printf("%s printed no version we recognise", row->req->name);
		break;
	default:
		printf("%s: %s", row->req->name, toolcap_strerror(res->error));
		break;
	}
}

static void print_verdict(const struct check_row *rows, size_t n, int status)
{
	size_t i, required = 0, optional_unmet = 0;
	const char *separator = "";

	for (i = 0; i < n; i++) {
		if (!rows[i].req->optional)
			required++;
		else if (rows[i].status != CHECK_OK)
			optional_unmet++;
	}
	if (status == EXIT_TRUE) {
		printf("toolcap check: ok: %zu required tool%s met", required,
		       required == 1 ? "" : "s");
		if (optional_unmet)
			printf("; %zu optional tool%s not", optional_unmet,
			       optional_unmet == 1 ? "" : "s");
		printf("\n");
		return;
	}
	printf("toolcap check: %s: ", status == EXIT_ERROR ? "ERROR" : "FAILED");
	for (i = 0; i < n; i++) {
		if (rows[i].req->optional || rows[i].status == CHECK_OK)
			continue;
		fputs(separator, stdout);
		print_failure(&rows[i]);
		separator = "; ";
	}
	printf("\n");
}

static void print_json_or_null(const char *s)
{
	if (s && *s)
		print_json_string(s);
	else
		printf("null");
}

static void print_json_row(const struct check_row *row)
{
	const struct check_result *res = &row->result;
	char words[REQUIREMENT_COMMAND_MAX];
	char *argv[REQUIREMENT_ARGV_MAX + 1];
	int i, argc;

	printf("{\"name\":");
	print_json_string(row->req->name);
	printf(",\"minimum\":");
	print_json_string(row->req->minimum);
	printf(",\"needed\":");
	if (row->needed)
		print_json_string(row->needed);
	else
		printf("null");
	printf(",\"optional\":%s,\"source\":",
	       row->req->optional ? "true" : "false");
	print_json_string(row->req->source);
	if (row->req->line)
		printf(",\"line\":%u", row->req->line);
	else
		printf(",\"line\":null");
	printf(",\"command\":");
	print_json_string(row->req->command);
	printf(",\"argv\":[");
	argc = requirement_argv(row->req, words, argv);
	for (i = 0; i < argc; i++) {
		if (i)
			putchar(',');
		print_json_string(argv[i]);
	}
	printf("],\"path\":");
	print_json_or_null(res->path);
	printf(",\"family\":");
	print_json_or_null(res->ident.family);
	printf(",\"version\":");
	print_json_or_null(res->ident.version);
	/* Read, a suffix is known even when empty (""); null: no version. */
	printf(",\"suffix\":");
	if (res->ident.version[0])
		print_json_string(res->ident.suffix);
	else
		printf("null");
	printf(",\"status\":\"%s\",\"text\":", status_names[row->status]);
	print_json_or_null(res->ident.line);
	printf("}");
}

/* The document; release is the kernel whose minimums were checked, or
 * NULL; message the line of an error that stopped the check before any
 * tool ran (then rows is empty), or NULL. */
static void print_json_document(const struct check_row *rows, size_t n,
				int status, const char *release,
				const char *message)
{
	static const char *const results[] = { "ok", "failed", "error" };
	size_t i;

	printf("{\"toolcap\":\"%s\",\"result\":\"%s\",\"exit\":%d,"
	       "\"kernel\":", TOOLCAP_CLI_VERSION, results[status], status);
	print_json_or_null(release);
	printf(",\"message\":");
	print_json_or_null(message);
	printf(",\"requirements\":[");
	for (i = 0; i < n; i++) {
		printf(i ? ",\n  " : "\n  ");
		print_json_row(&rows[i]);
	}
	printf("%s]}\n", n ? "\n" : "");
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

struct check_options {
	int json, kernel, files;
	const char *tree;            /* --kernel=TREE */
	char release[128];           /* "Linux 6.12", when --kernel */
};

/*
 * Keep only the requirements named on the command line, in its order.
 * Each requirement is taken at most once, however often it is named, so
 * rows (list->count long) is never overrun.
 */
static int select_rows(struct requirement_list *list, char **names,
		       int n_names, struct check_row *rows, size_t *n_rows)
{
	unsigned char *taken;
	size_t i;
	int j, status = 0;

	*n_rows = 0;
	if (n_names == 0) {
		for (i = 0; i < list->count; i++)
			rows[(*n_rows)++].req = &list->items[i];
		return 0;
	}
	taken = calloc(list->count + 1, 1);
	if (!taken)
		return requirement_error(list, "check: out of memory");
	for (j = 0; j < n_names && !status; j++) {
		int found = 0;

		for (i = 0; i < list->count; i++) {
			if (strcmp(list->items[i].name, names[j]) != 0)
				continue;
			found = 1;
			if (!taken[i]) {
				taken[i] = 1;
				rows[(*n_rows)++].req = &list->items[i];
			}
		}
		if (!found)
			status = requirement_error(list,
				"check: no requirement is named \"%s\"", names[j]);
	}
	free(taken);
	return status;
}

static int read_file_option(const char *path, struct requirement_list *list)
{
	size_t before = list->count;
	int status;

	if (!*path)
		return requirement_error(list,
			"check: --requirements= needs a file name (- for standard input)");
	status = read_requirements_file(path, list);
	/* A file that asks for nothing would pass every check. */
	if (!status && list->count == before)
		status = requirement_error(list,
			"check: %s: no requirements in the file", path);
	return status;
}

/* Options up to the first name; errors go to list->message. */
static int read_options(int argc, char **argv, struct check_options *o,
			struct requirement_list *list, int *first_tool)
{
	int i, status = 0;

	for (i = 0; i < argc && !status; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(arg, "--json") == 0)
			o->json = 1;
		else if (strcmp(arg, "--kernel") == 0 ||
			 strncmp(arg, "--kernel=", 9) == 0) {
			const char *tree = arg[8] ? arg + 9 : NULL;

			if (tree && !*tree)
				status = requirement_error(list,
					"check: --kernel= needs a Linux source tree (or --kernel alone for Linux 6.12's minimums)");
			else if (o->kernel)
				status = requirement_error(list,
					"check: --kernel given twice: \"%s\"", arg);
			o->kernel = 1;
			o->tree = tree;
		} else if (strncmp(arg, "--requirements=", 15) == 0) {
			o->files++;
			status = read_file_option(arg + 15, list);
		} else if (strcmp(arg, "--requirements") == 0)
			status = requirement_error(list,
				"check: --requirements needs =FILE (- for standard input)");
		else if (arg[0] == '-' && arg[1] == '-')
			status = requirement_error(list,
				"check: unknown option \"%s\" (see 'toolcap check --help')",
				arg);
		else
			break;
	}
	*first_tool = i;
	/* Without a file, the kernel's list: "toolcap check pahole". */
	if (!status && (o->kernel || o->files == 0)) {
		o->kernel = 1;
		status = read_kernel_requirements(list, o->tree, o->release,
						  sizeof(o->release));
	}
	return status;
}

/* --json anywhere before "--", so that even an option error is JSON. */
static int wants_json(int argc, char **argv)
{
	int i;

	for (i = 0; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--json") == 0)
			return 1;
	return 0;
}

int cmd_check(const char *name, int argc, char **argv)
{
	struct check_options o;
	struct requirement_list list;
	struct check_row *rows = NULL;
	size_t n = 0, i;
	int first_tool = 0;
	int status;

	(void)name;
	memset(&o, 0, sizeof(o));
	memset(&list, 0, sizeof(list));
	status = read_options(argc, argv, &o, &list, &first_tool);
	if (!status && list.count) {
		rows = calloc(list.count, sizeof(*rows));
		if (!rows)
			status = requirement_error(&list, "check: out of memory");
	}
	if (!status)
		status = select_rows(&list, argv + first_tool,
				     argc - first_tool, rows, &n);
	if (status) {
		fail("%s", list.message);
		if (wants_json(argc, argv))
			print_json_document(NULL, 0, EXIT_ERROR, NULL,
					    list.message);
		free(rows);
		free(list.items);
		return EXIT_ERROR;
	}
	probe_all(rows, n);
	for (i = 0; i < n; i++)
		judge(&rows[i]);
	status = exit_status_of(rows, n);
	for (i = 0; i < n; i++)
		if (!rows[i].req->optional &&
		    (rows[i].status == CHECK_UNRECOGNISED ||
		     rows[i].status == CHECK_ERROR))
			report_row_error(&rows[i]);
	if (o.json)
		print_json_document(rows, n, status,
				    o.kernel ? o.release : NULL, NULL);
	else {
		if (o.kernel)
			printf("toolcap check: minimums of %s%s%s\n", o.release,
			       o.tree ? " from " : " (built in)",
			       o.tree ? o.tree : "");
		print_table(rows, n);
		print_verdict(rows, n, status);
	}
	free(rows);
	free(list.items);
	return status;
}
