/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_IRQ_H
#define _UMK_IRQ_H

/*
 * Interrupts are host file descriptors in the engine's epoll set.  A
 * handler runs in kernel context (never in a host signal handler) when its
 * fd is ready, at the next safe point: before a task returns to guest
 * code, or in the idle loop.  Handlers must not sleep.
 */
#define IRQ_READ	1
#define IRQ_WRITE	2

typedef void (*irq_handler_t)(int fd, int events, void *data);

/* arch/um/kernel/irq.c */
int um_request_irq(int fd, int events, irq_handler_t handler, void *data);
int um_change_irq(int fd, int events);
void um_free_irq(int fd);
/* Run handlers for everything ready now (does not block). */
void do_pending_irqs(void);
void irq_init(void);			/* at boot */

#endif
