// SPDX-License-Identifier: GPL-2.0
/*
 * The host TLB.  A guest's host process maps exactly the pages its page
 * tables say are present; every page-table change is mirrored by queuing
 * an operation in the mm's stub data page.  The batch runs (one stub trip)
 * when it is full or at tlb_flush(), which the kernel calls before
 * returning to guest code, so the guest never sees a stale mapping.
 *
 * Operations are coalesced as they are queued: a page that continues the
 * last STUB_OP_MMAP (next address, next physical offset, same protection)
 * widens it, and adjacent unmaps or protection changes become one op.
 */
#include <umk/mman.h>
#include <stub-data.h>

static struct stub_op *last_op(struct mm_struct *mm, unsigned int kind)
{
	struct mm_context *ctx = &mm->context;
	struct stub_op *op;

	if (!ctx->nr_pending)
		return NULL;
	op = &ctx->host.data->ops[ctx->nr_pending - 1];
	return op->kind == kind ? op : NULL;
}

static struct stub_op *new_op(struct mm_struct *mm, unsigned int kind)
{
	struct mm_context *ctx = &mm->context;
	struct stub_op *op;

	if (ctx->nr_pending >= (int)STUB_MAX_OPS)
		tlb_flush(mm);
	op = &ctx->host.data->ops[ctx->nr_pending++];
	op->kind = kind;
	return op;
}

void tlb_map_page(struct mm_struct *mm, unsigned long addr, phys_addr_t pa, int prot)
{
	struct stub_op *op;

	if (!mm->context.host_alive)
		return;
	op = last_op(mm, STUB_OP_MMAP);
	if (op && op->prot == (unsigned int)prot) {
		if (op->addr + op->len == addr && op->offset + op->len == pa) {
			op->len += PAGE_SIZE;
			return;
		}
		if (addr + PAGE_SIZE == op->addr && pa + PAGE_SIZE == op->offset) {
			op->addr = addr;
			op->offset = pa;
			op->len += PAGE_SIZE;
			return;
		}
	}
	op = new_op(mm, STUB_OP_MMAP);
	op->prot = prot;
	op->addr = addr;
	op->len = PAGE_SIZE;
	op->offset = pa;
}

/* Widen op to cover [addr, addr + len) if the two touch; true if done. */
static bool widen(struct stub_op *op, unsigned long addr, unsigned long len)
{
	unsigned long end = addr + len, op_end = op->addr + op->len;

	if (addr > op_end || end < op->addr)
		return false;
	op->addr = min(op->addr, addr);
	op->len = max(op_end, end) - op->addr;
	return true;
}

void tlb_unmap(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct stub_op *op;

	if (!mm->context.host_alive || !len)
		return;
	op = last_op(mm, STUB_OP_MUNMAP);
	if (op && widen(op, addr, len))
		return;
	op = new_op(mm, STUB_OP_MUNMAP);
	op->prot = 0;
	op->addr = addr;
	op->len = len;
	op->offset = 0;
}

void tlb_protect(struct mm_struct *mm, unsigned long addr, unsigned long len, int prot)
{
	struct stub_op *op;

	if (!mm->context.host_alive || !len)
		return;
	op = last_op(mm, STUB_OP_MPROTECT);
	if (op && op->prot == (unsigned int)prot && widen(op, addr, len))
		return;
	op = new_op(mm, STUB_OP_MPROTECT);
	op->prot = prot;
	op->addr = addr;
	op->len = len;
	op->offset = 0;
}

int tlb_flush(struct mm_struct *mm)
{
	struct mm_context *ctx = &mm->context;
	int err;

	if (!ctx->nr_pending)
		return 0;
	if (!ctx->host_alive) {
		ctx->nr_pending = 0;
		return 0;
	}
	ctx->host.data->nr_ops = ctx->nr_pending;
	ctx->host.data->done = 0;
	ctx->host.data->err = 0;
	ctx->nr_pending = 0;
	err = engine_flush(&ctx->host);
	if (err)
		pr_err("tlb_flush: host mapping update failed (%d ops done): %d\n",
		       ctx->host.data->done, err);
	return err;
}
