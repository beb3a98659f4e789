// SPDX-License-Identifier: GPL-2.0
/*
 * Host half of the tty_line suite (built with the user half's flags):
 * the pipes, files and ptys the suite hands to the line layer as fd:N
 * channels, and a look at them from the host's side.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/mman.h>

int tth_pipe(int fds[2], int small)
{
	if (pipe(fds) < 0)
		return -errno;
	if (small && fcntl(fds[1], F_SETPIPE_SZ, 4096) < 0)
		return -errno;
	return 0;
}

int tth_write(int fd, const void *buf, int len)
{
	int n = write(fd, buf, len);

	return n < 0 ? -errno : n;
}

/* Read what arrives within 200 ms (all of it, up to len). */
int tth_read(int fd, void *buf, int len)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int got = 0, n;

	while (got < len && poll(&p, 1, got ? 20 : 200) > 0) {
		n = read(fd, (char *)buf + got, len - got);
		if (n <= 0)
			break;
		got += n;
	}
	return got;
}

int tth_close(int fd)
{
	return close(fd) < 0 ? -errno : 0;
}

/* A regular file (no poll support) holding s, positioned at its start. */
int tth_file(const char *s)
{
	int fd = memfd_create("tty_line", 0);

	if (fd < 0)
		return -errno;
	if (write(fd, s, strlen(s)) < 0 || lseek(fd, 0, SEEK_SET) < 0)
		return -errno;
	return fd;
}

int tth_openpty(int *master, int *slave)
{
	struct winsize ws = { .ws_row = 33, .ws_col = 101 };

	if (openpty(master, slave, NULL, NULL, &ws) < 0)
		return -errno;
	return 0;
}

/* The terminal's output and local modes, as the host sees them. */
int tth_termios(int fd, unsigned int *oflag, unsigned int *lflag)
{
	struct termios t;

	if (tcgetattr(fd, &t) < 0)
		return -errno;
	*oflag = t.c_oflag;
	*lflag = t.c_lflag;
	return 0;
}

int tth_nonblocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	return fl < 0 ? -errno : !!(fl & O_NONBLOCK);
}
