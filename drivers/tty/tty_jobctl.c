// SPDX-License-Identifier: GPL-2.0
/*
 * Controlling terminals and job control.
 *
 * A session has at most one controlling tty (signal->tty of each of its
 * processes) and a tty belongs to at most one session (tty->session),
 * with one foreground process group (tty->pgrp) that receives the signals
 * of ^C, ^\ and ^Z and may read.  The session leader gets its terminal by
 * opening one without O_NOCTTY while it has none (never through
 * /dev/console or /dev/tty), or with TIOCSCTTY; the terminal is given up by
 * TIOCNOTTY, by the leader's exit (disassociate_ctty) and by the last close
 * of the tty.  A background process that reads its terminal (or changes its
 * settings) gets SIGTTIN (SIGTTOU) for its whole group, unless it ignores or
 * blocks the signal or its group is orphaned: then the call fails with EIO
 * (reads) or goes on (changes).
 */
#include <umk/tty.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>

static bool session_leader(struct task_struct *t)
{
	return t->signal->session == t->tgid;
}

static void set_ctty(struct tty_struct *tty)
{
	current->signal->tty = tty;
	tty->session = current->signal->session;
	tty->pgrp = current->signal->pgrp;
}

/* Every process that has tty as its controlling terminal loses it. */
static void clear_ctty_everywhere(struct tty_struct *tty)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t->signal && t->signal->tty == tty)
			t->signal->tty = NULL;
	tty->session = 0;
	tty->pgrp = 0;
}

void tty_open_ctty(struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;

	if (sig && session_leader(current) && !sig->tty && !tty->session)
		set_ctty(tty);
}

void tty_release_ctty(struct tty_struct *tty)
{
	if (tty->session)
		clear_ctty_everywhere(tty);
}

void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty = current->signal ? current->signal->tty : NULL;

	if (!tty)
		return;
	if (tty->pgrp > 0) {
		kill_pgrp(tty->pgrp, SIGHUP, 1);
		kill_pgrp(tty->pgrp, SIGCONT, 1);
	}
	clear_ctty_everywhere(tty);
}

/*
 * A process group is orphaned when no member has a parent in another
 * group of the same session, i.e. no shell is left to continue it.
 */
static bool pgrp_orphaned(pid_t pgrp)
{
	struct task_struct *t, *p;

	list_for_each_entry(t, &task_list, tasks) {
		if (!thread_group_leader(t) || t->exit_state ||
		    t->signal->pgrp != pgrp)
			continue;
		p = t->real_parent;
		if (p && p->pid != 1 && p->signal->pgrp != pgrp &&
		    p->signal->session == t->signal->session)
			return false;
	}
	return true;
}

static bool sig_ignored_or_blocked(struct task_struct *t, int sig)
{
	return t->signal->action[sig - 1].handler == (void __user *)SIG_IGN ||
	       (t->blocked & sigmask(sig));
}

int tty_job_control(struct tty_struct *tty, int sig)
{
	struct task_struct *t = current;
	pid_t pgrp;

	if (!t || !t->mm || !t->signal || t->signal->tty != tty || !tty->pgrp)
		return 0;
	pgrp = t->signal->pgrp;
	if (pgrp == tty->pgrp)
		return 0;
	if (sig_ignored_or_blocked(t, sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (pgrp_orphaned(pgrp))
		return -EIO;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

int tty_check_change(struct tty_struct *tty)
{
	return tty_job_control(tty, SIGTTOU);
}

static long tiocsctty(struct tty_struct *tty, unsigned long arg)
{
	struct signal_struct *sig = current->signal;

	if (session_leader(current) && tty->session == sig->session)
		return 0;
	if (!session_leader(current) || sig->tty)
		return -EPERM;
	if (tty->session) {
		/* root may take it from another session with arg 1 */
		if (arg != 1 || current->cred.euid != 0)
			return -EPERM;
		clear_ctty_everywhere(tty);
	}
	set_ctty(tty);
	return 0;
}

static long tiocnotty(struct tty_struct *tty)
{
	if (current->signal->tty != tty)
		return -ENOTTY;
	if (session_leader(current))
		disassociate_ctty(0);
	else
		current->signal->tty = NULL;
	return 0;
}

/* Is there a process group pgrp, and is it in our session? */
static int check_pgrp(pid_t pgrp)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks) {
		if (t->exit_state || t->signal->pgrp != pgrp)
			continue;
		return t->signal->session == current->signal->session ? 0 : -EPERM;
	}
	return -ESRCH;
}

static long tiocspgrp(struct tty_struct *tty, pid_t __user *p)
{
	pid_t pgrp;
	int err;

	err = tty_check_change(tty);
	if (err)
		return err == -EIO ? -ENOTTY : err;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (current->signal->tty != tty ||
	    tty->session != current->signal->session)
		return -ENOTTY;
	err = check_pgrp(pgrp);
	if (err)
		return err;
	tty->pgrp = pgrp;
	return 0;
}

long tty_jobctl_ioctl(struct tty_struct *tty, unsigned int cmd,
		      unsigned long arg)
{
	pid_t __user *p = (pid_t __user *)arg;

	switch (cmd) {
	case TIOCSCTTY:
		return tiocsctty(tty, arg);
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCGPGRP:
		if (current->signal->tty != tty)
			return -ENOTTY;
		return put_user(tty->pgrp, p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (current->signal->tty != tty || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, p);
	}
	return -ENOTTY;
}
