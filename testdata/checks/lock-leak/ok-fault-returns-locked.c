/* Models a page-cache ->fault: VM_FAULT_LOCKED returns the folio locked to the caller, the NOPAGE/SIGBUS exits unlock it. */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_fault(struct vm_fault *vmf)
{
	struct address_space *mapping = vmf->vma->vm_file->f_mapping;
	struct folio *folio;

	folio = filemap_get_folio(mapping, vmf->pgoff);
	if (IS_ERR(folio))
		return VM_FAULT_SIGBUS;
	folio_lock(folio);
	if (unlikely(folio->mapping != mapping)) {
		folio_unlock(folio);
		folio_put(folio);
		return VM_FAULT_NOPAGE;
	}
	if (!folio_test_uptodate(folio)) {
		folio_unlock(folio);
		folio_put(folio);
		return VM_FAULT_SIGBUS;
	}
	vmf->page = folio_page(folio, 0);
	return VM_FAULT_LOCKED;
}
