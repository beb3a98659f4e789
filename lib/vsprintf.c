// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintf() and friends: the C99 conversions the kernel needs.
 *
 * Supported: %d %i %u %x %X %o %c %s %p %%, the flags - + space # 0, a
 * field width and a precision (either may be '*'), and the length
 * modifiers hh h l ll z t j (L and q are taken as ll).  %n is not
 * supported and prints nothing.  An unknown conversion is copied to the
 * output as written, so a typo shows up in the log instead of vanishing.
 *
 * The result is always NUL-terminated when size > 0.  vsnprintf returns the
 * length the whole string would have had (C99); the scn variants return
 * what actually landed in the buffer.
 */
#include <umk/kernel.h>
#include <umk/ctype.h>

#define F_LEFT		0x01	/* '-' */
#define F_PLUS		0x02	/* '+' */
#define F_SPACE		0x04	/* ' ' */
#define F_ALT		0x08	/* '#' */
#define F_ZERO		0x10	/* '0' */
#define F_SIGNED	0x20	/* conversion is %d/%i */
#define F_UPPER		0x40	/* %X */

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE,
	      LEN_PTRDIFF, LEN_MAX };

struct spec {
	unsigned int flags;
	int width;		/* minimum field width, 0 = none */
	int precision;		/* -1 = none given */
	enum length len;
	unsigned int base;
};

/* Output cursor: counts every character, stores only what fits. */
struct out {
	char *pos;
	char *end;		/* one past the last byte we may store */
	size_t count;
};

static void put(struct out *o, char c)
{
	if (o->pos < o->end)
		*o->pos++ = c;
	o->count++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Render the magnitude of an integer into tmp (reversed); return digits. */
static int digits(char *tmp, unsigned long long v, unsigned int base, bool upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		tmp[n++] = set[v % base];
		v /= base;
	} while (v);
	return n;
}

/*
 * Emit one integer conversion following C99 7.19.6.1: precision is the
 * minimum number of digits (and a zero value with precision 0 has none),
 * '0' pads with zeros unless '-' or a precision was given, '#' adds 0x for
 * a non-zero hex value and forces a leading 0 for octal.
 */
static void number(struct out *o, unsigned long long mag, bool neg,
		   const struct spec *s)
{
	char tmp[24];
	const char *prefix = "";
	int nd, zeros, plen, fill;

	nd = (mag == 0 && s->precision == 0) ? 0
		: digits(tmp, mag, s->base, s->flags & F_UPPER);
	zeros = s->precision > nd ? s->precision - nd : 0;

	if (s->flags & F_SIGNED) {
		if (neg)
			prefix = "-";
		else if (s->flags & F_PLUS)
			prefix = "+";
		else if (s->flags & F_SPACE)
			prefix = " ";
	} else if ((s->flags & F_ALT) && s->base == 16 && mag) {
		prefix = (s->flags & F_UPPER) ? "0X" : "0x";
	} else if ((s->flags & F_ALT) && s->base == 8 && !zeros &&
		   (nd == 0 || tmp[nd - 1] != '0')) {
		zeros = 1;
	}
	plen = strlen(prefix);

	fill = s->width - plen - zeros - nd;
	if ((s->flags & F_ZERO) && !(s->flags & F_LEFT) && s->precision < 0) {
		zeros += fill > 0 ? fill : 0;
		fill = 0;
	}
	if (!(s->flags & F_LEFT))
		pad(o, ' ', fill);
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	while (nd)
		put(o, tmp[--nd]);
	if (s->flags & F_LEFT)
		pad(o, ' ', fill);
}

static void string(struct out *o, const char *str, const struct spec *s)
{
	size_t max = s->precision < 0 ? (size_t)-1 : (size_t)s->precision;
	int len, fill;

	if (!str)
		str = "(null)";
	len = strnlen(str, max);
	fill = s->width - len;
	if (!(s->flags & F_LEFT))
		pad(o, ' ', fill);
	while (len--)
		put(o, *str++);
	if (s->flags & F_LEFT)
		pad(o, ' ', fill);
}

static void character(struct out *o, char c, const struct spec *s)
{
	if (!(s->flags & F_LEFT))
		pad(o, ' ', s->width - 1);
	put(o, c);
	if (s->flags & F_LEFT)
		pad(o, ' ', s->width - 1);
}

/* Fetch an unsigned argument of the spec's length, sign-extending if signed. */
static unsigned long long fetch(va_list *ap, const struct spec *s, bool *neg)
{
	long long v;

	if (!(s->flags & F_SIGNED)) {
		switch (s->len) {
		case LEN_CHAR:	return (unsigned char)va_arg(*ap, unsigned int);
		case LEN_SHORT:	return (unsigned short)va_arg(*ap, unsigned int);
		case LEN_LONG:	return va_arg(*ap, unsigned long);
		case LEN_LLONG:	return va_arg(*ap, unsigned long long);
		case LEN_SIZE:	return va_arg(*ap, size_t);
		case LEN_PTRDIFF: return (unsigned long)va_arg(*ap, ptrdiff_t);
		case LEN_MAX:	return va_arg(*ap, unsigned long long);
		default:	return va_arg(*ap, unsigned int);
		}
	}
	switch (s->len) {
	case LEN_CHAR:	v = (signed char)va_arg(*ap, int); break;
	case LEN_SHORT:	v = (short)va_arg(*ap, int); break;
	case LEN_LONG:	v = va_arg(*ap, long); break;
	case LEN_LLONG:	v = va_arg(*ap, long long); break;
	case LEN_SIZE:	v = va_arg(*ap, ssize_t); break;
	case LEN_PTRDIFF: v = va_arg(*ap, ptrdiff_t); break;
	case LEN_MAX:	v = va_arg(*ap, long long); break;
	default:	v = va_arg(*ap, int); break;
	}
	*neg = v < 0;
	/* Negate in unsigned arithmetic so LLONG_MIN survives. */
	return *neg ? -(unsigned long long)v : (unsigned long long)v;
}

static const char *parse_flags(const char *f, struct spec *s)
{
	for (;; f++) {
		switch (*f) {
		case '-': s->flags |= F_LEFT; break;
		case '+': s->flags |= F_PLUS; break;
		case ' ': s->flags |= F_SPACE; break;
		case '#': s->flags |= F_ALT; break;
		case '0': s->flags |= F_ZERO; break;
		default: return f;
		}
	}
}

static int parse_int(const char **fp)
{
	const char *f = *fp;
	int v = 0;

	while (isdigit(*f)) {
		if (v < 100000000)
			v = v * 10 + (*f - '0');
		f++;
	}
	*fp = f;
	return v;
}

/* Width and precision: a number or '*', a negative '*' width means '-'. */
static const char *parse_width(const char *f, struct spec *s, va_list *ap)
{
	if (*f == '*') {
		int w = va_arg(*ap, int);

		if (w < 0) {
			s->flags |= F_LEFT;
			w = w < -100000000 ? 100000000 : -w;
		}
		s->width = w;
		f++;
	} else {
		s->width = parse_int(&f);
	}
	s->precision = -1;
	if (*f == '.') {
		f++;
		if (*f == '*') {
			s->precision = va_arg(*ap, int);
			if (s->precision < 0)
				s->precision = -1;
			f++;
		} else {
			s->precision = parse_int(&f);
		}
	}
	return f;
}

static const char *parse_length(const char *f, struct spec *s)
{
	s->len = LEN_INT;
	switch (*f) {
	case 'h':
		s->len = f[1] == 'h' ? LEN_CHAR : LEN_SHORT;
		return f + (f[1] == 'h' ? 2 : 1);
	case 'l':
		s->len = f[1] == 'l' ? LEN_LLONG : LEN_LONG;
		return f + (f[1] == 'l' ? 2 : 1);
	case 'L':
	case 'q':
		s->len = LEN_LLONG;
		return f + 1;
	case 'z':
		s->len = LEN_SIZE;
		return f + 1;
	case 't':
		s->len = LEN_PTRDIFF;
		return f + 1;
	case 'j':
		s->len = LEN_MAX;
		return f + 1;
	}
	return f;
}

/*
 * Emit one conversion c whose flags, width, precision and length are in s.
 * Returns false for an unknown conversion character.
 */
static bool convert(struct out *o, char c, struct spec *s, va_list *ap)
{
	unsigned long long v;
	bool neg = false;

	switch (c) {
	case 'd':
	case 'i':
		s->flags |= F_SIGNED;
		s->base = 10;
		break;
	case 'u':
		s->base = 10;
		break;
	case 'X':
		s->flags |= F_UPPER;
		/* fall through */
	case 'x':
		s->base = 16;
		break;
	case 'o':
		s->base = 8;
		break;
	case 'p':
		s->flags |= F_ALT;
		s->base = 16;
		s->len = LEN_LONG;
		v = (unsigned long)va_arg(*ap, void *);
		/* "0x0" for NULL too: '#' alone would drop the prefix. */
		if (!v) {
			struct spec z = *s;

			z.flags &= ~(F_ALT | F_ZERO);
			z.precision = -1;
			string(o, "0x0", &z);
			return true;
		}
		number(o, v, false, s);
		return true;
	case 'c':
		character(o, (char)va_arg(*ap, int), s);
		return true;
	case 's':
		string(o, va_arg(*ap, const char *), s);
		return true;
	case '%':
		put(o, '%');
		return true;
	case 'n':
		(void)va_arg(*ap, void *);
		return true;
	default:
		return false;
	}
	v = fetch(ap, s, &neg);
	number(o, v, neg, s);
	return true;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size ? buf + size - 1 : buf, 0 };
	va_list ap;

	if (!size)
		o.pos = o.end = NULL;
	va_copy(ap, args);
	while (*fmt) {
		const char *start = fmt;
		struct spec s = { 0 };

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_flags(fmt + 1, &s);
		fmt = parse_width(fmt, &s, &ap);
		fmt = parse_length(fmt, &s);
		if (*fmt && convert(&o, *fmt, &s, &ap)) {
			fmt++;
			continue;
		}
		/* Unknown or truncated: copy the text of the directive. */
		while (start < fmt)
			put(&o, *start++);
		if (*fmt)
			put(&o, *fmt++);
	}
	va_end(ap);
	if (size)
		*o.pos = '\0';
	if (o.count > 0x7fffffff)
		return 0x7fffffff;
	return o.count;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)(size - 1);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
