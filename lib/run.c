// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Running a tool the safe way: no shell, stdin from /dev/null, LC_ALL=C,
 * its own process group, a time limit and a cap on what we read.
 */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "path.h"
#include "toolcap.h"

extern char **environ;

/* How long to watch quiet pipes before asking whether the tool exited:
 * a tool that exits while a child of its own holds the pipes open must
 * not make us wait for the full time limit. */
#define EXIT_CHECK_MS 20

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Does entry ("NAME=VALUE") set the variable that name_eq ("NAME=") names? */
static int sets(const char *entry, const char *name_eq)
{
	return strncmp(entry, name_eq, strcspn(name_eq, "=") + 1) == 0;
}

/* Is environ's entry replaced by LC_ALL=C or by one of the additions? */
static int replaced(const char *entry, const char *const *additions)
{
	if (sets(entry, "LC_ALL="))
		return 1;
	for (; additions && *additions; additions++)
		if (sets(entry, *additions))
			return 1;
	return 0;
}

/* The environment with LC_ALL=C (tools translate their version lines)
 * and the caller's additions. */
static char **tool_environment(const char *const *additions)
{
	static char lc_all[] = "LC_ALL=C";
	size_t n = 0, extra = 0, i, j = 0;
	char **env;

	while (environ && environ[n])
		n++;
	while (additions && additions[extra])
		extra++;
	env = malloc((n + extra + 2) * sizeof(*env));
	if (!env)
		return NULL;
	for (i = 0; i < n; i++)
		if (!replaced(environ[i], additions))
			env[j++] = environ[i];
	env[j++] = lc_all;
	for (i = 0; i < extra; i++)
		env[j++] = (char *)additions[i];
	env[j] = NULL;
	return env;
}

/*
 * A pipe already holding all of input, its writing end closed, for the
 * tool's stdin.  Filled before the tool starts, so we never block on it
 * and a tool that does not read cannot hit us with SIGPIPE; input must
 * therefore fit in the pipe (64 KiB on Linux).  -1 with errno on error.
 */
static int input_pipe(const char *input, size_t len)
{
	int fds[2];
	ssize_t n = 0;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return -1;
	if (len && (fcntl(fds[1], F_SETFL, O_NONBLOCK) != 0 ||
		    (n = write(fds[1], input, len)) != (ssize_t)len)) {
		int e = n < 0 && errno != EAGAIN ? errno : E2BIG;

		close(fds[0]);
		close(fds[1]);
		errno = e;
		return -1;
	}
	close(fds[1]);
	return fds[0];
}

/*
 * Start the tool at path without a shell: stdin from in_fd (or
 * /dev/null when it is -1), stdout and stderr to out_fd and err_fd, the
 * environment of tool_environment(), a process group of its own, and the
 * signals a shell would have reset (SIGPIPE, SIGINT, SIGQUIT) at their
 * defaults with none blocked.
 */
static enum toolcap_error spawn(const char *path, const char *const argv[],
				const char *const *additions, int in_fd,
				int out_fd, int err_fd, pid_t *pid, int *err)
{
	posix_spawn_file_actions_t actions;
	posix_spawnattr_t attr;
	sigset_t none, defaults;
	char **env = tool_environment(additions);
	int rc;

	if (!env) {
		*err = ENOMEM;
		return TOOLCAP_ERR_SYSTEM;
	}
	posix_spawn_file_actions_init(&actions);
	if (in_fd >= 0)
		posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
	else
		posix_spawn_file_actions_addopen(&actions, 0, "/dev/null",
						 O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
	posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
	posix_spawnattr_init(&attr);
	sigemptyset(&none);
	sigemptyset(&defaults);
	sigaddset(&defaults, SIGPIPE);
	sigaddset(&defaults, SIGINT);
	sigaddset(&defaults, SIGQUIT);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &defaults);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP |
				 POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(pid, path, &actions, &attr, (char *const *)argv, env);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&actions);
	free(env);
	if (rc == 0)
		return TOOLCAP_OK;
	*err = rc;
	return rc == ENOENT ? TOOLCAP_ERR_NOT_FOUND
	       : rc == EACCES || rc == ENOEXEC || rc == ELOOP || rc == EISDIR
		       ? TOOLCAP_ERR_NOT_EXECUTABLE
		       : TOOLCAP_ERR_SYSTEM;
}

/* One of the tool's output pipes and the caller's buffer it fills. */
struct stream {
	int fd;        /* the reading end; -1 once closed */
	char *buf;
	size_t size, len;
};

/* A started tool, as toolcap_run watches it. */
struct child {
	pid_t pid;
	struct stream streams[2]; /* stdout, stderr */
	int status;               /* as waitpid gave it, once reaped */
};

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/*
 * Step 1: start the tool on new pipes, its stdin fed from
 * options->input or /dev/null; c->pid and the streams' fds are set.
 * Only the reading ends stay open here, so that the pipes report end of
 * file once the tool and its children are done with them.
 */
static enum toolcap_error start_tool(const char *path, const char *const argv[],
				     const struct toolcap_run_options *options,
				     struct child *c, int *sys_errno)
{
	int out_pipe[2] = { -1, -1 }, err_pipe[2] = { -1, -1 }, in_fd = -1;
	enum toolcap_error e = TOOLCAP_ERR_SYSTEM;

	if (options && options->input) {
		in_fd = input_pipe(options->input, options->input_len);
		if (in_fd < 0) {
			*sys_errno = errno;
			return errno == E2BIG ? TOOLCAP_ERR_USAGE
					      : TOOLCAP_ERR_SYSTEM;
		}
	}
	if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)
		*sys_errno = errno;
	else
		e = spawn(path, argv, options ? options->environment : NULL,
			  in_fd, out_pipe[1], err_pipe[1], &c->pid, sys_errno);
	close_fd(&in_fd);
	close_fd(&out_pipe[1]);
	close_fd(&err_pipe[1]);
	if (e) {
		close_fd(&out_pipe[0]);
		close_fd(&err_pipe[0]);
		return e;
	}
	c->streams[0].fd = out_pipe[0];
	c->streams[1].fd = err_pipe[0];
	return TOOLCAP_OK;
}

/* Read what is there; 1 when the stream wants more than it may hold. */
static int read_stream(struct stream *s)
{
	char scratch[512];
	ssize_t n;

	if (s->len < s->size)
		n = read(s->fd, s->buf + s->len, s->size - s->len);
	else
		n = read(s->fd, scratch, sizeof(scratch));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0) {
		close_fd(&s->fd);
		return 0;
	}
	if (s->len >= s->size)
		return 1;
	s->len += (size_t)n;
	return 0;
}

/* How watching the tool's output ended. */
enum watch_end {
	WATCH_PIPES_CLOSED, /* end of file on both: the tool is exiting  */
	WATCH_EXITED,       /* the tool exited (and is reaped), its pipes
			     * still held by a child of its own           */
	WATCH_TIMED_OUT,    /* the deadline passed                        */
	WATCH_TRUNCATED     /* a stream passed its cap                    */
};

/*
 * Step 2: read stdout and stderr as they come, each into its buffer up
 * to its cap, until both are closed, the tool exits, the deadline passes
 * or a stream passes its cap.
 */
static enum watch_end watch_output(struct child *c, long long deadline)
{
	struct stream *s = c->streams;
	int i, truncated = 0;

	while (s[0].fd >= 0 || s[1].fd >= 0) {
		struct pollfd fds[2];
		long long left = deadline - now_ms();
		int n;

		if (left <= 0)
			return WATCH_TIMED_OUT;
		for (i = 0; i < 2; i++)
			fds[i] = (struct pollfd){ s[i].fd, POLLIN, 0 };
		n = poll(fds, 2, left < EXIT_CHECK_MS ? (int)left : EXIT_CHECK_MS);
		if (n < 0 && errno != EINTR)
			break; /* left to step 3's wait, up to the deadline */
		if (n == 0) {
			/* Quiet: if the tool itself is gone, a leftover
			 * child holds the pipes; stop listening to it. */
			if (waitpid(c->pid, &c->status, WNOHANG) == c->pid)
				return WATCH_EXITED;
			continue;
		}
		/* Both streams are read before stopping: what the tool
		 * said on the other one in the same moment is kept. */
		for (i = 0; i < 2; i++)
			if (fds[i].revents && s[i].fd >= 0 &&
			    read_stream(&s[i]))
				truncated = 1;
		if (truncated)
			return WATCH_TRUNCATED;
	}
	return WATCH_PIPES_CLOSED;
}

/* Reap pid, waiting at most until deadline; 1 when it was reaped. */
static int reap(pid_t pid, int *status, long long deadline)
{
	struct timespec pause = { 0, 50000 };

	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return 1;
		if (r < 0 && errno != EINTR)
			return 1; /* not ours to wait for any more */
		if (deadline >= 0 && now_ms() >= deadline)
			return 0;
		nanosleep(&pause, NULL);
		if (pause.tv_nsec < 10000000)
			pause.tv_nsec *= 2;
	}
}

/*
 * Step 3: an exiting tool (its pipes closed) gets until the deadline to
 * exit; then whatever is left of its process group is killed, the pipes
 * closed and the tool reaped.  Returns how the run ended: the watch's
 * end, or WATCH_TIMED_OUT when the tool did not exit in time.
 */
static enum watch_end finish_tool(struct child *c, enum watch_end end,
				  long long deadline)
{
	int exited = end == WATCH_EXITED;

	if (end == WATCH_PIPES_CLOSED) {
		exited = reap(c->pid, &c->status, deadline);
		if (!exited)
			end = WATCH_TIMED_OUT;
	}
	kill(-c->pid, SIGKILL);
	close_fd(&c->streams[0].fd);
	close_fd(&c->streams[1].fd);
	if (!exited)
		reap(c->pid, &c->status, -1);
	return end;
}

/* Step 4: the result the caller sees. */
static enum toolcap_error run_outcome(const struct child *c,
				      enum watch_end end,
				      struct toolcap_run_result *result)
{
	result->out_len = c->streams[0].len;
	result->err_len = c->streams[1].len;
	switch (end) {
	case WATCH_TIMED_OUT:
		result->signal = SIGKILL;
		return TOOLCAP_ERR_TIMED_OUT;
	case WATCH_TRUNCATED:
		result->truncated = 1;
		return TOOLCAP_OK;
	default:
		break;
	}
	if (WIFSIGNALED(c->status)) {
		result->signal = WTERMSIG(c->status);
		return TOOLCAP_ERR_SIGNALED;
	}
	result->exit_status = WEXITSTATUS(c->status);
	return TOOLCAP_OK;
}

enum toolcap_error toolcap_run(const char *const argv[],
			       const struct toolcap_run_options *options,
			       char *out, size_t out_size,
			       char *err, size_t err_size,
			       struct toolcap_run_result *result)
{
	struct child c = { 0 };
	char path[PATH_MAX];
	unsigned timeout = TOOLCAP_DEFAULT_TIMEOUT_MS;
	size_t cap = TOOLCAP_DEFAULT_OUTPUT_CAP;
	enum toolcap_error e;
	enum watch_end end;
	long long deadline;

	if (!argv || !argv[0] || !result || (!out && out_size) ||
	    (!err && err_size))
		return TOOLCAP_ERR_USAGE;
	memset(result, 0, sizeof(*result));
	result->exit_status = -1;
	if (options && options->timeout_ms)
		timeout = options->timeout_ms;
	if (options && options->output_cap)
		cap = options->output_cap;

	e = find_program(argv[0], path, sizeof(path), &result->sys_errno);
	if (!e)
		e = start_tool(path, argv, options, &c, &result->sys_errno);
	if (e)
		return e;
	c.streams[0].buf = out;
	c.streams[0].size = out_size < cap ? out_size : cap;
	c.streams[1].buf = err;
	c.streams[1].size = err_size < cap ? err_size : cap;
	deadline = now_ms() + timeout;
	end = watch_output(&c, deadline);
	end = finish_tool(&c, end, deadline);
	return run_outcome(&c, end, result);
}
