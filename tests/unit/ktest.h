/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KTEST_H
#define _KTEST_H

/*
 * Host-built unit tests for kernel-half code.  A suite is compiled with the
 * kernel half's flags (so it sees kernel headers, not glibc) and linked
 * with the code under test and tests/unit/harness_user.c, which provides
 * main(), output and a flat memory arena.  Output is TAP.
 *
 *	static void page_alloc_order0(struct ktest *t) { KEXPECT_EQ(t, 1, 1); }
 *	static const struct ktest_case cases[] = {
 *		KTEST_CASE(page_alloc_order0), {}
 *	};
 *	KTEST_SUITE(page_alloc, cases);
 */
#include <umk/kernel.h>

struct ktest {
	const char *name;
	int failures;
};

struct ktest_case {
	const char *name;
	void (*fn)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	int (*init)(void);	/* optional, once before the cases */
};

#define KTEST_CASE(fn)	{ #fn, fn }
#define KTEST_SUITE(sname, cs) \
	const struct ktest_suite ktest_suite = { #sname, cs, NULL }
#define KTEST_SUITE_INIT(sname, cs, initfn) \
	const struct ktest_suite ktest_suite = { #sname, cs, initfn }

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);

#define KEXPECT_TRUE(t, c) do { if (!(c)) \
	ktest_fail(t, __FILE__, __LINE__, "expected %s", #c); } while (0)
#define KEXPECT_FALSE(t, c) KEXPECT_TRUE(t, !(c))
#define KEXPECT_EQ(t, a, b) do {					\
	long long _a = (long long)(a), _b = (long long)(b);		\
	if (_a != _b)							\
		ktest_fail(t, __FILE__, __LINE__, "%s == %lld, expected %s == %lld", \
			   #a, _a, #b, _b);				\
} while (0)
#define KEXPECT_NE(t, a, b) do {					\
	long long _a = (long long)(a), _b = (long long)(b);		\
	if (_a == _b)							\
		ktest_fail(t, __FILE__, __LINE__, "%s == %s == %lld", #a, #b, _a); \
} while (0)
#define KEXPECT_STREQ(t, a, b) do {					\
	const char *_a = (a), *_b = (b);				\
	if (!_a || !_b || strcmp(_a, _b))				\
		ktest_fail(t, __FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", \
			   #a, _a ? _a : "(null)", _b ? _b : "(null)"); \
} while (0)

/* Host services for tests (harness_user.c). */
void *ktest_arena(unsigned long size);	/* page-aligned zeroed memory */
void ktest_print(const char *s);
int ktest_verbose(void);			/* UNIT_VERBOSE set in the environment */
void ktest_abort(void) __noreturn;

#endif
