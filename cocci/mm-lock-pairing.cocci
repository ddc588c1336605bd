// SPDX-License-Identifier: GPL-2.0-only
/// Find unbalanced mm locks:
///  - an if branch that returns between pte_offset_map_lock() (or
///    pte_alloc_map_lock(), get_locked_pte()) and a pte_unmap_unlock() that
///    the paths after the if reach, without unlocking: the PTL (a spinlock)
///    and the PTE mapping (kmap, RCU) leak;
///  - a goto on such an error path whose target reaches a return without
///    pte_unmap_unlock() (it jumps past the unlock label);
///  - the same if branches for the PMD/PUD lock of pmd_lock() or
///    pmd_trans_huge_lock() and spin_unlock();
///  - the same for folio_lock()/lock_page() and folio_unlock()/unlock_page(),
///    for branches that return an error (-EFOO, NULL, ERR_PTR(), false, a
///    VM_FAULT_ error, or the variable the if tests);
///  - folio_lock(), lock_page(), mmap_read_lock() or mmap_write_lock() (and
///    their _killable forms), which may sleep, while the PTL of one of these
///    is held, or the PMD/PUD lock of pmd_lock() or pmd_trans_huge_lock().
/// The NULL branch of "pte = pte_offset_map_lock(...); if (!pte) return"
/// holds nothing (6.5+) and is not reported.
///
// Confidence: Moderate
// Options: --no-includes --include-headers
// Comments: A leaking if branch must end with a return and contain no
//  goto.  A leaking goto is one whose path to a return names neither the
//  ptl nor a PTE pointer (the unlock label often tests "if (pte)"), nor,
//  for a ptl in a structure (&vmf->ptl), passes that structure to a
//  function.  A branch that names the ptl at all (an unlock, or a
//  hand-off to a function such as migration_entry_wait_on_locked())
//  releases it; a branch that returns the folio or passes it to any
//  function other than folio_put(), folio_test_*() and similar accessors
//  releases it.  For the sleeping locks, any mention of the ptl ends the
//  PTL section.  Paths are not pruned by conditions other than the NULL
//  test of the PTE or of the lock pmd_trans_huge_lock() returned.
// Keywords: pte_offset_map_lock, pte_unmap_unlock, folio_lock, PTL, goto,
//  pmd_trans_huge_lock

virtual context
virtual org
virtual report

@initialize:python@
@@

import re

# One report per branch or goto, however many unlocks or returns the paths
# from it can reach (the first one seen; the order is fixed for an input).
_seen = set()

def once(p):
    key = (p[0].file, p[0].line, p[0].column)
    if key in _seen:
        return False
    _seen.add(key)
    return True

def _norm(s):
    s = re.sub(r"/\*.*?\*/|//[^\n]*", "", s, flags=re.S)
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r" ?([^\w ]) ?", r"\1", s)

def not_null_test(c):
    # if (!pte), if (pte == NULL), if (unlikely(!pte)): nothing is held.
    s = _norm(c)
    m = re.match(r"^(?:un)?likely\((.*)\)$", s)
    if m:
        s = m.group(1)
    return not (re.match(r"^!\(?[\w.>-]+\)?$", s) or
                re.match(r"^\(?[\w.>-]+\)?==NULL$", s))

def _last_return(s):
    # The value of the return that ends the branch, or None when the branch
    # does not end with a return or jumps elsewhere.
    if re.search(r"\bgoto\b", s):
        return None
    t = _norm(s)
    t = t.rstrip("}").rstrip(";")
    last = re.split(r"[;{}]", t)[-1]
    m = re.match(r"^return\b ?(.*)$", last)
    return m.group(1) if m else None

def _returns(s):
    return _last_return(s) is not None

def error_branch(s, c):
    """The branch returns an error: -EFOO, NULL, ERR_PTR(), false, a
    VM_FAULT_ error, or a variable the if condition tests (if (ret < 0)
    return ret).  A success return with the folio locked is often the
    contract (->write_begin(), pipe_buf_operations.try_steal)."""
    v = _last_return(s)
    if v is None:
        return False
    if _error_value(v):
        return True
    return (re.match(r"^\w+$", v) is not None and
            re.search(r"(?<![\w>.])" + v + r"(?!\w)", _norm(c)) is not None)

def _error_value(v):
    # -EFOO, ERR_PTR(...), NULL, false, a VM_FAULT_ error code.
    v = re.sub(r"^\((.*)\)$", r"\1", v)
    return re.match(r"^(-\w+|ERR_PTR\(.*\)|NULL|false|"
                    r"VM_FAULT_(OOM|SIGBUS|SIGSEGV|HWPOISON\w*|FALLBACK))$",
                    v) is not None

def _mentions(s, e):
    return re.search(r"(?<![\w>.])" + re.escape(_norm(e)) + r"(?![\w])",
                     _norm(s)) is not None

def ptl_leaks(s, ptl):
    """The branch returns and never names the PTL (no unlock, no hand-off).
    For a PTL kept in a structure (vmf->ptl, pvmw->ptl), the structure
    itself passed on or returned is a hand-off too."""
    if not _returns(s) or _mentions(s, ptl):
        return False
    m = re.match(r"^(\w+)(?:->|\.)\w+$", _norm(ptl))
    if m and re.search(r"(?<![\w>.])" + m.group(1) + r"(?!->|\.|\w)",
                       _norm(s)):
        return False
    return True

# Calls that take a locked folio and leave it locked.
_KEEPS = r"(?:folio_put|put_page|folio_get|folio_test_\w+|folio_mark_\w+|" \
         r"folio_set_\w+|folio_clear_\w+|folio_wait_writeback|" \
         r"folio_mapping|folio_nr_pages|folio_size|folio_order|" \
         r"folio_pfn|folio_page|folio_address|folio_mapcount|" \
         r"VM_BUG_ON_FOLIO|VM_WARN_ON_FOLIO|VM_WARN_ON_ONCE_FOLIO)"

def folio_leaks(s, f):
    """The branch returns; the folio is only passed to calls that keep it
    locked (any other mention may be a hand-off that unlocks it)."""
    if not _returns(s):
        return False
    t = _norm(s)
    fe = re.escape(_norm(f))
    uses = list(re.finditer(r"(?<![\w>.])" + fe + r"(?![\w])", t))
    for m in uses:
        before = t[:m.start()]
        call = re.search(r"(\w+)\((?:[^()]*,)?$", before)
        if not call or not re.match("^" + _KEEPS + "$", call.group(1)):
            return False
    return True

// A branch that returns with the PTL held, between pte_offset_map_lock()
// and a pte_unmap_unlock() that the other paths reach.
@ptl_site@
expression E, ptl;
position p1;
@@

E = \(pte_offset_map_lock@p1\|pte_alloc_map_lock@p1\|get_locked_pte@p1\)(..., &ptl)

@pte_ret exists@
expression ptl_site.E, ptl_site.ptl;
identifier lock;
position ptl_site.p1;
expression C : script:python () { not_null_test(C) };
statement S : script:python (ptl) { ptl_leaks(S, ptl) };
position pi, p3;
@@

E = lock@p1(..., &ptl)
... when != ptl
    when any
if@pi (C) S
... when != ptl
    when any
pte_unmap_unlock@p3(..., ptl)

// A goto on an error path that leaves the PTL held: the path from the goto
// reaches a return without naming the ptl, the PTE or any local pte_t *
// (a test of the PTE, as in "out: if (pte) pte_unmap_unlock(pte, ptl);",
// ends the path), while
// other paths reach pte_unmap_unlock().  The goto of the NULL test right
// after the lock (of either PTE of "start_pte = pte = ...") is not one,
// and the path from the lock to the goto takes no other goto (a NULL-test
// goto that loops back to code before the lock).
@ptl_null_goto@
expression E, E2, ptl;
identifier lock = {pte_offset_map_lock, pte_alloc_map_lock, get_locked_pte};
identifier l;
position pn;
@@

(
E = lock(..., &ptl);
|
E = E2 = lock(..., &ptl);
|
E2 = E = lock(..., &ptl);
)
if (\(!E\|E == NULL\|unlikely(!E)\)) \(goto l@pn;\|{ ... goto l@pn; }\)

// Only locks that some path releases with pte_unmap_unlock().
@ptl_bal exists@
expression ptl_site.E, ptl;
identifier lock;
position ptl_site.p1, p0;
@@

E = lock@p1@p0(..., &ptl)
... when any
pte_unmap_unlock(..., ptl)

@pte_goto exists@
expression E;
typedef pte_t;
idexpression pte_t *P;
identifier ptl, lock, l, l2;
position ptl_bal.p0, pg != ptl_null_goto.pn, pr;
@@

E = lock@p0(..., &ptl)
... when != ptl
    when != goto l2;
goto l@pg;
... when != ptl
    when != E
    when != P
return@pr ...;

// The same when the ptl is a field (&vmf->ptl): passing the structure to a
// function (a hand-off, as in do_wp_page(vmf)) also ends the path.
@pte_goto_s exists@
expression E, X;
typedef pte_t;
idexpression pte_t *P;
identifier fld, lock, l, l2, g;
position ptl_bal.p0, pg != ptl_null_goto.pn, pr;
@@

E = lock@p0(..., &X->fld)
... when != X->fld
    when != g(..., X, ...)
    when != goto l2;
goto l@pg;
... when != X->fld
    when != E
    when != P
    when != g(..., X, ...)
return@pr ...;

// The same for a PMD/PUD lock (a spinlock taken by pmd_lock(), or by
// pmd_trans_huge_lock() when it does not return NULL) and spin_unlock().
// (The lock names are spelled out in pmd_ret too, so that spatch only
// parses files that contain one of them, not every file with spin_unlock.)
@pmd_site@
expression ptl;
identifier lock = {pmd_trans_huge_lock, pud_trans_huge_lock, pmd_lock,
                   pud_lock};
position p1;
@@

ptl = lock@p1(...)

@pmd_ret exists@
expression pmd_site.ptl;
position pmd_site.p1;
expression C : script:python () { not_null_test(C) };
statement S : script:python (ptl) { ptl_leaks(S, ptl) };
statement S0;
position pi, p3;
@@

(
ptl = \(pmd_trans_huge_lock@p1\|pud_trans_huge_lock@p1\)(...);
if (\(!ptl\|ptl == NULL\|unlikely(!ptl)\)) S0
... when != ptl
    when any
if@pi (C) S
... when != ptl
    when any
spin_unlock@p3(ptl);
|
ptl = \(pmd_lock@p1\|pud_lock@p1\)(...);
... when != ptl
    when any
if@pi (C) S
... when != ptl
    when any
spin_unlock@p3(ptl);
)

// The same for folio_lock()/lock_page() and folio_unlock()/unlock_page().
@folio_site@
expression F;
position p1;
@@

\(folio_lock@p1\|lock_page@p1\)(F);

@folio_ret exists@
expression folio_site.F, E;
identifier lock;
position folio_site.p1;
identifier unlock = {folio_unlock, unlock_page};
expression C;
statement S : script:python (F) { folio_leaks(S, F) };
position pi, p3;
@@

lock@p1(F);
... when != unlock(F)
    when != F = E
    when any
if@pi (C) S
... when != unlock(F)
    when != F = E
    when any
\(folio_unlock@p3\|unlock_page@p3\)(F);

// Only error returns count for the folio lock.
@script:python folio_err@
S << folio_ret.S;
C << folio_ret.C;
@@

if not error_branch(S, C):
    cocci.include_match(False)

// A sleeping lock while a PTL is held.
@sleep exists@
expression E, ptl;
identifier slock = {folio_lock, folio_lock_killable, lock_page,
                    lock_page_killable, mmap_read_lock, mmap_write_lock,
                    mmap_read_lock_killable, mmap_write_lock_killable};
statement S;
position p1, p2;
@@

(
E = \(pte_offset_map_lock@p1\|pte_alloc_map_lock@p1\|get_locked_pte@p1\)(..., &ptl);
if (\(!E\|E == NULL\)) S
|
\(pte_offset_map_lock@p1\|pte_alloc_map_lock@p1\|get_locked_pte@p1\)(..., &ptl)
)
... when != ptl
slock@p2(...)

// The same under a PMD (or PUD) lock: pmd_lock(), or pmd_trans_huge_lock()
// on the path where it returned the lock.
@sleep_pmd exists@
expression ptl;
identifier slock = {folio_lock, folio_lock_killable, lock_page,
                    lock_page_killable, mmap_read_lock, mmap_write_lock,
                    mmap_read_lock_killable, mmap_write_lock_killable};
identifier lock;
statement S;
position p1, p2;
@@

(
ptl = \(pmd_trans_huge_lock@lock@p1\|pud_trans_huge_lock@lock@p1\)(...);
if (\(!ptl\|ptl == NULL\|unlikely(!ptl)\)) S
... when != ptl
slock@p2(...)
|
ptl = \(pmd_trans_huge_lock@lock@p1\|pud_trans_huge_lock@lock@p1\)(...);
if (ptl) {
  ... when != ptl
  slock@p2(...)
  ... when any
}
|
ptl = \(pmd_lock@lock@p1\|pud_lock@lock@p1\)(...);
... when != ptl
slock@p2(...)
)

@depends on context && !org && !report@
position p = {pte_ret.pi, pmd_ret.pi, folio_ret.pi, sleep.p2, sleep_pmd.p2,
              pte_goto.pg, pte_goto_s.pg};
identifier f, l;
statement S;
expression C;
@@

(
* if@p (C) S
|
* f@p(...)
|
* goto l@p;
)

@script:python depends on report@
p1 << ptl_site.p1;
p2 << pte_ret.pi;
p3 << pte_ret.p3;
lock << pte_ret.lock;
@@

if once(p2):
    coccilib.report.print_report(p2[0],
        "ERROR: this branch returns with the PTL of %s() on line %s held; other paths call pte_unmap_unlock() (line %s)"
        % (lock, p1[0].line, p3[0].line))

@script:python depends on org@
p1 << ptl_site.p1;
p2 << pte_ret.pi;
p3 << pte_ret.p3;
lock << pte_ret.lock;
@@

if once(p2):
    coccilib.org.print_todo(p2[0],
        "ERROR: this branch returns with the PTL of %s() on line %s held; other paths call pte_unmap_unlock() (line %s)"
        % (lock, p1[0].line, p3[0].line))

@script:python depends on report@
p1 << ptl_bal.p0;
pg << pte_goto.pg;
pr << pte_goto.pr;
lock << pte_goto.lock;
@@

if once(pg):
    coccilib.report.print_report(pg[0],
        "ERROR: this goto leaves with the PTL of %s() on line %s held: the return on line %s is reached without pte_unmap_unlock(), which other paths call"
        % (lock, p1[0].line, pr[0].line))

@script:python depends on org@
p1 << ptl_bal.p0;
pg << pte_goto.pg;
pr << pte_goto.pr;
lock << pte_goto.lock;
@@

if once(pg):
    coccilib.org.print_todo(pg[0],
        "ERROR: this goto leaves with the PTL of %s() on line %s held: the return on line %s is reached without pte_unmap_unlock(), which other paths call"
        % (lock, p1[0].line, pr[0].line))

@script:python depends on report@
p1 << ptl_bal.p0;
pg << pte_goto_s.pg;
pr << pte_goto_s.pr;
lock << pte_goto_s.lock;
@@

if once(pg):
    coccilib.report.print_report(pg[0],
        "ERROR: this goto leaves with the PTL of %s() on line %s held: the return on line %s is reached without pte_unmap_unlock(), which other paths call"
        % (lock, p1[0].line, pr[0].line))

@script:python depends on org@
p1 << ptl_bal.p0;
pg << pte_goto_s.pg;
pr << pte_goto_s.pr;
lock << pte_goto_s.lock;
@@

if once(pg):
    coccilib.org.print_todo(pg[0],
        "ERROR: this goto leaves with the PTL of %s() on line %s held: the return on line %s is reached without pte_unmap_unlock(), which other paths call"
        % (lock, p1[0].line, pr[0].line))

@script:python depends on report@
p1 << pmd_site.p1;
p2 << pmd_ret.pi;
p3 << pmd_ret.p3;
lock << pmd_site.lock;
@@

if once(p2):
    coccilib.report.print_report(p2[0],
        "ERROR: this branch returns with the page table lock of %s() on line %s held; other paths call spin_unlock() (line %s)"
        % (lock, p1[0].line, p3[0].line))

@script:python depends on org@
p1 << pmd_site.p1;
p2 << pmd_ret.pi;
p3 << pmd_ret.p3;
lock << pmd_site.lock;
@@

if once(p2):
    coccilib.org.print_todo(p2[0],
        "ERROR: this branch returns with the page table lock of %s() on line %s held; other paths call spin_unlock() (line %s)"
        % (lock, p1[0].line, p3[0].line))

@script:python depends on report@
p1 << folio_site.p1;
p2 << folio_ret.pi;
p3 << folio_ret.p3;
lock << folio_ret.lock;
@@

if once(p2):
    coccilib.report.print_report(p2[0],
        "ERROR: this branch returns with the folio lock of %s() on line %s held; other paths unlock it (line %s)"
        % (lock, p1[0].line, p3[0].line))

@script:python depends on org@
p1 << folio_site.p1;
p2 << folio_ret.pi;
p3 << folio_ret.p3;
lock << folio_ret.lock;
@@

if once(p2):
    coccilib.org.print_todo(p2[0],
        "ERROR: this branch returns with the folio lock of %s() on line %s held; other paths unlock it (line %s)"
        % (lock, p1[0].line, p3[0].line))

@script:python depends on report@
p1 << sleep.p1;
p2 << sleep.p2;
slock << sleep.slock;
@@

coccilib.report.print_report(p2[0],
    "ERROR: %s() may sleep while the PTL taken on line %s is held"
    % (slock, p1[0].line))

@script:python depends on org@
p1 << sleep.p1;
p2 << sleep.p2;
slock << sleep.slock;
@@

coccilib.org.print_todo(p2[0],
    "ERROR: %s() may sleep while the PTL taken on line %s is held"
    % (slock, p1[0].line))

@script:python depends on report@
p1 << sleep_pmd.p1;
p2 << sleep_pmd.p2;
slock << sleep_pmd.slock;
lock << sleep_pmd.lock;
@@

coccilib.report.print_report(p2[0],
    "ERROR: %s() may sleep while the page table lock of %s() on line %s is held"
    % (slock, lock, p1[0].line))

@script:python depends on org@
p1 << sleep_pmd.p1;
p2 << sleep_pmd.p2;
slock << sleep_pmd.slock;
lock << sleep_pmd.lock;
@@

coccilib.org.print_todo(p2[0],
    "ERROR: %s() may sleep while the page table lock of %s() on line %s is held"
    % (slock, lock, p1[0].line))
