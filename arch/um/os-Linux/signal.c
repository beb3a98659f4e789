// SPDX-License-Identifier: GPL-2.0
/*
 * Host signals of the kernel process.  Handlers only record and wake:
 * SIGTERM/SIGINT/SIGHUP make an eventfd readable (an IRQ the kernel turns
 * into an orderly halt); a fault inside the kernel itself is a kernel bug
 * and ends the process with a message, on an alternate stack.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/ucontext.h>

#include <os.h>
#include "internal.h"

static int shutdown_efd = -1;
static int winch_efd = -1;
static volatile sig_atomic_t shutdown_sig;
static char altstack[32768] __attribute__((aligned(16)));

static void shutdown_handler(int sig)
{
	unsigned long long one = 1;
	int saved = errno;

	shutdown_sig = sig;
	(void)!write(shutdown_efd, &one, sizeof(one));
	errno = saved;
}

/* The host terminal was resized: the console lines re-read their size. */
static void winch_handler(int sig)
{
	unsigned long long one = 1;
	int saved = errno;

	(void)!write(winch_efd, &one, sizeof(one));
	errno = saved;
}

int os_winch_fd(void)
{
	return winch_efd;
}

void os_winch_ack(void)
{
	unsigned long long v;

	(void)!read(winch_efd, &v, sizeof(v));
}

static void fatal_handler(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	char buf[200];
	int n;

	n = snprintf(buf, sizeof(buf),
		     "Kernel panic - not syncing: kernel fault: signal %d at ip %#llx, address %p\n",
		     sig, (unsigned long long)uc->uc_mcontext.gregs[REG_RIP], si->si_addr);
	os_stderr_write(buf, n);
	os_abort();
}

int os_shutdown_fd(void)
{
	return shutdown_efd;
}

int os_shutdown_signal(void)
{
	unsigned long long v;
	int sig = shutdown_sig;

	(void)!read(shutdown_efd, &v, sizeof(v));
	shutdown_sig = 0;
	return sig;
}

int os_signals_init(void)
{
	struct sigaction sa;
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE };
	static const int stop[] = { SIGTERM, SIGINT, SIGHUP };
	unsigned int i;

	shutdown_efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	winch_efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (shutdown_efd < 0 || winch_efd < 0)
		return -errno;
	if (sigaltstack(&ss, NULL) < 0)
		return -errno;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(KICK_SIGNAL, &sa, NULL);

	sa.sa_handler = winch_handler;
	sigfillset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_flags = 0;

	sa.sa_handler = shutdown_handler;
	for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		sigaction(stop[i], &sa, NULL);

	sa.sa_sigaction = fatal_handler;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaction(fatal[i], &sa, NULL);
	return 0;
}
