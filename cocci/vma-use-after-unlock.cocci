// SPDX-License-Identifier: GPL-2.0-only
/// Find fields of a VMA read after the lock that kept the VMA alive was
/// dropped: mmap_read_unlock()/mmap_write_unlock() of an mm, or
/// vma_end_read() of the VMA itself, followed in the same function by
/// vma->field with no new lookup (vma = ..., or &vma passed to a helper)
/// and no mmap_lock acquisition in between.  Once the lock is gone the VMA
/// can be split, merged or freed, so the read is a use after free: read
/// what is needed before unlocking (the madvise_willneed() fix).
/// A use after an unlock and a re-lock is vma-stale-after-relock.cocci's.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Comments: Pattern based.  The VMA is not tied to the mm that is unlocked,
//  and paths are not pruned by conditions, except for one idiom: when the
//  function records the unlock in a variable (mmap_locked = false right
//  after the unlock), paths through a test of that variable are not
//  followed.  A VMA that is still read-locked (vma_start_read_locked())
//  across mmap_read_unlock() would be reported.
// Keywords: mmap_lock, mmap_read_unlock, vma_end_read, vm_area_struct

virtual context
virtual org
virtual report

// Functions that record the unlock in a flag.
@flag exists@
expression mm, F;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier fn;
symbol false;
@@

fn(...) {
... when any
unlock(mm);
F = \(false\|0\);
... when any
}

@flagged_unlock@
identifier flag.fn;
expression mm;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
position pu;
@@

fn(...) { <+... unlock@pu(mm) ...+> }

@r_mm exists@
idexpression struct vm_area_struct *vma;
expression mm, E, E1, E2, E3;
statement S1;
iterator name for_each_vma, for_each_vma_range, mas_for_each,
              vma_interval_tree_foreach;
identifier f;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
position p1 != flagged_unlock.pu, p2;
@@

unlock@p1(mm)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
    when != vma_interval_tree_foreach(vma, E1, E2, E3) S1
    when != relock(...)
vma@p2->f

@r_mm_flag exists@
identifier flag.fn;
expression flag.F;
idexpression struct vm_area_struct *vma;
expression mm, E, E1, E2, E3;
statement S1;
iterator name for_each_vma, for_each_vma_range, mas_for_each,
              vma_interval_tree_foreach;
identifier f;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
position p1, p2;
statement S;
symbol false;
@@

fn(...) {
... when any
(
unlock@p1(mm); F = \(false\|0\);
|
unlock@p1(mm);
)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
    when != vma_interval_tree_foreach(vma, E1, E2, E3) S1
    when != relock(...)
    when != if (F) S
    when != if (!F) S
vma@p2->f
... when any
}

@r_vma exists@
idexpression struct vm_area_struct *vma;
expression E, E1, E2, E3;
statement S1;
iterator name for_each_vma, for_each_vma_range, mas_for_each,
              vma_interval_tree_foreach;
identifier f;
identifier unlock = {vma_end_read};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested, vma_start_read,
                     vma_start_read_locked};
position p1, p2;
@@

unlock@p1(vma)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
    when != vma_interval_tree_foreach(vma, E1, E2, E3) S1
    when != relock(...)
vma@p2->f

@depends on context && !org && !report@
idexpression struct vm_area_struct *vma;
identifier f;
position p2 = {r_mm.p2, r_mm_flag.p2, r_vma.p2};
@@

* vma@p2->f

@initialize:python@
@@

def msg(vma, f, unlock, p1):
    return ("ERROR: %s->%s used after %s() on line %s; the VMA may be gone, "
            "read what is needed before unlocking" % (vma, f, unlock, p1[0].line))

@script:python depends on report@
p1 << r_mm.p1;
p2 << r_mm.p2;
vma << r_mm.vma;
f << r_mm.f;
unlock << r_mm.unlock;
@@

coccilib.report.print_report(p2[0], msg(vma, f, unlock, p1))

@script:python depends on org@
p1 << r_mm.p1;
p2 << r_mm.p2;
vma << r_mm.vma;
f << r_mm.f;
unlock << r_mm.unlock;
@@

coccilib.org.print_todo(p2[0], msg(vma, f, unlock, p1))

@script:python depends on report@
p1 << r_mm_flag.p1;
p2 << r_mm_flag.p2;
vma << r_mm_flag.vma;
f << r_mm_flag.f;
unlock << r_mm_flag.unlock;
@@

coccilib.report.print_report(p2[0], msg(vma, f, unlock, p1))

@script:python depends on org@
p1 << r_mm_flag.p1;
p2 << r_mm_flag.p2;
vma << r_mm_flag.vma;
f << r_mm_flag.f;
unlock << r_mm_flag.unlock;
@@

coccilib.org.print_todo(p2[0], msg(vma, f, unlock, p1))

@script:python depends on report@
p1 << r_vma.p1;
p2 << r_vma.p2;
vma << r_vma.vma;
f << r_vma.f;
unlock << r_vma.unlock;
@@

coccilib.report.print_report(p2[0], msg(vma, f, unlock, p1))

@script:python depends on org@
p1 << r_vma.p1;
p2 << r_vma.p2;
vma << r_vma.vma;
f << r_vma.f;
unlock << r_vma.unlock;
@@

coccilib.org.print_todo(p2[0], msg(vma, f, unlock, p1))
