/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_KERN_UTIL_H
#define _UM_KERN_UTIL_H

/* Kernel-half entry points that the user half calls.  Plain C only. */

/* arch/um/kernel/um_arch.c: called once by main() on the host stack. */
int linux_main(int argc, char **argv, char **envp);

/* printk from the user half (kernel/printk/printk.c). */
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* arch/um/kernel/irq.c: run handlers for ready fds (never in signal context). */
void irq_dispatch(int fd, int events, void *data);

#endif
