// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64 and getdents.  The file system's ->iterate calls the actor
 * once per entry with the entry's position; the actor writes the record
 * straight into the guest buffer.  Each record's d_off is the position of
 * the entry after it (what lseek takes to resume there), so it is filled
 * in when that next entry is emitted, or at the end from ctx->pos.
 */
#include <umk/fs.h>
#include <umk/uaccess.h>

/* The x86_64 ABI records (<linux/dirent.h> is not in the UAPI set). */
struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[];		/* then NUL, padding, and d_type in the last byte */
};

struct getdents_buf {
	struct dir_context ctx;
	char __user *cur;	/* where the next record goes */
	s64 __user *prev_off;	/* d_off of the previous record */
	int count;		/* room left */
	int error;
};

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	int err;

	if (!file->f_op->iterate)
		return -ENOTDIR;
	if (S_ISDIR(inode->i_mode) && !inode->i_nlink)
		return -ENOENT;
	ctx->pos = file->f_pos;
	err = file->f_op->iterate(file, ctx);
	file->f_pos = ctx->pos;
	return err;
}

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *d = file->f_path.dentry;

	if (ctx->pos == 0) {
		if (!dir_emit(ctx, ".", 1, d->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!dir_emit(ctx, "..", 2, d->d_parent->d_inode->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

static bool put_prev_off(struct getdents_buf *b, loff_t offset)
{
	if (b->prev_off && put_user((s64)offset, b->prev_off)) {
		b->error = -EFAULT;
		return false;
	}
	return true;
}

static bool filldir64(struct dir_context *ctx, const char *name, int namlen,
		      loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_buf *b = container_of(ctx, struct getdents_buf, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namlen + 1, 8);
	struct linux_dirent64 hdr;
	char __user *rec = b->cur;

	if (reclen > b->count) {
		if (!b->prev_off)
			b->error = -EINVAL;	/* not even one record fits */
		return false;
	}
	if (!put_prev_off(b, offset))
		return false;
	hdr.d_ino = ino;
	hdr.d_off = 0;
	hdr.d_reclen = reclen;
	hdr.d_type = d_type;
	if (copy_to_user(rec, &hdr, offsetof(struct linux_dirent64, d_name)) ||
	    copy_to_user(rec + offsetof(struct linux_dirent64, d_name), name, namlen) ||
	    put_user((char)0, rec + offsetof(struct linux_dirent64, d_name) + namlen)) {
		b->error = -EFAULT;
		return false;
	}
	b->prev_off = (s64 __user *)(rec + offsetof(struct linux_dirent64, d_off));
	b->cur += reclen;
	b->count -= reclen;
	return true;
}

static bool filldir(struct dir_context *ctx, const char *name, int namlen,
		    loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_buf *b = container_of(ctx, struct getdents_buf, ctx);
	int reclen = ALIGN(offsetof(struct linux_dirent, d_name) + namlen + 2, sizeof(long));
	struct linux_dirent hdr;
	char __user *rec = b->cur;

	if (reclen > b->count) {
		if (!b->prev_off)
			b->error = -EINVAL;
		return false;
	}
	if (!put_prev_off(b, offset))
		return false;
	hdr.d_ino = ino;
	hdr.d_off = 0;
	hdr.d_reclen = reclen;
	if (copy_to_user(rec, &hdr, offsetof(struct linux_dirent, d_name)) ||
	    copy_to_user(rec + offsetof(struct linux_dirent, d_name), name, namlen) ||
	    put_user((char)0, rec + offsetof(struct linux_dirent, d_name) + namlen) ||
	    put_user((char)d_type, rec + reclen - 1)) {
		b->error = -EFAULT;
		return false;
	}
	b->prev_off = (s64 __user *)(rec + offsetof(struct linux_dirent, d_off));
	b->cur += reclen;
	b->count -= reclen;
	return true;
}

static long do_getdents(unsigned int fd, void __user *dirent, unsigned int count,
			filldir_t actor)
{
	struct getdents_buf b = { .ctx.actor = actor, .cur = dirent };
	struct file *f;
	long err;

	if (count > 0x7fffffff)
		count = 0x7fffffff;
	b.count = count;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = iterate_dir(f, &b.ctx);
	if (b.error)
		err = b.error;
	if (b.prev_off) {
		/* Records written count even if a later one faulted. */
		if (put_user((s64)b.ctx.pos, b.prev_off))
			err = -EFAULT;
		else
			err = count - b.count;
	}
	fput(f);
	return err;
}

long sys_getdents64(unsigned int fd, void __user *dirent, unsigned int count)
{
	return do_getdents(fd, dirent, count, filldir64);
}

long sys_getdents(unsigned int fd, void __user *dirent, unsigned int count)
{
	return do_getdents(fd, dirent, count, filldir);
}
