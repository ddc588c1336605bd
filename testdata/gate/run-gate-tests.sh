#!/usr/bin/env bash
# mmlock gate on patch series made for the test (testdata/gate/series/),
# in a small git repository of real Linux 6.12 files: the sources of
# mm/memory.o, mm/madvise.o, mm/readahead.o, mm/fadvise.o and the module
# lib/test_hmm.o and every
# header their kbuild dependency lists name, copied at test time from the
# prepared tree, which is also the gate's --build-dir (flags, generated
# headers, header -> TU map). No kernel file is in this repository.
#
#   run-gate-tests.sh MMLOCK       (exit 77: no prepared tree)
#
# Scenarios: a clean series (the do_swap_page() trylock change against
# 6.12), a 3-patch series whose 2nd patch adds a VMA use after unlock
# (range, mbox and patch directory), a series that fixes it, a header-only
# change (its TUs from the build's deps), a new .c file its Makefile lists
# (a sibling's kbuild flags), a TU that no longer parses, a
# series that does not apply, a bad range, two patches on two TUs (each
# analysed again only after its own patch), baseline and suppressions,
# JSON and SARIF, SIGTERM; after every run the user's checkout is as it was.
set -u
mmlock=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
series=$here/series
tree=${MMLOCK_TREE_GCC:-/var/cache/mmlock/linux-6.12-gcc}
if [ ! -f "$tree/.mmlock-prepared" ]; then
	echo "skipped: no prepared tree at $tree (testdata/kernel/prepare-tree.sh makes it)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TMPDIR=$tmp/tmpdir	# the gate's temporary worktrees: must be gone after each run
mkdir -p "$TMPDIR"
repo=$tmp/linux
passed=0 failed=0
py=python3

ok() { passed=$((passed + 1)); echo "ok: $1"; }
not_ok() {
	failed=$((failed + 1)); echo "FAIL: $1"
	for f in "$tmp/out" "$tmp/err"; do [ -s "$f" ] && sed 's/^/    | /' "$f" | head -40; done
}
# gate ARGS...: runs mmlock gate in the repository, stdout in $tmp/out, stderr in $tmp/err, status in $rc
gate() {
	(cd "$repo" && "$mmlock" gate --build-dir="$tree" -j 2 "$@") > "$tmp/out" 2> "$tmp/err"
	rc=$?
}
# expect NAME CONDITION...: one assertion
expect() { local name=$1; shift; if "$@"; then ok "$name"; else not_ok "$name"; fi; }
json() { "$py" - "$@"; }

export GIT_AUTHOR_NAME="mmlock tests" GIT_AUTHOR_EMAIL=mmlock-tests@invalid
export GIT_COMMITTER_NAME="mmlock tests" GIT_COMMITTER_EMAIL=mmlock-tests@invalid
export GIT_AUTHOR_DATE=2025-01-01T00:00:00Z GIT_COMMITTER_DATE=2025-01-01T00:00:00Z
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp	# no user or system git configuration

# --- the repository: 6.12 files the four TUs are built from -------------------
# (their .o.cmd files come from a build of them: kernel-golden's, or this one)
for o in mm/memory mm/madvise mm/readahead mm/fadvise lib/test_hmm; do
	[ -f "$tree/$(dirname "$o")/.$(basename "$o").o.cmd" ] ||
		(cd "$tree" && make -s -j"$(nproc)" "$o.o") > "$tmp/make.log" 2>&1 ||
		{ cat "$tmp/make.log"; echo "FAIL: building $o.o"; exit 1; }
done
for o in mm/memory mm/madvise mm/readahead mm/fadvise lib/test_hmm; do
	cmd=$tree/$(dirname "$o")/.$(basename "$o").o.cmd
	sed -n 's/^source_[^ ]* := \(.*\)$/\1/p' "$cmd"
	sed -n '/^deps_/,/^$/p' "$cmd" | sed -e 's/\\$//' -e 's/^ *//' -e 's/ *$//' |
		grep -v -e '^\$(wildcard' -e '^deps_' -e '^$' -e 'generated/' -e '^include/config/'
done | sort -u > "$tmp/files"
mkdir -p "$repo"
(cd "$tree" && xargs cp --parents -t "$repo" < "$tmp/files") || { echo "FAIL: copying 6.12 files"; exit 1; }
git -C "$repo" init -q -b master && git -C "$repo" add -A &&
	git -C "$repo" commit -q -m "Linux 6.12 (the files of four mm TUs)" ||
	{ echo "FAIL: git repository"; exit 1; }
echo "repository: $(wc -l < "$tmp/files") files of 6.12"
# the 3-patch series and its fix as branches, for the range form
git -C "$repo" checkout -q -b madvise master && git -C "$repo" am -q "$series"/madvise/*.patch &&
	git -C "$repo" checkout -q -b fix madvise && git -C "$repo" am -q "$series"/fix/*.patch &&
	git -C "$repo" checkout -q -b two master && git -C "$repo" am -q "$series"/clean/*.patch \
		"$series"/madvise/0002-*.patch &&
	git -C "$repo" checkout -q master || { echo "FAIL: making the branches"; exit 1; }
# a comment in a module's TU (its kbuild command runs objtool after ";")
git -C "$repo" checkout -q -b module master &&
	sed -i '1a /* a comment */' "$repo/lib/test_hmm.c" &&
	git -C "$repo" commit -q -am "test_hmm: a comment" &&
	git -C "$repo" checkout -q master || { echo "FAIL: making the module branch"; exit 1; }
# a new mm/ file with a VMA use after unlock, listed in mm/Makefile
git -C "$repo" checkout -q -b newfile master && cat > "$repo/mm/demo_new.c" <<'EOF2' &&
// SPDX-License-Identifier: GPL-2.0
#include <linux/mm.h>

unsigned long demo_new_flags(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	unsigned long flags = 0;

	mmap_read_lock(mm);
	vma = vma_lookup(mm, addr);
	mmap_read_unlock(mm);
	if (vma)
		flags = vma->vm_flags;
	return flags;
}
EOF2
	printf 'obj-y += memory.o madvise.o\nobj-$(CONFIG_MMU) += demo_new.o\n' > "$repo/mm/Makefile" &&
	git -C "$repo" add -A && git -C "$repo" commit -q -m "mm: demo_new.c" &&
	git -C "$repo" checkout -q master || { echo "FAIL: making the newfile branch"; exit 1; }

# The user's checkout is dirty: an uncommitted change (the very bug of patch
# 2/3: a gate that read the checkout would see it at BASE) and an untracked
# file. Every run must leave all of it as it is.
"$py" - "$repo/mm/madvise.c" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = "\toffset = (loff_t)(start - vma->vm_start)\n\t\t\t+ ((loff_t)vma->vm_pgoff << PAGE_SHIFT);\n\tmmap_read_unlock(mm);\n"
new = "\tmmap_read_unlock(mm);\n\toffset = (loff_t)(start - vma->vm_start)\n\t\t\t+ ((loff_t)vma->vm_pgoff << PAGE_SHIFT);\n"
assert old in s
open(p, "w").write(s.replace(old, new))
PY
echo "not committed" > "$repo/NOTES"
user_state() {
	(cd "$repo" && git status --porcelain=v1 --untracked-files=all && git rev-parse HEAD &&
	 git symbolic-ref HEAD && git for-each-ref && git worktree list --porcelain &&
	 git stash list && sha1sum mm/madvise.c NOTES && ls "$TMPDIR")
}
user_state > "$tmp/state.before"
untouched() {
	user_state > "$tmp/state.after"
	if cmp -s "$tmp/state.before" "$tmp/state.after"; then
		ok "$1: user's tree, checkout and worktrees untouched, temporary worktree removed"
	else
		not_ok "$1: user's tree changed"; diff "$tmp/state.before" "$tmp/state.after" | head
	fi
}

# --- 1. clean series: the do_swap_page() trylock change, silent -----------------
gate --base=master --json="$tmp/clean.json" "$series/clean"
expect "clean: exit 0" [ $rc -eq 0 ]
expect "clean: silent" grep -q "^mmlock gate: 0 new, 0 fixed, 0 pre-existing" "$tmp/out"
expect "clean: no finding, memory.c analysed at base and after the patch, no parse error" json "$tmp/clean.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["findings"] == [], d["findings"]
assert d["patches"][0]["subject"] == "mm/migrate: Trylock device page in do_swap_page"
assert d["base"]["analysed"] == ["mm/memory.c"] and d["patches"][0]["analysed"] == ["mm/memory.c"]
assert d["summary"]["exit_status"] == 0 and not d["errors"]
assert d["info"] == [], d["info"]	# no parse error: it would be said here
PY
untouched clean

# --- 2. three patches, the second adds a VMA use after unlock -------------------
gate --json="$tmp/madvise.json" --sarif="$tmp/madvise.sarif" master..madvise
cp "$tmp/out" "$tmp/madvise.txt"
expect "range: exit 1" [ $rc -eq 1 ]
expect "range: text report, one new warning prefixed by >>, under patch 2/3" "$py" - "$tmp/madvise.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
new = [l for l in t.splitlines() if l.startswith(">> ")]
assert len(new) == 1 and re.match(r">> mm/madvise\.c:\d+:\d+: warning: .*\[vma-use-after-unlock\]$", new[0]), new
assert '("[2/3] mm/madvise: compute the willneed offset after dropping mmap_lock")' in t
assert "All warnings (new ones prefixed by >>):" in t[:t.index(new[0])]
assert "1 new (1 by [2/3])" in t and "exit 1" in t
PY
patch2=$(git -C "$repo" rev-parse madvise~1)
expect "range: JSON attributes the finding to 2/3 with its commit id" json "$tmp/madvise.json" "$patch2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
new = [f for f in d["findings"] if f["status"] == "new"]
assert len(new) == 1 and len(d["findings"]) == 1, d["findings"]
f = new[0]
assert f["check"] == "vma-use-after-unlock" and f["file"] == "mm/madvise.c"
assert f["function"] == "madvise_willneed"
p = f["introduced_by"]
assert (p["number"], p["of"], p["commit"]) == (2, 3, sys.argv[2]), p
assert p["subject"] == "mm/madvise: compute the willneed offset after dropping mmap_lock"
assert [x["analysed"] for x in d["patches"]] == [["mm/madvise.c"]] * 3
assert d["info"] == [] and d["errors"] == [], (d["info"], d["errors"])
open(sys.argv[1] + ".fp", "w").write("%s %d\n" % (f["fingerprint"], f["line"]))
PY
untouched range
# the same finding two patches in, before 3/3 moved its line: same fingerprint
gate --format=json master..madvise~1
expect "line shift: exit 1 after 2 of the 3 patches" [ $rc -eq 1 ]
expect "line shift: same fingerprint, another line, same attribution" json "$tmp/out" "$tmp/madvise.json.fp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
fp, line = open(sys.argv[2]).read().split()
new = [f for f in d["findings"] if f["status"] == "new"]
assert len(new) == 1
assert new[0]["fingerprint"] == fp, (new[0]["fingerprint"], fp)
assert new[0]["line"] != int(line), "patch 3/3 was to move the line"
assert new[0]["introduced_by"]["number"] == 2
PY
# the same series as one mbox, its base from the base-commit: line (format-patch --base)
git -C "$repo" format-patch -q --stdout --base=master master..madvise > "$tmp/madvise.mbox"
gate --format=json "$tmp/madvise.mbox"
expect "mbox: exit 1" [ $rc -eq 1 ]
expect "mbox: patch 2/3, same fingerprint as the range" json "$tmp/out" "$tmp/madvise.json.fp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
fp, line = open(sys.argv[2]).read().split()
new = [f for f in d["findings"] if f["status"] == "new"]
assert len(new) == 1 and new[0]["fingerprint"] == fp and new[0]["line"] == int(line)
assert new[0]["introduced_by"]["number"] == 2 and len(d["patches"]) == 3
PY
untouched mbox

# two patches, each on its own TU: a TU a patch does not touch is not analysed again
gate --format=json master..two
expect "two TUs: exit 1" [ $rc -eq 1 ]
expect "two TUs: each analysed at base and after its own patch only" json "$tmp/out" "$tmp/madvise.json.fp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["base"]["analysed"] == ["mm/madvise.c", "mm/memory.c"], d["base"]
assert [p["analysed"] for p in d["patches"]] == [["mm/memory.c"], ["mm/madvise.c"]], d["patches"]
new = [f for f in d["findings"] if f["status"] == "new"]
assert len(new) == 1 and new[0]["introduced_by"]["number"] == 2 and new[0]["introduced_by"]["of"] == 2
assert new[0]["fingerprint"] == open(sys.argv[2]).read().split()[0]
PY
untouched "two TUs"

# --- 3. SARIF: the state after the series, new finding marked as such -----------
schema=${MMLOCK_SARIF_SCHEMA:-/var/cache/mmlock/sarif/sarif-2.1.0-rtm.5.json}
expect "sarif: results, baselineState, partialFingerprints, the patch" json "$tmp/madvise.sarif" "$tmp/madvise.json.fp" "$schema" "$repo" <<'PY'
import json, os, sys
d = json.load(open(sys.argv[1]))
fp = open(sys.argv[2]).read().split()[0]
run = d["runs"][0]
assert d["version"] == "2.1.0" and len(run["results"]) == 1
r = run["results"][0]
assert r["ruleId"] == "vma-use-after-unlock" and r["baselineState"] == "new"
assert r["partialFingerprints"]["mmlockFingerprint/v2"] == fp
assert r["properties"]["introduced_by"]["number"] == 2
loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
assert loc == {"uri": "mm/madvise.c", "uriBaseId": "SRCROOT"}, loc
assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file://" + os.path.realpath(sys.argv[4]) + "/"
assert run["properties"]["mmlockGate"]["summary"]["new"] == 1
if os.path.exists(sys.argv[3]):
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    if jsonschema:
        schema = json.load(open(sys.argv[3]))
        cls = jsonschema.validators.validator_for(schema)
        errs = list(cls(schema).iter_errors(d))
        assert not errs, [e.message for e in errs[:5]]
        print("validated against the SARIF 2.1.0 schema")
PY

# --- 4. a series that fixes it --------------------------------------------------
gate --json="$tmp/fix.json" madvise..fix
expect "fix: exit 0" [ $rc -eq 0 ]
expect "fix: in the text report" grep -q "^Fixed by the series:" "$tmp/out"
expect "fix: reported as fixed by 1/1, same fingerprint" json "$tmp/fix.json" "$tmp/madvise.json.fp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
fp = open(sys.argv[2]).read().split()[0]
assert [f["status"] for f in d["findings"]] == ["fixed"], d["findings"]
f = d["findings"][0]
assert f["fingerprint"] == fp and f["fixed_by"]["number"] == 1
assert d["summary"]["fixed"] == 1 and d["summary"]["new"] == 0
PY
untouched fix

# --- 5. a header-only change: every TU whose kbuild deps name it ----------------
gate --base=master --format=json "$series/header"
expect "header: exit 0" [ $rc -eq 0 ]
expect "header: analysed the TUs that include it (from the build's deps)" json "$tmp/out" "$tree" <<'PY'
import glob, json, os, re, sys
d = json.load(open(sys.argv[1]))
tree = sys.argv[2]
want = []
for cmd in glob.glob(os.path.join(tree, "**/.*.o.cmd"), recursive=True):
    text = open(cmd, errors="replace").read()
    src = re.search(r"^source_\S+ := (\S+\.c)$", text, re.M)
    if src and re.search(r"^  include/uapi/linux/fadvise\.h \\$", text, re.M):
        want.append(src.group(1))
want.sort()
assert len(want) >= 3, want
assert d["base"]["analysed"] == want and d["patches"][0]["analysed"] == want, (d["base"]["analysed"], want)
assert d["patches"][0]["files"] == ["include/uapi/linux/fadvise.h"]
assert d["findings"] == [] and not d["errors"]
assert d["info"] == [], d["info"]	# the three TUs parse without an error
PY
untouched header

# --- 5b. a new .c file mm/Makefile lists: kbuild's flags of an mm/ file ---------
gate --format=json master..newfile
expect "new file: exit 1" [ $rc -eq 1 ]
expect "new file: analysed with a sibling's real flags, its finding new by 1/1" json "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f, = d["findings"]
assert (f["status"], f["file"], f["check"], f["introduced_by"]["number"]) == \
	("new", "mm/demo_new.c", "vma-use-after-unlock", 1), f
assert d["patches"][0]["analysed"] == ["mm/demo_new.c"], d["patches"]
assert any(n.startswith("mm/demo_new.c: added by the series") and "flags kbuild used for mm/" in n
           for n in d["info"]), d["info"]
assert not d["errors"], d["errors"]
PY
untouched newfile

# --- 5c. a module's TU: only the compiler's command of its savedcmd -------------
gate --format=json master..module
expect "module TU: exit 0" [ $rc -eq 0 ]
expect "module TU: analysed in full, its by-design finding pre-existing" json "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["patches"][0]["analysed"] == ["lib/test_hmm.c"], d["patches"]
assert [(f["status"], f["check"]) for f in d["findings"]] == \
	[("pre-existing", "migrate-to-ram-mmap-lock")], d["findings"]
assert not d["errors"] and d["info"] == [], (d["errors"], d["info"])
PY
untouched module

# --- 6. the gate cannot run: exit 2, and why -----------------------------------
gate --base=master "$series/unparsable"
expect "TU that no longer parses: exit 2" [ $rc -eq 2 ]
expect "TU that no longer parses: says which, after which patch" \
	grep -q "^error: mm/madvise.c no longer parses in full after \[1/1\] mm/madvise: include the madvise hints header (it did at base)" "$tmp/out"
gate --base=master "$series/fix"
expect "does not apply: exit 2" [ $rc -eq 2 ]
expect "does not apply: the patch and git's reason" grep -q \
	"patch 0001 (mm/madvise: compute the willneed offset before dropping mmap_lock) does not apply on" "$tmp/err"
expect "does not apply: the file" grep -q "error: patch failed: mm/madvise.c" "$tmp/err"
gate nosuch..madvise
expect "bad range: exit 2" [ $rc -eq 2 ]
expect "bad range: said" grep -q "bad range nosuch..madvise: nosuch is not a commit" "$tmp/err"
gate fix..master
expect "range whose base is not an ancestor of its head: exit 2" [ $rc -eq 2 ]
untouched "failures"

# --- 7. baseline and suppressions ----------------------------------------------
# (the series as a directory of git format-patch files, from here on)
gate --baseline="$tmp/baseline.json" --write-baseline --base=master "$series/madvise"
expect "write-baseline: exit 0" [ $rc -eq 0 ]
expect "write-baseline: the finding of 2/3, by fingerprint" json "$tmp/baseline.json" "$tmp/madvise.json.fp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["baseline"] == 1
assert [f["fingerprint"] for f in d["findings"]] == [open(sys.argv[2]).read().split()[0]]
PY
gate --baseline "$tmp/baseline.json" --format=json --base=master "$series/madvise"
expect "baseline: the new finding is accepted, exit 0" [ $rc -eq 0 ]
expect "baseline: still reported as new, with the reason" json "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = d["findings"][0]
assert f["status"] == "new" and "baseline" in f["accepted"] and d["summary"]["accepted"] == 1
PY
fp=$(cut -d' ' -f1 "$tmp/madvise.json.fp")
printf '# accepted for the test\n%s  the offset is only logged, never used (test)\n' "$fp" > "$tmp/supp"
gate --suppressions="$tmp/supp" --base=master "$series/madvise"
expect "suppression: exit 0" [ $rc -eq 0 ]
expect "suppression: reason shown" grep -q "accepted: the offset is only logged" "$tmp/out"
printf '%s\n' "$fp" > "$tmp/supp"
gate --suppressions="$tmp/supp" master..madvise
expect "suppression without a reason: exit 2" [ $rc -eq 2 ]
expect "suppression without a reason: said" grep -q "without a reason" "$tmp/err"
untouched "baseline"

# --- 8. stopped by SIGTERM while analysing: children ended, worktree and files removed
(cd "$repo" && exec "$mmlock" gate --build-dir="$tree" -j 2 "$tmp/madvise.mbox") > "$tmp/out" 2> "$tmp/err" &
pid=$!
analyses() { ps -eo args= | grep -F -- "--format=json -o $TMPDIR/" | grep -v -- "grep -F"; }
for _ in $(seq 150); do	# until analyses run, at most 30 s
	analyses > /dev/null && break
	sleep 0.2
done
expect "SIGTERM: analyses were running" sh -c "ps -eo args= | grep -F -- '--format=json -o $TMPDIR/' | grep -qv -- 'grep -F'"
kill -TERM $pid
wait $pid
rc=$?
expect "SIGTERM: ends by the signal" [ $rc -eq 143 ]
expect "SIGTERM: no analysis left running" sh -c "sleep 1; ! ps -eo args= | grep -F -- '--format=json -o $TMPDIR/' | grep -qv -- 'grep -F'"
untouched "SIGTERM"

echo "gate: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
