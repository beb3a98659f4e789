/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _UM_ENGINE_H
#define _UM_ENGINE_H

/*
 * The execution engine: the only interface through which anything above
 * arch/um/os-Linux runs guest user code or changes a guest's host mappings.
 * Nothing here says "ptrace": a seccomp engine can implement the same calls.
 * Plain C types only.
 */

/* Guest general registers, in the order of the x86_64 user_regs_struct. */
struct uml_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10;
	unsigned long r9, r8, ax, cx, dx, si, di, orig_ax;
	unsigned long ip, cs, flags, sp, ss, fs_base, gs_base;
	unsigned long ds, es, fs, gs;
};

/* Guest FPU/SSE state in FXSAVE layout (512 bytes, 16-byte aligned). */
struct uml_fpstate {
	unsigned char fxsave[512];
} __attribute__((aligned(16)));

/* One guest address space's host side. */
struct host_mm {
	int pid;			/* host process backing this mm */
	struct stub_data *data;		/* its shared page, kernel view */
	unsigned long data_offset;	/* physmem offset of that page */
	int regs_owner;			/* opaque: whose regs are loaded */
};

enum trap_kind {
	TRAP_SYSCALL = 1,	/* regs->orig_ax holds the number */
	TRAP_FAULT,		/* memory fault: addr, code */
	TRAP_SIGNAL,		/* another synchronous host signal (SIGFPE, ...) */
	TRAP_INTERRUPT,		/* an IRQ or the tick wants the CPU */
	TRAP_DIED,		/* the host process vanished (killed from outside) */
};

struct trap_info {
	int kind;
	int signo;		/* TRAP_FAULT/TRAP_SIGNAL: host signal number */
	int code;		/* si_code */
	unsigned long addr;	/* si_addr */
	int trapno;		/* x86 trap number when known */
	int error_code;		/* page-fault error code bits when known */
};

/* os-Linux/engine.c */
int engine_init(int physmem_fd, const void *stub_image, unsigned long stub_len);
int engine_mm_create(struct host_mm *hm);
void engine_mm_destroy(struct host_mm *hm);
/*
 * Run guest code in hm with regs until it traps.  Returns 0 and fills trap,
 * or a negative errno if the engine itself failed.  regs are updated.
 */
int engine_run(struct host_mm *hm, struct uml_regs *regs, struct trap_info *trap);
/* Apply the hm->data->ops batch.  Returns 0 or the first op's -errno. */
int engine_flush(struct host_mm *hm);
/* Registers and FPU state a freshly exec'd guest starts from. */
void engine_initial_regs(struct uml_regs *regs, struct uml_fpstate *fp);
int engine_get_fpstate(struct host_mm *hm, struct uml_fpstate *fp);
int engine_set_fpstate(struct host_mm *hm, const struct uml_fpstate *fp);

#endif
