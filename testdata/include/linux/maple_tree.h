/* SPDX-License-Identifier: GPL-2.0 */
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
	struct maple_tree *tree;	/* The tree we're operating in */
	unsigned long index;		/* The index we're operating on */
	unsigned long last;		/* The last index we're operating on */
	struct maple_enode *node;	/* The node containing this entry */
	unsigned long min;		/* The minimum index of this node */
	unsigned long max;		/* The maximum index of this node */
	enum maple_status status;	/* The status of the state */
	unsigned char depth;
	unsigned char offset;
	unsigned char mas_flags;
	unsigned char end;
};

#endif /* _LINUX_MAPLE_TREE_H */
