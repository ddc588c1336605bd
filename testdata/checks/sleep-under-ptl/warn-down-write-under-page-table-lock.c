/* Models an __anon_vma_prepare() variant with the lock order inverted: down_write() on anon_vma->rwsem while holding mm->page_table_lock. */
#include <linux/mm.h>
#include <linux/rmap.h>

int demo_anon_vma_attach(struct vm_area_struct *vma, struct anon_vma *anon_vma)
{
	struct mm_struct *mm = vma->vm_mm;
	int attached = 0;

	spin_lock(&mm->page_table_lock);
	if (likely(!vma->anon_vma)) {
		down_write(&anon_vma->rwsem);	/* expect: sleep-under-ptl */
		vma->anon_vma = anon_vma;
		up_write(&anon_vma->rwsem);
		attached = 1;
	}
	spin_unlock(&mm->page_table_lock);
	return attached;
}
