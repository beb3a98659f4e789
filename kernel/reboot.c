// SPDX-License-Identifier: GPL-2.0
/* reboot(2): halt, power off (the same thing here) and restart. */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/arch.h>
#include <linux/reboot.h>

bool cad_enabled = true;

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	if (current->cred.euid != 0)
		return -EPERM;
	if (magic1 != (int)LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		printk(KERN_EMERG "reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		printk(KERN_EMERG "reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		/* No power-off handler: as on UML, power off is a halt. */
		printk(KERN_EMERG "reboot: System halted\n");
		machine_power_off();
	case LINUX_REBOOT_CMD_CAD_ON:
		cad_enabled = true;
		return 0;
	case LINUX_REBOOT_CMD_CAD_OFF:
		cad_enabled = false;
		return 0;
	default:
		return -EINVAL;
	}
}
