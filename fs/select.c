// SPDX-License-Identifier: GPL-2.0
/*
 * poll, ppoll, select, pselect6.
 *
 * The first pass over the descriptors asks each file for its ready mask
 * with a poll table whose qproc hangs an entry on every wait queue the
 * file names; the entry's wake function marks the poller triggered and
 * wakes it.  If nothing is ready the task sleeps (with the timeout) until
 * a wake-up, a signal or the deadline, and then passes over the files
 * again without registering.  All entries come off their queues at the
 * end.  The kernel is not preemptible, so nothing can slip in between the
 * last check and the sleep: wake-ups run only once the task schedules.
 */
#include <umk/poll.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/timer.h>
#include <umk/uaccess.h>
#include <linux/time_types.h>
#include <asm/posix_types.h>

struct poll_entry {
	struct file *file;
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
	__poll_t key;
	struct poll_wqueues *pwq;
};

#define ENTRIES_PER_PAGE \
	((PAGE_SIZE - 2 * sizeof(void *)) / sizeof(struct poll_entry))

struct poll_table_page {
	struct poll_table_page *next;
	unsigned long used;
	struct poll_entry entries[ENTRIES_PER_PAGE];
};

struct poll_wqueues {
	poll_table pt;
	struct poll_table_page *pages;
	struct task_struct *task;
	bool triggered;
	int error;
};

__poll_t vfs_poll(struct file *file, poll_table *pt)
{
	if (!file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

static int pollwake(struct wait_queue_entry *wait, unsigned int mode, void *key)
{
	struct poll_entry *e = container_of(wait, struct poll_entry, wait);
	__poll_t mask = (__poll_t)(unsigned long)key;

	if (mask && !(mask & e->key))
		return 0;
	e->pwq->triggered = true;
	return default_wake_function(wait, mode, key);
}

static struct poll_entry *alloc_entry(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->pages;

	if (!p || p->used == ENTRIES_PER_PAGE) {
		p = (struct poll_table_page *)__get_free_pages(GFP_KERNEL, 0);
		if (!p) {
			pwq->error = -ENOMEM;
			return NULL;
		}
		p->next = pwq->pages;
		p->used = 0;
		pwq->pages = p;
	}
	return &p->entries[p->used++];
}

static void poll_queue(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	struct poll_wqueues *pwq = container_of(pt, struct poll_wqueues, pt);
	struct poll_entry *e = alloc_entry(pwq);

	if (!e)
		return;
	e->file = get_file(file);
	e->wq = wq;
	e->key = pt->key;
	e->pwq = pwq;
	init_wait_entry(&e->wait, pwq->task);
	e->wait.func = pollwake;
	add_wait_queue(wq, &e->wait);
}

static void poll_initwait(struct poll_wqueues *pwq)
{
	init_poll_funcptr(&pwq->pt, poll_queue);
	pwq->pages = NULL;
	pwq->task = current;
	pwq->triggered = false;
	pwq->error = 0;
}

static void poll_freewait(struct poll_wqueues *pwq)
{
	struct poll_table_page *p = pwq->pages, *next;
	unsigned long i;

	while (p) {
		for (i = 0; i < p->used; i++) {
			remove_wait_queue(p->entries[i].wq, &p->entries[i].wait);
			fput(p->entries[i].file);
		}
		next = p->next;
		free_page((unsigned long)p);
		p = next;
	}
	pwq->pages = NULL;
}

/*
 * Sleep until triggered, a signal, or the absolute deadline end (ns,
 * monotonic; 0 = no deadline).  Returns true when the deadline passed.
 */
static bool poll_sleep(struct poll_wqueues *pwq, ktime_t end)
{
	ktime_t now;

	if (!pwq->triggered) {
		if (!end) {
			set_current_state(TASK_INTERRUPTIBLE);
			if (!pwq->triggered && !signal_pending(current))
				schedule();
			__set_current_state(TASK_RUNNING);
		} else {
			now = ktime_get();
			if (now < end && !signal_pending(current))
				schedule_timeout_interruptible(end - now);
		}
	}
	pwq->triggered = false;
	return end && ktime_get() >= end;
}

/* Deadline for a timeout in ns: -1 (none) -> 0, 0 -> now (never sleep). */
static ktime_t deadline(ktime_t timeout)
{
	if (timeout < 0)
		return 0;
	return ktime_get() + timeout;
}

/* ---- poll ------------------------------------------------------------- */

static __poll_t poll_one(struct pollfd *pfd, poll_table *pt)
{
	__poll_t mask = 0;
	struct file *f;

	if (pfd->fd < 0)
		goto out;
	f = fget(pfd->fd);
	if (!f) {
		mask = EPOLLNVAL;
		goto out;
	}
	if (pt)
		pt->key = pfd->events | POLL_ALWAYS;
	mask = vfs_poll(f, pt) & (pfd->events | POLL_ALWAYS);
	fput(f);
out:
	pfd->revents = mask;
	return mask;
}

/* Returns the number of ready descriptors, or -errno. */
static int do_poll(struct pollfd *fds, unsigned int nfds, ktime_t timeout)
{
	struct poll_wqueues pwq;
	poll_table *pt = &pwq.pt;
	ktime_t end = deadline(timeout);
	bool timed_out = timeout == 0;
	unsigned int i;
	int count;

	poll_initwait(&pwq);
	if (timed_out)
		pt = NULL;
	for (;;) {
		count = 0;
		for (i = 0; i < nfds; i++) {
			if (poll_one(&fds[i], pt)) {
				count++;
				pt = NULL;
			}
		}
		pt = NULL;
		if (count || timed_out)
			break;
		if (pwq.error) {
			count = pwq.error;
			break;
		}
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		timed_out = poll_sleep(&pwq, end);
	}
	poll_freewait(&pwq);
	return count;
}

static long poll_common(struct pollfd __user *ufds, unsigned int nfds, ktime_t timeout)
{
	struct pollfd *fds;
	unsigned int i;
	long ret;

	if (nfds > fd_limit())
		return -EINVAL;
	fds = kmalloc(max(nfds, 1u) * sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(fds, ufds, nfds * sizeof(*fds)))
		goto out_free;
	ret = do_poll(fds, nfds, timeout);
	if (ret < 0)
		goto out_free;
	for (i = 0; i < nfds; i++) {
		if (put_user(fds[i].revents, &ufds[i].revents)) {
			ret = -EFAULT;
			break;
		}
	}
out_free:
	kfree(fds);
	return ret;
}

long sys_poll(struct pollfd __user *ufds, unsigned int nfds, int timeout_msecs)
{
	ktime_t timeout = timeout_msecs < 0 ? -1 : (ktime_t)timeout_msecs * NSEC_PER_MSEC;
	long ret = poll_common(ufds, nfds, timeout);

	if (ret == -ERESTARTNOHAND && timeout > 0)
		ret = -EINTR;	/* the time spent is not restartable */
	return ret;
}

static int get_timespec_ns(const struct __kernel_timespec __user *uts, ktime_t *ns)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (ts.tv_sec >= 0x7fffffffffffffffLL / NSEC_PER_SEC - 1)
		*ns = -1;
	else
		*ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

/* Write back what is left of the timeout, as Linux does for these calls. */
static void put_timespec_left(struct __kernel_timespec __user *uts, ktime_t end)
{
	struct __kernel_timespec ts = { 0, 0 };
	ktime_t left = end ? end - ktime_get() : 0;

	if (left > 0) {
		ts.tv_sec = left / NSEC_PER_SEC;
		ts.tv_nsec = left % NSEC_PER_SEC;
	}
	if (copy_to_user(uts, &ts, sizeof(ts)))
		return;
}

long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds,
	       struct __kernel_timespec __user *tsp, const void __user *sigmask,
	       size_t sigsetsize)
{
	ktime_t timeout = -1, end = 0;
	long ret;

	if (tsp) {
		ret = get_timespec_ns(tsp, &timeout);
		if (ret)
			return ret;
		end = deadline(timeout);
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = poll_common(ufds, nfds, timeout);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (tsp && timeout > 0)
		put_timespec_left(tsp, end);
	return ret;
}

/* ---- select ----------------------------------------------------------- */

#define POLLIN_SET	(EPOLLRDNORM | EPOLLRDBAND | EPOLLIN | EPOLLHUP | EPOLLERR)
#define POLLOUT_SET	(EPOLLWRBAND | EPOLLWRNORM | EPOLLOUT | EPOLLERR)
#define POLLEX_SET	(EPOLLPRI)
#define BITS_PER_LONG	(8 * sizeof(long))

struct fd_sets {
	unsigned long *in, *out, *ex;		/* asked */
	unsigned long *res_in, *res_out, *res_ex;	/* answered */
};

static bool bit(const unsigned long *m, unsigned int i)
{
	return m[i / BITS_PER_LONG] & (1UL << (i % BITS_PER_LONG));
}

static void set_bit_in(unsigned long *m, unsigned int i)
{
	m[i / BITS_PER_LONG] |= 1UL << (i % BITS_PER_LONG);
}

/* One pass: the count of bits set in the answers, or -EBADF. */
static int select_pass(struct fd_sets *fds, unsigned int n, poll_table **ptp)
{
	unsigned int i;
	int count = 0;

	for (i = 0; i < n; i++) {
		bool want_in = bit(fds->in, i), want_out = bit(fds->out, i);
		bool want_ex = bit(fds->ex, i);
		__poll_t mask;
		struct file *f;

		if (!want_in && !want_out && !want_ex)
			continue;
		f = fget(i);
		if (!f)
			return -EBADF;
		if (*ptp)
			(*ptp)->key = (want_in ? POLLIN_SET : 0) | (want_out ? POLLOUT_SET : 0) |
				      (want_ex ? POLLEX_SET : 0);
		mask = vfs_poll(f, *ptp);
		fput(f);
		if (want_in && (mask & POLLIN_SET)) {
			set_bit_in(fds->res_in, i);
			count++;
		}
		if (want_out && (mask & POLLOUT_SET)) {
			set_bit_in(fds->res_out, i);
			count++;
		}
		if (want_ex && (mask & POLLEX_SET)) {
			set_bit_in(fds->res_ex, i);
			count++;
		}
		if (count)
			*ptp = NULL;
	}
	return count;
}

static int do_select(struct fd_sets *fds, unsigned int n, ktime_t timeout)
{
	struct poll_wqueues pwq;
	poll_table *pt = &pwq.pt;
	ktime_t end = deadline(timeout);
	bool timed_out = timeout == 0;
	int count;

	poll_initwait(&pwq);
	if (timed_out)
		pt = NULL;
	for (;;) {
		count = select_pass(fds, n, &pt);
		pt = NULL;
		if (count || timed_out)
			break;
		if (pwq.error) {
			count = pwq.error;
			break;
		}
		if (signal_pending(current)) {
			count = -ERESTARTNOHAND;
			break;
		}
		timed_out = poll_sleep(&pwq, end);
	}
	poll_freewait(&pwq);
	return count;
}

static int get_fd_set(unsigned long *dst, __kernel_fd_set __user *ufds, size_t bytes)
{
	if (!ufds) {
		memset(dst, 0, bytes);
		return 0;
	}
	return copy_from_user(dst, ufds, bytes) ? -EFAULT : 0;
}

static int put_fd_set(__kernel_fd_set __user *ufds, const unsigned long *src, size_t bytes)
{
	if (!ufds)
		return 0;
	return copy_to_user(ufds, src, bytes) ? -EFAULT : 0;
}

static long core_select(int n, __kernel_fd_set __user *inp, __kernel_fd_set __user *outp,
			__kernel_fd_set __user *exp, ktime_t timeout)
{
	struct files_struct *files = current_files();
	struct fd_sets fds;
	unsigned long *bits;
	size_t bytes;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (files && (unsigned int)n > files->max_fds)
		n = files->max_fds;
	bytes = DIV_ROUND_UP(n, BITS_PER_LONG) * sizeof(long);
	bits = kzalloc(max_t(size_t, 6 * bytes, 1), GFP_KERNEL);
	if (!bits)
		return -ENOMEM;
	fds.in = bits;
	fds.out = (unsigned long *)((char *)bits + bytes);
	fds.ex = (unsigned long *)((char *)bits + 2 * bytes);
	fds.res_in = (unsigned long *)((char *)bits + 3 * bytes);
	fds.res_out = (unsigned long *)((char *)bits + 4 * bytes);
	fds.res_ex = (unsigned long *)((char *)bits + 5 * bytes);
	ret = get_fd_set(fds.in, inp, bytes);
	if (!ret)
		ret = get_fd_set(fds.out, outp, bytes);
	if (!ret)
		ret = get_fd_set(fds.ex, exp, bytes);
	if (ret)
		goto out_free;
	ret = do_select(&fds, n, timeout);
	if (ret < 0)
		goto out_free;
	if (put_fd_set(inp, fds.res_in, bytes) || put_fd_set(outp, fds.res_out, bytes) ||
	    put_fd_set(exp, fds.res_ex, bytes))
		ret = -EFAULT;
out_free:
	kfree(bits);
	return ret;
}

long sys_select(int n, __kernel_fd_set __user *inp, __kernel_fd_set __user *outp, __kernel_fd_set __user *exp,
		struct __kernel_old_timeval __user *tvp)
{
	struct __kernel_old_timeval tv;
	ktime_t timeout = -1, end = 0;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
			return -EINVAL;
		if (tv.tv_sec < 0x7fffffffffffffffLL / NSEC_PER_SEC - 1)
			timeout = tv.tv_sec * NSEC_PER_SEC + tv.tv_usec * NSEC_PER_USEC;
		end = deadline(timeout);
	}
	ret = core_select(n, inp, outp, exp, timeout);
	if (tvp && timeout > 0) {
		ktime_t left = end - ktime_get();

		if (left < 0)
			left = 0;
		tv.tv_sec = left / NSEC_PER_SEC;
		tv.tv_usec = (left % NSEC_PER_SEC) / NSEC_PER_USEC;
		if (copy_to_user(tvp, &tv, sizeof(tv)))
			return ret;
	}
	return ret;
}

long sys_pselect6(int n, __kernel_fd_set __user *inp, __kernel_fd_set __user *outp, __kernel_fd_set __user *exp,
		  struct __kernel_timespec __user *tsp, void __user *sig)
{
	struct { const void __user *set; size_t size; } ss = { NULL, 0 };
	ktime_t timeout = -1, end = 0;
	long ret;

	if (tsp) {
		ret = get_timespec_ns(tsp, &timeout);
		if (ret)
			return ret;
		end = deadline(timeout);
	}
	if (sig && copy_from_user(&ss, sig, sizeof(ss)))
		return -EFAULT;
	ret = set_user_sigmask(ss.set, ss.size);
	if (ret)
		return ret;
	ret = core_select(n, inp, outp, exp, timeout);
	restore_saved_sigmask_unless(ret == -ERESTARTNOHAND);
	if (tsp && timeout > 0)
		put_timespec_left(tsp, end);
	return ret;
}
