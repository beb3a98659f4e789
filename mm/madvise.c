// SPDX-License-Identifier: GPL-2.0
/*
 * madvise, msync, mincore and the mlock family.  Memory is never swapped
 * here, so locking only validates its range; MADV_DONTNEED and MADV_FREE
 * drop the pages, so that private anonymous memory reads back as zeroes
 * and file mappings read the file again.
 */
#include <umk/fs.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include "internal.h"

static int dontneed_vma(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	if (vma->vm_flags & VM_LOCKED)
		return -EINVAL;
	writeback_vma_range(vma, start, end);
	zap_page_range(vma, start, end);
	return 0;
}

static int set_dontcopy(struct vm_area_struct *vma, void *arg)
{
	if (arg)
		vma->vm_flags |= VM_DONTCOPY;
	else
		vma->vm_flags &= ~VM_DONTCOPY;
	return 0;
}

static int zap_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	int err;

	for (; vma && vma->vm_start < end; vma = vma_next(vma)) {
		err = dontneed_vma(vma, max(start, vma->vm_start), min(end, vma->vm_end));
		if (err)
			return err;
	}
	return 0;
}

static bool known_advice(int advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE:
	case MADV_REMOVE: case MADV_DONTFORK: case MADV_DOFORK:
	case MADV_MERGEABLE: case MADV_UNMERGEABLE: case MADV_HUGEPAGE:
	case MADV_NOHUGEPAGE: case MADV_DONTDUMP: case MADV_DODUMP:
	case MADV_WIPEONFORK: case MADV_KEEPONFORK: case MADV_COLD:
	case MADV_PAGEOUT:
		return true;
	}
	return false;
}

long sys_madvise(unsigned long start, size_t len, int advice)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;

	if ((start & ~PAGE_MASK) || !known_advice(advice))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (!len)
		return 0;
	if (end > TASK_SIZE || !range_is_mapped(mm, start, end))
		return -ENOMEM;
	switch (advice) {
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_REMOVE:
		return zap_range(mm, start, end);
	case MADV_DONTFORK:
		return apply_to_range(mm, start, end, set_dontcopy, (void *)1);
	case MADV_DOFORK:
		return apply_to_range(mm, start, end, set_dontcopy, NULL);
	}
	return 0;
}

long sys_msync(unsigned long start, size_t len, int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long end;

	if ((start & ~PAGE_MASK) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (!len)
		return 0;
	if (!range_is_mapped(mm, start, end))
		return -ENOMEM;
	for (vma = find_vma(mm, start); vma && vma->vm_start < end; vma = vma_next(vma)) {
		if ((flags & MS_INVALIDATE) && (vma->vm_flags & VM_LOCKED))
			return -EBUSY;
		writeback_vma_range(vma, max(start, vma->vm_start), min(end, vma->vm_end));
	}
	return 0;
}

/* One byte per page: bit 0 set if the page is resident. */
static unsigned char page_resident(struct mm_struct *mm, struct vm_area_struct *vma,
				   unsigned long addr)
{
	pte_t *pte = pte_lookup(mm, addr);
	struct page *page;

	if (pte && pte_present(*pte))
		return 1;
	if (!vma->vm_file || vma->vm_ops || !vma->vm_file->f_mapping)
		return 0;
	page = find_get_page(vma->vm_file->f_mapping,
			     vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT));
	if (!page)
		return 0;
	put_page(page);
	return 1;
}

long sys_mincore(unsigned long start, size_t len, unsigned char __user *vec)
{
	struct mm_struct *mm = current->mm;
	unsigned char buf[64];
	unsigned long end, addr;
	struct vm_area_struct *vma;
	int n = 0;

	if (start & ~PAGE_MASK)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	if (!range_is_mapped(mm, start, end))
		return -ENOMEM;
	for (addr = start; addr < end; addr += PAGE_SIZE) {
		vma = find_vma(mm, addr);
		buf[n++] = page_resident(mm, vma, addr);
		if (n == sizeof(buf) || addr + PAGE_SIZE >= end) {
			if (copy_to_user(vec, buf, n))
				return -EFAULT;
			vec += n;
			n = 0;
		}
	}
	return 0;
}

static long check_lock_range(unsigned long start, size_t len)
{
	unsigned long end;

	start &= PAGE_MASK;
	end = PAGE_ALIGN(start + len);
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	return range_is_mapped(current->mm, start, end) ? 0 : -ENOMEM;
}

long sys_mlock(unsigned long start, size_t len)
{
	return check_lock_range(start, len);
}

long sys_mlock2(unsigned long start, size_t len, int flags)
{
	if (flags & ~MLOCK_ONFAULT)
		return -EINVAL;
	return check_lock_range(start, len);
}

long sys_munlock(unsigned long start, size_t len)
{
	return check_lock_range(start, len);
}

long sys_mlockall(int flags)
{
	if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)))
		return -EINVAL;
	if (flags == MCL_ONFAULT)
		return -EINVAL;
	return 0;
}

long sys_munlockall(void)
{
	return 0;
}
