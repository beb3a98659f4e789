// SPDX-License-Identifier: GPL-2.0
/*
 * VMA logic: placement, find_vma, munmap and mprotect splitting a middle
 * range and merging back, MAP_FIXED variants and argument errors, brk,
 * mremap, madvise and the range checks of the mlock family.
 */
#include <umk/sched.h>
#include <umk/syscalls.h>
#include "ktest.h"
#include "mm_stubs.h"
#include "../../mm/internal.h"

#define P	PAGE_SIZE
#define BASE	0x10000000UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

long sys_brk(unsigned long brk);
long sys_mremap(unsigned long addr, unsigned long old_len, unsigned long new_len,
		unsigned long flags, unsigned long new_addr);
long sys_madvise(unsigned long start, size_t len, int advice);
long sys_mlock(unsigned long start, size_t len);
long sys_mlockall(int flags);
long sys_msync(unsigned long start, size_t len, int flags);

static int setup(void)
{
	mm_test_setup(4096);
	return 0;
}

static unsigned long map_anon(struct mm_struct *mm, unsigned long addr,
			      unsigned long len, unsigned long prot, unsigned long flags)
{
	return do_mmap(mm, NULL, addr, len, prot, ANON | flags, 0);
}

/* Number of VMAs, checked against map_count. */
static int vma_count(struct ktest *t, struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	int n = 0;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		n++;
	KEXPECT_EQ(t, n, mm->map_count);
	return n;
}

static void vma_find(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct vm_area_struct *vma;

	KEXPECT_EQ(t, map_anon(mm, BASE, 3 * P, RW, MAP_FIXED), BASE);
	KEXPECT_EQ(t, map_anon(mm, BASE + 10 * P, P, PROT_READ, MAP_FIXED), BASE + 10 * P);
	vma = find_vma(mm, BASE - 1);
	KEXPECT_TRUE(t, vma && vma->vm_start == BASE && vma->vm_end == BASE + 3 * P);
	vma = find_vma(mm, BASE + 3 * P);	/* in the hole: the next one */
	KEXPECT_TRUE(t, vma && vma->vm_start == BASE + 10 * P);
	KEXPECT_TRUE(t, find_vma(mm, BASE + 11 * P) == NULL);
	KEXPECT_TRUE(t, find_vma(mm, BASE + 2 * P + 5)->vm_start == BASE);
	KEXPECT_EQ(t, mm->total_vm, 4);
	mmput(mm);
}

static void vma_placement(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned long a, b, c;

	a = map_anon(mm, 0, 5 * P, RW, 0);
	b = map_anon(mm, 0, P, RW, 0);
	KEXPECT_EQ(t, a, mm->mmap_base - 5 * P);
	KEXPECT_EQ(t, b, a - P);
	/* adjacent anonymous mappings with equal flags merge */
	KEXPECT_EQ(t, vma_count(t, mm), 1);
	/* a free hint is honoured, an occupied one is not */
	c = map_anon(mm, BASE + 3, P, RW, 0);
	KEXPECT_EQ(t, c, BASE + P);
	c = map_anon(mm, a, P, RW, 0);
	KEXPECT_NE(t, c, a);
	KEXPECT_FALSE(t, IS_ERR_VALUE(c));
	c = map_anon(mm, 0, 8 * P, RW, MAP_32BIT);
	KEXPECT_TRUE(t, c >= 0x40000000UL && c + 8 * P <= 0x80000000UL);
	mmput(mm);
}

static void vma_mmap_errors(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct fake_file ro;

	KEXPECT_EQ(t, map_anon(mm, 0, 0, RW, 0), -EINVAL);
	KEXPECT_EQ(t, do_mmap(mm, NULL, 0, P, RW, MAP_ANONYMOUS, 0), -EINVAL);
	KEXPECT_EQ(t, map_anon(mm, BASE + 1, P, RW, MAP_FIXED), -EINVAL);
	KEXPECT_EQ(t, map_anon(mm, TASK_SIZE - P, 2 * P, RW, MAP_FIXED), -ENOMEM);
	KEXPECT_EQ(t, map_anon(mm, 0, -P, RW, 0), -ENOMEM);
	KEXPECT_EQ(t, map_anon(mm, 0, P, 0x100, 0), -EINVAL);
	KEXPECT_EQ(t, map_anon(mm, BASE, 2 * P, RW, MAP_FIXED), BASE);
	KEXPECT_EQ(t, map_anon(mm, BASE + P, P, RW, MAP_FIXED_NOREPLACE), -EEXIST);
	KEXPECT_EQ(t, map_anon(mm, BASE + 2 * P, P, RW, MAP_FIXED_NOREPLACE), BASE + 2 * P);
	fake_file_init(&ro, 3 * P, FMODE_READ);
	KEXPECT_EQ(t, do_mmap(mm, &ro.file, 0, P, RW, MAP_SHARED, 0), -EACCES);
	KEXPECT_FALSE(t, IS_ERR_VALUE(do_mmap(mm, &ro.file, 0, P, RW, MAP_PRIVATE, 0)));
	KEXPECT_EQ(t, ro.file.f_count, 2);
	ro.file.f_mode = FMODE_WRITE;
	KEXPECT_EQ(t, do_mmap(mm, &ro.file, 0, P, PROT_READ, MAP_PRIVATE, 0), -EACCES);
	mmput(mm);
	KEXPECT_EQ(t, ro.file.f_count, 1);
}

static void vma_munmap_middle(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct vm_area_struct *vma;
	unsigned long before;
	int code;

	map_anon(mm, BASE, 10 * P, RW, MAP_FIXED);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 4 * P, FAULT_WRITE, &code), 0);
	before = nr_free_pages();
	host_log_reset(mm);
	KEXPECT_EQ(t, do_munmap(mm, BASE + 3 * P, 3 * P), 0);
	KEXPECT_EQ(t, vma_count(t, mm), 2);
	vma = find_vma(mm, BASE);
	KEXPECT_TRUE(t, vma->vm_start == BASE && vma->vm_end == BASE + 3 * P);
	vma = find_vma(mm, BASE + 3 * P);
	KEXPECT_TRUE(t, vma->vm_start == BASE + 6 * P && vma->vm_end == BASE + 10 * P);
	KEXPECT_EQ(t, vma->vm_pgoff, (BASE >> PAGE_SHIFT) + 6);
	/* the three pages fault-around allocated in the hole went back */
	KEXPECT_EQ(t, nr_free_pages(), before + 3);
	KEXPECT_TRUE(t, pte_lookup(mm, BASE + 4 * P) && !*pte_lookup(mm, BASE + 4 * P));
	tlb_flush(mm);
	KEXPECT_EQ(t, host_log_len, 1);
	KEXPECT_TRUE(t, host_log[0].kind == STUB_OP_MUNMAP && host_log[0].addr == BASE + 3 * P &&
		     host_log[0].len == 3 * P);
	KEXPECT_EQ(t, mm->total_vm, 7);
	/* unmapping a range spanning both pieces and a hole */
	KEXPECT_EQ(t, do_munmap(mm, BASE + 2 * P, 6 * P), 0);
	KEXPECT_EQ(t, vma_count(t, mm), 2);
	KEXPECT_EQ(t, find_vma(mm, BASE + 2 * P)->vm_start, BASE + 8 * P);
	KEXPECT_EQ(t, do_munmap(mm, BASE + 1, P), -EINVAL);
	KEXPECT_EQ(t, do_munmap(mm, BASE, 0), -EINVAL);
	KEXPECT_EQ(t, do_munmap(mm, 0x70000000UL, P), 0);
	mmput(mm);
}

static void vma_mprotect_middle(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct vm_area_struct *vma;
	int code, i;

	map_anon(mm, BASE, 10 * P, RW, MAP_FIXED);
	for (i = 0; i < 10; i++)
		handle_mm_fault(mm, BASE + i * P, FAULT_WRITE, &code);
	host_log_reset(mm);
	KEXPECT_EQ(t, do_mprotect(mm, BASE + 4 * P, 3 * P, PROT_READ), 0);
	KEXPECT_EQ(t, vma_count(t, mm), 3);
	vma = find_vma(mm, BASE + 5 * P);
	KEXPECT_TRUE(t, vma->vm_start == BASE + 4 * P && vma->vm_end == BASE + 7 * P);
	KEXPECT_EQ(t, vma->vm_flags & (VM_READ | VM_WRITE), VM_READ);
	KEXPECT_FALSE(t, *pte_lookup(mm, BASE + 5 * P) & PTE_WRITE);
	KEXPECT_TRUE(t, *pte_lookup(mm, BASE + 3 * P) & PTE_WRITE);
	tlb_flush(mm);
	KEXPECT_EQ(t, host_log_len, 1);
	KEXPECT_TRUE(t, host_log[0].kind == STUB_OP_MPROTECT && host_log[0].addr == BASE + 4 * P &&
		     host_log[0].len == 3 * P && host_log[0].prot == PROT_READ);
	/* a write there is now refused */
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 5 * P, FAULT_WRITE, &code), -EFAULT);
	KEXPECT_EQ(t, code, SEGV_ACCERR);
	/* and back: the three VMAs merge into one */
	KEXPECT_EQ(t, do_mprotect(mm, BASE + 4 * P, 3 * P, RW), 0);
	KEXPECT_EQ(t, vma_count(t, mm), 1);
	KEXPECT_TRUE(t, *pte_lookup(mm, BASE + 5 * P) & PTE_WRITE);
	/* errors */
	KEXPECT_EQ(t, do_mprotect(mm, BASE + 1, P, RW), -EINVAL);
	KEXPECT_EQ(t, do_mprotect(mm, BASE + 8 * P, 4 * P, RW), -ENOMEM);
	KEXPECT_EQ(t, do_mprotect(mm, BASE, P, 0x80), -EINVAL);
	KEXPECT_EQ(t, do_mprotect(mm, BASE, 0, RW), 0);
	KEXPECT_EQ(t, do_mprotect(mm, BASE, P, PROT_NONE), 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_READ, &code), -EFAULT);
	KEXPECT_EQ(t, vma_count(t, mm), 2);
	mmput(mm);
}

static void vma_fixed_replaces(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned char *k;
	int code;

	map_anon(mm, BASE, 4 * P, RW, MAP_FIXED);
	handle_mm_fault(mm, BASE + P, FAULT_WRITE, &code);
	k = user_page_kaddr(mm, BASE + P, true);
	*k = 0x77;
	KEXPECT_EQ(t, map_anon(mm, BASE + P, P, PROT_READ, MAP_FIXED), BASE + P);
	KEXPECT_EQ(t, vma_count(t, mm), 3);
	k = user_page_kaddr(mm, BASE + P, false);
	KEXPECT_TRUE(t, k && *k == 0);
	mmput(mm);
}

static void vma_brk(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned long start = BASE + 0x123;

	map_anon(mm, BASE, P, RW, MAP_FIXED);	/* "bss" */
	mm_setup_brk(mm, start);
	KEXPECT_EQ(t, sys_brk(0), start);
	KEXPECT_EQ(t, sys_brk(start + 100), start + 100);
	KEXPECT_EQ(t, vma_count(t, mm), 1);		/* still inside the bss page */
	KEXPECT_EQ(t, sys_brk(start + 5 * P), start + 5 * P);
	KEXPECT_EQ(t, vma_count(t, mm), 1);		/* heap merged with bss */
	KEXPECT_EQ(t, find_vma(mm, BASE)->vm_end, PAGE_ALIGN(start + 5 * P));
	KEXPECT_EQ(t, sys_brk(start + 2 * P), start + 2 * P);
	KEXPECT_EQ(t, find_vma(mm, BASE)->vm_end, PAGE_ALIGN(start + 2 * P));
	/* something in the way: brk stays */
	map_anon(mm, BASE + 10 * P, P, RW, MAP_FIXED);
	KEXPECT_EQ(t, sys_brk(start + 20 * P), start + 2 * P);
	KEXPECT_EQ(t, sys_brk(start - 1), start + 2 * P);
	mmput(mm);
}

static void vma_mremap(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned long a, b;
	unsigned char *k;
	int code;

	a = map_anon(mm, BASE, 2 * P, RW, MAP_FIXED);
	handle_mm_fault(mm, a + P, FAULT_WRITE, &code);
	*(unsigned char *)user_page_kaddr(mm, a + P, true) = 0x5c;
	/* grow in place */
	KEXPECT_EQ(t, sys_mremap(a, 2 * P, 4 * P, 0, 0), a);
	KEXPECT_EQ(t, find_vma(mm, a)->vm_end, a + 4 * P);
	/* blocked: fail without MAYMOVE, move with it */
	map_anon(mm, a + 4 * P, P, PROT_READ, MAP_FIXED);
	KEXPECT_EQ(t, sys_mremap(a, 4 * P, 8 * P, 0, 0), -ENOMEM);
	b = sys_mremap(a, 4 * P, 8 * P, MREMAP_MAYMOVE, 0);
	KEXPECT_FALSE(t, IS_ERR_VALUE(b));
	KEXPECT_NE(t, a, b);
	k = user_page_kaddr(mm, b + P, false);
	KEXPECT_TRUE(t, k && *k == 0x5c);
	KEXPECT_TRUE(t, find_vma(mm, a)->vm_start == a + 4 * P);	/* old range is gone */
	/* fixed move, and shrink */
	KEXPECT_EQ(t, sys_mremap(b, 8 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, BASE + 100 * P),
		   BASE + 100 * P);
	k = user_page_kaddr(mm, BASE + 101 * P, false);
	KEXPECT_TRUE(t, k && *k == 0x5c);
	KEXPECT_EQ(t, find_vma(mm, BASE + 100 * P)->vm_end, BASE + 102 * P);
	KEXPECT_EQ(t, sys_mremap(BASE + 100 * P, 2 * P, P, 0, 0), BASE + 100 * P);
	/* errors */
	KEXPECT_EQ(t, sys_mremap(BASE + 50 * P, P, 2 * P, MREMAP_MAYMOVE, 0), -EFAULT);
	KEXPECT_EQ(t, sys_mremap(BASE + 100 * P, P, 2 * P, MREMAP_FIXED, BASE), -EINVAL);
	KEXPECT_EQ(t, sys_mremap(BASE + 100 * P + 1, P, 2 * P, 0, 0), -EINVAL);
	KEXPECT_EQ(t, sys_mremap(BASE + 100 * P, P, 0, 0, 0), -EINVAL);
	mmput(mm);
}

static void vma_madvise(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct vm_area_struct *vma;
	unsigned char *k;
	int code;

	map_anon(mm, BASE, 4 * P, RW, MAP_FIXED);
	handle_mm_fault(mm, BASE, FAULT_WRITE, &code);
	k = user_page_kaddr(mm, BASE, true);
	*k = 9;
	KEXPECT_EQ(t, sys_madvise(BASE, P, MADV_DONTNEED), 0);
	KEXPECT_EQ(t, *pte_lookup(mm, BASE), 0);
	k = user_page_kaddr(mm, BASE, false);
	KEXPECT_TRUE(t, k && *k == 0);
	KEXPECT_EQ(t, sys_madvise(BASE, P, MADV_WILLNEED), 0);
	KEXPECT_EQ(t, sys_madvise(BASE, P, 12345), -EINVAL);
	KEXPECT_EQ(t, sys_madvise(BASE + 1, P, MADV_NORMAL), -EINVAL);
	KEXPECT_EQ(t, sys_madvise(BASE, 8 * P, MADV_NORMAL), -ENOMEM);
	KEXPECT_EQ(t, sys_madvise(BASE + P, P, MADV_DONTFORK), 0);
	vma = find_vma(mm, BASE + P);
	KEXPECT_TRUE(t, vma->vm_start == BASE + P && vma->vm_end == BASE + 2 * P &&
		     (vma->vm_flags & VM_DONTCOPY));
	KEXPECT_EQ(t, sys_madvise(BASE + P, P, MADV_DOFORK), 0);
	KEXPECT_EQ(t, vma_count(t, mm), 1);
	mmput(mm);
}

static void vma_lock_ranges(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();

	map_anon(mm, BASE, 4 * P, RW, MAP_FIXED);
	KEXPECT_EQ(t, sys_mlock(BASE + 10, 2 * P), 0);
	KEXPECT_EQ(t, sys_mlock(BASE + 3 * P, 2 * P), -ENOMEM);
	KEXPECT_EQ(t, sys_mlockall(0), -EINVAL);
	KEXPECT_EQ(t, sys_mlockall(MCL_CURRENT), 0);
	KEXPECT_EQ(t, sys_msync(BASE, P, MS_SYNC | MS_ASYNC), -EINVAL);
	KEXPECT_EQ(t, sys_msync(BASE, P, MS_SYNC), 0);
	KEXPECT_EQ(t, sys_msync(BASE + 4 * P, P, MS_SYNC), -ENOMEM);
	mmput(mm);
}

/* A full create/populate/destroy cycle gives every page back. */
static void vma_mmput_frees_all(struct ktest *t)
{
	struct mm_struct *mm;
	unsigned long before;
	int i, code;

	for (i = 0; i < 2; i++) {
		before = nr_free_pages();
		mm = mm_test_new();
		map_anon(mm, BASE, 64 * P, RW, MAP_FIXED);
		map_anon(mm, BASE + 0x40000000UL, 3 * P, RW, MAP_FIXED);
		handle_mm_fault(mm, BASE + 17 * P, FAULT_WRITE, &code);
		handle_mm_fault(mm, BASE + 0x40000000UL, FAULT_READ, &code);
		KEXPECT_TRUE(t, mm->rss > 16);
		mmput(mm);
	}
	KEXPECT_EQ(t, nr_free_pages(), before);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(vma_find),
	KTEST_CASE(vma_placement),
	KTEST_CASE(vma_mmap_errors),
	KTEST_CASE(vma_munmap_middle),
	KTEST_CASE(vma_mprotect_middle),
	KTEST_CASE(vma_fixed_replaces),
	KTEST_CASE(vma_brk),
	KTEST_CASE(vma_mremap),
	KTEST_CASE(vma_madvise),
	KTEST_CASE(vma_lock_ranges),
	KTEST_CASE(vma_mmput_frees_all),
	{}
};
KTEST_SUITE_INIT(mm_vma, cases, setup);
