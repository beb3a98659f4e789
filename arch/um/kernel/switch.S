/*
 * Kernel context switch.
 *
 * struct task_struct *__switch_to(struct kernel_context *prev,
 *				   struct kernel_context *next,
 *				   struct task_struct *prev_task);
 *
 * Saves the callee-saved registers on the current kernel stack, stores
 * the stack pointer in prev->sp, loads next->sp and pops next's registers.
 * Returns prev_task (in the context of next), so the resumed code knows
 * which task it came from.  A new task's stack is laid out by
 * arch/um/kernel/process.c to "return" into new_task_trampoline.
 */
	.text
	.global __switch_to
	.type __switch_to, @function
__switch_to:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	movq	%rdx, %rax
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size __switch_to, .-__switch_to

/* First code of every new task: rax = the task we switched from. */
	.global new_task_trampoline
	.type new_task_trampoline, @function
new_task_trampoline:
	movq	%rax, %rdi
	xorl	%ebp, %ebp
	call	new_task_start
	ud2
	.size new_task_trampoline, .-new_task_trampoline

	.section .note.GNU-stack,"",@progbits
