/* The khugepaged collapse shape as it should be: each time the lock is
 * retaken the VMA is revalidated through a helper that is handed &vma. */
static int collapse_range_ok(struct mm_struct *mm, unsigned long address,
			     struct collapse_ctl *cc)
{
	struct vm_area_struct *vma;
	struct folio *folio;
	int result;

	mmap_read_unlock(mm);
	result = alloc_folio_for(&folio, mm, cc);
	if (result)
		return result;

	mmap_read_lock(mm);
	result = revalidate_range(mm, address, &vma, cc);
	if (result) {
		mmap_read_unlock(mm);
		return result;
	}
	mmap_read_unlock(mm);

	mmap_write_lock(mm);
	result = revalidate_range(mm, address, &vma, cc);
	if (result)
		goto out_up_write;
	vma_start_write(vma);
	anon_vma_lock_write(vma->anon_vma);
	do_collapse(mm, address, folio);
	anon_vma_unlock_write(vma->anon_vma);
out_up_write:
	mmap_write_unlock(mm);
	return result;
}
