#!/usr/bin/env bash
# Runs mmlock on fixture files and compares its warnings with the
# expectations written in them: a line ending in /* expect: ID[, ID] */ must
# get exactly those warnings, and no other line may get any.
#   run-fixtures.sh MMLOCK DIR_OR_FILE... [-- EXTRA MMLOCK ARGS]
set -u
mmlock=$1; shift
paths=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do paths+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in $(find "${paths[@]}" -name '*.c' | sort); do
	# expected: "LINE ID" pairs
	awk '{
		line = $0
		while (match(line, /expect: *[a-z0-9, -]+\*\//)) {
			ids = substr(line, RSTART + 7, RLENGTH - 9)
			gsub(/ /, "", ids)
			n = split(ids, a, ",")
			for (i = 1; i <= n; i++) if (a[i] != "") print NR, a[i]
			line = substr(line, RSTART + RLENGTH)
		}
	}' "$f" | sort > "$tmp/expected"
	"$mmlock" -nostdinc -I "$here/include" "$@" "$f" > "$tmp/out" 2>&1
	status=$?
	sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: warning: .*\[\([a-z0-9-]*\)\]$/\1 \2/p' "$tmp/out" |
		sort > "$tmp/actual"
	if [ $status -eq 0 ] && cmp -s "$tmp/expected" "$tmp/actual"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $f (exit $status)"
		diff "$tmp/expected" "$tmp/actual" | sed -n 's/^< /  missing: line /p; s/^> /  unexpected: line /p'
		sed 's/^/    | /' "$tmp/out"
	fi
done
echo "fixtures: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
