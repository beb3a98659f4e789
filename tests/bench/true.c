// SPDX-License-Identifier: GPL-2.0
/*
 * The smallest static "true": no C library, no stack set-up, one exit
 * system call.  fork+exec+wait then measures the kernel's exec path rather
 * than a C library's start-up.  Built with -nostdlib -static.
 */
#include <asm/unistd.h>

void __attribute__((noreturn)) _start(void)
{
	asm volatile("syscall" : : "a"(__NR_exit_group), "D"(0) : "rcx", "r11");
	__builtin_unreachable();
}
