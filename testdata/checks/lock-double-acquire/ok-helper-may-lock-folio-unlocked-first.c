/*
 * do_shared_fault() as in 6.12: the folio is unlocked before the mkwrite
 * helper, which may lock it again itself.
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
	folio_unlock(folio);
	tmp = demo_do_page_mkwrite(vmf, folio);
	if (tmp & (VM_FAULT_ERROR | VM_FAULT_NOPAGE))
		return tmp;
	folio_unlock(folio);
	return 0;
}
