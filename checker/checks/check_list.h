/* CHECK(function suffix, id, one-line summary): the only list of checks. */
CHECK(lock_double_release, "lock-double-release",
      "a lock is released on a path where it is no longer held")
CHECK(lock_double_acquire, "lock-double-acquire",
      "a non-recursive lock is taken on a path where it is already held")
CHECK(lock_leak, "lock-leak",
      "a path returns with a lock held that another path returning the same value releases")
CHECK(sleep_under_ptl, "sleep-under-ptl",
      "a call that may sleep is made while a page-table spinlock is held")
CHECK(vma_use_after_unlock, "vma-use-after-unlock",
      "a VMA is used after the lock that kept it alive was released")
CHECK(vma_stale_after_relock, "vma-stale-after-relock",
      "a VMA looked up before its lock was dropped and re-taken is used without a new lookup")
CHECK(migrate_to_ram_under_vma_lock, "migrate-to-ram-under-vma-lock",
      "a ->migrate_to_ram callback is called where only the per-VMA lock may be held")
CHECK(migrate_to_ram_mmap_lock, "migrate-to-ram-mmap-lock",
      "a driver's ->migrate_to_ram callback depends on mmap_lock (reported by design)")
CHECK(pte_use_after_unlock, "pte-use-after-unlock",
      "a PTE pointer is used after its page-table lock was released")
CHECK(vma_weak_revalidation, "vma-weak-revalidation",
      "a VMA 'revalidated' by pointer comparison, or a find_vma() result used without a vm_start check, after a relock")
