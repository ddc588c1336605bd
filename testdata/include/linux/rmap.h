/* mmlock test header: anon_vma and its lock (prototypes only). */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H

#include <linux/types.h>
#include <linux/rwsem.h>

struct anon_vma {
	struct anon_vma *root;
	struct rw_semaphore rwsem;	/* write to change the tree, read to walk it */
	atomic_t refcount;
	unsigned long num_children;
	unsigned long num_active_vmas;
	struct anon_vma *parent;
	struct rb_root rb_root;
};

extern void anon_vma_lock_write(struct anon_vma *anon_vma);
extern void anon_vma_unlock_write(struct anon_vma *anon_vma);
extern void anon_vma_lock_read(struct anon_vma *anon_vma);
extern void anon_vma_unlock_read(struct anon_vma *anon_vma);

struct vm_area_struct;
extern int __anon_vma_prepare(struct vm_area_struct *vma);

#endif /* _LINUX_RMAP_H */
