// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/params.c: which words the kernel takes, what the setup functions
 * see, and what is passed on to init.  The test's own umk_param records
 * stand in for the kernel's.
 */
#include "ktest.h"
#include <umk/mm.h>
#include <umk/params.h>
#include <init.h>

static char seen_mem[64], seen_con[64];
static int seen_quiet, fail_next;

static int t_mem(const char *v) { strscpy(seen_mem, v, sizeof(seen_mem)); return 0; }
static int t_con(const char *v) { strscpy(seen_con, v, sizeof(seen_con)); return 0; }
static int t_quiet(const char *v) { seen_quiet++; return 0; }
static int t_bad(const char *v) { return fail_next ? -EINVAL : 0; }
umk_param("tmem=", t_mem, "tmem=<size>\n    test\n");
umk_param_flags("tcon", t_con, "tcon[0-9]*=<channel>\n    test\n", PARAM_PREFIX);
umk_param("tquiet", t_quiet, NULL);
umk_param("tbad=", t_bad, NULL);

void os_stdout_write(const char *s, unsigned long len) { }

static void reset(void)
{
	seen_mem[0] = seen_con[0] = '\0';
	seen_quiet = fail_next = 0;
}

static int parse(const char **words, int n)
{
	char *argv[16] = { "linux" };
	int i;

	for (i = 0; i < n; i++)
		argv[i + 1] = (char *)words[i];
	return parse_command_line(n + 1, argv);
}

static void params_value_and_prefix(struct ktest *t)
{
	const char *w[] = { "tmem=64M", "tcon1=fd:0,fd:1", "tquiet" };

	reset();
	KEXPECT_EQ(t, parse(w, 3), 0);
	KEXPECT_STREQ(t, seen_mem, "64M");
	KEXPECT_STREQ(t, seen_con, "1=fd:0,fd:1");
	KEXPECT_EQ(t, seen_quiet, 1);
}

static void params_flag_needs_exact_match(struct ktest *t)
{
	const char *w[] = { "tquietly" };

	reset();
	KEXPECT_EQ(t, parse(w, 1), 0);
	KEXPECT_EQ(t, seen_quiet, 0);
}

static void params_setup_error_stops(struct ktest *t)
{
	const char *w[] = { "tbad=1", "tmem=1M" };

	reset();
	fail_next = 1;
	KEXPECT_EQ(t, parse(w, 2), -EINVAL);
	KEXPECT_STREQ(t, seen_mem, "");
}

/* Runs last: unknown words and everything after "--" accumulate for init. */
static void params_unknown_words_go_to_init(struct ktest *t)
{
	const char *w[] = { "single", "FOO=bar", "--", "tquiet", "x=y" };
	const char **args, **envs;
	int na0, ne0, na, ne;

	reset();
	na0 = init_extra_args(&args);
	ne0 = init_extra_envs(&envs);
	KEXPECT_EQ(t, parse(w, 5), 0);
	KEXPECT_EQ(t, seen_quiet, 0);	/* after "--": not ours */
	na = init_extra_args(&args) - na0;
	ne = init_extra_envs(&envs) - ne0;
	KEXPECT_EQ(t, na, 3);
	KEXPECT_EQ(t, ne, 1);
	if (na == 3) {
		KEXPECT_STREQ(t, args[na0], "single");
		KEXPECT_STREQ(t, args[na0 + 1], "tquiet");
		KEXPECT_STREQ(t, args[na0 + 2], "x=y");
	}
	if (ne == 1)
		KEXPECT_STREQ(t, envs[ne0], "FOO=bar");
	KEXPECT_STREQ(t, saved_command_line, "single FOO=bar -- tquiet x=y");
}

/* lib/string.c's kstrdup needs one; nothing here duplicates strings. */
void *kmalloc(size_t size, gfp_t gfp) { return NULL; }

static const struct ktest_case cases[] = {
	KTEST_CASE(params_value_and_prefix),
	KTEST_CASE(params_flag_needs_exact_match),
	KTEST_CASE(params_setup_error_stops),
	KTEST_CASE(params_unknown_words_go_to_init),
	{}
};
KTEST_SUITE(kernel_params, cases);
