/*
 * exec_test - execve: argv and envp passing, the auxiliary vector and
 * initial stack, #! scripts (with and without an argument, nested), what
 * survives exec (pid, ignored signals, the signal mask, fds without
 * FD_CLOEXEC) and the errors of a failing execve.
 *
 * The program it runs is exec_helper, found next to this binary; the
 * helper prints what it received (see exec_helper.c).
 */
#include "gtest.h"

#include <elf.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static char helper[PATH_MAX];

static void find_helper(void)
{
	snprintf(helper, sizeof(helper), "%s/exec_helper", gtest_dir);
}

/* Fork, execve(path, argv, envp) in the child, report how the child ended. */
static void run_exec(const char *path, char *const argv[], char *const envp[])
{
	int pid, st;

	pid = gt_fork();
	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp);
		printf("  execve failed: %s\n", errname(errno));
		fflush(stdout);
		_exit(127);
	}
	st = gt_wait(pid);
	note("exec child: %s", status_str(st));
	if (st != 0)
		fail("helper did not exit 0");
}

static void test_argv_envp(void)
{
	char *argv[] = { "exec_helper", "one", "two words", "", "-x", NULL };
	char *envp[] = { "GT_A=1", "GT_B=with space", "OTHER=z", "GT_C=", NULL };

	find_helper();
	run_exec(helper, argv, envp);
}

static void test_empty_argv(void)
{
	char *envp[] = { "GT_E=1", NULL };

	find_helper();
	run_exec(helper, NULL, envp);
}

static void test_auxv(void)
{
	char execfn[PATH_MAX + 16];
	char *argv[] = { "exec_helper", "a", NULL };
	char *envp[] = { "GT_MODE=auxv", execfn, NULL };

	find_helper();
	snprintf(execfn, sizeof(execfn), "GT_EXECFN=%s", helper);
	run_exec(helper, argv, envp);
}

static void test_big_argv(void)
{
	static char arg[100], *argv[1002];
	char *envp[] = { "GT_MODE=sum", NULL };
	int i;

	find_helper();
	memset(arg, 'a', sizeof(arg) - 1);
	argv[0] = "exec_helper";
	for (i = 1; i <= 1000; i++)
		argv[i] = arg + (i % 90);
	argv[1001] = NULL;
	run_exec(helper, argv, envp);
}

/* Write an executable script "name" whose first line is "#!<line>". */
static int write_script(const char *name, const char *line)
{
	FILE *f = fopen(name, "w");

	if (!f) {
		fail("create %s: %s", name, errname(errno));
		return -1;
	}
	fprintf(f, "#!%s\nexit 99\n", line);
	fclose(f);
	return chmod(name, 0755);
}

static void test_script_arg(void)
{
	char line[PATH_MAX + 32];
	char *argv[] = { "script-name", "x", "y", NULL };
	char *envp[] = { NULL };

	find_helper();
	snprintf(line, sizeof(line), "%s -opt", helper);
	if (write_script("script.sh", line) == 0)
		run_exec("./script.sh", argv, envp);
}

static void test_script_noarg(void)
{
	char *argv[] = { "script-name", "x", NULL };
	char *envp[] = { NULL };

	find_helper();
	if (write_script("script.sh", helper) == 0)
		run_exec("./script.sh", argv, envp);
}

/* Blanks around the interpreter; the rest of the line is one argument. */
static void test_script_spaces(void)
{
	char line[PATH_MAX + 32];
	char *argv[] = { "script-name", NULL };
	char *envp[] = { NULL };

	find_helper();
	snprintf(line, sizeof(line), " \t%s  two words\t ", helper);
	if (write_script("script.sh", line) == 0)
		run_exec("./script.sh", argv, envp);
}

static void test_script_nested(void)
{
	char line[PATH_MAX + 32];
	char *argv[] = { "outer", "z", NULL };
	char *envp[] = { NULL };

	find_helper();
	snprintf(line, sizeof(line), "%s -inner", helper);
	if (write_script("inner.sh", line) == 0 &&
	    write_script("outer.sh", "./inner.sh -outer") == 0)
		run_exec("./outer.sh", argv, envp);
}

static void test_exec_keeps(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	char pidenv[32];
	char *argv[] = { "exec_helper", NULL };
	char *envp[] = { "GT_MODE=sigstate", NULL };
	char *penv[] = { "GT_MODE=pid", pidenv, NULL };
	sigset_t mask;
	int pid, st;

	find_helper();
	sigaction(SIGUSR2, &sa, NULL);
	sa.sa_handler = (void (*)(int))test_exec_keeps;	/* any handler */
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&mask);
	sigaddset(&mask, SIGHUP);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	run_exec(helper, argv, envp);

	pid = gt_fork();
	if (pid == 0) {
		snprintf(pidenv, sizeof(pidenv), "GT_PID=%d", getpid());
		execve(helper, argv, penv);
		_exit(127);
	}
	st = gt_wait(pid);
	note("exec child: %s", status_str(st));
}

static void test_cloexec(void)
{
	char a[16], b[16], c[16];
	char *argv[] = { "exec_helper", a, b, c, NULL };
	char *envp[] = { "GT_MODE=fds", NULL };
	int keep, drop;

	find_helper();
	keep = open("f", O_RDWR | O_CREAT, 0644);
	drop = open("f", O_RDONLY | O_CLOEXEC);
	if (T_OK(keep) == -1 || T_OK(drop) == -1)
		return;
	T_EQ(fcntl(drop, F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(keep, F_GETFD), 0);
	snprintf(a, sizeof(a), "%d", keep);
	snprintf(b, sizeof(b), "%d", drop);
	snprintf(c, sizeof(c), "%d", 100);
	note("passing fds: keep=%s cloexec=%s unused=%s", a, b, c);
	run_exec(helper, argv, envp);
}

/* 64 bytes of an ELF header for AArch64: a valid file for another machine. */
static int write_foreign_elf(const char *name)
{
	Elf64_Ehdr eh = {
		.e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64,
			     ELFDATA2LSB, EV_CURRENT },
		.e_type = ET_EXEC, .e_machine = EM_AARCH64,
		.e_version = EV_CURRENT, .e_entry = 0x400000,
		.e_ehsize = sizeof(Elf64_Ehdr),
	};
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0755);

	if (fd < 0 || write(fd, &eh, sizeof(eh)) != sizeof(eh))
		return -1;
	return close(fd);
}

static void test_exec_errors(void)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	static char longname[PATH_MAX + 10];
	int fd;

	T_ERR(execve("/nonexistent/prog", argv, envp), ENOENT);
	fd = open("plain.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	T_EQ(write(fd, "echo hi\n", 8), 8);
	close(fd);
	T_ERR(execve("./plain.txt", argv, envp), EACCES);
	T_EQ(chmod("plain.txt", 0755), 0);
	T_ERR(execve("./plain.txt", argv, envp), ENOEXEC);
	T_ERR(execve(".", argv, envp), EACCES);
	T_ERR(execve("./plain.txt/x", argv, envp), ENOTDIR);
	if (write_foreign_elf("aarch64.elf") == 0)
		T_ERR(execve("./aarch64.elf", argv, envp), ENOEXEC);
	T_ERR(syscall(SYS_execve, (char *)1, argv, envp), EFAULT);
	T_ERR(syscall(SYS_execve, "./plain.txt", (char **)1, envp), EFAULT);
	memset(longname, 'a', sizeof(longname) - 1);
	T_ERR(execve(longname, argv, envp), ENAMETOOLONG);
	note("process still runs after the failed calls");
}

/* execveat: by fd (fexecve), relative to a dirfd, and its error cases. */
static void run_execveat(int dfd, const char *path, int flags)
{
	char *argv[] = { "exec_helper", "at", NULL };
	char *envp[] = { "GT_AT=1", NULL };
	int pid, st;

	pid = gt_fork();
	if (pid == 0) {
		syscall(SYS_execveat, dfd, path, argv, envp, flags);
		printf("  execveat failed: %s\n", errname(errno));
		fflush(stdout);
		_exit(127);
	}
	st = gt_wait(pid);
	note("execveat child: %s", status_str(st));
	if (st != 0)
		fail("helper did not exit 0");
}

static void test_execveat(void)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	int fd, dir;

	find_helper();
	fd = open(helper, O_RDONLY | O_CLOEXEC);
	dir = open(gtest_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	T_TRUE(fd >= 0 && dir >= 0, "opened the helper and its directory");
	run_execveat(fd, "", AT_EMPTY_PATH);
	run_execveat(dir, "exec_helper", 0);
	run_execveat(AT_FDCWD, helper, 0);
	T_ERR(syscall(SYS_execveat, dir, "", argv, envp, 0), ENOENT);
	T_ERR(syscall(SYS_execveat, dir, "exec_helper", argv, envp, 0x4), EINVAL);
	T_ERR(syscall(SYS_execveat, 999, "exec_helper", argv, envp, 0), EBADF);
	T_ERR(syscall(SYS_execveat, fd, "x", argv, envp, 0), ENOTDIR);
	close(fd);
	close(dir);
}

static const struct gtest_case cases[] = {
	{ "argv_envp", test_argv_envp },
	{ "empty_argv", test_empty_argv },
	{ "auxv", test_auxv },
	{ "big_argv", test_big_argv },
	{ "script_arg", test_script_arg },
	{ "script_noarg", test_script_noarg },
	{ "script_spaces", test_script_spaces },
	{ "script_nested", test_script_nested },
	{ "exec_keeps", test_exec_keeps },
	{ "cloexec", test_cloexec },
	{ "exec_errors", test_exec_errors },
	{ "execveat", test_execveat },
};
GTEST_MAIN(cases)
