#!/usr/bin/env bash
# sanya batch --renew-into on generated agreements
# (tests/batch/gen-agreements.py): after a roster change, exactly the
# renewals of the affected agreements are drafted (by name), each passes
# `sanya check --roster`, builds, names the new holder in its signature
# block and differs from its source only in the renewed lines; a re-run
# replaces none of them (and says so) unless --force-renewals; --dry-run
# writes nothing; the day renewals fall due adds theirs, dated the day after
# the old term; an office vacant on a renewal's date fails that renewal
# alone (file:line:column, exit 65); RDIR inside DIR or OUT is exit 64.
set -u
sanya=${SANYA:?}
root=${SANYA_ROOT:?}
PY=${SANYA_PYTHON:-/usr/bin/python3}
N=${SANYA_BATCH_RENEW_N:-60}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

in=$tmp/in
out=$tmp/out
ren=$tmp/renewals
$PY "$root/tests/batch/gen-agreements.py" "$N" "$in" || { echo "FAIL: generator"; exit 1; }

# The generator's rules (its docstring): agreement i names office
# <base>/deputy-<k>, base = i % 3 (0 moi, 1 ncct, 2 moeys), k = (i/3) % 4;
# its renewal warning starts on 2026-12-10 when i % 20 == 7 (signed
# 2024-12-11, 3 years: the term ends 2027-12-10).
path_of() {
    local i=$1 bases=(moi ncct moeys)
    printf '%s/%d/gen-%03d' "${bases[$((i % 3))]}" $(((i / 3) % 4)) "$i"
}
expect_change= expect_due=
for ((i = 0; i < N; i++)); do
    [ $((i % 3)) -eq 0 ] && [ $(((i / 3) % 4)) -eq 1 ] && expect_change+="$(path_of $i)"$'\n'
    [ $((i % 20)) -eq 7 ] && expect_due+="$(path_of $i)"$'\n'
done
# Renewal files (relative to RDIR) of a list of NAMEs: NAME-renewal-2.yaml.
renewal_names() { printf '%s' "$1" | sed '/^$/d; s/$/-renewal-2.yaml/' | sort -u; }
files_in() { (cd "$1" 2>/dev/null && find . -type f -printf '%P\n' | sort); }
# The renewals a run's stdout says it wrote (or would write), sorted.
written_list() { sed -n 's/^renewal [^ ]* -> [^ ]*\/renewals\/\([^ :]*\): \(written\|would be written\),.*/\1/p' "$1" | sort; }

# --- the first build: nothing is affected, nothing drafted ---
"$sanya" batch "$in" -o "$out" --as-of 2026-12-01 -j2 --renew-into "$ren" >"$tmp/run0" 2>"$tmp/err0"
rc=$?
[ "$rc" -eq 0 ] && [ ! -e "$ren" ] && grep -q '^renewals: 0 written, 0 exist (not written), 0 failed$' "$tmp/run0" &&
    ok "first build: no agreement affected, no renewal folder made" || bad "first build: rc $rc, $(tail -1 "$tmp/run0")"

# --- RDIR must not be DIR, OUT, nor inside or around either (exit 64) ---
for r in "$in/renewals" "$in" "$out" "$out/renewals" "$tmp"; do
    "$sanya" batch "$in" -o "$out" --as-of 2026-12-02 --renew-into "$r" >/dev/null 2>"$tmp/e64"
    rc=$?
    [ "$rc" -eq 64 ] && grep -q "the renewal folder .* is \(inside\|the same as\|around\) the \(input\|output\) folder" "$tmp/e64" ||
        bad "--renew-into ${r#"$tmp"/}: exit $rc: $(cat "$tmp/e64")"
done
[ ! -e "$in/renewals" ] && [ ! -e "$out/renewals" ] && [ "$(files_in "$in" | grep -c renewal)" -eq 0 ] &&
    ok "RDIR inside DIR or OUT, equal to either or around DIR: exit 64, nothing written" ||
    bad "a refused RDIR was written to"

# --- a new holder of moi/deputy-1 from 2026-11-20 ---
$PY - "$in/roster.yaml" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.index("  moi/deputy-1:\n")
j = s.index("        from: 2015-01-01\n", i) + len("        from: 2015-01-01\n")
s = s[:j] + "      - name: {km: សុខ ដារា, en: Sok Dara}\n        from: 2026-11-20\n" + s[j:]
open(p, "w", encoding="utf-8").write(s)
EOF
want=$(renewal_names "$expect_change")
nwant=$(printf '%s\n' "$want" | grep -c .)
(cd "$out" && find . -type f -printf '%P %s %T@\n' | sort) >"$tmp/out-before"
"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 -j2 --renew-into "$ren" --dry-run >"$tmp/dry1" 2>&1
rc=$?
(cd "$out" && find . -type f -printf '%P %s %T@\n' | sort) >"$tmp/out-after"
[ "$rc" -eq 0 ] && [ ! -e "$ren" ] && cmp -s "$tmp/out-before" "$tmp/out-after" &&
    ok "dry run: no renewal, no output written" || bad "dry run wrote something (rc $rc)"
[ "$(written_list "$tmp/dry1")" = "$want" ] && grep -q "^renewals: $nwant would be written, 0 exist" "$tmp/dry1" &&
    ok "dry run lists the $nwant renewals it would write" || { bad "dry run lists"; written_list "$tmp/dry1"; }

"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 -j2 --renew-into "$ren" --report "$tmp/r1.json" >"$tmp/run1" 2>"$tmp/err1"
rc=$?
[ "$rc" -eq 0 ] && [ "$(files_in "$ren")" = "$want" ] && [ "$(written_list "$tmp/run1")" = "$want" ] &&
    ok "roster change: exactly the $nwant renewals of the moi/deputy-1 agreements written, folders kept" ||
    { bad "roster change: rc $rc, renewals:"; files_in "$ren"; }
grep -q "^renewal moi/1/gen-003.yaml -> $ren/moi/1/gen-003-renewal-2.yaml: written, signed 2026-12-03 (the day after --as-of: a signing office changed hands)$" "$tmp/run1" &&
    grep -q "^  renewal: $ren/moi/1/gen-003-renewal-2.yaml (written)$" "$tmp/run1" &&
    ok "stdout names each renewal, its date and why that date" || { bad "renewal line"; grep renewal "$tmp/run1" | head -3; }
$PY - "$tmp/r1.json" "$ren" "$want" <<'EOF' && ok "JSON report: renew_into, renewal_counts, each agreement's renewal_file" || bad "JSON report"
import json, sys
r = json.load(open(sys.argv[1]))
want = sorted(sys.argv[3].split())
assert r["renew_into"] == sys.argv[2], r["renew_into"]
assert r["renewal_counts"] == {"written": len(want), "would_write": 0, "exists": 0, "failed": 0}, r["renewal_counts"]
got = []
for a in r["agreements"]:
    f = a["renewal_file"]
    if f is None:
        assert not a["changes"] and a["renewal"] == "fine", a
        continue
    assert f["result"] == "written" and f["why_not"] is None, f
    assert f["signed"] == "2026-12-03" and f["dated"] == "after-as-of", f
    assert f["path"] == a["input"][:-5] + "-renewal-2.yaml", f
    got.append(f["path"])
assert sorted(got) == want, got
EOF

# Each renewal: checks, builds, names the new holder where the old one
# signed, and differs from its source only in the renewed lines.
nok=0
for rel in $want; do
    y=$ren/$rel
    src=$in/${rel%-renewal-2.yaml}.yaml
    "$sanya" check "$y" --roster "$in/roster.yaml" >/dev/null 2>"$tmp/chk" || { bad "check $rel: $(cat "$tmp/chk")"; continue; }
    "$sanya" build "$y" --roster "$in/roster.yaml" --as-of 2026-12-02 -o "$tmp/r.pdf" >/dev/null 2>"$tmp/bld" ||
        { bad "build $rel: $(cat "$tmp/bld")"; continue; }
    pages=$(pdfinfo "$tmp/r.pdf" | sed -n 's/^Pages: *//p')
    pdftotext -layout -f "$pages" -l "$pages" "$tmp/r.pdf" "$tmp/sig.txt"
    pdftotext -layout "$tmp/r.pdf" "$tmp/all.txt"
    if ! grep -q "Sok Dara" "$tmp/sig.txt" || grep -q "Chhim Sophea" "$tmp/all.txt"; then
        bad "$rel: the signature page does not name Sok Dara alone"
        continue
    fi
    diff "$src" "$y" >"$tmp/diff"
    other=$(grep '^[<>]' "$tmp/diff" | grep -v -E '^< (signed|term): |^> signed: 2026-12-03$|^> term: \{years: 3, renewal: 2, start: 2026-12-03\}$|^>   - \{step: [a-z-]+(, party: [a-z]+)?\}$|^> previous_approvals:$')
    if [ -n "$other" ] || ! grep -q '^> previous_approvals:$' "$tmp/diff" || ! grep -q '^> signed: 2026-12-03$' "$tmp/diff"; then
        bad "$rel: diff from its source beyond signed, term, approvals/previous_approvals:"
        printf '%s\n' "$other" | head -5
        continue
    fi
    nok=$((nok + 1))
done
[ "$nok" -eq "$nwant" ] &&
    ok "all $nok renewals pass check --roster, build, name Sok Dara on the signature page, and differ only in signed/term/approvals" ||
    bad "$nok of $nwant renewals passed"

# --- a re-run replaces nothing, and says so ---
(cd "$ren" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$tmp/ren-sum1"
(cd "$ren" && find . -type f -printf '%P %T@\n' | sort) >"$tmp/ren-stat1"
echo "# edited by hand" >>"$ren/moi/1/gen-003-renewal-2.yaml"
cp "$ren/moi/1/gen-003-renewal-2.yaml" "$tmp/edited.yaml"
"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 -j2 --renew-into "$ren" >"$tmp/run2" 2>&1
rc=$?
n=$(grep -c "^renewal .*: not written: $ren/.*-renewal-2.yaml exists; --force-renewals replaces it$" "$tmp/run2")
[ "$rc" -eq 0 ] && [ "$n" -eq "$nwant" ] && cmp -s "$tmp/edited.yaml" "$ren/moi/1/gen-003-renewal-2.yaml" &&
    grep -q "^renewals: 0 written, $nwant exist (not written), 0 failed$" "$tmp/run2" &&
    ok "re-run: none of the $nwant renewals replaced (a hand edit kept), each says it exists" ||
    { bad "re-run: rc $rc, $n said so"; tail -2 "$tmp/run2"; }
"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 -j2 --renew-into "$ren" --force >"$tmp/run3" 2>&1
cmp -s "$tmp/edited.yaml" "$ren/moi/1/gen-003-renewal-2.yaml" && ok "--force rebuilds PDFs but replaces no renewal" ||
    bad "--force replaced a renewal"
"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 -j2 --renew-into "$ren" --force-renewals >"$tmp/run4" 2>&1
rc=$?
(cd "$ren" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$tmp/ren-sum2"
[ "$rc" -eq 0 ] && cmp -s "$tmp/ren-sum1" "$tmp/ren-sum2" && [ "$(written_list "$tmp/run4")" = "$want" ] &&
    ok "--force-renewals writes them again (the same bytes, the hand edit gone)" || bad "--force-renewals: rc $rc"
[ -z "$(find "$ren" -name '.*')" ] && ok "no temporary file left in RDIR" || bad "leftovers: $(find "$ren" -name '.*')"

# --- renewals fall due; an office vacant on a renewal's date ---
# ncct/deputy-2's holder leaves on 2027-06-30: the renewal of ncct/2/gen-007
# (due, dated 2027-12-11) has nobody to sign it.
$PY - "$in/roster.yaml" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
i = s.index("  ncct/deputy-2:\n")
j = s.index("        from: 2015-01-01\n", i) + len("        from: 2015-01-01\n")
s = s[:j] + "        to: 2027-06-30\n" + s[j:]
open(p, "w", encoding="utf-8").write(s)
EOF
vacant=$(printf '%s' "$expect_due" | grep '^ncct/2/' || true)
due_ok=$(printf '%s' "$expect_due" | grep -v '^ncct/2/' | sed '/^$/d')
due_new=$(renewal_names "$(printf '%s\n' "$due_ok" | grep -v -x -F "$expect_change")")
"$sanya" batch "$in" -o "$out" --as-of 2026-12-10 -j2 --renew-into "$ren" --report "$tmp/r5.json" >"$tmp/run5" 2>"$tmp/err5"
rc=$?
line=$(grep -n 'office: ncct/deputy-2' "$in/ncct/2/gen-007.yaml" | head -1 | cut -d: -f1)
[ "$rc" -eq 65 ] && grep -q "^sanya: $in/ncct/2/gen-007.yaml:$line:[0-9]*: parties\[[0-9]\]\.signatory\.office: nobody holds office \"ncct/deputy-2\" on the renewal's signing date 2027-12-11" "$tmp/err5" &&
    grep -q "^renewal ncct/2/gen-007.yaml -> $ren/ncct/2/gen-007-renewal-2.yaml: failed$" "$tmp/run5" &&
    ok "an office vacant on the renewal's date: exit 65, reported as file:line:column" ||
    { bad "vacant office: rc $rc"; grep -i "gen-007" "$tmp/err5" "$tmp/run5"; }
[ ! -e "$ren/ncct/2/gen-007-renewal-2.yaml" ] && [ "$(written_list "$tmp/run5")" = "$due_new" ] &&
    ok "the batch goes on: the other due renewals written ($(printf '%s\n' "$due_new" | grep -c .)), none for the failed one" ||
    { bad "due renewals: $(written_list "$tmp/run5" | tr '\n' ' ') want $(printf '%s' "$due_new" | tr '\n' ' ')"; }
for rel in $due_new; do
    grep -q '^signed: 2027-12-11$' "$ren/$rel" && grep -q '^term: {years: 3, renewal: 2, start: 2027-12-11}$' "$ren/$rel" ||
        bad "$rel is not dated the day after the old term ends"
done
$PY - "$tmp/r5.json" <<'EOF' && ok "JSON: the failed renewal says why, with its place" || bad "JSON of the failed renewal"
import json, sys
r = json.load(open(sys.argv[1]))
a = [x for x in r["agreements"] if x["input"] == "ncct/2/gen-007.yaml"][0]
f = a["renewal_file"]
assert a["result"] in ("built", "unchanged"), a["result"]
assert f["result"] == "failed" and "nobody holds office" in f["why_not"], f
e = [d for d in f["diagnostics"] if d["severity"] == "error"][0]
assert e["file"].endswith("in/ncct/2/gen-007.yaml") and e["line"] > 0 and e["column"] > 0, e
assert r["renewal_counts"]["failed"] >= 1
EOF

[ "$fail" -eq 0 ] && echo "test-batch-renew.sh: all passed"
exit "$fail"
