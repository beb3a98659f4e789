/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest micro-benchmarks: one static binary, one entry per benchmark.
 *
 *	bench <name> <iterations> [argument]
 *
 * prints one line "BENCH <name> <value> <unit>" on success, or a message on
 * stderr and exit status 1 when the benchmark could not run.  The same
 * binary runs natively, under umk and under UML, so the three figures are
 * comparable.
 *
 * A benchmark's run() does `iters` operations and returns its figure for
 * that round (time per operation, or a rate).  bench.c calls it once to
 * warm up and then for up to five rounds, and reports the median.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

struct bench {
	const char *name;
	const char *unit;
	const char *help;
	double (*run)(long iters, const char *arg);
};

/* bench.c */
uint64_t now_ns(void);
void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...);

/* one table per file, terminated by an entry with a NULL name */
extern const struct bench syscall_benches[];
extern const struct bench proc_benches[];
extern const struct bench mm_benches[];
extern const struct bench pipe_benches[];

#endif
