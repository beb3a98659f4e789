// SPDX-License-Identifier: GPL-2.0
/*
 * hostfs: file contents and directory listings.
 *
 * Each open guest file owns a host descriptor, opened with the access mode
 * the guest asked for.  Data is read through the page cache, a page per
 * host pread; writes go straight to the host with pwrite and are copied
 * into the cached pages that exist, so the cache never goes stale from the
 * guest's own writes.  Pages that shared mappings dirtied are written back
 * by ->writepage.  Directories are read with the host's getdents64, and
 * the guest's directory offsets are the host's cookies.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>
#include <linux/fs.h>
#include "hostfs_kern.h"

/* ---- finding a host descriptor for an inode ------------------------- */

struct hostfs_file *hostfs_find_open_file(struct inode *inode, int how)
{
	struct hostfs_inode_info *info = HOSTFS_I(inode);
	struct hostfs_file *hf;

	if (!info)
		return NULL;
	list_for_each_entry(hf, &info->files, node)
		if (hf->fd >= 0 && (hf->how & how) == how)
			return hf;
	return NULL;
}

/*
 * A host descriptor for page I/O: one an open file already has, else one
 * opened for the occasion (*opened set; the caller closes it).  The name is
 * taken from an open file's dentry, which the VFS keeps current across
 * renames, or else from the last path the inode was seen under.
 */
static int page_io_fd(struct inode *inode, struct file *file, int how, bool *opened)
{
	struct hostfs_inode_info *info = HOSTFS_I(inode);
	struct hostfs_file *hf = file ? file->private_data : NULL;
	char *path = NULL;
	int fd;

	*opened = false;
	if (hf && hf->fd >= 0 && (hf->how & how) == how)
		return hf->fd;
	hf = hostfs_find_open_file(inode, how);
	if (hf)
		return hf->fd;
	if (!file && info && !list_empty(&info->files))
		file = list_first_entry(&info->files, struct hostfs_file, node)->file;
	if (file)
		path = hostfs_dentry_path(file->f_path.dentry);
	else if (info && info->path)
		path = kstrdup(info->path);
	if (IS_ERR_OR_NULL(path))
		return path ? PTR_ERR(path) : -EIO;
	fd = hostfs_user_open(path, how | (hostfs_append ? HOSTFS_OPEN_APPEND : 0));
	kfree(path);
	if (fd >= 0)
		*opened = true;
	return fd;
}

/* ---- page cache ----------------------------------------------------- */

static int hostfs_readpage(struct file *file, struct page *page)
{
	struct inode *inode = page->mapping->host;
	loff_t pos = (loff_t)page->index << PAGE_SHIFT;
	char *addr = page_address(page);
	unsigned long done = 0;
	bool opened;
	long n = 0;
	int fd;

	fd = page_io_fd(inode, file, HOSTFS_OPEN_READ, &opened);
	if (fd < 0)
		return fd;
	while (done < PAGE_SIZE) {
		n = hostfs_user_pread(fd, addr + done, PAGE_SIZE - done, pos + done);
		if (n <= 0)
			break;
		done += n;
	}
	if (opened)
		hostfs_user_close(fd);
	if (n < 0)
		return n;
	memset(addr + done, 0, PAGE_SIZE - done);
	page->flags |= PG_uptodate;
	return 0;
}

/* Write one page of a shared mapping back to the host, up to i_size. */
static int hostfs_writepage(struct page *page)
{
	struct inode *inode = page->mapping->host;
	loff_t pos = (loff_t)page->index << PAGE_SHIFT;
	unsigned long len;
	bool opened;
	long n;
	int fd;

	if (pos >= inode->i_size) {
		page->flags &= ~PG_dirty;
		return 0;
	}
	len = min_t(loff_t, PAGE_SIZE, inode->i_size - pos);
	fd = page_io_fd(inode, NULL, HOSTFS_OPEN_WRITE, &opened);
	if (fd < 0)
		return fd;
	n = hostfs_user_pwrite(fd, page_address(page), len, pos);
	if (opened)
		hostfs_user_close(fd);
	if (n < 0)
		return n;
	if ((unsigned long)n < len)
		return -EIO;
	page->flags &= ~PG_dirty;
	return 0;
}

/* Write back pages that guest mmap stores have dirtied. */
int hostfs_write_dirty_pages(struct inode *inode)
{
	struct page *page;
	int err, ret = 0;

	if (!S_ISREG(inode->i_mode) || !inode->i_mapping)
		return 0;
	list_for_each_entry(page, &inode->i_mapping->pages, lru) {
		if (!(page->flags & PG_dirty))
			continue;
		err = hostfs_writepage(page);
		if (err && !ret)
			ret = err;
	}
	return ret;
}

/* Copy freshly written bytes into the cached pages that cover them. */
static void update_cached_pages(struct address_space *mapping, const char *buf,
				size_t len, loff_t pos)
{
	struct page *page;
	size_t off, chunk;

	if (!mapping || !mapping->nrpages)
		return;
	while (len) {
		off = pos & (PAGE_SIZE - 1);
		chunk = min_t(size_t, len, PAGE_SIZE - off);
		page = find_get_page(mapping, pos >> PAGE_SHIFT);
		if (page) {
			if (page->flags & PG_uptodate)
				memcpy((char *)page_address(page) + off, buf, chunk);
			put_page(page);
		}
		buf += chunk;
		pos += chunk;
		len -= chunk;
	}
}

/* The file is now size bytes long: trim the cache to match. */
void hostfs_truncate_cache(struct inode *inode, loff_t size)
{
	struct address_space *mapping = inode->i_mapping;
	size_t off = size & (PAGE_SIZE - 1);
	struct page *page;

	if (mapping && mapping->nrpages) {
		page = off ? find_get_page(mapping, size >> PAGE_SHIFT) : NULL;
		if (page) {
			memset((char *)page_address(page) + off, 0, PAGE_SIZE - off);
			put_page(page);
		}
		truncate_inode_pages(mapping, size);
	}
	inode->i_size = size;
}

/* ---- regular files -------------------------------------------------- */

static int file_open_how(struct file *file)
{
	int how = 0;

	if (file->f_mode & (FMODE_READ | FMODE_WRITE)) {
		if (file->f_mode & FMODE_READ)
			how |= HOSTFS_OPEN_READ;
		if (file->f_mode & FMODE_WRITE)
			how |= HOSTFS_OPEN_WRITE;
		return how;
	}
	if ((file->f_mode & FMODE_PATH) || (file->f_flags & O_PATH))
		return 0;
	switch (file->f_flags & O_ACCMODE) {
	case O_WRONLY:
		return HOSTFS_OPEN_WRITE;
	case O_RDWR:
		return HOSTFS_OPEN_READ | HOSTFS_OPEN_WRITE;
	default:
		return HOSTFS_OPEN_READ;
	}
}

static struct hostfs_file *attach_file(struct inode *inode, struct file *file,
				       int fd, int how)
{
	struct hostfs_file *hf = kzalloc(sizeof(*hf), GFP_KERNEL);

	if (!hf)
		return NULL;
	hf->fd = fd;
	hf->how = how;
	hf->file = file;
	list_add(&hf->node, &HOSTFS_I(inode)->files);
	file->private_data = hf;
	return hf;
}

static int hostfs_open(struct inode *inode, struct file *file)
{
	int how = file_open_how(file);
	struct hostfs_file *hf;
	char *path;
	int fd = -1;

	if (!HOSTFS_I(inode))
		return -EIO;
	hf = attach_file(inode, file, -1, how);
	if (!hf)
		return -ENOMEM;
	if (!how)
		return 0;
	path = hostfs_dentry_path(file->f_path.dentry);
	if (IS_ERR(path)) {
		fd = PTR_ERR(path);
		goto out_detach;
	}
	/* O_TRUNC never gets here: the VFS truncates through ->setattr. */
	if (hostfs_append)
		how |= HOSTFS_OPEN_APPEND;
	fd = S_ISDIR(inode->i_mode) ? hostfs_user_opendir(path) :
				      hostfs_user_open(path, how);
	if (fd >= 0)
		hostfs_set_path(inode, path);
	kfree(path);
	if (fd < 0)
		goto out_detach;
	hf->fd = fd;
	return 0;

out_detach:
	list_del(&hf->node);
	kfree(hf);
	file->private_data = NULL;
	return fd;
}

static int hostfs_release(struct inode *inode, struct file *file)
{
	struct hostfs_file *hf = file->private_data;

	if (!hf)
		return 0;
	if (S_ISREG(inode->i_mode) && (hf->how & HOSTFS_OPEN_WRITE))
		hostfs_write_dirty_pages(inode);
	list_del(&hf->node);
	if (hf->fd >= 0)
		hostfs_user_close(hf->fd);
	kfree(hf);
	file->private_data = NULL;
	return 0;
}

/* Attributes after our own change: no reason to drop cached pages. */
static void resync_from_fd(struct inode *inode, int fd)
{
	struct hostfs_stat st;

	if (!hostfs_user_fstat(fd, &st) && hostfs_same_file(inode, &st))
		hostfs_fill_inode(inode, &st);
}

/* Where this write starts: O_APPEND writes go to the host's end of file. */
static int write_start(struct file *file, int fd, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	struct hostfs_stat st;
	int err;

	if (!(file->f_flags & O_APPEND) && !hostfs_append)
		return 0;
	err = hostfs_user_fstat(fd, &st);
	if (err)
		return err;
	if (hostfs_same_file(inode, &st))
		hostfs_refresh_inode(inode, &st);
	*pos = st.size;
	return 0;
}

/*
 * Copy the guest's bytes through a bounce buffer to the host, a chunk at a
 * time, keeping cached pages in step.  Returns the bytes written, or -errno
 * if none were.
 */
static ssize_t hostfs_write(struct file *file, const char __user *ubuf, size_t len,
			    loff_t *ppos)
{
	struct inode *inode = file_inode(file);
	struct hostfs_file *hf = file->private_data;
	unsigned int order = 0;
	unsigned long bounce;
	size_t done = 0, chunk, left;
	loff_t pos = *ppos;
	long n = 0;

	if (!hf || hf->fd < 0 || !(hf->how & HOSTFS_OPEN_WRITE))
		return -EBADF;
	n = write_start(file, hf->fd, &pos);
	if (n || !len)
		return n;
	if (pos < 0)
		return -EINVAL;
	/* Up to 64 KiB of bounce buffer: big writes in few host calls. */
	while (order < 4 && (PAGE_SIZE << order) < len)
		order++;
	bounce = __get_free_pages(GFP_KERNEL | __GFP_NOWARN, order);
	if (!bounce) {
		order = 0;
		bounce = __get_free_pages(GFP_KERNEL, 0);
		if (!bounce)
			return -ENOMEM;
	}
	while (done < len) {
		chunk = min_t(size_t, len - done, PAGE_SIZE << order);
		left = copy_from_user((void *)bounce, ubuf + done, chunk);
		if (left == chunk) {
			n = -EFAULT;
			break;
		}
		n = hostfs_user_pwrite(hf->fd, (void *)bounce, chunk - left, pos);
		if (n < 0)
			break;
		update_cached_pages(inode->i_mapping, (void *)bounce, n, pos);
		pos += n;
		done += n;
		if ((size_t)n < chunk)
			break;
	}
	free_pages(bounce, order);
	if (pos > inode->i_size)
		inode->i_size = pos;
	if (done)
		resync_from_fd(inode, hf->fd);
	*ppos = pos;
	return done ? (ssize_t)done : n;
}

static int hostfs_fsync(struct file *file, int datasync)
{
	struct hostfs_file *hf = file->private_data;
	int err;

	if (!hf || hf->fd < 0)
		return -EBADF;
	err = hostfs_write_dirty_pages(file_inode(file));
	if (err)
		return err;
	return hostfs_user_fsync(hf->fd, datasync);
}

/* ---- directories ---------------------------------------------------- */

/*
 * Directory positions are the host's getdents cookies: ctx->pos is the
 * cookie of the next entry to report (0 at the start), so a seek back to
 * a d_off the guest saw resumes there.
 */
static int hostfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct hostfs_file *hf = file->private_data;
	struct hostfs_dirent *de;
	unsigned long buf;
	long n, off;
	int err = 0;

	if (!hf || hf->fd < 0)
		return -EBADF;
	buf = __get_free_pages(GFP_KERNEL, 0);
	if (!buf)
		return -ENOMEM;
	for (;;) {
		if (hf->dir_pos != ctx->pos) {
			err = hostfs_user_seekdir(hf->fd, ctx->pos);
			if (err)
				break;
			hf->dir_pos = ctx->pos;
		}
		n = hostfs_user_getdents(hf->fd, (void *)buf, PAGE_SIZE);
		if (n <= 0) {
			err = n;
			break;
		}
		/* Unknown until the whole batch is taken: the host fd is past it. */
		hf->dir_pos = -1;
		for (off = 0; off < n; off += de->reclen) {
			de = (struct hostfs_dirent *)(buf + off);
			if (!dir_emit(ctx, de->name, strlen(de->name), de->ino, de->type))
				goto out;
			ctx->pos = de->off;
		}
		hf->dir_pos = ctx->pos;
	}
out:
	free_page(buf);
	return err;
}

static loff_t hostfs_dir_llseek(struct file *file, loff_t off, int whence)
{
	switch (whence) {
	case SEEK_SET:
		break;
	case SEEK_CUR:
		off += file->f_pos;
		break;
	default:
		return -EINVAL;
	}
	if (off < 0)
		return -EINVAL;
	file->f_pos = off;
	return off;
}

const struct address_space_operations hostfs_aops = {
	.readpage	= hostfs_readpage,
	.writepage	= hostfs_writepage,
};

const struct file_operations hostfs_file_fops = {
	.llseek		= generic_file_llseek,
	.read		= generic_file_read,
	.write		= hostfs_write,
	.mmap		= generic_file_mmap,
	.open		= hostfs_open,
	.release	= hostfs_release,
	.fsync		= hostfs_fsync,
};

const struct file_operations hostfs_dir_fops = {
	.llseek		= hostfs_dir_llseek,
	.iterate	= hostfs_iterate,
	.open		= hostfs_open,
	.release	= hostfs_release,
	.fsync		= hostfs_fsync,
};

