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
 * time a dentry is revalidated or stat()ed.  A host-side change is noticed
 * as a new size or mtime, and the file's cached pages are then dropped.
 * File contents and directory listings are hostfs_file.c's.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <init.h>
#include "hostfs_kern.h"

/* hostfs=<root>,<flags>: parsed before memory exists, so static storage. */
static char hostfs_prefix[PATH_MAX];
bool hostfs_append;

static const struct inode_operations hostfs_dir_iops;
static const struct inode_operations hostfs_file_iops;
static const struct inode_operations hostfs_link_iops;
static const struct inode_operations hostfs_special_iops;
static const struct dentry_operations hostfs_dentry_ops;
static const struct super_operations hostfs_sops;

/* ---- host paths ----------------------------------------------------- */

/*
 * The host path of a dentry, in a PATH_MAX buffer the caller kfree()s.
 * Names are laid down from the end of the buffer while walking up to the
 * mount root, then the root is put in front.
 */
char *hostfs_dentry_path(struct dentry *dentry)
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
void hostfs_set_path(struct inode *inode, const char *path)
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

void hostfs_fill_inode(struct inode *inode, const struct hostfs_stat *st)
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

bool hostfs_same_file(struct inode *inode, const struct hostfs_stat *st)
{
	struct hostfs_inode_info *info = HOSTFS_I(inode);

	return info && inode->i_ino == st->ino && info->host_dev == st->dev &&
	       !((inode->i_mode ^ st->mode) & S_IFMT);
}

/*
 * New attributes from the host.  A different size or mtime means the file
 * changed underneath us: drop its cached pages (after saving dirty ones).
 */
void hostfs_refresh_inode(struct inode *inode, const struct hostfs_stat *st)
{
	struct address_space *mapping = inode->i_mapping;

	if (S_ISREG(inode->i_mode) && mapping && mapping->nrpages &&
	    (inode->i_size != (loff_t)st->size ||
	     inode->i_mtime.tv_sec != st->mtime ||
	     inode->i_mtime.tv_nsec != st->mtime_nsec)) {
		hostfs_write_dirty_pages(inode);
		invalidate_mapping_pages(mapping);
	}
	hostfs_fill_inode(inode, st);
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

	hostfs_fill_inode(inode, st);
	set_inode_ops(inode);
	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	info->host_dev = st->dev;
	INIT_LIST_HEAD(&info->files);
	inode->i_private = info;
	hostfs_set_path(inode, path);
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
		if (hostfs_same_file(inode, st)) {
			hostfs_refresh_inode(inode, st);
			hostfs_set_path(inode, path);
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
	path = hostfs_dentry_path(dentry);
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
	char *path = hostfs_dentry_path(dentry);
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
	char *path = hostfs_dentry_path(dentry);
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
	char *path = hostfs_dentry_path(dentry);
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
	char *path = hostfs_dentry_path(dentry);
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

	from = hostfs_dentry_path(old);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = hostfs_dentry_path(dentry);
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
	char *path = hostfs_dentry_path(dentry);
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
	from = hostfs_dentry_path(old);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = hostfs_dentry_path(new);
	if (IS_ERR(to)) {
		err = PTR_ERR(to);
		goto out_free_from;
	}
	err = hostfs_user_rename(from, to, flags);
	if (err)
		goto out_free_to;
	if (old->d_inode)
		hostfs_set_path(old->d_inode, to);
	if (new->d_inode && (flags & RENAME_EXCHANGE))
		hostfs_set_path(new->d_inode, from);
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
	char *path = hostfs_dentry_path(dentry);
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
	struct hostfs_file *hf = hostfs_find_open_file(inode, HOSTFS_OPEN_WRITE);
	int err;

	/* An open writable descriptor works even if the mode forbids writing. */
	err = hf ? hostfs_user_ftruncate(hf->fd, size) :
		   hostfs_user_truncate(path, size);
	if (!err)
		hostfs_truncate_cache(inode, size);
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
	path = hostfs_dentry_path(dentry);
	if (IS_ERR(path))
		return PTR_ERR(path);
	err = apply_attr(inode, path, attr);
	if (!hostfs_user_lstat(path, &st) && hostfs_same_file(inode, &st))
		hostfs_fill_inode(inode, &st);
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

	path = hostfs_dentry_path(dentry);
	if (!IS_ERR(path)) {
		err = hostfs_user_lstat(path, &st);
		kfree(path);
	}
	if (!err && hostfs_same_file(inode, &st)) {
		hostfs_refresh_inode(inode, &st);
		return;
	}
	hf = hostfs_find_open_file(inode, 0);
	if (hf && !hostfs_user_fstat(hf->fd, &st) && hostfs_same_file(inode, &st))
		hostfs_refresh_inode(inode, &st);
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

	path = hostfs_dentry_path(dentry);
	if (IS_ERR(path))
		return 1;
	err = hostfs_user_lstat(path, &st);
	if (!err && inode && hostfs_same_file(inode, &st)) {
		hostfs_refresh_inode(inode, &st);
		hostfs_set_path(inode, path);
	}
	kfree(path);
	if (err == -ENOENT || err == -ENOTDIR)
		return !inode;
	if (err)
		return 1;
	return inode && hostfs_same_file(inode, &st);
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
	char *path = hostfs_dentry_path(dentry);
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

/* <prefix>/<data>: the host path a mount asks for; its length. */
static int join_mount_path(char *buf, size_t size, const char *data)
{
	if (!data)
		data = "";
	return snprintf(buf, size, "%s%s%s", hostfs_prefix, data[0] == '/' ? "" : "/", data);
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
	if (join_mount_path(joined, PATH_MAX, data) >= PATH_MAX)
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
	path = kmalloc(PATH_MAX, GFP_KERNEL);
	if (path)
		join_mount_path(path, PATH_MAX, data);
	pr_err("hostfs: cannot mount host directory \"%s\": error %d\n",
	       path ? path : "?", err);
	kfree(path);
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
	hostfs_append = false;		/* the last hostfs= wins */
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
