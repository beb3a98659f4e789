// SPDX-License-Identifier: GPL-2.0
/* Signal system calls. */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>
#include <linux/time_types.h>

/* The x86_64 kernel sigaction layout. */
struct guest_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	unsigned long mask;
};

#define MINSIGSTKSZ_GUEST 2048

long sys_rt_sigaction(int sig, const struct guest_sigaction __user *act,
		      struct guest_sigaction __user *oact, size_t sigsetsize)
{
	struct k_sigaction *ka;
	struct guest_sigaction new, old;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	ka = &current->signal->action[sig - 1];
	old.handler = (unsigned long)ka->handler;
	old.flags = ka->flags;
	old.restorer = (unsigned long)ka->restorer;
	old.mask = ka->mask;
	if (act) {
		ka->handler = (void __user *)new.handler;
		ka->flags = new.flags;
		ka->restorer = (void __user *)new.restorer;
		ka->mask = new.mask & ~SIG_KERNEL_ONLY_MASK;
		/* Setting SIG_IGN (or SIG_DFL of an ignored signal) discards it. */
		if (new.handler == 1 || (new.handler == 0 && sig_kernel_ignore(sig))) {
			struct task_struct *t = current;

			t->pending.signal &= ~sigmask(sig);
		}
	}
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const ksigset_t __user *set, ksigset_t __user *oset,
			size_t sigsetsize)
{
	ksigset_t old = current->blocked, new;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (set) {
		if (copy_from_user(&new, set, sizeof(new)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			new = old | new;
			break;
		case SIG_UNBLOCK:
			new = old & ~new;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(new);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigpending(ksigset_t __user *set, size_t sigsetsize)
{
	ksigset_t pending = current->pending.signal & current->blocked;

	if (sigsetsize > sizeof(ksigset_t))
		return -EINVAL;
	return copy_to_user(set, &pending, sigsetsize) ? -EFAULT : 0;
}

long sys_rt_sigsuspend(const ksigset_t __user *mask, size_t sigsetsize)
{
	ksigset_t set;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&set, mask, sizeof(set)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	set_current_blocked(set);
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	current->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

long sys_pause(void)
{
	while (!signal_pending(current)) {
		set_current_state(TASK_INTERRUPTIBLE);
		schedule();
	}
	return -ERESTARTNOHAND;
}

long sys_kill(pid_t pid, int sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0)
		return kill_pid(pid, sig, 0);
	if (pid == 0)
		return kill_pgrp(current->signal->pgrp, sig, 0);
	if (pid == -1)
		return kill_everyone_sys(sig);
	return kill_pgrp(-pid, sig, 0);
}

static long do_tkill(pid_t tgid, pid_t pid, int sig)
{
	struct task_struct *t = find_task_by_pid(pid);

	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (!t || t->exit_state || (tgid > 0 && t->tgid != tgid))
		return -ESRCH;
	if (!sig)
		return 0;
	return send_sig(sig, t, 0);
}

long sys_tgkill(pid_t tgid, pid_t pid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

long sys_tkill(pid_t pid, int sig)
{
	return do_tkill(0, pid, sig);
}

long sys_sigaltstack(const struct guest_stack __user *uss, struct guest_stack __user *uoss)
{
	struct task_struct *t = current;
	struct guest_stack old = { t->sas_ss_sp, t->sas_ss_size ? 0 : SS_DISABLE, t->sas_ss_size };
	struct guest_stack ss;
	unsigned long sp = t->thread.regs.sp;

	if (t->sas_ss_size && sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size)
		old.ss_flags = SS_ONSTACK;
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (old.ss_flags == SS_ONSTACK)
			return -EPERM;
		if (ss.ss_flags & ~(SS_DISABLE | SS_ONSTACK | SS_AUTODISARM))
			return -EINVAL;
		if (ss.ss_flags & SS_DISABLE) {
			t->sas_ss_sp = t->sas_ss_size = 0;
		} else {
			if (ss.ss_size < MINSIGSTKSZ_GUEST)
				return -ENOMEM;
			t->sas_ss_sp = ss.ss_sp;
			t->sas_ss_size = ss.ss_size;
		}
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* Dequeue one of the signals in *uthese, waiting up to the timeout. */
long sys_rt_sigtimedwait(const ksigset_t __user *uthese, siginfo_t __user *uinfo,
			 const struct __kernel_timespec __user *uts, size_t sigsetsize)
{
	struct task_struct *t = current;
	ksigset_t these, saved;
	struct __kernel_timespec ts;
	ktime_t timeout = -1;
	siginfo_t info;
	int sig;

	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	these &= ~SIG_KERNEL_ONLY_MASK;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		timeout = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	sig = dequeue_signal_from(t, these, &info);
	if (!sig && timeout != 0) {
		/* Let the awaited signals wake us without running handlers. */
		saved = t->blocked;
		t->blocked &= ~these;
		if (!signal_pending(t)) {
			if (timeout >= 0) {
				schedule_timeout_interruptible(timeout);
			} else {
				set_current_state(TASK_INTERRUPTIBLE);
				schedule();
			}
		}
		t->blocked = saved;
		sig = dequeue_signal_from(t, these, &info);
	}
	if (!sig)
		return timeout == 0 || !signal_pending(t) ? -EAGAIN : -EINTR;
	if (uinfo && copy_to_user(uinfo, &info, sizeof(info)))
		return -EFAULT;
	return sig;
}
