// SPDX-License-Identifier: GPL-2.0
/*
 * procfs: the file system type, its super block and inodes.
 *
 * Inodes are made afresh on each lookup (nothing to find again by number)
 * and carry a proc_inode.  Names below /proc/<pid> are never kept in the
 * dentry cache once unused, and a cached one is dropped as soon as its
 * process (or descriptor) is gone, so a reused pid never shows old data.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/proc_fs.h>
#include <init.h>
#include "internal.h"

struct task_struct *proc_task(const struct proc_inode *pi)
{
	struct task_struct *t = find_task_by_pid(pi->pid);

	if (!t || t->exit_state == EXIT_DEAD)
		return NULL;
	return t;
}

static void proc_set_owner(struct inode *inode, pid_t pid)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : NULL;

	if (t) {
		inode->i_uid = t->cred.euid;
		inode->i_gid = t->cred.egid;
	}
}

struct inode *proc_make_inode(struct super_block *sb, const struct proc_entry *pe,
			      pid_t pid, int fd, ino_t ino)
{
	struct inode *inode = new_inode(sb);
	struct proc_inode *pi;

	if (!inode)
		return NULL;
	pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	if (!pi) {
		iput(inode);
		return NULL;
	}
	pi->pe = pe;
	pi->pid = pid;
	pi->fd = fd;
	inode->i_private = pi;
	inode->i_ino = ino;
	inode->i_mode = pe->mode;
	proc_set_owner(inode, pid);
	if (S_ISDIR(pe->mode)) {
		set_nlink(inode, 2);
		inode->i_op = &proc_dir_iops;
		inode->i_fop = &proc_dir_fops;
	} else if (S_ISLNK(pe->mode)) {
		inode->i_op = pe->get_path ? &proc_magic_link_iops : &proc_link_iops;
	} else {
		inode->i_op = &proc_file_iops;
		inode->i_fop = &proc_file_fops;
	}
	return inode;
}

static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
	inode->i_private = NULL;
}

static int proc_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	memset(buf, 0, sizeof(*buf));
	buf->f_type = PROC_SUPER_MAGIC;
	buf->f_bsize = PAGE_SIZE;
	buf->f_frsize = PAGE_SIZE;
	buf->f_namelen = 255;
	return 0;
}

static const struct super_operations proc_sops = {
	.evict_inode	= proc_evict_inode,
	.statfs		= proc_statfs,
};

/* A per-process name stays valid while its process (and fd) exists. */
static int proc_d_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct proc_inode *pi;
	struct task_struct *t;

	if (!dentry->d_inode)
		return 0;
	pi = PROC_I(dentry->d_inode);
	if (!pi->pid)
		return 1;
	t = proc_task(pi);
	if (!t)
		return 0;
	if (pi->fd >= 0 && (!t->files || !files_lookup_fd(t->files, pi->fd)))
		return 0;
	proc_set_owner(dentry->d_inode, pi->pid);
	return 1;
}

static int proc_d_delete(const struct dentry *dentry)
{
	return !dentry->d_inode || PROC_I(dentry->d_inode)->pid;
}

const struct dentry_operations proc_dentry_ops = {
	.d_revalidate	= proc_d_revalidate,
	.d_delete	= proc_d_delete,
};

static int proc_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_op = &proc_sops;
	root = proc_make_inode(sb, &proc_root_entry, 0, -1, PROC_ROOT_INO);
	if (!root)
		return -ENOMEM;
	sb->s_root = d_make_root(root);
	if (!sb->s_root)
		return -ENOMEM;
	sb->s_root->d_op = &proc_dentry_ops;
	return 0;
}

static struct dentry *proc_mount(struct file_system_type *type, int flags,
				 const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, proc_fill_super);
}

static struct file_system_type proc_fs_type = {
	.name		= "proc",
	.mount		= proc_mount,
	.kill_sb	= kill_anon_super,
};

int proc_mount_boot(void)
{
	struct path path;
	int err;

	err = kern_path("/proc", LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	path_put(&path);
	return do_mount("proc", "/proc", "proc", 0, NULL);
}

static int __init proc_init(void)
{
	return register_filesystem(&proc_fs_type);
}
fs_initcall(proc_init);
