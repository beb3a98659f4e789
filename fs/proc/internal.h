/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

/*
 * procfs internals.  The tree is made of static tables of proc_entry: a
 * regular file has a show() that prints its whole text into a proc_buf
 * (when the file is read from offset 0), a symlink a link() that gives
 * the target's text, a directory a table of children and optionally
 * dir_ops for names that come and go (process ids, descriptors).  Every
 * inode carries a proc_inode saying which entry it is and, below
 * /proc/<pid>, for which process (and descriptor).
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/sched.h>

#define PROC_SUPER_MAGIC	0x9fa0
#define PROC_ROOT_INO		1
#define USER_HZ			100	/* clock ticks in /proc, as times(2) */
#define PID_MAX_LIMIT		(1 << 22)	/* above any pid */

/* Text being generated; on overflow the caller retries with more room. */
struct proc_buf {
	char *buf;
	size_t size, len;
	bool overflow;
};

void pb_printf(struct proc_buf *m, const char *fmt, ...) __printf(2, 3);
void pb_write(struct proc_buf *m, const void *data, size_t len);
void pb_puts(struct proc_buf *m, const char *s);

struct proc_inode;
struct proc_dir_ops;

struct proc_entry {
	const char *name;
	umode_t mode;				/* S_IFREG | 0444 ... */
	int (*show)(struct proc_buf *m, struct proc_inode *pi);
	/* Optional: the whole write in a kernel buffer; bytes used or -errno. */
	ssize_t (*write)(struct proc_inode *pi, const char *buf, size_t len);
	/* Symlink text into buf (not NUL-terminated); length or -errno. */
	int (*link)(struct proc_inode *pi, char *buf, int len);
	/*
	 * Or a magic link: the object itself (referenced), which a path walk
	 * jumps to (so /proc/self/fd/N opens the open file's object, even a
	 * deleted or unreachable one) and whose path readlink shows.
	 */
	int (*get_path)(struct proc_inode *pi, struct path *path);
	const struct proc_entry *children;	/* ends with a NULL name */
	const struct proc_dir_ops *dir_ops;
};

/* Names of a directory beyond its static children. */
struct proc_dir_ops {
	/* Inode for name (NULL if none; ERR_PTR on error). */
	struct inode *(*lookup)(struct inode *dir, const struct qstr *name);
	/*
	 * Emit entries from ctx->pos on; positions below first belong to
	 * "." ".." and the static children.
	 */
	int (*iterate)(struct file *file, struct dir_context *ctx, loff_t first);
};

struct proc_inode {
	const struct proc_entry *pe;
	pid_t pid;			/* 0: not below /proc/<pid> */
	int fd;				/* /proc/<pid>/fd/<fd>, else -1 */
};

#define PROC_FILE(n, m, s)	{ .name = n, .mode = S_IFREG | (m), .show = s }
#define PROC_RW(n, m, s, w)	{ .name = n, .mode = S_IFREG | (m), .show = s, .write = w }
#define PROC_LINK(n, l)		{ .name = n, .mode = S_IFLNK | 0777, .link = l }
#define PROC_MAGIC_LINK(n, g)	{ .name = n, .mode = S_IFLNK | 0777, .get_path = g }
#define PROC_DIR(n, m, c, d)	{ .name = n, .mode = S_IFDIR | (m), .children = c, \
				  .dir_ops = d }

static inline struct proc_inode *PROC_I(const struct inode *inode)
{
	return inode->i_private;
}

/* inode.c */
struct inode *proc_make_inode(struct super_block *sb, const struct proc_entry *pe,
			      pid_t pid, int fd, ino_t ino);
struct task_struct *proc_task(const struct proc_inode *pi);	/* NULL if gone */
extern const struct dentry_operations proc_dentry_ops;

/* generic.c: directories made of proc_entry tables. */
extern const struct inode_operations proc_dir_iops;
extern const struct file_operations proc_dir_fops;
extern const struct inode_operations proc_link_iops;
extern const struct inode_operations proc_magic_link_iops;
extern const struct inode_operations proc_file_iops;
extern const struct file_operations proc_file_fops;
int proc_link_path(const struct path *path, char *buf, int len);

/* root.c */
extern const struct proc_entry proc_root_entry;

/* base.c: /proc/<pid>. */
extern const struct proc_entry proc_pid_entry;
struct inode *proc_pid_dir_inode(struct super_block *sb, pid_t pid);
pid_t proc_next_tgid(pid_t after);		/* smallest tgid > after, or 0 */
ino_t proc_pid_ino(pid_t pid, unsigned int slot);

/* array.c: stat, statm, status. */
int proc_pid_stat(struct proc_buf *m, struct proc_inode *pi);
int proc_pid_statm(struct proc_buf *m, struct proc_inode *pi);
int proc_pid_status(struct proc_buf *m, struct proc_inode *pi);
char proc_task_state(const struct task_struct *t);
int proc_nr_threads(const struct task_struct *t);
unsigned long long proc_ns_to_ticks(u64 ns);
unsigned long long proc_boot_ticks(ktime_t t);	/* monotonic -> ticks since boot */

/* info.c: the files of /proc itself. */
int proc_show_meminfo(struct proc_buf *m, struct proc_inode *pi);
int proc_show_uptime(struct proc_buf *m, struct proc_inode *pi);
int proc_show_loadavg(struct proc_buf *m, struct proc_inode *pi);
int proc_show_version(struct proc_buf *m, struct proc_inode *pi);
int proc_show_cpuinfo(struct proc_buf *m, struct proc_inode *pi);
int proc_show_filesystems(struct proc_buf *m, struct proc_inode *pi);
int proc_show_cmdline(struct proc_buf *m, struct proc_inode *pi);
int proc_show_stat(struct proc_buf *m, struct proc_inode *pi);
int proc_show_devices(struct proc_buf *m, struct proc_inode *pi);
int proc_show_swaps(struct proc_buf *m, struct proc_inode *pi);

/* sysctl.c: the children of /proc/sys. */
extern const struct proc_entry proc_sys_children[];

/* cpuinfo_user.c: the host, for /proc/cpuinfo (0 or -errno). */
int proc_user_host_uname(char *buf, int len);
int proc_user_host_cpu_flags(char *buf, int len);

#endif
