// SPDX-License-Identifier: GPL-2.0
/*
 * hostfs through the real VFS and page cache: a scratch directory of the
 * host is mounted at /h and driven with system calls, and the host side
 * is checked (and changed behind the guest's back) with plain libc calls
 * from hostfs_scratch_user.c.  The fake task and uaccess come from
 * fs_stubs_test.c.  Expected values are what Linux gives for the same
 * calls on a local file system.
 */
#include <umk/fs.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <linux/limits.h>
#include <linux/fs.h>
#include <linux/mount.h>
#pragma push_macro("__unused")
#undef __unused
#include <asm/stat.h>
#include <asm/statfs.h>
#pragma pop_macro("__unused")
#include <init.h>
#include "ktest.h"
#include "../../fs/hostfs/hostfs.h"

/* fs_stubs_test.c */
int fs_test_setup(void);

/* hostfs_scratch_user.c */
const char *scratch_dir(void);
int scratch_put(const char *path, const char *data);
long scratch_get(const char *path, char *buf, unsigned long len);
int scratch_exists(const char *path);
int scratch_mode(const char *path);
int scratch_set_mtime(const char *path, long long sec);
int scratch_symlink(const char *target, const char *path);
int scratch_mkdir(const char *path);
int scratch_open_fds(void);
int scratch_unlink(const char *path);

long sys_open(const char *filename, int flags, umode_t mode);
long sys_close(unsigned int fd);
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_pread64(unsigned int fd, char *buf, size_t count, loff_t pos);
long sys_pwrite64(unsigned int fd, const char *buf, size_t count, loff_t pos);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_ftruncate(unsigned int fd, unsigned long length);
long sys_fstat(unsigned int fd, struct stat *statbuf);
long sys_stat(const char *filename, struct stat *statbuf);
long sys_lstat(const char *filename, struct stat *statbuf);
long sys_mkdir(const char *pathname, umode_t mode);
long sys_rmdir(const char *pathname);
long sys_unlink(const char *pathname);
long sys_symlink(const char *oldname, const char *newname);
long sys_link(const char *oldname, const char *newname);
long sys_rename(const char *oldname, const char *newname);
long sys_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
		   unsigned int flags);
long sys_mknod(const char *filename, umode_t mode, unsigned int dev);
long sys_readlink(const char *path, char *buf, int bufsiz);
long sys_getdents64(unsigned int fd, void *dirent, unsigned int count);
long sys_chmod(const char *filename, umode_t mode);
long sys_umount2(const char *name, int flags);
long sys_statfs(const char *path, struct statfs *buf);
long sys_fsync(unsigned int fd);
long sys_umask(int mask);

static char hostpath[4][PATH_MAX];
static int hostpath_next;

/* The host path of a name in the scratch directory. */
static const char *H(const char *name)
{
	char *b = hostpath[hostpath_next++ & 3];

	snprintf(b, PATH_MAX, "%s/%s", scratch_dir(), name);
	return b;
}

/* hostfs registers itself with an fs_initcall: run that level by hand. */
extern const initcall_t __start_umk_initcall3[], __stop_umk_initcall3[];

static int call_hostfs_param(const char *val)
{
	const struct umk_param *p;

	for (p = __start_umk_params; p < __stop_umk_params; p++)
		if (!strcmp(p->name, "hostfs="))
			return p->setup(val);
	return -ENOENT;
}

static unsigned long base_inodes;
static int base_fds;

static int hostfs_vfs_setup(void)
{
	const initcall_t *fn;
	int err = fs_test_setup();

	if (err)
		return err;
	for (fn = __start_umk_initcall3; fn < __stop_umk_initcall3; fn++)
		(*fn)();
	if (!get_fs_type("hostfs"))
		return -ENODEV;
	err = sys_mkdir("/h", 0755);
	if (!err)
		err = sys_mkdir("/m", 0755);
	if (err)
		return err;
	base_inodes = inodes_nr_in_use();
	base_fds = scratch_open_fds();
	return do_mount("none", "/h", "hostfs", 0, (void *)scratch_dir());
}

static long put(const char *path, const char *data, int flags)
{
	long fd = sys_open(path, O_WRONLY | O_CREAT | flags, 0644);
	long n;

	if (fd < 0)
		return fd;
	n = sys_write(fd, data, strlen(data));
	sys_close(fd);
	return n;
}

/* Read a whole file through the guest, NUL-terminated; length or -errno. */
static long get(const char *path, char *buf, size_t len)
{
	long fd = sys_open(path, O_RDONLY, 0);
	long n;

	if (fd < 0)
		return fd;
	n = sys_read(fd, buf, len - 1);
	sys_close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static void hostfs_mount_errors(struct ktest *t)
{
	long fd;

	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, (void *)H("no_such_dir")), -ENOENT);
	KEXPECT_EQ(t, scratch_put(H("plain"), "x"), 0);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, (void *)H("plain")), -ENOTDIR);
	/* A mounted host directory, and out again. */
	KEXPECT_EQ(t, scratch_mkdir(H("mnt")), 0);
	KEXPECT_EQ(t, scratch_put(H("mnt/inside"), "in"), 0);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, (void *)H("mnt")), 0);
	KEXPECT_EQ(t, scratch_exists(H("mnt/inside")), 1);
	fd = sys_open("/m/inside", O_RDONLY, 0);
	KEXPECT_TRUE(t, fd >= 0);
	sys_close(fd);
	KEXPECT_EQ(t, sys_umount2("/m", 0), 0);
}

static void hostfs_create_write_read(struct ktest *t)
{
	static char buf[64];
	struct stat st;
	long fd, old_umask;

	fd = sys_open("/h/cw", O_RDWR | O_CREAT | O_EXCL, 0640);
	KEXPECT_TRUE(t, fd >= 0);
	KEXPECT_EQ(t, sys_write(fd, "hello, host", 11), 11);
	KEXPECT_EQ(t, sys_lseek(fd, 7, SEEK_SET), 7);
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_read(fd, buf, sizeof(buf)), 4);
	KEXPECT_STREQ(t, buf, "host");
	KEXPECT_EQ(t, sys_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.st_size, 11);
	KEXPECT_EQ(t, st.st_mode, S_IFREG | 0640);
	KEXPECT_EQ(t, sys_fsync(fd), 0);
	sys_close(fd);
	/* On the host at once, with the mode the guest asked for. */
	KEXPECT_EQ(t, scratch_get(H("cw"), buf, sizeof(buf)), 11);
	KEXPECT_STREQ(t, buf, "hello, host");
	KEXPECT_EQ(t, scratch_mode(H("cw")), S_IFREG | 0640);
	KEXPECT_EQ(t, sys_open("/h/cw", O_RDWR | O_CREAT | O_EXCL, 0640), -EEXIST);
	/* The guest's umask applies, the host process's does not. */
	old_umask = sys_umask(0);
	fd = sys_open("/h/cw666", O_RDWR | O_CREAT | O_EXCL, 0666);
	KEXPECT_TRUE(t, fd >= 0);
	sys_close(fd);
	KEXPECT_EQ(t, scratch_mode(H("cw666")), S_IFREG | 0666);
	KEXPECT_EQ(t, sys_mkdir("/h/cw777", 0777), 0);
	KEXPECT_EQ(t, scratch_mode(H("cw777")), S_IFDIR | 0777);
	sys_umask(027);
	KEXPECT_EQ(t, sys_mkdir("/h/cw750", 0777), 0);
	KEXPECT_EQ(t, scratch_mode(H("cw750")), S_IFDIR | 0750);
	sys_umask(old_umask);
	KEXPECT_EQ(t, sys_open("/h/none", O_RDONLY, 0), -ENOENT);
	/* A big write crosses several pages and bounce buffers. */
	{
		static char big[200000], back[200000];
		unsigned int i;

		for (i = 0; i < sizeof(big); i++)
			big[i] = 'a' + i % 23;
		fd = sys_open("/h/big", O_RDWR | O_CREAT | O_TRUNC, 0644);
		KEXPECT_EQ(t, sys_write(fd, big, sizeof(big)), sizeof(big));
		KEXPECT_EQ(t, sys_pread64(fd, back, sizeof(back), 0), sizeof(back));
		KEXPECT_EQ(t, memcmp(big, back, sizeof(big)), 0);
		sys_close(fd);
	}
}

/* Writes through one descriptor show in pages another one has cached. */
static void hostfs_cache_coherent(struct ktest *t)
{
	static char buf[64];
	long a, b;

	KEXPECT_EQ(t, put("/h/co", "0123456789", O_TRUNC), 10);
	a = sys_open("/h/co", O_RDONLY, 0);
	b = sys_open("/h/co", O_WRONLY, 0);
	KEXPECT_EQ(t, sys_pread64(a, buf, sizeof(buf), 0), 10);	/* now cached */
	KEXPECT_EQ(t, sys_pwrite64(b, "ab", 2, 4), 2);
	KEXPECT_EQ(t, sys_pwrite64(b, "XYZ", 3, 9), 3);		/* grows it */
	memset(buf, 0, sizeof(buf));
	KEXPECT_EQ(t, sys_pread64(a, buf, sizeof(buf), 0), 12);
	KEXPECT_STREQ(t, buf, "0123ab678XYZ");
	sys_close(a);
	sys_close(b);
}

/* The host changes a file: stat and read see it at the next lookup. */
static void hostfs_host_changes(struct ktest *t)
{
	static char buf[64];
	struct stat st;
	long fd;

	KEXPECT_EQ(t, put("/h/hc", "first", O_TRUNC), 5);
	KEXPECT_EQ(t, get("/h/hc", buf, sizeof(buf)), 5);
	KEXPECT_EQ(t, scratch_put(H("hc"), "second version"), 0);
	KEXPECT_EQ(t, sys_stat("/h/hc", &st), 0);
	KEXPECT_EQ(t, st.st_size, 14);
	KEXPECT_EQ(t, get("/h/hc", buf, sizeof(buf)), 14);
	KEXPECT_STREQ(t, buf, "second version");
	/* Same size, other mtime: still noticed. */
	KEXPECT_EQ(t, scratch_put(H("hc"), "SECOND VERSION"), 0);
	KEXPECT_EQ(t, scratch_set_mtime(H("hc"), 1234567), 0);
	KEXPECT_EQ(t, get("/h/hc", buf, sizeof(buf)), 14);
	KEXPECT_STREQ(t, buf, "SECOND VERSION");
	/* fstat on an open file refreshes too. */
	fd = sys_open("/h/hc", O_RDONLY, 0);
	KEXPECT_EQ(t, scratch_put(H("hc"), "x"), 0);
	KEXPECT_EQ(t, sys_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.st_size, 1);
	sys_close(fd);
	/* Names made and removed on the host come and go. */
	KEXPECT_EQ(t, sys_stat("/h/later", &st), -ENOENT);
	KEXPECT_EQ(t, scratch_put(H("later"), "now"), 0);
	KEXPECT_EQ(t, sys_stat("/h/later", &st), 0);
	KEXPECT_EQ(t, get("/h/later", buf, sizeof(buf)), 3);
	KEXPECT_EQ(t, sys_unlink("/h/later"), 0);
	KEXPECT_FALSE(t, scratch_exists(H("later")));
	KEXPECT_EQ(t, scratch_put(H("later"), "again"), 0);
	KEXPECT_EQ(t, get("/h/later", buf, sizeof(buf)), 5);
	KEXPECT_STREQ(t, buf, "again");
	/* Removed on the host, or replaced by a directory. */
	KEXPECT_EQ(t, scratch_unlink(H("later")), 0);
	KEXPECT_EQ(t, sys_stat("/h/later", &st), -ENOENT);
	KEXPECT_EQ(t, sys_open("/h/later", O_RDONLY, 0), -ENOENT);
	KEXPECT_EQ(t, put("/h/later", "file", 0), 4);
	KEXPECT_EQ(t, sys_stat("/h/later", &st), 0);
	KEXPECT_EQ(t, scratch_unlink(H("later")), 0);
	KEXPECT_EQ(t, scratch_mkdir(H("later")), 0);
	KEXPECT_EQ(t, sys_stat("/h/later", &st), 0);
	KEXPECT_EQ(t, st.st_mode & S_IFMT, S_IFDIR);
	KEXPECT_EQ(t, sys_rmdir("/h/later"), 0);
}

/* O_APPEND writes land after what the host appended meanwhile. */
static void hostfs_append(struct ktest *t)
{
	static char buf[64];
	long fd;

	KEXPECT_EQ(t, put("/h/ap", "guest1\n", O_TRUNC), 7);
	fd = sys_open("/h/ap", O_WRONLY | O_APPEND, 0);
	KEXPECT_EQ(t, scratch_put(H("ap"), "guest1\nhost\n"), 0);
	KEXPECT_EQ(t, sys_write(fd, "guest2\n", 7), 7);
	KEXPECT_EQ(t, sys_lseek(fd, 0, SEEK_CUR), 19);
	sys_close(fd);
	KEXPECT_EQ(t, scratch_get(H("ap"), buf, sizeof(buf)), 19);
	KEXPECT_STREQ(t, buf, "guest1\nhost\nguest2\n");
}

static void hostfs_truncate(struct ktest *t)
{
	static char buf[64];
	struct stat st;
	long fd;

	KEXPECT_EQ(t, put("/h/tr", "abcdefghij", O_TRUNC), 10);
	fd = sys_open("/h/tr", O_RDWR, 0);
	KEXPECT_EQ(t, sys_pread64(fd, buf, sizeof(buf), 0), 10);
	KEXPECT_EQ(t, sys_ftruncate(fd, 4), 0);
	KEXPECT_EQ(t, sys_ftruncate(fd, 8), 0);
	memset(buf, 'z', sizeof(buf));
	KEXPECT_EQ(t, sys_pread64(fd, buf, sizeof(buf), 0), 8);
	KEXPECT_EQ(t, memcmp(buf, "abcd\0\0\0\0", 8), 0);
	KEXPECT_EQ(t, sys_fstat(fd, &st), 0);
	KEXPECT_EQ(t, st.st_size, 8);
	sys_close(fd);
	KEXPECT_EQ(t, put("/h/tr", "xy", O_TRUNC), 2);
	KEXPECT_EQ(t, scratch_get(H("tr"), buf, sizeof(buf)), 2);
}

/* Count the names of a guest directory, and whether want is among them. */
static int list_dir(struct ktest *t, const char *dir, const char *want, int *found,
		    unsigned int *type)
{
	static char buf[512];
	long fd = sys_open(dir, O_RDONLY | O_DIRECTORY, 0), n, off;
	int count = 0;

	*found = 0;
	KEXPECT_TRUE(t, fd >= 0);
	while ((n = sys_getdents64(fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n;) {
			struct hostfs_dirent *de = (struct hostfs_dirent *)(buf + off);

			count++;
			if (!strcmp(de->name, want)) {
				(*found)++;
				*type = de->type;
			}
			off += de->reclen;
		}
	}
	KEXPECT_EQ(t, n, 0);
	sys_close(fd);
	return count;
}

static void hostfs_readdir(struct ktest *t)
{
	unsigned int type = 0;
	char name[64];
	int i, found;

	KEXPECT_EQ(t, sys_mkdir("/h/rd", 0755), 0);
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "/h/rd/entry_with_a_longish_name_%02d", i);
		KEXPECT_EQ(t, put(name, "", 0), 0);
	}
	KEXPECT_EQ(t, sys_mkdir("/h/rd/sub", 0755), 0);
	KEXPECT_EQ(t, sys_symlink("sub", "/h/rd/ln"), 0);
	KEXPECT_EQ(t, list_dir(t, "/h/rd", "entry_with_a_longish_name_39", &found, &type), 44);
	KEXPECT_EQ(t, found, 1);
	KEXPECT_EQ(t, type, DT_REG);
	list_dir(t, "/h/rd", "sub", &found, &type);
	KEXPECT_EQ(t, type, DT_DIR);
	list_dir(t, "/h/rd", "ln", &found, &type);
	KEXPECT_EQ(t, type, DT_LNK);
	/* One made on the host shows up in the next listing. */
	KEXPECT_EQ(t, scratch_put(H("rd/from_host"), ""), 0);
	KEXPECT_EQ(t, list_dir(t, "/h/rd", "from_host", &found, &type), 45);
	KEXPECT_EQ(t, found, 1);
}

static void hostfs_names(struct ktest *t)
{
	static char buf[64];
	struct stat a, b;

	KEXPECT_EQ(t, sys_mkdir("/h/nm", 0700), 0);
	KEXPECT_EQ(t, scratch_mode(H("nm")), S_IFDIR | 0700);
	KEXPECT_EQ(t, put("/h/nm/f", "data", 0), 4);
	KEXPECT_EQ(t, sys_rmdir("/h/nm"), -ENOTEMPTY);
	KEXPECT_EQ(t, sys_link("/h/nm/f", "/h/nm/hard"), 0);
	KEXPECT_EQ(t, sys_stat("/h/nm/f", &a), 0);
	KEXPECT_EQ(t, sys_stat("/h/nm/hard", &b), 0);
	KEXPECT_EQ(t, a.st_ino, b.st_ino);
	KEXPECT_EQ(t, a.st_nlink, 2);
	KEXPECT_EQ(t, sys_rename("/h/nm/hard", "/h/nm/moved"), 0);
	KEXPECT_FALSE(t, scratch_exists(H("nm/hard")));
	KEXPECT_EQ(t, scratch_get(H("nm/moved"), buf, sizeof(buf)), 4);
	KEXPECT_EQ(t, put("/h/nm/g", "gg", 0), 2);
	KEXPECT_EQ(t, sys_renameat2(AT_FDCWD, "/h/nm/g", AT_FDCWD, "/h/nm/f",
				    RENAME_NOREPLACE), -EEXIST);
	KEXPECT_EQ(t, sys_renameat2(AT_FDCWD, "/h/nm/g", AT_FDCWD, "/h/nm/f",
				    RENAME_EXCHANGE), 0);
	KEXPECT_EQ(t, scratch_get(H("nm/f"), buf, sizeof(buf)), 2);
	KEXPECT_EQ(t, get("/h/nm/g", buf, sizeof(buf)), 4);
	KEXPECT_STREQ(t, buf, "data");
	/* A renamed directory keeps working under its new name. */
	KEXPECT_EQ(t, sys_rename("/h/nm", "/h/nm2"), 0);
	KEXPECT_EQ(t, get("/h/nm2/g", buf, sizeof(buf)), 4);
	KEXPECT_EQ(t, sys_unlink("/h/nm2/f"), 0);
	KEXPECT_EQ(t, sys_unlink("/h/nm2/g"), 0);
	KEXPECT_EQ(t, sys_unlink("/h/nm2/moved"), 0);
	KEXPECT_EQ(t, sys_rmdir("/h/nm2"), 0);
	KEXPECT_FALSE(t, scratch_exists(H("nm2")));
	KEXPECT_EQ(t, sys_mknod("/h/fifo", S_IFIFO | 0600, 0), 0);
	KEXPECT_EQ(t, sys_lstat("/h/fifo", &a), 0);
	KEXPECT_EQ(t, a.st_mode, S_IFIFO | 0600);
	KEXPECT_EQ(t, scratch_mode(H("fifo")), S_IFIFO | 0600);
	KEXPECT_EQ(t, sys_chmod("/h/fifo", 0640), 0);
	KEXPECT_EQ(t, scratch_mode(H("fifo")), S_IFIFO | 0640);
}

/* Links are the guest's: a target above the mount root stays in the guest. */
static void hostfs_symlinks(struct ktest *t)
{
	static char buf[PATH_MAX];
	struct stat st;

	KEXPECT_EQ(t, sys_symlink("target", "/h/sl"), 0);
	KEXPECT_EQ(t, sys_readlink("/h/sl", buf, sizeof(buf)), 6);
	KEXPECT_EQ(t, put("/h/target", "t", 0), 1);
	KEXPECT_EQ(t, get("/h/sl", buf, sizeof(buf)), 1);
	/* /etc/hostname exists on the host but not in this guest's root. */
	KEXPECT_EQ(t, scratch_symlink("/etc/hostname", H("abs")), 0);
	KEXPECT_EQ(t, sys_stat("/h/abs", &st), -ENOENT);
	KEXPECT_EQ(t, scratch_symlink("../../../../../../../../etc/hostname", H("up")), 0);
	KEXPECT_EQ(t, sys_stat("/h/up", &st), -ENOENT);
	KEXPECT_EQ(t, sys_lstat("/h/up", &st), 0);
	KEXPECT_EQ(t, st.st_mode & S_IFMT, S_IFLNK);
	KEXPECT_EQ(t, sys_stat("/h/..", &st), 0);
	KEXPECT_EQ(t, sys_stat("/h/../h/target", &st), 0);
	/* A link to a guest path that does exist is followed in the guest. */
	KEXPECT_EQ(t, scratch_symlink("/h/target", H("abs_ok")), 0);
	KEXPECT_EQ(t, get("/h/abs_ok", buf, sizeof(buf)), 1);
}

/* hostfs=<dir>: mounts stay below it, whatever links or ".." say. */
static void hostfs_confinement(struct ktest *t)
{
	long fd;

	KEXPECT_EQ(t, scratch_mkdir(H("jail")), 0);
	KEXPECT_EQ(t, scratch_mkdir(H("jail/sub")), 0);
	KEXPECT_EQ(t, scratch_symlink("..", H("jail/out")), 0);
	KEXPECT_EQ(t, scratch_symlink("sub", H("jail/in")), 0);
	KEXPECT_EQ(t, call_hostfs_param(H("jail")), 0);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, "sub"), 0);
	KEXPECT_EQ(t, sys_umount2("/m", 0), 0);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, NULL), 0);
	fd = sys_open("/m/sub", O_RDONLY | O_DIRECTORY, 0);
	KEXPECT_TRUE(t, fd >= 0);
	sys_close(fd);
	KEXPECT_EQ(t, sys_umount2("/m", 0), 0);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, "in"), 0);
	KEXPECT_EQ(t, sys_umount2("/m", 0), 0);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, ".."), -EPERM);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, "sub/../.."), -EPERM);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, "out"), -EPERM);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, "/etc"), -ENOENT);
	KEXPECT_EQ(t, call_hostfs_param(""), 0);
	KEXPECT_EQ(t, do_mount("none", "/m", "hostfs", 0, (void *)H("jail/out")), 0);
	KEXPECT_EQ(t, sys_umount2("/m", 0), 0);
}

/* hostfs=,append: every write goes to the end, whatever the offset. */
static void hostfs_append_flag(struct ktest *t)
{
	static char buf[64];
	long fd;

	KEXPECT_EQ(t, scratch_put(H("af"), "12345"), 0);
	KEXPECT_EQ(t, call_hostfs_param(",append,nonsense"), 0);
	fd = sys_open("/h/af", O_WRONLY, 0);
	KEXPECT_EQ(t, sys_pwrite64(fd, "ab", 2, 0), 2);
	KEXPECT_EQ(t, sys_write(fd, "cd", 2), 2);
	sys_close(fd);
	KEXPECT_EQ(t, call_hostfs_param(""), 0);	/* and off again */
	fd = sys_open("/h/af", O_WRONLY, 0);
	KEXPECT_EQ(t, sys_pwrite64(fd, "X", 1, 0), 1);
	sys_close(fd);
	KEXPECT_EQ(t, scratch_get(H("af"), buf, sizeof(buf)), 9);
	KEXPECT_STREQ(t, buf, "X2345abcd");
}

static void hostfs_statfs_magic(struct ktest *t)
{
	struct statfs sf;

	KEXPECT_EQ(t, sys_statfs("/h", &sf), 0);
	KEXPECT_EQ(t, sf.f_type, HOSTFS_SUPER_MAGIC);
	KEXPECT_TRUE(t, sf.f_bsize > 0);
	KEXPECT_TRUE(t, sf.f_blocks > 0);
}

/* Unmounting gives back every inode, and every host descriptor is closed. */
static void hostfs_umount_frees(struct ktest *t)
{
	KEXPECT_EQ(t, sys_umount2("/h", 0), 0);
	KEXPECT_EQ(t, inodes_nr_in_use(), base_inodes);
	KEXPECT_EQ(t, scratch_open_fds(), base_fds);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(hostfs_mount_errors),
	KTEST_CASE(hostfs_create_write_read),
	KTEST_CASE(hostfs_cache_coherent),
	KTEST_CASE(hostfs_host_changes),
	KTEST_CASE(hostfs_append),
	KTEST_CASE(hostfs_truncate),
	KTEST_CASE(hostfs_readdir),
	KTEST_CASE(hostfs_names),
	KTEST_CASE(hostfs_symlinks),
	KTEST_CASE(hostfs_confinement),
	KTEST_CASE(hostfs_append_flag),
	KTEST_CASE(hostfs_statfs_magic),
	KTEST_CASE(hostfs_umount_frees),
	{}
};
KTEST_SUITE_INIT(hostfs_vfs, cases, hostfs_vfs_setup);
