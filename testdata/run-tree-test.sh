#!/usr/bin/env bash
# Tree mode: a compilation database (kernel-style "command" strings and
# "arguments" arrays), -j 2, path filters, a file with a missing header, a
# summary; every TU's findings merged into one report; a kbuild build
# directory without a database; crashes and hangs.
set -u
mmlock=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; sed 's/^/    | /' "$tmp/out"; echo "tree: 0 passed, 1 failed"; exit 1; }

mkdir -p "$tmp/build" "$tmp/src/sub"
cp "$here"/checks/lock-double-release/warn-arch-fault-vma-end-read-unconditional.c "$tmp/src/a.c"
cp "$here"/checks/lock-double-release/warn-release-fault-lock-twice.c "$tmp/src/sub/b.c"
cp "$here"/checks/lock-double-release/ok-summary-helper-unlocks.c "$tmp/src/c.c"
printf '#include <nonexistent.h>\nint f(void) { return 0; }\n' > "$tmp/src/broken.c"
cat > "$tmp/build/compile_commands.json" <<JSON
[
 {"directory": "$tmp/src", "file": "a.c",
  "command": "gcc -Wp,-MMD,.a.o.d -nostdinc -I$here/include -DKBUILD_MODNAME='\"a\"' -c -o a.o a.c"},
 {"directory": "$tmp/src", "file": "sub/b.c",
  "arguments": ["gcc", "-nostdinc", "-I$here/include", "-c", "-o", "sub/b.o", "sub/b.c"]},
 {"directory": "$tmp/src", "file": "c.c",
  "command": "gcc -nostdinc -I$here/include -c -o c.o c.c"},
 {"directory": "$tmp/src", "file": "broken.c", "command": "gcc -c -o broken.o broken.c"},
 {"directory": "$tmp/src", "file": "x.S", "command": "gcc -c -o x.o x.S"}
]
JSON
"$mmlock" -p "$tmp/build" -j 2 > "$tmp/out" 2>&1 || fail "exit $?"
grep -q "mmlock: 4 TUs" "$tmp/out" || fail "summary"
[ "$(grep -c 'warning: .*\[lock-double-release\]' "$tmp/out")" = 2 ] || fail "findings"
grep -q "broken.c: 1 parse error" "$tmp/out" || fail "parse error message"
ls "$tmp/src" | grep -q '\.d$' && fail "dependency file written"
"$mmlock" -p "$tmp/build/compile_commands.json" -j 1 sub/ > "$tmp/out" 2>&1 || fail "exit $?"
grep -q "mmlock: 1 TUs" "$tmp/out" || fail "path filter"
"$mmlock" -p "$tmp/build" --format=json -o "$tmp/r.json" > "$tmp/out" 2>&1 || fail "json exit"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['findings']) == 2" "$tmp/r.json" ||
	fail "json report"

# A kbuild build directory without compile_commands.json: the commands of
# its .o.cmd files (a module's runs objtool after the compiler: not ours).
kb=$tmp/kb
mkdir -p "$kb/sub"
cp "$tmp/src/a.c" "$kb/a.c"
cp "$tmp/src/sub/b.c" "$kb/sub/b.c"
: > "$kb/.config"
printf 'savedcmd_a.o := gcc -Wp,-MMD,./.a.o.d -nostdinc -I%s/include -DKBUILD_MODNAME='"'"'"a"'"'"' -c -o a.o a.c   ; ./tools/objtool/objtool --module a.o\n\nsource_a.o := a.c\n' "$here" > "$kb/.a.o.cmd"
printf 'savedcmd_sub/b.o := gcc -nostdinc -I%s/include -c -o sub/b.o sub/b.c\n\nsource_sub/b.o := sub/b.c\n' "$here" > "$kb/sub/.b.o.cmd"
"$mmlock" -p "$kb" -j 2 > "$tmp/out" 2>&1 || fail "kbuild dir: exit $?"
grep -q "mmlock: 2 TUs, .* 0 parse failures" "$tmp/out" || fail "kbuild dir: summary"
[ "$(grep -c 'warning: .*\[lock-double-release\]' "$tmp/out")" = 2 ] || fail "kbuild dir: findings"
(cd "$kb" && "$mmlock" -p . sub/) > "$tmp/out" 2>&1 || fail "kbuild dir, path: exit $?"
grep -q "mmlock: 1 TUs" "$tmp/out" || fail "kbuild dir: path filter"
mkdir -p "$tmp/empty" && : > "$tmp/empty/.config"
"$mmlock" -p "$tmp/empty" > "$tmp/out" 2>&1
grep -q "no .o.cmd file of a C file: build it first" "$tmp/out" || fail "kbuild dir: nothing built, not said"

# A TU that hangs (its header is a FIFO nobody writes) is stopped after
# --tu-timeout and counted as timed out; one killed by a signal is counted as
# crashed; the other TUs' findings are still reported.
mkfifo "$tmp/src/pipe.h"
printf '#include "pipe.h"\n' > "$tmp/src/hang.c"
cat > "$tmp/hang.json" <<JSON
[
 {"directory": "$tmp/src", "file": "a.c", "command": "gcc -nostdinc -I$here/include -c -o a.o a.c"},
 {"directory": "$tmp/src", "file": "hang.c", "command": "gcc -c -o hang.o hang.c"}
]
JSON
"$mmlock" -p "$tmp/hang.json" --tu-timeout=1 --format=json -o "$tmp/h.json" > "$tmp/out" 2>&1 || fail "timeout: exit $?"
grep -q "hang.c: timed out" "$tmp/out" || fail "timeout: not said"
grep -q "0 crashed, 1 timed out" "$tmp/out" || fail "timeout: summary"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); s=d['summary']
assert len(d['findings']) == 1 and s['timeouts'] == 1 and s['crashes'] == 0" "$tmp/h.json" ||
	fail "timeout: json summary"
"$mmlock" -p "$tmp/hang.json" --tu-timeout=60 > "$tmp/out" 2>&1 &
tree_pid=$!
for _ in $(seq 100); do
	child=$(pgrep -f -n "^$mmlock --format=json .*hang.c\$") && break
	sleep 0.1
done
[ -n "${child:-}" ] || { kill $tree_pid; fail "crash: no child to kill"; }
kill -SEGV "$child"
wait $tree_pid || fail "crash: exit $?"
grep -q "hang.c: crashed (signal 11); the run goes on" "$tmp/out" || fail "crash: not said"
grep -q "1 crashed, 0 timed out, 1 findings" "$tmp/out" || fail "crash: summary"
"$mmlock" -p "$tmp/hang.json" --tu-timeout=0 > "$tmp/out" 2>&1 && fail "--tu-timeout=0 accepted"
echo "tree: 1 passed, 0 failed"
