// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry cache.
 *
 * A dentry names one entry of a directory: (d_parent, d_name) -> d_inode,
 * or nothing (a negative dentry, which caches "no such file").  Hashed
 * dentries sit in dentry_hashtable under hash(parent, name) and are what
 * d_lookup() finds; d_drop() takes a dentry out of the hash so that later
 * lookups miss it while its current users keep it.
 *
 * Life rules:
 *  - d_count counts users.  Every child holds a reference on its parent,
 *    so a dentry whose count is zero has no children: the unused list (an
 *    LRU of leaves) is what dput() builds and prune_dcache() eats.
 *  - A dentry whose count reaches zero stays cached unless it is unhashed,
 *    its file system says not to keep it (->d_delete), or its inode has no
 *    links left; then it is freed at once, dropping its inode and parent.
 *  - A root (d_parent == itself) belongs to its super_block or, for pseudo
 *    files such as pipes, to the files open on it; roots are never hashed.
 */
#include <umk/fs.h>
#include <umk/mm.h>

#define D_HASH_BITS	12
#define D_HASH_SIZE	(1U << D_HASH_BITS)
#define DCACHE_MAX_UNUSED	4096	/* unused dentries kept before pruning */

static struct hlist_head dentry_hashtable[D_HASH_SIZE];
static LIST_HEAD(dentry_unused);
static unsigned long nr_dentry, nr_unused;
static struct kmem_cache *dentry_cache;
static bool pruning;

/* FNV-1a: cheap, and good enough for names. */
unsigned int full_name_hash(const char *name, unsigned int len)
{
	unsigned int h = 2166136261u;

	while (len--) {
		h ^= (unsigned char)*name++;
		h *= 16777619u;
	}
	return h;
}

void qstr_init(struct qstr *q, const char *name, unsigned int len)
{
	q->name = name;
	q->len = len;
	q->hash = full_name_hash(name, len);
}

static struct hlist_head *d_hash(const struct dentry *parent, unsigned int hash)
{
	unsigned long h = hash ^ ((unsigned long)parent >> 4);

	h ^= h >> D_HASH_BITS;
	h *= 0x9e3779b1u;
	return &dentry_hashtable[(h >> 7) & (D_HASH_SIZE - 1)];
}

static int dcache_init_once(void)
{
	if (dentry_cache)
		return 0;
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 8);
	return dentry_cache ? 0 : -ENOMEM;
}

static bool name_is_inline(const struct dentry *d)
{
	return d->d_name.name == d->d_iname;
}

static int d_set_name(struct dentry *d, const struct qstr *name)
{
	char *s = d->d_iname;

	if (name->len >= sizeof(d->d_iname)) {
		s = kmalloc(name->len + 1, GFP_KERNEL);
		if (!s)
			return -ENOMEM;
	}
	memcpy(s, name->name, name->len);
	s[name->len] = '\0';
	d->d_name.name = s;
	d->d_name.len = name->len;
	d->d_name.hash = full_name_hash(s, name->len);
	return 0;
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *d;

	if (dcache_init_once())
		return NULL;
	d = kmem_cache_alloc(dentry_cache, GFP_KERNEL);
	if (!d)
		return NULL;
	memset(d, 0, sizeof(*d));
	if (d_set_name(d, name)) {
		kmem_cache_free(dentry_cache, d);
		return NULL;
	}
	d->d_count = 1;
	d->d_flags = DCACHE_UNHASHED;
	d->d_sb = sb;
	d->d_parent = d;
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	INIT_LIST_HEAD(&d->d_lru);
	nr_dentry++;
	return d;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d = __d_alloc(parent->d_sb, name);

	if (!d)
		return NULL;
	d->d_parent = dget(parent);
	d->d_op = parent->d_op;
	list_add_tail(&d->d_child, &parent->d_subdirs);
	return d;
}

struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q;

	qstr_init(&q, name, strlen(name));
	return d_alloc(parent, &q);
}

struct dentry *d_alloc_pseudo(struct super_block *sb, const struct qstr *name)
{
	struct dentry *d = __d_alloc(sb, name);

	if (d)
		d->d_flags |= DCACHE_PSEUDO;
	return d;
}

struct dentry *d_make_root(struct inode *root)
{
	static const struct qstr slash = { "/", 1, 0 };
	struct dentry *d;

	if (!root)
		return NULL;
	d = __d_alloc(root->i_sb, &slash);
	if (!d) {
		iput(root);
		return NULL;
	}
	d_instantiate(d, root);
	return d;
}

void d_instantiate(struct dentry *d, struct inode *inode)
{
	d->d_inode = inode;
}

void d_rehash(struct dentry *d)
{
	if (!d_unhashed(d) || IS_ROOT(d))
		return;
	hlist_add_head(&d->d_hash, d_hash(d->d_parent, d->d_name.hash));
	d->d_flags &= ~DCACHE_UNHASHED;
}

void d_add(struct dentry *d, struct inode *inode)
{
	d_instantiate(d, inode);
	d_rehash(d);
}

void d_drop(struct dentry *d)
{
	if (d_unhashed(d))
		return;
	hlist_del(&d->d_hash);
	d->d_flags |= DCACHE_UNHASHED;
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	unsigned int hash = full_name_hash(name->name, name->len);
	struct dentry *d;

	hlist_for_each_entry(d, d_hash(parent, hash), d_hash) {
		if (d->d_parent != parent || d->d_name.hash != hash ||
		    d->d_name.len != name->len)
			continue;
		if (memcmp(d->d_name.name, name->name, name->len))
			continue;
		return dget(d);
	}
	return NULL;
}

static void d_lru_del(struct dentry *d)
{
	if (!(d->d_flags & DCACHE_LRU))
		return;
	list_del_init(&d->d_lru);
	d->d_flags &= ~DCACHE_LRU;
	nr_unused--;
}

struct dentry *dget(struct dentry *d)
{
	if (!d)
		return NULL;
	if (!d->d_count)
		d_lru_del(d);
	d->d_count++;
	return d;
}

/* Free an unused dentry; returns its parent, whose reference we now drop. */
static struct dentry *dentry_kill(struct dentry *d)
{
	struct dentry *parent = IS_ROOT(d) ? NULL : d->d_parent;
	struct inode *inode = d->d_inode;

	d_lru_del(d);
	d_drop(d);
	list_del(&d->d_child);
	d->d_inode = NULL;
	if (inode)
		iput(inode);
	if (!name_is_inline(d))
		kfree(d->d_name.name);
	kmem_cache_free(dentry_cache, d);
	nr_dentry--;
	return parent;
}

static bool d_should_keep(const struct dentry *d)
{
	if (d_unhashed(d))
		return false;
	if (d->d_op && d->d_op->d_delete && d->d_op->d_delete(d))
		return false;
	if (d->d_inode && !d->d_inode->i_nlink)
		return false;
	return true;
}

static void prune_dcache(unsigned long count);

void dput(struct dentry *d)
{
	while (d) {
		if (WARN_ON(d->d_count <= 0))
			return;
		if (--d->d_count)
			return;
		if (d_should_keep(d)) {
			list_add_tail(&d->d_lru, &dentry_unused);
			d->d_flags |= DCACHE_LRU;
			nr_unused++;
			if (nr_unused > DCACHE_MAX_UNUSED)
				prune_dcache(nr_unused - DCACHE_MAX_UNUSED / 2);
			return;
		}
		d = dentry_kill(d);
	}
}

/* Free the oldest unused dentries.  Parents made unused join the LRU tail. */
static void prune_dcache(unsigned long count)
{
	struct dentry *d;

	if (pruning)
		return;
	pruning = true;
	while (count-- && !list_empty(&dentry_unused)) {
		d = list_first_entry(&dentry_unused, struct dentry, d_lru);
		dput(dentry_kill(d));
	}
	pruning = false;
}

/* Free unused dentries matching keep == false until none is left. */
static void shrink_unused(bool (*match)(struct dentry *d, void *arg), void *arg)
{
	struct dentry *d, *next;
	bool again = true;

	while (again) {
		again = false;
		list_for_each_entry_safe(d, next, &dentry_unused, d_lru) {
			if (!match(d, arg))
				continue;
			dput(dentry_kill(d));
			again = true;
			break;
		}
	}
}

static bool match_sb(struct dentry *d, void *arg)
{
	return d->d_sb == arg;
}

static bool match_descendant(struct dentry *d, void *arg)
{
	return d != arg && d_is_subdir(d, arg);
}

void shrink_dcache_sb(struct super_block *sb)
{
	shrink_unused(match_sb, sb);
}

void shrink_dcache_parent(struct dentry *parent)
{
	shrink_unused(match_descendant, parent);
}

void d_invalidate(struct dentry *d)
{
	d_drop(d);
	shrink_dcache_parent(d);
}

/*
 * After unlink or rmdir: if the caller holds the only reference, turn the
 * dentry negative (it then caches the absence); otherwise just unhash it
 * so the name is free while open files keep the inode.
 */
void d_delete(struct dentry *d)
{
	struct inode *inode = d->d_inode;

	if (d->d_count == 1 && inode && !d->d_mounted) {
		d->d_inode = NULL;
		iput(inode);
		return;
	}
	d_drop(d);
}

/* Swap the names of two dentries without allocating. */
static void swap_names(struct dentry *a, struct dentry *b)
{
	char tmp[sizeof(a->d_iname)];
	struct qstr qa = a->d_name, qb = b->d_name;

	if (name_is_inline(a) && name_is_inline(b)) {
		memcpy(tmp, a->d_iname, sizeof(tmp));
		memcpy(a->d_iname, b->d_iname, sizeof(tmp));
		memcpy(b->d_iname, tmp, sizeof(tmp));
		qa.name = b->d_iname;
		qb.name = a->d_iname;
	} else if (name_is_inline(a)) {
		memcpy(b->d_iname, a->d_iname, sizeof(tmp));
		qa.name = b->d_iname;
	} else if (name_is_inline(b)) {
		memcpy(a->d_iname, b->d_iname, sizeof(tmp));
		qb.name = a->d_iname;
	}
	a->d_name = qb;
	b->d_name = qa;
}

static void d_reparent(struct dentry *d, struct dentry *parent)
{
	struct dentry *old = d->d_parent;

	list_del(&d->d_child);
	list_add_tail(&d->d_child, &parent->d_subdirs);
	if (old == parent)
		return;
	d->d_parent = dget(parent);
	dput(old);
}

/*
 * Rename: d takes target's place (name and parent); target, left with d's
 * old name, is unhashed and dies with its last reference.  d moves to the
 * end of its new parent's child list, where in-memory directories list it.
 */
void d_move(struct dentry *d, struct dentry *target)
{
	d_drop(d);
	d_drop(target);
	swap_names(d, target);
	d_reparent(d, target->d_parent);
	d_rehash(d);
}

void d_exchange(struct dentry *a, struct dentry *b)
{
	struct dentry *pa = dget(a->d_parent), *pb = dget(b->d_parent);

	d_drop(a);
	d_drop(b);
	swap_names(a, b);
	d_reparent(a, pb);
	d_reparent(b, pa);
	dput(pa);
	dput(pb);
	d_rehash(a);
	d_rehash(b);
}

bool d_is_subdir(struct dentry *d, struct dentry *ancestor)
{
	for (;;) {
		if (d == ancestor)
			return true;
		if (IS_ROOT(d))
			return false;
		d = d->d_parent;
	}
}

unsigned long dcache_nr_dentries(void)
{
	return nr_dentry;
}

unsigned long dcache_nr_unused(void)
{
	return nr_unused;
}
