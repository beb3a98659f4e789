// SPDX-License-Identifier: GPL-2.0
/* statfs and fstatfs. */
#include <umk/fs.h>
#include <umk/uaccess.h>
#include <asm/statfs.h>

/* f_flags bits (ST_* of statvfs), with ST_VALID saying they are filled in. */
#define ST_RDONLY	0x0001
#define ST_NOSUID	0x0002
#define ST_NODEV	0x0004
#define ST_NOEXEC	0x0008
#define ST_VALID	0x0020
#define ST_NOATIME	0x0400
#define ST_NODIRATIME	0x0800
#define ST_RELATIME	0x1000

static long mnt_st_flags(const struct vfsmount *mnt)
{
	long f = ST_VALID;

	if (mnt_is_readonly(mnt))
		f |= ST_RDONLY;
	if (mnt->mnt_flags & MNT_NOSUID)
		f |= ST_NOSUID;
	if (mnt->mnt_flags & MNT_NODEV)
		f |= ST_NODEV;
	if (mnt->mnt_flags & MNT_NOEXEC)
		f |= ST_NOEXEC;
	if (mnt->mnt_flags & MNT_NOATIME)
		f |= ST_NOATIME;
	if (mnt->mnt_flags & MNT_NODIRATIME)
		f |= ST_NODIRATIME;
	if (mnt->mnt_flags & MNT_RELATIME)
		f |= ST_RELATIME;
	return f;
}

int vfs_statfs(const struct path *path, struct kstatfs *buf)
{
	struct super_block *sb = path->dentry->d_sb;
	int err = 0;

	memset(buf, 0, sizeof(*buf));
	buf->f_type = sb->s_magic;
	buf->f_bsize = sb->s_blocksize ? sb->s_blocksize : 4096;
	buf->f_namelen = 255;
	if (sb->s_op && sb->s_op->statfs)
		err = sb->s_op->statfs(path->dentry, buf);
	if (!buf->f_frsize)
		buf->f_frsize = buf->f_bsize;
	buf->f_flags = mnt_st_flags(path->mnt);
	return err;
}

static int cp_statfs(const struct kstatfs *k, dev_t dev, struct statfs __user *ubuf)
{
	struct statfs st;

	memset(&st, 0, sizeof(st));
	st.f_type = k->f_type;
	st.f_bsize = k->f_bsize;
	st.f_blocks = k->f_blocks;
	st.f_bfree = k->f_bfree;
	st.f_bavail = k->f_bavail;
	st.f_files = k->f_files;
	st.f_ffree = k->f_ffree;
	st.f_fsid.val[0] = (int)new_encode_dev(dev);
	st.f_fsid.val[1] = (int)(new_encode_dev(dev) >> 32);
	st.f_namelen = k->f_namelen;
	st.f_frsize = k->f_frsize;
	st.f_flags = k->f_flags;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

static long statfs_path(const struct path *path, struct statfs __user *buf)
{
	struct kstatfs k;
	int err = vfs_statfs(path, &k);

	return err ? err : cp_statfs(&k, path->dentry->d_sb->s_dev, buf);
}

long sys_statfs(const char __user *pathname, struct statfs __user *buf)
{
	struct path path;
	long err;

	err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = statfs_path(&path, buf);
	path_put(&path);
	return err;
}

long sys_fstatfs(unsigned int fd, struct statfs __user *buf)
{
	struct file *f = fget_raw(fd);
	long err;

	if (!f)
		return -EBADF;
	err = statfs_path(&f->f_path, buf);
	fput(f);
	return err;
}
