/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_TIMER_H
#define _UMK_TIMER_H

/*
 * Kernel timers on the monotonic clock, nanosecond resolution.  All expire
 * from one host timer armed to the earliest of them (kernel/time/timer.c).
 * Callbacks run in IRQ context: they may wake tasks, not sleep.
 */
#include <umk/types.h>
#include <umk/list.h>

struct timer {
	ktime_t expires;
	void (*fn)(struct timer *t);
	struct list_head node;
	bool pending;
};

void timer_init(struct timer *t, void (*fn)(struct timer *));
void timer_add(struct timer *t, ktime_t expires);	/* absolute, monotonic */
void timer_mod(struct timer *t, ktime_t expires);
bool timer_del(struct timer *t);			/* true if it was pending */

/* kernel/time/timekeeping.c: the one clock interface. */
ktime_t ktime_get(void);		/* monotonic ns since an arbitrary start */
ktime_t ktime_get_real(void);		/* wall clock ns since the epoch */
ktime_t ktime_get_boottime(void);	/* ns since boot */
int do_settimeofday_ns(ktime_t ns);
extern unsigned long volatile jiffies;
#define HZ CONFIG_HZ

#endif
