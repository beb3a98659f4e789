// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's clocks.  Monotonic time counts from boot; the wall clock is
 * the host's plus an offset that settimeofday/clock_settime move.  Every
 * reading goes through arch_clock_*() in arch/um, the one place a virtual
 * clock would replace the host's.
 */
#include <umk/kernel.h>
#include <umk/timer.h>
#include <umk/time.h>

unsigned long volatile jiffies;
static ktime_t wall_offset;

ktime_t ktime_get(void)
{
	return arch_clock_monotonic();
}

ktime_t ktime_get_boottime(void)
{
	return arch_clock_monotonic();
}

ktime_t ktime_get_real(void)
{
	return arch_clock_realtime() + wall_offset;
}

int do_settimeofday_ns(ktime_t ns)
{
	if (ns < 0)
		return -EINVAL;
	wall_offset = ns - arch_clock_realtime();
	return 0;
}
