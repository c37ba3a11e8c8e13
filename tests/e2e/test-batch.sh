#!/usr/bin/env bash
# sanya batch on generated agreements (tests/batch/gen-agreements.py): a
# first build, then re-runs that rebuild exactly what changed (a roster
# change, the day renewals fall due) and nothing when only the day moved;
# --dry-run writes nothing; a bad file fails alone (exit 65); OUT inside DIR
# is refused (exit 64); a kill -9 mid-batch and a re-run end with every
# output whole and equal to a single `sanya build --as-of` of the same day.
set -u
sanya=${SANYA:?}
root=${SANYA_ROOT:?}
PY=${SANYA_PYTHON:-/usr/bin/python3}
N=${SANYA_BATCH_N:-200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

in=$tmp/in
out=$tmp/out
$PY "$root/tests/batch/gen-agreements.py" "$N" "$in" || { echo "FAIL: generator"; exit 1; }
# Excluded: a drafts folder and *.tmp.yaml (.sanyaignore), hidden files.
mkdir -p "$in/drafts"
cp "$in/moi/0/gen-000.yaml" "$in/drafts/draft.yaml"
cp "$in/moi/0/gen-000.yaml" "$in/moi/0/scratch.tmp.yaml"
cp "$in/moi/0/gen-000.yaml" "$in/moi/0/.hidden.yaml"
printf '# not for printing\ndrafts/\n*.tmp.yaml\n' >"$in/.sanyaignore"

# The generator's rules (its docstring): agreement i names office
# <base>/deputy-<k>, base = i % 3 (0 moi, 1 ncct, 2 moeys), k = (i/3) % 4;
# its renewal warning starts on 2026-12-10 when i % 20 == 7.
path_of() {
    local i=$1 bases=(moi ncct moeys)
    printf '%s/%d/gen-%03d' "${bases[$((i % 3))]}" $(((i / 3) % 4)) "$i"
}
expect_roster= expect_renewal=
for ((i = 0; i < N; i++)); do
    [ $((i % 3)) -eq 0 ] && [ $(((i / 3) % 4)) -eq 1 ] && expect_roster+="$(path_of $i).yaml"$'\n'
    [ $((i % 20)) -eq 7 ] && expect_renewal+="$(path_of $i).yaml"$'\n'
done

# "path size mtime sha256" of every output, sorted.
snapshot() {
    (cd "$out" && find . -name '*.pdf' -printf '%P %s %T@\n' | sort) >"$1.stat"
    (cd "$out" && find . -name '*.pdf' -print0 | sort -z | xargs -0 sha256sum) >"$1.sum"
}
# The inputs a run's stdout says it built (or would build), sorted.
built_list() { sed -n 's/^\(built\|would build\) \([^ ]*\) -> .*/\2/p' "$1" | sort; }

# --- OUT_DIR must not be DIR or inside it ---
"$sanya" batch "$in" -o "$in/out" --as-of 2026-12-01 >/dev/null 2>"$tmp/e64"
rc=$?
[ "$rc" -eq 64 ] && grep -q "inside the input folder" "$tmp/e64" && [ ! -e "$in/out" ] &&
    ok "OUT_DIR inside DIR: exit 64, nothing written" || bad "OUT_DIR inside DIR: exit $rc"
"$sanya" batch "$in" -o "$in/." --as-of 2026-12-01 >/dev/null 2>&1
rc=$?
[ "$rc" -eq 64 ] && ok "OUT_DIR = DIR: exit 64" || bad "OUT_DIR = DIR: exit $rc"

# --- a dry run on a new output folder writes nothing ---
"$sanya" batch "$in" -o "$out" --as-of 2026-12-01 --dry-run -j2 >"$tmp/dry0" 2>&1
rc=$?
n=$(grep -c '^would build .*: new$' "$tmp/dry0")
[ "$rc" -eq 0 ] && [ "$n" -eq "$N" ] && [ ! -e "$out" ] &&
    ok "dry run: $n would be built, nothing written" || bad "dry run: rc $rc, $n listed, out exists: $([ -e "$out" ] && echo yes)"

# --- the first build ---
t0=$(date +%s%N)
"$sanya" batch "$in" -o "$out" --as-of 2026-12-01 -j2 --report "$tmp/r0.json" >"$tmp/run0" 2>"$tmp/err0"
rc=$?
t1=$(date +%s%N)
run_ms=$(((t1 - t0) / 1000000))
n=$(find "$out" -name '*.pdf' | wc -l)
[ "$rc" -eq 0 ] && [ "$n" -eq "$N" ] && [ -s "$out/.sanya-state" ] &&
    ok "first build: $N agreements in $run_ms ms with -j2" || bad "first build: rc $rc, $n PDFs"
[ ! -s "$tmp/err0" ] || { bad "first build printed problems"; head "$tmp/err0"; }
[ ! -e "$out/drafts" ] && [ ! -e "$out/moi/0/scratch.tmp.pdf" ] && [ ! -e "$out/moi/0/.hidden.pdf" ] &&
    [ ! -e "$out/roster.pdf" ] && ok ".sanyaignore, hidden files and the roster are not built" ||
    bad "an excluded file was built"
[ -e "$out/ncct/2/gen-007.pdf" ] && ok "folders kept (ncct/2/gen-007.yaml -> ncct/2/gen-007.pdf)" ||
    bad "ncct/2/gen-007.pdf missing"
$PY - "$tmp/r0.json" "$N" <<'EOF' && ok "JSON report parses, $N built" || bad "JSON report"
import json, sys
r = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
assert r["counts"] == {"built": n, "unchanged": 0, "failed": 0, "would_build": 0}, r["counts"]
assert len(r["agreements"]) == n and r["as_of"] == "2026-12-01"
a = [x for x in r["agreements"] if x["input"] == "ncct/2/gen-007.yaml"][0]
assert a["result"] == "built" and a["reasons"] == ["new"] and a["renew_by"] == "2027-06-10", a
EOF
snapshot "$tmp/s0"

# --- the day moves, nothing else: nothing is rebuilt ---
"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 -j2 >"$tmp/run1" 2>&1
rc=$?
snapshot "$tmp/s1"
[ "$rc" -eq 0 ] && [ -z "$(built_list "$tmp/run1")" ] && cmp -s "$tmp/s0.stat" "$tmp/s1.stat" &&
    grep -q "^0 built, $N unchanged" "$tmp/run1" &&
    ok "as-of moved a day: nothing rebuilt, no output touched" || bad "as-of moved: $(tail -1 "$tmp/run1")"

# --- a new holder of moi/deputy-1 from a day before as-of ---
$PY - "$in/roster.yaml" <<'EOF'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
head = "  moi/deputy-1:\n"
i = s.index(head)
j = s.index("        from: 2015-01-01\n", i) + len("        from: 2015-01-01\n")
s = s[:j] + "      - name: {km: សុខ ដារា, en: Sok Dara}\n        from: 2026-11-20\n" + s[j:]
open(p, "w", encoding="utf-8").write(s)
EOF
cp "$out/.sanya-state" "$tmp/state-before"
"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 --dry-run >"$tmp/dry2" 2>&1
rc=$?
snapshot "$tmp/s2"
[ "$rc" -eq 0 ] && cmp -s "$tmp/s0.stat" "$tmp/s2.stat" && cmp -s "$tmp/state-before" "$out/.sanya-state" &&
    ok "dry run after the roster change: no output nor state touched" || bad "dry run wrote something"
[ "$(built_list "$tmp/dry2")" = "$(printf '%s' "$expect_roster" | sort)" ] &&
    ok "dry run lists exactly the $(printf '%s' "$expect_roster" | grep -c .) agreements of moi/deputy-1" ||
    bad "dry run after roster change lists the wrong set"
"$sanya" batch "$in" -o "$out" --as-of 2026-12-02 -j2 >"$tmp/run2" 2>&1
rc=$?
snapshot "$tmp/s3"
got=$(built_list "$tmp/run2")
[ "$rc" -eq 0 ] && [ "$got" = "$(printf '%s' "$expect_roster" | sort)" ] &&
    ok "roster change: exactly the agreements of moi/deputy-1 rebuilt" || bad "roster change rebuilt: $got"
grep -q "^built moi/1/gen-003.yaml -> moi/1/gen-003.pdf: gen-003: moi/deputy-1: Chhim Sophea 1 -> Sok Dara since 2026-11-20$" "$tmp/run2" &&
    ok "the reason names the office, old and new holder and the date" || { bad "reason"; grep gen-003 "$tmp/run2"; }
changed=$(diff "$tmp/s0.stat" "$tmp/s3.stat" | sed -n 's/^> \([^ ]*\)\.pdf .*/\1.yaml/p' | sort)
[ "$changed" = "$(printf '%s' "$expect_roster" | sort)" ] &&
    ok "no other output's bytes or mtime changed" || bad "outputs changed: $changed"
grep -q "restart: ministry-cabinet (moi)" "$tmp/run2" && grep -q "restart: city-department (moi)" "$tmp/run2" &&
    ok "the report names the steps to restart" || bad "restart steps missing"

# --- the day renewals fall due ---
"$sanya" batch "$in" -o "$out" --as-of 2026-12-09 -j2 >"$tmp/run3" 2>&1
[ -z "$(built_list "$tmp/run3")" ] && ok "2026-12-09: nothing rebuilt" || bad "2026-12-09 rebuilt $(built_list "$tmp/run3")"
snapshot "$tmp/s4"
"$sanya" batch "$in" -o "$out" --as-of 2026-12-10 -j2 >"$tmp/run4" 2>&1
rc=$?
got=$(built_list "$tmp/run4")
[ "$rc" -eq 0 ] && [ "$got" = "$(printf '%s' "$expect_renewal" | sort)" ] &&
    [ "$(grep -c ': renewal now due$' "$tmp/run4")" -eq "$(printf '%s' "$expect_renewal" | grep -c .)" ] &&
    ok "2026-12-10: exactly the $(printf '%s' "$expect_renewal" | grep -c .) covers whose renewal fell due rebuilt" ||
    bad "renewal day rebuilt: $got"
snapshot "$tmp/s5"
changed=$(diff "$tmp/s4.stat" "$tmp/s5.stat" | sed -n 's/^> \([^ ]*\)\.pdf .*/\1.yaml/p' | sort)
[ "$changed" = "$(printf '%s' "$expect_renewal" | sort)" ] && ok "renewal day: no other output touched" ||
    bad "renewal day touched $changed"

# --- a bad agreement fails alone ---
mkdir -p "$in/new"
sed 's/^signed: .*/signed: 2025-13-45/' "$in/moi/0/gen-000.yaml" >"$in/new/broken.yaml"
line=$(grep -n '^signed:' "$in/new/broken.yaml" | cut -d: -f1)
sed 's/^id: .*/id: extra-001/' "$in/moi/0/gen-000.yaml" >"$in/new/extra.yaml"
"$sanya" batch "$in" -o "$out" --as-of 2026-12-10 -j2 >"$tmp/run5" 2>"$tmp/err5"
rc=$?
[ "$rc" -eq 65 ] && grep -q "new/broken.yaml:$line:[0-9]*: signed: " "$tmp/err5" && grep -q "^failed new/broken.yaml$" "$tmp/run5" &&
    ok "a bad file: exit 65, reported as file:line:column" || { bad "bad file: rc $rc"; cat "$tmp/err5"; }
[ "$(built_list "$tmp/run5")" = "new/extra.yaml" ] && [ -s "$out/new/extra.pdf" ] && [ ! -e "$out/new/broken.pdf" ] &&
    ok "the others are built" || bad "bad file run built: $(built_list "$tmp/run5")"
rm "$in/new/broken.yaml" "$in/new/extra.yaml"

# --- kill -9 during a batch, then a re-run ---
out2=$tmp/out2
# Every state entry's output exists and is no older than the entry.
state_ok() {
    $PY - "$out2" <<'EOF'
import os, sys
d = sys.argv[1]
p = os.path.join(d, ".sanya-state")
if not os.path.exists(p):
    sys.exit(0)
lines = open(p, encoding="utf-8").read().split("\n")
assert lines[0] == "sanya-batch-state 1", lines[0]
for line in lines[1:]:
    if not line:
        continue
    f = dict(x.split("=", 1) for x in line.split(" ")[1:])
    out = os.path.join(d, line.split(" ")[0])
    st = os.stat(out)  # missing: the entry is newer than its output
    s, ns = f["mtime"].split(".")
    assert (int(s), int(ns)) <= (int(st.st_mtime_ns // 10**9), st.st_mtime_ns % 10**9), out
EOF
}
kills=0
for pct in 30 70; do
    delay_ms=$((run_ms * pct / 100))
    "$sanya" batch "$in" -o "$out2" --as-of 2026-12-10 -j2 >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
    wait "$pid" 2>/dev/null
    n=$(find "$out2" -name '*.pdf' 2>/dev/null | wc -l)
    state_ok && ok "killed at ${pct}% of a run ($n outputs there): the state file is consistent" ||
        bad "killed at ${pct}%: state entry newer than its output"
    for f in $(find "$out2" -name '*.pdf'); do
        qpdf --check "$f" >/dev/null 2>&1 || bad "killed at ${pct}%: $f is not a whole PDF"
    done
done
echo "($kills of 2 runs were still running when killed)"
"$sanya" batch "$in" -o "$out2" --as-of 2026-12-10 -j2 >"$tmp/run6" 2>&1
rc=$?
n=$(find "$out2" -name '*.pdf' | wc -l)
[ "$rc" -eq 0 ] && [ "$n" -eq "$N" ] && ok "the re-run finished the job ($(grep -c '^built' "$tmp/run6") built)" ||
    bad "re-run: rc $rc, $n outputs"
"$sanya" batch "$in" -o "$out2" --as-of 2026-12-10 -j2 >"$tmp/run7" 2>&1
[ -z "$(built_list "$tmp/run7")" ] && ok "and a further run has nothing left to do" || bad "still rebuilding: $(built_list "$tmp/run7" | head -3)"
mismatch=0
while IFS= read -r -d '' y; do
    rel=${y#"$in"/}
    pdf=$out2/${rel%.yaml}.pdf
    "$sanya" build "$y" --roster "$in/roster.yaml" --as-of 2026-12-10 -o "$tmp/single.pdf" 2>/dev/null
    if ! qpdf --check "$pdf" >/dev/null 2>&1 || ! cmp -s "$pdf" "$tmp/single.pdf"; then
        mismatch=$((mismatch + 1))
        [ "$mismatch" -le 3 ] && echo "  differs: $rel"
    fi
done < <(find "$in" -path "$in/drafts" -prune -o -name 'gen-*.yaml' -print0)
[ "$mismatch" -eq 0 ] && ok "every output passes qpdf --check and equals a single build of the same day" ||
    bad "$mismatch outputs differ from a single build"

[ "$fail" -eq 0 ] && echo "test-batch.sh: all passed"
exit "$fail"
