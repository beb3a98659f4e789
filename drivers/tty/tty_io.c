// SPDX-License-Identifier: GPL-2.0
/*
 * The tty core: terminal character devices.
 *
 * A tty driver registers a range of minors (tty_register_driver) and
 * makes a /dev node per device that exists (tty_register_device).  All
 * terminal nodes share tty_fops.  The first open of a device creates its
 * tty_struct (termios, window size, n_tty state), which then stays, so
 * settings survive a close.  Two more nodes are the core's own:
 *
 *	/dev/tty	(5,0) the opener's controlling terminal, ENXIO if none
 *	/dev/console	(5,1) the preferred console (console=), never becomes
 *			a controlling terminal just by being opened
 *
 * Every open counts in tty->count; the last close gives up the tty as a
 * controlling terminal (tty_jobctl.c).
 */
#include <umk/tty.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <init.h>

static struct tty_driver *tty_drivers;
static struct tty_driver *console_driver;
static unsigned int console_index;

static const struct file_operations tty_fops;

int tty_register_driver(struct tty_driver *drv)
{
	int err;

	drv->ttys = kcalloc(drv->num, sizeof(*drv->ttys), GFP_KERNEL);
	if (!drv->ttys)
		return -ENOMEM;
	err = register_chrdev_region_fops(MKDEV(drv->major, drv->minor_start),
					  drv->num, drv->name, &tty_fops);
	if (err)
		goto out_free_ttys;
	drv->next = tty_drivers;
	tty_drivers = drv;
	return 0;

out_free_ttys:
	kfree(drv->ttys);
	drv->ttys = NULL;
	return err;
}

int tty_register_device(struct tty_driver *drv, unsigned int index)
{
	char name[24];

	if (index >= drv->num)
		return -EINVAL;
	snprintf(name, sizeof(name), "%s%u", drv->name, index);
	return devtmpfs_create_node(name, S_IFCHR | 0620,
				    MKDEV(drv->major, drv->minor_start + index));
}

void tty_set_console(struct tty_driver *drv, unsigned int index)
{
	console_driver = drv;
	console_index = index;
}

static struct tty_driver *find_driver(dev_t dev, unsigned int *index)
{
	struct tty_driver *drv;
	unsigned int minor = MINOR(dev);

	for (drv = tty_drivers; drv; drv = drv->next) {
		if (MAJOR(dev) != drv->major || minor < drv->minor_start ||
		    minor >= drv->minor_start + drv->num)
			continue;
		*index = minor - drv->minor_start;
		return drv;
	}
	return NULL;
}

static struct tty_struct *alloc_tty(struct tty_driver *drv, unsigned int index)
{
	struct tty_struct *tty = kzalloc(sizeof(*tty), GFP_KERNEL);

	if (!tty)
		return NULL;
	tty->driver = drv;
	tty->index = index;
	snprintf(tty->name, sizeof(tty->name), "%s%u", drv->name, index);
	tty_init_termios(&tty->termios);
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	return tty;
}

/* The tty_struct of a device, made at its first open. */
static struct tty_struct *tty_lookup(struct tty_driver *drv, unsigned int index)
{
	struct tty_struct *tty = drv->ttys[index];
	int err;

	if (tty)
		return tty;
	tty = alloc_tty(drv, index);
	if (!tty)
		return ERR_PTR(-ENOMEM);
	err = n_tty_open(tty);
	if (err)
		goto out_free_tty;
	if (drv->ops->install) {
		err = drv->ops->install(tty);
		if (err)
			goto out_close_ldisc;
	}
	drv->ttys[index] = tty;
	return tty;

out_close_ldisc:
	n_tty_close(tty);
out_free_tty:
	kfree(tty);
	return ERR_PTR(err);
}

/* Which tty an inode stands for; *noctty says it must not become a ctty. */
static struct tty_struct *tty_of_inode(struct inode *inode, bool *noctty)
{
	struct tty_driver *drv;
	dev_t dev = inode->i_rdev;
	unsigned int index;

	if (dev == MKDEV(TTYAUX_MAJOR, 0)) {
		*noctty = true;
		if (!current->signal || !current->signal->tty)
			return ERR_PTR(-ENXIO);
		return current->signal->tty;
	}
	if (dev == MKDEV(TTYAUX_MAJOR, 1)) {
		*noctty = true;
		if (!console_driver)
			return ERR_PTR(-ENODEV);
		return tty_lookup(console_driver, console_index);
	}
	drv = find_driver(dev, &index);
	if (!drv)
		return ERR_PTR(-ENODEV);
	return tty_lookup(drv, index);
}

static int tty_open(struct inode *inode, struct file *file)
{
	bool noctty = file->f_flags & O_NOCTTY;
	struct tty_struct *tty = tty_of_inode(inode, &noctty);
	int err;

	if (IS_ERR(tty))
		return PTR_ERR(tty);
	if (tty->exclusive && tty->count && current->cred.euid != 0)
		return -EBUSY;
	tty->count++;
	if (tty->driver->ops->open) {
		err = tty->driver->ops->open(tty);
		if (err) {
			tty->count--;
			return err;
		}
	}
	file->private_data = tty;
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	if (!noctty)
		tty_open_ctty(tty);
	return 0;
}

static int tty_release(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = file->private_data;

	if (tty->driver->ops->close)
		tty->driver->ops->close(tty);
	if (--tty->count == 0) {
		tty->exclusive = false;
		tty_release_ctty(tty);
	}
	return 0;
}

static ssize_t tty_read(struct file *file, char __user *buf, size_t len,
			loff_t *pos)
{
	return n_tty_read(file->private_data, file, buf, len);
}

static ssize_t tty_write(struct file *file, const char __user *buf,
			 size_t len, loff_t *pos)
{
	return n_tty_write(file->private_data, file, buf, len);
}

static __poll_t tty_poll(struct file *file, struct poll_table_struct *pt)
{
	return n_tty_poll(file->private_data, file, pt);
}

static loff_t tty_llseek(struct file *file, loff_t off, int whence)
{
	return -ESPIPE;
}

static const struct file_operations tty_fops = {
	.llseek		= tty_llseek,
	.read		= tty_read,
	.write		= tty_write,
	.poll		= tty_poll,
	.unlocked_ioctl	= tty_ioctl,
	.open		= tty_open,
	.release	= tty_release,
};

/* /dev/tty and /dev/console. */
static int tty_aux_init(void)
{
	int err;

	err = register_chrdev_region_fops(MKDEV(TTYAUX_MAJOR, 0), 2, "tty",
					  &tty_fops);
	if (err)
		return err;
	err = devtmpfs_create_node("tty", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 0));
	if (err)
		return err;
	return devtmpfs_create_node("console", S_IFCHR | 0600,
				    MKDEV(TTYAUX_MAJOR, 1));
}
device_initcall(tty_aux_init);
