// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kstrtox.c: the kstrto*() contract (whole string, one optional
 * trailing newline, C prefixes for base 0, -EINVAL / -ERANGE) and
 * simple_strtoul()'s "parse what is there".
 */
#include "ktest.h"

struct kstrto_case {
	const char *s;
	unsigned int base;
	int err;
	long long val;		/* expected when err == 0 */
};

static const struct kstrto_case ul_cases[] = {
	{ "0", 10, 0, 0 },
	{ "42", 10, 0, 42 },
	{ "+42", 10, 0, 42 },
	{ "42\n", 10, 0, 42 },
	{ "42\n\n", 10, -EINVAL },
	{ "42 ", 10, -EINVAL },
	{ " 42", 10, -EINVAL },
	{ "", 10, -EINVAL },
	{ "\n", 10, -EINVAL },
	{ "+", 10, -EINVAL },
	{ "-1", 10, -EINVAL },
	{ "4x2", 10, -EINVAL },
	{ "0x1f", 0, 0, 31 },
	{ "0X1F", 0, 0, 31 },
	{ "017", 0, 0, 15 },
	{ "08", 0, -EINVAL },
	{ "0", 0, 0, 0 },
	{ "0x", 0, -EINVAL },
	{ "0xg", 0, -EINVAL },
	{ "1f", 16, 0, 31 },
	{ "0x1f", 16, 0, 31 },
	{ "0x", 16, -EINVAL },
	{ "ff", 10, -EINVAL },
	{ "777", 8, 0, 511 },
	{ "8", 8, -EINVAL },
	{ "101", 2, 0, 5 },
	{ "18446744073709551615", 10, 0, -1 },
	{ "18446744073709551616", 10, -ERANGE },
	{ "99999999999999999999999", 10, -ERANGE },
	{ "0xffffffffffffffff", 0, 0, -1 },
	{ "0x10000000000000000", 0, -ERANGE },
	{ "12", 1, -EINVAL },
	{ "12", 17, -EINVAL },
};

static const struct kstrto_case l_cases[] = {
	{ "-42", 10, 0, -42 },
	{ "42", 10, 0, 42 },
	{ "+42", 10, 0, 42 },
	{ "-0", 10, 0, 0 },
	{ "-0x10", 0, 0, -16 },
	{ "-", 10, -EINVAL },
	{ "--1", 10, -EINVAL },
	{ "-+1", 10, -EINVAL },
	{ "+-1", 10, -EINVAL },
	{ "9223372036854775807", 10, 0, 9223372036854775807LL },
	{ "9223372036854775808", 10, -ERANGE },
	{ "-9223372036854775808", 10, 0, -9223372036854775807LL - 1 },
	{ "-9223372036854775809", 10, -ERANGE },
	{ "-5\n", 10, 0, -5 },
};

static const struct kstrto_case uint_cases[] = {
	{ "4294967295", 10, 0, 4294967295LL },
	{ "4294967296", 10, -ERANGE },
	{ "0xffffffff", 16, 0, 4294967295LL },
	{ "-1", 10, -EINVAL },
	{ "7\n", 0, 0, 7 },
};

static const struct kstrto_case int_cases[] = {
	{ "2147483647", 10, 0, 2147483647 },
	{ "2147483648", 10, -ERANGE },
	{ "-2147483648", 10, 0, -2147483647LL - 1 },
	{ "-2147483649", 10, -ERANGE },
	{ "x", 10, -EINVAL },
	{ "-010", 0, 0, -8 },
};

static void check(struct ktest *t, const char *fn, const struct kstrto_case *c,
		  int err, long long val, long long sentinel)
{
	if (err != c->err)
		ktest_fail(t, __FILE__, __LINE__, "%s(\"%s\", %u) = %d, expected %d",
			   fn, c->s, c->base, err, c->err);
	else if (!err && val != c->val)
		ktest_fail(t, __FILE__, __LINE__, "%s(\"%s\", %u) gave %lld, expected %lld",
			   fn, c->s, c->base, val, c->val);
	else if (err && val != sentinel)
		ktest_fail(t, __FILE__, __LINE__, "%s(\"%s\", %u) wrote the result on error",
			   fn, c->s, c->base);
}

static void kstrtox_ul(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ul_cases); i++) {
		unsigned long v = 12345;
		unsigned long long ull = 12345;
		int err = kstrtoul(ul_cases[i].s, ul_cases[i].base, &v);

		check(t, "kstrtoul", &ul_cases[i], err, (long long)v, 12345);
		err = kstrtoull(ul_cases[i].s, ul_cases[i].base, &ull);
		check(t, "kstrtoull", &ul_cases[i], err, (long long)ull, 12345);
	}
}

static void kstrtox_l(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(l_cases); i++) {
		long v = 12345;
		long long ll = 12345;
		int err = kstrtol(l_cases[i].s, l_cases[i].base, &v);

		check(t, "kstrtol", &l_cases[i], err, v, 12345);
		err = kstrtoll(l_cases[i].s, l_cases[i].base, &ll);
		check(t, "kstrtoll", &l_cases[i], err, ll, 12345);
	}
}

static void kstrtox_uint(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(uint_cases); i++) {
		unsigned int v = 12345;
		int err = kstrtouint(uint_cases[i].s, uint_cases[i].base, &v);

		check(t, "kstrtouint", &uint_cases[i], err, v, 12345);
	}
}

static void kstrtox_int(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(int_cases); i++) {
		int v = 12345;
		int err = kstrtoint(int_cases[i].s, int_cases[i].base, &v);

		check(t, "kstrtoint", &int_cases[i], err, v, 12345);
	}
}

static void kstrtox_simple(struct ktest *t)
{
	static const struct {
		const char *s;
		unsigned int base;
		unsigned long val;
		int end;		/* offset where parsing stopped */
	} cases[] = {
		{ "123abc", 10, 123, 3 },
		{ "0x1fz", 0, 31, 4 },
		{ "0x1f", 16, 31, 4 },
		{ "0755 rest", 0, 493, 4 },
		{ "0xg", 0, 0, 1 },
		{ "abc", 10, 0, 0 },
		{ "", 10, 0, 0 },
		{ "ff", 16, 255, 2 },
		{ "zz", 36, 35 * 36 + 35, 2 },
		{ "64M", 0, 64, 2 },
	};
	unsigned int i;
	char *end;
	long l;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long v = simple_strtoul(cases[i].s, &end, cases[i].base);

		if (v != cases[i].val || end - cases[i].s != cases[i].end)
			ktest_fail(t, __FILE__, __LINE__,
				   "simple_strtoul(\"%s\", %u) = %lu ending at %d, expected %lu at %d",
				   cases[i].s, cases[i].base, v, (int)(end - cases[i].s),
				   cases[i].val, cases[i].end);
	}
	KEXPECT_EQ(t, simple_strtoul("77", NULL, 8), 63);
	l = simple_strtol("-12x", &end, 10);
	KEXPECT_EQ(t, l, -12);
	KEXPECT_EQ(t, *end, 'x');
}

static const struct ktest_case cases[] = {
	KTEST_CASE(kstrtox_ul),
	KTEST_CASE(kstrtox_l),
	KTEST_CASE(kstrtox_uint),
	KTEST_CASE(kstrtox_int),
	KTEST_CASE(kstrtox_simple),
	{}
};
KTEST_SUITE(lib_kstrtox, cases);
