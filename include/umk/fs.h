/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_FS_H
#define _UMK_FS_H

/*
 * The VFS.  Objects and their life rules, as in Linux:
 *  - super_block: one mounted file system instance.
 *  - inode: one file; i_count references; cached by (sb, i_ino).
 *  - dentry: a name in a directory, pointing at an inode (or negative);
 *    d_count references; the dcache hashes (parent, name).
 *  - vfsmount: where a super_block's root is attached in the tree.
 *  - file: an open file description; f_count references (fds, mmaps).
 * The kernel is uniprocessor and not preemptible in kernel mode, so these
 * need no locks beyond not sleeping in the middle of an update.
 */
#include <umk/kernel.h>
#include <umk/list.h>
#include <umk/wait.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/poll.h>

struct page;
struct inode;
struct dentry;
struct file;
struct super_block;
struct vfsmount;
struct kstat;
struct iattr;
struct poll_table_struct;
struct vm_area_struct;
struct pipe_inode_info;
struct kstatfs;

struct qstr {
	const char *name;
	unsigned int len;
	unsigned int hash;
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

/* Page cache of one inode (mm/filemap.c). */
struct address_space_operations {
	/* Fill page (locked, !uptodate) from offset index << PAGE_SHIFT. */
	int (*readpage)(struct file *file, struct page *page);
	int (*writepage)(struct page *page);
};

struct address_space {
	struct inode *host;
	struct list_head pages;		/* cached pages, via page->lru */
	unsigned long nrpages;
	const struct address_space_operations *a_ops;
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry, unsigned int flags);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*rename)(struct inode *odir, struct dentry *old, struct inode *ndir,
		      struct dentry *new, unsigned int flags);
	/* Symlink target into buf (not NUL-terminated); length or -errno. */
	int (*readlink)(struct dentry *dentry, char *buf, int len);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*getattr)(const struct path *path, struct kstat *stat);
	int (*permission)(struct inode *inode, int mask);
};

/* Directory iteration: actor returns false to stop (buffer full). */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

struct file_operations {
	loff_t (*llseek)(struct file *file, loff_t off, int whence);
	ssize_t (*read)(struct file *file, char __user *buf, size_t len, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t len, loff_t *pos);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	__poll_t (*poll)(struct file *file, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	int (*open)(struct inode *inode, struct file *file);
	int (*flush)(struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	int (*fsync)(struct file *file, int datasync);
};

struct inode {
	ino_t i_ino;
	umode_t i_mode;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev;
	loff_t i_size;
	u64 i_blocks;
	unsigned int i_blkbits;
	struct timespec64 i_atime, i_mtime, i_ctime;
	int i_count;
	unsigned long i_state;
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct address_space *i_mapping;
	struct address_space i_data;
	struct pipe_inode_info *i_pipe;
	struct hlist_node i_hash;
	struct list_head i_sb_list;
	void *i_private;
};

struct dentry_operations {
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	int (*d_delete)(const struct dentry *dentry);	/* 1: don't cache */
};

struct dentry {
	struct qstr d_name;
	char d_iname[40];		/* short names live here */
	struct dentry *d_parent;
	struct inode *d_inode;		/* NULL: negative */
	struct super_block *d_sb;
	const struct dentry_operations *d_op;
	int d_count;
	unsigned int d_flags;
	int d_mounted;			/* vfsmounts on this dentry */
	struct hlist_node d_hash;
	struct list_head d_child;	/* in parent's d_subdirs */
	struct list_head d_subdirs;
	struct list_head d_lru;
	void *d_fsdata;
};

#define DCACHE_MOUNTED	0x01
#define DCACHE_UNHASHED	0x02

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *inode);
	void (*evict_inode)(struct inode *inode);
	void (*put_super)(struct super_block *sb);
	int (*statfs)(struct dentry *dentry, struct kstatfs *buf);
};

struct super_block {
	dev_t s_dev;
	unsigned long s_magic;
	unsigned long s_flags;		/* SB_RDONLY ... */
	unsigned long s_blocksize;
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	struct list_head s_inodes;
	struct list_head s_list;
	void *s_fs_info;
	int s_active;
};

#define SB_RDONLY	1

struct file_system_type {
	const char *name;
	int fs_flags;
	/* Build a super_block and return its root (referenced) or ERR_PTR. */
	struct dentry *(*mount)(struct file_system_type *type, int flags,
				const char *dev_name, void *data);
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;
};

#define FS_REQUIRES_DEV	1

struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	struct vfsmount *mnt_parent;
	struct dentry *mnt_mountpoint;
	int mnt_flags;
	int mnt_count;
	struct list_head mnt_list;
	struct list_head mnt_hash;
};

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* of open(2) */
	unsigned int f_mode;		/* FMODE_* */
	loff_t f_pos;
	int f_count;
	struct address_space *f_mapping;
	void *private_data;
};

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10

struct kstat {
	u64 ino;
	dev_t dev;
	umode_t mode;
	unsigned int nlink;
	uid_t uid;
	gid_t gid;
	dev_t rdev;
	loff_t size;
	struct timespec64 atime, mtime, ctime;
	unsigned long blksize;
	u64 blocks;
};

struct kstatfs {
	long f_type, f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	long f_namelen, f_frsize, f_flags;
};

#define ATTR_MODE	0x1
#define ATTR_UID	0x2
#define ATTR_GID	0x4
#define ATTR_SIZE	0x8
#define ATTR_ATIME	0x10
#define ATTR_MTIME	0x20
#define ATTR_CTIME	0x40

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime, ia_ctime;
};

/* poll: the file adds wait queues through poll_wait(). */
typedef struct poll_table_struct {
	void (*qproc)(struct file *file, struct wait_queue_head *wq,
		      struct poll_table_struct *pt);
	__poll_t key;
} poll_table;

static inline void poll_wait(struct file *file, struct wait_queue_head *wq, poll_table *pt)
{
	if (pt && pt->qproc && wq)
		pt->qproc(file, wq, pt);
}

/* Open files of a task (fs/file.c). */
struct files_struct {
	int count;
	unsigned int max_fds;
	struct file **fd;
	unsigned long *close_on_exec;
	unsigned long *open_fds;
};

/* Root, cwd and umask of a task (fs/fs_struct.c). */
struct fs_struct {
	int users;
	umode_t umask;
	struct path root, pwd;
};

/* fs/file.c */
struct file *fget(unsigned int fd);		/* referenced, or NULL */
void fput(struct file *file);
struct file *get_file(struct file *file);
int get_unused_fd_flags(unsigned int flags);	/* O_CLOEXEC honoured */
void fd_install(unsigned int fd, struct file *file);
int close_fd(unsigned int fd);
struct files_struct *dup_files(struct files_struct *old);
struct files_struct *files_alloc(void);
void put_files_struct(struct files_struct *files);
void do_close_on_exec(struct files_struct *files);
struct file *alloc_file(const struct path *path, unsigned int flags,
			const struct file_operations *fops);

/* fs/fs_struct.c */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void put_fs_struct(struct fs_struct *fs);
void path_get(const struct path *p);
void path_put(const struct path *p);

/* fs/open.c, fs/read_write.c, fs/exec helpers for the rest of the kernel. */
struct file *filp_open(const char *name, int flags, umode_t mode);
int filp_close(struct file *file);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
int vfs_getattr(const struct path *path, struct kstat *stat);
int inode_permission(struct inode *inode, int mask);	/* MAY_* */

#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4

/* fs/namei.c */
#define LOOKUP_FOLLOW		0x1
#define LOOKUP_DIRECTORY	0x2
int kern_path(const char *name, unsigned int flags, struct path *path);

/* fs/dcache.c, fs/inode.c */
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_make_root(struct inode *root);
void d_instantiate(struct dentry *d, struct inode *inode);
void d_add(struct dentry *d, struct inode *inode);
struct inode *new_inode(struct super_block *sb);
struct inode *iget_locked(struct super_block *sb, ino_t ino);	/* I_NEW if fresh */
void iput(struct inode *inode);
void ihold(struct inode *inode);
#define I_NEW	0x1
void unlock_new_inode(struct inode *inode);
ino_t get_next_ino(void);

/* fs/super.c, fs/namespace.c */
int register_filesystem(struct file_system_type *fs);
struct super_block *sget_nodev(struct file_system_type *type, void *data);
void kill_anon_super(struct super_block *sb);
/* Mount the root file system from root=/rootfstype=/rootflags=. */
int mount_root(void);
int do_mount(const char *dev_name, const char *dir, const char *type,
	     unsigned long flags, void *data);

/* fs/char_dev.c: character devices by (major, minor range). */
int register_chrdev_region_fops(dev_t first, unsigned int count, const char *name,
				const struct file_operations *fops);
void unregister_chrdev_region_fops(dev_t first, unsigned int count);
/* fs/devtmpfs.c: make /dev/<name> (name may hold one '/': "pts/0"). */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);
int devtmpfs_delete_node(const char *name);

/* mm/filemap.c: page cache. */
struct page *find_get_page(struct address_space *mapping, unsigned long index);
/* The uptodate page at index, reading it through a_ops if needed. */
struct page *read_mapping_page(struct address_space *mapping, unsigned long index,
			       struct file *file);
ssize_t generic_file_read(struct file *file, char __user *buf, size_t len, loff_t *pos);
void truncate_inode_pages(struct address_space *mapping, loff_t from);
void invalidate_mapping_pages(struct address_space *mapping);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);

loff_t generic_file_llseek(struct file *file, loff_t off, int whence);
loff_t no_llseek(struct file *file, loff_t off, int whence);

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

#endif
