/*
 * do_wp_page() is entered with vmf->ptl held (sparse: __releases(vmf->ptl))
 * and asks a helper of this file whether the anonymous folio can be reused;
 * the helper waits for the folio lock instead of trying it.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static bool demo_can_reuse(struct folio *folio)
{
	folio_lock(folio);
	folio_unlock(folio);
	return true;
}

vm_fault_t demo_wp_page(struct vm_fault *vmf, struct folio *folio)
	__releases(vmf->ptl)
{
	if (folio && demo_can_reuse(folio)) {	/* expect: sleep-under-ptl */
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return VM_FAULT_OOM;
}
