// SPDX-License-Identifier: GPL-2.0
/*
 * hostfs: a directory of the host seen as a file system.
 *
 * Every guest file is the host file at <prefix><mount data>/<names>; the
 * path is rebuilt from the dentry chain for each host call, so renames
 * of directories need no bookkeeping.  The VFS walks "." and "..", and
 * follows symbolic links itself with the text readlink gives it; the host
 * never follows a link in the last component.  The mount root is made
 * canonical once (links resolved) and must lie under the hostfs= prefix.
 *
 * Inodes are cached by host inode number and refreshed from lstat each
 * time a dentry is revalidated or stat()ed.  File data is read through the
 * page cache; writes go straight to the host and are copied into the
 * cached pages that exist, so the cache never goes stale from our own
 * writes.  A host-side change is noticed as a new size or mtime, and the
 * cached pages are then dropped.  Each open file owns a host descriptor.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <init.h>
#include "hostfs.h"

struct hostfs_sb_info {
	char *root;		/* canonical host path; "" for "/" */
	size_t root_len;
};

struct hostfs_inode_info {
	unsigned long long host_dev;
	char *path;		/* last host path seen, when no file is open */
	struct list_head files;	/* open hostfs_file of this inode */
};

struct hostfs_file {
	int fd;			/* host descriptor, or -1 */
	int how;		/* HOSTFS_OPEN_READ / _WRITE */
	loff_t dir_pos;		/* directories: the host fd's position */
	struct file *file;
	struct list_head node;	/* in hostfs_inode_info.files */
};

/* hostfs=<root>,<flags>: parsed before memory exists, so static storage. */
static char hostfs_prefix[PATH_MAX];
static bool hostfs_append;

static const struct inode_operations hostfs_dir_iops;
static const struct inode_operations hostfs_file_iops;
static const struct inode_operations hostfs_link_iops;
static const struct inode_operations hostfs_special_iops;
static const struct file_operations hostfs_dir_fops;
static const struct file_operations hostfs_file_fops;
static const struct address_space_operations hostfs_aops;
static const struct dentry_operations hostfs_dentry_ops;
static const struct super_operations hostfs_sops;

static inline struct hostfs_inode_info *HOSTFS_I(struct inode *inode)
{
	return inode->i_private;
}

/* ---- host paths ----------------------------------------------------- */

/*
 * The host path of a dentry, in a PATH_MAX buffer the caller kfree()s.
 * Names are laid down from the end of the buffer while walking up to the
 * mount root, then the root is put in front.
 */
static char *dentry_host_path(struct dentry *dentry)
{
	struct hostfs_sb_info *sbi = dentry->d_sb->s_fs_info;
	struct dentry *d;
	char *buf, *p;
	size_t len;

	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	p = buf + PATH_MAX - 1;
	*p = '\0';
	for (d = dentry; d != d->d_sb->s_root && d->d_parent != d; d = d->d_parent) {
		len = d->d_name.len;
		if ((size_t)(p - buf) < len + 1 + sbi->root_len)
			goto too_long;
		p -= len;
		memcpy(p, d->d_name.name, len);
		*--p = '/';
	}
	len = buf + PATH_MAX - 1 - p;
	memmove(buf + sbi->root_len, p, len + 1);
	memcpy(buf, sbi->root, sbi->root_len);
	if (!buf[0])
		strscpy(buf, "/", PATH_MAX);
	return buf;

too_long:
	kfree(buf);
	return ERR_PTR(-ENAMETOOLONG);
}

/* Remember path as the inode's fallback name (used by writeback). */
static void inode_set_path(struct inode *inode, const char *path)
{
	struct hostfs_inode_info *info = HOSTFS_I(inode);
	char *copy;

	if (!info || (info->path && !strcmp(info->path, path)))
		return;
	copy = kstrdup(path);
	if (!copy)
		return;
	kfree(info->path);
	info->path = copy;
}

/* ---- inodes --------------------------------------------------------- */

static unsigned int blkbits_of(unsigned int blksize)
{
	unsigned int bits = 9;

	while (bits < 20 && (1U << (bits + 1)) <= blksize)
		bits++;
	return bits;
}

static void fill_inode(struct inode *inode, const struct hostfs_stat *st)
{
	inode->i_mode = st->mode;
	/* Some host file systems count no links for directories. */
	set_nlink(inode, S_ISDIR(st->mode) && !st->nlink ? 1 : st->nlink);
	inode->i_uid = st->uid;
	inode->i_gid = st->gid;
	inode->i_rdev = MKDEV(st->rdev_major, st->rdev_minor);
	inode->i_size = st->size;
	inode->i_blocks = st->blocks;
	inode->i_blkbits = blkbits_of(st->blksize);
	inode->i_atime.tv_sec = st->atime;
	inode->i_atime.tv_nsec = st->atime_nsec;
	inode->i_mtime.tv_sec = st->mtime;
	inode->i_mtime.tv_nsec = st->mtime_nsec;
	inode->i_ctime.tv_sec = st->ctime;
	inode->i_ctime.tv_nsec = st->ctime_nsec;
}

static bool same_host_file(struct inode *inode, const struct hostfs_stat *st)
{
	struct hostfs_inode_info *info = HOSTFS_I(inode);

	return info && inode->i_ino == st->ino && info->host_dev == st->dev &&
	       !((inode->i_mode ^ st->mode) & S_IFMT);
}

static int hostfs_writepage(struct page *page);

/* Write back pages that guest mmap stores have dirtied. */
static int write_dirty_pages(struct inode *inode)
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

/*
 * New attributes from the host.  A different size or mtime means the file
 * changed underneath us: drop its cached pages (after saving dirty ones).
 */
static void refresh_inode(struct inode *inode, const struct hostfs_stat *st)
{
	struct address_space *mapping = inode->i_mapping;

	if (S_ISREG(inode->i_mode) && mapping && mapping->nrpages &&
	    (inode->i_size != (loff_t)st->size ||
	     inode->i_mtime.tv_sec != st->mtime ||
	     inode->i_mtime.tv_nsec != st->mtime_nsec)) {
		write_dirty_pages(inode);
		invalidate_mapping_pages(mapping);
	}
	fill_inode(inode, st);
}

static void set_inode_ops(struct inode *inode)
{
	umode_t mode = inode->i_mode;

	if (S_ISDIR(mode)) {
		inode->i_op = &hostfs_dir_iops;
		inode->i_fop = &hostfs_dir_fops;
	} else if (S_ISREG(mode)) {
		inode->i_op = &hostfs_file_iops;
		inode->i_fop = &hostfs_file_fops;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &hostfs_link_iops;
	} else {
		/* Devices, FIFOs and sockets are the guest's, not the host's. */
		inode->i_op = &hostfs_special_iops;
		init_special_inode(inode, mode, inode->i_rdev);
	}
	if (!inode->i_mapping)
		inode->i_mapping = &inode->i_data;
	inode->i_data.host = inode;
	inode->i_data.a_ops = &hostfs_aops;
}

static int init_inode(struct inode *inode, const struct hostfs_stat *st,
		      const char *path)
{
	struct hostfs_inode_info *info;

	fill_inode(inode, st);
	set_inode_ops(inode);
	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	info->host_dev = st->dev;
	INIT_LIST_HEAD(&info->files);
	inode->i_private = info;
	inode_set_path(inode, path);
	return 0;
}

/*
 * The inode of a host file, cached by host inode number.  Files of two host
 * file systems may share a number: a cached inode of another device (or
 * type) is not reused, and the newcomer gets an unhashed inode.
 */
static struct inode *hostfs_iget(struct super_block *sb, const struct hostfs_stat *st,
				 const char *path)
{
	struct inode *inode;
	int err;

	inode = iget_locked(sb, st->ino);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	if (!(inode->i_state & I_NEW)) {
		if (same_host_file(inode, st)) {
			refresh_inode(inode, st);
			inode_set_path(inode, path);
			return inode;
		}
		iput(inode);
		inode = new_inode(sb);
		if (!inode)
			return ERR_PTR(-ENOMEM);
		inode->i_ino = st->ino;
	}
	err = init_inode(inode, st, path);
	if (inode->i_state & I_NEW)
		unlock_new_inode(inode);
	if (err) {
		iput(inode);
		return ERR_PTR(err);
	}
	return inode;
}

static void hostfs_evict_inode(struct inode *inode)
{
	struct hostfs_inode_info *info = HOSTFS_I(inode);

	if (inode->i_mapping)
		truncate_inode_pages(inode->i_mapping, 0);
	if (!info)
		return;
	kfree(info->path);
	kfree(info);
	inode->i_private = NULL;
}

/* ---- finding a host descriptor for an inode ------------------------- */

static struct hostfs_file *find_open_file(struct inode *inode, int how)
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
	hf = find_open_file(inode, how);
	if (hf)
		return hf->fd;
	if (!file && info && !list_empty(&info->files))
		file = list_first_entry(&info->files, struct hostfs_file, node)->file;
	if (file)
		path = dentry_host_path(file->f_path.dentry);
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
static void truncate_cache(struct inode *inode, loff_t size)
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
	path = dentry_host_path(file->f_path.dentry);
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
		inode_set_path(inode, path);
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
		write_dirty_pages(inode);
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

	if (!hostfs_user_fstat(fd, &st) && same_host_file(inode, &st))
		fill_inode(inode, &st);
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
	if (same_host_file(inode, &st))
		refresh_inode(inode, &st);
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
	unsigned int order = 4;
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
	err = write_dirty_pages(file_inode(file));
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

/* ---- names ---------------------------------------------------------- */

static struct dentry *hostfs_lookup(struct inode *dir, struct dentry *dentry,
				    unsigned int flags)
{
	struct inode *inode = NULL;
	struct hostfs_stat st;
	char *path;
	int err;

	/* The VFS never passes these; refuse them so none can reach the host. */
	if ((dentry->d_name.len == 1 && dentry->d_name.name[0] == '.') ||
	    (dentry->d_name.len == 2 && !memcmp(dentry->d_name.name, "..", 2)))
		return ERR_PTR(-EINVAL);
	path = dentry_host_path(dentry);
	if (IS_ERR(path))
		return (struct dentry *)path;
	err = hostfs_user_lstat(path, &st);
	if (!err) {
		inode = hostfs_iget(dir->i_sb, &st, path);
		if (IS_ERR(inode))
			err = PTR_ERR(inode);
	} else if (err == -ENOENT) {
		err = 0;
	}
	kfree(path);
	if (err)
		return ERR_PTR(err);
	dentry->d_op = &hostfs_dentry_ops;
	d_add(dentry, inode);
	return NULL;
}

/*
 * A name was just made on the host: give it a cached inode.  The host
 * process's umask may have cleared mode bits the guest asked for; put them
 * back (fix_mode) for names hostfs itself created.
 */
static int instantiate(struct dentry *dentry, const char *path, umode_t mode,
		       bool fix_mode)
{
	struct hostfs_stat st;
	struct inode *inode;
	int err;

	err = hostfs_user_lstat(path, &st);
	if (err)
		return err;
	if (fix_mode && (st.mode & 07777) != (mode & 07777) &&
	    !hostfs_user_chmod(path, mode & 07777))
		st.mode = (st.mode & S_IFMT) | (mode & 07777);
	inode = hostfs_iget(dentry->d_sb, &st, path);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	dentry->d_op = &hostfs_dentry_ops;
	d_instantiate(dentry, inode);
	return 0;
}

static int hostfs_create(struct inode *dir, struct dentry *dentry, umode_t mode,
			 bool excl)
{
	char *path = dentry_host_path(dentry);
	bool made = true;
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = hostfs_user_create(path, mode);
	if (err == -EEXIST && !excl) {
		made = false;
		err = 0;
	}
	if (!err)
		err = instantiate(dentry, path, mode, made);
	kfree(path);
	return err;
}

static int hostfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	char *path = dentry_host_path(dentry);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = hostfs_user_mkdir(path, mode & 07777);
	if (!err)
		err = instantiate(dentry, path, S_IFDIR | mode, true);
	kfree(path);
	return err;
}

/* FIFOs and device nodes: unprivileged hosts refuse devices with EPERM. */
static int hostfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode,
			dev_t dev)
{
	char *path = dentry_host_path(dentry);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	if (S_ISREG(mode) || !(mode & S_IFMT))
		err = hostfs_user_create(path, mode);
	else
		err = hostfs_user_mknod(path, mode, MAJOR(dev), MINOR(dev));
	if (!err)
		err = instantiate(dentry, path, mode, true);
	kfree(path);
	return err;
}

static int hostfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	char *path = dentry_host_path(dentry);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = hostfs_user_symlink(target, path);
	if (!err)
		err = instantiate(dentry, path, S_IFLNK | 0777, false);
	kfree(path);
	return err;
}

static int hostfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;
	char *from, *to;
	int err;

	from = dentry_host_path(old);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = dentry_host_path(dentry);
	if (IS_ERR(to)) {
		err = PTR_ERR(to);
		goto out_free_from;
	}
	err = hostfs_user_link(from, to);
	if (err)
		goto out_free_to;
	inc_nlink(inode);
	ihold(inode);
	dentry->d_op = &hostfs_dentry_ops;
	d_instantiate(dentry, inode);
out_free_to:
	kfree(to);
out_free_from:
	kfree(from);
	return err;
}

static int remove_name(struct dentry *dentry, bool is_dir)
{
	struct inode *inode = dentry->d_inode;
	char *path = dentry_host_path(dentry);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = is_dir ? hostfs_user_rmdir(path) : hostfs_user_unlink(path);
	kfree(path);
	if (err || !inode)
		return err;
	if (is_dir)
		clear_nlink(inode);
	else if (inode->i_nlink)
		drop_nlink(inode);
	return 0;
}

static int hostfs_unlink(struct inode *dir, struct dentry *dentry)
{
	return remove_name(dentry, false);
}

static int hostfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	return remove_name(dentry, true);
}

static int hostfs_rename(struct inode *odir, struct dentry *old, struct inode *ndir,
			 struct dentry *new, unsigned int flags)
{
	char *from, *to;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	from = dentry_host_path(old);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = dentry_host_path(new);
	if (IS_ERR(to)) {
		err = PTR_ERR(to);
		goto out_free_from;
	}
	err = hostfs_user_rename(from, to, flags);
	if (err)
		goto out_free_to;
	if (old->d_inode)
		inode_set_path(old->d_inode, to);
	if (new->d_inode && (flags & RENAME_EXCHANGE))
		inode_set_path(new->d_inode, from);
	else if (new->d_inode && S_ISDIR(new->d_inode->i_mode))
		clear_nlink(new->d_inode);
	else if (new->d_inode && new->d_inode->i_nlink)
		drop_nlink(new->d_inode);
out_free_to:
	kfree(to);
out_free_from:
	kfree(from);
	return err;
}

static int hostfs_readlink(struct dentry *dentry, char *buf, int len)
{
	char *path = dentry_host_path(dentry);
	int n;

	if (IS_ERR(path))
		return PTR_ERR(path);
	n = hostfs_user_readlink(path, buf, len);
	kfree(path);
	return n;
}

/* ---- attributes ----------------------------------------------------- */

static int set_size(struct inode *inode, const char *path, loff_t size)
{
	struct hostfs_file *hf = find_open_file(inode, HOSTFS_OPEN_WRITE);
	int err;

	/* An open writable descriptor works even if the mode forbids writing. */
	err = hf ? hostfs_user_ftruncate(hf->fd, size) :
		   hostfs_user_truncate(path, size);
	if (!err)
		truncate_cache(inode, size);
	return err;
}

static int set_times(const char *path, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;
	int which = 0;

	/* Without _SET the time is "now": let the host's clock say when. */
	if (valid & ATTR_ATIME)
		which |= valid & ATTR_ATIME_SET ? HOSTFS_SET_ATIME : HOSTFS_ATIME_NOW;
	if (valid & ATTR_MTIME)
		which |= valid & ATTR_MTIME_SET ? HOSTFS_SET_MTIME : HOSTFS_MTIME_NOW;
	if (!which)
		return 0;
	return hostfs_user_utimens(path, which, attr->ia_atime.tv_sec,
				   attr->ia_atime.tv_nsec, attr->ia_mtime.tv_sec,
				   attr->ia_mtime.tv_nsec);
}

static int apply_attr(struct inode *inode, const char *path, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;
	int err;

	if (valid & ATTR_MODE) {
		err = hostfs_user_chmod(path, attr->ia_mode & 07777);
		if (err)
			return err;
	}
	if (valid & (ATTR_UID | ATTR_GID)) {
		err = hostfs_user_chown(path, valid & ATTR_UID ? (int)attr->ia_uid : -1,
					valid & ATTR_GID ? (int)attr->ia_gid : -1);
		if (err)
			return err;
	}
	if (valid & ATTR_SIZE) {
		err = set_size(inode, path, attr->ia_size);
		if (err)
			return err;
		/*
		 * The host stamped the truncation itself; an extra "now" that it
		 * refuses (a file we may write but do not own) must not fail it.
		 */
		if (!(valid & (ATTR_ATIME_SET | ATTR_MTIME_SET))) {
			set_times(path, attr);
			return 0;
		}
	}
	return set_times(path, attr);
}

static int hostfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct hostfs_stat st;
	char *path;
	int err;

	err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	path = dentry_host_path(dentry);
	if (IS_ERR(path))
		return PTR_ERR(path);
	err = apply_attr(inode, path, attr);
	if (!hostfs_user_lstat(path, &st) && same_host_file(inode, &st))
		fill_inode(inode, &st);
	kfree(path);
	return err;
}

/*
 * Fresh attributes for stat(): from the name, or, when the name now belongs
 * to another host file (or none), from a descriptor of an open file.
 */
static void refresh_from_host(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;
	struct hostfs_file *hf;
	struct hostfs_stat st;
	char *path;
	int err = -ENOENT;

	path = dentry_host_path(dentry);
	if (!IS_ERR(path)) {
		err = hostfs_user_lstat(path, &st);
		kfree(path);
	}
	if (!err && same_host_file(inode, &st)) {
		refresh_inode(inode, &st);
		return;
	}
	hf = find_open_file(inode, 0);
	if (hf && !hostfs_user_fstat(hf->fd, &st) && same_host_file(inode, &st))
		refresh_inode(inode, &st);
}

static int hostfs_getattr(const struct path *p, struct kstat *stat)
{
	struct inode *inode = p->dentry->d_inode;

	refresh_from_host(p->dentry);
	generic_fillattr(inode, stat);
	return 0;
}

/* ---- dentries ------------------------------------------------------- */

/*
 * Called for each cached name during a path walk: the host may have
 * removed, replaced or changed the file since.  0 makes the VFS look the
 * name up again.
 */
static int hostfs_d_revalidate(struct dentry *dentry, unsigned int flags)
{
	struct inode *inode = dentry->d_inode;
	struct hostfs_stat st;
	char *path;
	int err;

	path = dentry_host_path(dentry);
	if (IS_ERR(path))
		return 1;
	err = hostfs_user_lstat(path, &st);
	if (!err && inode && same_host_file(inode, &st)) {
		refresh_inode(inode, &st);
		inode_set_path(inode, path);
	}
	kfree(path);
	if (err == -ENOENT || err == -ENOTDIR)
		return !inode;
	if (err)
		return 1;
	return inode && same_host_file(inode, &st);
}

/* Files appear on the host behind our back: never cache "no such file". */
static int hostfs_d_delete(const struct dentry *dentry)
{
	return !dentry->d_inode;
}

/* ---- the super block ------------------------------------------------ */

static int hostfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct hostfs_statfs st;
	char *path = dentry_host_path(dentry);
	int err;

	if (IS_ERR(path))
		return PTR_ERR(path);
	err = hostfs_user_statfs(path, &st);
	kfree(path);
	if (err)
		return err;
	buf->f_type = HOSTFS_SUPER_MAGIC;
	buf->f_bsize = st.bsize;
	buf->f_frsize = st.frsize;
	buf->f_blocks = st.blocks;
	buf->f_bfree = st.bfree;
	buf->f_bavail = st.bavail;
	buf->f_files = st.files;
	buf->f_ffree = st.ffree;
	buf->f_namelen = st.namelen;
	buf->f_flags = st.flags;
	return 0;
}

/* True if path is dir or lies below it (both canonical). */
static bool path_within(const char *path, const char *dir)
{
	size_t len = strlen(dir);

	while (len && dir[len - 1] == '/')
		len--;
	return !strncmp(path, dir, len) && (path[len] == '/' || path[len] == '\0');
}

/*
 * The canonical host directory for mount data: <prefix>/<data>, with links
 * and ".." resolved by the host, checked to stay under the prefix.
 */
static char *mount_root_path(const char *data)
{
	char *joined, *canon;
	int err;

	joined = kmalloc(PATH_MAX, GFP_KERNEL);
	canon = kmalloc(PATH_MAX, GFP_KERNEL);
	err = -ENOMEM;
	if (!joined || !canon)
		goto out_free;
	err = -ENAMETOOLONG;
	if (snprintf(joined, PATH_MAX, "%s/%s", hostfs_prefix, data ? data : "") >= PATH_MAX)
		goto out_free;
	err = hostfs_user_realpath(joined, canon, PATH_MAX);
	if (err)
		goto out_free;
	if (hostfs_prefix[0]) {
		err = hostfs_user_realpath(hostfs_prefix, joined, PATH_MAX);
		if (!err && !path_within(canon, joined))
			err = -EPERM;
		if (err)
			goto out_free;
	}
	kfree(joined);
	if (!strcmp(canon, "/"))
		canon[0] = '\0';
	return canon;

out_free:
	kfree(joined);
	kfree(canon);
	return ERR_PTR(err);
}

/* Set up a super block for the host directory in sbi (which sb then owns). */
static int fill_super(struct super_block *sb, void *data, int silent)
{
	struct hostfs_sb_info *sbi = data;
	const char *path = sbi->root[0] ? sbi->root : "/";
	struct hostfs_stat st;
	struct inode *root;
	int err;

	sb->s_fs_info = sbi;
	sb->s_magic = HOSTFS_SUPER_MAGIC;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_op = &hostfs_sops;
	err = hostfs_user_lstat(path, &st);
	if (err)
		return err;
	if (!S_ISDIR(st.mode))
		return -ENOTDIR;
	root = hostfs_iget(sb, &st, path);
	if (IS_ERR(root))
		return PTR_ERR(root);
	sb->s_root = d_make_root(root);
	if (!sb->s_root)
		return -ENOMEM;
	sb->s_root->d_op = &hostfs_dentry_ops;
	return 0;
}

/* data is the host directory ("" or NULL: the host's root, or the prefix). */
static struct dentry *hostfs_mount(struct file_system_type *type, int flags,
				   const char *dev_name, void *data)
{
	struct hostfs_sb_info *sbi;
	struct dentry *root;
	char *path;
	int err;

	path = mount_root_path(data);
	if (IS_ERR(path)) {
		err = PTR_ERR(path);
		goto out_report;
	}
	sbi = kzalloc(sizeof(*sbi), GFP_KERNEL);
	if (!sbi) {
		kfree(path);
		err = -ENOMEM;
		goto out_report;
	}
	sbi->root = path;
	sbi->root_len = strlen(path);
	/* On failure the half-built super block is killed, freeing sbi. */
	root = mount_nodev(type, flags, sbi, fill_super);
	if (!IS_ERR(root))
		return root;
	err = PTR_ERR(root);

out_report:
	pr_err("hostfs: cannot mount host directory \"%s/%s\": error %d\n",
	       hostfs_prefix, data ? (const char *)data : "", err);
	return ERR_PTR(err);
}

static void hostfs_kill_sb(struct super_block *sb)
{
	struct hostfs_sb_info *sbi = sb->s_fs_info;

	kill_anon_super(sb);
	if (sbi) {
		kfree(sbi->root);
		kfree(sbi);
	}
}

/* ---- operation tables ----------------------------------------------- */

static const struct super_operations hostfs_sops = {
	.evict_inode	= hostfs_evict_inode,
	.statfs		= hostfs_statfs,
};

static const struct dentry_operations hostfs_dentry_ops = {
	.d_revalidate	= hostfs_d_revalidate,
	.d_delete	= hostfs_d_delete,
};

static const struct address_space_operations hostfs_aops = {
	.readpage	= hostfs_readpage,
	.writepage	= hostfs_writepage,
};

static const struct inode_operations hostfs_dir_iops = {
	.lookup		= hostfs_lookup,
	.create		= hostfs_create,
	.link		= hostfs_link,
	.unlink		= hostfs_unlink,
	.symlink	= hostfs_symlink,
	.mkdir		= hostfs_mkdir,
	.rmdir		= hostfs_rmdir,
	.mknod		= hostfs_mknod,
	.rename		= hostfs_rename,
	.setattr	= hostfs_setattr,
	.getattr	= hostfs_getattr,
};

static const struct inode_operations hostfs_file_iops = {
	.setattr	= hostfs_setattr,
	.getattr	= hostfs_getattr,
};

static const struct inode_operations hostfs_link_iops = {
	.readlink	= hostfs_readlink,
	.setattr	= hostfs_setattr,
	.getattr	= hostfs_getattr,
};

static const struct inode_operations hostfs_special_iops = {
	.setattr	= hostfs_setattr,
	.getattr	= hostfs_getattr,
};

static const struct file_operations hostfs_file_fops = {
	.llseek		= generic_file_llseek,
	.read		= generic_file_read,
	.write		= hostfs_write,
	.mmap		= generic_file_mmap,
	.open		= hostfs_open,
	.release	= hostfs_release,
	.fsync		= hostfs_fsync,
};

static const struct file_operations hostfs_dir_fops = {
	.llseek		= hostfs_dir_llseek,
	.iterate	= hostfs_iterate,
	.open		= hostfs_open,
	.release	= hostfs_release,
	.fsync		= hostfs_fsync,
};

static struct file_system_type hostfs_type = {
	.name		= "hostfs",
	.mount		= hostfs_mount,
	.kill_sb	= hostfs_kill_sb,
};

static int __init init_hostfs(void)
{
	return register_filesystem(&hostfs_type);
}
fs_initcall(init_hostfs);

/* ---- hostfs=<root dir>,<flags> -------------------------------------- */

static void hostfs_flag(const char *flag, size_t len)
{
	char name[32];

	if (len == 6 && !strncmp(flag, "append", 6)) {
		hostfs_append = true;
		return;
	}
	strscpy(name, flag, min(len + 1, sizeof(name)));
	printk(KERN_WARNING "hostfs: unsupported option '%s'\n", name);
}

static int hostfs_setup(const char *val)
{
	const char *comma = strchr(val, ',');
	size_t len = comma ? (size_t)(comma - val) : strlen(val);

	if (len >= sizeof(hostfs_prefix)) {
		printk(KERN_ERR "hostfs: root directory name too long\n");
		return -ENAMETOOLONG;
	}
	memcpy(hostfs_prefix, val, len);
	hostfs_prefix[len] = '\0';
	while (comma) {
		const char *flag = comma + 1;

		comma = strchr(flag, ',');
		len = comma ? (size_t)(comma - flag) : strlen(flag);
		if (len)
			hostfs_flag(flag, len);
	}
	return 0;
}

umk_param("hostfs=", hostfs_setup,
"hostfs=<root dir>,<flags>,...\n"
"    Confine every hostfs mount to the host directory <root dir>: mount\n"
"    data then names a directory below it.  Without this option the guest\n"
"    can mount any host directory the user running the kernel can reach.\n"
"    The one flag is 'append': host files are opened in append mode, so\n"
"    every write goes to the end of the file.\n\n");
