/*
 * mmlock test header: the mm API used by the fixtures (6.12 shapes).
 *
 * Every function with a lock effect is an extern prototype, never an inline
 * body, so the checker sees the call itself.  Lock facts are summarised in
 * the comments; see docs/mm-locking.md in the mmlock tree.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>
#include <linux/rwsem.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/mm_types.h>
#include <linux/mmap_lock.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <asm/page.h>
#include <asm/ptrace.h>

/* vm_flags */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL
#define VM_UFFD_MISSING	0x00000200UL
#define VM_PFNMAP	0x00000400UL
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_DONTCOPY	0x00020000UL
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_HUGETLB	0x00400000UL
#define VM_MIXEDMAP	0x10000000UL
#define VM_HUGEPAGE	0x20000000UL
#define VM_NOHUGEPAGE	0x40000000UL
#define VM_MERGEABLE	0x80000000UL

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

/* gup_flags */
#define FOLL_WRITE	(1 << 0)
#define FOLL_GET	(1 << 1)
#define FOLL_DUMP	(1 << 2)
#define FOLL_FORCE	(1 << 3)
#define FOLL_NOWAIT	(1 << 4)
#define FOLL_NOFAULT	(1 << 5)
#define FOLL_HWPOISON	(1 << 6)
#define FOLL_ANON	(1 << 7)
#define FOLL_LONGTERM	(1 << 8)
#define FOLL_SPLIT_PMD	(1 << 9)
#define FOLL_PCI_P2PDMA	(1 << 10)
#define FOLL_INTERRUPTIBLE (1 << 11)
#define FOLL_HONOR_NUMA_FAULT (1 << 12)

/* What an arch fault handler normally starts from. */
#define FAULT_FLAG_DEFAULT  (FAULT_FLAG_ALLOW_RETRY | \
			     FAULT_FLAG_KILLABLE | \
			     FAULT_FLAG_INTERRUPTIBLE)

/* True on the first attempt of a fault that may drop the fault lock. */
static inline bool fault_flag_allow_retry_first(enum fault_flag flags)
{
	return (flags & FAULT_FLAG_ALLOW_RETRY) &&
	    (!(flags & FAULT_FLAG_TRIED));
}

/*
 * struct vm_fault - one page fault in progress, handed to ->fault and
 * friends (6.12 field names; trimmed).  pte/ptl describe the pte lock when
 * it is held.
 */
struct vm_fault {
	const struct {
		struct vm_area_struct *vma;
		gfp_t gfp_mask;
		pgoff_t pgoff;			/* page index within the mapping */
		unsigned long address;		/* page-aligned fault address */
		unsigned long real_address;	/* exact fault address */
	};
	enum fault_flag flags;
	pmd_t *pmd;
	pud_t *pud;
	union {
		pte_t orig_pte;		/* snapshot taken before locking */
		pmd_t orig_pmd;
	};
	struct page *cow_page;
	struct page *page;		/* result page of ->fault */
	pte_t *pte;
	spinlock_t *ptl;		/* lock of the table holding pte (or pmd) */
	pgtable_t prealloc_pte;
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
	vm_fault_t (*map_pages)(struct vm_fault *vmf,
				pgoff_t start_pgoff, pgoff_t end_pgoff);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
	const char *(*name)(struct vm_area_struct *vma);
};

static inline bool vma_is_anonymous(struct vm_area_struct *vma)
{
	return !vma->vm_ops;
}

static inline unsigned long vma_pages(struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

static inline bool range_in_vma(struct vm_area_struct *vma,
				unsigned long start, unsigned long end)
{
	return (vma && vma->vm_start <= start && end <= vma->vm_end);
}

/* Modifying vm_flags: these call vma_start_write() (mmap write lock needed). */
extern void vm_flags_init(struct vm_area_struct *vma, vm_flags_t flags);
extern void vm_flags_reset(struct vm_area_struct *vma, vm_flags_t flags);
extern void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags);
extern void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags);
extern void vm_flags_mod(struct vm_area_struct *vma,
			 vm_flags_t set, vm_flags_t clear);

/* ---- Per-VMA lock (CONFIG_PER_VMA_LOCK) ---- */

/*
 * vma_start_read - try to read-lock @vma (6.4..6.14 form, caller in an RCU
 * read section).  Returns true with the VMA read lock held.
 */
extern bool vma_start_read(struct vm_area_struct *vma);
extern void vma_end_read(struct vm_area_struct *vma);

/*
 * vma_start_write - write-lock @vma; needs mmap_lock held for write.  There
 * is no unlock: it ends at mmap_write_unlock() / mmap_write_downgrade().
 * May sleep.
 */
extern void vma_start_write(struct vm_area_struct *vma);

extern void vma_assert_locked(struct vm_area_struct *vma);
extern void vma_assert_write_locked(struct vm_area_struct *vma);

/*
 * lock_vma_under_rcu - look up and read-lock the VMA containing @address
 * without mmap_lock.  NULL: nothing is held.
 */
extern struct vm_area_struct *lock_vma_under_rcu(struct mm_struct *mm,
						 unsigned long address);

/*
 * release_fault_lock - drop the lock a fault is handled under:
 * vma_end_read(vmf->vma) with FAULT_FLAG_VMA_LOCK, else
 * mmap_read_unlock(vmf->vma->vm_mm).
 */
extern void release_fault_lock(struct vm_fault *vmf);
extern void assert_fault_locked(struct vm_fault *vmf);

/* ---- Faults ---- */

/*
 * lock_mm_and_find_vma - take mmap_lock for read and find the VMA for
 * @address (expanding a stack if needed).  Returns the VMA with the read
 * lock held, or NULL with nothing held.
 */
extern struct vm_area_struct *lock_mm_and_find_vma(struct mm_struct *mm,
						   unsigned long address,
						   struct pt_regs *regs);

/* mm/internal.h: faults a swap entry in; VM_FAULT_RETRY drops the fault lock. */
extern vm_fault_t do_swap_page(struct vm_fault *vmf);

/*
 * handle_mm_fault - called with the fault lock held (mmap_lock of
 * vma->vm_mm for read, or the VMA read lock with FAULT_FLAG_VMA_LOCK).
 * A VM_FAULT_RETRY or VM_FAULT_COMPLETED result means the fault lock has
 * been released and @vma must not be touched again.
 */
extern vm_fault_t handle_mm_fault(struct vm_area_struct *vma,
				  unsigned long address, unsigned int flags,
				  struct pt_regs *regs);

/*
 * fixup_user_fault - called and returns with mmap_lock held for read;
 * *unlocked is set when the lock was dropped and retaken meanwhile.
 */
extern int fixup_user_fault(struct mm_struct *mm,
			    unsigned long address, unsigned int fault_flags,
			    bool *unlocked);

extern long get_user_pages_remote(struct mm_struct *mm,
				  unsigned long start, unsigned long nr_pages,
				  unsigned int gup_flags, struct page **pages,
				  int *locked);
extern long get_user_pages(unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages);
extern long get_user_pages_unlocked(unsigned long start, unsigned long nr_pages,
				    struct page **pages, unsigned int gup_flags);
extern long pin_user_pages_remote(struct mm_struct *mm,
				  unsigned long start, unsigned long nr_pages,
				  unsigned int gup_flags, struct page **pages,
				  int *locked);
extern void unpin_user_page(struct page *page);

/* ---- VMA lookup (mmap_lock held) ---- */

/* Lowest VMA ending above addr (it may start above addr too), or NULL. */
extern struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
extern struct vm_area_struct *find_vma_prev(struct mm_struct *mm,
					    unsigned long addr,
					    struct vm_area_struct **pprev);
/* First VMA intersecting [start_addr, end_addr), NULL if none. */
extern struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
						    unsigned long start_addr,
						    unsigned long end_addr);
/* The VMA containing @addr exactly, NULL if none. */
extern struct vm_area_struct *vma_lookup(struct mm_struct *mm,
					 unsigned long addr);
extern struct vm_area_struct *find_extend_vma_locked(struct mm_struct *mm,
						     unsigned long addr);

extern struct vm_area_struct *vma_next(struct vma_iterator *vmi);
extern struct vm_area_struct *vma_prev(struct vma_iterator *vmi);
extern struct vm_area_struct *vma_find(struct vma_iterator *vmi,
				       unsigned long max);
/* unlock: on success, return with mmap_lock dropped (mm/vma.c). */
struct list_head;
extern int do_vmi_munmap(struct vma_iterator *vmi, struct mm_struct *mm,
			 unsigned long start, size_t len, struct list_head *uf,
			 bool unlock);
extern void vma_iter_init(struct vma_iterator *vmi, struct mm_struct *mm,
			  unsigned long addr);

#define for_each_vma(__vmi, __vma)					\
	while (((__vma) = vma_next(&(__vmi))) != NULL)

/* Same, stopping at VMAs that start at or after __end. */
#define for_each_vma_range(__vmi, __vma, __end)				\
	while (((__vma) = vma_find(&(__vmi), (__end))) != NULL)

/* ---- Page-table locks ---- */

/*
 * pte_offset_map_lock - map the pte for @addr and lock its page table.
 * Returns NULL (nothing mapped, nothing locked) or the pte with *ptlp held.
 */
extern pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd,
				  unsigned long addr, spinlock_t **ptlp);

/*
 * pte_offset_map_nolock - map the pte and report its ptl in *ptlp WITHOUT
 * taking it; the caller may spin_lock(*ptlp) later and must recheck.
 */
extern pte_t *pte_offset_map_nolock(struct mm_struct *mm, pmd_t *pmd,
				    unsigned long addr, spinlock_t **ptlp);

extern pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr);
extern void pte_unmap(pte_t *pte);

/* Drop *ptl taken by pte_offset_map_lock() and unmap @pte. */
extern void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl);

/* Allocate the page table if needed, then pte_offset_map_lock(); NULL on failure. */
extern pte_t *pte_alloc_map_lock(struct mm_struct *mm, pmd_t *pmd,
				 unsigned long address, spinlock_t **ptlp);

/* NULL, or the pte for @addr with *ptl held. */
extern pte_t *get_locked_pte(struct mm_struct *mm, unsigned long addr,
			     spinlock_t **ptl);

extern spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd);
/* The spinlock protecting the pmd entry (not taken). */
extern spinlock_t *pmd_lockptr(struct mm_struct *mm, pmd_t *pmd);
/* Take and return the lock protecting the pmd entry. */
extern spinlock_t *pmd_lock(struct mm_struct *mm, pmd_t *pmd);
extern spinlock_t *pud_lockptr(struct mm_struct *mm, pud_t *pud);
/* Take and return the lock protecting the pud entry. */
extern spinlock_t *pud_lock(struct mm_struct *mm, pud_t *pud);

extern int __pte_alloc(struct mm_struct *mm, pmd_t *pmd);

/* ---- Pages and folios ---- */

extern void folio_get(struct folio *folio);
extern void folio_put(struct folio *folio);
extern bool folio_try_get(struct folio *folio);
extern struct folio *page_folio(struct page *page);
extern struct page *folio_page(struct folio *folio, unsigned long n);
extern void get_page(struct page *page);
extern void put_page(struct page *page);
extern int folio_mapcount(struct folio *folio);
extern bool folio_mapped(struct folio *folio);
extern bool folio_test_anon(struct folio *folio);
extern bool folio_test_large(struct folio *folio);
extern bool folio_test_dirty(struct folio *folio);
extern bool folio_test_writeback(struct folio *folio);
extern bool folio_test_uptodate(struct folio *folio);
extern bool folio_test_swapcache(struct folio *folio);
extern long folio_nr_pages(struct folio *folio);
extern bool folio_mark_dirty(struct folio *folio);
extern bool is_zone_device_page(const struct page *page);

extern struct page *vm_normal_page(struct vm_area_struct *vma,
				   unsigned long addr, pte_t pte);
extern struct folio *vm_normal_folio(struct vm_area_struct *vma,
				     unsigned long addr, pte_t pte);
extern struct page *pfn_to_page(unsigned long pfn);
extern void *page_address(const struct page *page);
extern unsigned long page_to_pfn(const struct page *page);

extern void flush_tlb_range(struct vm_area_struct *vma,
			    unsigned long start, unsigned long end);
extern void zap_page_range_single(struct vm_area_struct *vma,
				  unsigned long address, unsigned long size,
				  void *details);

extern int vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn);
extern vm_fault_t vmf_error(int err);
extern vm_fault_t filemap_fault(struct vm_fault *vmf);

/* mm lifetime */
extern bool mmget_not_zero(struct mm_struct *mm);
extern void mmput(struct mm_struct *mm);
extern void mmgrab(struct mm_struct *mm);
extern void mmdrop(struct mm_struct *mm);
extern struct mm_struct *get_task_mm(struct task_struct *task);

#endif /* _LINUX_MM_H */
