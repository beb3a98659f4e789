// SPDX-License-Identifier: GPL-2.0
/* stat, fstat, lstat, newfstatat, statx, readlink: attributes out to the guest. */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>
#include <linux/limits.h>

/* <asm/stat.h> names a member __unused, which is a macro here. */
#pragma push_macro("__unused")
#undef __unused
#include <asm/stat.h>
#pragma pop_macro("__unused")

int vfs_getattr(const struct path *path, struct kstat *stat)
{
	struct inode *inode = path->dentry->d_inode;

	memset(stat, 0, sizeof(*stat));
	if (inode->i_op && inode->i_op->getattr)
		return inode->i_op->getattr(path, stat);
	generic_fillattr(inode, stat);
	return 0;
}

static unsigned int stat_lookup_flags(int flags)
{
	unsigned int lookup = LOOKUP_FOLLOW;

	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	return lookup;
}

int vfs_fstat(int fd, struct kstat *stat)
{
	struct file *f = fget_raw(fd);
	int err;

	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, stat);
	fput(f);
	return err;
}

int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat, int flags)
{
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	err = user_path_at(dfd, filename, stat_lookup_flags(flags), &path);
	if (err)
		return err;
	err = vfs_getattr(&path, stat);
	path_put(&path);
	return err;
}

static int cp_new_stat(const struct kstat *k, struct stat __user *ubuf)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(k->dev);
	st.st_ino = k->ino;
	st.st_nlink = k->nlink;
	st.st_mode = k->mode;
	st.st_uid = k->uid;
	st.st_gid = k->gid;
	st.st_rdev = new_encode_dev(k->rdev);
	st.st_size = k->size;
	st.st_blksize = k->blksize;
	st.st_blocks = k->blocks;
	st.st_atime = k->atime.tv_sec;
	st.st_atime_nsec = k->atime.tv_nsec;
	st.st_mtime = k->mtime.tv_sec;
	st.st_mtime_nsec = k->mtime.tv_nsec;
	st.st_ctime = k->ctime.tv_sec;
	st.st_ctime_nsec = k->ctime.tv_nsec;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_newfstatat(int dfd, const char __user *filename, struct stat __user *statbuf,
		    int flag)
{
	struct kstat k;
	int err = vfs_fstatat(dfd, filename, &k, flag);

	return err ? err : cp_new_stat(&k, statbuf);
}

long sys_stat(const char __user *filename, struct stat __user *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, 0);
}

long sys_lstat(const char __user *filename, struct stat __user *statbuf)
{
	return sys_newfstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

long sys_fstat(unsigned int fd, struct stat __user *statbuf)
{
	struct kstat k;
	int err = vfs_fstat(fd, &k);

	return err ? err : cp_new_stat(&k, statbuf);
}

static void statx_ts(struct statx_timestamp *t, const struct timespec64 *ts)
{
	t->tv_sec = ts->tv_sec;
	t->tv_nsec = ts->tv_nsec;
}

static int cp_statx(const struct kstat *k, struct statx __user *ubuf)
{
	struct statx sx;

	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS;
	sx.stx_blksize = k->blksize;
	sx.stx_nlink = k->nlink;
	sx.stx_uid = k->uid;
	sx.stx_gid = k->gid;
	sx.stx_mode = k->mode;
	sx.stx_ino = k->ino;
	sx.stx_size = k->size;
	sx.stx_blocks = k->blocks;
	statx_ts(&sx.stx_atime, &k->atime);
	statx_ts(&sx.stx_ctime, &k->ctime);
	statx_ts(&sx.stx_mtime, &k->mtime);
	sx.stx_rdev_major = MAJOR(k->rdev);
	sx.stx_rdev_minor = MINOR(k->rdev);
	sx.stx_dev_major = MAJOR(k->dev);
	sx.stx_dev_minor = MINOR(k->dev);
	return copy_to_user(ubuf, &sx, sizeof(sx)) ? -EFAULT : 0;
}

long sys_statx(int dfd, const char __user *filename, unsigned int flags,
	       unsigned int mask, struct statx __user *buffer)
{
	struct kstat k;
	int err;

	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	if (mask & STATX__RESERVED)
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (!filename && (flags & AT_EMPTY_PATH) && dfd == AT_FDCWD)
		err = vfs_getattr(&current_fs()->pwd, &k);
	else if (!filename && (flags & AT_EMPTY_PATH))
		err = vfs_fstat(dfd, &k);
	else
		err = vfs_fstatat(dfd, filename, &k, flags);
	return err ? err : cp_statx(&k, buffer);
}

int vfs_readlink(struct dentry *dentry, char __user *buf, int buflen)
{
	struct inode *inode = dentry->d_inode;
	char *kbuf;
	int len;

	if (!inode->i_op || !inode->i_op->readlink)
		return -EINVAL;
	kbuf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	len = inode->i_op->readlink(dentry, kbuf, PATH_MAX);
	if (len > buflen)
		len = buflen;
	if (len > 0 && copy_to_user(buf, kbuf, len))
		len = -EFAULT;
	kfree(kbuf);
	return len;
}

long sys_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct path path;
	bool empty;
	char *name;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	name = getname_flags(pathname, LOOKUP_EMPTY);
	if (IS_ERR(name))
		return PTR_ERR(name);
	empty = !*name;
	err = kern_path_at(dfd, name, LOOKUP_EMPTY, &path);
	putname(name);
	if (err)
		return err;
	err = empty ? -ENOENT : -EINVAL;
	if (d_is_symlink(path.dentry))
		err = vfs_readlink(path.dentry, buf, bufsiz);
	path_put(&path);
	return err;
}

long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
