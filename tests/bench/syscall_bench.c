// SPDX-License-Identifier: GPL-2.0
/*
 * System call round trip.  getppid does next to no work in any kernel and
 * glibc never caches it, so the loop measures entry and exit alone.  It is
 * issued through syscall(2) so no library shortcut can hide the trap.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "bench.h"

static double bench_getppid(long iters, const char *arg)
{
	uint64_t t0, t1;
	long i;

	t0 = now_ns();
	for (i = 0; i < iters; i++)
		syscall(SYS_getppid);
	t1 = now_ns();
	return (double)(t1 - t0) / iters;
}

const struct bench syscall_benches[] = {
	{ "getppid", "ns", "getppid() round trip, ns per call", bench_getppid },
	{ NULL }
};
