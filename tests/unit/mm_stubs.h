/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_STUBS_H
#define _MM_STUBS_H

/* Test environment of the mm_vma and mm_fault suites (mm_stubs_test.c). */
#include <umk/mman.h>
#include <umk/fs.h>
#include <stub-data.h>

#define HOST_LOG_MAX	4096
extern struct stub_op host_log[HOST_LOG_MAX];	/* ops the "stub" ran */
extern int host_log_len;
extern int host_flushes;
void host_log_reset(struct mm_struct *mm);	/* flush mm (if any), then forget */

extern void *mm_test_arena;
void mm_test_setup(unsigned long pages);
struct mm_struct *mm_test_new(void);		/* mm_alloc(), made current's */
void mm_test_use(struct mm_struct *mm);

struct fake_file {
	struct file file;
	struct inode inode;
	int reads, writes;
	unsigned long last_written;
	unsigned char written_byte0;
};

static inline unsigned char fake_byte(unsigned long off)
{
	return (off * 7 + off / 4096) & 0xff;
}

void fake_file_init(struct fake_file *ff, loff_t size, unsigned int fmode);

#endif
