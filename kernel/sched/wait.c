// SPDX-License-Identifier: GPL-2.0
/* Wait queues (include/umk/wait.h explains the protocol). */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/wait.h>

int default_wake_function(struct wait_queue_entry *e, unsigned int mode, void *key)
{
	struct task_struct *t = e->task;

	if (!(t->state & mode))
		return 0;
	return wake_up_process(t);
}

void init_wait_entry(struct wait_queue_entry *e, struct task_struct *task)
{
	e->flags = 0;
	e->task = task;
	e->func = default_wake_function;
	e->private = NULL;
	INIT_LIST_HEAD(&e->entry);
}

void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	e->flags &= ~WQ_FLAG_EXCLUSIVE;
	list_add(&e->entry, &wq->head);
}

void add_wait_queue_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	e->flags |= WQ_FLAG_EXCLUSIVE;
	list_add_tail(&e->entry, &wq->head);
}

void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	if (!list_empty(&e->entry))
		list_del_init(&e->entry);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, long state)
{
	if (list_empty(&e->entry))
		add_wait_queue(wq, e);
	current->state = state;
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e,
			       long state)
{
	if (list_empty(&e->entry))
		add_wait_queue_exclusive(wq, e);
	current->state = state;
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	current->state = TASK_RUNNING;
	remove_wait_queue(wq, e);
}

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr_exclusive, void *key)
{
	struct wait_queue_entry *e, *n;

	list_for_each_entry_safe(e, n, &wq->head, entry) {
		if (e->func(e, mode, key) && (e->flags & WQ_FLAG_EXCLUSIVE) &&
		    !--nr_exclusive)
			break;
	}
}
