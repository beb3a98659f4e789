// SPDX-License-Identifier: GPL-2.0
/*
 * Operations that change directories: create, mkdir, mknod, symlink,
 * link, unlink, rmdir, rename, and their system calls.
 *
 * The vfs_* functions check permissions and types and call the file
 * system; the do_* and sys_* ones find the parent and the dentry first.
 * The errno choices follow Linux, which is the reference for each case.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>
#include <linux/fs.h>

static bool dir_dead(struct inode *dir)
{
	return !dir->i_nlink;
}

static int may_create(struct inode *dir, struct dentry *child)
{
	if (child->d_inode)
		return -EEXIST;
	if (dir_dead(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/* Sticky directories: only the owner of the file or of the directory. */
static bool sticky_forbids(struct inode *dir, struct inode *inode)
{
	uid_t fsuid = current_fsuid();

	if (!(dir->i_mode & S_ISVTX))
		return false;
	return fsuid != inode->i_uid && fsuid != dir->i_uid && !vfs_capable();
}

static int may_delete(struct inode *dir, struct dentry *victim, bool isdir)
{
	struct inode *inode = victim->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (sticky_forbids(dir, inode))
		return -EPERM;
	if (isdir) {
		if (!S_ISDIR(inode->i_mode))
			return -ENOTDIR;
		if (IS_ROOT(victim))
			return -EBUSY;
	} else if (S_ISDIR(inode->i_mode)) {
		return -EISDIR;
	}
	return 0;
}

int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	return dir->i_op->create(dir, dentry, (mode & S_IALLUGO) | S_IFREG, excl);
}

int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->mkdir)
		return -EPERM;
	return dir->i_op->mkdir(dir, dentry, mode & (S_IRWXUGO | S_ISVTX));
}

int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !vfs_capable())
		return -EPERM;
	if (!dir->i_op || !dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, dentry, mode, dev);
}

int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname)
{
	int err = may_create(dir, dentry);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, dentry, oldname);
}

int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *inode = old->d_inode;
	int err;

	if (!inode)
		return -ENOENT;
	err = may_create(dir, new);
	if (err)
		return err;
	if (dir->i_sb != inode->i_sb)
		return -EXDEV;
	if (S_ISDIR(inode->i_mode))
		return -EPERM;
	if (!dir->i_op || !dir->i_op->link)
		return -EPERM;
	if (!inode->i_nlink && !(inode->i_state & I_LINKABLE))
		return -ENOENT;
	err = dir->i_op->link(old, dir, new);
	if (!err)
		inode->i_state &= ~I_LINKABLE;
	return err;
}

int vfs_rmdir(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, true);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->rmdir)
		return -EPERM;
	if (dentry->d_mounted)
		return -EBUSY;
	shrink_dcache_parent(dentry);
	err = dir->i_op->rmdir(dir, dentry);
	if (err)
		return err;
	clear_nlink(dentry->d_inode);
	d_delete(dentry);
	return 0;
}

int vfs_unlink(struct inode *dir, struct dentry *dentry)
{
	int err = may_delete(dir, dentry, false);

	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->unlink)
		return -EPERM;
	if (dentry->d_mounted)
		return -EBUSY;
	err = dir->i_op->unlink(dir, dentry);
	if (err)
		return err;
	d_delete(dentry);
	return 0;
}

static int may_rename_target(struct inode *ndir, struct dentry *new, bool isdir)
{
	if (!new->d_inode)
		return may_create(ndir, new);
	return may_delete(ndir, new, isdir);
}

int vfs_rename(struct inode *odir, struct dentry *old, struct inode *ndir,
	       struct dentry *new, unsigned int flags)
{
	struct inode *source = old->d_inode, *target = new->d_inode;
	bool isdir = S_ISDIR(source->i_mode);
	bool exchange = flags & RENAME_EXCHANGE;
	int err;

	if (source == target)
		return 0;
	err = may_delete(odir, old, isdir);
	if (err)
		return err;
	if (exchange)
		err = may_delete(ndir, new, d_is_dir(new));
	else
		err = may_rename_target(ndir, new, isdir);
	if (err)
		return err;
	if (!odir->i_op || !odir->i_op->rename)
		return -EPERM;
	if (old->d_mounted || new->d_mounted)
		return -EBUSY;
	/* A directory changing parents gets a new "..": it must be writable. */
	if (odir != ndir) {
		if (isdir && (err = inode_permission(source, MAY_WRITE)))
			return err;
		if (exchange && d_is_dir(new) && (err = inode_permission(target, MAY_WRITE)))
			return err;
	}
	if (target && !exchange && isdir)
		shrink_dcache_parent(new);
	err = odir->i_op->rename(odir, old, ndir, new, flags);
	if (err)
		return err;
	if (exchange) {
		d_exchange(old, new);
		return 0;
	}
	if (target && isdir)
		clear_nlink(target);
	d_move(old, new);
	return 0;
}

/* ---- system calls ----------------------------------------------------- */

int do_mkdirat(int dfd, const char *name, umode_t mode)
{
	struct path parent;
	struct dentry *d;
	int err;

	d = kern_path_create(dfd, name, &parent, LOOKUP_DIRECTORY);
	if (IS_ERR(d))
		return PTR_ERR(d);
	err = vfs_mkdir(parent.dentry->d_inode, d, mode & ~current_umask());
	done_path_create(&parent, d);
	return err;
}

static long user_name_op(const char __user *uname, int (*op)(int, const char *, umode_t),
			 int dfd, umode_t mode)
{
	char *name = getname(uname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = op(dfd, name, mode);
	putname(name);
	return err;
}

long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	return user_name_op(pathname, do_mkdirat, dfd, mode);
}

long sys_mkdir(const char __user *pathname, umode_t mode)
{
	return sys_mkdirat(AT_FDCWD, pathname, mode);
}

static int mknod_type_ok(umode_t mode)
{
	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
	case S_IFCHR:
	case S_IFBLK:
	case S_IFIFO:
	case S_IFSOCK:
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

int do_mknodat(int dfd, const char *name, umode_t mode, dev_t dev)
{
	struct path parent;
	struct dentry *d;
	struct inode *dir;
	int err;

	err = mknod_type_ok(mode);
	if (err)
		return err;
	d = kern_path_create(dfd, name, &parent, 0);
	if (IS_ERR(d))
		return PTR_ERR(d);
	dir = parent.dentry->d_inode;
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	mode = (mode & ~current_umask()) | (mode & S_IFMT);
	if (S_ISREG(mode))
		err = vfs_create(dir, d, mode, true);
	else
		err = vfs_mknod(dir, d, mode, dev);
	done_path_create(&parent, d);
	return err;
}

long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mknodat(dfd, name, mode, new_decode_dev(dev));
	putname(name);
	return err;
}

long sys_mknod(const char __user *filename, umode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, filename, mode, dev);
}

int do_rmdir(int dfd, const char *name)
{
	struct last_component lc;
	struct path parent;
	struct dentry *d;
	int err;

	d = lookup_parent_and_last(dfd, name, &parent, &lc);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d) {
		path_put(&parent);
		if (lc.type == LAST_DOTDOT)
			return -ENOTEMPTY;
		return lc.type == LAST_DOT ? -EINVAL : -EBUSY;
	}
	err = vfs_rmdir(parent.dentry->d_inode, d);
	dput(d);
	path_put(&parent);
	return err;
}

int do_unlinkat(int dfd, const char *name)
{
	struct last_component lc;
	struct path parent;
	struct dentry *d;
	int err;

	d = lookup_parent_and_last(dfd, name, &parent, &lc);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d) {
		path_put(&parent);
		return -EISDIR;
	}
	if (!d->d_inode)
		err = -ENOENT;
	else if (lc.slash)
		err = d_is_dir(d) ? -EISDIR : -ENOTDIR;
	else
		err = vfs_unlink(parent.dentry->d_inode, d);
	dput(d);
	path_put(&parent);
	return err;
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	char *name;
	long err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	if (flag & AT_REMOVEDIR)
		err = do_rmdir(dfd, name);
	else
		err = do_unlinkat(dfd, name);
	putname(name);
	return err;
}

long sys_unlink(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, 0);
}

long sys_rmdir(const char __user *pathname)
{
	return sys_unlinkat(AT_FDCWD, pathname, AT_REMOVEDIR);
}

int do_symlinkat(const char *target, int dfd, const char *name)
{
	struct path parent;
	struct dentry *d;
	int err;

	d = kern_path_create(dfd, name, &parent, 0);
	if (IS_ERR(d))
		return PTR_ERR(d);
	err = vfs_symlink(parent.dentry->d_inode, d, target);
	done_path_create(&parent, d);
	return err;
}

long sys_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	char *target, *name;
	long err;

	target = getname(oldname);
	if (IS_ERR(target))
		return PTR_ERR(target);
	name = getname(newname);
	err = PTR_ERR(name);
	if (!IS_ERR(name)) {
		err = do_symlinkat(target, newdfd, name);
		putname(name);
	}
	putname(target);
	return err;
}

long sys_symlink(const char __user *oldname, const char __user *newname)
{
	return sys_symlinkat(oldname, AT_FDCWD, newname);
}

static int do_linkat(int olddfd, const char *oldname, int newdfd, const char *newname,
		     int flags)
{
	unsigned int how = 0;
	struct path old, parent;
	struct dentry *d;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_FOLLOW)
		how |= LOOKUP_FOLLOW;
	if (flags & AT_EMPTY_PATH)
		how |= LOOKUP_EMPTY;
	err = kern_path_at(olddfd, oldname, how, &old);
	if (err)
		return err;
	d = kern_path_create(newdfd, newname, &parent, 0);
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto out_put_old;
	err = -EXDEV;
	if (old.mnt != parent.mnt)
		goto out_done;
	err = vfs_link(old.dentry, parent.dentry->d_inode, d);
out_done:
	done_path_create(&parent, d);
out_put_old:
	path_put(&old);
	return err;
}

long sys_linkat(int olddfd, const char __user *oldname, int newdfd,
		const char __user *newname, int flags)
{
	char *from, *to;
	long err;

	from = getname_flags(oldname, (flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_linkat(olddfd, from, newdfd, to, flags);
		putname(to);
	}
	putname(from);
	return err;
}

long sys_link(const char __user *oldname, const char __user *newname)
{
	return sys_linkat(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

struct rename_end {
	struct path parent;
	struct dentry *d;
	struct last_component lc;
};

static int rename_lookup(int dfd, const char *name, struct rename_end *e)
{
	e->d = lookup_parent_and_last(dfd, name, &e->parent, &e->lc);
	if (IS_ERR(e->d))
		return PTR_ERR(e->d);
	if (!e->d) {
		path_put(&e->parent);
		return -EBUSY;
	}
	return 0;
}

static void rename_put(struct rename_end *e)
{
	dput(e->d);
	path_put(&e->parent);
}

/* Type rules that depend on both ends: "a/" must be a directory, etc. */
static int rename_check(struct rename_end *o, struct rename_end *n, unsigned int flags)
{
	if (!o->d->d_inode)
		return -ENOENT;
	if ((flags & RENAME_EXCHANGE) && !n->d->d_inode)
		return -ENOENT;
	if ((flags & RENAME_NOREPLACE) && n->d->d_inode)
		return -EEXIST;
	if (!d_is_dir(o->d)) {
		if (o->lc.slash)
			return -ENOTDIR;
		if (n->lc.slash && !(n->d->d_inode && d_is_dir(n->d) &&
				     (flags & RENAME_EXCHANGE)))
			return -ENOTDIR;
	}
	if (o->parent.mnt != n->parent.mnt)
		return -EXDEV;
	/* Source an ancestor of the target, or the target one of the source. */
	if (d_is_subdir(n->parent.dentry, o->d))
		return -EINVAL;
	if (d_is_subdir(o->parent.dentry, n->d))
		return (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	return 0;
}

static int do_renameat2(int olddfd, const char *oldname, int newdfd, const char *newname,
			unsigned int flags)
{
	struct rename_end o, n;
	int err;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_WHITEOUT)
		return -EINVAL;
	err = rename_lookup(olddfd, oldname, &o);
	if (err)
		return err;
	err = rename_lookup(newdfd, newname, &n);
	if (err) {
		if (err == -EBUSY && (flags & RENAME_NOREPLACE))
			err = -EEXIST;
		goto out_put_old;
	}
	err = rename_check(&o, &n, flags);
	if (!err)
		err = vfs_rename(o.parent.dentry->d_inode, o.d, n.parent.dentry->d_inode,
				 n.d, flags);
	rename_put(&n);
out_put_old:
	rename_put(&o);
	return err;
}

long sys_renameat2(int olddfd, const char __user *oldname, int newdfd,
		   const char __user *newname, unsigned int flags)
{
	char *from, *to;
	long err;

	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	err = PTR_ERR(to);
	if (!IS_ERR(to)) {
		err = do_renameat2(olddfd, from, newdfd, to, flags);
		putname(to);
	}
	putname(from);
	return err;
}

long sys_renameat(int olddfd, const char __user *oldname, int newdfd,
		  const char __user *newname)
{
	return sys_renameat2(olddfd, oldname, newdfd, newname, 0);
}

long sys_rename(const char __user *oldname, const char __user *newname)
{
	return sys_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}
