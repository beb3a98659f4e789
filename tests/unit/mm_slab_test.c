// SPDX-License-Identifier: GPL-2.0
/*
 * Slab caches and kmalloc: size classes, reuse, ksize, krealloc, kcalloc
 * overflow, named caches, and that freed slabs go back to the buddy pool.
 */
#include <umk/mm.h>
#include "ktest.h"

#define ARENA_PAGES	4096UL
static void *arena;

static int setup(void)
{
	arena = ktest_arena(ARENA_PAGES * PAGE_SIZE);
	mem_init((unsigned long)arena, ARENA_PAGES * PAGE_SIZE, -1);
	slab_init();
	return 0;
}

static const struct {
	size_t size;
	size_t ksize;
} kmalloc_sizes[] = {
	{ 1, 8 }, { 8, 8 }, { 9, 16 }, { 24, 32 }, { 33, 64 }, { 100, 128 },
	{ 129, 256 }, { 500, 512 }, { 513, 1024 }, { 1024, 1024 },
	{ 1025, 2048 }, { 2048, 2048 }, { 2049, 4096 }, { 4096, 4096 },
	{ 4097, 8192 }, { 100000, 131072 },
};

static void slab_kmalloc_sizes(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		size_t sz = kmalloc_sizes[i].size;
		char *p = kmalloc(sz, GFP_KERNEL);

		KEXPECT_TRUE(t, p != NULL);
		if (!p)
			continue;
		if (ksize(p) != kmalloc_sizes[i].ksize)
			ktest_fail(t, __FILE__, __LINE__, "ksize(kmalloc(%zu)) = %zu, expected %zu",
				   sz, ksize(p), kmalloc_sizes[i].ksize);
		/* natural alignment of the size class */
		KEXPECT_EQ(t, (unsigned long)p & (min_t(size_t, ksize(p), PAGE_SIZE) - 1), 0);
		memset(p, 0x5a, ksize(p));
		kfree(p);
	}
}

static void slab_kmalloc_distinct(struct ktest *t)
{
	char *p[300];
	int i, j, overlaps = 0;

	for (i = 0; i < 300; i++) {
		p[i] = kmalloc(40, GFP_KERNEL);
		memset(p[i], i & 0xff, 40);
	}
	for (i = 0; i < 300; i++)
		for (j = 0; j < 40; j++)
			overlaps += (unsigned char)p[i][j] != (i & 0xff);
	KEXPECT_EQ(t, overlaps, 0);
	for (i = 0; i < 300; i++)
		kfree(p[i]);
}

static void slab_reuse_and_return(struct ktest *t)
{
	unsigned long before;
	void *a, *b, *many[1000];
	int i;

	a = kmalloc(64, GFP_KERNEL);
	kfree(a);
	b = kmalloc(64, GFP_KERNEL);
	KEXPECT_EQ(t, (unsigned long)a, (unsigned long)b);
	kfree(b);

	before = nr_free_pages();
	for (i = 0; i < 1000; i++)
		many[i] = kmalloc(256, GFP_KERNEL);
	KEXPECT_TRUE(t, nr_free_pages() < before - 50);
	for (i = 0; i < 1000; i++)
		kfree(many[i]);
	/* at most one empty slab stays cached */
	KEXPECT_TRUE(t, nr_free_pages() + 1 >= before);
}

static void slab_kzalloc_kcalloc(struct ktest *t)
{
	unsigned char *p;
	int i, bad = 0;

	p = kmalloc(512, GFP_KERNEL);
	memset(p, 0xff, 512);
	kfree(p);
	p = kzalloc(512, GFP_KERNEL);
	for (i = 0; i < 512; i++)
		bad += p[i] != 0;
	KEXPECT_EQ(t, bad, 0);
	kfree(p);
	p = kcalloc(10, 300, GFP_KERNEL);
	KEXPECT_TRUE(t, p != NULL);
	KEXPECT_EQ(t, ksize(p), 4096);
	kfree(p);
	KEXPECT_TRUE(t, kcalloc(~0UL / 2, 3, GFP_KERNEL) == NULL);
	KEXPECT_TRUE(t, kcalloc(1UL << 33, 1UL << 33, GFP_KERNEL) == NULL);
}

static void slab_krealloc(struct ktest *t)
{
	char *p, *q;
	int i, bad = 0;

	p = krealloc(NULL, 20, GFP_KERNEL);
	KEXPECT_TRUE(t, p != NULL);
	for (i = 0; i < 20; i++)
		p[i] = i;
	q = krealloc(p, 30, GFP_KERNEL);	/* still fits in 32 */
	KEXPECT_EQ(t, (unsigned long)q, (unsigned long)p);
	p = krealloc(q, 5000, GFP_KERNEL);
	KEXPECT_TRUE(t, p != NULL);
	KEXPECT_EQ(t, ksize(p), 8192);
	for (i = 0; i < 20; i++)
		bad += p[i] != i;
	KEXPECT_EQ(t, bad, 0);
	q = krealloc(p, 0, GFP_KERNEL);
	KEXPECT_TRUE(t, q == ZERO_SIZE_PTR);
}

static void slab_zero_and_null(struct ktest *t)
{
	void *z = kmalloc(0, GFP_KERNEL);
	unsigned long before = nr_free_pages();

	KEXPECT_TRUE(t, z == ZERO_SIZE_PTR);
	KEXPECT_EQ(t, ksize(z), 0);
	kfree(z);
	kfree(NULL);
	KEXPECT_EQ(t, ksize(NULL), 0);
	KEXPECT_EQ(t, nr_free_pages(), before);
}

struct thing {
	long a[25];		/* 200 bytes: not a power of two */
};

static void slab_named_cache(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("thing", sizeof(struct thing), 64);
	struct thing *objs[100];
	unsigned long before = nr_free_pages();
	int i, misaligned = 0;

	KEXPECT_TRUE(t, c != NULL);
	for (i = 0; i < 100; i++) {
		objs[i] = kmem_cache_alloc(c, __GFP_ZERO);
		misaligned += ((unsigned long)objs[i] & 63) != 0;
		objs[i]->a[24] = i;
	}
	KEXPECT_EQ(t, misaligned, 0);
	KEXPECT_EQ(t, ksize(objs[0]), 256);
	for (i = 0; i < 100; i++)
		KEXPECT_EQ(t, objs[i]->a[24], i);
	for (i = 0; i < 100; i += 2)
		kmem_cache_free(c, objs[i]);
	for (i = 0; i < 100; i += 2)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (i = 0; i < 100; i++)
		kfree(objs[i]);		/* kfree works on cache objects too */
	kmem_cache_destroy(c);
	KEXPECT_TRUE(t, nr_free_pages() >= before);
}

/* Objects larger than a page live in multi-page slabs. */
static void slab_big_objects(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("big", 5000, 0);
	char *a[10];
	int i, bad = 0;

	for (i = 0; i < 10; i++) {
		a[i] = kmem_cache_alloc(c, GFP_KERNEL);
		memset(a[i], i, 5000);
	}
	for (i = 0; i < 10; i++)
		bad += a[i][4999] != i || a[i][0] != i;
	KEXPECT_EQ(t, bad, 0);
	/* pointers into a tail frame still find the cache */
	KEXPECT_EQ(t, ksize(a[9]), ksize(a[0]));
	for (i = 0; i < 10; i++)
		kmem_cache_free(c, a[i]);
	kmem_cache_destroy(c);
}

static void slab_accounting(struct ktest *t)
{
	unsigned long before = slab_pages();
	void *p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);

	KEXPECT_EQ(t, slab_pages(), before + 4);
	kfree(p);
	KEXPECT_EQ(t, slab_pages(), before);
}

static const struct ktest_case cases[] = {
	KTEST_CASE(slab_kmalloc_sizes),
	KTEST_CASE(slab_kmalloc_distinct),
	KTEST_CASE(slab_reuse_and_return),
	KTEST_CASE(slab_kzalloc_kcalloc),
	KTEST_CASE(slab_krealloc),
	KTEST_CASE(slab_zero_and_null),
	KTEST_CASE(slab_named_cache),
	KTEST_CASE(slab_big_objects),
	KTEST_CASE(slab_accounting),
	{}
};
KTEST_SUITE_INIT(mm_slab, cases, setup);
