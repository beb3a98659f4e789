// SPDX-License-Identifier: GPL-2.0
/* lib/cmdline.c: parse_size() as mem= and ubd sizes use it. */
#include "ktest.h"

static void cmdline_parse_size(struct ktest *t)
{
	static const struct {
		const char *s;
		int err;
		unsigned long long bytes;
	} cases[] = {
		{ "64M", 0, 67108864ULL },
		{ "64m", 0, 67108864ULL },
		{ "4096", 0, 4096 },
		{ "0", 0, 0 },
		{ "1k", 0, 1024 },
		{ "1K", 0, 1024 },
		{ "2G", 0, 2147483648ULL },
		{ "2g", 0, 2147483648ULL },
		{ "3T", 0, 3ULL << 40 },
		{ "1p", 0, 1ULL << 50 },
		{ "0x10M", 0, 16ULL << 20 },
		{ "16383P", 0, 16383ULL << 50 },
		{ "16384P", -ERANGE },
		{ "17179869184G", -ERANGE },
		{ "18446744073709551615", 0, 18446744073709551615ULL },
		{ "18446744073709551616", -ERANGE },
		{ "12Q", -EINVAL },
		{ "", -EINVAL },
		{ "M", -EINVAL },
		{ "64MB", -EINVAL },
		{ "64 M", -EINVAL },
		{ " 64M", -EINVAL },
		{ "-1M", -EINVAL },
		{ "1.5G", -EINVAL },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long v = 777;
		int err = parse_size(cases[i].s, &v);

		if (err != cases[i].err)
			ktest_fail(t, __FILE__, __LINE__, "parse_size(\"%s\") = %d, expected %d",
				   cases[i].s, err, cases[i].err);
		else if (!err && v != cases[i].bytes)
			ktest_fail(t, __FILE__, __LINE__, "parse_size(\"%s\") gave %llu, expected %llu",
				   cases[i].s, v, cases[i].bytes);
		else if (err && v != 777)
			ktest_fail(t, __FILE__, __LINE__, "parse_size(\"%s\") wrote on error",
				   cases[i].s);
	}
}

static const struct ktest_case cases[] = {
	KTEST_CASE(cmdline_parse_size),
	{}
};
KTEST_SUITE(lib_cmdline, cases);
