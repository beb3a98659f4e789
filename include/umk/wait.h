/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_WAIT_H
#define _UMK_WAIT_H

/*
 * Wait queues.  The kernel is uniprocessor and never preempted in kernel
 * mode, so no locks: a task sets its state, queues itself, re-checks the
 * condition and calls schedule(); a waker calls wake_up(), which runs each
 * entry's func (default: make the task runnable).
 */
#include <umk/list.h>

struct task_struct;
struct wait_queue_entry;

typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq, unsigned int mode,
				 void *key);

struct wait_queue_entry {
	unsigned int flags;
	struct task_struct *task;
	wait_queue_func_t func;
	void *private;
	struct list_head entry;
};

struct wait_queue_head {
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define WQ_FLAG_EXCLUSIVE	0x01

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

static inline bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}

int default_wake_function(struct wait_queue_entry *wq, unsigned int mode, void *key);
void init_wait_entry(struct wait_queue_entry *e, struct task_struct *task);
void add_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);
void add_wait_queue_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e);
void remove_wait_queue(struct wait_queue_head *wq, struct wait_queue_entry *e);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, long state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e, long state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e);
/* key is passed to the wake functions (poll uses it for the event mask). */
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr_exclusive, void *key);
#define wake_up(wq)			__wake_up(wq, TASK_NORMAL, 1, NULL)
#define wake_up_all(wq)			__wake_up(wq, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(wq)	__wake_up(wq, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(wq)	__wake_up(wq, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_poll(wq, mask)		__wake_up(wq, TASK_NORMAL, 1, (void *)(unsigned long)(mask))

#define DEFINE_WAIT(name)	struct wait_queue_entry name; init_wait_entry(&name, current)

/* Sleep until cond; uninterruptible. */
#define wait_event(wq, cond) do {					\
	struct wait_queue_entry __we;					\
	if (cond)							\
		break;							\
	init_wait_entry(&__we, current);				\
	for (;;) {							\
		prepare_to_wait(&(wq), &__we, TASK_UNINTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		schedule();						\
	}								\
	finish_wait(&(wq), &__we);					\
} while (0)

/* Sleep until cond or a signal: 0, or -ERESTARTSYS. */
#define wait_event_interruptible(wq, cond) ({				\
	int __ret = 0;							\
	struct wait_queue_entry __we;					\
	if (!(cond)) {							\
		init_wait_entry(&__we, current);			\
		for (;;) {						\
			prepare_to_wait(&(wq), &__we, TASK_INTERRUPTIBLE); \
			if (cond)					\
				break;					\
			if (signal_pending(current)) {			\
				__ret = -ERESTARTSYS;			\
				break;					\
			}						\
			schedule();					\
		}							\
		finish_wait(&(wq), &__we);				\
	}								\
	__ret; })

#endif
