/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_TYPES_H
#define _UMK_TYPES_H

/*
 * Kernel-half basic types.  Fixed-width types come from the UAPI headers;
 * everything else is defined here, never taken from glibc.
 */
#include <stddef.h>
#include <stdbool.h>
#include <stdarg.h>
#include <linux/types.h>
#include <asm/posix_types.h>

typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s8 s8;
typedef __s16 s16;
typedef __s32 s32;
typedef __s64 s64;

typedef long ssize_t;
typedef long long loff_t;
typedef __kernel_pid_t pid_t;
typedef __kernel_uid32_t uid_t;
typedef __kernel_gid32_t gid_t;
typedef unsigned int mode_t;
typedef unsigned int umode_t;
typedef u32 dev_t;
typedef u64 ino_t;
typedef unsigned long phys_addr_t;
typedef long long ktime_t;		/* nanoseconds */
typedef long time64_t;
typedef __kernel_clockid_t clockid_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

/* The guest ABI encoding of a dev_t (as in stat.st_rdev). */
static inline u64 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((u64)(minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u64 dev)
{
	unsigned int major = (dev & 0xfff00) >> 8;
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);

	return MKDEV(major, minor);
}

#endif
