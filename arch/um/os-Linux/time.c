// SPDX-License-Identifier: GPL-2.0
/*
 * The host clock.  Every reading of host time in umk goes through these
 * functions, so a virtual-time mode can replace them in one place.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/timerfd.h>

#include <os.h>

static long long ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

long long os_clock_monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts_ns(&ts);
}

long long os_clock_realtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts_ns(&ts);
}

int os_timer_create(void)
{
	int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

int os_timer_arm(int fd, long long abs_ns)
{
	struct itimerspec its = { 0 };

	if (abs_ns > 0) {
		its.it_value.tv_sec = abs_ns / 1000000000LL;
		its.it_value.tv_nsec = abs_ns % 1000000000LL;
	}
	if (timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL) < 0)
		return -errno;
	return 0;
}

void os_timer_ack(int fd)
{
	unsigned long long n;

	(void)!read(fd, &n, sizeof(n));
}
