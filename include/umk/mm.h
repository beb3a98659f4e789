/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_MM_H
#define _UMK_MM_H

/*
 * Physical memory.  mem= bytes of one host memory file are mapped once into
 * the kernel at physmem_base; a physical address is an offset into that
 * file, so __va()/__pa() are an addition.  Every page frame has a struct
 * page in mem_map[], which sits at the start of physical memory.
 */
#include <umk/kernel.h>
#include <umk/list.h>
#include <umk/gfp.h>
#include <as-layout.h>

#define PAGE_SHIFT	UM_PAGE_SHIFT
#define PAGE_SIZE	UM_PAGE_SIZE
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(x)	ALIGN(x, PAGE_SIZE)
#define MAX_ORDER	11	/* largest block: 2^(MAX_ORDER-1) pages */

struct address_space;

struct page {
	unsigned long flags;		/* PG_* bits */
	int refcount;			/* users; freed when it drops to 0 */
	int mapcount;			/* guest page-table entries mapping it */
	unsigned int order;		/* buddy order while free or head of a block */
	struct list_head lru;		/* free list, page cache LRU, slab list */
	union {
		struct {		/* page cache and guest pages */
			struct address_space *mapping;	/* owner or NULL */
			unsigned long index;		/* page offset in mapping */
			struct page *hash_next;		/* page cache hash chain */
		};
		struct {		/* slab pages (mm/slab.c) */
			void *freelist;		/* first free object */
			unsigned int inuse;	/* objects handed out */
		};
	};
	void *private;			/* owner's use (slab: its cache) */
};

#define PG_reserved	0x01	/* kernel image / mem_map: never allocatable */
#define PG_buddy	0x02	/* free, on a buddy list */
#define PG_slab		0x04
#define PG_uptodate	0x08	/* page cache: contents valid */
#define PG_dirty	0x10
#define PG_locked	0x20
#define PG_kmalloc	0x40	/* head of a large kmalloc() block */

extern unsigned long physmem_base;	/* kernel address of physical 0 */
extern unsigned long physmem_size;	/* bytes (mem=) */
extern int physmem_fd;			/* host fd of the memory file */
extern struct page *mem_map;
extern unsigned long max_pfn;

#define __va(pa)	((void *)((unsigned long)(pa) + physmem_base))
#define __pa(va)	((phys_addr_t)((unsigned long)(va) - physmem_base))
#define pfn_to_page(pfn) (mem_map + (pfn))
#define page_to_pfn(pg)	((unsigned long)((pg) - mem_map))
#define page_to_phys(pg) ((phys_addr_t)page_to_pfn(pg) << PAGE_SHIFT)
#define phys_to_page(pa) pfn_to_page((pa) >> PAGE_SHIFT)
#define virt_to_page(va) phys_to_page(__pa(va))
#define page_address(pg) __va(page_to_phys(pg))

/* mm/page_alloc.c: buddy allocator over physical memory. */
void mem_init(unsigned long base, unsigned long size, int fd);
struct page *alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __free_page(p)		__free_pages(p, 0)
#define get_zeroed_page(gfp)	__get_free_pages((gfp) | __GFP_ZERO, 0)
#define free_page(addr)		free_pages(addr, 0)
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
/* Turn a fresh 2^order block into 2^order order-0 pages, refcount 1 each. */
void split_page(struct page *page, unsigned int order);

static inline void get_page(struct page *page)
{
	page->refcount++;
}
/* Drop a reference; the last one frees the page (order 0). */
void put_page(struct page *page);

/* mm/slab.c */
struct kmem_cache;
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align);
void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *c, void *obj);
void kmem_cache_destroy(struct kmem_cache *c);
/* kmalloc(0) returns ZERO_SIZE_PTR: not NULL, but not to be touched. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(p)	((unsigned long)(p) <= (unsigned long)ZERO_SIZE_PTR)
#define KMALLOC_MAX_CACHE_SIZE	2048	/* bigger: whole pages */
void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void *kcalloc(size_t n, size_t size, gfp_t gfp);
void *krealloc(void *p, size_t size, gfp_t gfp);
void kfree(const void *p);
size_t ksize(const void *p);
void slab_init(void);
/* Totals for /proc/meminfo. */
unsigned long slab_pages(void);

/*
 * mm/filemap.c: page-cache helpers beyond those in <umk/fs.h>.
 * add_to_page_cache takes its own reference (-EEXIST if index is taken);
 * delete_from_page_cache drops it.  PG_locked pages are waited for with
 * wait_on_page_locked(); unlock_page() wakes the waiters.
 */
int add_to_page_cache(struct page *page, struct address_space *mapping,
		      unsigned long index);
void delete_from_page_cache(struct page *page);
void lock_page(struct page *page);
void unlock_page(struct page *page);
void wait_on_page_locked(struct page *page);
unsigned long nr_pagecache_pages(void);	/* for /proc/meminfo "Cached" */
/*
 * Drop up to nr clean, unused page-cache pages of mappings that can read
 * them back (a_ops with readpage and writepage); the page allocator calls
 * it when it runs dry.  Returns the number freed.
 */
unsigned long shrink_page_cache(unsigned long nr);

#endif
