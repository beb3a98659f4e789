// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts: the tree of vfsmounts, mount(2) and umount2(2).
 *
 * A vfsmount attaches the root of a super_block at a dentry (the
 * mountpoint) of its parent mount.  The mount hash maps (parent mount,
 * mountpoint) to the child, which is how the path walk crosses into a
 * mount; mnt_parent/mnt_mountpoint lead back out for "..".
 *
 * References: mnt_count counts users (paths held by files, cwd and root,
 * and one held by the tree while the mount is attached).  An attached mount
 * holds a reference on its parent and on its mountpoint dentry.  The last
 * mntput() drops the root dentry and the super_block's s_active.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/uaccess.h>
#include <linux/mount.h>
#include <linux/limits.h>

#define M_HASH_SIZE	64

static struct list_head mount_hashtable[M_HASH_SIZE];
static LIST_HEAD(mount_list);		/* attached mounts, in mount order */
struct vfsmount *rootfs_mnt;

static struct list_head *m_hash(const struct vfsmount *mnt, const struct dentry *d)
{
	unsigned long h = ((unsigned long)mnt >> 5) + ((unsigned long)d >> 5);

	if (!mount_hashtable[0].next) {
		int i;

		for (i = 0; i < M_HASH_SIZE; i++)
			INIT_LIST_HEAD(&mount_hashtable[i]);
	}
	return &mount_hashtable[(h ^ (h >> 6)) & (M_HASH_SIZE - 1)];
}

static struct vfsmount *alloc_vfsmnt(const char *devname)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);

	if (!mnt)
		return NULL;
	mnt->mnt_devname = kstrdup(devname ? devname : "none");
	if (!mnt->mnt_devname) {
		kfree(mnt);
		return NULL;
	}
	mnt->mnt_count = 1;
	INIT_LIST_HEAD(&mnt->mnt_list);
	INIT_LIST_HEAD(&mnt->mnt_hash);
	INIT_LIST_HEAD(&mnt->mnt_mounts);
	INIT_LIST_HEAD(&mnt->mnt_child);
	return mnt;
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		mnt->mnt_count++;
	return mnt;
}

void mntput(struct vfsmount *mnt)
{
	if (!mnt)
		return;
	if (WARN_ON(mnt->mnt_count <= 0))
		return;
	if (--mnt->mnt_count)
		return;
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(mnt->mnt_devname);
	kfree(mnt);
}

struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data)
{
	struct vfsmount *mnt;
	struct dentry *root;

	if (!type)
		return ERR_PTR(-ENODEV);
	mnt = alloc_vfsmnt(name);
	if (!mnt)
		return ERR_PTR(-ENOMEM);
	root = type->mount(type, flags, name, data);
	if (IS_ERR_OR_NULL(root)) {
		kfree(mnt->mnt_devname);
		kfree(mnt);
		return root ? ERR_PTR(PTR_ERR(root)) : ERR_PTR(-EINVAL);
	}
	if (flags & SB_RDONLY)
		root->d_sb->s_flags |= SB_RDONLY;
	mnt->mnt_root = root;
	mnt->mnt_sb = root->d_sb;
	return mnt;
}

struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct vfsmount *mnt = vfs_kern_mount(type, SB_KERNMOUNT, type->name, NULL);

	if (!IS_ERR(mnt))
		mnt->mnt_flags |= MNT_INTERNAL;
	return mnt;
}

struct vfsmount *lookup_mnt(const struct path *path)
{
	struct vfsmount *m;

	list_for_each_entry(m, m_hash(path->mnt, path->dentry), mnt_hash) {
		if (m->mnt_parent == path->mnt && m->mnt_mountpoint == path->dentry)
			return mntget(m);
	}
	return NULL;
}

bool follow_down_one(struct path *path)
{
	struct vfsmount *m;

	if (!path->dentry->d_mounted)
		return false;
	m = lookup_mnt(path);
	if (!m)
		return false;
	dput(path->dentry);
	mntput(path->mnt);
	path->mnt = m;
	path->dentry = dget(m->mnt_root);
	return true;
}

void follow_mounts(struct path *path)
{
	while (follow_down_one(path))
		;
}

bool follow_up(struct path *path)
{
	struct vfsmount *parent = path->mnt->mnt_parent;
	struct dentry *mp;

	if (!parent)
		return false;
	mntget(parent);
	mp = dget(path->mnt->mnt_mountpoint);
	dput(path->dentry);
	mntput(path->mnt);
	path->mnt = parent;
	path->dentry = mp;
	return true;
}

/* The initial root: listed like an attached mount, but has no parent. */
void set_rootfs_mnt(struct vfsmount *mnt)
{
	rootfs_mnt = mnt;
	list_add(&mnt->mnt_list, &mount_list);
}

bool path_is_mountpoint(const struct path *path)
{
	struct vfsmount *m;

	if (!path->dentry->d_mounted)
		return false;
	m = lookup_mnt(path);
	mntput(m);
	return m != NULL;
}

bool mnt_is_readonly(const struct vfsmount *mnt)
{
	return (mnt->mnt_flags & MNT_READONLY) || sb_rdonly(mnt->mnt_sb);
}

int mnt_want_write(struct vfsmount *mnt)
{
	return mnt_is_readonly(mnt) ? -EROFS : 0;
}

/* Hang mnt (whose tree reference the caller gives) at mountpoint mp. */
static void attach_mnt(struct vfsmount *mnt, const struct path *mp)
{
	mnt->mnt_parent = mntget(mp->mnt);
	mnt->mnt_mountpoint = dget(mp->dentry);
	mp->dentry->d_mounted++;
	mp->dentry->d_flags |= DCACHE_MOUNTED;
	list_add_tail(&mnt->mnt_hash, m_hash(mp->mnt, mp->dentry));
	list_add_tail(&mnt->mnt_child, &mp->mnt->mnt_mounts);
	list_add_tail(&mnt->mnt_list, &mount_list);
}

/* Undo attach_mnt; the caller then drops the tree's reference. */
static void detach_mnt(struct vfsmount *mnt)
{
	struct vfsmount *parent = mnt->mnt_parent;
	struct dentry *mp = mnt->mnt_mountpoint;

	list_del_init(&mnt->mnt_hash);
	list_del_init(&mnt->mnt_child);
	list_del_init(&mnt->mnt_list);
	mnt->mnt_parent = NULL;
	mnt->mnt_mountpoint = NULL;
	if (--mp->d_mounted == 0)
		mp->d_flags &= ~DCACHE_MOUNTED;
	dput(mp);
	mntput(parent);
}

static void umount_tree(struct vfsmount *mnt)
{
	while (!list_empty(&mnt->mnt_mounts))
		umount_tree(list_first_entry(&mnt->mnt_mounts, struct vfsmount, mnt_child));
	detach_mnt(mnt);
	mntput(mnt);
}

static bool mount_is_reachable(struct vfsmount *mnt, const struct path *root)
{
	struct dentry *d = mnt->mnt_root;

	while (mnt != root->mnt) {
		if (!mnt->mnt_parent)
			return false;
		d = mnt->mnt_mountpoint;
		mnt = mnt->mnt_parent;
	}
	return d_is_subdir(d, root->dentry);
}

void iterate_mounts(void (*fn)(struct vfsmount *mnt, const struct path *root, void *arg),
		    void *arg)
{
	struct fs_struct *fs = current_fs();
	struct vfsmount *m;
	struct path root = fs->root;

	if (!root.mnt)
		return;
	path_get(&root);
	list_for_each_entry(m, &mount_list, mnt_list) {
		if (mount_is_reachable(m, &root))
			fn(m, &root, arg);
	}
	path_put(&root);
}

int mnt_show_options(struct vfsmount *mnt, char *buf, int size)
{
	static const struct { int flag; const char *s; } opts[] = {
		{ MNT_NOSUID, ",nosuid" }, { MNT_NODEV, ",nodev" },
		{ MNT_NOEXEC, ",noexec" }, { MNT_NOATIME, ",noatime" },
		{ MNT_NODIRATIME, ",nodiratime" }, { MNT_RELATIME, ",relatime" },
	};
	int len, i;

	len = scnprintf(buf, size, "%s", mnt_is_readonly(mnt) ? "ro" : "rw");
	for (i = 0; i < (int)ARRAY_SIZE(opts); i++)
		if (mnt->mnt_flags & opts[i].flag)
			len += scnprintf(buf + len, size - len, "%s", opts[i].s);
	return len;
}

static int mnt_flags_from_ms(unsigned long flags)
{
	int mf = 0;

	if (flags & MS_NOSUID)
		mf |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mf |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mf |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		mf |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		mf |= MNT_NODIRATIME;
	if (!(flags & (MS_NOATIME | MS_STRICTATIME)))
		mf |= MNT_RELATIME;
	return mf;
}

/* A mount may cover a directory with a directory, or a file with a file. */
static int check_mount_types(const struct path *mp, struct dentry *root)
{
	if (d_unhashed(mp->dentry) && !IS_ROOT(mp->dentry))
		return -ENOENT;
	if (!mp->dentry->d_inode)
		return -ENOENT;
	if (d_is_dir(mp->dentry) != d_is_dir(root))
		return -ENOTDIR;
	return 0;
}

static int do_new_mount(const struct path *mp, const char *type_name,
			unsigned long flags, const char *dev_name, void *data)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	int err;

	if (!type_name || !*type_name)
		return -EINVAL;
	type = get_fs_type(type_name);
	if (!type)
		return -ENODEV;
	mnt = vfs_kern_mount(type, flags & (MS_RDONLY | MS_SILENT), dev_name, data);
	if (IS_ERR(mnt))
		return PTR_ERR(mnt);
	err = check_mount_types(mp, mnt->mnt_root);
	if (err) {
		mntput(mnt);
		return err;
	}
	mnt->mnt_flags |= mnt_flags_from_ms(flags);
	attach_mnt(mnt, mp);
	return 0;
}

static int do_bind_mount(const struct path *mp, const char *old_name)
{
	struct vfsmount *mnt;
	struct path old;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	err = check_mount_types(mp, old.dentry);
	if (err)
		goto out_put;
	err = -ENOMEM;
	mnt = alloc_vfsmnt(old.mnt->mnt_devname);
	if (!mnt)
		goto out_put;
	mnt->mnt_root = dget(old.dentry);
	mnt->mnt_sb = old.mnt->mnt_sb;
	mnt->mnt_sb->s_active++;
	mnt->mnt_flags = old.mnt->mnt_flags & ~MNT_INTERNAL;
	attach_mnt(mnt, mp);
	err = 0;
out_put:
	path_put(&old);
	return err;
}

static int do_move_mount(const struct path *mp, const char *old_name)
{
	struct vfsmount *mnt;
	struct path old;
	int err;

	if (!old_name || !*old_name)
		return -EINVAL;
	err = kern_path(old_name, LOOKUP_FOLLOW, &old);
	if (err)
		return err;
	mnt = old.mnt;
	err = -EINVAL;
	if (old.dentry != mnt->mnt_root || !mnt->mnt_parent)
		goto out_put;
	/* Not below itself. */
	for (struct vfsmount *p = mp->mnt; p; p = p->mnt_parent)
		if (p == mnt)
			goto out_put;
	err = check_mount_types(mp, old.dentry);
	if (err)
		goto out_put;
	detach_mnt(mnt);	/* the tree's reference carries over */
	attach_mnt(mnt, mp);
	err = 0;
out_put:
	path_put(&old);
	return err;
}

static int do_remount(const struct path *mp, unsigned long flags)
{
	struct vfsmount *mnt = mp->mnt;

	if (mp->dentry != mnt->mnt_root)
		return -EINVAL;
	if (flags & MS_BIND) {
		mnt->mnt_flags &= ~(MNT_READONLY | MNT_NOSUID | MNT_NODEV | MNT_NOEXEC);
		if (flags & MS_RDONLY)
			mnt->mnt_flags |= MNT_READONLY;
		mnt->mnt_flags |= mnt_flags_from_ms(flags) &
				  (MNT_NOSUID | MNT_NODEV | MNT_NOEXEC);
		return 0;
	}
	mnt->mnt_flags &= ~(MNT_NOSUID | MNT_NODEV | MNT_NOEXEC | MNT_NOATIME |
			    MNT_NODIRATIME | MNT_RELATIME);
	mnt->mnt_flags |= mnt_flags_from_ms(flags);
	return sb_set_readonly(mnt->mnt_sb, flags & MS_RDONLY);
}

/* mount(2) on kernel strings. */
int do_mount(const char *dev_name, const char *dir, const char *type,
	     unsigned long flags, void *data)
{
	struct path mp;
	int err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	err = kern_path(dir, LOOKUP_FOLLOW, &mp);
	if (err)
		return err;
	if (flags & MS_REMOUNT)
		err = do_remount(&mp, flags);
	else if (flags & MS_BIND)
		err = do_bind_mount(&mp, dev_name);
	else if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		err = 0;	/* no mount propagation: everything is private */
	else if (flags & MS_MOVE)
		err = do_move_mount(&mp, dev_name);
	else
		err = do_new_mount(&mp, type, flags, dev_name, data);
	path_put(&mp);
	return err;
}

/* NULL stays NULL; "" is allowed (unlike path names). */
static char *copy_mount_string(const char __user *s)
{
	char *k;
	long len;

	if (!s)
		return NULL;
	k = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(k, s, PATH_MAX);
	if (len < 0 || len >= PATH_MAX) {
		kfree(k);
		return ERR_PTR(len < 0 ? -EFAULT : -ENAMETOOLONG);
	}
	return k;
}

long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type,
	       unsigned long flags, void __user *data)
{
	char *kdev = NULL, *kdir, *ktype = NULL, *kdata = NULL;
	long ret;

	if (!vfs_capable())
		return -EPERM;
	kdir = getname(dir_name);
	if (IS_ERR(kdir))
		return PTR_ERR(kdir);
	kdev = copy_mount_string(dev_name);
	if (IS_ERR(kdev)) {
		ret = PTR_ERR(kdev);
		kdev = NULL;
		goto out_free;
	}
	ktype = copy_mount_string(type);
	if (IS_ERR(ktype)) {
		ret = PTR_ERR(ktype);
		ktype = NULL;
		goto out_free;
	}
	if (data) {
		ret = -ENOMEM;
		kdata = kzalloc(PAGE_SIZE, GFP_KERNEL);
		if (!kdata)
			goto out_free;
		ret = strncpy_from_user(kdata, data, PAGE_SIZE - 1);
		if (ret < 0)
			goto out_free;
	}
	ret = do_mount(kdev, kdir, ktype, flags, kdata);
out_free:
	kfree(kdata);
	kfree(ktype);
	kfree(kdev);
	putname(kdir);
	return ret;
}

static int do_umount(struct vfsmount *mnt, int flags)
{
	struct fs_struct *fs = current_fs();

	if (mnt == rootfs_mnt || !mnt->mnt_parent)
		return -EINVAL;
	if (fs->root.mnt == mnt)
		return -EBUSY;
	/* The tree's reference and our caller's are all there may be. */
	if (!(flags & MNT_DETACH) &&
	    (mnt->mnt_count > 2 || !list_empty(&mnt->mnt_mounts)))
		return -EBUSY;
	umount_tree(mnt);
	return 0;
}

long sys_umount2(char __user *name, int flags)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct path path;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if ((flags & MNT_EXPIRE) && (flags & (MNT_FORCE | MNT_DETACH)))
		return -EINVAL;
	if (!vfs_capable())
		return -EPERM;
	if (flags & UMOUNT_NOFOLLOW)
		lookup = 0;
	err = user_path_at(AT_FDCWD, name, lookup, &path);
	if (err)
		return err;
	err = -EINVAL;
	if (path.dentry != path.mnt->mnt_root)
		goto out_put;
	if (flags & MNT_EXPIRE) {
		err = -EAGAIN;
		goto out_put;
	}
	err = do_umount(path.mnt, flags);
out_put:
	path_put(&path);
	return err;
}
