// SPDX-License-Identifier: GPL-2.0
/*
 * procfs building blocks: directories made of proc_entry tables, files
 * whose text is generated into a buffer, and symlinks.
 *
 * A file's text is made whole by its show() when the file is read at
 * offset 0 (so reading again from the start, or pread at 0, sees fresh
 * values) and then served from the buffer, like Linux's seq_file.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>
#include <linux/limits.h>
#include "internal.h"

#define PROC_BUF_MAX	(4UL << 20)	/* the most text a file may have */

/* ---- text buffers --------------------------------------------------- */

void pb_write(struct proc_buf *m, const void *data, size_t len)
{
	if (m->overflow || len > m->size - m->len) {
		m->overflow = true;
		return;
	}
	memcpy(m->buf + m->len, data, len);
	m->len += len;
}

void pb_puts(struct proc_buf *m, const char *s)
{
	pb_write(m, s, strlen(s));
}

void pb_printf(struct proc_buf *m, const char *fmt, ...)
{
	size_t room = m->size - m->len;
	va_list ap;
	int n;

	if (m->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(m->buf + m->len, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= room)
		m->overflow = true;
	else
		m->len += n;
}

/* ---- directories ---------------------------------------------------- */

static unsigned int count_children(const struct proc_entry *pe)
{
	const struct proc_entry *c;
	unsigned int n = 0;

	for (c = pe->children; c && c->name; c++)
		n++;
	return n;
}

/*
 * Static entries have no number of their own: their address (they live in
 * the kernel image, below 2 GiB) is unique and stable; the pid of a
 * per-process entry goes in the high half.
 */
static ino_t entry_ino(pid_t pid, const struct proc_entry *pe)
{
	return ((ino_t)pid << 32) | ((unsigned long)pe & 0x7fffffff);
}

static struct dentry *proc_lookup(struct inode *dir, struct dentry *dentry,
				  unsigned int flags)
{
	struct proc_inode *pi = PROC_I(dir);
	const struct proc_entry *c;
	struct inode *inode = NULL;

	for (c = pi->pe->children; c && c->name; c++) {
		if (strlen(c->name) == dentry->d_name.len &&
		    !memcmp(c->name, dentry->d_name.name, dentry->d_name.len)) {
			inode = proc_make_inode(dir->i_sb, c, pi->pid, -1,
						entry_ino(pi->pid, c));
			if (!inode)
				return ERR_PTR(-ENOMEM);
			break;
		}
	}
	if (!inode && pi->pe->dir_ops && pi->pe->dir_ops->lookup) {
		inode = pi->pe->dir_ops->lookup(dir, &dentry->d_name);
		if (IS_ERR(inode))
			return (struct dentry *)inode;
	}
	if (pi->pid && !proc_task(pi)) {
		iput(inode);
		return ERR_PTR(-ENOENT);
	}
	dentry->d_op = &proc_dentry_ops;
	d_add(dentry, inode);
	return NULL;
}

/* Positions: 0 ".", 1 "..", then the static children, then dir_ops names. */
static int proc_readdir(struct file *file, struct dir_context *ctx)
{
	struct proc_inode *pi = PROC_I(file_inode(file));
	const struct proc_entry *pe = pi->pe;
	unsigned int n = count_children(pe);
	const struct proc_entry *c;

	if (pi->pid && !proc_task(pi))
		return -ENOENT;
	if (!dir_emit_dots(file, ctx))
		return 0;
	while (ctx->pos >= 2 && ctx->pos < 2 + n) {
		c = &pe->children[ctx->pos - 2];
		if (!dir_emit(ctx, c->name, strlen(c->name), entry_ino(pi->pid, c),
			      fs_umode_to_dtype(c->mode)))
			return 0;
		ctx->pos++;
	}
	if (pe->dir_ops && pe->dir_ops->iterate)
		return pe->dir_ops->iterate(file, ctx, 2 + n);
	return 0;
}

const struct inode_operations proc_dir_iops = {
	.lookup		= proc_lookup,
};

const struct file_operations proc_dir_fops = {
	.llseek		= default_llseek,
	.iterate	= proc_readdir,
};

/* ---- files ---------------------------------------------------------- */

struct proc_file {
	struct proc_buf m;
	bool valid;
};

static int proc_file_open(struct inode *inode, struct file *file)
{
	struct proc_file *pf;

	if (PROC_I(inode)->pid && !proc_task(PROC_I(inode)))
		return -ESRCH;
	pf = kzalloc(sizeof(*pf), GFP_KERNEL);
	if (!pf)
		return -ENOMEM;
	file->private_data = pf;
	return 0;
}

static int proc_file_release(struct inode *inode, struct file *file)
{
	struct proc_file *pf = file->private_data;

	if (pf) {
		kfree(pf->m.buf);
		kfree(pf);
	}
	return 0;
}

/* Run show() into a buffer big enough for all of its text. */
static int generate(struct proc_file *pf, struct proc_inode *pi)
{
	size_t size = PAGE_SIZE;
	int err;

	pf->valid = false;
	for (;;) {
		kfree(pf->m.buf);
		pf->m.buf = kmalloc(size, GFP_KERNEL);
		if (!pf->m.buf)
			return -ENOMEM;
		pf->m.size = size;
		pf->m.len = 0;
		pf->m.overflow = false;
		err = pi->pe->show(&pf->m, pi);
		if (err)
			return err;
		if (!pf->m.overflow)
			break;
		if (size >= PROC_BUF_MAX)
			return -EFBIG;
		size *= 2;
	}
	pf->valid = true;
	return 0;
}

static ssize_t proc_file_read(struct file *file, char __user *buf, size_t len,
			      loff_t *pos)
{
	struct proc_inode *pi = PROC_I(file_inode(file));
	struct proc_file *pf = file->private_data;
	size_t n;
	int err;

	if (!pi->pe->show)
		return -EINVAL;
	if (*pos < 0)
		return -EINVAL;
	if (!pf->valid || *pos == 0) {
		err = generate(pf, pi);
		if (err)
			return err;
	}
	if ((u64)*pos >= pf->m.len)
		return 0;
	n = min_t(size_t, len, pf->m.len - *pos);
	if (copy_to_user(buf, pf->m.buf + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

/* Writes arrive whole (at most a page), as Linux's sysctl files take them. */
static ssize_t proc_file_write(struct file *file, const char __user *buf, size_t len,
			       loff_t *pos)
{
	struct proc_inode *pi = PROC_I(file_inode(file));
	ssize_t ret;
	char *kbuf;

	if (!pi->pe->write)
		return -EIO;
	if (len >= PAGE_SIZE)
		return -EINVAL;
	kbuf = kmalloc(len + 1, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, buf, len)) {
		kfree(kbuf);
		return -EFAULT;
	}
	kbuf[len] = '\0';
	ret = pi->pe->write(pi, kbuf, len);
	kfree(kbuf);
	if (ret > 0)
		*pos += ret;
	return ret;
}

const struct file_operations proc_file_fops = {
	.llseek		= default_llseek,
	.read		= proc_file_read,
	.write		= proc_file_write,
	.open		= proc_file_open,
	.release	= proc_file_release,
};

const struct inode_operations proc_file_iops = {
};

/* ---- symlinks ------------------------------------------------------- */

static int proc_readlink(struct dentry *dentry, char *buf, int len)
{
	struct proc_inode *pi = PROC_I(dentry->d_inode);
	struct path path;
	int n;

	if (pi->pid && !proc_task(pi))
		return -ENOENT;
	if (!pi->pe->get_path)
		return pi->pe->link(pi, buf, len);
	n = pi->pe->get_path(pi, &path);
	if (n)
		return n;
	n = proc_link_path(&path, buf, len);
	path_put(&path);
	return n;
}

static int proc_follow_link(struct dentry *dentry, struct path *path)
{
	struct proc_inode *pi = PROC_I(dentry->d_inode);

	if (pi->pid && !proc_task(pi))
		return -ENOENT;
	return pi->pe->get_path(pi, path);
}

const struct inode_operations proc_link_iops = {
	.readlink	= proc_readlink,
};

const struct inode_operations proc_magic_link_iops = {
	.readlink	= proc_readlink,
	.follow_link	= proc_follow_link,
};

/* The text of a link to path (as seen from current's root), cut at len. */
int proc_link_path(const struct path *path, char *buf, int len)
{
	char *tmp, *p;
	int n;

	if (!path->dentry || !path->mnt)
		return -ENOENT;
	tmp = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!tmp)
		return -ENOMEM;
	p = d_path(path, tmp, PATH_MAX);
	if (IS_ERR(p)) {
		kfree(tmp);
		return PTR_ERR(p);
	}
	n = min_t(int, strlen(p), len);
	memcpy(buf, p, n);
	kfree(tmp);
	return n;
}
