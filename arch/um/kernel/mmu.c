// SPDX-License-Identifier: GPL-2.0
/*
 * The host side of an address space: a stub data area in physical memory
 * (shared with the stub, which maps it at STUB_DATA) and the host process
 * the engine starts around it.
 */
#include <umk/mman.h>
#include <stub-data.h>

#define STUB_DATA_ORDER	2
BUILD_BUG_ON((1 << STUB_DATA_ORDER) != STUB_DATA_PAGES);

int init_new_context(struct mm_struct *mm)
{
	struct mm_context *ctx = &mm->context;
	struct page *page;
	int err;

	page = alloc_pages(__GFP_ZERO, STUB_DATA_ORDER);
	if (!page)
		return -ENOMEM;
	ctx->host.data = page_address(page);
	ctx->host.data_offset = page_to_phys(page);
	ctx->nr_pending = 0;
	err = engine_mm_create(&ctx->host);
	if (err)
		goto out_free_pages;
	ctx->host_alive = true;
	return 0;

out_free_pages:
	__free_pages(page, STUB_DATA_ORDER);
	ctx->host.data = NULL;
	return err;
}

void destroy_context(struct mm_struct *mm)
{
	struct mm_context *ctx = &mm->context;

	if (ctx->host_alive)
		engine_mm_destroy(&ctx->host);
	ctx->host_alive = false;
	ctx->nr_pending = 0;
	if (ctx->host.data)
		__free_pages(virt_to_page(ctx->host.data), STUB_DATA_ORDER);
	ctx->host.data = NULL;
}

/*
 * Move old's host process and stub pages to mm (exec with no other user
 * of old).  The host process still maps old's pages: unmap everything
 * below TASK_SIZE first thing.  old is left without a host, so tearing it
 * down queues no host work.
 */
void take_over_context(struct mm_struct *mm, struct mm_struct *old)
{
	mm->context = old->context;
	old->context.host_alive = false;
	old->context.host.data = NULL;
	old->context.host.pid = 0;
	old->context.nr_pending = 0;
	mm->context.host.regs_owner = 0;
	tlb_unmap(mm, 0, TASK_SIZE);
}
