// SPDX-License-Identifier: GPL-2.0
/*
 * Buddy allocator: splitting, merging, exhaustion, zeroing, refcounts.
 * Every case starts from a fresh mem_init() over the same arena.
 */
#include <umk/mm.h>
#include "ktest.h"

#define ARENA_PAGES	2048UL		/* 8 MiB: one max-order block */
static void *arena;

static void fresh(void)
{
	mem_init((unsigned long)arena, ARENA_PAGES * PAGE_SIZE, -1);
}

static int setup(void)
{
	arena = ktest_arena(ARENA_PAGES * PAGE_SIZE);
	return 0;
}

static void page_alloc_init_reserves_mem_map(struct ktest *t)
{
	unsigned long map = DIV_ROUND_UP(ARENA_PAGES * sizeof(struct page), PAGE_SIZE);

	fresh();
	KEXPECT_EQ(t, totalram_pages(), ARENA_PAGES - map);
	KEXPECT_EQ(t, nr_free_pages(), ARENA_PAGES - map);
	KEXPECT_TRUE(t, mem_map[0].flags & PG_reserved);
	KEXPECT_TRUE(t, mem_map[map - 1].flags & PG_reserved);
	KEXPECT_FALSE(t, mem_map[map].flags & PG_reserved);
	KEXPECT_EQ(t, (unsigned long)mem_map, (unsigned long)arena);
}

static void page_alloc_orders(struct ktest *t)
{
	static const unsigned int orders[] = { 0, 1, 2, 3, 5, 8, MAX_ORDER - 2 };
	unsigned int i;

	fresh();
	for (i = 0; i < ARRAY_SIZE(orders); i++) {
		unsigned long before = nr_free_pages();
		struct page *p = alloc_pages(GFP_KERNEL, orders[i]);

		KEXPECT_TRUE(t, p != NULL);
		if (!p)
			continue;
		KEXPECT_EQ(t, page_to_pfn(p) & ((1UL << orders[i]) - 1), 0);
		KEXPECT_EQ(t, p->refcount, 1);
		KEXPECT_EQ(t, p->order, orders[i]);
		KEXPECT_EQ(t, nr_free_pages(), before - (1UL << orders[i]));
		__free_pages(p, orders[i]);
		KEXPECT_EQ(t, nr_free_pages(), before);
	}
}

/* Split a block into order-0 pages and free them in a scrambled order. */
static void page_alloc_split_merge(struct ktest *t)
{
	struct page *pages[64];
	unsigned long before;
	struct page *big;
	int i;

	fresh();
	before = nr_free_pages();
	for (i = 0; i < 64; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KEXPECT_TRUE(t, pages[i] != NULL);
	}
	for (i = 0; i < 64; i++)
		KEXPECT_NE(t, (unsigned long)pages[i], (unsigned long)pages[(i + 1) % 64]);
	for (i = 0; i < 64; i++)
		__free_page(pages[(i * 37) % 64]);
	KEXPECT_EQ(t, nr_free_pages(), before);
	/* Everything merged back: the largest block is there again. */
	big = alloc_pages(__GFP_NOWARN, MAX_ORDER - 1);
	if (ARENA_PAGES / 2 >= (1UL << (MAX_ORDER - 1)))
		KEXPECT_TRUE(t, big != NULL);
	else
		KEXPECT_TRUE(t, big == NULL);
	if (big)
		__free_pages(big, MAX_ORDER - 1);
	big = alloc_pages(__GFP_NOWARN, MAX_ORDER - 2);
	KEXPECT_TRUE(t, big != NULL);
	if (big)
		__free_pages(big, MAX_ORDER - 2);
}

static void page_alloc_exhaustion(struct ktest *t)
{
	unsigned long n = 0, total;
	struct page *p, *head = NULL;

	fresh();
	total = nr_free_pages();
	while ((p = alloc_page(__GFP_NOWARN))) {
		/* chain the pages through their own memory */
		*(struct page **)page_address(p) = head;
		head = p;
		n++;
	}
	KEXPECT_EQ(t, n, total);
	KEXPECT_EQ(t, nr_free_pages(), 0);
	KEXPECT_TRUE(t, alloc_pages(__GFP_NOWARN, 0) == NULL);
	KEXPECT_TRUE(t, alloc_pages(__GFP_NOWARN, MAX_ORDER) == NULL);
	while (head) {
		p = *(struct page **)page_address(head);
		__free_page(head);
		head = p;
	}
	KEXPECT_EQ(t, nr_free_pages(), total);
}

static void page_alloc_zeroing(struct ktest *t)
{
	struct page *p;
	unsigned char *va;
	unsigned long i, bad = 0;

	fresh();
	p = alloc_pages(GFP_KERNEL, 2);
	memset(page_address(p), 0xa5, 4 * PAGE_SIZE);
	__free_pages(p, 2);
	p = alloc_pages(__GFP_ZERO, 2);
	va = page_address(p);
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		bad += va[i] != 0;
	KEXPECT_EQ(t, bad, 0);
	__free_pages(p, 2);
	KEXPECT_EQ(t, get_zeroed_page(GFP_KERNEL) & (PAGE_SIZE - 1), 0);
}

static void page_alloc_refcount(struct ktest *t)
{
	unsigned long before;
	struct page *p;

	fresh();
	before = nr_free_pages();
	p = alloc_page(GFP_KERNEL);
	get_page(p);
	KEXPECT_EQ(t, p->refcount, 2);
	put_page(p);
	KEXPECT_EQ(t, nr_free_pages(), before - 1);
	KEXPECT_FALSE(t, p->flags & PG_buddy);
	put_page(p);
	KEXPECT_EQ(t, nr_free_pages(), before);
	/* A second free is refused, not double-counted. */
	put_page(p);
	KEXPECT_EQ(t, nr_free_pages(), before);
}

static void page_alloc_addresses(struct ktest *t)
{
	unsigned long va;

	fresh();
	va = __get_free_pages(GFP_KERNEL, 1);
	KEXPECT_NE(t, va, 0);
	KEXPECT_EQ(t, (unsigned long)page_address(virt_to_page(va)), va);
	KEXPECT_EQ(t, __pa(va) >> PAGE_SHIFT, page_to_pfn(virt_to_page(va)));
	free_pages(va, 1);
	free_pages(0, 3);
	KEXPECT_EQ(t, nr_free_pages(), totalram_pages());
}

static const struct ktest_case cases[] = {
	KTEST_CASE(page_alloc_init_reserves_mem_map),
	KTEST_CASE(page_alloc_orders),
	KTEST_CASE(page_alloc_split_merge),
	KTEST_CASE(page_alloc_exhaustion),
	KTEST_CASE(page_alloc_zeroing),
	KTEST_CASE(page_alloc_refcount),
	KTEST_CASE(page_alloc_addresses),
	{}
};
KTEST_SUITE_INIT(mm_page_alloc, cases, setup);
