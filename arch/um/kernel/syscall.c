// SPDX-License-Identifier: GPL-2.0
/* x86_64-specific system calls. */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <asm/prctl.h>

long sys_arch_prctl(int code, unsigned long addr)
{
	struct uml_regs *regs = &current->thread.regs;

	switch (code) {
	case ARCH_SET_FS:
		if (addr >= TASK_SIZE)
			return -EPERM;
		regs->fs_base = addr;
		return 0;
	case ARCH_SET_GS:
		if (addr >= TASK_SIZE)
			return -EPERM;
		regs->gs_base = addr;
		return 0;
	case ARCH_GET_FS:
		return put_user(regs->fs_base, (unsigned long __user *)addr);
	case ARCH_GET_GS:
		return put_user(regs->gs_base, (unsigned long __user *)addr);
	default:
		return -EINVAL;
	}
}
