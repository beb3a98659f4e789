// SPDX-License-Identifier: GPL-2.0
/*
 * From host main() to start_kernel(): the command line, physical memory,
 * the engine and the umid directory, in that order, so that bad input is
 * reported before anything is created on the host.
 */
#include <umk/kernel.h>
#include <umk/mm.h>
#include <umk/params.h>
#include <umk/utsname.h>
#include <umk/arch.h>
#include <init.h>
#include <os.h>
#include <engine.h>
#include <kern_util.h>

#define MIN_MEM		(16UL << 20)
#define MAX_MEM		(64ULL << 30)

extern const char stub_image_start[], stub_image_end[];

static unsigned long long mem_size = (unsigned long long)CONFIG_DEFAULT_MEM_MB << 20;
static bool want_help, want_version;

static int mem_setup(const char *val)
{
	unsigned long long bytes;
	int err = parse_size(val, &bytes);

	if (err) {
		os_stderr_write("mem=", 4);
		os_stderr_write(val, strlen(val));
		os_stderr_write(": not a size (a number with an optional K, M or G suffix)\n", 58);
		return err;
	}
	mem_size = bytes;
	return 0;
}
umk_param("mem=", mem_setup,
"mem=<Amount of desired ram>\n"
"    The size of the machine's physical memory: a number of bytes followed by\n"
"    K, M or G.  At least 16M; all guest memory, page cache and kernel data\n"
"    come out of it.  Example: mem=64M\n");

static int help_setup(const char *val)
{
	want_help = true;
	return 0;
}
umk_param("--help", help_setup,
"--help\n"
"    Prints this message.\n");

static int version_setup(const char *val)
{
	want_version = true;
	return 0;
}
umk_param("--version", version_setup,
"--version\n"
"    Prints the version number of the kernel.\n");

static void print_help(void)
{
	static const char head[] = "umk " UMK_VERSION " (Linux " UTS_RELEASE
				   " compatible User Mode Linux kernel)\n\n";

	os_stdout_write(head, sizeof(head) - 1);
	print_param_help();
}

static void stderr_line(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	os_stderr_write(buf, min(n, (int)sizeof(buf) - 1));
}

static int check_mem_size(void)
{
	if (mem_size < MIN_MEM) {
		stderr_line("mem=%lluK is too small to boot: umk needs at least %luM\n",
			    mem_size >> 10, MIN_MEM >> 20);
		return -EINVAL;
	}
	if (mem_size > MAX_MEM) {
		stderr_line("mem=%lluM is more than the %lluG umk supports\n",
			    mem_size >> 20, MAX_MEM >> 30);
		return -EINVAL;
	}
	mem_size = ALIGN_DOWN(mem_size, (unsigned long long)PAGE_SIZE);
	return 0;
}

static void setup_physmem(void)
{
	int fd = os_create_physmem(mem_size);
	void *base;

	if (fd < 0) {
		stderr_line("cannot create %lluM of physical memory: error %d\n",
			    mem_size >> 20, fd);
		os_exit(1);
	}
	base = os_map_physmem(fd, mem_size);
	if (!base) {
		stderr_line("cannot map %lluM of physical memory\n", mem_size >> 20);
		os_exit(1);
	}
	mem_init((unsigned long)base, mem_size, fd);
}

int linux_main(int argc, char **argv, char **envp)
{
	int err;

	time_early_init();
	if (parse_command_line(argc, argv))
		os_exit(1);
	if (want_help) {
		print_help();
		os_exit(0);
	}
	if (want_version) {
		os_stdout_write(UTS_RELEASE "\n", sizeof(UTS_RELEASE));
		os_exit(0);
	}
	if (check_mem_size())
		os_exit(1);
	if (os_pin_cpu())
		os_exit(1);
	err = os_signals_init();
	if (err) {
		stderr_line("cannot set up host signals: error %d\n", err);
		os_exit(1);
	}
	early_console_init();
	print_banner();
	setup_physmem();
	err = engine_init(physmem_fd, stub_image_start, stub_image_end - stub_image_start);
	if (err) {
		stderr_line("cannot start the execution engine: error %d\n", err);
		os_exit(1);
	}
	if (os_umid_setup())
		os_exit(1);
	start_kernel();
}
