#!/bin/sh
# CFG unit tests: for each testdata/cfg/NAME.c, compare the output of
# `mmlock --dump-ir` with the golden file NAME.expected.
#
# usage: run-cfg-tests.sh MMLOCK_BINARY
#
# Exits 0 only if at least one test ran and all of them passed.
set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 MMLOCK_BINARY" >&2
	exit 2
fi
mmlock=$1
case $mmlock in
/*) ;;
*/*) mmlock=$(pwd)/$mmlock ;;	# relative: the tests run from this directory
*) mmlock=$(command -v "$mmlock") || mmlock=$1 ;;
esac
if [ ! -x "$mmlock" ] || [ -d "$mmlock" ]; then
	echo "$0: $mmlock: not an executable" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
include=$(cd "$here/../include" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cfgtest.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

pass=0
fail=0
# Run from the test directory with relative file names, so nothing in the
# output depends on where the repository is checked out.
cd "$here" || exit 2
for c in *.c; do
	[ -e "$c" ] || continue
	name=${c%.c}
	if [ ! -f "$name.expected" ]; then
		echo "FAIL $name: no $name.expected"
		fail=$((fail + 1))
		continue
	fi
	"$mmlock" --dump-ir -nostdinc -I "$include" "$c" >"$tmp/$name.out" 2>"$tmp/$name.err"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL $name: mmlock exited with status $rc"
		cat "$tmp/$name.err"
		fail=$((fail + 1))
	elif ! diff -u "$name.expected" "$tmp/$name.out" >"$tmp/$name.diff"; then
		echo "FAIL $name"
		cat "$tmp/$name.diff"
		fail=$((fail + 1))
	else
		echo "ok   $name"
		pass=$((pass + 1))
	fi
done

echo "cfg: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
