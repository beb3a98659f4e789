// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous inode files: epoll, eventfd, timerfd, signalfd and the like
 * are files with no name and no inode of their own.  They share one inode
 * of an internal file system; /proc shows them as "anon_inode:<name>".
 */
#include <umk/fs.h>
#include <umk/fdtable.h>
#include <linux/magic.h>

static struct vfsmount *anon_mnt;
static struct inode *anon_inode;

static char *anon_dname(struct dentry *dentry, char *buf, int buflen)
{
	int n = snprintf(buf, buflen, "anon_inode:%s", dentry->d_name.name);

	return n < buflen ? buf : ERR_PTR(-ENAMETOOLONG);
}

static const struct dentry_operations anon_dentry_ops = {
	.d_dname = anon_dname,
};

static int anon_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	sb->s_magic = ANON_INODE_FS_MAGIC;
	root->i_mode = S_IFDIR | 0755;
	sb->s_root = d_make_root(root);
	if (!sb->s_root)
		return -ENOMEM;
	sb->s_root->d_op = &anon_dentry_ops;
	return 0;
}

static struct dentry *anon_mount(struct file_system_type *type, int flags,
				 const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, anon_fill_super);
}

static struct file_system_type anon_fs_type = {
	.name = "anon_inodefs",
	.mount = anon_mount,
	.kill_sb = kill_anon_super,
};

static int anon_inode_init(void)
{
	struct vfsmount *mnt;

	if (anon_mnt)
		return 0;
	mnt = kern_mount(&anon_fs_type);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	anon_inode = new_inode(mnt->mnt_sb);
	if (!anon_inode) {
		mntput(mnt);
		return -ENOMEM;
	}
	/* No file type, as in Linux: fstat shows just 0600. */
	anon_inode->i_mode = S_IRUSR | S_IWUSR;
	anon_mnt = mnt;
	return 0;
}

struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags)
{
	struct file *f;
	int err;

	err = anon_inode_init();
	if (err)
		return ERR_PTR(err);
	ihold(anon_inode);
	f = alloc_file_pseudo(anon_inode, anon_mnt, name,
			      flags & (O_ACCMODE | O_NONBLOCK), fops);
	if (IS_ERR(f)) {
		iput(anon_inode);
		return f;
	}
	/* No positional I/O; seeking only if the file says how (noop_llseek). */
	f->f_mode &= ~(FMODE_PREAD | FMODE_PWRITE);
	if (!fops->llseek)
		f->f_mode &= ~FMODE_LSEEK;
	f->private_data = priv;
	return f;
}

int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags)
{
	struct file *f;
	int fd;

	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		return fd;
	f = anon_inode_getfile(name, fops, priv, flags);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install(fd, f);
	return fd;
}
