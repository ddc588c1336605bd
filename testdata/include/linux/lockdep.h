/* mmlock test header: lockdep assertions (kernel-shaped, CONFIG_LOCKDEP=y). */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/bug.h>

#define SINGLE_DEPTH_NESTING	1

extern int debug_locks;

/* Returns nonzero if the current task holds @lock (any mode). */
extern int lock_is_held(const void *lock);
/* Returns nonzero if the current task holds @lock with the given read mode. */
extern int lock_is_held_type(const void *lock, int read);

#define lockdep_is_held(lock)		lock_is_held((const void *)(lock))

#define lockdep_assert(cond)		\
	do {				\
		if (debug_locks)	\
			WARN_ON(!(cond));	\
	} while (0)

#define lockdep_assert_held(l)		\
	lockdep_assert(lockdep_is_held(l))

#define lockdep_assert_held_write(l)	\
	lockdep_assert(lock_is_held_type((const void *)(l), 0))

#define lockdep_assert_held_read(l)	\
	lockdep_assert(lock_is_held_type((const void *)(l), 1))

#endif /* _LINUX_LOCKDEP_H */
