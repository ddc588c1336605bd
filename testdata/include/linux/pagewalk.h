/* mmlock test header: page-table walker (prototypes only). */
#ifndef _LINUX_PAGEWALK_H
#define _LINUX_PAGEWALK_H

#include <linux/mm.h>

struct mm_walk;

/* What the walker does about the VMA lock (mmap_lock is always needed). */
enum page_walk_lock {
	/* caller holds mmap_lock, read is enough */
	PGWALK_RDLOCK = 0,
	/* walker calls vma_start_write(); needs mmap_lock for write */
	PGWALK_WRLOCK = 1,
	/* walker asserts the caller already write-locked the vma */
	PGWALK_WRLOCK_VERIFY = 2,
};

struct mm_walk_ops {
	int (*pgd_entry)(pgd_t *pgd, unsigned long addr,
			 unsigned long next, struct mm_walk *walk);
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr,
			 unsigned long next, struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr,
			 unsigned long next, struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next,
			int depth, struct mm_walk *walk);
	int (*test_walk)(unsigned long addr, unsigned long next,
			 struct mm_walk *walk);
	enum page_walk_lock walk_lock;
};

enum page_walk_action {
	ACTION_SUBTREE = 0,
	ACTION_CONTINUE = 1,
	ACTION_AGAIN = 2
};

struct mm_walk {
	const struct mm_walk_ops *ops;
	struct mm_struct *mm;
	pgd_t *pgd;
	struct vm_area_struct *vma;
	enum page_walk_action action;
	bool no_vma;
	void *private;
};

/* mmap_lock must be held (read for PGWALK_RDLOCK, write otherwise). */
extern int walk_page_range(struct mm_struct *mm, unsigned long start,
			   unsigned long end, const struct mm_walk_ops *ops,
			   void *private);
extern int walk_page_range_vma(struct vm_area_struct *vma, unsigned long start,
			       unsigned long end, const struct mm_walk_ops *ops,
			       void *private);

#endif /* _LINUX_PAGEWALK_H */
