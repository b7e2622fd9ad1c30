// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Running the Kconfig engine for `toolcap matrix`: one scratch directory
 * per version, so the tree is never written and the runs cannot see each
 * other; the engine runs there, without a shell, in its own process group
 * (a time limit kills all it started), as many at a time as there are
 * CPUs.  Its output goes to files, not pipes: the 6.1 tree's conf can
 * print a lot, and a capped pipe would stop it half-way.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "matrix.h"

/* Debian's linux-kbuild-6.1, the conf the kernel's 6.1 Makefile builds. */
#define DEBIAN_CONF "/usr/lib/linux-kbuild-6.1/scripts/kconfig/conf"

/* Does PYTHON import kconfiglib?  Debian's python3-kconfiglib is only in
 * the system python, which a pyenv python3 on PATH hides. */
static int python_has_kconfiglib(const char *python)
{
	const char *argv[] = { python, "-c", "import kconfiglib", NULL };
	struct toolcap_run_options options = { .timeout_ms = 10000 };
	struct toolcap_run_result result;
	char out[256], err[256];

	return toolcap_run(argv, &options, out, sizeof(out), err, sizeof(err),
			   &result) == TOOLCAP_OK && result.exit_status == 0;
}

int matrix_choose_engine(struct matrix_plan *plan, const char *name)
{
	static const char *const pythons[] = { "python3", "/usr/bin/python3" };
	const char **argv = plan->engine_argv;
	size_t i;

	plan->engine_name = name;
	if (strcmp(name, "kconfiglib") == 0) {
		for (i = 0; i < 2 && !python_has_kconfiglib(pythons[i]); i++)
			;
		if (i == 2) {
			fail("matrix: kconfiglib: neither python3 nor /usr/bin/python3 can import kconfiglib: install python3-kconfiglib");
			return EXIT_ERROR;
		}
		argv[0] = pythons[i];
		argv[1] = "-m";
		argv[2] = "olddefconfig";
		argv[3] = plan->kconfig;
		argv[4] = NULL;
		return 0;
	}
	if (strcmp(name, "conf") == 0)
		argv[0] = access(DEBIAN_CONF, X_OK) == 0 ? DEBIAN_CONF : "conf";
	else if (strchr(name, '/') && access(name, X_OK) != 0) {
		fail("matrix: --engine=%s: %s", name, strerror(errno));
		return EXIT_ERROR;
	} else
		argv[0] = name;
	argv[1] = "--olddefconfig";
	argv[2] = plan->kconfig;
	argv[3] = NULL;
	return 0;
}

void matrix_version_dir(const struct matrix_plan *plan, int i, char *buf,
			size_t size)
{
	snprintf(buf, size, "%s/%d", plan->scratch, i);
}

/* ------------------------------------------------------------------ */
/* Scratch directories                                                 */

static int copy_file(const char *from, const char *to)
{
	FILE *in = from ? fopen(from, "r") : NULL;
	FILE *out;
	char buf[8192];
	size_t n;
	int ok = 1;

	if (from && !in) {
		fail("matrix: --config=%s: %s", from, strerror(errno));
		return EXIT_ERROR;
	}
	out = fopen(to, "w");
	if (!out) {
		fail("matrix: cannot write %s: %s", to, strerror(errno));
		if (in)
			fclose(in);
		return EXIT_ERROR;
	}
	while (in && (n = fread(buf, 1, sizeof(buf), in)) > 0)
		ok = fwrite(buf, 1, n, out) == n && ok;
	if (in)
		fclose(in);
	if (fclose(out) != 0 || !ok) {
		fail("matrix: cannot write %s: %s", to, strerror(errno));
		return EXIT_ERROR;
	}
	return 0;
}

/*
 * DIR/.config (the --config file, or empty: an empty file, not no file,
 * because without one conf and kconfiglib would read the running
 * kernel's /boot/config-* through DEFCONFIG_LIST) and the stand-in.
 */
static int prepare_version(struct matrix_plan *plan, int i, char *standin,
			   size_t standin_size)
{
	char dir[PATH_MAX], config[PATH_MAX + 16];

	matrix_version_dir(plan, i, dir, sizeof(dir));
	if (mkdir(dir, 0700) != 0) {
		fail("matrix: cannot create %s: %s", dir, strerror(errno));
		return EXIT_ERROR;
	}
	snprintf(config, sizeof(config), "%s/.config", dir);
	if (copy_file(plan->config, config))
		return EXIT_ERROR;
	return matrix_write_standin(plan->tmpl, &plan->versions[i], dir,
				    standin, standin_size);
}

static void remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char child[PATH_MAX];

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	d = opendir(path);
	while (d && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(child, sizeof(child), "%s/%s", path,
				     e->d_name) < sizeof(child))
			remove_tree(child);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

void matrix_cleanup(struct matrix_plan *plan)
{
	if (plan->scratch[0])
		remove_tree(plan->scratch);
	plan->scratch[0] = '\0';
}

/* ------------------------------------------------------------------ */
/* The engine's environment                                            */

/*
 * The engine runs elsewhere than here, so a tree read "from here" must be
 * named: conf and kconfiglib take $srctree as the top of the tree and the
 * current directory without it.  And a tree using toolcap's macros runs
 * $TOOLCAP, else toolcap on PATH: this very toolcap is the one wanted.
 */
static int export_tree_environment(void)
{
	const char *srctree = getenv("srctree");
	char cwd[PATH_MAX], path[2 * PATH_MAX + 2];
	ssize_t n;

	if (!srctree || srctree[0] != '/') {
		if (!getcwd(cwd, sizeof(cwd))) {
			fail("matrix: cannot read the current directory: %s",
			     strerror(errno));
			return EXIT_ERROR;
		}
		if (srctree && *srctree)
			snprintf(path, sizeof(path), "%s/%s", cwd, srctree);
		else
			snprintf(path, sizeof(path), "%s", cwd);
		setenv("srctree", path, 1);
	}
	if (!getenv("TOOLCAP")) {
		n = readlink("/proc/self/exe", path, sizeof(path) - 1);
		if (n > 0) {
			path[n] = '\0';
			setenv("TOOLCAP", path, 1);
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* In the child: become the engine, in DIR, with VAR=STANDIN. */
static void exec_engine(const struct matrix_plan *plan, const char *dir,
			const char *standin)
{
	char config[PATH_MAX + 16], out[PATH_MAX + 16], err[PATH_MAX + 16];
	int fd;

	setpgid(0, 0);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	snprintf(config, sizeof(config), "%s/.config", dir);
	snprintf(out, sizeof(out), "%s/engine.stdout", dir);
	snprintf(err, sizeof(err), "%s/engine.stderr", dir);
	if (chdir(dir) != 0)
		_exit(126);
	fd = open("/dev/null", O_RDONLY);
	if (fd >= 0)
		dup2(fd, 0);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0)
		dup2(fd, 1);
	fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd >= 0)
		dup2(fd, 2);
	setenv("KCONFIG_CONFIG", config, 1);
	setenv(plan->variable, standin, 1);
	execvp(plan->engine_argv[0], (char *const *)plan->engine_argv);
	fprintf(stderr, "cannot run %s: %s\n", plan->engine_argv[0],
		strerror(errno));
	_exit(127);
}

struct job {
	pid_t pid;
	double deadline;
};

static void finish(struct job *job, int status, struct matrix_outcome *o)
{
	/* What the engine left behind ($(shell,... &)) goes with it. */
	kill(-job->pid, SIGKILL);
	o->exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	o->signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	if (o->timed_out)
		o->signal = 0;
	job->pid = 0;
}

static int cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MATRIX_VERSIONS_MAX ? MATRIX_VERSIONS_MAX : (int)n;
}

static int start(struct matrix_plan *plan, int i, struct job *job)
{
	char dir[PATH_MAX], standin[PATH_MAX];

	if (prepare_version(plan, i, standin, sizeof(standin)))
		return EXIT_ERROR;
	matrix_version_dir(plan, i, dir, sizeof(dir));
	fflush(stdout);
	fflush(stderr);
	job->pid = fork();
	if (job->pid < 0) {
		fail("matrix: fork: %s", strerror(errno));
		job->pid = 0;
		return EXIT_ERROR;
	}
	if (job->pid == 0)
		exec_engine(plan, dir, standin);
	setpgid(job->pid, job->pid); /* whoever of us gets there first */
	job->deadline = now() + plan->timeout_ms / 1000.0;
	return 0;
}

/* Kill and reap every running engine (on an error or a signal). */
static void stop_all(struct job *jobs, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (jobs[i].pid > 0) {
			kill(-jobs[i].pid, SIGKILL);
			waitpid(jobs[i].pid, NULL, 0);
			jobs[i].pid = 0;
		}
}

static void catch_signals(void (*handler)(int))
{
	signal(SIGINT, handler);
	signal(SIGTERM, handler);
	signal(SIGHUP, handler);
}

int matrix_run(struct matrix_plan *plan, struct matrix_outcome *outcomes)
{
	struct job jobs[MATRIX_VERSIONS_MAX] = { { 0, 0 } };
	const char *tmpdir = getenv("TMPDIR");
	struct timespec tick = { 0, 5 * 1000 * 1000 };
	int n = plan->n_versions, max = cpus(), next = 0, running = 0, done = 0;
	int i, status, error = 0;

	if (export_tree_environment())
		return EXIT_ERROR;
	if ((size_t)snprintf(plan->scratch, sizeof(plan->scratch),
			     "%s/toolcap-matrix.XXXXXX",
			     tmpdir && *tmpdir ? tmpdir : "/tmp") >= sizeof(plan->scratch))
		errno = ENAMETOOLONG;
	else if (mkdtemp(plan->scratch))
		errno = 0;
	if (errno) {
		fail("matrix: cannot create %s: %s", plan->scratch, strerror(errno));
		plan->scratch[0] = '\0';
		return EXIT_ERROR;
	}
	catch_signals(on_signal);
	while (done < n && !error && !interrupted) {
		while (running < max && next < n && !error) {
			error = start(plan, next, &jobs[next]);
			next++;
			running += !error;
		}
		for (i = 0; i < next; i++) {
			if (jobs[i].pid <= 0)
				continue;
			if (waitpid(jobs[i].pid, &status, WNOHANG) == jobs[i].pid) {
				finish(&jobs[i], status, &outcomes[i]);
				running--;
				done++;
			} else if (now() > jobs[i].deadline && !outcomes[i].timed_out) {
				outcomes[i].timed_out = 1;
				kill(-jobs[i].pid, SIGKILL);
			}
		}
		if (done < n)
			nanosleep(&tick, NULL);
	}
	stop_all(jobs, n);
	catch_signals(SIG_DFL);
	if (interrupted) {
		matrix_cleanup(plan);
		raise(interrupted);
		return EXIT_ERROR;
	}
	return error;
}
