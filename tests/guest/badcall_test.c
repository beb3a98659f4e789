/*
 * badcall_test - system calls given garbage: bad pointers (EFAULT, never a
 * crash), huge lengths, bad file descriptors, unknown system call numbers
 * (ENOSYS), bad flags (EINVAL); and a process that made all of these still
 * exits with the status it asks for.
 *
 * Raw syscall() is used throughout so that glibc neither checks nor
 * rewrites the arguments (and never uses the vDSO).
 */
#include "gtest.h"

#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BAD_PTR ((void *)(uintptr_t)8)

/* A page that is certainly not mapped: map one, then unmap it. */
static void *unmapped_page(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	munmap(p, 4096);
	return p;
}

static void test_efault_write(void)
{
	int p[2];

	T_ERR(syscall(SYS_write, 1, NULL, 8), EFAULT);
	T_ERR(syscall(SYS_write, 1, BAD_PTR, 8), EFAULT);
	T_ERR(syscall(SYS_write, 1, unmapped_page(), 1), EFAULT);
	T_EQ(syscall(SYS_write, 1, NULL, 0), 0);
	if (T_OK(pipe(p)) == -1)
		return;
	T_ERR(syscall(SYS_write, p[1], (void *)-4096L, 16), EFAULT);
	T_ERR(syscall(SYS_writev, p[1], BAD_PTR, 1), EFAULT);
}

static void test_efault_read(void)
{
	char *page = unmapped_page();
	int p[2];

	if (T_OK(pipe(p)) == -1)
		return;
	T_EQ(write(p[1], "data", 4), 4);
	T_ERR(syscall(SYS_read, p[0], page, 4), EFAULT);
	T_ERR(syscall(SYS_read, p[0], NULL, 4), EFAULT);
	T_ERR(syscall(SYS_read, p[0], (void *)(1UL << 47), 4), EFAULT);
	T_ERR(syscall(SYS_pipe, BAD_PTR), EFAULT);
	T_ERR(syscall(SYS_pipe2, NULL, 0), EFAULT);
}

static void test_efault_path(void)
{
	struct stat st;

	T_ERR(syscall(SYS_open, BAD_PTR, O_RDONLY), EFAULT);
	T_ERR(syscall(SYS_open, NULL, O_RDONLY), EFAULT);
	T_ERR(syscall(SYS_open, unmapped_page(), O_RDONLY), EFAULT);
	T_ERR(syscall(SYS_openat, AT_FDCWD, BAD_PTR, O_RDONLY), EFAULT);
	T_ERR(syscall(SYS_stat, BAD_PTR, &st), EFAULT);
	T_ERR(syscall(SYS_stat, "/", BAD_PTR), EFAULT);
	T_ERR(syscall(SYS_mkdir, BAD_PTR, 0755), EFAULT);
	T_ERR(syscall(SYS_chdir, BAD_PTR), EFAULT);
	T_ERR(syscall(SYS_unlink, BAD_PTR), EFAULT);
	T_ERR(syscall(SYS_uname, BAD_PTR), EFAULT);
	T_ERR(syscall(SYS_getcwd, BAD_PTR, 100), EFAULT);
}

static void test_efault_misc(void)
{
	T_ERR(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, BAD_PTR), EFAULT);
	T_ERR(syscall(SYS_gettimeofday, BAD_PTR, NULL), EFAULT);
	T_ERR(syscall(SYS_nanosleep, BAD_PTR, NULL), EFAULT);
	T_ERR(syscall(SYS_rt_sigaction, SIGUSR1, BAD_PTR, NULL, 8), EFAULT);
	T_ERR(syscall(SYS_rt_sigprocmask, SIG_BLOCK, BAD_PTR, NULL, 8), EFAULT);
	T_ERR(syscall(SYS_wait4, -1, BAD_PTR, 0, NULL), ECHILD);
	T_ERR(syscall(SYS_times, BAD_PTR), EFAULT);
}

static void test_huge_lengths(void)
{
	static char buf[16];		/* low address: buf + 1 GiB is valid */
	int p[2];

	if (T_OK(pipe2(p, O_NONBLOCK)) == -1)
		return;
	T_ERR(syscall(SYS_read, p[0], buf, (size_t)-1), EFAULT);
	T_ERR(syscall(SYS_write, p[1], buf, (size_t)-1), EFAULT);
	T_ERR(syscall(SYS_read, p[0], buf, 1UL << 30), EAGAIN);
	T_ERR(syscall(SYS_writev, p[1], buf, 1025), EINVAL);
	T_ERR(syscall(SYS_writev, p[1], buf, -1), EINVAL);
	T_EQ(syscall(SYS_read, p[0], buf, 0), 0);
	T_ERR(syscall(SYS_mmap, NULL, (size_t)-4096, PROT_READ,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
	T_ERR(syscall(SYS_mmap, NULL, 1UL << 62, PROT_READ,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), ENOMEM);
	T_ERR(syscall(SYS_mprotect, (void *)(1UL << 47), 4096, PROT_READ),
	      ENOMEM);
	T_ERR(syscall(SYS_munmap, (void *)(1UL << 47), (size_t)-4096), EINVAL);
}

static void test_bad_fds(void)
{
	char c;

	T_ERR(syscall(SYS_close, -1), EBADF);
	T_ERR(syscall(SYS_close, 9999), EBADF);
	T_ERR(syscall(SYS_read, 9999, &c, 1), EBADF);
	T_ERR(syscall(SYS_write, -5, &c, 1), EBADF);
	T_ERR(syscall(SYS_dup, 777), EBADF);
	T_ERR(syscall(SYS_dup2, 1, -1), EBADF);
	T_ERR(syscall(SYS_fcntl, 777, F_GETFD), EBADF);
	T_ERR(syscall(SYS_lseek, 777, 0, SEEK_SET), EBADF);
	T_ERR(syscall(SYS_fcntl, 0, 12345), EINVAL);
	T_ERR(syscall(SYS_dup2, 1, 1 << 30), EBADF);
}

static void test_enosys(void)
{
	T_ERR(syscall(1000), ENOSYS);
	T_ERR(syscall(-1L), ENOSYS);
	T_ERR(syscall(100000), ENOSYS);
	T_ERR(syscall(0x7fffffffL), ENOSYS);
	T_TRUE(getpid() > 0, "the process carries on");
}

static void test_bad_flags(void)
{
	sigset_t set;

	sigemptyset(&set);
	T_ERR(syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0),
	      EINVAL);		/* neither MAP_SHARED nor MAP_PRIVATE */
	T_ERR(syscall(SYS_mmap, NULL, 4096, PROT_READ, 0, -1, 0), EBADF);
	T_ERR(syscall(SYS_mmap, NULL, 0, PROT_READ,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
	T_ERR(syscall(SYS_mprotect, NULL, 4096, 0x1000), EINVAL);
	T_ERR(syscall(SYS_rt_sigprocmask, 99, &set, NULL, 8), EINVAL);
	T_ERR(syscall(SYS_clock_gettime, 12345, NULL), EINVAL);
	T_ERR(syscall(SYS_pipe2, NULL, O_RDWR), EINVAL);
	T_ERR(syscall(SYS_dup3, 0, 5, 0x1234), EINVAL);
	T_ERR(syscall(SYS_wait4, -1, NULL, 0x12345, NULL), EINVAL);
}

/* A child that makes bad calls of every kind must still exit cleanly. */
static void bad_then_exit(void *arg)
{
	int p[2];
	char c;

	if (pipe(p) || write(p[1], "x", 1) != 1)
		_exit(2);
	syscall(SYS_write, 1, NULL, 8);
	syscall(SYS_read, p[0], BAD_PTR, 1);
	syscall(SYS_open, BAD_PTR, 0);
	syscall(1000);
	syscall(-1L);
	syscall(SYS_read, 9999, &c, 1);
	syscall(SYS_exit_group, 9);
}

static void test_exit_after(void)
{
	int st = gt_run_child(bad_then_exit, NULL);

	note("child after bad calls: %s", status_str(st));
	T_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 9, "exit status is 9");
}

static const struct gtest_case cases[] = {
	{ "efault_write", test_efault_write },
	{ "efault_read", test_efault_read },
	{ "efault_path", test_efault_path },
	{ "efault_misc", test_efault_misc },
	{ "huge_lengths", test_huge_lengths },
	{ "bad_fds", test_bad_fds },
	{ "enosys", test_enosys },
	{ "bad_flags", test_bad_flags },
	{ "exit_after", test_exit_after },
};
GTEST_MAIN(cases)
