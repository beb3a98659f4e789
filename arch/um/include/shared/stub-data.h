/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_STUB_DATA_H
#define _UM_STUB_DATA_H

#include <as-layout.h>

/*
 * The page(s) shared by the kernel and the stub of one guest address space.
 * The kernel fills ops[] and starts the stub at stub_batch(); the stub runs
 * them in order as host system calls, stops at the first failure, stores
 * how far it got and traps back with int3.
 */
enum stub_op_kind {
	STUB_OP_MMAP = 1,	/* map physmem file at offset */
	STUB_OP_MUNMAP,
	STUB_OP_MPROTECT,
};

struct stub_op {
	unsigned int kind;
	unsigned int prot;	/* PROT_* bits of the host ABI (same as guest) */
	unsigned long addr;
	unsigned long len;
	unsigned long offset;	/* physmem offset for STUB_OP_MMAP */
};

#define STUB_STACK_SIZE	4096
#define STUB_MAX_OPS	((STUB_DATA_SIZE - STUB_STACK_SIZE - 64) / sizeof(struct stub_op))

/*
 * The only file descriptor a guest process holds: physical memory.  It is
 * a constant, not a field of the data page, because the guest can write
 * that page.
 */
#define STUB_PHYSMEM_FD	3

struct stub_data {
	int pad0;
	int nr_ops;		/* in: ops to run */
	int done;		/* out: ops completed */
	long err;		/* out: -errno of the first failing op, or 0 */
	unsigned long pad[4];
	struct stub_op ops[STUB_MAX_OPS];
	/* the stub's stack grows down from the end of the data area */
};

#endif
