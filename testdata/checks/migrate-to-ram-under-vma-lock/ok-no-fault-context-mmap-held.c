/* Models a non-fault caller (a test harness) that builds its own struct vm_fault under mmap_read_lock() and calls ->migrate_to_ram for one device-private page. */
#include <linux/mm.h>
#include <linux/memremap.h>

int demo_migrate_one_back(struct mm_struct *mm, unsigned long addr,
			  struct page *page)
{
	struct vm_area_struct *vma;
	vm_fault_t ret;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		mmap_read_unlock(mm);
		return -EFAULT;
	}
	{
		struct vm_fault vmf = {
			.vma = vma,
			.address = addr,
			.flags = FAULT_FLAG_USER,
			.page = page,
		};

		ret = page->pgmap->ops->migrate_to_ram(&vmf);
	}
	mmap_read_unlock(mm);
	return (ret & VM_FAULT_ERROR) ? -EFAULT : 0;
}
