#!/usr/bin/env bash
# --format=sarif: every report (check mode with and without a source root,
# a file that does not parse, tree mode) is valid against the SARIF 2.1.0
# JSON schema, and says what the JSON report says. The schema is the OASIS
# standard's text, so it is not in this repository: .ci/install-deps
# fetches it; MMLOCK_SARIF_SCHEMA=FILE names another copy (any draft).
# Exit 77 (skipped) only when no schema is there; a missing validator fails.
set -u
mmlock=$(readlink -f "$1")
here=$(cd "$(dirname "$0")" && pwd)
schema=${MMLOCK_SARIF_SCHEMA:-/var/cache/mmlock/sarif/sarif-2.1.0-rtm.5.json}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; [ -s "$tmp/err" ] && sed 's/^/    | /' "$tmp/err"; echo "sarif: 0 passed, 1 failed"; exit 1; }

if [ ! -s "$schema" ]; then
	echo "skipped: no SARIF schema at $schema (run .ci/install-deps, or set MMLOCK_SARIF_SCHEMA)"
	exit 77
fi
# Debian's python3-jsonschema may not be the first python3 on PATH (pyenv)
py=
for p in python3 /usr/bin/python3; do
	"$p" -c 'import jsonschema, rfc3987' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || fail "no python3 with jsonschema and rfc3987 (Debian: python3-jsonschema python3-rfc3987; .ci/install-deps installs them)"

inc=(-nostdinc -I "$here/include")
mkdir -p "$tmp/src/sub dir" "$tmp/build"
# a name that needs escaping in a URI
cp "$here/checks/lock-double-release/warn-release-fault-lock-twice.c" "$tmp/src/sub dir/a%1.c"
cp "$here/checks/lock-double-release/warn-arch-fault-vma-end-read-unconditional.c" "$tmp/src/b.c"
printf 'int f(void) { return }\nint g(void) { return 0; }\n' > "$tmp/src/bad.c"
cat > "$tmp/build/compile_commands.json" <<JSON
[
 {"directory": "$tmp/src", "file": "sub dir/a%1.c",
  "arguments": ["gcc", "-nostdinc", "-I$here/include", "-c", "-o", "a.o", "sub dir/a%1.c"]},
 {"directory": "$tmp/src", "file": "b.c", "command": "gcc -nostdinc -I$here/include -c -o b.o b.c"},
 {"directory": "$tmp/src", "file": "bad.c", "command": "gcc -c -o bad.o bad.c"},
 {"directory": "$tmp/src", "file": "gone.c", "command": "gcc -c -o gone.o gone.c"}
]
JSON

cd "$tmp/src" || exit 1
# check mode, paths as given (relative) and below a source root
"$mmlock" --format=sarif "${inc[@]}" "sub dir/a%1.c" b.c bad.c > "$tmp/rel.sarif" 2> "$tmp/err" ||
	fail "check mode: exit $?"
"$mmlock" --format=json "${inc[@]}" "sub dir/a%1.c" b.c bad.c > "$tmp/rel.json" 2> "$tmp/err" ||
	fail "check mode json: exit $?"
"$mmlock" --format=sarif --source-root="$tmp" -o "$tmp/root.sarif" "${inc[@]}" "$tmp/src/sub dir/a%1.c" b.c \
	2> "$tmp/err" || fail "--source-root: exit $?"
# a file that cannot be analysed: exit 2, the run is not successful
"$mmlock" --format=sarif "${inc[@]}" gone.c > "$tmp/gone.sarif" 2> "$tmp/err"
[ $? -eq 2 ] || fail "missing file: exit status"
# tree mode: the database's directory is the source root unless one is given
"$mmlock" -p "$tmp/build" -j 2 --format=sarif -o "$tmp/tree.sarif" > /dev/null 2> "$tmp/err" ||
	fail "tree mode: exit $?"
"$mmlock" -p "$tmp/build" --source-root="$tmp/src" --format=sarif > "$tmp/tree-src.sarif" 2> "$tmp/err" ||
	fail "tree mode --source-root: exit $?"
: > "$tmp/err"

"$py" - "$schema" "$tmp" > "$tmp/err" 2>&1 <<'PY' || fail "see below"
import copy, json, os, sys, urllib.parse
import jsonschema, rfc3987

schema_path, tmp = sys.argv[1], sys.argv[2]
schema = json.load(open(schema_path))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
src = os.path.join(tmp, "src")

def problems(doc):
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))

def artifact_locations(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "artifactLocation":
                yield v
            yield from artifact_locations(v)
    elif isinstance(o, list):
        for v in o:
            yield from artifact_locations(v)

def resolve(loc, run, cwd):
    """The file an artifactLocation names, by SARIF's rules for uriBaseId."""
    uri = loc["uri"]
    assert rfc3987.match(uri, "URI_reference"), "not a URI reference: " + uri
    if "uriBaseId" in loc:
        base = run["originalUriBaseIds"][loc["uriBaseId"]]["uri"]
        assert base.startswith("file:///") and base.endswith("/"), base
        uri = urllib.parse.urljoin(base, uri)
    if uri.startswith("file://"):
        return urllib.parse.unquote(urllib.parse.urlparse(uri).path)
    assert ":" not in uri.split("/")[0], uri
    return os.path.join(cwd, urllib.parse.unquote(uri))

def check(name, cwd, results, files, success, notes=()):
    doc = json.load(open(os.path.join(tmp, name)))
    errs = problems(doc)
    assert not errs, "%s is not valid SARIF 2.1.0:\n%s" % (
        name, "\n".join("  /%s: %s" % ("/".join(map(str, e.absolute_path)), e.message) for e in errs[:10]))
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "mmlock" and driver["version"]
    ids = [r["id"] for r in driver["rules"]]
    assert len(ids) == len(set(ids)) >= 10, ids
    assert all(r["shortDescription"]["text"] for r in driver["rules"])
    assert len(run["results"]) == results, "%s: %d results" % (name, len(run["results"]))
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"] and r["level"] == "warning"
        assert r["message"]["text"]
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert len(r["partialFingerprints"]["mmlockFingerprint/v2"]) == 16
        assert r["relatedLocations"] and all(n["message"]["text"] for n in r["relatedLocations"])
        assert r["locations"][0]["logicalLocations"][0]["kind"] == "function"
    named = set()
    for loc in artifact_locations(run):
        path = resolve(loc, run, cwd)
        assert os.path.exists(path) or path.endswith("gone.c"), "%s: %s names %s" % (name, loc, path)
        named.add(os.path.realpath(path))
    for f in files:
        assert os.path.realpath(os.path.join(src, f)) in named, "%s: %s not named" % (name, f)
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is success, name
    kinds = {n["descriptor"]["id"] for n in inv["toolExecutionNotifications"]}
    assert set(notes) <= kinds, "%s: notifications %s, wanted %s" % (name, kinds, notes)
    return doc

rel = check("rel.sarif", src, 2, ["sub dir/a%1.c", "b.c"], True, ["parse-errors", "gave-up"])
assert "originalUriBaseIds" not in rel["runs"][0]
assert all("uriBaseId" not in l for l in artifact_locations(rel))
root = check("root.sarif", src, 2, ["sub dir/a%1.c", "b.c"], True)
assert all(l.get("uriBaseId") == "SRCROOT" for l in artifact_locations(root)), "paths below the root"
check("gone.sarif", src, 0, [], False, ["parse-failure"])
tree = check("tree.sarif", src, 2, ["sub dir/a%1.c", "b.c", "bad.c"], False,
             ["parse-errors", "gave-up", "parse-failure"])
check("tree-src.sarif", src, 2, ["sub dir/a%1.c", "b.c", "bad.c"], False)

# the same facts as the JSON report, fingerprints included
js = json.load(open(os.path.join(tmp, "rel.json")))
assert [(f["check"], f["line"], f["fingerprint"]) for f in js["findings"]] == [
    (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
     r["partialFingerprints"]["mmlockFingerprint/v2"]) for r in rel["runs"][0]["results"]]
assert len(js["notifications"]) == len(rel["runs"][0]["invocations"][0]["toolExecutionNotifications"])

# the validator itself: it must refuse broken documents
def refused(what, edit):
    doc = copy.deepcopy(tree)
    edit(doc)
    assert problems(doc), "the validator accepted a document with " + what
refused("no version", lambda d: d.pop("version"))
refused("an unknown level", lambda d: d["runs"][0]["results"][0].update(level="warn"))
refused("a region starting at line 0",
        lambda d: d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(startLine=0))
refused("an unknown property", lambda d: d["runs"][0]["tool"]["driver"].update(rule=[]))
refused("a $schema that is no URI", lambda d: d.update({"$schema": "not a uri"}))
print("validated against", schema.get("title", schema_path))
PY
cat "$tmp/err"
echo "sarif: 1 passed, 0 failed"
