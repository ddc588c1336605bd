// SPDX-License-Identifier: GPL-2.0
/*
 * migrate-to-ram-under-vma-lock: core code calls a driver's
 * ->migrate_to_ram on a path where the fault may hold only the per-VMA
 * lock (FAULT_FLAG_VMA_LOCK not excluded, mmap_lock not held). Every
 * driver callback assumes mmap_lock (migrate_vma_setup() asserts it), which
 * is why do_swap_page() bails out with VM_FAULT_RETRY under the VMA lock.
 */
#include "check.h"

static const char *id = "migrate-to-ram-under-vma-lock";

static void on_call(const struct hook_args *a)
{
	const char *field = engine_callback_field(a->eng, a->ev);
	bool mmap_held;
	int vma_locked;

	if (!field)
		return;
	vma_locked = engine_fault_vma_locked(a->eng, a->st, &mmap_held);
	if (vma_locked == 0 || vma_locked == -2 || mmap_held)
		return;
	report_warn(id, a->ev->loc, "->%s() may be called here under the per-VMA lock alone "
		    "(FAULT_FLAG_VMA_LOCK is not ruled out on this path); its implementations "
		    "need mmap_lock: bail out with VM_FAULT_RETRY first", field);
}

void check_migrate_to_ram_under_vma_lock_init(int index)
{
	(void)index;
	engine_add_hook(HOOK_CALL, on_call);
}
