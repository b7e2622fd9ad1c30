// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The one job runner (jobs.h): a fixed set of slots, never more children
 * than slots; a child's result comes back through its own pipe, read as
 * it arrives (a result bigger than the pipe's buffer cannot block its
 * child), so that jobs may end in any order; a time limit and any error
 * kill what runs, and every child is reaped before jobs_run returns.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jobs.h"

/* How often a job that has no pipe to wake us is looked at, in ms. */
#define JOBS_TICK_MS 5

struct slot {
	pid_t pid;        /* 0: the slot is free */
	size_t job;
	int fd;           /* the result's pipe, -1 once read or without */
	size_t got;       /* bytes of the result read so far */
	double deadline;
	int timed_out;
	char *result;     /* result_size bytes, this slot's own */
};

long jobs_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? n : 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void kill_job(const struct job_runner *r, const struct slot *s)
{
	kill(r->own_group ? -s->pid : s->pid, SIGKILL);
}

static int write_all(int fd, const char *p, size_t left)
{
	ssize_t n;

	while (left > 0) {
		n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		p += n;
		left -= (size_t)n;
	}
	return 1;
}

static void run_child(const struct job_runner *r, const struct slot *s,
		      int fd)
{
	int status;

	if (r->own_group)
		setpgid(0, 0);
	if (s->result)
		memset(s->result, 0, r->result_size);
	status = r->child(s->job, r->data, s->result);
	if (fd >= 0 && !write_all(fd, s->result, r->result_size))
		status = status ? status : 1;
	_exit(status);
}

/* Start job i in the free slot s; 0, or what stops the run. */
static int start(const struct job_runner *r, struct slot *s, size_t i)
{
	struct job_end end = { 0, 0, 0, 0, 0 };
	int fds[2] = { -1, -1 }, e;
	pid_t pid;

	if (r->prepare && (e = r->prepare(i, r->data)) != 0)
		return e;
	if (r->result_size) {
		if (pipe(fds) != 0) {
			end.sys_errno = errno;
			return r->finish(i, r->data, &end, NULL);
		}
		/* What the child runs must not hold the pipe open. */
		fcntl(fds[0], F_SETFD, FD_CLOEXEC);
		fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	}
	s->job = i;
	/* Nothing buffered may be written twice, by parent and child. */
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		end.sys_errno = errno;
		if (fds[0] >= 0) {
			close(fds[0]);
			close(fds[1]);
		}
		return r->finish(i, r->data, &end, NULL);
	}
	if (pid == 0) {
		if (fds[0] >= 0)
			close(fds[0]);
		run_child(r, s, fds[1]);
	}
	if (r->own_group)
		setpgid(pid, pid); /* whoever of parent and child is first */
	if (fds[1] >= 0)
		close(fds[1]);
	s->pid = pid;
	s->fd = fds[0];
	s->got = 0;
	s->timed_out = 0;
	s->deadline = r->timeout_ms ? now() + r->timeout_ms / 1000.0 : 0;
	return 0;
}

/* Job s is reaped: tell the caller, free the slot. */
static int end_job(const struct job_runner *r, struct slot *s, int status)
{
	struct job_end end = { 1, 0, status, s->timed_out, 0 };

	/* What the job left behind in its group goes with it. */
	if (r->own_group)
		kill(-s->pid, SIGKILL);
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	s->pid = 0;
	end.has_result = r->result_size && s->got == r->result_size;
	return r->finish(s->job, r->data, &end, end.has_result ? s->result : NULL);
}

static void read_result(const struct job_runner *r, struct slot *s)
{
	ssize_t n = read(s->fd, s->result + s->got, r->result_size - s->got);

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n > 0)
		s->got += (size_t)n;
	/* All of it, or all there will be: the child is done with it. */
	if (n <= 0 || s->got == r->result_size) {
		close(s->fd);
		s->fd = -1;
	}
}

/* Wait until something happens to a running job and deal with it;
 * 0, or what stops the run. */
static int wait_some(const struct job_runner *r, struct slot *slots,
		     size_t n_slots, size_t *running)
{
	struct pollfd fds[JOBS_PARALLEL_MAX];
	size_t who[JOBS_PARALLEL_MAX], n_fds = 0, k;
	int tick = r->timeout_ms ? JOBS_TICK_MS : -1, status, e;
	pid_t w;

	for (k = 0; k < n_slots; k++) {
		if (!slots[k].pid)
			continue;
		if (slots[k].fd < 0) {
			tick = JOBS_TICK_MS;
			continue;
		}
		fds[n_fds].fd = slots[k].fd;
		fds[n_fds].events = POLLIN;
		fds[n_fds].revents = 0;
		who[n_fds++] = k;
	}
	if (poll(fds, (nfds_t)n_fds, tick) > 0)
		for (k = 0; k < n_fds; k++)
			if (fds[k].revents)
				read_result(r, &slots[who[k]]);
	for (k = 0; k < n_slots; k++) {
		struct slot *s = &slots[k];

		if (!s->pid)
			continue;
		if (s->fd < 0) {
			/* A piped child that closed its pipe is exiting:
			 * wait for it; one without a pipe is only looked at. */
			do
				w = waitpid(s->pid, &status,
					    r->result_size ? 0 : WNOHANG);
			while (w < 0 && errno == EINTR);
			if (w == s->pid || w < 0) {
				(*running)--;
				e = end_job(r, s, w < 0 ? -1 : status);
				if (e)
					return e;
				continue;
			}
		}
		if (r->timeout_ms && !s->timed_out && now() > s->deadline) {
			s->timed_out = 1;
			kill_job(r, s);
		}
	}
	return 0;
}

/* Kill and reap every running job (after an error or a stop). */
static void stop_all(const struct job_runner *r, struct slot *slots,
		     size_t n_slots)
{
	size_t k;

	for (k = 0; k < n_slots; k++) {
		if (!slots[k].pid)
			continue;
		kill_job(r, &slots[k]);
		if (slots[k].fd >= 0)
			close(slots[k].fd);
		while (waitpid(slots[k].pid, NULL, 0) < 0 && errno == EINTR)
			;
		slots[k].pid = 0;
		slots[k].fd = -1;
	}
}

/* A free slot among the n, or NULL: never more children than slots. */
static struct slot *free_slot(struct slot *slots, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!slots[k].pid)
			return &slots[k];
	return NULL;
}

int jobs_run(const struct job_runner *r)
{
	size_t parallel = r->parallel ? r->parallel : (size_t)jobs_cpus();
	size_t next = 0, running = 0, k;
	struct slot *slots, *s;
	char *results = NULL;
	int error = 0;

	if (parallel > JOBS_PARALLEL_MAX)
		parallel = JOBS_PARALLEL_MAX;
	if (parallel > r->count)
		parallel = r->count;
	if (parallel == 0)
		return 0;
	slots = calloc(parallel, sizeof(*slots));
	if (r->result_size)
		results = calloc(parallel, r->result_size);
	if (!slots || (r->result_size && !results)) {
		free(slots);
		free(results);
		return -1;
	}
	for (k = 0; k < parallel; k++) {
		slots[k].fd = -1;
		slots[k].result = results ? results + k * r->result_size : NULL;
	}
	while (!error && !(r->stop && *r->stop)) {
		while (!error && next < r->count &&
		       (s = free_slot(slots, parallel)) != NULL) {
			error = start(r, s, next++);
			running += s->pid != 0;
		}
		if (error || running == 0)
			break;
		error = wait_some(r, slots, parallel, &running);
	}
	stop_all(r, slots, parallel);
	free(slots);
	free(results);
	return error;
}
