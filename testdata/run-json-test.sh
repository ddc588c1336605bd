#!/usr/bin/env bash
# --format=json: one valid document, the facts of the text output plus the
# function and a fingerprint that survives unrelated line shifts; the
# output is the same on every run.
set -u
mmlock=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fixture=$here/checks/lock-double-release/warn-arch-fault-vma-end-read-unconditional.c
# the same file name in two trees, one with three lines added on top
run() { (cd "$tmp/$1" && "$mmlock" --format=json -nostdinc -I "$here/include" x.c); }

mkdir "$tmp/a" "$tmp/b"
cp "$fixture" "$tmp/a/x.c"
{ printf '/* shifted */\n\n\n'; cat "$fixture"; } > "$tmp/b/x.c"
run a > "$tmp/a.json" || { echo "FAIL: exit $?"; exit 1; }
run a > "$tmp/a2.json"
run b > "$tmp/b.json"
cmp -s "$tmp/a.json" "$tmp/a2.json" || { echo "FAIL: output differs between runs"; exit 1; }
python3 - "$tmp/a.json" "$tmp/b.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
b = json.load(open(sys.argv[2]))
fa, fb = a["findings"], b["findings"]
assert fa, "no findings"
for f in fa:
    for key in ("check", "file", "line", "column", "function", "message", "fingerprint", "notes"):
        assert key in f, "missing " + key
    assert f["notes"] and all({"file", "line", "column", "message"} <= set(n) for n in f["notes"])
assert a["summary"]["files"] == 1 and a["summary"]["functions"] >= 1
assert [f["line"] + 3 for f in fa] == [f["line"] for f in fb], "line shift not seen"
assert [f["fingerprint"] for f in fa] == [f["fingerprint"] for f in fb], "fingerprint moved with the lines"
print("json: 1 passed, 0 failed")
PY
