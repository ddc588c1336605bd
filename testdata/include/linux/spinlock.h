/* mmlock test header: spinlock API (prototypes only) and the spinlock guard. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/cleanup.h>

extern void spin_lock_init(spinlock_t *lock);

extern void spin_lock(spinlock_t *lock) __acquires(lock);
extern void spin_lock_nested(spinlock_t *lock, int subclass) __acquires(lock);
extern void spin_lock_bh(spinlock_t *lock) __acquires(lock);
extern void spin_lock_irq(spinlock_t *lock) __acquires(lock);
extern int spin_trylock(spinlock_t *lock);

extern void spin_unlock(spinlock_t *lock) __releases(lock);
extern void spin_unlock_bh(spinlock_t *lock) __releases(lock);
extern void spin_unlock_irq(spinlock_t *lock) __releases(lock);

extern int spin_is_locked(spinlock_t *lock);
extern int spin_is_contended(spinlock_t *lock);
extern void assert_spin_locked(spinlock_t *lock);

/*
 * Lock guards, in the style of DEFINE_LOCK_GUARD_1(): guard(spinlock)(&lock)
 * or scoped_guard(spinlock, &lock) { ... }.  The constructor takes the lock,
 * the destructor (run by __cleanup at scope exit) drops it.
 */
DEFINE_LOCK_GUARD_1(spinlock, spinlock_t,
		    spin_lock(_T->lock),
		    spin_unlock(_T->lock))

DEFINE_LOCK_GUARD_1_COND(spinlock, _try, spin_trylock(_T->lock))

DEFINE_LOCK_GUARD_1(spinlock_irq, spinlock_t,
		    spin_lock_irq(_T->lock),
		    spin_unlock_irq(_T->lock))

#endif /* _LINUX_SPINLOCK_H */
