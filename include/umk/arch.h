/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_ARCH_H
#define _UMK_ARCH_H

/*
 * What the generic kernel asks of arch/um: task stacks and switching, the
 * user-mode loop, signal frames, machine power control.
 */
#include <umk/types.h>
#include <umk/compiler.h>
#include <umk/signal.h>

struct task_struct;
struct k_sigaction;
struct uml_regs;

/* arch/um/kernel/process.c */
void *alloc_thread_stack(void);
void free_thread_stack(void *stack);
void arch_setup_task(struct task_struct *p, void (*entry)(void *), void *arg);
struct task_struct *switch_to(struct task_struct *prev, struct task_struct *next);
void arch_stack_guard_set(struct task_struct *p);
void arch_stack_guard_check(struct task_struct *p);
/* kernel/sched/core.c: first thing a new task runs (finishes the switch). */
void schedule_tail(struct task_struct *prev);

/* arch/um/kernel/trap.c: run the current task's guest code forever. */
void userspace(void) __noreturn;
void userspace_entry(void *unused);	/* task entry that calls userspace() */
/* Load or save the guest FPU state of the current task. */
int arch_save_fpstate(struct task_struct *t);

/* arch/um/kernel/signal.c */
int setup_rt_frame(int sig, siginfo_t *info, struct k_sigaction *ka, ksigset_t oldset);

/* arch/um/kernel/reboot.c */
void machine_halt(void) __noreturn;
void machine_power_off(void) __noreturn;
void machine_restart(void) __noreturn;
void machine_panic_exit(void) __noreturn;

/* arch/um/kernel/um_arch.c */
void start_kernel(void) __noreturn;		/* init/main.c */
void print_banner(void);			/* init/main.c */
void arch_idle_wait(void);			/* block until an IRQ */
void early_console_init(void);			/* early_console.c */
void time_early_init(void);			/* time.c: boot's clock origin */

#endif
