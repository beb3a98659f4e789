// SPDX-License-Identifier: GPL-2.0
/*
 * Process life cycle: fork+exit+wait, and fork+exec+wait of a tiny static
 * program (tests/bench/true.c, given as the argument).  A child that does
 * not exit with status 0 aborts the benchmark, so a broken exec cannot pass
 * for a fast one.
 */
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

static void reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		die("waitpid failed");
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		die("child failed (status %#x)", status);
}

static double bench_fork(long iters, const char *arg)
{
	uint64_t t0, t1;
	pid_t pid;
	long i;

	t0 = now_ns();
	for (i = 0; i < iters; i++) {
		pid = fork();
		if (pid < 0)
			die("fork failed");
		if (!pid)
			_exit(0);
		reap(pid);
	}
	t1 = now_ns();
	return (double)(t1 - t0) / iters / 1000;
}

static double bench_forkexec(long iters, const char *arg)
{
	char *envp[] = { NULL };
	char *argv[] = { (char *)arg, NULL };
	uint64_t t0, t1;
	pid_t pid;
	long i;

	if (!arg)
		die("forkexec needs the path of a static 'true'");
	t0 = now_ns();
	for (i = 0; i < iters; i++) {
		pid = fork();
		if (pid < 0)
			die("fork failed");
		if (!pid) {
			execve(arg, argv, envp);
			_exit(127);
		}
		reap(pid);
	}
	t1 = now_ns();
	return (double)(t1 - t0) / iters / 1000;
}

const struct bench proc_benches[] = {
	{ "fork", "us", "fork+exit+wait, us per iteration", bench_fork },
	{ "forkexec", "us", "fork+exec+wait of <argument>, us per iteration",
	  bench_forkexec },
	{ NULL }
};
