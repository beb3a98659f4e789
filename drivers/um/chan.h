/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_CHAN_H
#define _UM_CHAN_H

/*
 * Channels: the host end of a line.  A line (one con or ssl device) has an
 * input channel and an output channel, which may be one and the same
 * ("con0=fd:0" reads and writes fd 0).  A channel type (fd, null; later
 * port, pty, pts, tty, xterm) is a chan_ops table; the generic part
 * (chan_kern.c) parses the configuration, dispatches the ops and turns the
 * host fd into interrupts.  Host calls live in chan_user.c only.
 *
 * Life of a channel:
 *  1. setup time (no memory yet): chan_parse_pair() checks the text of
 *     "<in>,<out>" or "<both>" and records a chan_conf per direction;
 *  2. first open of the line (or console registration): chan_open() runs
 *     ops->open, which makes chan->fd a host fd (or -1 for null);
 *  3. chan_want_input()/chan_want_output() ask for read and write
 *     interrupts; the line gets them through chan->input()/chan->writable().
 */
#include <umk/types.h>
#include <umk/compiler.h>
#include <umk/list.h>

struct chan;
struct chan_irq;

/* One direction's configuration, recorded at setup time. */
struct chan_conf {
	const struct chan_ops *ops;
	int fd;			/* fd:N */
	const char *arg;	/* text after "<type>:" (in argv), or NULL */
	unsigned int arglen;
};

struct chan_ops {
	const char *type;
	/*
	 * Check and record the argument (after "<type>:", arg NULL if there
	 * was no ':') at setup time.  On error print one line with
	 * chan_config_error(), prefixed with who ("con1"), naming spec, and
	 * return -EINVAL.
	 */
	int (*parse)(struct chan_conf *conf, const char *arg, unsigned int len,
		     const char *who, const char *spec);
	int (*open)(struct chan *chan);		/* set chan->fd; 0 or -errno */
	void (*close)(struct chan *chan);
	/* Bytes read, 0 at end of input, -EAGAIN if nothing is there. */
	int (*read)(struct chan *chan, char *buf, int len);
	/* Bytes taken (maybe fewer than len), -EAGAIN if none. */
	int (*write)(struct chan *chan, const char *buf, int len);
	/* Kernel messages: write all of it, waiting if need be. */
	int (*console_write)(struct chan *chan, const char *buf, int len);
	int (*window_size)(struct chan *chan, unsigned short *rows,
			   unsigned short *cols);
};

struct chan {
	struct chan_conf conf;
	const char *who;		/* "con0": for messages */
	bool raw;			/* put a host tty in raw mode */
	bool opened;
	bool is_tty;			/* the host fd is a terminal */
	bool input_ended;		/* read returned end of input */
	bool write_failed;		/* a host write failed: output dropped */
	int fd;				/* host fd, -1: none */
	void *data;			/* the type's own state */
	void *owner;			/* the line */
	/* Set by the owner for the directions the channel serves: */
	void (*input)(struct chan *chan);	/* input may be ready */
	void (*writable)(struct chan *chan);	/* output room again */
	/* interrupt bookkeeping (chan_kern.c) */
	struct chan_irq *irq;
	bool want_input, want_output, polled;
	struct list_head irq_node;
};

/* chan_kern.c */
/* One line about bad configuration, to the host's stderr (printf format). */
void chan_config_error(const char *fmt, ...) __printf(1, 2);
/* "<in>,<out>" or "<both>" (then *both is set): 0 or -EINVAL. */
int chan_parse_pair(const char *who, const char *str, struct chan_conf *in,
		    struct chan_conf *out, bool *both);
void chan_init(struct chan *chan, const struct chan_conf *conf, const char *who,
	       void *owner, bool raw);
int chan_open(struct chan *chan);
void chan_close(struct chan *chan);
int chan_read(struct chan *chan, char *buf, int len);
int chan_write(struct chan *chan, const char *buf, int len);
int chan_write_all(struct chan *chan, const char *buf, int len);	/* waits */
/* Kernel messages: all of it, \n as \r\n on a raw host terminal. */
int chan_console_write(struct chan *chan, const char *buf, int len);
int chan_window_size(struct chan *chan, unsigned short *rows,
		     unsigned short *cols);
/* Ask for (or stop) chan->input() / chan->writable() calls. */
int chan_want_input(struct chan *chan, bool on);
int chan_want_output(struct chan *chan, bool on);

/* The types (weak: a type left out by Kconfig is reported as such). */
extern const struct chan_ops null_chan_ops __attribute__((weak));
extern const struct chan_ops fd_chan_ops __attribute__((weak));

#endif
