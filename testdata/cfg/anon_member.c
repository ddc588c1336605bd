/*
 * Members of anonymous structs and unions (vm_area_struct's vm_start,
 * vm_end, vm_flags) are named as if they were direct members: v->vm_start.
 */
#include <linux/mm.h>

extern void use(unsigned long x);

void anon_member(struct vm_area_struct *vma)
{
	use(vma->vm_start);
	use(vma->vm_end - vma->vm_start);
	use(vma->vm_flags);
}
