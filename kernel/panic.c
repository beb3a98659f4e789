// SPDX-License-Identifier: GPL-2.0
/* panic(): say why, leave the umid directory for post-mortems, and abort. */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/arch.h>

static bool in_panic;

void dump_stack(void)
{
	unsigned long *fp = __builtin_frame_address(0);
	int depth;

	printk(KERN_EMERG "Call trace (return addresses; resolve with addr2line -e linux):\n");
	for (depth = 0; fp && depth < 16; depth++) {
		unsigned long ret = fp[1];

		if (!ret)
			break;
		printk(KERN_EMERG " [<%016lx>]\n", ret);
		fp = (unsigned long *)fp[0];
		if ((unsigned long)fp & 7)
			break;
	}
}

void panic(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (in_panic)
		machine_panic_exit();
	in_panic = true;
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (current)
		printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s\n", current->pid, current->comm);
	dump_stack();
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	machine_panic_exit();
}
