/*
 * gtest.c - case table runner and observation helpers for the guest test
 * programs (see gtest.h).  Output is TAP-like:
 *
 *	1..3
 *	# brk
 *	  brk grows by 1 MiB: yes
 *	ok 1 - brk
 */
#include "gtest.h"

#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define CASE_TIMEOUT 20		/* seconds before a case counts as hung */

char gtest_dir[PATH_MAX];
static int case_failed;

void note(const char *fmt, ...)
{
	va_list ap;

	fputs("  ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void fail(const char *fmt, ...)
{
	va_list ap;

	fputs("  FAIL: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	case_failed = 1;
}

void gtest_abort_case(void)
{
	fflush(stdout);
	_exit(1);
}

#define E(x) { x, #x }
static const struct {
	int num;
	const char *name;
} errnames[] = {
	E(EPERM), E(ENOENT), E(ESRCH), E(EINTR), E(EIO), E(ENXIO), E(E2BIG),
	E(ENOEXEC), E(EBADF), E(ECHILD), E(EAGAIN), E(ENOMEM), E(EACCES),
	E(EFAULT), E(ENOTBLK), E(EBUSY), E(EEXIST), E(EXDEV), E(ENODEV),
	E(ENOTDIR), E(EISDIR), E(EINVAL), E(ENFILE), E(EMFILE), E(ENOTTY),
	E(ETXTBSY), E(EFBIG), E(ENOSPC), E(ESPIPE), E(EROFS), E(EMLINK),
	E(EPIPE), E(EDOM), E(ERANGE), E(EDEADLK), E(ENAMETOOLONG), E(ENOLCK),
	E(ENOSYS), E(ENOTEMPTY), E(ELOOP), E(ENOMSG), E(EOVERFLOW),
	E(EOPNOTSUPP), E(ENOTSOCK), E(ETIMEDOUT), E(ECANCELED),
};

static const char *const signames[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
	[SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN",
	[SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU",
	[SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

const char *errname(int err)
{
	static char buf[32];
	size_t i;

	for (i = 0; i < GTEST_ARRAY_SIZE(errnames); i++)
		if (errnames[i].num == err)
			return errnames[i].name;
	snprintf(buf, sizeof(buf), "errno %d", err);
	return buf;
}

const char *signame(int sig)
{
	static char buf[32];

	if (sig > 0 && sig < (int)GTEST_ARRAY_SIZE(signames) && signames[sig])
		return signames[sig];
	snprintf(buf, sizeof(buf), "signal %d", sig);
	return buf;
}

const char *status_str(int status)
{
	static char buf[64];

	if (WIFEXITED(status))
		snprintf(buf, sizeof(buf), "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, sizeof(buf), "killed by %s%s",
			 signame(WTERMSIG(status)),
			 WCOREDUMP(status) ? " (core dumped)" : "");
	else if (WIFSTOPPED(status))
		snprintf(buf, sizeof(buf), "stopped by %s",
			 signame(WSTOPSIG(status)));
	else
		snprintf(buf, sizeof(buf), "status 0x%x", status);
	return buf;
}

long gt_ok(const char *text, long ret, int err)
{
	if (ret == -1) {
		note("%s = -1 %s", text, errname(err));
		fail("%s failed", text);
	} else {
		note("%s: ok", text);
	}
	return ret;
}

long gt_eq(const char *text, long ret, int err, long want)
{
	if (ret == -1 && want != -1)
		note("%s = -1 %s", text, errname(err));
	else
		note("%s = %ld", text, ret);
	if (ret != want)
		fail("%s: expected %ld", text, want);
	return ret;
}

long gt_err(const char *text, long ret, int err, int want)
{
	if (ret == -1)
		note("%s = -1 %s", text, errname(err));
	else
		note("%s = %ld", text, ret);
	if (ret != -1 || err != want)
		fail("%s: expected -1 %s", text, errname(want));
	return ret;
}

int gt_true(const char *text, int cond)
{
	note("%s: %s", text, cond ? "yes" : "no");
	if (!cond)
		fail("%s", text);
	return cond;
}

int gt_fork(void)
{
	fflush(NULL);
	return fork();
}

int gt_wait(int pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid) {
		fail("waitpid: %s", errname(errno));
		return -1;
	}
	return status;
}

int gt_run_child(void (*fn)(void *), void *arg)
{
	int pid = gt_fork();

	if (pid < 0) {
		fail("fork: %s", errname(errno));
		return -1;
	}
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	return gt_wait(pid);
}

void gt_no_core(void)
{
	struct rlimit rl = { 0, 0 };

	setrlimit(RLIMIT_CORE, &rl);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/*
 * Start every program from the same state whatever its parent left
 * behind: default signal dispositions, nothing blocked, only fds 0-2 open,
 * umask 022.
 */
static void reset_process_state(void)
{
	sigset_t none;
	int sig, fd;

	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	for (fd = 3; fd < 1024; fd++)
		close(fd);
	umask(022);
}

static void set_dir(const char *argv0)
{
	char *slash;

	if (!realpath(argv0, gtest_dir))
		snprintf(gtest_dir, sizeof(gtest_dir), "%s", argv0);
	slash = strrchr(gtest_dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(gtest_dir, ".");
}

static int remove_entry(const char *path, const struct stat *st, int type,
			struct FTW *ftw)
{
	return remove(path);
}

/*
 * Each case works in a fresh directory named after it under the current
 * one, so files one case leaves behind never meet the next case.
 */
static void enter_case_dir(const char *name)
{
	nftw(name, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	if (mkdir(name, 0755) == 0 && chdir(name) == 0)
		return;
	printf("  (no scratch directory %s: %s)\n", name, errname(errno));
}

static void on_alarm(int sig)
{
}

/*
 * Wait for a case, killing its process group if it takes longer than
 * CASE_TIMEOUT.  The timer lives in the parent so that cases are free to
 * use alarm() and ITIMER_REAL themselves.
 */
static int wait_case(int pid, int *hung)
{
	struct sigaction sa = { .sa_handler = on_alarm }, old;
	int status = 0;

	*hung = 0;
	sigaction(SIGALRM, &sa, &old);
	alarm(CASE_TIMEOUT);
	if (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
		*hung = 1;
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	alarm(0);
	sigaction(SIGALRM, &old, NULL);
	return status;
}

/* Run one case in a child; returns 1 if it passed. */
static int run_case(const struct gtest_case *c, int num)
{
	int pid, status, hung = 0;

	printf("# %s\n", c->name);
	if (getenv("GTEST_NOFORK")) {
		case_failed = 0;
		c->fn();
		status = case_failed ? 1 << 8 : 0;
	} else {
		pid = gt_fork();
		if (pid < 0) {
			printf("not ok %d - %s (fork: %s)\n", num, c->name,
			       errname(errno));
			return 0;
		}
		if (pid == 0) {
			setpgid(0, 0);
			case_failed = 0;
			enter_case_dir(c->name);
			c->fn();
			fflush(stdout);
			_exit(case_failed);
		}
		setpgid(pid, pid);
		status = wait_case(pid, &hung);
	}
	if (status == 0) {
		printf("ok %d - %s\n", num, c->name);
		return 1;
	}
	if (hung)
		printf("not ok %d - %s (hung for %d s)\n", num, c->name,
		       CASE_TIMEOUT);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 1)
		printf("not ok %d - %s\n", num, c->name);
	else
		printf("not ok %d - %s (case %s)\n", num, c->name,
		       status_str(status));
	return 0;
}

static int find_case(const struct gtest_case *cases, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(cases[i].name, name))
			return i;
	return -1;
}

static void usage(const char *prog, const struct gtest_case *cases, int n)
{
	int i;

	fprintf(stderr, "usage: %s [-l] [-x case]... [case]...\ncases:", prog);
	for (i = 0; i < n; i++)
		fprintf(stderr, " %s", cases[i].name);
	fputc('\n', stderr);
	exit(2);
}

int gtest_main(const struct gtest_case *cases, int n, int argc, char **argv)
{
	char sel[n];
	int i, k, only = 0, planned = 0, passed = 0, num = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	reset_process_state();
	set_dir(argv[0]);
	memset(sel, 1, n);
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-l")) {
			for (k = 0; k < n; k++)
				printf("%s\n", cases[k].name);
			return 0;
		}
		if (!strcmp(argv[i], "-x") && i + 1 < argc) {
			k = find_case(cases, n, argv[++i]);
			if (k < 0)
				usage(argv[0], cases, n);
			sel[k] = 0;
			continue;
		}
		k = find_case(cases, n, argv[i]);
		if (k < 0)
			usage(argv[0], cases, n);
		if (!only++)
			memset(sel, 0, n);
		sel[k] = 1;
	}
	for (i = 0; i < n; i++)
		planned += sel[i];
	printf("1..%d\n", planned);
	for (i = 0; i < n; i++)
		if (sel[i])
			passed += run_case(&cases[i], ++num);
	printf("# %d of %d passed\n", passed, planned);
	return passed == planned ? 0 : 1;
}
