/* CHECK(function suffix, id, one-line summary): the only list of checks. */
CHECK(lock_double_release, "lock-double-release",
      "a lock is released on a path where it is no longer held")
CHECK(lock_double_acquire, "lock-double-acquire",
      "a non-recursive lock is taken on a path where it is already held")
CHECK(lock_leak, "lock-leak",
      "a path returns with a lock held that another path returning the same value releases")
CHECK(sleep_under_ptl, "sleep-under-ptl",
      "a call that may sleep is made while a page-table spinlock is held")
