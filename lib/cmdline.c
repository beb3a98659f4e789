// SPDX-License-Identifier: GPL-2.0
/*
 * Command-line value helpers.
 */
#include <umk/kernel.h>
#include <umk/ctype.h>
#include "kstrtox.h"

/* log2 of the unit a size suffix stands for, or -1 if c is no suffix. */
static int size_shift(char c)
{
	switch (tolower(c)) {
	case 'k': return 10;
	case 'm': return 20;
	case 'g': return 30;
	case 't': return 40;
	case 'p': return 50;
	}
	return -1;
}

/*
 * Parse "<number>[KMGTP]" (binary units, either case) as mem= and ubd
 * sizes are written.  The number takes C prefixes (0x.., 0..), as Linux's
 * memparse does.  Nothing may follow the suffix.
 */
int parse_size(const char *s, unsigned long long *bytes)
{
	unsigned long long v;
	unsigned int base = 0, n;
	int shift = 0;

	s = parse_radix(s, &base);
	n = parse_digits(s, base, &v);
	if (n & PARSE_OVERFLOW)
		return -ERANGE;
	if (!n)
		return -EINVAL;
	s += n;
	if (*s) {
		shift = size_shift(*s++);
		if (shift < 0 || *s)
			return -EINVAL;
	}
	if (shift && v > (~0ULL >> shift))
		return -ERANGE;
	*bytes = v << shift;
	return 0;
}
