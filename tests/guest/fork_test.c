/*
 * fork_test - fork and vfork: return values, copy-on-write of every kind of
 * private memory (data, bss, heap, stack, mmap), MAP_SHARED sharing, vfork
 * suspension, many and nested children, and wait without children.
 */
#include "gtest.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int data_var = 1;
static int bss_var;

static void test_fork_basic(void)
{
	int parent = getpid(), pid, st;

	pid = gt_fork();
	if (pid == 0)
		_exit(getppid() == parent && getpid() != parent ? 42 : 1);
	T_TRUE(pid > 0, "fork returns the child's pid in the parent");
	st = gt_wait(pid);
	note("child: %s", status_str(st));
	T_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 42,
	       "child saw fork() == 0 and getppid() == parent");
	T_ERR(waitpid(pid, &st, 0), ECHILD);
}

/* The child changes every kind of private memory, then checks its copy. */
static void test_cow_child_write(void)
{
	int stack_var = 3, st, pid;
	int *heap = malloc(64 * sizeof(int));
	int *anon = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (!heap || anon == MAP_FAILED) {
		fail("allocation failed");
		return;
	}
	data_var = 1;
	bss_var = 2;
	heap[10] = 4;
	anon[20] = 5;
	pid = gt_fork();
	if (pid == 0) {
		data_var = bss_var = stack_var = heap[10] = anon[20] = 99;
		_exit(data_var + bss_var + stack_var + heap[10] + anon[20] ==
		      5 * 99 ? 0 : 1);
	}
	st = gt_wait(pid);
	note("child: %s", status_str(st));
	note("after child wrote: data=%d bss=%d stack=%d heap=%d mmap=%d",
	     data_var, bss_var, stack_var, heap[10], anon[20]);
	T_TRUE(data_var == 1 && bss_var == 2 && stack_var == 3 &&
	       heap[10] == 4 && anon[20] == 5, "parent's memory unchanged");
	free(heap);
	munmap(anon, 4096);
}

/* The parent writes while the child waits; the child reports its view. */
static void test_cow_parent_write(void)
{
	int go[2], res[2], pid, st;
	char c = 0, seen[8] = "";

	strcpy(seen, "orig");
	if (T_OK(pipe(go)) == -1 || T_OK(pipe(res)) == -1)
		return;
	pid = gt_fork();
	if (pid == 0) {
		if (read(go[0], &c, 1) != 1)
			_exit(2);
		_exit(write(res[1], seen, sizeof(seen)) == sizeof(seen) ? 0 : 3);
	}
	strcpy(seen, "changed");
	T_EQ(write(go[1], "x", 1), 1);
	memset(seen, 0, sizeof(seen));
	T_EQ(read(res[0], seen, sizeof(seen)), sizeof(seen));
	note("child sees \"%s\"", seen);
	T_TRUE(!strcmp(seen, "orig"), "parent's write is invisible to the child");
	st = gt_wait(pid);
	note("child: %s", status_str(st));
}

static void test_shared_anon(void)
{
	volatile int *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int pid, st;

	if (T_OK(p) == -1)
		return;
	p[0] = 1;
	pid = gt_fork();
	if (pid == 0) {
		int seen = p[0];

		p[1] = 77;
		_exit(seen == 1 ? 0 : 1);
	}
	st = gt_wait(pid);
	note("child: %s", status_str(st));
	note("parent reads the child's write: %d", p[1]);
	T_TRUE(p[1] == 77, "MAP_SHARED memory is shared with the child");
	munmap((void *)p, 4096);
}

static volatile int vfork_mark;

static void test_vfork(void)
{
	int pid, st;

	vfork_mark = 0;
	fflush(NULL);
	pid = vfork();
	if (pid == 0) {
		vfork_mark = 5;		/* Linux shares the memory with vfork */
		_exit(8);
	}
	T_TRUE(vfork_mark == 5, "parent resumed after the child exited");
	st = gt_wait(pid);
	note("vfork child: %s", status_str(st));

	fflush(NULL);
	pid = vfork();
	if (pid == 0) {
		char *argv[] = { "false", NULL };

		execve("/bin/false", argv, argv + 1);
		_exit(127);
	}
	st = gt_wait(pid);
	note("vfork + execve(/bin/false): %s", status_str(st));
}

static void test_fork_many(void)
{
	int i, pid, st, sum = 0, n = 50, err;

	for (i = 0; i < n; i++) {
		pid = gt_fork();
		if (pid == 0)
			_exit(i);
		if (pid < 0) {
			fail("fork %d: %s", i, errname(errno));
			break;
		}
	}
	while ((pid = wait(&st)) > 0)
		sum += WEXITSTATUS(st);
	err = errno;
	note("reaped children, exit statuses sum to %d", sum);
	T_TRUE(sum == n * (n - 1) / 2, "every child was reaped once");
	T_TRUE(err == ECHILD, "wait ends with ECHILD");
}

/* Each level forks the next and exits with its child's status plus one. */
static int nest(int depth)
{
	int pid, st;

	if (depth == 0)
		return 0;
	pid = gt_fork();
	if (pid == 0)
		_exit(nest(depth - 1));
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 100;
	return WEXITSTATUS(st) + 1;
}

static void test_fork_nested(void)
{
	T_EQ(nest(8), 8);
}

static void test_wait_no_child(void)
{
	int st;

	T_ERR(wait(&st), ECHILD);
	T_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
	T_ERR(waitpid(1, &st, 0), ECHILD);
}

static const struct gtest_case cases[] = {
	{ "fork_basic", test_fork_basic },
	{ "cow_child_write", test_cow_child_write },
	{ "cow_parent_write", test_cow_parent_write },
	{ "shared_anon", test_shared_anon },
	{ "vfork", test_vfork },
	{ "fork_many", test_fork_many },
	{ "fork_nested", test_fork_nested },
	{ "wait_no_child", test_wait_no_child },
};
GTEST_MAIN(cases)
