// SPDX-License-Identifier: GPL-2.0
/*
 * Leaving the machine: every guest host process is killed and the umid
 * directory removed (os_exit runs the host cleanups), except on panic,
 * which leaves the directory for post-mortems and aborts like UML.
 */
#include <umk/kernel.h>
#include <umk/arch.h>
#include <umk/irq.h>
#include <init.h>
#include <os.h>

static void machine_shutdown(void)
{
	os_umid_remove();
}

void machine_halt(void)
{
	machine_shutdown();
	os_exit(0);
}

void machine_power_off(void)
{
	machine_halt();
}

static bool noreboot;

static int noreboot_setup(const char *val)
{
	noreboot = true;
	return 0;
}
umk_param("noreboot", noreboot_setup,
"noreboot\n"
"    Exit (status 0) where the machine would restart, like QEMU's\n"
"    -no-reboot.\n");

/* A restart re-executes this binary with the same command line. */
void machine_restart(void)
{
	machine_shutdown();
	if (noreboot)
		os_exit(0);
	os_reexec();
}

void machine_panic_exit(void)
{
	os_abort();
}

/*
 * SIGTERM, SIGINT or SIGHUP from the host (kill, a closing terminal) is a
 * request to stop the machine: halt it cleanly rather than die holding the
 * umid directory and guest processes.
 */
static void host_shutdown_irq(int fd, int events, void *data)
{
	int sig = os_shutdown_signal();

	if (!sig)
		return;
	printk(KERN_EMERG "Received signal %d from the host: halting\n", sig);
	machine_halt();
}

static int host_shutdown_init(void)
{
	return um_request_irq(os_shutdown_fd(), IRQ_READ, host_shutdown_irq, NULL);
}
core_initcall(host_shutdown_init);
