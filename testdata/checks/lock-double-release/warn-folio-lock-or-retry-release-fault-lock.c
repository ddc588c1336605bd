/* Models a 6.6+ ->fault handler that calls release_fault_lock() after folio_lock_or_retry() returned VM_FAULT_RETRY, which had already released it. */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_filemap_fault(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct address_space *mapping = file->f_mapping;
	struct folio *folio;
	vm_fault_t ret;

	folio = filemap_get_folio(mapping, vmf->pgoff);
	if (IS_ERR(folio))
		return VM_FAULT_SIGBUS;

	ret = folio_lock_or_retry(folio, vmf);
	if (ret & VM_FAULT_RETRY) {
		folio_put(folio);
		release_fault_lock(vmf);	/* expect: lock-double-release */
		return ret;
	}
	if (unlikely(folio->mapping != mapping)) {
		folio_unlock(folio);
		folio_put(folio);
		return VM_FAULT_NOPAGE;
	}
	vmf->page = folio_page(folio, 0);
	return VM_FAULT_LOCKED;
}
