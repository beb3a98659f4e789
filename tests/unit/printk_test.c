// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/printk/printk.c: records, levels, KERN_CONT, consoles (replay,
 * filtering, boot consoles), the syslog(2) actions and the ring wrapping.
 *
 * The log is global state that cannot be reset, so the cases run in order
 * and each one starts by clearing (SYSLOG_ACTION_CLEAR) or by consuming
 * what it needs.  printk_replay must run first: it checks what happens to
 * messages printed before any console exists.
 *
 * printk.c is included rather than linked so the ring cases can check its
 * private state (record layout, reader positions) between printks.
 */
#include "ktest.h"
#include "../../kernel/printk/printk.c"

/* --- what printk.c needs from the rest of the kernel ---------------------- */

static ktime_t fake_ns;
static bool fail_copy;		/* make copy_to_user fault */
static long copy_budget = -1;	/* bytes copy_to_user copies before faulting */
static int copy_printks;	/* printks to run inside copy_to_user ("sleep") */
static bool fake_signal;	/* signal_pending() answer */
static int schedule_calls;
struct task_struct *__current_task;

ktime_t ktime_get_boottime(void)
{
	return fake_ns;
}

unsigned long copy_to_user(void __user *dst, const void *src, unsigned long n)
{
	if (fail_copy || (copy_budget >= 0 && (long)n > copy_budget))
		return n;
	if (copy_budget >= 0)
		copy_budget -= n;
	memcpy((void __force *)dst, src, n);
	/* A real copy may fault a page in and sleep while others printk. */
	if (copy_printks > 0) {
		copy_printks--;
		printk(KERN_INFO "during copy\n");
	}
	return 0;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	static char *arena;

	/* One slot: printk.c frees what it takes before it asks again. */
	if (!arena)
		arena = ktest_arena(1 << 20);
	return size <= (1 << 20) ? arena : NULL;
}

void kfree(const void *p)
{
}

void init_wait_entry(struct wait_queue_entry *e, struct task_struct *task)
{
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, long state)
{
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
}

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
{
}

void schedule(void)
{
	schedule_calls++;
}

bool signal_pending(struct task_struct *t)
{
	return fake_signal;
}

/* --- helpers --------------------------------------------------------------- */

#define SYSLOG_READ		2
#define SYSLOG_READ_ALL		3
#define SYSLOG_READ_CLEAR	4
#define SYSLOG_CLEAR		5
#define SYSLOG_CONSOLE_OFF	6
#define SYSLOG_CONSOLE_ON	7
#define SYSLOG_CONSOLE_LEVEL	8
#define SYSLOG_SIZE_UNREAD	9
#define SYSLOG_SIZE_BUFFER	10


/* "Guest" memory: static, so below TASK_SIZE for access_ok(). */
static char ubuf[2 * LOG_BUF_LEN];
static char filler[400];		/* record padding for the wrap test */

struct capture {
	struct console con;
	char buf[16384];
	unsigned int len;
	int lines;
};

static void capture_write(struct console *con, const char *s, unsigned int len)
{
	struct capture *c = container_of(con, struct capture, con);

	if (c->len + len < sizeof(c->buf)) {
		memcpy(c->buf + c->len, s, len);
		c->len += len;
		c->buf[c->len] = '\0';
	}
	c->lines++;
}

static void capture_init(struct capture *c, const char *name, int flags)
{
	memset(c, 0, sizeof(*c));
	c->con.name = name;
	c->con.write = capture_write;
	c->con.flags = flags;
}

/* The whole log since the last CLEAR, NUL-terminated in ubuf. */
static const char *read_all(void)
{
	long n = do_syslog(SYSLOG_READ_ALL, ubuf, sizeof(ubuf) - 1);

	ubuf[n < 0 ? 0 : n] = '\0';
	return ubuf;
}

static int run_param(const char *name, const char *val)
{
	const struct umk_param *p;

	for (p = __start_umk_params; p < __stop_umk_params; p++)
		if (!strcmp(p->name, name))
			return p->setup(val);
	return -ENOENT;
}

/* --- cases ------------------------------------------------------------------ */

static void printk_replay(struct ktest *t)
{
	struct capture c;

	fake_ns = 1500000000LL;
	printk(KERN_INFO "early one\n");
	fake_ns = 2000001000LL;
	printk(KERN_DEBUG "early debug\n");	/* 7: not below loglevel 7 */
	printk(KERN_ERR "early two\n");
	capture_init(&c, "cap", 0);
	register_console(&c.con);
	KEXPECT_STREQ(t, c.buf, "[    1.500000] early one\n"
				"[    2.000001] early two\n");
	KEXPECT_TRUE(t, c.con.flags & CON_ENABLED);
	printk(KERN_WARNING "later\n");
	KEXPECT_EQ(t, c.lines, 3);
	unregister_console(&c.con);
	printk(KERN_WARNING "after unregister\n");
	KEXPECT_EQ(t, c.lines, 3);
}

static void printk_levels(struct ktest *t)
{
	static const struct {
		const char *fmt;
		const char *want;
	} cases[] = {
		{ KERN_EMERG "emerg\n", "<0>[    3.000042] emerg\n" },
		{ KERN_ALERT "alert\n", "<1>[    3.000042] alert\n" },
		{ KERN_CRIT "crit\n", "<2>[    3.000042] crit\n" },
		{ KERN_ERR "err\n", "<3>[    3.000042] err\n" },
		{ KERN_WARNING "warn\n", "<4>[    3.000042] warn\n" },
		{ KERN_NOTICE "notice\n", "<5>[    3.000042] notice\n" },
		{ KERN_INFO "info\n", "<6>[    3.000042] info\n" },
		{ KERN_DEBUG "debug\n", "<7>[    3.000042] debug\n" },
		{ "no level\n", "<4>[    3.000042] no level\n" },
		{ "no newline", "<4>[    3.000042] no newline\n" },
		{ KERN_INFO "\n", "<6>[    3.000042] \n" },
		{ KERN_SOH "d" "default\n", "<4>[    3.000042] default\n" },
		{ KERN_CONT "cont alone\n", "<4>[    3.000042] cont alone\n" },
		{ KERN_SOH "x" "bad prefix\n", "<4>[    3.000042] \001xbad prefix\n" },
		{ "a\nb\n", "<4>[    3.000042] a\n<4>[    3.000042] b\n" },
		{ KERN_ERR "x\n\ny\n", "<3>[    3.000042] x\n<3>[    3.000042] \n"
				       "<3>[    3.000042] y\n" },
	};
	unsigned int i;

	fake_ns = 3000042999LL;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		do_syslog(SYSLOG_CLEAR, NULL, 0);
		printk("%s", cases[i].fmt);
		printk(KERN_INFO "");	/* end an unterminated line */
		if (strcmp(read_all(), cases[i].want))
			ktest_fail(t, __FILE__, __LINE__, "case %u: log is \"%s\", expected \"%s\"",
				   i, ubuf, cases[i].want);
	}
	/* The prefix is parsed after formatting, and the length excludes it. */
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	KEXPECT_EQ(t, printk("%s%d\n", KERN_NOTICE, 12), 3);
	KEXPECT_STREQ(t, read_all(), "<5>[    3.000042] 12\n");
}

static void printk_timestamps(struct ktest *t)
{
	static const struct {
		ktime_t ns;
		const char *want;
	} cases[] = {
		{ 0, "<6>[    0.000000] t\n" },
		{ 999, "<6>[    0.000000] t\n" },
		{ 1000, "<6>[    0.000001] t\n" },
		{ 123456789012LL, "<6>[  123.456789] t\n" },
		{ 99999999999999LL, "<6>[99999.999999] t\n" },
		{ 123456000000000LL, "<6>[123456.000000] t\n" },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		do_syslog(SYSLOG_CLEAR, NULL, 0);
		fake_ns = cases[i].ns;
		printk(KERN_INFO "t\n");
		if (strcmp(read_all(), cases[i].want))
			ktest_fail(t, __FILE__, __LINE__, "%lld ns: \"%s\", expected \"%s\"",
				   cases[i].ns, ubuf, cases[i].want);
	}
}

static void printk_cont(struct ktest *t)
{
	struct capture c;

	capture_init(&c, "cap", 0);
	register_console(&c.con);
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	fake_ns = 4000000000LL;
	printk(KERN_ERR "one");
	fake_ns = 5000000000LL;
	printk(KERN_CONT " two");
	KEXPECT_EQ(t, c.lines, 0);	/* consoles get whole lines only */
	printk(KERN_CONT " three\n");
	KEXPECT_STREQ(t, c.buf, "[    4.000000] one two three\n");
	/* A new message (no KERN_CONT) ends an unterminated line. */
	printk(KERN_WARNING "partial");
	printk(KERN_INFO "next\n");
	printk("p2");
	printk("n2\n");
	KEXPECT_STREQ(t, read_all(), "<3>[    4.000000] one two three\n"
				     "<4>[    5.000000] partial\n"
				     "<6>[    5.000000] next\n"
				     "<4>[    5.000000] p2\n"
				     "<4>[    5.000000] n2\n");
	/* KERN_CONT keeps the level of the line it continues. */
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	printk(KERN_ERR "a");
	pr_cont("b");
	pr_cont("c\nd\n");
	KEXPECT_STREQ(t, read_all(), "<3>[    5.000000] abc\n<3>[    5.000000] d\n");
	unregister_console(&c.con);
}

static void printk_long_line(struct ktest *t)
{
	static char big[1500];
	const char *log, *nl;

	memset(big, 'x', sizeof(big) - 1);
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	printk(KERN_INFO "%s\n", big);
	printk(KERN_INFO "");	/* the newline was truncated away */
	log = read_all();
	/* Cut into a 1024-byte record and the rest (the text is truncated). */
	nl = strchr(log, '\n');
	KEXPECT_TRUE(t, nl != NULL);
	if (nl)
		KEXPECT_EQ(t, nl - log, strlen("<6>[    5.000000] ") + 1024);
	KEXPECT_TRUE(t, nl && strncmp(nl + 1, "<6>[", 4) == 0);
	/* An exactly full line is one record. */
	big[1024] = '\0';
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	printk(KERN_INFO "%s\n", big);
	log = read_all();
	KEXPECT_EQ(t, strlen(log), strlen("<6>[    5.000000] \n") + 1024);
}

static void printk_console_filter(struct ktest *t)
{
	struct capture c;
	int saved = console_loglevel;
	int i;

	capture_init(&c, "cap", 0);
	register_console(&c.con);
	fake_ns = 0;
	console_loglevel = 4;
	for (i = 0; i < 8; i++)
		printk("\001%c%d\n", '0' + i, i);
	KEXPECT_STREQ(t, c.buf, "[    0.000000] 0\n[    0.000000] 1\n"
				"[    0.000000] 2\n[    0.000000] 3\n");
	/* A console without CON_ENABLED is skipped. */
	c.con.flags &= ~CON_ENABLED;
	printk(KERN_EMERG "hidden\n");
	KEXPECT_EQ(t, c.lines, 4);
	c.con.flags |= CON_ENABLED;
	KEXPECT_EQ(t, run_param("ignore_loglevel", ""), 0);
	printk(KERN_DEBUG "dbg\n");
	KEXPECT_EQ(t, c.lines, 5);
	unregister_console(&c.con);
	console_loglevel = saved;
}

static void printk_boot_console(struct ktest *t)
{
	static struct capture boot, boot2, real;

	capture_init(&boot, "early", CON_BOOT);
	capture_init(&boot2, "early2", CON_BOOT);
	capture_init(&real, "tty", 0);
	register_console(&boot.con);
	register_console(&boot2.con);
	printk(KERN_ERR "to boot\n");
	KEXPECT_EQ(t, boot.lines, 1);
	KEXPECT_EQ(t, boot2.lines, 1);
	register_console(&real.con);
	KEXPECT_EQ(t, real.lines, 0);	/* not the first console: no replay */
	printk(KERN_ERR "to real\n");
	KEXPECT_EQ(t, boot.lines, 1);
	KEXPECT_EQ(t, boot2.lines, 1);
	KEXPECT_EQ(t, real.lines, 1);
	/* Registering twice must not link the console twice. */
	register_console(&real.con);
	printk(KERN_ERR "once\n");
	KEXPECT_EQ(t, real.lines, 2);
	unregister_console(&real.con);
}

static struct capture loop_cap;

static void loop_write(struct console *con, const char *s, unsigned int len)
{
	capture_write(con, s, len);
	if (loop_cap.lines < 3)
		printk(KERN_ERR "from console %d\n", loop_cap.lines);
}

/* A console that printks gets those lines too, after its own, no recursion. */
static void printk_console_recursion(struct ktest *t)
{
	capture_init(&loop_cap, "loop", 0);
	loop_cap.con.write = loop_write;
	register_console(&loop_cap.con);
	fake_ns = 0;
	printk(KERN_ERR "start\n");
	KEXPECT_STREQ(t, loop_cap.buf, "[    0.000000] start\n"
				       "[    0.000000] from console 1\n"
				       "[    0.000000] from console 2\n");
	unregister_console(&loop_cap.con);
}

static void syslog_read_destructive(struct ktest *t)
{
	static char want[256], got[256];
	static const int chunks[] = { 1, 7, 30, 2, 100 };
	unsigned int i, len = 0, n;
	long r;

	/* Consume whatever earlier cases left unread. */
	while (do_syslog(SYSLOG_SIZE_UNREAD, NULL, 0) > 0)
		do_syslog(SYSLOG_READ, ubuf, sizeof(ubuf));
	KEXPECT_EQ(t, do_syslog(SYSLOG_SIZE_UNREAD, NULL, 0), 0);
	fake_ns = 7000000LL;
	printk(KERN_NOTICE "first record\n");
	printk(KERN_INFO "second\n");
	n = scnprintf(want, sizeof(want), "<5>[    0.007000] first record\n"
					  "<6>[    0.007000] second\n");
	KEXPECT_EQ(t, do_syslog(SYSLOG_SIZE_UNREAD, NULL, 0), n);
	/* Reads of any size split records and lose nothing. */
	for (i = 0; len < n && i < ARRAY_SIZE(chunks); i++) {
		r = do_syslog(SYSLOG_READ, ubuf, chunks[i]);
		if (r <= 0 || r > chunks[i]) {
			ktest_fail(t, __FILE__, __LINE__, "read of %d returned %ld",
				   chunks[i], r);
			break;
		}
		memcpy(got + len, ubuf, r);
		len += r;
		KEXPECT_EQ(t, do_syslog(SYSLOG_SIZE_UNREAD, NULL, 0), n - len);
	}
	got[len] = '\0';
	KEXPECT_STREQ(t, got, want);
	/* A record that arrives while a read's copy sleeps is read next. */
	printk(KERN_NOTICE "one\n");
	copy_printks = 1;
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ, ubuf, 22), 22);
	KEXPECT_TRUE(t, !strncmp(ubuf, "<5>[    0.007000] one\n", 22));
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ, ubuf, 100), 30);
	KEXPECT_TRUE(t, !strncmp(ubuf, "<6>[    0.007000] during copy\n", 30));
	/* Nothing left: READ waits, and a signal interrupts the wait. */
	fake_signal = true;
	schedule_calls = 0;
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ, ubuf, 10), -ERESTARTSYS);
	KEXPECT_EQ(t, schedule_calls, 0);
	fake_signal = false;
	/* READ_ALL does not consume: the records are still there. */
	KEXPECT_TRUE(t, strstr(read_all(), "second") != NULL);
}

static void syslog_read_all_limits(struct ktest *t)
{
	static const struct {
		int len;
		const char *want;
	} cases[] = {
		{ 1000, "<6>[    0.000000] aaa\n<6>[    0.000000] bb\n<6>[    0.000000] c\n" },
		{ 63, "<6>[    0.000000] aaa\n<6>[    0.000000] bb\n<6>[    0.000000] c\n" },
		{ 62, "<6>[    0.000000] bb\n<6>[    0.000000] c\n" },
		{ 41, "<6>[    0.000000] bb\n<6>[    0.000000] c\n" },
		{ 40, "<6>[    0.000000] c\n" },
		{ 20, "<6>[    0.000000] c\n" },
		{ 19, "" },
		{ 0, "" },
	};
	unsigned int i;

	fake_ns = 0;
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	printk(KERN_INFO "aaa\n");
	printk(KERN_INFO "bb\n");
	printk(KERN_INFO "c\n");
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		long n;

		memset(ubuf, 0, 2048);
		n = do_syslog(SYSLOG_READ_ALL, ubuf, cases[i].len);
		if (n != (long)strlen(cases[i].want) || strcmp(ubuf, cases[i].want))
			ktest_fail(t, __FILE__, __LINE__, "READ_ALL of %d: %ld \"%s\", expected \"%s\"",
				   cases[i].len, n, ubuf, cases[i].want);
	}
	/* Records printed while a copy sleeps are not part of this read. */
	copy_printks = 1;
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ_ALL, ubuf, 1000), 63);
	KEXPECT_EQ(t, copy_printks, 0);
	ubuf[63] = '\0';
	KEXPECT_STREQ(t, ubuf, cases[0].want);
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	printk(KERN_INFO "aaa\n");
	printk(KERN_INFO "bb\n");
	printk(KERN_INFO "c\n");
	/* A fault after the first record returns what was copied. */
	copy_budget = 22;
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ_ALL, ubuf, 1000), 22);
	copy_budget = 0;
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ_ALL, ubuf, 1000), -EFAULT);
	copy_budget = -1;
	/* READ_CLEAR reads, then the next READ_ALL is empty. */
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ_CLEAR, ubuf, 1000), 63);
	KEXPECT_STREQ(t, read_all(), "");
	printk(KERN_INFO "new\n");
	KEXPECT_STREQ(t, read_all(), "<6>[    0.000000] new\n");
}

static void syslog_errors(struct ktest *t)
{
	static const struct {
		int type;
		bool null_buf;
		int len;
		long want;
	} cases[] = {
		{ 0, true, 0, 0 },		/* CLOSE */
		{ 1, true, 0, 0 },		/* OPEN */
		{ SYSLOG_READ, true, 10, -EINVAL },
		{ SYSLOG_READ, false, -1, -EINVAL },
		{ SYSLOG_READ, false, 0, 0 },
		{ SYSLOG_READ_ALL, true, 10, -EINVAL },
		{ SYSLOG_READ_ALL, false, -5, -EINVAL },
		{ SYSLOG_READ_ALL, false, 0, 0 },
		{ SYSLOG_READ_CLEAR, true, 10, -EINVAL },
		{ SYSLOG_CONSOLE_LEVEL, true, 0, -EINVAL },
		{ SYSLOG_CONSOLE_LEVEL, true, 9, -EINVAL },
		{ SYSLOG_SIZE_BUFFER, true, 0, LOG_BUF_LEN },
		{ 11, true, 0, -EINVAL },
		{ -1, true, 0, -EINVAL },
	};
	static struct task_struct user_task;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		long r = do_syslog(cases[i].type, cases[i].null_buf ? NULL : ubuf,
				   cases[i].len);

		if (r != cases[i].want)
			ktest_fail(t, __FILE__, __LINE__, "syslog(%d, %s, %d) = %ld, expected %ld",
				   cases[i].type, cases[i].null_buf ? "NULL" : "buf",
				   cases[i].len, r, cases[i].want);
	}
	/* A user pointer beyond TASK_SIZE, and a copy that faults. */
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ_ALL, (char __user *)(TASK_SIZE - 4), 100),
		   -EFAULT);
	printk(KERN_INFO "x\n");
	fail_copy = true;
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ_ALL, ubuf, 100), -EFAULT);
	fail_copy = false;
	/* Without privilege only READ_ALL and SIZE_BUFFER are allowed. */
	user_task.cred.euid = 1000;
	__current_task = &user_task;
	KEXPECT_EQ(t, do_syslog(SYSLOG_CLEAR, NULL, 0), -EPERM);
	KEXPECT_EQ(t, do_syslog(SYSLOG_READ, ubuf, 10), -EPERM);
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_LEVEL, NULL, 5), -EPERM);
	KEXPECT_EQ(t, do_syslog(SYSLOG_SIZE_BUFFER, NULL, 0), LOG_BUF_LEN);
	KEXPECT_TRUE(t, do_syslog(SYSLOG_READ_ALL, ubuf, 100) > 0);
	user_task.cred.euid = 0;
	KEXPECT_EQ(t, do_syslog(SYSLOG_CLEAR, NULL, 0), 0);
	__current_task = NULL;
	KEXPECT_EQ(t, sys_syslog(SYSLOG_SIZE_BUFFER, NULL, 0), LOG_BUF_LEN);
}

static void syslog_console_levels(struct ktest *t)
{
	int saved = console_loglevel;

	console_loglevel = 7;
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_LEVEL, NULL, 3), 0);
	KEXPECT_EQ(t, console_loglevel, 3);
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_OFF, NULL, 0), 0);
	KEXPECT_EQ(t, console_loglevel, 1);
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_OFF, NULL, 0), 0);
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_ON, NULL, 0), 0);
	KEXPECT_EQ(t, console_loglevel, 3);	/* off twice, on once: restored */
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_ON, NULL, 0), 0);
	KEXPECT_EQ(t, console_loglevel, 3);
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_OFF, NULL, 0), 0);
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_LEVEL, NULL, 8), 0);
	KEXPECT_EQ(t, console_loglevel, 8);
	KEXPECT_EQ(t, do_syslog(SYSLOG_CONSOLE_ON, NULL, 0), 0);
	KEXPECT_EQ(t, console_loglevel, 8);	/* LEVEL cancels the saved one */
	console_loglevel = saved;
}

static void printk_params(struct ktest *t)
{
	static const struct {
		const char *name, *val;
		int ret, level;		/* level: console_loglevel after, -1 = unchanged */
	} cases[] = {
		{ "loglevel=", "3", 0, 3 },
		{ "loglevel=", "0", 0, 0 },
		{ "loglevel=", "8", 0, 8 },
		{ "loglevel=", "9", -EINVAL, -1 },
		{ "loglevel=", "-1", -EINVAL, -1 },
		{ "loglevel=", "", -EINVAL, -1 },
		{ "loglevel=", "3x", -EINVAL, -1 },
		{ "quiet", "", 0, 4 },
		{ "debug", "", 0, 10 },
	};
	int saved = console_loglevel;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		int r;

		console_loglevel = 5;
		r = run_param(cases[i].name, cases[i].val);
		if (r != cases[i].ret ||
		    console_loglevel != (cases[i].level < 0 ? 5 : cases[i].level))
			ktest_fail(t, __FILE__, __LINE__, "%s%s: %d, loglevel %d",
				   cases[i].name, cases[i].val, r, console_loglevel);
	}
	KEXPECT_EQ(t, run_param("ignore_loglevel", ""), 0);
	console_loglevel = saved;
}

/*
 * Walk the ring from the oldest record to the newest: every header must be
 * sane and the records must end exactly where the next one will go.
 */
static bool ring_consistent(struct ktest *t)
{
	struct log_pos p = log_first;
	struct log_rec *r;

	while ((r = log_pos_rec(&p))) {
		if (r->size != ALIGN(sizeof(*r) + rec_text_len(r), 8) ||
		    p.idx + r->size > LOG_BUF_LEN || r->level > 7) {
			ktest_fail(t, __FILE__, __LINE__, "bad record %llu at %u",
				   (unsigned long long)p.seq, p.idx);
			return false;
		}
		log_pos_next(&p);
	}
	if (p.idx != log_next.idx && !(log_empty() && !log_next.idx)) {
		ktest_fail(t, __FILE__, __LINE__, "records end at %u, next at %u",
			   p.idx, log_next.idx);
		return false;
	}
	return true;
}

/*
 * Overfill the ring with records of varying length and check that the
 * log still reads back as an unbroken run of the newest ones, and that a
 * console and a destructive reader that fell behind skip ahead cleanly.
 */
static void printk_ring_wrap(struct ktest *t)
{
	static struct capture c;
	unsigned int i, expect, count = 0, total = 0;
	const char *p;
	long n;

	fake_ns = 0;
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	for (i = 0; i < 20000; i++) {
		printk(KERN_INFO "rec %u %.*s\n", i, (int)(i * 37 % 300), filler);
		if (i % 7 == 0 && !ring_consistent(t))
			return;
	}
	n = do_syslog(SYSLOG_READ_ALL, ubuf, LOG_BUF_LEN * 2 - 1);
	KEXPECT_TRUE(t, n > LOG_BUF_LEN / 2 && n < LOG_BUF_LEN * 2);
	ubuf[n < 0 ? 0 : n] = '\0';
	/* Parse "<6>[    0.000000] rec N ...\n" lines. */
	p = ubuf;
	expect = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		unsigned long v;
		char *end;

		if (!nl || strncmp(p, "<6>[    0.000000] rec ", 22)) {
			ktest_fail(t, __FILE__, __LINE__, "bad line at byte %d", (int)(p - ubuf));
			return;
		}
		v = simple_strtoul(p + 22, &end, 10);
		if (count && v != expect) {
			ktest_fail(t, __FILE__, __LINE__, "record %lu after %u", v, expect - 1);
			return;
		}
		if (nl - end - 1 != (long)(v * 37 % 300)) {
			ktest_fail(t, __FILE__, __LINE__, "record %lu has %ld bytes of filler",
				   v, (long)(nl - end - 1));
			return;
		}
		expect = v + 1;
		count++;
		total += nl + 1 - p;
		p = nl + 1;
	}
	KEXPECT_EQ(t, expect, 20000);
	KEXPECT_TRUE(t, count > 100);
	KEXPECT_EQ(t, total, n);
	/* A destructive reader far behind restarts at the oldest record. */
	n = do_syslog(SYSLOG_READ, ubuf, 40);
	KEXPECT_EQ(t, n, 40);
	KEXPECT_TRUE(t, !strncmp(ubuf, "<6>[    0.000000] rec ", 22));
	/* Only the first console ever gets the backlog; this one does not. */
	capture_init(&c, "late", 0);
	register_console(&c.con);
	printk(KERN_INFO "rec end\n");
	KEXPECT_EQ(t, c.lines, 1);
	unregister_console(&c.con);
}

static unsigned int stale_try(struct ktest *t, unsigned int *counter)
{
	const unsigned int big = 290;	/* filler of the record that wraps */
	u32 size = ALIGN(sizeof(struct log_rec) + 7 + big, 8), gap;
	u64 seq;
	const char *log;
	char want[16];

	/* Small records until a big one would no longer fit at the end. */
	while (!(log_next.idx > log_first.idx && log_next.idx + size > LOG_BUF_LEN)) {
		printk(KERN_INFO "w%05u %.*s\n", *counter % 100000,
		       (int)(*counter % 40), filler);
		(*counter)++;
	}
	gap = log_next.idx;
	seq = log_next.seq;
	do_syslog(SYSLOG_CLEAR, NULL, 0);
	snprintf(want, sizeof(want), "w%05u ", *counter % 100000);
	printk(KERN_INFO "w%05u %.*s\n", (*counter)++ % 100000, (int)big, filler);
	/*
	 * Fill until the CLEAR record is the oldest and newer records cover
	 * the old gap: a reader that trusted its stale offset would now parse
	 * text as a header.
	 */
	while (log_first.seq <= seq && !(log_first.seq == seq && log_next.idx > gap))
		printk(KERN_INFO "w%05u\n", (*counter)++ % 100000);
	if (log_first.seq != seq || clear_pos.seq != seq || clear_pos.idx != gap)
		return 0;
	log = read_all();
	if (strncmp(log, "<6>[    0.000000] ", 18) || strncmp(log + 18, want, 7))
		ktest_fail(t, __FILE__, __LINE__, "READ_ALL from a stale CLEAR starts \"%.40s\"",
			   log);
	return 1;
}

/* A reader parked at the oldest record, whose offset is a wrap gap. */
static void printk_ring_stale_reader(struct ktest *t)
{
	unsigned int counter = 0, hits = 0, i;

	fake_ns = 0;
	for (i = 0; i < 200 && hits < 5; i++)
		hits += stale_try(t, &counter);
	KEXPECT_TRUE(t, hits > 0);
	KEXPECT_TRUE(t, ring_consistent(t));
}

static int printk_suite_init(void)
{
	memset(filler, 'f', sizeof(filler) - 1);
	return 0;
}

static const struct ktest_case cases[] = {
	KTEST_CASE(printk_replay),
	KTEST_CASE(printk_levels),
	KTEST_CASE(printk_timestamps),
	KTEST_CASE(printk_cont),
	KTEST_CASE(printk_long_line),
	KTEST_CASE(printk_console_filter),
	KTEST_CASE(printk_boot_console),
	KTEST_CASE(printk_console_recursion),
	KTEST_CASE(syslog_read_destructive),
	KTEST_CASE(syslog_read_all_limits),
	KTEST_CASE(syslog_errors),
	KTEST_CASE(syslog_console_levels),
	KTEST_CASE(printk_params),
	KTEST_CASE(printk_ring_wrap),
	KTEST_CASE(printk_ring_stale_reader),
	{}
};
KTEST_SUITE_INIT(printk, cases, printk_suite_init);
