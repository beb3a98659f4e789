// SPDX-License-Identifier: GPL-2.0
/* Host file helpers: one host call each, EINTR retried, -errno returned. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <os.h>

#define CATCH_EINTR(expr) ({ long __r; do { __r = (expr); } while (__r < 0 && errno == EINTR); __r; })

static int host_open_flags(int f)
{
	int flags = 0;

	switch (f & 3) {
	case OS_O_WRONLY: flags = O_WRONLY; break;
	case OS_O_RDWR: flags = O_RDWR; break;
	default: flags = O_RDONLY; break;
	}
	if (f & OS_O_CREAT)
		flags |= O_CREAT;
	if (f & OS_O_TRUNC)
		flags |= O_TRUNC;
	if (f & OS_O_APPEND)
		flags |= O_APPEND;
	if (f & OS_O_EXCL)
		flags |= O_EXCL;
	if (f & OS_O_CLOEXEC)
		flags |= O_CLOEXEC;
	if (f & OS_O_DIRECTORY)
		flags |= O_DIRECTORY;
	if (f & OS_O_NONBLOCK)
		flags |= O_NONBLOCK;
	return flags;
}

int os_open_file(const char *path, int os_flags, int mode)
{
	int fd = CATCH_EINTR(open(path, host_open_flags(os_flags), mode));

	return fd < 0 ? -errno : fd;
}

int os_close_file(int fd)
{
	return close(fd) < 0 && errno != EINTR ? -errno : 0;
}

long os_read_file(int fd, void *buf, unsigned long len)
{
	long n = CATCH_EINTR(read(fd, buf, len));

	return n < 0 ? -errno : n;
}

long os_write_file(int fd, const void *buf, unsigned long len)
{
	long n = CATCH_EINTR(write(fd, buf, len));

	return n < 0 ? -errno : n;
}

long os_pread_file(int fd, void *buf, unsigned long len, unsigned long long off)
{
	long n = CATCH_EINTR(pread(fd, buf, len, off));

	return n < 0 ? -errno : n;
}

long os_pwrite_file(int fd, const void *buf, unsigned long len, unsigned long long off)
{
	long n = CATCH_EINTR(pwrite(fd, buf, len, off));

	return n < 0 ? -errno : n;
}

static void copy_stat(struct uml_stat *out, const struct stat *st)
{
	memset(out, 0, sizeof(*out));
	out->dev = st->st_dev;
	out->ino = st->st_ino;
	out->nlink = st->st_nlink;
	out->size = st->st_size;
	out->blocks = st->st_blocks;
	out->rdev = st->st_rdev;
	out->mode = st->st_mode;
	out->uid = st->st_uid;
	out->gid = st->st_gid;
	out->blksize = st->st_blksize;
	out->atime = st->st_atim.tv_sec;
	out->atime_ns = st->st_atim.tv_nsec;
	out->mtime = st->st_mtim.tv_sec;
	out->mtime_ns = st->st_mtim.tv_nsec;
	out->ctime = st->st_ctim.tv_sec;
	out->ctime_ns = st->st_ctim.tv_nsec;
}

int os_stat_file(const char *path, struct uml_stat *out)
{
	struct stat st;

	if (CATCH_EINTR(stat(path, &st)) < 0)
		return -errno;
	copy_stat(out, &st);
	return 0;
}

int os_stat_fd(int fd, struct uml_stat *out)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	copy_stat(out, &st);
	return 0;
}

int os_set_nonblock(int fd, int on)
{
	int flags = fcntl(fd, F_GETFL);

	if (flags < 0)
		return -errno;
	flags = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
	return fcntl(fd, F_SETFL, flags) < 0 ? -errno : 0;
}

int os_isatty(int fd)
{
	return isatty(fd);
}

int os_dup_file(int fd)
{
	int n = fcntl(fd, F_DUPFD_CLOEXEC, 0);

	return n < 0 ? -errno : n;
}

int os_fd_valid(int fd)
{
	return fcntl(fd, F_GETFD) >= 0;
}

int os_access_dir(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	return access(path, X_OK) < 0 ? -errno : 0;
}
