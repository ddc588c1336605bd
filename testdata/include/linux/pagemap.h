/*
 * mmlock test header: folio/page lock API and page cache lookup (6.12
 * signatures, prototypes only).  The lock instance is the folio or page.
 */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/mm.h>
#include <linux/fs.h>

/* Sleeps until the folio lock is acquired. */
extern void folio_lock(struct folio *folio);
/* true: folio locked; false: not locked, nothing changed. */
extern bool folio_trylock(struct folio *folio);
/* 0: folio locked; -EINTR: fatal signal, not locked. */
extern int __must_check folio_lock_killable(struct folio *folio);
extern void folio_unlock(struct folio *folio);
extern bool folio_test_locked(struct folio *folio);
extern void folio_wait_locked(struct folio *folio);
extern void folio_wait_writeback(struct folio *folio);

extern void lock_page(struct page *page);
extern bool trylock_page(struct page *page);
extern void unlock_page(struct page *page);
extern bool PageLocked(const struct page *page);
extern void wait_on_page_locked(struct page *page);

/*
 * folio_lock_or_retry (6.6+ form) - fault-path folio lock that may give up
 * instead of sleeping when vmf->flags allow a retry.
 * 0: the folio is locked and the fault lock is still held.
 * VM_FAULT_RETRY: the folio is NOT locked and release_fault_lock(vmf) has
 * been done (unless FAULT_FLAG_RETRY_NOWAIT).
 */
extern vm_fault_t folio_lock_or_retry(struct folio *folio,
				      struct vm_fault *vmf);

extern struct folio *filemap_get_folio(struct address_space *mapping,
				       pgoff_t index);
extern struct folio *filemap_lock_folio(struct address_space *mapping,
					pgoff_t index);
extern struct page *find_lock_page(struct address_space *mapping,
				   pgoff_t index);
extern void filemap_invalidate_lock_shared(struct address_space *mapping);
extern void filemap_invalidate_unlock_shared(struct address_space *mapping);

static inline loff_t folio_pos(struct folio *folio)
{
	return ((loff_t)folio->index) << PAGE_SHIFT;
}

#endif /* _LINUX_PAGEMAP_H */
