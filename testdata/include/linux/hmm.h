/* mmlock test header: HMM range faulting (prototypes only). */
#ifndef _LINUX_HMM_H
#define _LINUX_HMM_H

#include <linux/mm.h>

struct mmu_interval_notifier {
	struct mm_struct *mm;
	unsigned long invalidate_seq;
};

enum hmm_pfn_flags {
	HMM_PFN_VALID = 1UL << 63,
	HMM_PFN_WRITE = 1UL << 62,
	HMM_PFN_ERROR = 1UL << 61,
	HMM_PFN_REQ_FAULT = HMM_PFN_VALID,
	HMM_PFN_REQ_WRITE = HMM_PFN_WRITE,
};

struct hmm_range {
	struct mmu_interval_notifier *notifier;
	unsigned long		notifier_seq;
	unsigned long		start;
	unsigned long		end;
	unsigned long		*hmm_pfns;
	unsigned long		default_flags;
	unsigned long		pfn_flags_mask;
	void			*dev_private_owner;
};

/*
 * hmm_range_fault - fault in and snapshot [start, end); mmap_lock of the
 * notifier's mm must be held for read (mmap_assert_locked).  -EBUSY asks
 * the caller to retry.
 */
extern int hmm_range_fault(struct hmm_range *range);

extern unsigned long mmu_interval_read_begin(struct mmu_interval_notifier *interval_sub);
extern bool mmu_interval_read_retry(struct mmu_interval_notifier *interval_sub,
				    unsigned long seq);

#endif /* _LINUX_HMM_H */
