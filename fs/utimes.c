// SPDX-License-Identifier: GPL-2.0
/*
 * utimensat, utimes, futimesat, utime.  Setting both times to "now" needs
 * ownership or write permission; setting explicit times needs ownership.
 */
#include <umk/fs.h>
#include <umk/uaccess.h>
#include <linux/time_types.h>
#include <linux/utime.h>

/* Special tv_nsec values (<linux/stat.h> of the kernel, not in the UAPI set). */
#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

static bool nsec_valid(long nsec)
{
	if (nsec == UTIME_OMIT || nsec == UTIME_NOW)
		return true;
	return nsec >= 0 && nsec < NSEC_PER_SEC;
}

static void set_time(struct iattr *attr, const struct timespec64 *t, unsigned int bit,
		     unsigned int set_bit, struct timespec64 *dst)
{
	if (t->tv_nsec == UTIME_OMIT)
		return;
	attr->ia_valid |= bit;
	if (t->tv_nsec != UTIME_NOW) {
		attr->ia_valid |= set_bit;
		*dst = *t;
	}
}

/* times == NULL: both now. */
static int utimes_common(const struct path *path, struct timespec64 *times)
{
	struct inode *inode = path->dentry->d_inode;
	struct iattr attr = { 0 };
	int err;

	err = mnt_want_write(path->mnt);
	if (err)
		return err;
	if (times) {
		set_time(&attr, &times[0], ATTR_ATIME, ATTR_ATIME_SET, &attr.ia_atime);
		set_time(&attr, &times[1], ATTR_MTIME, ATTR_MTIME_SET, &attr.ia_mtime);
		if (!(attr.ia_valid & (ATTR_ATIME | ATTR_MTIME)))
			return 0;
	} else {
		attr.ia_valid = ATTR_ATIME | ATTR_MTIME;
	}
	attr.ia_valid |= ATTR_CTIME;
	/* Only "now": the owner, or anyone who may write the file. */
	if (!(attr.ia_valid & (ATTR_ATIME_SET | ATTR_MTIME_SET)) &&
	    current_fsuid() != inode->i_uid && !vfs_capable()) {
		err = inode_permission(inode, MAY_WRITE);
		if (err)
			return err;
	}
	return notify_change(path->dentry, &attr);
}

static long do_utimes(int dfd, const char __user *filename, struct timespec64 *times,
		      int flags)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct path path;
	long err;

	if (times && (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec)))
		return -EINVAL;
	if (times && times[0].tv_nsec == UTIME_NOW && times[1].tv_nsec == UTIME_NOW)
		times = NULL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!filename) {
		struct file *f;

		if (flags & AT_SYMLINK_NOFOLLOW)
			return -EINVAL;
		if (dfd == AT_FDCWD)
			return -EFAULT;
		f = fget(dfd);
		if (!f)
			return -EBADF;
		err = utimes_common(&f->f_path, times);
		fput(f);
		return err;
	}
	if (flags & AT_SYMLINK_NOFOLLOW)
		lookup = 0;
	if (flags & AT_EMPTY_PATH)
		lookup |= LOOKUP_EMPTY;
	err = user_path_at(dfd, filename, lookup, &path);
	if (err)
		return err;
	err = utimes_common(&path, times);
	path_put(&path);
	return err;
}

long sys_utimensat(int dfd, const char __user *filename,
		   struct __kernel_timespec __user *utimes, int flags)
{
	struct __kernel_timespec ut[2];
	struct timespec64 t[2];

	if (!utimes)
		return do_utimes(dfd, filename, NULL, flags);
	if (copy_from_user(ut, utimes, sizeof(ut)))
		return -EFAULT;
	t[0].tv_sec = ut[0].tv_sec;
	t[0].tv_nsec = ut[0].tv_nsec;
	t[1].tv_sec = ut[1].tv_sec;
	t[1].tv_nsec = ut[1].tv_nsec;
	return do_utimes(dfd, filename, t, flags);
}

long sys_futimesat(int dfd, const char __user *filename,
		   struct __kernel_old_timeval __user *utimes)
{
	struct __kernel_old_timeval tv[2];
	struct timespec64 t[2];
	int i;

	if (!utimes)
		return do_utimes(dfd, filename, NULL, 0);
	if (copy_from_user(tv, utimes, sizeof(tv)))
		return -EFAULT;
	for (i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		t[i].tv_sec = tv[i].tv_sec;
		t[i].tv_nsec = tv[i].tv_usec * NSEC_PER_USEC;
	}
	return do_utimes(dfd, filename, t, 0);
}

long sys_utimes(const char __user *filename, struct __kernel_old_timeval __user *utimes)
{
	return sys_futimesat(AT_FDCWD, filename, utimes);
}

long sys_utime(const char __user *filename, struct utimbuf __user *times)
{
	struct utimbuf ub;
	struct timespec64 t[2];

	if (!times)
		return do_utimes(AT_FDCWD, filename, NULL, 0);
	if (copy_from_user(&ub, times, sizeof(ub)))
		return -EFAULT;
	t[0].tv_sec = ub.actime;
	t[0].tv_nsec = 0;
	t[1].tv_sec = ub.modtime;
	t[1].tv_nsec = 0;
	return do_utimes(AT_FDCWD, filename, t, 0);
}
