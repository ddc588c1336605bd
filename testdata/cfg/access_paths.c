/*
 * Access paths are normalised: casts and parentheses are stripped, (*p).f
 * is p->f, *&x is x, and a local alias is just another variable.
 */
#include <linux/mm.h>

extern void use(void *p);

void access_paths(struct vm_area_struct *vma, void *opaque)
{
	struct mm_struct *mm = vma->vm_mm;	/* local alias */
	struct vm_area_struct *v2 = (struct vm_area_struct *)opaque;

	use(mm->exe_file);
	use((*vma).vm_mm);
	use(((struct vm_area_struct *)opaque)->vm_mm);
	use((void *)(unsigned long)v2->vm_mm);
	use(*&mm);
	use((*(*vma).vm_mm).exe_file);
}
