// SPDX-License-Identifier: GPL-2.0
/*
 * n_tty line discipline tests: drivers/tty/n_tty.c against a fake line
 * (a tty driver that records its output), no host.  The rest of the
 * kernel n_tty calls is stubbed below; a test that would sleep fails.
 */
#include "ktest.h"
#include <umk/tty.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/signal.h>

#define N_TTY_BUF_SIZE_TEST	4096	/* n_tty.c's ring */

/* --- stubs for the kernel around n_tty ----------------------------------- */

struct task_struct *__current_task;

void *kmalloc(size_t size, gfp_t gfp)
{
	return ktest_arena(size);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return ktest_arena(size);
}

void kfree(const void *p)
{
}

unsigned long copy_to_user(void __user *dst, const void *src, unsigned long n)
{
	memcpy(dst, src, n);
	return 0;
}

unsigned long copy_from_user(void *dst, const void __user *src, unsigned long n)
{
	memcpy(dst, src, n);
	return 0;
}

static int last_sig, last_sig_pgrp, nr_sigs, nr_wakeups;

int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	last_sig = sig;
	last_sig_pgrp = pgrp;
	nr_sigs++;
	return 0;
}

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
{
	nr_wakeups++;
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

void schedule(void)
{
	ktest_print("Bail out! n_tty would sleep with nothing to wake it\n");
	ktest_abort();
}

ktime_t schedule_timeout_interruptible(ktime_t ns)
{
	return 0;	/* the VTIME timer ran out */
}

bool signal_pending(struct task_struct *t)
{
	return false;
}

int tty_job_control(struct tty_struct *tty, int sig)
{
	return 0;
}

/* --- the fake line ---------------------------------------------------------- */

static struct {
	unsigned char out[16384];
	int outlen;
	int room;		/* room reported and taken; -1: unlimited */
	int unthrottles, flushes;
} line;

static int fake_write(struct tty_struct *tty, const unsigned char *buf, int len)
{
	if (line.room >= 0 && len > line.room)
		len = line.room;
	if (line.room >= 0)
		line.room -= len;
	if (line.outlen + len > (int)sizeof(line.out))
		len = sizeof(line.out) - line.outlen;
	memcpy(line.out + line.outlen, buf, len);
	line.outlen += len;
	return len;
}

static unsigned int fake_write_room(struct tty_struct *tty)
{
	return line.room < 0 ? 65536 : line.room;
}

static void fake_unthrottle(struct tty_struct *tty)
{
	line.unthrottles++;
}

static void fake_flush_buffer(struct tty_struct *tty)
{
	line.flushes++;
}

static const struct tty_operations fake_ops = {
	.write		= fake_write,
	.write_room	= fake_write_room,
	.unthrottle	= fake_unthrottle,
	.flush_buffer	= fake_flush_buffer,
};

static struct tty_driver fake_driver = { .name = "fake", .ops = &fake_ops };

/* A fresh tty with Linux's default termios, in foreground group 42. */
static struct tty_struct *new_tty(void)
{
	struct tty_struct *tty = ktest_arena(sizeof(*tty));

	tty->driver = &fake_driver;
	tty_init_termios(&tty->termios);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	tty->pgrp = 42;
	if (n_tty_open(tty))
		ktest_abort();
	memset(&line, 0, sizeof(line));
	line.room = -1;
	last_sig = last_sig_pgrp = nr_sigs = nr_wakeups = 0;
	return tty;
}

static void feed_n(struct tty_struct *tty, const char *s, int n)
{
	n_tty_receive_buf(tty, (const unsigned char *)s, n);
}

static void feed(struct tty_struct *tty, const char *s)
{
	feed_n(tty, s, strlen(s));
}

static struct file nonblock_file = { .f_flags = O_NONBLOCK };

/* Non-blocking read: the tests never sleep. */
static ssize_t rd(struct tty_struct *tty, char *buf, size_t len)
{
	return n_tty_read(tty, &nonblock_file, buf, len);
}

static ssize_t wr(struct tty_struct *tty, const char *s)
{
	return n_tty_write(tty, &nonblock_file, s, strlen(s));
}

static void set_termios(struct tty_struct *tty, const struct ktermios *k)
{
	struct ktermios old = tty->termios;

	tty->termios = *k;
	n_tty_set_termios(tty, &old);
}

/* Printable form of a byte string for failure messages. */
static const char *esc(const void *p, int n, char *buf, int size)
{
	const unsigned char *s = p;
	int i, o = 0;

	for (i = 0; i < n && o < size - 5; i++) {
		if (s[i] >= 0x20 && s[i] < 0x7f && s[i] != '\\')
			buf[o++] = s[i];
		else
			o += snprintf(buf + o, size - o, "\\%03o", s[i]);
	}
	buf[o] = '\0';
	return buf;
}

static void expect_bytes(struct ktest *t, const char *what, const char *ctx,
			 const void *got, int gotlen, const char *want, int wantlen)
{
	char a[256], b[256];

	if (gotlen == wantlen && !memcmp(got, want, wantlen))
		return;
	ktest_fail(t, __FILE__, __LINE__, "%s: %s is \"%s\" (%d), expected \"%s\" (%d)",
		   ctx, what, esc(got, gotlen, a, sizeof(a)), gotlen,
		   esc(want, wantlen, b, sizeof(b)), wantlen);
}

static void expect_read(struct ktest *t, const char *ctx, struct tty_struct *tty,
			size_t len, const char *want)
{
	char buf[8192];
	ssize_t n = rd(tty, buf, len);

	if (!want) {
		if (n != -EAGAIN)
			ktest_fail(t, __FILE__, __LINE__, "%s: read returned %ld, expected -EAGAIN",
				   ctx, (long)n);
		return;
	}
	if (n < 0) {
		ktest_fail(t, __FILE__, __LINE__, "%s: read returned %ld, expected \"%s\"",
			   ctx, (long)n, want);
		return;
	}
	expect_bytes(t, "read", ctx, buf, n, want, strlen(want));
}

static void expect_echo(struct ktest *t, const char *ctx, const char *want)
{
	expect_bytes(t, "echo", ctx, line.out, line.outlen, want, strlen(want));
}

/* --- table-driven editing, input modes and echo ------------------------ */

struct edit_case {
	const char *name;
	tcflag_t iset, iclr, lset, lclr, oclr;
	const char *input;
	const char *read;	/* the first read (4096 bytes); NULL: EAGAIN */
	const char *echo;
};

static const struct edit_case edit_cases[] = {
	{ "plain", 0, 0, 0, 0, 0, "abc\r", "abc\n", "abc\r\n" },
	{ "newline", 0, 0, 0, 0, 0, "abc\n", "abc\n", "abc\r\n" },
	{ "no_line_yet", 0, 0, 0, 0, 0, "abc", NULL, "abc" },
	{ "erase", 0, 0, 0, 0, 0, "abx\177c\r", "abc\n", "abx\b \bc\r\n" },
	{ "erase_at_start", 0, 0, 0, 0, 0, "\177a\r", "a\n", "a\r\n" },
	{ "erase_ctrl", 0, 0, 0, 0, 0, "a\001\177\r", "a\n", "a^A\b \b\b \b\r\n" },
	{ "erase_tab", 0, 0, 0, 0, 0, "a\tb\177\177\r", "a\n",
	  "a\tb\b \b\b\b\b\b\b\b\b\r\n" },
	{ "erase_no_echoe", 0, 0, 0, ECHOE, 0, "ab\177\r", "a\n", "ab^?\r\n" },
	{ "kill_echoke", 0, 0, 0, 0, 0, "abc\025d\r", "d\n",
	  "abc\b \b\b \b\b \bd\r\n" },
	{ "kill_echok", 0, 0, 0, ECHOKE, 0, "ab\025c\r", "c\n", "ab^U\r\nc\r\n" },
	{ "kill_no_echok", 0, 0, 0, ECHOKE | ECHOK, 0, "ab\025c\r", "c\n",
	  "ab^Uc\r\n" },
	{ "werase", 0, 0, 0, 0, 0, "foo bar\027baz\r", "foo baz\n",
	  "foo bar\b \b\b \b\b \bbaz\r\n" },
	{ "werase_spaces", 0, 0, 0, 0, 0, "foo ba  \027x\r", "foo x\n",
	  "foo ba  \b \b\b \b\b \b\b \bx\r\n" },
	{ "werase_no_iexten", 0, 0, 0, IEXTEN, 0, "ab\027\r", "ab\027\n",
	  "ab^W\r\n" },
	{ "lnext", 0, 0, 0, 0, 0, "\026\003\r", "\003\n", "^\b^C\r\n" },
	{ "lnext_erase", 0, 0, 0, 0, 0, "a\026\177\r", "a\177\n", "a^\b^?\r\n" },
	{ "reprint", 0, 0, 0, 0, 0, "ab\022c\r", "abc\n", "ab^R\r\nabc\r\n" },
	{ "utf8_erase", IUTF8, 0, 0, 0, 0, "x\303\251\177\r", "x\n",
	  "x\303\251\b \b\r\n" },
	{ "bytes_erase", 0, 0, 0, 0, 0, "x\303\251\177\r", "x\303\n",
	  "x\303\251\b \b\r\n" },
	{ "icrnl_off", 0, ICRNL, 0, 0, 0, "ab\r\n", "ab\r\n", "ab^M\r\n" },
	{ "igncr", IGNCR, 0, 0, 0, 0, "a\rb\n", "ab\n", "ab\r\n" },
	{ "inlcr", INLCR, 0, 0, 0, 0, "ab\n\r", "ab\r\n", "ab^M\r\n" },
	{ "istrip", ISTRIP, 0, 0, 0, 0, "\341\r", "a\n", "a\r\n" },
	{ "iuclc", IUCLC, 0, 0, 0, 0, "ABc\r", "abc\n", "abc\r\n" },
	{ "echo_off", 0, 0, 0, ECHO, 0, "pw\r", "pw\n", "" },
	{ "echonl", 0, 0, ECHONL, ECHO, 0, "pw\r", "pw\n", "\r\n" },
	{ "echoctl_off", 0, 0, 0, ECHOCTL, 0, "a\001\r", "a\001\n", "a\001\r\n" },
	{ "opost_off", 0, 0, 0, 0, OPOST, "ab\r", "ab\n", "ab\n" },
	{ "ixon", 0, 0, 0, 0, 0, "a\023b\021\r", "ab\n", "ab\r\n" },
	{ "ixon_off", 0, IXON, 0, 0, 0, "a\023\r", "a\023\n", "a^S\r\n" },
	{ "intr", 0, 0, 0, 0, 0, "ab\003", NULL, "ab^C" },
	{ "noflsh", 0, 0, NOFLSH, 0, 0, "ab\003c\r", "abc\n", "ab^Cc\r\n" },
	{ "isig_off", 0, 0, 0, ISIG, 0, "a\003\r", "a\003\n", "a^C\r\n" },
	{ "raw", 0, 0, 0, ICANON, 0, "a\177\r", "a\177\n", "a^?\r\n" },
	{ "raw_noecho", 0, 0, 0, ICANON | ECHO, 0, "a\025", "a\025", "" },
};

static void tty_editing(struct ktest *t)
{
	const struct edit_case *c;
	struct tty_struct *tty;

	for (c = edit_cases; c < edit_cases + ARRAY_SIZE(edit_cases); c++) {
		tty = new_tty();
		tty->termios.c_iflag = (tty->termios.c_iflag | c->iset) & ~c->iclr;
		tty->termios.c_lflag = (tty->termios.c_lflag | c->lset) & ~c->lclr;
		tty->termios.c_oflag &= ~c->oclr;
		feed(tty, c->input);
		expect_echo(t, c->name, c->echo);
		expect_read(t, c->name, tty, 4096, c->read);
	}
}

/* --- signals --------------------------------------------------------------- */

struct sig_case {
	const char *name;
	const char *input;
	pid_t pgrp;
	int sig;		/* expected, 0: none */
};

static const struct sig_case sig_cases[] = {
	{ "intr", "x\003", 42, SIGINT },
	{ "quit", "\034", 42, SIGQUIT },
	{ "susp", "\032", 42, SIGTSTP },
	{ "no_pgrp", "\003", 0, 0 },
	{ "plain", "abc\r", 42, 0 },
	{ "literal", "\026\003", 42, 0 },
};

static void tty_signals(struct ktest *t)
{
	const struct sig_case *c;
	struct tty_struct *tty;

	for (c = sig_cases; c < sig_cases + ARRAY_SIZE(sig_cases); c++) {
		tty = new_tty();
		tty->pgrp = c->pgrp;
		feed(tty, c->input);
		if (last_sig != c->sig)
			ktest_fail(t, __FILE__, __LINE__, "%s: signal %d, expected %d",
				   c->name, last_sig, c->sig);
		if (c->sig && last_sig_pgrp != c->pgrp)
			ktest_fail(t, __FILE__, __LINE__, "%s: signalled group %d, expected %d",
				   c->name, last_sig_pgrp, c->pgrp);
	}
	/* ^C also drops queued output, unless NOFLSH */
	tty = new_tty();
	feed(tty, "\003");
	KEXPECT_EQ(t, line.flushes, 1);
}

/* --- end of file, partial reads ------------------------------------------- */

static void tty_eof(struct ktest *t)
{
	struct tty_struct *tty = new_tty();
	char buf[16];

	feed(tty, "\004");
	KEXPECT_EQ(t, rd(tty, buf, sizeof(buf)), 0);
	KEXPECT_EQ(t, rd(tty, buf, sizeof(buf)), -EAGAIN);

	tty = new_tty();
	feed(tty, "abc\004");
	expect_echo(t, "eof_after_text", "abc");
	expect_read(t, "eof_after_text", tty, 16, "abc");
	expect_read(t, "eof_after_text again", tty, 16, NULL);

	/* a short read that ends right before the EOF takes it too */
	tty = new_tty();
	feed(tty, "abc\004\004");
	expect_read(t, "eof_short 1", tty, 2, "ab");
	expect_read(t, "eof_short 2", tty, 1, "c");
	KEXPECT_EQ(t, rd(tty, buf, sizeof(buf)), 0);
	expect_read(t, "eof_short 4", tty, 16, NULL);

	/* the host input ends: what is typed is a line, then EOF for ever */
	tty = new_tty();
	feed(tty, "ab");
	tty_input_eof(tty);
	expect_read(t, "input_eof", tty, 16, "ab");
	KEXPECT_EQ(t, rd(tty, buf, sizeof(buf)), 0);
	KEXPECT_EQ(t, rd(tty, buf, sizeof(buf)), 0);
}

static void tty_partial_read(struct ktest *t)
{
	struct tty_struct *tty = new_tty();

	feed(tty, "abcdef\rgh\r");
	expect_read(t, "partial 1", tty, 3, "abc");
	expect_read(t, "partial 2", tty, 100, "def\n");
	expect_read(t, "partial 3", tty, 100, "gh\n");
	expect_read(t, "partial 4", tty, 100, NULL);
}

/* A line may fill the buffer but for one byte, so it can always end. */
static void tty_full_line(struct ktest *t)
{
	struct tty_struct *tty = new_tty();
	static char in[5000], want[4097];
	char buf[8192];
	ssize_t n;

	memset(in, 'x', sizeof(in));
	tty->termios.c_lflag &= ~ECHO;
	feed_n(tty, in, sizeof(in));
	KEXPECT_EQ(t, n_tty_receive_room(tty), 1);
	feed(tty, "\r");
	KEXPECT_EQ(t, n_tty_receive_room(tty), 0);
	memset(want, 'x', 4095);
	want[4095] = '\n';
	n = rd(tty, buf, sizeof(buf));
	expect_bytes(t, "read", "full_line", buf, n < 0 ? 0 : n, want, 4096);
}

/* --- non-canonical reads ----------------------------------------------------- */

struct raw_case {
	const char *name;
	cc_t vmin, vtime;
	const char *input;
	size_t len;
	ssize_t ret;		/* expected result */
};

static const struct raw_case raw_cases[] = {
	{ "min1", 1, 0, "ab", 10, 2 },
	{ "min1_short_buf", 1, 0, "abc", 2, 2 },
	{ "min0_time0_empty", 0, 0, "", 10, 0 },
	{ "min0_time0_data", 0, 0, "xyz", 10, 3 },
	{ "min0_time_expires", 0, 5, "", 10, 0 },
	{ "min3_has2_nonblock", 3, 0, "ab", 10, 2 },
	{ "min1_empty_nonblock", 1, 0, "", 10, -EAGAIN },
	{ "min2_time_between", 2, 1, "a", 10, 1 },
};

static void tty_raw_read(struct ktest *t)
{
	const struct raw_case *c;
	struct tty_struct *tty;
	struct file blocking = { .f_flags = 0 };
	char buf[64];
	ssize_t n;

	for (c = raw_cases; c < raw_cases + ARRAY_SIZE(raw_cases); c++) {
		tty = new_tty();
		tty->termios.c_lflag &= ~(ICANON | ECHO);
		tty->termios.c_cc[VMIN] = c->vmin;
		tty->termios.c_cc[VTIME] = c->vtime;
		feed(tty, c->input);
		/* the timer cases would sleep: run them "blocking" */
		n = n_tty_read(tty, c->vtime ? &blocking : &nonblock_file, buf, c->len);
		if (n != c->ret)
			ktest_fail(t, __FILE__, __LINE__, "%s: read returned %ld, expected %ld",
				   c->name, (long)n, (long)c->ret);
	}
}

static void tty_poll(struct ktest *t)
{
	struct tty_struct *tty = new_tty();

	feed(tty, "ab");
	KEXPECT_FALSE(t, n_tty_poll(tty, &nonblock_file, NULL) & POLLIN);
	KEXPECT_TRUE(t, n_tty_poll(tty, &nonblock_file, NULL) & POLLOUT);
	feed(tty, "\r");
	KEXPECT_TRUE(t, n_tty_poll(tty, &nonblock_file, NULL) & POLLIN);

	/* VMIN 3 without a timer: poll waits for all three */
	tty = new_tty();
	tty->termios.c_lflag &= ~ICANON;
	tty->termios.c_cc[VMIN] = 3;
	feed(tty, "ab");
	KEXPECT_FALSE(t, n_tty_poll(tty, &nonblock_file, NULL) & POLLIN);
	feed(tty, "c");
	KEXPECT_TRUE(t, n_tty_poll(tty, &nonblock_file, NULL) & POLLIN);

	tty_stop(tty);
	KEXPECT_FALSE(t, n_tty_poll(tty, &nonblock_file, NULL) & POLLOUT);
	tty_start(tty);
	KEXPECT_TRUE(t, n_tty_poll(tty, &nonblock_file, NULL) & POLLOUT);
}

static void tty_inq(struct ktest *t)
{
	struct tty_struct *tty = new_tty();

	feed(tty, "ab\rcd");
	KEXPECT_EQ(t, n_tty_inq(tty), 3);
	feed(tty, "\004");
	KEXPECT_EQ(t, n_tty_inq(tty), 5);	/* the EOF is not counted */
	tty = new_tty();
	tty->termios.c_lflag &= ~ICANON;
	feed(tty, "ab\rcd");
	KEXPECT_EQ(t, n_tty_inq(tty), 5);
}

/* A full buffer throttles the driver; reading asks it for more. */
static void tty_throttle(struct ktest *t)
{
	struct tty_struct *tty = new_tty();
	static char in[N_TTY_BUF_SIZE_TEST];
	char buf[100];

	memset(in, 'r', sizeof(in));
	tty->termios.c_lflag &= ~(ICANON | ECHO);
	feed_n(tty, in, sizeof(in));
	KEXPECT_EQ(t, n_tty_receive_room(tty), 0);
	tty->throttled = true;
	KEXPECT_EQ(t, rd(tty, buf, sizeof(buf)), sizeof(buf));
	KEXPECT_EQ(t, line.unthrottles, 1);
	KEXPECT_FALSE(t, tty->throttled);
	KEXPECT_EQ(t, n_tty_receive_room(tty), sizeof(buf));
}

/* --- mode changes ------------------------------------------------------- */

static void tty_mode_switch(struct ktest *t)
{
	struct tty_struct *tty = new_tty();
	struct ktermios k;

	/* a half-typed line becomes readable in raw mode */
	feed(tty, "ab");
	k = tty->termios;
	k.c_lflag &= ~ICANON;
	set_termios(tty, &k);
	expect_read(t, "canon_to_raw", tty, 10, "ab");

	/* raw input becomes one line in canonical mode */
	tty = new_tty();
	k = tty->termios;
	k.c_lflag &= ~ICANON;
	set_termios(tty, &k);
	feed(tty, "xy");
	k.c_lflag |= ICANON;
	set_termios(tty, &k);
	expect_read(t, "raw_to_canon", tty, 10, "xy");
	expect_read(t, "raw_to_canon again", tty, 10, NULL);

	/* EOF characters are dropped when leaving canonical mode */
	tty = new_tty();
	feed(tty, "q\004z");
	k = tty->termios;
	k.c_lflag &= ~ICANON;
	set_termios(tty, &k);
	expect_read(t, "eof_dropped", tty, 10, "qz");
}

/* --- output ------------------------------------------------------------- */

struct out_case {
	const char *name;
	tcflag_t oset, oclr;
	const char *in, *out;
};

static const struct out_case out_cases[] = {
	{ "onlcr", 0, 0, "a\nb", "a\r\nb" },
	{ "opost_off", 0, OPOST, "a\nb", "a\nb" },
	{ "onlcr_off", 0, ONLCR, "a\nb", "a\nb" },
	{ "ocrnl", OCRNL, 0, "a\rb", "a\nb" },
	{ "onocr", ONOCR, 0, "\rab\r", "ab\r" },
	{ "xtabs", XTABS, 0, "ab\tc", "ab      c" },
	{ "olcuc", OLCUC, 0, "abC", "ABC" },
};

static void tty_output(struct ktest *t)
{
	const struct out_case *c;
	struct tty_struct *tty;
	ssize_t n;

	for (c = out_cases; c < out_cases + ARRAY_SIZE(out_cases); c++) {
		tty = new_tty();
		tty->termios.c_oflag = (tty->termios.c_oflag | c->oset) & ~c->oclr;
		n = wr(tty, c->in);
		if (n != (ssize_t)strlen(c->in))
			ktest_fail(t, __FILE__, __LINE__, "%s: write returned %ld", c->name, (long)n);
		expect_bytes(t, "output", c->name, line.out, line.outlen, c->out,
			     strlen(c->out));
	}
}

/* Without room a non-blocking write writes what fits, then EAGAIN. */
static void tty_output_full(struct ktest *t)
{
	struct tty_struct *tty = new_tty();

	line.room = 0;
	KEXPECT_EQ(t, wr(tty, "abc"), -EAGAIN);
	line.room = TTY_MIN_ROOM - 1;
	KEXPECT_EQ(t, wr(tty, "abc"), -EAGAIN);
	line.room = 10;
	KEXPECT_EQ(t, wr(tty, "0123456789abcdef"), 10);
	expect_bytes(t, "output", "output_full", line.out, line.outlen, "0123456789", 10);

	tty = new_tty();
	tty_stop(tty);
	KEXPECT_EQ(t, wr(tty, "abc"), -EAGAIN);
	tty_start(tty);
	KEXPECT_EQ(t, wr(tty, "abc"), 3);

	/* echo is dropped, not queued, when the driver is full */
	tty = new_tty();
	line.room = 0;
	feed(tty, "a\r");
	expect_echo(t, "echo_full", "");
	expect_read(t, "echo_full", tty, 10, "a\n");
}

static const struct ktest_case cases[] = {
	KTEST_CASE(tty_editing),
	KTEST_CASE(tty_signals),
	KTEST_CASE(tty_eof),
	KTEST_CASE(tty_partial_read),
	KTEST_CASE(tty_full_line),
	KTEST_CASE(tty_raw_read),
	KTEST_CASE(tty_poll),
	KTEST_CASE(tty_inq),
	KTEST_CASE(tty_throttle),
	KTEST_CASE(tty_mode_switch),
	KTEST_CASE(tty_output),
	KTEST_CASE(tty_output_full),
	{}
};
KTEST_SUITE(tty_n_tty, cases);
