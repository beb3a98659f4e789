// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous page faults: map 64 MiB, write one byte to each page once, and
 * divide the time of the writes by the number of pages.  mmap and munmap
 * are left out of the timed part.  Transparent huge pages are refused so
 * that every 4 KiB page costs one fault on the host too.
 */
#include <sys/mman.h>
#include <unistd.h>

#include "bench.h"

#define FAULT_AREA	(64ul << 20)
#define FAULT_PAGE	4096ul

static uint64_t touch_area(void)
{
	volatile char *p;
	uint64_t t0, t1;
	unsigned long off;

	p = mmap(NULL, FAULT_AREA, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die("mmap of %lu MiB failed", FAULT_AREA >> 20);
	/* fails harmlessly where there is no THP (UML, umk) */
	madvise((void *)p, FAULT_AREA, MADV_NOHUGEPAGE);
	t0 = now_ns();
	for (off = 0; off < FAULT_AREA; off += FAULT_PAGE)
		p[off] = 1;
	t1 = now_ns();
	if (munmap((void *)p, FAULT_AREA))
		die("munmap failed");
	return t1 - t0;
}

/* iters is the number of 64 MiB areas */
static double bench_pagefault(long iters, const char *arg)
{
	uint64_t total = 0;
	long i;

	for (i = 0; i < iters; i++)
		total += touch_area();
	return (double)total / (iters * (FAULT_AREA / FAULT_PAGE));
}

const struct bench mm_benches[] = {
	{ "pagefault", "ns", "anonymous write fault, ns per page (iterations: 64 MiB areas)",
	  bench_pagefault },
	{ NULL }
};
