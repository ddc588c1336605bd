/* Models a handle_userfault()-style helper that releases the caller's fault lock before waiting and releases it again on the interrupted-wait path. */
#include <linux/mm.h>

extern int demo_wait_for_resolution(struct vm_fault *vmf);

vm_fault_t demo_userfault_wait(struct vm_fault *vmf)
{
	if (!(vmf->flags & FAULT_FLAG_ALLOW_RETRY))
		return VM_FAULT_SIGBUS;
	if (vmf->flags & FAULT_FLAG_RETRY_NOWAIT)
		return VM_FAULT_RETRY;

	assert_fault_locked(vmf);
	release_fault_lock(vmf);

	if (demo_wait_for_resolution(vmf)) {
		release_fault_lock(vmf);	/* expect: lock-double-release */
		return VM_FAULT_SIGBUS;
	}
	return VM_FAULT_RETRY;
}
