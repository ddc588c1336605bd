/* ksm's scan_get_next_rmap_item() shape: a global cursor walks a list of mms with goto; each mm is locked, scanned and unlocked. Each iteration's mm is its own: unlocking it is not a second release of the previous one's. */
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
	if (demo_test_exit(mm))
		goto no_vmas;
	vma = find_vma(mm, demo_scan.address);
	if (vma && demo_found(vma)) {
		mmap_read_unlock(mm);
		return vma;
	}
no_vmas:
	demo_scan.slot = slot->next;
	if (demo_scan.address == 0) {
		mmap_read_unlock(mm);
	} else {
		mmap_read_unlock(mm);
	}
	slot = demo_scan.slot;
	if (slot != &demo_head)
		goto next_mm;
	return NULL;
}
