/* mmlock test header: kmalloc family (prototypes only). */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/cleanup.h>

extern void *kmalloc(size_t size, gfp_t flags);
extern void *kzalloc(size_t size, gfp_t flags);
extern void *kcalloc(size_t n, size_t size, gfp_t flags);
extern void *kvmalloc(size_t size, gfp_t flags);
extern void kfree(const void *objp);
extern void kvfree(const void *addr);

DEFINE_FREE(kfree, void *, if (_T) kfree(_T))

#endif /* _LINUX_SLAB_H */
