// SPDX-License-Identifier: GPL-2.0
/*
 * Creating tasks: fork, vfork, clone (the process part: CLONE_VM, FILES,
 * FS, SIGHAND, THREAD, VFORK, SETTLS and the tid options) and kernel
 * threads.  A new guest task starts in userspace() with a copy of the
 * parent's registers and rax = 0.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/mman.h>
#include <umk/fs.h>
#include <umk/uaccess.h>
#include <umk/arch.h>
#include <umk/oom.h>
#include <linux/sched.h>

static struct task_struct *alloc_task(void)
{
	struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return NULL;
	p->stack = alloc_thread_stack();
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	arch_stack_guard_set(p);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->thread_node);
	INIT_LIST_HEAD(&p->pending.list);
	p->thread.syscall_nr = -1;
	p->state = TASK_UNINTERRUPTIBLE;	/* not runnable until woken */
	return p;
}

void free_task(struct task_struct *p)
{
	free_thread_stack(p->stack);
	kfree(p);
}

static struct signal_struct *copy_signal(struct signal_struct *old)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig), GFP_KERNEL);

	if (!sig)
		return NULL;
	sig->count = 1;
	init_waitqueue_head(&sig->wait_chldexit);
	if (old) {
		memcpy(sig->action, old->action, sizeof(sig->action));
		sig->pgrp = old->pgrp;
		sig->session = old->session;
		sig->tty = old->tty;
		memcpy(sig->rlim, old->rlim, sizeof(sig->rlim));
	} else {
		init_rlimits(sig);
	}
	return sig;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (sig && --sig->count == 0) {
		itimer_release(sig);
		kfree(sig);
	}
}

static int copy_resources(struct task_struct *p, unsigned long flags)
{
	struct task_struct *cur = current;

	if (flags & CLONE_VM) {
		p->mm = cur->mm;
		p->mm->users++;
	} else if (cur->mm) {
		p->mm = dup_mm(cur->mm);
		if (IS_ERR_OR_NULL(p->mm)) {
			int err = p->mm ? PTR_ERR(p->mm) : -ENOMEM;

			p->mm = NULL;
			return err;
		}
	}
	if (cur->files) {
		if (flags & CLONE_FILES) {
			p->files = cur->files;
			p->files->count++;
		} else {
			p->files = dup_files(cur->files);
			if (IS_ERR_OR_NULL(p->files)) {
				p->files = NULL;
				return -ENOMEM;
			}
		}
	}
	if (cur->fs) {
		if (flags & CLONE_FS) {
			p->fs = cur->fs;
			p->fs->users++;
		} else {
			p->fs = copy_fs_struct(cur->fs);
			if (!p->fs)
				return -ENOMEM;
		}
	}
	if (flags & CLONE_THREAD) {
		p->signal = cur->signal;
		p->signal->count++;
	} else {
		p->signal = copy_signal(cur->signal);
		if (!p->signal)
			return -ENOMEM;
	}
	return 0;
}

static void drop_resources(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files_struct(p->files);
	if (p->fs)
		put_fs_struct(p->fs);
	put_signal_struct(p->signal);
}

static void link_task(struct task_struct *p, unsigned long flags)
{
	struct task_struct *cur = current;

	if (flags & CLONE_THREAD) {
		p->tgid = cur->tgid;
		p->group_leader = cur->group_leader;
		list_add_tail(&p->thread_node, &p->group_leader->thread_node);
		p->exit_signal = -1;
	} else {
		p->tgid = p->pid;
		p->group_leader = p;
		p->exit_signal = flags & CSIGNAL;
	}
	p->real_parent = (flags & (CLONE_PARENT | CLONE_THREAD)) ? cur->real_parent : cur;
	if (!p->real_parent)
		p->real_parent = cur;
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &task_list);
	attach_pid(p);
}

static struct task_struct *copy_process(unsigned long flags, unsigned long newsp,
					unsigned long tls)
{
	struct task_struct *cur = current, *p;
	int err;

	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	p = alloc_task();
	if (!p)
		return ERR_PTR(-ENOMEM);
	p->pid = alloc_pid();
	if (p->pid < 0) {
		err = p->pid;
		goto out_free;
	}
	memcpy(p->comm, cur->comm, sizeof(p->comm));
	p->cred = cur->cred;
	p->blocked = cur->blocked;
	p->start_time = ktime_get();
	if (cur->mm)
		arch_save_fpstate(cur);
	p->thread.regs = cur->thread.regs;
	p->thread.fp = cur->thread.fp;
	p->thread.fp_valid = cur->thread.fp_valid;
	p->thread.regs.ax = 0;
	if (newsp)
		p->thread.regs.sp = newsp;
	if (flags & CLONE_SETTLS)
		p->thread.regs.fs_base = tls;
	err = copy_resources(p, flags);
	if (err)
		goto out_drop;
	if (flags & CLONE_SIGHAND) {
		p->sas_ss_sp = cur->sas_ss_sp;
		p->sas_ss_size = cur->sas_ss_size;
	}
	if (flags & CLONE_VM)
		p->sas_ss_sp = p->sas_ss_size = 0;
	arch_setup_task(p, userspace_entry, NULL);
	link_task(p, flags);
	return p;

out_drop:
	drop_resources(p);
	free_pid(p->pid);
out_free:
	free_task(p);
	return ERR_PTR(err);
}

static void set_tids(struct task_struct *p, unsigned long flags, int __user *ptid,
		     int __user *ctid)
{
	pid_t pid = p->pid;

	if (flags & CLONE_PARENT_SETTID)
		put_user(pid, ptid);
	if (flags & CLONE_CHILD_SETTID)
		access_remote_vm(p->mm, (unsigned long)ctid, &pid, sizeof(pid), true);
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = (unsigned long)ctid;
}

long do_fork(unsigned long flags, unsigned long newsp, int __user *ptid,
	     int __user *ctid, unsigned long tls)
{
	struct task_struct *p;
	struct vfork_done vfork;
	int tries = 0;
	pid_t pid;

	/* Out of memory: let the OOM killer make room (each kill frees some). */
	while (IS_ERR(p = copy_process(flags, newsp, tls))) {
		if (PTR_ERR(p) != -ENOMEM || ++tries > OOM_RETRIES ||
		    fatal_signal_pending(current) || !oom_wait_for_memory())
			return PTR_ERR(p);
	}
	pid = p->pid;
	set_tids(p, flags, ptid, ctid);
	if (flags & CLONE_VFORK) {
		vfork.done = false;
		init_waitqueue_head(&vfork.wq);
		p->vfork_done = &vfork;
	}
	wake_up_new_task(p);
	if (flags & CLONE_VFORK)
		wait_event(vfork.wq, vfork.done);
	return pid;
}

void mm_release_vfork(struct task_struct *t)
{
	struct vfork_done *vd = t->vfork_done;

	if (!vd)
		return;
	t->vfork_done = NULL;
	vd->done = true;
	wake_up_all(&vd->wq);
}

long sys_fork(void)
{
	return do_fork(SIGCHLD, 0, NULL, NULL, 0);
}

long sys_vfork(void)
{
	return do_fork(CLONE_VM | CLONE_VFORK | SIGCHLD, 0, NULL, NULL, 0);
}

/* x86_64 argument order: flags, newsp, parent_tid, child_tid, tls. */
long sys_clone(unsigned long flags, unsigned long newsp, int __user *ptid,
	       int __user *ctid, unsigned long tls)
{
	return do_fork(flags, newsp, ptid, ctid, tls);
}

/*
 * clone3: the same as clone with the arguments in a struct, the stack
 * given as base and size, and the exit signal apart from the flags.
 * Features we lack (pidfds, set_tid, cgroups) are refused, as an older
 * kernel would, so that C libraries fall back.
 */
long sys_clone3(struct clone_args __user *uargs, size_t size)
{
	struct clone_args args;
	unsigned long sp = 0;

	if (size < CLONE_ARGS_SIZE_VER0 || size > PAGE_SIZE)
		return -EINVAL;
	memset(&args, 0, sizeof(args));
	if (copy_from_user(&args, uargs, min(size, sizeof(args))))
		return -EFAULT;
	if (size > sizeof(args)) {
		/* Unknown tail fields must be zero. */
		char tail[64];
		size_t off;

		for (off = sizeof(args); off < size; off += sizeof(tail)) {
			size_t n = min(sizeof(tail), size - off), i;

			if (copy_from_user(tail, (char __user *)uargs + off, n))
				return -EFAULT;
			for (i = 0; i < n; i++)
				if (tail[i])
					return -E2BIG;
		}
	}
	if (args.flags & (CLONE_PIDFD | CLONE_INTO_CGROUP | CSIGNAL | CLONE_DETACHED) ||
	    args.set_tid || args.set_tid_size)
		return -EINVAL;
	if (args.exit_signal > _NSIG || (args.stack && !args.stack_size))
		return -EINVAL;
	if (args.stack)
		sp = args.stack + args.stack_size;	/* stacks grow down on x86 */
	return do_fork(args.flags | args.exit_signal, sp,
		       (int __user *)(unsigned long)args.parent_tid,
		       (int __user *)(unsigned long)args.child_tid, args.tls);
}

/* Kernel threads share nothing with anyone and never run guest code. */
struct task_struct *kthread_create(void (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = alloc_task();

	if (!p)
		return NULL;
	p->pid = alloc_pid();
	p->flags = PF_KTHREAD;
	strscpy(p->comm, name, sizeof(p->comm));
	p->signal = copy_signal(NULL);
	BUG_ON(!p->signal);
	p->start_time = ktime_get();
	arch_setup_task(p, fn, arg);
	link_task(p, SIGCHLD);
	return p;
}
