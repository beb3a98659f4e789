// SPDX-License-Identifier: GPL-2.0
/*
 * Futexes: FUTEX_WAIT/WAKE (and the _BITSET forms), keyed by (mm, address).
 * Shared futexes across processes would key by physical page; they are
 * treated as private here, which is right for everything but futexes in
 * MAP_SHARED memory between processes.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <umk/futex.h>
#include <linux/futex.h>
#include <linux/time_types.h>

struct futex_waiter {
	struct list_head list;
	struct mm_struct *mm;
	unsigned long uaddr;
	u32 bitset;
	struct task_struct *task;
	bool woken;
};

static LIST_HEAD(futex_waiters);

static int futex_wake(struct mm_struct *mm, unsigned long uaddr, int n, u32 bitset)
{
	struct futex_waiter *w, *tmp;
	int woken = 0;

	list_for_each_entry_safe(w, tmp, &futex_waiters, list) {
		if (woken >= n)
			break;
		if (w->mm != mm || w->uaddr != uaddr || !(w->bitset & bitset))
			continue;
		list_del_init(&w->list);
		w->woken = true;
		wake_up_process(w->task);
		woken++;
	}
	return woken;
}

int futex_wake_addr(unsigned long uaddr, int n)
{
	return futex_wake(current->mm, uaddr, n, FUTEX_BITSET_MATCH_ANY);
}

static long futex_wait(unsigned long uaddr, u32 val, ktime_t timeout, u32 bitset)
{
	struct futex_waiter w = { .mm = current->mm, .uaddr = uaddr, .bitset = bitset,
				  .task = current };
	u32 cur;

	if (!bitset)
		return -EINVAL;
	if (get_user(cur, (u32 __user *)uaddr))
		return -EFAULT;
	if (cur != val)
		return -EAGAIN;
	list_add_tail(&w.list, &futex_waiters);
	set_current_state(TASK_INTERRUPTIBLE);
	if (timeout >= 0)
		schedule_timeout(timeout);
	else
		schedule();
	__set_current_state(TASK_RUNNING);
	if (w.woken)
		return 0;
	list_del(&w.list);
	if (signal_pending(current))
		return -ERESTARTSYS;
	return timeout >= 0 ? -ETIMEDOUT : -EAGAIN;
}

long sys_futex(u32 __user *uaddr, int op, u32 val, const struct __kernel_timespec __user *utime,
	       u32 __user *uaddr2, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	struct __kernel_timespec ts;
	ktime_t timeout = -1;

	if ((unsigned long)uaddr & 3)
		return -EINVAL;
	if ((cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET) && utime) {
		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		timeout = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
		if (cmd == FUTEX_WAIT_BITSET) {	/* absolute */
			ktime_t now = (op & FUTEX_CLOCK_REALTIME) ? ktime_get_real() : ktime_get();

			timeout = timeout > now ? timeout - now : 0;
		}
	}
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait((unsigned long)uaddr, val, timeout, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait((unsigned long)uaddr, val, timeout, val3);
	case FUTEX_WAKE:
		return futex_wake(current->mm, (unsigned long)uaddr, val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(current->mm, (unsigned long)uaddr, val, val3);
	default:
		return -ENOSYS;
	}
}

long sys_set_robust_list(void __user *head, size_t len)
{
	return len == 24 ? 0 : -EINVAL;
}
