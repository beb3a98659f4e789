/*
 * pipe_test - pipes between processes: ping-pong, a 1 MiB transfer in odd
 * chunk sizes, EOF, EPIPE and SIGPIPE, non-blocking mode and capacity,
 * dup/dup2/fcntl on pipe ends, and pipe2 flags.
 */
#include "gtest.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Read exactly len bytes unless EOF or an error comes first. */
static long read_full(int fd, void *buf, size_t len)
{
	size_t got = 0;
	long r;

	while (got < len) {
		r = read(fd, (char *)buf + got, len - got);
		if (r <= 0)
			return got ? (long)got : r;
		got += r;
	}
	return got;
}

static void test_pingpong(void)
{
	int up[2], down[2], pid, st, i, n = 1000, bad = 0;
	unsigned int v;

	if (T_OK(pipe(up)) == -1 || T_OK(pipe(down)) == -1)
		return;
	pid = gt_fork();
	if (pid == 0) {
		close(up[0]);
		close(down[1]);
		while (read_full(down[0], &v, sizeof(v)) == sizeof(v)) {
			v++;
			if (write(up[1], &v, sizeof(v)) != sizeof(v))
				_exit(2);
		}
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	for (i = 0, v = 0; i < n; i++) {
		if (write(down[1], &v, sizeof(v)) != sizeof(v) ||
		    read_full(up[0], &v, sizeof(v)) != sizeof(v)) {
			fail("exchange %d failed", i);
			break;
		}
		bad += v != 2u * i + 1;
		v++;
	}
	note("%d round trips, final value %u, %d out of order", i, v, bad);
	T_TRUE(i == n && bad == 0, "every reply was the request plus one");
	close(down[1]);
	st = gt_wait(pid);
	note("child: %s", status_str(st));
}

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 31 + (i >> 12));
}

static void test_transfer(void)
{
	static unsigned char buf[70000];
	const size_t total = 1 << 20;
	size_t sent, got = 0, bad = 0, chunk, i;
	int p[2], pid, st;
	long r;

	if (T_OK(pipe(p)) == -1)
		return;
	pid = gt_fork();
	if (pid == 0) {
		close(p[0]);
		for (sent = 0, chunk = 1; sent < total; sent += chunk) {
			chunk = (chunk * 7 + 13) % 65536 + 1;
			if (chunk > total - sent)
				chunk = total - sent;
			for (i = 0; i < chunk; i++)
				buf[i] = pattern(sent + i);
			if (write(p[1], buf, chunk) != (long)chunk)
				_exit(3);
		}
		_exit(0);
	}
	close(p[1]);
	while ((r = read(p[0], buf, 4000 + got % 3000)) > 0) {
		for (i = 0; i < (size_t)r; i++)
			bad += buf[i] != pattern(got + i);
		got += r;
	}
	note("read %zu bytes, %zu wrong, last read returned %ld", got, bad, r);
	T_TRUE(got == total && bad == 0, "1 MiB arrived intact and in order");
	st = gt_wait(pid);
	note("writer: %s", status_str(st));
}

static void test_eof(void)
{
	int p[2];
	char c[4];

	if (T_OK(pipe(p)) == -1)
		return;
	T_EQ(write(p[1], "ab", 2), 2);
	T_EQ(close(p[1]), 0);
	T_EQ(read(p[0], c, sizeof(c)), 2);
	T_EQ(read(p[0], c, sizeof(c)), 0);
	T_EQ(read(p[0], c, sizeof(c)), 0);
	T_EQ(read(p[0], c, 0), 0);
}

static void write_to_closed(void *arg)
{
	int *p = arg;

	_exit(write(p[1], "x", 1) == -1 && errno == EPIPE ? 30 : 31);
}

static void test_epipe(void)
{
	int p[2], st;

	if (T_OK(pipe(p)) == -1)
		return;
	close(p[0]);
	st = gt_run_child(write_to_closed, p);
	note("write with no reader, SIGPIPE default: %s", status_str(st));
	T_TRUE(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE, "killed by SIGPIPE");
	signal(SIGPIPE, SIG_IGN);
	T_ERR(write(p[1], "x", 1), EPIPE);
	signal(SIGPIPE, SIG_DFL);
	close(p[1]);
}

static void test_nonblock(void)
{
	static char buf[4096];
	long r, total = 0;
	int p[2];

	if (T_OK(pipe2(p, O_NONBLOCK)) == -1)
		return;
	T_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	T_ERR(read(p[0], buf, 1), EAGAIN);
	while ((r = write(p[1], buf, sizeof(buf))) > 0)
		total += r;
	note("filled with %ld bytes, then write = %ld %s", total, r,
	     errname(errno));
	T_TRUE(total == fcntl(p[1], F_GETPIPE_SZ), "capacity is F_GETPIPE_SZ");
	T_EQ(fcntl(p[1], F_GETPIPE_SZ), 65536);
	T_EQ(read(p[0], buf, 100), 100);
	T_ERR(write(p[1], buf, sizeof(buf)), EAGAIN);	/* a page must free */
	T_EQ(read(p[0], buf, sizeof(buf)), sizeof(buf));
	T_EQ(write(p[1], buf, 10), 10);
	T_EQ(fcntl(p[0], F_SETFL, 0), 0);
	T_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
}

static void test_dup(void)
{
	int p[2], pid, st, fd;
	char buf[32] = "";

	if (T_OK(pipe(p)) == -1)
		return;
	note("pipe fds: %d %d", p[0], p[1]);
	fd = dup(p[1]);
	T_EQ(fd, 5);
	T_EQ(dup2(p[1], p[1]), p[1]);
	T_EQ(dup2(fd, 10), 10);
	T_EQ(fcntl(p[1], F_DUPFD, 20), 20);
	T_EQ(fcntl(p[1], F_DUPFD_CLOEXEC, 20), 21);
	T_EQ(fcntl(21, F_GETFD), FD_CLOEXEC);
	T_ERR(dup2(p[1], -1), EBADF);
	T_ERR(dup2(99, 3), EBADF);
	T_ERR(dup3(p[1], p[1], 0), EINVAL);
	pid = gt_fork();
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[1]);
		close(fd);
		close(10);
		close(20);
		close(21);
		_exit(write(1, "via stdout", 10) == 10 ? 0 : 1);
	}
	close(p[1]);
	close(fd);
	close(20);
	close(21);
	st = gt_wait(pid);
	note("child: %s", status_str(st));
	/* fd 10 still holds the write end: drop it to see EOF. */
	close(10);
	T_EQ(read_full(p[0], buf, sizeof(buf) - 1), 10);
	note("read \"%s\"", buf);
	T_EQ(read(p[0], buf, 1), 0);
}

static void test_pipe2_flags(void)
{
	int p[2];

	if (T_OK(pipe2(p, O_CLOEXEC)) == -1)
		return;
	T_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
	T_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY);
	T_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY);
	T_ERR(write(p[0], "x", 1), EBADF);
	T_ERR(read(p[1], p, 1), EBADF);
	T_ERR(lseek(p[0], 0, SEEK_SET), ESPIPE);
	T_ERR(pipe2(p, 0x12345678), EINVAL);
}

static const struct gtest_case cases[] = {
	{ "pingpong", test_pingpong },
	{ "transfer_1m", test_transfer },
	{ "eof", test_eof },
	{ "epipe", test_epipe },
	{ "nonblock", test_nonblock },
	{ "dup", test_dup },
	{ "pipe2_flags", test_pipe2_flags },
};
GTEST_MAIN(cases)
