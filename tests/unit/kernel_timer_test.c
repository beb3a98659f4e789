// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/timer.c: expiry order, deletion, re-arming, and that the
 * clock event device is always programmed to the earliest timer.
 */
#include "ktest.h"
#include <umk/mm.h>
#include <umk/timer.h>
#include <umk/time.h>

static ktime_t fake_now, programmed;
static int fired[8], nfired;

ktime_t ktime_get(void) { return fake_now; }
void clockevent_program(ktime_t expires) { programmed = expires; }

static struct timer timers[4];

static void record(struct timer *t)
{
	if (nfired < 8)
		fired[nfired++] = t - timers;
}

static void reset(void)
{
	int i;

	for (i = 0; i < 4; i++) {
		timer_del(&timers[i]);
		timer_init(&timers[i], record);
	}
	nfired = 0;
	fake_now = 0;
	programmed = -1;
}

static void timer_fires_in_expiry_order(struct ktest *t)
{
	reset();
	timer_add(&timers[0], 300);
	timer_add(&timers[1], 100);
	timer_add(&timers[2], 200);
	KEXPECT_EQ(t, programmed, 100);
	fake_now = 250;
	timer_interrupt();
	KEXPECT_EQ(t, nfired, 2);
	KEXPECT_EQ(t, fired[0], 1);
	KEXPECT_EQ(t, fired[1], 2);
	KEXPECT_EQ(t, programmed, 300);
	KEXPECT_FALSE(t, timers[1].pending);
	KEXPECT_TRUE(t, timers[0].pending);
}

static void timer_del_reprograms(struct ktest *t)
{
	reset();
	timer_add(&timers[0], 100);
	timer_add(&timers[1], 500);
	KEXPECT_TRUE(t, timer_del(&timers[0]));
	KEXPECT_EQ(t, programmed, 500);
	KEXPECT_FALSE(t, timer_del(&timers[0]));
	KEXPECT_TRUE(t, timer_del(&timers[1]));
	KEXPECT_EQ(t, programmed, 0);	/* nothing left: disarmed */
}

static void timer_readd_moves(struct ktest *t)
{
	reset();
	timer_add(&timers[0], 100);
	timer_add(&timers[1], 200);
	timer_add(&timers[0], 300);
	KEXPECT_EQ(t, programmed, 200);
	fake_now = 1000;
	timer_interrupt();
	KEXPECT_EQ(t, nfired, 2);
	KEXPECT_EQ(t, fired[0], 1);
	KEXPECT_EQ(t, fired[1], 0);
}

static void timer_equal_expiry_keeps_fifo(struct ktest *t)
{
	reset();
	timer_add(&timers[2], 50);
	timer_add(&timers[0], 50);
	timer_add(&timers[1], 50);
	fake_now = 50;
	timer_interrupt();
	KEXPECT_EQ(t, nfired, 3);
	KEXPECT_EQ(t, fired[0], 2);
	KEXPECT_EQ(t, fired[1], 0);
	KEXPECT_EQ(t, fired[2], 1);
}

/* lib/string.c's kstrdup needs one; nothing here duplicates strings. */
void *kmalloc(size_t size, gfp_t gfp) { return NULL; }

static const struct ktest_case cases[] = {
	KTEST_CASE(timer_fires_in_expiry_order),
	KTEST_CASE(timer_del_reprograms),
	KTEST_CASE(timer_readd_moves),
	KTEST_CASE(timer_equal_expiry_keeps_fifo),
	{}
};
KTEST_SUITE(kernel_timer, cases);
