/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The toolcap command's one job runner: jobs 0 .. count-1, each in a
 * child process, at most `parallel` at a time.  check and report run
 * tools with it, prefetch probes, matrix the Kconfig engine: what each
 * job is lives in the callbacks, how many run, how their results come
 * back, how a time limit or an error stops them lives here.
 */
#ifndef TOOLCAP_CLI_JOBS_H
#define TOOLCAP_CLI_JOBS_H

#include <signal.h>
#include <stddef.h>

/* More processes than this at once would only hit ulimit -u. */
#define JOBS_PARALLEL_MAX 1024

/* How job i ended, for the parent's finish callback. */
struct job_end {
	int started;     /* 0: no child (pipe or fork failed: sys_errno) */
	int sys_errno;
	int wait_status; /* waitpid's, when started */
	int timed_out;   /* killed by the runner's time limit */
	int has_result;  /* all result_size bytes arrived */
};

struct job_runner {
	size_t count;        /* jobs 0 .. count-1 */
	size_t parallel;     /* at most this many at once; 0: jobs_cpus() */
	/* Bytes each child sends back through a pipe; 0: no pipe (the
	 * child's exit status or its files are the result). */
	size_t result_size;
	unsigned timeout_ms; /* kill a job running longer; 0: no limit */
	/* Each child leads a process group of its own, which is killed
	 * whole on a time limit, an error or when the child ends (what it
	 * left running in the background goes with it). */
	int own_group;
	/* When it becomes nonzero (a signal handler's flag), the runner
	 * kills and reaps every running job and returns. */
	volatile sig_atomic_t *stop;
	void *data;
	/* In the parent, before job i starts (NULL: nothing to do); a
	 * nonzero return stops the run and is returned. */
	int (*prepare)(size_t i, void *data);
	/* In the child: do job i, fill result (result_size zeroed bytes);
	 * the return value is the child's exit status.  It may exec. */
	int (*child)(size_t i, void *data, void *result);
	/* In the parent, once job i is over (also when it never started);
	 * result is NULL unless end->has_result.  A nonzero return stops
	 * the run and is returned. */
	int (*finish)(size_t i, void *data, const struct job_end *end,
		      const void *result);
};

/* CPUs online, at least 1: the default parallelism. */
long jobs_cpus(void);

/*
 * Run the jobs.  0 when every job ran and was finished (or *stop was
 * set: the caller knows), the first nonzero return of prepare or
 * finish, or -1 when the runner had no memory for the results (nothing
 * ran).  On a nonzero return every running job is killed and reaped
 * before jobs_run returns; no job is left behind.
 */
int jobs_run(const struct job_runner *runner);

#endif
