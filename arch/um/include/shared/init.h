/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_SHARED_INIT_H
#define _UM_SHARED_INIT_H

/*
 * Command-line parameters and initcalls, registered next to their code.
 * Plain C only: both halves include this header.
 *
 * A parameter record is matched against each command-line word:
 *  - name ending in '=' ("mem="): the word must start with it; setup gets
 *    the text after '='.
 *  - PARAM_PREFIX ("con"): the word must start with the name; setup gets the
 *    rest of the word ("=fd:0,fd:1" or "1=null").
 *  - otherwise ("quiet"): the word must equal the name; setup gets "".
 * setup returns 0 when it consumed the word, or a negative errno; it may
 * print one line saying what is wrong, after which boot stops with exit
 * status 1.  Setup functions run before memory exists: they record values
 * (the argv strings live for the whole run) and must not allocate.
 *
 * help is the "--help" text: a syntax line, then indented description lines.
 */
struct umk_param {
	const char *name;
	int (*setup)(const char *val);
	const char *help;
	int flags;
};

#define PARAM_PREFIX	1	/* match by prefix, see above */
#define PARAM_KEEP	2	/* also pass the word on to init's environment */

#define __umk_param_rec(var, str, fn, hlp, fl)				\
	static const struct umk_param var				\
	__attribute__((section("umk_params"), used, aligned(8))) =	\
	{ str, fn, hlp, fl }

#define __umk_cat2(a, b) a##b
#define __umk_cat(a, b) __umk_cat2(a, b)

/* umk_param("mem=", mem_setup, "mem=<size>\n    Physical memory...\n"); */
#define umk_param(str, fn, hlp) \
	__umk_param_rec(__umk_cat(__param_, __LINE__), str, fn, hlp, 0)
#define umk_param_flags(str, fn, hlp, fl) \
	__umk_param_rec(__umk_cat(__param_, __LINE__), str, fn, hlp, fl)

extern const struct umk_param __start_umk_params[], __stop_umk_params[];

/*
 * Initcalls run in level order after memory, the scheduler and the IRQ
 * layer are up.  A non-zero return is logged and boot goes on.
 */
typedef int (*initcall_t)(void);

#define __define_initcall(fn, lvl)					\
	static const initcall_t __umk_cat(__initcall_, fn)		\
	__attribute__((section("umk_initcall" #lvl), used)) = fn

#define core_initcall(fn)	__define_initcall(fn, 1)
#define subsys_initcall(fn)	__define_initcall(fn, 2)
#define fs_initcall(fn)		__define_initcall(fn, 3)
#define device_initcall(fn)	__define_initcall(fn, 4)
#define late_initcall(fn)	__define_initcall(fn, 5)

#endif
