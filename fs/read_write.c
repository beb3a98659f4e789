// SPDX-License-Identifier: GPL-2.0
/*
 * read, write and friends, seeking, and I/O on kernel buffers.
 *
 * File operations move data to and from guest memory (__user pointers).
 * kernel_read()/kernel_write() move it to and from kernel memory, which
 * those operations cannot do, so they go through the page cache of the
 * file (any file system whose mapping can read pages) or straight to the
 * pipe buffers.  sendfile and copy_file_range are built on them.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/pipe_fs_i.h>
#include <umk/uaccess.h>
#include <linux/fs.h>
#include <linux/uio.h>

/* ---- seeking ---------------------------------------------------------- */

static loff_t set_pos(struct file *file, loff_t pos)
{
	if (pos < 0)
		return -EINVAL;
	file->f_pos = pos;
	return pos;
}

loff_t fixed_size_llseek(struct file *file, loff_t off, int whence, loff_t size)
{
	switch (whence) {
	case SEEK_SET:
		return set_pos(file, off);
	case SEEK_CUR:
		if (!off)
			return file->f_pos;
		return set_pos(file, file->f_pos + off);
	case SEEK_END:
		return set_pos(file, size + off);
	case SEEK_DATA:
		if (off < 0 || off >= size)
			return -ENXIO;
		return set_pos(file, off);
	case SEEK_HOLE:
		if (off < 0 || off >= size)
			return -ENXIO;
		return set_pos(file, size);
	default:
		return -EINVAL;
	}
}

loff_t generic_file_llseek(struct file *file, loff_t off, int whence)
{
	return fixed_size_llseek(file, off, whence, file_inode(file)->i_size);
}

loff_t default_llseek(struct file *file, loff_t off, int whence)
{
	return generic_file_llseek(file, off, whence);
}

loff_t no_llseek(struct file *file, loff_t off, int whence)
{
	return -ESPIPE;
}

loff_t noop_llseek(struct file *file, loff_t off, int whence)
{
	return file->f_pos;
}

loff_t vfs_llseek(struct file *file, loff_t off, int whence)
{
	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	if (whence < SEEK_SET || whence > SEEK_MAX)
		return -EINVAL;
	if (file->f_op->llseek)
		return file->f_op->llseek(file, off, whence);
	return default_llseek(file, off, whence);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t ret;

	if (!f)
		return -EBADF;
	ret = whence > SEEK_MAX ? -EINVAL : vfs_llseek(f, offset, whence);
	fput(f);
	return ret;
}

/* ---- read and write --------------------------------------------------- */

static int rw_verify_area(struct file *file, const loff_t *pos, size_t count)
{
	if (!pos || !(file->f_mode & FMODE_LSEEK))
		return 0;
	if (*pos < 0)
		return -EINVAL;
	if ((loff_t)(*pos + count) < 0)
		return -EINVAL;
	return 0;
}

ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (!file->f_op->read)
		return file->f_op->iterate ? -EISDIR : -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	err = rw_verify_area(file, pos, count);
	if (err)
		return err;
	if (!count)
		return 0;
	return file->f_op->read(file, buf, count, pos);
}

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	int err;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	err = rw_verify_area(file, pos, count);
	if (err)
		return err;
	return file->f_op->write(file, buf, count, pos);
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *f = fget(fd);
	loff_t pos;
	ssize_t ret;

	if (!f)
		return -EBADF;
	pos = f->f_pos;
	ret = vfs_read(f, buf, count, &pos);
	if (ret >= 0)
		f->f_pos = pos;
	fput(f);
	return ret;
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *f = fget(fd);
	loff_t pos;
	ssize_t ret;

	if (!f)
		return -EBADF;
	pos = f->f_pos;
	ret = vfs_write(f, buf, count, &pos);
	if (ret >= 0)
		f->f_pos = pos;
	fput(f);
	return ret;
}

static long prw(unsigned int fd, char __user *buf, size_t count, loff_t pos, bool write)
{
	struct file *f;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -ESPIPE;
	if (f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD))
		ret = write ? vfs_write(f, buf, count, &pos) : vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	return prw(fd, buf, count, pos, false);
}

long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos)
{
	return prw(fd, (char __user *)buf, count, pos, true);
}

/* ---- vectors ---------------------------------------------------------- */

static struct iovec *copy_iovec(const struct iovec __user *uvec, unsigned long nr,
				struct iovec *fast, unsigned int nr_fast)
{
	struct iovec *iov = fast;
	size_t total = 0;
	unsigned long i;

	if (nr > UIO_MAXIOV)
		return ERR_PTR(-EINVAL);
	if (nr > nr_fast) {
		iov = kmalloc(nr * sizeof(*iov), GFP_KERNEL);
		if (!iov)
			return ERR_PTR(-ENOMEM);
	}
	if (copy_from_user(iov, uvec, nr * sizeof(*iov))) {
		if (iov != fast)
			kfree(iov);
		return ERR_PTR(-EFAULT);
	}
	for (i = 0; i < nr; i++) {
		if ((ssize_t)iov[i].iov_len < 0) {
			if (iov != fast)
				kfree(iov);
			return ERR_PTR(-EINVAL);
		}
		if (iov[i].iov_len > MAX_RW_COUNT - total)
			iov[i].iov_len = MAX_RW_COUNT - total;
		total += iov[i].iov_len;
	}
	return iov;
}

/*
 * Segment by segment.  After the first, a stream (pipe, tty, socket) is
 * read without blocking, so that readv returns what is there instead of
 * waiting to fill every segment.
 */
static ssize_t do_iter_rw(struct file *file, struct iovec *iov, unsigned long nr,
			  loff_t *pos, bool write)
{
	bool stream = !S_ISREG(file_inode(file)->i_mode);
	unsigned int saved_flags = file->f_flags;
	ssize_t total = 0, n;
	unsigned long i;

	for (i = 0; i < nr; i++) {
		if (!iov[i].iov_len)
			continue;
		if (!write && stream && total)
			file->f_flags |= O_NONBLOCK;
		if (write)
			n = vfs_write(file, iov[i].iov_base, iov[i].iov_len, pos);
		else
			n = vfs_read(file, iov[i].iov_base, iov[i].iov_len, pos);
		file->f_flags = saved_flags;
		if (n < 0) {
			if (!total)
				total = n;
			break;
		}
		total += n;
		if ((size_t)n < iov[i].iov_len)
			break;
	}
	return total;
}

static long vector_rw(unsigned long fd, const struct iovec __user *uvec,
		      unsigned long vlen, loff_t *upos, bool write)
{
	struct iovec fast[8], *iov;
	struct file *f;
	loff_t pos;
	ssize_t ret;

	f = fget(fd);
	if (!f)
		return -EBADF;
	ret = -EBADF;
	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		goto out_put;
	ret = -ESPIPE;
	if (upos && !(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)))
		goto out_put;
	ret = -EINVAL;
	if (upos && *upos < 0)
		goto out_put;
	iov = copy_iovec(uvec, vlen, fast, ARRAY_SIZE(fast));
	ret = PTR_ERR(iov);
	if (IS_ERR(iov))
		goto out_put;
	pos = upos ? *upos : f->f_pos;
	ret = do_iter_rw(f, iov, vlen, &pos, write);
	if (ret >= 0 && !upos)
		f->f_pos = pos;
	if (iov != fast)
		kfree(iov);
out_put:
	fput(f);
	return ret;
}

long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return vector_rw(fd, vec, vlen, NULL, false);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return vector_rw(fd, vec, vlen, NULL, true);
}

long sys_preadv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		unsigned long pos_l, unsigned long pos_h)
{
	loff_t pos = pos_l;

	return vector_rw(fd, vec, vlen, &pos, false);
}

long sys_pwritev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h)
{
	loff_t pos = pos_l;

	return vector_rw(fd, vec, vlen, &pos, true);
}

/* preadv2/pwritev2: offset -1 means the file position; flags are hints. */
long sys_preadv2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		 unsigned long pos_l, unsigned long pos_h, int flags)
{
	loff_t pos = pos_l;

	if (flags & ~0x1f)
		return -EOPNOTSUPP;
	return vector_rw(fd, vec, vlen, pos == -1 ? NULL : &pos, false);
}

long sys_pwritev2(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		  unsigned long pos_l, unsigned long pos_h, int flags)
{
	loff_t pos = pos_l;

	if (flags & ~0x1f)
		return -EOPNOTSUPP;
	return vector_rw(fd, vec, vlen, pos == -1 ? NULL : &pos, true);
}

/* ---- kernel buffers --------------------------------------------------- */

static struct page *kernel_get_page(struct file *file, unsigned long index, bool create)
{
	struct address_space *mapping = file->f_mapping;
	struct page *page;

	if (mapping->a_ops == &ramfs_aops) {
		page = ramfs_get_page(file_inode(file), index, create);
		if (!page)
			return create ? ERR_PTR(-ENOSPC) : NULL;
		return page;
	}
	return read_mapping_page(mapping, index, file);
}

static bool has_page_cache(struct file *file)
{
	struct address_space *m = file->f_mapping;

	return S_ISREG(file_inode(file)->i_mode) && m && m->a_ops &&
	       (m->a_ops == &ramfs_aops || m->a_ops->readpage);
}

static ssize_t pagecache_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct inode *inode = file_inode(file);
	ssize_t done = 0;

	while (count && *pos < inode->i_size) {
		unsigned long off = *pos & (PAGE_SIZE - 1);
		size_t n = min_t(size_t, PAGE_SIZE - off, count);
		struct page *page;

		n = min_t(loff_t, n, inode->i_size - *pos);
		page = kernel_get_page(file, *pos >> PAGE_SHIFT, false);
		if (IS_ERR(page))
			return done ? done : PTR_ERR(page);
		if (page) {
			memcpy(buf, (char *)page_address(page) + off, n);
			put_page(page);
		} else {
			memset(buf, 0, n);
		}
		buf = (char *)buf + n;
		*pos += n;
		done += n;
		count -= n;
	}
	return done;
}

static ssize_t pagecache_write(struct file *file, const void *buf, size_t count,
			       loff_t *pos)
{
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = file_inode(file);
	bool ram = mapping->a_ops == &ramfs_aops;
	ssize_t done = 0;

	if (!ram && !mapping->a_ops->writepage)
		return -EINVAL;
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	while (count) {
		unsigned long off = *pos & (PAGE_SIZE - 1);
		size_t n = min_t(size_t, PAGE_SIZE - off, count);
		struct page *page;
		int err = 0;

		page = kernel_get_page(file, *pos >> PAGE_SHIFT, true);
		if (IS_ERR_OR_NULL(page))
			return done ? done : (page ? PTR_ERR(page) : -ENOMEM);
		memcpy((char *)page_address(page) + off, buf, n);
		if (!ram)
			page->flags |= PG_dirty;
		if (*pos + (loff_t)n > inode->i_size)
			inode->i_size = *pos + n;
		if (!ram)
			err = mapping->a_ops->writepage(page);
		put_page(page);
		if (err)
			return done ? done : err;
		buf = (const char *)buf + n;
		*pos += n;
		done += n;
		count -= n;
	}
	inode->i_mtime = inode->i_ctime = current_time(inode);
	return done;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (get_pipe_info(file))
		return pipe_kernel_read(file, buf, count);
	if (!has_page_cache(file))
		return -EINVAL;
	if (*pos < 0)
		return -EINVAL;
	return pagecache_read(file, buf, count, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (get_pipe_info(file))
		return pipe_kernel_write(file, buf, count);
	if (!has_page_cache(file))
		return -EINVAL;
	if (*pos < 0)
		return -EINVAL;
	return pagecache_write(file, buf, count, pos);
}

/* Copy count bytes from in at *ipos to out at *opos through a bounce page. */
static ssize_t copy_between(struct file *in, loff_t *ipos, struct file *out,
			    loff_t *opos, size_t count)
{
	ssize_t done = 0, n, w;
	char *bounce;

	bounce = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!bounce)
		return -ENOMEM;
	while (count) {
		n = kernel_read(in, bounce, min_t(size_t, count, PAGE_SIZE), ipos);
		if (n <= 0) {
			if (!done)
				done = n;
			break;
		}
		w = kernel_write(out, bounce, n, opos);
		if (w < 0) {
			*ipos -= n;
			if (!done)
				done = w;
			break;
		}
		done += w;
		count -= w;
		if (w < n) {
			*ipos -= n - w;
			break;
		}
	}
	kfree(bounce);
	return done;
}

long sys_sendfile(int out_fd, int in_fd, loff_t __user *offset, size_t count)
{
	struct file *in, *out;
	loff_t pos, opos;
	ssize_t ret = -EBADF;

	in = fget(in_fd);
	if (!in)
		return -EBADF;
	out = fget(out_fd);
	if (!out)
		goto out_put_in;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE))
		goto out_put;
	/*
	 * The source must be a file with a page cache (as Linux wants one it
	 * can splice from); the sink a pipe or such a file.  Checked before
	 * anything is read, so that a refused call consumes nothing.
	 */
	ret = -EINVAL;
	if ((out->f_flags & O_APPEND) || !has_page_cache(in) ||
	    (!get_pipe_info(out) && !has_page_cache(out)))
		goto out_put;
	pos = in->f_pos;
	if (offset) {
		ret = -ESPIPE;
		if (!(in->f_mode & FMODE_PREAD))
			goto out_put;
		ret = -EFAULT;
		if (copy_from_user(&pos, offset, sizeof(pos)))
			goto out_put;
		ret = -EINVAL;
		if (pos < 0)
			goto out_put;
	}
	opos = out->f_pos;
	ret = copy_between(in, &pos, out, &opos, min_t(size_t, count, MAX_RW_COUNT));
	if (ret > 0 || !offset)
		out->f_pos = opos;
	if (offset) {
		if (copy_to_user(offset, &pos, sizeof(pos)))
			ret = -EFAULT;
	} else {
		in->f_pos = pos;
	}
out_put:
	fput(out);
out_put_in:
	fput(in);
	return ret;
}

long sys_copy_file_range(int fd_in, loff_t __user *off_in, int fd_out,
			 loff_t __user *off_out, size_t len, unsigned int flags)
{
	struct file *in, *out;
	loff_t ipos, opos;
	ssize_t ret = -EBADF;

	if (flags)
		return -EINVAL;
	in = fget(fd_in);
	if (!in)
		return -EBADF;
	out = fget(fd_out);
	if (!out)
		goto out_put_in;
	if (!(in->f_mode & FMODE_READ) || !(out->f_mode & FMODE_WRITE) ||
	    (out->f_flags & O_APPEND))
		goto out_put;
	ret = -EISDIR;
	if (S_ISDIR(file_inode(in)->i_mode) || S_ISDIR(file_inode(out)->i_mode))
		goto out_put;
	ret = -EINVAL;
	if (!S_ISREG(file_inode(in)->i_mode) || !S_ISREG(file_inode(out)->i_mode))
		goto out_put;
	ret = -EXDEV;
	if (!has_page_cache(in) || !has_page_cache(out))
		goto out_put;
	ipos = in->f_pos;
	opos = out->f_pos;
	ret = -EFAULT;
	if ((off_in && copy_from_user(&ipos, off_in, sizeof(ipos))) ||
	    (off_out && copy_from_user(&opos, off_out, sizeof(opos))))
		goto out_put;
	ret = -EINVAL;
	if (ipos < 0 || opos < 0)
		goto out_put;
	ret = copy_between(in, &ipos, out, &opos, min_t(size_t, len, MAX_RW_COUNT));
	if (ret > 0) {
		if (off_in ? copy_to_user(off_in, &ipos, sizeof(ipos)) : (in->f_pos = ipos, 0))
			ret = -EFAULT;
		if (off_out ? copy_to_user(off_out, &opos, sizeof(opos)) : (out->f_pos = opos, 0))
			ret = -EFAULT;
	}
out_put:
	fput(out);
out_put_in:
	fput(in);
	return ret;
}

/* posix_fadvise: advice only, checked and accepted. */
long sys_fadvise64(int fd, loff_t offset, size_t len, int advice)
{
	struct file *f = fget(fd);
	long ret = 0;

	if (!f)
		return -EBADF;
	if (S_ISFIFO(file_inode(f)->i_mode))
		ret = -ESPIPE;
	else if (advice < 0 || advice > 5)
		ret = -EINVAL;
	fput(f);
	return ret;
}

long sys_readahead(int fd, loff_t offset, size_t count)
{
	struct file *f = fget(fd);
	long ret = 0;

	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_READ) || !S_ISREG(file_inode(f)->i_mode))
		ret = -EINVAL;
	fput(f);
	return ret;
}
