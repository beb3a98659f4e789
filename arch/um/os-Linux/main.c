// SPDX-License-Identifier: GPL-2.0
/* The host entry point: hand the command line to the kernel half. */
#include <stdio.h>

#include <kern_util.h>
#include <os.h>
#include "internal.h"

int main(int argc, char **argv, char **envp)
{
	os_saved_argv = argv;
	setvbuf(stdout, NULL, _IONBF, 0);
	return linux_main(argc, argv, envp);
}
