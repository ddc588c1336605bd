/*
 * The do_shared_fault() shape without its folio_unlock(): the mkwrite
 * helper of this file locks the folio itself when ->page_mkwrite() did not
 * return it locked, so calling it with the folio locked deadlocks on that
 * path, whatever the helper returns.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern vm_fault_t demo_page_mkwrite(struct vm_fault *vmf);

static vm_fault_t demo_do_page_mkwrite(struct vm_fault *vmf, struct folio *folio)
{
	vm_fault_t ret = demo_page_mkwrite(vmf);

	if (ret & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return ret;
	if (!(ret & VM_FAULT_LOCKED))
		folio_lock(folio);
	return ret | VM_FAULT_LOCKED;
}

vm_fault_t demo_shared_fault(struct vm_fault *vmf, struct folio *folio)
{
	vm_fault_t tmp;

	folio_lock(folio);
	tmp = demo_do_page_mkwrite(vmf, folio);	/* expect: lock-double-acquire */
	if (tmp & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return tmp;
	folio_unlock(folio);
	return 0;
}
