// SPDX-License-Identifier: GPL-2.0
/*
 * The line layer: con and ssl devices as tty drivers over host channels.
 * See line.h for the life of a line.
 */
#include <umk/kernel.h>
#include <umk/mm.h>
#include <umk/printk.h>
#include <umk/irq.h>
#include <umk/signal.h>
#include <init.h>
#include <os.h>
#include "line.h"

static struct line_driver *const line_drivers[] = { &con_driver, &ssl_driver };

/* console=: the preferred console, tty0 unless said otherwise. */
static struct line_driver *console_drv = &con_driver;
static unsigned int console_idx;

/* --- parameters (setup time: record only) ----------------------------- */

static int parse_conf(struct line_conf *lc, const char *str, const char *who)
{
	int err;

	if (!strcmp(str, "none")) {
		memset(lc, 0, sizeof(*lc));
		lc->none = true;
		lc->str = str;
		return 0;
	}
	err = chan_parse_pair(who, str, &lc->in, &lc->out, &lc->both);
	if (err)
		return err;
	lc->none = false;
	lc->str = str;
	return 0;
}

static int setup_error(struct line_driver *drv, const char *val, const char *why)
{
	chan_config_error("Failed to set up %s with configuration string \"%s%s\" : %s",
			  drv->long_name, drv->name, val, why);
	return -EINVAL;
}

int line_setup(struct line_driver *drv, const char *val)
{
	unsigned long n;
	char *end;
	char who[8];

	if (*val == '=')
		return parse_conf(&drv->def, val + 1, drv->name);
	n = simple_strtoul(val, &end, 0);
	if (end == val || *end != '=')
		return setup_error(drv, val, "Couldn't parse device number");
	if (n >= drv->nr)
		return setup_error(drv, val, "Device number out of range");
	snprintf(who, sizeof(who), "%s%lu", drv->name, n);
	return parse_conf(&drv->lines[n].conf, end + 1, who);
}

/* "tty3" or "ttyS0", maybe with ",<options>" as Linux allows (ignored). */
int line_console_setup(const char *val)
{
	struct line_driver *drv = &con_driver;
	const char *p = val + 3;
	unsigned long n = 0;

	if (strncmp(val, "tty", 3))
		goto bad;
	if (*p == 'S') {
		drv = &ssl_driver;
		p++;
	}
	if (*p < '0' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (*p - '0');
		if (n >= drv->nr)
			goto bad;
	}
	if (*p && *p != ',')
		goto bad;
	console_drv = drv;
	console_idx = n;
	return 0;
bad:
	chan_config_error("console=%s: unknown console (expected ttyN, N < %u, or ttySN, N < %u)",
			  val, con_driver.nr, ssl_driver.nr);
	return -EINVAL;
}

/* --- output ------------------------------------------------------------ */

static unsigned int queue_put(struct line *line, const unsigned char *buf,
			      unsigned int len)
{
	unsigned int n = 0, pos, seg;

	while (n < len && line->qlen < LINE_BUFSIZE) {
		pos = (line->qhead + line->qlen) % LINE_BUFSIZE;
		seg = min(len - n, LINE_BUFSIZE - line->qlen);	/* free */
		seg = min(seg, LINE_BUFSIZE - pos);		/* to the end */
		memcpy(line->queue + pos, buf + n, seg);
		line->qlen += seg;
		n += seg;
	}
	return n;
}

static void queue_drop(struct line *line, unsigned int n)
{
	line->qhead = (line->qhead + n) % LINE_BUFSIZE;
	line->qlen -= n;
	if (!line->qlen)
		line->qhead = 0;
}

static int line_write(struct tty_struct *tty, const unsigned char *buf, int len)
{
	struct line *line = tty->driver_data;
	int n = 0;

	if (!line->qlen) {
		n = chan_write(line->out, (const char *)buf, len);
		if (n < 0)
			n = 0;
		if (n == len)
			return n;
	}
	n += queue_put(line, buf + n, len - n);
	chan_want_output(line->out, true);
	return n;
}

/* Write interrupt: the host takes output again. */
static void line_writable(struct chan *chan)
{
	struct line *line = chan->owner;
	unsigned int seg;
	int n;

	while (line->qlen) {
		seg = min(line->qlen, LINE_BUFSIZE - line->qhead);
		n = chan_write(chan, (const char *)line->queue + line->qhead, seg);
		if (n <= 0)
			break;
		queue_drop(line, n);
	}
	if (!line->qlen)
		chan_want_output(chan, false);
	if (line->tty)
		tty_wakeup(line->tty);
}

static unsigned int line_write_room(struct tty_struct *tty)
{
	struct line *line = tty->driver_data;

	return LINE_BUFSIZE - line->qlen;
}

static unsigned int line_chars_in_buffer(struct tty_struct *tty)
{
	struct line *line = tty->driver_data;

	return line->qlen;
}

static void line_flush_buffer(struct tty_struct *tty)
{
	struct line *line = tty->driver_data;

	queue_drop(line, line->qlen);
	chan_want_output(line->out, false);
	tty_wakeup(tty);
}

/* --- input ------------------------------------------------------------- */

/* Read interrupt (or a pull on an always-ready fd): feed the tty. */
static void line_input(struct chan *chan)
{
	struct line *line = chan->owner;
	struct tty_struct *tty = line->tty;
	unsigned char buf[256];
	int room, want, n;

	for (;;) {
		room = tty ? n_tty_receive_room(tty) : 0;
		if (room <= 0) {
			if (tty)
				tty->throttled = true;
			chan_want_input(chan, false);
			return;
		}
		want = min_t(int, room, sizeof(buf));
		n = chan_read(chan, (char *)buf, want);
		if (n == -EAGAIN)
			return;
		if (n <= 0) {
			chan_want_input(chan, false);
			chan->input_ended = true;
			tty_input_eof(tty);
			return;
		}
		n_tty_receive_buf(tty, buf, n);
		if (n < want && !chan->polled)
			return;		/* drained; the next interrupt says more */
	}
}

static void line_unthrottle(struct tty_struct *tty)
{
	struct line *line = tty->driver_data;

	chan_want_input(line->in, true);
}

/* --- open and close ------------------------------------------------------ */

static int line_install(struct tty_struct *tty)
{
	struct line_driver *drv = container_of(tty->driver, struct line_driver, tty);
	struct line *line = &drv->lines[tty->index];

	if (!line->enabled)
		return -ENODEV;
	tty->driver_data = line;
	line->tty = tty;
	return 0;
}

/* Take the host terminal's size; true if it changed. */
static bool line_winsize(struct line *line)
{
	unsigned short rows, cols;
	struct winsize *ws = &line->tty->winsize;

	if (chan_window_size(line->out, &rows, &cols) &&
	    chan_window_size(line->in, &rows, &cols))
		return false;
	if (!rows || !cols || (ws->ws_row == rows && ws->ws_col == cols))
		return false;
	ws->ws_row = rows;
	ws->ws_col = cols;
	return true;
}

/*
 * The host terminal was resized: lines on it take the new size and, as
 * a terminal would, send SIGWINCH to their foreground process group.
 */
static void line_winch_irq(int fd, int events, void *data)
{
	unsigned int d, i;

	os_winch_ack();
	for (d = 0; d < ARRAY_SIZE(line_drivers); d++) {
		for (i = 0; i < line_drivers[d]->nr; i++) {
			struct line *line = &line_drivers[d]->lines[i];

			if (line->started && line->tty && line_winsize(line) &&
			    line->tty->pgrp > 0)
				kill_pgrp(line->tty->pgrp, SIGWINCH, 1);
		}
	}
}

/*
 * Channels open at the first open of the line and then stay open, so
 * that input typed between two opens is kept as a terminal would.
 */
static int line_open(struct tty_struct *tty)
{
	struct line *line = tty->driver_data;
	int err;

	if (line->started)
		return 0;
	if (!line->queue) {
		line->queue = kmalloc(LINE_BUFSIZE, GFP_KERNEL);
		if (!line->queue)
			return -ENOMEM;
	}
	err = chan_open(line->in);
	if (err)
		return -EIO;
	err = chan_open(line->out);
	if (err)
		return -EIO;
	line_winsize(line);
	line->started = true;
	chan_want_input(line->in, true);
	return 0;
}

const struct tty_operations line_tty_ops = {
	.install	= line_install,
	.open		= line_open,
	.write		= line_write,
	.write_room	= line_write_room,
	.chars_in_buffer = line_chars_in_buffer,
	.flush_buffer	= line_flush_buffer,
	.unthrottle	= line_unthrottle,
};

/* --- boot -------------------------------------------------------------- */

/* Pick the configuration of a line and set up its channels. */
static void line_configure(struct line_driver *drv, unsigned int i)
{
	struct line *line = &drv->lines[i];
	const struct line_conf *lc = NULL;
	struct line_conf builtin;
	const char *def;

	line->driver = drv;
	line->index = i;
	snprintf(line->who, sizeof(line->who), "%s%u", drv->name, i);
	if (line->conf.str)
		lc = &line->conf;
	else if (drv->def.str)
		lc = &drv->def;
	else if ((def = drv->default_conf(i)) && !parse_conf(&builtin, def, line->who))
		lc = &builtin;
	if (!lc || lc->none)
		return;
	chan_init(&line->chans[0], &lc->in, line->who, line, drv->raw);
	line->in = &line->chans[0];
	line->out = line->in;
	if (!lc->both) {
		chan_init(&line->chans[1], &lc->out, line->who, line, drv->raw);
		line->out = &line->chans[1];
	}
	line->in->input = line_input;
	line->out->writable = line_writable;
	line->enabled = true;
}

/*
 * Kernel messages go straight to the console line's output channel, after
 * whatever guest output is still queued for it, so the order is kept.
 */
static void line_console_write(struct console *con, const char *s, unsigned int len)
{
	struct line *line = con->data;
	unsigned int seg;

	while (line->qlen) {
		seg = min(line->qlen, LINE_BUFSIZE - line->qhead);
		chan_write_all(line->out, (const char *)line->queue + line->qhead, seg);
		queue_drop(line, seg);
	}
	chan_want_output(line->out, false);
	if (line->tty)
		tty_wakeup(line->tty);
	chan_console_write(line->out, s, len);
}

static struct console line_console = {
	.name	= "tty",
	.write	= line_console_write,
	.flags	= CON_ENABLED,
};

static int line_init(void)
{
	struct line *line;
	unsigned int d, i;

	for (d = 0; d < ARRAY_SIZE(line_drivers); d++)
		for (i = 0; i < line_drivers[d]->nr; i++)
			line_configure(line_drivers[d], i);
	if (um_request_irq(os_winch_fd(), IRQ_READ, line_winch_irq, NULL))
		printk(KERN_WARNING "lines: cannot follow host terminal resizes\n");
	line = &console_drv->lines[console_idx];
	if (!line->enabled) {
		printk(KERN_WARNING "console %s%u is disabled (none): kernel messages stay on the boot console\n",
		       console_drv->tty.name, console_idx);
		return 0;
	}
	if (chan_open(line->out))
		return -EIO;
	tty_set_console(&console_drv->tty, console_idx);
	line_console.name = console_drv->tty.name;
	line_console.data = line;
	register_console(&line_console);
	printk(KERN_INFO "Console initialized on /dev/%s%u\n",
	       console_drv->tty.name, console_idx);
	return 0;
}
core_initcall(line_init);

static int line_register_devices(struct line_driver *drv)
{
	unsigned int i;
	int err;

	err = tty_register_driver(&drv->tty);
	if (err)
		return err;
	for (i = 0; i < drv->nr; i++) {
		if (!drv->lines[i].enabled)
			continue;
		err = tty_register_device(&drv->tty, i);
		if (err)
			printk(KERN_ERR "%s: cannot make /dev/%s%u (error %d)\n",
			       drv->lines[i].who, drv->tty.name, i, err);
	}
	return 0;
}

static int line_devices_init(void)
{
	unsigned int d;
	int err, ret = 0;

	for (d = 0; d < ARRAY_SIZE(line_drivers); d++) {
		err = line_register_devices(line_drivers[d]);
		if (err)
			ret = err;
	}
	return ret;
}
device_initcall(line_devices_init);
