// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl(2): the few requests every file answers, then the file's own
 * ->unlocked_ioctl, else ENOTTY.
 */
#include <umk/fdtable.h>
#include <umk/uaccess.h>
#include <asm/ioctls.h>

static long file_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct inode *inode = file_inode(f);

	if (cmd == FIONREAD && S_ISREG(inode->i_mode)) {
		loff_t left = inode->i_size - f->f_pos;

		return put_user((int)(left > 0 ? min_t(loff_t, left, 0x7fffffff) : 0),
				(int __user *)arg);
	}
	if (cmd == FIOQSIZE && (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) ||
				S_ISLNK(inode->i_mode)))
		return put_user(inode->i_size, (loff_t __user *)arg);
	if (!f->f_op->unlocked_ioctl)
		return -ENOTTY;
	return f->f_op->unlocked_ioctl(f, cmd, arg);
}

static long set_flag_ioctl(struct file *f, unsigned long arg, unsigned int flag)
{
	int on;

	if (get_user(on, (int __user *)arg))
		return -EFAULT;
	if (on)
		f->f_flags |= flag;
	else
		f->f_flags &= ~flag;
	return 0;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		set_close_on_exec(fd, true);
		ret = 0;
		break;
	case FIONCLEX:
		set_close_on_exec(fd, false);
		ret = 0;
		break;
	case FIONBIO:
		ret = set_flag_ioctl(f, arg, O_NONBLOCK);
		break;
	case FIOASYNC:
		ret = set_flag_ioctl(f, arg, FASYNC);
		break;
	default:
		ret = file_ioctl(f, cmd, arg);
		break;
	}
	fput(f);
	return ret;
}
