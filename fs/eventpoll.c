// SPDX-License-Identifier: GPL-2.0
/*
 * epoll.
 *
 * An eventpoll holds one epitem per watched (file, fd).  Adding an item
 * polls the file once with a poll table whose qproc hangs an entry on each
 * of the file's wait queues; a wake-up there (ep_poll_callback) puts the
 * item on the ready list and wakes epoll_wait.  epoll_wait takes the ready
 * list, polls each item again for its current mask, reports those that
 * are ready and, for level-triggered items, puts them back on the list so
 * that the next call checks them again.  EPOLLONESHOT disables an item
 * after one report until EPOLL_CTL_MOD; EPOLLET leaves it off the list
 * until the next wake-up.
 *
 * Items do not hold a reference on their file: when the file's last
 * reference goes, eventpoll_release() removes them (closing one of several
 * descriptors of a file keeps it watched, as in Linux).
 */
#include <umk/poll.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/timer.h>
#include <umk/uaccess.h>
#include <linux/time_types.h>

#define EP_PRIVATE_BITS	(EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE)
#define EP_MAX_NESTS	4
#define EP_MAX_EVENTS	(0x7fffffff / sizeof(struct epoll_event))

struct eventpoll {
	struct wait_queue_head wq;		/* epoll_wait callers */
	struct wait_queue_head poll_wait;	/* poll() on the epoll fd itself */
	struct list_head rdllist;		/* ready items */
	struct list_head items;
};

struct eppoll_entry {
	struct eppoll_entry *next;
	struct epitem *epi;
	struct wait_queue_entry wait;
	struct wait_queue_head *whead;
};

struct epitem {
	struct list_head ep_link;	/* in ep->items */
	struct list_head rdllink;	/* in ep->rdllist, else empty */
	struct list_head fllink;	/* in file->f_ep_links */
	struct eventpoll *ep;
	struct file *file;
	int fd;
	bool nomem;
	struct epoll_event event;
	struct eppoll_entry *pwqlist;
};

struct ep_pqueue {
	poll_table pt;
	struct epitem *epi;
};

static const struct file_operations eventpoll_fops;

static bool is_file_epoll(struct file *f)
{
	return f->f_op == &eventpoll_fops;
}

static void ep_wake(struct eventpoll *ep)
{
	__wake_up(&ep->wq, TASK_INTERRUPTIBLE, 0, NULL);
	__wake_up(&ep->poll_wait, TASK_INTERRUPTIBLE, 0,
		  (void *)(unsigned long)(EPOLLIN | EPOLLRDNORM));
}

static void ep_mark_ready(struct epitem *epi)
{
	if (list_empty(&epi->rdllink))
		list_add_tail(&epi->rdllink, &epi->ep->rdllist);
}

static int ep_poll_callback(struct wait_queue_entry *wait, unsigned int mode, void *key)
{
	struct epitem *epi = container_of(wait, struct eppoll_entry, wait)->epi;
	__poll_t mask = (__poll_t)(unsigned long)key;

	if (!(epi->event.events & ~EP_PRIVATE_BITS))
		return 0;		/* disabled by EPOLLONESHOT */
	if (mask && !(mask & epi->event.events))
		return 0;
	ep_mark_ready(epi);
	ep_wake(epi->ep);
	return 1;
}

static void ep_ptable_queue_proc(struct file *file, struct wait_queue_head *whead,
				 poll_table *pt)
{
	struct epitem *epi = container_of(pt, struct ep_pqueue, pt)->epi;
	struct eppoll_entry *pwq = kzalloc(sizeof(*pwq), GFP_KERNEL);

	if (!pwq) {
		epi->nomem = true;
		return;
	}
	pwq->epi = epi;
	pwq->whead = whead;
	init_wait_entry(&pwq->wait, NULL);
	pwq->wait.func = ep_poll_callback;
	add_wait_queue(whead, &pwq->wait);
	pwq->next = epi->pwqlist;
	epi->pwqlist = pwq;
}

static __poll_t ep_item_poll(struct epitem *epi, poll_table *pt)
{
	if (pt)
		pt->key = epi->event.events;
	return vfs_poll(epi->file, pt) & epi->event.events;
}

static void ep_remove(struct epitem *epi)
{
	struct eppoll_entry *pwq, *next;

	for (pwq = epi->pwqlist; pwq; pwq = next) {
		next = pwq->next;
		remove_wait_queue(pwq->whead, &pwq->wait);
		kfree(pwq);
	}
	list_del(&epi->fllink);
	list_del(&epi->ep_link);
	if (!list_empty(&epi->rdllink))
		list_del(&epi->rdllink);
	kfree(epi);
}

static struct epitem *ep_find(struct eventpoll *ep, struct file *file, int fd)
{
	struct epitem *epi;

	list_for_each_entry(epi, &ep->items, ep_link)
		if (epi->file == file && epi->fd == fd)
			return epi;
	return NULL;
}

/* Would watching target from ep close a loop, or nest too deep? */
static int ep_loop_check(struct file *target, struct file *epfile, int depth)
{
	struct eventpoll *ep = target->private_data;
	struct epitem *epi;
	int err;

	if (depth > EP_MAX_NESTS)
		return -EINVAL;
	list_for_each_entry(epi, &ep->items, ep_link) {
		if (epi->file == epfile)
			return -ELOOP;
		if (is_file_epoll(epi->file)) {
			err = ep_loop_check(epi->file, epfile, depth + 1);
			if (err)
				return err;
		}
	}
	return 0;
}

static int ep_insert(struct eventpoll *ep, const struct epoll_event *event,
		     struct file *tfile, int fd)
{
	struct ep_pqueue epq;
	struct epitem *epi;
	__poll_t revents;

	epi = kzalloc(sizeof(*epi), GFP_KERNEL);
	if (!epi)
		return -ENOMEM;
	INIT_LIST_HEAD(&epi->rdllink);
	epi->ep = ep;
	epi->file = tfile;
	epi->fd = fd;
	epi->event = *event;
	list_add_tail(&epi->fllink, &tfile->f_ep_links);
	list_add_tail(&epi->ep_link, &ep->items);
	init_poll_funcptr(&epq.pt, ep_ptable_queue_proc);
	epq.epi = epi;
	revents = ep_item_poll(epi, &epq.pt);
	if (epi->nomem) {
		ep_remove(epi);
		return -ENOMEM;
	}
	if (revents) {
		ep_mark_ready(epi);
		ep_wake(ep);
	}
	return 0;
}

static int ep_modify(struct eventpoll *ep, struct epitem *epi,
		     const struct epoll_event *event)
{
	epi->event = *event;
	if (ep_item_poll(epi, NULL)) {
		ep_mark_ready(epi);
		ep_wake(ep);
	}
	return 0;
}

/* Report ready items into the guest array: the count, or -EFAULT. */
static int ep_send_events(struct eventpoll *ep, struct epoll_event __user *uevents,
			  int maxevents)
{
	struct list_head tx;
	struct epitem *epi;
	int n = 0;

	if (list_empty(&ep->rdllist))
		return 0;
	/* Take the whole ready list; what we do not get to goes back. */
	tx = ep->rdllist;
	tx.next->prev = &tx;
	tx.prev->next = &tx;
	INIT_LIST_HEAD(&ep->rdllist);
	while (!list_empty(&tx) && n < maxevents) {
		struct epoll_event ev;
		__poll_t revents;

		epi = list_first_entry(&tx, struct epitem, rdllink);
		list_del_init(&epi->rdllink);
		revents = ep_item_poll(epi, NULL);
		if (!revents)
			continue;
		ev.events = revents;
		ev.data = epi->event.data;
		if (copy_to_user(&uevents[n], &ev, sizeof(ev))) {
			list_add(&epi->rdllink, &ep->rdllist);
			if (!n)
				n = -EFAULT;
			break;
		}
		n++;
		if (epi->event.events & EPOLLONESHOT)
			epi->event.events &= EP_PRIVATE_BITS;
		else if (!(epi->event.events & EPOLLET))
			list_add_tail(&epi->rdllink, &ep->rdllist);
	}
	while (!list_empty(&tx)) {
		epi = list_last_entry(&tx, struct epitem, rdllink);
		list_del(&epi->rdllink);
		list_add(&epi->rdllink, &ep->rdllist);
	}
	return n;
}

static int ep_poll(struct eventpoll *ep, struct epoll_event __user *events,
		   int maxevents, ktime_t timeout)
{
	ktime_t end = timeout > 0 ? ktime_get() + timeout : 0;
	struct wait_queue_entry wait;
	int n;

	for (;;) {
		n = ep_send_events(ep, events, maxevents);
		if (n)
			return n;
		if (!timeout || (end && ktime_get() >= end))
			return 0;
		if (signal_pending(current))
			return -EINTR;
		init_wait_entry(&wait, current);
		add_wait_queue(&ep->wq, &wait);
		if (list_empty(&ep->rdllist)) {
			if (!end) {
				set_current_state(TASK_INTERRUPTIBLE);
				if (list_empty(&ep->rdllist) && !signal_pending(current))
					schedule();
				__set_current_state(TASK_RUNNING);
			} else {
				schedule_timeout_interruptible(end - ktime_get());
			}
		}
		remove_wait_queue(&ep->wq, &wait);
	}
}

static __poll_t ep_eventpoll_poll(struct file *file, poll_table *pt)
{
	struct eventpoll *ep = file->private_data;
	struct epitem *epi;

	poll_wait(file, &ep->poll_wait, pt);
	list_for_each_entry(epi, &ep->rdllist, rdllink)
		if (ep_item_poll(epi, NULL))
			return EPOLLIN | EPOLLRDNORM;
	return 0;
}

static int ep_eventpoll_release(struct inode *inode, struct file *file)
{
	struct eventpoll *ep = file->private_data;

	while (!list_empty(&ep->items))
		ep_remove(list_first_entry(&ep->items, struct epitem, ep_link));
	kfree(ep);
	return 0;
}

static const struct file_operations eventpoll_fops = {
	.poll = ep_eventpoll_poll,
	.release = ep_eventpoll_release,
	.llseek = noop_llseek,
};

void eventpoll_release(struct file *file)
{
	while (!list_empty(&file->f_ep_links))
		ep_remove(list_first_entry(&file->f_ep_links, struct epitem, fllink));
}

long sys_epoll_create1(int flags)
{
	struct eventpoll *ep;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = kzalloc(sizeof(*ep), GFP_KERNEL);
	if (!ep)
		return -ENOMEM;
	init_waitqueue_head(&ep->wq);
	init_waitqueue_head(&ep->poll_wait);
	INIT_LIST_HEAD(&ep->rdllist);
	INIT_LIST_HEAD(&ep->items);
	fd = anon_inode_getfd("[eventpoll]", &eventpoll_fops, ep, O_RDWR | (flags & O_CLOEXEC));
	if (fd < 0)
		kfree(ep);
	return fd;
}

long sys_epoll_create(int size)
{
	if (size <= 0)
		return -EINVAL;
	return sys_epoll_create1(0);
}

static int ep_ctl_checks(struct file *epf, struct file *tf, int op,
			 struct epoll_event *ev)
{
	if (!tf->f_op->poll)
		return -EPERM;
	if (!is_file_epoll(epf) || epf == tf)
		return -EINVAL;
	if (op != EPOLL_CTL_DEL && (ev->events & EPOLLEXCLUSIVE)) {
		if (op == EPOLL_CTL_MOD || is_file_epoll(tf))
			return -EINVAL;
		if (ev->events & ~(EPOLLEXCLUSIVE | EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP |
				   EPOLLWAKEUP | EPOLLET))
			return -EINVAL;
	}
	return 0;
}

static long do_epoll_ctl(struct file *epf, struct file *tf, int op, int fd,
			 struct epoll_event *ev)
{
	struct eventpoll *ep = epf->private_data;
	struct epitem *epi;
	long err;

	err = ep_ctl_checks(epf, tf, op, ev);
	if (err)
		return err;
	ev->events &= ~EPOLLWAKEUP;
	ev->events |= EPOLLERR | EPOLLHUP;
	epi = ep_find(ep, tf, fd);
	switch (op) {
	case EPOLL_CTL_ADD:
		if (epi)
			return -EEXIST;
		if (is_file_epoll(tf)) {
			err = ep_loop_check(tf, epf, 1);
			if (err)
				return err;
		}
		return ep_insert(ep, ev, tf, fd);
	case EPOLL_CTL_DEL:
		if (!epi)
			return -ENOENT;
		ep_remove(epi);
		return 0;
	case EPOLL_CTL_MOD:
		if (!epi)
			return -ENOENT;
		if (epi->event.events & EPOLLEXCLUSIVE)
			return -EINVAL;
		return ep_modify(ep, epi, ev);
	default:
		return -EINVAL;
	}
}

long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event __user *event)
{
	struct epoll_event ev = { 0, 0 };
	struct file *epf, *tf;
	long err;

	if (op != EPOLL_CTL_DEL && copy_from_user(&ev, event, sizeof(ev)))
		return -EFAULT;
	epf = fget(epfd);
	if (!epf)
		return -EBADF;
	tf = fget(fd);
	err = -EBADF;
	if (tf) {
		err = do_epoll_ctl(epf, tf, op, fd, &ev);
		fput(tf);
	}
	fput(epf);
	return err;
}

static long do_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
			  ktime_t timeout)
{
	struct file *f;
	long ret;

	if (maxevents <= 0 || maxevents > (int)EP_MAX_EVENTS)
		return -EINVAL;
	f = fget(epfd);
	if (!f)
		return -EBADF;
	ret = -EINVAL;
	if (is_file_epoll(f))
		ret = ep_poll(f->private_data, events, maxevents, timeout);
	fput(f);
	return ret;
}

static ktime_t ms_to_timeout(int ms)
{
	return ms < 0 ? -1 : (ktime_t)ms * NSEC_PER_MSEC;
}

long sys_epoll_wait(int epfd, struct epoll_event __user *events, int maxevents,
		    int timeout)
{
	return do_epoll_wait(epfd, events, maxevents, ms_to_timeout(timeout));
}

long sys_epoll_pwait(int epfd, struct epoll_event __user *events, int maxevents,
		     int timeout, const void __user *sigmask, size_t sigsetsize)
{
	long ret = set_user_sigmask(sigmask, sigsetsize);

	if (ret)
		return ret;
	ret = do_epoll_wait(epfd, events, maxevents, ms_to_timeout(timeout));
	restore_saved_sigmask_unless(ret == -EINTR);
	return ret;
}

long sys_epoll_pwait2(int epfd, struct epoll_event __user *events, int maxevents,
		      const struct __kernel_timespec __user *timeout,
		      const void __user *sigmask, size_t sigsetsize)
{
	struct __kernel_timespec ts;
	ktime_t t = -1;
	long ret;

	if (timeout) {
		if (copy_from_user(&ts, timeout, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		t = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	ret = set_user_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_epoll_wait(epfd, events, maxevents, t);
	restore_saved_sigmask_unless(ret == -EINTR);
	return ret;
}
