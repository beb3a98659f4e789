// SPDX-License-Identifier: GPL-2.0
/*
 * Serial lines: ssl0..ssl63 are /dev/ttyS0../dev/ttyS63 (major 4, minor
 * 64 + N).  None exists unless configured.
 */
#include <umk/kernel.h>
#include <init.h>
#include "line.h"

#define NR_SSL	64

static struct line ssl_lines[NR_SSL];

static const char *ssl_default(unsigned int index)
{
	return NULL;
}

struct line_driver ssl_driver = {
	.name		= "ssl",
	.long_name	= "serial line",
	.raw		= true,
	.default_conf	= ssl_default,
	.lines		= ssl_lines,
	.nr		= NR_SSL,
	.tty = {
		.name		= "ttyS",
		.major		= TTY_MAJOR,
		.minor_start	= 64,
		.num		= NR_SSL,
		.ops		= &line_tty_ops,
	},
};

static int ssl_non_raw(const char *val)
{
	ssl_driver.raw = false;
	return 0;
}

/* The "ssl" prefix also catches "ssl-non-raw", whichever record runs first. */
static int ssl_setup(const char *val)
{
	if (!strcmp(val, "-non-raw"))
		return ssl_non_raw(val);
	return line_setup(&ssl_driver, val);
}

umk_param_flags("ssl", ssl_setup,
"ssl[0-63]=<channel>[,<channel>]\n"
"    Attach serial line N (/dev/ttySN) to host channels, as con= does for\n"
"    consoles; ssl=<...> sets every line not given its own.  Default: none.\n",
PARAM_PREFIX);

umk_param("ssl-non-raw", ssl_non_raw,
"ssl-non-raw\n"
"    Leave host terminals used by serial lines in their own mode instead\n"
"    of raw mode.\n");
