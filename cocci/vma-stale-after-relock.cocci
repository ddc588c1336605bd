// SPDX-License-Identifier: GPL-2.0-only
/// Find VMA pointers used after mmap_lock was dropped and taken again
/// (mmap_read_unlock/mmap_write_unlock, then mmap_read_lock, mmap_write_lock,
/// their _killable forms or mmap_read_trylock on the same mm) without a new
/// lookup in between.  While the lock was dropped the VMA may have been
/// freed, or split, merged or modified in place, so it must be looked up
/// again under the new lock: vma = vma_lookup(), find_vma(),
/// find_vma_intersection(), lock_mm_and_find_vma(), or a revalidation
/// helper that is handed &vma (hugepage_vma_revalidate() in khugepaged).
/// A VMA parameter used after the function takes mmap_lock without having
/// dropped it is reported too: a callee dropped the lock (madvise's
/// userfaultfd_remove() shape).
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Comments: Pattern based.  Any assignment to the VMA variable counts as a
//  new lookup.  A use is vma->field or the VMA passed to a function.
//  Comparisons of the VMA with another VMA pointer or a lookup are left to
//  vma-weak-revalidation.cocci.  When the function records the unlock in a
//  variable (mmap_locked = false right after the unlock), paths through a
//  test of that variable after the re-lock are not followed.
// Keywords: mmap_lock, mmap_read_lock, revalidation, vm_area_struct

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

@r exists@
idexpression struct vm_area_struct *vma, Y;
identifier lookup = {find_vma, vma_lookup, find_vma_intersection};
expression mm, E, E1, E2, E3;
statement S1;
iterator name for_each_vma, for_each_vma_range, mas_for_each,
              vma_interval_tree_foreach;
identifier f, g;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
position p1 != flagged_unlock.pu, p2, p3;
@@

unlock@p1(mm)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
    when != vma_interval_tree_foreach(vma, E1, E2, E3) S1
relock@p2(mm, ...)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
    when != vma_interval_tree_foreach(vma, E1, E2, E3) S1
    when != vma == Y
    when != vma != Y
    when != Y == vma
    when != Y != vma
    when != vma == lookup(...)
    when != vma != lookup(...)
    when != lookup(...) == vma
    when != lookup(...) != vma
    when != unlock(mm)
(
vma@p3->f
|
g(..., vma@p3, ...)
)

@r_flag exists@
identifier flag.fn;
expression flag.F;
idexpression struct vm_area_struct *vma, Y;
identifier lookup = {find_vma, vma_lookup, find_vma_intersection};
expression mm, E, E1, E2, E3;
statement S1;
iterator name for_each_vma, for_each_vma_range, mas_for_each,
              vma_interval_tree_foreach;
identifier f, g;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
position p1, p2, p3;
statement S;
@@

fn(...) {
... when any
unlock@p1(mm)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
    when != vma_interval_tree_foreach(vma, E1, E2, E3) S1
relock@p2(mm, ...)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
    when != vma_interval_tree_foreach(vma, E1, E2, E3) S1
    when != vma == Y
    when != vma != Y
    when != Y == vma
    when != Y != vma
    when != vma == lookup(...)
    when != vma != lookup(...)
    when != lookup(...) == vma
    when != lookup(...) != vma
    when != unlock(mm)
    when != if (F) S
    when != if (!F) S
(
vma@p3->f
|
g(..., vma@p3, ...)
)
... when any
}

// A VMA handed in as a parameter, used after the function takes mmap_lock
// that it did not drop itself: a callee dropped it (userfaultfd_remove(),
// GUP with *locked), so the re-lock needs a new lookup all the same.
// mmap_read_trylock() is left out: BUG_ON(mmap_read_trylock(mm)) asserts.
@r_param exists@
identifier vma, fn;
expression mm, E, E1, E2;
statement S1;
iterator name for_each_vma, for_each_vma_range;
identifier f, g;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_write_lock_nested};
position p2, p3;
@@

fn(..., struct vm_area_struct *vma, ...) {
... when != unlock(mm)
    when != relock(...)
    when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
relock@p2(mm, ...)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != unlock(mm)
(
vma@p3->f
|
g(..., vma@p3, ...)
)
... when any
}

@depends on context && !org && !report@
idexpression struct vm_area_struct *vma;
position p3 = {r.p3, r_flag.p3, r_param.p3};
@@

* vma@p3

@initialize:python@
@@

def msg_param(vma, relock, p2):
    return ("ERROR: %s used after %s() on line %s without a new lookup; "
            "this function did not drop mmap_lock, a callee did, and the "
            "VMA it was given may be stale" % (vma, relock, p2[0].line))

def msg(vma, unlock, p1, relock, p2):
    return ("ERROR: %s used after %s() on line %s and %s() on line %s "
            "without a new lookup; it may be stale"
            % (vma, unlock, p1[0].line, relock, p2[0].line))

@script:python depends on report@
p1 << r.p1;
p2 << r.p2;
p3 << r.p3;
vma << r.vma;
unlock << r.unlock;
relock << r.relock;
@@

coccilib.report.print_report(p3[0], msg(vma, unlock, p1, relock, p2))

@script:python depends on org@
p1 << r.p1;
p2 << r.p2;
p3 << r.p3;
vma << r.vma;
unlock << r.unlock;
relock << r.relock;
@@

coccilib.org.print_todo(p3[0], msg(vma, unlock, p1, relock, p2))

@script:python depends on report@
p1 << r_flag.p1;
p2 << r_flag.p2;
p3 << r_flag.p3;
vma << r_flag.vma;
unlock << r_flag.unlock;
relock << r_flag.relock;
@@

coccilib.report.print_report(p3[0], msg(vma, unlock, p1, relock, p2))

@script:python depends on org@
p1 << r_flag.p1;
p2 << r_flag.p2;
p3 << r_flag.p3;
vma << r_flag.vma;
unlock << r_flag.unlock;
relock << r_flag.relock;
@@

coccilib.org.print_todo(p3[0], msg(vma, unlock, p1, relock, p2))

@script:python depends on report@
p2 << r_param.p2;
p3 << r_param.p3;
vma << r_param.vma;
relock << r_param.relock;
@@

coccilib.report.print_report(p3[0], msg_param(vma, relock, p2))

@script:python depends on org@
p2 << r_param.p2;
p3 << r_param.p3;
vma << r_param.vma;
relock << r_param.relock;
@@

coccilib.org.print_todo(p3[0], msg_param(vma, relock, p2))
