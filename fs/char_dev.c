// SPDX-License-Identifier: GPL-2.0
/*
 * Character and block device numbers.  A driver registers the
 * file_operations of a range of device numbers; opening a device node
 * looks the node's i_rdev up here and hands the file to those operations
 * (the file's f_op is replaced, then the driver's ->open runs).
 */
#include <umk/fs.h>
#include <umk/mm.h>

struct dev_region {
	dev_t first;
	unsigned int count;
	bool blk;
	const char *name;
	const struct file_operations *fops;
	struct dev_region *next;
};

static struct dev_region *regions;

static bool overlaps(const struct dev_region *r, dev_t first, unsigned int count, bool blk)
{
	return r->blk == blk && first < r->first + r->count && r->first < first + count;
}

static int register_region(dev_t first, unsigned int count, const char *name,
			   const struct file_operations *fops, bool blk)
{
	struct dev_region *r, **p;

	if (!count || !fops)
		return -EINVAL;
	for (r = regions; r; r = r->next)
		if (overlaps(r, first, count, blk))
			return -EBUSY;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	r->first = first;
	r->count = count;
	r->blk = blk;
	r->name = name;
	r->fops = fops;
	/* Sorted by number, for /proc/devices. */
	for (p = &regions; *p && (*p)->first < first; p = &(*p)->next)
		;
	r->next = *p;
	*p = r;
	return 0;
}

static void unregister_region(dev_t first, unsigned int count, bool blk)
{
	struct dev_region **p, *r;

	for (p = &regions; (r = *p) != NULL; p = &r->next) {
		if (r->blk == blk && r->first == first && r->count == count) {
			*p = r->next;
			kfree(r);
			return;
		}
	}
}

int register_chrdev_region_fops(dev_t first, unsigned int count, const char *name,
				const struct file_operations *fops)
{
	return register_region(first, count, name, fops, false);
}

void unregister_chrdev_region_fops(dev_t first, unsigned int count)
{
	unregister_region(first, count, false);
}

int register_blkdev_region_fops(dev_t first, unsigned int count, const char *name,
				const struct file_operations *fops)
{
	return register_region(first, count, name, fops, true);
}

void unregister_blkdev_region_fops(dev_t first, unsigned int count)
{
	unregister_region(first, count, true);
}

static const struct file_operations *lookup_fops(dev_t dev, bool blk)
{
	struct dev_region *r;

	for (r = regions; r; r = r->next)
		if (r->blk == blk && dev >= r->first && dev - r->first < r->count)
			return r->fops;
	return NULL;
}

static int dev_open(struct inode *inode, struct file *file, bool blk)
{
	const struct file_operations *fops = lookup_fops(inode->i_rdev, blk);

	if (!fops)
		return -ENXIO;
	file->f_op = fops;
	if (fops->open)
		return fops->open(inode, file);
	return 0;
}

int chrdev_open(struct inode *inode, struct file *file)
{
	return dev_open(inode, file, false);
}

static int blkdev_open(struct inode *inode, struct file *file)
{
	return dev_open(inode, file, true);
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

const struct file_operations def_blk_fops = {
	.open = blkdev_open,
};

static int list_kind(char *buf, int size, bool blk)
{
	unsigned int last = ~0u;
	struct dev_region *r;
	int len = 0;

	for (r = regions; r && len < size; r = r->next) {
		if (r->blk != blk || MAJOR(r->first) == last)
			continue;
		last = MAJOR(r->first);
		len += scnprintf(buf + len, size - len, "%3u %s\n", last, r->name);
	}
	return len;
}

int get_device_list(char *buf, int size)
{
	int len;

	len = scnprintf(buf, size, "Character devices:\n");
	len += list_kind(buf + len, size - len, false);
	len += scnprintf(buf + len, size - len, "\nBlock devices:\n");
	len += list_kind(buf + len, size - len, true);
	return len;
}
