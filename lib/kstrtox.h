/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LIB_KSTRTOX_H
#define _LIB_KSTRTOX_H

/* Private to lib/: the digit scanner behind kstrto*() and parse_size(). */
#include <umk/types.h>

#define PARSE_OVERFLOW	(1u << 31)

const char *parse_radix(const char *s, unsigned int *base);
unsigned int parse_digits(const char *s, unsigned int base,
			  unsigned long long *res);

#endif
