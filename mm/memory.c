// SPDX-License-Identifier: GPL-2.0
/*
 * Page faults.
 *
 * A guest fault (or a kernel access to guest memory) lands here with the
 * address and, when known, the kind of access.  Resolving it means making
 * the PTE present with enough permission:
 *  - anonymous private memory: a zeroed page;
 *  - file and vm_ops mappings: the page from the page cache or vm_ops;
 *    a private mapping maps it read-only and copies it on write;
 *  - a write to a read-only PTE of a private mapping breaks copy-on-write:
 *    an anonymous page nobody else holds is made writable, anything else
 *    is copied;
 *  - a shared file mapping is mapped read-only until written, so that
 *    writes mark the page cache page dirty.
 *
 * Every guest fault costs two host traps (the fault stop, then a stub run
 * to fix the host mapping), so each resolved fault also does the work the
 * next few faults would have done (fault-around), queued for one stub run:
 *  - in private anonymous memory the untouched pages of the
 *    CONFIG_FAULT_AROUND_PAGES-aligned window around the address are
 *    allocated, preferably as one physically contiguous block so the host
 *    sees one mapping instead of many;
 *  - in the wider MAP_AROUND_PAGES window, across VMAs, present PTEs the
 *    host lacks (a child after fork) are mapped, and page-cache pages that
 *    are already uptodate are mapped read-only (text after exec): neither
 *    costs memory, only host operations, which coalesce and are rationed;
 *  - a write that finds its copy-on-write page exclusive again (the other
 *    side of a fork has exec'd or exited) re-enables write on the other
 *    exclusive copy-on-write pages of its page table as well.
 * Windows stay inside one page table; the first one also inside the VMA.
 */
#include <umk/fs.h>
#include <umk/sched.h>
#include <linux/resource.h>
#include "internal.h"

static inline bool vma_is_anonymous(struct vm_area_struct *vma)
{
	return !vma->vm_file && !vma->vm_ops;
}

int pte_host_prot(struct vm_area_struct *vma, pte_t pte)
{
	int prot = vma_host_prot(vma->vm_flags);

	if (!(pte & PTE_WRITE))
		prot &= ~PROT_WRITE;
	return prot;
}

/* Make *ptep = pte and queue the host mapping. */
void map_pte(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep, pte_t pte)
{
	*ptep = pte | PTE_MAPPED;
	tlb_map_page(vma->vm_mm, addr, pte_phys(pte), pte_host_prot(vma, pte));
}

/* Put page in an empty PTE; takes over the caller's reference. */
static void set_new_pte(struct vm_area_struct *vma, pte_t *ptep, struct page *page,
			bool write)
{
	page->mapcount++;
	vma->vm_mm->rss++;
	*ptep = mk_pte(page, PTE_ACCESSED | (write ? PTE_WRITE | PTE_DIRTY : 0));
}

static unsigned long linear_pgoff(struct vm_area_struct *vma, unsigned long addr)
{
	return vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
}

static bool pgoff_beyond_eof(struct file *file, unsigned long pgoff)
{
	struct inode *inode = file->f_mapping->host ? file->f_mapping->host : file->f_inode;

	if (!inode || !S_ISREG(inode->i_mode))
		return false;
	return (loff_t)pgoff << PAGE_SHIFT >= inode->i_size;
}

static struct page *copy_user_page(struct page *src)
{
	struct page *page = alloc_page(GFP_USER);

	if (page)
		memcpy(page_address(page), page_address(src), PAGE_SIZE);
	return page;
}

/* A private page that a write may take over: anonymous and held only here. */
static bool page_reusable(struct page *page)
{
	return !page->mapping && page->refcount == 1;
}

/* The page table holding addr covers [*start, *end). */
static void table_span(unsigned long addr, unsigned long *start, unsigned long *end)
{
	*start = addr & ~((PAGE_SIZE * PT_ENTRIES) - 1);
	*end = *start + PAGE_SIZE * PT_ENTRIES;
}

/* The n-page aligned window around addr, inside its page table. */
static void window(unsigned long addr, unsigned long n, unsigned long *start,
		   unsigned long *end)
{
	unsigned long ts, te, ws = ((addr >> PAGE_SHIFT) / n * n) << PAGE_SHIFT;

	table_span(addr, &ts, &te);
	*start = max(ws, ts);
	*end = min(ws + n * PAGE_SIZE, te);
}

/* The fault-around window of addr (pages allocated, read ahead), inside vma. */
static void fault_window(struct vm_area_struct *vma, unsigned long addr,
			 unsigned long *start, unsigned long *end)
{
	window(addr, CONFIG_FAULT_AROUND_PAGES, start, end);
	*start = max(*start, vma->vm_start);
	*end = min(*end, vma->vm_end);
}

typedef void (*vma_part_fn)(struct vm_area_struct *vma, unsigned long start,
			    unsigned long end, pte_t *base, void *arg);

/*
 * Call fn, in address order, for the part inside [start, end) of every
 * VMA meeting that range.  The range lies in the page table of addr, whose
 * PTE is ptep and whose VMA is vma; fn gets the PTE of the part's start.
 */
static void for_each_vma_part(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
			      unsigned long start, unsigned long end, vma_part_fn fn,
			      void *arg)
{
	struct vm_area_struct *v, *prev;
	unsigned long ts, te, s, e;
	pte_t *table;

	table_span(addr, &ts, &te);
	table = ptep - ((addr - ts) >> PAGE_SHIFT);
	for (v = vma; (prev = vma_prev(v)) && prev->vm_end > start; v = prev)
		;
	for (; v && v->vm_start < end; v = vma_next(v)) {
		s = max(v->vm_start, start);
		e = min(v->vm_end, end);
		if (s < e)
			fn(v, s, e, table + ((s - ts) >> PAGE_SHIFT), arg);
	}
}

/*
 * If the present PTE p of vma is copy-on-write but its page is ours alone
 * again, give it back the write permission a write fault would (reuse).
 * True if it did.
 */
static bool reuse_pte(struct vm_area_struct *vma, pte_t *p)
{
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) != VM_WRITE || (*p & PTE_WRITE) ||
	    !page_reusable(pte_page(*p)))
		return false;
	*p |= PTE_WRITE | PTE_DIRTY;
	return true;
}

/*
 * Reuse the exclusive copy-on-write pages of a VMA part.  The host changes
 * are virtual ranges, so neighbours coalesce into few ops whatever the
 * pages.
 */
static void reuse_part(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		       pte_t *p, void *unused)
{
	unsigned long a;

	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) != VM_WRITE)
		return;
	for (a = start; a < end; a += PAGE_SIZE, p++) {
		if (pte_present(*p) && reuse_pte(vma, p) && (*p & PTE_MAPPED))
			tlb_protect(vma->vm_mm, a, PAGE_SIZE, pte_host_prot(vma, *p));
	}
}

/*
 * Write fault-around for reuse: the PTE at addr (ptep) was just taken
 * over.  After fork the parent's pages stay read-only until each one is
 * written, even once the child has exec'd or exited and they are the
 * parent's alone again; so take over every such page of the private
 * writable VMAs in the same page table now, in one batch.
 */
static void reuse_around(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)
{
	unsigned long ts, te;

	table_span(addr, &ts, &te);
	for_each_vma_part(vma, addr, ptep, ts, te, reuse_part, NULL);
}

/* Write to a present read-only PTE. */
static int do_wp_page(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
		      int access)
{
	struct page *page = pte_page(*ptep), *copy;
	unsigned long wbit = vma->vm_flags & VM_WRITE ? PTE_WRITE : 0;

	if (vma->vm_flags & VM_SHARED) {
		if (page->mapping)
			page->flags |= PG_dirty;
		*ptep |= wbit | PTE_DIRTY | PTE_ACCESSED;
		return 0;
	}
	if (page_reusable(page)) {
		*ptep |= wbit | PTE_DIRTY | PTE_ACCESSED;
		if (wbit)
			reuse_around(vma, addr, ptep);
		return 0;
	}
	copy = copy_user_page(page);
	if (!copy)
		return -ENOMEM;
	page->mapcount--;
	put_page(page);
	copy->mapcount = 1;
	*ptep = mk_pte(copy, wbit | PTE_DIRTY | PTE_ACCESSED);
	return 0;
}

/* Put the file (or vm_ops) page for addr in its empty PTE. */
static int install_file_page(struct vm_area_struct *vma, pte_t *ptep, int access,
			     struct page *page)
{
	bool write = access & FAULT_WRITE;
	struct page *copy;

	if (vma->vm_flags & VM_SHARED) {
		/* Shared files map read-only until written (dirty tracking). */
		bool w = (vma->vm_flags & VM_WRITE) && (write || !vma->vm_file);

		if (write && page->mapping)
			page->flags |= PG_dirty;
		set_new_pte(vma, ptep, page, w);
		return 0;
	}
	if (!write) {
		set_new_pte(vma, ptep, page, false);
		return 0;
	}
	copy = copy_user_page(page);
	put_page(page);
	if (!copy)
		return -ENOMEM;
	set_new_pte(vma, ptep, copy, vma->vm_flags & VM_WRITE);
	return 0;
}

/*
 * Fill the empty PTEs of the window around addr (a private anonymous
 * VMA) with zeroed pages.  Only the page at addr is required.
 */
static int fill_anon_window(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep)
{
	unsigned long start, end, a, n = CONFIG_FAULT_AROUND_PAGES, empty = 0;
	bool write = vma->vm_flags & VM_WRITE;
	pte_t *base, *p;
	struct page *block = NULL, *page;
	unsigned int order = 0;

	fault_window(vma, addr, &start, &end);
	base = ptep - ((addr - start) >> PAGE_SHIFT);
	for (p = base, a = start; a < end; a += PAGE_SIZE, p++)
		empty += !*p;
	if (n > 1 && !(n & (n - 1)) && empty == n && nr_free_pages() > FAULT_AROUND_RESERVE) {
		order = __builtin_ctzl(n);
		block = alloc_pages(__GFP_ZERO | __GFP_NOWARN, order);
		if (block)
			split_page(block, order);
	}
	for (p = base, a = start; a < end; a += PAGE_SIZE, p++) {
		if (*p)
			continue;
		if (block) {
			page = block + ((a - start) >> PAGE_SHIFT);
		} else {
			if (a != addr && nr_free_pages() < FAULT_AROUND_RESERVE)
				continue;
			page = alloc_page(__GFP_ZERO | (a != addr ? __GFP_NOWARN : 0));
			if (!page) {
				if (a == addr)
					return -ENOMEM;
				continue;
			}
		}
		set_new_pte(vma, p, page, write);
	}
	return 0;
}

/* A page-cache page for slot a of a file VMA, if cached and uptodate. */
static struct page *cached_page(struct vm_area_struct *vma, unsigned long a)
{
	unsigned long pgoff = linear_pgoff(vma, a);
	struct page *page;

	if (pgoff_beyond_eof(vma->vm_file, pgoff))
		return NULL;
	page = find_get_page(vma->vm_file->f_mapping, pgoff);
	if (page && !(page->flags & PG_uptodate)) {
		put_page(page);
		page = NULL;
	}
	return page;
}

static bool vma_maps_cache(struct vm_area_struct *vma)
{
	return vma->vm_file && !vma->vm_ops && vma->vm_file->f_mapping;
}

/*
 * What mapping around a fault may still cost.  The fault-around window of
 * the fault's VMA, [must_start, must_end), is always mapped, for free;
 * other pages while host ops are left.  A page that continues the last
 * one virtually and physically, with the same protection, coalesces into
 * its op (see tlb.c) and costs none.
 */
struct map_budget {
	struct vm_area_struct *vma;
	unsigned long must_start, must_end;
	bool stale;			/* the fault found a PTE the host lacks */
	int ops;
	unsigned long next_va, next_pa;
	int prot;
};

static bool map_must(struct map_budget *b, struct vm_area_struct *vma, unsigned long a)
{
	return vma == b->vma && a >= b->must_start && a < b->must_end;
}

static void map_counted(struct map_budget *b, struct vm_area_struct *vma, unsigned long a,
			pte_t *p, bool must)
{
	int prot = pte_host_prot(vma, *p);

	if (!must && (a != b->next_va || pte_phys(*p) != b->next_pa || prot != b->prot))
		b->ops--;
	map_pte(vma, a, p, *p);
	b->next_va = a + PAGE_SIZE;
	b->next_pa = pte_phys(*p) + PAGE_SIZE;
	b->prot = prot;
}

/*
 * Queue host mappings for a VMA part, in address order: the present PTEs
 * the host lacks (writable if the page is ours alone again, so that a
 * child whose parent has copied a page since fork does not fault on it
 * twice) and uptodate cached file pages not yet in a PTE (read-only, as a
 * read fault would map them).  Cache lookups stop after MAP_CACHE_MISSES
 * misses in a row: a sparsely cached file is not worth hundreds of them.
 * Present PTEs the host lacks are only looked for beyond the fault-around
 * window when the fault found one (a child after fork), so that plain
 * anonymous faults do not walk the whole window.  VMAs that allow no
 * access at all are left alone, but for the fault's.
 */
static void map_part(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		     pte_t *p, void *arg)
{
	struct map_budget *b = arg;
	bool cache = vma_maps_cache(vma);
	unsigned long a, misses = 0;

	if (vma != b->vma && !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return;
	if (!cache && !b->stale) {
		if (vma != b->vma)
			return;
		p += (max(start, b->must_start) - start) >> PAGE_SHIFT;
		start = max(start, b->must_start);
		end = min(end, b->must_end);
	}
	for (a = start; a < end; a += PAGE_SIZE, p++) {
		bool must = map_must(b, vma, a);

		if (!must && b->ops <= 0)
			continue;
		if (!*p && cache) {
			struct page *page = cached_page(vma, a);

			if (page) {
				set_new_pte(vma, p, page, false);
				misses = 0;
			} else if (++misses >= MAP_CACHE_MISSES) {
				cache = false;
			}
		}
		if (pte_present(*p) && !(*p & PTE_MAPPED)) {
			reuse_pte(vma, p);
			map_counted(b, vma, a, p, must);
		}
	}
}

/*
 * Map what is already there around addr, whose PTE (ptep) the fault just
 * resolved: present PTEs the host lacks and cached file pages, in the
 * MAP_AROUND_PAGES window across VMAs, for up to MAP_AROUND_OPS host ops
 * beyond the fault-around window.  Nothing is allocated, so the window is
 * wider than the fault-around one.  It serves a child after fork, whose
 * page tables are full while its host process is empty (stale: the fault
 * found its PTE present but not in the host), and text after exec, in the
 * page cache already; both touch pages scattered far wider than the
 * fault-around window.
 */
static void map_around(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep,
		       bool stale)
{
	struct map_budget b = { .vma = vma, .stale = stale, .ops = MAP_AROUND_OPS };
	unsigned long start, end;

	fault_window(vma, addr, &b.must_start, &b.must_end);
	window(addr, MAP_AROUND_PAGES, &start, &end);
	for_each_vma_part(vma, addr, ptep, start, end, map_part, &b);
}

static unsigned long stack_limit(void)
{
	struct task_struct *tsk = current;
	unsigned long lim;

	if (!tsk || !tsk->signal)
		return ~0UL;
	lim = tsk->signal->rlim[RLIMIT_STACK].cur;
	return lim ? lim : ~0UL;
}

static int expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *prev = vma_prev(vma);
	unsigned long start = addr & PAGE_MASK;

	if (vma->vm_start - start > STACK_GROW_MAX)
		return -EFAULT;
	if (prev && (prev->vm_end > start || start - prev->vm_end < STACK_GUARD_GAP))
		return -EFAULT;
	if (vma->vm_end - start > stack_limit())
		return -EFAULT;
	vma->vm_mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_pgoff -= (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	return 0;
}

/*
 * Fill in an unknown access kind from the PTE state (see mman.h).  If the
 * host already maps the page with all the VMA allows, the access was one
 * the VMA forbids (an exec or a write): say so, or it would fault forever.
 */
static int infer_access(struct vm_area_struct *vma, pte_t pte)
{
	if (!pte_present(pte) || !(pte & PTE_MAPPED))
		return FAULT_READ;
	if (!(pte & PTE_WRITE) && (vma->vm_flags & VM_WRITE))
		return FAULT_WRITE;
	if (!(vma->vm_flags & VM_EXEC))
		return FAULT_EXEC;
	if (!(vma->vm_flags & VM_WRITE))
		return FAULT_WRITE;
	return FAULT_READ;
}

static bool access_allowed(struct vm_area_struct *vma, int access)
{
	unsigned long f = vma->vm_flags;

	if ((access & FAULT_WRITE) && !(f & VM_WRITE) &&
	    !((access & FAULT_FORCE) && !(f & VM_SHARED)))
		return false;
	if ((access & FAULT_EXEC) && !(f & VM_EXEC))
		return false;
	return f & (VM_READ | VM_WRITE | VM_EXEC) || (access & FAULT_FORCE);
}

/* Resolve a fault on a present PTE, or an empty one in anonymous memory. */
static int resolve(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep, int access)
{
	pte_t pte = *ptep;

	if (!pte_present(pte))
		return fill_anon_window(vma, addr, ptep);
	*ptep &= ~PTE_MAPPED;		/* the host lacks it, or has it wrong */
	if ((access & FAULT_WRITE) && !(pte & PTE_WRITE))
		return do_wp_page(vma, addr, ptep, access);
	*ptep |= PTE_ACCESSED | ((access & FAULT_WRITE) ? PTE_DIRTY : 0);
	return 0;
}

/*
 * What a file fault fetched.  Fetching may sleep (readpage, readahead),
 * and meanwhile another thread may change the VMAs, so the fault only
 * goes on if the address still maps the same thing (same_backing).
 */
struct file_fault {
	struct file *file;		/* referenced while fetching */
	const struct vm_operations_struct *ops;
	void *private;
	unsigned long pgoff;
	struct page *page;
};

static int fetch_file_page(struct vm_area_struct *vma, unsigned long addr,
			   struct file_fault *ff)
{
	unsigned long start, end;
	struct page *page;

	ff->file = vma->vm_file ? get_file(vma->vm_file) : NULL;
	ff->ops = vma->vm_ops;
	ff->private = vma->vm_private_data;
	ff->pgoff = linear_pgoff(vma, addr);
	ff->page = NULL;
	if (ff->ops && ff->ops->fault)
		return ff->ops->fault(vma, ff->pgoff, &ff->page);
	if (!ff->file || !ff->file->f_mapping || pgoff_beyond_eof(ff->file, ff->pgoff))
		return -EIO;
	fault_window(vma, addr, &start, &end);
	/* vma may be gone once this sleeps */
	page_cache_readahead(ff->file->f_mapping, ff->file, linear_pgoff(vma, start),
			     (end - start) >> PAGE_SHIFT);
	page = read_mapping_page(ff->file->f_mapping, ff->pgoff, ff->file);
	if (IS_ERR(page))
		return PTR_ERR(page) == -ENOMEM ? -ENOMEM : -EIO;
	ff->page = page;
	return 0;
}

static bool same_backing(struct vm_area_struct *vma, unsigned long addr,
			 struct file_fault *ff)
{
	return vma && vma->vm_start <= addr && vma->vm_file == ff->file &&
	       vma->vm_ops == ff->ops && vma->vm_private_data == ff->private &&
	       linear_pgoff(vma, addr) == ff->pgoff;
}

static void put_file_fault(struct file_fault *ff)
{
	if (ff->page)
		put_page(ff->page);
	if (ff->file)
		fput(ff->file);
}

/* The VMA for addr, growing a stack down to it if need be. */
static struct vm_area_struct *fault_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	if (!vma || addr >= TASK_SIZE)
		return NULL;
	if (addr < vma->vm_start &&
	    (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr)))
		return NULL;
	return vma;
}

#define FAULT_RETRIES	3

int __handle_mm_fault(struct mm_struct *mm, unsigned long addr, int access, int *si_code)
{
	struct vm_area_struct *vma;
	struct file_fault ff;
	int tries, acc, err;
	bool stale = false;
	pte_t *ptep;

	addr &= PAGE_MASK;
	for (tries = 0; tries < FAULT_RETRIES; tries++) {
		*si_code = SEGV_MAPERR;
		vma = fault_vma(mm, addr);
		if (!vma)
			return -EFAULT;
		ptep = pte_alloc(mm, addr);
		if (!ptep)
			return -ENOMEM;
		if (!tries)
			stale = pte_present(*ptep) && !(*ptep & PTE_MAPPED);
		acc = access;
		if (!(acc & (FAULT_READ | FAULT_WRITE | FAULT_EXEC)))
			acc |= infer_access(vma, *ptep);
		*si_code = SEGV_ACCERR;
		if (!access_allowed(vma, acc))
			return -EFAULT;
		if (pte_present(*ptep) || vma_is_anonymous(vma)) {
			err = resolve(vma, addr, ptep, acc);
			goto done;
		}
		err = fetch_file_page(vma, addr, &ff);
		if (err) {
			put_file_fault(&ff);
			return err;
		}
		vma = find_vma(mm, addr);
		if (same_backing(vma, addr, &ff) && access_allowed(vma, acc)) {
			if (pte_present(*ptep)) {
				err = resolve(vma, addr, ptep, acc);
			} else {
				err = install_file_page(vma, ptep, acc, ff.page);
				ff.page = NULL;
			}
			put_file_fault(&ff);
			goto done;
		}
		put_file_fault(&ff);
	}
	return 0;	/* the mappings keep changing: let the access retry */
done:
	if (!err)
		map_around(vma, addr, ptep, stale);
	return err;
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr, int access, int *si_code)
{
	int code;

	return __handle_mm_fault(mm, addr, access & ~FAULT_FORCE, si_code ? si_code : &code);
}
