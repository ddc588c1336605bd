/*
 * Kernel lock guards (linux/cleanup.h): guard(spinlock)(ptl) holds the lock
 * to the end of the enclosing block; scoped_guard(spinlock, ptl) { } for the
 * statement only, and break inside it leaves the guarded section.
 */
#include <linux/spinlock.h>

extern int check(void);
extern void work(void);

int guard_block(spinlock_t *ptl, int x)
{
	guard(spinlock)(ptl);

	if (x)
		return -1;
	work();
	return 0;
}

void guard_scoped(spinlock_t *ptl)
{
	scoped_guard(spinlock, ptl) {
		if (check())
			break;
		work();
	}
	work();
}

int guard_scoped_return(spinlock_t *ptl)
{
	scoped_guard(spinlock, ptl)
		if (check())
			return 1;
	return 0;
}
