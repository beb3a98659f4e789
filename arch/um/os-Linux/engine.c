// SPDX-License-Identifier: GPL-2.0
/*
 * The ptrace execution engine.
 *
 * Each guest address space is a host process running the stub
 * (arch/um/stub/stub.c), traced with PTRACE_SYSEMU: a guest system call
 * stops before the host executes it, a fault stops as a signal, and the
 * kernel resumes the process with whatever registers it decides.  Mapping
 * changes run as one batch inside the stub (PTRACE_CONT to stub_batch,
 * which ends with int3).
 *
 * An interrupt (IRQ fd ready, timer expiry) while guest code runs is
 * delivered by irq.c sending KICK_SIGNAL to the running process, which
 * makes it stop; engine_run then reports TRAP_INTERRUPT.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <linux/elf.h>
#include <fcntl.h>

#include <engine.h>
#include <os.h>
#include <as-layout.h>
#include <stub-data.h>
#include "internal.h"

#ifndef PTRACE_SYSEMU
#define PTRACE_SYSEMU 31
#endif

static int engine_physmem_fd = -1;
static int stub_fd = -1;
static struct uml_regs initial_regs;
static struct uml_fpstate initial_fp;
static int have_initial;

_Static_assert(sizeof(struct uml_regs) == sizeof(struct user_regs_struct),
	       "uml_regs must match user_regs_struct");
_Static_assert(sizeof(struct uml_fpstate) == sizeof(struct user_fpregs_struct),
	       "uml_fpstate must match user_fpregs_struct");

static int wait_stopped(int pid, int *status)
{
	int ret;

	do {
		ret = waitpid(pid, status, __WALL);
	} while (ret < 0 && errno == EINTR);
	return ret < 0 ? -errno : 0;
}

/* Wait until the traced process stops with sig, swallowing kicks. */
static int wait_for_signal(int pid, int sig)
{
	int status, err;

	for (;;) {
		err = wait_stopped(pid, &status);
		if (err)
			return err;
		if (!WIFSTOPPED(status))
			return -ECHILD;
		if (WSTOPSIG(status) == sig)
			return 0;
		if (WSTOPSIG(status) != KICK_SIGNAL)
			return -EINVAL;
		if (ptrace(PTRACE_CONT, pid, 0, 0) < 0)
			return -errno;
	}
}

struct stub_start {
	int physmem_fd;
	unsigned long data_offset;
};

static char stub_child_stack[16384] __attribute__((aligned(16)));

/*
 * Runs in the new process (sharing our memory until it execs): become a
 * tracee, keep only the physical-memory fd, exec the stub.
 */
static int stub_child(void *arg)
{
	struct stub_start *st = arg;
	char fdbuf[20], offbuf[24];
	char *argv[] = { "umk-stub", fdbuf, offbuf, NULL };
	char *envp[] = { NULL };
	sigset_t none;
	int pm, sf;

	snprintf(fdbuf, sizeof(fdbuf), "%x", STUB_PHYSMEM_FD);
	snprintf(offbuf, sizeof(offbuf), "%lx", st->data_offset);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	setpgid(0, 0);			/* no terminal signals for guests */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0)
		_exit(126);
	/* Move both out of the way first: either may already be 3 or 4. */
	pm = fcntl(st->physmem_fd, F_DUPFD, 10);
	sf = fcntl(stub_fd, F_DUPFD, 10);
	if (pm < 0 || sf < 0 || dup2(pm, STUB_PHYSMEM_FD) < 0 ||
	    dup3(sf, STUB_PHYSMEM_FD + 1, O_CLOEXEC) < 0)
		_exit(125);
	/* Nothing else of ours, not even stdio, stays open in a guest process. */
	syscall(SYS_close_range, STUB_PHYSMEM_FD + 2, ~0U, 0);
	syscall(SYS_close_range, 0, STUB_PHYSMEM_FD - 1, 0);
	syscall(SYS_execveat, STUB_PHYSMEM_FD + 1, "", argv, envp, AT_EMPTY_PATH);
	_exit(127);
}

static int start_stub_process(unsigned long data_offset)
{
	struct stub_start st = { engine_physmem_fd, data_offset };
	int pid, err;

	pid = clone(stub_child, stub_child_stack + sizeof(stub_child_stack),
		    CLONE_VM | CLONE_VFORK | SIGCHLD, &st);
	if (pid < 0)
		return -errno;
	/* The exec stop, then the stub's own SIGSTOP once its page is mapped. */
	err = wait_for_signal(pid, SIGTRAP);
	if (!err && ptrace(PTRACE_SETOPTIONS, pid, 0,
			   PTRACE_O_EXITKILL | PTRACE_O_TRACESYSGOOD) < 0)
		err = -errno;
	if (!err && ptrace(PTRACE_CONT, pid, 0, 0) < 0)
		err = -errno;
	if (!err)
		err = wait_for_signal(pid, SIGSTOP);
	if (err) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, __WALL);
		return err;
	}
	return pid;
}

int engine_init(int physmem_fd, const void *stub_image, unsigned long stub_len)
{
	engine_physmem_fd = physmem_fd;
	stub_fd = memfd_create("umk-stub", MFD_CLOEXEC);
	if (stub_fd < 0)
		return -errno;
	if (write(stub_fd, stub_image, stub_len) != (ssize_t)stub_len)
		return -EIO;
	return 0;
}

static void capture_initial_state(int pid)
{
	if (have_initial)
		return;
	ptrace(PTRACE_GETREGS, pid, 0, &initial_regs);
	ptrace(PTRACE_GETFPREGS, pid, 0, &initial_fp);
	have_initial = 1;
}

/* Every live guest process, so that exit and re-exec leave none behind. */
static int *live_pids;
static int nr_live, max_live;

static void track_pid(int pid)
{
	if (nr_live == max_live) {
		int n = max_live ? max_live * 2 : 64;
		int *p = realloc(live_pids, n * sizeof(*p));

		if (!p)
			return;	/* PDEATHSIG and EXITKILL still cover it */
		live_pids = p;
		max_live = n;
	}
	live_pids[nr_live++] = pid;
}

static void untrack_pid(int pid)
{
	int i;

	for (i = 0; i < nr_live; i++)
		if (live_pids[i] == pid) {
			live_pids[i] = live_pids[--nr_live];
			return;
		}
}

/*
 * A destroyed mm's process is killed at once but reaped later: waiting for
 * the host to tear it down would put that on every exit's critical path.
 */
static int *dying_pids;
static int nr_dying, max_dying;

static void reap_dying(int flags)
{
	int i = 0;

	while (i < nr_dying) {
		int ret = waitpid(dying_pids[i], NULL, __WALL | flags);

		if (ret == 0 || (ret < 0 && errno == EINTR)) {
			i++;
			continue;
		}
		dying_pids[i] = dying_pids[--nr_dying];
	}
}

static void bury(int pid)
{
	if (nr_dying == max_dying) {
		int n = max_dying ? max_dying * 2 : 64;
		int *p = realloc(dying_pids, n * sizeof(*p));

		if (!p) {
			waitpid(pid, NULL, __WALL);
			return;
		}
		dying_pids = p;
		max_dying = n;
	}
	dying_pids[nr_dying++] = pid;
	reap_dying(WNOHANG);
}

void engine_kill_all(void)
{
	while (nr_live > 0) {
		int pid = live_pids[--nr_live];

		kill(pid, SIGKILL);
		while (waitpid(pid, NULL, __WALL) < 0 && errno == EINTR)
			;
	}
	reap_dying(0);
}

int engine_mm_create(struct host_mm *hm)
{
	int pid;

	reap_dying(WNOHANG);
	pid = start_stub_process(hm->data_offset);

	if (pid < 0)
		return pid;
	track_pid(pid);
	capture_initial_state(pid);
	hm->pid = pid;
	hm->regs_owner = 0;
	return 0;
}

void engine_mm_destroy(struct host_mm *hm)
{
	if (hm->pid <= 0)
		return;
	kill(hm->pid, SIGKILL);
	untrack_pid(hm->pid);
	bury(hm->pid);
	hm->pid = 0;
}

void engine_initial_regs(struct uml_regs *regs, struct uml_fpstate *fp)
{
	*regs = initial_regs;
	if (fp)
		*fp = initial_fp;
}

static void fill_fault(int pid, struct trap_info *trap, int sig)
{
	siginfo_t si;

	trap->signo = sig;
	trap->code = 0;
	trap->addr = 0;
	if (ptrace(PTRACE_GETSIGINFO, pid, 0, &si) == 0) {
		trap->code = si.si_code;
		trap->addr = (unsigned long)si.si_addr;
	}
}

static int decode_stop(struct host_mm *hm, int status, struct uml_regs *regs,
		       struct trap_info *trap)
{
	int pid = hm->pid, sig;

	if (!WIFSTOPPED(status)) {
		trap->kind = TRAP_DIED;
		trap->signo = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
		untrack_pid(pid);
		hm->pid = 0;
		return 0;
	}
	if (ptrace(PTRACE_GETREGS, pid, 0, regs) < 0)
		return -errno;
	sig = WSTOPSIG(status);
	switch (sig) {
	case SIGTRAP | 0x80:
		trap->kind = TRAP_SYSCALL;
		break;
	case SIGSEGV:
		trap->kind = TRAP_FAULT;
		fill_fault(pid, trap, sig);
		break;
	case KICK_SIGNAL:
	case SIGSTOP:
	case SIGCONT:
	case SIGWINCH:
		trap->kind = TRAP_INTERRUPT;
		break;
	default:
		trap->kind = TRAP_SIGNAL;
		fill_fault(pid, trap, sig);
		break;
	}
	return 0;
}

int engine_run(struct host_mm *hm, struct uml_regs *regs, struct trap_info *trap)
{
	int pid = hm->pid, status, err;

	if (pid <= 0) {
		trap->kind = TRAP_DIED;
		return 0;
	}
	regs->orig_ax = -1;	/* never let the host restart a call itself */
	if (ptrace(PTRACE_SETREGS, pid, 0, regs) < 0)
		return -errno;
	if (irq_enter_guest(pid)) {
		trap->kind = TRAP_INTERRUPT;
		return 0;
	}
	if (ptrace(PTRACE_SYSEMU, pid, 0, 0) < 0) {
		irq_leave_guest();
		return -errno;
	}
	err = wait_stopped(pid, &status);
	irq_leave_guest();
	if (err)
		return err;
	return decode_stop(hm, status, regs, trap);
}

int engine_flush(struct host_mm *hm)
{
	struct stub_data *data = hm->data;
	struct user_regs_struct regs;
	int pid = hm->pid, err;

	if (pid <= 0)
		return -ESRCH;
	if (!data->nr_ops)
		return 0;
	regs = *(struct user_regs_struct *)&initial_regs;
	regs.rip = STUB_CODE;
	regs.rsp = STUB_DATA + STUB_DATA_SIZE - 8;
	regs.orig_rax = -1;
	if (ptrace(PTRACE_SETREGS, pid, 0, &regs) < 0)
		return -errno;
	if (ptrace(PTRACE_CONT, pid, 0, 0) < 0)
		return -errno;
	err = wait_for_signal(pid, SIGTRAP);
	if (err)
		return err;
	err = data->err;
	data->nr_ops = 0;
	return err;
}

int engine_get_fpstate(struct host_mm *hm, struct uml_fpstate *fp)
{
	if (ptrace(PTRACE_GETFPREGS, hm->pid, 0, fp) < 0)
		return -errno;
	return 0;
}

int engine_set_fpstate(struct host_mm *hm, const struct uml_fpstate *fp)
{
	if (ptrace(PTRACE_SETFPREGS, hm->pid, 0, fp) < 0)
		return -errno;
	return 0;
}
