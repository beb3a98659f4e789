/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _OS_LINUX_INTERNAL_H
#define _OS_LINUX_INTERNAL_H

/* Private to arch/um/os-Linux. */
#include <signal.h>

/* Sent to a running guest process to make it stop for an interrupt. */
#define KICK_SIGNAL	SIGVTALRM

/* irq.c: tell the IRQ watcher which guest to kick.  Returns nonzero (and
 * does not arm) when an interrupt is already pending. */
int irq_enter_guest(int pid);
void irq_leave_guest(void);

/* process.c */
void os_run_exit_hooks(void);
extern char **os_saved_argv;

#endif
