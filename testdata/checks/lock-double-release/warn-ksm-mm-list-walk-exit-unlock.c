/* ksm's scan_get_next_rmap_item() shape, with a bug: the exit test unlocks and jumps to a label that unlocks again (in the same iteration). */
#include <linux/mm.h>

struct demo_slot {
	struct demo_slot *next;
	struct mm_struct *mm;
	unsigned long address;
};

struct demo_scan {
	struct demo_slot *slot;
	unsigned long address;
};

extern struct demo_scan demo_scan;
extern struct demo_slot demo_head;
extern int demo_test_exit(struct mm_struct *mm);
extern int demo_found(struct vm_area_struct *vma);

struct vm_area_struct *demo_next(void)
{
	struct demo_slot *slot = demo_scan.slot;
	struct mm_struct *mm;
	struct vm_area_struct *vma;

	if (slot == &demo_head)
		return NULL;
next_mm:
	demo_scan.address = 0;
	mm = slot->mm;
	mmap_read_lock(mm);
	if (demo_test_exit(mm)) {
		mmap_read_unlock(mm);
		goto no_vmas;
	}
	vma = find_vma(mm, demo_scan.address);
	if (vma && demo_found(vma)) {
		mmap_read_unlock(mm);
		return vma;
	}
no_vmas:
	demo_scan.slot = slot->next;
	mmap_read_unlock(mm);	/* expect: lock-double-release */
	slot = demo_scan.slot;
	if (slot != &demo_head)
		goto next_mm;
	return NULL;
}
