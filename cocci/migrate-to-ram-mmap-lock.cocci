// SPDX-License-Identifier: GPL-2.0-only
/// Find ->migrate_to_ram callbacks (functions assigned to .migrate_to_ram in
/// a struct dev_pagemap_ops) that depend on mmap_lock: they call
/// migrate_vma_setup(), find_vma(), vma_lookup(), hmm_range_fault(),
/// walk_page_range() or mmap_assert_locked(), or take or drop mmap_lock,
/// directly or through a helper of the same file one call deep.
/// This reports a contract, not a bug: do_swap_page() calls
/// ->migrate_to_ram() with the faulting mm's mmap_lock held, and bails out
/// with VM_FAULT_RETRY when it holds only the per-VMA lock.  These callbacks
/// break if that bail-out is ever removed; a callback that takes or drops
/// mmap_lock itself may deadlock or drop the caller's lock.
///
// Confidence: High
// Options: --no-includes --include-headers
// Comments: One line per callback, at the callback's name, naming one
//  mmap_lock-dependent call (the first on a path through the callback, else
//  the first in a helper).  The helper must be defined in the same file.
//  A callback that takes or drops mmap_lock itself is a WARNING; the
//  others are INFO (by design: they document the contract).
// Keywords: migrate_to_ram, dev_pagemap_ops, mmap_lock, do_swap_page

virtual context
virtual org
virtual report

@ops@
identifier ops, fn;
@@

struct dev_pagemap_ops ops = {
  .migrate_to_ram = fn,
};

@ops_assign@
identifier fn;
expression E;
@@

(
E.migrate_to_ram = fn;
|
E->migrate_to_ram = fn;
)

// The first mmap_lock-dependent call on some path of the callback.
@direct exists@
identifier fn = {ops.fn, ops_assign.fn};
identifier call = {migrate_vma_setup, find_vma, find_vma_intersection,
                  find_vma_prev, vma_lookup, hmm_range_fault,
                  walk_page_range, walk_page_vma, mmap_assert_locked,
                  mmap_assert_write_locked, mmap_read_lock,
                  mmap_read_unlock, mmap_write_lock, mmap_write_unlock,
                  mmap_read_lock_killable, mmap_write_lock_killable,
                  mmap_read_trylock};
identifier other = {migrate_vma_setup, find_vma, find_vma_intersection,
                   find_vma_prev, vma_lookup, hmm_range_fault,
                   walk_page_range, walk_page_vma, mmap_assert_locked,
                   mmap_assert_write_locked, mmap_read_lock,
                   mmap_read_unlock, mmap_write_lock, mmap_write_unlock,
                   mmap_read_lock_killable, mmap_write_lock_killable,
                   mmap_read_trylock};
position p, pc;
@@

fn@p(...) {
... when != other(...)
call@pc(...)
... when any
}

// Otherwise, the first such call in a same-file helper it calls.
@helper exists@
identifier fn = {ops.fn, ops_assign.fn};
identifier h;
position p != direct.p;
@@

fn@p(...) {
<+...
h(...)
...+>
}

@helper_body exists@
identifier helper.h;
identifier call = {migrate_vma_setup, find_vma, find_vma_intersection,
                  find_vma_prev, vma_lookup, hmm_range_fault,
                  walk_page_range, walk_page_vma, mmap_assert_locked,
                  mmap_assert_write_locked, mmap_read_lock,
                  mmap_read_unlock, mmap_write_lock, mmap_write_unlock,
                  mmap_read_lock_killable, mmap_write_lock_killable,
                  mmap_read_trylock};
identifier other = {migrate_vma_setup, find_vma, find_vma_intersection,
                   find_vma_prev, vma_lookup, hmm_range_fault,
                   walk_page_range, walk_page_vma, mmap_assert_locked,
                   mmap_assert_write_locked, mmap_read_lock,
                   mmap_read_unlock, mmap_write_lock, mmap_write_unlock,
                   mmap_read_lock_killable, mmap_write_lock_killable,
                   mmap_read_trylock};
position pc;
@@

h(...) {
... when != other(...)
call@pc(...)
... when any
}

@depends on context && !org && !report@
identifier c;
position pc = {direct.pc, helper_body.pc};
@@

* c@pc(...)

@initialize:python@
@@

# One line per callback (and file): the first match seen.  For a given input
# the order is fixed, so the output is deterministic.
seen = set()

def once(p):
    key = (p[0].file, p[0].line)
    if key in seen:
        return False
    seen.add(key)
    return True

def msg(fn, call, via):
    via = " via %s()" % via if via else ""
    if call.startswith("mmap_") and not call.startswith("mmap_assert"):
        return ("WARNING: ->migrate_to_ram callback %s() takes or drops "
                "mmap_lock: %s()%s; do_swap_page() calls it with that lock "
                "already held (a nested read lock can deadlock against a "
                "waiting writer, dropping it breaks the caller)"
                % (fn, call, via))
    return ("INFO: ->migrate_to_ram callback %s() needs mmap_lock: %s()%s; "
            "do_swap_page() must keep calling it with mmap_lock held, not "
            "under the per-VMA lock alone" % (fn, call, via))

@script:python depends on report@
fn << direct.fn;
p << direct.p;
call << direct.call;
@@

if once(p):
    coccilib.report.print_report(p[0], msg(fn, call, None))

@script:python depends on report@
fn << helper.fn;
p << helper.p;
h << helper.h;
call << helper_body.call;
@@

if once(p):
    coccilib.report.print_report(p[0], msg(fn, call, h))

@script:python depends on org@
fn << direct.fn;
p << direct.p;
call << direct.call;
@@

if once(p):
    coccilib.org.print_todo(p[0], msg(fn, call, None))

@script:python depends on org@
fn << helper.fn;
p << helper.p;
h << helper.h;
call << helper_body.call;
@@

if once(p):
    coccilib.org.print_todo(p[0], msg(fn, call, h))
