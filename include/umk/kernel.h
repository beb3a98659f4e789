/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_KERNEL_H
#define _UMK_KERNEL_H

#include <umk/compiler.h>
#include <umk/types.h>
#include <umk/errno.h>
#include <umk/string.h>
#include <umk/printk.h>

#define min(a, b)	({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b)	({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min_t(t, a, b)	min((t)(a), (t)(b))
#define max_t(t, a, b)	max((t)(a), (t)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)

#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define NSEC_PER_SEC	1000000000LL
#define NSEC_PER_MSEC	1000000LL
#define NSEC_PER_USEC	1000LL

/*
 * lib/vsprintf.c: the usual formats plus %pS-free kernel subset.  The two
 * names glibc also exports link as umk_* so the user half keeps glibc's.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
	__asm__("umk_vsnprintf");
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__asm__("umk_snprintf") __printf(3, 4);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);

/* lib/kstrtox.c: 0 or -EINVAL/-ERANGE; base 0 means C prefixes. */
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
unsigned long simple_strtoul(const char *s, char **endp, unsigned int base);
unsigned long long simple_strtoull(const char *s, char **endp, unsigned int base);
long simple_strtol(const char *s, char **endp, unsigned int base);
/*
 * lib/cmdline.c: parse "<number>[KMGT]" (binary units, either case).
 * Returns 0 and the byte count, or -EINVAL for anything else (including
 * trailing junk such as "12Q") and -ERANGE on overflow.
 */
int parse_size(const char *s, unsigned long long *bytes);

#endif
