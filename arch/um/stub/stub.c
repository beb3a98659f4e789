// SPDX-License-Identifier: GPL-2.0
/*
 * The stub: the first program of every guest host process.
 *
 * It maps its mm's shared data page from the physical-memory file, then
 * stops itself; from then on the kernel only borrows it to run batches of
 * mapping changes (stub_batch), with the guest's own code running in
 * between.  It is freestanding: no libc, no data, no bss, only raw system
 * calls, so that the process holds nothing but the guest and this page.
 */
#include <as-layout.h>
#include <stub-data.h>
#include <asm/unistd.h>
#include <linux/mman.h>
#include <linux/signal.h>

static inline long stub_syscall6(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "0"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * Entered with rip = STUB_CODE and rsp at the top of the data area, from a
 * stopped guest.  Runs data->ops in order, stops at the first error, and
 * traps back to the kernel with int3.  Keep it first in .text.
 */
__attribute__((section(".text.batch"), used, noreturn))
void stub_batch(void)
{
	struct stub_data *data = (struct stub_data *)STUB_DATA;
	int i;
	long ret = 0;

	for (i = 0; i < data->nr_ops; i++) {
		struct stub_op *op = &data->ops[i];

		switch (op->kind) {
		case STUB_OP_MMAP:
			ret = stub_syscall6(__NR_mmap, op->addr, op->len, op->prot,
					    MAP_SHARED | MAP_FIXED, STUB_PHYSMEM_FD,
					    op->offset);
			if ((unsigned long)ret == op->addr)
				ret = 0;
			break;
		case STUB_OP_MUNMAP:
			ret = stub_syscall6(__NR_munmap, op->addr, op->len, 0, 0, 0, 0);
			break;
		case STUB_OP_MPROTECT:
			ret = stub_syscall6(__NR_mprotect, op->addr, op->len, op->prot,
					    0, 0, 0);
			break;
		default:
			ret = -22;
		}
		if (ret)
			break;
	}
	data->done = i;
	data->err = ret;
	for (;;)
		__asm__ volatile("int3");
}

static unsigned long parse_hex(const char *s)
{
	unsigned long v = 0;

	for (; *s; s++) {
		char c = *s;

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
	}
	return v;
}

/* argv: "umk-stub" <physmem fd, hex> <data page offset, hex> */
__attribute__((used, noreturn))
void stub_main(unsigned long *sp)
{
	char **argv = (char **)(sp + 1);
	int fd = parse_hex(argv[1]);
	unsigned long offset = parse_hex(argv[2]);
	long ret;

	ret = stub_syscall6(__NR_mmap, STUB_DATA, STUB_DATA_SIZE,
			    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, offset);
	if (ret != (long)STUB_DATA)
		stub_syscall6(__NR_exit_group, 120, 0, 0, 0, 0, 0);
	/* Park: the kernel takes over from this stop. */
	for (;;)
		stub_syscall6(__NR_kill, stub_syscall6(__NR_getpid, 0, 0, 0, 0, 0, 0),
			      SIGSTOP, 0, 0, 0, 0);
}

__asm__(".text\n"
	".global _start\n"
	"_start:\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call stub_main\n"
	"	hlt\n");
