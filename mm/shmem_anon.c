// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory (MAP_SHARED|MAP_ANONYMOUS, MAP_SHARED of
 * /dev/zero).  The pages must outlive any one page table, so that a child
 * touching a page after fork sees the same page as its parent: they live
 * in a private page cache (an address_space with no inode), indexed by
 * vm_pgoff, shared by every VMA copied from the first one.
 */
#include <umk/fs.h>
#include "internal.h"

struct shared_anon {
	int count;			/* VMAs using it */
	struct address_space mapping;
};

static void shared_anon_open(struct vm_area_struct *vma)
{
	struct shared_anon *sa = vma->vm_private_data;

	sa->count++;
}

static void shared_anon_close(struct vm_area_struct *vma)
{
	struct shared_anon *sa = vma->vm_private_data;

	if (--sa->count)
		return;
	truncate_inode_pages(&sa->mapping, 0);
	kfree(sa);
}

static int shared_anon_fault(struct vm_area_struct *vma, unsigned long pgoff,
			     struct page **pagep)
{
	struct shared_anon *sa = vma->vm_private_data;
	struct page *page = find_get_page(&sa->mapping, pgoff);
	int err;

	if (!page) {
		page = alloc_page(__GFP_ZERO);
		if (!page)
			return -ENOMEM;
		err = add_to_page_cache(page, &sa->mapping, pgoff);
		if (err) {
			put_page(page);
			return err;
		}
		page->flags |= PG_uptodate;
	}
	*pagep = page;
	return 0;
}

static const struct vm_operations_struct shared_anon_vm_ops = {
	.open = shared_anon_open,
	.close = shared_anon_close,
	.fault = shared_anon_fault,
};

int shmem_zero_setup(struct vm_area_struct *vma)
{
	struct shared_anon *sa = kzalloc(sizeof(*sa), GFP_KERNEL);

	if (!sa)
		return -ENOMEM;
	sa->count = 1;
	INIT_LIST_HEAD(&sa->mapping.pages);
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = NULL;
	vma->vm_pgoff = 0;
	vma->vm_ops = &shared_anon_vm_ops;
	vma->vm_private_data = sa;
	return 0;
}

void vma_set_anonymous(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	vma->vm_file = NULL;
	vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
}
