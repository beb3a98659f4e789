// SPDX-License-Identifier: GPL-2.0
/*
 * mprotect: new permissions for a range, splitting VMAs at its edges and
 * merging them again afterwards; the present PTEs and their host mappings
 * follow (change_protection).
 */
#include <umk/sched.h>
#include "internal.h"

struct mprotect_args {
	unsigned long vm_flags;		/* new VM_READ/WRITE/EXEC */
};

static int mprotect_vma(struct vm_area_struct *vma, void *arg)
{
	struct mprotect_args *a = arg;
	unsigned long mask = VM_READ | VM_WRITE | VM_EXEC;

	vma->vm_flags = (vma->vm_flags & ~mask) | a->vm_flags;
	change_protection(vma, vma->vm_start, vma->vm_end);
	return 0;
}

/* Every VMA in the range must allow the new permissions. */
static int check_may(struct mm_struct *mm, unsigned long start, unsigned long end,
		     unsigned long vm_flags)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	for (; vma && vma->vm_start < end; vma = vma_next(vma)) {
		if ((vm_flags & VM_WRITE) && !(vma->vm_flags & VM_MAYWRITE))
			return -EACCES;
		if ((vm_flags & VM_READ) && !(vma->vm_flags & VM_MAYREAD))
			return -EACCES;
		if ((vm_flags & VM_EXEC) && !(vma->vm_flags & VM_MAYEXEC))
			return -EACCES;
	}
	return 0;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	struct mprotect_args a;
	struct vm_area_struct *vma;
	unsigned long end;
	int err;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM |
		     PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (!len)
		return 0;
	if (prot & PROT_GROWSDOWN) {
		vma = find_vma(mm, start);
		if (!vma || vma->vm_start >= end || !(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
		start = vma->vm_start;
	} else if (prot & PROT_GROWSUP) {
		return -EINVAL;
	}
	if (end > TASK_SIZE || !range_is_mapped(mm, start, end))
		return -ENOMEM;
	a.vm_flags = calc_vm_flags(prot, 0);
	err = check_may(mm, start, end, a.vm_flags);
	if (err)
		return err;
	return apply_to_range(mm, start, end, mprotect_vma, &a);
}

long sys_mprotect(unsigned long start, size_t len, unsigned long prot)
{
	return do_mprotect(current->mm, start, len, prot);
}
