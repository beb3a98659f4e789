// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing the kernel up: start_kernel() on the boot stack, then pid 1
 * (kernel_init) mounts the root, opens the console and execs init.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/mm.h>
#include <umk/fs.h>
#include <umk/params.h>
#include <umk/utsname.h>
#include <umk/arch.h>
#include <umk/time.h>
#include <umk/binfmts.h>
#include <umk/irq.h>
#include <umk/proc_fs.h>
#include <init.h>
#include <os.h>


static const char *execute_command;

static int init_setup(const char *val)
{
	execute_command = val;
	return 0;
}
umk_param("init=", init_setup,
"init=<program>\n"
"    Run this program as init (pid 1) instead of /sbin/init, /etc/init,\n"
"    /bin/init and /bin/sh, tried in that order.\n");

/* Weak: a level nobody uses has no section, and both ends read as NULL. */
#define INITCALL_LEVEL(n) \
	extern const initcall_t __start_umk_initcall##n[] __attribute__((weak)); \
	extern const initcall_t __stop_umk_initcall##n[] __attribute__((weak))
INITCALL_LEVEL(1);
INITCALL_LEVEL(2);
INITCALL_LEVEL(3);
INITCALL_LEVEL(4);
INITCALL_LEVEL(5);

static void run_initcalls(const initcall_t *start, const initcall_t *end)
{
	const initcall_t *fn;

	for (fn = start; fn < end; fn++) {
		int err = (*fn)();

		if (err)
			printk(KERN_WARNING "initcall %p failed: error %d\n", *fn, err);
	}
}

static void do_initcalls(void)
{
	run_initcalls(__start_umk_initcall1, __stop_umk_initcall1);
	run_initcalls(__start_umk_initcall2, __stop_umk_initcall2);
	run_initcalls(__start_umk_initcall3, __stop_umk_initcall3);
	run_initcalls(__start_umk_initcall4, __stop_umk_initcall4);
	run_initcalls(__start_umk_initcall5, __stop_umk_initcall5);
}

static void open_console(void)
{
	struct file *f = filp_open("/dev/console", O_RDWR, 0);
	int fd;

	if (IS_ERR(f)) {
		printk(KERN_WARNING "Warning: unable to open an initial console.\n");
		return;
	}
	fd = get_unused_fd_flags(0);
	fd_install(fd, f);
	fd_install(get_unused_fd_flags(0), get_file(f));
	fd_install(get_unused_fd_flags(0), get_file(f));
}

static int run_init_process(const char *path)
{
	const char *argv[40] = { path }, *envp[40] = { "HOME=/", "TERM=linux" };
	const char **extra;
	int n, i, argc = 1, envc = 2;

	n = init_extra_args(&extra);
	for (i = 0; i < n && argc < 39; i++)
		argv[argc++] = extra[i];
	n = init_extra_envs(&extra);
	for (i = 0; i < n && envc < 39; i++)
		envp[envc++] = extra[i];
	argv[argc] = NULL;
	envp[envc] = NULL;
	return kernel_execve(path, argv, envp);
}

static void __noreturn enter_init(const char *path)
{
	printk(KERN_INFO "Run %s as init process\n", path);
	userspace();
}

static void kernel_init(void *unused)
{
	static const char *const defaults[] = { "/sbin/init", "/etc/init", "/bin/init", "/bin/sh" };
	unsigned int i;
	int err;

	do_initcalls();
	err = mount_root();
	if (err)
		panic("VFS: Unable to mount root fs (error %d)", err);
	devtmpfs_mount_dev();
	proc_mount_boot();
	/* Until now pid 1 ran on init_fs; init and its children get their own. */
	current->fs = copy_fs_struct(&init_fs);
	current->files = files_alloc();
	if (!current->fs || !current->files)
		panic("cannot set up init's files");
	open_console();

	if (execute_command) {
		err = run_init_process(execute_command);
		if (!err)
			enter_init(execute_command);
		panic("Requested init %s failed (error %d).", execute_command, err);
	}
	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!run_init_process(defaults[i]))
			enter_init(defaults[i]);
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}

/* The first kernel messages, before memory is set up (called by arch). */
void print_banner(void)
{
	printk(KERN_NOTICE "Linux version " UTS_RELEASE " (umk " UMK_VERSION ") " UTS_VERSION "\n");
	printk(KERN_INFO "Kernel command line: %s\n", saved_command_line);
}

void __noreturn start_kernel(void)
{
	struct task_struct *init;

	slab_init();
	sched_init();
	irq_init();
	time_init();
	if (vfs_caches_init())
		panic("cannot set up the VFS caches");

	init = kthread_create(kernel_init, NULL, "init");
	if (!init || init->pid != 1)
		panic("cannot create the init task");
	init_task_ptr = init;
	init->cred = (struct cred){ 0 };
	wake_up_new_task(init);
	cpu_idle();
}
