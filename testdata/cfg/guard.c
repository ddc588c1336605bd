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

/* continue inside scoped_guard continues the guard's own one-shot loop */
void guard_scoped_continue(spinlock_t *ptl, int n)
{
	for (int i = 0; i < n; i++) {
		scoped_guard(spinlock, ptl) {
			if (check())
				continue;
			work();
		}
		work();
	}
}

/* goto out of a scoped_guard releases the lock on that edge */
void guard_scoped_goto(spinlock_t *ptl)
{
	scoped_guard(spinlock, ptl) {
		if (check())
			goto out;
		work();
	}
	work();
out:
	work();
}
