/* Models a 6.6+ ->fault helper: folio_lock_or_retry() RETRY returns without the folio lock, success returns VM_FAULT_LOCKED with it held, the SIGBUS exit unlocks. */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_lock_for_fault(struct vm_fault *vmf, struct folio *folio)
{
	vm_fault_t ret;

	ret = folio_lock_or_retry(folio, vmf);
	if (ret & VM_FAULT_RETRY)
		return ret;
	if (unlikely(!folio_test_uptodate(folio))) {
		folio_unlock(folio);
		return VM_FAULT_SIGBUS;
	}
	vmf->page = folio_page(folio, 0);
	return VM_FAULT_LOCKED;
}
