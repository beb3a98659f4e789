// SPDX-License-Identifier: GPL-2.0
/*
 * Super blocks: one per mounted file system instance.
 *
 * s_active counts the mounts (vfsmounts) of the instance plus any internal
 * holders; when it drops to zero the file system's ->kill_sb runs, which
 * for the in-memory and host-backed file systems here is
 * kill_anon_super(): drop the cached dentries, the root, what is left of
 * the inodes, and the anonymous device number.
 */
#include <umk/fs.h>
#include <umk/mm.h>

static LIST_HEAD(super_blocks);

/* Anonymous device numbers: major 0, minors handed out from a bitmap. */
#define ANON_MINORS	1024
static unsigned long anon_dev_map[ANON_MINORS / (8 * sizeof(long))];

int get_anon_dev(dev_t *dev)
{
	unsigned int i, bits = 8 * sizeof(long);

	for (i = 1; i < ANON_MINORS; i++) {
		if (anon_dev_map[i / bits] & (1UL << (i % bits)))
			continue;
		anon_dev_map[i / bits] |= 1UL << (i % bits);
		*dev = MKDEV(0, i);
		return 0;
	}
	return -EMFILE;
}

void free_anon_dev(dev_t dev)
{
	unsigned int i = MINOR(dev), bits = 8 * sizeof(long);

	if (!MAJOR(dev) && i && i < ANON_MINORS)
		anon_dev_map[i / bits] &= ~(1UL << (i % bits));
}

struct super_block *alloc_super_anon(struct file_system_type *type, int flags)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	if (get_anon_dev(&sb->s_dev)) {
		kfree(sb);
		return NULL;
	}
	sb->s_type = type;
	sb->s_flags = flags;
	sb->s_blocksize = 4096;
	sb->s_active = 1;
	INIT_LIST_HEAD(&sb->s_inodes);
	list_add_tail(&sb->s_list, &super_blocks);
	return sb;
}

/* A fresh anonymous super_block; data becomes s_fs_info. */
struct super_block *sget_nodev(struct file_system_type *type, void *data)
{
	struct super_block *sb = alloc_super_anon(type, 0);

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_fs_info = data;
	return sb;
}

void kill_anon_super(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	shrink_dcache_sb(sb);
	sb->s_root = NULL;
	if (root) {
		shrink_dcache_parent(root);
		dput(root);
	}
	evict_inodes(sb);
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	free_anon_dev(sb->s_dev);
	list_del(&sb->s_list);
	kfree(sb);
}

void deactivate_super(struct super_block *sb)
{
	if (WARN_ON(sb->s_active <= 0))
		return;
	if (--sb->s_active)
		return;
	if (sb->s_type && sb->s_type->kill_sb)
		sb->s_type->kill_sb(sb);
	else
		kill_anon_super(sb);
}

struct dentry *mount_nodev(struct file_system_type *type, int flags, void *data,
			   int (*fill_super)(struct super_block *sb, void *data, int silent))
{
	struct super_block *sb = alloc_super_anon(type, flags);
	int err;

	if (!sb)
		return ERR_PTR(-ENOMEM);
	err = fill_super(sb, data, flags & SB_SILENT);
	if (!err && !sb->s_root)
		err = -ENOMEM;
	if (err) {
		deactivate_super(sb);
		return ERR_PTR(err);
	}
	return dget(sb->s_root);
}

void iterate_supers(void (*fn)(struct super_block *sb, void *arg), void *arg)
{
	struct super_block *sb, *next;

	list_for_each_entry_safe(sb, next, &super_blocks, s_list)
		fn(sb, arg);
}

int sb_set_readonly(struct super_block *sb, bool ro)
{
	if (ro)
		sb->s_flags |= SB_RDONLY;
	else
		sb->s_flags &= ~SB_RDONLY;
	return 0;
}
