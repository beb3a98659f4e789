// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel access to guest memory.  All physical memory is mapped in the
 * kernel, so reaching a guest byte is a page-table walk: a present PTE with
 * enough permission gives the kernel address at once, anything else goes
 * through the fault handler exactly as the guest's own access would (so a
 * write breaks copy-on-write and an untouched page is allocated).  Copies
 * go a page at a time and stop at the first page that cannot be reached.
 */
#include <umk/sched.h>
#include <umk/uaccess.h>
#include "internal.h"

static void *pte_kaddr(pte_t *pte, unsigned long addr, bool write)
{
	if (!pte || !pte_present(*pte))
		return NULL;
	if (write) {
		if (!(*pte & PTE_WRITE))
			return NULL;
		*pte |= PTE_DIRTY;
	}
	*pte |= PTE_ACCESSED;
	return (char *)__va(pte_phys(*pte)) + (addr & ~PAGE_MASK);
}

static void *__user_page_kaddr(struct mm_struct *mm, unsigned long addr, int access)
{
	bool write = access & FAULT_WRITE;
	void *kaddr;
	int code;

	if (!mm || addr >= TASK_SIZE)
		return NULL;
	kaddr = pte_kaddr(pte_lookup(mm, addr), addr, write);
	if (kaddr)
		return kaddr;
	if (__handle_mm_fault(mm, addr, access, &code))
		return NULL;
	if (access & FAULT_FORCE) {
		/* a forced write leaves the PTE read-only but private */
		pte_t *pte = pte_lookup(mm, addr);

		return pte && pte_present(*pte) ?
		       (char *)__va(pte_phys(*pte)) + (addr & ~PAGE_MASK) : NULL;
	}
	return pte_kaddr(pte_lookup(mm, addr), addr, write);
}

void *user_page_kaddr(struct mm_struct *mm, unsigned long addr, bool write)
{
	return __user_page_kaddr(mm, addr, write ? FAULT_WRITE : FAULT_READ);
}

static inline unsigned long page_left(unsigned long addr)
{
	return PAGE_SIZE - (addr & ~PAGE_MASK);
}

unsigned long copy_from_user(void *dst, const void __user *src, unsigned long n)
{
	unsigned long addr = (unsigned long)src;
	struct mm_struct *mm = current->mm;

	if (!access_ok(src, n))
		return n;
	while (n) {
		unsigned long chunk = min(n, page_left(addr));
		void *k = user_page_kaddr(mm, addr, false);

		if (!k)
			break;
		memcpy(dst, k, chunk);
		dst = (char *)dst + chunk;
		addr += chunk;
		n -= chunk;
	}
	return n;
}

unsigned long copy_to_user(void __user *dst, const void *src, unsigned long n)
{
	unsigned long addr = (unsigned long)dst;
	struct mm_struct *mm = current->mm;

	if (!access_ok(dst, n))
		return n;
	while (n) {
		unsigned long chunk = min(n, page_left(addr));
		void *k = user_page_kaddr(mm, addr, true);

		if (!k)
			break;
		memcpy(k, src, chunk);
		src = (const char *)src + chunk;
		addr += chunk;
		n -= chunk;
	}
	return n;
}

unsigned long clear_user(void __user *dst, unsigned long n)
{
	unsigned long addr = (unsigned long)dst;
	struct mm_struct *mm = current->mm;

	if (!access_ok(dst, n))
		return n;
	while (n) {
		unsigned long chunk = min(n, page_left(addr));
		void *k = user_page_kaddr(mm, addr, true);

		if (!k)
			break;
		memset(k, 0, chunk);
		addr += chunk;
		n -= chunk;
	}
	return n;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src;
	struct mm_struct *mm = current->mm;
	long done = 0;

	while (done < count) {
		unsigned long chunk = min_t(unsigned long, count - done, page_left(addr));
		const char *k, *nul;

		if (addr >= TASK_SIZE)
			return -EFAULT;
		k = user_page_kaddr(mm, addr, false);
		if (!k)
			return -EFAULT;
		nul = memchr(k, 0, chunk);
		if (nul) {
			memcpy(dst + done, k, nul - k + 1);
			return done + (nul - k);
		}
		memcpy(dst + done, k, chunk);
		done += chunk;
		addr += chunk;
	}
	return count;
}

long strnlen_user(const char __user *s, long n)
{
	unsigned long addr = (unsigned long)s;
	struct mm_struct *mm = current->mm;
	long done = 0;

	while (done < n) {
		unsigned long chunk = min_t(unsigned long, n - done, page_left(addr));
		const char *k, *nul;

		if (addr >= TASK_SIZE)
			return 0;
		k = user_page_kaddr(mm, addr, false);
		if (!k)
			return 0;
		nul = memchr(k, 0, chunk);
		if (nul)
			return done + (nul - k) + 1;
		done += chunk;
		addr += chunk;
	}
	return n + 1;
}

long access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		      unsigned long len, bool write)
{
	int access = write ? FAULT_WRITE | FAULT_FORCE : FAULT_READ;
	unsigned long done = 0;

	while (done < len) {
		unsigned long chunk = min(len - done, page_left(addr));
		void *k = __user_page_kaddr(mm, addr, access);

		if (!k)
			break;
		if (write)
			memcpy(k, (char *)buf + done, chunk);
		else
			memcpy((char *)buf + done, k, chunk);
		done += chunk;
		addr += chunk;
	}
	return done;
}
