// SPDX-License-Identifier: GPL-2.0
/*
 * Not a suite: the world around fs/ for the fs_* suites.
 *
 * One fake task (root, with a descriptor table and the initial fs_struct)
 * is current.  Guest memory is the test's own memory: the uaccess calls
 * copy directly, and addresses below 4096 fault.  schedule() runs a hook
 * the test installs (standing in for another task that runs while we
 * sleep) and aborts if there is none, so a test that blocks by mistake
 * fails loudly instead of hanging.  The clock advances 1 us per read.
 * Memory, slab and page cache are the real mm/ code over an arena.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>
#include <asm-generic/resource.h>
#include "ktest.h"

#define ARENA_PAGES	8192UL		/* 32 MiB */

struct task_struct *__current_task;
static struct task_struct test_task;
static struct signal_struct test_signal;

int fs_test_last_signal;
int fs_test_signal_pending;
void (*fs_test_schedule_hook)(void);
int fs_test_schedule_calls;

static ktime_t fake_clock = 1000000000LL;

#define BAD_ADDR(p)	((unsigned long)(p) < 4096)

unsigned long copy_from_user(void *dst, const void __user *src, unsigned long n)
{
	if (n && BAD_ADDR(src))
		return n;
	memcpy(dst, (const void *)src, n);
	return 0;
}

unsigned long copy_to_user(void __user *dst, const void *src, unsigned long n)
{
	if (n && BAD_ADDR(dst))
		return n;
	memcpy((void *)dst, src, n);
	return 0;
}

unsigned long clear_user(void __user *dst, unsigned long n)
{
	if (n && BAD_ADDR(dst))
		return n;
	memset((void *)dst, 0, n);
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (BAD_ADDR(src))
		return -EFAULT;
	for (i = 0; i < count; i++) {
		dst[i] = src[i];
		if (!dst[i])
			return i;
	}
	return count;
}

long strnlen_user(const char __user *s, long n)
{
	if (BAD_ADDR(s))
		return 0;
	return strnlen((const char *)s, n) + 1;
}

ktime_t ktime_get(void)
{
	return fake_clock += 1000;
}

ktime_t ktime_get_real(void)
{
	return ktime_get() + 1700000000LL * NSEC_PER_SEC;
}

int wake_up_process(struct task_struct *t)
{
	int was_asleep = t->state != TASK_RUNNING;

	t->state = TASK_RUNNING;
	return was_asleep;
}

void schedule(void)
{
	void (*hook)(void) = fs_test_schedule_hook;

	fs_test_schedule_calls++;
	if (!hook) {
		ktest_print("Bail out! schedule() called with no hook: the test would block\n");
		ktest_abort();
	}
	fs_test_schedule_hook = NULL;	/* one "other task" run per sleep */
	hook();
	current->state = TASK_RUNNING;
}

ktime_t schedule_timeout_interruptible(ktime_t ns)
{
	if (fs_test_schedule_hook) {
		schedule();
		return ns / 2;
	}
	fs_test_schedule_calls++;
	fake_clock += ns;
	current->state = TASK_RUNNING;
	return 0;
}

bool signal_pending(struct task_struct *t)
{
	return fs_test_signal_pending;
}

int send_sig(int sig, struct task_struct *t, int priv)
{
	fs_test_last_signal = sig;
	return 0;
}

int set_user_sigmask(const void __user *umask, size_t sigsetsize)
{
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
}

/* Once per binary: memory, the VFS, and the fake task. */
int fs_test_setup(void)
{
	void *arena = ktest_arena(ARENA_PAGES * PAGE_SIZE);
	int err;

	mem_init((unsigned long)arena, ARENA_PAGES * PAGE_SIZE, -1);
	slab_init();
	test_task.state = TASK_RUNNING;
	test_task.pid = test_task.tgid = 1;
	test_task.signal = &test_signal;
	test_task.fs = &init_fs;
	__current_task = &test_task;
	err = vfs_caches_init();
	if (err)
		return err;
	test_task.files = files_alloc();
	return test_task.files ? 0 : -ENOMEM;
}

/* Become another user (fsuid/fsgid and real ids), or root again with 0. */
void fs_test_set_ids(uid_t uid, gid_t gid)
{
	struct cred *c = &current->cred;

	c->uid = c->euid = c->suid = c->fsuid = uid;
	c->gid = c->egid = c->sgid = c->fsgid = gid;
}

void fs_test_set_nofile(unsigned long n)
{
	test_signal.rlim[RLIMIT_NOFILE].cur = n;
	test_signal.rlim[RLIMIT_NOFILE].max = n;
}
