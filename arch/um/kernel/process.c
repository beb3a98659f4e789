// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel stacks, context switches and the birth of tasks.
 *
 * Every task runs kernel code on its own stack of THREAD_SIZE bytes from
 * physical memory.  switch_to() swaps stacks (switch.S); a new task's
 * stack is built so that its first switch lands in new_task_trampoline,
 * which calls new_task_start() -> schedule_tail() -> the task's entry.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/mm.h>
#include <umk/arch.h>

struct task_struct *__switch_to(struct kernel_context *prev, struct kernel_context *next,
				struct task_struct *prev_task);
void new_task_trampoline(void);
void new_task_start(struct task_struct *prev);

#define THREAD_ORDER	CONFIG_KERNEL_STACK_ORDER
#define THREAD_SIZE	(PAGE_SIZE << THREAD_ORDER)

struct task_struct *__current_task;

void *alloc_thread_stack(void)
{
	return (void *)__get_free_pages(GFP_KERNEL, THREAD_ORDER);
}

void free_thread_stack(void *stack)
{
	free_pages((unsigned long)stack, THREAD_ORDER);
}

/*
 * Lay out p's stack so that switching to it pops six zeroed callee-saved
 * registers and returns into the trampoline.  The return address sits in
 * the top slot, so after the ret rsp is the (16-byte aligned) stack top
 * and the trampoline's call enters C with rsp % 16 == 8, as the ABI wants.
 */
void arch_setup_task(struct task_struct *p, void (*entry)(void *), void *arg)
{
	unsigned long *sp = (unsigned long *)((char *)p->stack + THREAD_SIZE);
	int i;

	*--sp = (unsigned long)new_task_trampoline;
	for (i = 0; i < 6; i++)
		*--sp = 0;
	p->thread.ctx.sp = (unsigned long)sp;
	p->thread.entry = entry;
	p->thread.entry_arg = arg;
}

struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next)
{
	__current_task = next;
	return __switch_to(&prev->thread.ctx, &next->thread.ctx, prev);
}

void new_task_start(struct task_struct *prev)
{
	struct task_struct *self = current;

	schedule_tail(prev);
	self->thread.entry(self->thread.entry_arg);
	panic("task %d returned from its entry", self->pid);
}

/* Rough stack-overflow tripwire: the lowest word of every stack. */
#define STACK_MAGIC 0x57ac6e9d1dea57acUL

void arch_stack_guard_set(struct task_struct *p)
{
	*(unsigned long *)p->stack = STACK_MAGIC;
}

void arch_stack_guard_check(struct task_struct *p)
{
	if (p->stack && *(unsigned long *)p->stack != STACK_MAGIC)
		panic("kernel stack overflow in task %d (%s)", p->pid, p->comm);
}
