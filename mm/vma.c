// SPDX-License-Identifier: GPL-2.0
/*
 * VMAs: the sorted list of an mm's areas, and the splits and merges that
 * munmap, mprotect, madvise and mremap need.
 *
 * Two neighbouring VMAs merge when the second continues the first: same
 * flags, file and vm_ops/private data, and a page offset that carries on
 * (anonymous VMAs get vm_pgoff = vm_start >> PAGE_SHIFT, so the same rule
 * covers them).
 */
#include <umk/fs.h>
#include "internal.h"

static struct kmem_cache *vma_cache;

struct vm_area_struct *vma_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	if (!vma_cache) {
		vma_cache = kmem_cache_create("vm_area_struct",
					      sizeof(struct vm_area_struct), 0);
		if (!vma_cache)
			return NULL;
	}
	vma = kmem_cache_alloc(vma_cache, __GFP_ZERO);
	if (vma) {
		vma->vm_mm = mm;
		INIT_LIST_HEAD(&vma->vm_list);
	}
	return vma;
}

struct vm_area_struct *vma_dup(struct vm_area_struct *old)
{
	struct vm_area_struct *vma = vma_alloc(old->vm_mm);

	if (!vma)
		return NULL;
	*vma = *old;
	INIT_LIST_HEAD(&vma->vm_list);
	if (vma->vm_file)
		get_file(vma->vm_file);
	if (vma->vm_ops && vma->vm_ops->open)
		vma->vm_ops->open(vma);
	return vma;
}

void vma_free(struct vm_area_struct *vma)
{
	if (vma->vm_ops && vma->vm_ops->close)
		vma->vm_ops->close(vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	kmem_cache_free(vma_cache, vma);
}

struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_list.prev == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}

struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	struct mm_struct *mm = vma->vm_mm;

	if (vma->vm_list.next == &mm->mmap)
		return NULL;
	return list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = mm->vmacache;

	if (vma && vma->vm_start <= addr && addr < vma->vm_end)
		return vma;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end > addr) {
			mm->vmacache = vma;
			return vma;
		}
	}
	return NULL;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

bool range_is_mapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	while (start < end) {
		if (!vma || vma->vm_start > start)
			return false;
		start = vma->vm_end;
		vma = vma_next(vma);
	}
	return true;
}

void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *pos;

	vma->vm_mm = mm;
	list_for_each_entry(pos, &mm->mmap, vm_list)
		if (pos->vm_start >= vma->vm_end)
			break;
	list_add_tail(&vma->vm_list, &pos->vm_list);
	mm->map_count++;
}

void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	list_del_init(&vma->vm_list);
	mm->map_count--;
	if (mm->vmacache == vma)
		mm->vmacache = NULL;
}

struct vm_area_struct *split_vma(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper;

	if (vma->vm_mm->map_count >= 65530)
		return NULL;
	upper = vma_dup(vma);
	if (!upper)
		return NULL;
	upper->vm_start = addr;
	upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	list_add(&upper->vm_list, &vma->vm_list);
	vma->vm_mm->map_count++;
	return upper;
}

static bool can_merge(struct vm_area_struct *a, struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       a->vm_file == b->vm_file && a->vm_ops == b->vm_ops &&
	       a->vm_private_data == b->vm_private_data &&
	       a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) == b->vm_pgoff;
}

/* b is absorbed into a. */
static void merge_into(struct vm_area_struct *a, struct vm_area_struct *b)
{
	a->vm_end = b->vm_end;
	vma_unlink(a->vm_mm, b);
	vma_free(b);
}

struct vm_area_struct *vma_merge(struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = vma_prev(vma), *next = vma_next(vma);

	if (next && can_merge(vma, next))
		merge_into(vma, next);
	if (prev && can_merge(prev, vma)) {
		merge_into(prev, vma);
		vma = prev;
	}
	return vma;
}

/* Merge every mergeable pair of VMAs touching [start, end]. */
static void merge_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start ? start - 1 : 0), *next;

	while (vma && vma->vm_start <= end) {
		next = vma_next(vma);
		if (!next)
			break;
		if (can_merge(vma, next))
			merge_into(vma, next);
		else
			vma = next;
	}
}

int apply_to_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		   vma_fn_t fn, void *arg)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int err = 0;

	if (vma && vma->vm_start < start && vma->vm_end > start) {
		if (!split_vma(vma, start))
			return -ENOMEM;
		vma = vma_next(vma);
	}
	while (vma && vma->vm_start < end) {
		if (vma->vm_end > end && !split_vma(vma, end)) {
			err = -ENOMEM;
			break;
		}
		err = fn(vma, arg);
		if (err)
			break;
		vma = vma_next(vma);
	}
	merge_range(mm, start, end);
	return err;
}

int vma_host_prot(unsigned long vm_flags)
{
	int prot = 0;

	if (vm_flags & VM_READ)
		prot |= PROT_READ;
	if (vm_flags & VM_WRITE)
		prot |= PROT_WRITE;
	if (vm_flags & VM_EXEC)
		prot |= PROT_EXEC;
	return prot;
}

unsigned long calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm = 0;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	if (flags & MAP_LOCKED)
		vm |= VM_LOCKED;
	return vm;
}
