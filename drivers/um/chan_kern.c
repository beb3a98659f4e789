// SPDX-License-Identifier: GPL-2.0
/*
 * The generic part of the channels: configuration parsing, dispatch to
 * the channel type, and interrupts.
 *
 * Interrupts.  The IRQ layer takes one registration per host fd, but
 * several channels may share an fd: "con0=fd:0" is one channel reading and
 * writing fd 0, "con0=fd:0,fd:0" two channels on it, and lines may share
 * an output fd.  So there is one chan_irq per host fd, listing its
 * channels; its event mask is the union of what they want (IRQ_READ while
 * a channel wants input, IRQ_WRITE while one has output waiting), and it
 * is unregistered when nobody wants anything, so that a hung-up fd cannot
 * keep firing.  A host fd that epoll refuses (a regular file, /dev/null)
 * is "polled": it is always ready, so input is pulled straight away
 * whenever it is wanted, and writes to it never wait.
 */
#include <umk/kernel.h>
#include <umk/irq.h>
#include <umk/mm.h>
#include <os.h>
#include "chan.h"
#include "chan_user.h"

struct chan_type {
	const char *name;
	const struct chan_ops *ops;	/* NULL: not in this kernel */
	bool later;			/* ... because nobody wrote it yet */
};

/* In UML's order of prefixes. */
static const struct chan_type chan_types[] = {
	{ "fd", &fd_chan_ops, false },
	{ "null", &null_chan_ops, false },
	{ "port", NULL, true },
	{ "pty", NULL, true },
	{ "pts", NULL, true },
	{ "tty", NULL, true },
	{ "xterm", NULL, true },
};

struct chan_irq {
	int fd;
	int events;			/* registered events, 0: unregistered */
	struct list_head chans;		/* via chan->irq_node */
	struct list_head node;
};

static LIST_HEAD(chan_irqs);

/* --- configuration (setup time: no memory, print one line on error) -- */

/*
 * Parameters are parsed before any console exists, so a bad one is told
 * straight to the host's stderr, as the other setup functions do.
 */
void chan_config_error(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	buf[n++] = '\n';
	os_stderr_write(buf, n);
}

static const struct chan_type *find_type(const char *s, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(chan_types); i++)
		if (strlen(chan_types[i].name) == len &&
		    !strncmp(chan_types[i].name, s, len))
			return &chan_types[i];
	return NULL;
}

static int parse_one(const char *who, const char *s, unsigned int len,
		     const char *whole, struct chan_conf *conf)
{
	const char *colon = memchr(s, ':', len);
	unsigned int tlen = colon ? (unsigned int)(colon - s) : len;
	const struct chan_type *type = find_type(s, tlen);
	char name[16];

	strscpy(name, s, min_t(unsigned int, tlen + 1, sizeof(name)));
	if (!len) {
		chan_config_error("%s: missing channel in \"%s\"", who, whole);
		return -EINVAL;
	}
	if (!type) {
		chan_config_error("%s: unknown channel type \"%s\" in \"%s\"",
				  who, name, whole);
		return -EINVAL;
	}
	if (!type->ops) {
		chan_config_error("%s: channel type \"%s\" is not %s", who, name,
				  type->later ? "supported yet" : "built into this kernel");
		return -EINVAL;
	}
	memset(conf, 0, sizeof(*conf));
	conf->ops = type->ops;
	conf->fd = -1;
	if (colon) {
		conf->arg = colon + 1;
		conf->arglen = len - tlen - 1;
	}
	return type->ops->parse(conf, conf->arg, conf->arglen, who, whole);
}

/*
 * "<in>,<out>" or "<both>": fill in and out; *both says that one channel
 * serves both directions.
 */
int chan_parse_pair(const char *who, const char *str, struct chan_conf *in,
		    struct chan_conf *out, bool *both)
{
	const char *comma = strchr(str, ',');
	int err;

	*both = !comma;
	if (!comma) {
		err = parse_one(who, str, strlen(str), str, in);
		if (!err)
			*out = *in;
		return err;
	}
	err = parse_one(who, str, comma - str, str, in);
	if (err)
		return err;
	return parse_one(who, comma + 1, strlen(comma + 1), str, out);
}

/* --- opening and I/O ------------------------------------------------- */

void chan_init(struct chan *chan, const struct chan_conf *conf, const char *who,
	       void *owner, bool raw)
{
	memset(chan, 0, sizeof(*chan));
	chan->conf = *conf;
	chan->who = who;
	chan->owner = owner;
	chan->raw = raw;
	chan->fd = -1;
	INIT_LIST_HEAD(&chan->irq_node);
}

static struct chan_irq *get_chan_irq(int fd)
{
	struct chan_irq *irq;

	list_for_each_entry(irq, &chan_irqs, node)
		if (irq->fd == fd)
			return irq;
	irq = kzalloc(sizeof(*irq), GFP_KERNEL);
	if (!irq)
		return NULL;
	irq->fd = fd;
	INIT_LIST_HEAD(&irq->chans);
	list_add(&irq->node, &chan_irqs);
	return irq;
}

int chan_open(struct chan *chan)
{
	int err;

	if (chan->opened)
		return 0;
	err = chan->conf.ops->open(chan);
	if (err) {
		printk(KERN_ERR "%s: cannot open its %s channel (error %d)\n",
		       chan->who, chan->conf.ops->type, err);
		return err;
	}
	if (chan->fd >= 0 && chan_user_pollable(chan->fd) > 0) {
		chan->irq = get_chan_irq(chan->fd);
		if (!chan->irq) {
			if (chan->conf.ops->close)
				chan->conf.ops->close(chan);
			return -ENOMEM;
		}
		list_add_tail(&chan->irq_node, &chan->irq->chans);
	} else {
		chan->polled = true;
	}
	chan->opened = true;
	return 0;
}

void chan_close(struct chan *chan)
{
	if (!chan->opened)
		return;
	chan_want_input(chan, false);
	chan_want_output(chan, false);
	list_del_init(&chan->irq_node);
	chan->irq = NULL;
	if (chan->conf.ops->close)
		chan->conf.ops->close(chan);
	chan->opened = false;
}

int chan_read(struct chan *chan, char *buf, int len)
{
	if (!chan->opened || !chan->conf.ops->read)
		return -EAGAIN;
	return chan->conf.ops->read(chan, buf, len);
}

/* A write that fails for good (EPIPE, EIO) drops the output from then on. */
static int write_failed(struct chan *chan, int err, int len)
{
	if (!chan->write_failed)
		printk(KERN_WARNING "%s: host write failed (error %d), output dropped\n",
		       chan->who, err);
	chan->write_failed = true;
	return len;
}

int chan_write(struct chan *chan, const char *buf, int len)
{
	int n;

	if (!chan->opened || chan->write_failed)
		return len;
	n = chan->conf.ops->write(chan, buf, len);
	if (n < 0 && n != -EAGAIN)
		return write_failed(chan, n, len);
	return n;
}

int chan_write_all(struct chan *chan, const char *buf, int len)
{
	int n;

	if (!chan->opened || chan->write_failed || !len)
		return len;
	n = chan->conf.ops->console_write(chan, buf, len);
	if (n < 0)
		return write_failed(chan, n, len);
	return n;
}

/*
 * Kernel messages.  A terminal in raw mode does not turn \n into \r\n, so
 * do it here (the guest's own output already went through ONLCR).
 */
int chan_console_write(struct chan *chan, const char *buf, int len)
{
	const char *p = buf, *end = buf + len, *nl;
	bool crlf = chan->is_tty && chan_user_needs_crlf(chan->fd) > 0;

	while (p < end) {
		nl = crlf ? memchr(p, '\n', end - p) : NULL;
		if (!nl) {
			chan_write_all(chan, p, end - p);
			break;
		}
		chan_write_all(chan, p, nl - p);
		if (nl > buf && nl[-1] == '\r')
			chan_write_all(chan, "\n", 1);
		else
			chan_write_all(chan, "\r\n", 2);
		p = nl + 1;
	}
	return len;
}

int chan_window_size(struct chan *chan, unsigned short *rows,
		     unsigned short *cols)
{
	if (!chan->opened || !chan->conf.ops->window_size)
		return -ENOTTY;
	return chan->conf.ops->window_size(chan, rows, cols);
}

/* --- interrupts ------------------------------------------------------ */

static void chan_interrupt(int fd, int events, void *data)
{
	struct chan_irq *irq = data;
	struct chan *chan, *next;

	/*
	 * A hang-up or error comes as a read event: a writer must see it
	 * too (its write fails and it stops asking), or the fd would fire
	 * forever.  A writer called without cause just meets EAGAIN.
	 */
	list_for_each_entry_safe(chan, next, &irq->chans, irq_node) {
		if (chan->want_output)
			chan->writable(chan);
		if (chan->want_input && (events & IRQ_READ))
			chan->input(chan);
	}
}

/* Bring the registration of an fd in line with what its channels want. */
static int update_irq(struct chan_irq *irq)
{
	struct chan *chan;
	int events = 0, err = 0;

	list_for_each_entry(chan, &irq->chans, irq_node) {
		if (chan->want_input)
			events |= IRQ_READ;
		if (chan->want_output)
			events |= IRQ_WRITE;
	}
	if (events == irq->events)
		return 0;
	if (!events)
		um_free_irq(irq->fd);
	else if (!irq->events)
		err = um_request_irq(irq->fd, events, chan_interrupt, irq);
	else
		err = um_change_irq(irq->fd, events);
	if (err)
		return err;
	irq->events = events;
	return 0;
}

int chan_want_input(struct chan *chan, bool on)
{
	if (on && (!chan->opened || chan->input_ended || !chan->input))
		return 0;
	if (chan->want_input == on)
		return 0;
	chan->want_input = on;
	if (chan->polled) {
		/* always ready: pull now (the handler turns us off when full) */
		if (on)
			chan->input(chan);
		return 0;
	}
	return chan->irq ? update_irq(chan->irq) : 0;
}

int chan_want_output(struct chan *chan, bool on)
{
	if (on && !chan->opened)
		return 0;
	if (chan->want_output == on)
		return 0;
	chan->want_output = on;
	if (chan->polled) {
		/* never has to wait: drain now */
		if (on)
			chan->writable(chan);
		return 0;
	}
	return chan->irq ? update_irq(chan->irq) : 0;
}
