// SPDX-License-Identifier: GPL-2.0
/*
 * Time glue: the host monotonic and wall clocks, and one host timer fd as
 * the clock event device (an IRQ like any other).
 */
#include <umk/kernel.h>
#include <umk/irq.h>
#include <umk/time.h>
#include <umk/arch.h>
#include <os.h>

static long long boot_host_ns;
static int timer_fd = -1;
static ktime_t programmed;

ktime_t arch_clock_monotonic(void)
{
	return os_clock_monotonic_ns() - boot_host_ns;
}

ktime_t arch_clock_realtime(void)
{
	return os_clock_realtime_ns();
}

void clockevent_program(ktime_t expires)
{
	if (expires == programmed || timer_fd < 0)
		return;
	programmed = expires;
	os_timer_arm(timer_fd, expires ? expires + boot_host_ns : 0);
}

static void timer_irq(int fd, int events, void *data)
{
	os_timer_ack(fd);
	programmed = 0;
	timer_interrupt();
}

void time_early_init(void)
{
	boot_host_ns = os_clock_monotonic_ns();
}

void time_init(void)
{
	timer_fd = os_timer_create();
	if (timer_fd < 0)
		panic("cannot create the host timer: error %d", timer_fd);
	if (um_request_irq(timer_fd, IRQ_READ, timer_irq, NULL))
		panic("cannot register the timer interrupt");
}
