// SPDX-License-Identifier: GPL-2.0
/*
 * Object caches.
 *
 * A cache hands out objects of one size carved from slabs: blocks of
 * 2^order pages from the buddy allocator.  All bookkeeping of a slab lives
 * in the struct page of its first frame: PG_slab, the owning cache in
 * private, the free-object chain in freelist (each free object's first
 * word points at the next) and the number of objects handed out in inuse.
 * Every frame of a slab carries PG_slab and the cache, so an object is
 * found from any address inside it: virt_to_page(), then round the pfn
 * down to the slab's (naturally aligned) first frame.
 *
 * Slabs with a free object sit on the cache's partial list, full ones on
 * the full list.  An empty slab is returned to the page allocator unless
 * it is the cache's last partial slab (so alloc/free pairs do not thrash).
 *
 * kmalloc() uses power-of-two caches from 8 to KMALLOC_MAX_CACHE_SIZE
 * bytes; bigger requests take pages directly, marked PG_kmalloc with the
 * order in the head page.
 */
#include <umk/mm.h>

struct kmem_cache {
	const char *name;
	size_t size;			/* object size, rounded to alignment */
	size_t object_size;		/* size asked for */
	unsigned int order;		/* pages per slab: 2^order */
	unsigned int objects;		/* objects per slab */
	struct list_head partial, full;
	unsigned long nr_slabs;
	unsigned long nr_active;	/* objects handed out */
	struct list_head list;		/* all caches */
};

#define KMALLOC_MIN_SHIFT	3
#define KMALLOC_MAX_SHIFT	11
#define NR_KMALLOC		(KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)
#define SLAB_MAX_ORDER		3

static LIST_HEAD(cache_list);
static struct kmem_cache cache_cache;		/* holds struct kmem_cache */
static struct kmem_cache kmalloc_caches[NR_KMALLOC];
static const char *const kmalloc_names[NR_KMALLOC] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-128",
	"kmalloc-256", "kmalloc-512", "kmalloc-1k", "kmalloc-2k",
};
static unsigned long slab_page_count;
static unsigned long large_page_count;
static bool slab_ready;

/*
 * Smallest order whose slab wastes at most an eighth of its space (or at
 * least holds one object), capped at SLAB_MAX_ORDER when objects fit.
 */
static unsigned int slab_order(size_t size)
{
	unsigned int order;

	for (order = 0; order <= SLAB_MAX_ORDER; order++) {
		size_t bytes = PAGE_SIZE << order;

		if (size <= bytes && (bytes % size) * 8 <= bytes)
			return order;
	}
	for (order = 0; (PAGE_SIZE << order) < size; order++)
		;
	return max_t(unsigned int, order, SLAB_MAX_ORDER);
}

static void cache_init(struct kmem_cache *c, const char *name, size_t size,
		       size_t align)
{
	if (align < sizeof(void *))
		align = sizeof(void *);
	if (size < sizeof(void *))
		size = sizeof(void *);
	c->name = name;
	c->object_size = size;
	c->size = ALIGN(size, align);
	c->order = slab_order(c->size);
	c->objects = (PAGE_SIZE << c->order) / c->size;
	INIT_LIST_HEAD(&c->partial);
	INIT_LIST_HEAD(&c->full);
	c->nr_slabs = 0;
	c->nr_active = 0;
	list_add_tail(&c->list, &cache_list);
}

void slab_init(void)
{
	int i;

	if (slab_ready)
		return;
	slab_ready = true;
	cache_init(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0);
	for (i = 0; i < NR_KMALLOC; i++)
		cache_init(&kmalloc_caches[i], kmalloc_names[i],
			   1UL << (i + KMALLOC_MIN_SHIFT), 0);
}

static struct page *new_slab(struct kmem_cache *c, gfp_t gfp)
{
	struct page *page = alloc_pages((gfp & ~__GFP_ZERO), c->order);
	char *base, *obj;
	unsigned int i;

	if (!page)
		return NULL;
	for (i = 0; i < (1U << c->order); i++) {
		page[i].flags = PG_slab;
		page[i].private = c;
	}
	base = page_address(page);
	for (i = 0; i < c->objects; i++) {
		obj = base + i * c->size;
		*(void **)obj = i + 1 < c->objects ? obj + c->size : NULL;
	}
	page->freelist = base;
	page->inuse = 0;
	list_add(&page->lru, &c->partial);
	c->nr_slabs++;
	slab_page_count += 1UL << c->order;
	return page;
}

static void free_slab(struct kmem_cache *c, struct page *page)
{
	unsigned int i;

	list_del(&page->lru);
	for (i = 0; i < (1U << c->order); i++) {
		page[i].flags = 0;
		page[i].private = NULL;
	}
	page->freelist = NULL;
	c->nr_slabs--;
	slab_page_count -= 1UL << c->order;
	__free_pages(page, c->order);
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	struct page *page;
	void *obj;

	if (list_empty(&c->partial)) {
		if (!new_slab(c, gfp))
			return NULL;
	}
	page = list_first_entry(&c->partial, struct page, lru);
	obj = page->freelist;
	page->freelist = *(void **)obj;
	page->inuse++;
	c->nr_active++;
	if (!page->freelist) {
		list_del(&page->lru);
		list_add(&page->lru, &c->full);
	}
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->size);
	return obj;
}

/* The first frame of the slab holding obj. */
static struct page *slab_head(const void *obj)
{
	struct page *page = virt_to_page(obj);
	struct kmem_cache *c = page->private;
	unsigned long pfn = page_to_pfn(page);

	return pfn_to_page(pfn & ~((1UL << c->order) - 1));
}

static void slab_free(struct kmem_cache *c, struct page *page, void *obj)
{
	bool was_full = !page->freelist;

	*(void **)obj = page->freelist;
	page->freelist = obj;
	page->inuse--;
	c->nr_active--;
	if (was_full) {
		list_del(&page->lru);
		list_add(&page->lru, &c->partial);
	}
	if (!page->inuse &&
	    !(c->partial.next == &page->lru && c->partial.prev == &page->lru))
		free_slab(c, page);
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct page *page;

	if (!obj)
		return;
	page = slab_head(obj);
	if (WARN_ON(!(page->flags & PG_slab) || page->private != c))
		return;
	slab_free(c, page, obj);
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align)
{
	struct kmem_cache *c;

	slab_init();
	if (!size || (align & (align - 1)))
		return NULL;
	c = kmem_cache_alloc(&cache_cache, __GFP_ZERO);
	if (!c)
		return NULL;
	cache_init(c, name, size, align);
	return c;
}

void kmem_cache_destroy(struct kmem_cache *c)
{
	struct page *page, *next;

	if (!c)
		return;
	if (c->nr_active)
		pr_err("kmem_cache_destroy %s: %lu objects still in use\n",
		       c->name, c->nr_active);
	list_for_each_entry_safe(page, next, &c->partial, lru)
		free_slab(c, page);
	list_for_each_entry_safe(page, next, &c->full, lru)
		free_slab(c, page);
	list_del(&c->list);
	kmem_cache_free(&cache_cache, c);
}

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	unsigned int order = 0;
	struct page *page;

	while ((PAGE_SIZE << order) < size)
		if (++order >= MAX_ORDER)
			return NULL;
	page = alloc_pages(gfp, order);
	if (!page)
		return NULL;
	page->flags |= PG_kmalloc;
	large_page_count += 1UL << order;
	return page_address(page);
}

static struct kmem_cache *kmalloc_cache(size_t size)
{
	unsigned int shift = KMALLOC_MIN_SHIFT;

	while ((1UL << shift) < size)
		shift++;
	return &kmalloc_caches[shift - KMALLOC_MIN_SHIFT];
}

void *kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	slab_init();
	return kmem_cache_alloc(kmalloc_cache(size), gfp);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kzalloc(bytes, gfp);
}

static bool in_physmem(const void *p)
{
	return (unsigned long)p - physmem_base < physmem_size;
}

size_t ksize(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p) || WARN_ON(!in_physmem(p)))
		return 0;
	page = virt_to_page(p);
	if (page->flags & PG_slab)
		return ((struct kmem_cache *)page->private)->size;
	return PAGE_SIZE << page->order;
}

void kfree(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p) || WARN_ON(!in_physmem(p)))
		return;
	page = virt_to_page(p);
	if (page->flags & PG_slab) {
		struct kmem_cache *c = page->private;

		slab_free(c, slab_head(p), (void *)p);
		return;
	}
	if (WARN_ON(!(page->flags & PG_kmalloc)))
		return;
	page->flags &= ~PG_kmalloc;
	large_page_count -= 1UL << page->order;
	__free_pages(page, page->order);
}

void *krealloc(void *p, size_t size, gfp_t gfp)
{
	size_t old = ksize(p);
	void *n;

	if (!size) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	if (old >= size) {
		if (gfp & __GFP_ZERO)
			memset((char *)p + size, 0, old - size);
		return p;
	}
	n = kmalloc(size, gfp);
	if (!n)
		return NULL;
	if (old)
		memcpy(n, p, old);
	kfree(p);
	return n;
}

unsigned long slab_pages(void)
{
	return slab_page_count + large_page_count;
}
