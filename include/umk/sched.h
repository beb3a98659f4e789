/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_SCHED_H
#define _UMK_SCHED_H

/*
 * Tasks.  Every guest thread is a task_struct with its own kernel stack in
 * physical memory; the kernel switches between them with switch_to().  A
 * task running guest code is, for the kernel, a task sitting in
 * engine_run() on its own stack.
 */
#include <umk/kernel.h>
#include <umk/list.h>
#include <umk/wait.h>
#include <umk/signal.h>
#include <umk/timer.h>
#include <engine.h>

/* Task states, as in Linux. */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define __TASK_STOPPED		0x0004
#define TASK_DEAD		0x0080
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define EXIT_ZOMBIE		0x0020
#define EXIT_DEAD		0x0010

#define TASK_COMM_LEN		16

struct mm_struct;
struct files_struct;
struct tty_struct;
struct itimer_real;

struct vfork_done {
	bool done;
	struct wait_queue_head wq;
};
struct fs_struct;

/*
 * How to go on with a call that returned -ERESTART_RESTARTBLOCK when no
 * handler ran: the guest re-enters through restart_syscall(2), which calls
 * fn.  Used by relative sleeps, which must resume with the time left.
 */
struct restart_block {
	long (*fn)(struct restart_block *rb);
	ktime_t expires;		/* absolute, on clock */
	clockid_t clock;
	void __user *rmtp;
};

/* Saved kernel context for switch_to (arch/um/kernel/switch.S). */
struct kernel_context {
	unsigned long sp;
};

/* Architecture part: the guest's registers while it is in the kernel. */
struct thread_struct {
	struct uml_regs regs;
	struct uml_fpstate fp;
	bool fp_valid;			/* fp holds live state (else in host) */
	struct kernel_context ctx;
	void (*entry)(void *);		/* kernel threads and new tasks */
	void *entry_arg;
	int syscall_nr;			/* in a system call, else -1 */
};

/* Shared by the threads of one process. */
struct signal_struct {
	int count;
	struct k_sigaction action[_NSIG];	/* sighand, shared too */
	struct wait_queue_head wait_chldexit;	/* parents in wait4 */
	pid_t pgrp, session;
	int group_exit_code;
	bool group_exiting;
	int stop_signal;		/* the signal that stopped the group */
	bool stop_reported;		/* wait4 WUNTRACED saw the stop */
	bool continued;			/* for WCONTINUED */
	struct tty_struct *tty;			/* controlling tty */
	struct itimer_real *real_timer;		/* setitimer/alarm */
	struct { unsigned long cur, max; } rlim[16];
	u64 utime_ns, stime_ns, cutime_ns, cstime_ns;
};

struct cred {
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	int ngroups;
	gid_t groups[32];
};

struct task_struct {
	long state;
	int exit_state;			/* EXIT_ZOMBIE/EXIT_DEAD */
	pid_t pid, tgid;
	char comm[TASK_COMM_LEN];
	unsigned int flags;		/* PF_* */

	struct task_struct *real_parent;	/* after reparenting: init */
	struct task_struct *group_leader;
	struct list_head children, sibling;
	struct list_head tasks;		/* all tasks */
	struct list_head run_list;	/* runqueue */
	struct list_head thread_node;	/* threads of the group */
	struct hlist_node pid_node;	/* pid hash */

	struct mm_struct *mm;		/* NULL for kernel threads */
	struct files_struct *files;
	struct fs_struct *fs;
	struct signal_struct *signal;
	struct cred cred;

	ksigset_t blocked, saved_sigmask;
	bool restore_sigmask;
	struct sigpending pending;
	unsigned long sas_ss_sp, sas_ss_size;	/* sigaltstack */
	int sas_ss_flags;
	struct vfork_done *vfork_done;	/* parent waiting in vfork */
	int exit_code;			/* wait status once a zombie */
	int exit_signal;		/* sent to the parent at exit (SIGCHLD) */
	int pdeath_signal;		/* sent to us when our parent exits */
	unsigned long clear_child_tid, set_child_tid;

	struct restart_block restart_block;
	u64 utime_ns, stime_ns;		/* accounted at traps and switches */
	ktime_t sched_in;		/* when it last got the CPU */
	ktime_t start_time;
	int timeslice;			/* ticks left */
	struct timer sleep_timer;

	void *stack;			/* kernel stack base */
	struct thread_struct thread;
};

#define PF_KTHREAD	0x00200000
#define PF_EXITING	0x00000004
#define PF_VFORK_DONE	0x00001000

/* The running task.  A per-CPU accessor, so that SMP can come later. */
extern struct task_struct *__current_task;
static inline struct task_struct *get_current(void)
{
	return __current_task;
}
#define current get_current()

#define set_current_state(s)	(current->state = (s))
#define __set_current_state(s)	(current->state = (s))

/* kernel/sched/core.c */
void sched_init(void);
void cpu_idle(void) __noreturn;		/* the boot context becomes the idle task */
void schedule(void);
int wake_up_process(struct task_struct *t);	/* 1 if it was asleep */
void wake_up_new_task(struct task_struct *t);
void sched_tick(void);			/* from the timer interrupt */
bool need_resched(void);
void set_need_resched(void);
void cond_resched(void);
/* Sleep; 0 on timeout, remaining ns if woken early. */
ktime_t schedule_timeout(ktime_t ns);
ktime_t schedule_timeout_interruptible(ktime_t ns);

/* kernel/pid.c */
struct task_struct *find_task_by_pid(pid_t pid);
pid_t alloc_pid(void);
void free_pid(pid_t pid);
void attach_pid(struct task_struct *t);
void detach_pid(struct task_struct *t);
extern struct list_head task_list;	/* all tasks (tasks member) */
extern struct task_struct *init_task_ptr;	/* pid 1 */

/* kernel/kthread.c */
struct task_struct *kthread_create(void (*fn)(void *), void *arg, const char *name);
void free_task(struct task_struct *p);
void put_signal_struct(struct signal_struct *sig);
void init_rlimits(struct signal_struct *sig);	/* kernel/sys.c */
/* Release a vfork parent: the child exec'd or is exiting. */
void mm_release_vfork(struct task_struct *t);
/* The task switched away from for the last time (kernel/exit.c). */
void release_dead_task(struct task_struct *t);

/*
 * A system call that installs a whole register set (rt_sigreturn, a
 * successful execve) sets thread.syscall_nr to this, so the dispatcher does
 * not overwrite rax with the return value.
 */
#define SYSCALL_SETS_REGS	(-2)

/* kernel/exit.c and kernel/fork.c */
void itimer_release(struct signal_struct *sig);	/* kernel/time/time.c */
void do_exit(int code) __noreturn;
void do_group_exit(int code) __noreturn;
long do_fork(unsigned long flags, unsigned long newsp, int __user *ptid,
	     int __user *ctid, unsigned long tls);

static inline pid_t task_pgrp_nr(struct task_struct *t)
{
	return t->signal->pgrp;
}

static inline pid_t task_session_nr(struct task_struct *t)
{
	return t->signal->session;
}

static inline bool thread_group_leader(struct task_struct *t)
{
	return t->group_leader == t;
}

#endif
