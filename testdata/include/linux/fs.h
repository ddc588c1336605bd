/* mmlock test header: file, inode and address_space (trimmed). */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/rwsem.h>
#include <linux/spinlock_types.h>

struct address_space;
struct file;
struct vm_area_struct;

struct super_block {
	unsigned long		s_flags;
	void			*s_fs_info;
};

struct inode {
	unsigned short		i_mode;
	unsigned int		i_flags;
	struct super_block	*i_sb;
	loff_t			i_size;
	struct address_space	*i_mapping;
	struct rw_semaphore	i_rwsem;
	void			*i_private;
};

struct address_space {
	struct inode		*host;
	struct rb_root		i_mmap;
	struct rw_semaphore	i_mmap_rwsem;
	unsigned long		nrpages;
	unsigned long		flags;
};

struct file_operations {
	int (*mmap)(struct file *, struct vm_area_struct *);
};

struct file {
	spinlock_t			f_lock;
	unsigned int			f_flags;
	const struct file_operations	*f_op;
	struct address_space		*f_mapping;
	struct inode			*f_inode;
	void				*private_data;
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

extern void i_mmap_lock_read(struct address_space *mapping);
extern void i_mmap_unlock_read(struct address_space *mapping);
extern void i_mmap_lock_write(struct address_space *mapping);
extern void i_mmap_unlock_write(struct address_space *mapping);

extern void file_update_time(struct file *file);
extern void sb_start_pagefault(struct super_block *sb);
extern void sb_end_pagefault(struct super_block *sb);

#endif /* _LINUX_FS_H */
