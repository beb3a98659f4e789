// SPDX-License-Identifier: GPL-2.0
/*
 * The buddy allocator.
 *
 * Physical memory is one array of page frames.  mem_map[] (one struct page
 * per frame) occupies the first frames and is reserved; every other frame
 * belongs to exactly one block of 2^order frames, either allocated or free.
 * A block of order o starts at a pfn that is a multiple of 2^o, so its
 * buddy (the other half of the order o+1 block) is at pfn ^ 2^o.
 *
 * A free block is marked PG_buddy on its first page, which also records
 * the order and links it into free_area[order].  Freeing merges a block
 * with its buddy for as long as the buddy is free and of the same order.
 *
 * Reference counts: alloc_pages() returns the head page with refcount 1;
 * __free_pages() and put_page() drop one and free at zero.
 */
#include <umk/mm.h>

struct free_area {
	struct list_head list;
	unsigned long nr_free;
};

unsigned long physmem_base;
unsigned long physmem_size;
int physmem_fd = -1;
struct page *mem_map;
unsigned long max_pfn;

static struct free_area free_area[MAX_ORDER];
static unsigned long free_page_count;
static unsigned long managed_pages;

static inline bool page_is_buddy(struct page *page, unsigned int order)
{
	return (page->flags & PG_buddy) && page->order == order;
}

static void add_free_block(struct page *page, unsigned int order)
{
	page->flags = PG_buddy;
	page->order = order;
	page->refcount = 0;
	page->mapcount = 0;
	list_add(&page->lru, &free_area[order].list);
	free_area[order].nr_free++;
}

static void del_free_block(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	page->flags &= ~PG_buddy;
	free_area[order].nr_free--;
}

/* Give the block at pfn back to the free lists, merging with its buddies. */
static void free_block(unsigned long pfn, unsigned int order)
{
	free_page_count += 1UL << order;
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (buddy_pfn + (1UL << order) > max_pfn ||
		    !page_is_buddy(buddy, order))
			break;
		del_free_block(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_free_block(pfn_to_page(pfn), order);
}

static void prep_new_block(struct page *page, unsigned int order, gfp_t gfp)
{
	page->flags = 0;
	page->refcount = 1;
	page->mapcount = 0;
	page->order = order;
	page->mapping = NULL;
	page->index = 0;
	page->private = NULL;
	INIT_LIST_HEAD(&page->lru);
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
}

/* mm/filemap.c, absent from the unit tests that only link the allocator. */
unsigned long shrink_page_cache(unsigned long nr) __attribute__((weak));

/* Smallest order >= order with a free block, or MAX_ORDER. */
static unsigned int find_free_order(unsigned int order)
{
	unsigned int o;

	for (o = order; o < MAX_ORDER; o++)
		if (!list_empty(&free_area[o].list))
			break;
	return o;
}

/* Out of blocks: drop clean page cache and look again. */
static unsigned int reclaim_and_retry(unsigned int order)
{
	unsigned long want = max(32UL, 2UL << order);

	if (order >= MAX_ORDER || !shrink_page_cache || !shrink_page_cache(want))
		return MAX_ORDER;
	return find_free_order(order);
}

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned int o;
	struct page *page;

	o = find_free_order(order);
	if (o >= MAX_ORDER)
		o = reclaim_and_retry(order);
	if (o >= MAX_ORDER) {
		if (!(gfp & __GFP_NOWARN))
			pr_warn("page allocation failure: order %u, %lu pages free\n",
				order, free_page_count);
		return NULL;
	}
	page = list_first_entry(&free_area[o].list, struct page, lru);
	del_free_block(page, o);
	/* Split: the upper half of each halving goes back on a free list. */
	while (o > order) {
		o--;
		add_free_block(page + (1UL << o), o);
	}
	free_page_count -= 1UL << order;
	prep_new_block(page, order, gfp);
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	if (!page)
		return;
	if (WARN_ON(page->flags & (PG_buddy | PG_reserved)) ||
	    WARN_ON(page->refcount <= 0))
		return;
	if (--page->refcount)
		return;
	page->mapping = NULL;
	free_block(page_to_pfn(page), order);
}

void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 1; i < (1UL << order); i++)
		prep_new_block(page + i, 0, 0);
	page->order = 0;
}

void put_page(struct page *page)
{
	__free_pages(page, page->order);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

unsigned long nr_free_pages(void)
{
	return free_page_count;
}

unsigned long totalram_pages(void)
{
	return managed_pages;
}

/* Hand [start, end) to the free lists in the largest aligned blocks. */
static void free_range(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned int order = MAX_ORDER - 1;

		while (order && ((start & ((1UL << order) - 1)) ||
				 start + (1UL << order) > end))
			order--;
		free_block(start, order);
		start += 1UL << order;
	}
}

void mem_init(unsigned long base, unsigned long size, int fd)
{
	unsigned long map_pages, pfn;
	unsigned int o;

	physmem_base = base;
	physmem_size = size;
	physmem_fd = fd;
	max_pfn = size >> PAGE_SHIFT;
	mem_map = (struct page *)base;
	map_pages = DIV_ROUND_UP(max_pfn * sizeof(struct page), PAGE_SIZE);
	if (map_pages >= max_pfn)
		panic("mem_init: %lu bytes of memory cannot hold mem_map", size);

	memset(mem_map, 0, max_pfn * sizeof(struct page));
	for (o = 0; o < MAX_ORDER; o++) {
		INIT_LIST_HEAD(&free_area[o].list);
		free_area[o].nr_free = 0;
	}
	for (pfn = 0; pfn < max_pfn; pfn++)
		INIT_LIST_HEAD(&mem_map[pfn].lru);
	for (pfn = 0; pfn < map_pages; pfn++) {
		mem_map[pfn].flags = PG_reserved;
		mem_map[pfn].refcount = 1;
	}
	free_page_count = 0;
	free_range(map_pages, max_pfn);
	managed_pages = free_page_count;
	pr_info("Memory: %luK available (%lu pages), mem_map %luK\n",
		managed_pages << (PAGE_SHIFT - 10), managed_pages,
		map_pages << (PAGE_SHIFT - 10));
}
