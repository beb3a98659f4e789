// SPDX-License-Identifier: GPL-2.0
/*
 * ramfs and tmpfs: file systems that live in the page and dentry caches.
 *
 * The names are dentries the file system pins (an extra reference, marked
 * DCACHE_PINNED) for as long as the name exists, so a name not in the
 * dcache does not exist and ->lookup only has to add a negative dentry.
 * A directory lists the positive children on its d_subdirs list; each one
 * carries a sequence number (d_fsdata) given when it was linked in, and
 * the list is kept in that order, which makes the number a stable readdir
 * position across unlinks.
 *
 * File data are the inode's page-cache pages (mm/filemap.c), which are
 * also what mmap maps; a missing page is a hole and reads as zeros.
 * tmpfs is the same with a size limit and different defaults (mode 1777,
 * size half of RAM).
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>
#include <linux/magic.h>
#include <linux/limits.h>

#define BOGO_DIRENT_SIZE	20	/* st_size of a directory per entry, as tmpfs */
#define MAX_FILE_SIZE		((loff_t)0x7fffffffffffffffLL)

struct ramfs_inode {
	struct inode vfs_inode;
	unsigned long nr_pages;		/* pages accounted (see account_pages) */
	char *symlink;
	u64 next_seq;			/* directories: next child position */
};

struct ramfs_sb_info {
	umode_t mode;
	uid_t uid;
	gid_t gid;
	bool limited;			/* tmpfs: enforce the limits below */
	unsigned long max_pages, used_pages;
	unsigned long max_inodes, used_inodes;
};

static const struct super_operations ramfs_sops;
static const struct inode_operations ramfs_dir_iops;
static const struct inode_operations ramfs_file_iops;
static const struct inode_operations ramfs_symlink_iops;
static const struct file_operations ramfs_file_fops;
static const struct file_operations ramfs_dir_fops;

static inline struct ramfs_inode *RAMFS_I(struct inode *inode)
{
	return container_of(inode, struct ramfs_inode, vfs_inode);
}

static inline struct ramfs_sb_info *RAMFS_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

/* ---- pages ------------------------------------------------------------ */

/*
 * Pages are counted against the tmpfs limit and in i_blocks.  The page
 * cache may add pages on its own (a fault on a hole of a shared mapping),
 * so the count is brought up to date from nrpages at every change.
 */
static void account_pages(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	struct ramfs_sb_info *sbi = RAMFS_SB(inode->i_sb);
	long delta = (long)inode->i_data.nrpages - (long)ri->nr_pages;

	if (!delta)
		return;
	sbi->used_pages += delta;
	inode->i_blocks += delta * (long)(PAGE_SIZE / 512);
	ri->nr_pages = inode->i_data.nrpages;
}

/* The page at index, referenced; a zeroed new one if create.  NULL: hole/full. */
struct page *ramfs_get_page(struct inode *inode, unsigned long index, bool create)
{
	struct ramfs_sb_info *sbi = RAMFS_SB(inode->i_sb);
	struct page *page = find_get_page(&inode->i_data, index);

	if (page || !create)
		return page;
	account_pages(inode);
	if (sbi->limited && sbi->used_pages >= sbi->max_pages)
		return NULL;
	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return NULL;
	if (add_to_page_cache(page, &inode->i_data, index)) {
		put_page(page);
		return NULL;
	}
	page->flags |= PG_uptodate;
	account_pages(inode);
	return page;		/* our allocation reference goes to the caller */
}

/* Free the pages past size; zero the tail of a kept partial page. */
static void truncate_pages(struct inode *inode, loff_t size)
{
	truncate_inode_pages(&inode->i_data, size);
	account_pages(inode);
}

static int ramfs_readpage(struct file *file, struct page *page)
{
	memset(page_address(page), 0, PAGE_SIZE);
	page->flags |= PG_uptodate;
	return 0;
}

const struct address_space_operations ramfs_aops = {
	.readpage = ramfs_readpage,
};

/* ---- inodes ----------------------------------------------------------- */

static struct inode *ramfs_alloc_inode(struct super_block *sb)
{
	struct ramfs_inode *ri = kzalloc(sizeof(*ri), GFP_KERNEL);

	return ri ? &ri->vfs_inode : NULL;
}

static void ramfs_destroy_inode(struct inode *inode)
{
	kfree(RAMFS_I(inode));
}

static void ramfs_evict_inode(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	truncate_pages(inode, 0);
	kfree(ri->symlink);
	RAMFS_SB(inode->i_sb)->used_inodes--;
}

static struct inode *ramfs_get_inode(struct super_block *sb, const struct inode *dir,
				     umode_t mode, dev_t dev)
{
	struct ramfs_sb_info *sbi = RAMFS_SB(sb);
	struct inode *inode;

	if (sbi->limited && sbi->used_inodes >= sbi->max_inodes)
		return NULL;
	inode = new_inode(sb);
	if (!inode)
		return NULL;
	/* new_inode cleared the whole vfs part; ours starts zeroed from kzalloc. */
	sbi->used_inodes++;
	inode_init_owner(inode, dir, mode);
	inode->i_mapping->a_ops = &ramfs_aops;
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_iops;
		inode->i_fop = &ramfs_file_fops;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_iops;
		inode->i_fop = &ramfs_dir_fops;
		inc_nlink(inode);	/* "." */
		RAMFS_I(inode)->next_seq = 2;
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_iops;
		break;
	default:
		inode->i_op = &ramfs_file_iops;
		init_special_inode(inode, inode->i_mode, dev);
		break;
	}
	return inode;
}

/* ---- names ------------------------------------------------------------ */

static void dir_touch(struct inode *dir, int entries)
{
	dir->i_size += entries * BOGO_DIRENT_SIZE;
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

static void set_seq(struct dentry *d, struct inode *dir)
{
	d->d_fsdata = (void *)(uintptr_t)RAMFS_I(dir)->next_seq++;
}

static u64 get_seq(const struct dentry *d)
{
	return (uintptr_t)d->d_fsdata;
}

/* Give the name its inode, keep it in the dcache, list it last. */
static void link_name(struct inode *dir, struct dentry *d, struct inode *inode)
{
	d_instantiate(d, inode);
	d_rehash(d);
	dget(d);
	d->d_flags |= DCACHE_PINNED;
	set_seq(d, dir);
	list_del(&d->d_child);
	list_add_tail(&d->d_child, &d->d_parent->d_subdirs);
	dir_touch(dir, 1);
}

static void unpin(struct dentry *d)
{
	if (!(d->d_flags & DCACHE_PINNED))
		return;
	d->d_flags &= ~DCACHE_PINNED;
	dput(d);
}

static bool positive_child(const struct dentry *d)
{
	return d->d_inode && !d_unhashed(d);
}

static bool dir_empty(struct dentry *d)
{
	struct dentry *c;

	list_for_each_entry(c, &d->d_subdirs, d_child)
		if (positive_child(c))
			return false;
	return true;
}

static struct dentry *ramfs_lookup(struct inode *dir, struct dentry *dentry,
				   unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d_add(dentry, NULL);
	return NULL;
}

static int ramfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	link_name(dir, dentry, inode);
	return 0;
}

static int ramfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	return ramfs_mknod(dir, dentry, (mode & ~S_IFMT) | S_IFREG, 0);
}

static int ramfs_tmpfile(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, dir, mode, 0);

	if (!inode)
		return -ENOSPC;
	clear_nlink(inode);
	d_instantiate(dentry, inode);
	return 0;
}

static int ramfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = ramfs_mknod(dir, dentry, (mode & ~S_IFMT) | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);
	return err;
}

static int ramfs_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	size_t len = strlen(target);
	struct inode *inode;

	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	inode = ramfs_get_inode(dir->i_sb, dir, S_IFLNK | S_IRWXUGO, 0);
	if (!inode)
		return -ENOSPC;
	RAMFS_I(inode)->symlink = kstrdup(target);
	if (!RAMFS_I(inode)->symlink) {
		iput(inode);
		return -ENOMEM;
	}
	inode->i_size = len;
	link_name(dir, dentry, inode);
	return 0;
}

static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = old->d_inode;

	inode->i_ctime = current_time(inode);
	inc_nlink(inode);
	ihold(inode);
	link_name(dir, dentry, inode);
	return 0;
}

static void unlink_name(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	inode->i_ctime = current_time(inode);
	drop_nlink(inode);
	dir_touch(dir, -1);
	unpin(dentry);
}

static int ramfs_unlink(struct inode *dir, struct dentry *dentry)
{
	unlink_name(dir, dentry);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!dir_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(dentry->d_inode);
	unlink_name(dir, dentry);
	drop_nlink(dir);
	return 0;
}

static int ramfs_exchange(struct inode *odir, struct dentry *old, struct inode *ndir,
			  struct dentry *new)
{
	bool old_dir = d_is_dir(old), new_dir = d_is_dir(new);

	if (odir != ndir && old_dir != new_dir) {
		if (old_dir) {
			drop_nlink(odir);
			inc_nlink(ndir);
		} else {
			drop_nlink(ndir);
			inc_nlink(odir);
		}
	}
	/* d_exchange() lists old last in ndir, then new last in odir. */
	set_seq(old, ndir);
	set_seq(new, odir);
	dir_touch(odir, 0);
	dir_touch(ndir, 0);
	return 0;
}

static int ramfs_rename(struct inode *odir, struct dentry *old, struct inode *ndir,
			struct dentry *new, unsigned int flags)
{
	bool isdir = d_is_dir(old);

	if (flags & RENAME_EXCHANGE)
		return ramfs_exchange(odir, old, ndir, new);
	if (new->d_inode) {
		if (isdir && !dir_empty(new))
			return -ENOTEMPTY;
		if (isdir) {
			drop_nlink(new->d_inode);
			drop_nlink(ndir);
		}
		unlink_name(ndir, new);
	}
	if (isdir && odir != ndir) {
		drop_nlink(odir);
		inc_nlink(ndir);
	}
	/* d_move() will list old last in ndir. */
	set_seq(old, ndir);
	dir_touch(odir, -1);
	dir_touch(ndir, 1);
	old->d_inode->i_ctime = current_time(old->d_inode);
	return 0;
}

static int ramfs_readlink(struct dentry *dentry, char *buf, int len)
{
	const char *s = RAMFS_I(dentry->d_inode)->symlink;
	int n = strlen(s);

	if (n > len)
		n = len;
	memcpy(buf, s, n);
	return n;
}

static int ramfs_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size != inode->i_size) {
		if (!S_ISREG(inode->i_mode))
			return -EINVAL;
		if (attr->ia_size < inode->i_size)
			truncate_pages(inode, attr->ia_size);
		inode->i_size = attr->ia_size;
		if (!(attr->ia_valid & ATTR_OPEN) || attr->ia_size == 0)
			inode->i_mtime = inode->i_ctime = current_time(inode);
	}
	setattr_copy(inode, attr);
	return 0;
}

/* ---- directory listing ------------------------------------------------ */

static int ramfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *c;

	if (!dir_emit_dots(file, ctx))
		return 0;
	list_for_each_entry(c, &dir->d_subdirs, d_child) {
		u64 seq = get_seq(c);

		if (!positive_child(c) || seq < (u64)ctx->pos)
			continue;
		ctx->pos = seq;
		if (!dir_emit(ctx, c->d_name.name, c->d_name.len, c->d_inode->i_ino,
			      fs_umode_to_dtype(c->d_inode->i_mode)))
			return 0;
		ctx->pos = seq + 1;
	}
	return 0;
}

static loff_t ramfs_dir_llseek(struct file *file, loff_t off, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		off += file->f_pos;
		/* fall through */
	case SEEK_SET:
		if (off < 0)
			return -EINVAL;
		file->f_pos = off;
		return off;
	default:
		return -EINVAL;
	}
}

/* ---- file data -------------------------------------------------------- */

/* relatime: update atime only if it is older than mtime/ctime or a day. */
static void touch_atime(struct file *file)
{
	struct inode *inode = file_inode(file);
	struct timespec64 now;

	if (file->f_flags & O_NOATIME)
		return;
	if (file->f_path.mnt && (file->f_path.mnt->mnt_flags & MNT_NOATIME))
		return;
	now = current_time(inode);
	if (inode->i_atime.tv_sec <= inode->i_mtime.tv_sec ||
	    inode->i_atime.tv_sec <= inode->i_ctime.tv_sec ||
	    now.tv_sec - inode->i_atime.tv_sec >= 24 * 3600)
		inode->i_atime = now;
}

static ssize_t ramfs_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t done = 0;

	if (*pos >= inode->i_size)
		return 0;
	len = min_t(loff_t, len, inode->i_size - *pos);
	while (len) {
		unsigned long off = *pos & (PAGE_SIZE - 1);
		size_t n = min_t(size_t, PAGE_SIZE - off, len);
		struct page *page = ramfs_get_page(inode, *pos >> PAGE_SHIFT, false);
		unsigned long left;

		if (page) {
			left = copy_to_user(buf, (char *)page_address(page) + off, n);
			put_page(page);
		} else {
			left = clear_user(buf, n);
		}
		n -= left;
		done += n;
		*pos += n;
		buf += n;
		len -= n;
		if (left) {
			if (!done)
				return -EFAULT;
			break;
		}
	}
	touch_atime(file);
	return done;
}

static void remove_privs(struct inode *inode)
{
	umode_t kill = 0;

	if (vfs_capable())
		return;
	if (inode->i_mode & S_ISUID)
		kill |= S_ISUID;
	if ((inode->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		kill |= S_ISGID;
	inode->i_mode &= ~kill;
}

static ssize_t ramfs_write(struct file *file, const char __user *buf, size_t len,
			   loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t done = 0;

	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (!len)
		return 0;
	if (*pos >= MAX_FILE_SIZE - (loff_t)len)
		return -EFBIG;
	remove_privs(inode);
	while (len) {
		unsigned long off = *pos & (PAGE_SIZE - 1);
		size_t n = min_t(size_t, PAGE_SIZE - off, len);
		struct page *page = ramfs_get_page(inode, *pos >> PAGE_SHIFT, true);
		unsigned long left;

		if (!page) {
			if (!done)
				done = -ENOSPC;
			break;
		}
		left = copy_from_user((char *)page_address(page) + off, buf, n);
		put_page(page);
		n -= left;
		done += n;
		*pos += n;
		buf += n;
		len -= n;
		if (*pos > inode->i_size)
			inode->i_size = *pos;
		if (left) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	if (done > 0)
		inode->i_mtime = inode->i_ctime = current_time(inode);
	return done;
}

static int ramfs_fsync(struct file *file, int datasync)
{
	return 0;
}

static const struct file_operations ramfs_file_fops = {
	.llseek = generic_file_llseek,
	.read = ramfs_read,
	.write = ramfs_write,
	.mmap = generic_file_mmap,
	.fsync = ramfs_fsync,
};

static const struct file_operations ramfs_dir_fops = {
	.llseek = ramfs_dir_llseek,
	.iterate = ramfs_iterate,
	.fsync = ramfs_fsync,
};

static const struct inode_operations ramfs_dir_iops = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.symlink = ramfs_symlink,
	.mkdir = ramfs_mkdir,
	.rmdir = ramfs_rmdir,
	.mknod = ramfs_mknod,
	.rename = ramfs_rename,
	.setattr = ramfs_setattr,
	.tmpfile = ramfs_tmpfile,
};

static const struct inode_operations ramfs_file_iops = {
	.setattr = ramfs_setattr,
};

static const struct inode_operations ramfs_symlink_iops = {
	.readlink = ramfs_readlink,
	.setattr = ramfs_setattr,
};

/* ---- super blocks ----------------------------------------------------- */

static int ramfs_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct ramfs_sb_info *sbi = RAMFS_SB(dentry->d_sb);

	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	if (!sbi->limited)
		return 0;
	buf->f_blocks = sbi->max_pages;
	buf->f_bfree = buf->f_bavail = sbi->max_pages - min(sbi->used_pages, sbi->max_pages);
	buf->f_files = sbi->max_inodes;
	buf->f_ffree = sbi->max_inodes - min(sbi->used_inodes, sbi->max_inodes);
	return 0;
}

static const struct super_operations ramfs_sops = {
	.alloc_inode = ramfs_alloc_inode,
	.destroy_inode = ramfs_destroy_inode,
	.evict_inode = ramfs_evict_inode,
	.statfs = ramfs_statfs,
};

static int parse_size_opt(const char *v, struct ramfs_sb_info *sbi, unsigned long ram)
{
	unsigned long long bytes;
	size_t len = strlen(v);

	if (len && v[len - 1] == '%') {
		char num[24];
		unsigned long pct;

		if (len >= sizeof(num))
			return -EINVAL;
		memcpy(num, v, len - 1);
		num[len - 1] = '\0';
		if (kstrtoul(num, 10, &pct))
			return -EINVAL;
		sbi->max_pages = ram * pct / 100;
		return 0;
	}
	if (parse_size(v, &bytes))
		return -EINVAL;
	sbi->max_pages = DIV_ROUND_UP(bytes, PAGE_SIZE);
	return 0;
}

/* Generic mount flags that some mount programs pass on as options. */
static bool is_mount_flag_word(const char *opt)
{
	static const char *const words[] = {
		"rw", "ro", "defaults", "nosuid", "suid", "nodev", "dev", "noexec",
		"exec", "relatime", "norelatime", "noatime", "atime", "strictatime",
		"nodiratime", "lazytime", "sync", "async", "silent", "auto", "noauto",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (!strcmp(opt, words[i]))
			return true;
	return false;
}

static int parse_one_opt(char *opt, struct ramfs_sb_info *sbi, unsigned long ram)
{
	char *val = strchr(opt, '=');
	unsigned long n;

	if (val)
		*val++ = '\0';
	if (!val)
		return sbi->limited && !is_mount_flag_word(opt) ? -EINVAL : 0;
	if (!strcmp(opt, "mode")) {
		if (kstrtoul(val, 8, &n))
			return -EINVAL;
		sbi->mode = n & 07777;
	} else if (!strcmp(opt, "uid")) {
		if (kstrtoul(val, 10, &n))
			return -EINVAL;
		sbi->uid = n;
	} else if (!strcmp(opt, "gid")) {
		if (kstrtoul(val, 10, &n))
			return -EINVAL;
		sbi->gid = n;
	} else if (sbi->limited && !strcmp(opt, "size")) {
		return parse_size_opt(val, sbi, ram);
	} else if (sbi->limited && !strcmp(opt, "nr_inodes")) {
		unsigned long long v;

		if (parse_size(val, &v))
			return -EINVAL;
		sbi->max_inodes = v;
	} else if (sbi->limited) {
		return -EINVAL;	/* tmpfs rejects what it does not know; ramfs ignores */
	}
	return 0;
}

static int parse_options(const char *data, struct ramfs_sb_info *sbi)
{
	unsigned long ram = totalram_pages();
	char *copy, *s, *opt;
	int err = 0;

	if (!data || !*data)
		return 0;
	copy = kstrdup(data);
	if (!copy)
		return -ENOMEM;
	s = copy;
	while (!err && (opt = strsep(&s, ",")) != NULL) {
		if (*opt)
			err = parse_one_opt(opt, sbi, ram);
	}
	kfree(copy);
	return err;
}

static int ramfs_fill_common(struct super_block *sb, void *data, bool limited,
			     umode_t mode, unsigned long magic)
{
	struct ramfs_sb_info *sbi;
	struct inode *root;
	int err;

	sbi = kzalloc(sizeof(*sbi), GFP_KERNEL);
	if (!sbi)
		return -ENOMEM;
	sb->s_fs_info = sbi;
	sbi->mode = mode;
	sbi->limited = limited;
	sbi->max_pages = totalram_pages() / 2;
	sbi->max_inodes = sbi->max_pages ? sbi->max_pages : 1024;
	err = parse_options(data, sbi);
	if (err)
		return err;
	sb->s_magic = magic;
	sb->s_op = &ramfs_sops;
	sb->s_blocksize = PAGE_SIZE;
	root = ramfs_get_inode(sb, NULL, S_IFDIR | sbi->mode, 0);
	if (!root)
		return -ENOMEM;
	root->i_uid = sbi->uid;
	root->i_gid = sbi->gid;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static int ramfs_fill_super(struct super_block *sb, void *data, int silent)
{
	return ramfs_fill_common(sb, data, false, 0755, RAMFS_MAGIC);
}

static int tmpfs_fill_super(struct super_block *sb, void *data, int silent)
{
	return ramfs_fill_common(sb, data, true, 01777, TMPFS_MAGIC);
}

/* devtmpfs: tmpfs-backed, mode 755, no limits. */
int devtmpfs_fill_super(struct super_block *sb, void *data, int silent)
{
	return ramfs_fill_common(sb, data, false, 0755, TMPFS_MAGIC);
}

/* Drop the references that keep the names of a tree in the dcache. */
static void unpin_tree(struct dentry *dir)
{
	struct dentry *c, *next;

	list_for_each_entry_safe(c, next, &dir->d_subdirs, d_child) {
		if (!(c->d_flags & DCACHE_PINNED))
			continue;
		dget(c);
		if (d_is_dir(c))
			unpin_tree(c);
		unpin(c);
		next = list_entry(c->d_child.next, struct dentry, d_child);
		dput(c);
	}
}

void ramfs_kill_sb(struct super_block *sb)
{
	struct ramfs_sb_info *sbi = RAMFS_SB(sb);

	if (sb->s_root)
		unpin_tree(sb->s_root);
	kill_anon_super(sb);
	kfree(sbi);
}

static struct dentry *ramfs_mount(struct file_system_type *type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, ramfs_fill_super);
}

static struct dentry *tmpfs_mount(struct file_system_type *type, int flags,
				  const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, tmpfs_fill_super);
}

struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = ramfs_kill_sb,
};

struct file_system_type tmpfs_fs_type = {
	.name = "tmpfs",
	.mount = tmpfs_mount,
	.kill_sb = ramfs_kill_sb,
};

int ramfs_init(void)
{
	int err = register_filesystem(&ramfs_fs_type);

	if (!err || err == -EBUSY)
		err = register_filesystem(&tmpfs_fs_type);
	return err == -EBUSY ? 0 : err;
}
