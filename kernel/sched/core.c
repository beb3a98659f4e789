// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler: one CPU, one round-robin run queue.
 *
 * The running task is not on the queue; schedule() puts it back at the tail
 * if it is still TASK_RUNNING and takes the head.  With nothing to run, the
 * idle task (pid 0, the boot context) waits for an interrupt.  The tick
 * runs only while some task wants the CPU and expires timeslices; a task
 * spinning in guest code is stopped by the same interrupt (engine kick).
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/arch.h>
#include <umk/irq.h>
#include <umk/timer.h>

#define TIMESLICE_TICKS	3
#define TICK_NSEC	(NSEC_PER_SEC / HZ)

struct task_struct init_task;
static LIST_HEAD(runqueue);
static bool resched;
static struct timer tick_timer;

static bool on_runqueue(struct task_struct *t)
{
	return !list_empty(&t->run_list);
}

static void enqueue(struct task_struct *t)
{
	if (t != &init_task && !on_runqueue(t))
		list_add_tail(&t->run_list, &runqueue);
}

bool need_resched(void)
{
	return resched;
}

void set_need_resched(void)
{
	resched = true;
}

static void tick_fn(struct timer *t)
{
	jiffies = ktime_get() / TICK_NSEC;
	sched_tick();
	if (current != &init_task || !list_empty(&runqueue))
		timer_add(&tick_timer, t->expires + TICK_NSEC);
}

static void tick_start(void)
{
	if (!tick_timer.pending)
		timer_add(&tick_timer, ktime_get() + TICK_NSEC);
}

void sched_tick(void)
{
	struct task_struct *t = current;

	if (t == &init_task)
		return;
	if (--t->timeslice <= 0 && !list_empty(&runqueue))
		resched = true;
}

void schedule_tail(struct task_struct *prev)
{
	if (prev && prev->state == TASK_DEAD && prev->exit_state == EXIT_DEAD) {
		release_dead_task(prev);
	}
}

void schedule(void)
{
	struct task_struct *prev = current, *next;

	resched = false;
	if (prev->state == TASK_RUNNING)
		enqueue(prev);
	if (list_empty(&runqueue)) {
		next = &init_task;
	} else {
		next = list_first_entry(&runqueue, struct task_struct, run_list);
		list_del_init(&next->run_list);
	}
	if (next == prev)
		return;
	if (next->timeslice <= 0)
		next->timeslice = TIMESLICE_TICKS;
	if (next != &init_task)
		tick_start();
	arch_stack_guard_check(prev);
	next->sched_in = ktime_get();
	prev = switch_to(prev, next);
	schedule_tail(prev);
}

void cond_resched(void)
{
	if (resched)
		schedule();
}

int wake_up_process(struct task_struct *t)
{
	if (t->state == TASK_RUNNING)
		return 0;
	if (t->state == TASK_DEAD)
		return 0;
	t->state = TASK_RUNNING;
	if (t != current)
		enqueue(t);
	return 1;
}

void wake_up_new_task(struct task_struct *t)
{
	t->state = TASK_RUNNING;
	t->timeslice = TIMESLICE_TICKS;
	enqueue(t);
}

static void sleep_timeout_fn(struct timer *timer)
{
	wake_up_process(container_of(timer, struct task_struct, sleep_timer));
}

/* Sleep in the state the caller set; returns ns left (0 on timeout). */
static ktime_t sleep_for(ktime_t ns)
{
	struct task_struct *t = current;
	ktime_t end = ktime_get() + ns, left;

	timer_init(&t->sleep_timer, sleep_timeout_fn);
	timer_add(&t->sleep_timer, end);
	schedule();
	timer_del(&t->sleep_timer);
	left = end - ktime_get();
	return left > 0 ? left : 0;
}

ktime_t schedule_timeout(ktime_t ns)
{
	if (ns < 0) {		/* forever */
		schedule();
		return 0;
	}
	return sleep_for(ns);
}

ktime_t schedule_timeout_interruptible(ktime_t ns)
{
	set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(ns);
}

/* The idle task: run whatever is runnable, else wait for an interrupt. */
void __noreturn cpu_idle(void)
{
	for (;;) {
		do_pending_irqs();
		if (!list_empty(&runqueue)) {
			schedule();
			continue;
		}
		arch_idle_wait();
	}
}

void sched_init(void)
{
	struct task_struct *t = &init_task;

	t->state = TASK_RUNNING;
	t->pid = 0;
	t->flags = PF_KTHREAD;
	strscpy(t->comm, "swapper", sizeof(t->comm));
	INIT_LIST_HEAD(&t->run_list);
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	INIT_LIST_HEAD(&t->tasks);
	INIT_LIST_HEAD(&t->thread_node);
	t->group_leader = t;
	__current_task = t;
	timer_init(&tick_timer, tick_fn);
}
