/* Models filemap_page_mkwrite(): VM_FAULT_LOCKED hands the folio back locked, but one VM_FAULT_NOPAGE exit forgets folio_unlock() while the truncation exit unlocks. */
#include <linux/mm.h>
#include <linux/pagemap.h>

vm_fault_t demo_page_mkwrite(struct vm_fault *vmf)
{
	struct file *file = vmf->vma->vm_file;
	struct inode *inode = file_inode(file);
	struct folio *folio = page_folio(vmf->page);

	sb_start_pagefault(inode->i_sb);
	file_update_time(file);
	folio_lock(folio);
	if (folio->mapping != inode->i_mapping) {
		folio_unlock(folio);
		sb_end_pagefault(inode->i_sb);
		return VM_FAULT_NOPAGE;
	}
	if (!folio_test_uptodate(folio)) {
		sb_end_pagefault(inode->i_sb);
		return VM_FAULT_NOPAGE;	/* expect: lock-leak */
	}
	folio_mark_dirty(folio);
	sb_end_pagefault(inode->i_sb);
	return VM_FAULT_LOCKED;
}
