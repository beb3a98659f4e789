// SPDX-License-Identifier: GPL-2.0
/*
 * The boot console: kernel messages to host stderr until the real
 * console (drivers/um) registers and replaces it.
 */
#include <umk/kernel.h>
#include <umk/arch.h>
#include <init.h>
#include <os.h>

static void stderr_console_write(struct console *con, const char *s, unsigned int len)
{
	os_stderr_write(s, len);
}

static struct console stderr_console = {
	.name = "stderr",
	.write = stderr_console_write,
	.flags = CON_ENABLED | CON_BOOT,
};

void early_console_init(void)
{
	register_console(&stderr_console);
}
