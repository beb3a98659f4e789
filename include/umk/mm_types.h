/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_MM_TYPES_H
#define _UMK_MM_TYPES_H

#include <umk/types.h>
#include <umk/list.h>
#include <engine.h>

struct file;
struct mm_struct;
struct page;
struct vm_area_struct;

/*
 * What backs a VMA that is neither plain anonymous memory nor the page
 * cache of vm_file (shared anonymous memory, device memory).  open() runs
 * when a VMA is copied (split, fork), close() when one goes away.  fault()
 * returns in *page a referenced page for page offset pgoff of the mapping,
 * or -errno (-EIO/-EFAULT raise SIGBUS, -ENOMEM fails the fault).
 */
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *vma);
	void (*close)(struct vm_area_struct *vma);
	int (*fault)(struct vm_area_struct *vma, unsigned long pgoff, struct page **page);
};

/* A guest virtual memory area [vm_start, vm_end). */
struct vm_area_struct {
	unsigned long vm_start, vm_end;
	unsigned long vm_flags;		/* VM_* */
	unsigned long vm_pgoff;		/* file offset in pages */
	struct file *vm_file;		/* NULL for anonymous memory */
	struct mm_struct *vm_mm;
	struct list_head vm_list;	/* mm->mmap, sorted by address */
	const struct vm_operations_struct *vm_ops;	/* NULL: anon or page cache */
	void *vm_private_data;		/* vm_ops' own */
};

#define VM_READ		0x0001
#define VM_WRITE	0x0002
#define VM_EXEC		0x0004
#define VM_SHARED	0x0008
#define VM_MAYREAD	0x0010
#define VM_MAYWRITE	0x0020
#define VM_MAYEXEC	0x0040
#define VM_MAYSHARE	0x0080
#define VM_GROWSDOWN	0x0100
#define VM_DONTCOPY	0x0200
#define VM_LOCKED	0x0400
#define VM_STACK	VM_GROWSDOWN

/*
 * Host TLB state of an mm: the pending batch of host mapping changes that
 * mirror page-table edits, applied by tlb_flush() before the guest runs.
 */
struct mm_context {
	struct host_mm host;
	int nr_pending;			/* ops queued in host.data->ops */
	bool host_alive;
};

struct mm_struct {
	struct list_head mmap;		/* VMAs, sorted */
	int map_count;
	unsigned long *pgd;		/* top page-table page (kernel address) */
	int users;			/* tasks sharing this mm */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	unsigned long mmap_base;	/* top-down search starts below this */
	unsigned long total_vm;		/* pages mapped by VMAs */
	unsigned long rss;		/* pages present in page tables */
	unsigned long saved_auxv[48];
	struct file *exe_file;
	struct vm_area_struct *vmacache;	/* last find_vma() result */
	struct mm_context context;
};

#endif
