/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_UACCESS_H
#define _UMK_UACCESS_H

/*
 * Access to the current task's guest memory.  The kernel owns the guest
 * page tables and maps all physical memory, so a copy is a page-table walk
 * plus memcpy; no host system call is made.  Pages not yet present are
 * faulted in exactly as a guest access would.
 */
#include <umk/types.h>
#include <umk/compiler.h>
#include <as-layout.h>

/* mm/uaccess.c: return the number of bytes NOT copied (0 = success). */
unsigned long copy_from_user(void *dst, const void __user *src, unsigned long n);
unsigned long copy_to_user(void __user *dst, const void *src, unsigned long n);
unsigned long clear_user(void __user *dst, unsigned long n);
/* Length of the copied string (without NUL), -EFAULT, or count if truncated. */
long strncpy_from_user(char *dst, const char __user *src, long count);
/* Length including the NUL, 0 on fault, > n if longer than n. */
long strnlen_user(const char __user *s, long n);

static inline bool access_ok(const void __user *p, unsigned long n)
{
	unsigned long a = (unsigned long)p;

	return a <= TASK_SIZE && n <= TASK_SIZE - a;
}

/* Scalars and pointers only; "+ 0" drops a const qualifier. */
#define get_user(x, ptr) ({						\
	__typeof__(*(ptr) + 0) __gu_v;					\
	int __gu_e = copy_from_user(&__gu_v, (ptr), sizeof(__gu_v)) ? -EFAULT : 0; \
	(x) = __gu_e ? (__typeof__(*(ptr) + 0))0 : __gu_v;			\
	__gu_e; })

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __pu_v = (x);				\
	copy_to_user((ptr), &__pu_v, sizeof(__pu_v)) ? -EFAULT : 0; })

#endif
