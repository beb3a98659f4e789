// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel timers.  One list sorted by expiry; the clock event device is
 * always armed to the head, so the host wakes us exactly when needed (no
 * tick while idle).
 */
#include <umk/kernel.h>
#include <umk/list.h>
#include <umk/timer.h>
#include <umk/time.h>

static LIST_HEAD(timer_list);

static void reprogram(void)
{
	struct timer *first;

	if (list_empty(&timer_list)) {
		clockevent_program(0);
		return;
	}
	first = list_first_entry(&timer_list, struct timer, node);
	clockevent_program(first->expires > 0 ? first->expires : 1);
}

void timer_init(struct timer *t, void (*fn)(struct timer *))
{
	t->fn = fn;
	t->pending = false;
	t->expires = 0;
	INIT_LIST_HEAD(&t->node);
}

void timer_add(struct timer *t, ktime_t expires)
{
	struct list_head *old_head = timer_list.next;
	struct timer *pos;

	if (t->pending)
		list_del(&t->node);
	t->expires = expires;
	t->pending = true;
	list_for_each_entry(pos, &timer_list, node)
		if (pos->expires > expires)
			break;
	list_add_tail(&t->node, &pos->node);
	/* Moving the old head later changes the earliest expiry too. */
	if (timer_list.next != old_head || old_head == &t->node)
		reprogram();
}

void timer_mod(struct timer *t, ktime_t expires)
{
	timer_add(t, expires);
}

bool timer_del(struct timer *t)
{
	bool was_first;

	if (!t->pending)
		return false;
	was_first = timer_list.next == &t->node;
	list_del_init(&t->node);
	t->pending = false;
	if (was_first)
		reprogram();
	return true;
}

void timer_interrupt(void)
{
	ktime_t now = ktime_get();

	while (!list_empty(&timer_list)) {
		struct timer *t = list_first_entry(&timer_list, struct timer, node);

		if (t->expires > now)
			break;
		list_del_init(&t->node);
		t->pending = false;
		t->fn(t);
	}
	reprogram();
}
