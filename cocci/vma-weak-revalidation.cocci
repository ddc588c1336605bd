// SPDX-License-Identifier: GPL-2.0-only
/// Find weak revalidation of a VMA after mmap_lock was dropped and taken
/// again: comparing a fresh lookup with the old pointer
/// (find_vma(mm, addr) != vma, vma_lookup(...) == vma, ...) does not show
/// that the old VMA is still the same mapping, because a freed VMA's memory
/// can be reused for a new one at the same address and split, merge,
/// mprotect and mremap change a VMA in place.  Also find VMAs that
/// find_vma() returned after such a re-lock and that are used without a
/// vm_start check: find_vma() returns the first VMA ending above addr,
/// which need not contain addr.
///
/// In all code, a find_vma() followed by "!vma || vma->vm_start > addr" (or
/// "addr < vma->vm_start") is what vma_lookup() does; patch mode turns it
/// into vma_lookup() when the branch leaves with return or goto and does not
/// use the VMA.  Patch mode also turns the find_vma() of a reported use
/// without a vm_start check into vma_lookup() when a NULL test that leaves
/// follows it: the address is then in the VMA or the existing exit is taken.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Comments: The re-lock is an mmap_read_unlock/mmap_write_unlock followed by
//  mmap_read_lock, mmap_write_lock, their _killable forms or
//  mmap_read_trylock on the same mm in the same function, or an
//  acquisition without an unlock before it in a function that was handed a
//  VMA (a callee dropped the lock).  One report per find_vma().  A range
//  check is any read of vma->vm_start, vm_start_gap(vma) or
//  range_in_vma(vma, ...).
// Keywords: find_vma, vma_lookup, revalidation, mmap_lock

virtual context
virtual org
virtual patch
virtual report

// Re-locks: mmap_lock taken after this function dropped it, or taken by a
// function that was handed a VMA and did not drop the lock itself (a callee
// such as userfaultfd_remove() dropped it).
@relock_own exists@
expression mm;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
position p2;
@@

unlock(mm)
...
relock@p2(mm, ...)

@relock_param exists@
identifier vma, fn;
expression mm;
identifier unlock = {mmap_read_unlock, mmap_write_unlock};
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_write_lock_nested};
position p2;
@@

fn(..., struct vm_area_struct *vma, ...) {
... when != unlock(mm)
    when != relock(...)
relock@p2(mm, ...)
... when any
}

// A comparison of a fresh lookup with an old VMA pointer after a re-lock.
@cmp depends on !patch exists@
idexpression struct vm_area_struct *vma;
expression mm, m2, E, E1, E2;
statement S1;
iterator name for_each_vma, for_each_vma_range, mas_for_each;
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
identifier lookup = {find_vma, vma_lookup, find_vma_intersection};
position p2 = {relock_own.p2, relock_param.p2};
position p3;
@@

relock@p2(mm, ...)
... when != vma = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
(
lookup@p3(m2, ...) != vma
|
lookup@p3(m2, ...) == vma
|
vma != lookup@p3(m2, ...)
|
vma == lookup@p3(m2, ...)
)

// The same through a temporary: tmp = find_vma(mm, addr); if (tmp != vma).
@cmp_tmp depends on !patch exists@
idexpression struct vm_area_struct *vma, tmp;
expression mm, m2, E, E1, E2;
statement S1;
iterator name for_each_vma, for_each_vma_range, mas_for_each;
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
identifier lookup = {find_vma, vma_lookup, find_vma_intersection};
position p2 = {relock_own.p2, relock_param.p2};
position p3;
@@

relock@p2(mm, ...)
... when != vma = E
    when != &vma
tmp = lookup(m2, ...);
... when != vma = E
    when != tmp = E
    when != &vma
    when != for_each_vma(E1, vma) S1
    when != for_each_vma_range(E1, vma, E2) S1
    when != mas_for_each(E1, vma, E2) S1
(
tmp@p3 != vma
|
tmp@p3 == vma
|
vma != tmp@p3
|
vma == tmp@p3
)

// find_vma() after a re-lock, used without a vm_start check.  Tests in if
// conditions are part of a validation chain (the vm_start check may follow
// in the next if) and find_vma(mm, vma->vm_end) asks for the next VMA: such
// occurrences are not uses.
@has_find_vma@
@@

find_vma(...)

@notuse depends on has_find_vma@
idexpression struct vm_area_struct *vma;
expression E;
statement S1, S2;
position pn;
@@

(
if (<+... vma@pn ...+>) S1 else S2
|
if (<+... vma@pn ...+>) S1
|
find_vma(E, <+... vma@pn ...+>)
)

@nocheck exists@
idexpression struct vm_area_struct *vma;
expression mm, m2, addr, E;
identifier relock = {mmap_read_lock, mmap_write_lock, mmap_read_lock_killable,
                     mmap_write_lock_killable, mmap_read_trylock,
                     mmap_write_lock_nested};
identifier f != vm_start, g;
position p2 = {relock_own.p2, relock_param.p2};
position p3, p4 != notuse.pn;
@@

relock@p2(mm, ...)
...
vma = find_vma@p3(m2, addr);
... when != vma = E
    when != vma->vm_start
    when != vm_start_gap(vma)
    when != range_in_vma(vma, ...)
(
vma@p4->f
|
g(..., vma@p4, ...)
)

// The reported find_vma() without a vm_start check, when a NULL test that
// leaves follows it: vma_lookup() also returns NULL when no VMA contains
// addr, so that case takes the existing exit instead of using the next VMA.
@depends on patch@
idexpression struct vm_area_struct *vma;
expression m2, addr;
identifier l;
position nocheck.p3;
@@

- vma = find_vma@p3(m2, addr);
+ vma = vma_lookup(m2, addr);
  if (\(!vma\|vma == NULL\|unlikely(!vma)\)) {
    ...
(
    return ...;
|
    goto l;
)
  }

// find_vma() + vm_start check == vma_lookup(), when the branch leaves and
// does not use the VMA (it would see NULL instead of the next VMA).
// "addr < vma->vm_start" is matched too (isomorphism gtr_lss).
@uses depends on patch || report || org || context@
idexpression struct vm_area_struct *vma;
expression mm, addr;
position p;
@@

vma = find_vma@p(mm, addr);
if (!vma || vma->vm_start > addr) { <+... vma ...+> }

@lookup depends on patch || report || org || context@
idexpression struct vm_area_struct *vma;
expression mm, addr;
identifier l;
position p != uses.p;
@@

vma = find_vma@p(mm, addr);
if (!vma || vma->vm_start > addr) {
  ...
(
return ...;
|
goto l;
)
}

@depends on patch@
idexpression struct vm_area_struct *vma;
expression mm, addr;
position lookup.p;
statement S;
@@

- vma = find_vma@p(mm, addr);
+ vma = vma_lookup(mm, addr);
  if (
-     !vma || vma->vm_start > addr
+     !vma
     ) S

@depends on context && !patch && !org && !report@
position p = {cmp.p3, cmp_tmp.p3, nocheck.p3};
expression E;
@@

* E@p

@depends on context && !patch && !org && !report@
position lookup.p;
@@

* find_vma@p(...)

@initialize:python@
@@

# One report per find_vma() without a check, naming its first unchecked use.
_seen = set()

def once(p):
    key = (p[0].file, p[0].line, p[0].column)
    if key in _seen:
        return False
    _seen.add(key)
    return True

def msg_cmp(relock, p2):
    return ("WARNING: VMA revalidated by comparing pointers after %s() on "
            "line %s re-took mmap_lock; an equal pointer may be a different "
            "or changed VMA, recheck range, flags and backing instead"
            % (relock, p2[0].line))

def msg_nocheck(vma, p4, relock, p2):
    return ("WARNING: find_vma() after %s() on line %s re-took mmap_lock, "
            "and %s is used on line %s without a vm_start check; it may not "
            "contain the address, use vma_lookup() or check vm_start"
            % (relock, p2[0].line, vma, p4[0].line))

def msg_lookup():
    return "WARNING: find_vma() with a vm_start check is vma_lookup()"

@script:python depends on report@
p2 << cmp.p2;
p3 << cmp.p3;
relock << cmp.relock;
@@

coccilib.report.print_report(p3[0], msg_cmp(relock, p2))

@script:python depends on org@
p2 << cmp.p2;
p3 << cmp.p3;
relock << cmp.relock;
@@

coccilib.org.print_todo(p3[0], msg_cmp(relock, p2))

@script:python depends on report@
p2 << cmp_tmp.p2;
p3 << cmp_tmp.p3;
relock << cmp_tmp.relock;
@@

coccilib.report.print_report(p3[0], msg_cmp(relock, p2))

@script:python depends on org@
p2 << cmp_tmp.p2;
p3 << cmp_tmp.p3;
relock << cmp_tmp.relock;
@@

coccilib.org.print_todo(p3[0], msg_cmp(relock, p2))

@script:python depends on report@
p2 << nocheck.p2;
p3 << nocheck.p3;
p4 << nocheck.p4;
vma << nocheck.vma;
relock << nocheck.relock;
@@

if once(p3):
    coccilib.report.print_report(p3[0], msg_nocheck(vma, p4, relock, p2))

@script:python depends on org@
p2 << nocheck.p2;
p3 << nocheck.p3;
p4 << nocheck.p4;
vma << nocheck.vma;
relock << nocheck.relock;
@@

if once(p3):
    coccilib.org.print_todo(p3[0], msg_nocheck(vma, p4, relock, p2))

@script:python depends on report@
p << lookup.p;
@@

coccilib.report.print_report(p[0], msg_lookup())

@script:python depends on org@
p << lookup.p;
@@

coccilib.org.print_todo(p[0], msg_lookup())
