// SPDX-License-Identifier: GPL-2.0
/*
 * Line and channel layer tests: drivers/um/{line,chan_kern,chan_user,fd,
 * null,stdio_console,ssl}.c with n_tty, over real host pipes, files and
 * ptys (tty_line_host_test.c makes them).  The IRQ layer is a stub that
 * records what is asked; a test "fires" an interrupt by calling the
 * recorded handler, as the epoll loop would.
 */
#include "ktest.h"
#include <umk/tty.h>
#include <umk/fs.h>
#include <umk/irq.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <init.h>
#include "../../drivers/um/line.h"

/* host helpers (tty_line_host_test.c) */
int tth_pipe(int fds[2], int small);
int tth_write(int fd, const void *buf, int len);
int tth_read(int fd, void *buf, int len);
int tth_close(int fd);
int tth_file(const char *s);
int tth_openpty(int *master, int *slave);
int tth_termios(int fd, unsigned int *oflag, unsigned int *lflag);
int tth_nonblocking(int fd);

#define HOST_OPOST	0x1
#define HOST_ICANON	0x2

/* --- stubs ----------------------------------------------------------------- */

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

int kill_pgrp(pid_t pgrp, int sig, int priv)
{
	return 0;
}

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
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

void schedule(void)
{
	ktest_print("Bail out! would sleep\n");
	ktest_abort();
}

ktime_t schedule_timeout_interruptible(ktime_t ns)
{
	return 0;
}

bool signal_pending(struct task_struct *t)
{
	return false;
}

int tty_job_control(struct tty_struct *tty, int sig)
{
	return 0;
}

static struct tty_driver *console_tty;
static unsigned int console_tty_index;

void tty_set_console(struct tty_driver *drv, unsigned int index)
{
	console_tty = drv;
	console_tty_index = index;
}

int tty_register_driver(struct tty_driver *drv)
{
	return 0;
}

int tty_register_device(struct tty_driver *drv, unsigned int index)
{
	return 0;
}

static struct console *registered;

void register_console(struct console *con)
{
	registered = con;
}

static char errbuf[512];

/* Host terminal resizes: no host terminal in these tests. */
int os_winch_fd(void)
{
	return -1;
}

void os_winch_ack(void)
{
}

void os_stderr_write(const char *s, unsigned long len)
{
	size_t have = strlen(errbuf);

	if (have + len < sizeof(errbuf)) {
		memcpy(errbuf + have, s, len);
		errbuf[have + len] = '\0';
	}
}

static void (*exit_hook)(void);

int os_atexit(void (*fn)(void))
{
	exit_hook = fn;
	return 0;
}

/* The IRQ layer: one registration per fd, as the real one. */
static struct irq_rec {
	int fd, events;
	irq_handler_t handler;
	void *data;
} irqs[16];

static struct irq_rec *irq_of(int fd)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(irqs); i++)
		if (irqs[i].handler && irqs[i].fd == fd)
			return &irqs[i];
	return NULL;
}

int um_request_irq(int fd, int events, irq_handler_t handler, void *data)
{
	unsigned int i;

	if (irq_of(fd))
		return -EBUSY;
	for (i = 0; i < ARRAY_SIZE(irqs); i++) {
		if (irqs[i].handler)
			continue;
		irqs[i] = (struct irq_rec){ fd, events, handler, data };
		return 0;
	}
	return -ENOSPC;
}

int um_change_irq(int fd, int events)
{
	struct irq_rec *r = irq_of(fd);

	if (!r)
		return -ENOENT;
	r->events = events;
	return 0;
}

void um_free_irq(int fd)
{
	struct irq_rec *r = irq_of(fd);

	if (r)
		memset(r, 0, sizeof(*r));
}

static int irq_events(int fd)
{
	struct irq_rec *r = irq_of(fd);

	return r ? r->events : 0;
}

static void fire(int fd, int events)
{
	struct irq_rec *r = irq_of(fd);

	if (r)
		r->handler(fd, events, r->data);
}

/* --- helpers ------------------------------------------------------------- */

extern const struct umk_param __start_umk_params[], __stop_umk_params[];
extern const initcall_t __start_umk_initcall1[], __stop_umk_initcall1[];

/* Run a command-line word through the registered parameters. */
static int param(const char *word)
{
	const struct umk_param *p;
	size_t n;

	for (p = __start_umk_params; p < __stop_umk_params; p++) {
		n = strlen(p->name);
		if (p->flags & PARAM_PREFIX ? !strncmp(word, p->name, n) :
		    p->name[n - 1] == '=' ? !strncmp(word, p->name, n) :
		    !strcmp(word, p->name))
			return p->setup(word + (p->name[n - 1] == '=' ||
						(p->flags & PARAM_PREFIX) ? n : strlen(word)));
	}
	return -ENOENT;
}

/* Forget every parameter, as at a fresh boot. */
static void reset_lines(void)
{
	static struct line_driver *const drvs[] = { &con_driver, &ssl_driver };
	unsigned int d, i;

	for (d = 0; d < ARRAY_SIZE(drvs); d++) {
		for (i = 0; i < drvs[d]->nr; i++) {
			chan_close(&drvs[d]->lines[i].chans[0]);
			chan_close(&drvs[d]->lines[i].chans[1]);
		}
		memset(drvs[d]->lines, 0, drvs[d]->nr * sizeof(struct line));
		memset(&drvs[d]->def, 0, sizeof(drvs[d]->def));
	}
	ssl_driver.raw = true;
	line_console_setup("tty0");
	errbuf[0] = '\0';
	memset(irqs, 0, sizeof(irqs));
	registered = NULL;
	console_tty = NULL;
}

static void boot(void)
{
	const initcall_t *fn;

	for (fn = __start_umk_initcall1; fn < __stop_umk_initcall1; fn++)
		(*fn)();
}

/* Open line index of drv as tty_io.c would. */
static struct tty_struct *open_line(struct line_driver *drv, unsigned int index)
{
	struct tty_struct *tty = ktest_arena(sizeof(*tty));

	tty->driver = &drv->tty;
	tty->index = index;
	tty_init_termios(&tty->termios);
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	if (n_tty_open(tty) || line_tty_ops.install(tty) || line_tty_ops.open(tty))
		return NULL;
	return tty;
}

static struct file nonblock_file = { .f_flags = O_NONBLOCK };

static void restore_host(void)
{
	if (exit_hook)
		exit_hook();
}

/* --- parameters ------------------------------------------------------------ */

struct setup_case {
	const char *word;
	int err;
	struct line_driver *drv;
	int index;		/* -1: the driver default */
	const char *in_type, *out_type;	/* NULL: "none" */
	int in_fd, out_fd;
	bool both;
};

static const struct setup_case setup_cases[] = {
	{ "con=fd:0,fd:1", 0, &con_driver, -1, "fd", "fd", 0, 1, false },
	{ "con1=null", 0, &con_driver, 1, "null", "null", -1, -1, true },
	{ "con2=fd:1", 0, &con_driver, 2, "fd", "fd", 1, 1, true },
	{ "con3=none", 0, &con_driver, 3, NULL, NULL, 0, 0, false },
	{ "con0x4=null,fd:2", 0, &con_driver, 4, "null", "fd", -1, 2, false },
	{ "con15=null", 0, &con_driver, 15, "null", "null", -1, -1, true },
	{ "ssl=null", 0, &ssl_driver, -1, "null", "null", -1, -1, true },
	{ "ssl63=fd:0,null", 0, &ssl_driver, 63, "fd", "null", 0, -1, false },
	{ "con16=null", -EINVAL },
	{ "con99=null", -EINVAL },
	{ "ssl64=null", -EINVAL },
	{ "conx=null", -EINVAL },
	{ "con1null", -EINVAL },
	{ "con-1=null", -EINVAL },
	{ "con1=foo:1", -EINVAL },
	{ "con1=pty", -EINVAL },
	{ "con1=pts", -EINVAL },
	{ "con1=port:9000", -EINVAL },
	{ "con1=xterm", -EINVAL },
	{ "con1=tty:/dev/tty1", -EINVAL },
	{ "con1=fd:", -EINVAL },
	{ "con1=fd", -EINVAL },
	{ "con1=fd:1x", -EINVAL },
	{ "con1=fd:-1", -EINVAL },
	{ "con1=fd:987", -EINVAL },	/* not open on the host */
	{ "con1=fd:0,", -EINVAL },
	{ "con1=,fd:0", -EINVAL },
	{ "con1=", -EINVAL },
	{ "con1=null:1", -EINVAL },
	{ "con1=nullx", -EINVAL },
	{ "con1=none,null", -EINVAL },
	{ "ssl-non-raw", 0 },
	{ "console=ttyS5", 0 },
	{ "console=tty15", 0 },
	{ "console=ttyS0,115200n8", 0 },
	{ "console=tty16", -EINVAL },
	{ "console=ttyS64", -EINVAL },
	{ "console=hvc0", -EINVAL },
	{ "console=tty", -EINVAL },
	{ "console=tty1x", -EINVAL },
};

static void check_conf(struct ktest *t, const struct setup_case *c)
{
	const struct line_conf *lc = c->index < 0 ? &c->drv->def :
				     &c->drv->lines[c->index].conf;

	if (!lc->str) {
		ktest_fail(t, __FILE__, __LINE__, "%s: nothing recorded", c->word);
		return;
	}
	if (!c->in_type) {
		if (!lc->none)
			ktest_fail(t, __FILE__, __LINE__, "%s: not none", c->word);
		return;
	}
	if (lc->none || strcmp(lc->in.ops->type, c->in_type) ||
	    strcmp(lc->out.ops->type, c->out_type) || lc->both != c->both ||
	    (c->in_fd >= 0 && lc->in.fd != c->in_fd) ||
	    (c->out_fd >= 0 && lc->out.fd != c->out_fd))
		ktest_fail(t, __FILE__, __LINE__, "%s: recorded %s:%d,%s:%d both=%d",
			   c->word, lc->in.ops ? lc->in.ops->type : "-", lc->in.fd,
			   lc->out.ops ? lc->out.ops->type : "-", lc->out.fd, lc->both);
}

/* What a bad word prints: exactly one line. */
static const struct { const char *word, *msg; } msg_cases[] = {
	{ "con99=null", "Failed to set up console with configuration string \"con99=null\" : Device number out of range\n" },
	{ "ssl64=null", "Failed to set up serial line with configuration string \"ssl64=null\" : Device number out of range\n" },
	{ "conx=null", "Failed to set up console with configuration string \"conx=null\" : Couldn't parse device number\n" },
	{ "con1=foo:1", "con1: unknown channel type \"foo\" in \"foo:1\"\n" },
	{ "con=foo", "con: unknown channel type \"foo\" in \"foo\"\n" },
	{ "con1=pty", "con1: channel type \"pty\" is not supported yet\n" },
	{ "ssl2=null,xterm", "ssl2: channel type \"xterm\" is not supported yet\n" },
	{ "con1=fd:1x", "con1: bad host fd number in \"fd:1x\": fd:N takes a decimal number and nothing after it\n" },
	{ "con1=fd:987", "con1: host fd 987 is not open, in \"fd:987\"\n" },
	{ "con1=null:0", "con1: channel \"null\" takes no argument, in \"null:0\"\n" },
	{ "console=tty16", "console=tty16: unknown console (expected ttyN, N < 16, or ttySN, N < 64)\n" },
	{ "con1=null", "" },
};

static void tty_line_messages(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(msg_cases); i++) {
		reset_lines();
		param(msg_cases[i].word);
		if (strcmp(errbuf, msg_cases[i].msg))
			ktest_fail(t, __FILE__, __LINE__, "%s printed \"%s\", expected \"%s\"",
				   msg_cases[i].word, errbuf, msg_cases[i].msg);
	}
}

static void tty_line_setup(struct ktest *t)
{
	const struct setup_case *c;
	int err;

	for (c = setup_cases; c < setup_cases + ARRAY_SIZE(setup_cases); c++) {
		reset_lines();
		err = param(c->word);
		if (err != c->err)
			ktest_fail(t, __FILE__, __LINE__, "%s: setup returned %d, expected %d",
				   c->word, err, c->err);
		else if (!err && c->drv)
			check_conf(t, c);
	}
	reset_lines();
	KEXPECT_EQ(t, param("ssl-non-raw"), 0);
	KEXPECT_FALSE(t, ssl_driver.raw);
}

/* --- which lines exist, and the console ---------------------------------- */

struct boot_case {
	const char *words[4];
	unsigned int con_enabled;	/* bit N: conN exists */
	int console;			/* con index of the console, -1: none */
};

static const struct boot_case boot_cases[] = {
	/* the defaults: con0 = fd:0,fd:1 (but keep the test's stdout alone) */
	{ { "console=tty1", "con1=null" }, 0x3, 1 },
	{ { "con=null", "console=tty2" }, 0xffff, 2 },
	{ { "con=null", "con3=none", "console=tty3" }, 0xfff7, -1 },
	{ { "con=none", "con5=null", "console=tty5" }, 0x20, 5 },
	{ { "con0=none", "con1=null", "console=tty1" }, 0x2, 1 },
};

static bool con_lines_enabled(unsigned int i)
{
	return con_driver.lines[i].enabled;
}

static void tty_line_boot(struct ktest *t)
{
	const struct boot_case *c;
	unsigned int i, mask;
	const char *const *w;

	for (c = boot_cases; c < boot_cases + ARRAY_SIZE(boot_cases); c++) {
		reset_lines();
		for (w = c->words; *w; w++)
			KEXPECT_EQ(t, param(*w), 0);
		boot();
		for (mask = 0, i = 0; i < con_driver.nr; i++)
			if (con_lines_enabled(i))
				mask |= 1U << i;
		if (mask != c->con_enabled)
			ktest_fail(t, __FILE__, __LINE__, "%s...: lines %#x, expected %#x",
				   c->words[0], mask, c->con_enabled);
		if (c->console < 0) {
			KEXPECT_TRUE(t, registered == NULL);
			continue;
		}
		KEXPECT_TRUE(t, registered != NULL);
		KEXPECT_TRUE(t, console_tty == &con_driver.tty);
		KEXPECT_EQ(t, console_tty_index, c->console);
		if (registered)
			KEXPECT_TRUE(t, registered->data == &con_driver.lines[c->console]);
	}
	for (i = 0; i < ssl_driver.nr; i++)
		KEXPECT_FALSE(t, ssl_driver.lines[i].enabled);
}

/* --- input and output over host pipes ------------------------------------ */

struct pipes {
	int in[2];		/* the test writes in[1]; the line reads in[0] */
	int out[2];		/* the line writes out[1]; the test reads out[0] */
};

/* con2=fd:<in>,fd:<out>, booted with the console on a null line. */
static struct tty_struct *pipe_line(struct ktest *t, struct pipes *p, int small)
{
	char word[64];

	reset_lines();
	if (tth_pipe(p->in, 0) || tth_pipe(p->out, small)) {
		ktest_fail(t, __FILE__, __LINE__, "no host pipes");
		return NULL;
	}
	snprintf(word, sizeof(word), "con2=fd:%d,fd:%d", p->in[0], p->out[1]);
	KEXPECT_EQ(t, param(word), 0);
	KEXPECT_EQ(t, param("con1=null"), 0);
	KEXPECT_EQ(t, param("console=tty1"), 0);
	boot();
	return open_line(&con_driver, 2);
}

static void close_pipes(struct pipes *p)
{
	tth_close(p->in[0]);
	tth_close(p->in[1]);
	tth_close(p->out[0]);
	tth_close(p->out[1]);
}

static void tty_line_input(struct ktest *t)
{
	struct pipes p;
	struct tty_struct *tty = pipe_line(t, &p, 0);
	char buf[64];
	int n;

	if (!tty)
		return;
	KEXPECT_EQ(t, irq_events(p.in[0]), IRQ_READ);
	KEXPECT_EQ(t, irq_events(p.out[1]), 0);
	KEXPECT_EQ(t, tth_nonblocking(p.in[0]), 1);
	tth_write(p.in[1], "hi\r", 3);
	fire(p.in[0], IRQ_READ);
	n = n_tty_read(tty, &nonblock_file, buf, sizeof(buf));
	KEXPECT_EQ(t, n, 3);
	KEXPECT_TRUE(t, n == 3 && !memcmp(buf, "hi\n", 3));
	/* the echo went out through the output channel */
	n = tth_read(p.out[0], buf, sizeof(buf));
	KEXPECT_EQ(t, n, 4);
	KEXPECT_TRUE(t, n == 4 && !memcmp(buf, "hi\r\n", 4));

	/* the host closes its end: the rest is read, then end of file */
	tth_write(p.in[1], "x", 1);
	tth_close(p.in[1]);
	fire(p.in[0], IRQ_READ);	/* a short read: "x" */
	fire(p.in[0], IRQ_READ);	/* level-triggered: again, end of file */
	KEXPECT_EQ(t, irq_events(p.in[0]), 0);	/* no more interrupts */
	KEXPECT_EQ(t, n_tty_read(tty, &nonblock_file, buf, sizeof(buf)), 1);
	KEXPECT_EQ(t, n_tty_read(tty, &nonblock_file, buf, sizeof(buf)), 0);
	p.in[1] = -1;
	close_pipes(&p);
	restore_host();
}

/* The host pipe fills: output queues, a write interrupt drains it. */
static void tty_line_output(struct ktest *t)
{
	static char data[12000], got[12000];
	struct pipes p;
	struct tty_struct *tty = pipe_line(t, &p, 1);
	ssize_t n;
	int i, total;

	if (!tty)
		return;
	tty->termios.c_oflag &= ~OPOST;
	for (i = 0; i < (int)sizeof(data); i++)
		data[i] = 'a' + i % 26;
	n = n_tty_write(tty, &nonblock_file, data, sizeof(data));
	/* 4096 in the pipe, LINE_BUFSIZE queued, then EAGAIN */
	KEXPECT_EQ(t, n, 4096 + LINE_BUFSIZE);
	KEXPECT_EQ(t, line_tty_ops.chars_in_buffer(tty), LINE_BUFSIZE);
	KEXPECT_EQ(t, irq_events(p.out[1]), IRQ_WRITE);
	KEXPECT_EQ(t, n_tty_write(tty, &nonblock_file, data, 10), -EAGAIN);

	total = tth_read(p.out[0], got, 4096);
	fire(p.out[1], IRQ_WRITE);
	KEXPECT_EQ(t, line_tty_ops.chars_in_buffer(tty), 0);
	KEXPECT_EQ(t, irq_events(p.out[1]), 0);
	total += tth_read(p.out[0], got + total, sizeof(got) - total);
	KEXPECT_EQ(t, total, n);
	KEXPECT_TRUE(t, !memcmp(got, data, total));
	close_pipes(&p);
	restore_host();
}

/* A regular file cannot be polled: it is read as the tty makes room. */
static void tty_line_file_input(struct ktest *t)
{
	static char text[6000];
	struct tty_struct *tty;
	char word[64], buf[8192];
	int fd, i;

	for (i = 0; i < (int)sizeof(text) - 1; i++)
		text[i] = i % 100 == 99 ? '\r' : 'f';
	fd = tth_file(text);
	reset_lines();
	snprintf(word, sizeof(word), "con3=fd:%d,null", fd);
	KEXPECT_EQ(t, param(word), 0);
	KEXPECT_EQ(t, param("console=tty3"), 0);
	boot();
	tty = open_line(&con_driver, 3);
	if (!tty)
		return;
	KEXPECT_EQ(t, irq_events(fd), 0);
	/* 4096 bytes taken at open, the rest after reads make room */
	for (i = 0; i < 59; i++)
		if (n_tty_read(tty, &nonblock_file, buf, sizeof(buf)) != 100)
			break;
	KEXPECT_EQ(t, i, 59);
	KEXPECT_EQ(t, n_tty_read(tty, &nonblock_file, buf, sizeof(buf)), 99);
	KEXPECT_EQ(t, n_tty_read(tty, &nonblock_file, buf, sizeof(buf)), 0);
	tth_close(fd);
	restore_host();
}

/*
 * A host terminal: raw while in use (so kernel messages need \r\n added),
 * its window size read, and its modes back at exit.
 */
static void tty_line_host_tty(struct ktest *t)
{
	unsigned int oflag, lflag;
	struct tty_struct *tty;
	int master, slave, n;
	char word[64], buf[64];

	if (tth_openpty(&master, &slave)) {
		ktest_print("# no host pty: skipped\n");
		return;
	}
	reset_lines();
	snprintf(word, sizeof(word), "con4=fd:%d", slave);
	KEXPECT_EQ(t, param(word), 0);
	KEXPECT_EQ(t, param("console=tty4"), 0);
	boot();
	KEXPECT_EQ(t, tth_termios(slave, &oflag, &lflag), 0);
	KEXPECT_FALSE(t, oflag & HOST_OPOST);
	KEXPECT_FALSE(t, lflag & HOST_ICANON);
	KEXPECT_TRUE(t, registered != NULL);
	if (registered) {
		registered->write(registered, "boot\nok\r\n", 9);
		n = tth_read(master, buf, sizeof(buf));
		KEXPECT_EQ(t, n, 10);
		KEXPECT_TRUE(t, n == 10 && !memcmp(buf, "boot\r\nok\r\n", 10));
	}
	tty = open_line(&con_driver, 4);
	KEXPECT_TRUE(t, tty != NULL);
	if (tty) {
		KEXPECT_EQ(t, tty->winsize.ws_row, 33);
		KEXPECT_EQ(t, tty->winsize.ws_col, 101);
		KEXPECT_EQ(t, irq_events(slave), IRQ_READ);
	}
	restore_host();
	KEXPECT_EQ(t, tth_termios(slave, &oflag, &lflag), 0);
	KEXPECT_TRUE(t, oflag & HOST_OPOST);
	KEXPECT_TRUE(t, lflag & HOST_ICANON);
	KEXPECT_EQ(t, tth_nonblocking(slave), 0);
	tth_close(master);
	tth_close(slave);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(tty_line_setup),
	KTEST_CASE(tty_line_messages),
	KTEST_CASE(tty_line_boot),
	KTEST_CASE(tty_line_input),
	KTEST_CASE(tty_line_output),
	KTEST_CASE(tty_line_file_input),
	KTEST_CASE(tty_line_host_tty),
	{}
};
KTEST_SUITE(tty_line, cases);
