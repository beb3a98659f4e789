// SPDX-License-Identifier: GPL-2.0
/*
 * fs/hostfs/hostfs_user.c against a scratch directory on the host.  The
 * expected results are what Linux does for the same calls (lstat never
 * follows the last link, O_NOFOLLOW gives ELOOP, renameat2 flags, ...).
 */
#include "ktest.h"
#include "../../fs/hostfs/hostfs.h"
#include <linux/stat.h>
#include <linux/fs.h>
#include <linux/limits.h>

/* tests/unit/hostfs_scratch_user.c */
const char *scratch_dir(void);
int scratch_put(const char *path, const char *data);
long scratch_get(const char *path, char *buf, unsigned long len);
int scratch_exists(const char *path);
unsigned int scratch_umask(void);
int scratch_is_root(void);

#define DT_DIR	4
#define DT_REG	8
#define DT_LNK	10

/* Build a scratch path in one of a few rotating buffers. */
static const char *P(const char *name)
{
	static char bufs[4][PATH_MAX];
	static int next;
	char *b = bufs[next++ & 3];

	snprintf(b, PATH_MAX, "%s/%s", scratch_dir(), name);
	return b;
}

static void user_lstat_types(struct ktest *t)
{
	static const struct {
		const char *name;
		unsigned int type;
	} cases[] = {
		{ "ls_file", S_IFREG }, { "ls_dir", S_IFDIR },
		{ "ls_link", S_IFLNK }, { "ls_fifo", S_IFIFO },
	};
	struct hostfs_stat st;
	unsigned int i;

	KEXPECT_EQ(t, scratch_put(P("ls_file"), "12345"), 0);
	KEXPECT_EQ(t, hostfs_user_mkdir(P("ls_dir"), 0755), 0);
	KEXPECT_EQ(t, hostfs_user_symlink("ls_file", P("ls_link")), 0);
	KEXPECT_EQ(t, hostfs_user_mknod(P("ls_fifo"), S_IFIFO | 0600, 0, 0), 0);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memset(&st, 0, sizeof(st));
		KEXPECT_EQ(t, hostfs_user_lstat(P(cases[i].name), &st), 0);
		if ((st.mode & S_IFMT) != cases[i].type)
			ktest_fail(t, __FILE__, __LINE__, "%s: mode %o", cases[i].name, st.mode);
	}
	KEXPECT_EQ(t, hostfs_user_lstat(P("ls_file"), &st), 0);
	KEXPECT_EQ(t, st.size, 5);
	KEXPECT_EQ(t, st.nlink, 1);
	KEXPECT_NE(t, st.ino, 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("ls_link"), &st), 0);
	KEXPECT_EQ(t, st.size, 7);		/* strlen("ls_file") */
	KEXPECT_EQ(t, hostfs_user_lstat(P("no_such"), &st), -ENOENT);
	KEXPECT_EQ(t, hostfs_user_lstat(P("ls_file/x"), &st), -ENOTDIR);
}

static void user_open_nofollow(struct ktest *t)
{
	int fd;

	KEXPECT_EQ(t, scratch_put(P("nf_target"), "x"), 0);
	KEXPECT_EQ(t, hostfs_user_symlink("nf_target", P("nf_link")), 0);
	KEXPECT_EQ(t, hostfs_user_open(P("nf_link"), HOSTFS_OPEN_READ), -ELOOP);
	KEXPECT_EQ(t, hostfs_user_opendir(P("nf_link")), -ENOTDIR);
	KEXPECT_EQ(t, hostfs_user_open(P("nf_missing"), HOSTFS_OPEN_READ), -ENOENT);
	fd = hostfs_user_open(P("nf_target"), HOSTFS_OPEN_READ);
	KEXPECT_TRUE(t, fd >= 0);
	if (fd >= 0)
		KEXPECT_EQ(t, hostfs_user_close(fd), 0);
	KEXPECT_EQ(t, hostfs_user_opendir(P("nf_target")), -ENOTDIR);
}

static void user_read_write(struct ktest *t)
{
	struct hostfs_stat st;
	char buf[64];
	int fd;

	KEXPECT_EQ(t, hostfs_user_create(P("rw"), 0644), 0);
	fd = hostfs_user_open(P("rw"), HOSTFS_OPEN_READ | HOSTFS_OPEN_WRITE);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, hostfs_user_pwrite(fd, "hello world", 11, 0), 11);
	KEXPECT_EQ(t, hostfs_user_pwrite(fd, "W", 1, 6), 1);
	KEXPECT_EQ(t, hostfs_user_pwrite(fd, "!", 1, 20), 1);	/* leaves a hole */
	memset(buf, 'z', sizeof(buf));
	KEXPECT_EQ(t, hostfs_user_pread(fd, buf, sizeof(buf), 0), 21);
	KEXPECT_EQ(t, memcmp(buf, "hello World", 11), 0);
	KEXPECT_EQ(t, buf[15], 0);
	KEXPECT_EQ(t, buf[20], '!');
	KEXPECT_EQ(t, hostfs_user_pread(fd, buf, sizeof(buf), 100), 0);
	KEXPECT_EQ(t, hostfs_user_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.size, 21);
	KEXPECT_EQ(t, hostfs_user_fsync(fd, 0), 0);
	KEXPECT_EQ(t, hostfs_user_fsync(fd, 1), 0);
	KEXPECT_EQ(t, hostfs_user_ftruncate(fd, 5), 0);
	KEXPECT_EQ(t, hostfs_user_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.size, 5);
	hostfs_user_close(fd);

	fd = hostfs_user_open(P("rw"), HOSTFS_OPEN_READ);
	KEXPECT_EQ(t, hostfs_user_pwrite(fd, "x", 1, 0), -EBADF);
	hostfs_user_close(fd);
	KEXPECT_EQ(t, hostfs_user_pread(fd, buf, 1, 0), -EBADF);
}

static void user_open_append_trunc(struct ktest *t)
{
	char buf[64];
	int fd;

	KEXPECT_EQ(t, scratch_put(P("ap"), "abc"), 0);
	fd = hostfs_user_open(P("ap"), HOSTFS_OPEN_WRITE | HOSTFS_OPEN_APPEND);
	KEXPECT_TRUE(t, fd >= 0);
	/* The host appends whatever offset pwrite is given. */
	KEXPECT_EQ(t, hostfs_user_pwrite(fd, "def", 3, 0), 3);
	hostfs_user_close(fd);
	KEXPECT_EQ(t, scratch_get(P("ap"), buf, sizeof(buf)), 6);
	KEXPECT_STREQ(t, buf, "abcdef");

	fd = hostfs_user_open(P("ap"), HOSTFS_OPEN_WRITE | HOSTFS_OPEN_TRUNC);
	KEXPECT_TRUE(t, fd >= 0);
	hostfs_user_close(fd);
	KEXPECT_EQ(t, scratch_get(P("ap"), buf, sizeof(buf)), 0);
}

/* List a directory through getdents; return how many of names[] were seen. */
static int count_entries(struct ktest *t, int fd, const char *const *names, int n,
			 long long *mid)
{
	static char buf[256];	/* small: forces several calls */
	long got, off;
	int seen = 0, records = 0, i;

	for (;;) {
		got = hostfs_user_getdents(fd, buf, sizeof(buf));
		if (got <= 0) {
			KEXPECT_EQ(t, got, 0);
			break;
		}
		for (off = 0; off < got;) {
			struct hostfs_dirent *de = (struct hostfs_dirent *)(buf + off);

			for (i = 0; i < n; i++)
				if (!strcmp(de->name, names[i])) {
					seen++;
					KEXPECT_EQ(t, de->type, DT_REG);
				}
			if (!strcmp(de->name, "."))
				KEXPECT_EQ(t, de->type, DT_DIR);
			if (++records == 3 && mid)
				*mid = de->off;
			KEXPECT_TRUE(t, de->reclen >= 20 && de->reclen <= 256);
			off += de->reclen;
		}
	}
	return seen;
}

static void user_getdents(struct ktest *t)
{
	static const char *const names[] = {
		"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9",
		"a_rather_long_file_name_that_takes_a_bigger_record_0",
		"a_rather_long_file_name_that_takes_a_bigger_record_1",
	};
	char name[64];
	long long mid = -1;
	unsigned int i;
	int fd, first;

	KEXPECT_EQ(t, hostfs_user_mkdir(P("gd"), 0755), 0);
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		snprintf(name, sizeof(name), "gd/%s", names[i]);
		KEXPECT_EQ(t, hostfs_user_create(P(name), 0644), 0);
	}
	fd = hostfs_user_opendir(P("gd"));
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, count_entries(t, fd, names, ARRAY_SIZE(names), &mid),
		   ARRAY_SIZE(names));
	/* Back to the start, then to the cookie after the third record. */
	KEXPECT_EQ(t, hostfs_user_seekdir(fd, 0), 0);
	KEXPECT_EQ(t, count_entries(t, fd, names, ARRAY_SIZE(names), NULL),
		   ARRAY_SIZE(names));
	KEXPECT_NE(t, mid, -1);
	KEXPECT_EQ(t, hostfs_user_seekdir(fd, mid), 0);
	first = count_entries(t, fd, names, ARRAY_SIZE(names), NULL);
	/* 14 records (with . and ..) less the first three. */
	KEXPECT_TRUE(t, first >= (int)ARRAY_SIZE(names) - 3 &&
		     first < (int)ARRAY_SIZE(names));
	hostfs_user_close(fd);
}

static void user_create_modes(struct ktest *t)
{
	static const unsigned int modes[] = { 0644, 0600, 0777, 0400, 04755 };
	unsigned int mask = scratch_umask(), i;
	struct hostfs_stat st;
	char name[32];

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		snprintf(name, sizeof(name), "cm%u", i);
		KEXPECT_EQ(t, hostfs_user_create(P(name), modes[i]), 0);
		KEXPECT_EQ(t, hostfs_user_lstat(P(name), &st), 0);
		KEXPECT_EQ(t, st.mode, S_IFREG | (modes[i] & ~mask));
		KEXPECT_EQ(t, st.size, 0);
		KEXPECT_EQ(t, hostfs_user_create(P(name), modes[i]), -EEXIST);
	}
	KEXPECT_EQ(t, hostfs_user_create(P("cm_missing/x"), 0644), -ENOENT);
	KEXPECT_EQ(t, hostfs_user_mkdir(P("cm_dir"), 0700), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("cm_dir"), &st), 0);
	KEXPECT_EQ(t, st.mode, S_IFDIR | (0700 & ~mask));
	KEXPECT_EQ(t, hostfs_user_mkdir(P("cm_dir"), 0700), -EEXIST);
}

static void user_remove(struct ktest *t)
{
	KEXPECT_EQ(t, hostfs_user_mkdir(P("rm_dir"), 0755), 0);
	KEXPECT_EQ(t, scratch_put(P("rm_dir/f"), "x"), 0);
	KEXPECT_EQ(t, hostfs_user_rmdir(P("rm_dir")), -ENOTEMPTY);
	KEXPECT_EQ(t, hostfs_user_unlink(P("rm_dir")), -EISDIR);
	KEXPECT_EQ(t, hostfs_user_rmdir(P("rm_dir/f")), -ENOTDIR);
	KEXPECT_EQ(t, hostfs_user_unlink(P("rm_dir/f")), 0);
	KEXPECT_FALSE(t, scratch_exists(P("rm_dir/f")));
	KEXPECT_EQ(t, hostfs_user_unlink(P("rm_dir/f")), -ENOENT);
	KEXPECT_EQ(t, hostfs_user_rmdir(P("rm_dir")), 0);
	KEXPECT_FALSE(t, scratch_exists(P("rm_dir")));
}

static void user_rename_flags(struct ktest *t)
{
	char buf[16];

	KEXPECT_EQ(t, scratch_put(P("rn_a"), "A"), 0);
	KEXPECT_EQ(t, scratch_put(P("rn_b"), "B"), 0);
	KEXPECT_EQ(t, hostfs_user_rename(P("rn_a"), P("rn_b"), RENAME_NOREPLACE), -EEXIST);
	KEXPECT_EQ(t, hostfs_user_rename(P("rn_a"), P("rn_b"), RENAME_EXCHANGE), 0);
	KEXPECT_EQ(t, scratch_get(P("rn_a"), buf, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "B");
	KEXPECT_EQ(t, hostfs_user_rename(P("rn_a"), P("rn_c"), RENAME_EXCHANGE), -ENOENT);
	KEXPECT_EQ(t, hostfs_user_rename(P("rn_a"), P("rn_c"), RENAME_NOREPLACE), 0);
	KEXPECT_EQ(t, hostfs_user_rename(P("rn_c"), P("rn_b"), 0), 0);
	KEXPECT_EQ(t, scratch_get(P("rn_b"), buf, sizeof(buf)), 1);
	KEXPECT_STREQ(t, buf, "B");
	KEXPECT_FALSE(t, scratch_exists(P("rn_c")));
	KEXPECT_EQ(t, hostfs_user_rename(P("rn_x"), P("rn_y"), 0), -ENOENT);
}

static void user_links(struct ktest *t)
{
	struct hostfs_stat a, b;
	char buf[64];

	KEXPECT_EQ(t, scratch_put(P("ln_file"), "data"), 0);
	KEXPECT_EQ(t, hostfs_user_link(P("ln_file"), P("ln_hard")), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("ln_file"), &a), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("ln_hard"), &b), 0);
	KEXPECT_EQ(t, a.ino, b.ino);
	KEXPECT_EQ(t, a.nlink, 2);
	KEXPECT_EQ(t, hostfs_user_link(P("ln_file"), P("ln_hard")), -EEXIST);

	/* A link to a symlink is a link to the symlink itself. */
	KEXPECT_EQ(t, hostfs_user_symlink("../somewhere/else", P("ln_sym")), 0);
	KEXPECT_EQ(t, hostfs_user_link(P("ln_sym"), P("ln_sym2")), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("ln_sym2"), &b), 0);
	KEXPECT_EQ(t, b.mode & S_IFMT, S_IFLNK);

	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, hostfs_user_readlink(P("ln_sym"), buf, sizeof(buf)), 17);
	KEXPECT_STREQ(t, buf, "../somewhere/else");
	KEXPECT_EQ(t, hostfs_user_readlink(P("ln_sym"), buf, 4), 4);	/* truncated */
	KEXPECT_EQ(t, hostfs_user_readlink(P("ln_file"), buf, sizeof(buf)), -EINVAL);
	KEXPECT_EQ(t, hostfs_user_symlink("x", P("ln_sym")), -EEXIST);
}

static void user_attrs(struct ktest *t)
{
	struct hostfs_stat st, before;
	char buf[16];

	KEXPECT_EQ(t, scratch_put(P("at"), "0123456789"), 0);
	KEXPECT_EQ(t, hostfs_user_chmod(P("at"), 0640), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &st), 0);
	KEXPECT_EQ(t, st.mode, S_IFREG | 0640);
	KEXPECT_EQ(t, hostfs_user_chown(P("at"), -1, -1), 0);

	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &before), 0);
	KEXPECT_EQ(t, hostfs_user_utimens(P("at"), HOSTFS_SET_MTIME, 0, 0, 1000000000, 5), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &st), 0);
	KEXPECT_EQ(t, st.mtime, 1000000000);
	KEXPECT_EQ(t, st.mtime_nsec, 5);
	KEXPECT_EQ(t, st.atime, before.atime);	/* left alone */
	KEXPECT_EQ(t, hostfs_user_utimens(P("at"), HOSTFS_SET_ATIME, 12345, 0, 0, 0), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &st), 0);
	KEXPECT_EQ(t, st.atime, 12345);
	KEXPECT_EQ(t, st.mtime, 1000000000);

	KEXPECT_EQ(t, hostfs_user_truncate(P("at"), 4), 0);
	KEXPECT_EQ(t, scratch_get(P("at"), buf, sizeof(buf)), 4);
	KEXPECT_EQ(t, hostfs_user_truncate(P("at"), 8192), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &st), 0);
	KEXPECT_EQ(t, st.size, 8192);

	/* None of these may act on a link's target. */
	KEXPECT_EQ(t, hostfs_user_symlink("at", P("at_link")), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &before), 0);
	KEXPECT_EQ(t, hostfs_user_truncate(P("at_link"), 0), -ELOOP);
	KEXPECT_EQ(t, hostfs_user_utimens(P("at_link"), HOSTFS_SET_MTIME, 0, 0, 7, 0), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at_link"), &st), 0);
	KEXPECT_EQ(t, st.mtime, 7);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &st), 0);
	KEXPECT_EQ(t, st.size, 8192);
	KEXPECT_EQ(t, st.mtime, before.mtime);
	KEXPECT_NE(t, hostfs_user_chmod(P("at_link"), 0600), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("at"), &st), 0);
	KEXPECT_EQ(t, st.mode, S_IFREG | 0640);
	KEXPECT_EQ(t, hostfs_user_chmod(P("at_missing"), 0600), -ENOENT);
}

static void user_mknod_devices(struct ktest *t)
{
	struct hostfs_stat st;
	int err;

	err = hostfs_user_mknod(P("dev_null"), S_IFCHR | 0666, 1, 3);
	if (!scratch_is_root()) {
		KEXPECT_EQ(t, err, -EPERM);
		return;
	}
	KEXPECT_EQ(t, err, 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("dev_null"), &st), 0);
	KEXPECT_EQ(t, st.mode & S_IFMT, S_IFCHR);
	KEXPECT_EQ(t, st.rdev_major, 1);
	KEXPECT_EQ(t, st.rdev_minor, 3);
	/* A number above 255 needs the split encoding on both sides. */
	KEXPECT_EQ(t, hostfs_user_mknod(P("dev_big"), S_IFBLK | 0600, 259, 70000), 0);
	KEXPECT_EQ(t, hostfs_user_lstat(P("dev_big"), &st), 0);
	KEXPECT_EQ(t, st.rdev_major, 259);
	KEXPECT_EQ(t, st.rdev_minor, 70000);
}

static void user_statfs(struct ktest *t)
{
	struct hostfs_statfs st;

	memset(&st, 0, sizeof(st));
	KEXPECT_EQ(t, hostfs_user_statfs(scratch_dir(), &st), 0);
	KEXPECT_TRUE(t, st.bsize > 0);
	KEXPECT_TRUE(t, st.namelen >= 255);
	KEXPECT_TRUE(t, st.bfree <= st.blocks);
	KEXPECT_EQ(t, hostfs_user_statfs(P("sf_missing"), &st), -ENOENT);
}

static void user_realpath(struct ktest *t)
{
	char want[PATH_MAX], got[PATH_MAX], small[4];

	KEXPECT_EQ(t, hostfs_user_realpath(scratch_dir(), want, sizeof(want)), 0);
	KEXPECT_EQ(t, hostfs_user_mkdir(P("rp"), 0755), 0);
	KEXPECT_EQ(t, hostfs_user_mkdir(P("rp/sub"), 0755), 0);
	KEXPECT_EQ(t, hostfs_user_symlink("rp/sub", P("rp_link")), 0);
	KEXPECT_EQ(t, hostfs_user_realpath(P("rp/sub/../.."), got, sizeof(got)), 0);
	KEXPECT_STREQ(t, got, want);
	KEXPECT_EQ(t, hostfs_user_realpath(P("rp_link"), got, sizeof(got)), 0);
	snprintf(want + strlen(want), sizeof(want) - strlen(want), "/rp/sub");
	KEXPECT_STREQ(t, got, want);
	KEXPECT_EQ(t, hostfs_user_realpath(P("rp/none"), got, sizeof(got)), -ENOENT);
	KEXPECT_EQ(t, hostfs_user_realpath(P("rp"), small, sizeof(small)), -ENAMETOOLONG);
	KEXPECT_EQ(t, hostfs_user_realpath("/", got, sizeof(got)), 0);
	KEXPECT_STREQ(t, got, "/");
}

static const struct ktest_case cases[] = {
	KTEST_CASE(user_lstat_types),
	KTEST_CASE(user_open_nofollow),
	KTEST_CASE(user_read_write),
	KTEST_CASE(user_open_append_trunc),
	KTEST_CASE(user_getdents),
	KTEST_CASE(user_create_modes),
	KTEST_CASE(user_remove),
	KTEST_CASE(user_rename_flags),
	KTEST_CASE(user_links),
	KTEST_CASE(user_attrs),
	KTEST_CASE(user_mknod_devices),
	KTEST_CASE(user_statfs),
	KTEST_CASE(user_realpath),
	{}
};
KTEST_SUITE(hostfs_user, cases);
