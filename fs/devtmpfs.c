// SPDX-License-Identifier: GPL-2.0
/*
 * devtmpfs: one tmpfs-like instance that drivers fill with their device
 * nodes from the moment they register, before any root exists.  The
 * kernel keeps an internal mount of it; every mount of "devtmpfs" (the
 * lead's /dev, or the guest's own) shows the same super_block.
 */
#include <umk/fs.h>
#include <umk/mm.h>

static struct vfsmount *dev_mnt;
static struct super_block *dev_sb;

static struct dentry *devtmpfs_mount(struct file_system_type *type, int flags,
				     const char *dev_name, void *data)
{
	struct dentry *root;

	if (dev_sb) {
		dev_sb->s_active++;
		return dget(dev_sb->s_root);
	}
	root = mount_nodev(type, flags & ~SB_RDONLY, data, devtmpfs_fill_super);
	if (!IS_ERR(root))
		dev_sb = root->d_sb;
	return root;
}

static void devtmpfs_kill_sb(struct super_block *sb)
{
	if (sb == dev_sb)
		dev_sb = NULL;
	ramfs_kill_sb(sb);
}

static struct file_system_type devtmpfs_fs_type = {
	.name = "devtmpfs",
	.mount = devtmpfs_mount,
	.kill_sb = devtmpfs_kill_sb,
};

int devtmpfs_init(void)
{
	struct vfsmount *mnt;
	int err;

	if (dev_mnt)
		return 0;
	err = register_filesystem(&devtmpfs_fs_type);
	if (err && err != -EBUSY)
		return err;
	mnt = vfs_kern_mount(&devtmpfs_fs_type, 0, "devtmpfs", NULL);
	if (IS_ERR(mnt)) {
		pr_err("devtmpfs: unable to create devtmpfs %ld\n", PTR_ERR(mnt));
		return PTR_ERR(mnt);
	}
	mnt->mnt_flags |= MNT_INTERNAL;
	dev_mnt = mnt;
	return 0;
}

/*
 * Walk name's directories below the devtmpfs root, making missing ones
 * if create.  Returns the last directory (referenced) and leaves *leaf
 * pointing at the final component.
 */
static struct dentry *walk_dirs(const char *name, const char **leaf, bool create)
{
	struct dentry *dir = dget(dev_mnt->mnt_root), *d;
	const char *slash;
	int err;

	while ((slash = strchr(name, '/')) != NULL) {
		d = lookup_one_len(name, dir, slash - name);
		if (IS_ERR(d))
			goto out_err;
		if (!d->d_inode && create) {
			err = dir->d_inode->i_op->mkdir(dir->d_inode, d, 0755);
			if (err) {
				dput(d);
				d = ERR_PTR(err);
				goto out_err;
			}
		}
		if (!d_is_dir(d)) {
			err = d->d_inode ? -ENOTDIR : -ENOENT;
			dput(d);
			d = ERR_PTR(err);
			goto out_err;
		}
		dput(dir);
		dir = d;
		name = slash + 1;
	}
	*leaf = name;
	return dir;
out_err:
	dput(dir);
	return d;
}

int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev)
{
	struct dentry *dir, *d;
	const char *leaf;
	int err;

	err = devtmpfs_init();
	if (err)
		return err;
	if (!(mode & S_IFMT))
		mode |= S_IFCHR;
	if (!(mode & 07777))
		mode |= 0600;
	dir = walk_dirs(name, &leaf, true);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	d = lookup_one_len(leaf, dir, strlen(leaf));
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto out_dput_dir;
	err = -EEXIST;
	if (!d->d_inode)
		err = dir->d_inode->i_op->mknod(dir->d_inode, d, mode, dev);
	if (!err) {
		/* Nodes belong to root whoever caused them to appear. */
		d->d_inode->i_uid = 0;
		d->d_inode->i_gid = 0;
		d->d_inode->i_mode = mode;
	}
	dput(d);
out_dput_dir:
	dput(dir);
	return err;
}

int devtmpfs_delete_node(const char *name)
{
	struct dentry *dir, *d;
	const char *leaf;
	int err;

	if (!dev_mnt)
		return -ENOENT;
	dir = walk_dirs(name, &leaf, false);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	d = lookup_one_len(leaf, dir, strlen(leaf));
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto out_dput_dir;
	err = -ENOENT;
	if (d->d_inode && !d_is_dir(d)) {
		err = dir->d_inode->i_op->unlink(dir->d_inode, d);
		if (!err)
			d_delete(d);
	}
	dput(d);
out_dput_dir:
	dput(dir);
	return err;
}
