// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs.
 *
 * The data sit in a ring of page buffers (see <umk/pipe_fs_i.h>).  A write
 * appends to the last buffer if it fits, else takes a new one; a write of
 * at most PIPE_BUF bytes goes in whole or not at all, which makes it
 * atomic.  Readers sleep on rd_wait while the ring is empty and writers
 * remain; writers sleep on wr_wait while it is full and readers remain.
 * Every change wakes the other side, and poll tables hang on the same
 * queues.  Writing with no reader left gives SIGPIPE and EPIPE; reading
 * with no writer left gives end of file.
 *
 * Anonymous pipes live on an internal pipefs mount; FIFOs are inodes of
 * any file system whose i_fop is pipefifo_fops, and get their pipe on the
 * first open.
 */
#include <umk/pipe_fs_i.h>
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/poll.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>
#include <linux/magic.h>
#include <asm/ioctls.h>

static struct vfsmount *pipe_mnt;

/* Copy between a pipe page and the caller: guest memory or kernel memory. */
struct pipe_io {
	bool kernel;
	union {
		char __user *ubuf;
		const char __user *cubuf;
		char *kbuf;
		const char *ckbuf;
	};
};

/* Bytes not copied, as copy_to_user. */
static unsigned long io_to(struct pipe_io *io, size_t done, const void *src, size_t n)
{
	if (io->kernel) {
		memcpy(io->kbuf + done, src, n);
		return 0;
	}
	return copy_to_user(io->ubuf + done, src, n);
}

static unsigned long io_from(struct pipe_io *io, size_t done, void *dst, size_t n)
{
	if (io->kernel) {
		memcpy(dst, io->ckbuf + done, n);
		return 0;
	}
	return copy_from_user(dst, io->cubuf + done, n);
}

struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->bufs = kcalloc(PIPE_DEF_BUFFERS, sizeof(*pipe->bufs), GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	pipe->ring_size = PIPE_DEF_BUFFERS;
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = 0; i < pipe->ring_size; i++)
		if (pipe->bufs[i].page)
			__free_page(pipe->bufs[i].page);
	kfree(pipe->bufs);
	kfree(pipe);
}

struct pipe_inode_info *get_pipe_info(struct file *file)
{
	if (file->f_op != &pipefifo_fops)
		return NULL;
	return file->private_data;
}

static struct pipe_buffer *ring_slot(struct pipe_inode_info *pipe, unsigned int n)
{
	return &pipe->bufs[n & (pipe->ring_size - 1)];
}

static void wake_writers(struct pipe_inode_info *pipe)
{
	__wake_up(&pipe->wr_wait, TASK_INTERRUPTIBLE, 0,
		  (void *)(unsigned long)(EPOLLOUT | EPOLLWRNORM));
}

static void wake_readers(struct pipe_inode_info *pipe)
{
	__wake_up(&pipe->rd_wait, TASK_INTERRUPTIBLE, 0,
		  (void *)(unsigned long)(EPOLLIN | EPOLLRDNORM));
}

static unsigned int pipe_readable(struct pipe_inode_info *pipe)
{
	return !pipe_empty(pipe) || !pipe->writers;
}

static ssize_t do_pipe_read(struct file *file, struct pipe_io *io, size_t len)
{
	struct pipe_inode_info *pipe = file->private_data;
	bool consumed = false;
	ssize_t done = 0;
	int err;

	if (!len)
		return 0;
	for (;;) {
		while (!pipe_empty(pipe) && done < (ssize_t)len) {
			struct pipe_buffer *buf = ring_slot(pipe, pipe->tail);
			size_t n = min_t(size_t, buf->len, len - done);
			unsigned long left;

			left = io_to(io, done, (char *)page_address(buf->page) + buf->offset, n);
			n -= left;
			done += n;
			buf->offset += n;
			buf->len -= n;
			if (!buf->len) {
				__free_page(buf->page);
				buf->page = NULL;
				pipe->tail++;
				consumed = true;
			}
			if (left) {
				if (!done)
					done = -EFAULT;
				goto out;
			}
		}
		if (done || !pipe->writers)
			break;
		if (file->f_flags & O_NONBLOCK) {
			done = -EAGAIN;
			break;
		}
		if (consumed) {
			wake_writers(pipe);
			consumed = false;
		}
		err = wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe));
		if (err) {
			done = err;
			break;
		}
	}
out:
	if (consumed)
		wake_writers(pipe);
	if (done > 0)
		file_inode(file)->i_atime = current_time(file_inode(file));
	return done;
}

/* Room for n bytes now: in the last buffer, or a free slot for a new one. */
static bool pipe_has_room(struct pipe_inode_info *pipe, size_t n)
{
	if (!pipe_empty(pipe)) {
		struct pipe_buffer *last = ring_slot(pipe, pipe->head - 1);

		if (last->offset + last->len + n <= PAGE_SIZE)
			return true;
	}
	return !pipe_full(pipe);
}

static bool pipe_writable(struct pipe_inode_info *pipe, size_t atomic)
{
	return !pipe->readers || pipe_has_room(pipe, atomic);
}

/* Append to the last buffer: bytes taken (up to n), or -EFAULT. */
static ssize_t pipe_merge(struct pipe_inode_info *pipe, struct pipe_io *io, size_t done,
			  size_t n, bool whole)
{
	struct pipe_buffer *last;
	size_t room;
	unsigned long left;

	if (pipe_empty(pipe))
		return 0;
	last = ring_slot(pipe, pipe->head - 1);
	room = PAGE_SIZE - (last->offset + last->len);
	if (!room || (whole && room < n))
		return 0;
	n = min(n, room);
	left = io_from(io, done, (char *)page_address(last->page) + last->offset + last->len, n);
	last->len += n - left;
	if (left && n == left)
		return -EFAULT;
	return n - left;
}

/* Fill a new buffer: bytes taken, or -errno. */
static ssize_t pipe_push(struct pipe_inode_info *pipe, struct pipe_io *io, size_t done,
			 size_t n)
{
	struct pipe_buffer *buf;
	struct page *page;
	unsigned long left;

	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	n = min_t(size_t, n, PAGE_SIZE);
	left = io_from(io, done, page_address(page), n);
	if (left == n) {
		__free_page(page);
		return -EFAULT;
	}
	buf = ring_slot(pipe, pipe->head);
	buf->page = page;
	buf->offset = 0;
	buf->len = n - left;
	pipe->head++;
	return n - left;
}

static ssize_t do_pipe_write(struct file *file, struct pipe_io *io, size_t len)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t atomic = len <= PIPE_BUF ? len : 1;
	ssize_t done = 0, n;
	int err;

	if (!len)
		return 0;
	for (;;) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current, 0);
			if (!done)
				done = -EPIPE;
			break;
		}
		if (pipe_has_room(pipe, atomic)) {
			n = pipe_merge(pipe, io, done, len - done, len <= PIPE_BUF);
			if (!n && !pipe_full(pipe))
				n = pipe_push(pipe, io, done, len - done);
			if (n < 0) {
				if (!done)
					done = n;
				break;
			}
			done += n;
			wake_readers(pipe);
			if (done == (ssize_t)len)
				break;
			continue;
		}
		if (file->f_flags & O_NONBLOCK) {
			if (!done)
				done = -EAGAIN;
			break;
		}
		err = wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe, atomic));
		if (err) {
			if (!done)
				done = err;
			break;
		}
	}
	if (done > 0) {
		struct inode *inode = file_inode(file);

		inode->i_mtime = inode->i_ctime = current_time(inode);
	}
	return done;
}

static ssize_t pipe_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct pipe_io io = { .kernel = false, .ubuf = buf };

	return do_pipe_read(file, &io, len);
}

static ssize_t pipe_write(struct file *file, const char __user *buf, size_t len,
			  loff_t *pos)
{
	struct pipe_io io = { .kernel = false, .cubuf = buf };

	return do_pipe_write(file, &io, len);
}

ssize_t pipe_kernel_read(struct file *file, void *buf, size_t count)
{
	struct pipe_io io = { .kernel = true, .kbuf = buf };

	return do_pipe_read(file, &io, count);
}

ssize_t pipe_kernel_write(struct file *file, const void *buf, size_t count)
{
	struct pipe_io io = { .kernel = true, .ckbuf = buf };

	return do_pipe_write(file, &io, count);
}

static unsigned int pipe_bytes(struct pipe_inode_info *pipe)
{
	unsigned int i, n = 0;

	for (i = pipe->tail; i != pipe->head; i++)
		n += ring_slot(pipe, i)->len;
	return n;
}

static __poll_t pipe_poll(struct file *file, poll_table *pt)
{
	struct pipe_inode_info *pipe = file->private_data;
	__poll_t mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &pipe->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &pipe->wr_wait, pt);
	if (file->f_mode & FMODE_READ) {
		if (!pipe_empty(pipe))
			mask |= EPOLLIN | EPOLLRDNORM;
		/* A FIFO reader sees a hangup only once a writer came and went. */
		if (!pipe->writers && file->f_version != pipe->w_counter)
			mask |= EPOLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (!pipe_full(pipe))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!pipe->readers)
			mask |= EPOLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user((int)pipe_bytes(pipe), (int __user *)arg);
}

static void pipe_put(struct inode *inode, struct pipe_inode_info *pipe)
{
	if (--pipe->files)
		return;
	if (inode->i_pipe == pipe)
		inode->i_pipe = NULL;
	free_pipe_info(pipe);
}

static int pipe_release(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	if (!pipe->readers || !pipe->writers) {
		__wake_up(&pipe->rd_wait, TASK_INTERRUPTIBLE, 0,
			  (void *)(unsigned long)(EPOLLIN | EPOLLRDNORM | EPOLLHUP));
		__wake_up(&pipe->wr_wait, TASK_INTERRUPTIBLE, 0,
			  (void *)(unsigned long)(EPOLLOUT | EPOLLWRNORM | EPOLLERR | EPOLLHUP));
	}
	pipe_put(inode, pipe);
	return 0;
}

/* ---- FIFO opens ------------------------------------------------------- */

static bool counter_moved(const unsigned int *counter, unsigned int seen)
{
	return READ_ONCE(*counter) != seen;
}

/* Sleep until *counter moves (the other end opened); -ERESTARTSYS on signal. */
static int wait_for_partner(struct wait_queue_head *wq, unsigned int *counter)
{
	unsigned int seen = *counter;

	return wait_event_interruptible(*wq, counter_moved(counter, seen));
}

/*
 * An anonymous pipe reopened through /proc/<pid>/fd never waits for the
 * other end (as on Linux): only named FIFOs rendezvous.
 */
static int fifo_open_mode(struct file *file, struct pipe_inode_info *pipe, bool is_pipe)
{
	bool nonblock = (file->f_flags & O_NONBLOCK) || is_pipe;
	int err = 0;

	switch (file->f_flags & O_ACCMODE) {
	case O_RDONLY:
		pipe->readers++;
		pipe->r_counter++;
		wake_writers(pipe);
		if (!pipe->writers && !nonblock) {
			err = wait_for_partner(&pipe->rd_wait, &pipe->w_counter);
			if (err)
				pipe->readers--;
		}
		break;
	case O_WRONLY:
		if (!pipe->readers && nonblock && !is_pipe)
			return -ENXIO;
		pipe->writers++;
		pipe->w_counter++;
		wake_readers(pipe);
		if (!pipe->readers && !is_pipe) {
			err = wait_for_partner(&pipe->wr_wait, &pipe->r_counter);
			if (err)
				pipe->writers--;
		}
		break;
	case O_RDWR:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		wake_readers(pipe);
		wake_writers(pipe);
		break;
	default:
		return -EINVAL;
	}
	return err;
}

static int fifo_open(struct inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = inode->i_pipe;
	int err;

	if (!pipe) {
		pipe = alloc_pipe_info();
		if (!pipe)
			return -ENOMEM;
		inode->i_pipe = pipe;
	}
	pipe->files++;
	file->private_data = pipe;
	file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	file->f_version = pipe->w_counter;
	err = fifo_open_mode(file, pipe, pipe_mnt && inode->i_sb == pipe_mnt->mnt_sb);
	if (err) {
		pipe_put(inode, pipe);
		return err;
	}
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		file->f_version = pipe->w_counter - (pipe->writers ? 1 : 0);
	return 0;
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.llseek = no_llseek,
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.unlocked_ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* ---- pipe sizes ------------------------------------------------------- */

static long pipe_resize(struct pipe_inode_info *pipe, unsigned long bytes)
{
	unsigned int slots = 1, n = pipe_occupancy(pipe), i;
	struct pipe_buffer *bufs;

	if (!bytes)
		return -EINVAL;
	while ((unsigned long)slots * PAGE_SIZE < bytes)
		slots *= 2;
	if ((unsigned long)slots * PAGE_SIZE > PIPE_MAX_SIZE && !vfs_capable())
		return -EPERM;
	if (slots < n)
		return -EBUSY;
	bufs = kcalloc(slots, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		bufs[i] = *ring_slot(pipe, pipe->tail + i);
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->tail = 0;
	pipe->head = n;
	pipe->ring_size = slots;
	wake_writers(pipe);
	return (long)slots * PAGE_SIZE;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file);

	if (!pipe)
		return -EBADF;
	if (cmd == F_GETPIPE_SZ)
		return (long)pipe->ring_size * PAGE_SIZE;
	if (cmd == F_SETPIPE_SZ) {
		if (arg > 0x7fffffffUL)
			return -EINVAL;
		return pipe_resize(pipe, arg);
	}
	return -EINVAL;
}

/* ---- anonymous pipes -------------------------------------------------- */

static char *pipefs_dname(struct dentry *dentry, char *buf, int buflen)
{
	int n = snprintf(buf, buflen, "pipe:[%llu]",
			 (unsigned long long)dentry->d_inode->i_ino);

	return n < buflen ? buf : ERR_PTR(-ENAMETOOLONG);
}

static const struct dentry_operations pipefs_dentry_ops = {
	.d_dname = pipefs_dname,
};

static int pipefs_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root = new_inode(sb);

	if (!root)
		return -ENOMEM;
	sb->s_magic = PIPEFS_MAGIC;
	root->i_mode = S_IFDIR | 0755;
	sb->s_root = d_make_root(root);
	if (!sb->s_root)
		return -ENOMEM;
	sb->s_root->d_op = &pipefs_dentry_ops;
	return 0;
}

static struct dentry *pipefs_mount(struct file_system_type *type, int flags,
				   const char *dev_name, void *data)
{
	return mount_nodev(type, flags, data, pipefs_fill_super);
}

static struct file_system_type pipefs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
	.kill_sb = kill_anon_super,
};

static int pipe_init(void)
{
	struct vfsmount *mnt;

	if (pipe_mnt)
		return 0;
	mnt = kern_mount(&pipefs_type);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	pipe_mnt = mnt;
	return 0;
}

static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	inode->i_pipe = pipe;
	pipe->readers = pipe->writers = 1;
	pipe->files = 2;
	pipe->r_counter = pipe->w_counter = 1;
	inode->i_fop = &pipefifo_fops;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	return inode;
}

int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode;
	struct file *f;
	int err;

	err = pipe_init();
	if (err)
		return err;
	inode = get_pipe_inode();
	if (!inode)
		return -ENFILE;
	f = alloc_file_pseudo(inode, pipe_mnt, "", O_WRONLY | (flags & (O_NONBLOCK | O_DIRECT)),
			      &pipefifo_fops);
	if (IS_ERR(f)) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
		iput(inode);
		return PTR_ERR(f);
	}
	f->private_data = inode->i_pipe;
	f->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	res[0] = alloc_file(&f->f_path, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (IS_ERR(res[0])) {
		err = PTR_ERR(res[0]);
		inode->i_pipe->readers = 0;
		inode->i_pipe->files = 1;
		fput(f);
		return err;
	}
	res[0]->private_data = inode->i_pipe;
	res[0]->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	res[1] = f;
	return 0;
}

static long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_fput;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		goto out_put_fd0;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		err = -EFAULT;
		goto out_put_fd1;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
out_put_fd1:
	put_unused_fd(fd[1]);
out_put_fd0:
	put_unused_fd(fd[0]);
out_fput:
	fput(files[0]);
	fput(files[1]);
	return err;
}

long sys_pipe2(int __user *fildes, int flags)
{
	return do_pipe2(fildes, flags);
}

long sys_pipe(int __user *fildes)
{
	return do_pipe2(fildes, 0);
}
