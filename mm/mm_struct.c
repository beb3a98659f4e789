// SPDX-License-Identifier: GPL-2.0
/*
 * Life of an address space: mm_alloc() for exec, dup_mm() for fork,
 * mmput() when the last task lets go.
 *
 * fork copies the VMA list and the page tables.  Private pages become
 * copy-on-write: read-only in both page tables (the parent's host mapping
 * is write-protected at once), with one more reference.  Shared pages are
 * simply shared.  The child's host process starts empty; its PTEs lack
 * PTE_MAPPED and are mapped on first touch (most children exec at once),
 * a wide window at a time (mm/memory.c).
 */
#include <umk/fs.h>
#include "internal.h"

static struct kmem_cache *mm_cache;

static struct mm_struct *__mm_alloc(struct mm_struct *reuse)
{
	struct mm_struct *mm;

	if (!mm_cache) {
		mm_cache = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0);
		if (!mm_cache)
			return NULL;
	}
	mm = kmem_cache_alloc(mm_cache, __GFP_ZERO);
	if (!mm)
		return NULL;
	INIT_LIST_HEAD(&mm->mmap);
	mm->users = 1;
	mm->mmap_base = TASK_SIZE - MMAP_GAP;
	if (pgd_alloc(mm))
		goto out_free_mm;
	if (reuse)
		take_over_context(mm, reuse);
	else if (init_new_context(mm))
		goto out_free_pgd;
	return mm;

out_free_pgd:
	pgd_free(mm);
out_free_mm:
	kmem_cache_free(mm_cache, mm);
	return NULL;
}

struct mm_struct *mm_alloc(void)
{
	return __mm_alloc(NULL);
}

/*
 * exec: a new, empty mm.  When the old one has no other user its host
 * process is emptied and reused, which saves starting a process and
 * killing one on every exec.
 */
struct mm_struct *mm_alloc_exec(struct mm_struct *old)
{
	if (old && old->users == 1 && old->context.host_alive)
		return __mm_alloc(old);
	return __mm_alloc(NULL);
}

/* Tear down every mapping; the host process is already gone. */
static void exit_mmap(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		writeback_vma_range(vma, vma->vm_start, vma->vm_end);
	list_for_each_entry_safe(vma, next, &mm->mmap, vm_list) {
		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		vma_free(vma);
	}
	mm->total_vm = 0;
}

void mmput(struct mm_struct *mm)
{
	if (!mm || --mm->users > 0)
		return;
	destroy_context(mm);
	exit_mmap(mm);
	pgd_free(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	kmem_cache_free(mm_cache, mm);
}

static void copy_mm_fields(struct mm_struct *mm, struct mm_struct *old)
{
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	mm->mmap_base = old->mmap_base;
	memcpy(mm->saved_auxv, old->saved_auxv, sizeof(mm->saved_auxv));
	if (old->exe_file)
		mm->exe_file = get_file(old->exe_file);
}

struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma, *copy;
	int err;

	if (!mm)
		return NULL;
	copy_mm_fields(mm, old);
	list_for_each_entry(vma, &old->mmap, vm_list) {
		if (vma->vm_flags & VM_DONTCOPY)
			continue;
		copy = vma_dup(vma);
		if (!copy)
			goto out_mmput;
		copy->vm_mm = mm;
		list_add_tail(&copy->vm_list, &mm->mmap);
		mm->map_count++;
		mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
		err = copy_page_range(mm, vma);
		if (err)
			goto out_mmput;
	}
	return mm;

out_mmput:
	mmput(mm);
	return NULL;
}
