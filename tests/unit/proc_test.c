// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc through the real VFS: procfs is mounted on /proc with
 * proc_mount_boot() and read with system calls.  Besides the fake current
 * task of fs_stubs_test.c (pid 1) there is a two-thread process 42 whose
 * leader is a zombie.  Formats are checked against Linux's.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/mman.h>
#include <umk/params.h>
#include <umk/proc_fs.h>
#include <umk/sched.h>
#include <umk/utsname.h>
#include <linux/limits.h>
#pragma push_macro("__unused")
#undef __unused
#include <asm/stat.h>
#pragma pop_macro("__unused")
#include <init.h>
#include "ktest.h"

/* fs_stubs_test.c */
int fs_test_setup(void);

long sys_open(const char *filename, int flags, umode_t mode);
long sys_close(unsigned int fd);
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_pread64(unsigned int fd, char *buf, size_t count, loff_t pos);
long sys_stat(const char *filename, struct stat *statbuf);
long sys_lstat(const char *filename, struct stat *statbuf);
long sys_mkdir(const char *pathname, umode_t mode);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);

/* What the rest of the kernel would provide. */
struct new_utsname init_uts = {
	.sysname = "Linux", .nodename = "(none)", .release = UTS_RELEASE,
	.version = UTS_VERSION, .machine = "x86_64", .domainname = "(none)",
};
char saved_command_line[4096] = "mem=64M root=/dev/root";

ktime_t ktime_get_boottime(void)
{
	return 3 * NSEC_PER_SEC + 250 * NSEC_PER_MSEC;
}

long access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      unsigned long len, bool write)
{
	return -EFAULT;
}

void mmput(struct mm_struct *mm)
{
}

static struct task_struct proc42, thread43;
static struct signal_struct signal42;

extern const initcall_t __start_umk_initcall3[], __stop_umk_initcall3[];

static void add_task(struct task_struct *t, pid_t pid, struct task_struct *leader,
		     const char *comm)
{
	t->pid = pid;
	t->tgid = leader->pid;
	t->group_leader = leader;
	strscpy(t->comm, comm, sizeof(t->comm));
	if (t == leader)
		INIT_LIST_HEAD(&t->thread_node);
	else
		list_add_tail(&t->thread_node, &leader->thread_node);
	list_add_tail(&t->tasks, &task_list);
	attach_pid(t);
}

static int proc_setup(void)
{
	const initcall_t *fn;
	int err = fs_test_setup();

	if (err)
		return err;
	for (fn = __start_umk_initcall3; fn < __stop_umk_initcall3; fn++)
		(*fn)();
	add_task(current, 1, current, "unit");
	proc42.signal = thread43.signal = &signal42;
	proc42.real_parent = current;
	proc42.exit_state = EXIT_ZOMBIE;
	proc42.cred.euid = 1000;
	add_task(&proc42, 42, &proc42, "two threads");
	add_task(&thread43, 43, &proc42, "worker");
	thread43.state = TASK_INTERRUPTIBLE;
	if (proc_mount_boot() != -ENOENT)
		return -EINVAL;		/* no /proc yet: must say so */
	err = sys_mkdir("/proc", 0555);
	return err ? err : proc_mount_boot();
}

/* A whole /proc file through the guest, NUL-terminated; length or -errno. */
static long slurp(const char *path, char *buf, size_t len)
{
	long fd = sys_open(path, O_RDONLY, 0), n, got = 0;

	if (fd < 0)
		return fd;
	while ((n = sys_read(fd, buf + got, len - 1 - got)) > 0)
		got += n;
	sys_close(fd);
	buf[got] = '\0';
	return n < 0 ? n : got;
}

static char text[16384];

static void proc_self_link(struct ktest *t)
{
	static char buf[64];
	struct stat st;

	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_readlink("/proc/self", buf, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "1");
	KEXPECT_EQ(t, sys_stat("/proc/self/status", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0444);
	KEXPECT_EQ(t, sys_lstat("/proc/mounts", &st), 0);
	KEXPECT_EQ(t, st.st_mode & S_IFMT, S_IFLNK);
	KEXPECT_EQ(t, sys_stat("/proc/42", &st), 0);
	KEXPECT_EQ(t, st.st_uid, 1000);
	KEXPECT_EQ(t, st.st_mode, S_IFDIR | 0555);
	KEXPECT_EQ(t, sys_stat("/proc/43/stat", &st), 0);	/* threads too */
	KEXPECT_EQ(t, sys_stat("/proc/44", &st), -ENOENT);
	KEXPECT_EQ(t, sys_stat("/proc/042", &st), -ENOENT);
	KEXPECT_EQ(t, sys_stat("/proc/nosuch", &st), -ENOENT);
}

/* Names of a directory, space-separated, into text. */
static void list(struct ktest *t, const char *dir)
{
	static char buf[256];	/* small: several getdents calls */
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0), n, off;

	text[0] = '\0';
	KEXPECT_TRUE(t, fd >= 0);
	while ((n = sys_getdents64(fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n;) {
			char *name = buf + off + 19;

			strscpy(text + strlen(text), name, sizeof(text) - strlen(text));
			strscpy(text + strlen(text), " ", sizeof(text) - strlen(text));
			off += *(unsigned short *)(buf + off + 16);
		}
	}
	KEXPECT_EQ(t, n, 0);
	sys_close(fd);
}

static void proc_readdir(struct ktest *t)
{
	list(t, "/proc");
	KEXPECT_TRUE(t, !strncmp(text, ". .. ", 5));
	KEXPECT_TRUE(t, strstr(text, " 1 42 ") != NULL);	/* after the files */
	KEXPECT_TRUE(t, strstr(text, " 43 ") == NULL);		/* threads hidden */
	KEXPECT_TRUE(t, strstr(text, " self ") && strstr(text, " meminfo ") &&
		     strstr(text, " sys ") && strstr(text, " uptime "));
	list(t, "/proc/42");
	KEXPECT_STREQ(t, text, ". .. cmdline comm cwd environ exe fd maps mountinfo "
		      "mounts oom_score_adj root stat statm status ");
	list(t, "/proc/sys/kernel");
	KEXPECT_TRUE(t, strstr(text, " hostname ") && strstr(text, " osrelease "));
}

static void proc_status(struct ktest *t)
{
	KEXPECT_TRUE(t, slurp("/proc/1/status", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, !strncmp(text, "Name:\tunit\nUmask:\t0022\nState:\tR (running)\n"
				 "Tgid:\t1\nNgid:\t0\nPid:\t1\nPPid:\t0\n", 63));
	KEXPECT_TRUE(t, strstr(text, "\nThreads:\t1\n") != NULL);
	KEXPECT_TRUE(t, strstr(text, "\nVmSize:") == NULL);	/* no mm */
	KEXPECT_TRUE(t, slurp("/proc/42/status", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, strstr(text, "State:\tZ (zombie)\n") != NULL);
	KEXPECT_TRUE(t, strstr(text, "\nPPid:\t1\n") != NULL);
	KEXPECT_TRUE(t, strstr(text, "\nUid:\t0\t1000\t0\t0\n") != NULL);
	KEXPECT_TRUE(t, strstr(text, "\nThreads:\t2\n") != NULL);
	KEXPECT_TRUE(t, strstr(text, "\nCapEff:\t0000000000000000\n") != NULL);
	KEXPECT_TRUE(t, slurp("/proc/43/status", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, strstr(text, "State:\tS (sleeping)\nTgid:\t42\nNgid:\t0\nPid:\t43\n"));
	KEXPECT_TRUE(t, slurp("/proc/42/comm", text, sizeof(text)) > 0);
	KEXPECT_STREQ(t, text, "two threads\n");
}

/* stat: 52 fields; the comm in parentheses may hold spaces. */
static void proc_stat_fields(struct ktest *t)
{
	char *p;
	int fields = 0;

	KEXPECT_TRUE(t, slurp("/proc/42/stat", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, !strncmp(text, "42 (two threads) Z 1 ", 21));
	p = strrchr(text, ')');
	KEXPECT_TRUE(t, p != NULL);
	if (!p)
		return;
	for (fields = 2; *p; p++)
		if (*p == ' ')
			fields++;
	KEXPECT_EQ(t, fields, 52);
	KEXPECT_EQ(t, text[strlen(text) - 1], '\n');
	KEXPECT_TRUE(t, slurp("/proc/self/statm", text, sizeof(text)) > 0);
	KEXPECT_STREQ(t, text, "0 0 0 0 0 0 0\n");
}

static void proc_system_files(struct ktest *t)
{
	char want[64];

	KEXPECT_TRUE(t, slurp("/proc/meminfo", text, sizeof(text)) > 0);
	snprintf(want, sizeof(want), "MemTotal:       %8lu kB\nMemFree:  ",
		 totalram_pages() * 4);
	KEXPECT_TRUE(t, !strncmp(text, want, strlen(want)));
	KEXPECT_EQ(t, slurp("/proc/uptime", text, sizeof(text)), 10);
	KEXPECT_STREQ(t, text, "3.25 3.25\n");
	KEXPECT_TRUE(t, slurp("/proc/cmdline", text, sizeof(text)) > 0);
	KEXPECT_STREQ(t, text, "mem=64M root=/dev/root\n");
	KEXPECT_TRUE(t, slurp("/proc/filesystems", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, strstr(text, "nodev\tproc\n") != NULL);
	KEXPECT_TRUE(t, slurp("/proc/version", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, !strncmp(text, "Linux version " UTS_RELEASE " ", 15 + strlen(UTS_RELEASE)));
	KEXPECT_TRUE(t, slurp("/proc/loadavg", text, sizeof(text)) > 0);
	KEXPECT_STREQ(t, text, "0.00 0.00 0.00 1/3 43\n");
	KEXPECT_TRUE(t, slurp("/proc/cpuinfo", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, !strncmp(text, "processor\t: 0\nvendor_id\t: User Mode Linux\n", 41));
	KEXPECT_TRUE(t, slurp("/proc/stat", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, !strncmp(text, "cpu  ", 5) && strstr(text, "\ncpu0 ") &&
		     strstr(text, "\nbtime "));
	KEXPECT_TRUE(t, slurp("/proc/mounts", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, strstr(text, "proc /proc proc rw") != NULL);
	KEXPECT_TRUE(t, slurp("/proc/self/mountinfo", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, strstr(text, " / /proc rw,relatime - proc proc rw\n") != NULL);
}

static void proc_sysctl_hostname(struct ktest *t)
{
	static char buf[128];
	long fd;

	KEXPECT_EQ(t, slurp("/proc/sys/kernel/ostype", text, sizeof(text)), 6);
	KEXPECT_STREQ(t, text, "Linux\n");
	fd = sys_open("/proc/sys/kernel/hostname", O_RDWR, 0);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, sys_read(fd, buf, sizeof(buf)), 7);
	KEXPECT_EQ(t, memcmp(buf, "(none)\n", 7), 0);
	KEXPECT_EQ(t, sys_write(fd, "umkbox\n", 7), 7);
	KEXPECT_STREQ(t, init_uts.nodename, "umkbox");
	/* Reading again from 0 on the same descriptor gives the new value. */
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_pread64(fd, buf, sizeof(buf), 0), 7);
	KEXPECT_STREQ(t, buf, "umkbox\n");
	memset(buf, 'x', 65);
	buf[65] = '\0';
	KEXPECT_EQ(t, sys_write(fd, buf, 65), -EINVAL);
	sys_close(fd);
	KEXPECT_EQ(t, sys_open("/proc/sys/kernel/ostype", O_WRONLY, 0) >= 0, 1);
}

static void proc_fd_links(struct ktest *t)
{
	static char buf[PATH_MAX], name[32];
	struct stat st;
	long fd;

	fd = sys_open("/proc/version", O_RDONLY, 0);
	KEXPECT_TRUE(t, fd >= 0);
	snprintf(name, sizeof(name), "/proc/self/fd/%ld", fd);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_readlink(name, buf, sizeof(buf)), 13);
	KEXPECT_STREQ(t, buf, "/proc/version");
	list(t, "/proc/self/fd");
	snprintf(buf, sizeof(buf), " %ld ", fd);
	KEXPECT_TRUE(t, strstr(text, buf) != NULL);
	sys_close(fd);
	KEXPECT_EQ(t, sys_lstat(name, &st), -ENOENT);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_readlink("/proc/self/cwd", buf, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "/");
	KEXPECT_EQ(t, sys_readlink("/proc/self/exe", buf, sizeof(buf)), -ENOENT);
}

/* A process that is reaped leaves /proc; its open files report ESRCH. */
static void proc_task_gone(struct ktest *t)
{
	static char buf[64];
	struct stat st;
	long fd = sys_open("/proc/43/comm", O_RDONLY, 0);

	KEXPECT_TRUE(t, fd >= 0);
	detach_pid(&thread43);
	list_del(&thread43.tasks);
	list_del(&thread43.thread_node);
	KEXPECT_EQ(t, sys_read(fd, buf, sizeof(buf)), -ESRCH);
	sys_close(fd);
	KEXPECT_EQ(t, sys_stat("/proc/43", &st), -ENOENT);
	KEXPECT_EQ(t, sys_stat("/proc/43/comm", &st), -ENOENT);
	KEXPECT_TRUE(t, slurp("/proc/42/status", text, sizeof(text)) > 0);
	KEXPECT_TRUE(t, strstr(text, "\nThreads:\t1\n") != NULL);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(proc_self_link),
	KTEST_CASE(proc_readdir),
	KTEST_CASE(proc_status),
	KTEST_CASE(proc_stat_fields),
	KTEST_CASE(proc_system_files),
	KTEST_CASE(proc_sysctl_hostname),
	KTEST_CASE(proc_fd_links),
	KTEST_CASE(proc_task_gone),
	{}
};
KTEST_SUITE_INIT(proc, cases, proc_setup);
