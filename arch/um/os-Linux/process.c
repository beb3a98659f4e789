// SPDX-License-Identifier: GPL-2.0
/* The kernel process itself: exit, abort, re-exec, stdio, environment. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>

#include <os.h>
#include "internal.h"

char **os_saved_argv;

#define MAX_EXIT_HOOKS 16
static void (*exit_hooks[MAX_EXIT_HOOKS])(void);
static int nr_exit_hooks;

int os_atexit(void (*fn)(void))
{
	if (nr_exit_hooks == MAX_EXIT_HOOKS)
		return -ENOSPC;
	exit_hooks[nr_exit_hooks++] = fn;
	return 0;
}

void os_run_exit_hooks(void)
{
	while (nr_exit_hooks > 0)
		exit_hooks[--nr_exit_hooks]();
	engine_kill_all();
}

void os_exit(int status)
{
	os_run_exit_hooks();
	_exit(status);
}

void os_abort(void)
{
	struct sigaction sa = { .sa_handler = SIG_DFL };

	os_run_exit_hooks();
	sigaction(SIGABRT, &sa, NULL);
	abort();
}

void os_reexec(void)
{
	os_run_exit_hooks();
	execv("/proc/self/exe", os_saved_argv);
	os_stderr_write("reboot: re-exec failed\n", 23);
	_exit(1);
}

/*
 * The console channels make the host's stdio non-blocking (and stdout and
 * stderr often share one open file), so wait for room instead of dropping.
 */
static void write_all(int fd, const char *s, unsigned long len)
{
	while (len) {
		long n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd p = { .fd = fd, .events = POLLOUT };

			poll(&p, 1, 1000);
			continue;
		}
		if (n <= 0)
			return;
		s += n;
		len -= n;
	}
}

void os_stderr_write(const char *s, unsigned long len)
{
	write_all(2, s, len);
}

void os_stdout_write(const char *s, unsigned long len)
{
	write_all(1, s, len);
}

unsigned long os_host_auxval(unsigned long type)
{
	return getauxval(type);
}
