// SPDX-License-Identifier: GPL-2.0
/*
 * lib/string.c and include/umk/ctype.h.  Expected values follow the C
 * standard's definitions (strcmp compares as unsigned char, strchr finds
 * the terminating NUL, strstr with an empty needle returns the haystack).
 */
#include "ktest.h"
#include <umk/mm.h>
#include <umk/ctype.h>

/* kstrdup's allocator: a bump allocator over the harness arena. */
static char *arena;
static size_t arena_used;
#define ARENA_SIZE	(64 * 1024)

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p;

	if (!arena)
		arena = ktest_arena(ARENA_SIZE);
	if (arena_used + size > ARENA_SIZE)
		return NULL;
	p = arena + arena_used;
	arena_used += ALIGN(size, 16);
	return p;
}

void kfree(const void *p)
{
}

static int sign(int v)
{
	return v < 0 ? -1 : v > 0;
}

static void string_memmove(struct ktest *t)
{
	static const struct {
		int dst, src, n;
		const char *want;
	} cases[] = {
		{ 2, 0, 5, "ababcdehijklmnop" },	/* overlap, dst above src */
		{ 0, 2, 5, "cdefgfghijklmnop" },
		{ 0, 8, 4, "ijklefghijklmnop" },	/* disjoint */
		{ 3, 3, 6, "abcdefghijklmnop" },	/* in place */
		{ 1, 0, 0, "abcdefghijklmnop" },	/* nothing */
		{ 1, 0, 15, "aabcdefghijklmno" },	/* whole buffer, by one */
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		char buf[17] = "abcdefghijklmnop";
		char *r = memmove(buf + cases[i].dst, buf + cases[i].src, cases[i].n);

		KEXPECT_TRUE(t, r == buf + cases[i].dst);
		if (memcmp(buf, cases[i].want, strlen(cases[i].want)))
			ktest_fail(t, __FILE__, __LINE__,
				   "memmove(+%d, +%d, %d) gave \"%s\", expected \"%s\"",
				   cases[i].dst, cases[i].src, cases[i].n, buf,
				   cases[i].want);
	}
}

static void string_memcpy_memset(struct ktest *t)
{
	char buf[64], src[64];
	unsigned int i, n;

	for (i = 0; i < sizeof(src); i++)
		src[i] = i * 7 + 1;
	for (n = 0; n <= sizeof(buf); n += 9) {
		memset(buf, 0x5a, sizeof(buf));
		KEXPECT_TRUE(t, memcpy(buf, src, n) == buf);
		for (i = 0; i < sizeof(buf); i++)
			if (buf[i] != (i < n ? src[i] : 0x5a))
				ktest_fail(t, __FILE__, __LINE__,
					   "memcpy of %u bytes: byte %u wrong", n, i);
	}
	memset(buf, 0x5a, sizeof(buf));
	KEXPECT_TRUE(t, memset(buf, 0x1ff, 10) == buf);
	for (i = 0; i < 10; i++)
		KEXPECT_EQ(t, (unsigned char)buf[i], 0xff);
	KEXPECT_EQ(t, (unsigned char)buf[10], 0x5a);
	/* The direction flag must be clear again after a backward memmove. */
	memmove(buf + 1, buf, 8);
	memcpy(buf, "xyz", 4);
	KEXPECT_STREQ(t, buf, "xyz");
}

static void string_memcmp_memchr(struct ktest *t)
{
	static const struct {
		const char *a, *b;
		int n, want;
	} cases[] = {
		{ "abc", "abd", 3, -1 },
		{ "abc", "abd", 2, 0 },
		{ "abd", "abc", 3, 1 },
		{ "\x80", "\x7f", 1, 1 },	/* bytes compare unsigned */
		{ "", "", 0, 0 },
	};
	unsigned int i;
	const char *s = "hello\0world";

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		if (sign(memcmp(cases[i].a, cases[i].b, cases[i].n)) != cases[i].want)
			ktest_fail(t, __FILE__, __LINE__, "memcmp(\"%s\", \"%s\", %d) != %d",
				   cases[i].a, cases[i].b, cases[i].n, cases[i].want);
	KEXPECT_TRUE(t, memchr(s, 'w', 11) == s + 6);
	KEXPECT_TRUE(t, memchr(s, 0, 11) == s + 5);
	KEXPECT_TRUE(t, memchr(s, 'w', 6) == NULL);
	KEXPECT_TRUE(t, memchr(s, 'h' + 256, 5) == s);
}

static void string_strlen(struct ktest *t)
{
	static const struct {
		const char *s;
		size_t max, len, nlen;
	} cases[] = {
		{ "", 5, 0, 0 },
		{ "a", 5, 1, 1 },
		{ "hello", 5, 5, 5 },
		{ "hello world", 5, 11, 5 },
		{ "hello", 0, 5, 0 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		if (strlen(cases[i].s) != cases[i].len)
			ktest_fail(t, __FILE__, __LINE__, "strlen(\"%s\") != %zu",
				   cases[i].s, cases[i].len);
		if (strnlen(cases[i].s, cases[i].max) != cases[i].nlen)
			ktest_fail(t, __FILE__, __LINE__, "strnlen(\"%s\", %zu) != %zu",
				   cases[i].s, cases[i].max, cases[i].nlen);
	}
}

static void string_strcmp(struct ktest *t)
{
	static const struct {
		const char *a, *b;
		size_t n;
		int cmp, ncmp;
	} cases[] = {
		{ "abc", "abc", 3, 0, 0 },
		{ "abc", "abd", 2, -1, 0 },
		{ "abd", "abc", 3, 1, 1 },
		{ "ab", "abc", 3, -1, -1 },
		{ "abc", "ab", 2, 1, 0 },
		{ "", "a", 1, -1, -1 },
		{ "\xe9", "e", 1, 1, 1 },	/* unsigned char order */
		{ "x", "y", 0, -1, 0 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		if (sign(strcmp(cases[i].a, cases[i].b)) != cases[i].cmp)
			ktest_fail(t, __FILE__, __LINE__, "strcmp(\"%s\", \"%s\") != %d",
				   cases[i].a, cases[i].b, cases[i].cmp);
		if (sign(strncmp(cases[i].a, cases[i].b, cases[i].n)) != cases[i].ncmp)
			ktest_fail(t, __FILE__, __LINE__, "strncmp(\"%s\", \"%s\", %zu) != %d",
				   cases[i].a, cases[i].b, cases[i].n, cases[i].ncmp);
	}
}

static void string_search(struct ktest *t)
{
	static const char s[] = "a/b//c.d";
	static const struct {
		const char *hay, *needle;
		int want;		/* offset, -1 = NULL */
	} strstr_cases[] = {
		{ "hello world", "world", 6 },
		{ "hello world", "o", 4 },
		{ "hello", "", 0 },
		{ "", "", 0 },
		{ "", "a", -1 },
		{ "aaab", "aab", 1 },
		{ "hello", "hellos", -1 },
	};
	unsigned int i;

	KEXPECT_TRUE(t, strchr(s, '/') == s + 1);
	KEXPECT_TRUE(t, strrchr(s, '/') == s + 4);
	KEXPECT_TRUE(t, strchr(s, 0) == s + 8);
	KEXPECT_TRUE(t, strrchr(s, 0) == s + 8);
	KEXPECT_TRUE(t, strchr(s, 'z') == NULL);
	KEXPECT_TRUE(t, strrchr(s, 'z') == NULL);
	for (i = 0; i < ARRAY_SIZE(strstr_cases); i++) {
		const char *h = strstr_cases[i].hay;
		const char *r = strstr(h, strstr_cases[i].needle);
		int got = r ? (int)(r - h) : -1;

		if (got != strstr_cases[i].want)
			ktest_fail(t, __FILE__, __LINE__, "strstr(\"%s\", \"%s\") at %d, expected %d",
				   h, strstr_cases[i].needle, got, strstr_cases[i].want);
	}
	KEXPECT_EQ(t, strspn("  \tab c", " \t"), 3);
	KEXPECT_EQ(t, strspn("abc", ""), 0);
	KEXPECT_EQ(t, strcspn("abc,def", ",;"), 3);
	KEXPECT_EQ(t, strcspn("abcdef", ",;"), 6);
}

static void string_strsep(struct ktest *t)
{
	static const char *const want[] = { "a", "", "b", "c d", "" };
	char buf[] = "a,,b;c d;";
	char *p = buf, *tok;
	unsigned int i = 0;

	while ((tok = strsep(&p, ",;"))) {
		if (i >= ARRAY_SIZE(want)) {
			ktest_fail(t, __FILE__, __LINE__, "extra token \"%s\"", tok);
			break;
		}
		KEXPECT_STREQ(t, tok, want[i]);
		i++;
	}
	KEXPECT_EQ(t, i, ARRAY_SIZE(want));
	KEXPECT_TRUE(t, p == NULL);
	KEXPECT_TRUE(t, strsep(&p, ",") == NULL);
}

static void string_strscpy(struct ktest *t)
{
	static const struct {
		const char *src;
		size_t size;
		ssize_t ret;
		const char *want;
	} cases[] = {
		{ "hello", 10, 5, "hello" },
		{ "hello", 6, 5, "hello" },
		{ "hello", 5, -E2BIG, "hell" },
		{ "hello", 1, -E2BIG, "" },
		{ "", 1, 0, "" },
	};
	unsigned int i;
	char buf[16];

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		ssize_t r;

		memset(buf, 'X', sizeof(buf));
		r = strscpy(buf, cases[i].src, cases[i].size);
		if (r != cases[i].ret || strcmp(buf, cases[i].want))
			ktest_fail(t, __FILE__, __LINE__,
				   "strscpy(\"%s\", %zu) = %zd \"%s\", expected %zd \"%s\"",
				   cases[i].src, cases[i].size, r, buf,
				   cases[i].ret, cases[i].want);
	}
	buf[0] = 'X';
	KEXPECT_EQ(t, strscpy(buf, "abc", 0), -E2BIG);
	KEXPECT_EQ(t, buf[0], 'X');
}

static void string_copy_concat(struct ktest *t)
{
	char buf[16];

	memset(buf, 'X', sizeof(buf));
	KEXPECT_TRUE(t, strcpy(buf, "abc") == buf);
	KEXPECT_STREQ(t, buf, "abc");
	KEXPECT_EQ(t, buf[4], 'X');
	KEXPECT_TRUE(t, strcat(buf, "de") == buf);
	KEXPECT_STREQ(t, buf, "abcde");
	KEXPECT_TRUE(t, strncat(buf, "fghij", 2) == buf);
	KEXPECT_STREQ(t, buf, "abcdefg");
	strncat(buf, "h", 5);
	KEXPECT_STREQ(t, buf, "abcdefgh");
	/* strncpy pads with NULs, and leaves no NUL when src fills n. */
	memset(buf, 'X', sizeof(buf));
	KEXPECT_TRUE(t, strncpy(buf, "ab", 5) == buf);
	KEXPECT_TRUE(t, !memcmp(buf, "ab\0\0\0X", 6));
	memset(buf, 'X', sizeof(buf));
	strncpy(buf, "abcdef", 3);
	KEXPECT_TRUE(t, !memcmp(buf, "abcX", 4));
	KEXPECT_STREQ(t, strpbrk("key=val,x", ",="), "=val,x");
	KEXPECT_TRUE(t, strpbrk("abc", "xyz") == NULL);
	KEXPECT_TRUE(t, strpbrk("abc", "") == NULL);
}

static void string_kstrdup(struct ktest *t)
{
	char *p = kstrdup("umk kernel");
	char *q = kstrndup("umk kernel", 3);
	char *r = kstrndup("ab", 10);

	KEXPECT_STREQ(t, p, "umk kernel");
	KEXPECT_STREQ(t, q, "umk");
	KEXPECT_STREQ(t, r, "ab");
	KEXPECT_TRUE(t, kstrdup(NULL) == NULL);
	KEXPECT_STREQ(t, skip_spaces(" \t\n x "), "x ");
	KEXPECT_STREQ(t, skip_spaces("x"), "x");
}

static void string_ctype(struct ktest *t)
{
	/* One letter per class, in the order of the checks below. */
	static const struct {
		int c;
		const char *classes;	/* d s a n x u l p */
	} cases[] = {
		{ '0', "d..nx..p" },
		{ '9', "d..nx..p" },
		{ 'a', "..anx.lp" },
		{ 'F', "..anxu.p" },
		{ 'g', "..an..lp" },
		{ 'Z', "..an.u.p" },
		{ ' ', ".s.....p" },
		{ '\t', ".s......" },
		{ '\r', ".s......" },
		{ '\v', ".s......" },
		{ '_', ".......p" },
		{ '~', ".......p" },
		{ 0x7f, "........" },
		{ 0, "........" },
		{ 0xe9, "........" },
		{ (char)0xa0, "........" },
		{ '/', ".......p" },
		{ ':', ".......p" },
		{ '@', ".......p" },
		{ '[', ".......p" },
		{ '`', ".......p" },
		{ '{', ".......p" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		int c = cases[i].c;
		char got[9] = {
			isdigit(c) ? 'd' : '.', isspace(c) ? 's' : '.',
			isalpha(c) ? 'a' : '.', isalnum(c) ? 'n' : '.',
			isxdigit(c) ? 'x' : '.', isupper(c) ? 'u' : '.',
			islower(c) ? 'l' : '.', isprint(c) ? 'p' : '.', 0
		};

		if (strcmp(got, cases[i].classes))
			ktest_fail(t, __FILE__, __LINE__, "classes of %#x: %s, expected %s",
				   c, got, cases[i].classes);
	}
	KEXPECT_EQ(t, tolower('A'), 'a');
	KEXPECT_EQ(t, tolower('z'), 'z');
	KEXPECT_EQ(t, tolower('['), '[');
	KEXPECT_EQ(t, toupper('a'), 'A');
	KEXPECT_EQ(t, toupper('{'), '{');
	KEXPECT_EQ(t, toupper('@'), '@');
}

static const struct ktest_case cases[] = {
	KTEST_CASE(string_memmove),
	KTEST_CASE(string_memcpy_memset),
	KTEST_CASE(string_memcmp_memchr),
	KTEST_CASE(string_strlen),
	KTEST_CASE(string_strcmp),
	KTEST_CASE(string_search),
	KTEST_CASE(string_strsep),
	KTEST_CASE(string_strscpy),
	KTEST_CASE(string_copy_concat),
	KTEST_CASE(string_kstrdup),
	KTEST_CASE(string_ctype),
	{}
};
KTEST_SUITE(lib_string, cases);
