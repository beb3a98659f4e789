/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_STRING_H
#define _UMK_STRING_H

#include <umk/types.h>

/* lib/string.c */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strsep(char **sp, const char *delim);
char *strpbrk(const char *s, const char *accept);
/* C semantics; prefer strscpy, which cannot overrun. */
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
/* Copy with truncation; returns the length copied or -E2BIG if truncated. */
ssize_t strscpy(char *dst, const char *src, size_t size);
char *kstrdup(const char *s);		/* kmalloc'ed copy, NULL on ENOMEM */
char *kstrndup(const char *s, size_t max);
char *skip_spaces(const char *s);

#endif
