// SPDX-License-Identifier: GPL-2.0
/*
 * The fd:N channel: a host file descriptor the kernel was started with
 * ("con1=fd:0,fd:1", "ssl0=fd:3 3<>/dev/pts/4").  Opening it makes the fd
 * non-blocking and, if it is a terminal, raw (unless the line says
 * otherwise); chan_user.c puts both back when the kernel exits.  The fd
 * itself is not ours, so it is never closed.
 */
#include <umk/kernel.h>
#include "chan.h"
#include "chan_user.h"

#define FD_MAX	(1 << 20)

/* N: decimal digits and nothing else, naming an fd open on the host now. */
static int fd_parse(struct chan_conf *conf, const char *arg, unsigned int len,
		    const char *who, const char *spec)
{
	unsigned int i;
	int fd = 0;

	if (!arg || !len) {
		chan_config_error("%s: channel \"fd\" needs a host fd number (fd:N), in \"%s\"",
				  who, spec);
		return -EINVAL;
	}
	for (i = 0; i < len; i++) {
		if (arg[i] < '0' || arg[i] > '9' || fd >= FD_MAX) {
			chan_config_error("%s: bad host fd number in \"%s\": fd:N takes a decimal number and nothing after it",
					  who, spec);
			return -EINVAL;
		}
		fd = fd * 10 + (arg[i] - '0');
	}
	if (!chan_user_fd_valid(fd)) {
		chan_config_error("%s: host fd %d is not open, in \"%s\"", who, fd, spec);
		return -EINVAL;
	}
	conf->fd = fd;
	return 0;
}

static int fd_open(struct chan *chan)
{
	int ret = chan_user_prepare_fd(chan->conf.fd, chan->raw);

	if (ret < 0)
		return ret;
	chan->fd = chan->conf.fd;
	chan->is_tty = ret & CHAN_USER_TTY;
	return 0;
}

static int fd_read(struct chan *chan, char *buf, int len)
{
	return chan_user_read(chan->fd, buf, len);
}

static int fd_write(struct chan *chan, const char *buf, int len)
{
	return chan_user_write(chan->fd, buf, len);
}

static int fd_console_write(struct chan *chan, const char *buf, int len)
{
	return chan_user_write_all(chan->fd, buf, len);
}

static int fd_window_size(struct chan *chan, unsigned short *rows,
			  unsigned short *cols)
{
	if (!chan->is_tty)
		return -ENOTTY;
	return chan_user_window_size(chan->fd, rows, cols);
}

const struct chan_ops fd_chan_ops = {
	.type		= "fd",
	.parse		= fd_parse,
	.open		= fd_open,
	.read		= fd_read,
	.write		= fd_write,
	.console_write	= fd_console_write,
	.window_size	= fd_window_size,
};
