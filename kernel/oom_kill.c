// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-memory killer.  When a guest page fault or a fork finds no
 * memory, the process holding the most resident memory is killed (init
 * never is), and the caller lets it run its exit so its memory comes back,
 * then retries.  Killing whoever happened to fault instead would let a
 * swarm of small processes starve init and panic the machine.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/mm.h>
#include <umk/mm_types.h>
#include <umk/oom.h>

static struct task_struct *select_victim(void)
{
	struct task_struct *t, *victim = NULL;
	unsigned long best = 0;

	list_for_each_entry(t, &task_list, tasks) {
		if (!thread_group_leader(t) || t->exit_state || !t->mm ||
		    t->tgid == 1 || (t->flags & PF_KTHREAD))
			continue;
		/* One already dying will give its memory back: wait for it. */
		if (fatal_signal_pending(t) || (t->flags & PF_EXITING))
			return t;
		if (!victim || t->mm->rss > best) {
			victim = t;
			best = t->mm->rss;
		}
	}
	return victim;
}

bool out_of_memory(void)
{
	struct task_struct *victim = select_victim();

	if (!victim)
		return false;
	if (!fatal_signal_pending(victim) && !(victim->flags & PF_EXITING)) {
		printk(KERN_ERR "Out of memory: Killed process %d (%s) total-vm:%lukB, rss:%lukB\n",
		       victim->tgid, victim->comm, victim->mm->total_vm * (PAGE_SIZE / 1024),
		       victim->mm->rss * (PAGE_SIZE / 1024));
		kill_pid(victim->tgid, SIGKILL, 1);
	}
	return true;
}

bool oom_wait_for_memory(void)
{
	if (!out_of_memory())
		return false;
	if (fatal_signal_pending(current))
		return true;	/* we are the victim: our exit frees it */
	/* Let the victim run its exit; we are still runnable. */
	set_need_resched();
	schedule();
	return true;
}
