// SPDX-License-Identifier: GPL-2.0
/*
 * epoll as the interrupt controller.
 *
 * Every IRQ source is an fd in one epoll set.  The kernel thread collects
 * ready fds with os_irq_poll() at safe points and calls irq_dispatch() for
 * each.  While a guest process runs, the kernel thread is blocked in
 * waitpid() and cannot look: a watcher thread sleeps in poll() on the
 * epoll fd, and when it becomes ready marks an interrupt pending and kicks
 * the running guest with KICK_SIGNAL, which makes waitpid() return.  The
 * watcher then waits (futex) until the kernel has handled the interrupts.
 *
 * The pending flag and the kick target follow the classic two-flag
 * handshake: the kernel publishes the guest pid before checking pending,
 * the watcher publishes pending before reading the pid, so either the
 * kernel sees the interrupt or the watcher kicks the guest (a kick that
 * lands on an already stopped guest only causes one spurious stop).
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sys/epoll.h>
#include <sys/syscall.h>

#include <os.h>
#include <kern_util.h>
#include "internal.h"

static int epoll_fd = -1;
static int irq_pending_flag;	/* watcher -> kernel */
static int kick_pid;		/* kernel -> watcher: guest running, or 0 */

static void futex_wait_while(int *addr, int val)
{
	syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, val, NULL, NULL, 0);
}

static void futex_wake_all(int *addr)
{
	syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL, 0);
}

static void *irq_watcher(void *unused)
{
	struct pollfd pfd = { .fd = epoll_fd, .events = POLLIN };
	sigset_t all;
	int pid;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	for (;;) {
		if (poll(&pfd, 1, -1) <= 0)
			continue;
		__atomic_store_n(&irq_pending_flag, 1, __ATOMIC_SEQ_CST);
		pid = __atomic_load_n(&kick_pid, __ATOMIC_SEQ_CST);
		if (pid > 0)
			kill(pid, KICK_SIGNAL);
		while (__atomic_load_n(&irq_pending_flag, __ATOMIC_SEQ_CST))
			futex_wait_while(&irq_pending_flag, 1);
	}
	return NULL;
}

int os_irq_init(void)
{
	pthread_t thread;
	pthread_attr_t attr;
	int err;

	epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (epoll_fd < 0)
		return -errno;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&thread, &attr, irq_watcher, NULL);
	pthread_attr_destroy(&attr);
	return -err;
}

static unsigned int to_epoll(int events)
{
	unsigned int e = 0;

	if (events & OS_IRQ_READ)
		e |= EPOLLIN | EPOLLRDHUP;
	if (events & OS_IRQ_WRITE)
		e |= EPOLLOUT;
	return e;
}

static int irq_ctl(int op, int fd, int events, void *data)
{
	struct epoll_event ev = { .events = to_epoll(events), .data.ptr = data };

	if (epoll_ctl(epoll_fd, op, fd, &ev) < 0)
		return -errno;
	return 0;
}

int os_irq_add(int fd, int events, void *data)
{
	return irq_ctl(EPOLL_CTL_ADD, fd, events, data);
}

int os_irq_mod(int fd, int events, void *data)
{
	return irq_ctl(EPOLL_CTL_MOD, fd, events, data);
}

int os_irq_del(int fd)
{
	if (epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, NULL) < 0)
		return -errno;
	return 0;
}

int os_irq_pending(void)
{
	return __atomic_load_n(&irq_pending_flag, __ATOMIC_SEQ_CST);
}

int os_irq_poll(int timeout_ms)
{
	struct epoll_event evs[32];
	int n, i;

	n = epoll_wait(epoll_fd, evs, 32, timeout_ms);
	if (n < 0 && errno != EINTR)
		return -errno;
	/* Acknowledge before dispatching: a source that becomes ready again
	 * while its handler runs re-arms the watcher. */
	__atomic_store_n(&irq_pending_flag, 0, __ATOMIC_SEQ_CST);
	futex_wake_all(&irq_pending_flag);
	for (i = 0; i < n; i++) {
		int events = 0;

		if (evs[i].events & (EPOLLIN | EPOLLRDHUP))
			events |= OS_IRQ_READ;
		if (evs[i].events & EPOLLOUT)
			events |= OS_IRQ_WRITE;
		if (evs[i].events & (EPOLLHUP | EPOLLERR))
			events |= OS_IRQ_HUP | OS_IRQ_READ;
		irq_dispatch(-1, events, evs[i].data.ptr);
	}
	return n > 0 ? n : 0;
}

int irq_enter_guest(int pid)
{
	__atomic_store_n(&kick_pid, pid, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&irq_pending_flag, __ATOMIC_SEQ_CST)) {
		__atomic_store_n(&kick_pid, 0, __ATOMIC_SEQ_CST);
		return 1;
	}
	return 0;
}

void irq_leave_guest(void)
{
	__atomic_store_n(&kick_pid, 0, __ATOMIC_SEQ_CST);
}
