// SPDX-License-Identifier: GPL-2.0
/*
 * Virtual consoles: con0..con15 are /dev/tty0../dev/tty15 (major 4, minor
 * N).  con0 talks to the kernel's own stdin and stdout unless told
 * otherwise; the others exist only when configured, since umk starts no
 * terminal emulators.
 */
#include <umk/kernel.h>
#include <init.h>
#include "line.h"

#define NR_CONS	16

static struct line con_lines[NR_CONS];

static const char *con_default(unsigned int index)
{
	return index == 0 ? "fd:0,fd:1" : NULL;
}

struct line_driver con_driver = {
	.name		= "con",
	.long_name	= "console",
	.raw		= true,
	.default_conf	= con_default,
	.lines		= con_lines,
	.nr		= NR_CONS,
	.tty = {
		.name		= "tty",
		.major		= TTY_MAJOR,
		.minor_start	= 0,
		.num		= NR_CONS,
		.ops		= &line_tty_ops,
	},
};

/* The "con" prefix also catches "console=", whichever record runs first. */
static int con_setup(const char *val)
{
	if (!strncmp(val, "sole=", 5))
		return line_console_setup(val + 5);
	return line_setup(&con_driver, val);
}

umk_param_flags("con", con_setup,
"con[0-15]=<channel>[,<channel>]\n"
"    Attach virtual console N (/dev/ttyN) to host channels: one for both\n"
"    directions, or <input>,<output>.  con=<...> sets every console not\n"
"    given its own.  Channels: fd:N (a host fd the kernel was started\n"
"    with), null (no input, output discarded), none (no such device).\n"
"    Default: con0=fd:0,fd:1, the others none.  Example:\n"
"    con=null con0=null,fd:2 con1=fd:0,fd:1\n", PARAM_PREFIX);

static int console_param(const char *val)
{
	return line_console_setup(val);
}

umk_param("console=", console_param,
"console=<ttyN|ttySN>\n"
"    The console: where kernel messages go and what /dev/console opens.\n"
"    Default: tty0.\n");
