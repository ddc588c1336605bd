/* mmlock test header: struct pt_regs (x86-64 shaped). */
#ifndef _ASM_PTRACE_H
#define _ASM_PTRACE_H

#include <linux/types.h>

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long orig_ax;
	unsigned long ip;
	unsigned long cs;
	unsigned long flags;
	unsigned long sp;
	unsigned long ss;
};

static inline bool user_mode(struct pt_regs *regs)
{
	return !!(regs->cs & 3);
}

static inline unsigned long instruction_pointer(struct pt_regs *regs)
{
	return regs->ip;
}

#endif /* _ASM_PTRACE_H */
