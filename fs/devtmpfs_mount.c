// SPDX-License-Identifier: GPL-2.0
/*
 * CONFIG_DEVTMPFS: mount devtmpfs on /dev of the new root.  Without it the
 * nodes still exist in devtmpfs, for a guest to mount itself.
 */
#include <umk/fs.h>
#include <linux/mount.h>

int devtmpfs_mount_dev(void)
{
	struct path p;
	int err;

	err = devtmpfs_init();
	if (err)
		return err;
	err = kern_path("/dev", LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p);
	if (err) {
		pr_info("devtmpfs: no /dev in the root, not mounted\n");
		return 0;
	}
	path_put(&p);
	err = do_mount("devtmpfs", "/dev", "devtmpfs", MS_SILENT, NULL);
	if (err)
		pr_err("devtmpfs: error mounting %d\n", err);
	else
		pr_info("devtmpfs: mounted\n");
	return err;
}
