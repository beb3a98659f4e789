/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_CHAN_USER_H
#define _UM_CHAN_USER_H

/*
 * Host side of the channels (chan_user.c).  Plain C types; every call
 * returns -errno on failure.
 */

/* chan_user_prepare_fd() result bits */
#define CHAN_USER_TTY	1	/* the fd is a terminal */
#define CHAN_USER_RAW	2	/* ... now in raw mode */

int chan_user_fd_valid(int fd);		/* 1 if fd is open */
/*
 * Make an existing host fd usable as a channel: non-blocking, and in raw
 * mode if it is a terminal and raw is set.  Its original terminal mode and
 * file flags are restored when the kernel exits.  Returns CHAN_USER_* bits.
 */
int chan_user_prepare_fd(int fd, int raw);
int chan_user_read(int fd, char *buf, int len);		/* 0: end of input */
int chan_user_write(int fd, const char *buf, int len);	/* -EAGAIN: full */
/* Write everything, waiting for the fd when it is full. */
int chan_user_write_all(int fd, const char *buf, int len);
/* 1 if the terminal does not turn \n into \r\n itself (OPOST/ONLCR off). */
int chan_user_needs_crlf(int fd);
int chan_user_window_size(int fd, unsigned short *rows, unsigned short *cols);
/* 1 if epoll can watch fd (not a regular file or /dev/null-like device). */
int chan_user_pollable(int fd);

#endif
