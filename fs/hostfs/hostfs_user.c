// SPDX-License-Identifier: GPL-2.0
/*
 * hostfs, user half: the host system calls behind hostfs_kern.c.  Each
 * function makes one host call (or a short fixed sequence), retries EINTR
 * and returns -errno; there is no policy here.  Nothing follows a symbolic
 * link in the last path component (O_NOFOLLOW, AT_SYMLINK_NOFOLLOW, lstat).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "hostfs.h"

/* Run a host call until it is not interrupted; -errno on failure. */
#define HOST_CALL(type, call) ({				\
	type __r;						\
	do {							\
		__r = (call);					\
	} while (__r == -1 && errno == EINTR);			\
	__r == -1 ? (type)-errno : __r; })

_Static_assert(offsetof(struct hostfs_dirent, off) == 8, "dirent64 layout");
_Static_assert(offsetof(struct hostfs_dirent, reclen) == 16, "dirent64 layout");
_Static_assert(offsetof(struct hostfs_dirent, type) == 18, "dirent64 layout");
_Static_assert(offsetof(struct hostfs_dirent, name) == 19, "dirent64 layout");

static void copy_stat(struct hostfs_stat *dst, const struct stat *src)
{
	dst->dev = src->st_dev;
	dst->ino = src->st_ino;
	dst->nlink = src->st_nlink;
	dst->size = src->st_size;
	dst->blocks = src->st_blocks;
	dst->mode = src->st_mode;
	dst->uid = src->st_uid;
	dst->gid = src->st_gid;
	dst->blksize = src->st_blksize;
	dst->rdev_major = major(src->st_rdev);
	dst->rdev_minor = minor(src->st_rdev);
	dst->atime = src->st_atim.tv_sec;
	dst->atime_nsec = src->st_atim.tv_nsec;
	dst->mtime = src->st_mtim.tv_sec;
	dst->mtime_nsec = src->st_mtim.tv_nsec;
	dst->ctime = src->st_ctim.tv_sec;
	dst->ctime_nsec = src->st_ctim.tv_nsec;
}

int hostfs_user_lstat(const char *path, struct hostfs_stat *st)
{
	struct stat buf;
	int err = HOST_CALL(int, lstat(path, &buf));

	if (err)
		return err;
	copy_stat(st, &buf);
	return 0;
}

int hostfs_user_fstat(int fd, struct hostfs_stat *st)
{
	struct stat buf;
	int err = HOST_CALL(int, fstat(fd, &buf));

	if (err)
		return err;
	copy_stat(st, &buf);
	return 0;
}

/*
 * Open a file for its contents.  O_NONBLOCK keeps a FIFO that replaced a
 * regular file on the host from blocking the whole kernel; it changes
 * nothing for regular files.
 */
int hostfs_user_open(const char *path, int how)
{
	int flags = O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;

	if ((how & HOSTFS_OPEN_READ) && (how & HOSTFS_OPEN_WRITE))
		flags |= O_RDWR;
	else if (how & HOSTFS_OPEN_WRITE)
		flags |= O_WRONLY;
	else
		flags |= O_RDONLY;
	if (how & HOSTFS_OPEN_APPEND)
		flags |= O_APPEND;
	if (how & HOSTFS_OPEN_TRUNC)
		flags |= O_TRUNC;
	return HOST_CALL(int, open(path, flags));
}

int hostfs_user_opendir(const char *path)
{
	return HOST_CALL(int, open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
					O_CLOEXEC));
}

int hostfs_user_close(int fd)
{
	/* Linux frees the descriptor even when close reports EINTR. */
	return close(fd) ? (errno == EINTR ? 0 : -errno) : 0;
}

long hostfs_user_pread(int fd, void *buf, unsigned long len, long long off)
{
	return HOST_CALL(long, pread(fd, buf, len, off));
}

long hostfs_user_pwrite(int fd, const void *buf, unsigned long len, long long off)
{
	return HOST_CALL(long, pwrite(fd, buf, len, off));
}

int hostfs_user_fsync(int fd, int datasync)
{
	return HOST_CALL(int, datasync ? fdatasync(fd) : fsync(fd));
}

int hostfs_user_seekdir(int fd, long long pos)
{
	off_t r = HOST_CALL(off_t, lseek(fd, pos, SEEK_SET));

	return r < 0 ? (int)r : 0;
}

long hostfs_user_getdents(int fd, void *buf, unsigned long len)
{
	return HOST_CALL(long, getdents64(fd, buf, len));
}

int hostfs_user_mknod(const char *path, unsigned int mode, unsigned int maj,
		      unsigned int min)
{
	return HOST_CALL(int, mknod(path, mode, makedev(maj, min)));
}

/*
 * mknod makes a regular file without opening it, so an existing file is
 * left alone; some file systems only create through open.
 */
int hostfs_user_create(const char *path, unsigned int mode)
{
	int err, fd;

	err = HOST_CALL(int, mknod(path, S_IFREG | (mode & 07777), 0));
	if (err != -EPERM && err != -EINVAL && err != -EOPNOTSUPP)
		return err;
	fd = HOST_CALL(int, open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW |
				       O_CLOEXEC | O_NOCTTY, mode & 07777));
	if (fd < 0)
		return fd;
	close(fd);
	return 0;
}

int hostfs_user_mkdir(const char *path, unsigned int mode)
{
	return HOST_CALL(int, mkdir(path, mode));
}

int hostfs_user_unlink(const char *path)
{
	return HOST_CALL(int, unlink(path));
}

int hostfs_user_rmdir(const char *path)
{
	return HOST_CALL(int, rmdir(path));
}

int hostfs_user_rename(const char *from, const char *to, unsigned int flags)
{
	if (!flags)
		return HOST_CALL(int, rename(from, to));
	return HOST_CALL(int, renameat2(AT_FDCWD, from, AT_FDCWD, to, flags));
}

int hostfs_user_link(const char *from, const char *to)
{
	return HOST_CALL(int, linkat(AT_FDCWD, from, AT_FDCWD, to, 0));
}

int hostfs_user_symlink(const char *target, const char *path)
{
	return HOST_CALL(int, symlink(target, path));
}

int hostfs_user_readlink(const char *path, char *buf, int len)
{
	return HOST_CALL(int, (int)readlink(path, buf, len));
}

int hostfs_user_chmod(const char *path, unsigned int mode)
{
	return HOST_CALL(int, fchmodat(AT_FDCWD, path, mode, AT_SYMLINK_NOFOLLOW));
}

int hostfs_user_chown(const char *path, int uid, int gid)
{
	return HOST_CALL(int, fchownat(AT_FDCWD, path, (uid_t)uid, (gid_t)gid,
				       AT_SYMLINK_NOFOLLOW));
}

/* truncate(2) follows links, so go through a descriptor opened without. */
int hostfs_user_truncate(const char *path, long long size)
{
	int fd, err;

	fd = HOST_CALL(int, open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC |
				       O_NONBLOCK | O_NOCTTY));
	if (fd < 0)
		return fd;
	err = HOST_CALL(int, ftruncate(fd, size));
	close(fd);
	return err;
}

int hostfs_user_ftruncate(int fd, long long size)
{
	return HOST_CALL(int, ftruncate(fd, size));
}

int hostfs_user_utimens(const char *path, int which, long long atime, long atime_nsec,
			long long mtime, long mtime_nsec)
{
	struct timespec ts[2] = {
		{ .tv_sec = atime, .tv_nsec = atime_nsec },
		{ .tv_sec = mtime, .tv_nsec = mtime_nsec },
	};

	if (which & HOSTFS_ATIME_NOW)
		ts[0].tv_nsec = UTIME_NOW;
	else if (!(which & HOSTFS_SET_ATIME))
		ts[0].tv_nsec = UTIME_OMIT;
	if (which & HOSTFS_MTIME_NOW)
		ts[1].tv_nsec = UTIME_NOW;
	else if (!(which & HOSTFS_SET_MTIME))
		ts[1].tv_nsec = UTIME_OMIT;
	return HOST_CALL(int, utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW));
}

int hostfs_user_statfs(const char *path, struct hostfs_statfs *st)
{
	struct statfs buf;
	int err = HOST_CALL(int, statfs(path, &buf));

	if (err)
		return err;
	st->type = buf.f_type;
	st->bsize = buf.f_bsize;
	st->frsize = buf.f_frsize;
	st->namelen = buf.f_namelen;
	st->flags = buf.f_flags;
	st->blocks = buf.f_blocks;
	st->bfree = buf.f_bfree;
	st->bavail = buf.f_bavail;
	st->files = buf.f_files;
	st->ffree = buf.f_ffree;
	return 0;
}

int hostfs_user_realpath(const char *path, char *buf, unsigned long len)
{
	char *canon = realpath(path, NULL);
	size_t n;

	if (!canon)
		return -errno;
	n = strlen(canon);
	if (n >= len) {
		free(canon);
		return -ENAMETOOLONG;
	}
	memcpy(buf, canon, n + 1);
	free(canon);
	return 0;
}
