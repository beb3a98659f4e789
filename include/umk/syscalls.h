/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_SYSCALLS_H
#define _UMK_SYSCALLS_H

/*
 * System calls.  The table (arch/um/kernel/syscall_table.c) is generated
 * from the UAPI <asm/unistd_64.h>: __NR_foo calls sys_foo, declared weak, so
 * a subsystem implements a call just by defining
 *
 *	long sys_foo(<the Linux argument types>)
 *
 * in its own file.  A call nobody defines returns -ENOSYS.  Arguments
 * arrive as the guest passed them (rdi, rsi, rdx, r10, r8, r9); pointers
 * are guest addresses (__user) to be used only through uaccess.h.
 */
#include <umk/types.h>

typedef long (*syscall_fn_t)(unsigned long, unsigned long, unsigned long,
			     unsigned long, unsigned long, unsigned long);
extern const syscall_fn_t sys_call_table[];
extern const char *const sys_call_names[];
extern const unsigned int nr_syscalls;

#endif
