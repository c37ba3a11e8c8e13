# shellcheck shell=bash
# Shared helpers for tests/e2e/test-proof-*.sh (sourced, bash).
# SANYA is the sanya binary and SANYA_ROOT the repository (run-all.sh sets
# both); without them the test uses build/sanya of the repository it is in.
# Each check prints "ok: ..." or "FAIL: ..."; `finish` exits 1 if any failed.

set -u
SANYA_ROOT=${SANYA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}
SANYA=${SANYA:-$SANYA_ROOT/build/sanya}
E2E=$SANYA_ROOT/tests/e2e
# shellcheck disable=SC2034 # used by the tests that source this file
DATA=$E2E/data
# Debian's python3 (python3-icu is installed for it), not whatever python3
# comes first in PATH.
PY=${SANYA_PYTHON:-/usr/bin/python3}
PROOFCHECK="$PY $E2E/lib/proofcheck.py"
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

ok() {
    echo "ok: $*"
}

finish() {
    if [ "$failures" -eq 0 ]; then
        echo "${0##*/}: all passed"
        exit 0
    fi
    echo "${0##*/}: $failures failed"
    exit 1
}

# The tools every test needs; a missing one is a failure, never a skip.
need_tools() {
    local missing=""
    [ -x "$SANYA" ] || missing="$missing $SANYA(run make)"
    for t in pdftotext pdffonts pdfinfo qpdf cmp; do
        command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
    done
    "$PY" -c 'import icu' 2>/dev/null || missing="$missing $PY+icu(python3-icu)"
    if [ -n "$missing" ]; then
        echo "FAIL: missing:$missing (make deps installs the packages)"
        exit 1
    fi
}

need_tools
TMP=$(mktemp -d "${TMPDIR:-/tmp}/sanya-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# proof OUT.pdf IN.txt [ARGS...]: runs sanya proof; true if it exits 0 and
# wrote OUT.pdf. Its stderr is kept in OUT.pdf.err and shown on failure.
proof() {
    local out=$1 in=$2
    shift 2
    local rc=0
    "$SANYA" proof "$in" -o "$out" "$@" 2>"$out.err" || rc=$?
    if [ "$rc" -ne 0 ] || [ ! -s "$out" ]; then
        fail "sanya proof ${in#"$SANYA_ROOT"/} $* exited $rc$([ -s "$out" ] || echo ', no PDF'): $(head -c 600 "$out.err")"
        return 1
    fi
    return 0
}

# check NAME PDF SOURCE [proofcheck ARGS...]: runs proofcheck on PDF.
check() {
    local name=$1 pdf=$2 src=$3
    shift 3
    local out rc=0
    out=$($PROOFCHECK "$pdf" "$src" "$@" 2>&1) || rc=$?
    if [ "$rc" -eq 0 ]; then
        ok "$name: ${out##*$'\n'}"
    else
        fail "$name"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
}

# proof_and_check NAME IN.txt "SANYA ARGS" "PROOFCHECK ARGS": both in one step.
# A justified proof is also set left-aligned, so that proofcheck can compare
# every justified line with its natural width (--natural).
proof_and_check() {
    local name=$1 in=$2 sargs=$3 cargs=$4 pdf
    pdf=$TMP/$(printf '%s' "$name" | tr -c 'A-Za-z0-9_-' _).pdf
    case " $sargs " in
    *" --align justify "*)
        # shellcheck disable=SC2086
        proof "${pdf%.pdf}.left.pdf" "$in" ${sargs/--align justify/--align left} || return 1
        cargs="$cargs --natural ${pdf%.pdf}.left.pdf"
        ;;
    esac
    # shellcheck disable=SC2086
    proof "$pdf" "$in" $sargs && check "$name" "$pdf" "$in" $cargs
}
