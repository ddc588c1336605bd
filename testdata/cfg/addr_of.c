/*
 * &p->f and &*p compute an address: they do not read through p, so there
 * is no deref event for p (but &p->q->f does read p->q through p).
 */
#include <linux/mm.h>

extern void use(void *p);

void addr_of(struct vm_area_struct *vma)
{
	use(&vma->vm_mm);
	use(&vma->vm_mm->mmap_lock);
	use(&*vma);
}
