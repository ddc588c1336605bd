#!/usr/bin/env python3
"""Turn mmlock's kbuild output into the main job's report.

    triage-report.py EXPECTED [OUTPUT]   (OUTPUT defaults to stdin)

Findings (a warning line and its notes) are sorted by file and line, so the
report does not depend on make -j's interleaving; each is followed by its
triage from EXPECTED (testdata/kernel/expected-6.12.txt: "FILE:LINE: CHECK:
TRIAGE: reasoning") or marked untriaged. Other mmlock messages (parse
errors, functions given up on) are listed after them, then a summary.
Exit status: 0, or 1 when some finding is untriaged.
"""
import re
import sys
from collections import Counter

WARN = re.compile(r'^(?P<file>[^:\s]+):(?P<line>\d+):\d+: warning: .*\[(?P<check>[a-z0-9-]+)\]$')
NOTE = re.compile(r'^[^:\s]+:\d+:\d+: note: ')


def load_triage(path):
    triage = {}
    for line in open(path):
        if line.startswith('#') or not line.strip():
            continue
        m = re.match(r'^(\S+:\d+): ([a-z0-9-]+): ([a-z-]+): (.*)$', line.rstrip('\n'))
        if m:
            triage[(m.group(1), m.group(2))] = (m.group(3), m.group(4))
    return triage


def read_blocks(lines):
    blocks, other, cur = [], [], None
    for line in lines:
        line = line.rstrip('\n')
        m = WARN.match(line)
        if m:
            cur = {'key': (m.group('file'), int(m.group('line')), m.group('check')), 'lines': [line]}
            blocks.append(cur)
        elif cur and NOTE.match(line):
            cur['lines'].append(line)
        else:
            cur = None
            if line.startswith('mmlock:'):
                other.append(line)
    return blocks, other


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    triage = load_triage(sys.argv[1])
    src = open(sys.argv[2]) if len(sys.argv) > 2 else sys.stdin
    blocks, other = read_blocks(src)
    seen, per_check, per_triage = set(), Counter(), Counter()
    for b in sorted(blocks, key=lambda b: b['key']):
        f, line, check = b['key']
        if b['key'] in seen:	# C=2 may check a file twice
            continue
        seen.add(b['key'])
        kind, why = triage.get(('%s:%d' % (f, line), check), ('untriaged', 'new finding: triage it in %s' % sys.argv[1]))
        per_check[check] += 1
        per_triage[kind] += 1
        print('\n'.join(b['lines']))
        print('    triage: %s: %s' % (kind, why))
    if other:
        print('\nmmlock messages:')
        print('\n'.join(sorted(set(other))))
    print('\nsummary: %d finding(s)' % len(seen))
    for check, n in sorted(per_check.items()):
        print('  %-32s %d' % (check, n))
    for kind, n in sorted(per_triage.items()):
        print('  %-32s %d' % (kind, n))
    missing = [k for k in triage if (k[0].rsplit(':', 1)[0], int(k[0].rsplit(':', 1)[1]), k[1]) not in seen]
    if missing:
        print('  triaged but not reported now: %d (fixed, or moved)' % len(missing))
    return 1 if per_triage['untriaged'] else 0


if __name__ == '__main__':
    sys.exit(main())
