// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel-half part of the unit-test harness: failure reports, and the
 * printk/panic a test binary links against instead of kernel/printk.
 * Both are weak, so a suite that links the real kernel/printk/printk.c
 * (or its own panic) gets that one instead.
 */
#include "ktest.h"

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char buf[512];
	int n;
	va_list ap;

	n = snprintf(buf, sizeof(buf), "    # %s:%d: ", file, line);
	va_start(ap, fmt);
	n += vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n] = '\n';
	buf[n + 1] = '\0';
	ktest_print(buf);
	t->failures++;
}

#ifndef KTEST_REAL_PRINTK
__attribute__((weak)) int printk(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (ktest_verbose())
		ktest_print(buf);
	return n;
}

__attribute__((weak)) void panic(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ktest_print("Bail out! panic: ");
	ktest_print(buf);
	ktest_print("\n");
	ktest_abort();
}
#endif
