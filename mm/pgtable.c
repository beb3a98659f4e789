// SPDX-License-Identifier: GPL-2.0
/*
 * Guest page tables: the 4-level radix tree described in mm/internal.h.
 * Table pages come from the page allocator, zeroed.  Tables are only freed
 * with the whole mm (pgd_free), so a PTE pointer stays valid while the mm
 * lives, even across a sleep.
 */
#include "internal.h"

static inline unsigned int pt_index(unsigned long addr, int level)
{
	return (addr >> (PAGE_SHIFT + 9 * level)) & (PT_ENTRIES - 1);
}

static inline unsigned long *pt_table(unsigned long entry)
{
	return __va(entry & PTE_ADDR_MASK);
}

/* Bytes covered by one entry of a table at level (0 = leaf PTEs). */
static inline unsigned long pt_span(int level)
{
	return 1UL << (PAGE_SHIFT + 9 * level);
}

int pgd_alloc(struct mm_struct *mm)
{
	mm->pgd = (unsigned long *)get_zeroed_page(GFP_KERNEL);
	return mm->pgd ? 0 : -ENOMEM;
}

static void free_table(unsigned long *table, int level)
{
	unsigned int i;

	if (level > 0)
		for (i = 0; i < PT_ENTRIES; i++)
			if (table[i] & PTE_PRESENT)
				free_table(pt_table(table[i]), level - 1);
	free_page((unsigned long)table);
}

void pgd_free(struct mm_struct *mm)
{
	if (mm->pgd)
		free_table(mm->pgd, PT_LEVELS - 1);
	mm->pgd = NULL;
}

static pte_t *walk(struct mm_struct *mm, unsigned long addr, bool alloc)
{
	unsigned long *table = mm->pgd;
	int level;

	if (!table || addr >= TASK_SIZE)
		return NULL;
	for (level = PT_LEVELS - 1; level > 0; level--) {
		unsigned long *entry = &table[pt_index(addr, level)];

		if (!(*entry & PTE_PRESENT)) {
			unsigned long next;

			if (!alloc)
				return NULL;
			next = get_zeroed_page(GFP_KERNEL);
			if (!next)
				return NULL;
			*entry = __pa(next) | PTE_PRESENT;
		}
		table = pt_table(*entry);
	}
	return &table[pt_index(addr, 0)];
}

pte_t *pte_lookup(struct mm_struct *mm, unsigned long addr)
{
	return walk(mm, addr, false);
}

pte_t *pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	return walk(mm, addr, true);
}

static int walk_level(unsigned long *table, int level, unsigned long base,
		      unsigned long start, unsigned long end, pte_fn_t fn, void *arg)
{
	unsigned long span = pt_span(level);
	unsigned int i = pt_index(start, level);
	unsigned long addr = base + i * span;
	int ret;

	for (; i < PT_ENTRIES && addr < end; i++, addr += span) {
		unsigned long lo = max(addr, start), hi = min(addr + span, end);

		if (!table[i])
			continue;
		if (level == 0)
			ret = fn(&table[i], addr, arg);
		else
			ret = walk_level(pt_table(table[i]), level - 1, addr,
					 lo, hi, fn, arg);
		if (ret)
			return ret;
	}
	return 0;
}

int walk_ptes(struct mm_struct *mm, unsigned long start, unsigned long end,
	      pte_fn_t fn, void *arg)
{
	if (!mm->pgd || start >= end)
		return 0;
	if (end > TASK_SIZE)
		end = TASK_SIZE;
	return walk_level(mm->pgd, PT_LEVELS - 1, 0, start, end, fn, arg);
}
