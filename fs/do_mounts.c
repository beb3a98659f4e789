// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing up the file system tree at boot.
 *
 * vfs_caches_init() makes the initial root: a ramfs ("rootfs") that the
 * first tasks use as root and working directory.  mount_root() then mounts
 * the real root file system on top of rootfs's "/" (from root=,
 * rootfstype=, rootflags=, ro/rw) and makes it the root and working
 * directory of the calling task, the way Linux's prepare_namespace ends
 * with a chroot into the new root.
 */
#include <umk/fs.h>
#include <umk/mm.h>
#include <umk/sched.h>
#include <init.h>
#include <linux/mount.h>

static const char *root_device_name = "/dev/root";
static const char *root_fs_names;
static const char *root_mount_data;
static unsigned long root_mountflags = MS_RDONLY | MS_SILENT;

static int root_dev_setup(const char *val)
{
	root_device_name = val;
	return 0;
}
umk_param("root=", root_dev_setup,
	  "root=<device>\n"
	  "    The root file system: a block device such as /dev/ubda, or\n"
	  "    /dev/root with rootfstype=hostfs.\n");

static int fs_names_setup(const char *val)
{
	root_fs_names = val;
	return 0;
}
umk_param("rootfstype=", fs_names_setup,
	  "rootfstype=<type>[,<type>...]\n"
	  "    File system type(s) to try for the root, e.g. hostfs or ext4.\n");

static int root_data_setup(const char *val)
{
	root_mount_data = val;
	return 0;
}
umk_param("rootflags=", root_data_setup,
	  "rootflags=<options>\n"
	  "    Mount options for the root file system; for hostfs, the host\n"
	  "    directory to use as the root.\n");

static int readwrite(const char *val)
{
	root_mountflags &= ~MS_RDONLY;
	return 0;
}
umk_param("rw", readwrite,
	  "rw\n"
	  "    Mount the root file system read-write (default: read-only).\n");

static int readonly(const char *val)
{
	root_mountflags |= MS_RDONLY;
	return 0;
}
umk_param("ro", readonly,
	  "ro\n"
	  "    Mount the root file system read-only (the default).\n");

static struct dentry *rootfs_mount(struct file_system_type *type, int flags,
				   const char *dev_name, void *data)
{
	return ramfs_fs_type.mount(type, flags, dev_name, data);
}

static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.mount = rootfs_mount,
	.kill_sb = ramfs_kill_sb,
};

static void set_root_and_pwd(const struct path *path)
{
	set_fs_root(&init_fs, path);
	set_fs_pwd(&init_fs, path);
	if (current && current->fs && current->fs != &init_fs) {
		set_fs_root(current->fs, path);
		set_fs_pwd(current->fs, path);
	}
}

int vfs_caches_init(void)
{
	struct vfsmount *mnt;
	struct path root;
	int err;

	if (rootfs_mnt)
		return 0;
	err = ramfs_init();
	if (!err)
		err = register_filesystem(&rootfs_fs_type);
	if (err && err != -EBUSY)
		return err;
	mnt = vfs_kern_mount(&rootfs_fs_type, 0, "rootfs", NULL);
	if (IS_ERR(mnt)) {
		pr_err("VFS: cannot create rootfs: %ld\n", PTR_ERR(mnt));
		return PTR_ERR(mnt);
	}
	set_rootfs_mnt(mnt);
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_root_and_pwd(&root);
	err = devtmpfs_init();
	if (err)
		pr_warn("devtmpfs: init failed: %d\n", err);
	return 0;
}

/* Mount fstype over rootfs's "/" and enter it. */
static int try_mount_root(const char *fstype)
{
	struct path top = { rootfs_mnt, rootfs_mnt->mnt_root }, root;
	struct vfsmount *mnt;
	char *data = NULL;
	int err;

	if (root_mount_data) {
		data = kstrdup(root_mount_data);
		if (!data)
			return -ENOMEM;
	}
	err = do_mount(root_device_name, "/", fstype, root_mountflags, data);
	kfree(data);
	if (err)
		return err;
	mnt = lookup_mnt(&top);
	if (!mnt)
		return -ENOENT;
	root.mnt = mnt;
	root.dentry = mnt->mnt_root;
	set_root_and_pwd(&root);
	pr_info("VFS: Mounted root (%s filesystem)%s on device %u:%u.\n", fstype,
		(root_mountflags & MS_RDONLY) ? " readonly" : "",
		MAJOR(mnt->mnt_sb->s_dev), MINOR(mnt->mnt_sb->s_dev));
	mntput(mnt);
	return 0;
}

/* Try each name of a comma-separated list; go on past "not this type". */
static int try_fs_list(const char *list)
{
	char *copy = kstrdup(list), *s, *name;
	int err = -ENODEV;

	if (!copy)
		return -ENOMEM;
	s = copy;
	while ((name = strsep(&s, ",")) != NULL) {
		if (!*name)
			continue;
		err = try_mount_root(name);
		if (err != -EINVAL && err != -ENODEV)
			break;
	}
	kfree(copy);
	return err;
}

/* No rootfstype=: every block-device file system in turn. */
static int try_block_filesystems(void)
{
	char *list, *line, *s;
	int len, err = -ENODEV;

	list = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	len = get_filesystem_list(list, PAGE_SIZE);
	list[min(len, (int)PAGE_SIZE - 1)] = '\0';
	s = list;
	while ((line = strsep(&s, "\n")) != NULL) {
		if (strncmp(line, "nodev", 5) == 0 || line[0] != '\t')
			continue;
		err = try_mount_root(line + 1);
		if (err != -EINVAL && err != -ENODEV)
			break;
	}
	kfree(list);
	return err;
}

/* Without CONFIG_DEVTMPFS (fs/devtmpfs_mount.c), /dev is left alone. */
int __attribute__((weak)) devtmpfs_mount_dev(void)
{
	return 0;
}

int mount_root(void)
{
	int err;

	if (!rootfs_mnt) {
		err = vfs_caches_init();
		if (err)
			return err;
	}
	if (root_fs_names && *root_fs_names)
		err = try_fs_list(root_fs_names);
	else
		err = try_block_filesystems();
	/* Linux names the device without its /dev/ prefix here. */
	if (err) {
		pr_emerg("VFS: Cannot open root device \"%s\" or unknown-block(0,0): error %d\n",
			 strncmp(root_device_name, "/dev/", 5) ? root_device_name :
			 root_device_name + 5, err);
		/* Linux lists the partitions here; our only root is a host directory. */
		pr_emerg("Please append a correct \"root=\" boot option, e.g. "
			 "root=/dev/root rootfstype=hostfs rootflags=<host directory>\n");
	}
	return err;
}
