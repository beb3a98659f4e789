// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS through its system calls, on tmpfs/ramfs, without tasks: path
 * walk (symlinks, mounts, dots, errors), file I/O, directories and
 * readdir, renames, the descriptor table, permissions, devtmpfs and
 * character devices, getcwd/chroot, stat, kernel_read/write, and that
 * unmounting gives back every inode and page.
 *
 * Expected errno values come from running the same operations on Linux.
 */
#include <umk/fs.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <linux/limits.h>
#include <linux/uio.h>
#include <linux/close_range.h>
#include <linux/time_types.h>
#include <linux/mount.h>
#include <linux/magic.h>
#include <asm/statfs.h>
#include <asm/ioctls.h>
#pragma push_macro("__unused")
#undef __unused
#include <asm/stat.h>
#pragma pop_macro("__unused")
#include "ktest.h"

/* fs_stubs_test.c */
int fs_test_setup(void);
void fs_test_set_ids(uid_t uid, gid_t gid);
void fs_test_set_nofile(unsigned long n);

/* The system calls under test (no header declares sys_*). */
long sys_open(const char *filename, int flags, umode_t mode);
long sys_openat(int dfd, const char *filename, int flags, umode_t mode);
long sys_close(unsigned int fd);
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_pread64(unsigned int fd, char *buf, size_t count, loff_t pos);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_ftruncate(unsigned int fd, unsigned long length);
long sys_fstat(unsigned int fd, struct stat *statbuf);
long sys_stat(const char *filename, struct stat *statbuf);
long sys_lstat(const char *filename, struct stat *statbuf);
long sys_newfstatat(int dfd, const char *filename, struct stat *statbuf, int flag);
long sys_mkdir(const char *pathname, umode_t mode);
long sys_rmdir(const char *pathname);
long sys_unlink(const char *pathname);
long sys_unlinkat(int dfd, const char *pathname, int flag);
long sys_symlink(const char *oldname, const char *newname);
long sys_link(const char *oldname, const char *newname);
long sys_rename(const char *oldname, const char *newname);
long sys_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
		   unsigned int flags);
long sys_mknod(const char *filename, umode_t mode, unsigned int dev);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);
long sys_dup(unsigned int fildes);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags);
long sys_chdir(const char *filename);
long sys_fchdir(unsigned int fd);
long sys_chroot(const char *filename);
long sys_getcwd(char *buf, unsigned long size);
long sys_chmod(const char *filename, umode_t mode);
long sys_chown(const char *filename, uid_t user, gid_t group);
long sys_access(const char *filename, int mode);
long sys_umount2(const char *name, int flags);
long sys_sendfile(int out_fd, int in_fd, loff_t *offset, size_t count);
long sys_readv(unsigned long fd, const struct iovec *vec, unsigned long vlen);
long sys_umask(int mask);
long sys_utimensat(int dfd, const char *filename, struct __kernel_timespec *utimes, int flags);
long sys_statfs(const char *pathname, struct statfs *buf);
long sys_statx(int dfd, const char *filename, unsigned int flags, unsigned int mask,
	       struct statx *buffer);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_mount(const char *dev_name, const char *dir_name, const char *type,
	       unsigned long flags, const void *data);
long sys_faccessat2(int dfd, const char *filename, int mode, int flags);
long sys_fchmod(unsigned int fd, umode_t mode);
long sys_linkat(int olddfd, const char *oldname, int newdfd, const char *newname,
		int flags);
long sys_truncate(const char *pathname, long length);
long sys_copy_file_range(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out,
			 size_t len, unsigned int flags);

static unsigned long base_inodes, base_free;

static int fs_vfs_setup(void)
{
	int err = fs_test_setup();

	if (err)
		return err;
	err = sys_mkdir("/t1", 0755);
	if (!err)
		err = do_mount("none", "/t1", "tmpfs", 0, NULL);
	base_inodes = inodes_nr_in_use();
	base_free = nr_free_pages();
	return err;
}

static int mkfile(const char *path, const char *data)
{
	long fd = sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	if (fd < 0)
		return fd;
	if (data && sys_write(fd, data, strlen(data)) != (long)strlen(data))
		return -EIO;
	return sys_close(fd);
}

/* Resolve name; on success *out holds its d_path. */
static int resolve(const char *name, unsigned int flags, char *out, int size)
{
	struct path p;
	char *s;
	int err = kern_path(name, flags, &p);

	if (err)
		return err;
	s = d_path(&p, out, size);
	path_put(&p);
	if (IS_ERR(s))
		return PTR_ERR(s);
	memmove(out, s, strlen(s) + 1);
	return 0;
}

static void build_tree(void)
{
	sys_mkdir("/t1/a", 0755);
	sys_mkdir("/t1/a/b", 0755);
	sys_mkdir("/t1/a/b/c", 0755);
	mkfile("/t1/a/f", "data");
	sys_symlink("a/b", "/t1/l1");
	sys_symlink("loop", "/t1/loop");
	sys_symlink("/t1/a", "/t1/abs");
	sys_symlink("nowhere", "/t1/dangle");
	sys_symlink("../..", "/t1/a/b/up");
	sys_symlink("a/f", "/t1/lf");
}

static const struct {
	const char *name;
	unsigned int flags;
	int err;
	const char *path;	/* d_path of the result */
} walk_cases[] = {
	{ "/t1/a/b/c", LOOKUP_FOLLOW, 0, "/t1/a/b/c" },
	{ "/t1/a/b/c/", 0, 0, "/t1/a/b/c" },
	{ "/t1//a///b", 0, 0, "/t1/a/b" },
	{ "/t1/a/f/", 0, -ENOTDIR, NULL },
	{ "/t1/a/f/x", 0, -ENOTDIR, NULL },
	{ "/t1/a/f/.", 0, -ENOTDIR, NULL },
	{ "/t1/nope", 0, -ENOENT, NULL },
	{ "/t1/nope/x", 0, -ENOENT, NULL },
	{ "/t1/a/../a/./b", 0, 0, "/t1/a/b" },
	{ "/../../t1/a", 0, 0, "/t1/a" },
	{ "/t1/..", 0, 0, "/" },
	{ "/t1/a/b/c/../../..", 0, 0, "/t1" },
	{ "t1/a", 0, 0, "/t1/a" },
	{ "/t1/l1/c", 0, 0, "/t1/a/b/c" },
	{ "/t1/l1", 0, 0, "/t1/l1" },
	{ "/t1/l1", LOOKUP_FOLLOW, 0, "/t1/a/b" },
	{ "/t1/l1/", 0, 0, "/t1/a/b" },
	{ "/t1/loop", LOOKUP_FOLLOW, -ELOOP, NULL },
	{ "/t1/loop", 0, 0, "/t1/loop" },
	{ "/t1/loop/x", 0, -ELOOP, NULL },
	{ "/t1/dangle", LOOKUP_FOLLOW, -ENOENT, NULL },
	{ "/t1/dangle", 0, 0, "/t1/dangle" },
	{ "/t1/abs/b", 0, 0, "/t1/a/b" },
	{ "/t1/a/b/up/a", 0, 0, "/t1/a" },
	{ "/t1/lf/", 0, -ENOTDIR, NULL },
	{ "/t1/lf", LOOKUP_FOLLOW, 0, "/t1/a/f" },
	{ "/t1/a/f", LOOKUP_DIRECTORY, -ENOTDIR, NULL },
	{ "/t1/a", LOOKUP_DIRECTORY, 0, "/t1/a" },
	{ "", 0, -ENOENT, NULL },
	{ "/", 0, 0, "/" },
};

static void vfs_path_walk(struct ktest *t)
{
	char buf[256];
	unsigned int i;

	build_tree();
	for (i = 0; i < ARRAY_SIZE(walk_cases); i++) {
		int err = resolve(walk_cases[i].name, walk_cases[i].flags, buf, sizeof(buf));

		if (err != walk_cases[i].err)
			ktest_fail(t, __FILE__, __LINE__, "\"%s\": error %d, expected %d",
				   walk_cases[i].name, err, walk_cases[i].err);
		else if (!err && strcmp(buf, walk_cases[i].path))
			ktest_fail(t, __FILE__, __LINE__, "\"%s\" -> \"%s\", expected \"%s\"",
				   walk_cases[i].name, buf, walk_cases[i].path);
	}
}

static void vfs_name_limits(struct ktest *t)
{
	char name[PATH_MAX + 8], buf[64];
	int i;

	strcpy(name, "/t1/");
	for (i = 0; i < NAME_MAX; i++)
		name[4 + i] = 'n';
	name[4 + NAME_MAX] = '\0';
	KEXPECT_EQ(t, resolve(name, 0, buf, sizeof(buf)), -ENOENT);
	KEXPECT_EQ(t, mkfile(name, NULL), 0);
	KEXPECT_EQ(t, sys_unlink(name), 0);
	strcat(name, "n");
	KEXPECT_EQ(t, resolve(name, 0, buf, sizeof(buf)), -ENAMETOOLONG);
	KEXPECT_EQ(t, sys_open(name, O_CREAT | O_RDWR, 0600), -ENAMETOOLONG);
	/* A whole name of PATH_MAX bytes (no room for the NUL) is too long. */
	for (i = 0; i < PATH_MAX; i++)
		name[i] = (i % 2) ? '/' : '.';
	name[PATH_MAX] = '\0';
	KEXPECT_EQ(t, sys_open(name, O_RDONLY, 0), -ENAMETOOLONG);
	name[PATH_MAX - 1] = '\0';
	KEXPECT_TRUE(t, sys_open(name, O_RDONLY, 0) >= 0);
	KEXPECT_EQ(t, sys_open((const char *)8, O_RDONLY, 0), -EFAULT);
}

/* 40 links in one walk are fine, 41 are ELOOP. */
static void vfs_symlink_limit(struct ktest *t)
{
	char from[32], to[32], buf[64];
	int i;

	sys_mkdir("/t1/chain", 0755);
	sys_mkdir("/t1/chain/d", 0755);
	sys_symlink("d", "/t1/chain/c40");
	for (i = 39; i >= 0; i--) {
		snprintf(from, sizeof(from), "c%d", i + 1);
		snprintf(to, sizeof(to), "/t1/chain/c%d", i);
		KEXPECT_EQ(t, sys_symlink(from, to), 0);
	}
	KEXPECT_EQ(t, resolve("/t1/chain/c1", LOOKUP_FOLLOW, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "/t1/chain/d");
	KEXPECT_EQ(t, resolve("/t1/chain/c0", LOOKUP_FOLLOW, buf, sizeof(buf)), -ELOOP);
	KEXPECT_EQ(t, resolve("/t1/chain/c0/x", 0, buf, sizeof(buf)), -ELOOP);
	KEXPECT_EQ(t, sys_open("/t1/chain/c0", O_RDONLY, 0), -ELOOP);
}

static void vfs_mount_crossing(struct ktest *t)
{
	struct stat st_root, st_m;
	static char buf[64];	/* low address: access_ok() */
	long fd;

	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_mkdir("/t1/m", 0755), 0);
	KEXPECT_EQ(t, do_mount("none", "/t1/m", "ramfs", 0, NULL), 0);
	KEXPECT_EQ(t, mkfile("/t1/m/x", "in ramfs"), 0);
	KEXPECT_EQ(t, resolve("/t1/m/x/..", 0, buf, sizeof(buf)), -ENOTDIR);
	KEXPECT_EQ(t, resolve("/t1/m/..", 0, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "/t1");
	KEXPECT_EQ(t, resolve("/t1/m/../m/x", 0, buf, sizeof(buf)), 0);
	KEXPECT_STREQ(t, buf, "/t1/m/x");
	KEXPECT_EQ(t, sys_stat("/t1", &st_root), 0);
	KEXPECT_EQ(t, sys_stat("/t1/m", &st_m), 0);
	KEXPECT_NE(t, st_root.st_dev, st_m.st_dev);
	/* Cannot remove or replace a mountpoint; cannot unmount while busy. */
	KEXPECT_EQ(t, sys_rmdir("/t1/m"), -EBUSY);
	fd = sys_open("/t1/m/x", O_RDONLY, 0);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, sys_umount2("/t1/m", 0), -EBUSY);
	KEXPECT_EQ(t, sys_umount2("/t1/m/x", 0), -EINVAL);
	sys_close(fd);
	KEXPECT_EQ(t, sys_umount2("/t1/m", 0), 0);
	KEXPECT_EQ(t, resolve("/t1/m/x", 0, buf, sizeof(buf)), -ENOENT);
	KEXPECT_EQ(t, sys_rmdir("/t1/m"), 0);
	KEXPECT_EQ(t, sys_umount2("/t1/nope", 0), -ENOENT);
}

static void vfs_file_io(struct ktest *t)
{
	static char buf[64];	/* low address: access_ok() */
	struct stat st;
	long fd;

	memset(buf, 0, sizeof(buf));
	fd = sys_open("/t1/io", O_CREAT | O_RDWR | O_EXCL, 0644);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, sys_write(fd, "hello", 5), 5);
	KEXPECT_EQ(t, sys_lseek(fd, 0, SEEK_CUR), 5);
	KEXPECT_EQ(t, sys_lseek(fd, 0, SEEK_SET), 0);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_read(fd, buf, sizeof(buf)), 5);
	KEXPECT_STREQ(t, buf, "hello");
	KEXPECT_EQ(t, sys_read(fd, buf, sizeof(buf)), 0);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_pread64(fd, buf, 3, 1), 3);
	KEXPECT_STREQ(t, buf, "ell");
	KEXPECT_EQ(t, sys_pread64(fd, buf, 3, -1), -EINVAL);
	/* A hole reads as zeros and takes no page. */
	KEXPECT_EQ(t, sys_lseek(fd, 3 * PAGE_SIZE, SEEK_SET), 3 * PAGE_SIZE);
	KEXPECT_EQ(t, sys_write(fd, "end", 3), 3);
	KEXPECT_EQ(t, sys_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.st_size, 3 * PAGE_SIZE + 3);
	KEXPECT_EQ(t, st.st_blocks, 2 * PAGE_SIZE / 512);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0644);
	KEXPECT_EQ(t, st.st_nlink, 1);
	memset(buf, 'x', sizeof(buf));
	KEXPECT_EQ(t, sys_pread64(fd, buf, 8, PAGE_SIZE), 8);
	KEXPECT_EQ(t, memcmp(buf, "\0\0\0\0\0\0\0\0", 8), 0);
	KEXPECT_EQ(t, sys_lseek(fd, 0, SEEK_END), 3 * PAGE_SIZE + 3);
	KEXPECT_EQ(t, sys_lseek(fd, -1, SEEK_SET), -EINVAL);
	KEXPECT_EQ(t, sys_lseek(fd, 0, 7), -EINVAL);
	/* Truncate down, then up again: the tail comes back as zeros. */
	KEXPECT_EQ(t, sys_ftruncate(fd, 3), 0);
	KEXPECT_EQ(t, sys_ftruncate(fd, 10), 0);
	memset(buf, 'x', sizeof(buf));
	KEXPECT_EQ(t, sys_pread64(fd, buf, sizeof(buf), 0), 10);
	KEXPECT_EQ(t, memcmp(buf, "hel\0\0\0\0\0\0\0", 10), 0);
	KEXPECT_EQ(t, sys_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.st_blocks, PAGE_SIZE / 512);
	KEXPECT_EQ(t, sys_close(fd), 0);
	KEXPECT_EQ(t, sys_close(fd), -EBADF);
	/* O_APPEND writes at the end whatever the offset. */
	fd = sys_open("/t1/io", O_WRONLY | O_APPEND, 0);
	KEXPECT_EQ(t, sys_write(fd, "++", 2), 2);
	KEXPECT_EQ(t, sys_fcntl(fd, F_GETFL, 0), O_WRONLY | O_APPEND | O_LARGEFILE);
	KEXPECT_EQ(t, sys_read(fd, buf, 1), -EBADF);
	KEXPECT_EQ(t, sys_ftruncate(fd, 0) == 0, 1);
	sys_close(fd);
	fd = sys_open("/t1/io", O_RDONLY, 0);
	KEXPECT_EQ(t, sys_ftruncate(fd, 0), -EINVAL);
	KEXPECT_EQ(t, sys_write(fd, "x", 1), -EBADF);
	sys_close(fd);
	/* O_TRUNC on open. */
	KEXPECT_EQ(t, mkfile("/t1/io", "abc"), 0);
	KEXPECT_EQ(t, sys_stat("/t1/io", &st), 0);
	KEXPECT_EQ(t, st.st_size, 3);
	KEXPECT_EQ(t, sys_unlink("/t1/io"), 0);
}

/* The rm -rf pattern: unlink every entry while reading the directory. */
static void vfs_readdir_unlink(struct ktest *t)
{
	static char seen[100];
	char name[32], buf[256];
	int i, dots = 0, total = 0;
	long fd, n;

	sys_mkdir("/t1/rd", 0755);
	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "/t1/rd/file%d", i);
		mkfile(name, NULL);
	}
	fd = sys_open("/t1/rd", O_RDONLY | O_DIRECTORY, 0);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, sys_getdents64(fd, buf, 10), -EINVAL);
	while ((n = sys_getdents64(fd, buf, sizeof(buf))) > 0) {
		long off = 0;

		while (off < n) {
			struct { u64 ino; s64 off; unsigned short reclen; unsigned char type;
				 char name[]; } *d = (void *)(buf + off);

			off += d->reclen;
			if (!strcmp(d->name, ".") || !strcmp(d->name, "..")) {
				dots++;
				KEXPECT_EQ(t, d->type, DT_DIR);
				continue;
			}
			KEXPECT_EQ(t, d->type, DT_REG);
			i = simple_strtoul(d->name + 4, NULL, 10);
			if (i >= 0 && i < 100)
				seen[i]++;
			total++;
			snprintf(name, sizeof(name), "/t1/rd/%s", d->name);
			KEXPECT_EQ(t, sys_unlink(name), 0);
		}
	}
	KEXPECT_EQ(t, n, 0);
	KEXPECT_EQ(t, dots, 2);
	KEXPECT_EQ(t, total, 100);
	for (i = 0; i < 100; i++)
		if (seen[i] != 1)
			ktest_fail(t, __FILE__, __LINE__, "file%d seen %d times", i, seen[i]);
	sys_close(fd);
	KEXPECT_EQ(t, sys_rmdir("/t1/rd"), 0);
	KEXPECT_EQ(t, sys_open("/t1/rd", O_RDONLY, 0), -ENOENT);
}

static const struct {
	const char *what;
	int expect;
} errno_cases[] = {
	{ "unlink dir", -EISDIR },
	{ "unlink file/", -ENOTDIR },
	{ "unlink dir/", -EISDIR },
	{ "unlink .", -EISDIR },
	{ "rmdir .", -EINVAL },
	{ "rmdir ..", -ENOTEMPTY },
	{ "rmdir file", -ENOTDIR },
	{ "rmdir nonempty", -ENOTEMPTY },
	{ "mkdir /", -EEXIST },
	{ "mkdir existing", -EEXIST },
	{ "mkdir new/", 0 },
	{ "symlink new/", -ENOENT },
	{ "rename into self", -EINVAL },
	{ "rename file to x/", -ENOTDIR },
	{ "rename .", -EBUSY },
	{ "link dir", -EPERM },
	{ "mknod dir", -EPERM },
	{ "mknod bad type", -EINVAL },
	{ "open dir wronly", -EISDIR },
	{ "open dir creat", -EISDIR },
	{ "open new/ creat", -EISDIR },
	{ "open file/", -ENOTDIR },
	{ "open creat excl existing", -EEXIST },
	{ "open creat excl symlink", -EEXIST },
	{ "open nofollow symlink", -ELOOP },
	{ "open directory file", -ENOTDIR },
	{ "readlink file", -EINVAL },
	{ "unlinkat bad flag", -EINVAL },
	{ "open missing", -ENOENT },
};

static long run_errno_case(const char *what)
{
	char buf[16];

	if (!strcmp(what, "unlink dir"))
		return sys_unlink("/t1/e/d");
	if (!strcmp(what, "unlink file/"))
		return sys_unlink("/t1/e/f/");
	if (!strcmp(what, "unlink dir/"))
		return sys_unlink("/t1/e/d/");
	if (!strcmp(what, "unlink ."))
		return sys_unlink("/t1/e/d/.");
	if (!strcmp(what, "rmdir ."))
		return sys_rmdir("/t1/e/d/.");
	if (!strcmp(what, "rmdir .."))
		return sys_rmdir("/t1/e/d/..");
	if (!strcmp(what, "rmdir file"))
		return sys_rmdir("/t1/e/f");
	if (!strcmp(what, "rmdir nonempty"))
		return sys_rmdir("/t1/e");
	if (!strcmp(what, "mkdir /"))
		return sys_mkdir("/", 0755);
	if (!strcmp(what, "mkdir existing"))
		return sys_mkdir("/t1/e/f", 0755);
	if (!strcmp(what, "mkdir new/"))
		return sys_mkdir("/t1/e/newdir/", 0755);
	if (!strcmp(what, "symlink new/"))
		return sys_symlink("x", "/t1/e/newlink/");
	if (!strcmp(what, "rename into self"))
		return sys_rename("/t1/e/d", "/t1/e/d/x");
	if (!strcmp(what, "rename file to x/"))
		return sys_rename("/t1/e/f", "/t1/e/g/");
	if (!strcmp(what, "rename ."))
		return sys_rename("/t1/e/d/.", "/t1/e/x");
	if (!strcmp(what, "link dir"))
		return sys_link("/t1/e/d", "/t1/e/dl");
	if (!strcmp(what, "mknod dir"))
		return sys_mknod("/t1/e/md", S_IFDIR | 0755, 0);
	if (!strcmp(what, "mknod bad type"))
		return sys_mknod("/t1/e/md", 0170000 | 0755, 0);
	if (!strcmp(what, "open dir wronly"))
		return sys_open("/t1/e/d", O_WRONLY, 0);
	if (!strcmp(what, "open dir creat"))
		return sys_open("/t1/e/d", O_RDONLY | O_CREAT, 0644);
	if (!strcmp(what, "open new/ creat"))
		return sys_open("/t1/e/new/", O_RDWR | O_CREAT, 0644);
	if (!strcmp(what, "open file/"))
		return sys_open("/t1/e/f/", O_RDONLY, 0);
	if (!strcmp(what, "open creat excl existing"))
		return sys_open("/t1/e/f", O_RDWR | O_CREAT | O_EXCL, 0644);
	if (!strcmp(what, "open creat excl symlink"))
		return sys_open("/t1/e/dangle", O_RDWR | O_CREAT | O_EXCL, 0644);
	if (!strcmp(what, "open nofollow symlink"))
		return sys_open("/t1/e/dangle", O_RDONLY | O_NOFOLLOW, 0);
	if (!strcmp(what, "open directory file"))
		return sys_open("/t1/e/f", O_RDONLY | O_DIRECTORY, 0);
	if (!strcmp(what, "readlink file"))
		return sys_readlink("/t1/e/f", buf, sizeof(buf));
	if (!strcmp(what, "unlinkat bad flag"))
		return sys_unlinkat(AT_FDCWD, "/t1/e/f", 0x1);
	if (!strcmp(what, "open missing"))
		return sys_open("/t1/e/missing", O_RDONLY, 0);
	return -9999;
}

static void vfs_errno_table(struct ktest *t)
{
	unsigned int i;

	sys_mkdir("/t1/e", 0755);
	sys_mkdir("/t1/e/d", 0755);
	mkfile("/t1/e/f", "x");
	sys_symlink("target", "/t1/e/dangle");
	for (i = 0; i < ARRAY_SIZE(errno_cases); i++) {
		long r = run_errno_case(errno_cases[i].what);

		if (r >= 0 && errno_cases[i].expect < 0)
			sys_close(r);
		if ((r < 0 ? r : 0) != errno_cases[i].expect)
			ktest_fail(t, __FILE__, __LINE__, "%s: %ld, expected %d",
				   errno_cases[i].what, r, errno_cases[i].expect);
	}
}

static void vfs_creat_through_dangling(struct ktest *t)
{
	struct stat st;
	long fd;

	sys_mkdir("/t1/dg", 0755);
	sys_symlink("target", "/t1/dg/link");
	fd = sys_open("/t1/dg/link", O_RDWR | O_CREAT, 0600);
	KEXPECT_TRUE(t, fd >= 0);
	sys_close(fd);
	KEXPECT_EQ(t, sys_lstat("/t1/dg/target", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0600);
	KEXPECT_EQ(t, sys_lstat("/t1/dg/link", &st), 0);
	KEXPECT_TRUE(t, S_ISLNK(st.st_mode));
	KEXPECT_EQ(t, st.st_size, 6);
}

static long file_size(const char *name)
{
	struct stat st;
	long err = sys_stat(name, &st);

	return err ? err : st.st_size;
}

static void vfs_renames(struct ktest *t)
{
	struct stat a, b;

	sys_mkdir("/t1/r", 0755);
	mkfile("/t1/r/one", "1");
	mkfile("/t1/r/two", "22");
	KEXPECT_EQ(t, sys_rename("/t1/r/one", "/t1/r/two"), 0);
	KEXPECT_EQ(t, file_size("/t1/r/two"), 1);
	KEXPECT_EQ(t, file_size("/t1/r/one"), -ENOENT);
	/* Directories: over an empty one, not over a full one or a file. */
	sys_mkdir("/t1/r/d1", 0755);
	sys_mkdir("/t1/r/d2", 0755);
	sys_mkdir("/t1/r/d3", 0755);
	mkfile("/t1/r/d3/x", NULL);
	KEXPECT_EQ(t, sys_rename("/t1/r/d1", "/t1/r/d2"), 0);
	KEXPECT_EQ(t, sys_rename("/t1/r/d2", "/t1/r/d3"), -ENOTEMPTY);
	KEXPECT_EQ(t, sys_rename("/t1/r/d2", "/t1/r/two"), -ENOTDIR);
	KEXPECT_EQ(t, sys_rename("/t1/r/two", "/t1/r/d2"), -EISDIR);
	KEXPECT_EQ(t, sys_rename("/t1/r/d3/x", "/t1/r/d3"), -ENOTEMPTY);
	KEXPECT_EQ(t, sys_renameat2(AT_FDCWD, "/t1/r/two", AT_FDCWD, "/t1/r/d3/x",
				    RENAME_NOREPLACE), -EEXIST);
	/* Exchange swaps the two names. */
	KEXPECT_EQ(t, sys_renameat2(AT_FDCWD, "/t1/r/two", AT_FDCWD, "/t1/r/d2",
				    RENAME_EXCHANGE), 0);
	KEXPECT_EQ(t, sys_stat("/t1/r/two", &a), 0);
	KEXPECT_TRUE(t, S_ISDIR(a.st_mode));
	KEXPECT_EQ(t, file_size("/t1/r/d2"), 1);
	KEXPECT_EQ(t, sys_renameat2(AT_FDCWD, "/t1/r/two", AT_FDCWD, "/t1/r/nope",
				    RENAME_EXCHANGE), -ENOENT);
	KEXPECT_EQ(t, sys_renameat2(AT_FDCWD, "/t1/r/two", AT_FDCWD, "/t1/r/d2",
				    RENAME_EXCHANGE | RENAME_NOREPLACE), -EINVAL);
	/* Two names of one inode: nothing happens, both stay. */
	KEXPECT_EQ(t, sys_link("/t1/r/d2", "/t1/r/hard"), 0);
	KEXPECT_EQ(t, sys_rename("/t1/r/d2", "/t1/r/hard"), 0);
	KEXPECT_EQ(t, sys_stat("/t1/r/d2", &a), 0);
	KEXPECT_EQ(t, sys_stat("/t1/r/hard", &b), 0);
	KEXPECT_EQ(t, a.st_ino, b.st_ino);
	KEXPECT_EQ(t, a.st_nlink, 2);
	/* Moving a directory between parents fixes the link counts. */
	KEXPECT_EQ(t, sys_stat("/t1/r", &a), 0);
	KEXPECT_EQ(t, sys_rename("/t1/r/two", "/t1/r/d3/sub"), 0);
	KEXPECT_EQ(t, sys_stat("/t1/r", &b), 0);
	KEXPECT_EQ(t, b.st_nlink, a.st_nlink - 1);
	KEXPECT_EQ(t, sys_stat("/t1/r/d3", &b), 0);
	KEXPECT_EQ(t, b.st_nlink, 3);
	KEXPECT_EQ(t, sys_stat("/t1/r/d3/sub/..", &b), 0);
	KEXPECT_EQ(t, sys_stat("/t1/r/d3", &a), 0);
	KEXPECT_EQ(t, a.st_ino, b.st_ino);
}

static void vfs_fd_table(struct ktest *t)
{
	long fd, fd2, fd3;

	fd = sys_open("/t1", O_RDONLY, 0);
	KEXPECT_TRUE(t, fd >= 0);
	fd2 = sys_dup(fd);
	KEXPECT_EQ(t, fd2, fd + 1);
	KEXPECT_EQ(t, sys_dup2(fd, fd2), fd2);
	KEXPECT_EQ(t, sys_dup2(fd2, fd2), fd2);
	KEXPECT_EQ(t, sys_dup2(200, fd2), -EBADF);
	KEXPECT_EQ(t, sys_dup3(fd, fd, 0), -EINVAL);
	KEXPECT_EQ(t, sys_dup3(fd, fd2, O_CLOEXEC), fd2);
	KEXPECT_EQ(t, sys_fcntl(fd2, F_GETFD, 0), FD_CLOEXEC);
	KEXPECT_EQ(t, sys_fcntl(fd, F_GETFD, 0), 0);
	/* The table grows past its first 64 slots. */
	fd3 = sys_fcntl(fd, F_DUPFD, 100);
	KEXPECT_EQ(t, fd3, 100);
	KEXPECT_EQ(t, sys_fcntl(fd, F_DUPFD_CLOEXEC, 100), 101);
	KEXPECT_EQ(t, sys_fcntl(101, F_GETFD, 0), FD_CLOEXEC);
	KEXPECT_EQ(t, sys_fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
	do_close_on_exec(current->files);
	KEXPECT_EQ(t, sys_fcntl(fd, F_GETFD, 0), -EBADF);
	KEXPECT_EQ(t, sys_fcntl(fd2, F_GETFD, 0), -EBADF);
	KEXPECT_EQ(t, sys_fcntl(101, F_GETFD, 0), -EBADF);
	KEXPECT_EQ(t, sys_fcntl(100, F_GETFD, 0), 0);
	KEXPECT_EQ(t, sys_close_range(100, ~0u, CLOSE_RANGE_CLOEXEC), 0);
	KEXPECT_EQ(t, sys_fcntl(100, F_GETFD, 0), FD_CLOEXEC);
	KEXPECT_EQ(t, sys_close_range(90, 200, 0), 0);
	KEXPECT_EQ(t, sys_close(100), -EBADF);
	KEXPECT_EQ(t, sys_close_range(5, 4, 0), -EINVAL);
	/* RLIMIT_NOFILE: EMFILE at the limit, EINVAL/EBADF past it. */
	fs_test_set_nofile(8);
	for (fd = 0; fd < 20; fd++)
		if (sys_open("/t1", O_RDONLY, 0) < 0)
			break;
	KEXPECT_EQ(t, sys_open("/t1", O_RDONLY, 0), -EMFILE);
	KEXPECT_EQ(t, sys_fcntl(0, F_DUPFD, 8), -EINVAL);
	KEXPECT_EQ(t, sys_dup2(0, 8), -EBADF);
	sys_close_range(0, ~0u, 0);
	fs_test_set_nofile(0);
	KEXPECT_EQ(t, sys_open("/t1", O_RDONLY, 0), 0);
	sys_close(0);
}

static void vfs_permissions(struct ktest *t)
{
	long fd;

	sys_mkdir("/t1/p", 0755);
	mkfile("/t1/p/secret", "s");
	sys_chmod("/t1/p/secret", 0600);
	mkfile("/t1/p/script", "#!");
	KEXPECT_EQ(t, sys_access("/t1/p/script", 1), -EACCES);	/* root: no x bit */
	sys_chmod("/t1/p/script", 0744);
	KEXPECT_EQ(t, sys_access("/t1/p/script", 1), 0);
	sys_mkdir("/t1/p/sticky", 01777);
	sys_chmod("/t1/p/sticky", 01777);
	mkfile("/t1/p/sticky/roots", NULL);

	fs_test_set_ids(1000, 1000);
	KEXPECT_EQ(t, sys_open("/t1/p/secret", O_RDONLY, 0), -EACCES);
	KEXPECT_EQ(t, sys_access("/t1/p/secret", 4), -EACCES);
	KEXPECT_EQ(t, sys_access("/t1/p/script", 4), 0);
	KEXPECT_EQ(t, sys_access("/t1/p/script", 4 | 1), -EACCES);	/* r-- for others */
	KEXPECT_EQ(t, sys_open("/t1/p/new", O_CREAT | O_RDWR, 0644), -EACCES);
	KEXPECT_EQ(t, sys_mkdir("/t1/p/newdir", 0755), -EACCES);
	KEXPECT_EQ(t, sys_unlink("/t1/p/secret"), -EACCES);
	KEXPECT_EQ(t, sys_chmod("/t1/p/secret", 0666), -EPERM);
	KEXPECT_EQ(t, sys_chown("/t1/p/secret", 1000, 1000), -EPERM);
	fd = sys_open("/t1/p/sticky/mine", O_CREAT | O_RDWR, 0644);
	KEXPECT_TRUE(t, fd >= 0);
	sys_close(fd);
	KEXPECT_EQ(t, sys_unlink("/t1/p/sticky/roots"), -EPERM);
	KEXPECT_EQ(t, sys_chmod("/t1/p/sticky/mine", 0600), 0);
	fs_test_set_ids(0, 0);

	KEXPECT_EQ(t, sys_unlink("/t1/p/sticky/mine"), 0);
	KEXPECT_EQ(t, sys_chown("/t1/p/secret", 1000, 1000), 0);
	fs_test_set_ids(1000, 1000);
	fd = sys_open("/t1/p/secret", O_RDWR, 0);
	KEXPECT_TRUE(t, fd >= 0);
	sys_close(fd);
	fs_test_set_ids(0, 0);
}

static ssize_t test_dev_read(struct file *f, char __user *buf, size_t len, loff_t *pos)
{
	return copy_to_user(buf, "dev", 3) ? -EFAULT : 3;
}

static const struct file_operations test_dev_fops = {
	.read = test_dev_read,
};

static void vfs_devtmpfs_chrdev(struct ktest *t)
{
	static char buf[8];	/* low address: access_ok() */
	struct stat st;
	long fd;

	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, register_chrdev_region_fops(MKDEV(42, 0), 1, "test", &test_dev_fops), 0);
	KEXPECT_EQ(t, register_chrdev_region_fops(MKDEV(42, 0), 4, "again", &test_dev_fops),
		   -EBUSY);
	KEXPECT_EQ(t, devtmpfs_create_node("tst/n0", S_IFCHR | 0666, MKDEV(42, 0)), 0);
	KEXPECT_EQ(t, devtmpfs_create_node("tst/n1", 0, MKDEV(42, 1)), 0);
	KEXPECT_EQ(t, devtmpfs_create_node("tst/n1", 0, MKDEV(42, 1)), -EEXIST);
	KEXPECT_EQ(t, sys_mkdir("/t1/dev", 0755), 0);
	KEXPECT_EQ(t, do_mount("devtmpfs", "/t1/dev", "devtmpfs", 0, NULL), 0);
	KEXPECT_EQ(t, sys_stat("/t1/dev/tst/n0", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFCHR | 0666);
	KEXPECT_EQ(t, st.st_rdev, (42 << 8) | 0);
	KEXPECT_EQ(t, sys_stat("/t1/dev/tst/n1", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFCHR | 0600);
	fd = sys_open("/t1/dev/tst/n0", O_RDWR, 0);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, sys_read(fd, buf, sizeof(buf)), 3);
	KEXPECT_STREQ(t, buf, "dev");
	KEXPECT_EQ(t, sys_write(fd, "x", 1), -EINVAL);
	sys_close(fd);
	KEXPECT_EQ(t, sys_open("/t1/dev/tst/n1", O_RDWR, 0), -ENXIO);
	/* Nodes made after the mount show up in it. */
	KEXPECT_EQ(t, devtmpfs_create_node("late", S_IFCHR | 0600, MKDEV(42, 0)), 0);
	KEXPECT_EQ(t, sys_stat("/t1/dev/late", &st), 0);
	KEXPECT_EQ(t, devtmpfs_delete_node("late"), 0);
	KEXPECT_EQ(t, sys_stat("/t1/dev/late", &st), -ENOENT);
	KEXPECT_EQ(t, devtmpfs_delete_node("late"), -ENOENT);
	KEXPECT_EQ(t, sys_umount2("/t1/dev", 0), 0);
	/* The instance outlives its mounts. */
	KEXPECT_EQ(t, do_mount("devtmpfs", "/t1/dev", "devtmpfs", 0, NULL), 0);
	KEXPECT_EQ(t, sys_stat("/t1/dev/tst/n0", &st), 0);
	KEXPECT_EQ(t, sys_umount2("/t1/dev", 0), 0);
	unregister_chrdev_region_fops(MKDEV(42, 0), 1);
}

static void vfs_cwd_root(struct ktest *t)
{
	char buf[64];
	long fd;

	sys_mkdir("/t1/w", 0755);
	sys_mkdir("/t1/w/x", 0755);
	KEXPECT_EQ(t, sys_chdir("/t1/w/x"), 0);
	KEXPECT_EQ(t, sys_getcwd(buf, sizeof(buf)), 8);
	KEXPECT_STREQ(t, buf, "/t1/w/x");
	KEXPECT_EQ(t, sys_getcwd(buf, 5), -ERANGE);
	KEXPECT_EQ(t, mkfile("rel", "r"), 0);
	KEXPECT_EQ(t, file_size("/t1/w/x/rel"), 1);
	KEXPECT_EQ(t, sys_chdir(".."), 0);
	KEXPECT_EQ(t, sys_getcwd(buf, sizeof(buf)), 6);
	fd = sys_open("x", O_RDONLY | O_DIRECTORY, 0);
	KEXPECT_EQ(t, sys_openat(fd, "rel", O_RDONLY, 0) >= 0, 1);
	KEXPECT_EQ(t, sys_fchdir(fd), 0);
	KEXPECT_EQ(t, sys_getcwd(buf, sizeof(buf)), 8);
	KEXPECT_EQ(t, sys_chdir("/t1/w/x/rel"), -ENOTDIR);
	/* A removed working directory has no name. */
	KEXPECT_EQ(t, sys_unlink("rel"), 0);
	KEXPECT_EQ(t, sys_rmdir("/t1/w/x"), 0);
	KEXPECT_EQ(t, sys_getcwd(buf, sizeof(buf)), -ENOENT);
	KEXPECT_EQ(t, mkfile("again", NULL), -ENOENT);
	KEXPECT_EQ(t, sys_chdir("/t1/w"), 0);
	/* chroot: "/" and ".." stop at the new root. */
	KEXPECT_EQ(t, sys_chroot("/t1/w"), 0);
	KEXPECT_EQ(t, mkfile("/inroot", "j"), 0);
	KEXPECT_EQ(t, file_size("/../../inroot"), 1);
	KEXPECT_EQ(t, sys_getcwd(buf, sizeof(buf)), 2);
	KEXPECT_STREQ(t, buf, "/");
	KEXPECT_EQ(t, sys_chroot("/../.."), 0);		/* a no-op: we are at the root */
	KEXPECT_EQ(t, file_size("/inroot"), 1);
	/* Leave the chroot through the old root still open (as Linux allows). */
	{
		struct path root = { rootfs_mnt, rootfs_mnt->mnt_root };

		set_fs_root(current_fs(), &root);
		set_fs_pwd(current_fs(), &root);
	}
	KEXPECT_EQ(t, file_size("/t1/w/inroot"), 1);
	sys_close(fd);
}

static void vfs_stat_links(struct ktest *t)
{
	struct stat st, st2;
	static char buf[16];	/* low address: access_ok() */
	long fd;

	memset(buf, 0, sizeof(buf));
	mkfile("/t1/st", "12345");
	sys_symlink("st", "/t1/stl");
	KEXPECT_EQ(t, sys_stat("/t1/stl", &st), 0);
	KEXPECT_EQ(t, st.st_size, 5);
	KEXPECT_EQ(t, sys_lstat("/t1/stl", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFLNK | 0777);
	KEXPECT_EQ(t, st.st_size, 2);
	KEXPECT_EQ(t, sys_readlink("/t1/stl", buf, sizeof(buf)), 2);
	KEXPECT_EQ(t, sys_readlink("/t1/stl", buf, 1), 1);
	KEXPECT_EQ(t, sys_readlink("/t1/stl", buf, 0), -EINVAL);
	fd = sys_open("/t1/st", O_RDONLY, 0);
	KEXPECT_EQ(t, sys_newfstatat(fd, "", &st2, AT_EMPTY_PATH), 0);
	KEXPECT_EQ(t, sys_newfstatat(fd, "", &st2, 0), -ENOENT);
	KEXPECT_EQ(t, sys_newfstatat(AT_FDCWD, "/t1/st", &st2, 0x4), -EINVAL);
	KEXPECT_EQ(t, sys_stat("/t1/st", &st), 0);
	KEXPECT_EQ(t, st.st_ino, st2.st_ino);
	sys_close(fd);
	/* Hard links share the inode; the data outlive the first name. */
	KEXPECT_EQ(t, sys_link("/t1/st", "/t1/st2"), 0);
	KEXPECT_EQ(t, sys_stat("/t1/st2", &st2), 0);
	KEXPECT_EQ(t, st2.st_nlink, 2);
	KEXPECT_EQ(t, sys_unlink("/t1/st"), 0);
	KEXPECT_EQ(t, file_size("/t1/st2"), 5);
	/* An open file survives its last name. */
	fd = sys_open("/t1/st2", O_RDWR, 0);
	KEXPECT_EQ(t, sys_unlink("/t1/st2"), 0);
	KEXPECT_EQ(t, sys_fstat(fd, &st2), 0);
	KEXPECT_EQ(t, st2.st_nlink, 0);
	KEXPECT_EQ(t, sys_pread64(fd, buf, sizeof(buf), 0), 5);
	sys_close(fd);
	/* umask applies to creation. */
	KEXPECT_EQ(t, sys_umask(077), 022);
	mkfile("/t1/um", NULL);
	KEXPECT_EQ(t, sys_stat("/t1/um", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0600);
	sys_umask(022);
}

static void vfs_kernel_io(struct ktest *t)
{
	static char buf[16];	/* low address: access_ok() */
	loff_t pos = 0, off;
	struct file *f;
	long in, out;

	memset(buf, 0, sizeof(buf));
	mkfile("/t1/k", "kernel data");
	f = filp_open("/t1/k", O_RDWR, 0);
	KEXPECT_FALSE(t, IS_ERR(f));
	KEXPECT_EQ(t, kernel_read(f, buf, 6, &pos), 6);
	KEXPECT_STREQ(t, buf, "kernel");
	KEXPECT_EQ(t, pos, 6);
	pos = 0;
	KEXPECT_EQ(t, kernel_write(f, "KERNEL", 6, &pos), 6);
	KEXPECT_EQ(t, filp_close(f), 0);
	/* Exec opens need x, not r. */
	sys_chmod("/t1/k", 0111);
	fs_test_set_ids(1000, 1000);
	KEXPECT_EQ(t, PTR_ERR(filp_open("/t1/k", O_RDONLY, 0)), -EACCES);
	f = filp_open_exec("/t1/k");
	KEXPECT_FALSE(t, IS_ERR(f));
	if (!IS_ERR(f)) {
		pos = 0;
		KEXPECT_EQ(t, kernel_read(f, buf, 11, &pos), 11);
		KEXPECT_STREQ(t, buf, "KERNEL data");
		fput(f);
	}
	fs_test_set_ids(0, 0);
	KEXPECT_EQ(t, PTR_ERR(filp_open_exec("/t1")), -EACCES);
	/* sendfile between two files, with and without an offset. */
	in = sys_open("/t1/k", O_RDONLY, 0);
	out = sys_open("/t1/k2", O_CREAT | O_RDWR, 0644);
	KEXPECT_EQ(t, sys_sendfile(out, in, NULL, 100), 11);
	off = 7;
	KEXPECT_EQ(t, sys_sendfile(out, in, &off, 2), 2);
	KEXPECT_EQ(t, off, 9);
	KEXPECT_EQ(t, file_size("/t1/k2"), 13);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_pread64(out, buf, sizeof(buf), 0), 13);
	KEXPECT_STREQ(t, buf, "KERNEL datada");
	sys_close(in);
	sys_close(out);
}

static void vfs_readv(struct ktest *t)
{
	static char a[4], b[8];	/* low address: access_ok() */
	struct iovec iov[2] = { { a, 3 }, { b, 7 } };
	long fd;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	mkfile("/t1/v", "abcdef");
	fd = sys_open("/t1/v", O_RDONLY, 0);
	KEXPECT_EQ(t, sys_readv(fd, iov, 2), 6);
	KEXPECT_STREQ(t, a, "abc");
	KEXPECT_STREQ(t, b, "def");
	KEXPECT_EQ(t, sys_readv(fd, iov, 1025), -EINVAL);
	sys_close(fd);
}

/* Everything a mount held comes back when it goes. */
static void vfs_umount_frees(struct ktest *t)
{
	unsigned long inodes, pages;
	char name[32];
	int i;

	sys_mkdir("/t1/u", 0755);
	inodes = inodes_nr_in_use();
	pages = nr_free_pages();
	KEXPECT_EQ(t, do_mount("none", "/t1/u", "tmpfs", 0, "size=1m,mode=0700"), 0);
	sys_mkdir("/t1/u/d", 0755);
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "/t1/u/d/f%d", i);
		mkfile(name, "some data to take a page");
	}
	sys_symlink("d/f1", "/t1/u/l");
	KEXPECT_TRUE(t, inodes_nr_in_use() > inodes + 20);
	KEXPECT_EQ(t, sys_umount2("/t1/u", 0), 0);
	KEXPECT_EQ(t, inodes_nr_in_use(), inodes);
	/* The slab keeps some pages cached; the page cache must give all back. */
	KEXPECT_TRUE(t, nr_free_pages() + 8 >= pages);
	KEXPECT_EQ(t, do_mount("none", "/t1/u", "tmpfs", 0, "bogus=1"), -EINVAL);
	KEXPECT_EQ(t, do_mount("none", "/t1/u", "nosuchfs", 0, NULL), -ENODEV);
}

/* tmpfs size=: writes beyond it fail with ENOSPC. */
static void vfs_tmpfs_limit(struct ktest *t)
{
	static char page[4096];
	long fd, n = 0, r;

	sys_mkdir("/t1/small", 0755);
	KEXPECT_EQ(t, do_mount("none", "/t1/small", "tmpfs", 0, "size=16k"), 0);
	fd = sys_open("/t1/small/f", O_CREAT | O_WRONLY, 0644);
	while ((r = sys_write(fd, page, sizeof(page))) > 0)
		n += r;
	KEXPECT_EQ(t, r, -ENOSPC);
	KEXPECT_EQ(t, n, 16384);
	sys_close(fd);
	KEXPECT_EQ(t, sys_umount2("/t1/small", 0), 0);
}


#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

static void vfs_utimes(struct ktest *t)
{
	struct __kernel_timespec ts[2] = { { 1000, 5 }, { 2000, 6 } };
	struct stat st;
	long mtime;

	mkfile("/t1/ut", NULL);
	KEXPECT_EQ(t, sys_utimensat(AT_FDCWD, "/t1/ut", ts, 0), 0);
	KEXPECT_EQ(t, sys_stat("/t1/ut", &st), 0);
	KEXPECT_EQ(t, st.st_atime, 1000);
	KEXPECT_EQ(t, st.st_atime_nsec, 5);
	KEXPECT_EQ(t, st.st_mtime, 2000);
	/* OMIT keeps a time, NOW sets it to the clock. */
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	KEXPECT_EQ(t, sys_utimensat(AT_FDCWD, "/t1/ut", ts, 0), 0);
	KEXPECT_EQ(t, sys_stat("/t1/ut", &st), 0);
	KEXPECT_EQ(t, st.st_atime, 1000);
	KEXPECT_TRUE(t, st.st_mtime > 1700000000);
	mtime = st.st_mtime;
	ts[0].tv_nsec = 1000000000;
	KEXPECT_EQ(t, sys_utimensat(AT_FDCWD, "/t1/ut", ts, 0), -EINVAL);
	KEXPECT_EQ(t, sys_utimensat(AT_FDCWD, "/t1/ut", NULL, 0x1), -EINVAL);
	/* Someone else: "now" needs write access, explicit times ownership. */
	sys_chmod("/t1/ut", 0666);
	fs_test_set_ids(1000, 1000);
	KEXPECT_EQ(t, sys_utimensat(AT_FDCWD, "/t1/ut", NULL, 0), 0);
	ts[0].tv_nsec = 0;
	ts[1].tv_nsec = 0;
	KEXPECT_EQ(t, sys_utimensat(AT_FDCWD, "/t1/ut", ts, 0), -EPERM);
	sys_chmod("/t1/ut", 0644);
	fs_test_set_ids(0, 0);
	sys_chmod("/t1/ut", 0644);
	fs_test_set_ids(1000, 1000);
	KEXPECT_EQ(t, sys_utimensat(AT_FDCWD, "/t1/ut", NULL, 0), -EACCES);
	fs_test_set_ids(0, 0);
	KEXPECT_EQ(t, sys_stat("/t1/ut", &st), 0);
	KEXPECT_TRUE(t, st.st_mtime >= mtime);
}

static void vfs_statfs_statx(struct ktest *t)
{
	struct statfs sf;
	struct statx sx;

	KEXPECT_EQ(t, sys_statfs("/t1", &sf), 0);
	KEXPECT_EQ(t, sf.f_type, TMPFS_MAGIC);
	KEXPECT_EQ(t, sf.f_bsize, PAGE_SIZE);
	KEXPECT_EQ(t, sf.f_namelen, 255);
	KEXPECT_EQ(t, sf.f_flags & 0x20, 0x20);		/* ST_VALID */
	KEXPECT_TRUE(t, sf.f_blocks > 0 && sf.f_bfree <= sf.f_blocks);
	KEXPECT_EQ(t, sys_statfs("/", &sf), 0);
	KEXPECT_EQ(t, sf.f_type, RAMFS_MAGIC);
	mkfile("/t1/sx", "12345678");
	memset(&sx, 0, sizeof(sx));
	KEXPECT_EQ(t, sys_statx(AT_FDCWD, "/t1/sx", 0, STATX_BASIC_STATS, &sx), 0);
	KEXPECT_EQ(t, sx.stx_size, 8);
	KEXPECT_EQ(t, sx.stx_mask & STATX_BASIC_STATS, STATX_BASIC_STATS);
	KEXPECT_EQ(t, sx.stx_mode, S_IFREG | 0644);
	KEXPECT_EQ(t, sx.stx_nlink, 1);
	KEXPECT_EQ(t, sys_statx(AT_FDCWD, "/t1/sx", AT_STATX_SYNC_TYPE, 0, &sx), -EINVAL);
	KEXPECT_EQ(t, sys_statx(AT_FDCWD, "/t1/sx", 0, STATX__RESERVED, &sx), -EINVAL);
}

/* lseek to a d_off resumes listing right after that entry. */
static void vfs_readdir_seek(struct ktest *t)
{
	static char buf[512];
	struct d64 { u64 ino; s64 off; unsigned short reclen; unsigned char type;
		     char name[]; } *d;
	s64 resume = 0;
	char name[32];
	long fd, n, off;
	int i, count = 0;

	sys_mkdir("/t1/rs", 0755);
	for (i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "/t1/rs/e%d", i);
		mkfile(name, NULL);
	}
	fd = sys_open("/t1/rs", O_RDONLY | O_DIRECTORY, 0);
	n = sys_getdents64(fd, buf, sizeof(buf));
	KEXPECT_TRUE(t, n > 0);
	for (off = 0; off < n; off += d->reclen) {
		d = (void *)(buf + off);
		if (!strcmp(d->name, "e2"))
			resume = d->off;
		count++;
	}
	KEXPECT_EQ(t, count, 7);
	KEXPECT_EQ(t, sys_lseek(fd, resume, SEEK_SET), resume);
	n = sys_getdents64(fd, buf, sizeof(buf));
	d = (void *)buf;
	KEXPECT_TRUE(t, n > 0);
	KEXPECT_STREQ(t, d->name, "e3");
	/* A new entry shows up at the end of a listing in progress. */
	sys_lseek(fd, resume, SEEK_SET);
	mkfile("/t1/rs/late", NULL);
	n = sys_getdents64(fd, buf, sizeof(buf));
	for (off = 0, count = 0; off < n; off += d->reclen, count++)
		d = (void *)(buf + off);
	KEXPECT_EQ(t, count, 3);
	KEXPECT_STREQ(t, d->name, "late");
	KEXPECT_EQ(t, sys_lseek(fd, 0, SEEK_END), -EINVAL);
	sys_close(fd);
}

static void vfs_misc_calls(struct ktest *t)
{
	static struct flock fl;
	static int n;
	loff_t in_off = 2;
	long fd, fd2;

	mkfile("/t1/misc", "0123456789");
	fd = sys_open("/t1/misc", O_RDWR, 0);
	sys_lseek(fd, 4, SEEK_SET);
	KEXPECT_EQ(t, sys_ioctl(fd, FIONREAD, (unsigned long)&n), 0);
	KEXPECT_EQ(t, n, 6);
	KEXPECT_EQ(t, sys_ioctl(fd, 0x5401 /* TCGETS */, 0), -ENOTTY);
	n = 1;
	KEXPECT_EQ(t, sys_ioctl(fd, FIONBIO, (unsigned long)&n), 0);
	KEXPECT_EQ(t, sys_fcntl(fd, F_GETFL, 0) & O_NONBLOCK, O_NONBLOCK);
	KEXPECT_EQ(t, sys_ioctl(fd, FIOCLEX, 0), 0);
	KEXPECT_EQ(t, sys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	/* Record locks never conflict. */
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	KEXPECT_EQ(t, sys_fcntl(fd, F_SETLK, (unsigned long)&fl), 0);
	KEXPECT_EQ(t, sys_fcntl(fd, F_GETLK, (unsigned long)&fl), 0);
	KEXPECT_EQ(t, fl.l_type, F_UNLCK);
	fl.l_type = 42;
	KEXPECT_EQ(t, sys_fcntl(fd, F_SETLK, (unsigned long)&fl), -EINVAL);
	KEXPECT_EQ(t, sys_fcntl(fd, 9999, 0), -EINVAL);
	/* copy_file_range with an input offset. */
	fd2 = sys_open("/t1/misc2", O_CREAT | O_RDWR, 0644);
	KEXPECT_EQ(t, sys_copy_file_range(fd, &in_off, fd2, NULL, 3, 0), 3);
	KEXPECT_EQ(t, in_off, 5);
	KEXPECT_EQ(t, sys_lseek(fd2, 0, SEEK_CUR), 3);
	KEXPECT_EQ(t, sys_copy_file_range(fd, NULL, fd2, NULL, 3, 1), -EINVAL);
	sys_close(fd2);
	sys_close(fd);
	/* O_PATH: a handle for *at() and fstat, not for I/O. */
	fd = sys_open("/t1/misc", O_PATH, 0);
	KEXPECT_TRUE(t, fd >= 0);
	{
		static char c;
		struct stat st;

		KEXPECT_EQ(t, sys_read(fd, &c, 1), -EBADF);
		KEXPECT_EQ(t, sys_fstat(fd, &st), 0);
		KEXPECT_EQ(t, st.st_size, 10);
		KEXPECT_EQ(t, sys_fchmod(fd, 0600), -EBADF);
		KEXPECT_EQ(t, sys_fcntl(fd, F_GETFL, 0), O_PATH);
	}
	sys_close(fd);
	KEXPECT_EQ(t, sys_faccessat2(AT_FDCWD, "/t1/misc", 2, AT_EACCESS), 0);
	KEXPECT_EQ(t, sys_faccessat2(AT_FDCWD, "/t1/misc", 2, 0x4), -EINVAL);
	KEXPECT_EQ(t, sys_access("/t1/misc", 8), -EINVAL);
}

/* Bind mounts, read-only remounts, and EROFS. */
static void vfs_mount_flags(struct ktest *t)
{
	struct stat st;

	sys_mkdir("/t1/mf", 0755);
	sys_mkdir("/t1/mf/src", 0755);
	mkfile("/t1/mf/src/f", "bound");
	sys_mkdir("/t1/mf/b", 0755);
	KEXPECT_EQ(t, sys_mount("/t1/mf/src", "/t1/mf/b", NULL, MS_BIND, NULL), 0);
	KEXPECT_EQ(t, file_size("/t1/mf/b/f"), 5);
	KEXPECT_EQ(t, sys_mount(NULL, "/t1/mf/b", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), 0);
	KEXPECT_EQ(t, mkfile("/t1/mf/b/new", NULL), -EROFS);
	KEXPECT_EQ(t, sys_open("/t1/mf/b/f", O_WRONLY, 0), -EROFS);
	KEXPECT_EQ(t, sys_unlink("/t1/mf/b/f"), -EROFS);
	KEXPECT_EQ(t, sys_mkdir("/t1/mf/b/f", 0755), -EEXIST);	/* EEXIST wins */
	KEXPECT_EQ(t, sys_access("/t1/mf/b/f", 2), -EROFS);
	/* The other view of the same file system stays writable. */
	KEXPECT_EQ(t, mkfile("/t1/mf/src/new", NULL), 0);
	KEXPECT_EQ(t, sys_stat("/t1/mf/b/new", &st), 0);
	KEXPECT_EQ(t, sys_umount2("/t1/mf/b", 0), 0);
	/* A whole read-only tmpfs. */
	KEXPECT_EQ(t, sys_mount("x", "/t1/mf/b", "tmpfs", MS_RDONLY, NULL), 0);
	KEXPECT_EQ(t, mkfile("/t1/mf/b/x", NULL), -EROFS);
	KEXPECT_EQ(t, sys_mount(NULL, "/t1/mf/b", NULL, MS_REMOUNT, NULL), 0);
	KEXPECT_EQ(t, mkfile("/t1/mf/b/x", NULL), 0);
	KEXPECT_EQ(t, sys_umount2("/t1/mf/b", MNT_DETACH), 0);
	KEXPECT_EQ(t, sys_stat("/t1/mf/b/x", &st), -ENOENT);
	fs_test_set_ids(1000, 1000);
	KEXPECT_EQ(t, sys_mount("x", "/t1/mf/b", "tmpfs", 0, NULL), -EPERM);
	fs_test_set_ids(0, 0);
}

/* A deleted file's name in /proc says so. */
static void vfs_d_path_deleted(struct ktest *t)
{
	static char buf[64];
	struct file *f;
	char *s;

	mkfile("/t1/gone", NULL);
	f = filp_open("/t1/gone", O_RDONLY, 0);
	sys_unlink("/t1/gone");
	s = d_path(&f->f_path, buf, sizeof(buf));
	KEXPECT_STREQ(t, s, "/t1/gone (deleted)");
	KEXPECT_EQ(t, PTR_ERR(d_path(&f->f_path, buf, 8)), -ENAMETOOLONG);
	fput(f);
}

static void vfs_tmpfile(struct ktest *t)
{
	struct stat st;
	long fd;

	sys_mkdir("/t1/tf", 0755);
	fd = sys_open("/t1/tf", O_TMPFILE | O_RDWR, 0600);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, sys_write(fd, "tmp", 3), 3);
	KEXPECT_EQ(t, sys_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.st_nlink, 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0600);
	KEXPECT_EQ(t, sys_linkat(fd, "", AT_FDCWD, "/t1/tf/named", AT_EMPTY_PATH), 0);
	KEXPECT_EQ(t, file_size("/t1/tf/named"), 3);
	sys_close(fd);
	KEXPECT_EQ(t, sys_open("/t1/tf", O_TMPFILE | O_RDONLY, 0600), -EINVAL);
	KEXPECT_EQ(t, sys_open("/t1/tf/named", O_TMPFILE | O_RDWR, 0600), -ENOTDIR);
	fd = sys_open("/t1/tf", O_TMPFILE | O_RDWR | O_EXCL, 0600);
	KEXPECT_EQ(t, sys_linkat(fd, "", AT_FDCWD, "/t1/tf/never", AT_EMPTY_PATH), -ENOENT);
	sys_close(fd);
	KEXPECT_EQ(t, sys_open("/t1/tf/nodir", O_TMPFILE | O_RDWR, 0600), -ENOENT);
}

/* Writes and truncation drop set-user-ID, unless root does them. */
static void vfs_kill_suid(struct ktest *t)
{
	struct stat st;
	long fd;

	mkfile("/t1/suid", "x");
	sys_chmod("/t1/suid", 06777);
	KEXPECT_EQ(t, sys_truncate("/t1/suid", 0), 0);
	KEXPECT_EQ(t, sys_stat("/t1/suid", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 06777);
	fs_test_set_ids(1000, 1000);
	KEXPECT_EQ(t, sys_truncate("/t1/suid", 1), 0);
	KEXPECT_EQ(t, sys_stat("/t1/suid", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0777);
	fs_test_set_ids(0, 0);
	sys_chmod("/t1/suid", 06777);
	fs_test_set_ids(1000, 1000);
	fd = sys_open("/t1/suid", O_WRONLY, 0);
	KEXPECT_EQ(t, sys_write(fd, "y", 1), 1);
	sys_close(fd);
	KEXPECT_EQ(t, sys_stat("/t1/suid", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0777);
	fs_test_set_ids(0, 0);
	sys_chmod("/t1/suid", 04755);
	KEXPECT_EQ(t, sys_chown("/t1/suid", 1, 1), 0);
	KEXPECT_EQ(t, sys_stat("/t1/suid", &st), 0);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0755);	/* chown drops it even for root */
}

static const struct ktest_case cases[] = {
	KTEST_CASE(vfs_path_walk),
	KTEST_CASE(vfs_name_limits),
	KTEST_CASE(vfs_symlink_limit),
	KTEST_CASE(vfs_mount_crossing),
	KTEST_CASE(vfs_file_io),
	KTEST_CASE(vfs_readdir_unlink),
	KTEST_CASE(vfs_errno_table),
	KTEST_CASE(vfs_creat_through_dangling),
	KTEST_CASE(vfs_renames),
	KTEST_CASE(vfs_fd_table),
	KTEST_CASE(vfs_permissions),
	KTEST_CASE(vfs_devtmpfs_chrdev),
	KTEST_CASE(vfs_cwd_root),
	KTEST_CASE(vfs_stat_links),
	KTEST_CASE(vfs_kernel_io),
	KTEST_CASE(vfs_readv),
	KTEST_CASE(vfs_umount_frees),
	KTEST_CASE(vfs_tmpfs_limit),
	KTEST_CASE(vfs_utimes),
	KTEST_CASE(vfs_statfs_statx),
	KTEST_CASE(vfs_readdir_seek),
	KTEST_CASE(vfs_misc_calls),
	KTEST_CASE(vfs_mount_flags),
	KTEST_CASE(vfs_d_path_deleted),
	KTEST_CASE(vfs_tmpfile),
	KTEST_CASE(vfs_kill_suid),
	{}
};
KTEST_SUITE_INIT(fs_vfs, cases, fs_vfs_setup);
