/* mmlock test header: RCU read side (prototypes only). */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/cleanup.h>

extern void rcu_read_lock(void);
extern void rcu_read_unlock(void);
extern int rcu_read_lock_held(void);
extern void synchronize_rcu(void);

#define rcu_dereference(p)	READ_ONCE(p)

DEFINE_LOCK_GUARD_0(rcu, rcu_read_lock(), rcu_read_unlock())

#endif /* _LINUX_RCUPDATE_H */
