// SPDX-License-Identifier: GPL-2.0
/*
 * The page cache.
 *
 * A cached page belongs to one address_space at one index: it is on the
 * mapping's pages list (page->lru) and on a global hash chain keyed by
 * (mapping, index), and the cache holds one reference on it.  A page is
 * added locked and !uptodate; a_ops->readpage fills it (it may sleep) and
 * returns 0, and the cache then marks it uptodate and unlocks it.  Anyone
 * who finds a locked page waits for the unlock on page_wait; a page that
 * is still !uptodate after that failed to read.
 */
#include <umk/fs.h>
#include <umk/sched.h>
#include <umk/uaccess.h>
#include "internal.h"

static struct page **cache_hash;
static unsigned int cache_hash_bits;
static unsigned long cache_pages;
static DECLARE_WAIT_QUEUE_HEAD(page_wait);

static int cache_hash_init(void)
{
	unsigned int bits = 8;

	while (bits < 20 && (1UL << bits) < max_pfn / 8)
		bits++;
	cache_hash = kcalloc(1UL << bits, sizeof(*cache_hash), GFP_KERNEL);
	if (!cache_hash)
		return -ENOMEM;
	cache_hash_bits = bits;
	return 0;
}

static struct page **hash_slot(struct address_space *mapping, unsigned long index)
{
	unsigned long h = ((unsigned long)mapping >> 4) + index;

	h *= 0x9e3779b97f4a7c15UL;
	return &cache_hash[h >> (64 - cache_hash_bits)];
}

unsigned long nr_pagecache_pages(void)
{
	return cache_pages;
}

struct page *find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page;

	if (!cache_hash || !mapping || !mapping->nrpages)
		return NULL;
	for (page = *hash_slot(mapping, index); page; page = page->hash_next) {
		if (page->mapping == mapping && page->index == index) {
			get_page(page);
			return page;
		}
	}
	return NULL;
}

int add_to_page_cache(struct page *page, struct address_space *mapping, unsigned long index)
{
	struct page **slot, *old;

	if (!cache_hash && cache_hash_init())
		return -ENOMEM;
	old = find_get_page(mapping, index);
	if (old) {
		put_page(old);
		return -EEXIST;
	}
	if (!mapping->pages.next)
		INIT_LIST_HEAD(&mapping->pages);
	slot = hash_slot(mapping, index);
	page->mapping = mapping;
	page->index = index;
	page->hash_next = *slot;
	*slot = page;
	list_add_tail(&page->lru, &mapping->pages);
	mapping->nrpages++;
	cache_pages++;
	get_page(page);
	return 0;
}

void delete_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;
	struct page **slot;

	if (!mapping)
		return;
	for (slot = hash_slot(mapping, page->index); *slot; slot = &(*slot)->hash_next) {
		if (*slot == page) {
			*slot = page->hash_next;
			break;
		}
	}
	list_del_init(&page->lru);
	mapping->nrpages--;
	cache_pages--;
	page->mapping = NULL;
	page->hash_next = NULL;
	page->flags &= ~PG_dirty;
	put_page(page);
}

static bool page_reclaimable(struct page *page)
{
	const struct address_space_operations *ops = page->mapping->a_ops;

	return ops && ops->readpage && ops->writepage && page->refcount == 1 &&
	       !page->mapcount && !(page->flags & (PG_dirty | PG_locked));
}

/*
 * Free up to nr clean page-cache pages nobody uses, when the page allocator
 * runs dry.  Only pages that can be read back are dropped: those of
 * mappings with both readpage and writepage (a file system without
 * writepage, like one keeping its data in the cache, is never reclaimed).
 */
unsigned long shrink_page_cache(unsigned long nr)
{
	static unsigned long next_bucket;
	unsigned long buckets, scanned, freed = 0;
	struct page **slot, *page;

	if (!cache_hash)
		return 0;
	buckets = 1UL << cache_hash_bits;
	for (scanned = 0; scanned < buckets && freed < nr; scanned++) {
		slot = &cache_hash[next_bucket];
		next_bucket = (next_bucket + 1) & (buckets - 1);
		while ((page = *slot)) {
			if (!page_reclaimable(page)) {
				slot = &page->hash_next;
				continue;
			}
			delete_from_page_cache(page);	/* unlinks *slot */
			freed++;
		}
	}
	return freed;
}

void wait_on_page_locked(struct page *page)
{
	wait_event(page_wait, !(page->flags & PG_locked));
}

void lock_page(struct page *page)
{
	wait_on_page_locked(page);
	page->flags |= PG_locked;
}

void unlock_page(struct page *page)
{
	page->flags &= ~PG_locked;
	if (waitqueue_active(&page_wait))
		wake_up_all(&page_wait);
}

/* Fill a locked page through a_ops; on failure it leaves the cache. */
static int fill_page(struct address_space *mapping, struct page *page, struct file *file)
{
	int err = -EIO;

	if (mapping->a_ops && mapping->a_ops->readpage)
		err = mapping->a_ops->readpage(file, page);
	if (!err)
		page->flags |= PG_uptodate;
	else
		delete_from_page_cache(page);
	unlock_page(page);
	return err;
}

struct page *read_mapping_page(struct address_space *mapping, unsigned long index,
			       struct file *file)
{
	struct page *page = find_get_page(mapping, index);
	int err;

	if (page) {
		if (!(page->flags & PG_uptodate))
			wait_on_page_locked(page);
		if (page->flags & PG_uptodate)
			return page;
		if (page->mapping != mapping) {
			/* its read failed and it left the cache */
			put_page(page);
			return ERR_PTR(-EIO);
		}
		page->flags |= PG_locked;
		err = fill_page(mapping, page, file);
		if (err) {
			put_page(page);
			return ERR_PTR(err);
		}
		return page;
	}
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return ERR_PTR(-ENOMEM);
	err = add_to_page_cache(page, mapping, index);
	if (err) {
		put_page(page);
		/* Someone else added it while we allocated: use theirs. */
		return err == -EEXIST ? read_mapping_page(mapping, index, file) : ERR_PTR(err);
	}
	page->flags |= PG_locked;
	err = fill_page(mapping, page, file);
	if (err) {
		put_page(page);
		return ERR_PTR(err);
	}
	return page;
}

/*
 * Readahead for faults: bring the missing pages of [index, index + nr),
 * clipped to EOF, into the cache.  They are allocated as one physically
 * contiguous block when possible, so fault-around can map the run with a
 * single host mapping.  All are added (locked) before any is read, so
 * that concurrent faults wait for them instead of reading them twice.
 * Failures are ignored: the faulting page is read again by its fault.
 */
void page_cache_readahead(struct address_space *mapping, struct file *file,
			  unsigned long index, unsigned long nr)
{
	struct inode *inode = mapping->host;
	struct page *batch[64], *block = NULL, *page;
	unsigned int order = 0, n = 0, i, used = 0;

	if (!mapping->a_ops || !mapping->a_ops->readpage)
		return;
	if (inode && S_ISREG(inode->i_mode)) {
		unsigned long eof = (inode->i_size + PAGE_SIZE - 1) >> PAGE_SHIFT;

		nr = index >= eof ? 0 : min(nr, eof - index);
	}
	nr = min_t(unsigned long, nr, ARRAY_SIZE(batch));
	if (nr < 2 || nr_free_pages() < 4 * nr)
		return;
	while ((1UL << order) < nr)
		order++;
	block = alloc_pages(__GFP_NOWARN, order);
	if (block)
		split_page(block, order);
	for (i = 0; i < nr; i++) {
		page = find_get_page(mapping, index + i);
		if (page) {
			put_page(page);
			continue;
		}
		page = block ? block + used++ : alloc_page(__GFP_NOWARN);
		if (!page)
			break;
		if (add_to_page_cache(page, mapping, index + i)) {
			put_page(page);
			continue;
		}
		page->flags |= PG_locked;
		batch[n++] = page;
	}
	if (block)
		while (used < (1U << order))
			put_page(block + used++);
	for (i = 0; i < n; i++) {
		fill_page(mapping, batch[i], file);
		put_page(batch[i]);
	}
}

ssize_t generic_file_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct address_space *mapping = file->f_mapping;
	struct inode *inode = mapping && mapping->host ? mapping->host : file_inode(file);
	ssize_t done = 0;
	int err = 0;

	if (*pos < 0)
		return -EINVAL;
	if (!mapping)
		return -EINVAL;
	while (len && *pos < inode->i_size) {
		unsigned long off = *pos & (PAGE_SIZE - 1), left;
		size_t n = min_t(size_t, len, PAGE_SIZE - off);
		struct page *page;

		n = min_t(loff_t, n, inode->i_size - *pos);
		page = read_mapping_page(mapping, *pos >> PAGE_SHIFT, file);
		if (IS_ERR(page)) {
			err = PTR_ERR(page);
			break;
		}
		left = copy_to_user(buf, (char *)page_address(page) + off, n);
		put_page(page);
		n -= left;
		done += n;
		buf += n;
		*pos += n;
		len -= n;
		if (left) {
			err = -EFAULT;
			break;
		}
	}
	return done ? done : err;
}

void truncate_inode_pages(struct address_space *mapping, loff_t from)
{
	unsigned long first = (from + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long off = from & (PAGE_SIZE - 1);
	struct page *page, *next;

	if (!mapping || !mapping->nrpages)
		return;
	if (off) {
		page = find_get_page(mapping, from >> PAGE_SHIFT);
		if (page) {
			memset((char *)page_address(page) + off, 0, PAGE_SIZE - off);
			put_page(page);
		}
	}
	list_for_each_entry_safe(page, next, &mapping->pages, lru) {
		if (page->index >= first)
			delete_from_page_cache(page);
	}
}

void invalidate_mapping_pages(struct address_space *mapping)
{
	struct page *page, *next;

	if (!mapping || !mapping->nrpages)
		return;
	list_for_each_entry_safe(page, next, &mapping->pages, lru) {
		if (page->flags & (PG_locked | PG_dirty) || page->mapcount)
			continue;
		delete_from_page_cache(page);
	}
}

int generic_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct address_space *mapping = file->f_mapping;

	if (!mapping || !mapping->a_ops || !mapping->a_ops->readpage)
		return -ENOEXEC;
	return 0;
}
