/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UMK_MMAN_H
#define _UMK_MMAN_H

/*
 * Guest address spaces: VMAs, page tables, faults and the mmap family.
 * Implemented in mm/ (mmap.c, memory.c, pgtable.c, fork.c-side dup_mm).
 */
#include <umk/mm.h>
#include <umk/mm_types.h>
#include <linux/mman.h>

struct file;

/* mm/mmap.c */
struct mm_struct *mm_alloc(void);		/* empty mm with a live host process */
void mmput(struct mm_struct *mm);		/* drop a user; last one frees all */
struct mm_struct *dup_mm(struct mm_struct *old);	/* fork: copy-on-write copy */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* first VMA with vm_end > addr, or NULL */
unsigned long do_mmap(struct mm_struct *mm, struct file *file, unsigned long addr,
		      unsigned long len, unsigned long prot, unsigned long flags,
		      unsigned long pgoff);	/* address or -errno */
int do_munmap(struct mm_struct *mm, unsigned long addr, unsigned long len);
int do_mprotect(struct mm_struct *mm, unsigned long addr, unsigned long len,
		unsigned long prot);
/* Set up [start_brk, brk) as an anonymous heap VMA. */
int mm_setup_brk(struct mm_struct *mm, unsigned long start);
/* Stack VMA that grows down below top, initial size len. */
int mm_setup_stack(struct mm_struct *mm, unsigned long top, unsigned long len);

/*
 * mm/memory.c.  Resolve a guest fault at addr.  access is a mask of
 * FAULT_READ/FAULT_WRITE/FAULT_EXEC (0 = unknown: infer from the PTE).
 * Returns 0 when the access can be retried, -EFAULT for SIGSEGV (no VMA or
 * bad permission: *si_code gets SEGV_MAPERR/SEGV_ACCERR), -EIO for SIGBUS,
 * -ENOMEM when out of memory.
 */
#define FAULT_READ	1
#define FAULT_WRITE	2
#define FAULT_EXEC	4
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, int access, int *si_code);

/*
 * Kernel address of guest byte addr, faulting the page in if needed, valid
 * up to the end of its page.  NULL if the guest may not make that access.
 */
void *user_page_kaddr(struct mm_struct *mm, unsigned long addr, bool write);

/* Copy len bytes of guest memory between two mms' address (ptrace-free). */
long access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      unsigned long len, bool write);

/*
 * mm/shmem_anon.c, for mmap handlers (/dev/zero): make vma shared
 * anonymous memory, or plain private anonymous memory.  Both drop vm_file.
 */
int shmem_zero_setup(struct vm_area_struct *vma);
void vma_set_anonymous(struct vm_area_struct *vma);

/* arch/um/kernel/tlb.c: mirror page-table changes into the host process. */
void tlb_map_page(struct mm_struct *mm, unsigned long addr, phys_addr_t pa, int prot);
void tlb_unmap(struct mm_struct *mm, unsigned long addr, unsigned long len);
void tlb_protect(struct mm_struct *mm, unsigned long addr, unsigned long len, int prot);
int tlb_flush(struct mm_struct *mm);	/* apply queued ops now */

/*
 * arch/um/kernel/mmu.c: the host process of an mm and its stub data pages
 * (STUB_DATA_PAGES, zeroed).  init_new_context returns 0 or -errno.
 */
int init_new_context(struct mm_struct *mm);
void destroy_context(struct mm_struct *mm);
void take_over_context(struct mm_struct *mm, struct mm_struct *old);
/* exec's new mm: reuses old's host process when nobody else uses old. */
struct mm_struct *mm_alloc_exec(struct mm_struct *old);

#endif
