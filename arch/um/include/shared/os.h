/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_OS_H
#define _UM_OS_H

/*
 * Host services for the kernel half, grouped by the os-Linux file that
 * implements them.  Plain C types only; every call returns -errno on
 * failure (EINTR is retried inside), never sets a visible errno.
 */

/* mem.c */
int os_create_physmem(unsigned long long size);	/* fd */
void *os_map_physmem(int fd, unsigned long long size);	/* NULL on failure */

/* time.c: all host time reads go through here. */
long long os_clock_monotonic_ns(void);
long long os_clock_realtime_ns(void);
int os_timer_create(void);			/* fd, an IRQ source */
int os_timer_arm(int fd, long long abs_monotonic_ns);	/* 0 disarms */
void os_timer_ack(int fd);

/* irq.c: epoll is the interrupt controller. */
#define OS_IRQ_READ	1
#define OS_IRQ_WRITE	2
#define OS_IRQ_HUP	4
int os_irq_init(void);
int os_irq_add(int fd, int events, void *data);
int os_irq_mod(int fd, int events, void *data);
int os_irq_del(int fd);
/* Wait up to timeout_ms (-1: forever) and call irq_dispatch for each ready fd. */
int os_irq_poll(int timeout_ms);
/* Nonzero when an IRQ source became ready since the last os_irq_poll(). */
int os_irq_pending(void);

/* process.c */
void os_exit(int status) __attribute__((noreturn));
/* Host-side cleanups (terminal modes, sockets) run by os_exit/os_abort/os_reexec. */
int os_atexit(void (*fn)(void));
void os_abort(void) __attribute__((noreturn));
void os_reexec(void) __attribute__((noreturn));	/* restart this binary, same argv */
void os_stderr_write(const char *s, unsigned long len);
void os_stdout_write(const char *s, unsigned long len);
/* Host auxiliary vector values the guest inherits (AT_HWCAP, AT_MINSIGSTKSZ...). */
unsigned long os_host_auxval(unsigned long type);
/* Kill every guest host process (before exit or re-exec). */
void engine_kill_all(void);
/* An fd that becomes readable when the host asks us to stop (SIGTERM, SIGINT, SIGHUP). */
int os_shutdown_fd(void);
int os_shutdown_signal(void);	/* which signal asked, 0 if none; clears it */
/* An fd that becomes readable when the host terminal is resized (SIGWINCH). */
int os_winch_fd(void);
void os_winch_ack(void);

/* affinity.c: keep the machine on one host CPU (hostcpu=). */
int os_pin_cpu(void);

/* umid.c */
int os_umid_setup(void);		/* create the umid dir and pid file */
void os_umid_remove(void);		/* remove them at clean exit */

/* signal.c: host signal handling of the kernel process itself. */
int os_signals_init(void);

#endif
