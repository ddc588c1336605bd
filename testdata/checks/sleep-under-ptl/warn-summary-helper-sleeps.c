/* A same-file helper that takes a mutex, called with the PTE lock held. */
#include <linux/mm.h>
#include <linux/mutex.h>

extern struct mutex demo_mutex;

static void demo_account(void)
{
	mutex_lock(&demo_mutex);
	mutex_unlock(&demo_mutex);
}

int demo_walk(struct mm_struct *mm, pmd_t *pmd, unsigned long addr)
{
	spinlock_t *ptl;
	pte_t *pte = pte_offset_map_lock(mm, pmd, addr, &ptl);

	if (!pte)
		return -EAGAIN;
	demo_account();	/* expect: sleep-under-ptl */
	pte_unmap_unlock(pte, ptl);
	return 0;
}
