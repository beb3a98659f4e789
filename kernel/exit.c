// SPDX-License-Identifier: GPL-2.0
/*
 * Ending tasks and reaping them: exit, exit_group, wait4, waitid.
 *
 * An exiting task drops its mm (which ends its host process when it was
 * the last user), files and fs, hands its children to init, becomes a
 * zombie and tells its parent.  The parent's wait frees it; if the parent
 * ignores SIGCHLD the task is freed as soon as we are off its stack.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/mman.h>
#include <umk/fs.h>
#include <umk/uaccess.h>
#include <umk/arch.h>
#include <umk/futex.h>
#include <umk/tty.h>
#include <linux/wait.h>
#include <linux/resource.h>

static void unlink_task(struct task_struct *p)
{
	list_del_init(&p->sibling);
	list_del_init(&p->tasks);
	if (!thread_group_leader(p) || !list_empty(&p->thread_node))
		list_del_init(&p->thread_node);
	detach_pid(p);
	free_pid(p->pid);
}

/* Free a reaped task: called by its parent or after the final switch. */
static void release_task(struct task_struct *p)
{
	struct sigqueue *q, *n;

	unlink_task(p);
	list_for_each_entry_safe(q, n, &p->pending.list, list)
		kfree(q);
	put_signal_struct(p->signal);
	free_task(p);
}

void release_dead_task(struct task_struct *t)
{
	release_task(t);
}

static void reparent_children(struct task_struct *t)
{
	struct task_struct *child, *n, *reaper = init_task_ptr;

	list_for_each_entry_safe(child, n, &t->children, sibling) {
		list_del(&child->sibling);
		child->real_parent = reaper;
		if (child->pdeath_signal && !child->exit_state)
			send_sig(child->pdeath_signal, child, 1);
		list_add_tail(&child->sibling, &reaper->children);
		if (child->exit_state == EXIT_ZOMBIE)
			wake_up_interruptible_all(&reaper->signal->wait_chldexit);
	}
}

static bool parent_ignores_children(struct task_struct *parent)
{
	struct k_sigaction *ka = &parent->signal->action[SIGCHLD - 1];

	return ka->handler == (void __user *)1 || (ka->flags & SA_NOCLDWAIT);
}

static void notify_parent(struct task_struct *t)
{
	struct task_struct *parent = t->real_parent;
	siginfo_t info;
	int status = t->exit_code;

	memset(&info, 0, sizeof(info));
	info.si_signo = t->exit_signal;
	info.si_pid = t->tgid;
	info.si_uid = t->cred.uid;
	if (status & 0x7f) {
		info.si_code = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		info.si_status = status & 0x7f;
	} else {
		info.si_code = CLD_EXITED;
		info.si_status = (status >> 8) & 0xff;
	}
	if (t->exit_signal > 0)
		send_sig_info(t->exit_signal, &info, parent);
	wake_up_interruptible_all(&parent->signal->wait_chldexit);
}

static void exit_mm(struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	if (!mm)
		return;
	if (t->clear_child_tid && mm->users > 1) {
		u32 zero = 0;

		if (!copy_to_user((void __user *)t->clear_child_tid, &zero, sizeof(zero)))
			futex_wake_addr(t->clear_child_tid, 1);
	}
	mm_release_vfork(t);
	t->mm = NULL;
	mmput(mm);
}

void __noreturn do_exit(int code)
{
	struct task_struct *t = current;

	if (t->flags & PF_EXITING)
		panic("recursive exit in task %d", t->pid);
	t->flags |= PF_EXITING;
	if (t->pid == 1 || t == init_task_ptr)
		panic("Attempted to kill init! exitcode=0x%08x", code);
	exit_mm(t);
	if (t->files) {
		put_files_struct(t->files);
		t->files = NULL;
	}
	if (t->fs) {
		put_fs_struct(t->fs);
		t->fs = NULL;
	}
	if (t->signal->group_exiting)
		code = t->signal->group_exit_code;
	t->exit_code = code;
	reparent_children(t);
	if (!thread_group_leader(t) || parent_ignores_children(t->real_parent)) {
		t->exit_state = EXIT_DEAD;	/* freed after the switch below */
		/* A parent waiting for this child must see it gone (ECHILD). */
		wake_up_interruptible_all(&t->real_parent->signal->wait_chldexit);
	} else {
		t->exit_state = EXIT_ZOMBIE;
		notify_parent(t);
	}
	if (t->signal->tty && t->signal->session == t->pid && thread_group_leader(t))
		disassociate_ctty(1);
	t->state = TASK_DEAD;
	schedule();
	panic("dead task %d was scheduled", t->pid);
}

void __noreturn do_group_exit(int code)
{
	struct task_struct *t = current, *p;
	struct signal_struct *sig = t->signal;

	if (!sig->group_exiting) {
		sig->group_exiting = true;
		sig->group_exit_code = code;
		for (p = list_entry(t->thread_node.next, struct task_struct, thread_node);
		     p != t;
		     p = list_entry(p->thread_node.next, struct task_struct, thread_node))
			send_sig(SIGKILL, p, 1);
	}
	do_exit(sig->group_exit_code);
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

long sys_exit_group(int code)
{
	do_group_exit((code & 0xff) << 8);
}

/* -- wait ------------------------------------------------------------- */

struct wait_opts {
	int which;		/* P_PID, P_PGID, P_ALL */
	pid_t id;
	int options;
	/* results */
	pid_t pid;
	int status;		/* wait4 status word */
	int code;		/* CLD_* */
	uid_t uid;
};

static bool child_matches(struct task_struct *p, struct wait_opts *wo)
{
	if (!thread_group_leader(p) || p->exit_state == EXIT_DEAD)
		return false;
	switch (wo->which) {
	case P_PID:
		return p->pid == wo->id;
	case P_PGID:
		return p->signal->pgrp == wo->id;
	default:
		return true;
	}
}

static void account_child(struct task_struct *parent, struct task_struct *p)
{
	parent->signal->cutime_ns += p->signal->utime_ns + p->utime_ns + p->signal->cutime_ns;
	parent->signal->cstime_ns += p->signal->stime_ns + p->stime_ns + p->signal->cstime_ns;
}

/* 1 if p gave a result (and maybe was reaped), 0 if nothing to report. */
static int wait_one(struct task_struct *p, struct wait_opts *wo)
{
	if (p->exit_state == EXIT_ZOMBIE) {
		if (!(wo->options & WEXITED))
			return 0;
		wo->pid = p->pid;
		wo->status = p->exit_code;
		wo->uid = p->cred.uid;
		if (p->exit_code & 0x7f)
			wo->code = (p->exit_code & 0x80) ? CLD_DUMPED : CLD_KILLED;
		else
			wo->code = CLD_EXITED;
		if (!(wo->options & WNOWAIT)) {
			account_child(current, p);
			release_task(p);
		}
		return 1;
	}
	if ((p->state & __TASK_STOPPED) && (wo->options & WSTOPPED) &&
	    !p->signal->stop_reported) {
		wo->pid = p->pid;
		wo->status = (p->signal->stop_signal << 8) | 0x7f;
		wo->code = CLD_STOPPED;
		wo->uid = p->cred.uid;
		if (!(wo->options & WNOWAIT))
			p->signal->stop_reported = true;
		return 1;
	}
	if (p->signal->continued && (wo->options & WCONTINUED)) {
		wo->pid = p->pid;
		wo->status = 0xffff;
		wo->code = CLD_CONTINUED;
		wo->uid = p->cred.uid;
		if (!(wo->options & WNOWAIT))
			p->signal->continued = false;
		return 1;
	}
	return 0;
}

static long do_wait(struct wait_opts *wo)
{
	struct task_struct *t = current;
	struct wait_queue_entry we;
	long ret;

	init_wait_entry(&we, t);
	add_wait_queue(&t->signal->wait_chldexit, &we);
	for (;;) {
		struct task_struct *p, *n;
		bool any = false;

		t->state = TASK_INTERRUPTIBLE;
		list_for_each_entry_safe(p, n, &t->children, sibling) {
			if (!child_matches(p, wo))
				continue;
			any = true;
			if (wait_one(p, wo)) {
				ret = wo->pid;
				goto out;
			}
		}
		if (!any) {
			ret = -ECHILD;
			goto out;
		}
		if (wo->options & WNOHANG) {
			ret = 0;
			goto out;
		}
		if (signal_pending(t)) {
			ret = -ERESTARTSYS;
			goto out;
		}
		schedule();
	}
out:
	t->state = TASK_RUNNING;
	remove_wait_queue(&t->signal->wait_chldexit, &we);
	return ret;
}

static void fill_rusage(struct rusage *ru)
{
	struct signal_struct *sig = current->signal;

	memset(ru, 0, sizeof(*ru));
	ru->ru_utime.tv_sec = sig->cutime_ns / NSEC_PER_SEC;
	ru->ru_utime.tv_usec = (sig->cutime_ns % NSEC_PER_SEC) / 1000;
	ru->ru_stime.tv_sec = sig->cstime_ns / NSEC_PER_SEC;
	ru->ru_stime.tv_usec = (sig->cstime_ns % NSEC_PER_SEC) / 1000;
}

long sys_wait4(pid_t pid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct wait_opts wo = { .options = (options & ~WNOWAIT) | WEXITED };
	struct rusage r;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (pid == -1) {
		wo.which = P_ALL;
	} else if (pid < 0) {
		wo.which = P_PGID;
		wo.id = -pid;
	} else if (pid == 0) {
		wo.which = P_PGID;
		wo.id = current->signal->pgrp;
	} else {
		wo.which = P_PID;
		wo.id = pid;
	}
	ret = do_wait(&wo);
	if (ret > 0 && stat_addr && put_user(wo.status, stat_addr))
		return -EFAULT;
	if (ret > 0 && ru) {
		fill_rusage(&r);
		if (copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	return ret;
}

long sys_waitid(int which, pid_t upid, siginfo_t __user *infop, int options,
		struct rusage __user *ru)
{
	struct wait_opts wo = { .which = which, .id = upid, .options = options };
	siginfo_t info;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		break;
	case P_PID:
	case P_PGID:
		if (upid <= 0 && !(which == P_PGID && upid == 0))
			return -EINVAL;
		if (which == P_PGID && upid == 0)
			wo.id = current->signal->pgrp;
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(&wo);
	if (ret < 0)
		return ret;
	if (infop) {
		memset(&info, 0, sizeof(info));
		if (ret > 0) {
			info.si_signo = SIGCHLD;
			info.si_code = wo.code;
			info.si_pid = wo.pid;
			info.si_uid = wo.uid;
			if (wo.code == CLD_EXITED)
				info.si_status = (wo.status >> 8) & 0xff;
			else if (wo.code == CLD_STOPPED)
				info.si_status = (wo.status >> 8) & 0xff;
			else if (wo.code == CLD_CONTINUED)
				info.si_status = SIGCONT;
			else
				info.si_status = wo.status & 0x7f;
		}
		if (copy_to_user(infop, &info, sizeof(info)))
			return -EFAULT;
	}
	if (ru) {
		struct rusage r;

		fill_rusage(&r);
		if (copy_to_user(ru, &r, sizeof(r)))
			return -EFAULT;
	}
	return 0;
}
