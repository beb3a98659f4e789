/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _FS_HOSTFS_KERN_H
#define _FS_HOSTFS_KERN_H

/*
 * hostfs kernel half, shared between hostfs_kern.c (super block, inodes,
 * names, attributes) and hostfs_file.c (page cache, file and directory
 * I/O).  The host is reached only through hostfs.h.
 */
#include <umk/kernel.h>
#include <umk/fs.h>
#include "hostfs.h"

struct hostfs_sb_info {
	char *root;		/* canonical host path; "" for "/" */
	size_t root_len;
};

struct hostfs_inode_info {
	unsigned long long host_dev;
	char *path;		/* last host path seen, when no file is open */
	struct list_head files;	/* open hostfs_file of this inode */
};

/* One open guest file: its host descriptor. */
struct hostfs_file {
	int fd;			/* host descriptor, or -1 */
	int how;		/* HOSTFS_OPEN_READ / _WRITE */
	loff_t dir_pos;		/* directories: the host fd's position */
	struct file *file;
	struct list_head node;	/* in hostfs_inode_info.files */
};

static inline struct hostfs_inode_info *HOSTFS_I(struct inode *inode)
{
	return inode->i_private;
}

/* hostfs_kern.c */
extern bool hostfs_append;		/* hostfs=...,append */
/* The host path of a dentry in a PATH_MAX kmalloc buffer, or ERR_PTR. */
char *hostfs_dentry_path(struct dentry *dentry);
void hostfs_set_path(struct inode *inode, const char *path);
void hostfs_fill_inode(struct inode *inode, const struct hostfs_stat *st);
void hostfs_refresh_inode(struct inode *inode, const struct hostfs_stat *st);
bool hostfs_same_file(struct inode *inode, const struct hostfs_stat *st);

/* hostfs_file.c */
extern const struct address_space_operations hostfs_aops;
extern const struct file_operations hostfs_file_fops;
extern const struct file_operations hostfs_dir_fops;
struct hostfs_file *hostfs_find_open_file(struct inode *inode, int how);
int hostfs_write_dirty_pages(struct inode *inode);
void hostfs_truncate_cache(struct inode *inode, loff_t size);

#endif
