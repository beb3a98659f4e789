// SPDX-License-Identifier: GPL-2.0
/*
 * Host helpers for the hostfs_user suite: a scratch directory and ways to
 * look at it that do not go through the code under test.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[256];

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static void remove_scratch(void)
{
	if (scratch[0])
		nftw(scratch, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A fresh directory, removed again at exit. */
const char *scratch_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	if (scratch[0])
		return scratch;
	snprintf(scratch, sizeof(scratch), "%s/hostfs-test.XXXXXX", tmp ? tmp : "/tmp");
	if (!mkdtemp(scratch)) {
		perror("mkdtemp");
		exit(2);
	}
	atexit(remove_scratch);
	return scratch;
}

/* Write a whole file with plain libc; 0 or -errno. */
int scratch_put(const char *path, const char *data)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, data, strlen(data));
	close(fd);
	return n == (ssize_t)strlen(data) ? 0 : -EIO;
}

/* Read up to len-1 bytes into buf, NUL-terminated; length or -errno. */
long scratch_get(const char *path, char *buf, unsigned long len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -EIO;
	buf[n] = '\0';
	return n;
}

int scratch_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

unsigned int scratch_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

int scratch_is_root(void)
{
	return geteuid() == 0;
}

/* st_mode of path (not following a link), or -errno. */
int scratch_mode(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? -errno : (int)st.st_mode;
}

int scratch_set_mtime(const char *path, long long sec)
{
	struct timespec ts[2] = { { .tv_nsec = UTIME_OMIT }, { .tv_sec = sec } };

	return utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW) ? -errno : 0;
}

int scratch_symlink(const char *target, const char *path)
{
	return symlink(target, path) ? -errno : 0;
}

int scratch_mkdir(const char *path)
{
	return mkdir(path, 0755) ? -errno : 0;
}

/* How many descriptors this process has open (to catch leaks). */
int scratch_open_fds(void)
{
	int fd, n = 0;

	for (fd = 0; fd < 4096; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			n++;
	return n;
}

int scratch_unlink(const char *path)
{
	return remove(path) ? -errno : 0;
}
