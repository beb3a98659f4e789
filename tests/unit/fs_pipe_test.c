// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes, FIFOs, poll, select and epoll through their system calls.
 * Blocking paths run with a schedule() hook that plays the other task
 * (it writes, closes or raises a signal while we "sleep").
 */
#include <umk/fs.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/pipe_fs_i.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <linux/eventpoll.h>
#include <linux/uio.h>
#include <linux/time_types.h>
#include <asm/ioctls.h>
#include <asm/posix_types.h>
#include "ktest.h"

/* fs_stubs_test.c */
int fs_test_setup(void);
extern int fs_test_last_signal;
extern int fs_test_signal_pending;
extern void (*fs_test_schedule_hook)(void);
extern int fs_test_schedule_calls;

long sys_pipe2(int *fildes, int flags);
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_close(unsigned int fd);
long sys_open(const char *filename, int flags, umode_t mode);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_mknod(const char *filename, umode_t mode, unsigned int dev);
long sys_readv(unsigned long fd, const struct iovec *vec, unsigned long vlen);
long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout_msecs);
long sys_select(int n, __kernel_fd_set *inp, __kernel_fd_set *outp, __kernel_fd_set *exp,
		struct __kernel_old_timeval *tvp);
long sys_epoll_create1(int flags);
long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);
long sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout);
long sys_sendfile(int out_fd, int in_fd, loff_t *offset, size_t count);
long sys_mkdir(const char *pathname, umode_t mode);

static int hook_fd;

static int fs_pipe_setup(void)
{
	return fs_test_setup();
}

static int make_pipe(int fds[2], int flags)
{
	return sys_pipe2(fds, flags);
}

static void pipe_basic(struct ktest *t)
{
	static char buf[16];	/* low address: access_ok() */
	int fds[2], n = -1;

	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, make_pipe(fds, O_NONBLOCK), 0);
	KEXPECT_EQ(t, sys_fcntl(fds[0], F_GETFL, 0), O_RDONLY | O_NONBLOCK);
	KEXPECT_EQ(t, sys_fcntl(fds[1], F_GETFL, 0), O_WRONLY | O_NONBLOCK);
	KEXPECT_EQ(t, sys_read(fds[0], buf, sizeof(buf)), -EAGAIN);
	KEXPECT_EQ(t, sys_write(fds[1], "abc", 3), 3);
	KEXPECT_EQ(t, sys_ioctl(fds[0], FIONREAD, (unsigned long)&n), 0);
	KEXPECT_EQ(t, n, 3);
	KEXPECT_EQ(t, sys_read(fds[0], buf, 2), 2);
	KEXPECT_EQ(t, sys_read(fds[0], buf + 2, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "abc");
	KEXPECT_EQ(t, sys_lseek(fds[0], 0, SEEK_CUR), -ESPIPE);
	KEXPECT_EQ(t, sys_write(fds[0], "x", 1), -EBADF);
	KEXPECT_EQ(t, sys_close(fds[1]), 0);
	KEXPECT_EQ(t, sys_read(fds[0], buf, sizeof(buf)), 0);
	KEXPECT_EQ(t, sys_close(fds[0]), 0);
	KEXPECT_EQ(t, make_pipe(fds, O_RDWR), -EINVAL);
}

/* 64 KiB, then small writes are all or nothing (PIPE_BUF atomicity). */
static void pipe_full_atomic(struct ktest *t)
{
	static char data[PAGE_SIZE];
	long total = 0, r;
	int fds[2];

	make_pipe(fds, O_NONBLOCK);
	while ((r = sys_write(fds[1], data, 1000)) > 0)
		total += r;
	KEXPECT_EQ(t, r, -EAGAIN);
	/* Atomic 1000-byte writes fill each page to 4000, 16 pages. */
	KEXPECT_EQ(t, total, 64000);
	KEXPECT_EQ(t, sys_fcntl(fds[1], F_GETPIPE_SZ, 0), 65536);
	KEXPECT_EQ(t, sys_read(fds[0], data, 10), 10);
	/* The freed room is at the front: a 100-byte write still does not fit whole. */
	KEXPECT_EQ(t, sys_write(fds[1], data, 100), -EAGAIN);
	KEXPECT_EQ(t, sys_read(fds[0], data, 3990), 3990);	/* frees the first page */
	KEXPECT_EQ(t, sys_write(fds[1], data, 100), 100);
	sys_close(fds[0]);
	sys_close(fds[1]);
	/* A big write fills what it can and says how much. */
	make_pipe(fds, O_NONBLOCK);
	total = 0;
	while ((r = sys_write(fds[1], data, sizeof(data))) > 0)
		total += r;
	KEXPECT_EQ(t, total, 65536);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void pipe_epipe(struct ktest *t)
{
	int fds[2];

	make_pipe(fds, 0);
	sys_close(fds[0]);
	fs_test_last_signal = 0;
	KEXPECT_EQ(t, sys_write(fds[1], "x", 1), -EPIPE);
	KEXPECT_EQ(t, fs_test_last_signal, SIGPIPE);
	sys_close(fds[1]);
}

static void write_from_hook(void)
{
	sys_write(hook_fd, "late", 4);
}

static void close_from_hook(void)
{
	sys_close(hook_fd);
}

static void signal_from_hook(void)
{
	fs_test_signal_pending = 1;
}

static void pipe_blocking(struct ktest *t)
{
	static char buf[8];	/* low address: access_ok() */
	int fds[2];

	memset(buf, 0, sizeof(buf));
	make_pipe(fds, 0);
	hook_fd = fds[1];
	fs_test_schedule_calls = 0;
	fs_test_schedule_hook = write_from_hook;
	KEXPECT_EQ(t, sys_read(fds[0], buf, sizeof(buf)), 4);
	KEXPECT_STREQ(t, buf, "late");
	KEXPECT_EQ(t, fs_test_schedule_calls, 1);
	/* Woken by the last writer going away: end of file. */
	fs_test_schedule_hook = close_from_hook;
	KEXPECT_EQ(t, sys_read(fds[0], buf, sizeof(buf)), 0);
	sys_close(fds[0]);
	/* Interrupted by a signal: restartable. */
	make_pipe(fds, 0);
	fs_test_schedule_hook = signal_from_hook;
	KEXPECT_EQ(t, sys_read(fds[0], buf, sizeof(buf)), -ERESTARTSYS);
	fs_test_signal_pending = 0;
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void pipe_set_size(struct ktest *t)
{
	static char data[3 * PAGE_SIZE];
	int fds[2];

	make_pipe(fds, O_NONBLOCK);
	KEXPECT_EQ(t, sys_fcntl(fds[0], F_SETPIPE_SZ, 100), PAGE_SIZE);
	KEXPECT_EQ(t, sys_write(fds[1], data, sizeof(data)), PAGE_SIZE);
	KEXPECT_EQ(t, sys_fcntl(fds[1], F_SETPIPE_SZ, 3 * PAGE_SIZE), 4 * PAGE_SIZE);
	KEXPECT_EQ(t, sys_write(fds[1], data, sizeof(data)), 3 * PAGE_SIZE);
	KEXPECT_EQ(t, sys_fcntl(fds[1], F_SETPIPE_SZ, PAGE_SIZE), -EBUSY);
	KEXPECT_EQ(t, sys_fcntl(fds[1], F_SETPIPE_SZ, 0), -EINVAL);
	KEXPECT_EQ(t, sys_read(fds[0], data, sizeof(data)), 3 * PAGE_SIZE);
	KEXPECT_EQ(t, sys_read(fds[0], data, sizeof(data)), PAGE_SIZE);
	sys_close(fds[0]);
	sys_close(fds[1]);
	KEXPECT_EQ(t, sys_fcntl(0, F_GETPIPE_SZ, 0), -EBADF);
}

static void pipe_poll(struct ktest *t)
{
	struct pollfd p[3];
	int fds[2];

	make_pipe(fds, 0);
	p[0].fd = fds[0];
	p[0].events = POLLIN;
	p[1].fd = fds[1];
	p[1].events = POLLOUT;
	p[2].fd = 999;
	p[2].events = POLLIN;
	KEXPECT_EQ(t, sys_poll(p, 3, 0), 2);
	KEXPECT_EQ(t, p[0].revents, 0);
	KEXPECT_EQ(t, p[1].revents, POLLOUT);
	KEXPECT_EQ(t, p[2].revents, POLLNVAL);
	KEXPECT_EQ(t, sys_poll(p, 1, 0), 0);
	/* Sleep in poll until the "other task" writes. */
	hook_fd = fds[1];
	fs_test_schedule_calls = 0;
	fs_test_schedule_hook = write_from_hook;
	KEXPECT_EQ(t, sys_poll(p, 1, -1), 1);
	KEXPECT_EQ(t, p[0].revents, POLLIN);
	KEXPECT_EQ(t, fs_test_schedule_calls, 1);
	/* A timeout with nothing ready: 0, after one sleep. */
	p[1].fd = fds[0];
	p[1].events = POLLPRI;
	fs_test_schedule_calls = 0;
	KEXPECT_EQ(t, sys_poll(&p[1], 1, 50), 0);
	KEXPECT_EQ(t, fs_test_schedule_calls, 1);
	/* Hangup once the writer is gone, even if not asked for. */
	sys_close(fds[1]);
	p[0].events = 0;
	KEXPECT_EQ(t, sys_poll(p, 1, 0), 1);
	KEXPECT_EQ(t, p[0].revents, POLLHUP);
	sys_close(fds[0]);
}

static void pipe_select(struct ktest *t)
{
	struct __kernel_old_timeval tv = { 0, 0 };
	__kernel_fd_set rd, wr;
	int fds[2];

	make_pipe(fds, 0);
	memset(&rd, 0, sizeof(rd));
	memset(&wr, 0, sizeof(wr));
	rd.fds_bits[0] = 1UL << fds[0];
	wr.fds_bits[0] = 1UL << fds[1];
	KEXPECT_EQ(t, sys_select(fds[1] + 1, &rd, &wr, NULL, &tv), 1);
	KEXPECT_EQ(t, rd.fds_bits[0], 0);
	KEXPECT_EQ(t, wr.fds_bits[0], 1UL << fds[1]);
	sys_write(fds[1], "z", 1);
	rd.fds_bits[0] = 1UL << fds[0];
	KEXPECT_EQ(t, sys_select(fds[1] + 1, &rd, NULL, NULL, &tv), 1);
	KEXPECT_EQ(t, rd.fds_bits[0], 1UL << fds[0]);
	rd.fds_bits[0] = 1UL << 60;
	KEXPECT_EQ(t, sys_select(61, &rd, NULL, NULL, &tv), -EBADF);
	tv.tv_usec = 1000000;
	KEXPECT_EQ(t, sys_select(1, NULL, NULL, NULL, &tv), -EINVAL);
	KEXPECT_EQ(t, sys_select(-1, NULL, NULL, NULL, NULL), -EINVAL);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void pipe_readv_nonblocking_tail(struct ktest *t)
{
	static char a[4], b[16];	/* low address: access_ok() */
	struct iovec iov[2] = { { a, 3 }, { b, 10 } };
	int fds[2];

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	make_pipe(fds, 0);
	sys_write(fds[1], "hello", 5);
	/* The first segment may block; later ones take only what is there. */
	KEXPECT_EQ(t, sys_readv(fds[0], iov, 2), 5);
	KEXPECT_STREQ(t, a, "hel");
	KEXPECT_STREQ(t, b, "lo");
	KEXPECT_EQ(t, sys_fcntl(fds[0], F_GETFL, 0), O_RDONLY);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void pipe_fifo(struct ktest *t)
{
	static char buf[8];	/* low address: access_ok() */
	long r, w;

	memset(buf, 0, sizeof(buf));
	sys_mkdir("/fifo", 0755);
	KEXPECT_EQ(t, sys_mknod("/fifo/f", S_IFIFO | 0600, 0), 0);
	KEXPECT_EQ(t, sys_open("/fifo/f", O_WRONLY | O_NONBLOCK, 0), -ENXIO);
	r = sys_open("/fifo/f", O_RDONLY | O_NONBLOCK, 0);
	KEXPECT_TRUE(t, r >= 0);
	KEXPECT_EQ(t, sys_read(r, buf, sizeof(buf)), 0);	/* no writer yet: EOF */
	w = sys_open("/fifo/f", O_WRONLY | O_NONBLOCK, 0);
	KEXPECT_TRUE(t, w >= 0);
	KEXPECT_EQ(t, sys_read(r, buf, sizeof(buf)), -EAGAIN);
	KEXPECT_EQ(t, sys_write(w, "fifo", 4), 4);
	KEXPECT_EQ(t, sys_read(r, buf, sizeof(buf)), 4);
	KEXPECT_STREQ(t, buf, "fifo");
	sys_close(w);
	sys_close(r);
	/* O_RDWR never waits. */
	r = sys_open("/fifo/f", O_RDWR, 0);
	KEXPECT_TRUE(t, r >= 0);
	KEXPECT_EQ(t, sys_write(r, "rw", 2), 2);
	KEXPECT_EQ(t, sys_read(r, buf, sizeof(buf)), 2);
	sys_close(r);
}

static void pipe_sendfile_to_pipe(struct ktest *t)
{
	static char buf[16];	/* low address: access_ok() */
	int fds[2];
	long fd;

	memset(buf, 0, sizeof(buf));
	fd = sys_open("/sf", O_CREAT | O_RDWR, 0644);
	sys_write(fd, "through", 7);
	sys_lseek(fd, 0, SEEK_SET);
	make_pipe(fds, 0);
	KEXPECT_EQ(t, sys_sendfile(fds[1], fd, NULL, 100), 7);
	KEXPECT_EQ(t, sys_read(fds[0], buf, sizeof(buf)), 7);
	KEXPECT_STREQ(t, buf, "through");
	/* From a pipe: refused, and nothing is consumed. */
	sys_write(fds[1], "kept", 4);
	KEXPECT_EQ(t, sys_sendfile(fd, fds[0], NULL, 4), -EINVAL);
	KEXPECT_EQ(t, sys_read(fds[0], buf, sizeof(buf)), 4);
	sys_close(fd);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void epoll_level_edge_oneshot(struct ktest *t)
{
	struct epoll_event ev, out[4];
	int fds[2];
	long ep, f;
	static char c;

	ep = sys_epoll_create1(0);
	KEXPECT_TRUE(t, ep >= 0);
	make_pipe(fds, O_NONBLOCK);
	ev.events = EPOLLIN;
	ev.data = 0x1234;
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev), 0);
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev), -EEXIST);
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), -EINVAL);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 0);
	sys_write(fds[1], "ab", 2);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 1);
	KEXPECT_EQ(t, out[0].events, EPOLLIN);
	KEXPECT_EQ(t, out[0].data, 0x1234);
	/* Level-triggered: still there. */
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 1);
	/* Edge-triggered: once per new arrival. */
	ev.events = EPOLLIN | EPOLLET;
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), 0);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 1);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 0);
	sys_write(fds[1], "c", 1);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 1);
	/* One-shot: once, until re-armed. */
	ev.events = EPOLLIN | EPOLLONESHOT;
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), 0);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 1);
	sys_write(fds[1], "d", 1);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 0);
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), 0);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 1);
	/* Sleep in epoll_wait until the other task writes. */
	while (sys_read(fds[0], &c, 1) == 1)
		;
	ev.events = EPOLLIN;
	sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev);
	hook_fd = fds[1];
	fs_test_schedule_hook = write_from_hook;
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, -1), 1);
	/* Regular files cannot be watched; unknown items cannot be removed. */
	f = sys_open("/epfile", O_CREAT | O_RDWR, 0644);
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_ADD, f, &ev), -EPERM);
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_DEL, fds[1], NULL), -ENOENT);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 0, 0), -EINVAL);
	KEXPECT_EQ(t, sys_epoll_wait(f, out, 1, 0), -EINVAL);
	sys_close(f);
	/* Closing the watched file's last descriptor removes the item. */
	sys_close(fds[0]);
	KEXPECT_EQ(t, sys_epoll_ctl(ep, EPOLL_CTL_DEL, fds[0], NULL), -EBADF);
	KEXPECT_EQ(t, sys_epoll_wait(ep, out, 4, 0), 0);
	sys_close(fds[1]);
	KEXPECT_EQ(t, sys_close(ep), 0);
}

static void epoll_nested(struct ktest *t)
{
	struct epoll_event ev = { EPOLLIN, 7 }, out[2];
	long ep1 = sys_epoll_create1(EPOLL_CLOEXEC), ep2 = sys_epoll_create1(0);
	int fds[2];

	KEXPECT_EQ(t, sys_fcntl(ep1, F_GETFD, 0), FD_CLOEXEC);
	make_pipe(fds, 0);
	KEXPECT_EQ(t, sys_epoll_ctl(ep2, EPOLL_CTL_ADD, fds[0], &ev), 0);
	KEXPECT_EQ(t, sys_epoll_ctl(ep1, EPOLL_CTL_ADD, ep2, &ev), 0);
	KEXPECT_EQ(t, sys_epoll_ctl(ep2, EPOLL_CTL_ADD, ep1, &ev), -ELOOP);
	KEXPECT_EQ(t, sys_epoll_wait(ep1, out, 2, 0), 0);
	sys_write(fds[1], "n", 1);
	KEXPECT_EQ(t, sys_epoll_wait(ep1, out, 2, 0), 1);
	KEXPECT_EQ(t, out[0].data, 7);
	sys_close(ep2);		/* its release drops ep1's item on it */
	sys_close(ep1);
	sys_close(fds[0]);
	sys_close(fds[1]);
	KEXPECT_EQ(t, sys_epoll_create1(1), -EINVAL);
}

/* Pipes, epoll sets and their wait entries all go back when closed. */
static void pipe_no_leaks(struct ktest *t)
{
	struct epoll_event ev = { EPOLLIN, 1 };
	unsigned long files, pages;
	struct pollfd pf;
	int fds[2], i;
	long ep;

	/* Warm the slab caches first so that they do not count as leaks. */
	for (i = 0; i < 2; i++) {
		make_pipe(fds, O_NONBLOCK);
		sys_close(fds[0]);
		sys_close(fds[1]);
	}
	files = nr_open_files();
	pages = nr_free_pages();
	for (i = 0; i < 500; i++) {
		make_pipe(fds, O_NONBLOCK);
		sys_write(fds[1], "data", 4);
		ep = sys_epoll_create1(0);
		sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
		pf.fd = fds[0];
		pf.events = POLLIN;
		sys_poll(&pf, 1, 0);
		if (i & 1)
			sys_close(ep);
		sys_close(fds[0]);
		sys_close(fds[1]);
		if (!(i & 1))
			sys_close(ep);
	}
	KEXPECT_EQ(t, nr_open_files(), files);
	KEXPECT_TRUE(t, nr_free_pages() + 4 >= pages);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(pipe_basic),
	KTEST_CASE(pipe_full_atomic),
	KTEST_CASE(pipe_epipe),
	KTEST_CASE(pipe_blocking),
	KTEST_CASE(pipe_set_size),
	KTEST_CASE(pipe_poll),
	KTEST_CASE(pipe_select),
	KTEST_CASE(pipe_readv_nonblocking_tail),
	KTEST_CASE(pipe_fifo),
	KTEST_CASE(pipe_sendfile_to_pipe),
	KTEST_CASE(epoll_level_edge_oneshot),
	KTEST_CASE(epoll_nested),
	KTEST_CASE(pipe_no_leaks),
	{}
};
KTEST_SUITE_INIT(fs_pipe, cases, fs_pipe_setup);
