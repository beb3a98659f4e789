/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_FDTABLE_H
#define _UMK_FDTABLE_H

/*
 * The descriptor table of a task (struct files_struct in <umk/fs.h>).
 * fd[] holds one reference on each open file; open_fds and close_on_exec
 * are bitmaps of max_fds bits.  The table grows by doubling up to the
 * RLIMIT_NOFILE soft limit (1024 when the limit is unset).
 */
#include <umk/fs.h>

#define NR_OPEN_DEFAULT		64	/* initial table size */
#define NR_OPEN_MAX		(1024 * 1024)	/* fs.nr_open */
#define INR_OPEN_CUR		1024	/* RLIMIT_NOFILE default */

/* fs/file.c */
struct files_struct *current_files(void);
unsigned long fd_limit(void);		/* RLIMIT_NOFILE of current */
/* Lowest free fd >= start, or -EMFILE/-EINVAL. */
int alloc_fd(unsigned int start, unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Install file (its reference) at fd, closing what was there: dup2. */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
/* The file at fd without taking a reference (NULL if none). */
struct file *files_lookup_fd(struct files_struct *files, unsigned int fd);
void set_close_on_exec(unsigned int fd, bool on);
bool get_close_on_exec(unsigned int fd);
int close_range_fds(unsigned int first, unsigned int last, unsigned int flags);
/* Calls fn for each open fd of files until it returns nonzero. */
int iterate_fd(struct files_struct *files, int (*fn)(unsigned int fd, struct file *f,
						     void *arg), void *arg);

/* fs/fcntl.c */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);

#endif
