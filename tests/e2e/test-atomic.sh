#!/usr/bin/env bash
# Writing is atomic: sanya killed with SIGKILL at any moment of a long run
# leaves the previous output untouched and no partial or temporary file
# beside it; a run that completes replaces the output whole.
set -u
sanya=${SANYA:?}
root=${SANYA_ROOT:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# A long input: some 400 pages of Khmer and English.
for _ in $(seq 120); do cat "$root"/tests/e2e/data/*.txt; done >"$tmp/long.txt"
mkdir "$tmp/out"
"$sanya" proof "$root/examples/proof.txt" -o "$tmp/out/doc.pdf" 2>/dev/null || bad "first proof"
cp "$tmp/out/doc.pdf" "$tmp/old.pdf"

t0=$(date +%s%N)
"$sanya" proof "$tmp/long.txt" -o "$tmp/full.pdf" 2>/dev/null || bad "long proof"
t1=$(date +%s%N)
run_ms=$(((t1 - t0) / 1000000))
echo "a whole run takes $run_ms ms"

# Kill at moments spread over the run, the last ones near its end (the write).
for pct in 5 20 40 60 80 90 95 98 99; do
    delay_ms=$((run_ms * pct / 100))
    "$sanya" proof "$tmp/long.txt" -o "$tmp/out/doc.pdf" 2>/dev/null &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if cmp -s "$tmp/out/doc.pdf" "$tmp/old.pdf"; then
        echo "ok: killed at ${pct}% (${delay_ms} ms): old file intact"
    elif cmp -s "$tmp/out/doc.pdf" "$tmp/full.pdf"; then
        echo "ok: killed at ${pct}% (${delay_ms} ms) after it finished: new file whole"
        cp "$tmp/old.pdf" "$tmp/out/doc.pdf"
    else
        bad "killed at ${pct}%: the output is neither the old file nor the new one"
    fi
    # The complete file is named (a hidden temporary name) just before it
    # is renamed over the output: a kill between those two calls leaves
    # that complete copy, never a partial one (core/file.c).
    left=$(ls -A "$tmp/out" | grep -v '^doc\.pdf$')
    if [ -z "$left" ]; then
        echo "ok: nothing left beside it"
    elif [ "$(echo "$left" | wc -l)" -eq 1 ] && [[ $left == .doc.pdf.?????? ]] &&
        cmp -s "$tmp/out/$left" "$tmp/full.pdf"; then
        echo "ok: killed between naming and renaming: a complete hidden copy ($left), nothing partial"
        rm -f "$tmp/out/$left"
    else
        bad "left behind: $left"
    fi
done

"$sanya" proof "$tmp/long.txt" -o "$tmp/out/doc.pdf" 2>/dev/null || bad "complete run"
cmp -s "$tmp/out/doc.pdf" "$tmp/full.pdf" || bad "a complete run did not replace the file"
[ "$(ls -A "$tmp/out")" = doc.pdf ] || bad "files beside the output: $(ls -A "$tmp/out")"

[ "$fail" -eq 0 ] && echo "atomic: all checks passed"
exit $fail
