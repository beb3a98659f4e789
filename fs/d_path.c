// SPDX-License-Identifier: GPL-2.0
/*
 * Names from dentries: d_path() for /proc and getcwd(2).  The name is
 * built backwards from the end of the buffer, climbing d_parent and, at a
 * mount's root, out to its mountpoint, until the root of current.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>

struct pbuf {
	char *buf;
	char *p;		/* start of what is built so far */
	bool overflow;
};

static void prepend(struct pbuf *b, const char *s, int len)
{
	if (b->overflow || b->p - b->buf < len) {
		b->overflow = true;
		return;
	}
	b->p -= len;
	memcpy(b->p, s, len);
}

static void prepend_name(struct pbuf *b, const struct dentry *d)
{
	prepend(b, d->d_name.name, d->d_name.len);
	prepend(b, "/", 1);
}

/*
 * Build the path of p relative to root.  Returns true if root was met,
 * false if the walk reached the top of the mount tree without it (the
 * name is then relative to the global root).
 */
static bool build_path(const struct path *p, const struct path *root, struct pbuf *b)
{
	struct dentry *d = p->dentry;
	struct vfsmount *mnt = p->mnt;
	bool named = false;

	for (;;) {
		if (root && d == root->dentry && mnt == root->mnt)
			break;
		if (d == mnt->mnt_root || IS_ROOT(d)) {
			if (!mnt->mnt_parent) {
				if (!named)
					prepend(b, "/", 1);
				return false;
			}
			d = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		prepend_name(b, d);
		named = true;
		d = d->d_parent;
	}
	if (!named)
		prepend(b, "/", 1);
	return true;
}

static bool path_deleted(const struct dentry *d)
{
	return d_unhashed(d) && !IS_ROOT(d);
}

char *d_path(const struct path *p, char *buf, int buflen)
{
	struct pbuf b = { buf, buf + buflen, false };
	struct fs_struct *fs = current_fs();

	if (buflen <= 0)
		return ERR_PTR(-ENAMETOOLONG);
	if (p->dentry->d_op && p->dentry->d_op->d_dname &&
	    (p->dentry->d_flags & DCACHE_PSEUDO))
		return p->dentry->d_op->d_dname(p->dentry, buf, buflen);
	prepend(&b, "", 1);
	if (path_deleted(p->dentry))
		prepend(&b, " (deleted)", 10);
	build_path(p, fs->root.mnt ? &fs->root : NULL, &b);
	if (b.overflow)
		return ERR_PTR(-ENAMETOOLONG);
	return b.p;
}

char *dentry_path_raw(struct dentry *d, char *buf, int buflen)
{
	struct pbuf b = { buf, buf + buflen, false };
	bool named = false;

	prepend(&b, "", 1);
	while (!IS_ROOT(d)) {
		prepend_name(&b, d);
		named = true;
		d = d->d_parent;
	}
	if (!named)
		prepend(&b, "/", 1);
	return b.overflow ? ERR_PTR(-ENAMETOOLONG) : b.p;
}

long sys_getcwd(char __user *ubuf, unsigned long size)
{
	struct fs_struct *fs = current_fs();
	struct pbuf b;
	struct path pwd = fs->pwd, root = fs->root;
	char *page;
	long len;

	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	b.buf = page;
	b.p = page + PAGE_SIZE;
	b.overflow = false;
	len = -ENOENT;
	if (path_deleted(pwd.dentry))
		goto out_free;
	prepend(&b, "", 1);
	if (!build_path(&pwd, &root, &b))
		prepend(&b, "(unreachable)", 13);
	len = -ENAMETOOLONG;
	if (b.overflow)
		goto out_free;
	len = page + PAGE_SIZE - b.p;
	if (len > size)
		len = -ERANGE;
	else if (copy_to_user(ubuf, b.p, len))
		len = -EFAULT;
out_free:
	kfree(page);
	return len;
}
