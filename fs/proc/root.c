// SPDX-License-Identifier: GPL-2.0
/*
 * /proc itself: the system-wide files, /proc/self, and one directory per
 * process.  Readdir lists thread-group leaders only; any thread id can
 * still be looked up, as in Linux.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/sched.h>
#include "internal.h"

/* tgid (or pid) for a name of decimal digits without a leading zero. */
static pid_t name_to_pid(const struct qstr *name)
{
	unsigned int i;
	pid_t pid = 0;

	if (!name->len || name->len > 9 || name->name[0] == '0')
		return 0;
	for (i = 0; i < name->len; i++) {
		if (name->name[i] < '0' || name->name[i] > '9')
			return 0;
		pid = pid * 10 + (name->name[i] - '0');
	}
	return pid;
}

static struct inode *root_lookup(struct inode *dir, const struct qstr *name)
{
	pid_t pid = name_to_pid(name);
	struct task_struct *t;

	if (!pid)
		return NULL;
	t = find_task_by_pid(pid);
	if (!t || t->exit_state == EXIT_DEAD)
		return NULL;
	return proc_pid_dir_inode(dir->i_sb, pid) ?: ERR_PTR(-ENOMEM);
}

/* Process directories sit at position first + tgid. */
static int root_iterate(struct file *file, struct dir_context *ctx, loff_t first)
{
	char name[16];
	pid_t tgid;

	for (tgid = proc_next_tgid(ctx->pos - first - 1); tgid;
	     tgid = proc_next_tgid(tgid)) {
		ctx->pos = first + tgid;
		snprintf(name, sizeof(name), "%d", tgid);
		if (!dir_emit(ctx, name, strlen(name), proc_pid_ino(tgid, 0), DT_DIR))
			return 0;
	}
	ctx->pos = first + PID_MAX_LIMIT;
	return 0;
}

static const struct proc_dir_ops root_dir_ops = {
	.lookup		= root_lookup,
	.iterate	= root_iterate,
};

static int self_link(struct proc_inode *pi, char *buf, int len)
{
	char tmp[16];
	int n = snprintf(tmp, sizeof(tmp), "%d", current->tgid);

	n = min(n, len);
	memcpy(buf, tmp, n);
	return n;
}

static int mounts_link(struct proc_inode *pi, char *buf, int len)
{
	static const char target[] = "self/mounts";
	int n = min_t(int, sizeof(target) - 1, len);

	memcpy(buf, target, n);
	return n;
}

static const struct proc_entry root_children[] = {
	PROC_FILE("cmdline", 0444, proc_show_cmdline),
	PROC_FILE("cpuinfo", 0444, proc_show_cpuinfo),
	PROC_FILE("devices", 0444, proc_show_devices),
	PROC_FILE("filesystems", 0444, proc_show_filesystems),
	PROC_FILE("loadavg", 0444, proc_show_loadavg),
	PROC_FILE("meminfo", 0444, proc_show_meminfo),
	PROC_LINK("mounts", mounts_link),
	PROC_LINK("self", self_link),
	PROC_FILE("stat", 0444, proc_show_stat),
	PROC_FILE("swaps", 0444, proc_show_swaps),
	PROC_DIR("sys", 0555, proc_sys_children, NULL),
	PROC_FILE("uptime", 0444, proc_show_uptime),
	PROC_FILE("version", 0444, proc_show_version),
	{}
};

const struct proc_entry proc_root_entry =
	PROC_DIR("/", 0555, root_children, &root_dir_ops);
