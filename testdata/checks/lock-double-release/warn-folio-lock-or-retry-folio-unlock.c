/* Models do_swap_page()'s folio_lock_or_retry() step with the RETRY exit routed through the folio_unlock() label although the folio was never locked. */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_swapin_lock(struct vm_fault *vmf, struct folio *folio)
{
	vm_fault_t ret;

	folio_get(folio);
	ret = folio_lock_or_retry(folio, vmf);
	if (ret & VM_FAULT_RETRY)
		goto out_page;

	if (unlikely(!folio_test_uptodate(folio))) {
		ret = VM_FAULT_SIGBUS;
		goto out_page;
	}
	folio_mark_dirty(folio);
	folio_unlock(folio);
	folio_put(folio);
	return 0;

out_page:
	folio_unlock(folio);	/* expect: lock-double-release */
	folio_put(folio);
	return ret;
}
