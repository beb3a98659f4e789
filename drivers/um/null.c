// SPDX-License-Identifier: GPL-2.0
/*
 * The null channel: input never comes, output is thrown away.  It has no
 * host fd at all, so it never raises an interrupt.
 */
#include <umk/kernel.h>
#include "chan.h"

static int null_parse(struct chan_conf *conf, const char *arg, unsigned int len,
		      const char *who, const char *spec)
{
	if (!arg)
		return 0;
	chan_config_error("%s: channel \"null\" takes no argument, in \"%s\"",
			  who, spec);
	return -EINVAL;
}

static int null_open(struct chan *chan)
{
	chan->fd = -1;
	return 0;
}

static int null_read(struct chan *chan, char *buf, int len)
{
	return -EAGAIN;
}

static int null_write(struct chan *chan, const char *buf, int len)
{
	return len;
}

const struct chan_ops null_chan_ops = {
	.type		= "null",
	.parse		= null_parse,
	.open		= null_open,
	.read		= null_read,
	.write		= null_write,
	.console_write	= null_write,
};
