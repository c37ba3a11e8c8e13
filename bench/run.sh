#!/usr/bin/env bash
# make bench: times `sanya proof` on a 20-page Khmer+English input, as a whole
# process (start-up, font loading and writing the PDF included), and runs the
# in-process benchmarks if they were built: $BUILD/bench/bench_proof INPUT.txt
# and $BUILD/bench/bench_build on each examples/*.yaml agreement.
# Then `sanya build` of each example as a whole process, and `sanya batch`
# of 1,000 generated agreements (tests/batch/gen-agreements.py): from
# scratch at -j 2 (agreements per second and peak memory), a no-op re-run,
# and a re-run after a roster change that touches about 10% of them; and
# the drafting page's preview latency (`sanya serve`, curl).
# Each line gives the command, the figure, the aim and whether it is met;
# never fails on speed, only if sanya fails (or a batch rebuilds another set
# than the one expected). Whole-process times and peak RSS come from
# $BUILD/bench/measure (bench/measure.c: fork, exec, waitpid, getrusage).
# Usage: bench/run.sh BUILD_DIR   (RUNS=n sets the number of timed runs, 7;
# BATCH_N the number of generated agreements, 1000; BATCH_J the workers, 2;
# SERVE_N the previews timed, 30)
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
builddir=$(cd "$build" 2>/dev/null && pwd)
sanya=$builddir/sanya
runs=${RUNS:-7}
target_ms=5
pages_wanted=20
# The same settings as bench/bench_proof.c, so the two figures compare.
proof_args=(--size 11 --align justify)
[ -x "$sanya" ] || { echo "bench: $build/sanya is missing: run make first" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sanya-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
in=$tmp/bench-input.txt
pdf=$tmp/bench.pdf

pages_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
now_ns() { date +%s%N; }

# The input: grow the number of rounds until the proof has 20 pages or more.
repeat=6
for _ in 1 2 3 4; do
    "$here/gen-input.sh" "$repeat" >"$in"
    if ! "$sanya" proof "$in" -o "$pdf" "${proof_args[@]}" 2>"$tmp/err"; then
        echo "bench: sanya proof failed:" >&2
        cat "$tmp/err" >&2
        exit 1
    fi
    pages=$(pages_of "$pdf")
    [ "${pages:-0}" -ge 1 ] || { echo "bench: pdfinfo cannot read the proof" >&2; exit 1; }
    [ "$pages" -ge "$pages_wanted" ] && break
    repeat=$(((repeat * pages_wanted + pages - 1) / pages))
done
paras=$(grep -c . "$in")
echo "bench input: sanya proof ${proof_args[*]}, $paras paragraphs, $(wc -c <"$in") bytes, $repeat rounds of tests/e2e/data -> $pages pages"

# Whole-process runs (the first one above warmed the page cache).
times=()
for _ in $(seq "$runs"); do
    t0=$(now_ns)
    "$sanya" proof "$in" -o "$pdf" "${proof_args[@]}" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
    t1=$(now_ns)
    times+=($(((t1 - t0) / 1000)))
done
size=$(wc -c <"$pdf")
printf '%s\n' "${times[@]}" | /usr/bin/python3 -c '
import sys
us = sorted(int(x) for x in sys.stdin.read().split())
pages, size, target = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
med, best = us[len(us) // 2] / 1000, us[0] / 1000
print("sanya proof, whole process, %d runs: median %.1f ms, best %.1f ms per run" % (len(us), med, best))
print("  %.1f pages/s, %.2f ms/page (median; best %.2f ms/page)" % (pages / med * 1000, med / pages, best / pages))
print("  PDF: %d pages, %d bytes (%.1f KiB, %.1f KiB/page)" % (pages, size, size / 1024, size / 1024 / pages))
verdict = "meets" if med / pages < target else "misses"
print("  target < %g ms/page in one process: the whole process %s it (%.2f ms/page, start-up included)"
      % (target, verdict, med / pages))
' "$pages" "$size" "$target_ms"

inproc=$builddir/bench/bench_proof
if [ -x "$inproc" ]; then
    echo "in-process: $build/bench/bench_proof INPUT (from the repository root)"
    (cd "$root" && "$inproc" "$in") || echo "bench: $inproc exited $? (not counted as a failure)"
else
    echo "in-process: $inproc not built (bench/bench_proof.c absent); whole-process figures only"
fi

# Agreement builds as whole processes: `sanya build` of each example, the
# way a user runs it. Timed by measure from fork to exit, so neither a
# subshell nor `date` is counted (they added about 2 ms to each figure).
build_aim_ms=8
measure=$builddir/bench/measure
[ -x "$measure" ] || { echo "bench: $build/bench/measure is missing: run make first" >&2; exit 2; }

# run_measured LABEL N COMMAND...: runs COMMAND N times from the repository
# root through measure, appends "wall_us maxrss_kb" lines to $tmp/LABEL.runs;
# exits the bench if the command fails (its stderr is shown).
run_measured() {
    local label=$1 n=$2
    shift 2
    : >"$tmp/$label.runs"
    for _ in $(seq "$n"); do
        (cd "$root" && "$measure" "$tmp/measure.out" "$@" >"$tmp/out" 2>"$tmp/err") || {
            echo "bench: failed ($(cat "$tmp/measure.out" 2>/dev/null)): $*" >&2
            cat "$tmp/err" >&2
            exit 1
        }
        sed -n 's/^wall_us=\([0-9]*\) maxrss_kb=\([0-9]*\) .*/\1 \2/p' "$tmp/measure.out" >>"$tmp/$label.runs"
    done
}

for y in "$root"/examples/*.yaml; do
    [ "${y##*/}" = roster.yaml ] && continue
    cmd=("$sanya" build "examples/${y##*/}" --roster examples/roster.yaml -o "$tmp/agreement.pdf")
    run_measured build "$runs" "${cmd[@]}"
    /usr/bin/python3 - "$tmp/build.runs" "$build_aim_ms" "$build/sanya build examples/${y##*/} --roster examples/roster.yaml -o OUT.pdf" <<'EOF'
import sys
runs = [tuple(int(x) for x in l.split()) for l in open(sys.argv[1])]
us = sorted(r[0] for r in runs)
aim = float(sys.argv[2])
med, best = us[len(us) // 2] / 1000, us[0] / 1000
print(sys.argv[3])
print("  whole process, %d runs: median %.1f ms, best %.1f ms per agreement, peak RSS %.1f MB "
      "(aim < %g ms: %s)" % (len(us), med, best, max(r[1] for r in runs) / 1024, aim,
                             "met" if med < aim else "not met"))
EOF
done

# Agreement builds, in process, if bench/bench_build.c was built: every
# example agreement with the example roster.
build_bench=$builddir/bench/bench_build
if [ -x "$build_bench" ] && [ -r "$root/examples/roster.yaml" ]; then
    for y in "$root"/examples/*.yaml; do
        [ "${y##*/}" = roster.yaml ] && continue
        (cd "$root" && "$build_bench" "examples/${y##*/}" examples/roster.yaml) ||
            echo "bench: bench_build examples/${y##*/} exited $? (not counted as a failure)"
    done
fi

# The drafting page's preview (sanya serve): from a one-character change
# of the text to the new PDF received, as the page asks for it: POST
# /api/check then POST /api/preview with the changed text (the server
# answers one request at a time), and the preview alone. Timed by curl
# (time_total: connect, send, build, receive) on a copy of examples/,
# SERVE_N times each (30), alternating the first character of the title.
serve_n=${SERVE_N:-30}
aim_preview_ms=150
sdir=$tmp/serve
mkdir -p "$sdir/in"
cp "$root"/examples/*.yaml "$sdir/in/"
"$sanya" serve "$sdir/in" >"$sdir/out" 2>"$sdir/err" &
serve_pid=$!
for _ in $(seq 100); do [ -s "$sdir/out" ] && break; sleep 0.05; done
serve_url=$(sed -n '1s/^sanya serve: //p' "$sdir/out")
if [ -z "$serve_url" ] || ! command -v curl >/dev/null; then
    echo "bench: sanya serve did not start or curl is missing: $(cat "$sdir/err")" >&2
    kill "$serve_pid" 2>/dev/null
    exit 1
fi
base=${serve_url%%/\?*}
tok=${serve_url##*=}
: >"$tmp/preview.runs"
: >"$tmp/keystroke.runs"
for i in $(seq "$serve_n"); do
    c=$([ $((i % 2)) = 0 ] && echo x || echo y)
    sed "0,/^  en: Memorandum/s//  en: ${c}Memorandum/" "$sdir/in/moi-aple-2025.yaml" >"$sdir/text.yaml"
    t0=$(now_ns)
    curl -sf -H "X-Sanya-Token: $tok" --data-binary @"$sdir/text.yaml" -o /dev/null \
        "$base/api/check?name=moi-aple-2025.yaml" &&
        curl -sf -H "X-Sanya-Token: $tok" --data-binary @"$sdir/text.yaml" -o "$sdir/p.pdf" \
            -w '%{time_total}\n' "$base/api/preview?name=moi-aple-2025.yaml" >>"$tmp/preview.runs" || {
        echo "bench: POST /api/check or /api/preview failed" >&2
        kill "$serve_pid"
        exit 1
    }
    t1=$(now_ns)
    echo $(((t1 - t0) / 1000)) >>"$tmp/keystroke.runs"
done
kill -INT "$serve_pid"
wait "$serve_pid" || { echo "bench: sanya serve did not stop cleanly" >&2; exit 1; }
head -c 5 "$sdir/p.pdf" | grep -q '%PDF-' || { echo "bench: the preview is not a PDF" >&2; exit 1; }
/usr/bin/python3 - "$tmp/preview.runs" "$tmp/keystroke.runs" "$aim_preview_ms" "$(pages_of "$sdir/p.pdf")" "$build" <<'EOF'
import sys
pre = sorted(float(x) * 1000 for x in open(sys.argv[1]).read().split())
key = sorted(int(x) / 1000 for x in open(sys.argv[2]).read().split())
aim, pages, build = float(sys.argv[3]), sys.argv[4], sys.argv[5]
q = lambda v, p: v[min(len(v) - 1, int(round(p * (len(v) - 1))))]
print("%s/sanya serve COPY_OF_EXAMPLES; then for each change: curl POST /api/check, curl POST "
      "/api/preview (examples/moi-aple-2025.yaml, one character of the title changed; %s pages)"
      % (build, pages))
print("  change -> new PDF received (check then preview, two curl processes), %d runs: median %.1f ms, "
      "p90 %.1f ms (aim < %g ms keystroke to preview: %s)"
      % (len(key), q(key, 0.5), q(key, 0.9), aim, "met" if q(key, 0.9) < aim else "not met"))
print("  POST /api/preview alone (curl time_total), %d runs: median %.1f ms, p90 %.1f ms"
      % (len(pre), q(pre, 0.5), q(pre, 0.9)))
EOF

# Batches: BATCH_N generated agreements (tests/batch/gen-agreements.py with
# 10 deputies per ministry: 30 offices, so the holders of three offices, one
# per ministry, are signatories of about 10% of the agreements), built from
# scratch, then re-run with nothing changed, then re-run after new holders
# take up those three offices (and again after that is undone, and redone:
# the median of the three). --as-of is fixed so that the figures do not
# depend on the day; no renewal falls due on it.
batch_n=${BATCH_N:-1000}
batch_j=${BATCH_J:-2}
aim_rate=500 aim_rss_mb=100 aim_noop_s=0.3 aim_change_s=0.5
as_of=2026-12-01
bdir=$tmp/batch
/usr/bin/python3 "$root/tests/batch/gen-agreements.py" "$batch_n" "$bdir/in" --roster "$bdir/roster.yaml" \
    --deputies 10 || { echo "bench: tests/batch/gen-agreements.py failed" >&2; exit 1; }
changed_offices="moi/deputy-1 ncct/deputy-1 moeys/deputy-1"
# The agreements the generator has those offices sign: k = (i // 3) % 10 == 1.
expect_changed=0
for i in $(seq 0 $((batch_n - 1))); do
    [ $(((i / 3) % 10)) -eq 1 ] && expect_changed=$((expect_changed + 1))
done
cp "$bdir/roster.yaml" "$bdir/roster-before.yaml"
/usr/bin/python3 - "$bdir/roster.yaml" "$bdir/roster-after.yaml" $changed_offices <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
for office in sys.argv[3:]:
    i = s.index("  %s:\n" % office)
    j = s.index("        from: 2015-01-01\n", i) + len("        from: 2015-01-01\n")
    s = s[:j] + "      - name: {km: សុខ ដារា, en: Sok Dara}\n        from: 2026-11-20\n" + s[j:]
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
batch_cmd=("$sanya" batch "$bdir/in" -o "$bdir/out" --roster "$bdir/roster.yaml" --as-of "$as_of"
    -j "$batch_j" --report "$bdir/report.json")
shown="$build/sanya batch IN -o OUT --roster ROSTER.yaml --as-of $as_of -j $batch_j --report R.json"

# check_counts BUILT UNCHANGED: the report's counts must be these, no failure.
check_counts() {
    /usr/bin/python3 - "$bdir/report.json" "$1" "$2" <<'EOF' || exit 1
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))["counts"]
want = (int(sys.argv[2]), int(sys.argv[3]))
if c["failed"] or (c["built"], c["unchanged"]) != want:
    sys.exit("bench: the batch's report says %d built, %d unchanged, %d failed; expected %d, %d, 0"
             % (c["built"], c["unchanged"], c["failed"], want[0], want[1]))
EOF
}
# summary LABEL: median and best wall time (s) and max peak RSS (MB).
summary() {
    /usr/bin/python3 - "$tmp/$1.runs" <<'EOF'
import sys
runs = [tuple(int(x) for x in l.split()) for l in open(sys.argv[1])]
us = sorted(r[0] for r in runs)
print("%.3f %.3f %.1f %d" % (us[len(us) // 2] / 1e6, us[0] / 1e6, max(r[1] for r in runs) / 1024, len(us)))
EOF
}
# verdict FIGURE AIM [over]: "met" when FIGURE < AIM (or > AIM with "over").
verdict() {
    /usr/bin/python3 -c 'import sys; f, a = float(sys.argv[1]), float(sys.argv[2])
print("met" if (f > a if sys.argv[3:] == ["over"] else f < a) else "not met")' "$@"
}

echo "batch input: $batch_n agreements from tests/batch/gen-agreements.py $batch_n IN --roster ROSTER.yaml --deputies 10"
# From scratch: an empty OUT each time (the last run's OUT stays for the
# re-runs); at most 3 runs, which take about 7 s each on 2 cores today.
scratch_runs=$(( runs < 3 ? runs : 3 ))
: >"$tmp/scratch.all"
for _ in $(seq "$scratch_runs"); do
    rm -rf "$bdir/out"
    run_measured scratch 1 "${batch_cmd[@]}"
    check_counts "$batch_n" 0
    cat "$tmp/scratch.runs" >>"$tmp/scratch.all"
done
mv "$tmp/scratch.all" "$tmp/scratch.runs"
read -r med best rss n < <(summary scratch)
rate=$(/usr/bin/python3 -c 'import sys; print("%.0f" % (int(sys.argv[1]) / float(sys.argv[2])))' "$batch_n" "$med")
echo "$shown"
echo "  from scratch, $n runs: $batch_n built, median $med s (best $best s), $rate agreements/s (aim > $aim_rate/s: $(verdict "$rate" "$aim_rate" over))"
echo "  peak RSS $rss MB (largest of the runs; aim < $aim_rss_mb MB: $(verdict "$rss" "$aim_rss_mb"))"

noop_runs=$(( runs < 5 ? runs : 5 ))
run_measured noop "$noop_runs" "${batch_cmd[@]}"
check_counts 0 "$batch_n"
read -r med best rss n < <(summary noop)
echo "$shown"
echo "  no-op re-run, $n runs: 0 built, $batch_n unchanged, median $med s, best $best s, peak RSS $rss MB (aim < $aim_noop_s s: $(verdict "$med" "$aim_noop_s"))"

: >"$tmp/change.all"
for version in after before after; do
    cp "$bdir/roster-$version.yaml" "$bdir/roster.yaml"
    run_measured change 1 "${batch_cmd[@]}"
    check_counts "$expect_changed" $((batch_n - expect_changed))
    cat "$tmp/change.runs" >>"$tmp/change.all"
done
mv "$tmp/change.all" "$tmp/change.runs"
read -r med best rss n < <(summary change)
pct=$(/usr/bin/python3 -c 'import sys; print("%.1f" % (100 * int(sys.argv[1]) / int(sys.argv[2])))' "$expect_changed" "$batch_n")
echo "$shown"
echo "  after a roster change (new holders of $changed_offices; then undone, then redone): $expect_changed of $batch_n rebuilt each time ($pct%; the --report counts say so)"
echo "  $n runs: median $med s, best $best s, peak RSS $rss MB (aim < $aim_change_s s: $(verdict "$med" "$aim_change_s"))"
exit 0
