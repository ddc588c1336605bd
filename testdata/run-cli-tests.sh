#!/usr/bin/env bash
# The command line: exit codes, -W/-Wno switches, options kbuild may pass.
set -u
mmlock=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
inc=(-nostdinc -I "$here/include")
warn=$here/checks/lock-double-release/warn-release-fault-lock-twice.c
ok=$here/checks/lock-double-release/ok-summary-helper-unlocks.c
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() {	# NAME WANTED_EXIT GREP_PATTERN(or -) [!] -- ARGS...
	local name=$1 want=$2 pat=$3 neg=; shift 3
	[ "$1" = "!" ] && { neg=1; shift; }
	shift	# --
	"$mmlock" "$@" > "$tmp/out" 2>&1
	local got=$?
	if [ $got -ne "$want" ]; then
		echo "FAIL: $name: exit $got, wanted $want"; sed 's/^/    | /' "$tmp/out"; fail=$((fail + 1)); return
	fi
	if [ "$pat" != - ]; then
		if grep -q -- "$pat" "$tmp/out"; then [ -n "$neg" ] && { echo "FAIL: $name: '$pat' printed"; fail=$((fail + 1)); return; }
		else [ -z "$neg" ] && { echo "FAIL: $name: '$pat' missing"; sed 's/^/    | /' "$tmp/out"; fail=$((fail + 1)); return; }
		fi
	fi
	pass=$((pass + 1))
}

expect "findings exit 0" 0 "\[lock-double-release\]" -- "${inc[@]}" "$warn"
expect "-Wno-<check> disables it" 0 "\[lock-double-release\]" ! -- -Wno-lock-double-release "${inc[@]}" "$warn"
expect "-W<check> after -Wno re-enables" 0 "\[lock-double-release\]" -- -Wno-lock-double-release -Wlock-double-release "${inc[@]}" "$warn"
expect "other -W flags pass through" 0 "\[lock-double-release\]" -- -Wall -Wno-unused -Werror -Wimplicit-fallthrough=5 "${inc[@]}" "$warn"
expect "gcc-only and sparse flags are dropped" 0 - -- --arch=x86 -Wbitwise -fconserve-stack -mrecord-mcount --param=allow-store-data-races=0 -mindirect-branch=thunk-extern "${inc[@]}" "$ok"
expect "no dependency or object file" 0 - -- -Wp,-MMD,"$tmp/dep.d" -MD -MF "$tmp/x.d" -c "${inc[@]}" "$ok"
[ -e "$tmp/dep.d" ] || [ -e "$tmp/x.d" ] && { echo "FAIL: a dependency file was written"; fail=$((fail + 1)); }
expect "missing file: exit 2, one line" 2 "cannot analyse" -- "${inc[@]}" "$tmp/nonexistent.c"
mkfifo "$tmp/fifo.c"
expect "a FIFO is refused, not read (it would block)" 2 "fifo.c: cannot analyse: not a regular file" -- "${inc[@]}" "$tmp/fifo.c"
expect "a directory is refused in one line" 2 "cannot analyse: a directory" -- "${inc[@]}" "$tmp"
expect "no input: exit 2" 2 "no input files" -- "${inc[@]}"
expect "bad --format: exit 2" 2 "unknown format" -- --format=xml "$ok"
expect "--version" 0 "mmlock" -- --version
expect "--help lists the checks" 0 "vma-use-after-unlock" -- --help
expect "--parse-only checks nothing" 0 "\[lock-double-release\]" ! -- --parse-only "${inc[@]}" "$warn"
expect "--parse-only still fails on a missing file" 2 "cannot analyse" -- --parse-only "$tmp/nonexistent.c"
expect "--verbose says what was dropped" 0 "dropped compiler flag -Werror" -- --verbose -Werror "${inc[@]}" "$ok"
printf 'int f(void) { return }\n' > "$tmp/bad.c"
expect "a broken function is skipped, the run goes on" 0 "skipped f(): it contains a parse error" -- --verbose "$tmp/bad.c" "$ok" "${inc[@]}"

# --also-run: the other checker first, with every argument that is not ours
fake=$here/fake-checker.sh
export FAKE_CHECKER_LOG=$tmp/fake.args
expect "--also-run: both run, exit 0" 0 "\[lock-double-release\]" -- --also-run="$fake" -Wno-lock-leak --format=text -Wbitwise -D X=1 -include linux/mm.h "${inc[@]}" -Werror "$warn"
printf '%s\n' -Wbitwise -D X=1 -include linux/mm.h "${inc[@]}" -Werror "$warn" > "$tmp/want.args"
if ! cmp -s "$tmp/want.args" "$tmp/fake.args"; then
	echo "FAIL: --also-run: the other checker's arguments differ"; diff "$tmp/want.args" "$tmp/fake.args" | sed 's/^/    | /'; fail=$((fail + 1))
elif [ "$(grep -n . "$tmp/out" | grep -m1 'fake-checker: ran' | cut -d: -f1)" != 1 ]; then
	echo "FAIL: --also-run: the other checker's output is not first"; sed 's/^/    | /' "$tmp/out"; fail=$((fail + 1))
else
	pass=$((pass + 1))
fi
FAKE_CHECKER_STATUS=1 expect "--also-run: its failure is the exit status" 1 "\[lock-double-release\]" -- --also-run="$fake" "${inc[@]}" "$warn"
expect "--also-run: a program that cannot start: 127, said, mmlock still runs" 127 "cannot run '$tmp/nonexistent'" -- --also-run="$tmp/nonexistent" "${inc[@]}" "$warn"
grep -q "\[lock-double-release\]" "$tmp/out" || { echo "FAIL: --also-run: no analysis after a failed start"; fail=$((fail + 1)); }
expect "--also-run is not for tree mode" 2 "not -p" -- --also-run=sparse -p "$tmp"
# A function whose paths explode inside one block (40 calls with two
# outcomes each, every result kept): it is given up on, said on stderr,
# within the budget, and the rest of the file is still checked.
{
	echo '#include <linux/mm.h>'
	echo 'static int demo_bit(int i) { return i & 1 ? 1 : 0; }'
	echo 'int demo_huge(int a) {'
	for i in $(seq 1 40); do echo "	int x$i = demo_bit(a + $i);"; done
	printf '	return x1'; for i in $(seq 2 40); do printf ' + x%s' "$i"; done; echo ';'
	echo '}'
	sed 1,2d "$warn"
} > "$tmp/huge.c"
expect "huge function: given up on, said" 0 "gave up on demo_huge(): too many paths" -- "${inc[@]}" "$tmp/huge.c"
expect "huge function: the rest of the file is checked" 0 "\[lock-double-release\]" -- "${inc[@]}" "$tmp/huge.c"

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
