// SPDX-License-Identifier: GPL-2.0
/*
 * Inodes and the inode cache.
 *
 * An inode is one file of one super_block.  i_count counts references
 * (dentries, open files through their dentry, fs code); when it drops to
 * zero the inode is evicted: the file system frees what it hangs off it
 * (->evict_inode, else its page cache is truncated) and the inode is
 * freed.  Unused inodes are not kept: the dentry cache keeps the inodes of
 * the names it caches, which is what makes repeated lookups cheap.
 *
 * File systems whose inodes have stable numbers (hostfs, ext2) find them
 * again with iget_locked(), which looks in the hash of (sb, i_ino) and
 * returns a fresh inode marked I_NEW to fill in and unlock_new_inode().
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/timer.h>
#include <umk/pipe_fs_i.h>

#define I_HASH_BITS	10
#define I_HASH_SIZE	(1U << I_HASH_BITS)

static struct hlist_head inode_hashtable[I_HASH_SIZE];
static struct kmem_cache *inode_cache;
static unsigned long nr_inodes;
static ino_t last_ino;

static struct hlist_head *i_hash(const struct super_block *sb, ino_t ino)
{
	unsigned long h = ino ^ ((unsigned long)sb >> 6);

	h *= 0x9e3779b97f4a7c15ul;
	return &inode_hashtable[h >> (64 - I_HASH_BITS)];
}

ino_t get_next_ino(void)
{
	if (!++last_ino)
		++last_ino;
	return last_ino;
}

struct timespec64 current_time(struct inode *inode)
{
	ktime_t now = ktime_get_real();
	struct timespec64 ts = { now / NSEC_PER_SEC, now % NSEC_PER_SEC };

	return ts;
}

static struct inode *alloc_inode(struct super_block *sb)
{
	if (sb->s_op && sb->s_op->alloc_inode)
		return sb->s_op->alloc_inode(sb);
	if (!inode_cache) {
		inode_cache = kmem_cache_create("inode", sizeof(struct inode), 8);
		if (!inode_cache)
			return NULL;
	}
	return kmem_cache_alloc(inode_cache, GFP_KERNEL);
}

static void destroy_inode(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	if (sb->s_op && sb->s_op->destroy_inode)
		sb->s_op->destroy_inode(inode);
	else
		kmem_cache_free(inode_cache, inode);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = alloc_inode(sb);

	if (!inode)
		return NULL;
	memset(inode, 0, sizeof(*inode));
	inode->i_ino = get_next_ino();
	inode->i_nlink = 1;
	inode->i_count = 1;
	inode->i_sb = sb;
	inode->i_blkbits = 12;
	inode->i_fop = &bad_file_ops;
	inode->i_mapping = &inode->i_data;
	inode->i_data.host = inode;
	INIT_LIST_HEAD(&inode->i_data.pages);
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	list_add(&inode->i_sb_list, &sb->s_inodes);
	nr_inodes++;
	return inode;
}

void insert_inode_hash(struct inode *inode)
{
	if (hlist_unhashed(&inode->i_hash))
		hlist_add_head(&inode->i_hash, i_hash(inode->i_sb, inode->i_ino));
}

void remove_inode_hash(struct inode *inode)
{
	if (!hlist_unhashed(&inode->i_hash))
		hlist_del(&inode->i_hash);
}

struct inode *ilookup(struct super_block *sb, ino_t ino)
{
	struct inode *inode;

	hlist_for_each_entry(inode, i_hash(sb, ino), i_hash) {
		if (inode->i_sb == sb && inode->i_ino == ino) {
			ihold(inode);
			return inode;
		}
	}
	return NULL;
}

struct inode *iget_locked(struct super_block *sb, ino_t ino)
{
	struct inode *inode = ilookup(sb, ino);

	if (inode)
		return inode;
	inode = new_inode(sb);
	if (!inode)
		return NULL;
	inode->i_ino = ino;
	inode->i_state |= I_NEW;
	insert_inode_hash(inode);
	return inode;
}

void unlock_new_inode(struct inode *inode)
{
	inode->i_state &= ~I_NEW;
}

void ihold(struct inode *inode)
{
	WARN_ON(inode->i_count <= 0);
	inode->i_count++;
}

static void evict(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	remove_inode_hash(inode);
	list_del(&inode->i_sb_list);
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	else if (inode->i_data.nrpages)
		truncate_inode_pages(&inode->i_data, 0);
	if (inode->i_pipe) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
	}
	nr_inodes--;
	destroy_inode(inode);
}

void iput(struct inode *inode)
{
	if (!inode)
		return;
	if (WARN_ON(inode->i_count <= 0))
		return;
	if (--inode->i_count)
		return;
	evict(inode);
}

/* Evict what is left of a dying super_block; report what is still used. */
void evict_inodes(struct super_block *sb)
{
	struct inode *inode, *next;
	int busy = 0;

	list_for_each_entry_safe(inode, next, &sb->s_inodes, i_sb_list) {
		if (inode->i_count)
			busy++;
	}
	if (busy)
		pr_err("VFS: Busy inodes after unmount of %s (%d)\n",
		       sb->s_type ? sb->s_type->name : "?", busy);
}

unsigned long inodes_nr_in_use(void)
{
	return nr_inodes;
}

void set_nlink(struct inode *inode, unsigned int nlink)
{
	inode->i_nlink = nlink;
}

void inc_nlink(struct inode *inode)
{
	inode->i_nlink++;
}

void drop_nlink(struct inode *inode)
{
	if (!WARN_ON(inode->i_nlink == 0))
		inode->i_nlink--;
}

void clear_nlink(struct inode *inode)
{
	inode->i_nlink = 0;
}

/*
 * Owner of a new inode: the creator's fsuid, and its fsgid unless the
 * directory is set-group-ID, in which case the group (and, for a
 * subdirectory, the bit) is inherited.
 */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
		else if ((mode & S_ISGID) && !vfs_in_group_p(inode->i_gid) &&
			 !vfs_capable())
			mode &= ~S_ISGID;
	} else {
		inode->i_gid = current_fsgid();
	}
	inode->i_mode = mode;
}

static int no_open(struct inode *inode, struct file *file)
{
	return -ENXIO;
}

static const struct file_operations no_open_fops = {
	.open = no_open,
};

/* Device nodes, FIFOs and sockets open through the VFS, not their fs. */
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	} else if (S_ISBLK(mode)) {
		inode->i_fop = &def_blk_fops;
		inode->i_rdev = rdev;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else {
		inode->i_fop = &no_open_fops;
	}
}

void generic_fillattr(struct inode *inode, struct kstat *stat)
{
	stat->dev = inode->i_sb->s_dev;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
	stat->blksize = 1UL << (inode->i_blkbits ? inode->i_blkbits : 12);
	stat->blocks = inode->i_blocks;
}

static ssize_t bad_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	return -EIO;
}

static ssize_t bad_write(struct file *file, const char __user *buf, size_t len,
			 loff_t *pos)
{
	return -EIO;
}

static int bad_open(struct inode *inode, struct file *file)
{
	return -EIO;
}

const struct file_operations bad_file_ops = {
	.read = bad_read,
	.write = bad_write,
	.open = bad_open,
};
