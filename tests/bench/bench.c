// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark driver: looks the benchmark up by name, runs a short warm-up
 * round, splits the iterations into ROUNDS measured rounds (fewer if there
 * are fewer iterations) and prints the median round.  The median of a
 * few rounds shrugs off the odd round disturbed by the host, which a mean
 * would not.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

#define ROUNDS 5

static const struct bench *const tables[] = {
	syscall_benches, proc_benches, mm_benches, pipe_benches,
};

uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

void die(const char *fmt, ...)
{
	va_list ap;

	fputs("bench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static const struct bench *find_bench(const char *name)
{
	const struct bench *b;
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		for (b = tables[i]; b->name; b++)
			if (!strcmp(b->name, name))
				return b;
	return NULL;
}

static void usage(void)
{
	const struct bench *b;
	size_t i;

	fprintf(stderr, "usage: bench <name> <iterations> [argument]\n");
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		for (b = tables[i]; b->name; b++)
			fprintf(stderr, "  %-14s %-6s %s\n", b->name, b->unit,
				b->help);
	exit(2);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	const struct bench *b;
	double fig[ROUNDS];
	long iters, per_round;
	int i, rounds;
	char *end;

	if (argc < 3 || argc > 4)
		usage();
	b = find_bench(argv[1]);
	if (!b)
		usage();
	errno = 0;
	iters = strtol(argv[2], &end, 0);
	if (errno || *end || iters <= 0)
		usage();

	/* stdout may be a pipe or a console: keep the one line whole */
	setvbuf(stdout, NULL, _IOLBF, 0);

	rounds = iters < ROUNDS ? iters : ROUNDS;
	per_round = iters / rounds;
	b->run(per_round / 10 ? per_round / 10 : 1, argv[3]);
	for (i = 0; i < rounds; i++) {
		fig[i] = b->run(per_round, argv[3]);
		/* a clock that does not move makes 0 ns or an infinite rate */
		if (!(fig[i] > 0 && fig[i] < 1e300))
			die("%s: no usable figure (%g): does the clock run?",
			    b->name, fig[i]);
	}
	qsort(fig, rounds, sizeof(fig[0]), cmp_double);
	printf("BENCH %s %.3f %s\n", b->name, fig[rounds / 2], b->unit);
	return 0;
}
