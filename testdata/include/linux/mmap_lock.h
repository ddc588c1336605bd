/*
 * mmlock test header: mmap_lock API (6.12 signatures, prototypes only).
 *
 * The lock instance is mm->mmap_lock.  The _killable variants return 0 with
 * the lock held and -EINTR without it; mmap_read_trylock returns true when
 * the read lock was taken.  mmap_write_unlock / mmap_write_downgrade also end
 * every VMA write lock taken with vma_start_write().
 */
#ifndef _LINUX_MMAP_LOCK_H
#define _LINUX_MMAP_LOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/rwsem.h>

struct mm_struct;

#define MMAP_LOCK_INITIALIZER(name) \
	.mmap_lock = { .count = { 0 } },

extern void mmap_init_lock(struct mm_struct *mm);

extern void mmap_write_lock(struct mm_struct *mm);
extern void mmap_write_lock_nested(struct mm_struct *mm, int subclass);
extern int __must_check mmap_write_lock_killable(struct mm_struct *mm);
extern void mmap_write_unlock(struct mm_struct *mm);
extern void mmap_write_downgrade(struct mm_struct *mm);

extern void mmap_read_lock(struct mm_struct *mm);
extern int __must_check mmap_read_lock_killable(struct mm_struct *mm);
extern bool mmap_read_trylock(struct mm_struct *mm);
extern void mmap_read_unlock(struct mm_struct *mm);
extern void mmap_read_unlock_non_owner(struct mm_struct *mm);

extern void mmap_assert_locked(const struct mm_struct *mm);
extern void mmap_assert_write_locked(const struct mm_struct *mm);

extern int mmap_lock_is_contended(struct mm_struct *mm);

#endif /* _LINUX_MMAP_LOCK_H */
