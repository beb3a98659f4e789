/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_LINE_H
#define _UM_LINE_H

/*
 * Lines: the con and ssl terminals.  A line is a tty device whose input
 * and output go to host channels (chan.h).  A line driver (stdio_console.c
 * for con, ssl.c for ssl) owns an array of lines, their parameters and a
 * tty_driver; the common machinery is in line.c:
 *
 *  - setup time: line_setup() parses "conN=<ch>" / "con=<ch>" into a
 *    line_conf (no memory exists yet), line_console_setup() "console=";
 *  - boot (line_init, core_initcall): each line takes its own conf, the
 *    driver's default or the built-in default; the preferred console's
 *    output channel is opened and becomes a printk console;
 *  - devices (device_initcall): the tty drivers and /dev nodes of the
 *    enabled lines;
 *  - first open: the channels open and input starts flowing.
 *
 * Output the host does not take at once waits in a per-line ring of
 * LINE_BUFSIZE bytes, drained from write interrupts; while it is full a
 * writer sleeps in n_tty.
 */
#include <umk/tty.h>
#include "chan.h"

#define LINE_BUFSIZE	4096

struct line_conf {
	const char *str;	/* the text given; NULL: none given */
	bool none;		/* "none": the device does not exist */
	bool both;		/* one channel for both directions */
	struct chan_conf in, out;
};

struct line_driver;

struct line {
	struct line_driver *driver;
	unsigned int index;
	char who[8];			/* "con3", "ssl12" */
	struct line_conf conf;		/* from conN= */
	bool enabled;
	bool started;			/* channels open, input wanted */
	struct chan chans[2];
	struct chan *in, *out;		/* may be the same channel */
	struct tty_struct *tty;
	unsigned char *queue;		/* output ring */
	unsigned int qhead, qlen;
};

struct line_driver {
	const char *name;		/* "con": parameters and messages */
	const char *long_name;		/* "console": setup errors */
	bool raw;			/* host terminals in raw mode */
	/* Built-in configuration of line i when none was given, or NULL. */
	const char *(*default_conf)(unsigned int index);
	struct line_conf def;		/* from con= */
	struct line *lines;
	unsigned int nr;
	struct tty_driver tty;
};

extern struct line_driver con_driver;	/* stdio_console.c */
extern struct line_driver ssl_driver;	/* ssl.c */
extern const struct tty_operations line_tty_ops;

/* Parse what follows "con" in "con=<ch>" or "conN=<ch>" (val "=..." / "N=..."). */
int line_setup(struct line_driver *drv, const char *val);
/* console=ttyN / console=ttySN */
int line_console_setup(const char *val);

#endif
