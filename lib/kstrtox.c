// SPDX-License-Identifier: GPL-2.0
/*
 * String to integer conversion with the kernel's kstrto*() contract: the
 * whole string must be a number (one trailing newline is allowed, so a
 * value written to a /proc file with echo parses), -EINVAL when it is not
 * and -ERANGE when it does not fit.  No leading whitespace is skipped.
 *
 * Base 0 picks the base from a C prefix: "0x" followed by a hex digit is
 * hex, a leading "0" is octal, anything else decimal.  Base 16 also
 * accepts a "0x" prefix.
 */
#include <umk/kernel.h>
#include <umk/ctype.h>
#include "kstrtox.h"

/* Resolve base 0 and skip a hex prefix; returns where the digits begin. */
const char *parse_radix(const char *s, unsigned int *base)
{
	bool hex_prefix = s[0] == '0' && tolower(s[1]) == 'x';

	if (*base == 0) {
		if (hex_prefix && isxdigit(s[2]))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 36;
}

/*
 * Scan digits of base (2..16) from s into *res.  Returns how many were
 * consumed, with PARSE_OVERFLOW or'ed in if the value did not fit in 64
 * bits (*res is then meaningless but scanning still stops at the first
 * non-digit, so callers can tell "too big" from "not a number").
 */
unsigned int parse_digits(const char *s, unsigned int base,
			  unsigned long long *res)
{
	unsigned long long v = 0;
	unsigned int n = 0, ovf = 0, d;

	for (; (d = digit_value(s[n])) < base; n++) {
		if (v > (~0ULL - d) / base)
			ovf = PARSE_OVERFLOW;
		v = v * base + d;
	}
	*res = v;
	return n | ovf;
}

static int strtoull_whole(const char *s, unsigned int base,
			  unsigned long long *res)
{
	unsigned long long v;
	unsigned int n;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = parse_radix(s, &base);
	n = parse_digits(s, base, &v);
	if (n & PARSE_OVERFLOW)
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (*s == '+')
		s++;
	return strtoull_whole(s, base, res);
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int err;

	if (*s == '-') {
		err = strtoull_whole(s + 1, base, &v);
		if (err)
			return err;
		if (v > (unsigned long long)__LONG_LONG_MAX__ + 1)
			return -ERANGE;
		*res = -(long long)(v - 1) - 1;
		return 0;
	}
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (v > (unsigned long long)__LONG_LONG_MAX__)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v != (unsigned long)v)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v != (long)v)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrtoull(s, base, &v);

	if (err)
		return err;
	if (v != (unsigned int)v)
		return -ERANGE;
	*res = v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int err = kstrtoll(s, base, &v);

	if (err)
		return err;
	if (v != (int)v)
		return -ERANGE;
	*res = v;
	return 0;
}

/*
 * Parse as many digits as there are and report where they stopped.  No
 * error reporting and silent wrap-around on overflow, as in Linux: callers
 * that care use kstrto*().
 */
unsigned long long simple_strtoull(const char *s, char **endp,
				   unsigned int base)
{
	unsigned long long v;
	unsigned int n;

	s = parse_radix(s, &base);
	n = parse_digits(s, base, &v) & ~PARSE_OVERFLOW;
	if (endp)
		*endp = (char *)s + n;
	return v;
}

unsigned long simple_strtoul(const char *s, char **endp, unsigned int base)
{
	return simple_strtoull(s, endp, base);
}

long simple_strtol(const char *s, char **endp, unsigned int base)
{
	if (*s == '-')
		return -(long)simple_strtoull(s + 1, endp, base);
	return simple_strtoull(s, endp, base);
}
