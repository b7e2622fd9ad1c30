/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * What the files of `toolcap matrix` share: cmd-matrix.c reads the
 * command line and prints; matrix-standin.c writes the stand-in tools;
 * matrix-run.c runs the Kconfig engine once per version, in parallel, in
 * scratch directories; matrix-config.c reads what the engine wrote.
 */
#ifndef TOOLCAP_MATRIX_H
#define TOOLCAP_MATRIX_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

#include "../cli.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The most versions one matrix compares (columns of the table). */
#define MATRIX_VERSIONS_MAX 64

/* One column: a version as the user wrote it. */
struct matrix_version {
	const char *label;                  /* "1.21", "1.22-git", "missing" */
	char release[TOOLCAP_VERSION_MAX];  /* "1.22" for "1.22-git"          */
	int git;                            /* a build from git               */
	int missing;                        /* no such program                */
};

/* Everything one run of the matrix needs. */
struct matrix_plan {
	const char *variable;                 /* "PAHOLE"                   */
	const struct toolcap_standin *tmpl;  /* toolcap_family_standin */
	struct matrix_version versions[MATRIX_VERSIONS_MAX];
	int n_versions;
	const char *engine_name;              /* "conf", "kconfiglib", PATH */
	const char *engine_argv[6];           /* engine words, then KCONFIG */
	const char *config;                   /* --config=FILE, or NULL     */
	char kconfig[PATH_MAX];               /* absolute                   */
	unsigned timeout_ms;                  /* for each engine run        */
	char scratch[PATH_MAX - 64];          /* holds one directory each   */
};

/* What one engine run did. */
struct matrix_outcome {
	int exit_status;  /* -1 when killed */
	int signal;
	int timed_out;
};

/* matrix-standin.c */
const struct toolcap_standin *matrix_template(const char *name);
/* "pahole, gcc, ..." for messages. */
void matrix_template_names(char *buf, size_t size);
/* Write DIR/PROGRAM for version v (nothing when it is missing) and put
 * its path in path; 0, or an exit status after the error. */
int matrix_write_standin(const struct toolcap_standin *t,
			 const struct matrix_version *v, const char *dir,
			 char *path, size_t path_size);

/* matrix-run.c */
/* Choose the engine's argv for --engine=NAME; 0 or an exit status. */
int matrix_choose_engine(struct matrix_plan *plan, const char *name);
/* Make the scratch directories and stand-ins, run the engine for every
 * version, in parallel; 0 or an exit status after the error. */
int matrix_run(struct matrix_plan *plan, struct matrix_outcome *outcomes);
/* The directory of version i. */
void matrix_version_dir(const struct matrix_plan *plan, int i, char *buf,
			size_t size);
/* Remove the scratch directory and all in it. */
void matrix_cleanup(struct matrix_plan *plan);

/* matrix-config.c: every symbol of every version's .config. */
struct matrix_symbol {
	char *name;      /* without CONFIG_ */
	char **values;   /* one per version: "y", "n" (is not set), "124",
			  * "\"text\""; NULL when not in that .config */
};

struct matrix_table {
	struct matrix_symbol *symbols;  /* in the order they first appear */
	size_t n, cap;
	size_t *slots;                  /* open-addressing index, 0 = free */
	size_t n_slots;
	int n_versions;
};

/* Read FILE as version i's .config; 0 or an exit status after the error. */
int matrix_read_config(struct matrix_table *t, int i, const char *file);
const struct matrix_symbol *matrix_find(const struct matrix_table *t,
					const char *name);
/* 1 when the symbol's .config lines are not the same in every version. */
int matrix_symbol_differs(const struct matrix_table *t,
			  const struct matrix_symbol *s);
void matrix_table_free(struct matrix_table *t);
/* Why the engine failed for version i: the lines of its stderr that are
 * not warnings or traceback frames, "; " between, else what it printed. */
void matrix_engine_error(const struct matrix_plan *plan, int i, char *buf,
			 size_t size);

#endif
