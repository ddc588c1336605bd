/* Models a driver that takes its mutex (may sleep) before the pmd ptl and drops the ptl before the mutex. */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/mutex.h>

struct demo_dev {
	struct mutex lock;
	unsigned long nr_huge;
};

int demo_dev_count_huge(struct demo_dev *dev, pmd_t *pmd,
			struct vm_area_struct *vma)
{
	spinlock_t *ptl;

	mutex_lock(&dev->lock);
	ptl = pmd_trans_huge_lock(pmd, vma);
	if (ptl) {
		if (!is_huge_zero_pmd(pmdp_get(pmd)))
			dev->nr_huge++;
		spin_unlock(ptl);
	}
	mutex_unlock(&dev->lock);
	return 0;
}
