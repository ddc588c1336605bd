/* The khugepaged collapse shape without the revalidation after the lock
 * is upgraded: the VMA found under the read lock is used under the write
 * lock. */
static int collapse_range(struct mm_struct *mm, unsigned long address,
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
	vma_start_write(vma);
	anon_vma_lock_write(vma->anon_vma);
	do_collapse(mm, address, folio);
	anon_vma_unlock_write(vma->anon_vma);
	mmap_write_unlock(mm);
	return 0;
}
