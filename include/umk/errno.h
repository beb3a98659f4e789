/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_ERRNO_H
#define _UMK_ERRNO_H

#include <linux/errno.h>

/* Kernel-internal codes, never seen by the guest (as in Linux). */
#define ERESTARTSYS	512	/* restart if SA_RESTART, else EINTR */
#define ERESTARTNOINTR	513	/* always restart */
#define ERESTARTNOHAND	514	/* restart if no handler ran */
#define ERESTART_RESTARTBLOCK 516

#define MAX_ERRNO	4095
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline int IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline int IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}

#endif
