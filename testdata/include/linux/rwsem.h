/* mmlock test header: read-write semaphores (prototypes only). */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/spinlock_types.h>
#include <linux/cleanup.h>

struct rw_semaphore {
	atomic_long_t count;
	atomic_long_t owner;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
};

extern void init_rwsem(struct rw_semaphore *sem);
extern int rwsem_is_locked(struct rw_semaphore *sem);
extern int rwsem_is_contended(struct rw_semaphore *sem);

/* reader side */
extern void down_read(struct rw_semaphore *sem);
extern int __must_check down_read_interruptible(struct rw_semaphore *sem);
extern int __must_check down_read_killable(struct rw_semaphore *sem);
extern int down_read_trylock(struct rw_semaphore *sem);
extern void up_read(struct rw_semaphore *sem);
extern void down_read_nested(struct rw_semaphore *sem, int subclass);
extern void up_read_non_owner(struct rw_semaphore *sem);

/* writer side */
extern void down_write(struct rw_semaphore *sem);
extern int __must_check down_write_killable(struct rw_semaphore *sem);
extern int down_write_trylock(struct rw_semaphore *sem);
extern void up_write(struct rw_semaphore *sem);
extern void down_write_nested(struct rw_semaphore *sem, int subclass);
extern void downgrade_write(struct rw_semaphore *sem);

extern void rwsem_assert_held(const struct rw_semaphore *sem);
extern void rwsem_assert_held_write(const struct rw_semaphore *sem);

DEFINE_GUARD(rwsem_read, struct rw_semaphore *, down_read(_T), up_read(_T))
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))

#endif /* _LINUX_RWSEM_H */
