// SPDX-License-Identifier: GPL-2.0
/*
 * Open file descriptions and descriptor tables.
 *
 * A struct file is one open(2): position, flags and operations.  f_count
 * counts its users (descriptors, in-kernel users such as mmaps, poll
 * tables); the last fput() releases it through ->release and drops its
 * path.  A descriptor table (files_struct) maps small integers to files;
 * each slot holds one reference.  The table starts with NR_OPEN_DEFAULT
 * slots and doubles as needed up to RLIMIT_NOFILE.
 */
#include <umk/fdtable.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <asm-generic/resource.h>
#include <linux/close_range.h>

#define BITS_PER_LONG	(8 * sizeof(long))

static struct kmem_cache *file_cache;
static unsigned long nr_files;

static inline bool fd_test(const unsigned long *map, unsigned int fd)
{
	return map[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG));
}

static inline void fd_set_bit(unsigned long *map, unsigned int fd)
{
	map[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
}

static inline void fd_clear_bit(unsigned long *map, unsigned int fd)
{
	map[fd / BITS_PER_LONG] &= ~(1UL << (fd % BITS_PER_LONG));
}

/* ---- struct file ------------------------------------------------------ */

struct file *alloc_empty_file(unsigned int flags)
{
	struct file *f;

	if (!file_cache) {
		file_cache = kmem_cache_create("filp", sizeof(struct file), 8);
		if (!file_cache)
			return ERR_PTR(-ENOMEM);
	}
	f = kmem_cache_alloc(file_cache, GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENFILE);
	memset(f, 0, sizeof(*f));
	f->f_count = 1;
	f->f_flags = flags;
	INIT_LIST_HEAD(&f->f_ep_links);
	nr_files++;
	return f;
}

static unsigned int fmode_from_flags(unsigned int flags)
{
	unsigned int mode = 0;

	if ((flags & O_ACCMODE) != O_WRONLY)
		mode |= FMODE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		mode |= FMODE_WRITE;
	if ((flags & O_ACCMODE) == 3)
		mode &= ~(FMODE_READ | FMODE_WRITE);
	return mode | FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
}

/*
 * A file on path with the given operations; ->open is not called.  The
 * file takes its own references on the path.
 */
struct file *alloc_file(const struct path *path, unsigned int flags,
			const struct file_operations *fops)
{
	struct file *f = alloc_empty_file(flags);

	if (IS_ERR(f))
		return f;
	f->f_path = *path;
	path_get(path);
	f->f_inode = path->dentry->d_inode;
	f->f_mapping = f->f_inode ? f->f_inode->i_mapping : NULL;
	f->f_op = fops;
	f->f_mode = fmode_from_flags(flags);
	return f;
}

struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt,
			       const char *name, int flags,
			       const struct file_operations *fops)
{
	struct path path;
	struct qstr q;
	struct file *f;

	qstr_init(&q, name, strlen(name));
	path.dentry = d_alloc_pseudo(mnt->mnt_sb, &q);
	if (!path.dentry)
		return ERR_PTR(-ENOMEM);
	path.dentry->d_op = mnt->mnt_root->d_op;
	d_instantiate(path.dentry, inode);
	path.mnt = mnt;
	f = alloc_file(&path, flags, fops);
	if (IS_ERR(f))
		path.dentry->d_inode = NULL;	/* the caller keeps its inode */
	dput(path.dentry);
	return f;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

void fput_final(struct file *file)
{
	struct inode *inode = file->f_inode;

	if (!list_empty(&file->f_ep_links))
		eventpoll_release(file);
	if (file->f_op && file->f_op->release && !(file->f_mode & FMODE_PATH))
		file->f_op->release(inode, file);
	path_put(&file->f_path);
	kmem_cache_free(file_cache, file);
	nr_files--;
}

void fput(struct file *file)
{
	if (!file)
		return;
	if (WARN_ON(file->f_count <= 0))
		return;
	if (--file->f_count)
		return;
	fput_final(file);
}

unsigned long nr_open_files(void)
{
	return nr_files;
}

int filp_close(struct file *file)
{
	int ret = 0;

	if (WARN_ON(file->f_count <= 0))
		return 0;
	if (file->f_op && file->f_op->flush && !(file->f_mode & FMODE_PATH))
		ret = file->f_op->flush(file);
	fput(file);
	return ret;
}

/* ---- descriptor tables ------------------------------------------------ */

struct files_struct *current_files(void)
{
	return current ? current->files : NULL;
}

unsigned long fd_limit(void)
{
	unsigned long lim = 0;

	if (current && current->signal)
		lim = current->signal->rlim[RLIMIT_NOFILE].cur;
	if (!lim)
		lim = INR_OPEN_CUR;
	return min(lim, (unsigned long)NR_OPEN_MAX);
}

static int files_resize(struct files_struct *files, unsigned int nr)
{
	unsigned int words = DIV_ROUND_UP(nr, BITS_PER_LONG);
	unsigned int old_words = DIV_ROUND_UP(files->max_fds, BITS_PER_LONG);
	unsigned long *open_fds, *cloexec;
	struct file **fd;

	fd = kcalloc(nr, sizeof(*fd), GFP_KERNEL);
	open_fds = kcalloc(words, sizeof(long), GFP_KERNEL);
	cloexec = kcalloc(words, sizeof(long), GFP_KERNEL);
	if (!fd || !open_fds || !cloexec) {
		kfree(fd);
		kfree(open_fds);
		kfree(cloexec);
		return -ENOMEM;
	}
	if (files->max_fds) {
		memcpy(fd, files->fd, files->max_fds * sizeof(*fd));
		memcpy(open_fds, files->open_fds, old_words * sizeof(long));
		memcpy(cloexec, files->close_on_exec, old_words * sizeof(long));
	}
	kfree(files->fd);
	kfree(files->open_fds);
	kfree(files->close_on_exec);
	files->fd = fd;
	files->open_fds = open_fds;
	files->close_on_exec = cloexec;
	files->max_fds = nr;
	return 0;
}

/* Make room for descriptor nr. */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	unsigned int size = files->max_fds ? files->max_fds : NR_OPEN_DEFAULT;

	if (nr < files->max_fds)
		return 0;
	if (nr >= NR_OPEN_MAX)
		return -EMFILE;
	while (size <= nr)
		size *= 2;
	return files_resize(files, min(size, (unsigned int)NR_OPEN_MAX));
}

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->count = 1;
	if (files_resize(files, NR_OPEN_DEFAULT)) {
		kfree(files);
		return NULL;
	}
	return files;
}

static unsigned int find_free_fd(struct files_struct *files, unsigned int start)
{
	unsigned int fd = start;

	while (fd < files->max_fds) {
		unsigned long word = files->open_fds[fd / BITS_PER_LONG];

		if (!(fd % BITS_PER_LONG) && word == ~0UL) {
			fd += BITS_PER_LONG;
			continue;
		}
		if (!(word & (1UL << (fd % BITS_PER_LONG))))
			return fd;
		fd++;
	}
	return fd;
}

int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current_files();
	unsigned long limit = fd_limit();
	unsigned int fd;
	int err;

	if (!files)
		return -EMFILE;
	if (start >= limit)
		return -EINVAL;
	fd = find_free_fd(files, start);
	if (fd >= limit)
		return -EMFILE;
	err = expand_files(files, fd);
	if (err)
		return err;
	fd_set_bit(files->open_fds, fd);
	if (flags & O_CLOEXEC)
		fd_set_bit(files->close_on_exec, fd);
	else
		fd_clear_bit(files->close_on_exec, fd);
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current_files();

	if (files && fd < files->max_fds && !files->fd[fd]) {
		fd_clear_bit(files->open_fds, fd);
		fd_clear_bit(files->close_on_exec, fd);
	}
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current_files();

	if (WARN_ON(!files || fd >= files->max_fds || files->fd[fd])) {
		fput(file);
		return;
	}
	files->fd[fd] = file;
}

struct file *files_lookup_fd(struct files_struct *files, unsigned int fd)
{
	if (!files || fd >= files->max_fds)
		return NULL;
	return files->fd[fd];
}

struct file *fget_raw(unsigned int fd)
{
	struct file *file = files_lookup_fd(current_files(), fd);

	return file ? get_file(file) : NULL;
}

/* O_PATH descriptors are not usable for I/O: most calls see EBADF. */
struct file *fget(unsigned int fd)
{
	struct file *file = files_lookup_fd(current_files(), fd);

	if (!file || (file->f_mode & FMODE_PATH))
		return NULL;
	return get_file(file);
}

/* Take fd out of the table; the caller owns the returned reference. */
static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *file = files_lookup_fd(files, fd);

	if (!file)
		return NULL;
	files->fd[fd] = NULL;
	fd_clear_bit(files->open_fds, fd);
	fd_clear_bit(files->close_on_exec, fd);
	return file;
}

int close_fd(unsigned int fd)
{
	struct file *file = pick_file(current_files(), fd);

	if (!file)
		return -EBADF;
	return filp_close(file);
}

int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current_files();
	struct file *old;
	int err;

	if (!files || fd >= fd_limit()) {
		fput(file);
		return -EBADF;
	}
	err = expand_files(files, fd);
	if (err) {
		fput(file);
		return err;
	}
	old = files->fd[fd];
	files->fd[fd] = file;
	fd_set_bit(files->open_fds, fd);
	if (flags & O_CLOEXEC)
		fd_set_bit(files->close_on_exec, fd);
	else
		fd_clear_bit(files->close_on_exec, fd);
	if (old)
		filp_close(old);
	return fd;
}

void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current_files();

	if (!files || fd >= files->max_fds)
		return;
	if (on)
		fd_set_bit(files->close_on_exec, fd);
	else
		fd_clear_bit(files->close_on_exec, fd);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current_files();

	return files && fd < files->max_fds && fd_test(files->close_on_exec, fd);
}

struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);
	unsigned int i, words;

	if (!files)
		return NULL;
	files->count = 1;
	if (files_resize(files, old->max_fds)) {
		kfree(files);
		return NULL;
	}
	words = DIV_ROUND_UP(old->max_fds, BITS_PER_LONG);
	memcpy(files->open_fds, old->open_fds, words * sizeof(long));
	memcpy(files->close_on_exec, old->close_on_exec, words * sizeof(long));
	for (i = 0; i < old->max_fds; i++) {
		files->fd[i] = old->fd[i];
		if (files->fd[i])
			get_file(files->fd[i]);
		else
			fd_clear_bit(files->open_fds, i);	/* half-made fds stay behind */
	}
	return files;
}

void put_files_struct(struct files_struct *files)
{
	unsigned int i;

	if (!files || --files->count)
		return;
	for (i = 0; i < files->max_fds; i++) {
		struct file *file = pick_file(files, i);

		if (file)
			filp_close(file);
	}
	kfree(files->fd);
	kfree(files->open_fds);
	kfree(files->close_on_exec);
	kfree(files);
}

void do_close_on_exec(struct files_struct *files)
{
	unsigned int i;

	for (i = 0; i < files->max_fds; i++) {
		struct file *file;

		if (!fd_test(files->close_on_exec, i))
			continue;
		file = pick_file(files, i);
		if (file)
			filp_close(file);
	}
}

int iterate_fd(struct files_struct *files, int (*fn)(unsigned int fd, struct file *f,
						     void *arg), void *arg)
{
	unsigned int i;
	int ret;

	for (i = 0; files && i < files->max_fds; i++) {
		if (!files->fd[i])
			continue;
		ret = fn(i, files->fd[i], arg);
		if (ret)
			return ret;
	}
	return 0;
}

/* close_range(2): CLOSE_RANGE_CLOEXEC marks instead of closing. */
int close_range_fds(unsigned int first, unsigned int last, unsigned int flags)
{
	struct files_struct *files = current_files();
	unsigned int i;

	if (!files)
		return 0;
	if (flags & CLOSE_RANGE_UNSHARE && files->count > 1) {
		struct files_struct *copy = dup_files(files);

		if (!copy)
			return -ENOMEM;
		files->count--;
		current->files = files = copy;
	}
	if (last >= files->max_fds)
		last = files->max_fds - 1;
	for (i = first; i <= last && i < files->max_fds; i++) {
		if (flags & CLOSE_RANGE_CLOEXEC) {
			if (files->fd[i])
				fd_set_bit(files->close_on_exec, i);
			continue;
		}
		if (files->fd[i])
			filp_close(pick_file(files, i));
	}
	return 0;
}
