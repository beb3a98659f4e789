// SPDX-License-Identifier: GPL-2.0
/*
 * Guest signals: sending, pending, blocking, and acting on them on the way
 * back to guest code (do_signal).  Process-directed signals are queued on
 * one thread of the group that does not block them (the leader when all
 * do).  Standard signals collapse to one pending instance; real-time
 * signals queue.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>
#include <umk/mm.h>
#include <umk/arch.h>
#include <asm/unistd.h>

#define SIG_DFL_P	((void __user *)0)
#define SIG_IGN_P	((void __user *)1)

static const ksigset_t stop_mask = sigmask(SIGSTOP) | sigmask(SIGTSTP) |
				   sigmask(SIGTTIN) | sigmask(SIGTTOU);
static const ksigset_t ignore_mask = sigmask(SIGCHLD) | sigmask(SIGURG) |
				     sigmask(SIGWINCH) | sigmask(SIGCONT);

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

bool sig_kernel_ignore(int sig)
{
	return sig <= 32 && (ignore_mask & sigmask(sig));
}

static struct k_sigaction *sig_action(struct task_struct *t, int sig)
{
	return &t->signal->action[sig - 1];
}

static bool sig_ignored(struct task_struct *t, int sig)
{
	void __user *h = sig_action(t, sig)->handler;

	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	if (t->blocked & sigmask(sig))
		return false;	/* may be unblocked before it is taken */
	return h == SIG_IGN_P || (h == SIG_DFL_P && sig_kernel_ignore(sig));
}

bool signal_pending(struct task_struct *t)
{
	return (t->pending.signal & ~t->blocked) != 0;
}

bool fatal_signal_pending(struct task_struct *t)
{
	return (t->pending.signal & sigmask(SIGKILL)) != 0;
}

static void signal_wake_up(struct task_struct *t, int sig)
{
	if (t->state & TASK_INTERRUPTIBLE)
		wake_up_process(t);
	else if (sig == SIGKILL && (t->state & __TASK_STOPPED))
		wake_up_process(t);
}

static void flush_queued(struct sigpending *p, int sig)
{
	struct sigqueue *q, *n;

	list_for_each_entry_safe(q, n, &p->list, list) {
		if (q->info.si_signo == sig) {
			list_del(&q->list);
			kfree(q);
		}
	}
	p->signal &= ~sigmask(sig);
}

/* SIGCONT cancels pending stops and the other way round (POSIX). */
static void prepare_signal(struct task_struct *t, int sig)
{
	struct task_struct *p;

	if (sig == SIGCONT) {
		for (p = t->group_leader;;) {
			int s;

			for (s = 1; s <= 32; s++)
				if (stop_mask & sigmask(s))
					flush_queued(&p->pending, s);
			if (p->state & __TASK_STOPPED)
				wake_up_process(p);
			p = list_entry(p->thread_node.next, struct task_struct, thread_node);
			if (p == t->group_leader)
				break;
		}
	} else if (sig <= 32 && (stop_mask & sigmask(sig))) {
		flush_queued(&t->pending, SIGCONT);
	}
}

int send_sig_info(int sig, siginfo_t *info, struct task_struct *t)
{
	struct sigqueue *q;

	if (!valid_signal(sig))
		return -EINVAL;
	if (t->exit_state)
		return 0;
	prepare_signal(t, sig);
	if (sig_ignored(t, sig))
		return 0;
	if (sig < SIGRTMIN && (t->pending.signal & sigmask(sig)))
		return 0;	/* standard signals do not queue */
	q = kmalloc(sizeof(*q), GFP_KERNEL);
	if (q) {
		q->info = *info;
		list_add_tail(&q->list, &t->pending.list);
	}
	t->pending.signal |= sigmask(sig);
	signal_wake_up(t, sig);
	return 0;
}

/* Pick the thread of t's group that should take a process signal. */
static struct task_struct *pick_thread(struct task_struct *t, int sig)
{
	struct task_struct *leader = t->group_leader, *p = leader;

	do {
		if (!(p->blocked & sigmask(sig)) && !p->exit_state)
			return p;
		p = list_entry(p->thread_node.next, struct task_struct, thread_node);
	} while (p != leader);
	return leader;
}

static void fill_user_info(siginfo_t *info, int sig, int priv)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	if (priv) {
		info->si_code = SI_KERNEL;
	} else {
		info->si_code = SI_USER;
		info->si_pid = current->tgid;
		info->si_uid = current->cred.uid;
	}
}

int send_sig(int sig, struct task_struct *t, int priv)
{
	siginfo_t info;

	fill_user_info(&info, sig, priv);
	return send_sig_info(sig, &info, t);
}

static int group_send_sig_info(int sig, siginfo_t *info, struct task_struct *t)
{
	if (!sig)
		return 0;
	if (sig == SIGKILL) {
		struct task_struct *p = t->group_leader;

		do {
			send_sig_info(sig, info, p);
			p = list_entry(p->thread_node.next, struct task_struct, thread_node);
		} while (p != t->group_leader);
		return 0;
	}
	return send_sig_info(sig, info, pick_thread(t, sig));
}

static bool may_signal(struct task_struct *t)
{
	const struct cred *c = &current->cred;

	return c->euid == 0 || c->euid == t->cred.uid || c->uid == t->cred.uid ||
	       c->euid == t->cred.suid || c->uid == t->cred.suid;
}

int kill_pid(pid_t pid, int sig, int priv)
{
	struct task_struct *t = find_task_by_pid(pid);
	siginfo_t info;

	if (!t || t->exit_state || t->flags & PF_KTHREAD)
		return -ESRCH;
	if (!priv && !may_signal(t))
		return -EPERM;
	fill_user_info(&info, sig, priv);
	return group_send_sig_info(sig, &info, t);
}

int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	struct task_struct *t;
	siginfo_t info;
	int found = 0, err = -ESRCH;

	fill_user_info(&info, sig, priv);
	list_for_each_entry(t, &task_list, tasks) {
		if (!thread_group_leader(t) || t->exit_state || t->signal->pgrp != pgrp)
			continue;
		found = 1;
		if (!priv && !may_signal(t)) {
			err = -EPERM;
			continue;
		}
		err = group_send_sig_info(sig, &info, t);
	}
	return found ? (err == -ESRCH ? 0 : err) : -ESRCH;
}

/* kill(-1, sig): everyone we may signal except init and ourselves. */
int kill_everyone_sys(int sig)
{
	struct task_struct *t;
	siginfo_t info;
	int count = 0;

	fill_user_info(&info, sig, 0);
	list_for_each_entry(t, &task_list, tasks) {
		if (!thread_group_leader(t) || t->tgid <= 1 || t->exit_state ||
		    t->tgid == current->tgid || (t->flags & PF_KTHREAD) || !may_signal(t))
			continue;
		group_send_sig_info(sig, &info, t);
		count++;
	}
	return count ? 0 : -ESRCH;
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task_struct *t = current;
	struct k_sigaction *ka = sig_action(t, sig);
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = (void __user *)addr;
	/* A fault that is blocked or ignored cannot be survived: reset it. */
	if ((t->blocked & sigmask(sig)) || ka->handler == SIG_IGN_P) {
		t->blocked &= ~sigmask(sig);
		ka->handler = SIG_DFL_P;
	}
	send_sig_info(sig, &info, t);
}

/* Take the lowest pending signal of mask (synchronous faults first). */
int dequeue_signal_from(struct task_struct *t, ksigset_t mask, siginfo_t *info)
{
	ksigset_t ready = t->pending.signal & mask;
	const ksigset_t sync = sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) |
			       sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS);
	struct sigqueue *q;
	int sig;

	if (!ready)
		return 0;
	if (ready & sync)
		ready &= sync;
	sig = __builtin_ctzl(ready) + 1;
	list_for_each_entry(q, &t->pending.list, list) {
		if (q->info.si_signo == sig) {
			*info = q->info;
			list_del(&q->list);
			kfree(q);
			goto found;
		}
	}
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = SI_KERNEL;
found:
	list_for_each_entry(q, &t->pending.list, list)
		if (q->info.si_signo == sig)
			return sig;	/* more of a real-time signal queued */
	t->pending.signal &= ~sigmask(sig);
	return sig;
}

static bool is_restart_code(long ret)
{
	return ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	       ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK;
}

static void restart_syscall_regs(struct uml_regs *regs)
{
	if ((long)regs->ax == -ERESTART_RESTARTBLOCK)
		regs->ax = __NR_restart_syscall;
	else
		regs->ax = regs->orig_ax;
	regs->ip -= 2;		/* back over the 2-byte syscall instruction */
	regs->orig_ax = -1;
}

/* A handler is about to run: decide the interrupted call's fate. */
static void handler_syscall_restart(struct uml_regs *regs, struct k_sigaction *ka)
{
	long ret = regs->ax;

	if ((long)regs->orig_ax < 0 || !is_restart_code(ret))
		return;
	if (ret == -ERESTARTNOINTR || (ret == -ERESTARTSYS && (ka->flags & SA_RESTART)))
		restart_syscall_regs(regs);
	else
		regs->ax = -EINTR;
	regs->orig_ax = -1;
}

void syscall_restart_if_needed(void)
{
	struct task_struct *t = current;
	struct uml_regs *regs = &t->thread.regs;

	if ((long)regs->orig_ax >= 0 && is_restart_code(regs->ax))
		restart_syscall_regs(regs);
	if (t->restore_sigmask) {
		t->restore_sigmask = false;
		t->blocked = t->saved_sigmask;
	}
}

static void do_signal_stop(int sig);

static void handle_signal(int sig, siginfo_t *info, struct k_sigaction *ka)
{
	struct task_struct *t = current;
	ksigset_t oldset = t->restore_sigmask ? t->saved_sigmask : t->blocked;

	handler_syscall_restart(&t->thread.regs, ka);
	if (setup_rt_frame(sig, info, ka, oldset)) {
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		return;
	}
	t->restore_sigmask = false;
	t->blocked = oldset | ka->mask;
	if (!(ka->flags & SA_NODEFER))
		t->blocked |= sigmask(sig);
	t->blocked &= ~SIG_KERNEL_ONLY_MASK;
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL_P;
}

void do_signal(void)
{
	struct task_struct *t = current;
	siginfo_t info;
	int sig;

	while ((sig = dequeue_signal_from(t, ~t->blocked, &info))) {
		struct k_sigaction *ka = sig_action(t, sig);

		if (ka->handler == SIG_IGN_P && sig != SIGKILL && sig != SIGSTOP)
			continue;
		if (ka->handler != SIG_DFL_P && sig != SIGKILL && sig != SIGSTOP) {
			handle_signal(sig, &info, ka);
			return;
		}
		if (sig <= 32 && (ignore_mask & sigmask(sig)))
			continue;
		if (sig <= 32 && (stop_mask & sigmask(sig))) {
			/* Orphaned process groups ignore terminal stops (POSIX);
			 * we do not track orphans, so only init is exempt. */
			if (t->tgid == 1)
				continue;
			do_signal_stop(sig);
			continue;
		}
		if (t->tgid == 1 && sig != SIGKILL)
			continue;	/* init only dies of signals it handles */
		do_group_exit(sig);	/* no core dumps: RLIMIT_CORE is 0 */
	}
}

static void do_signal_stop(int sig)
{
	struct task_struct *t = current, *parent = t->group_leader->real_parent;

	t->signal->stop_signal = sig;
	t->signal->stop_reported = false;
	t->state = __TASK_STOPPED;
	if (parent) {
		if (!(sig_action(parent, SIGCHLD)->flags & SA_NOCLDSTOP)) {
			siginfo_t info;

			memset(&info, 0, sizeof(info));
			info.si_signo = SIGCHLD;
			info.si_code = CLD_STOPPED;
			info.si_pid = t->tgid;
			info.si_uid = t->cred.uid;
			info.si_status = sig;
			send_sig_info(SIGCHLD, &info, parent);
		}
		wake_up_interruptible_all(&parent->signal->wait_chldexit);
	}
	schedule();
	t->signal->continued = true;
	if (parent)
		wake_up_interruptible_all(&parent->signal->wait_chldexit);
}

void flush_signal_handlers(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->signal->action[i];

		if (ka->handler != SIG_IGN_P)
			ka->handler = SIG_DFL_P;
		ka->flags = 0;
		ka->restorer = NULL;
		ka->mask = 0;
	}
	t->sas_ss_sp = t->sas_ss_size = 0;
	t->sas_ss_flags = 0;
}

void set_current_blocked(ksigset_t set)
{
	current->blocked = set & ~SIG_KERNEL_ONLY_MASK;
}

void restore_altstack(unsigned long sp, unsigned long size, int flags)
{
	struct task_struct *t = current;

	if (flags & SS_DISABLE) {
		t->sas_ss_sp = t->sas_ss_size = 0;
		return;
	}
	t->sas_ss_sp = sp;
	t->sas_ss_size = size;
}

int set_user_sigmask(const void __user *umask, size_t sigsetsize)
{
	ksigset_t set;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(ksigset_t))
		return -EINVAL;
	if (copy_from_user(&set, umask, sizeof(set)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	set_current_blocked(set);
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted || !current->restore_sigmask)
		return;
	current->restore_sigmask = false;
	current->blocked = current->saved_sigmask;
}
