// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/<pid>: one directory per task.  Its files look the task up again
 * by pid each time they are read, so a task that exits just makes them
 * fail with ESRCH (or ENOENT for links).
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/fdtable.h>
#include <umk/mman.h>
#include <umk/sched.h>
#include <linux/limits.h>
#include "internal.h"

#define FD_SLOT		0x80000000u

ino_t proc_pid_ino(pid_t pid, unsigned int slot)
{
	return ((ino_t)pid << 32) | slot;
}

pid_t proc_next_tgid(pid_t after)
{
	struct task_struct *t;
	pid_t best = 0;

	list_for_each_entry(t, &task_list, tasks) {
		if (t->pid <= 0 || !thread_group_leader(t) || t->exit_state == EXIT_DEAD)
			continue;
		if (t->tgid > after && (!best || t->tgid < best))
			best = t->tgid;
	}
	return best;
}

struct inode *proc_pid_dir_inode(struct super_block *sb, pid_t pid)
{
	return proc_make_inode(sb, &proc_pid_entry, pid, -1, proc_pid_ino(pid, 0));
}

/* Append guest memory [start, end) of t to m. */
static int show_user_range(struct proc_buf *m, struct task_struct *t,
			   unsigned long start, unsigned long end)
{
	struct mm_struct *mm = t->mm;
	long n;

	if (!mm || start >= end)
		return 0;
	if (end - start > m->size - m->len) {
		m->overflow = true;
		return 0;
	}
	/* Hold the mm: reading it may sleep, and t may exit meanwhile. */
	mm->users++;
	n = access_remote_vm(mm, start, m->buf + m->len, end - start, false);
	mmput(mm);
	if (n > 0)
		m->len += n;
	return 0;
}

static int show_cmdline(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);

	if (!t)
		return -ESRCH;
	return t->mm ? show_user_range(m, t, t->mm->arg_start, t->mm->arg_end) : 0;
}

static int show_environ(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);

	if (!t)
		return -ESRCH;
	return t->mm ? show_user_range(m, t, t->mm->env_start, t->mm->env_end) : 0;
}

static int show_comm(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);

	if (!t)
		return -ESRCH;
	pb_printf(m, "%s\n", t->comm);
	return 0;
}

/* Threads may rename each other (prctl(PR_SET_NAME) for another thread). */
static ssize_t write_comm(struct proc_inode *pi, const char *buf, size_t len)
{
	struct task_struct *t = proc_task(pi);
	size_t n = len;

	if (!t)
		return -ESRCH;
	if (t->tgid != current->tgid)
		return -EINVAL;
	if (n && buf[n - 1] == '\n')
		n--;
	n = min_t(size_t, n, TASK_COMM_LEN - 1);
	memcpy(t->comm, buf, n);
	t->comm[n] = '\0';
	return len;
}

/* Accepted and ignored: there is no OOM killer to steer. */
static int show_oom_score_adj(struct proc_buf *m, struct proc_inode *pi)
{
	pb_puts(m, "0\n");
	return 0;
}

static ssize_t write_oom_score_adj(struct proc_inode *pi, const char *buf, size_t len)
{
	long v;
	char tmp[16];
	size_t n = min(len, sizeof(tmp) - 1);

	memcpy(tmp, buf, n);
	tmp[n] = '\0';
	if (n && tmp[n - 1] == '\n')
		tmp[n - 1] = '\0';
	if (kstrtol(tmp, 10, &v) || v < -1000 || v > 1000)
		return -EINVAL;
	return len;
}

/* Magic links: a referenced path to the object itself. */
static int give_path(const struct path *p, struct path *out)
{
	if (!p->dentry || !p->mnt)
		return -ENOENT;
	*out = *p;
	path_get(out);
	return 0;
}

static int exe_path(struct proc_inode *pi, struct path *path)
{
	struct task_struct *t = proc_task(pi);

	if (!t || !t->mm || !t->mm->exe_file)
		return -ENOENT;
	return give_path(&t->mm->exe_file->f_path, path);
}

static int cwd_path(struct proc_inode *pi, struct path *path)
{
	struct task_struct *t = proc_task(pi);

	if (!t || !t->fs)
		return -ENOENT;
	return give_path(&t->fs->pwd, path);
}

static int root_path(struct proc_inode *pi, struct path *path)
{
	struct task_struct *t = proc_task(pi);

	if (!t || !t->fs)
		return -ENOENT;
	return give_path(&t->fs->root, path);
}

/* ---- mounts and mountinfo ------------------------------------------- */

/* Octal escapes for the characters that would break the line's fields. */
static void pb_mangle(struct proc_buf *m, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\\')
			pb_printf(m, "\\%03o", (unsigned char)*s);
		else
			pb_write(m, s, 1);
	}
}

struct mounts_walk {
	struct proc_buf *m;
	char *path;			/* PATH_MAX scratch */
	struct vfsmount *mnts[256];	/* mountinfo: ids by position */
	int nr;
	bool info;
};

static int mount_id(struct mounts_walk *w, struct vfsmount *mnt)
{
	int i;

	for (i = 0; i < w->nr; i++)
		if (w->mnts[i] == mnt)
			return 21 + i;
	return 1;
}

static void show_one_mount(struct mounts_walk *w, struct vfsmount *mnt)
{
	struct super_block *sb = mnt->mnt_sb;
	struct path p = { .mnt = mnt, .dentry = mnt->mnt_root };
	char opts[128];
	char *s;

	mnt_show_options(mnt, opts, sizeof(opts));
	if (w->info) {
		pb_printf(w->m, "%d %d %u:%u ", mount_id(w, mnt),
			  mount_id(w, mnt->mnt_parent), MAJOR(sb->s_dev), MINOR(sb->s_dev));
		s = dentry_path_raw(mnt->mnt_root, w->path, PATH_MAX);
		pb_mangle(w->m, IS_ERR(s) ? "/" : s);
		pb_puts(w->m, " ");
	} else {
		pb_mangle(w->m, mnt->mnt_devname ? mnt->mnt_devname : "none");
		pb_puts(w->m, " ");
	}
	s = d_path(&p, w->path, PATH_MAX);
	pb_mangle(w->m, IS_ERR(s) ? "?" : s);
	if (w->info) {
		pb_printf(w->m, " %s - %s ", opts, sb->s_type->name);
		pb_mangle(w->m, mnt->mnt_devname ? mnt->mnt_devname : "none");
		pb_printf(w->m, " %s\n", sb_rdonly(sb) ? "ro" : "rw");
	} else {
		pb_printf(w->m, " %s %s 0 0\n", sb->s_type->name, opts);
	}
}

static void collect_mount(struct vfsmount *mnt, const struct path *root, void *arg)
{
	struct mounts_walk *w = arg;

	if (w->nr < (int)ARRAY_SIZE(w->mnts))
		w->mnts[w->nr++] = mnt;
}

static void print_mount(struct vfsmount *mnt, const struct path *root, void *arg)
{
	show_one_mount(arg, mnt);
}

static int show_mount_table(struct proc_buf *m, struct proc_inode *pi, bool info)
{
	struct mounts_walk *w;

	if (!proc_task(pi))
		return -ESRCH;
	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	w->path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!w->path) {
		kfree(w);
		return -ENOMEM;
	}
	w->m = m;
	w->info = info;
	if (info)
		iterate_mounts(collect_mount, w);
	iterate_mounts(print_mount, w);
	kfree(w->path);
	kfree(w);
	return 0;
}

static int show_mounts(struct proc_buf *m, struct proc_inode *pi)
{
	return show_mount_table(m, pi, false);
}

static int show_mountinfo(struct proc_buf *m, struct proc_inode *pi)
{
	return show_mount_table(m, pi, true);
}

/* ---- maps ----------------------------------------------------------- */

static void show_vma(struct proc_buf *m, struct mm_struct *mm,
		     struct vm_area_struct *vma, char *path)
{
	struct inode *inode = vma->vm_file ? file_inode(vma->vm_file) : NULL;
	unsigned long flags = vma->vm_flags;
	const char *name = NULL;
	size_t start = m->len;

	pb_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %llu ",
		  vma->vm_start, vma->vm_end,
		  flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		  flags & VM_EXEC ? 'x' : '-', flags & VM_SHARED ? 's' : 'p',
		  inode ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0ULL,
		  inode ? MAJOR(inode->i_sb->s_dev) : 0,
		  inode ? MINOR(inode->i_sb->s_dev) : 0,
		  inode ? (unsigned long long)inode->i_ino : 0ULL);
	if (vma->vm_file) {
		name = d_path(&vma->vm_file->f_path, path, PATH_MAX);
		if (IS_ERR(name))
			name = NULL;
	} else if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk) {
		name = "[heap]";
	} else if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack) {
		name = "[stack]";
	}
	if (name) {
		/* Names start in column 74, as Linux pads them. */
		while (!m->overflow && m->len - start < 73)
			pb_write(m, " ", 1);
		pb_puts(m, name);
	}
	pb_puts(m, "\n");
}

static int show_maps(struct proc_buf *m, struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);
	struct vm_area_struct *vma;
	char *path;

	if (!t)
		return -ESRCH;
	if (!t->mm)
		return 0;
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!path)
		return -ENOMEM;
	list_for_each_entry(vma, &t->mm->mmap, vm_list)
		show_vma(m, t->mm, vma, path);
	kfree(path);
	return 0;
}

/* ---- fd/ ------------------------------------------------------------ */

static struct file *task_fd_file(struct proc_inode *pi)
{
	struct task_struct *t = proc_task(pi);

	if (!t || !t->files)
		return NULL;
	return files_lookup_fd(t->files, pi->fd);
}

static int fd_path(struct proc_inode *pi, struct path *path)
{
	struct file *file = task_fd_file(pi);

	if (!file)
		return -ENOENT;
	return give_path(&file->f_path, path);
}

static const struct proc_entry fd_link_entry = {
	.mode = S_IFLNK | 0700, .get_path = fd_path,
};

static struct inode *fd_lookup(struct inode *dir, const struct qstr *name)
{
	struct proc_inode *pi = PROC_I(dir);
	struct proc_inode probe = *pi;
	unsigned long fd;
	char num[12];

	if (!name->len || name->len >= sizeof(num))
		return NULL;
	memcpy(num, name->name, name->len);
	num[name->len] = '\0';
	if (kstrtoul(num, 10, &fd) || fd >= FD_SLOT || (num[0] == '0' && num[1]))
		return NULL;
	probe.fd = fd;
	if (!task_fd_file(&probe))
		return NULL;
	return proc_make_inode(dir->i_sb, &fd_link_entry, pi->pid, fd,
			       proc_pid_ino(pi->pid, FD_SLOT | fd)) ?: ERR_PTR(-ENOMEM);
}

/* Descriptor n sits at position first + n. */
static int fd_iterate(struct file *file, struct dir_context *ctx, loff_t first)
{
	struct proc_inode *pi = PROC_I(file_inode(file));
	struct task_struct *t = proc_task(pi);
	unsigned int fd;
	char name[12];

	if (!t || !t->files)
		return 0;
	for (fd = ctx->pos - first; fd < t->files->max_fds; fd++) {
		if (!files_lookup_fd(t->files, fd))
			continue;
		ctx->pos = first + fd;
		snprintf(name, sizeof(name), "%u", fd);
		if (!dir_emit(ctx, name, strlen(name), proc_pid_ino(pi->pid, FD_SLOT | fd),
			      DT_LNK))
			return 0;
		/* The actor may sleep copying out: look the task up again. */
		t = proc_task(pi);
		if (!t || !t->files)
			return 0;
	}
	ctx->pos = first + FD_SLOT;
	return 0;
}

static const struct proc_dir_ops fd_dir_ops = {
	.lookup		= fd_lookup,
	.iterate	= fd_iterate,
};

/* ---- the directory -------------------------------------------------- */

static const struct proc_entry pid_children[] = {
	PROC_FILE("cmdline", 0444, show_cmdline),
	PROC_RW("comm", 0644, show_comm, write_comm),
	PROC_MAGIC_LINK("cwd", cwd_path),
	PROC_FILE("environ", 0400, show_environ),
	PROC_MAGIC_LINK("exe", exe_path),
	PROC_DIR("fd", 0500, NULL, &fd_dir_ops),
	PROC_FILE("maps", 0444, show_maps),
	PROC_FILE("mountinfo", 0444, show_mountinfo),
	PROC_FILE("mounts", 0444, show_mounts),
	PROC_RW("oom_score_adj", 0644, show_oom_score_adj, write_oom_score_adj),
	PROC_MAGIC_LINK("root", root_path),
	PROC_FILE("stat", 0444, proc_pid_stat),
	PROC_FILE("statm", 0444, proc_pid_statm),
	PROC_FILE("status", 0444, proc_pid_status),
	{}
};

const struct proc_entry proc_pid_entry = PROC_DIR("<pid>", 0555, pid_children, NULL);
