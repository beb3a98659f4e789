/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_PROC_FS_H
#define _UMK_PROC_FS_H

/*
 * fs/proc: mount procfs on /proc of the current root, once the root file
 * system is up.  0, or -ENOENT (quietly) when the root has no /proc, or the
 * error of do_mount().
 */
int proc_mount_boot(void);

#endif
