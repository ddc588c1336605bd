/* Models madvise_dontneed_free() (6.12): userfaultfd_remove() may drop mmap_lock; the code then re-takes it, looks the vma up again with vma_lookup() and re-validates before using it. */
#include <linux/mm.h>

#define MADV_DONTNEED	4
#define UFFD_FEATURE_EVENT_REMOVE	(1 << 3)

struct userfaultfd_ctx {
	unsigned long features;
};

extern struct userfaultfd_ctx *demo_vma_uffd_ctx(struct vm_area_struct *vma);
extern void demo_uffd_ctx_get(struct userfaultfd_ctx *ctx);
extern void demo_uffd_event_remove_wait(struct userfaultfd_ctx *ctx,
					unsigned long start, unsigned long end);
extern bool demo_dontneed_valid_vma(struct vm_area_struct *vma, unsigned long start,
				    unsigned long *end, int behavior);
extern long demo_dontneed_single_vma(struct vm_area_struct *vma,
				     unsigned long start, unsigned long end);

/* userfaultfd_remove(): false means mmap_lock was released. */
static bool demo_userfaultfd_remove(struct vm_area_struct *vma,
				    unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	struct userfaultfd_ctx *ctx = demo_vma_uffd_ctx(vma);

	if (!ctx || !(ctx->features & UFFD_FEATURE_EVENT_REMOVE))
		return true;
	demo_uffd_ctx_get(ctx);
	mmap_read_unlock(mm);
	demo_uffd_event_remove_wait(ctx, start, end);
	return false;
}

long demo_madvise_dontneed_free(struct vm_area_struct *vma, struct vm_area_struct **prev,
				unsigned long start, unsigned long end, int behavior)
{
	struct mm_struct *mm = vma->vm_mm;

	*prev = vma;
	if (!demo_dontneed_valid_vma(vma, start, &end, behavior))
		return -EINVAL;
	if (start == end)
		return 0;

	if (!demo_userfaultfd_remove(vma, start, end)) {
		*prev = NULL;	/* mmap_lock has been dropped, prev is stale */

		mmap_read_lock(mm);
		vma = vma_lookup(mm, start);
		if (!vma)
			return -ENOMEM;
		if (!demo_dontneed_valid_vma(vma, start, &end, behavior))
			return -EINVAL;
		if (end > vma->vm_end)
			end = vma->vm_end;
		if (start == end)
			return 0;
	}
	return demo_dontneed_single_vma(vma, start, end);
}
