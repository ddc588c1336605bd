/* mmlock test header: signal checks used by arch fault handlers. */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/mm_types.h>
#include <asm/ptrace.h>

/*
 * fault_signal_pending - true only for a VM_FAULT_RETRY result that raced
 * with a (fatal, or user-mode) signal; the fault lock is already released
 * in that case.
 */
static inline bool fault_signal_pending(vm_fault_t fault_flags,
					struct pt_regs *regs)
{
	if (likely(!(fault_flags & VM_FAULT_RETRY)))
		return false;
	if (fatal_signal_pending(current))
		return true;
	return user_mode(regs) && signal_pending(current);
}

#endif /* _LINUX_SCHED_SIGNAL_H */
