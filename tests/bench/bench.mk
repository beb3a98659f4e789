# Benchmarks: `make bench` (Documentation/benchmarks.txt).
#
# The benchmark programs are ordinary static host programs: the same binary
# runs natively, under umk and under UML.  tests/bench/run.sh lays out the
# root tree in build/bench-root, boots the kernels and prints the table.
# `make bench` first tries to build ./linux; a kernel that does not build
# or boot shows as n/a and makes `make bench` fail at the end (after the
# table: the host and UML figures are still worth having).
# `make bench-run` runs with whatever ./linux there is, building nothing but
# the programs.  Options for run.sh go in the environment (BENCH_QUICK=1,
# BENCH_CPU=none, BENCH_SKIP=uml, ...; see the head of run.sh).

BENCH_BIN := build/bench/bin
BENCH_SRCS := tests/bench/bench.c tests/bench/syscall_bench.c \
	      tests/bench/proc_bench.c tests/bench/mm_bench.c \
	      tests/bench/pipe_bench.c
BENCH_CFLAGS := -static -O2 -g -Wall -Wextra -Wno-unused-parameter -std=gnu11

$(BENCH_BIN)/bench: $(BENCH_SRCS) tests/bench/bench.h
	$(quiet) CC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) $(BENCH_CFLAGS) -o $@ $(BENCH_SRCS)

# No C library: fork+exec+wait should time the kernel's exec, not libc start-up.
$(BENCH_BIN)/true: tests/bench/true.c
	$(quiet) CC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -static -nostdlib -O2 -Wall -Wextra -fno-stack-protector \
		-fno-asynchronous-unwind-tables -Wl,--build-id=none -o $@ $<

# A host tool of the runner, not a guest program.
$(BENCH_BIN)/memtree: tests/bench/memtree.c
	$(quiet) CC $@
	$(Q)mkdir -p $(dir $@)
	$(Q)$(CC) -O2 -g -Wall -Wextra -std=gnu11 -o $@ $<

.PHONY: bench bench-run bench-progs
bench-progs: $(BENCH_BIN)/bench $(BENCH_BIN)/true $(BENCH_BIN)/memtree

# A kernel that fails to build is not benchmarked, not even a stale ./linux.
bench: bench-progs
	$(Q)if ! $(MAKE) linux; then \
		echo 'bench: ./linux did not build' >&2; \
		export BENCH_UMK_NA='n/a (did not build)'; \
	fi; \
	BENCH_BIN=$(BENCH_BIN) sh tests/bench/run.sh

bench-run: bench-progs
	$(Q)BENCH_BIN=$(BENCH_BIN) sh tests/bench/run.sh
