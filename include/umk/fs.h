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
#include <linux/fs.h>		/* SEEK_*, RENAME_*, ioctl numbers */

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
	/* Magic links (/proc/<pid>/fd/N): the target itself, referenced. */
	int (*follow_link)(struct dentry *dentry, struct path *path);
	/* O_TMPFILE: instantiate the unhashed dentry with an unlinked file. */
	int (*tmpfile)(struct inode *dir, struct dentry *dentry, umode_t mode);
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
	/* Name for d_path() of a dentry outside any tree ("pipe:[12]"). */
	char *(*d_dname)(struct dentry *dentry, char *buf, int buflen);
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
#define DCACHE_LRU	0x04	/* on the unused list */
#define DCACHE_PSEUDO	0x08	/* d_alloc_pseudo(): outside any tree */
#define DCACHE_PINNED	0x10	/* the file system holds a reference (ramfs) */

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
	struct list_head mnt_mounts;	/* children mounted on us */
	struct list_head mnt_child;	/* in mnt_parent->mnt_mounts */
	const char *mnt_devname;	/* "/dev/root", "tmpfs", ... */
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
	struct list_head f_ep_links;	/* epoll items watching this file */
	u64 f_version;			/* pipes: writer count seen at open */
};

#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10
#define FMODE_PATH	0x20	/* O_PATH: no I/O, just a handle */
#define FMODE_EXEC	0x40

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
/* The file takes its own references on path; ->open is not called. */
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
#define LOOKUP_EMPTY		0x4	/* "" names the start (AT_EMPTY_PATH) */
/* Hints passed to ->lookup and ->d_revalidate for the last component. */
#define LOOKUP_OPEN		0x100
#define LOOKUP_CREATE		0x200
#define LOOKUP_EXCL		0x400
#define LOOKUP_RENAME_TARGET	0x800
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
#define I_LINKABLE	0x2	/* O_TMPFILE inode that linkat() may name */
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

/*
 * ------------------------------------------------------------------------
 * Everything below extends the contract above (VFS helpers for file
 * systems and the rest of the kernel).
 * ------------------------------------------------------------------------
 */

/* Mount flags (vfsmount.mnt_flags), values as in Linux. */
#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20
#define MNT_READONLY	0x40
#define MNT_INTERNAL	0x4000	/* kern_mount(): never in the tree */

/* umount2() flags. */
#define MNT_FORCE	0x1
#define MNT_DETACH	0x2
#define MNT_EXPIRE	0x4
#define UMOUNT_NOFOLLOW	0x8

#define SB_NOSUID	2
#define SB_NODEV	4
#define SB_NOEXEC	8
#define SB_SILENT	0x8000
#define SB_KERNMOUNT	(1 << 22)

#define MAXSYMLINKS	40

#define S_IRWXUGO	(S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO		(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO		(S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO		(S_IXUSR | S_IXGRP | S_IXOTH)

/* Directory entry types for dir_context actors (d_type of getdents64). */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define DT_WHT		14

static inline unsigned int fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/* Credentials seen by the VFS: fsuid/fsgid of current (root without a task). */
uid_t current_fsuid(void);
gid_t current_fsgid(void);
bool vfs_in_group_p(gid_t gid);		/* fsgid or a supplementary group */
static inline bool vfs_capable(void)	/* CAP_DAC_OVERRIDE, CAP_FOWNER ... */
{
	return current_fsuid() == 0;
}

/* Dentry predicates. */
static inline bool d_unhashed(const struct dentry *d)
{
	return d->d_flags & DCACHE_UNHASHED;
}

static inline bool d_really_is_negative(const struct dentry *d)
{
	return !d->d_inode;
}

static inline bool d_is_dir(const struct dentry *d)
{
	return d->d_inode && S_ISDIR(d->d_inode->i_mode);
}

static inline bool d_is_symlink(const struct dentry *d)
{
	return d->d_inode && S_ISLNK(d->d_inode->i_mode);
}

static inline bool IS_ROOT(const struct dentry *d)
{
	return d == d->d_parent;
}

/* fs/dcache.c */
unsigned int full_name_hash(const char *name, unsigned int len);
void qstr_init(struct qstr *q, const char *name, unsigned int len);
/* Cached child of parent called name (referenced), or NULL. */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
void d_drop(struct dentry *d);			/* unhash: later lookups miss it */
void d_rehash(struct dentry *d);
void d_delete(struct dentry *d);		/* after unlink/rmdir */
void d_move(struct dentry *d, struct dentry *target);	/* rename */
void d_exchange(struct dentry *a, struct dentry *b);	/* RENAME_EXCHANGE */
struct dentry *d_alloc_name(struct dentry *parent, const char *name);
/* A dentry with no parent and no name for anonymous files (pipes). */
struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name);
bool d_is_subdir(struct dentry *d, struct dentry *ancestor);
void shrink_dcache_sb(struct super_block *sb);	/* free unused dentries of sb */
void shrink_dcache_parent(struct dentry *parent);
void d_invalidate(struct dentry *d);		/* revalidate failed */
unsigned long dcache_nr_dentries(void);
unsigned long dcache_nr_unused(void);

/* fs/d_path.c: the path of p as seen from current's root, built at the end of buf. */
char *d_path(const struct path *p, char *buf, int buflen);
char *dentry_path_raw(struct dentry *d, char *buf, int buflen);	/* within its sb */

/* fs/inode.c */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
struct timespec64 current_time(struct inode *inode);
void insert_inode_hash(struct inode *inode);
void remove_inode_hash(struct inode *inode);
struct inode *ilookup(struct super_block *sb, ino_t ino);	/* referenced or NULL */
void set_nlink(struct inode *inode, unsigned int nlink);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
void generic_fillattr(struct inode *inode, struct kstat *stat);
void evict_inodes(struct super_block *sb);	/* unused inodes of a dying sb */
unsigned long inodes_nr_in_use(void);
extern const struct file_operations bad_file_ops;	/* every call: -EIO */

/* fs/super.c */
struct super_block *alloc_super_anon(struct file_system_type *type, int flags);
void deactivate_super(struct super_block *sb);	/* drop s_active; last kills */
/* New anonymous super_block filled by fill_super (error unwinds). */
struct dentry *mount_nodev(struct file_system_type *type, int flags, void *data,
			   int (*fill_super)(struct super_block *sb, void *data, int silent));
int get_anon_dev(dev_t *dev);
void free_anon_dev(dev_t dev);
void iterate_supers(void (*fn)(struct super_block *sb, void *arg), void *arg);
int sb_set_readonly(struct super_block *sb, bool ro);
static inline bool sb_rdonly(const struct super_block *sb)
{
	return sb->s_flags & SB_RDONLY;
}

/* fs/namespace.c */
struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
/* A mount of type attached nowhere (internal file systems, bind sources). */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
struct vfsmount *kern_mount(struct file_system_type *type);
/* The mount on top of (path->mnt, path->dentry), referenced, or NULL. */
struct vfsmount *lookup_mnt(const struct path *path);
bool follow_down_one(struct path *path);	/* true if it moved */
bool follow_up(struct path *path);		/* to the mountpoint; true if moved */
void follow_mounts(struct path *path);		/* to the top-most mount here */
bool mnt_is_readonly(const struct vfsmount *mnt);
int mnt_want_write(struct vfsmount *mnt);	/* 0 or -EROFS */
bool path_is_mountpoint(const struct path *path);
/* Calls fn for each mount reachable from current's root, in mount order. */
void iterate_mounts(void (*fn)(struct vfsmount *mnt, const struct path *root, void *arg),
		    void *arg);
/* Mount options as in /proc/mounts ("rw,relatime"). */
int mnt_show_options(struct vfsmount *mnt, char *buf, int size);
extern struct vfsmount *rootfs_mnt;		/* the initial ramfs */
void set_rootfs_mnt(struct vfsmount *mnt);

/* fs/filesystems.c */
struct file_system_type *get_fs_type(const char *name);
int unregister_filesystem(struct file_system_type *fs);
/* /proc/filesystems text ("nodev\tramfs\n" ...), length written. */
int get_filesystem_list(char *buf, int size);

/* fs/namei.c: walking paths. */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT, LAST_BIND };
struct last_component {
	int type;		/* LAST_* */
	bool slash;		/* followed by '/' */
};
struct dentry *lookup_parent_and_last(int dfd, const char *name, struct path *parent,
				      struct last_component *lc);
char *getname(const char __user *name);		/* ERR_PTR on error */
char *getname_flags(const char __user *name, unsigned int lookup_flags);
void putname(char *name);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
int kern_path_at(int dfd, const char *name, unsigned int flags, struct path *path);
int vfs_path_lookup(struct dentry *dentry, struct vfsmount *mnt, const char *name,
		    unsigned int flags, struct path *path);
/*
 * Look up the parent of name's last component and a (referenced) dentry for
 * that component, which must not exist yet (-EEXIST otherwise): what mkdir,
 * mknod, symlink and link need.  Release with done_path_create().
 */
struct dentry *kern_path_create(int dfd, const char *name, struct path *parent,
				unsigned int lookup_flags);
struct dentry *user_path_create(int dfd, const char __user *name, struct path *parent,
				unsigned int lookup_flags);
void done_path_create(struct path *parent, struct dentry *dentry);
/* The child name of dir without permission checks (for file systems). */
struct dentry *lookup_one_len(const char *name, struct dentry *dir, int len);
int may_lookup_dir(struct inode *dir);		/* MAY_EXEC on a directory */
int generic_permission(struct inode *inode, int mask);
int path_permission(const struct path *path, int mask);	/* + read-only mount */
/* open(2) on kernel strings; the file or ERR_PTR. */
struct file *do_filp_open(int dfd, const char *name, int flags, umode_t mode);
#define __FMODE_EXEC	0x20	/* kernel-only open flag: open to execute */
/* Open for execve: MAY_EXEC instead of MAY_READ, regular files, no noexec. */
struct file *filp_open_exec(const char *name);

/* fs/dir_ops.c: operations that change directories. */
int vfs_create(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl);
int vfs_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);
int vfs_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
int vfs_symlink(struct inode *dir, struct dentry *dentry, const char *oldname);
int vfs_link(struct dentry *old, struct inode *dir, struct dentry *new);
int vfs_rmdir(struct inode *dir, struct dentry *dentry);
int vfs_unlink(struct inode *dir, struct dentry *dentry);
int vfs_rename(struct inode *odir, struct dentry *old, struct inode *ndir,
	       struct dentry *new, unsigned int flags);
int do_mkdirat(int dfd, const char *name, umode_t mode);	/* kernel string */
int do_mknodat(int dfd, const char *name, umode_t mode, dev_t dev);
int do_unlinkat(int dfd, const char *name);
int do_rmdir(int dfd, const char *name);
int do_symlinkat(const char *target, int dfd, const char *name);

/* fs/open.c */
struct file *dentry_open(const struct path *path, int flags);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length, unsigned int attrs,
		struct file *filp);
int ksys_chdir(const char *name);
int ksys_chroot(const char *name);
long do_sys_open(int dfd, const char __user *name, int flags, umode_t mode);

/* fs/read_write.c */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos);
ssize_t vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
#define MAX_RW_COUNT	0x7ffff000L	/* INT_MAX rounded down to a page */

/* fs/stat.c */
int vfs_fstatat(int dfd, const char __user *name, struct kstat *stat, int flags);
int vfs_fstat(int fd, struct kstat *stat);
int vfs_readlink(struct dentry *dentry, char __user *buf, int buflen);

/* fs/readdir.c */
int iterate_dir(struct file *file, struct dir_context *ctx);
static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}
bool dir_emit_dots(struct file *file, struct dir_context *ctx);	/* "." and ".." */

/* fs/attr.c */
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
int notify_change(struct dentry *dentry, struct iattr *attr);
#define ATTR_FORCE	0x200	/* no permission checks */
#define ATTR_ATIME_SET	0x80
#define ATTR_MTIME_SET	0x100
#define ATTR_KILL_SUID	0x800
#define ATTR_KILL_SGID	0x1000
#define ATTR_OPEN	0x8000	/* truncation from open(O_TRUNC) */
#define ATTR_FILE	0x2000

/* fs/sync.c */
int vfs_fsync(struct file *file, int datasync);
void ksys_sync(void);

/* fs/statfs.c */
int vfs_statfs(const struct path *path, struct kstatfs *buf);

/* fs/char_dev.c */
int chrdev_open(struct inode *inode, struct file *file);
extern const struct file_operations def_chr_fops;
extern const struct file_operations def_blk_fops;
/* Block device nodes open through the same table (the block layer registers). */
int register_blkdev_region_fops(dev_t first, unsigned int count, const char *name,
				const struct file_operations *fops);
void unregister_blkdev_region_fops(dev_t first, unsigned int count);
/* /proc/devices: "Character devices:\n  1 mem\n ...", length written. */
int get_device_list(char *buf, int size);

/* fs/ramfs.c: also registered as "tmpfs". */
extern struct file_system_type ramfs_fs_type;
extern struct file_system_type tmpfs_fs_type;
extern const struct address_space_operations ramfs_aops;
int ramfs_init(void);
int devtmpfs_fill_super(struct super_block *sb, void *data, int silent);
void ramfs_kill_sb(struct super_block *sb);
/* A page of an in-memory inode, referenced (a zeroed new one if create); NULL: hole/full. */
struct page *ramfs_get_page(struct inode *inode, unsigned long index, bool create);

/*
 * fs/anon_inodes.c: a file on the shared anonymous inode ("[eventfd]" ->
 * "anon_inode:[eventfd]"), with private_data = priv; no pread/pwrite, and
 * lseek only through fops->llseek (Linux's are noop_llseek).  flags:
 * O_ACCMODE, O_NONBLOCK (and O_CLOEXEC for the fd).
 */
struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags);
int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags);

/* fs/devices_mem.c: the /dev/urandom generator, for the kernel too. */
void get_random_bytes(void *buf, size_t len);

/* fs/devtmpfs.c */
int devtmpfs_init(void);
/* Mount devtmpfs on /dev of the current root, if /dev exists. */
int devtmpfs_mount_dev(void);

/* fs/do_mounts.c */
int vfs_caches_init(void);		/* at boot, before any file system use */
extern struct fs_struct init_fs;	/* root and cwd of the first tasks */
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
struct fs_struct *current_fs(void);	/* current->fs, or init_fs without tasks */
umode_t current_umask(void);

/* fs/file.c */
/*
 * A file on a new pseudo dentry called name in mnt (pipefs, anon inodes,
 * sockets) holding inode: on success the caller's inode reference moves
 * into the file; on failure (ERR_PTR) it stays with the caller.
 */
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt,
			       const char *name, int flags,
			       const struct file_operations *fops);
struct file *fget_raw(unsigned int fd);		/* O_PATH files too */
struct file *alloc_empty_file(unsigned int flags);
void fput_final(struct file *file);
void eventpoll_release(struct file *file);	/* fs/eventpoll.c, at last fput */
unsigned long nr_open_files(void);

#endif
