/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_AS_LAYOUT_H
#define _UM_AS_LAYOUT_H

/*
 * Guest address-space layout.  Everything below TASK_SIZE belongs to the
 * guest; the stub's code and per-mm data pages sit just above it.  The host
 * kernel's own mappings in a guest process (its stack and vvar/vdso, which
 * the host puts near 0x7ff..., far above) are never touched by the guest.
 */
#define UM_PAGE_SHIFT		12
#define UM_PAGE_SIZE		(1UL << UM_PAGE_SHIFT)

#define TASK_SIZE		0x7fc000000000UL
#define STUB_START		TASK_SIZE
#define STUB_CODE		STUB_START			/* stub text, from its ELF */
#define STUB_DATA		(STUB_START + 0x100000UL)	/* per-mm shared pages */
#define STUB_DATA_PAGES		4
#define STUB_DATA_SIZE		(STUB_DATA_PAGES * UM_PAGE_SIZE)
#define STUB_END		(STUB_DATA + STUB_DATA_SIZE)

#endif
