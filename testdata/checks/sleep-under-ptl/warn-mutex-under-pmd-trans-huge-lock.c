/* Models a driver pmd_entry callback that takes its own mutex under the pmd_trans_huge_lock() ptl. */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/mutex.h>

struct demo_dev {
	struct mutex lock;
	unsigned long nr_huge;
};

int demo_dev_pmd_entry(pmd_t *pmd, unsigned long addr, unsigned long next,
		       struct vm_area_struct *vma, struct demo_dev *dev)
{
	spinlock_t *ptl;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl)
		return 0;
	mutex_lock(&dev->lock);	/* expect: sleep-under-ptl */
	dev->nr_huge++;
	mutex_unlock(&dev->lock);
	spin_unlock(ptl);
	return 0;
}
