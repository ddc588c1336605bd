/* Models a device-private fault helper documented as "caller holds mmap_lock" that asserts it with mmap_assert_locked() before calling ->migrate_to_ram. */
#include <linux/mm.h>
#include <linux/memremap.h>

vm_fault_t demo_device_private_fault_locked(struct vm_fault *vmf,
					    struct page *page)
{
	vm_fault_t ret;

	mmap_assert_locked(vmf->vma->vm_mm);
	vmf->page = page;
	get_page(page);
	ret = page->pgmap->ops->migrate_to_ram(vmf);
	put_page(page);
	return ret;
}
