// SPDX-License-Identifier: GPL-2.0
/*
 * Extended attributes.  No file system here stores them yet, so every
 * call checks that its file exists (ENOENT, EBADF, ENOTDIR as usual) and
 * then fails with EOPNOTSUPP, which is what Linux says for a file system
 * without xattr support and what tools such as ls and cp expect.
 */
#include <umk/kernel.h>
#include <umk/fs.h>

static long xattr_path(const char __user *path, bool follow)
{
	struct path p;
	int err = user_path_at(AT_FDCWD, path, follow ? LOOKUP_FOLLOW : 0, &p);

	if (err)
		return err;
	path_put(&p);
	return -EOPNOTSUPP;
}

static long xattr_fd(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return -EOPNOTSUPP;
}

long sys_getxattr(const char __user *path, const char __user *name, void __user *value,
		  size_t size)
{
	return xattr_path(path, true);
}

long sys_lgetxattr(const char __user *path, const char __user *name, void __user *value,
		   size_t size)
{
	return xattr_path(path, false);
}

long sys_fgetxattr(int fd, const char __user *name, void __user *value, size_t size)
{
	return xattr_fd(fd);
}

long sys_setxattr(const char __user *path, const char __user *name, const void __user *value,
		  size_t size, int flags)
{
	return xattr_path(path, true);
}

long sys_lsetxattr(const char __user *path, const char __user *name, const void __user *value,
		   size_t size, int flags)
{
	return xattr_path(path, false);
}

long sys_fsetxattr(int fd, const char __user *name, const void __user *value, size_t size,
		   int flags)
{
	return xattr_fd(fd);
}

long sys_listxattr(const char __user *path, char __user *list, size_t size)
{
	return xattr_path(path, true);
}

long sys_llistxattr(const char __user *path, char __user *list, size_t size)
{
	return xattr_path(path, false);
}

long sys_flistxattr(int fd, char __user *list, size_t size)
{
	return xattr_fd(fd);
}

long sys_removexattr(const char __user *path, const char __user *name)
{
	return xattr_path(path, true);
}

long sys_lremovexattr(const char __user *path, const char __user *name)
{
	return xattr_path(path, false);
}

long sys_fremovexattr(int fd, const char __user *name)
{
	return xattr_fd(fd);
}
