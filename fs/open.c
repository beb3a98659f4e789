// SPDX-License-Identifier: GPL-2.0
/*
 * Opening and closing files, and the calls that change a file's
 * attributes by name or descriptor: truncate, access, chdir, chroot,
 * chmod, chown.
 */
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <linux/close_range.h>
#include <linux/openat2.h>

/* Flags open(2) knows; others are ignored, as Linux does. */
#define VALID_OPEN_FLAGS \
	(O_RDONLY | O_WRONLY | O_RDWR | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | \
	 O_APPEND | O_NDELAY | O_NONBLOCK | __O_SYNC | O_DSYNC | FASYNC | \
	 O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME | \
	 O_CLOEXEC | O_PATH | __O_TMPFILE)

static const struct file_operations empty_fops;

/* Give path an open file: the ->open of its inode decides the rest. */
struct file *dentry_open(const struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	struct file *f;
	int err;

	f = alloc_file(path, flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC),
		       (flags & O_PATH) ? &empty_fops : inode->i_fop);
	if (IS_ERR(f))
		return f;
	if (flags & O_PATH) {
		f->f_mode = FMODE_PATH;
		return f;
	}
	if (!f->f_op)
		f->f_op = &empty_fops;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			f->f_mode |= FMODE_PATH;	/* no ->release for a failed open */
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
}

struct file *filp_open(const char *name, int flags, umode_t mode)
{
	return do_filp_open(AT_FDCWD, name, flags, mode);
}

long do_sys_open(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct file *f;
	char *name;
	int fd;

	flags &= VALID_OPEN_FLAGS;
	if (!(flags & O_PATH))
		flags |= O_LARGEFILE;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	fd = get_unused_fd_flags(flags);
	if (fd < 0)
		goto out_putname;
	f = do_filp_open(dfd, name, flags, mode);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		fd = PTR_ERR(f);
	} else {
		fd_install(fd, f);
	}
out_putname:
	putname(name);
	return fd;
}

long sys_open(const char __user *filename, int flags, umode_t mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	return do_sys_open(dfd, filename, flags, mode);
}

long sys_creat(const char __user *pathname, umode_t mode)
{
	return do_sys_open(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_openat2(int dfd, const char __user *filename, struct open_how __user *uhow,
		 size_t usize)
{
	struct open_how how;

	if (usize < sizeof(how))
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	if (copy_from_user(&how, uhow, sizeof(how)))
		return -EFAULT;
	if (how.flags & ~(u64)VALID_OPEN_FLAGS)
		return -EINVAL;
	if (how.mode & ~(u64)S_IALLUGO)
		return -EINVAL;
	if (how.mode && !(how.flags & (O_CREAT | __O_TMPFILE)))
		return -EINVAL;
	if (how.resolve)
		return -EINVAL;
	return do_sys_open(dfd, filename, how.flags, how.mode);
}

long sys_close(unsigned int fd)
{
	int ret = close_fd(fd);

	/* The descriptor is gone either way: never restart close(). */
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	    ret == -ERESTARTNOHAND || ret == -ERESTART_RESTARTBLOCK)
		ret = -EINTR;
	return ret;
}

long sys_close_range(unsigned int fd, unsigned int max_fd, unsigned int flags)
{
	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	return close_range_fds(fd, max_fd, flags);
}

/* ---- truncate --------------------------------------------------------- */

int do_truncate(struct dentry *dentry, loff_t length, unsigned int attrs,
		struct file *filp)
{
	struct iattr attr = { 0 };

	if (length < 0)
		return -EINVAL;
	attr.ia_size = length;
	attr.ia_valid = ATTR_SIZE | attrs;
	if (filp)
		attr.ia_valid |= ATTR_FILE;
	/* Truncating a set-user-ID file drops the bit, as a write would (not for root). */
	if ((dentry->d_inode->i_mode & (S_ISUID | S_ISGID)) && !vfs_capable())
		attr.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	return notify_change(dentry, &attr);
}

int vfs_truncate(const struct path *path, loff_t length)
{
	struct inode *inode = path->dentry->d_inode;
	int err;

	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	err = inode_permission(inode, MAY_WRITE);
	if (err)
		return err;
	return do_truncate(path->dentry, length, ATTR_MTIME | ATTR_CTIME, NULL);
}

long sys_truncate(const char __user *pathname, long length)
{
	struct path path;
	int err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, &path);
	if (err)
		return err;
	err = vfs_truncate(&path, length);
	path_put(&path);
	return err;
}

long sys_ftruncate(unsigned int fd, unsigned long length)
{
	struct file *f;
	int err;

	if ((long)length < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = -EINVAL;
	if (S_ISREG(file_inode(f)->i_mode) && (f->f_mode & FMODE_WRITE))
		err = do_truncate(f->f_path.dentry, length, ATTR_MTIME | ATTR_CTIME, f);
	fput(f);
	return err;
}

long sys_fallocate(int fd, int mode, loff_t offset, loff_t len)
{
	struct file *f;
	long err;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = -EBADF;
	if (!(f->f_mode & FMODE_WRITE))
		goto out_put;
	err = -ESPIPE;
	if (S_ISFIFO(file_inode(f)->i_mode))
		goto out_put;
	err = -ENODEV;
	if (!S_ISREG(file_inode(f)->i_mode))
		goto out_put;
	err = -EOPNOTSUPP;
	if (mode & ~1)		/* only FALLOC_FL_KEEP_SIZE */
		goto out_put;
	err = 0;
	if (!(mode & 1) && offset + len > file_inode(f)->i_size)
		err = do_truncate(f->f_path.dentry, offset + len, 0, f);
out_put:
	fput(f);
	return err;
}

/* ---- access ----------------------------------------------------------- */

/*
 * access(2) checks with the real IDs, not the effective ones: run the
 * permission check with fsuid/fsgid set to them.  Nothing here sleeps, so
 * no other task can see the borrowed IDs.
 */
static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	uid_t saved_uid = 0;
	gid_t saved_gid = 0;
	struct path path;
	long err;

	if (mode & ~(S_IRWXO))		/* F_OK | R_OK | W_OK | X_OK */
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup &= ~LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	if (current && !(flags & AT_EACCESS)) {
		saved_uid = current->cred.fsuid;
		saved_gid = current->cred.fsgid;
		current->cred.fsuid = current->cred.uid;
		current->cred.fsgid = current->cred.gid;
	}
	err = user_path_at(dfd, filename, lookup, &path);
	if (err)
		goto out_restore;
	if (mode) {
		/* MAY_* match the R/W/X bits of the access mode. */
		err = path_permission(&path, mode);
	}
	path_put(&path);
out_restore:
	if (current && !(flags & AT_EACCESS)) {
		current->cred.fsuid = saved_uid;
		current->cred.fsgid = saved_gid;
	}
	return err;
}

long sys_faccessat2(int dfd, const char __user *filename, int mode, int flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

long sys_faccessat(int dfd, const char __user *filename, int mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

long sys_access(const char __user *filename, int mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

/* ---- chdir, fchdir, chroot -------------------------------------------- */

static int set_dir(const struct path *path, bool root)
{
	int err;

	if (!d_is_dir(path->dentry))
		return -ENOTDIR;
	err = inode_permission(path->dentry->d_inode, MAY_EXEC);
	if (err)
		return err;
	if (root) {
		if (!vfs_capable())
			return -EPERM;
		set_fs_root(current_fs(), path);
	} else {
		set_fs_pwd(current_fs(), path);
	}
	return 0;
}

static int chdir_common(int dfd, const char *name, bool root)
{
	struct path path;
	int err;

	err = kern_path_at(dfd, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return err;
	err = set_dir(&path, root);
	path_put(&path);
	return err;
}

int ksys_chdir(const char *name)
{
	return chdir_common(AT_FDCWD, name, false);
}

int ksys_chroot(const char *name)
{
	return chdir_common(AT_FDCWD, name, true);
}

static long user_chdir(const char __user *filename, bool root)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = chdir_common(AT_FDCWD, name, root);
	putname(name);
	return err;
}

long sys_chdir(const char __user *filename)
{
	return user_chdir(filename, false);
}

long sys_chroot(const char __user *filename)
{
	return user_chdir(filename, true);
}

long sys_fchdir(unsigned int fd)
{
	struct file *f = fget_raw(fd);
	int err;

	if (!f)
		return -EBADF;
	err = set_dir(&f->f_path, false);
	fput(f);
	return err;
}

/* ---- chmod, chown ----------------------------------------------------- */

static int chmod_common(const struct path *path, umode_t mode)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { 0 };
	int err;

	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	attr.ia_mode = (mode & S_IALLUGO) | (inode->i_mode & ~S_IALLUGO);
	attr.ia_valid = ATTR_MODE | ATTR_CTIME;
	return notify_change(path->dentry, &attr);
}

long sys_fchmodat2(int dfd, const char __user *filename, umode_t mode, unsigned int flags)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup, &path);
	if (err)
		return err;
	/* Symlink modes are fixed. */
	if (d_is_symlink(path.dentry))
		err = -EOPNOTSUPP;
	else
		err = chmod_common(&path, mode);
	path_put(&path);
	return err;
}

long sys_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	return sys_fchmodat2(dfd, filename, mode, 0);
}

long sys_chmod(const char __user *filename, umode_t mode)
{
	return sys_fchmodat2(AT_FDCWD, filename, mode, 0);
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = chmod_common(&f->f_path, mode);
	fput(f);
	return err;
}

static int chown_common(const struct path *path, uid_t user, gid_t group)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { 0 };
	int err;

	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	attr.ia_valid = ATTR_CTIME;
	if (user != (uid_t)-1) {
		attr.ia_valid |= ATTR_UID;
		attr.ia_uid = user;
	}
	if (group != (gid_t)-1) {
		attr.ia_valid |= ATTR_GID;
		attr.ia_gid = group;
	}
	if (!S_ISDIR(inode->i_mode))
		attr.ia_valid |= ATTR_KILL_SUID | ATTR_KILL_SGID;
	return notify_change(path->dentry, &attr);
}

long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flag & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flag & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup, &path);
	if (err)
		return err;
	err = chown_common(&path, user, group);
	path_put(&path);
	return err;
}

long sys_chown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, 0);
}

long sys_lchown(const char __user *filename, uid_t user, gid_t group)
{
	return sys_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
	struct file *f = fget(fd);
	int err;

	if (!f)
		return -EBADF;
	err = chown_common(&f->f_path, user, group);
	fput(f);
	return err;
}
