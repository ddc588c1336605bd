// SPDX-License-Identifier: GPL-2.0-only
/// Find VMA uses on the branch where handle_mm_fault() or
/// folio_lock_or_retry() reported VM_FAULT_RETRY or VM_FAULT_COMPLETED.
/// On that branch the fault lock (mmap_lock, or the per-VMA lock with
/// FAULT_FLAG_VMA_LOCK) has already been released and the VMA may be freed:
/// "It is no longer safe to dereference vma-> after this point" (mm/memory.c).
/// A use is vma->field or the VMA passed to a function (vma_end_read(vma)
/// there is a double unlock); for folio_lock_or_retry(folio, vmf) it is
/// vmf->vma or a local VMA pointer.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Comments: The branch is recognised from the test of the result: "ret &
//  VM_FAULT_RETRY", "ret & VM_FAULT_COMPLETED", "ret & (VM_FAULT_RETRY |
//  VM_FAULT_COMPLETED)", "ret == VM_FAULT_RETRY", "fault_signal_pending(ret,
//  regs)", inside likely()/unlikely() or one side of "&&"; negated as
//  "!(ret & ...)"; for folio_lock_or_retry() (6.6+, 0 = locked) also "ret".
//  For handle_mm_fault(), the then branch of a test of one bit only,
//  "!(ret & VM_FAULT_RETRY)", is a VM_FAULT_COMPLETED branch.
//  The use is in the RETRY branch, after the if when that branch can fall
//  through (it does not end with return, goto, break or continue), or after
//  the label that branch jumps to.  FAULT_FLAG_RETRY_NOWAIT (the lock is
//  kept) is not looked at, and for folio_lock_or_retry() every local
//  struct vm_area_struct * is taken to be vmf->vma.
// Keywords: handle_mm_fault, folio_lock_or_retry, VM_FAULT_RETRY, vm_area_struct

virtual context
virtual org
virtual report

@initialize:python@
@@

import re

def _strip(s):
    s = re.sub(r"\s+", "", s)
    while True:
        m = (re.match(r"^(?:un)?likely\((.*)\)$", s) or
             re.match(r"^\((.*)\)$", s))
        if not m or not _balanced(m.group(1)):
            return s
        s = m.group(1)

def _balanced(s):
    d = 0
    for ch in s:
        d += {"(": 1, ")": -1}.get(ch, 0)
        if d < 0:
            return False
    return d == 0

def _split_and(s):
    parts, d, cur, i = [], 0, "", 0
    while i < len(s):
        ch = s[i]
        d += {"(": 1, ")": -1}.get(ch, 0)
        if d == 0 and s.startswith("&&", i):
            parts.append(cur)
            cur, i = "", i + 2
            continue
        cur += ch
        i += 1
    return parts + [cur]

_R = r"VM_FAULT_(?:RETRY|COMPLETED)"
_BITS = (r"(?:%s|\(VM_FAULT_RETRY\|VM_FAULT_COMPLETED\)"
         r"|\(VM_FAULT_COMPLETED\|VM_FAULT_RETRY\))" % _R)
_LV = r"[A-Za-z_][\w.>-]*"

def _base(s):
    # ret & RETRY/COMPLETED, ret == RETRY/COMPLETED
    return bool(re.match(r"^%s&%s$" % (_LV, _BITS), s) or
                re.match(r"^%s==%s$" % (_LV, _R), s))

def fault_pos(c):
    """The then branch of if (c) is a RETRY/COMPLETED branch."""
    s = _strip(c)
    for part in _split_and(s):
        p = _strip(part)
        if _base(p) or re.match(r"^fault_signal_pending\(%s," % _LV, p):
            return True
    return False

def fault_pos_hmf(c):
    """For handle_mm_fault(), also the then branch of a test of only one of
    the two bits, "!(ret & VM_FAULT_RETRY)": it is taken with
    VM_FAULT_COMPLETED (and the other way round)."""
    if fault_pos(c):
        return True
    s = _strip(c)
    m = re.match(r"^!\((.*)\)$", s)
    return bool(m and _balanced(m.group(1)) and
                re.match(r"^%s&%s$" % (_LV, _R), _strip(m.group(1))))

def fault_neg(c):
    """The else branch of if (c) is a RETRY/COMPLETED branch."""
    s = _strip(c)
    m = re.match(r"^!\((.*)\)$", s)
    return bool(m and _balanced(m.group(1)) and _base(_strip(m.group(1))))

def fault_ret(c):
    """if (ret) after folio_lock_or_retry(): nonzero is VM_FAULT_RETRY."""
    return bool(re.match(r"^%s$" % _LV, _strip(c)))

def falls_through(stmt):
    """False when the branch visibly ends with return, goto, break or
    continue (its last statement, looking into trailing blocks)."""
    t = re.sub(r"/\*.*?\*/|//[^\n]*", "", stmt, flags=re.S).strip()
    while t.endswith("}"):
        t = t[:-1].rstrip()
        if t.endswith(";") or t.endswith("}"):
            continue
    t = t.rstrip(";").rstrip()
    last = re.split(r"[;{}]", t)[-1].strip()
    return not re.match(r"^(return|goto|break|continue)\b", last)

seen = set()

def once(p1, p2):
    # One report per use and call; a use can be reached by several forms.
    key = (p2[0].file, p2[0].line, p2[0].column, p1[0].line)
    if key in seen:
        return False
    seen.add(key)
    return True

def msg(call, p1):
    return ("ERROR: VMA used after %s() on line %s returned VM_FAULT_RETRY or "
            "VM_FAULT_COMPLETED; the fault lock is gone and the VMA may be freed"
            % (call, p1[0].line))

// gotos that are the RETRY branch of a positive test of R, the result of
// handle_mm_fault() (pgoto) or folio_lock_or_retry() (pgoto_f).
@pgoto disable neg_if, drop_else exists@
expression C : script:python () { fault_pos_hmf(C) };
assignment operator aop = {=, |=};
position pg;
idexpression R;
identifier l;
@@

R aop handle_mm_fault(...)
... when any
(
if (\(C \& <+... R ...+>\)) goto@pg l;
|
if (\(C \& <+... R ...+>\)) { ... goto@pg l; }
)

@pgoto_f disable neg_if, drop_else exists@
expression C : script:python () { fault_pos(C) or fault_ret(C) };
assignment operator aop = {=, |=};
position pg;
idexpression R;
identifier l;
@@

R aop folio_lock_or_retry(...)
... when any
(
if (\(C \& <+... R ...+>\)) goto@pg l;
|
if (\(C \& <+... R ...+>\)) { ... goto@pg l; }
)

@hmf_in_then disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression V;
identifier f, g;
expression C : script:python () { fault_pos_hmf(C) };
position pi;
position p1, p2;
@@

ret aop handle_mm_fault@p1(V, ...)
... when != ret = E
    when != V = E
    when any
if@pi (\(C \& <+... ret ...+>\)) {
  ... when != V = E
    when any
(
V@p2->f
|
g(..., V@p2, ...)
)
  ... when any
}

@hmf_after_then disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression V;
identifier f, g;
statement S1 : script:python () { falls_through(S1) };
expression C : script:python () { fault_pos_hmf(C) };
position pi;
position p1, p2;
@@

ret aop handle_mm_fault@p1(V, ...)
... when != ret = E
    when != V = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1
... when != V = E
    when any
(
V@p2->f
|
g(..., V@p2, ...)
)

@hmf_after_neg disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression V;
identifier f, g;
statement S1;
expression C : script:python () { fault_neg(C) };
position pi;
position p1, p2;
@@

ret aop handle_mm_fault@p1(V, ...)
... when != ret = E
    when != V = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1
... when != V = E
    when any
(
V@p2->f
|
g(..., V@p2, ...)
)

@hmf_in_else disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression V;
identifier f, g;
statement S1;
expression C : script:python () { fault_neg(C) };
position pi;
position p1, p2;
@@

ret aop handle_mm_fault@p1(V, ...)
... when != ret = E
    when != V = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1 else {
  ... when != V = E
    when any
(
V@p2->f
|
g(..., V@p2, ...)
)
  ... when any
}

@hmf_after_else disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression V;
identifier f, g;
statement S1;
statement S2 : script:python () { falls_through(S2) };
expression C : script:python () { fault_neg(C) };
position pi;
position p1, p2;
@@

ret aop handle_mm_fault@p1(V, ...)
... when != ret = E
    when != V = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1 else S2
... when != V = E
    when any
(
V@p2->f
|
g(..., V@p2, ...)
)

@folio_in_then disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression F, vmf;
idexpression struct vm_area_struct *V;
identifier f, g;
expression C : script:python () { fault_pos(C) or fault_ret(C) };
position pi;
position p1, p2;
@@

ret aop folio_lock_or_retry@p1(F, vmf)
... when != ret = E
    when != V = E
    when != vmf = E
    when any
if@pi (\(C \& <+... ret ...+>\)) {
  ... when != V = E
    when any
(
vmf->vma@p2->f
|
g(..., vmf->vma@p2, ...)
|
V@p2->f
|
g(..., V@p2, ...)
)
  ... when any
}

@folio_after_then disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression F, vmf;
idexpression struct vm_area_struct *V;
identifier f, g;
statement S1 : script:python () { falls_through(S1) };
expression C : script:python () { fault_pos(C) or fault_ret(C) };
position pi;
position p1, p2;
@@

ret aop folio_lock_or_retry@p1(F, vmf)
... when != ret = E
    when != V = E
    when != vmf = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1
... when != V = E
    when any
(
vmf->vma@p2->f
|
g(..., vmf->vma@p2, ...)
|
V@p2->f
|
g(..., V@p2, ...)
)

@folio_after_neg disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression F, vmf;
idexpression struct vm_area_struct *V;
identifier f, g;
statement S1;
expression C : script:python () { fault_neg(C) };
position pi;
position p1, p2;
@@

ret aop folio_lock_or_retry@p1(F, vmf)
... when != ret = E
    when != V = E
    when != vmf = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1
... when != V = E
    when any
(
vmf->vma@p2->f
|
g(..., vmf->vma@p2, ...)
|
V@p2->f
|
g(..., V@p2, ...)
)

@folio_in_else disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression F, vmf;
idexpression struct vm_area_struct *V;
identifier f, g;
statement S1;
expression C : script:python () { fault_neg(C) };
position pi;
position p1, p2;
@@

ret aop folio_lock_or_retry@p1(F, vmf)
... when != ret = E
    when != V = E
    when != vmf = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1 else {
  ... when != V = E
    when any
(
vmf->vma@p2->f
|
g(..., vmf->vma@p2, ...)
|
V@p2->f
|
g(..., V@p2, ...)
)
  ... when any
}

@folio_after_else disable neg_if, drop_else exists@
expression ret, E;
assignment operator aop = {=, |=};
expression F, vmf;
idexpression struct vm_area_struct *V;
identifier f, g;
statement S1;
statement S2 : script:python () { falls_through(S2) };
expression C : script:python () { fault_neg(C) };
position pi;
position p1, p2;
@@

ret aop folio_lock_or_retry@p1(F, vmf)
... when != ret = E
    when != V = E
    when != vmf = E
    when any
if@pi (\(C \& <+... ret ...+>\)) S1 else S2
... when != V = E
    when any
(
vmf->vma@p2->f
|
g(..., vmf->vma@p2, ...)
|
V@p2->f
|
g(..., V@p2, ...)
)

@hmf_at_label exists@
expression E;
assignment operator aop = {=, |=};
idexpression pgoto.R;
position pgoto.pg;
expression V;
identifier f, g, l;
position p1, p2;
@@

R aop handle_mm_fault@p1(V, ...)
... when != R = E
    when != V = E
    when any
goto@pg l;
... when != V = E
    when any
(
V@p2->f
|
g(..., V@p2, ...)
)

@folio_at_label exists@
expression E;
assignment operator aop = {=, |=};
idexpression pgoto_f.R;
position pgoto_f.pg;
expression F, vmf;
idexpression struct vm_area_struct *V;
identifier f, g, l;
position p1, p2;
@@

R aop folio_lock_or_retry@p1(F, vmf)
... when != R = E
    when != V = E
    when != vmf = E
    when any
goto@pg l;
... when != V = E
    when any
(
vmf->vma@p2->f
|
g(..., vmf->vma@p2, ...)
|
V@p2->f
|
g(..., V@p2, ...)
)

@depends on context && !org && !report@
expression V;
position p2 = {hmf_in_then.p2, hmf_after_then.p2, hmf_after_neg.p2, hmf_in_else.p2, hmf_after_else.p2, folio_in_then.p2, folio_after_then.p2, folio_after_neg.p2, folio_in_else.p2, folio_after_else.p2, hmf_at_label.p2, folio_at_label.p2};
@@

* V@p2

@script:python depends on report@
p1 << hmf_in_then.p1;
p2 << hmf_in_then.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("handle_mm_fault", p1))

@script:python depends on org@
p1 << hmf_in_then.p1;
p2 << hmf_in_then.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("handle_mm_fault", p1))

@script:python depends on report@
p1 << hmf_after_then.p1;
p2 << hmf_after_then.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("handle_mm_fault", p1))

@script:python depends on org@
p1 << hmf_after_then.p1;
p2 << hmf_after_then.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("handle_mm_fault", p1))

@script:python depends on report@
p1 << hmf_after_neg.p1;
p2 << hmf_after_neg.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("handle_mm_fault", p1))

@script:python depends on org@
p1 << hmf_after_neg.p1;
p2 << hmf_after_neg.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("handle_mm_fault", p1))

@script:python depends on report@
p1 << hmf_in_else.p1;
p2 << hmf_in_else.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("handle_mm_fault", p1))

@script:python depends on org@
p1 << hmf_in_else.p1;
p2 << hmf_in_else.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("handle_mm_fault", p1))

@script:python depends on report@
p1 << hmf_after_else.p1;
p2 << hmf_after_else.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("handle_mm_fault", p1))

@script:python depends on org@
p1 << hmf_after_else.p1;
p2 << hmf_after_else.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("handle_mm_fault", p1))

@script:python depends on report@
p1 << folio_in_then.p1;
p2 << folio_in_then.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on org@
p1 << folio_in_then.p1;
p2 << folio_in_then.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on report@
p1 << folio_after_then.p1;
p2 << folio_after_then.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on org@
p1 << folio_after_then.p1;
p2 << folio_after_then.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on report@
p1 << folio_after_neg.p1;
p2 << folio_after_neg.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on org@
p1 << folio_after_neg.p1;
p2 << folio_after_neg.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on report@
p1 << folio_in_else.p1;
p2 << folio_in_else.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on org@
p1 << folio_in_else.p1;
p2 << folio_in_else.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on report@
p1 << folio_after_else.p1;
p2 << folio_after_else.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on org@
p1 << folio_after_else.p1;
p2 << folio_after_else.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on report@
p1 << hmf_at_label.p1;
p2 << hmf_at_label.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("handle_mm_fault", p1))

@script:python depends on org@
p1 << hmf_at_label.p1;
p2 << hmf_at_label.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("handle_mm_fault", p1))

@script:python depends on report@
p1 << folio_at_label.p1;
p2 << folio_at_label.p2;
@@

if once(p1, p2):
    coccilib.report.print_report(p2[0], msg("folio_lock_or_retry", p1))

@script:python depends on org@
p1 << folio_at_label.p1;
p2 << folio_at_label.p2;
@@

if once(p1, p2):
    coccilib.org.print_todo(p2[0], msg("folio_lock_or_retry", p1))
