/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

/*
 * Private interfaces between the files of mm/.
 *
 * Guest page tables are a 4-level radix tree, 512 entries per level, as on
 * x86_64: a 48-bit address is four 9-bit indexes (bits 47-39, 38-30,
 * 29-21, 20-12) and a 12-bit offset.  An upper-level entry holds the
 * physical address of the next table page plus PTE_PRESENT.  A leaf PTE
 * holds the physical address of the page plus the bits below; 0 means
 * "nothing here".  PTE_WRITE is the permission the host mapping gets: it
 * is clear on copy-on-write pages even in a writable VMA.  PTE_MAPPED says
 * the host process has (or has queued) a mapping of this PTE; after fork
 * the child's PTEs lack it and are mapped into the host on first touch.
 */
#include <umk/mman.h>

typedef unsigned long pte_t;

#define PTE_PRESENT	0x001UL
#define PTE_WRITE	0x002UL
#define PTE_USER	0x004UL
#define PTE_ACCESSED	0x020UL
#define PTE_DIRTY	0x040UL
#define PTE_MAPPED	0x400UL
#define PTE_ADDR_MASK	0x000ffffffffff000UL

#define PT_ENTRIES	512
#define PT_LEVELS	4

/* Lowest address mmap() hands out or accepts (vm.mmap_min_addr). */
#define MMAP_MIN_ADDR	0x10000UL
/* Default room between mmap_base and the top of the user range. */
#define MMAP_GAP	(256UL << 20)
/* How far below its start a VM_GROWSDOWN stack may be extended at once. */
#define STACK_GROW_MAX	(128UL << 20)
/* Pages kept free between a growing stack and the mapping below it. */
#define STACK_GUARD_GAP	(256UL << PAGE_SHIFT)
/* Fault-around allocation stops when free memory falls this low. */
#define FAULT_AROUND_RESERVE	256
/*
 * Window for mapping what a fault finds already there (present PTEs,
 * cached file pages): it allocates nothing, so it is wider than the
 * fault-around window.  At most PT_ENTRIES.
 */
#define MAP_AROUND_PAGES	(32 * CONFIG_FAULT_AROUND_PAGES < PT_ENTRIES ? \
				 32 * CONFIG_FAULT_AROUND_PAGES : PT_ENTRIES)
/* Host operations a fault may spend on that window beyond fault-around. */
#define MAP_AROUND_OPS		32
/* Cache lookups in a row that may miss before the window gives up on them. */
#define MAP_CACHE_MISSES	(4 * CONFIG_FAULT_AROUND_PAGES)

static inline phys_addr_t pte_phys(pte_t pte)
{
	return pte & PTE_ADDR_MASK;
}

static inline struct page *pte_page(pte_t pte)
{
	return phys_to_page(pte_phys(pte));
}

static inline bool pte_present(pte_t pte)
{
	return pte & PTE_PRESENT;
}

static inline pte_t mk_pte(struct page *page, unsigned long bits)
{
	return page_to_phys(page) | PTE_PRESENT | PTE_USER | bits;
}

/* mm/pgtable.c */
int pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm);		/* all tables; PTEs must be gone */
pte_t *pte_lookup(struct mm_struct *mm, unsigned long addr);	/* NULL: no table */
pte_t *pte_alloc(struct mm_struct *mm, unsigned long addr);	/* NULL: ENOMEM */
/*
 * Call fn for every non-zero PTE in [start, end), skipping absent tables.
 * A non-zero return from fn stops the walk and is returned.
 */
typedef int (*pte_fn_t)(pte_t *pte, unsigned long addr, void *arg);
int walk_ptes(struct mm_struct *mm, unsigned long start, unsigned long end,
	      pte_fn_t fn, void *arg);

/* mm/vma.c */
struct vm_area_struct *vma_alloc(struct mm_struct *mm);
struct vm_area_struct *vma_dup(struct vm_area_struct *vma);
void vma_free(struct vm_area_struct *vma);	/* drops file and vm_ops refs */
struct vm_area_struct *vma_prev(struct vm_area_struct *vma);	/* or NULL */
struct vm_area_struct *vma_next(struct vm_area_struct *vma);	/* or NULL */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);	/* sorted insert */
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);
/* Split vma at addr (inside it); the new upper half is returned. */
struct vm_area_struct *split_vma(struct vm_area_struct *vma, unsigned long addr);
/* Merge vma with its neighbours when they continue it; returns the survivor. */
struct vm_area_struct *vma_merge(struct vm_area_struct *vma);
/* First VMA intersecting [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);
/* True if [start, end) is covered by VMAs without holes. */
bool range_is_mapped(struct mm_struct *mm, unsigned long start, unsigned long end);
/*
 * Make [start, end) its own VMAs (splitting at the edges) and apply fn to
 * each; fn may change vm_flags.  Neighbours are merged again afterwards.
 */
typedef int (*vma_fn_t)(struct vm_area_struct *vma, void *arg);
int apply_to_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		   vma_fn_t fn, void *arg);
int vma_host_prot(unsigned long vm_flags);	/* PROT_* */
unsigned long calc_vm_flags(unsigned long prot, unsigned long flags);

/* mm/memory.c */
int pte_host_prot(struct vm_area_struct *vma, pte_t pte);	/* PROT_* for the host */
/* Make *ptep = pte and queue the host mapping of it. */
void map_pte(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep, pte_t pte);
#define FAULT_FORCE	0x100	/* access_remote_vm: write into read-only private */
int __handle_mm_fault(struct mm_struct *mm, unsigned long addr, int access, int *si_code);

/* mm/pte_range.c */
/* Drop the pages of [start, end) in vma from the page table and the host. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
/* Host protection for the PTEs of vma after a vm_flags change. */
void change_protection(struct vm_area_struct *vma, unsigned long start, unsigned long end);
/* fork: copy the PTEs of vma (in old) into new, making private pages COW. */
int copy_page_range(struct mm_struct *new, struct vm_area_struct *vma);
/* Move the PTEs of [old, old+len) to new (the host side is updated too). */
int move_page_tables(struct vm_area_struct *vma, unsigned long old,
		     struct vm_area_struct *new_vma, unsigned long new, unsigned long len);
/* Write dirty page-cache pages of a shared file vma back through a_ops. */
void writeback_vma_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);

/* mm/filemap.c: read [index, index + nr) into the cache (may sleep). */
void page_cache_readahead(struct address_space *mapping, struct file *file,
			  unsigned long index, unsigned long nr);

/* mm/mmap.c */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long hint,
				unsigned long len, unsigned long flags);

#endif
