// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * cli/jobs.c, the command's one job runner: more jobs than slots and
 * never more children than slots, results bigger than a pipe's buffer,
 * a child that dies without one, the time limit, an error that stops
 * the run, and a process group killed whole; no child is left behind.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../cli/jobs.c"
#include "tap.h"

#define N_JOBS 60
#define SLOTS 3

struct span {
	size_t job;
	double start, end;
};

struct record {
	int finished[N_JOBS];
	struct span spans[N_JOBS];
	struct job_end ends[N_JOBS];
	int stop_at;          /* finish returns 7 for this job, or -1 */
	long sleep_ms;
};

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static int timed_child(size_t i, void *data, void *result)
{
	struct record *rec = data;
	struct span *span = result;

	span->job = i;
	span->start = now();
	sleep_ms(rec->sleep_ms);
	span->end = now();
	return 0;
}

static int record_finish(size_t i, void *data, const struct job_end *end,
			 const void *result)
{
	struct record *rec = data;

	rec->finished[i]++;
	rec->ends[i] = *end;
	if (result)
		memcpy(&rec->spans[i], result, sizeof(struct span));
	return (int)i == rec->stop_at ? 7 : 0;
}

/* A runner of count timed jobs, parallel at a time, into rec. */
static struct job_runner span_runner(struct record *rec, size_t count,
				     size_t parallel, long sleep_for)
{
	struct job_runner r = { 0 };

	rec->sleep_ms = sleep_for;
	r.count = count;
	r.parallel = parallel;
	r.result_size = sizeof(struct span);
	r.data = rec;
	r.child = timed_child;
	r.finish = record_finish;
	return r;
}

static int no_children_left(void)
{
	return waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD;
}

static void test_more_jobs_than_slots(void)
{
	static struct record rec = { .stop_at = -1 };
	struct job_runner r = span_runner(&rec, N_JOBS, SLOTS, 3);
	size_t i, j, most = 0, once = 0, right = 0;

	CHECK(jobs_run(&r) == 0, "%d jobs in %d slots: jobs_run returns 0",
	      N_JOBS, SLOTS);
	for (i = 0; i < N_JOBS; i++) {
		size_t overlapping = 0;

		once += rec.finished[i] == 1;
		right += rec.ends[i].has_result && rec.spans[i].job == i &&
			 WIFEXITED(rec.ends[i].wait_status);
		/* A child's span lies inside its fork..reap, so at no
		 * child's start can more than SLOTS spans be open. */
		for (j = 0; j < N_JOBS; j++)
			overlapping += rec.spans[j].start <= rec.spans[i].start &&
				       rec.spans[i].start < rec.spans[j].end;
		most = overlapping > most ? overlapping : most;
	}
	CHECK(once == N_JOBS, "every job finished exactly once (%zu of %d)",
	      once, N_JOBS);
	CHECK(right == N_JOBS, "every job's own result came back (%zu of %d)",
	      right, N_JOBS);
	CHECK(most >= 1 && most <= SLOTS,
	      "never more than %d jobs at once (at most %zu ran together)",
	      SLOTS, most);
	CHECK(no_children_left(), "no child is left unreaped");
}

/* Four times a pipe's usual buffer: the runner must read while the
 * child writes, or both wait for ever. */
#define BIG (256 * 1024)
static char big_seen[4][BIG];

static int big_child(size_t i, void *data, void *result)
{
	(void)data;
	memset(result, 'a' + (int)i, BIG);
	return 0;
}

static int big_finish(size_t i, void *data, const struct job_end *end,
		      const void *result)
{
	(void)data;
	if (end->has_result)
		memcpy(big_seen[i], result, BIG);
	return 0;
}

static void test_big_results(void)
{
	struct job_runner r = { 0 };
	size_t i, k, intact = 0;

	r.count = 4;
	r.parallel = 2;
	r.result_size = BIG;
	r.child = big_child;
	r.finish = big_finish;
	CHECK(jobs_run(&r) == 0, "results of %d bytes: jobs_run returns 0", BIG);
	for (i = 0; i < 4; i++) {
		for (k = 0; k < BIG && big_seen[i][k] == 'a' + (int)i; k++)
			;
		intact += k == BIG;
	}
	CHECK(intact == 4, "each of 4 results of %d bytes arrived whole (%zu)",
	      BIG, intact);
}

static int dying_child(size_t i, void *data, void *result)
{
	(void)data;
	(void)result;
	_exit(3 + (int)i);
}

static void test_child_without_result(void)
{
	static struct record rec;
	struct job_runner r = { 0 };

	rec.stop_at = -1;
	r.count = 2;
	r.result_size = sizeof(struct span);
	r.data = &rec;
	r.child = dying_child;
	r.finish = record_finish;
	CHECK(jobs_run(&r) == 0, "children that die early: jobs_run returns 0");
	CHECK(!rec.ends[1].has_result && rec.ends[1].started &&
	      WIFEXITED(rec.ends[1].wait_status) &&
	      WEXITSTATUS(rec.ends[1].wait_status) == 4,
	      "a child that exits 4 before its result: no result, status 4 (has_result %d, status %#x)",
	      rec.ends[1].has_result, rec.ends[1].wait_status);
}

static void test_time_limit(void)
{
	static struct record rec = { .stop_at = -1 };
	struct job_runner r = span_runner(&rec, 2, 2, 20000);
	double start = now();

	r.timeout_ms = 100;
	CHECK(jobs_run(&r) == 0, "jobs over time: jobs_run returns 0");
	CHECK(now() - start < 10, "jobs of 20 s with a limit of 0.1 s end at once (%.1f s)",
	      now() - start);
	CHECK(rec.ends[0].timed_out && WIFSIGNALED(rec.ends[0].wait_status) &&
	      WTERMSIG(rec.ends[0].wait_status) == SIGKILL &&
	      !rec.ends[0].has_result,
	      "a job over its time is killed and says so (timed_out %d, status %#x)",
	      rec.ends[0].timed_out, rec.ends[0].wait_status);
}

static void test_error_stops_all(void)
{
	static struct record rec = { .stop_at = 0 };
	struct job_runner r = span_runner(&rec, 10, 3, 20000);
	double start = now();
	size_t i, finished = 0;

	r.timeout_ms = 50; /* job 0 ends first, by the limit */
	/* Job 0 is killed at 50 ms, its finish says 7; jobs 1 and 2 may
	 * be killed by the limit too first, but never 3..9. */
	CHECK(jobs_run(&r) == 7, "an error from finish is what jobs_run returns");
	for (i = 0; i < 10; i++)
		finished += rec.finished[i];
	CHECK(finished <= 3 && rec.finished[9] == 0,
	      "no job starts after the error (%zu finished)", finished);
	CHECK(now() - start < 10 && no_children_left(),
	      "the running jobs were killed and reaped (%.1f s)", now() - start);
}

/* The child leaves a grandchild holding a pipe; with own_group, it is
 * killed when the child ends, and the pipe reads end-of-file. */
static int leaving_child(size_t i, void *data, void *result)
{
	int *fds = data;

	(void)i;
	(void)result;
	if (fork() == 0) {
		close(fds[0]);
		sleep_ms(20000);
		_exit(0);
	}
	return 0;
}

static int ignore_finish(size_t i, void *data, const struct job_end *end,
			 const void *result)
{
	(void)i;
	(void)data;
	(void)end;
	(void)result;
	return 0;
}

static void test_group_killed(void)
{
	struct job_runner r = { 0 };
	struct pollfd p;
	int fds[2];
	char c;

	if (pipe(fds) != 0) {
		CHECK(0, "pipe: %s", strerror(errno));
		return;
	}
	r.count = 1;
	r.own_group = 1;
	r.data = fds;
	r.child = leaving_child;
	r.finish = ignore_finish;
	CHECK(jobs_run(&r) == 0, "a job that leaves a process: jobs_run returns 0");
	close(fds[1]);
	p.fd = fds[0];
	p.events = POLLIN;
	CHECK(poll(&p, 1, 5000) == 1 && read(fds[0], &c, 1) == 0,
	      "what the job left in its group was killed with it");
	close(fds[0]);
}

static void test_bounds(void)
{
	static struct record rec = { .stop_at = -1 };
	struct job_runner r = span_runner(&rec, 5, 100000, 0);
	size_t i, once = 0;

	CHECK(jobs_run(&r) == 0, "more slots asked than jobs or than JOBS_PARALLEL_MAX: runs");
	for (i = 0; i < 5; i++)
		once += rec.finished[i] == 1;
	CHECK(once == 5, "5 jobs with parallel 100000 each finished once (%zu)", once);
	r.count = 0;
	CHECK(jobs_run(&r) == 0, "no jobs: jobs_run returns 0 at once");
}

int main(void)
{
	/* A runner that loses a child waits for ever: fail instead. */
	alarm(120);
	test_more_jobs_than_slots();
	test_big_results();
	test_child_without_result();
	test_time_limit();
	test_error_stops_all();
	test_group_killed();
	test_bounds();
	return tap_failures != 0;
}
