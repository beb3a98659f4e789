/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_POLL_H
#define _UMK_POLL_H

/*
 * Waiting on many files at once (poll, select, epoll).  A file's ->poll
 * returns its ready mask and, when given a poll_table with a qproc, hands
 * every wait queue it may signal to poll_wait(); the poller hangs an entry
 * on each so that a wake_up() there wakes the polling task.
 */
#include <umk/fs.h>
#include <linux/eventpoll.h>

#define DEFAULT_POLLMASK	(EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

/* Events that are always reported, asked for or not. */
#define POLL_ALWAYS		(EPOLLERR | EPOLLHUP | EPOLLNVAL)

static inline void init_poll_funcptr(poll_table *pt,
	void (*qproc)(struct file *, struct wait_queue_head *, poll_table *))
{
	pt->qproc = qproc;
	pt->key = ~(__poll_t)0;
}

/* fs/select.c: the file's ready mask (DEFAULT_POLLMASK without ->poll). */
__poll_t vfs_poll(struct file *file, poll_table *pt);

#endif
