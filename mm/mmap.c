// SPDX-License-Identifier: GPL-2.0
/*
 * mmap, munmap and brk, and the layout helpers exec uses.
 *
 * Placement is top-down: a mapping without a usable hint goes in the
 * highest gap below mm->mmap_base that fits, then (if none) in the lowest
 * gap above it.  Everything lies in [MMAP_MIN_ADDR, TASK_SIZE).
 */
#include <umk/fs.h>
#include <umk/sched.h>
#include <umk/syscalls.h>
#include "internal.h"

/* Highest gap of len bytes inside [low, high), or 0. */
static unsigned long gap_top_down(struct mm_struct *mm, unsigned long len,
				  unsigned long low, unsigned long high)
{
	struct vm_area_struct *vma;

	for (vma = list_last_entry(&mm->mmap, struct vm_area_struct, vm_list);
	     &vma->vm_list != &mm->mmap;
	     vma = list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list)) {
		if (vma->vm_start >= high)
			continue;
		if (vma->vm_end < high && high - max(vma->vm_end, low) >= len &&
		    high - len >= low)
			return high - len;
		high = min(high, vma->vm_start);
		if (high <= low)
			return 0;
	}
	return high > low && high - low >= len ? high - len : 0;
}

/* Lowest gap of len bytes inside [low, high), or 0. */
static unsigned long gap_bottom_up(struct mm_struct *mm, unsigned long len,
				   unsigned long low, unsigned long high)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= low)
			continue;
		if (vma->vm_start >= low + len)
			break;
		low = vma->vm_end;
	}
	return low + len <= high ? low : 0;
}

static bool range_free(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	return addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
	       !find_vma_intersection(mm, addr, addr + len);
}

unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long hint,
				unsigned long len, unsigned long flags)
{
	unsigned long addr, low = MMAP_MIN_ADDR, high = mm->mmap_base;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (hint) {
		hint = PAGE_ALIGN(hint);
		if (hint && range_free(mm, hint, len))
			return hint;
	}
	if (flags & MAP_32BIT) {
		low = 0x40000000UL;
		high = 0x80000000UL;
	}
	if (!high || high > TASK_SIZE)
		high = TASK_SIZE;
	addr = gap_top_down(mm, len, low, high);
	if (!addr)
		addr = gap_bottom_up(mm, len, low, (flags & MAP_32BIT) ? high : TASK_SIZE);
	return addr ? addr : -ENOMEM;
}

/* Unmap [start, end) from the VMAs that cover parts of it. */
static int unmap_vma_fn(struct vm_area_struct *vma, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;

	writeback_vma_range(vma, vma->vm_start, vma->vm_end);
	zap_page_range(vma, vma->vm_start, vma->vm_end);
	mm->total_vm -= (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *vma, *next, *last;
	unsigned long end;

	if ((addr & ~PAGE_MASK) || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	len = PAGE_ALIGN(len);
	if (!len)
		return -EINVAL;
	end = addr + len;
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start >= end)
		return 0;
	/* Split at the edges so that whole VMAs go. */
	if (vma->vm_start < addr) {
		if (!split_vma(vma, addr))
			return -ENOMEM;
		vma = vma_next(vma);
	}
	last = find_vma(mm, end - 1);
	if (last && last->vm_start < end && last->vm_end > end && !split_vma(last, end))
		return -ENOMEM;
	while (vma && vma->vm_start < end) {
		next = vma_next(vma);
		unmap_vma_fn(vma, NULL);
		vma_unlink(mm, vma);
		vma_free(vma);
		vma = next;
	}
	return 0;
}

static int check_file_mapping(struct file *file, unsigned long prot, unsigned long flags,
			      unsigned long *vm_flags)
{
	bool shared = (flags & MAP_TYPE) != MAP_PRIVATE;

	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	if (shared) {
		if ((prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
			return -EACCES;
		if ((prot & PROT_WRITE) && (file->f_flags & O_APPEND))
			return -EACCES;
		if (!(file->f_mode & FMODE_WRITE))
			*vm_flags &= ~VM_MAYWRITE;
	}
	if (!(file->f_op && file->f_op->mmap) &&
	    !(file->f_mapping && file->f_mapping->a_ops && file->f_mapping->a_ops->readpage))
		return -ENODEV;
	return 0;
}

#define MAP_KNOWN_FLAGS (MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_32BIT | \
	MAP_GROWSDOWN | MAP_DENYWRITE | MAP_EXECUTABLE | MAP_LOCKED | MAP_NORESERVE | \
	MAP_POPULATE | MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB | MAP_SYNC | \
	MAP_FIXED_NOREPLACE | MAP_UNINITIALIZED)

static int check_mmap_args(unsigned long len, unsigned long prot, unsigned long flags,
			   unsigned long pgoff)
{
	unsigned long type = flags & MAP_TYPE;

	if (!len)
		return -EINVAL;
	if (type != MAP_PRIVATE && type != MAP_SHARED && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	if (type == MAP_SHARED_VALIDATE && (flags & ~MAP_KNOWN_FLAGS))
		return -EOPNOTSUPP;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;
	if (PAGE_ALIGN(len) == 0 || PAGE_ALIGN(len) > TASK_SIZE)
		return -ENOMEM;
	if (pgoff + (PAGE_ALIGN(len) >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	return 0;
}

/* Pick the address: fixed, hinted or searched.  Returns it or -errno. */
static unsigned long place_mapping(struct mm_struct *mm, unsigned long addr,
				   unsigned long len, unsigned long flags)
{
	if (!(flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)))
		return get_unmapped_area(mm, addr, len, flags);
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -ENOMEM;
	if (addr < MMAP_MIN_ADDR)
		return -EPERM;
	if (flags & MAP_FIXED_NOREPLACE) {
		if (find_vma_intersection(mm, addr, addr + len))
			return -EEXIST;
		return addr;
	}
	return do_munmap(mm, addr, len) ?: addr;
}

/* Set up the backing of a new VMA; on failure the VMA is freed. */
static int setup_vma_backing(struct vm_area_struct *vma, struct file *file)
{
	int err;

	if (file) {
		vma->vm_file = get_file(file);
		if (file->f_op && file->f_op->mmap) {
			err = file->f_op->mmap(file, vma);
			if (err)
				return err;
		}
		return 0;
	}
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT;
	return 0;
}

unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff)
{
	unsigned long vm_flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	struct vm_area_struct *vma;
	long err;

	err = check_mmap_args(len, prot, flags, pgoff);
	if (err)
		return err;
	len = PAGE_ALIGN(len);
	if (flags & MAP_ANONYMOUS)
		file = NULL;
	vm_flags |= calc_vm_flags(prot, flags);
	if ((flags & MAP_TYPE) != MAP_PRIVATE)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (file) {
		err = check_file_mapping(file, prot, flags, &vm_flags);
		if (err)
			return err;
	}
	addr = place_mapping(mm, addr, len, flags);
	if (IS_ERR_VALUE(addr))
		return addr;
	vma = vma_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_pgoff = pgoff;
	err = setup_vma_backing(vma, file);
	if (err) {
		vma_free(vma);
		return err;
	}
	vma_link(mm, vma);
	vma_merge(vma);
	mm->total_vm += len >> PAGE_SHIFT;
	return addr;
}

int mm_setup_brk(struct mm_struct *mm, unsigned long start)
{
	mm->start_brk = start;
	mm->brk = start;
	return 0;
}

int mm_setup_stack(struct mm_struct *mm, unsigned long top, unsigned long len)
{
	unsigned long start = (top - PAGE_ALIGN(len)) & PAGE_MASK;
	unsigned long addr;

	addr = do_mmap(mm, NULL, start, top - start, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, 0);
	if (IS_ERR_VALUE(addr))
		return addr;
	mm->start_stack = top;
	return 0;
}

/* Grow the heap VMA to cover [old_end, new_end). */
static int brk_grow(struct mm_struct *mm, unsigned long old_end, unsigned long new_end)
{
	unsigned long addr;

	if (new_end > TASK_SIZE || find_vma_intersection(mm, old_end, new_end + PAGE_SIZE))
		return -ENOMEM;
	addr = do_mmap(mm, NULL, old_end, new_end - old_end, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, 0);
	return IS_ERR_VALUE(addr) ? (int)addr : 0;
}

long sys_brk(unsigned long brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long old_end = PAGE_ALIGN(mm->brk), new_end = PAGE_ALIGN(brk);

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	if (new_end < old_end) {
		if (do_munmap(mm, new_end, old_end - new_end))
			return mm->brk;
	} else if (new_end > old_end && brk_grow(mm, old_end, new_end)) {
		return mm->brk;
	}
	mm->brk = brk;
	return brk;
}

long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot,
	      unsigned long flags, unsigned long fd, unsigned long off)
{
	struct file *file = NULL;
	long ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
	}
	ret = do_mmap(current->mm, file, addr, len, prot, flags, off >> PAGE_SHIFT);
	if (file)
		fput(file);
	return ret;
}

long sys_munmap(unsigned long addr, size_t len)
{
	return do_munmap(current->mm, addr, len);
}
