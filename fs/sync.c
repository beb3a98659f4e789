// SPDX-License-Identifier: GPL-2.0
/*
 * sync and fsync.  In-memory file systems have nothing to write back;
 * file systems with a backing store implement ->fsync.  As in Linux, a
 * file without ->fsync gives EINVAL, except that regular files and
 * directories (whose file system may simply write through) succeed.
 */
#include <umk/fs.h>

int vfs_fsync(struct file *file, int datasync)
{
	umode_t mode = file_inode(file)->i_mode;

	if (file->f_op->fsync)
		return file->f_op->fsync(file, datasync);
	return (S_ISREG(mode) || S_ISDIR(mode)) ? 0 : -EINVAL;
}

static long fsync_fd(unsigned int fd, int datasync)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = vfs_fsync(f, datasync);
	fput(f);
	return ret;
}

void ksys_sync(void)
{
}

long sys_sync(void)
{
	ksys_sync();
	return 0;
}

long sys_syncfs(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

long sys_fsync(unsigned int fd)
{
	return fsync_fd(fd, 0);
}

long sys_fdatasync(unsigned int fd)
{
	return fsync_fd(fd, 1);
}

long sys_sync_file_range(int fd, loff_t offset, loff_t nbytes, unsigned int flags)
{
	struct file *f;
	umode_t mode;

	if (flags & ~7u)
		return -EINVAL;
	if (offset < 0 || nbytes < 0 || offset + nbytes < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	mode = file_inode(f)->i_mode;
	fput(f);
	if (!S_ISREG(mode) && !S_ISDIR(mode) && !S_ISLNK(mode) && !S_ISBLK(mode))
		return -ESPIPE;
	return 0;
}
