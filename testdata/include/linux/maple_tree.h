/* mmlock test header: just enough maple tree for the VMA iterator. */
#ifndef _LINUX_MAPLE_TREE_H
#define _LINUX_MAPLE_TREE_H

#include <linux/types.h>
#include <linux/spinlock_types.h>

struct maple_enode;

struct maple_tree {
	spinlock_t	ma_lock;
	unsigned int	ma_flags;
	void __rcu	*ma_root;
};

enum maple_status {
	ma_active,
	ma_start,
	ma_root,
	ma_none,
	ma_pause,
	ma_overflow,
	ma_underflow,
	ma_error,
};

struct ma_state {
	/* walk cursor: tree, current range [index, last], node and bounds */
	struct maple_tree *tree;
	unsigned long index;
	unsigned long last;
	struct maple_enode *node;
	unsigned long min;
	unsigned long max;
	enum maple_status status;
	unsigned char depth;
	unsigned char offset;
	unsigned char mas_flags;
	unsigned char end;
};

#endif /* _LINUX_MAPLE_TREE_H */
