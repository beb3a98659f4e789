// SPDX-License-Identifier: GPL-2.0
/*
 * Host side of the channels: the only place where a channel touches a
 * host fd.  Terminal modes and file flags changed here are saved first
 * and put back by an exit handler (os_atexit), newest first, so that
 * several fds on one terminal (stdin, stdout, stderr) end up as they were
 * before the kernel started.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <os.h>
#include "chan_user.h"

#define MAX_SAVED	32

struct saved_fd {
	int fd;
	int flags;		/* F_GETFL */
	int has_termios;
	struct termios termios;
};

static struct saved_fd saved[MAX_SAVED];
static int nr_saved;

static void restore_fds(void)
{
	struct saved_fd *s;

	while (nr_saved > 0) {
		s = &saved[--nr_saved];
		if (s->has_termios)
			tcsetattr(s->fd, TCSADRAIN, &s->termios);
		fcntl(s->fd, F_SETFL, s->flags);
	}
}

/* Remember how fd is now; the first save registers the exit handler. */
static int save_fd(int fd)
{
	struct saved_fd *s;
	int i;

	for (i = 0; i < nr_saved; i++)
		if (saved[i].fd == fd)
			return 0;
	if (nr_saved == MAX_SAVED)
		return -ENOSPC;
	if (!nr_saved && os_atexit(restore_fds) < 0)
		return -ENOMEM;
	s = &saved[nr_saved];
	s->fd = fd;
	s->flags = fcntl(fd, F_GETFL);
	if (s->flags < 0)
		return -errno;
	s->has_termios = isatty(fd) && tcgetattr(fd, &s->termios) == 0;
	nr_saved++;
	return 0;
}

int chan_user_fd_valid(int fd)
{
	return fd >= 0 && fcntl(fd, F_GETFD) >= 0;
}

int chan_user_prepare_fd(int fd, int raw)
{
	struct termios t;
	int flags, ret = 0, err;

	err = save_fd(fd);
	if (err)
		return err;
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
		return -errno;
	if (!isatty(fd))
		return 0;
	ret |= CHAN_USER_TTY;
	if (!raw)
		return ret;
	if (tcgetattr(fd, &t) < 0)
		return -errno;
	cfmakeraw(&t);
	if (tcsetattr(fd, TCSADRAIN, &t) < 0)
		return -errno;
	return ret | CHAN_USER_RAW;
}

int chan_user_read(int fd, char *buf, int len)
{
	ssize_t n;

	do {
		n = read(fd, buf, len);
	} while (n < 0 && errno == EINTR);
	if (n >= 0)
		return n;
	return errno == EWOULDBLOCK ? -EAGAIN : -errno;
}

int chan_user_write(int fd, const char *buf, int len)
{
	ssize_t n;

	do {
		n = write(fd, buf, len);
	} while (n < 0 && errno == EINTR);
	if (n >= 0)
		return n;
	return errno == EWOULDBLOCK ? -EAGAIN : -errno;
}

int chan_user_write_all(int fd, const char *buf, int len)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	int done = 0, n;

	while (done < len) {
		n = chan_user_write(fd, buf + done, len - done);
		if (n == -EAGAIN) {
			poll(&p, 1, -1);
			continue;
		}
		if (n < 0)
			return n;
		done += n;
	}
	return done;
}

int chan_user_needs_crlf(int fd)
{
	struct termios t;

	if (tcgetattr(fd, &t) < 0)
		return 0;
	return !(t.c_oflag & OPOST) || !(t.c_oflag & ONLCR);
}

int chan_user_window_size(int fd, unsigned short *rows, unsigned short *cols)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) < 0)
		return -errno;
	*rows = ws.ws_row;
	*cols = ws.ws_col;
	return 0;
}

int chan_user_pollable(int fd)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int ep = epoll_create1(EPOLL_CLOEXEC), ok;

	if (ep < 0)
		return -errno;
	ok = epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0;
	close(ep);
	return ok;
}
