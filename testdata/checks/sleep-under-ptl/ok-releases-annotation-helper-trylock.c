/*
 * do_wp_page() is entered with vmf->ptl held (sparse: __releases(vmf->ptl))
 * and asks a helper of this file whether the anonymous folio can be reused;
 * the helper only tries the folio lock, as 6.12's wp_can_reuse_anon_folio().
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static bool demo_can_reuse(struct folio *folio)
{
	if (!folio_trylock(folio))
		return false;
	folio_unlock(folio);
	return true;
}

vm_fault_t demo_wp_page(struct vm_fault *vmf, struct folio *folio)
	__releases(vmf->ptl)
{
	if (folio && demo_can_reuse(folio)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	return VM_FAULT_OOM;
}
