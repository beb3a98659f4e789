// SPDX-License-Identifier: GPL-2.0
/*
 * The system-wide files of /proc: memory, time, load, the kernel's
 * version and command line, the CPU, file systems and devices.  Layouts
 * follow Linux (and UML for cpuinfo) so that free, uptime, top, ps and
 * friends parse them unchanged.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/params.h>
#include <umk/sched.h>
#include <umk/timer.h>
#include <umk/utsname.h>
#include "internal.h"

/* "Name:" padded to 16 columns, the value in kB right-aligned in 8. */
static void show_kb(struct proc_buf *m, const char *name, unsigned long pages)
{
	char label[24];

	snprintf(label, sizeof(label), "%s:", name);
	pb_printf(m, "%-16s%8lu kB\n", label, pages * (PAGE_SIZE / 1024));
}

static unsigned long nr_tasks(void)
{
	struct task_struct *t;
	unsigned long n = 0;

	list_for_each_entry(t, &task_list, tasks)
		n++;
	return n;
}

int proc_show_meminfo(struct proc_buf *m, struct proc_inode *pi)
{
	unsigned long total = totalram_pages(), free = nr_free_pages();
	unsigned long cached = nr_pagecache_pages(), slab = slab_pages();
	unsigned long stacks = nr_tasks() << CONFIG_KERNEL_STACK_ORDER;
	unsigned long used = total > free + cached ? total - free - cached : 0;

	show_kb(m, "MemTotal", total);
	show_kb(m, "MemFree", free);
	show_kb(m, "MemAvailable", free + cached);
	show_kb(m, "Buffers", 0);
	show_kb(m, "Cached", cached);
	show_kb(m, "SwapCached", 0);
	show_kb(m, "Active", used);
	show_kb(m, "Inactive", cached);
	show_kb(m, "SwapTotal", 0);
	show_kb(m, "SwapFree", 0);
	show_kb(m, "Dirty", 0);
	show_kb(m, "Writeback", 0);
	show_kb(m, "AnonPages", used > slab + stacks ? used - slab - stacks : 0);
	show_kb(m, "Mapped", 0);
	show_kb(m, "Shmem", 0);
	show_kb(m, "Slab", slab);
	show_kb(m, "SReclaimable", 0);
	show_kb(m, "SUnreclaim", slab);
	show_kb(m, "KernelStack", stacks);
	show_kb(m, "PageTables", 0);
	show_kb(m, "CommitLimit", total / 2);
	show_kb(m, "Committed_AS", used);
	show_kb(m, "VmallocTotal", 0);
	show_kb(m, "VmallocUsed", 0);
	show_kb(m, "VmallocChunk", 0);
	return 0;
}

/* CPU time all tasks have used, ns; the rest of the uptime was idle. */
static u64 busy_ns(u64 *user, u64 *system)
{
	struct task_struct *t;

	*user = *system = 0;
	list_for_each_entry(t, &task_list, tasks) {
		*user += t->utime_ns;
		*system += t->stime_ns;
	}
	return *user + *system;
}

static void pb_centi(struct proc_buf *m, u64 ns)
{
	u64 centi = ns / (NSEC_PER_SEC / 100);

	pb_printf(m, "%llu.%02llu", centi / 100, centi % 100);
}

int proc_show_uptime(struct proc_buf *m, struct proc_inode *pi)
{
	u64 up = ktime_get_boottime(), user, sys, busy = busy_ns(&user, &sys);

	pb_centi(m, up);
	pb_puts(m, " ");
	pb_centi(m, up > busy ? up - busy : 0);
	pb_puts(m, "\n");
	return 0;
}

int proc_show_loadavg(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t;
	unsigned long running = 0, total = 0;
	pid_t last = 0;

	list_for_each_entry(t, &task_list, tasks) {
		if (t->pid <= 0)
			continue;
		total++;
		if (t->state == TASK_RUNNING && !t->exit_state)
			running++;
		if (t->pid > last)
			last = t->pid;
	}
	pb_printf(m, "0.00 0.00 0.00 %lu/%lu %d\n", running, total, last);
	return 0;
}

int proc_show_version(struct proc_buf *m, struct proc_inode *pi)
{
	pb_printf(m, "%s version %s (umk@umk) (gcc version %s) %s\n",
		  init_uts.sysname, init_uts.release, __VERSION__, init_uts.version);
	return 0;
}

/*
 * One processor, in the layout of UML's /proc/cpuinfo: the host's identity
 * and CPU flags stand in for the hardware's.
 */
int proc_show_cpuinfo(struct proc_buf *m, struct proc_inode *pi)
{
	char *host = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	char *flags = host + PAGE_SIZE;

	if (!host)
		return -ENOMEM;
	if (proc_user_host_uname(host, PAGE_SIZE))
		strscpy(host, "unknown", PAGE_SIZE);
	if (proc_user_host_cpu_flags(flags, PAGE_SIZE))
		flags[0] = '\0';
	pb_printf(m, "processor\t: 0\nvendor_id\t: User Mode Linux\nmodel name\t: UML\n"
		  "mode\t\t: skas\nhost\t\t: %s\nfpu\t\t: yes\nflags\t\t: %s\n"
		  "cache_alignment\t: 64\nbogomips\t: 1000.00\n\n", host, flags);
	kfree(host);
	return 0;
}

int proc_show_filesystems(struct proc_buf *m, struct proc_inode *pi)
{
	int n = get_filesystem_list(m->buf + m->len, m->size - m->len);

	/* A full buffer may mean a cut list: let the caller grow it. */
	if (n < 0 || (size_t)n + 1 >= m->size - m->len)
		m->overflow = true;
	else
		m->len += n;
	return 0;
}

int proc_show_devices(struct proc_buf *m, struct proc_inode *pi)
{
	int n = get_device_list(m->buf + m->len, m->size - m->len);

	if (n < 0 || (size_t)n + 1 >= m->size - m->len)
		m->overflow = true;
	else
		m->len += n;
	return 0;
}

int proc_show_cmdline(struct proc_buf *m, struct proc_inode *pi)
{
	pb_printf(m, "%s\n", saved_command_line);
	return 0;
}

int proc_show_swaps(struct proc_buf *m, struct proc_inode *pi)
{
	pb_puts(m, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
	return 0;
}

int proc_show_stat(struct proc_buf *m, struct proc_inode *pi)
{
	u64 up = ktime_get_boottime(), user, sys, busy = busy_ns(&user, &sys);
	unsigned long long idle = proc_ns_to_ticks(up > busy ? up - busy : 0);
	unsigned long long u = proc_ns_to_ticks(user), s = proc_ns_to_ticks(sys);
	ktime_t boot = ktime_get_real() - ktime_get_boottime();
	struct task_struct *t;
	unsigned long running = 0, blocked = 0;

	list_for_each_entry(t, &task_list, tasks) {
		if (t->pid <= 0 || t->exit_state)
			continue;
		if (t->state == TASK_RUNNING)
			running++;
		else if (t->state & TASK_UNINTERRUPTIBLE)
			blocked++;
	}
	pb_printf(m, "cpu  %llu 0 %llu %llu 0 0 0 0 0 0\n", u, s, idle);
	pb_printf(m, "cpu0 %llu 0 %llu %llu 0 0 0 0 0 0\n", u, s, idle);
	pb_printf(m, "intr 0\nctxt 0\nbtime %lld\nprocesses %lu\n",
		  boot / NSEC_PER_SEC, nr_tasks());
	pb_printf(m, "procs_running %lu\nprocs_blocked %lu\n", running ? running : 1,
		  blocked);
	pb_puts(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}
