/*
 * time_test - clocks and sleeping: CLOCK_MONOTONIC never goes back (through
 * glibc, which may use the vDSO, and through the raw system call),
 * nanosleep and clock_nanosleep sleep at least as long as asked, the
 * realtime clocks agree with each other, and times() accounts CPU time.
 * Only comparisons are printed, never the times themselves.
 */
#include "gtest.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t ns_of(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static int64_t now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ns_of(&ts);
}

static int64_t raw_ns(clockid_t clk)
{
	struct timespec ts;

	syscall(SYS_clock_gettime, clk, &ts);
	return ns_of(&ts);
}

static void test_monotonic(void)
{
	int64_t prev = now_ns(CLOCK_MONOTONIC), t, first = prev;
	int i, back = 0, bad_ns = 0;
	struct timespec ts;

	for (i = 0; i < 2000; i++) {
		t = i & 1 ? raw_ns(CLOCK_MONOTONIC) : now_ns(CLOCK_MONOTONIC);
		back += t < prev;
		prev = t;
	}
	for (i = 0; i < 100; i++) {
		syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
		bad_ns += ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L;
	}
	note("2000 readings, %d went backwards, %d bad tv_nsec", back, bad_ns);
	T_TRUE(back == 0 && bad_ns == 0, "CLOCK_MONOTONIC is non-decreasing");
	T_TRUE(prev - first < 5000000000LL, "the loop took under 5 s");
	T_TRUE(raw_ns(CLOCK_BOOTTIME) >= raw_ns(CLOCK_MONOTONIC) - 1000000,
	       "CLOCK_BOOTTIME >= CLOCK_MONOTONIC");
	T_EQ(syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts), 0);
	T_TRUE(ts.tv_sec == 0 && ts.tv_nsec > 0 && ts.tv_nsec <= 10000000,
	       "resolution between 1 ns and 10 ms");
}

static void test_nanosleep(void)
{
	struct timespec req = { 0, 20000000 }, rem = { 9, 9 };
	int64_t t0, dt;

	t0 = raw_ns(CLOCK_MONOTONIC);
	T_EQ(syscall(SYS_nanosleep, &req, &rem), 0);
	dt = raw_ns(CLOCK_MONOTONIC) - t0;
	T_TRUE(dt >= 20000000, "nanosleep(20 ms) took at least 20 ms");
	T_TRUE(dt < 2000000000LL, "and less than 2 s");
	req.tv_nsec = 1000000000;
	T_ERR(syscall(SYS_nanosleep, &req, NULL), EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	T_ERR(syscall(SYS_nanosleep, &req, NULL), EINVAL);
	req.tv_sec = 0;
	T_EQ(syscall(SYS_nanosleep, &req, NULL), 0);
}

static void test_clock_nanosleep(void)
{
	struct timespec ts;
	int64_t target;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	target = ns_of(&ts) + 30000000;
	ts.tv_sec = target / 1000000000;
	ts.tv_nsec = target % 1000000000;
	T_EQ(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL), 0);
	T_TRUE(raw_ns(CLOCK_MONOTONIC) >= target,
	       "TIMER_ABSTIME sleep ends after the target");
	ts.tv_sec = 0;
	ts.tv_nsec = 10000000;
	T_EQ(clock_nanosleep(CLOCK_REALTIME, 0, &ts, NULL), 0);
	/* clock_nanosleep returns the error number instead of setting errno. */
	T_EQ(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL), EINVAL);
	T_EQ(clock_nanosleep(12345, 0, &ts, NULL), EINVAL);
}

static void test_realtime(void)
{
	struct timeval tv;
	struct timespec ts;
	long t;
	int64_t a, b;

	T_EQ(syscall(SYS_gettimeofday, &tv, NULL), 0);
	T_EQ(syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts), 0);
	a = tv.tv_sec * 1000000000LL + tv.tv_usec * 1000LL;
	b = ns_of(&ts);
	T_TRUE(b - a >= -1000000 && b - a < 1000000000,
	       "gettimeofday within 1 s of CLOCK_REALTIME");
	T_TRUE(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec in range");
	T_TRUE(ts.tv_sec > 1577836800, "the date is after 2020-01-01");
	t = syscall(SYS_time, NULL);
	T_TRUE(t >= ts.tv_sec && t <= ts.tv_sec + 2, "time() agrees");
	T_TRUE(gettimeofday(&tv, NULL) == 0 &&
	       tv.tv_sec >= ts.tv_sec && tv.tv_sec <= ts.tv_sec + 2,
	       "glibc gettimeofday agrees");
}

/* Spin until this process has used ms milliseconds of CPU time. */
static void burn_cpu(int ms)
{
	int64_t start = now_ns(CLOCK_PROCESS_CPUTIME_ID);
	volatile unsigned long x = 0;

	while (now_ns(CLOCK_PROCESS_CPUTIME_ID) - start < ms * 1000000LL)
		x++;
}

static void test_times(void)
{
	struct tms t0, t1;
	clock_t c0, c1;
	int pid, st;

	T_EQ(sysconf(_SC_CLK_TCK), 100);
	c0 = times(&t0);
	T_TRUE(c0 != (clock_t)-1, "times() succeeds");
	burn_cpu(200);
	c1 = times(&t1);
	T_TRUE(c1 >= c0 + 15, "elapsed ticks cover the busy loop");
	T_TRUE(t1.tms_utime + t1.tms_stime - t0.tms_utime - t0.tms_stime >= 10,
	       "CPU ticks cover the busy loop");
	pid = gt_fork();
	if (pid == 0) {
		burn_cpu(200);
		_exit(0);
	}
	st = gt_wait(pid);
	note("child: %s", status_str(st));
	times(&t1);
	T_TRUE(t1.tms_cutime + t1.tms_cstime >= 10,
	       "a waited-for child's CPU time is in tms_cutime + tms_cstime");
	T_TRUE(now_ns(CLOCK_PROCESS_CPUTIME_ID) >= 200000000,
	       "CLOCK_PROCESS_CPUTIME_ID counted our busy loop");
}

static void test_itimer(void)
{
	struct itimerval it = { .it_value = { 0, 30000 } }, cur;
	int64_t t0, dt;
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	t0 = raw_ns(CLOCK_MONOTONIC);
	T_EQ(setitimer(ITIMER_REAL, &it, NULL), 0);
	T_EQ(sigwait(&set, &sig), 0);
	dt = raw_ns(CLOCK_MONOTONIC) - t0;
	note("signal: %s", signame(sig));
	T_TRUE(dt >= 30000000, "ITIMER_REAL fired after at least 30 ms");
	T_EQ(getitimer(ITIMER_REAL, &cur), 0);
	T_TRUE(cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0,
	       "one-shot timer is disarmed");
	T_EQ(alarm(10), 0);
	T_TRUE(alarm(0) > 0, "alarm() returns the time left");
}

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void ignore_sig(int sig) { (void)sig; }

/* Sleep 300 ms in a child; report how long it took and what it returned. */
static void sleep_child(int ms, int expect_eintr)
{
	struct timespec req = { 0, ms * 1000000L }, rem = { 0, 0 };
	double t0 = now_s(), took;
	int ret = nanosleep(&req, &rem), err = errno;

	took = now_s() - t0;
	if (expect_eintr)
		printf("  nanosleep = %d %s, time left reported: %s\n", ret,
		       ret ? errname(err) : "", rem.tv_nsec > 0 ? "yes" : "no");
	else
		printf("  nanosleep = %d, slept the whole time and no more: %s\n", ret,
		       took >= ms / 1000.0 - 0.001 && took < ms / 1000.0 + 0.15 ? "yes" : "no");
	fflush(stdout);
	_exit(0);
}

/*
 * A signal that runs no handler (a stop and continue, an ignored signal)
 * must not cut a sleep short nor make it start over; one with a handler
 * ends it with EINTR and the time left.
 */
static void test_nanosleep_restart(void)
{
	int pid;

	pid = gt_fork();
	if (pid == 0)
		sleep_child(300, 0);
	usleep(50000);
	kill(pid, SIGSTOP);
	usleep(150000);		/* starting over would take 500 ms, not 300 */
	kill(pid, SIGCONT);
	note("stopped and continued: %s", status_str(gt_wait(pid)));

	signal(SIGUSR1, SIG_IGN);
	pid = gt_fork();
	if (pid == 0)
		sleep_child(200, 0);
	usleep(50000);
	kill(pid, SIGUSR1);
	note("ignored signal: %s", status_str(gt_wait(pid)));
	signal(SIGUSR1, SIG_DFL);

	signal(SIGUSR2, ignore_sig);
	pid = gt_fork();
	if (pid == 0)
		sleep_child(900, 1);
	usleep(50000);
	kill(pid, SIGUSR2);
	note("handled signal: %s", status_str(gt_wait(pid)));
	signal(SIGUSR2, SIG_DFL);
}

static const struct gtest_case cases[] = {
	{ "monotonic", test_monotonic },
	{ "nanosleep", test_nanosleep },
	{ "clock_nanosleep", test_clock_nanosleep },
	{ "realtime", test_realtime },
	{ "times", test_times },
	{ "itimer", test_itimer },
	{ "nanosleep_restart", test_nanosleep_restart },
};
GTEST_MAIN(cases)
