/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_HOSTFS_H
#define _FS_HOSTFS_H

/*
 * hostfs: the contract between the kernel half (hostfs_kern.c, VFS
 * operations and policy) and the user half (hostfs_user.c, one host call
 * per function).  Plain C types only; every function returns -errno on
 * failure, with EINTR retried inside.
 *
 * Paths are complete host paths built by the kernel half.  No function
 * follows a symbolic link in the last component: the guest's VFS resolves
 * links itself from the text readlink returns.  Mode bits and d_type
 * values are passed through unchanged: host and guest are both Linux.
 */

#define HOSTFS_SUPER_MAGIC	0x00c0ffee

struct hostfs_stat {
	unsigned long long dev, ino, nlink, size, blocks;
	unsigned int mode, uid, gid, blksize;
	unsigned int rdev_major, rdev_minor;
	long long atime, mtime, ctime;
	long atime_nsec, mtime_nsec, ctime_nsec;
};

struct hostfs_statfs {
	long type, bsize, frsize, namelen, flags;
	unsigned long long blocks, bfree, bavail, files, ffree;
};

/*
 * One directory record as hostfs_user_getdents() returns it: the layout of
 * Linux's struct linux_dirent64.  off is the host's cookie for the position
 * after this record, usable with hostfs_user_seekdir().
 */
struct hostfs_dirent {
	unsigned long long ino;
	long long off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/* Access modes for hostfs_user_open(). */
#define HOSTFS_OPEN_READ	0x1
#define HOSTFS_OPEN_WRITE	0x2
#define HOSTFS_OPEN_APPEND	0x4
#define HOSTFS_OPEN_TRUNC	0x8

/*
 * Which times hostfs_user_utimens() sets (to the given value, or with
 * _NOW to the host's current time); the others stay as they are.
 */
#define HOSTFS_SET_ATIME	0x1
#define HOSTFS_SET_MTIME	0x2
#define HOSTFS_ATIME_NOW	0x4
#define HOSTFS_MTIME_NOW	0x8

/* Files and their contents. */
int hostfs_user_lstat(const char *path, struct hostfs_stat *st);
int hostfs_user_fstat(int fd, struct hostfs_stat *st);
int hostfs_user_open(const char *path, int how);
int hostfs_user_opendir(const char *path);
int hostfs_user_close(int fd);
long hostfs_user_pread(int fd, void *buf, unsigned long len, long long off);
long hostfs_user_pwrite(int fd, const void *buf, unsigned long len, long long off);
int hostfs_user_fsync(int fd, int datasync);

/* Directories: records packed into buf, 0 at the end. */
int hostfs_user_seekdir(int fd, long long pos);
long hostfs_user_getdents(int fd, void *buf, unsigned long len);

/* Names.  create makes an empty regular file: 0 or -EEXIST if it exists. */
int hostfs_user_create(const char *path, unsigned int mode);
int hostfs_user_mknod(const char *path, unsigned int mode, unsigned int major,
		      unsigned int minor);
int hostfs_user_mkdir(const char *path, unsigned int mode);
int hostfs_user_unlink(const char *path);
int hostfs_user_rmdir(const char *path);
int hostfs_user_rename(const char *from, const char *to, unsigned int flags);
int hostfs_user_link(const char *from, const char *to);
int hostfs_user_symlink(const char *target, const char *path);
int hostfs_user_readlink(const char *path, char *buf, int len);

/* Attributes.  uid or gid -1 leaves that one unchanged. */
int hostfs_user_chmod(const char *path, unsigned int mode);
int hostfs_user_chown(const char *path, int uid, int gid);
int hostfs_user_truncate(const char *path, long long size);
int hostfs_user_ftruncate(int fd, long long size);
int hostfs_user_utimens(const char *path, int which, long long atime, long atime_nsec,
			long long mtime, long mtime_nsec);
int hostfs_user_statfs(const char *path, struct hostfs_statfs *st);

/* The canonical absolute form of path (links resolved), NUL-terminated. */
int hostfs_user_realpath(const char *path, char *buf, unsigned long len);

#endif
