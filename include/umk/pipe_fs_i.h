/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_PIPE_FS_I_H
#define _UMK_PIPE_FS_I_H

/*
 * Pipes and FIFOs.  The data is a ring of page buffers; head and tail count
 * buffers written and consumed (free-running, index & (ring_size - 1)), so
 * the ring is full when head - tail == ring_size.  One pipe_inode_info
 * hangs off the inode (i_pipe) and is shared by every file open on it.
 */
#include <umk/fs.h>

#define PIPE_BUF		4096	/* writes up to this size are atomic */
#define PIPE_DEF_BUFFERS	16	/* 64 KiB */
#define PIPE_MAX_SIZE		(1024 * 1024)	/* /proc/sys/fs/pipe-max-size */

struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
};

struct pipe_inode_info {
	struct wait_queue_head rd_wait, wr_wait;
	unsigned int head, tail;
	unsigned int ring_size;		/* power of two */
	unsigned int readers, writers;
	unsigned int files;		/* struct files open on the pipe */
	unsigned int r_counter, w_counter;	/* opens so far, for FIFO opens */
	struct pipe_buffer *bufs;
};

static inline unsigned int pipe_occupancy(const struct pipe_inode_info *p)
{
	return p->head - p->tail;
}

static inline bool pipe_empty(const struct pipe_inode_info *p)
{
	return p->head == p->tail;
}

static inline bool pipe_full(const struct pipe_inode_info *p)
{
	return pipe_occupancy(p) >= p->ring_size;
}

/* fs/pipe.c */
extern const struct file_operations pipefifo_fops;
struct pipe_inode_info *alloc_pipe_info(void);
void free_pipe_info(struct pipe_inode_info *pipe);
/* The pipe behind file (anonymous pipe or FIFO), or NULL. */
struct pipe_inode_info *get_pipe_info(struct file *file);
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned long arg);
/* Pipe I/O on kernel buffers (kernel_read/kernel_write, sendfile). */
ssize_t pipe_kernel_read(struct file *file, void *buf, size_t count);
ssize_t pipe_kernel_write(struct file *file, const void *buf, size_t count);
/* Two files on a new anonymous pipe: res[0] reads, res[1] writes. */
int create_pipe_files(struct file **res, int flags);

#endif
