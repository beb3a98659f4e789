// SPDX-License-Identifier: GPL-2.0
/*
 * IRQs: host fds with handlers.  os-Linux/irq.c owns the epoll set and
 * reports ready fds through irq_dispatch(); handlers run here, in kernel
 * context, at the safe points do_pending_irqs() and arch_idle_wait().
 */
#include <umk/kernel.h>
#include <umk/irq.h>
#include <umk/list.h>
#include <umk/mm.h>
#include <kern_util.h>
#include <os.h>

struct irq_entry {
	int fd;
	int events;
	irq_handler_t handler;
	void *data;
	bool dead;
	struct list_head list;
};

static LIST_HEAD(irq_entries);
static LIST_HEAD(dead_entries);	/* freed after the current dispatch round */

static int to_os_events(int events)
{
	return (events & IRQ_READ ? OS_IRQ_READ : 0) |
	       (events & IRQ_WRITE ? OS_IRQ_WRITE : 0);
}

static struct irq_entry *find_entry(int fd)
{
	struct irq_entry *e;

	list_for_each_entry(e, &irq_entries, list)
		if (e->fd == fd)
			return e;
	return NULL;
}

int um_request_irq(int fd, int events, irq_handler_t handler, void *data)
{
	struct irq_entry *e;
	int err;

	if (find_entry(fd))
		return -EBUSY;
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	e->fd = fd;
	e->events = events;
	e->handler = handler;
	e->data = data;
	err = os_irq_add(fd, to_os_events(events), e);
	if (err) {
		kfree(e);
		return err;
	}
	list_add(&e->list, &irq_entries);
	return 0;
}

int um_change_irq(int fd, int events)
{
	struct irq_entry *e = find_entry(fd);

	if (!e)
		return -ENOENT;
	if (e->events == events)
		return 0;
	e->events = events;
	return os_irq_mod(fd, to_os_events(events), e);
}

void um_free_irq(int fd)
{
	struct irq_entry *e = find_entry(fd);

	if (!e)
		return;
	os_irq_del(fd);
	e->dead = true;
	list_move_tail(&e->list, &dead_entries);
}

void irq_dispatch(int fd, int events, void *data)
{
	struct irq_entry *e = data;
	int mine = 0;

	if (e->dead)
		return;
	if (events & OS_IRQ_READ)
		mine |= IRQ_READ;
	if (events & OS_IRQ_WRITE)
		mine |= IRQ_WRITE;
	e->handler(e->fd, mine, e->data);
}

static void reap_dead_entries(void)
{
	struct irq_entry *e, *n;

	list_for_each_entry_safe(e, n, &dead_entries, list) {
		list_del(&e->list);
		kfree(e);
	}
}

void do_pending_irqs(void)
{
	if (!os_irq_pending())
		return;
	os_irq_poll(0);
	reap_dead_entries();
}

void arch_idle_wait(void)
{
	os_irq_poll(-1);
	reap_dead_entries();
}

void irq_init(void)
{
	int err = os_irq_init();

	if (err)
		panic("cannot set up interrupts: error %d", err);
}
