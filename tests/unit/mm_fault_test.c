// SPDX-License-Identifier: GPL-2.0
/*
 * Faults, fault-around (allocation, the wider map-around window, reuse of
 * copy-on-write pages), copy-on-write across dup_mm, stack growth, file
 * and shared mappings, uaccess, the page cache and the host TLB batches
 * (checked through the ops the recording engine saw).
 */
#include <umk/sched.h>
#include <umk/uaccess.h>
#include "ktest.h"
#include "mm_stubs.h"
#include "../../mm/internal.h"

#define P	PAGE_SIZE
#define BASE	0x10000000UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)
#define FA	CONFIG_FAULT_AROUND_PAGES

long sys_msync(unsigned long start, size_t len, int flags);

static int setup(void)
{
	mm_test_setup(8192);
	return 0;
}

static unsigned long map_anon(struct mm_struct *mm, unsigned long addr,
			      unsigned long len, unsigned long prot, unsigned long flags)
{
	return do_mmap(mm, NULL, addr, len, prot, ANON | MAP_FIXED | flags, 0);
}

static pte_t pte_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *p = pte_lookup(mm, addr);

	return p ? *p : 0;
}

static unsigned char *kbyte(struct mm_struct *mm, unsigned long addr, bool write)
{
	return user_page_kaddr(mm, addr, write);
}

static void fault_demand_zero_around(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned long i, contiguous = 0;
	int code;

	map_anon(mm, BASE, 64 * P, RW, 0);
	host_log_reset(mm);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 5 * P + 17, FAULT_READ, &code), 0);
	KEXPECT_EQ(t, mm->rss, FA);
	for (i = 0; i < FA; i++) {
		pte_t pte = pte_at(mm, BASE + i * P);

		KEXPECT_TRUE(t, pte_present(pte) && (pte & PTE_WRITE) && (pte & PTE_MAPPED));
		contiguous += pte_phys(pte) == pte_phys(pte_at(mm, BASE)) + i * P;
	}
	KEXPECT_EQ(t, contiguous, FA);
	KEXPECT_FALSE(t, pte_present(pte_at(mm, BASE + FA * P)));
	KEXPECT_EQ(t, *kbyte(mm, BASE + 5 * P + 17, false), 0);
	tlb_flush(mm);
	KEXPECT_EQ(t, host_log_len, 1);
	KEXPECT_TRUE(t, host_log[0].kind == STUB_OP_MMAP && host_log[0].addr == BASE &&
		     host_log[0].len == FA * P && host_log[0].prot == RW &&
		     host_log[0].offset == pte_phys(pte_at(mm, BASE)));
	mmput(mm);
}

static void fault_around_clipped(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	int code;

	map_anon(mm, BASE + P, 3 * P, RW, 0);
	map_anon(mm, BASE + 4 * P, 3 * P, PROT_READ, 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 2 * P, FAULT_WRITE, &code), 0);
	KEXPECT_EQ(t, mm->rss, 3);
	KEXPECT_EQ(t, pte_at(mm, BASE), 0);
	KEXPECT_EQ(t, pte_at(mm, BASE + 4 * P), 0);
	/* a read-only VMA gets read-only pages */
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 4 * P, FAULT_READ, &code), 0);
	KEXPECT_FALSE(t, pte_at(mm, BASE + 5 * P) & PTE_WRITE);
	mmput(mm);
}

static void fault_errors(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	int code = 0;

	map_anon(mm, BASE, P, PROT_READ, 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + P, FAULT_READ, &code), -EFAULT);
	KEXPECT_EQ(t, code, SEGV_MAPERR);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_WRITE, &code), -EFAULT);
	KEXPECT_EQ(t, code, SEGV_ACCERR);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_EXEC, &code), -EFAULT);
	KEXPECT_EQ(t, code, SEGV_ACCERR);
	KEXPECT_EQ(t, handle_mm_fault(mm, TASK_SIZE + P, FAULT_READ, &code), -EFAULT);
	KEXPECT_EQ(t, code, SEGV_MAPERR);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_READ, &code), 0);
	/* unknown access to a page the host maps with all the VMA allows */
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, 0, &code), -EFAULT);
	KEXPECT_EQ(t, code, SEGV_ACCERR);
	map_anon(mm, BASE + P, P, RW, 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + P, 0, &code), 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + P, 0, &code), -EFAULT);
	map_anon(mm, BASE + 2 * P, P, RW | PROT_EXEC, 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 2 * P, 0, &code), 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 2 * P, 0, &code), 0);	/* spurious */
	mmput(mm);
}

static void fault_cow_after_fork(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	unsigned long pa_parent;
	struct page *page;
	int code, i, mprotects = 0;

	map_anon(parent, BASE, 4 * P, RW, 0);
	handle_mm_fault(parent, BASE, FAULT_WRITE, &code);
	*kbyte(parent, BASE + 10, true) = 0xaa;
	pa_parent = pte_phys(pte_at(parent, BASE));
	host_log_reset(parent);

	child = dup_mm(parent);
	KEXPECT_TRUE(t, child != NULL);
	page = phys_to_page(pa_parent);
	KEXPECT_EQ(t, page->refcount, 2);
	KEXPECT_EQ(t, page->mapcount, 2);
	KEXPECT_FALSE(t, pte_at(parent, BASE) & PTE_WRITE);
	KEXPECT_FALSE(t, pte_at(child, BASE) & (PTE_WRITE | PTE_MAPPED));
	KEXPECT_EQ(t, child->rss, parent->rss);
	/* the parent's host mappings were write-protected, in one op */
	tlb_flush(parent);
	for (i = 0; i < host_log_len; i++)
		mprotects += host_log[i].kind == STUB_OP_MPROTECT &&
			     host_log[i].prot == PROT_READ && host_log[i].addr == BASE &&
			     host_log[i].len == 4 * P;
	KEXPECT_EQ(t, mprotects, 1);

	/* the child writes: it gets its own copy */
	KEXPECT_EQ(t, handle_mm_fault(child, BASE + 10, FAULT_WRITE, &code), 0);
	KEXPECT_NE(t, pte_phys(pte_at(child, BASE)), pa_parent);
	KEXPECT_EQ(t, *kbyte(child, BASE + 10, false), 0xaa);
	*kbyte(child, BASE + 10, true) = 0xbb;
	KEXPECT_EQ(t, *kbyte(parent, BASE + 10, false), 0xaa);
	KEXPECT_EQ(t, page->refcount, 1);
	/* the parent is the last user: a write reuses the page */
	KEXPECT_EQ(t, handle_mm_fault(parent, BASE + 10, FAULT_WRITE, &code), 0);
	KEXPECT_EQ(t, pte_phys(pte_at(parent, BASE)), pa_parent);
	KEXPECT_TRUE(t, pte_at(parent, BASE) & PTE_WRITE);
	mmput(child);
	mmput(parent);
}

/* After fork, the child's first touch maps the whole window into its host. */
static void fault_child_maps_window(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	int code;

	map_anon(parent, BASE, FA * P, RW, 0);
	handle_mm_fault(parent, BASE, FAULT_WRITE, &code);
	child = dup_mm(parent);
	host_log_reset(child);
	KEXPECT_EQ(t, handle_mm_fault(child, BASE + 3 * P, 0, &code), 0);
	tlb_flush(child);
	KEXPECT_EQ(t, host_log_len, 1);
	KEXPECT_TRUE(t, host_log[0].kind == STUB_OP_MMAP && host_log[0].addr == BASE &&
		     host_log[0].len == FA * P && host_log[0].prot == PROT_READ);
	/* unknown access on a mapped read-only PTE of a writable VMA: a write */
	KEXPECT_EQ(t, handle_mm_fault(child, BASE + 3 * P, 0, &code), 0);
	KEXPECT_TRUE(t, pte_at(child, BASE + 3 * P) & PTE_WRITE);
	KEXPECT_NE(t, pte_phys(pte_at(child, BASE + 3 * P)), pte_phys(pte_at(parent, BASE + 3 * P)));
	mmput(child);
	mmput(parent);
}

/* Host ops of kind in the log, and the pages they cover. */
static int logged(unsigned int kind, int prot, unsigned long *pages)
{
	int i, n = 0;

	*pages = 0;
	for (i = 0; i < host_log_len; i++) {
		if (host_log[i].kind != kind || (prot >= 0 && host_log[i].prot != (unsigned int)prot))
			continue;
		n++;
		*pages += host_log[i].len / P;
	}
	return n;
}

/*
 * Once the child is gone, the parent's first write to a copy-on-write
 * page takes over every exclusive one of the private writable VMAs in its
 * page table, in one batch; pages still shared stay read-only.
 */
static void fault_cow_reuse_around(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	unsigned long i, pages, writable = 0;
	int code, n;

	map_anon(parent, BASE, 8 * P, RW, 0);
	map_anon(parent, BASE + 8 * P, 8 * P, RW | PROT_EXEC, 0);
	map_anon(parent, BASE + 16 * P, 8 * P, PROT_READ, 0);
	for (i = 0; i < 24; i++)
		handle_mm_fault(parent, BASE + i * P, i < 16 ? FAULT_WRITE : FAULT_READ, &code);
	child = dup_mm(parent);
	/* the child copies page 1: the parent's page 1 is its own again */
	*kbyte(child, BASE + P, true) = 1;
	KEXPECT_EQ(t, handle_mm_fault(parent, BASE + P, FAULT_WRITE, &code), 0);
	for (i = 0; i < 24; i++)
		writable += !!(pte_at(parent, BASE + i * P) & PTE_WRITE);
	KEXPECT_EQ(t, writable, 1);
	KEXPECT_TRUE(t, pte_at(parent, BASE + P) & PTE_WRITE);

	mmput(child);
	host_log_reset(parent);
	KEXPECT_EQ(t, handle_mm_fault(parent, BASE + 2 * P, FAULT_WRITE, &code), 0);
	for (i = 0, writable = 0; i < 24; i++)
		writable += !!(pte_at(parent, BASE + i * P) & PTE_WRITE);
	KEXPECT_EQ(t, writable, 16);
	KEXPECT_FALSE(t, pte_at(parent, BASE + 16 * P) & PTE_WRITE);
	tlb_flush(parent);
	KEXPECT_EQ(t, host_flushes, 1);
	/* pages 0 and 3-7, then 8-15: three ranges; page 2 is mapped afresh */
	n = logged(STUB_OP_MPROTECT, -1, &pages);
	KEXPECT_EQ(t, n, 3);
	KEXPECT_EQ(t, pages, 14);
	KEXPECT_EQ(t, logged(STUB_OP_MMAP, RW, &pages), 1);
	KEXPECT_EQ(t, pages, 1);
	mmput(parent);
}

/*
 * A child's first fault maps the present pages of the VMAs around it, not
 * only its own fault-around window; a page the parent has copied since
 * the fork is the child's alone and is mapped writable.
 */
static void fault_child_maps_around(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	unsigned long i, mapped = 0, pages;
	int code;

	map_anon(parent, BASE, 4 * P, RW, 0);
	map_anon(parent, BASE + 100 * P, 4 * P, PROT_READ, 0);
	map_anon(parent, BASE + 300 * P, 4 * P, RW, 0);
	handle_mm_fault(parent, BASE, FAULT_WRITE, &code);
	handle_mm_fault(parent, BASE + 100 * P, FAULT_READ, &code);
	handle_mm_fault(parent, BASE + 300 * P, FAULT_WRITE, &code);
	child = dup_mm(parent);
	KEXPECT_EQ(t, handle_mm_fault(parent, BASE + 301 * P, FAULT_WRITE, &code), 0);
	host_log_reset(child);
	KEXPECT_EQ(t, handle_mm_fault(child, BASE + 2 * P, 0, &code), 0);
	for (i = 0; i < 4; i++)
		mapped += !!(pte_at(child, BASE + i * P) & PTE_MAPPED) +
			  !!(pte_at(child, BASE + (100 + i) * P) & PTE_MAPPED) +
			  !!(pte_at(child, BASE + (300 + i) * P) & PTE_MAPPED);
	KEXPECT_EQ(t, mapped, MAP_AROUND_PAGES >= 512 ? 12 : 4);
	if (MAP_AROUND_PAGES >= 512) {
		KEXPECT_TRUE(t, pte_at(child, BASE + 301 * P) & PTE_WRITE);
		KEXPECT_FALSE(t, pte_at(child, BASE + 300 * P) & PTE_WRITE);
	}
	tlb_flush(child);
	KEXPECT_EQ(t, host_flushes, 1);
	KEXPECT_EQ(t, logged(STUB_OP_MMAP, -1, &pages), MAP_AROUND_PAGES >= 512 ? 5 : 1);
	KEXPECT_EQ(t, pages, mapped);
	mmput(child);
	mmput(parent);
}

/*
 * Beyond the fault-around window the map-around window spends at most
 * MAP_AROUND_OPS host ops; the faulting page is mapped whatever the cost.
 */
static void fault_around_budget(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	unsigned long i, n = min(200, MAP_AROUND_PAGES / 2), mapped = 0, want;
	int code;

	for (i = 0; i < n; i++) {
		map_anon(parent, BASE + 2 * i * P, P, RW, 0);
		handle_mm_fault(parent, BASE + 2 * i * P, FAULT_WRITE, &code);
	}
	child = dup_mm(parent);
	host_log_reset(child);
	KEXPECT_EQ(t, handle_mm_fault(child, BASE + 2 * (n - 1) * P, FAULT_READ, &code), 0);
	for (i = 0; i < n; i++)
		mapped += !!(pte_at(child, BASE + 2 * i * P) & PTE_MAPPED);
	want = min(n - 1, MAP_AROUND_OPS) + 1;
	KEXPECT_EQ(t, mapped, want);
	KEXPECT_TRUE(t, pte_at(child, BASE + 2 * (n - 1) * P) & PTE_MAPPED);
	tlb_flush(child);
	KEXPECT_EQ(t, host_log_len, want);
	mmput(child);
	mmput(parent);
}

/*
 * Text after exec: the file is in the page cache, so one fault maps the
 * cached pages of the map-around window, across the VMAs of the file
 * (ELF header, text, rodata), read-only, within the op budget.
 */
static void fault_cached_file_around(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned long i, present = 0, pages, n = min(300, MAP_AROUND_PAGES);
	struct fake_file ff;
	int code;

	fake_file_init(&ff, 300 * P, FMODE_READ);
	for (i = 0; i < 300; i++)
		put_page(read_mapping_page(&ff.inode.i_data, i, &ff.file));
	do_mmap(mm, &ff.file, BASE, P, PROT_READ, MAP_PRIVATE | MAP_FIXED, 0);
	do_mmap(mm, &ff.file, BASE + P, 199 * P, PROT_READ | PROT_EXEC,
		MAP_PRIVATE | MAP_FIXED, 1);
	do_mmap(mm, &ff.file, BASE + 200 * P, 100 * P, PROT_READ, MAP_PRIVATE | MAP_FIXED, 200);
	host_log_reset(mm);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 5 * P, FAULT_READ, &code), 0);
	for (i = 0; i < 300; i++)
		present += !!(pte_at(mm, BASE + i * P) & PTE_MAPPED);
	KEXPECT_EQ(t, present, n);
	KEXPECT_EQ(t, ff.reads, 300);
	KEXPECT_FALSE(t, pte_at(mm, BASE + 250 * P) & PTE_WRITE);
	KEXPECT_EQ(t, pte_page(pte_at(mm, BASE + 250 * P)), find_get_page(&ff.inode.i_data, 250));
	put_page(pte_page(pte_at(mm, BASE + 250 * P)));
	tlb_flush(mm);
	KEXPECT_TRUE(t, logged(STUB_OP_MMAP, -1, &pages) <= MAP_AROUND_OPS + 1);
	KEXPECT_EQ(t, pages, n);
	mmput(mm);
	truncate_inode_pages(&ff.inode.i_data, 0);
}

/*
 * Cache lookups give up after MAP_CACHE_MISSES misses in a row.  The
 * fault reads its fault-around window ahead; after it, near is found
 * after one miss fewer than the limit, far after as many as the limit.
 */
static void fault_cached_sparse(struct ktest *t)
{
	unsigned long near = FA + MAP_CACHE_MISSES - 1, far = near + MAP_CACHE_MISSES + 1;
	struct mm_struct *mm = mm_test_new();
	struct fake_file ff;
	int code;

	fake_file_init(&ff, 512 * P, FMODE_READ);
	put_page(read_mapping_page(&ff.inode.i_data, near, &ff.file));
	put_page(read_mapping_page(&ff.inode.i_data, far, &ff.file));
	do_mmap(mm, &ff.file, BASE, 512 * P, PROT_READ, MAP_PRIVATE | MAP_FIXED, 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_READ, &code), 0);
	KEXPECT_TRUE(t, pte_present(pte_at(mm, BASE + (FA - 1) * P)));
	KEXPECT_FALSE(t, pte_present(pte_at(mm, BASE + FA * P)));
	KEXPECT_EQ(t, !!pte_present(pte_at(mm, BASE + near * P)), near < MAP_AROUND_PAGES);
	KEXPECT_FALSE(t, pte_present(pte_at(mm, BASE + far * P)));
	mmput(mm);
	truncate_inode_pages(&ff.inode.i_data, 0);
}

static void fault_dontcopy(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	struct vm_area_struct *vma;

	map_anon(parent, BASE, P, RW, 0);
	map_anon(parent, BASE + 2 * P, P, RW, 0);
	find_vma(parent, BASE)->vm_flags |= VM_DONTCOPY;
	child = dup_mm(parent);
	vma = find_vma(child, 0);
	KEXPECT_TRUE(t, vma && vma->vm_start == BASE + 2 * P);
	KEXPECT_EQ(t, child->map_count, 1);
	mmput(child);
	mmput(parent);
}

static void fault_stack_growth(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned long top = 0x7f0000000000UL, start = top - 32 * P;
	struct vm_area_struct *vma;
	int code;

	KEXPECT_EQ(t, mm_setup_stack(mm, top, 32 * P), 0);
	vma = find_vma(mm, start);
	KEXPECT_TRUE(t, vma && vma->vm_start == start && (vma->vm_flags & VM_GROWSDOWN));
	KEXPECT_EQ(t, handle_mm_fault(mm, start - 10 * P - 8, FAULT_WRITE, &code), 0);
	KEXPECT_EQ(t, vma->vm_start, start - 11 * P);
	KEXPECT_TRUE(t, pte_present(pte_at(mm, start - 11 * P)));
	KEXPECT_EQ(t, handle_mm_fault(mm, start - (200UL << 20), FAULT_WRITE, &code), -EFAULT);
	KEXPECT_EQ(t, code, SEGV_MAPERR);
	/* a mapping just below blocks growth into the guard gap */
	map_anon(mm, start - 20 * P - P, P, RW, 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, start - 15 * P, FAULT_WRITE, &code), -EFAULT);
	mmput(mm);
}

static void fault_file_private(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct fake_file ff;
	struct page *cached;
	unsigned char *k;
	int code;

	fake_file_init(&ff, 3 * P + 100, FMODE_READ);
	KEXPECT_EQ(t, do_mmap(mm, &ff.file, BASE, 5 * P, RW, MAP_PRIVATE | MAP_FIXED, 0), BASE);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 1, FAULT_READ, &code), 0);
	/* readahead fetched the window up to EOF, fault-around mapped it */
	KEXPECT_EQ(t, ff.reads, 4);
	KEXPECT_TRUE(t, pte_present(pte_at(mm, BASE + 3 * P)));
	KEXPECT_FALSE(t, pte_present(pte_at(mm, BASE + 4 * P)));
	KEXPECT_EQ(t, pte_phys(pte_at(mm, BASE + 3 * P)), pte_phys(pte_at(mm, BASE)) + 3 * P);
	cached = find_get_page(&ff.inode.i_data, 0);
	KEXPECT_TRUE(t, cached && pte_page(pte_at(mm, BASE)) == cached);
	KEXPECT_FALSE(t, pte_at(mm, BASE) & PTE_WRITE);
	KEXPECT_EQ(t, *kbyte(mm, BASE + 1, false), fake_byte(1));
	/* a write copies; the cache keeps the file's bytes */
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 1, FAULT_WRITE, &code), 0);
	KEXPECT_TRUE(t, pte_page(pte_at(mm, BASE)) != cached);
	k = kbyte(mm, BASE + 1, true);
	KEXPECT_EQ(t, *k, fake_byte(1));
	*k = ~fake_byte(1);
	KEXPECT_EQ(t, ((unsigned char *)page_address(cached))[1], fake_byte(1));
	put_page(cached);
	/* the partial last page reads zero past EOF; beyond it is SIGBUS */
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 3 * P, FAULT_READ, &code), 0);
	KEXPECT_EQ(t, *kbyte(mm, BASE + 3 * P + 99, false), fake_byte(3 * P + 99));
	KEXPECT_EQ(t, *kbyte(mm, BASE + 3 * P + 100, false), 0);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + 4 * P, FAULT_READ, &code), -EIO);
	/* fault-around maps neighbours that are already cached */
	do_munmap(mm, BASE, 5 * P);
	KEXPECT_EQ(t, do_mmap(mm, &ff.file, BASE, 3 * P, PROT_READ, MAP_PRIVATE | MAP_FIXED, 0),
		   BASE);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE + P, FAULT_READ, &code), 0);
	KEXPECT_TRUE(t, pte_present(pte_at(mm, BASE)));
	mmput(mm);
	truncate_inode_pages(&ff.inode.i_data, 0);
	KEXPECT_EQ(t, ff.inode.i_data.nrpages, 0);
	KEXPECT_EQ(t, ff.file.f_count, 1);
}

static void fault_file_shared_dirty(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct fake_file ff;
	struct page *page;
	int code;

	fake_file_init(&ff, 2 * P, FMODE_READ | FMODE_WRITE);
	KEXPECT_EQ(t, do_mmap(mm, &ff.file, BASE, 2 * P, RW, MAP_SHARED | MAP_FIXED, 0), BASE);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_READ, &code), 0);
	KEXPECT_FALSE(t, pte_at(mm, BASE) & PTE_WRITE);
	page = pte_page(pte_at(mm, BASE));
	KEXPECT_FALSE(t, page->flags & PG_dirty);
	KEXPECT_EQ(t, handle_mm_fault(mm, BASE, FAULT_WRITE, &code), 0);
	KEXPECT_TRUE(t, pte_page(pte_at(mm, BASE)) == page);
	KEXPECT_TRUE(t, pte_at(mm, BASE) & PTE_WRITE);
	KEXPECT_TRUE(t, page->flags & PG_dirty);
	*kbyte(mm, BASE, true) = 0x42;
	KEXPECT_EQ(t, sys_msync(BASE, 2 * P, MS_SYNC), 0);
	KEXPECT_EQ(t, ff.writes, 1);
	KEXPECT_EQ(t, ff.written_byte0, 0x42);
	KEXPECT_FALSE(t, pte_at(mm, BASE) & PTE_WRITE);	/* tracking again */
	KEXPECT_EQ(t, sys_msync(BASE, 2 * P, MS_SYNC), 0);
	KEXPECT_EQ(t, ff.writes, 1);
	mmput(mm);
	truncate_inode_pages(&ff.inode.i_data, 0);
}

static void fault_shared_anon_fork(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	int code;

	KEXPECT_EQ(t, do_mmap(parent, NULL, BASE, 4 * P, RW,
			      MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, 0), BASE);
	handle_mm_fault(parent, BASE, FAULT_WRITE, &code);
	*kbyte(parent, BASE, true) = 1;
	child = dup_mm(parent);
	/* a page nobody touched before the fork is still shared */
	*kbyte(child, BASE + 3 * P, true) = 7;
	KEXPECT_EQ(t, *kbyte(parent, BASE + 3 * P, false), 7);
	*kbyte(parent, BASE, true) = 2;
	KEXPECT_EQ(t, *kbyte(child, BASE, false), 2);
	KEXPECT_TRUE(t, pte_at(child, BASE) & PTE_WRITE || !(pte_at(child, BASE) & PTE_MAPPED));
	mmput(parent);
	KEXPECT_EQ(t, *kbyte(child, BASE + 3 * P, false), 7);
	mmput(child);
}

static void uaccess_copies(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	char out[64], in[64];
	char __user *u = (char __user *)(BASE + P - 20);
	unsigned long v = 0;
	int i;

	map_anon(mm, BASE, 2 * P, RW, 0);
	map_anon(mm, BASE + 2 * P, P, PROT_READ, 0);
	for (i = 0; i < 64; i++)
		out[i] = i + 1;
	KEXPECT_EQ(t, copy_to_user(u, out, 40), 0);	/* across a page boundary */
	KEXPECT_EQ(t, copy_from_user(in, u, 40), 0);
	KEXPECT_EQ(t, memcmp(in, out, 40), 0);
	/* the read-only page: writes stop at its start */
	KEXPECT_EQ(t, copy_to_user((char __user *)(BASE + 2 * P - 8), out, 24), 16);
	KEXPECT_EQ(t, copy_from_user(in, (char __user *)(BASE + 3 * P - 8), 24), 16);
	KEXPECT_EQ(t, copy_to_user((char __user *)(TASK_SIZE - 8), out, 24), 24);
	KEXPECT_EQ(t, clear_user(u, 10), 0);
	KEXPECT_EQ(t, get_user(v, (unsigned long __user *)u), 0);
	KEXPECT_EQ(t, v, 0);
	KEXPECT_EQ(t, put_user(0x1122334455667788UL, (unsigned long __user *)u), 0);
	KEXPECT_EQ(t, get_user(v, (unsigned long __user *)u), 0);
	KEXPECT_EQ(t, v, 0x1122334455667788UL);
	KEXPECT_EQ(t, get_user(v, (unsigned long __user *)(BASE + 3 * P)), -EFAULT);
	mmput(mm);
}

static void uaccess_strings(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	char __user *u = (char __user *)(BASE + P - 3);
	char buf[16];

	map_anon(mm, BASE, 2 * P, RW, 0);
	copy_to_user(u, "hello", 6);
	KEXPECT_EQ(t, strncpy_from_user(buf, u, sizeof(buf)), 5);
	KEXPECT_STREQ(t, buf, "hello");
	KEXPECT_EQ(t, strncpy_from_user(buf, u, 3), 3);
	KEXPECT_EQ(t, strnlen_user(u, 100), 6);
	KEXPECT_EQ(t, strnlen_user(u, 4), 5);
	/* a string running into unmapped memory */
	copy_to_user((char __user *)(BASE + 2 * P - 4), "abcd", 4);
	KEXPECT_EQ(t, strncpy_from_user(buf, (char __user *)(BASE + 2 * P - 4), 16), -EFAULT);
	KEXPECT_EQ(t, strnlen_user((char __user *)(BASE + 2 * P - 4), 16), 0);
	mmput(mm);
}

static void uaccess_breaks_cow(struct ktest *t)
{
	struct mm_struct *parent = mm_test_new(), *child;
	unsigned char c = 0;

	map_anon(parent, BASE, P, RW, 0);
	put_user((unsigned char)5, (unsigned char __user *)BASE);
	child = dup_mm(parent);
	mm_test_use(child);
	KEXPECT_EQ(t, put_user((unsigned char)6, (unsigned char __user *)BASE), 0);
	mm_test_use(parent);
	KEXPECT_EQ(t, get_user(c, (unsigned char __user *)BASE), 0);
	KEXPECT_EQ(t, c, 5);
	mmput(child);
	mmput(parent);
}

static void uaccess_remote_force(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct fake_file ff;
	unsigned char b = 0x99, r = 0;
	struct page *cached;

	fake_file_init(&ff, P, FMODE_READ);
	do_mmap(mm, &ff.file, BASE, P, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, 0);
	KEXPECT_EQ(t, access_remote_vm(mm, BASE + 3, &r, 1, false), 1);
	KEXPECT_EQ(t, r, fake_byte(3));
	/* a debugger's write: private copy, still read-only */
	KEXPECT_EQ(t, access_remote_vm(mm, BASE + 3, &b, 1, true), 1);
	KEXPECT_EQ(t, access_remote_vm(mm, BASE + 3, &r, 1, false), 1);
	KEXPECT_EQ(t, r, 0x99);
	KEXPECT_FALSE(t, pte_at(mm, BASE) & PTE_WRITE);
	cached = find_get_page(&ff.inode.i_data, 0);
	KEXPECT_EQ(t, ((unsigned char *)page_address(cached))[3], fake_byte(3));
	put_page(cached);
	KEXPECT_EQ(t, access_remote_vm(mm, BASE + P - 1, &r, 4, false), 1);
	mmput(mm);
	truncate_inode_pages(&ff.inode.i_data, 0);
}

static void tlb_coalescing(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	unsigned long i;

	host_log_reset(mm);
	tlb_map_page(mm, BASE, 0x100000, RW);
	tlb_map_page(mm, BASE + P, 0x101000, RW);	/* continues */
	tlb_map_page(mm, BASE - P, 0x0ff000, RW);	/* continues downwards */
	tlb_map_page(mm, BASE + 2 * P, 0x200000, RW);	/* offset jumps */
	tlb_map_page(mm, BASE + 3 * P, 0x201000, PROT_READ);	/* prot differs */
	tlb_unmap(mm, BASE + 10 * P, P);
	tlb_unmap(mm, BASE + 11 * P, 2 * P);
	tlb_protect(mm, BASE, P, PROT_READ);
	tlb_protect(mm, BASE + P, P, PROT_READ);
	tlb_protect(mm, BASE + 2 * P, P, PROT_NONE);
	KEXPECT_EQ(t, host_flushes, 0);
	KEXPECT_EQ(t, tlb_flush(mm), 0);
	KEXPECT_EQ(t, host_flushes, 1);
	KEXPECT_EQ(t, host_log_len, 6);
	KEXPECT_TRUE(t, host_log[0].addr == BASE - P && host_log[0].len == 3 * P &&
		     host_log[0].offset == 0x0ff000);
	KEXPECT_TRUE(t, host_log[1].addr == BASE + 2 * P && host_log[1].len == P);
	KEXPECT_TRUE(t, host_log[2].prot == PROT_READ && host_log[2].offset == 0x201000);
	KEXPECT_TRUE(t, host_log[3].kind == STUB_OP_MUNMAP && host_log[3].len == 3 * P);
	KEXPECT_TRUE(t, host_log[4].kind == STUB_OP_MPROTECT && host_log[4].len == 2 * P);
	KEXPECT_TRUE(t, host_log[5].kind == STUB_OP_MPROTECT && host_log[5].prot == PROT_NONE);
	/* a full batch goes out by itself */
	host_log_reset(mm);
	for (i = 0; i < STUB_MAX_OPS + 5; i++)
		tlb_map_page(mm, BASE + 2 * i * P, 2 * i * P, RW);
	KEXPECT_EQ(t, host_flushes, 1);
	KEXPECT_EQ(t, host_log_len, STUB_MAX_OPS);
	tlb_flush(mm);
	KEXPECT_EQ(t, host_log_len, STUB_MAX_OPS + 5);
	KEXPECT_EQ(t, tlb_flush(mm), 0);
	KEXPECT_EQ(t, host_flushes, 2);
	mmput(mm);
}

static void pagecache_basics(struct ktest *t)
{
	struct mm_struct *mm = mm_test_new();
	struct fake_file ff;
	char __user *u = (char __user *)BASE;
	unsigned char buf[300];
	struct page *page;
	loff_t pos;
	int i, bad = 0;

	fake_file_init(&ff, 2 * P + 10, FMODE_READ);
	map_anon(mm, BASE, 4 * P, RW, 0);
	pos = P - 100;
	KEXPECT_EQ(t, generic_file_read(&ff.file, u, 300, &pos), 300);
	KEXPECT_EQ(t, pos, P + 200);
	copy_from_user(buf, u, 300);
	for (i = 0; i < 300; i++)
		bad += buf[i] != fake_byte(P - 100 + i);
	KEXPECT_EQ(t, bad, 0);
	KEXPECT_EQ(t, ff.reads, 2);
	KEXPECT_EQ(t, ff.inode.i_data.nrpages, 2);
	/* cached: no more reads; EOF bounds the result */
	pos = 2 * P;
	KEXPECT_EQ(t, generic_file_read(&ff.file, u, 300, &pos), 10);
	KEXPECT_EQ(t, generic_file_read(&ff.file, u, 300, &pos), 0);
	KEXPECT_EQ(t, ff.reads, 3);
	pos = 0;
	KEXPECT_EQ(t, generic_file_read(&ff.file, (char __user *)(TASK_SIZE - 8), 30, &pos),
		   -EFAULT);
	/* truncation zeroes the tail of the partial page and drops the rest */
	truncate_inode_pages(&ff.inode.i_data, P + 50);
	KEXPECT_EQ(t, ff.inode.i_data.nrpages, 2);
	page = find_get_page(&ff.inode.i_data, 1);
	KEXPECT_TRUE(t, page != NULL);
	KEXPECT_EQ(t, ((unsigned char *)page_address(page))[49], fake_byte(P + 49));
	KEXPECT_EQ(t, ((unsigned char *)page_address(page))[50], 0);
	put_page(page);
	KEXPECT_TRUE(t, find_get_page(&ff.inode.i_data, 2) == NULL);
	invalidate_mapping_pages(&ff.inode.i_data);
	KEXPECT_EQ(t, ff.inode.i_data.nrpages, 0);
	KEXPECT_EQ(t, nr_pagecache_pages(), 0);
	mmput(mm);
}

/* When memory runs out, clean unused cache pages are given up first. */
static void pagecache_reclaim(struct ktest *t)
{
	struct fake_file ff;
	struct page *p, *head = NULL, *mapped;
	unsigned long free_before, got = 0;
	int i;

	fake_file_init(&ff, 40 * P, FMODE_READ);
	for (i = 0; i < 40; i++)
		put_page(read_mapping_page(&ff.inode.i_data, i, &ff.file));
	mapped = find_get_page(&ff.inode.i_data, 0);	/* held: must stay */
	KEXPECT_EQ(t, ff.inode.i_data.nrpages, 40);
	free_before = nr_free_pages();
	while ((p = alloc_page(__GFP_NOWARN))) {
		*(struct page **)page_address(p) = head;
		head = p;
		got++;
	}
	KEXPECT_EQ(t, got, free_before + 39);
	KEXPECT_EQ(t, ff.inode.i_data.nrpages, 1);
	KEXPECT_TRUE(t, find_get_page(&ff.inode.i_data, 0) == mapped);
	put_page(mapped);
	while (head) {
		p = *(struct page **)page_address(head);
		put_page(head);
		head = p;
	}
	put_page(mapped);
	truncate_inode_pages(&ff.inode.i_data, 0);
	KEXPECT_EQ(t, nr_free_pages(), free_before + 40);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(fault_demand_zero_around),
	KTEST_CASE(fault_around_clipped),
	KTEST_CASE(fault_errors),
	KTEST_CASE(fault_cow_after_fork),
	KTEST_CASE(fault_child_maps_window),
	KTEST_CASE(fault_cow_reuse_around),
	KTEST_CASE(fault_child_maps_around),
	KTEST_CASE(fault_around_budget),
	KTEST_CASE(fault_cached_file_around),
	KTEST_CASE(fault_cached_sparse),
	KTEST_CASE(fault_dontcopy),
	KTEST_CASE(fault_stack_growth),
	KTEST_CASE(fault_file_private),
	KTEST_CASE(fault_file_shared_dirty),
	KTEST_CASE(fault_shared_anon_fork),
	KTEST_CASE(uaccess_copies),
	KTEST_CASE(uaccess_strings),
	KTEST_CASE(uaccess_breaks_cow),
	KTEST_CASE(uaccess_remote_force),
	KTEST_CASE(tlb_coalescing),
	KTEST_CASE(pagecache_basics),
	KTEST_CASE(pagecache_reclaim),
	{}
};
KTEST_SUITE_INIT(mm_fault, cases, setup);
