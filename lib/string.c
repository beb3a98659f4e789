// SPDX-License-Identifier: GPL-2.0
/*
 * String and memory helpers for the kernel half.
 *
 * The kernel is built -nostdinc and never links glibc's copies into its own
 * code paths, so every routine the compiler or the kernel may call lives
 * here.  memcpy/memset/memmove use the x86 string instructions: they are on
 * every hot path (copy_to_user, page clearing) and "rep movsb" is fast on
 * any CPU with ERMS.  They are also written in asm so the compiler cannot
 * turn a byte loop back into a call to the very function being defined.
 */
#include <umk/kernel.h>
#include <umk/mm.h>
#include <umk/ctype.h>

void *memcpy(void *dst, const void *src, size_t n)
{
	void *ret = dst;

	__asm__ __volatile__("rep movsb"
			     : "+D"(dst), "+S"(src), "+c"(n)
			     : : "memory");
	return ret;
}

void *memset(void *s, int c, size_t n)
{
	void *ret = s;

	__asm__ __volatile__("rep stosb"
			     : "+D"(s), "+c"(n)
			     : "a"(c) : "memory");
	return ret;
}

/*
 * Overlapping copy: forwards when the destination is below the source,
 * otherwise backwards with the direction flag set (and cleared again, as
 * the ABI requires DF=0 at every call boundary).
 */
void *memmove(void *dst, const void *src, size_t n)
{
	void *ret = dst;

	if (dst <= src || (const char *)src + n <= (char *)dst)
		return memcpy(dst, src, n);
	if (!n)
		return ret;
	dst = (char *)dst + n - 1;
	src = (const char *)src + n - 1;
	__asm__ __volatile__("std\n\trep movsb\n\tcld"
			     : "+D"(dst), "+S"(src), "+c"(n)
			     : : "memory");
	return ret;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p < *q ? -1 : 1;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}

/* Compares as unsigned char, like the C library. */
int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		unsigned char x = *a, y = *b;

		if (x != y)
			return x < y ? -1 : 1;
		if (!x)
			break;
	}
	return 0;
}

/* The terminating NUL counts as part of the string (strchr(s, 0) works). */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strcpy(char *dst, const char *src)
{
	return memcpy(dst, src, strlen(src) + 1);
}

/* Copies at most n bytes and pads with NULs; no NUL if src is that long. */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst;
}

char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* Appends at most n bytes of src, always followed by a NUL. */
char *strncat(char *dst, const char *src, size_t n)
{
	char *end = dst + strlen(dst);
	size_t len = strnlen(src, n);

	memcpy(end, src, len);
	end[len] = '\0';
	return dst;
}

/*
 * Split off the token before the first delimiter: the delimiter becomes a
 * NUL and *sp moves past it (NULL once the last token is returned).
 */
char *strsep(char **sp, const char *delim)
{
	char *tok = *sp, *end;

	if (!tok)
		return NULL;
	end = tok + strcspn(tok, delim);
	if (*end) {
		*end = '\0';
		*sp = end + 1;
	} else {
		*sp = NULL;
	}
	return tok;
}

/*
 * Copy a string into a buffer of size bytes, always NUL-terminating when
 * size > 0.  Returns the length copied, or -E2BIG if src did not fit (the
 * buffer then holds the truncated prefix).
 */
ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len;

	if (!size)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}

char *kstrndup(const char *s, size_t max)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, GFP_KERNEL);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *kstrdup(const char *s)
{
	return kstrndup(s, (size_t)-1);
}

char *skip_spaces(const char *s)
{
	while (isspace(*s))
		s++;
	return (char *)s;
}
