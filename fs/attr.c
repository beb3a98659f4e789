// SPDX-License-Identifier: GPL-2.0
/*
 * Changing inode attributes (chmod, chown, truncate, utimes): who may
 * change what, and the generic copy into the inode.  notify_change() makes
 * the checks and fills in the implied times before calling ->setattr.
 */
#include <umk/fs.h>

static bool is_owner(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || vfs_capable();
}

int setattr_prepare(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_FORCE)
		return 0;
	if ((valid & ATTR_UID) && !vfs_capable() &&
	    (current_fsuid() != inode->i_uid || attr->ia_uid != inode->i_uid))
		return -EPERM;
	if ((valid & ATTR_GID) && !vfs_capable() &&
	    (current_fsuid() != inode->i_uid ||
	     (attr->ia_gid != inode->i_gid && !vfs_in_group_p(attr->ia_gid))))
		return -EPERM;
	if (valid & ATTR_MODE) {
		gid_t gid = (valid & ATTR_GID) ? attr->ia_gid : inode->i_gid;

		if (!is_owner(inode))
			return -EPERM;
		if (!vfs_in_group_p(gid) && !vfs_capable())
			attr->ia_mode &= ~S_ISGID;
	}
	/* Explicit times need ownership; "now" (checked by utimes) does not. */
	if ((valid & (ATTR_ATIME_SET | ATTR_MTIME_SET)) && !is_owner(inode))
		return -EPERM;
	return 0;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int valid = attr->ia_valid;

	if (valid & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (valid & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (valid & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (valid & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	if (valid & ATTR_CTIME)
		inode->i_ctime = attr->ia_ctime;
	if (valid & ATTR_MODE)
		inode->i_mode = attr->ia_mode;
}

/* For file systems without page cache to trim: sizes are just numbers. */
int simple_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (attr->ia_valid & ATTR_SIZE)
		inode->i_size = attr->ia_size;
	setattr_copy(inode, attr);
	return 0;
}

/* Turn ATTR_KILL_S*ID into a mode change when the bits are set. */
static void kill_suid(struct inode *inode, struct iattr *attr)
{
	umode_t mode = (attr->ia_valid & ATTR_MODE) ? attr->ia_mode : inode->i_mode;
	umode_t kill = 0;

	if (attr->ia_valid & ATTR_KILL_SUID)
		kill |= mode & S_ISUID;
	if ((attr->ia_valid & ATTR_KILL_SGID) && (mode & (S_ISGID | S_IXGRP)) ==
	    (S_ISGID | S_IXGRP))
		kill |= S_ISGID;
	if (!kill)
		return;
	attr->ia_valid |= ATTR_MODE;
	attr->ia_mode = mode & ~kill;
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	struct timespec64 now = current_time(inode);
	int err;

	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size < 0)
		return -EINVAL;
	err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	kill_suid(inode, attr);
	attr->ia_valid &= ~(ATTR_KILL_SUID | ATTR_KILL_SGID);
	attr->ia_ctime = now;
	attr->ia_valid |= ATTR_CTIME;
	if ((attr->ia_valid & ATTR_ATIME) && !(attr->ia_valid & ATTR_ATIME_SET))
		attr->ia_atime = now;
	if ((attr->ia_valid & ATTR_MTIME) && !(attr->ia_valid & ATTR_MTIME_SET))
		attr->ia_mtime = now;
	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	return simple_setattr(dentry, attr);
}
