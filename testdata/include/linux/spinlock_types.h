/* mmlock test header: spinlock_t (kernel-shaped). */
#ifndef _LINUX_SPINLOCK_TYPES_H
#define _LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>

typedef struct raw_spinlock {
	unsigned int raw_lock;
	unsigned int magic, owner_cpu;
	void *owner;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

#endif /* _LINUX_SPINLOCK_TYPES_H */
