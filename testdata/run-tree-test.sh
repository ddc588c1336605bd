#!/usr/bin/env bash
# Tree mode: a compilation database (kernel-style "command" strings and
# "arguments" arrays), -j 2, path filters, a file with a missing header, a
# summary; every TU's findings merged into one report.
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
echo "tree: 1 passed, 0 failed"
