// SPDX-License-Identifier: GPL-2.0
/*
 * Not a suite: the world around mm/ for the mm_vma and mm_fault suites.
 * The engine records the host-mapping batches instead of running them,
 * files are plain structs with a fake page cache backing, and there is one
 * task whose mm the tests set.
 */
#include <umk/fs.h>
#include <umk/sched.h>
#include <stub-data.h>
#include "ktest.h"
#include "mm_stubs.h"

struct task_struct *__current_task;
static struct task_struct test_task;
static struct signal_struct test_signal;

struct stub_op host_log[HOST_LOG_MAX];
int host_log_len;
int host_flushes;

int engine_mm_create(struct host_mm *hm)
{
	hm->pid = 4242;
	return 0;
}

void engine_mm_destroy(struct host_mm *hm)
{
	hm->pid = 0;
}

int engine_flush(struct host_mm *hm)
{
	int i;

	for (i = 0; i < hm->data->nr_ops && host_log_len < HOST_LOG_MAX; i++)
		host_log[host_log_len++] = hm->data->ops[i];
	hm->data->done = hm->data->nr_ops;
	hm->data->nr_ops = 0;
	host_flushes++;
	return 0;
}

void host_log_reset(struct mm_struct *mm)
{
	if (mm)
		tlb_flush(mm);
	host_log_len = 0;
	host_flushes = 0;
}

struct file *get_file(struct file *file)
{
	file->f_count++;
	return file;
}

void fput(struct file *file)
{
	file->f_count--;
}

struct file *fget(unsigned int fd)
{
	return NULL;
}

/* The page cache never sleeps here: nothing is ever locked for long. */
void init_wait_entry(struct wait_queue_entry *e, struct task_struct *task)
{
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, long state)
{
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
}

void schedule(void)
{
	ktest_print("Bail out! schedule() called in a unit test\n");
	ktest_abort();
}

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
{
}

void *mm_test_arena;

void mm_test_setup(unsigned long pages)
{
	mm_test_arena = ktest_arena(pages * PAGE_SIZE);
	mem_init((unsigned long)mm_test_arena, pages * PAGE_SIZE, -1);
	slab_init();
	test_task.signal = &test_signal;
	__current_task = &test_task;
}

struct mm_struct *mm_test_new(void)
{
	struct mm_struct *mm = mm_alloc();

	test_task.mm = mm;
	return mm;
}

void mm_test_use(struct mm_struct *mm)
{
	test_task.mm = mm;
}

/* A regular file of size bytes whose byte at offset o reads as (o * 7 + o / 4096) & 0xff. */
static int fake_readpage(struct file *file, struct page *page)
{
	unsigned char *p = page_address(page);
	unsigned long base = page->index << PAGE_SHIFT, i;
	struct fake_file *ff = container_of(page->mapping, struct fake_file, inode.i_data);

	ff->reads++;
	for (i = 0; i < PAGE_SIZE; i++)
		p[i] = base + i < (unsigned long)ff->inode.i_size ? fake_byte(base + i) : 0;
	return 0;
}

static int fake_writepage(struct page *page)
{
	struct fake_file *ff = container_of(page->mapping, struct fake_file, inode.i_data);

	ff->writes++;
	ff->last_written = page->index;
	ff->written_byte0 = *(unsigned char *)page_address(page);
	page->flags &= ~PG_dirty;
	return 0;
}

static const struct address_space_operations fake_aops = {
	.readpage = fake_readpage,
	.writepage = fake_writepage,
};

static const struct file_operations fake_fops;

void fake_file_init(struct fake_file *ff, loff_t size, unsigned int fmode)
{
	memset(ff, 0, sizeof(*ff));
	ff->inode.i_mode = S_IFREG | 0644;
	ff->inode.i_size = size;
	ff->inode.i_mapping = &ff->inode.i_data;
	ff->inode.i_data.host = &ff->inode;
	ff->inode.i_data.a_ops = &fake_aops;
	INIT_LIST_HEAD(&ff->inode.i_data.pages);
	ff->file.f_inode = &ff->inode;
	ff->file.f_mapping = &ff->inode.i_data;
	ff->file.f_op = &fake_fops;
	ff->file.f_mode = fmode;
	ff->file.f_count = 1;
}
