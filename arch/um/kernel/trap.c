// SPDX-License-Identifier: GPL-2.0
/*
 * The user-mode loop: how a task runs guest code.
 *
 * A task in guest mode sits in userspace() on its kernel stack.  Each turn
 * does the work owed before guest code may run (interrupts, rescheduling,
 * signals, host TLB flush), runs the guest through the engine until it
 * traps, and handles the trap: a system call through sys_call_table, a
 * page fault through handle_mm_fault, or a hardware exception as a guest
 * signal.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/mman.h>
#include <umk/irq.h>
#include <umk/arch.h>
#include <umk/syscalls.h>
#include <umk/signal.h>
#include <umk/timer.h>
#include <umk/oom.h>
#include <engine.h>

static unsigned long warned_syscalls[1024 / (8 * sizeof(unsigned long))];

static void warn_unimplemented(unsigned long nr)
{
	unsigned long bit = 1UL << (nr % (8 * sizeof(unsigned long)));
	unsigned long *word = &warned_syscalls[nr / (8 * sizeof(unsigned long))];

	if (nr >= 1024 || (*word & bit))
		return;
	*word |= bit;
	printk(KERN_DEBUG "%s[%d]: unimplemented system call %lu (%s)\n",
	       current->comm, current->pid, nr,
	       nr < nr_syscalls && sys_call_names[nr] ? sys_call_names[nr] : "?");
}

static void handle_syscall(struct uml_regs *regs)
{
	unsigned long nr = regs->orig_ax;
	syscall_fn_t fn = NULL;
	long ret;

	if (nr < nr_syscalls)
		fn = sys_call_table[nr];
	if (!fn) {
		warn_unimplemented(nr);
		regs->ax = -ENOSYS;
		return;
	}
	ret = fn(regs->di, regs->si, regs->dx, regs->r10, regs->r8, regs->r9);
	if (current->thread.syscall_nr != SYSCALL_SETS_REGS)
		regs->ax = ret;
	current->thread.syscall_nr = -1;
}

static void handle_fault(struct trap_info *trap)
{
	struct mm_struct *mm = current->mm;
	int code = SEGV_MAPERR, err;

	if (trap->code == SI_KERNEL || trap->addr >= TASK_SIZE) {
		/* A general protection fault, or an address the guest can never own. */
		force_sig_fault(SIGSEGV, trap->code == SI_KERNEL ? SI_KERNEL : SEGV_MAPERR,
				trap->code == SI_KERNEL ? 0 : trap->addr);
		return;
	}
	err = handle_mm_fault(mm, trap->addr, 0, &code);
	if (!err)
		return;
	if (err == -EIO)
		force_sig_fault(SIGBUS, BUS_ADRERR, trap->addr);
	else if (err == -ENOMEM) {
		/* Retry the access once the OOM killer's victim has exited. */
		if (!oom_wait_for_memory())
			force_sig_fault(SIGKILL, SI_KERNEL, 0);
	} else
		force_sig_fault(SIGSEGV, code, trap->addr);
}

static void handle_exception(struct trap_info *trap)
{
	force_sig_fault(trap->signo, trap->code, trap->addr);
}

/* Give the host process the FPU state of the task about to run on it. */
static void load_fpstate(struct task_struct *t, struct host_mm *hm)
{
	if (hm->regs_owner == t->pid && !t->thread.fp_valid)
		return;
	if (t->thread.fp_valid) {
		engine_set_fpstate(hm, &t->thread.fp);
		t->thread.fp_valid = false;
	}
	hm->regs_owner = t->pid;
}

int arch_save_fpstate(struct task_struct *t)
{
	struct host_mm *hm = &t->mm->context.host;
	int err;

	if (t->thread.fp_valid)
		return 0;
	err = engine_get_fpstate(hm, &t->thread.fp);
	if (!err)
		t->thread.fp_valid = true;
	return err;
}

/* Everything owed before guest code runs; loops until nothing is. */
static void exit_to_user_mode(void)
{
	for (;;) {
		do_pending_irqs();
		if (need_resched()) {
			schedule();
			continue;
		}
		if (signal_pending(current)) {
			do_signal();
			continue;
		}
		break;
	}
	syscall_restart_if_needed();
	tlb_flush(current->mm);
}

/*
 * CPU time: the time a task spends in engine_run is user time, the rest
 * of its time on the CPU, from one trap to the next run, is system time.
 */
static ktime_t account_enter_user(struct task_struct *t, ktime_t since)
{
	ktime_t now = ktime_get();

	t->stime_ns += now - since;
	return now;
}

void __noreturn userspace(void)
{
	struct trap_info trap;
	ktime_t mark = ktime_get();
	int err;

	for (;;) {
		struct task_struct *t = current;
		struct host_mm *hm;

		exit_to_user_mode();
		if (current->sched_in > mark)
			mark = current->sched_in;	/* time off the CPU is nobody's */
		hm = &t->mm->context.host;
		load_fpstate(t, hm);
		mark = account_enter_user(t, mark);
		err = engine_run(hm, &t->thread.regs, &trap);
		t->utime_ns += ktime_get() - mark;
		mark = ktime_get();
		if (err) {
			printk(KERN_ERR "%s[%d]: cannot run guest code: error %d\n",
			       t->comm, t->pid, err);
			do_group_exit(SIGKILL);
		}
		if (t->mm->users > 1)
			arch_save_fpstate(t);
		switch (trap.kind) {
		case TRAP_SYSCALL:
			t->thread.syscall_nr = t->thread.regs.orig_ax;
			handle_syscall(&t->thread.regs);
			break;
		case TRAP_FAULT:
			t->thread.regs.orig_ax = -1;
			handle_fault(&trap);
			break;
		case TRAP_SIGNAL:
			t->thread.regs.orig_ax = -1;
			handle_exception(&trap);
			break;
		case TRAP_INTERRUPT:
			t->thread.regs.orig_ax = -1;
			break;
		case TRAP_DIED:
			printk(KERN_ERR "%s[%d]: host process died (signal %d)\n",
			       t->comm, t->pid, trap.signo);
			do_group_exit(SIGKILL);
		}
	}
}

void userspace_entry(void *unused)
{
	userspace();
}
