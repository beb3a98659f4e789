// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes between a parent and a forked child.
 *
 * pipe-tput: the parent writes 64 MiB in 64 KiB writes, the child reads
 * and drops them; MB/s (10^6 bytes) from the first write until the child
 * has read the last byte and said so.
 *
 * pipe-pingpong: one byte goes to the child and comes back on a second
 * pipe; us per round trip.
 *
 * In both the child first writes one byte on the back pipe, so the clock
 * starts only once it is running and fork is not part of the figure.
 */
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define TPUT_CHUNK	(64ul << 10)
#define TPUT_TOTAL	(64ul << 20)

struct pipe_pair {
	int to_child[2];
	int to_parent[2];
	pid_t child;
};

static void write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n <= 0)
			die("pipe write failed");
		buf += n;
		len -= n;
	}
}

static void read_byte(int fd)
{
	char c;

	if (read(fd, &c, 1) != 1)
		die("pipe read failed");
}

/* Fork a child that runs fn(rfd, wfd) after announcing itself. */
static void start_child(struct pipe_pair *pp, void (*fn)(int rfd, int wfd))
{
	if (pipe(pp->to_child) || pipe(pp->to_parent))
		die("pipe failed");
	pp->child = fork();
	if (pp->child < 0)
		die("fork failed");
	if (!pp->child) {
		close(pp->to_child[1]);
		close(pp->to_parent[0]);
		write_all(pp->to_parent[1], "r", 1);
		fn(pp->to_child[0], pp->to_parent[1]);
		_exit(0);
	}
	close(pp->to_child[0]);
	close(pp->to_parent[1]);
	read_byte(pp->to_parent[0]);
}

static void stop_child(struct pipe_pair *pp)
{
	int status;

	close(pp->to_child[1]);
	close(pp->to_parent[0]);
	if (waitpid(pp->child, &status, 0) != pp->child ||
	    !WIFEXITED(status) || WEXITSTATUS(status))
		die("pipe child failed");
}

static long tput_rounds;

static void drain(int rfd, int wfd)
{
	static char buf[TPUT_CHUNK];
	unsigned long left = tput_rounds * TPUT_TOTAL;
	ssize_t n;

	while (left) {
		n = read(rfd, buf, sizeof(buf));
		if (n <= 0)
			die("pipe read failed");
		left -= n;
	}
	write_all(wfd, "d", 1);
}

/* iters is the number of 64 MiB transfers */
static double bench_pipe_tput(long iters, const char *arg)
{
	static char buf[TPUT_CHUNK];
	struct pipe_pair pp;
	uint64_t t0, t1;
	unsigned long i;

	tput_rounds = iters;
	start_child(&pp, drain);
	t0 = now_ns();
	for (i = 0; i < iters * (TPUT_TOTAL / TPUT_CHUNK); i++)
		write_all(pp.to_child[1], buf, sizeof(buf));
	read_byte(pp.to_parent[0]);
	t1 = now_ns();
	stop_child(&pp);
	return (double)iters * TPUT_TOTAL / 1e6 / ((t1 - t0) / 1e9);
}

static void echo_bytes(int rfd, int wfd)
{
	char c;

	while (read(rfd, &c, 1) == 1)
		write_all(wfd, &c, 1);
}

static double bench_pipe_pingpong(long iters, const char *arg)
{
	struct pipe_pair pp;
	uint64_t t0, t1;
	long i;

	start_child(&pp, echo_bytes);
	t0 = now_ns();
	for (i = 0; i < iters; i++) {
		write_all(pp.to_child[1], "p", 1);
		read_byte(pp.to_parent[0]);
	}
	t1 = now_ns();
	stop_child(&pp);
	return (double)(t1 - t0) / iters / 1000;
}

const struct bench pipe_benches[] = {
	{ "pipe-tput", "MB/s", "64 KiB writes to a child (iterations: 64 MiB transfers)",
	  bench_pipe_tput },
	{ "pipe-pingpong", "us", "1-byte round trip to a child, us",
	  bench_pipe_pingpong },
	{ NULL }
};
