// SPDX-License-Identifier: GPL-2.0
/*
 * mremap: shrink in place, grow in place when the space above is free,
 * or (MREMAP_MAYMOVE / MREMAP_FIXED) move the pages to a new range.  A
 * move carries the PTEs over, so the pages stay what they were (private
 * copies, COW sharing, page-cache pages).
 */
#include <umk/sched.h>
#include <umk/syscalls.h>
#include "internal.h"

/* Move [old, old + old_len) of vma to new, making the new VMA new_len long. */
static unsigned long move_vma(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long old, unsigned long old_len,
			      unsigned long new, unsigned long new_len)
{
	struct vm_area_struct *nv;
	int err;

	if (vma->vm_start < old) {
		vma = split_vma(vma, old);
		if (!vma)
			return -ENOMEM;
	}
	if (vma->vm_end > old + old_len && !split_vma(vma, old + old_len))
		return -ENOMEM;
	nv = vma_dup(vma);
	if (!nv)
		return -ENOMEM;
	nv->vm_start = new;
	nv->vm_end = new + new_len;
	vma_link(mm, nv);
	err = move_page_tables(vma, old, nv, new, old_len);
	if (err) {
		/* put back what moved, and give up */
		move_page_tables(nv, new, vma, old, old_len);
		vma_unlink(mm, nv);
		vma_free(nv);
		return err;
	}
	vma_unlink(mm, vma);
	vma_free(vma);
	mm->total_vm += (new_len - old_len) >> PAGE_SHIFT;
	vma_merge(nv);
	return new;
}

static bool can_grow_in_place(struct mm_struct *mm, struct vm_area_struct *vma,
			      unsigned long addr, unsigned long old_len, unsigned long new_len)
{
	unsigned long end = addr + old_len;

	if (end != vma->vm_end || new_len - old_len > TASK_SIZE - end)
		return false;
	return !find_vma_intersection(mm, end, addr + new_len);
}

static long check_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
			 unsigned long flags, unsigned long new_addr)
{
	if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (flags & MREMAP_DONTUNMAP)
		return -EINVAL;		/* not supported (yet) */
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (!PAGE_ALIGN(new_len) || !old_len)
		return -EINVAL;
	if (flags & MREMAP_FIXED) {
		if (new_addr & ~PAGE_MASK)
			return -EINVAL;
		if (new_addr > TASK_SIZE || PAGE_ALIGN(new_len) > TASK_SIZE - new_addr)
			return -EINVAL;
		/* the ranges may not overlap */
		if (new_addr < addr + PAGE_ALIGN(old_len) && addr < new_addr + PAGE_ALIGN(new_len))
			return -EINVAL;
	}
	return 0;
}

static long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
		      unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma;
	long err = check_mremap(addr, old_len, new_len, flags, new_addr);

	if (err)
		return err;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || old_len > vma->vm_end - addr)
		return -EFAULT;
	if (flags & MREMAP_FIXED) {
		err = do_munmap(mm, new_addr, new_len);
		if (err)
			return err;
		if (old_len > new_len) {
			err = do_munmap(mm, addr + new_len, old_len - new_len);
			if (err)
				return err;
			old_len = new_len;
		}
		vma = find_vma(mm, addr);
		return move_vma(mm, vma, addr, old_len, new_addr, new_len);
	}
	if (new_len <= old_len) {
		if (new_len < old_len) {
			err = do_munmap(mm, addr + new_len, old_len - new_len);
			if (err)
				return err;
		}
		return addr;
	}
	if (can_grow_in_place(mm, vma, addr, old_len, new_len)) {
		vma->vm_end = addr + new_len;
		mm->total_vm += (new_len - old_len) >> PAGE_SHIFT;
		vma_merge(vma);
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new_addr = get_unmapped_area(mm, 0, new_len, 0);
	if (IS_ERR_VALUE(new_addr))
		return new_addr;
	return move_vma(mm, vma, addr, old_len, new_addr, new_len);
}

long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr)
{
	return do_mremap(current->mm, addr, old_len, new_len, flags, new_addr);
}
