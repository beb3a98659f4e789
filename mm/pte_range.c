// SPDX-License-Identifier: GPL-2.0
/*
 * Operations on ranges of PTEs, each one walk over the page table with the
 * host side kept in step: zap (munmap, MADV_DONTNEED, exit), protection
 * changes (mprotect), the copy-on-write copy for fork, moves for mremap,
 * and writeback of dirty shared file pages (msync, munmap, exit).
 */
#include <umk/fs.h>
#include "internal.h"

/* Drop one PTE's page; the host side is the caller's business. */
static int zap_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct mm_struct *mm = arg;
	struct page *page;

	if (pte_present(*ptep)) {
		page = pte_page(*ptep);
		if ((*ptep & PTE_DIRTY) && page->mapping)
			page->flags |= PG_dirty;
		page->mapcount--;
		mm->rss--;
		put_page(page);
	}
	*ptep = 0;
	return 0;
}

void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;

	walk_ptes(mm, start, end, zap_pte, mm);
	tlb_unmap(mm, start, end - start);
}

struct prot_walk {
	struct vm_area_struct *vma;
};

static int protect_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct vm_area_struct *vma = ((struct prot_walk *)arg)->vma;
	struct page *page;
	pte_t pte = *ptep;

	if (!pte_present(pte))
		return 0;
	page = pte_page(pte);
	pte &= ~PTE_WRITE;
	/*
	 * Keep write permission only where a write needs no fault: private
	 * pages nobody shares, and shared pages that are already dirty.
	 */
	if (vma->vm_flags & VM_WRITE) {
		if (vma->vm_flags & VM_SHARED) {
			if (!vma->vm_file || (pte & PTE_DIRTY))
				pte |= PTE_WRITE;
		} else if (!page->mapping && page->refcount == 1) {
			pte |= PTE_WRITE;
		}
	}
	*ptep = pte;
	if (pte & PTE_MAPPED)
		tlb_protect(vma->vm_mm, addr, PAGE_SIZE, pte_host_prot(vma, pte));
	return 0;
}

void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct prot_walk w = { vma };

	walk_ptes(vma->vm_mm, start, end, protect_pte, &w);
}

struct copy_walk {
	struct mm_struct *dst;
	struct vm_area_struct *vma;
};

static int copy_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct copy_walk *w = arg;
	struct vm_area_struct *vma = w->vma;
	pte_t pte = *ptep, *dst;
	struct page *page;

	if (!pte_present(pte))
		return 0;
	dst = pte_alloc(w->dst, addr);
	if (!dst)
		return -ENOMEM;
	if (!(vma->vm_flags & VM_SHARED) && (pte & PTE_WRITE)) {
		/* Copy-on-write from now on, in both. */
		pte &= ~PTE_WRITE;
		*ptep = pte;
		if (pte & PTE_MAPPED)
			tlb_protect(vma->vm_mm, addr, PAGE_SIZE, pte_host_prot(vma, pte));
	}
	page = pte_page(pte);
	get_page(page);
	page->mapcount++;
	w->dst->rss++;
	*dst = pte & ~PTE_MAPPED;
	return 0;
}

int copy_page_range(struct mm_struct *new, struct vm_area_struct *vma)
{
	struct copy_walk w = { new, vma };

	return walk_ptes(vma->vm_mm, vma->vm_start, vma->vm_end, copy_pte, &w);
}

struct move_walk {
	struct vm_area_struct *vma;
	unsigned long delta;		/* new - old */
	int err;
};

static int move_pte(pte_t *ptep, unsigned long addr, void *arg)
{
	struct move_walk *w = arg;
	struct vm_area_struct *vma = w->vma;
	pte_t *dst, pte = *ptep;

	dst = pte_alloc(vma->vm_mm, addr + w->delta);
	if (!dst)
		return -ENOMEM;
	*ptep = 0;
	if (!pte_present(pte))
		return 0;
	if (pte & PTE_MAPPED)
		map_pte(vma, addr + w->delta, dst, pte);
	else
		*dst = pte;
	return 0;
}

int move_page_tables(struct vm_area_struct *vma, unsigned long old,
		     struct vm_area_struct *new_vma, unsigned long new, unsigned long len)
{
	struct move_walk w = { new_vma, new - old, 0 };
	int err;

	err = walk_ptes(vma->vm_mm, old, old + len, move_pte, &w);
	tlb_unmap(vma->vm_mm, old, len);
	return err;
}

struct wb_walk {
	struct vm_area_struct *vma;
	struct page *pages[16];
	int n;
	unsigned long next;		/* where to resume when pages[] filled */
};

/*
 * Move PTE dirty bits to the page and write-protect the PTE again, so the
 * next write faults and dirties the page anew.
 */
static int collect_dirty(pte_t *ptep, unsigned long addr, void *arg)
{
	struct wb_walk *w = arg;
	struct page *page;

	if (!pte_present(*ptep))
		return 0;
	page = pte_page(*ptep);
	if (!page->mapping)
		return 0;
	if (*ptep & PTE_DIRTY) {
		page->flags |= PG_dirty;
		*ptep &= ~(PTE_DIRTY | PTE_WRITE);
		if (*ptep & PTE_MAPPED)
			tlb_protect(w->vma->vm_mm, addr, PAGE_SIZE,
				    pte_host_prot(w->vma, *ptep));
	}
	if (!(page->flags & PG_dirty))
		return 0;
	get_page(page);
	w->pages[w->n++] = page;
	if (w->n < (int)ARRAY_SIZE(w->pages))
		return 0;
	w->next = addr + PAGE_SIZE;
	return 1;
}

static void write_pages(struct wb_walk *w)
{
	int i;

	for (i = 0; i < w->n; i++) {
		struct page *page = w->pages[i];
		struct address_space *mapping = page->mapping;

		if (mapping && (page->flags & PG_dirty) && mapping->a_ops &&
		    mapping->a_ops->writepage) {
			page->flags &= ~PG_dirty;
			if (mapping->a_ops->writepage(page))
				page->flags |= PG_dirty;
		}
		put_page(page);
	}
	w->n = 0;
}

/*
 * Pages are collected a few at a time with references held, then written
 * with no page-table walk in progress: writepage may sleep.
 */
void writeback_vma_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct wb_walk w = { .vma = vma };
	int more;

	if (!vma->vm_file || !(vma->vm_flags & VM_SHARED))
		return;
	while (start < end) {
		more = walk_ptes(vma->vm_mm, start, end, collect_dirty, &w);
		write_pages(&w);
		if (!more)
			break;
		start = w.next;
	}
}
