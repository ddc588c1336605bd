#!/usr/bin/env bash
# mmlock gate without a kernel tree: a git repository of three small C files
# and a header written here, a build directory of hand-written kbuild .o.cmd
# files (commands with testdata/include, dependency lists naming the
# header). Fast; checks the gate's logic: attribution, a header change that
# adds findings in two TUs, findings introduced and fixed within the series
# (transient), pre-existing findings across a line shift, a deleted TU, a
# .c file the build does not compile, a new .c file its Makefile lists
# (a sibling's flags), and the command line's errors.
set -u
mmlock=$(readlink -f "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TMPDIR=$tmp/tmpdir
mkdir -p "$TMPDIR"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@invalid
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp
repo=$tmp/src build=$tmp/build
passed=0 failed=0

ok() { passed=$((passed + 1)); }
not_ok() {
	failed=$((failed + 1)); echo "FAIL: $1"
	for f in "$tmp/out" "$tmp/err"; do [ -s "$f" ] && sed 's/^/    | /' "$f" | head -30; done
}
expect() { local name=$1; shift; if "$@"; then ok; else not_ok "$name"; fi; }
gate() {
	(cd "$repo" && "$mmlock" gate --build-dir="$build" -j 2 "$@") > "$tmp/out" 2> "$tmp/err"
	rc=$?
}
commit() { git -C "$repo" add -A && git -C "$repo" commit -q -m "$1"; }
status_is() { [ $rc -eq "$1" ]; }
json() { python3 - "$tmp/out" "$@"; }

# --- the tree: a.c and b.c read include/demo.h; c.c is not built -----------
mkdir -p "$repo/include" "$build"
cat > "$repo/include/demo.h" <<'EOF'
#include <linux/mm.h>

static inline int demo_wait(struct vm_fault *vmf)
{
	return vmf->flags & FAULT_FLAG_RETRY_NOWAIT;
}
EOF
for f in a b; do
	cat > "$repo/$f.c" <<EOF
#include "demo.h"

vm_fault_t demo_fault_$f(struct vm_fault *vmf)
{
	assert_fault_locked(vmf);
	if (demo_wait(vmf)) {
		release_fault_lock(vmf);
		return VM_FAULT_RETRY;
	}
	return 0;
}
EOF
	cat > "$build/.$f.o.cmd" <<EOF
savedcmd_$f.o := gcc -Wp,-MMD,./.$f.o.d -nostdinc -I./include -I$here/include -DKBUILD_MODNAME='"$f"' -c -o $f.o $f.c

source_$f.o := $f.c

deps_$f.o := \\
    \$(wildcard include/config/DEMO) \\
  include/demo.h \\
  $here/include/linux/mm.h \\

$f.o: \$(deps_$f.o)

\$(deps_$f.o):
EOF
done
echo 'int demo_unbuilt(void) { return 0; }' > "$repo/c.c"
: > "$build/.config"
git -C "$repo" init -q -b master && commit "base" || exit 1

# --- a patch adds a double release in a.c --------------------------------
git -C "$repo" checkout -q -b one master
sed -i 's/^\t\treturn VM_FAULT_RETRY;/\t\trelease_fault_lock(vmf);\n&/' "$repo/a.c"
commit "a: release twice"
gate --format=json master..one
expect "a.c: exit 1" status_is 1
expect "a.c: the new finding, attributed" json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f, = d["findings"]
assert (f["status"], f["file"], f["check"]) == ("new", "a.c", "lock-double-release"), f
assert f["introduced_by"]["number"] == 1 and f["introduced_by"]["subject"] == "a: release twice"
assert d["base"]["analysed"] == ["a.c"] and d["patches"][0]["analysed"] == ["a.c"]
PY

# --- a header patch: both TUs analysed, a finding in each -----------------
git -C "$repo" checkout -q -b header master
git -C "$repo" mv c.c d.c && commit "c: rename (not built: a note, nothing analysed)"
sed -i 's/^\treturn vmf->flags/\trelease_fault_lock(vmf);\n&/' "$repo/include/demo.h"
commit "demo.h: release in demo_wait()"
gate --format=json master..header
expect "header: exit 1" status_is 1
expect "header: a.c and b.c analysed, one new finding in each, by 2/2" json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["base"]["analysed"] == ["a.c", "b.c"], d["base"]
assert [p["analysed"] for p in d["patches"]] == [[], ["a.c", "b.c"]], d["patches"]
new = sorted((f["file"], f["introduced_by"]["number"]) for f in d["findings"] if f["status"] == "new")
assert new == [("a.c", 2), ("b.c", 2)], d["findings"]
assert any("d.c" in n and "not built" in n for n in d["info"]), d["info"]
PY

# --- introduced by 1/2, fixed by 2/2: transient, exit 0 ---------------------
git -C "$repo" checkout -q -b transient one
git -C "$repo" checkout -q master -- a.c && commit "a: release once"
gate --format=json master..transient
expect "transient: exit 0" status_is 0
expect "transient: introduced by 1, fixed by 2" json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f, = d["findings"]
assert f["status"] == "transient" and f["introduced_by"]["number"] == 1 and f["fixed_by"]["number"] == 2
PY

# --- pre-existing, moved by an unrelated patch: still pre-existing ----------
git -C "$repo" checkout -q -b shift one
sed -i '1i /* a comment that moves every line */\n' "$repo/a.c" && commit "a: comment on top"
gate --format=json one..shift
expect "line shift: exit 0" status_is 0
expect "line shift: pre-existing, not fixed and new" json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["status"] for f in d["findings"]] == ["pre-existing"], d["findings"]
PY
git rm -q -C "$repo" a.c 2>/dev/null || git -C "$repo" rm -q a.c
commit "a: remove"
gate --format=json one..shift
expect "deleted TU: exit 0" status_is 0
expect "deleted TU: its finding is fixed by the removal" json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert [(f["status"], f["fixed_by"]["number"]) for f in d["findings"]] == [("fixed", 2)], d["findings"]
PY
git -C "$repo" checkout -q master

# --- a new .c file its Makefile lists: analysed with a sibling's flags ------
git -C "$repo" checkout -q -b newfile master
sed 's/demo_fault_a/demo_fault_e/; s/^\t\treturn VM_FAULT_RETRY;/\t\trelease_fault_lock(vmf);\n&/' \
	"$repo/a.c" > "$repo/e.c"
printf 'obj-y += a.o b.o\nobj-$(CONFIG_DEMO_E) += e.o\n' > "$repo/Makefile"
commit "e: a new fault handler"
echo 'int demo_f(void) { return 0; }' > "$repo/f.c" && commit "f: not in the Makefile"
gate --format=json master..newfile
expect "new file: exit 1" status_is 1
expect "new file: analysed after 1/2 with a.c's flags, its finding new by 1/2; f.c not" json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f, = d["findings"]
assert (f["status"], f["file"], f["check"], f["introduced_by"]["number"]) == \
	("new", "e.c", "lock-double-release", 1), f
assert [p["analysed"] for p in d["patches"]] == [["e.c"], []], d["patches"]
assert any("e.c: added by the series" in n and "used for a.c" in n for n in d["info"]), d["info"]
assert any("f.c" in n and "not analysed" in n for n in d["info"]), d["info"]
PY
git -C "$repo" checkout -q master

# --- the command line ------------------------------------------------------
gate; expect "no series: exit 2" status_is 2
gate --help; expect "--help: exit 0" status_is 0
gate --format=xml master..one; expect "bad format: exit 2" status_is 2
gate --write-baseline master..one; expect "--write-baseline alone: exit 2" status_is 2
gate --base=master master..one; expect "--base with a range: exit 2" status_is 2
gate master..nosuch; expect "unknown head: exit 2" status_is 2
gate --build-dir="$tmp" master..one; expect "not a build directory: exit 2" status_is 2
(cd "$tmp" && "$mmlock" gate -C "$tmp/tmpdir" master..one) > "$tmp/out" 2> "$tmp/err"
rc=$?; expect "not a git tree: exit 2" status_is 2
expect "no temporary file left" [ -z "$(ls "$TMPDIR")" ]

echo "gate-mini: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
