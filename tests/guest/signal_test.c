/*
 * signal_test - process exit and signals: exit statuses, death by signal,
 * wait4/waitid and their options, SIGCHLD, kill() on a process group,
 * handlers and siginfo, masks and pending signals, EINTR, the alternate
 * stack, and sigreturn restoring every register (and the red zone) after a
 * handler that clobbers them.
 */
#include "gtest.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

static int child_status(void (*body)(void))
{
	int pid = gt_fork();

	if (pid == 0) {
		gt_no_core();
		body();
		_exit(0);
	}
	return gt_wait(pid);
}

static void exit_3(void) { exit(3); }
static void exit_261(void) { exit(256 + 5); }
static void exit_255(void) { _exit(255); }
static void exit_group_big(void) { syscall(SYS_exit_group, 0x1234); }
static void return_0(void) { }

static void test_exit_status(void)
{
	int st;

	st = child_status(exit_3);
	note("exit(3): %s", status_str(st));
	T_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 3, "WEXITSTATUS is 3");
	st = child_status(exit_261);
	note("exit(256 + 5): %s", status_str(st));
	T_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 5, "status keeps 8 bits");
	note("_exit(255): %s", status_str(child_status(exit_255)));
	note("exit_group(0x1234): %s", status_str(child_status(exit_group_big)));
	note("normal end: %s", status_str(child_status(return_0)));
}

static void die_pause(void) { for (;;) pause(); }
static void die_segv(void)
{
	volatile int *p = (volatile int *)(uintptr_t)8;

	asm volatile("" : "+r"(p));	/* keep the compiler from trapping */
	*p = 1;
}
static void die_abort(void) { abort(); }
static void die_ill(void) { asm volatile("ud2"); }
static void die_fpe(void)
{
	volatile int zero = 0;

	_exit(10 / zero);
}

static void test_killed_by(void)
{
	static const int sigs[] = { SIGKILL, SIGTERM, SIGINT, SIGUSR1, SIGHUP };
	int i, pid, st;

	for (i = 0; i < (int)GTEST_ARRAY_SIZE(sigs); i++) {
		pid = gt_fork();
		if (pid == 0)
			die_pause();
		kill(pid, sigs[i]);
		st = gt_wait(pid);
		note("kill(child, %s): %s", signame(sigs[i]), status_str(st));
		if (!WIFSIGNALED(st) || WTERMSIG(st) != sigs[i])
			fail("wrong status for %s", signame(sigs[i]));
	}
	note("write to address 8: %s", status_str(child_status(die_segv)));
	note("abort(): %s", status_str(child_status(die_abort)));
	note("ud2: %s", status_str(child_status(die_ill)));
	note("divide by zero: %s", status_str(child_status(die_fpe)));
}

static void test_wait_options(void)
{
	int p[2], pid, st;
	struct rusage ru;
	char c;

	if (T_OK(pipe(p)) == -1)
		return;
	pid = gt_fork();
	if (pid == 0) {
		close(p[1]);
		_exit(read(p[0], &c, 1) == 0 ? 6 : 7);
	}
	close(p[0]);
	T_EQ(waitpid(pid, &st, WNOHANG), 0);
	T_EQ(kill(pid, SIGSTOP), 0);
	T_TRUE(waitpid(pid, &st, WUNTRACED) == pid, "WUNTRACED reports the stop");
	note("status: %s", status_str(st));
	T_EQ(kill(pid, SIGCONT), 0);
	T_TRUE(waitpid(pid, &st, WCONTINUED) == pid, "WCONTINUED reports it");
	note("WIFCONTINUED: %s", WIFCONTINUED(st) ? "yes" : "no");
	close(p[1]);
	T_TRUE(wait4(pid, &st, 0, &ru) == pid, "wait4 reaps the child");
	note("status: %s", status_str(st));
	T_ERR(wait4(pid, &st, 0, &ru), ECHILD);
	T_ERR(waitpid(-1, &st, 0x1000), EINVAL);
}

static void test_waitid(void)
{
	siginfo_t si;
	int pid;

	pid = gt_fork();
	if (pid == 0)
		_exit(7);
	memset(&si, 0, sizeof(si));
	T_EQ(waitid(P_PID, pid, &si, WEXITED | WNOWAIT), 0);
	note("WNOWAIT: si_code=%s si_status=%d si_pid %s",
	     si.si_code == CLD_EXITED ? "CLD_EXITED" : "other", si.si_status,
	     si.si_pid == pid ? "matches" : "differs");
	memset(&si, 0, sizeof(si));
	T_EQ(waitid(P_ALL, 0, &si, WEXITED), 0);
	note("P_ALL: si_signo=%s si_code=%s si_status=%d", signame(si.si_signo),
	     si.si_code == CLD_EXITED ? "CLD_EXITED" : "other", si.si_status);

	pid = gt_fork();
	if (pid == 0)
		die_pause();
	memset(&si, 0xff, sizeof(si));
	T_EQ(waitid(P_PID, pid, &si, WEXITED | WNOHANG), 0);
	note("WNOHANG on a running child: si_pid=%d", si.si_pid);
	kill(pid, SIGTERM);
	T_EQ(waitid(P_PID, pid, &si, WEXITED), 0);
	note("killed: si_code=%s si_status=%s",
	     si.si_code == CLD_KILLED ? "CLD_KILLED" : "other",
	     signame(si.si_status));
	T_ERR(waitid(P_PID, pid, &si, WEXITED), ECHILD);
	T_ERR(waitid(P_PID, 1, &si, 0), EINVAL);
}

static volatile int chld_count, chld_code, chld_status;

static void chld_handler(int sig, siginfo_t *si, void *uc)
{
	chld_count++;
	chld_code = si->si_code;
	chld_status = si->si_status;
}

static void test_sigchld(void)
{
	struct sigaction sa = { .sa_sigaction = chld_handler,
				.sa_flags = SA_SIGINFO };
	sigset_t block, none;
	int pid, st;

	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, NULL);
	pid = gt_fork();
	if (pid == 0)
		_exit(7);
	sigemptyset(&none);
	T_ERR(sigsuspend(&none), EINTR);
	note("SIGCHLD handler ran %d time(s): si_code=%s si_status=%d",
	     chld_count, chld_code == CLD_EXITED ? "CLD_EXITED" : "other",
	     chld_status);
	T_TRUE(chld_count == 1, "SIGCHLD delivered once");
	st = gt_wait(pid);
	note("child: %s", status_str(st));

	/* With SIGCHLD ignored, children are reaped by the kernel. */
	signal(SIGCHLD, SIG_IGN);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	pid = gt_fork();
	if (pid == 0)
		_exit(1);
	T_ERR(waitpid(pid, &st, 0), ECHILD);
	signal(SIGCHLD, SIG_DFL);
}

/* In its own process group, kill(0, SIGUSR1) reaches the whole group. */
static void pgrp_child(void)
{
	int gc, st;

	if (setpgid(0, 0))
		_exit(20);
	gc = fork();
	if (gc == 0)
		for (;;)
			pause();
	signal(SIGUSR1, SIG_IGN);
	if (kill(0, SIGUSR1))
		_exit(21);
	if (waitpid(gc, &st, 0) != gc)
		_exit(22);
	_exit(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1 ? 0 : 23);
}

static void test_kill_pgrp(void)
{
	int st = child_status(pgrp_child);

	note("child that sent kill(0, SIGUSR1): %s", status_str(st));
	T_TRUE(st == 0, "grandchild in the group died of SIGUSR1, sender ignored it");
}

static void test_kill_errors(void)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };
	int pid, st;

	pid = gt_fork();
	if (pid == 0)
		die_pause();
	T_EQ(kill(pid, 0), 0);
	kill(pid, SIGKILL);
	st = gt_wait(pid);
	note("child: %s", status_str(st));
	T_ERR(kill(pid, 0), ESRCH);
	T_ERR(kill(getpid(), 1000), EINVAL);
	T_ERR(kill(getpid(), -1), EINVAL);
	T_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
	T_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
	T_ERR(sigaction(0, &sa, NULL), EINVAL);
	T_ERR(syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4), EINVAL);
}

static volatile int usr1_count, usr1_masked_self, usr1_masked_usr2;
static volatile siginfo_t usr1_info;

static void usr1_handler(int sig, siginfo_t *si, void *uc)
{
	sigset_t now;

	sigprocmask(SIG_SETMASK, NULL, &now);
	usr1_masked_self = sigismember(&now, SIGUSR1);
	usr1_masked_usr2 = sigismember(&now, SIGUSR2);
	usr1_info = *si;
	usr1_count++;
}

static void test_handler(void)
{
	struct sigaction sa = { .sa_sigaction = usr1_handler,
				.sa_flags = SA_SIGINFO };
	sigset_t now;

	sigaddset(&sa.sa_mask, SIGUSR2);
	sigaction(SIGUSR1, &sa, NULL);
	T_EQ(kill(getpid(), SIGUSR1), 0);
	T_TRUE(usr1_count == 1, "handler ran before kill() returned");
	note("si_signo=%s si_code=%s si_pid %s si_uid %s",
	     signame(usr1_info.si_signo),
	     usr1_info.si_code == SI_USER ? "SI_USER" : "other",
	     usr1_info.si_pid == getpid() ? "matches" : "differs",
	     usr1_info.si_uid == getuid() ? "matches" : "differs");
	T_TRUE(usr1_masked_self, "signal blocked inside its own handler");
	T_TRUE(usr1_masked_usr2, "sa_mask blocked inside the handler");
	sigprocmask(SIG_SETMASK, NULL, &now);
	T_TRUE(!sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2),
	       "mask restored after the handler");

	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &sa);
	T_TRUE(sa.sa_handler == SIG_DFL, "SA_RESETHAND restores SIG_DFL");
	T_EQ(usr1_count, 2);
}

static void test_mask_pending(void)
{
	struct sigaction sa = { .sa_sigaction = usr1_handler,
				.sa_flags = SA_SIGINFO };
	sigset_t block, pend;

	usr1_count = 0;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGRTMIN, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGRTMIN);
	sigprocmask(SIG_BLOCK, &block, NULL);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGRTMIN);
	kill(getpid(), SIGRTMIN);
	kill(getpid(), SIGRTMIN);
	T_EQ(usr1_count, 0);
	sigpending(&pend);
	T_TRUE(sigismember(&pend, SIGUSR1) && sigismember(&pend, SIGRTMIN),
	       "both pending while blocked");
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	note("deliveries after unblocking: %d (SIGUSR1 once, SIGRTMIN queued 3)",
	     usr1_count);
	T_EQ(usr1_count, 4);
	sigpending(&pend);
	T_TRUE(!sigismember(&pend, SIGUSR1), "nothing pending afterwards");
}

static void alrm_handler(int sig) { }

static void test_eintr(void)
{
	struct sigaction sa = { .sa_handler = alrm_handler };
	struct itimerval it = { .it_value = { 0, 50000 } };
	int p[2];
	char c;

	sigaction(SIGALRM, &sa, NULL);
	if (T_OK(pipe(p)) == -1)
		return;
	T_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	T_ERR(read(p[0], &c, 1), EINTR);
	T_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	T_ERR(pause(), EINTR);
}

static char altstack[65536];
static volatile int alt_on, alt_flag;

static void alt_handler(int sig)
{
	stack_t cur;
	char here;

	alt_on = &here >= altstack && &here < altstack + sizeof(altstack);
	sigaltstack(NULL, &cur);
	alt_flag = cur.ss_flags;
}

static void test_sigaltstack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;
	struct sigaction sa = { .sa_handler = alt_handler,
				.sa_flags = SA_ONSTACK };

	T_EQ(sigaltstack(&ss, NULL), 0);
	sigaction(SIGUSR2, &sa, NULL);
	raise(SIGUSR2);
	T_TRUE(alt_on, "handler ran on the alternate stack");
	T_TRUE(alt_flag & SS_ONSTACK, "sigaltstack reports SS_ONSTACK inside");
	T_EQ(sigaltstack(NULL, &old), 0);
	T_TRUE(old.ss_sp == altstack && old.ss_flags == 0, "stack still set, not on it");
	ss.ss_size = 100;
	T_ERR(sigaltstack(&ss, NULL), ENOMEM);
}

/*
 * regs_probe(out): set every general register, xmm0, xmm15 and the 128-byte
 * red zone below the stack pointer to known values, execute ud2, and store
 * what the registers hold after the SIGILL handler returned.  out[0..14]:
 * rax rbx rcx rdx rsi rdi rbp r8..r15; out[15], out[16]: xmm0, xmm15 (low
 * half); out[17..32]: the red-zone words.
 */
void regs_probe(unsigned long *out);
asm(".text\n"
    ".globl regs_probe\n"
    "regs_probe:\n"
    "	push %rbx\n push %rbp\n push %r12\n push %r13\n push %r14\n push %r15\n"
    "	push %rdi\n"
    "	.irp i,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
    "	movq $(0x3000+\\i), -(8*\\i)(%rsp)\n"
    "	.endr\n"
    "	mov $0x2001, %rax\n movq %rax, %xmm0\n"
    "	mov $0x2002, %rax\n movq %rax, %xmm15\n"
    "	mov $0x1001, %rax\n mov $0x1002, %rbx\n mov $0x1003, %rcx\n"
    "	mov $0x1004, %rdx\n mov $0x1005, %rsi\n mov $0x1006, %rdi\n"
    "	mov $0x1007, %rbp\n mov $0x1008, %r8\n mov $0x1009, %r9\n"
    "	mov $0x100a, %r10\n mov $0x100b, %r11\n mov $0x100c, %r12\n"
    "	mov $0x100d, %r13\n mov $0x100e, %r14\n mov $0x100f, %r15\n"
    "	ud2\n"
    "	lea -128(%rsp), %rsp\n"
    "	push %rax\n"
    "	mov 136(%rsp), %rax\n"
    "	mov %rbx, 8(%rax)\n mov %rcx, 16(%rax)\n mov %rdx, 24(%rax)\n"
    "	mov %rsi, 32(%rax)\n mov %rdi, 40(%rax)\n mov %rbp, 48(%rax)\n"
    "	mov %r8, 56(%rax)\n mov %r9, 64(%rax)\n mov %r10, 72(%rax)\n"
    "	mov %r11, 80(%rax)\n mov %r12, 88(%rax)\n mov %r13, 96(%rax)\n"
    "	mov %r14, 104(%rax)\n mov %r15, 112(%rax)\n"
    "	movq %xmm0, %rbx\n mov %rbx, 120(%rax)\n"
    "	movq %xmm15, %rbx\n mov %rbx, 128(%rax)\n"
    "	.irp i,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"
    "	mov (136-8*\\i)(%rsp), %rbx\n mov %rbx, (8*(16+\\i))(%rax)\n"
    "	.endr\n"
    "	pop %rbx\n mov %rbx, (%rax)\n"
    "	lea 128(%rsp), %rsp\n"
    "	pop %rdi\n"
    "	pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rbp\n pop %rbx\n"
    "	ret\n");

static volatile int ill_count, ill_code;

/* Skip the ud2, change rax and r12 through the ucontext, clobber the rest. */
static void ill_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	ill_count++;
	ill_code = si->si_code;
	uc->uc_mcontext.gregs[REG_RIP] += 2;
	uc->uc_mcontext.gregs[REG_RAX] = 0x1234;
	uc->uc_mcontext.gregs[REG_R12] = 0xabcd;
	asm volatile("pxor %%xmm0, %%xmm0\n pxor %%xmm15, %%xmm15\n"
		     "xor %%ecx, %%ecx\n xor %%edx, %%edx\n xor %%esi, %%esi\n"
		     "xor %%r8d, %%r8d\n xor %%r9d, %%r9d\n xor %%r10d, %%r10d\n"
		     "xor %%r11d, %%r11d\n"
		     ::: "xmm0", "xmm15", "rcx", "rdx", "rsi", "r8", "r9",
		     "r10", "r11", "memory");
}

static void test_sigreturn_regs(void)
{
	static const char *const names[] = {
		"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "r8", "r9",
		"r10", "r11", "r12", "r13", "r14", "r15", "xmm0", "xmm15",
	};
	struct sigaction sa = { .sa_sigaction = ill_handler,
				.sa_flags = SA_SIGINFO };
	unsigned long out[33], want;
	int i, bad = 0;

	sigaction(SIGILL, &sa, NULL);
	memset(out, 0, sizeof(out));
	regs_probe(out);
	note("SIGILL handler ran %d time(s), si_code=%s", ill_count,
	     ill_code == ILL_ILLOPN ? "ILL_ILLOPN" : "other");
	for (i = 0; i < 17; i++) {
		want = i == 0 ? 0x1234 : i == 11 ? 0xabcd :
		       i < 15 ? 0x1001 + i : 0x2001 + i - 15;
		if (out[i] != want) {
			note("%s = %#lx, expected %#lx", names[i], out[i], want);
			bad++;
		}
	}
	T_TRUE(bad == 0, "registers after sigreturn hold the frame's values");
	for (i = 0, bad = 0; i < 16; i++)
		bad += out[17 + i] != 0x3001UL + i;
	T_TRUE(bad == 0, "the 128-byte red zone survived the signal frame");
}

static const struct gtest_case cases[] = {
	{ "exit_status", test_exit_status },
	{ "killed_by", test_killed_by },
	{ "wait_options", test_wait_options },
	{ "waitid", test_waitid },
	{ "sigchld", test_sigchld },
	{ "kill_pgrp", test_kill_pgrp },
	{ "kill_errors", test_kill_errors },
	{ "handler", test_handler },
	{ "mask_pending", test_mask_pending },
	{ "eintr", test_eintr },
	{ "sigaltstack", test_sigaltstack },
	{ "sigreturn_regs", test_sigreturn_regs },
};
GTEST_MAIN(cases)
