/*
 * mmlock test header: core mm types (kernel 6.12 shaped, trimmed).
 * Field names follow the kernel; layouts and omitted fields do not matter.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/rwsem.h>
#include <linux/maple_tree.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

struct address_space;
struct anon_vma;
struct dev_pagemap;
struct file;
struct mem_cgroup;
struct vm_operations_struct;

struct page {
	unsigned long flags;
	union {
		struct {	/* page cache and anonymous pages */
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
		};
		struct {	/* ZONE_DEVICE pages */
			struct dev_pagemap *pgmap;
			void *zone_device_data;
		};
		struct rcu_head rcu_head;
	};
	atomic_t _mapcount;
	atomic_t _refcount;
};

struct folio {
	union {
		struct {
			unsigned long flags;
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			void *private;
			atomic_t _mapcount;
			atomic_t _refcount;
		};
		struct page page;
	};
	unsigned long _flags_1;
	unsigned long _head_1;
	atomic_t _large_mapcount;
	atomic_t _entire_mapcount;
	atomic_t _nr_pages_mapped;
	unsigned int _folio_nr_pages;
};

/* The per-VMA lock (CONFIG_PER_VMA_LOCK). */
struct vma_lock {
	struct rw_semaphore lock;
};

typedef unsigned int __bitwise vm_fault_t;

/*
 * enum vm_fault_reason - what a fault handler reports (6.12 values).
 * VM_FAULT_RETRY and VM_FAULT_COMPLETED mean the fault lock was released.
 */
enum vm_fault_reason {
	VM_FAULT_OOM = 0x000001,
	VM_FAULT_SIGBUS = 0x000002,
	VM_FAULT_MAJOR = 0x000004,
	VM_FAULT_HWPOISON = 0x000010,
	VM_FAULT_HWPOISON_LARGE = 0x000020,
	VM_FAULT_SIGSEGV = 0x000040,
	VM_FAULT_NOPAGE = 0x000100,
	VM_FAULT_LOCKED = 0x000200,
	VM_FAULT_RETRY = 0x000400,
	VM_FAULT_FALLBACK = 0x000800,
	VM_FAULT_DONE_COW = 0x001000,
	VM_FAULT_NEEDDSYNC = 0x002000,
	VM_FAULT_COMPLETED = 0x004000,
	VM_FAULT_HINDEX_MASK = 0x0f0000,
};

/* Any of these means the fault failed. */
#define VM_FAULT_ERROR \
	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | VM_FAULT_FALLBACK | \
	 VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE)

/*
 * enum fault_flag - flags passed to handle_mm_fault() / in vmf->flags
 * (6.12 values).
 */
enum fault_flag {
	FAULT_FLAG_WRITE = 1 << 0,
	FAULT_FLAG_MKWRITE = 1 << 1,
	FAULT_FLAG_ALLOW_RETRY = 1 << 2,
	FAULT_FLAG_RETRY_NOWAIT = 1 << 3,
	FAULT_FLAG_KILLABLE = 1 << 4,
	FAULT_FLAG_TRIED = 1 << 5,
	FAULT_FLAG_USER = 1 << 6,
	FAULT_FLAG_REMOTE = 1 << 7,
	FAULT_FLAG_INSTRUCTION = 1 << 8,
	FAULT_FLAG_INTERRUPTIBLE = 1 << 9,
	FAULT_FLAG_UNSHARE = 1 << 10,
	FAULT_FLAG_ORIG_PTE_VALID = 1 << 11,
	FAULT_FLAG_VMA_LOCK = 1 << 12,
};

struct vm_area_struct {
	union {
		struct {
			/* half-open range [vm_start, vm_end) */
			unsigned long vm_start;
			unsigned long vm_end;
		};
		struct rcu_head vm_rcu;
	};

	struct mm_struct *vm_mm;	/* owning mm */
	pgprot_t vm_page_prot;		/* pte protection bits */

	/* Flags; modify only through vm_flags_*() helpers. */
	union {
		const vm_flags_t vm_flags;
		vm_flags_t __private __vm_flags;
	};

	bool detached;
	int vm_lock_seq;
	struct vma_lock *vm_lock;

	struct {
		struct rb_node rb;
		unsigned long rb_subtree_last;
	} shared;

	struct list_head anon_vma_chain;
	struct anon_vma *anon_vma;

	const struct vm_operations_struct *vm_ops;

	unsigned long vm_pgoff;		/* file offset of vm_start, in pages */
	struct file *vm_file;		/* NULL for anonymous memory */
	void *vm_private_data;
};

struct mm_struct {
	struct maple_tree mm_mt;
	unsigned long mmap_base;
	unsigned long task_size;
	pgd_t *pgd;

	atomic_t mm_users;
	atomic_t mm_count;
	int map_count;

	spinlock_t page_table_lock;	/* upper-level page-table lock */
	struct rw_semaphore mmap_lock;
	int mm_lock_seq;

	unsigned long hiwater_rss;
	unsigned long total_vm;
	unsigned long locked_vm;
	unsigned long def_flags;

	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;

	unsigned long flags;		/* MMF_* bits */
	struct file *exe_file;
};

struct vma_iterator {
	struct ma_state mas;
};

/* VMA_ITERATOR(vmi, mm, addr): iterator over mm's VMAs starting at addr. */
#define VMA_ITERATOR(name, __mm, __addr)				\
	struct vma_iterator name = {					\
		.mas.tree = &(__mm)->mm_mt,				\
		.mas.index = (__addr),					\
		.mas.status = ma_start,					\
	}

#endif /* _LINUX_MM_TYPES_H */
