// SPDX-License-Identifier: GPL-2.0
/*
 * Path walk: names to (vfsmount, dentry) pairs.
 *
 * A walk keeps its position in nd->path (referenced) and never goes above
 * nd->root (current's root, for "/" and "..").  link_path_walk() resolves
 * every component but the last, leaving the last in nd->last; the caller
 * then decides what the last one means: look it up (lookup_last), create
 * it (kern_path_create, open with O_CREAT), or remove it.
 *
 * Symlinks: one met in the middle of a name is resolved completely,
 * through pick_link(), which walks its body from the link's directory (or
 * the root) and then goes on with the rest of the name; a symlink as the
 * last component is followed in a loop by the caller, the body's last
 * component taking the place of the old one.  Bodies live in buffers that
 * belong to the nameidata until the walk ends, since nd->last may point
 * into one.  MAXSYMLINKS (40) links in one walk give ELOOP, as does
 * nesting bodies more than NESTED_LINKS deep (the kernel stack is small).
 *
 * Mounts are crossed on the way down after every step (follow_mounts), and
 * on the way up in "..", which climbs out of a mount's root to its
 * mountpoint first.
 */
#include <umk/fs.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include <linux/limits.h>

#define NESTED_LINKS	8

struct nameidata {
	struct path path;
	struct path root;
	struct qstr last;
	int last_type;
	bool last_slash;	/* the last component was followed by '/' */
	unsigned int flags;
	int total_links;
	int depth;
	int nr_bufs;
	char *bufs[MAXSYMLINKS + 1];
};

static int lookup_last(struct nameidata *nd, bool follow);

/* ---- credentials ------------------------------------------------------ */

uid_t current_fsuid(void)
{
	return current ? current->cred.fsuid : 0;
}

gid_t current_fsgid(void)
{
	return current ? current->cred.fsgid : 0;
}

bool vfs_in_group_p(gid_t gid)
{
	int i;

	if (!current || current->cred.fsgid == gid)
		return true;
	for (i = 0; i < current->cred.ngroups && i < (int)ARRAY_SIZE(current->cred.groups); i++)
		if (current->cred.groups[i] == gid)
			return true;
	return false;
}

/*
 * Unix permission bits: owner, else group, else other.  Root may read and
 * write anything and search any directory, but executes a file only if
 * some execute bit is set.
 */
int generic_permission(struct inode *inode, int mask)
{
	umode_t mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (current_fsuid() == inode->i_uid)
		mode >>= 6;
	else if (vfs_in_group_p(inode->i_gid))
		mode >>= 3;
	if (!(mask & ~mode & 7))
		return 0;
	if (vfs_capable()) {
		if (!(mask & MAY_EXEC) || S_ISDIR(inode->i_mode))
			return 0;
		if (inode->i_mode & 0111)
			return 0;
	}
	return -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	if (inode->i_op && inode->i_op->permission)
		return inode->i_op->permission(inode, mask);
	return generic_permission(inode, mask);
}

int path_permission(const struct path *path, int mask)
{
	struct inode *inode = path->dentry->d_inode;
	umode_t mode = inode->i_mode;

	if ((mask & MAY_WRITE) && mnt_is_readonly(path->mnt) &&
	    (S_ISREG(mode) || S_ISDIR(mode) || S_ISLNK(mode)))
		return -EROFS;
	return inode_permission(inode, mask);
}

int may_lookup_dir(struct inode *dir)
{
	return inode_permission(dir, MAY_EXEC);
}

/* ---- names from user space -------------------------------------------- */

char *getname_flags(const char __user *uname, unsigned int lookup_flags)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, uname, PATH_MAX);
	if (len < 0) {
		kfree(name);
		return ERR_PTR(-EFAULT);
	}
	if (len >= PATH_MAX) {
		kfree(name);
		return ERR_PTR(-ENAMETOOLONG);
	}
	if (!len && !(lookup_flags & LOOKUP_EMPTY)) {
		kfree(name);
		return ERR_PTR(-ENOENT);
	}
	return name;
}

char *getname(const char __user *uname)
{
	return getname_flags(uname, 0);
}

void putname(char *name)
{
	if (!IS_ERR_OR_NULL(name))
		kfree(name);
}

/* ---- the walk ------------------------------------------------------- */

static void nd_done(struct nameidata *nd)
{
	int i;

	path_put(&nd->path);
	path_put(&nd->root);
	nd->path.mnt = NULL;
	nd->path.dentry = NULL;
	for (i = 0; i < nd->nr_bufs; i++)
		kfree(nd->bufs[i]);
	nd->nr_bufs = 0;
}

static void nd_set_path(struct nameidata *nd, const struct path *p)
{
	path_get(p);
	path_put(&nd->path);
	nd->path = *p;
}

/* Take over a path reference as the new position. */
static void nd_jump(struct nameidata *nd, struct path *p)
{
	path_put(&nd->path);
	nd->path = *p;
}

static int path_init(struct nameidata *nd, int dfd, const char *name,
		     unsigned int flags, const struct path *start)
{
	struct fs_struct *fs = current_fs();
	struct file *file;

	memset(nd, 0, sizeof(*nd));
	nd->flags = flags;
	if (!fs->root.mnt)
		return -ENOENT;
	nd->root = fs->root;
	path_get(&nd->root);
	if (!*name && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	if (*name == '/') {
		nd_set_path(nd, &nd->root);
		return 0;
	}
	if (start) {
		nd_set_path(nd, start);
		return 0;
	}
	if (dfd == AT_FDCWD) {
		nd_set_path(nd, &fs->pwd);
		return 0;
	}
	file = fget_raw(dfd);
	if (!file)
		return -EBADF;
	if (*name && !d_is_dir(file->f_path.dentry)) {
		fput(file);
		return -ENOTDIR;
	}
	nd_set_path(nd, &file->f_path);
	fput(file);
	return 0;
}

static int classify(const char *name, unsigned int len)
{
	if (name[0] == '.') {
		if (len == 1)
			return LAST_DOT;
		if (len == 2 && name[1] == '.')
			return LAST_DOTDOT;
	}
	return LAST_NORM;
}

static bool at_root(const struct nameidata *nd)
{
	return nd->path.dentry == nd->root.dentry && nd->path.mnt == nd->root.mnt;
}

static void follow_dotdot(struct nameidata *nd)
{
	struct dentry *parent;

	for (;;) {
		if (at_root(nd))
			break;
		if (nd->path.dentry != nd->path.mnt->mnt_root) {
			parent = dget(nd->path.dentry->d_parent);
			dput(nd->path.dentry);
			nd->path.dentry = parent;
			break;
		}
		if (!follow_up(&nd->path))
			break;
	}
	follow_mounts(&nd->path);
}

static bool dir_is_dead(struct inode *dir)
{
	return S_ISDIR(dir->i_mode) && !dir->i_nlink;
}

/*
 * The child called name of dir: from the dcache, else from the file
 * system.  Returns a referenced dentry, possibly negative, or ERR_PTR.
 */
static struct dentry *lookup_child(struct dentry *dir, const struct qstr *name,
				   unsigned int flags)
{
	struct inode *inode = dir->d_inode;
	struct dentry *d, *old;
	int r;

	d = d_lookup(dir, name);
	if (d) {
		if (!d->d_op || !d->d_op->d_revalidate)
			return d;
		r = d->d_op->d_revalidate(d, flags);
		if (r > 0)
			return d;
		if (r < 0) {
			dput(d);
			return ERR_PTR(r);
		}
		d_invalidate(d);
		dput(d);
	}
	if (!inode)
		return ERR_PTR(-ENOENT);
	if (dir_is_dead(inode))
		return ERR_PTR(-ENOENT);
	if (!inode->i_op || !inode->i_op->lookup)
		return ERR_PTR(-ENOTDIR);
	d = d_alloc(dir, name);
	if (!d)
		return ERR_PTR(-ENOMEM);
	old = inode->i_op->lookup(inode, d, flags);
	if (IS_ERR(old)) {
		dput(d);
		return old;
	}
	if (old) {
		dput(d);
		return old;
	}
	d_rehash(d);
	return d;
}

struct dentry *lookup_one_len(const char *name, struct dentry *dir, int len)
{
	struct qstr q;

	if (len <= 0 || len > NAME_MAX)
		return ERR_PTR(len <= 0 ? -EACCES : -ENAMETOOLONG);
	if (memchr(name, '/', len))
		return ERR_PTR(-EACCES);
	qstr_init(&q, name, len);
	return lookup_child(dir, &q, 0);
}

/* Read a symlink body into a buffer owned by nd. */
static const char *get_link_body(struct nameidata *nd, struct dentry *link)
{
	struct inode *inode = link->d_inode;
	char *buf;
	int len;

	if (!inode->i_op || !inode->i_op->readlink)
		return ERR_PTR(-EINVAL);
	if (nd->nr_bufs >= (int)ARRAY_SIZE(nd->bufs))
		return ERR_PTR(-ELOOP);
	buf = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!buf)
		return ERR_PTR(-ENOMEM);
	len = inode->i_op->readlink(link, buf, PATH_MAX - 1);
	if (len < 0) {
		kfree(buf);
		return ERR_PTR(len);
	}
	buf[len] = '\0';
	nd->bufs[nd->nr_bufs++] = buf;
	if (!len)
		return ERR_PTR(-ENOENT);
	return buf;
}

static int walk_components(const char *name, struct nameidata *nd);

/*
 * Start following the symlink at link (referenced, consumed): move to
 * where its body starts and walk all but the body's last component.  A
 * magic link (->follow_link, as in /proc) jumps straight to its target.
 */
static int step_into_link(struct nameidata *nd, struct path *link)
{
	struct inode *inode = link->dentry->d_inode;
	const char *body;
	int err;

	if (++nd->total_links > MAXSYMLINKS) {
		path_put(link);
		return -ELOOP;
	}
	if (inode->i_op && inode->i_op->follow_link) {
		struct path target;

		err = inode->i_op->follow_link(link->dentry, &target);
		path_put(link);
		if (err)
			return err;
		nd_jump(nd, &target);
		nd->last_type = LAST_BIND;
		nd->last_slash = false;
		return 0;
	}
	body = get_link_body(nd, link->dentry);
	path_put(link);
	if (IS_ERR(body))
		return PTR_ERR(body);
	if (*body == '/')
		nd_set_path(nd, &nd->root);
	return walk_components(body, nd);
}

/* A symlink in the middle of a name: resolve it completely. */
static int pick_link(struct nameidata *nd, struct path *link)
{
	int err;

	if (nd->depth >= NESTED_LINKS) {
		path_put(link);
		return -ELOOP;
	}
	nd->depth++;
	err = step_into_link(nd, link);
	if (!err)
		err = lookup_last(nd, true);
	nd->depth--;
	return err;
}

/*
 * One component (not the last) in nd->path: ".", "..", or a name, which
 * must exist and, if it is a symlink, is followed.
 */
static int walk_one(struct nameidata *nd, const struct qstr *name, int type)
{
	struct path next;
	struct dentry *d;

	if (type == LAST_DOT)
		return 0;
	if (type == LAST_DOTDOT) {
		follow_dotdot(nd);
		return 0;
	}
	d = lookup_child(nd->path.dentry, name, 0);
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d->d_inode) {
		dput(d);
		return -ENOENT;
	}
	next.mnt = mntget(nd->path.mnt);
	next.dentry = d;
	follow_mounts(&next);
	if (d_is_symlink(next.dentry))
		return pick_link(nd, &next);
	nd_jump(nd, &next);
	return 0;
}

/*
 * Walk name from nd->path up to its last component, which is left in
 * nd->last (type in nd->last_type; LAST_ROOT for "/" or "").
 */
static int walk_components(const char *name, struct nameidata *nd)
{
	struct qstr this;
	const char *comp;
	int err, type;

	while (*name == '/')
		name++;
	if (!*name) {
		nd->last_type = LAST_ROOT;
		nd->last.name = name;
		nd->last.len = 0;
		nd->last_slash = false;
		return 0;
	}
	for (;;) {
		bool slash = false;

		comp = name;
		while (*name && *name != '/')
			name++;
		if (name - comp > NAME_MAX)
			return -ENAMETOOLONG;
		this.name = comp;
		this.len = name - comp;
		this.hash = 0;
		type = classify(comp, this.len);
		while (*name == '/') {
			name++;
			slash = true;
		}
		if (!*name) {
			nd->last = this;
			nd->last_type = type;
			nd->last_slash = slash;
			return 0;
		}
		err = may_lookup_dir(nd->path.dentry->d_inode);
		if (err)
			return err;
		err = walk_one(nd, &this, type);
		if (err)
			return err;
		if (!d_is_dir(nd->path.dentry))
			return -ENOTDIR;
	}
}

/*
 * Resolve nd->last in nd->path.  A trailing slash means the result must be
 * a directory, and that a symlink there is followed.
 */
static int lookup_last(struct nameidata *nd, bool follow)
{
	struct path next;
	struct dentry *d;
	int err;

	for (;;) {
		bool must_dir = nd->last_slash || (nd->flags & LOOKUP_DIRECTORY);

		if (nd->last_type != LAST_ROOT && nd->last_type != LAST_BIND) {
			if (!d_is_dir(nd->path.dentry))
				return -ENOTDIR;
			err = may_lookup_dir(nd->path.dentry->d_inode);
			if (err)
				return err;
		}
		if (nd->last_type == LAST_DOTDOT)
			follow_dotdot(nd);
		if (nd->last_type != LAST_NORM)
			return must_dir && !d_is_dir(nd->path.dentry) ? -ENOTDIR : 0;

		d = lookup_child(nd->path.dentry, &nd->last, 0);
		if (IS_ERR(d))
			return PTR_ERR(d);
		if (!d->d_inode) {
			dput(d);
			return -ENOENT;
		}
		next.mnt = mntget(nd->path.mnt);
		next.dentry = d;
		follow_mounts(&next);
		if (d_is_symlink(next.dentry) && (follow || nd->last_slash)) {
			bool slash = nd->last_slash;

			err = step_into_link(nd, &next);
			if (err)
				return err;
			/* "link/" still wants a directory at the end of the body. */
			nd->last_slash |= slash;
			continue;
		}
		nd_jump(nd, &next);
		if (must_dir && !d_is_dir(nd->path.dentry))
			return -ENOTDIR;
		return 0;
	}
}

static int path_lookup_common(int dfd, const char *name, unsigned int flags,
			      const struct path *start, struct path *out)
{
	struct nameidata nd;
	int err;

	err = path_init(&nd, dfd, name, flags, start);
	if (!err)
		err = walk_components(name, &nd);
	if (!err)
		err = lookup_last(&nd, flags & LOOKUP_FOLLOW);
	if (!err) {
		*out = nd.path;
		nd.path.mnt = NULL;
		nd.path.dentry = NULL;
	}
	nd_done(&nd);
	return err;
}

int kern_path_at(int dfd, const char *name, unsigned int flags, struct path *path)
{
	return path_lookup_common(dfd, name, flags, NULL, path);
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	if (!name)
		return -EFAULT;
	return kern_path_at(AT_FDCWD, name, flags, path);
}

int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path)
{
	struct path start = { mnt, dentry };

	return path_lookup_common(AT_FDCWD, name, flags, &start, path);
}

int user_path_at(int dfd, const char __user *uname, unsigned int flags, struct path *path)
{
	char *name = getname_flags(uname, flags);
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path_at(dfd, name, flags, path);
	putname(name);
	return err;
}

/* ---- parents: create and remove --------------------------------------- */

/*
 * The parent of name's last component.  The component's name is left in
 * *last (pointing into name) and its type in *type.
 */
static int path_parentat(int dfd, const char *name, unsigned int flags,
			 struct path *parent, struct qstr *last, int *type, bool *slash)
{
	struct nameidata nd;
	int err;

	err = path_init(&nd, dfd, name, flags, NULL);
	if (!err)
		err = walk_components(name, &nd);
	if (!err && nd.last_type != LAST_ROOT && !d_is_dir(nd.path.dentry))
		err = -ENOTDIR;
	if (!err) {
		*parent = nd.path;
		*last = nd.last;
		*type = nd.last_type;
		*slash = nd.last_slash;
		nd.path.mnt = NULL;
		nd.path.dentry = NULL;
	}
	nd_done(&nd);
	return err;
}

struct dentry *kern_path_create(int dfd, const char *name, struct path *parent,
				unsigned int lookup_flags)
{
	bool want_dir = lookup_flags & LOOKUP_DIRECTORY;
	struct dentry *d;
	struct qstr last;
	int type, err, erofs;
	bool slash;

	err = path_parentat(dfd, name, 0, parent, &last, &type, &slash);
	if (err)
		return ERR_PTR(err);
	err = -EEXIST;
	if (type != LAST_NORM)
		goto out_put;
	/* Read-only comes after "it exists", as in Linux. */
	erofs = mnt_want_write(parent->mnt);
	err = may_lookup_dir(parent->dentry->d_inode);
	if (err)
		goto out_put;
	d = lookup_child(parent->dentry, &last, LOOKUP_CREATE | LOOKUP_EXCL);
	err = PTR_ERR(d);
	if (IS_ERR(d))
		goto out_put;
	err = -EEXIST;
	if (d->d_inode)
		goto out_dput;
	err = -ENOENT;
	if (slash && !want_dir)
		goto out_dput;
	err = erofs;
	if (err)
		goto out_dput;
	return d;
out_dput:
	dput(d);
out_put:
	path_put(parent);
	return ERR_PTR(err);
}

struct dentry *user_path_create(int dfd, const char __user *uname, struct path *parent,
				unsigned int lookup_flags)
{
	char *name = getname(uname);
	struct dentry *d;

	if (IS_ERR(name))
		return ERR_PTR(PTR_ERR(name));
	d = kern_path_create(dfd, name, parent, lookup_flags);
	putname(name);
	return d;
}

void done_path_create(struct path *parent, struct dentry *dentry)
{
	dput(dentry);
	path_put(parent);
}

/*
 * For unlink, rmdir and rename: the parent directory of name on a writable
 * mount, and the dentry (referenced, maybe negative) of the last component;
 * NULL when that is ".", ".." or "/" (lc->type says which).
 */
struct dentry *lookup_parent_and_last(int dfd, const char *name, struct path *parent,
				      struct last_component *lc)
{
	struct dentry *d;
	struct qstr last;
	int err;

	err = path_parentat(dfd, name, 0, parent, &last, &lc->type, &lc->slash);
	if (err)
		return ERR_PTR(err);
	if (lc->type != LAST_NORM)
		return NULL;
	err = mnt_want_write(parent->mnt);
	if (!err)
		err = may_lookup_dir(parent->dentry->d_inode);
	if (err) {
		path_put(parent);
		return ERR_PTR(err);
	}
	d = lookup_child(parent->dentry, &last, 0);
	if (IS_ERR(d))
		path_put(parent);
	return d;
}

/* ---- open ------------------------------------------------------------- */

static int open_acc_mode(int flags)
{
	int acc = 0;

	if (flags & O_PATH)
		return 0;
	if (flags & __FMODE_EXEC)
		return MAY_EXEC;
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		acc = MAY_READ;
		break;
	case O_WRONLY:
		acc = MAY_WRITE;
		break;
	default:		/* O_RDWR, and 3 (ioctl-only) which needs both */
		acc = MAY_READ | MAY_WRITE;
		break;
	}
	if (flags & O_TRUNC)
		acc |= MAY_WRITE;
	return acc;
}

static int may_create_in(struct inode *dir)
{
	if (dir_is_dead(dir))
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * The last component of an O_CREAT open: find it, or make a regular file.
 * Returns 1 with *link set when it is a symlink to follow.
 */
static int open_create_last(struct nameidata *nd, int flags, umode_t mode,
			    bool *created, struct path *link)
{
	struct inode *dir = nd->path.dentry->d_inode;
	struct path next;
	struct dentry *d;
	int err;

	if (nd->last_type == LAST_BIND)
		return (flags & O_EXCL) ? -EEXIST : 0;
	if (nd->last_type != LAST_NORM || nd->last_slash)
		return -EISDIR;
	err = may_lookup_dir(dir);
	if (err)
		return err;
	d = lookup_child(nd->path.dentry, &nd->last,
			 LOOKUP_OPEN | LOOKUP_CREATE | ((flags & O_EXCL) ? LOOKUP_EXCL : 0));
	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d->d_inode) {
		err = mnt_want_write(nd->path.mnt);
		if (!err)
			err = may_create_in(dir);
		if (!err)
			err = vfs_create(dir, d, (mode & ~current_umask() & S_IALLUGO) | S_IFREG,
					 flags & O_EXCL);
		if (err) {
			dput(d);
			return err;
		}
		*created = true;
	} else if (flags & O_EXCL) {
		dput(d);
		return -EEXIST;
	}
	next.mnt = mntget(nd->path.mnt);
	next.dentry = d;
	follow_mounts(&next);
	if (d_is_dir(next.dentry)) {
		path_put(&next);
		return -EISDIR;
	}
	if (d_is_symlink(next.dentry)) {
		if (flags & O_NOFOLLOW) {
			path_put(&next);
			return -ELOOP;
		}
		*link = next;
		return 1;
	}
	nd_jump(nd, &next);
	return 0;
}

/* Resolve the last component of an open, following symlinks as allowed. */
static int open_last(struct nameidata *nd, int flags, umode_t mode, bool *created)
{
	struct path link;
	int err;

	if (!(flags & O_CREAT)) {
		err = lookup_last(nd, !(flags & O_NOFOLLOW));
		if (err)
			return err;
		if (d_is_symlink(nd->path.dentry) && !(flags & O_PATH))
			return -ELOOP;
		return 0;
	}
	for (;;) {
		err = open_create_last(nd, flags, mode, created, &link);
		if (err <= 0)
			return err;
		err = step_into_link(nd, &link);
		if (err)
			return err;
	}
}

static int may_open(const struct path *path, int acc_mode, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	umode_t mode = inode->i_mode;

	if (S_ISLNK(mode))
		return (flags & O_PATH) ? 0 : -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(mode))
		return -ENOTDIR;
	if (flags & O_PATH)
		return 0;
	if (S_ISDIR(mode) && (acc_mode & MAY_WRITE))
		return -EISDIR;
	if ((flags & __FMODE_EXEC) &&
	    (!S_ISREG(mode) || (path->mnt->mnt_flags & MNT_NOEXEC)))
		return -EACCES;
	if ((S_ISCHR(mode) || S_ISBLK(mode)) && (path->mnt->mnt_flags & MNT_NODEV))
		return -EACCES;
	if ((flags & O_NOATIME) && current_fsuid() != inode->i_uid && !vfs_capable())
		return -EPERM;
	return path_permission(path, acc_mode);
}

/*
 * O_TMPFILE: an unnamed regular file in the directory name, which linkat()
 * with AT_EMPTY_PATH may give a name later (unless O_EXCL).
 */
static struct file *do_tmpfile(int dfd, const char *name, int flags, umode_t mode)
{
	struct inode *dir;
	struct dentry *d;
	struct path path;
	struct file *f;
	struct qstr q;
	int err;

	if ((flags & O_ACCMODE) == O_RDONLY || (flags & O_CREAT) ||
	    (flags & O_TMPFILE) != O_TMPFILE)
		return ERR_PTR(-EINVAL);
	err = kern_path_at(dfd, name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (err)
		return ERR_PTR(err);
	dir = path.dentry->d_inode;
	err = mnt_want_write(path.mnt);
	if (!err)
		err = may_create_in(dir);
	if (!err && (!dir->i_op || !dir->i_op->tmpfile))
		err = -EOPNOTSUPP;
	if (err)
		goto out_put;
	qstr_init(&q, "#tmpfile", 8);
	err = -ENOMEM;
	d = d_alloc(path.dentry, &q);
	if (!d)
		goto out_put;
	err = dir->i_op->tmpfile(dir, d, (mode & ~current_umask() & S_IALLUGO) | S_IFREG);
	if (!err && !(flags & O_EXCL))
		d->d_inode->i_state |= I_LINKABLE;
	dput(path.dentry);
	path.dentry = d;
	f = err ? ERR_PTR(err) : dentry_open(&path, flags & ~O_TMPFILE);
	path_put(&path);
	return f;
out_put:
	path_put(&path);
	return ERR_PTR(err);
}

struct file *do_filp_open(int dfd, const char *name, int flags, umode_t mode)
{
	struct nameidata nd;
	bool created = false;
	struct file *file;
	int err, acc_mode;

	if (flags & __O_TMPFILE)
		return do_tmpfile(dfd, name, flags, mode);
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	acc_mode = open_acc_mode(flags);
	err = path_init(&nd, dfd, name, (flags & O_DIRECTORY) ? LOOKUP_DIRECTORY : 0, NULL);
	if (!err)
		err = walk_components(name, &nd);
	if (!err)
		err = open_last(&nd, flags, mode, &created);
	if (!err && !created)
		err = may_open(&nd.path, acc_mode, flags);
	if (!err && (flags & O_DIRECTORY) && !d_is_dir(nd.path.dentry))
		err = -ENOTDIR;
	if (err) {
		nd_done(&nd);
		return ERR_PTR(err);
	}
	if (created)
		flags &= ~O_TRUNC;
	file = dentry_open(&nd.path, flags);
	if (!IS_ERR(file) && (flags & O_TRUNC) && S_ISREG(file_inode(file)->i_mode) &&
	    !(flags & O_PATH)) {
		err = do_truncate(nd.path.dentry, 0, ATTR_MTIME | ATTR_CTIME | ATTR_OPEN, file);
		if (err) {
			fput(file);
			file = ERR_PTR(err);
		}
	}
	nd_done(&nd);
	return file;
}

/*
 * Open a program for execve: needs execute, not read, permission; a
 * regular file on a mount without noexec.  The file can be read with
 * kernel_read() all the same.
 */
struct file *filp_open_exec(const char *name)
{
	struct file *f = do_filp_open(AT_FDCWD, name, O_RDONLY | O_LARGEFILE | __FMODE_EXEC, 0);

	if (!IS_ERR(f))
		f->f_mode |= FMODE_EXEC | FMODE_READ;
	return f;
}
