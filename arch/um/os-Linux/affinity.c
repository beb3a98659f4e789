// SPDX-License-Identifier: GPL-2.0
/*
 * Host CPU placement.  The machine is uniprocessor: every guest system
 * call is a hand-off between the kernel process and one guest process, and
 * a hand-off between two host CPUs costs an inter-processor wakeup each
 * way (several times the cost of the call itself on a virtualized host).
 * So by default the kernel and all its guest processes share one host CPU,
 * the one we started on.  hostcpu= picks another, or "all" lets the host
 * place them freely.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <init.h>
#include <os.h>

static int hostcpu = -1;	/* -1: the current CPU; -2: no pinning */

static int hostcpu_setup(const char *val)
{
	char *end;
	long n;

	if (!strcmp(val, "all")) {
		hostcpu = -2;
		return 0;
	}
	n = strtol(val, &end, 10);
	if (!*val || *end || n < 0 || n >= CPU_SETSIZE) {
		fprintf(stderr, "hostcpu=%s: expected a host CPU number or \"all\"\n", val);
		return -EINVAL;
	}
	hostcpu = n;
	return 0;
}
umk_param("hostcpu=", hostcpu_setup,
"hostcpu=<n>|all\n"
"    The host CPU the kernel and its guest processes run on (default: the\n"
"    one it starts on).  \"all\" leaves placement to the host scheduler,\n"
"    which makes every guest system call cross CPUs.\n");

int os_pin_cpu(void)
{
	cpu_set_t set;
	int cpu = hostcpu;

	if (cpu == -2)
		return 0;
	if (cpu == -1)
		cpu = sched_getcpu();
	if (cpu < 0)
		return 0;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) < 0) {
		if (hostcpu >= 0)
			fprintf(stderr, "hostcpu=%d: %s\n", cpu, strerror(errno));
		return hostcpu >= 0 ? -errno : 0;
	}
	return 0;
}
