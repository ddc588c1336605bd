/* mmlock test header: task_struct, scheduling and signal checks. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/current.h>
#include <asm/ptrace.h>

struct mm_struct;

struct task_struct {
	unsigned int		__state;
	unsigned int		flags;
	pid_t			pid;
	struct mm_struct	*mm;
	struct mm_struct	*active_mm;
	unsigned long		maj_flt;
	unsigned long		min_flt;
};

#define PF_KTHREAD		0x00200000
#define PF_MEMALLOC		0x00000800

/* Sleeping primitives. */
extern void schedule(void);
extern int cond_resched(void);
extern long schedule_timeout(long timeout);
extern void msleep(unsigned int msecs);
extern void cpu_relax(void);
extern bool need_resched(void);

extern int signal_pending(struct task_struct *p);
extern int fatal_signal_pending(struct task_struct *p);

#endif /* _LINUX_SCHED_H */
