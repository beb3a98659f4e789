/*
 * file_test - files and directories on the root file system: create,
 * read, write, seek, stat, rename, unlink, mkdir/rmdir, getdents64,
 * symlinks, hard links, truncate, chmod, open flags, and the errno of each
 * usual mistake.  Every case runs in its own fresh directory (gtest.c).
 * Only what every file system agrees on is printed: no inode numbers,
 * times, block counts or directory sizes.
 */
#include "gtest.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int make_file(const char *name, const char *text)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long n = strlen(text);

	if (fd < 0 || write(fd, text, n) != n) {
		fail("make_file %s: %s", name, errname(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return close(fd);
}

/* The whole content of a small file, or "<errno name>". */
static const char *slurp(const char *name)
{
	static char buf[256];
	int fd = open(name, O_RDONLY);
	long n;

	if (fd < 0)
		return errname(errno);
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n < 0 ? 0 : n] = '\0';
	return buf;
}

static const char *type_of(mode_t m)
{
	return S_ISREG(m) ? "regular" : S_ISDIR(m) ? "directory" :
	       S_ISLNK(m) ? "symlink" : S_ISFIFO(m) ? "fifo" : "other";
}

static void show_stat(const char *name)
{
	struct stat st;

	if (lstat(name, &st)) {
		note("lstat %s: %s", name, errname(errno));
		return;
	}
	/* Directory sizes and link counts differ between file systems. */
	if (S_ISDIR(st.st_mode))
		note("%s: directory, mode %04o", name, st.st_mode & 07777);
	else
		note("%s: %s, mode %04o, nlink %lu, size %ld", name,
		     type_of(st.st_mode), st.st_mode & 07777,
		     (unsigned long)st.st_nlink, (long)st.st_size);
}

static void test_create_rw(void)
{
	char buf[64] = "";
	int fd;

	fd = T_OK(creat("f", 0644));
	T_EQ(write(fd, "hello world", 11), 11);
	T_ERR(read(fd, buf, 5), EBADF);		/* creat is write-only */
	T_EQ(close(fd), 0);
	T_ERR(close(fd), EBADF);
	fd = T_OK(open("f", O_RDONLY));
	T_EQ(read(fd, buf, sizeof(buf)), 11);
	note("read \"%s\"", buf);
	T_EQ(read(fd, buf, sizeof(buf)), 0);
	T_ERR(write(fd, "x", 1), EBADF);
	close(fd);
	fd = T_OK(open("f", O_RDWR));
	T_EQ(write(fd, "HE", 2), 2);
	close(fd);
	note("content now \"%s\"", slurp("f"));
}

static void test_lseek_pread(void)
{
	char buf[16] = "";
	int fd;

	if (make_file("f", "0123456789") || (fd = T_OK(open("f", O_RDWR))) < 0)
		return;
	T_EQ(lseek(fd, 4, SEEK_SET), 4);
	T_EQ(read(fd, buf, 3), 3);
	note("read at 4: \"%s\"", buf);
	T_EQ(lseek(fd, 0, SEEK_CUR), 7);
	T_EQ(lseek(fd, -2, SEEK_CUR), 5);
	T_EQ(lseek(fd, -1, SEEK_END), 9);
	T_EQ(lseek(fd, 0, SEEK_END), 10);
	T_ERR(lseek(fd, -20, SEEK_CUR), EINVAL);
	T_ERR(lseek(fd, 0, 99), EINVAL);
	memset(buf, 0, sizeof(buf));
	T_EQ(pread(fd, buf, 4, 2), 4);
	note("pread at 2: \"%s\"", buf);
	T_EQ(lseek(fd, 0, SEEK_CUR), 10);	/* pread leaves the offset */
	T_EQ(pwrite(fd, "ab", 2, 8), 2);
	T_EQ(pread(fd, buf, 4, 100), 0);
	T_ERR(pread(fd, buf, 4, -1), EINVAL);
	close(fd);
	note("content now \"%s\"", slurp("f"));
}

static void test_stat(void)
{
	struct stat a, b;
	int fd;

	if (make_file("f", "twelve bytes"))
		return;
	T_EQ(stat("f", &a), 0);
	fd = open("f", O_RDONLY);
	T_EQ(fstat(fd, &b), 0);
	close(fd);
	show_stat("f");
	T_TRUE(a.st_ino == b.st_ino && a.st_dev == b.st_dev,
	       "stat and fstat name the same inode");
	T_TRUE(a.st_size == 12 && b.st_size == 12, "size is 12");
	T_TRUE(a.st_uid == getuid() && a.st_gid == getgid(), "owned by us");
	T_EQ(mkdir("d", 0755), 0);
	show_stat("d");
	show_stat(".");
	T_EQ(stat("d", &a), 0);
	T_TRUE(S_ISDIR(a.st_mode), "d is a directory");
	T_ERR(stat("missing", &a), ENOENT);
	T_ERR(stat("f/x", &a), ENOTDIR);
	T_ERR(stat("", &a), ENOENT);
	T_ERR(fstat(99, &a), EBADF);
}

static void test_rename(void)
{
	if (make_file("a", "A") || make_file("b", "B"))
		return;
	T_EQ(rename("a", "c"), 0);
	note("a: %s, c: \"%s\"", slurp("a"), slurp("c"));
	T_EQ(rename("c", "b"), 0);		/* replaces b */
	note("b: \"%s\", c: %s", slurp("b"), slurp("c"));
	T_ERR(rename("missing", "x"), ENOENT);
	T_EQ(mkdir("d", 0755), 0);
	T_EQ(mkdir("d/sub", 0755), 0);
	T_ERR(rename("d", "d/sub/d"), EINVAL);
	T_ERR(rename("b", "d"), EISDIR);
	T_ERR(rename("d", "b"), ENOTDIR);
	T_EQ(rename("b", "d/b"), 0);
	note("d/b: \"%s\"", slurp("d/b"));
	T_EQ(rename("d", "e"), 0);
	note("e/b: \"%s\"", slurp("e/b"));
	T_EQ(rename("e/b", "e/b"), 0);
}

static void test_unlink(void)
{
	struct stat st;

	if (make_file("f", "x"))
		return;
	T_EQ(unlink("f"), 0);
	T_ERR(stat("f", &st), ENOENT);
	T_ERR(unlink("f"), ENOENT);
	T_EQ(mkdir("d", 0755), 0);
	T_ERR(unlink("d"), EISDIR);
	T_ERR(unlink("d/none/x"), ENOENT);
}

static void test_mkdir_rmdir(void)
{
	struct stat st;

	T_EQ(mkdir("d", 0755), 0);
	T_ERR(mkdir("d", 0755), EEXIST);
	T_EQ(mkdir("d/e", 0700), 0);
	show_stat("d/e");
	T_ERR(rmdir("d"), ENOTEMPTY);
	T_ERR(mkdir("x/y", 0755), ENOENT);
	if (make_file("f", "x"))
		return;
	T_ERR(mkdir("f", 0755), EEXIST);
	T_ERR(rmdir("f"), ENOTDIR);
	T_ERR(mkdir("f/g", 0755), ENOTDIR);
	T_EQ(rmdir("d/e"), 0);
	T_EQ(rmdir("d"), 0);
	T_ERR(stat("d", &st), ENOENT);
	T_ERR(rmdir("d"), ENOENT);
	T_ERR(rmdir("."), EINVAL);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *dtype(unsigned char t)
{
	return t == DT_REG ? "reg" : t == DT_DIR ? "dir" : t == DT_LNK ? "lnk" :
	       t == DT_UNKNOWN ? "unknown" : "other";
}

/* Read a directory with a small getdents64 buffer; print sorted entries. */
static void test_getdents64(void)
{
	static char names[64][280], *sorted[64];
	char buf[1024] __attribute__((aligned(8))), name[16];
	int fd, i, n = 0, calls = 0;
	long r, off;

	T_EQ(mkdir("d", 0755), 0);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "d/file%02d", i);
		if (make_file(name, "x"))
			return;
	}
	T_EQ(mkdir("d/sub", 0755), 0);
	T_EQ(symlink("file00", "d/link"), 0);
	fd = T_OK(open("d", O_RDONLY | O_DIRECTORY));
	while ((r = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		calls++;
		for (off = 0; off < r && n < 64; n++) {
			struct dirent64 *d = (struct dirent64 *)(buf + off);

			snprintf(names[n], sizeof(names[n]), "%s %s",
				 d->d_name, dtype(d->d_type));
			sorted[n] = names[n];
			off += d->d_reclen;
		}
	}
	note("last getdents64 = %ld, more than one call: %s", r,
	     calls > 1 ? "yes" : "no");
	qsort(sorted, n, sizeof(sorted[0]), cmp_str);
	note("%d entries:", n);
	for (i = 0; i < n; i++)
		note("  %s", sorted[i]);
	T_EQ(n, 44);
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_TRUE(syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0,
	       "rewound directory reads again");
	T_ERR(syscall(SYS_getdents64, fd, buf, 10), EINVAL);
	close(fd);
	fd = open("d/file00", O_RDONLY);
	T_ERR(syscall(SYS_getdents64, fd, buf, sizeof(buf)), ENOTDIR);
	close(fd);
	T_ERR(syscall(SYS_getdents64, 99, buf, sizeof(buf)), EBADF);
}

static void test_symlink(void)
{
	char buf[64];
	struct stat st;

	if (make_file("target", "data"))
		return;
	T_EQ(symlink("target", "l"), 0);
	show_stat("l");
	memset(buf, 0, sizeof(buf));
	T_EQ(readlink("l", buf, sizeof(buf)), 6);
	note("readlink: \"%s\"", buf);
	memset(buf, 0, sizeof(buf));
	T_EQ(readlink("l", buf, 3), 3);
	note("readlink with a 3-byte buffer: \"%s\"", buf);
	note("read through the link: \"%s\"", slurp("l"));
	T_EQ(stat("l", &st), 0);
	T_TRUE(S_ISREG(st.st_mode) && st.st_size == 4, "stat follows the link");
	T_ERR(readlink("target", buf, sizeof(buf)), EINVAL);
	T_ERR(symlink("x", "l"), EEXIST);
	T_EQ(symlink("nowhere", "dangling"), 0);
	note("open through a dangling link: %s", slurp("dangling"));
	T_EQ(symlink("loop2", "loop1"), 0);
	T_EQ(symlink("loop1", "loop2"), 0);
	T_ERR(open("loop1", O_RDONLY), ELOOP);
	T_ERR(open("l", O_RDONLY | O_NOFOLLOW), ELOOP);
	T_EQ(mkdir("d", 0755), 0);
	T_EQ(symlink("d", "dl"), 0);
	T_EQ(make_file("dl/inside", "via link"), 0);
	note("d/inside: \"%s\"", slurp("d/inside"));
	T_EQ(unlink("l"), 0);
	note("target after unlinking the link: \"%s\"", slurp("target"));
}

static void test_link(void)
{
	struct stat a, b;

	if (make_file("a", "shared"))
		return;
	T_EQ(link("a", "b"), 0);
	T_EQ(stat("a", &a), 0);
	T_EQ(stat("b", &b), 0);
	T_TRUE(a.st_ino == b.st_ino, "both names are one inode");
	show_stat("a");
	T_EQ(unlink("a"), 0);
	show_stat("b");
	note("b: \"%s\"", slurp("b"));
	T_ERR(link("b", "b"), EEXIST);
	T_ERR(link("missing", "c"), ENOENT);
	T_EQ(mkdir("d", 0755), 0);
	T_ERR(link("d", "d2"), EPERM);
}

static void test_truncate(void)
{
	char buf[200];
	int fd, i, zero = 1;

	if (make_file("f", "0123456789"))
		return;
	T_EQ(truncate("f", 5), 0);
	show_stat("f");
	note("content \"%s\"", slurp("f"));
	T_EQ(truncate("f", 100), 0);
	show_stat("f");
	fd = open("f", O_RDWR);
	T_EQ(read(fd, buf, sizeof(buf)), 100);
	for (i = 5; i < 100; i++)
		zero &= buf[i] == 0;
	T_TRUE(zero, "the extension reads as zeroes");
	T_EQ(ftruncate(fd, 2), 0);
	show_stat("f");
	T_ERR(ftruncate(fd, -1), EINVAL);
	close(fd);
	fd = open("f", O_RDONLY);
	T_ERR(ftruncate(fd, 0), EINVAL);
	close(fd);
	T_ERR(truncate("missing", 0), ENOENT);
	T_EQ(mkdir("d", 0755), 0);
	T_ERR(truncate("d", 0), EISDIR);
}

static void test_chmod(void)
{
	int fd;

	if (make_file("f", "x"))
		return;
	T_EQ(chmod("f", 0600), 0);
	show_stat("f");
	T_EQ(chmod("f", 04755), 0);
	show_stat("f");
	fd = open("f", O_RDONLY);
	T_EQ(fchmod(fd, 0640), 0);
	close(fd);
	show_stat("f");
	T_EQ(mkdir("d", 0755), 0);
	T_EQ(chmod("d", 0700), 0);
	show_stat("d");
	T_ERR(chmod("missing", 0644), ENOENT);
	umask(077);
	T_EQ(make_file("g", "x"), 0);
	show_stat("g");
	umask(022);
}

static void test_open_flags(void)
{
	char buf[32] = "";
	int fd;

	if (make_file("f", "abc"))
		return;
	T_ERR(open("f", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
	fd = T_OK(open("f", O_WRONLY | O_APPEND));
	T_EQ(lseek(fd, 0, SEEK_SET), 0);
	T_EQ(write(fd, "de", 2), 2);		/* O_APPEND ignores the offset */
	close(fd);
	note("after O_APPEND: \"%s\"", slurp("f"));
	fd = T_OK(open("f", O_WRONLY | O_TRUNC));
	close(fd);
	show_stat("f");
	T_ERR(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
	T_ERR(open("missing", O_RDONLY), ENOENT);
	T_EQ(mkdir("d", 0755), 0);
	T_ERR(open("d", O_WRONLY), EISDIR);
	T_ERR(open("d", O_RDWR), EISDIR);
	fd = T_OK(open("d", O_RDONLY));
	T_ERR(read(fd, buf, sizeof(buf)), EISDIR);
	close(fd);
	T_ERR(open("d/", O_CREAT | O_WRONLY, 0644), EISDIR);
	T_ERR(open("f/", O_RDONLY), ENOTDIR);
	fd = T_OK(open("new", O_CREAT | O_EXCL | O_RDWR, 0640));
	close(fd);
	show_stat("new");
}

static void test_unlinked_open(void)
{
	struct stat st;
	char buf[16] = "";
	int fd;

	if (make_file("f", "still here"))
		return;
	fd = T_OK(open("f", O_RDWR));
	T_EQ(unlink("f"), 0);
	T_ERR(stat("f", &st), ENOENT);
	T_EQ(read(fd, buf, sizeof(buf) - 1), 10);
	note("read after unlink: \"%s\"", buf);
	T_EQ(write(fd, "!", 1), 1);
	T_EQ(fstat(fd, &st), 0);
	note("fstat after unlink: nlink %lu, size %ld",
	     (unsigned long)st.st_nlink, (long)st.st_size);
	close(fd);
}

static void test_cwd(void)
{
	char buf[PATH_MAX], *s;
	int fd;

	T_EQ(mkdir("sub", 0755), 0);
	T_EQ(chdir("sub"), 0);
	T_TRUE(getcwd(buf, sizeof(buf)) != NULL, "getcwd works");
	s = strrchr(buf, '/');
	note("cwd ends in \"%s\"", s ? s : buf);
	T_EQ(make_file("here", "x"), 0);
	T_EQ(chdir(".."), 0);
	note("sub/here: \"%s\"", slurp("sub/here"));
	T_ERR(chdir("missing"), ENOENT);
	T_ERR(chdir("sub/here"), ENOTDIR);
	T_ERR(syscall(SYS_getcwd, buf, 1), ERANGE);
	fd = open("sub", O_RDONLY | O_DIRECTORY);
	T_EQ(fchdir(fd), 0);
	close(fd);
	note("after fchdir: here is \"%s\"", slurp("here"));
}

/* 1 MiB of data at scattered offsets with holes between. */
static void test_large_sparse(void)
{
	static unsigned char buf[65536];
	long i, j, bad = 0, holes = 0;
	struct stat st;
	int fd;

	fd = T_OK(open("big", O_RDWR | O_CREAT | O_TRUNC, 0644));
	if (fd < 0)
		return;
	for (i = 0; i < 16; i++) {
		for (j = 0; j < (long)sizeof(buf); j++)
			buf[j] = (unsigned char)(i + j * 3);
		if (pwrite(fd, buf, sizeof(buf), i * 3 * 65536) != sizeof(buf))
			fail("pwrite %ld: %s", i, errname(errno));
	}
	T_EQ(fstat(fd, &st), 0);
	note("size %ld", (long)st.st_size);
	for (i = 0; i < 46; i++) {
		if (pread(fd, buf, sizeof(buf), i * 65536) != sizeof(buf)) {
			fail("pread %ld: %s", i, errname(errno));
			break;
		}
		for (j = 0; j < (long)sizeof(buf); j++) {
			if (i % 3)
				holes += buf[j] != 0;
			else
				bad += buf[j] != (unsigned char)(i / 3 + j * 3);
		}
	}
	note("%ld wrong data bytes, %ld non-zero hole bytes", bad, holes);
	T_TRUE(bad == 0 && holes == 0, "data and holes read back");
	close(fd);
}

/*
 * /proc/self/fd/N names the open file itself: it opens the same file (a
 * pipe too, without waiting for a partner), and readlink shows its path.
 */
static void test_proc_fd(void)
{
	char path[64], link[PATH_MAX], buf[16];
	int fd, again, p[2];
	ssize_t n;
	char *base;

	fd = open("pfd.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	T_EQ(write(fd, "through proc", 12), 12);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof(link) - 1);
	T_TRUE(n > 0, "readlink of the fd link");
	link[n > 0 ? n : 0] = '\0';
	base = strrchr(link, '/');
	note("it names: %s", base ? base + 1 : link);
	again = open(path, O_RDONLY);
	T_TRUE(again >= 0, "open through the fd link");
	memset(buf, 0, sizeof(buf));
	T_EQ(read(again, buf, 12), 12);
	note("read back: %s", buf);
	close(again);
	close(fd);

	T_EQ(pipe(p), 0);
	T_EQ(write(p[1], "pipe", 4), 4);
	close(p[1]);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	again = open(path, O_RDONLY);
	T_TRUE(again >= 0, "open a pipe through its fd link (writer gone)");
	memset(buf, 0, sizeof(buf));
	T_EQ(read(again, buf, sizeof(buf)), 4);
	note("from the pipe: %s", buf);
	close(again);
	close(p[0]);
	T_ERR(open("/proc/self/fd/999", O_RDONLY), ENOENT);
}

static const struct gtest_case cases[] = {
	{ "create_rw", test_create_rw },
	{ "proc_fd", test_proc_fd },
	{ "lseek_pread", test_lseek_pread },
	{ "stat", test_stat },
	{ "rename", test_rename },
	{ "unlink", test_unlink },
	{ "mkdir_rmdir", test_mkdir_rmdir },
	{ "getdents64", test_getdents64 },
	{ "symlink", test_symlink },
	{ "link", test_link },
	{ "truncate", test_truncate },
	{ "chmod", test_chmod },
	{ "open_flags", test_open_flags },
	{ "unlinked_open", test_unlinked_open },
	{ "cwd", test_cwd },
	{ "large_sparse", test_large_sparse },
};
GTEST_MAIN(cases)
