#!/usr/bin/env bash
# --also-run=sparse with real sparse: one CHECK runs both, as in
# make C=2 CHECK="mmlock --also-run=sparse". Sparse gets kbuild's whole
# argument list (the gcc build's, less what points into a kernel tree) and
# says what it says, before mmlock's finding; the build would go on.
# Exit 77 when sparse is not installed.
set -u
mmlock=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v sparse > /dev/null || { echo "skipped: sparse is not installed"; exit 77; }
fail() { echo "FAIL: $*"; sed 's/^/    | /' "$tmp/work/out"; echo "also-run-sparse: 0 passed, 1 failed"; exit 1; }

fixture=$here/checks/lock-double-release/warn-release-fault-lock-twice.c
mapfile -t args < "$here/kbuild/memory.gcc.args"
kept=()
for ((i = 0; i < ${#args[@]} - 1; i++)); do	# the last one is the file
	case ${args[i]} in
	-include) i=$((i + 1)); continue ;;
	-I./*) continue ;;
	esac
	kept+=("${args[i]}")
done
mkdir -p "$tmp/work/mm" && cd "$tmp/work" || exit 1
"$mmlock" --also-run=sparse "${kept[@]}" -I "$here/include" "$fixture" > out 2>&1
status=$?
[ $status -eq 0 ] || fail "exit $status"
sparse_line=$(grep -n "warning: symbol 'demo_userfault_wait' was not declared" out | cut -d: -f1)
mmlock_line=$(grep -n "warn-release-fault-lock-twice.c:17:.*\[lock-double-release\]" out | cut -d: -f1)
[ -n "$sparse_line" ] || fail "sparse's warning missing"
[ -n "$mmlock_line" ] || fail "mmlock's finding missing"
[ "$sparse_line" -lt "$mmlock_line" ] || fail "sparse did not run first"
grep -q "error:" out && fail "sparse or mmlock did not take kbuild's flags"
echo "also-run-sparse: 1 passed, 0 failed"
