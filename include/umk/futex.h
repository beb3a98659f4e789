/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_FUTEX_H
#define _UMK_FUTEX_H

/* kernel/futex.c: wake up to n waiters on guest address uaddr of current->mm. */
int futex_wake_addr(unsigned long uaddr, int n);

#endif
