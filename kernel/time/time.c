// SPDX-License-Identifier: GPL-2.0
/* Time system calls: clocks, sleeping, alarm/ITIMER_REAL. */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <umk/timer.h>
#include <umk/mm.h>
#include <linux/time.h>
#include <linux/time_types.h>

static int get_clock(clockid_t id, ktime_t *now)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		*now = ktime_get_real();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*now = ktime_get();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*now = current->utime_ns + current->stime_ns;
		return 0;
	default:
		return -EINVAL;
	}
}

static void ns_to_ts(ktime_t ns, struct __kernel_timespec *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

static int ts_to_ns(const struct __kernel_timespec *ts, ktime_t *ns)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
	return 0;
}

long sys_clock_gettime(clockid_t id, struct __kernel_timespec __user *tp)
{
	struct __kernel_timespec ts;
	ktime_t now;
	int err = get_clock(id, &now);

	if (err)
		return err;
	ns_to_ts(now, &ts);
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_getres(clockid_t id, struct __kernel_timespec __user *tp)
{
	struct __kernel_timespec ts = { 0, 1 };
	ktime_t now;
	int err = get_clock(id, &now);

	if (err)
		return err;
	if (id == CLOCK_REALTIME_COARSE || id == CLOCK_MONOTONIC_COARSE)
		ts.tv_nsec = NSEC_PER_SEC / HZ;
	if (tp && copy_to_user(tp, &ts, sizeof(ts)))
		return -EFAULT;
	return 0;
}

long sys_clock_settime(clockid_t id, const struct __kernel_timespec __user *tp)
{
	struct __kernel_timespec ts;
	ktime_t ns;

	if (id != CLOCK_REALTIME)
		return -EINVAL;
	if (current->cred.euid != 0)
		return -EPERM;
	if (copy_from_user(&ts, tp, sizeof(ts)))
		return -EFAULT;
	if (ts_to_ns(&ts, &ns))
		return -EINVAL;
	return do_settimeofday_ns(ns);
}

long sys_gettimeofday(struct __kernel_old_timeval __user *tv, void __user *tz)
{
	struct __kernel_old_timeval v;
	ktime_t now = ktime_get_real();

	if (tv) {
		v.tv_sec = now / NSEC_PER_SEC;
		v.tv_usec = (now % NSEC_PER_SEC) / 1000;
		if (copy_to_user(tv, &v, sizeof(v)))
			return -EFAULT;
	}
	if (tz && clear_user(tz, 8))
		return -EFAULT;
	return 0;
}

long sys_settimeofday(const struct __kernel_old_timeval __user *tv, const void __user *tz)
{
	struct __kernel_old_timeval v;

	if (!tv)
		return 0;
	if (current->cred.euid != 0)
		return -EPERM;
	if (copy_from_user(&v, tv, sizeof(v)))
		return -EFAULT;
	if (v.tv_usec < 0 || v.tv_usec >= 1000000)
		return -EINVAL;
	return do_settimeofday_ns(v.tv_sec * NSEC_PER_SEC + v.tv_usec * 1000);
}

long sys_time(long __user *tloc)
{
	long t = ktime_get_real() / NSEC_PER_SEC;

	if (tloc && put_user(t, tloc))
		return -EFAULT;
	return t;
}

/* Sleep until abs on the clock (monotonic ns); -ERESTARTNOHAND if a signal came. */
static long sleep_until(ktime_t abs, bool realtime, ktime_t *left)
{
	for (;;) {
		ktime_t now = realtime ? ktime_get_real() : ktime_get();

		if (now >= abs) {
			*left = 0;
			return 0;
		}
		if (signal_pending(current)) {
			*left = abs - now;
			return -ERESTARTNOHAND;
		}
		schedule_timeout_interruptible(abs - now);
	}
}

static int put_remaining(void __user *rmtp, ktime_t left)
{
	struct __kernel_timespec ts;

	if (!rmtp)
		return 0;
	ns_to_ts(left, &ts);
	return copy_to_user(rmtp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

static bool clock_is_realtime(clockid_t id)
{
	return id == CLOCK_REALTIME || id == CLOCK_TAI;
}

/*
 * A relative sleep interrupted by a signal: with a handler the call fails
 * with EINTR and the time left; without one it resumes through
 * restart_syscall(2) until the original deadline, never sleeping longer.
 */
static long nanosleep_restart(struct restart_block *rb)
{
	ktime_t left;
	long ret = sleep_until(rb->expires, clock_is_realtime(rb->clock), &left);

	if (!ret)
		return 0;
	if (put_remaining(rb->rmtp, left))
		return -EFAULT;
	return -ERESTART_RESTARTBLOCK;
}

long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;

	if (!rb->fn)
		return -EINTR;
	return rb->fn(rb);
}

long sys_clock_nanosleep(clockid_t id, int flags, const struct __kernel_timespec __user *rqtp,
			 struct __kernel_timespec __user *rmtp)
{
	struct __kernel_timespec ts;
	ktime_t req, now, left;
	long ret;

	if (id == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	if (get_clock(id, &now))
		return -EINVAL;
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts_to_ns(&ts, &req))
		return -EINVAL;
	if (flags & TIMER_ABSTIME) {
		/* The same arguments restart an absolute sleep correctly. */
		ret = sleep_until(req, clock_is_realtime(id), &left);
		return ret ? -ERESTARTNOHAND : 0;
	}
	current->restart_block = (struct restart_block){
		.fn = nanosleep_restart, .expires = req + now, .clock = id, .rmtp = rmtp,
	};
	return nanosleep_restart(&current->restart_block);
}

long sys_nanosleep(const struct __kernel_timespec __user *rqtp,
		   struct __kernel_timespec __user *rmtp)
{
	return sys_clock_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

/* -- ITIMER_REAL / alarm: one real-time interval timer per process. -- */

struct itimer_real {
	struct timer timer;
	ktime_t interval;
	struct task_struct *task;	/* the group leader */
};

struct guest_itimerval {
	struct __kernel_old_timeval it_interval, it_value;
};

static void itimer_fire(struct timer *tm)
{
	struct itimer_real *it = container_of(tm, struct itimer_real, timer);

	kill_pid(it->task->tgid, SIGALRM, 1);
	if (it->interval)
		timer_add(&it->timer, tm->expires + it->interval);
}

static struct itimer_real *get_itimer(bool create)
{
	struct signal_struct *sig = current->signal;

	if (!sig->real_timer && create) {
		sig->real_timer = kzalloc(sizeof(*sig->real_timer), GFP_KERNEL);
		if (sig->real_timer) {
			timer_init(&sig->real_timer->timer, itimer_fire);
			sig->real_timer->task = current->group_leader;
		}
	}
	return sig->real_timer;
}

void itimer_release(struct signal_struct *sig)
{
	if (!sig->real_timer)
		return;
	timer_del(&sig->real_timer->timer);
	kfree(sig->real_timer);
	sig->real_timer = NULL;
}

static ktime_t tv_ns(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

static void ns_tv(ktime_t ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
}

static void itimer_get(struct guest_itimerval *v)
{
	struct itimer_real *it = get_itimer(false);
	ktime_t left = 0;

	memset(v, 0, sizeof(*v));
	if (!it)
		return;
	if (it->timer.pending) {
		left = it->timer.expires - ktime_get();
		if (left <= 0)
			left = NSEC_PER_USEC;
	}
	ns_tv(left, &v->it_value);
	ns_tv(it->interval, &v->it_interval);
}

static int itimer_set(const struct guest_itimerval *v)
{
	struct itimer_real *it = get_itimer(true);
	ktime_t value = tv_ns(&v->it_value);

	if (!it)
		return -ENOMEM;
	timer_del(&it->timer);
	it->interval = tv_ns(&v->it_interval);
	if (value)
		timer_add(&it->timer, ktime_get() + value);
	return 0;
}

long sys_getitimer(int which, struct guest_itimerval __user *value)
{
	struct guest_itimerval v;

	if (which != 0)		/* ITIMER_REAL only */
		return -EINVAL;
	itimer_get(&v);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

long sys_setitimer(int which, const struct guest_itimerval __user *value,
		   struct guest_itimerval __user *ovalue)
{
	struct guest_itimerval v, old;
	int err;

	if (which != 0)
		return -EINVAL;
	if (value && copy_from_user(&v, value, sizeof(v)))
		return -EFAULT;
	if (!value)
		memset(&v, 0, sizeof(v));
	if (v.it_value.tv_usec < 0 || v.it_value.tv_usec >= 1000000 ||
	    v.it_interval.tv_usec < 0 || v.it_interval.tv_usec >= 1000000)
		return -EINVAL;
	itimer_get(&old);
	err = itimer_set(&v);
	if (err)
		return err;
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_alarm(unsigned int seconds)
{
	struct guest_itimerval v = { .it_value = { seconds, 0 } }, old;

	itimer_get(&old);
	itimer_set(&v);
	return old.it_value.tv_sec + (old.it_value.tv_usec >= 500000 ||
				      (!old.it_value.tv_sec && old.it_value.tv_usec));
}
