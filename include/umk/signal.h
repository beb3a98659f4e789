/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_SIGNAL_H
#define _UMK_SIGNAL_H

/* Guest signals: numbers and layouts of the Linux x86_64 ABI. */
#include <umk/types.h>
#include <umk/list.h>
#include <asm/signal.h>		/* SIGxxx, SA_xxx (UAPI) */
#include <asm/siginfo.h>	/* siginfo_t (UAPI) */
#include <linux/signal.h>	/* SS_AUTODISARM */

/* sigaltstack flags (the ABI's values; glibc, not the UAPI, names them). */
#define SS_ONSTACK	1
#define SS_DISABLE	2

/* The x86_64 stack_t, as sigaltstack(2) and ucontext carry it. */
struct guest_stack {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
};

#undef _NSIG
#define _NSIG		64
typedef unsigned long ksigset_t;	/* bit (sig - 1) */

#define sigmask(sig)	(1UL << ((sig) - 1))
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))

struct k_sigaction {
	void __user *handler;		/* SIG_DFL (0), SIG_IGN (1) or address */
	unsigned long flags;
	void __user *restorer;
	ksigset_t mask;
};


/* A queued signal (real-time signals queue; others collapse to one). */
struct sigqueue {
	struct list_head list;
	siginfo_t info;
};

struct sigpending {
	struct list_head list;
	ksigset_t signal;
};

struct task_struct;

/* kernel/signal.c */
int send_sig_info(int sig, siginfo_t *info, struct task_struct *t);
int send_sig(int sig, struct task_struct *t, int priv);	/* SI_KERNEL/SI_USER */
int kill_pid(pid_t pid, int sig, int priv);		/* whole thread group */
int kill_pgrp(pid_t pgrp, int sig, int priv);		/* every process in it */
void force_sig_fault(int sig, int code, unsigned long addr);	/* current */
bool signal_pending(struct task_struct *t);
bool fatal_signal_pending(struct task_struct *t);
/* Dequeue and act on pending signals before returning to user mode. */
void do_signal(void);
void flush_signal_handlers(struct task_struct *t);	/* exec */
void set_current_blocked(ksigset_t set);
void restore_altstack(unsigned long sp, unsigned long size, int flags);
/* After signal work: restart an interrupted system call if owed. */
void syscall_restart_if_needed(void);
/*
 * ppoll/pselect/epoll_pwait: install a temporary mask from the guest
 * (NULL = none); restore_saved_sigmask_unless(interrupted) puts the old mask
 * back now, or, when the call was interrupted, after the handler runs.
 */
int set_user_sigmask(const void __user *umask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);
/* The default action of a signal kills, ignores, stops or continues. */
bool sig_kernel_ignore(int sig);
int kill_everyone_sys(int sig);
int dequeue_signal_from(struct task_struct *t, ksigset_t mask, siginfo_t *info);	/* kill(-1, sig) */

#endif
