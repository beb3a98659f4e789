/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_CTYPE_H
#define _UMK_CTYPE_H

/*
 * ASCII character classes for the kernel half.  Static inlines, so no
 * kernel global ever carries a C library name; only the "C" locale exists.
 * Arguments are taken as int and looked at as unsigned char, so a plain
 * (signed) char with the top bit set is simply "not in the class".
 */
#include <stdbool.h>

static inline bool isdigit(int c)
{
	return (unsigned char)c - '0' < 10u;
}

static inline bool isupper(int c)
{
	return (unsigned char)c - 'A' < 26u;
}

static inline bool islower(int c)
{
	return (unsigned char)c - 'a' < 26u;
}

static inline bool isalpha(int c)
{
	return isupper(c) || islower(c);
}

static inline bool isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

static inline bool isxdigit(int c)
{
	unsigned char l = (unsigned char)c | 0x20;

	return isdigit(c) || (l >= 'a' && l <= 'f');
}

/* Space, \t, \n, \v, \f, \r. */
static inline bool isspace(int c)
{
	unsigned char u = c;

	return u == ' ' || (u >= '\t' && u <= '\r');
}

static inline bool isprint(int c)
{
	unsigned char u = c;

	return u >= 0x20 && u < 0x7f;
}

static inline int tolower(int c)
{
	return isupper(c) ? c + ('a' - 'A') : c;
}

static inline int toupper(int c)
{
	return islower(c) ? c - ('a' - 'A') : c;
}

#endif
