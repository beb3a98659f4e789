// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>/stat, statm and status: a task's identity, state, times and
 * memory in the fixed formats procps and busybox parse.  The numbers
 * describe the whole thread group, as Linux does for /proc/<tgid>.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/mm_types.h>
#include <umk/sched.h>
#include <umk/timer.h>
#include <umk/tty.h>
#include <linux/resource.h>
#include "internal.h"

#define FULL_CAPS	0x000001ffffffffffULL	/* capabilities 0..40 */

unsigned long long proc_ns_to_ticks(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* A monotonic time as clock ticks since boot (stat's starttime). */
unsigned long long proc_boot_ticks(ktime_t t)
{
	ktime_t boot_offset = ktime_get() - ktime_get_boottime();

	return t > boot_offset ? proc_ns_to_ticks(t - boot_offset) : 0;
}

char proc_task_state(const struct task_struct *t)
{
	if (t->exit_state & EXIT_ZOMBIE)
		return 'Z';
	if (t->exit_state & EXIT_DEAD)
		return 'X';
	if (t->state == TASK_RUNNING)
		return 'R';
	if (t->state & __TASK_STOPPED)
		return 'T';
	if (t->state & TASK_UNINTERRUPTIBLE)
		return 'D';
	return 'S';
}

static const char *state_name(char c)
{
	switch (c) {
	case 'R': return "R (running)";
	case 'D': return "D (disk sleep)";
	case 'T': return "T (stopped)";
	case 'Z': return "Z (zombie)";
	case 'X': return "X (dead)";
	default: return "S (sleeping)";
	}
}

static struct task_struct *next_thread(const struct task_struct *t)
{
	return list_entry(t->thread_node.next, struct task_struct, thread_node);
}

int proc_nr_threads(const struct task_struct *t)
{
	const struct task_struct *p;
	int n = 1;

	for (p = next_thread(t); p != t; p = next_thread(p))
		n++;
	return n;
}

/* CPU time of the live threads plus what exited threads left behind. */
static void group_times(struct task_struct *t, u64 *utime, u64 *stime)
{
	struct task_struct *p = t;

	*utime = t->signal->utime_ns;
	*stime = t->signal->stime_ns;
	do {
		*utime += p->utime_ns;
		*stime += p->stime_ns;
		p = next_thread(p);
	} while (p != t);
}

/* Process-directed signals are queued on one of its threads: no shared set. */
static ksigset_t group_pending(struct task_struct *t)
{
	return t->pending.signal;
}

static void sig_ign_catch(struct task_struct *t, ksigset_t *ign, ksigset_t *catch)
{
	int i;

	*ign = *catch = 0;
	for (i = 1; i <= _NSIG; i++) {
		unsigned long h = (unsigned long)t->signal->action[i - 1].handler;

		if (h == 1)
			*ign |= sigmask(i);
		else if (h)
			*catch |= sigmask(i);
	}
}

static pid_t ppid_of(struct task_struct *t)
{
	struct task_struct *p = t->group_leader->real_parent;

	return p && p->pid > 0 ? p->tgid : 0;
}

static void tty_of(struct task_struct *t, unsigned int *nr, int *pgrp)
{
	struct tty_struct *tty = t->signal->tty;

	*nr = 0;
	*pgrp = -1;
	if (!tty || !tty->driver)
		return;
	*nr = new_encode_dev(MKDEV(tty->driver->major,
				   tty->driver->minor_start + tty->index));
	*pgrp = tty->pgrp ? tty->pgrp : -1;
}

static unsigned long rss_limit(struct task_struct *t)
{
	return t->signal->rlim[RLIMIT_RSS].cur;
}

int proc_pid_stat(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);
	struct mm_struct *mm;
	ksigset_t ign, catch;
	u64 utime, stime;
	unsigned int tty_nr;
	int tpgid;

	if (!t)
		return -ESRCH;
	mm = t->mm;
	group_times(t, &utime, &stime);
	sig_ign_catch(t, &ign, &catch);
	tty_of(t, &tty_nr, &tpgid);
	pb_printf(m, "%d (%s) %c %d %d %d %u %d %u 0 0 0 0 %llu %llu %llu %llu 20 0 %d 0 %llu ",
		  t->pid, t->comm, proc_task_state(t), ppid_of(t), task_pgrp_nr(t),
		  task_session_nr(t), tty_nr, tpgid, t->flags,
		  proc_ns_to_ticks(utime), proc_ns_to_ticks(stime),
		  proc_ns_to_ticks(t->signal->cutime_ns),
		  proc_ns_to_ticks(t->signal->cstime_ns),
		  proc_nr_threads(t), proc_boot_ticks(t->start_time));
	pb_printf(m, "%lu %lu %lu %lu %lu %lu 0 0 %lu %lu %lu %lu 0 0 0 %d 0 0 0 0 0 0 ",
		  mm ? mm->total_vm << PAGE_SHIFT : 0, mm ? mm->rss : 0, rss_limit(t),
		  mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		  mm ? mm->start_stack : 0, group_pending(t), t->blocked, ign, catch,
		  t->exit_signal);
	pb_printf(m, "%lu %lu %lu %lu %lu %lu %lu %d\n",
		  mm ? mm->start_data : 0, mm ? mm->end_data : 0,
		  mm ? mm->start_brk : 0, mm ? mm->arg_start : 0,
		  mm ? mm->arg_end : 0, mm ? mm->env_start : 0,
		  mm ? mm->env_end : 0, t->exit_code);
	return 0;
}

struct vm_sizes {
	unsigned long text, data, stack, lib;	/* pages */
};

static void vm_sizes(struct mm_struct *mm, struct vm_sizes *s)
{
	struct vm_area_struct *vma;
	unsigned long pages;

	memset(s, 0, sizeof(*s));
	s->text = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> PAGE_SHIFT;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		pages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
		if (vma->vm_flags & VM_GROWSDOWN)
			s->stack += pages;
		else if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			s->data += pages;
		else if ((vma->vm_flags & VM_EXEC) && vma->vm_file)
			s->lib += pages;
	}
	s->lib = s->lib > s->text ? s->lib - s->text : 0;
}

int proc_pid_statm(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);
	struct vm_sizes s;

	if (!t)
		return -ESRCH;
	if (!t->mm) {
		pb_puts(m, "0 0 0 0 0 0 0\n");
		return 0;
	}
	vm_sizes(t->mm, &s);
	pb_printf(m, "%lu %lu 0 %lu 0 %lu 0\n", t->mm->total_vm, t->mm->rss,
		  s.text, s.data + s.stack);
	return 0;
}

static void status_ids(struct proc_buf *m, struct task_struct *t)
{
	const struct cred *c = &t->cred;
	int i;

	pb_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\nTracerPid:\t0\n",
		  t->tgid, t->pid, ppid_of(t));
	pb_printf(m, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		  c->uid, c->euid, c->suid, c->fsuid, c->gid, c->egid, c->sgid, c->fsgid);
	pb_printf(m, "FDSize:\t%u\nGroups:\t", t->files ? t->files->max_fds : 0);
	for (i = 0; i < c->ngroups && i < (int)ARRAY_SIZE(c->groups); i++)
		pb_printf(m, "%u ", c->groups[i]);
	pb_printf(m, "\nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		  t->tgid, t->pid, task_pgrp_nr(t), task_session_nr(t));
}

static void status_vm(struct proc_buf *m, struct mm_struct *mm)
{
	unsigned long kb = PAGE_SIZE / 1024;
	struct vm_sizes s;

	if (!mm)
		return;
	vm_sizes(mm, &s);
	pb_printf(m, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\n"
		  "VmPin:\t%8lu kB\nVmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\n",
		  mm->total_vm * kb, mm->total_vm * kb, 0UL, 0UL, mm->rss * kb,
		  mm->rss * kb);
	pb_printf(m, "RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n",
		  mm->rss * kb, 0UL, 0UL);
	pb_printf(m, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\n"
		  "VmLib:\t%8lu kB\nVmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n",
		  s.data * kb, s.stack * kb, s.text * kb, s.lib * kb, 0UL, 0UL);
	pb_puts(m, "HugetlbPages:\t       0 kB\n");
}

static void status_signals(struct proc_buf *m, struct task_struct *t)
{
	ksigset_t ign, catch;

	sig_ign_catch(t, &ign, &catch);
	pb_printf(m, "Threads:\t%d\nSigQ:\t0/%lu\n", proc_nr_threads(t),
		  t->signal->rlim[RLIMIT_SIGPENDING].cur);
	pb_printf(m, "SigPnd:\t%016lx\nShdPnd:\t%016lx\nSigBlk:\t%016lx\n"
		  "SigIgn:\t%016lx\nSigCgt:\t%016lx\n",
		  t->pending.signal, 0UL, t->blocked,
		  ign, catch);
}

static void status_caps(struct proc_buf *m, struct task_struct *t)
{
	unsigned long long eff = t->cred.euid == 0 ? FULL_CAPS : 0;

	pb_printf(m, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\n"
		  "CapBnd:\t%016llx\nCapAmb:\t%016llx\n",
		  0ULL, eff, eff, FULL_CAPS, 0ULL);
	pb_puts(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n"
		"Cpus_allowed:\t1\nCpus_allowed_list:\t0\n"
		"Mems_allowed:\t00000000,00000001\nMems_allowed_list:\t0\n"
		"voluntary_ctxt_switches:\t0\nnonvoluntary_ctxt_switches:\t0\n");
}

int proc_pid_status(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);

	if (!t)
		return -ESRCH;
	pb_printf(m, "Name:\t%s\n", t->comm);
	if (t->fs)
		pb_printf(m, "Umask:\t%04o\n", t->fs->umask);
	pb_printf(m, "State:\t%s\n", state_name(proc_task_state(t)));
	status_ids(m, t);
	status_vm(m, t->mm);
	pb_puts(m, "CoreDumping:\t0\nTHP_enabled:\t0\n");
	status_signals(m, t);
	status_caps(m, t);
	return 0;
}
