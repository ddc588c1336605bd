/* pmd_install()-style helper takes and drops the pmd lock; calling it with that lock held self-deadlocks. */
#include <linux/mm.h>

static void demo_install(struct mm_struct *mm, pmd_t *pmd)
{
	spinlock_t *ptl = pmd_lock(mm, pmd);

	spin_unlock(ptl);
}

void demo_caller(struct mm_struct *mm, pmd_t *pmd)
{
	spinlock_t *ptl = pmd_lock(mm, pmd);

	demo_install(mm, pmd);	/* expect: lock-double-acquire */
	spin_unlock(ptl);
}
