// SPDX-License-Identifier: GPL-2.0
/*
 * fcntl(2) and the dup family.  Record locks are accepted as if no other
 * process ever held a conflicting lock: F_GETLK answers F_UNLCK, F_SETLK
 * and F_SETLKW succeed after the argument checks Linux makes.
 */
#include <umk/fdtable.h>
#include <umk/pipe_fs_i.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <linux/fs.h>

/* Flags F_SETFL may change. */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | FASYNC | O_DIRECT | O_NOATIME)

int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd = alloc_fd(from, flags);

	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

long sys_dup(unsigned int fildes)
{
	struct file *f = fget_raw(fildes);
	int fd;

	if (!f)
		return -EBADF;
	fd = f_dupfd(0, f, 0);
	fput(f);
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *f;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	f = fget_raw(oldfd);
	if (!f)
		return -EBADF;
	if (newfd >= fd_limit()) {
		fput(f);
		return -EBADF;
	}
	return replace_fd(newfd, f, flags);	/* takes our reference */
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	struct file *f;

	if (oldfd == newfd) {
		f = fget_raw(oldfd);
		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

static long setfl(struct file *f, unsigned long arg)
{
	struct inode *inode = file_inode(f);

	/* O_NOATIME only for the owner. */
	if ((arg & O_NOATIME) && !(f->f_flags & O_NOATIME) &&
	    current_fsuid() != inode->i_uid && !vfs_capable())
		return -EPERM;
	f->f_flags = (arg & SETFL_MASK) | (f->f_flags & ~SETFL_MASK);
	return 0;
}

static long check_flock(struct file *f, unsigned int cmd, struct flock __user *ufl,
			bool ofd)
{
	struct flock fl;

	if (copy_from_user(&fl, ufl, sizeof(fl)))
		return -EFAULT;
	if (ofd && fl.l_pid)
		return -EINVAL;
	if (fl.l_whence != SEEK_SET && fl.l_whence != SEEK_CUR && fl.l_whence != SEEK_END)
		return -EINVAL;
	switch (fl.l_type) {
	case F_RDLCK:
		if (cmd != F_GETLK && cmd != F_OFD_GETLK && !(f->f_mode & FMODE_READ))
			return -EBADF;
		break;
	case F_WRLCK:
		if (cmd != F_GETLK && cmd != F_OFD_GETLK && !(f->f_mode & FMODE_WRITE))
			return -EBADF;
		break;
	case F_UNLCK:
		if (cmd == F_GETLK || cmd == F_OFD_GETLK)
			return -EINVAL;
		break;
	default:
		return -EINVAL;
	}
	if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
		fl.l_type = F_UNLCK;
		if (copy_to_user(ufl, &fl, sizeof(fl)))
			return -EFAULT;
	}
	return 0;
}

static long do_fcntl(int fd, unsigned int cmd, unsigned long arg, struct file *f)
{
	switch (cmd) {
	case F_DUPFD:
		return f_dupfd(arg, f, 0);
	case F_DUPFD_CLOEXEC:
		return f_dupfd(arg, f, O_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL:
		return setfl(f, arg);
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		return check_flock(f, cmd, (struct flock __user *)arg, false);
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return check_flock(f, cmd, (struct flock __user *)arg, true);
	case F_GETOWN:
	case F_GETSIG:
		return 0;
	case F_SETOWN:
	case F_SETSIG:
		return 0;
	case F_GETLEASE:
		return F_UNLCK;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		return pipe_fcntl(f, cmd, arg);
	default:
		return -EINVAL;
	}
}

/* Commands that work on O_PATH descriptors. */
static bool fcntl_path_ok(unsigned int cmd)
{
	return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC || cmd == F_GETFD ||
	       cmd == F_SETFD || cmd == F_GETFL;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget_raw(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = -EBADF;
	if (!(f->f_mode & FMODE_PATH) || fcntl_path_ok(cmd))
		ret = do_fcntl(fd, cmd, arg, f);
	fput(f);
	return ret;
}
