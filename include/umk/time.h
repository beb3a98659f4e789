/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_TIME_H
#define _UMK_TIME_H

#include <umk/types.h>

/* arch/um/kernel/time.c: the clock and the one-shot clock event device. */
ktime_t arch_clock_monotonic(void);	/* ns since boot */
ktime_t arch_clock_realtime(void);	/* host wall clock, ns since the epoch */
void clockevent_program(ktime_t expires);	/* 0 = off; monotonic since boot */
void time_init(void);

/* kernel/time/timer.c: called by the clock event interrupt. */
void timer_interrupt(void);

#endif
