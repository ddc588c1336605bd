/* VMA iterator loops: an assignment in the while condition, and for_each macros. */
#include <linux/mm.h>

extern void visit(struct vm_area_struct *vma);

void vma_iter_while(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct vma_iterator vmi;

	vma_iter_init(&vmi, mm, 0);

	while ((vma = vma_next(&vmi)) != NULL) {
		if (vma->vm_flags & 1)
			continue;
		visit(vma);
	}
}

void vma_iter_for_each(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct vma_iterator vmi;

	vma_iter_init(&vmi, mm, 0);

	for_each_vma(vmi, vma)
		visit(vma);
}

/* a for loop written entirely in a macro, used inside another macro */
#define for_each_vma_from(vmi, vma)					\
	for (vma = vma_find(&(vmi), -1UL); vma; vma = vma_next(&(vmi)))
#define visit_all(vmi, vma) do {					\
	for_each_vma_from(vmi, vma)					\
		visit(vma);						\
} while (0)

void vma_iter_macro_for(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	struct vma_iterator vmi;

	vma_iter_init(&vmi, mm, 0);

	visit_all(vmi, vma);
}

/* a macro for loop whose init is a declaration and that has no condition */
#define for_each_try(i)	for (int i = 0; ; i++)

void vma_iter_macro_nocond(struct mm_struct *mm)
{
	for_each_try(i)
		if (vma_lookup(mm, i))
			break;
}
