#!/bin/sh
# run.sh: guest micro-benchmarks on the host, under umk and under UML.
#
# Lays out a hostfs root tree with busybox and the static benchmark programs
# (tests/bench/*.c), runs the programs natively, then boots each kernel with
# the same command line and an init script that runs them and prints one
# "BENCH <name> <value> <unit>" line each.  Boot time and idle host memory
# are measured from the outside.  Prints a table (also kept in
# $BENCH_OUT/results.txt) and whether the issue's targets are met.
#
# Exit status: 0 when every figure could be taken under umk, 1 otherwise.
# Targets never change the exit status: benchmarks are not tests.
#
# Environment (defaults in brackets):
#	BENCH_UMK	umk kernel [./linux]
#	BENCH_UML	UML kernel [/usr/bin/linux]
#	BENCH_OUT	results and logs [build/bench]
#	BENCH_BIN	where bench, true and memtree were built [$BENCH_OUT/bin]
#	BENCH_ROOT	root tree [build/bench-root]
#	BENCH_CPU	CPU to pin every run to, or "none" [last CPU]
#	BENCH_QUICK	1: a tenth of the iterations, for trying the harness [0]
#	BENCH_SKIP	space-separated list of host, umk, uml not to run []
#	BENCH_UMK_NA	set by `make bench` when ./linux did not build: the
#			text of the umk column; umk is not run
set -u

umk=${BENCH_UMK:-./linux}
uml=${BENCH_UML:-/usr/bin/linux}
out=${BENCH_OUT:-build/bench}
bin=${BENCH_BIN:-$out/bin}
root=${BENCH_ROOT:-build/bench-root}
cpu=${BENCH_CPU:-auto}
quick=${BENCH_QUICK:-0}
skip=${BENCH_SKIP:-}

# Iteration counts, sized so that the slowest kernel (UML, whose every
# system call and page fault is a round of ptrace stops) finishes the whole
# suite in well under a minute.  pagefault and pipe-tput count 64 MiB units.
n_getppid=50000
n_fork=500
n_forkexec=300
n_pagefault=3
n_pipe_tput=3
n_pipe_pingpong=10000
boot_runs=5
if [ "$quick" = 1 ]; then
	n_getppid=5000 n_fork=50 n_forkexec=30 n_pagefault=1 n_pipe_tput=1
	n_pipe_pingpong=1000 boot_runs=3
fi

t_suite=120	# seconds for one kernel's benchmark run
t_boot=20	# seconds for one boot
t_idle=20	# seconds for the idle-memory run

die() {
	echo "bench: $*" >&2
	exit 1
}

note() {
	echo "bench: $*" >&2
}

skipped() {
	case " $skip " in *" $1 "*) return 0 ;; esac
	return 1
}

now_ms() {
	echo $(( $(date +%s%N) / 1000000 ))
}

# bench_cmds <bench> <true>: the benchmark command lines, one a line.
bench_cmds() {
	echo "$1 getppid $n_getppid"
	echo "$1 fork $n_fork"
	echo "$1 forkexec $n_forkexec $2"
	echo "$1 pagefault $n_pagefault"
	echo "$1 pipe-tput $n_pipe_tput"
	echo "$1 pipe-pingpong $n_pipe_pingpong"
}

# Every run is pinned to one CPU: both kernels are uniprocessor, and on a
# virtual machine a tracer and tracee woken on different CPUs pay for a
# cross-CPU wake-up on every ptrace stop, which makes UML's figures vary by
# several times from run to run.
set_pin() {
	pin=
	[ "$cpu" = none ] && return
	command -v taskset >/dev/null 2>&1 || { cpu=none; return; }
	[ "$cpu" = auto ] && cpu=$(( $(nproc) - 1 ))
	pin="taskset -c $cpu"
}

make_own_root() {
	mkdir -p "$root/bin" "$root/dev" "$root/proc" "$root/sys" "$root/tmp"
	cp /bin/busybox "$root/bin/busybox" || return 1
	ln -sfn busybox "$root/bin/sh"
}

write_script() {
	cat >"$root/$1"
	chmod 0755 "$root/$1"
}

# The root tree: scripts/mkrootfs.sh's busybox tree when there is one,
# else a minimal one; then the benchmark programs and three init scripts.
make_root() {
	if [ -f scripts/mkrootfs.sh ]; then
		sh scripts/mkrootfs.sh "$root" >/dev/null ||
			die "scripts/mkrootfs.sh $root failed"
	else
		make_own_root || die "cannot lay out $root"
	fi
	mkdir -p "$root/bench"
	cp "$bin/bench" "$bin/true" "$root/bench/" || die "no programs in $bin"

	{
		echo '#!/bin/sh'
		echo '# Written by tests/bench/run.sh: run the benchmarks, power off.'
		echo 'PATH=/bin:/sbin:/usr/bin:/usr/sbin'
		bench_cmds /bench/bench /bench/true
		echo 'exec /bin/busybox poweroff -f'
	} | write_script bench-init
	write_script bench-boot <<-'EOF'
	#!/bin/sh
	# Written by tests/bench/run.sh: power off as soon as init runs.
	echo BENCH-BOOT-OK
	exec /bin/busybox poweroff -f
	EOF
	write_script bench-idle <<-'EOF'
	#!/bin/sh
	# Written by tests/bench/run.sh: sit idle while memory is sampled.
	echo BENCH-IDLE-READY
	/bin/busybox sleep 3
	exec /bin/busybox poweroff -f
	EOF
	rootabs=$(cd "$root" && pwd)
}

# kernel_args <mem> <init> <umid>: the command line shared by umk and UML.
kernel_args() {
	echo "mem=$1 root=/dev/root rootfstype=hostfs rootflags=$rootabs rw" \
	     "init=$2 con=null con0=null,fd:2 con1=fd:0,fd:1 console=tty1" \
	     "umid=$3 uml_dir=$umldir"
}

# bench_lines <log>: "name value unit" for each well-formed BENCH line.
bench_lines() {
	tr -d '\r' <"$1" |
		awk '$1 == "BENCH" && NF == 4 && $3 ~ /^[0-9.]+$/ { print $2, $3, $4 }'
}

run_host() {
	log=$out/host-bench.log
	: >"$log"
	bench_cmds "$bin/bench" "$bin/true" | while read -r cmd; do
		# shellcheck disable=SC2086 # a command line, split on purpose
		$pin $cmd >>"$log" 2>&1 || note "host: '$cmd' failed"
	done
	bench_lines "$log" >"$out/host.txt"
}

# run_suite <kernel> <name>: the benchmark programs under a kernel.
run_suite() {
	log=$out/$2-bench.log
	# shellcheck disable=SC2046,SC2086 # $pin and the arguments split on purpose
	timeout -k 5 $t_suite $pin "$1" $(kernel_args 256M /bench-init \
		"bench$$-$2") </dev/null >"$log" 2>&1
	rc=$?
	[ $rc = 124 ] && note "$2: benchmark run timed out, see $log"
	bench_lines "$log" >>"$out/$2.txt"
}

# run_boots <kernel> <name>: median wall time of boot_runs boots to an init
# that powers off at once.  A boot that does not reach init counts as failed.
run_boots() {
	log=$out/$2-boot.log
	times=
	i=0
	while [ $i -lt $boot_runs ]; do
		i=$((i + 1))
		t0=$(now_ms)
		# shellcheck disable=SC2046,SC2086 # $pin and the arguments split on purpose
		timeout -k 5 $t_boot $pin "$1" $(kernel_args 256M /bench-boot \
			"bench$$-$2-boot$i") </dev/null >"$log" 2>&1
		rc=$?
		t1=$(now_ms)
		if [ $rc = 124 ] || ! grep -q BENCH-BOOT-OK "$log"; then
			note "$2: boot $i did not reach init, see $log"
			return
		fi
		times="$times $((t1 - t0))"
	done
	echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n |
		awk '{ v[NR] = $1 } END { print "boot", v[int((NR + 1) / 2)], "ms" }' \
		>>"$out/$2.txt"
}

# tree_pids <pid>: pid and all its descendants (from /proc/*/stat).
tree_pids() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v top="$1" '
	{
		pid = $1
		sub(/.*\) /, "")	# comm may hold spaces and parentheses
		parent[pid] = $2
	}
	END {
		for (p in parent) {
			for (q = p; q != "" && q > 1 && q != top; q = parent[q])
				;
			if (q == top)
				print p
		}
	}'
}

# run_idle <kernel> <name>: host memory of an idle mem=64M machine, taken
# one second after its init has started sleeping (tests/bench/memtree.c).
run_idle() {
	log=$out/$2-idle.log
	# shellcheck disable=SC2046,SC2086 # $pin and the arguments split on purpose
	$pin "$1" $(kernel_args 64M /bench-idle "bench$$-$2-idle") \
		</dev/null >"$log" 2>&1 &
	kpid=$!
	t0=$(now_ms)
	until grep -q BENCH-IDLE-READY "$log"; do
		if ! kill -0 $kpid 2>/dev/null ||
		   [ $(( $(now_ms) - t0 )) -gt $((t_idle * 1000)) ]; then
			note "$2: idle init did not start, see $log"
			stop_tree $kpid
			return
		fi
		sleep 0.1
	done
	sleep 1
	# "procs <n> mms <m> rss <kB> pss <kB>"
	if mem=$("$bin/memtree" $kpid); then
		echo "$mem" | awk '{ print "mem-rss", $6, "kB"; print "mem-pss", $8, "kB" }' \
			>>"$out/$2.txt"
		echo "$mem" >"$out/$2-idle.mem"
	fi
	stop_tree $kpid
}

# stop_tree <pid>: wait for a kernel we started to power off, kill it and
# what is left of its process tree if it does not.
stop_tree() {
	t0=$(now_ms)
	while kill -0 "$1" 2>/dev/null; do
		if [ $(( $(now_ms) - t0 )) -gt $((t_idle * 1000)) ]; then
			for p in $(tree_pids "$1"); do
				kill -9 "$p" 2>/dev/null
			done
		fi
		sleep 0.1
	done
	wait "$1" 2>/dev/null
}

# run_kernel <kernel> <name>: every measurement under one kernel.
run_kernel() {
	: >"$out/$2.txt"
	run_suite "$1" "$2"
	if [ ! -s "$out/$2.txt" ]; then
		note "$2: no benchmark ran, see $out/$2-bench.log"
		return 1
	fi
	run_boots "$1" "$2"
	run_idle "$1" "$2"
}

# report <umk n/a text>: the table and the targets.
report() {
	awk -v umk_na="$1" '
	function fig(k, n) { return (k SUBSEP n) in val ? val[k, n] : "" }
	function show(v, na) { return v == "" ? na : sprintf("%.1f", v) }
	function ratio(a, b) {
		return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2f", a / b)
	}
	function target(n, what, factor,   u, l, verdict) {
		u = fig("umk", n); l = fig("uml", n)
		if (u == "" || l == "")
			verdict = "n/a"
		else
			verdict = sprintf("%s (umk/UML %.2f, needs <= %.2f)",
				u <= factor * l ? "met" : "NOT met", u / l, factor)
		printf "  %-38s %s\n", what ":", verdict
	}
	FNR == 1 { k = FILENAME; sub(/.*\//, "", k); sub(/\.txt$/, "", k) }
	{ val[k, $1] = $2 }
	END {
		rows = "getppid fork forkexec pagefault pipe-tput pipe-pingpong boot mem-rss mem-pss"
		label["getppid"] = "getppid round trip"
		label["fork"] = "fork+exit+wait"
		label["forkexec"] = "fork+exec+wait (static)"
		label["pagefault"] = "anon page fault, per page"
		label["pipe-tput"] = "pipe throughput, 64K writes"
		label["pipe-pingpong"] = "pipe ping-pong, 1 byte"
		label["boot"] = "boot to init and power off"
		label["mem-rss"] = "idle mem=64M, sum of RSS"
		label["mem-pss"] = "idle mem=64M, sum of PSS"
		split("ns us us ns MB/s us ms kB kB", unit, " ")
		n = split(rows, name, " ")
		printf "%-28s %-5s %10s %20s %10s %9s %9s\n", "benchmark", "unit",
			"host", "umk", "UML", "umk/host", "umk/UML"
		for (i = 1; i <= n; i++) {
			h = fig("host", name[i]); u = fig("umk", name[i])
			l = fig("uml", name[i])
			printf "%-28s %-5s %10s %20s %10s %9s %9s\n", label[name[i]],
				unit[i], show(h, "-"), show(u, umk_na), show(l, "n/a"),
				ratio(u, h), ratio(u, l)
		}
		print ""
		print "Targets (informational):"
		target("getppid", "getppid no slower than UML", 1)
		target("forkexec", "fork+exec+wait at most 1/2 of UML", 0.5)
		target("pagefault", "page fault at most 1/2 of UML", 0.5)
		target("boot", "boot at most 1/4 of UML", 0.25)
	}' "$out/host.txt" "$out/umk.txt" "$out/uml.txt"
}

# umk_complete: every row has a umk figure.
umk_complete() {
	for n in getppid fork forkexec pagefault pipe-tput pipe-pingpong boot \
		 mem-rss mem-pss; do
		grep -q "^$n " "$out/umk.txt" || return 1
	done
}

main() {
	for p in bench true memtree; do
		[ -x "$bin/$p" ] || die "$bin/$p missing (make bench-progs)"
	done
	mkdir -p "$out" || die "cannot create $out"
	umldir=$(mktemp -d "${TMPDIR:-/tmp}/umk-bench.XXXXXX") ||
		die "mktemp failed"
	trap 'rm -rf "$umldir"' EXIT
	trap 'exit 1' INT TERM
	set_pin
	make_root
	: >"$out/host.txt"
	: >"$out/umk.txt"
	: >"$out/uml.txt"

	skipped host || { note "host..."; run_host; }
	if skipped uml; then
		:
	elif [ -x "$uml" ]; then
		note "UML ($uml)..."
		run_kernel "$uml" uml
	else
		note "no UML at $uml (apt-get install user-mode-linux)"
	fi
	umk_na="n/a (did not boot)"
	if [ -n "${BENCH_UMK_NA:-}" ]; then
		umk_na=$BENCH_UMK_NA
	elif skipped umk; then
		umk_na="n/a (skipped)"
	elif [ -x "$umk" ]; then
		note "umk ($umk)..."
		run_kernel "$umk" umk || :
		[ -s "$out/umk.txt" ] && umk_na="n/a (failed)"
	else
		note "no umk kernel at $umk"
	fi

	{
		if [ "$cpu" = none ]; then where="not pinned"; else where="pinned to CPU $cpu"; fi
		echo "umk benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), host $(uname -r)," \
		     "$(nproc) CPUs, $where"
		echo "UML: $("$uml" --version 2>/dev/null | head -n 1)"
		echo "umk: $umk (tree $(git describe --always --dirty 2>/dev/null))"
		echo
		report "$umk_na"
	} | tee "$out/results.txt"

	if ! skipped umk && ! umk_complete; then
		note "some benchmarks could not run under umk (logs in $out)"
		exit 1
	fi
	exit 0
}

main "$@"
