// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c against hand-written expected strings.  Each expectation
 * was worked out from C99 7.19.6.1 (fprintf): precision is the minimum
 * number of digits and zero with precision 0 prints nothing, '0' is
 * ignored with '-' or a precision, '+' beats ' ', '#' gives 0x only for a
 * non-zero value and a leading 0 for octal, a negative '*' width means
 * '-', a negative '*' precision means none.
 */
#include "ktest.h"

enum arg_type { A_INT, A_UINT, A_LONG, A_ULONG, A_LLONG, A_ULLONG, A_SIZE,
		A_SSIZE, A_PTRDIFF, A_STR, A_PTR, A_CHAR };

struct fmt_case {
	const char *fmt;
	enum arg_type type;
	long long i;		/* integer-like arguments */
	const void *p;		/* A_STR / A_PTR */
	const char *want;
};

#define I(f, v, w)	{ f, A_INT, (v), NULL, w }
#define U(f, v, w)	{ f, A_UINT, (v), NULL, w }
#define L(f, v, w)	{ f, A_LONG, (v), NULL, w }
#define UL(f, v, w)	{ f, A_ULONG, (long long)(v), NULL, w }
#define LL(f, v, w)	{ f, A_LLONG, (v), NULL, w }
#define ULL(f, v, w)	{ f, A_ULLONG, (long long)(v), NULL, w }
#define S(f, v, w)	{ f, A_STR, 0, (v), w }
#define P(f, v, w)	{ f, A_PTR, 0, (const void *)(v), w }
#define C(f, v, w)	{ f, A_CHAR, (v), NULL, w }

static const struct fmt_case fmt_cases[] = {
	/* %d %i: sign, width, flags, precision */
	I("%d", 0, "0"),
	I("%d", -1, "-1"),
	I("%d", 2147483647, "2147483647"),
	I("%d", -2147483647 - 1, "-2147483648"),
	I("%i", 42, "42"),
	I("%5d", 42, "   42"),
	I("%-5d|", 42, "42   |"),
	I("%05d", 42, "00042"),
	I("%05d", -42, "-0042"),
	I("%+d", 42, "+42"),
	I("%+d", -42, "-42"),
	I("% d", 42, " 42"),
	I("% d", -42, "-42"),
	I("%+ d", 42, "+42"),
	I("% 5d", 42, "   42"),
	I("% 05d", 42, " 0042"),
	I("%.3d", 7, "007"),
	I("%.0d", 0, ""),
	I("%5.0d|", 0, "     |"),
	I("%+.0d", 0, "+"),
	I("%8.3d", -7, "    -007"),
	I("%-8.3d|", -7, "-007    |"),
	I("%08.3d", 7, "     007"),
	I("%-05d|", 7, "7    |"),
	I("%1d", 12345, "12345"),
	I("%x", 255, "ff"),
	/* unsigned conversions */
	U("%u", 4294967295u, "4294967295"),
	I("%u", -1, "4294967295"),
	U("%x", 255, "ff"),
	U("%X", 0xabcdef, "ABCDEF"),
	U("%#x", 255, "0xff"),
	U("%#X", 255, "0XFF"),
	U("%#x", 0, "0"),
	U("%#08x", 255, "0x0000ff"),
	U("%#8x", 255, "    0xff"),
	U("%#-8x|", 255, "0xff    |"),
	U("%#.4x", 255, "0x00ff"),
	U("%+x", 255, "ff"),
	U("% u", 5, "5"),
	U("%o", 8, "10"),
	U("%#o", 8, "010"),
	U("%#o", 0, "0"),
	U("%#.0o", 0, "0"),
	U("%#.3o", 8, "010"),
	U("%#5o", 8, "  010"),
	U("%.0x", 0, ""),
	/* length modifiers */
	I("%hhd", 255, "-1"),
	I("%hhu", 256 + 65, "65"),
	I("%hhx", 0x1ff, "ff"),
	I("%hd", 65535, "-1"),
	I("%hu", 65537, "1"),
	I("%hx", 0x12345, "2345"),
	L("%ld", -9223372036854775807L - 1, "-9223372036854775808"),
	L("%li", 1234567890123L, "1234567890123"),
	UL("%lu", 18446744073709551615UL, "18446744073709551615"),
	UL("%lx", 0x100000000UL, "100000000"),
	LL("%lld", -9223372036854775807LL - 1, "-9223372036854775808"),
	ULL("%llx", 0xdeadbeefcafebabeULL, "deadbeefcafebabe"),
	ULL("%llX", 0xdeadbeefcafebabeULL, "DEADBEEFCAFEBABE"),
	ULL("%llo", 18446744073709551615ULL, "1777777777777777777777"),
	ULL("%llu", 10000000000000000000ULL, "10000000000000000000"),
	{ "%zu", A_SIZE, -1, NULL, "18446744073709551615" },
	{ "%zx", A_SIZE, 4096, NULL, "1000" },
	{ "%zd", A_SSIZE, -5, NULL, "-5" },
	{ "%td", A_PTRDIFF, -3, NULL, "-3" },
	LL("%jd", -9, "-9"),
	ULL("%ju", 10, "10"),
	/* %c */
	C("%c", 'A', "A"),
	C("%3c", 'A', "  A"),
	C("%-3c|", 'A', "A  |"),
	C("[%c]", 0x100 + 'z', "[z]"),
	/* %s */
	S("%s", "hello", "hello"),
	S("%10s", "hello", "     hello"),
	S("%-10s|", "hello", "hello     |"),
	S("%.3s", "hello", "hel"),
	S("%10.3s", "hello", "       hel"),
	S("%-6.2s|", "hello", "he    |"),
	S("%.0s", "hello", ""),
	S("%.10s", "hi", "hi"),
	S("%2s", "hello", "hello"),
	S("%s", NULL, "(null)"),
	S("%s", "", ""),
	S("<%3s>", "", "<   >"),
	/* %p */
	P("%p", 0x1234, "0x1234"),
	P("%p", 0, "0x0"),
	P("%p", 0xffff888012345678UL, "0xffff888012345678"),
	P("%18p", 0xffff88801234UL, "    0xffff88801234"),
	P("%-10p|", 0x10, "0x10      |"),
	/* %% and the unknown */
	I("%%", 0, "%"),
	I("100%%", 0, "100%"),
	I("%d%%", 5, "5%"),
	I("%y", 0, "%y"),
	I("%-5k|", 0, "%-5k|"),
	I("x%", 0, "x%"),
	P("a%nb", 0, "ab"),
	I("plain text", 0, "plain text"),
	I("", 0, ""),
};

static int fmt_one(char *buf, size_t size, const struct fmt_case *c)
{
	switch (c->type) {
	case A_INT:	return snprintf(buf, size, c->fmt, (int)c->i);
	case A_UINT:	return snprintf(buf, size, c->fmt, (unsigned int)c->i);
	case A_LONG:	return snprintf(buf, size, c->fmt, (long)c->i);
	case A_ULONG:	return snprintf(buf, size, c->fmt, (unsigned long)c->i);
	case A_LLONG:	return snprintf(buf, size, c->fmt, c->i);
	case A_ULLONG:	return snprintf(buf, size, c->fmt, (unsigned long long)c->i);
	case A_SIZE:	return snprintf(buf, size, c->fmt, (size_t)c->i);
	case A_SSIZE:	return snprintf(buf, size, c->fmt, (ssize_t)c->i);
	case A_PTRDIFF:	return snprintf(buf, size, c->fmt, (ptrdiff_t)c->i);
	case A_STR:	return snprintf(buf, size, c->fmt, (const char *)c->p);
	case A_PTR:	return snprintf(buf, size, c->fmt, c->p);
	case A_CHAR:	return snprintf(buf, size, c->fmt, (int)c->i);
	}
	return -1;
}

static void vsprintf_formats(struct ktest *t)
{
	unsigned int i;
	char buf[64];

	for (i = 0; i < ARRAY_SIZE(fmt_cases); i++) {
		const struct fmt_case *c = &fmt_cases[i];
		int n;

		memset(buf, '#', sizeof(buf));
		n = fmt_one(buf, sizeof(buf), c);
		if (strcmp(buf, c->want) || n != (int)strlen(c->want))
			ktest_fail(t, __FILE__, __LINE__,
				   "case %u \"%s\": got \"%s\" (%d), expected \"%s\" (%d)",
				   i, c->fmt, buf, n, c->want, (int)strlen(c->want));
	}
}

/* Every case again into a buffer one byte too short: C99 return value. */
static void vsprintf_truncated(struct ktest *t)
{
	unsigned int i;
	char buf[64];

	for (i = 0; i < ARRAY_SIZE(fmt_cases); i++) {
		const struct fmt_case *c = &fmt_cases[i];
		size_t len = strlen(c->want);
		int n;

		if (!len)
			continue;
		memset(buf, '#', sizeof(buf));
		n = fmt_one(buf, len, c);
		if (n != (int)len || strncmp(buf, c->want, len - 1) ||
		    buf[len - 1] != '\0' || buf[len] != '#')
			ktest_fail(t, __FILE__, __LINE__,
				   "case %u \"%s\" in %zu bytes: got \"%s\" (%d)",
				   i, c->fmt, len, buf, n);
	}
}

static void vsprintf_star(struct ktest *t)
{
	static const struct {
		const char *fmt;
		int a, b;
		const char *want;
	} cases[] = {
		{ "%*d", 5, 42, "   42" },
		{ "%*d|", -5, 42, "42   |" },
		{ "%.*d", 3, 7, "007" },
		{ "%.*d", -1, 7, "7" },
		{ "%.*d", 0, 0, "" },
		{ "%0*d", 4, 7, "0007" },
		{ "%-*d|", 3, 1, "1  |" },
	};
	unsigned int i;
	char buf[32];

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		snprintf(buf, sizeof(buf), cases[i].fmt, cases[i].a, cases[i].b);
		if (strcmp(buf, cases[i].want))
			ktest_fail(t, __FILE__, __LINE__, "\"%s\" with %d, %d: \"%s\", expected \"%s\"",
				   cases[i].fmt, cases[i].a, cases[i].b, buf, cases[i].want);
	}
	snprintf(buf, sizeof(buf), "%*.*s|", 6, 2, "hello");
	KEXPECT_STREQ(t, buf, "    he|");
	snprintf(buf, sizeof(buf), "%-*s|", 4, "ab");
	KEXPECT_STREQ(t, buf, "ab  |");
	snprintf(buf, sizeof(buf), "%*c", 3, 'x');
	KEXPECT_STREQ(t, buf, "  x");
}

static void vsprintf_mixed(struct ktest *t)
{
	static const char abc[3] = { 'a', 'b', 'c' };	/* no NUL */
	char buf[64];
	int n;

	n = snprintf(buf, sizeof(buf), "%s=%d (%#x)%c %lu", "x", 10, 10, '!', 3UL);
	KEXPECT_STREQ(t, buf, "x=10 (0xa)! 3");
	KEXPECT_EQ(t, n, 13);
	n = snprintf(buf, sizeof(buf), "[%5lu.%06lu] %s", 12UL, 3456UL, "boot");
	KEXPECT_STREQ(t, buf, "[   12.003456] boot");
	/* A precision bounds the read of an unterminated array. */
	n = snprintf(buf, sizeof(buf), "%.3s|", abc);
	KEXPECT_STREQ(t, buf, "abc|");
	/* %c of NUL stores the NUL and counts it. */
	n = snprintf(buf, sizeof(buf), "a%cb", 0);
	KEXPECT_EQ(t, n, 3);
	KEXPECT_TRUE(t, !memcmp(buf, "a\0b", 4));
}

static void vsprintf_return_values(struct ktest *t)
{
	char buf[16];

	memset(buf, '#', sizeof(buf));
	KEXPECT_EQ(t, snprintf(buf, 5, "hello world"), 11);
	KEXPECT_STREQ(t, buf, "hell");
	KEXPECT_EQ(t, buf[5], '#');
	KEXPECT_EQ(t, snprintf(NULL, 0, "%d", 12345), 5);
	buf[0] = '#';
	KEXPECT_EQ(t, snprintf(buf, 0, "abc"), 3);
	KEXPECT_EQ(t, buf[0], '#');
	KEXPECT_EQ(t, snprintf(buf, 1, "abc"), 3);
	KEXPECT_EQ(t, buf[0], '\0');
	KEXPECT_EQ(t, snprintf(buf, 6, "hello"), 5);
	KEXPECT_STREQ(t, buf, "hello");
	KEXPECT_EQ(t, scnprintf(buf, 5, "hello world"), 4);
	KEXPECT_STREQ(t, buf, "hell");
	KEXPECT_EQ(t, scnprintf(buf, 0, "hello"), 0);
	KEXPECT_EQ(t, scnprintf(buf, 1, "hello"), 0);
	KEXPECT_EQ(t, scnprintf(buf, sizeof(buf), "hi"), 2);
	KEXPECT_EQ(t, scnprintf(buf, 6, "hello"), 5);
}

static void vsprintf_va(struct ktest *t, const char *want, const char *fmt, ...)
{
	char buf[32];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, 8, fmt, ap);
	va_end(ap);
	if (strncmp(buf, want, 7) || n != (int)min(strlen(want), (size_t)7))
		ktest_fail(t, __FILE__, __LINE__, "vscnprintf(\"%s\"): \"%s\" (%d)",
			   fmt, buf, n);
	/* The caller's va_list must be reusable: vsnprintf copies it. */
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	KEXPECT_STREQ(t, buf, want);
	KEXPECT_EQ(t, n, strlen(want));
}

static void vsprintf_vlist(struct ktest *t)
{
	vsprintf_va(t, "1 two 3", "%d %s %c", 1, "two", '3');
	vsprintf_va(t, "-100000 0x10", "%ld %p", -100000L, (void *)16);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(vsprintf_formats),
	KTEST_CASE(vsprintf_truncated),
	KTEST_CASE(vsprintf_star),
	KTEST_CASE(vsprintf_mixed),
	KTEST_CASE(vsprintf_return_values),
	KTEST_CASE(vsprintf_vlist),
	{}
};
KTEST_SUITE(lib_vsprintf, cases);
