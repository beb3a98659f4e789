// SPDX-License-Identifier: GPL-2.0
/*
 * Guest signal frames, laid out exactly as Linux x86_64 does:
 *
 *	frame -> pretcode (sa_restorer, the handler's return address)
 *	         ucontext (flags, link, sigaltstack, sigcontext, sigmask)
 *	         siginfo
 *	         ... padding ...
 *	fpstate (FXSAVE image, 64-byte aligned) above the frame
 *
 * below the interrupted stack's 128-byte red zone (or at the top of the
 * alternate stack), with rsp % 16 == 8 at handler entry as after a call.
 */
#include <umk/kernel.h>
#include <umk/sched.h>
#include <umk/signal.h>
#include <umk/uaccess.h>
#include <umk/arch.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>
#include <engine.h>

struct guest_ucontext {
	unsigned long uc_flags;
	unsigned long uc_link;
	struct guest_stack uc_stack;
	struct sigcontext uc_mcontext;
	unsigned long uc_sigmask;
};

struct rt_sigframe {
	unsigned long pretcode;
	struct guest_ucontext uc;
	siginfo_t info;
};

#define FPSTATE_SIZE	sizeof(struct uml_fpstate)

static bool on_sig_stack(struct task_struct *t, unsigned long sp)
{
	return t->sas_ss_size && sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

static void regs_to_sigcontext(const struct uml_regs *r, struct sigcontext *sc)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = r->r8; sc->r9 = r->r9; sc->r10 = r->r10; sc->r11 = r->r11;
	sc->r12 = r->r12; sc->r13 = r->r13; sc->r14 = r->r14; sc->r15 = r->r15;
	sc->rdi = r->di; sc->rsi = r->si; sc->rbp = r->bp; sc->rbx = r->bx;
	sc->rdx = r->dx; sc->rax = r->ax; sc->rcx = r->cx; sc->rsp = r->sp;
	sc->rip = r->ip; sc->eflags = r->flags;
	sc->cs = r->cs; sc->ss = r->ss;
}

/* Restore what the guest may change; segments and privileged flags stay. */
static void sigcontext_to_regs(const struct sigcontext *sc, struct uml_regs *r)
{
	const unsigned long user_flags = 0x40dd5;	/* AC OF DF TF SF ZF AF PF CF */

	r->r8 = sc->r8; r->r9 = sc->r9; r->r10 = sc->r10; r->r11 = sc->r11;
	r->r12 = sc->r12; r->r13 = sc->r13; r->r14 = sc->r14; r->r15 = sc->r15;
	r->di = sc->rdi; r->si = sc->rsi; r->bp = sc->rbp; r->bx = sc->rbx;
	r->dx = sc->rdx; r->ax = sc->rax; r->cx = sc->rcx; r->sp = sc->rsp;
	r->ip = sc->rip;
	r->flags = (r->flags & ~user_flags) | (sc->eflags & user_flags);
	r->orig_ax = -1;	/* no syscall restart after sigreturn */
}

int setup_rt_frame(int sig, siginfo_t *info, struct k_sigaction *ka, ksigset_t oldset)
{
	struct task_struct *t = current;
	struct uml_regs *regs = &t->thread.regs;
	struct rt_sigframe frame;
	unsigned long sp = regs->sp - 128, fp_addr, frame_addr;

	if ((ka->flags & SA_ONSTACK) && t->sas_ss_size && !on_sig_stack(t, regs->sp))
		sp = t->sas_ss_sp + t->sas_ss_size;
	fp_addr = ALIGN_DOWN(sp - FPSTATE_SIZE, 64);
	frame_addr = ALIGN_DOWN(fp_addr - sizeof(frame), 16) - 8;

	if (!(ka->flags & SA_RESTORER))
		return -EFAULT;		/* x86_64 requires a restorer */
	if (arch_save_fpstate(t))
		return -EFAULT;

	memset(&frame, 0, sizeof(frame));
	frame.pretcode = (unsigned long)ka->restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	frame.uc.uc_stack.ss_sp = t->sas_ss_sp;
	frame.uc.uc_stack.ss_size = t->sas_ss_size;
	frame.uc.uc_stack.ss_flags = !t->sas_ss_size ? SS_DISABLE :
				     on_sig_stack(t, regs->sp) ? SS_ONSTACK : 0;
	regs_to_sigcontext(regs, &frame.uc.uc_mcontext);
	frame.uc.uc_mcontext.oldmask = oldset;
	frame.uc.uc_mcontext.fpstate = (void *)fp_addr;
	frame.uc.uc_sigmask = oldset;
	frame.info = *info;

	if (copy_to_user((void __user *)fp_addr, &t->thread.fp, FPSTATE_SIZE) ||
	    copy_to_user((void __user *)frame_addr, &frame, sizeof(frame)))
		return -EFAULT;

	regs->sp = frame_addr;
	regs->ip = (unsigned long)ka->handler;
	regs->di = sig;
	regs->si = frame_addr + offsetof(struct rt_sigframe, info);
	regs->dx = frame_addr + offsetof(struct rt_sigframe, uc);
	regs->ax = 0;
	regs->flags &= ~(0x100UL | 0x400UL);	/* TF, DF: handlers start clean */
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct task_struct *t = current;
	struct uml_regs *regs = &t->thread.regs;
	unsigned long frame_addr = regs->sp - 8;
	struct rt_sigframe frame;

	t->thread.syscall_nr = SYSCALL_SETS_REGS;
	if (copy_from_user(&frame, (void __user *)frame_addr, sizeof(frame)))
		goto bad;
	if (frame.uc.uc_mcontext.fpstate) {
		if (copy_from_user(&t->thread.fp, (void __user *)frame.uc.uc_mcontext.fpstate,
				   FPSTATE_SIZE))
			goto bad;
		t->thread.fp_valid = true;
	}
	sigcontext_to_regs(&frame.uc.uc_mcontext, regs);
	set_current_blocked(frame.uc.uc_sigmask);
	restore_altstack(frame.uc.uc_stack.ss_sp, frame.uc.uc_stack.ss_size,
			 frame.uc.uc_stack.ss_flags);
	return regs->ax;
bad:
	force_sig_fault(SIGSEGV, SI_KERNEL, 0);
	return 0;
}
