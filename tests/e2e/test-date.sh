#!/usr/bin/env bash
# sanya date: exact output for a few days, and exit codes for bad input.
set -u
fail=0

expect_output() {
    local date=$1 want=$2 got
    got=$("$SANYA" date "$date" 2>&1)
    local rc=$?
    if [ "$rc" -ne 0 ] || [ "$got" != "$want" ]; then
        echo "FAIL: sanya date $date (exit $rc)"
        diff <(printf '%s\n' "$want") <(printf '%s\n' "$got")
        fail=1
    fi
}

expect_exit() {
    local want=$1 pattern=$2
    shift 2
    local err
    err=$("$SANYA" date "$@" 2>&1 >/dev/null)
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL: sanya date $* exited $rc, expected $want"
        fail=1
    elif [ -n "$pattern" ] && ! grep -q -- "$pattern" <<<"$err"; then
        echo "FAIL: sanya date $*: message '$err' lacks '$pattern'"
        fail=1
    fi
}

expect_output 2025-06-12 "ថ្ងៃព្រហស្បតិ៍ ២រោច ខែជេស្ឋ ឆ្នាំម្សាញ់ សប្តស័ក ពុទ្ធសករាជ ២៥៦៩
ត្រូវនឹងថ្ងៃទី១២ ខែមិថុនា ឆ្នាំ២០២៥
12 June 2025"

# The example of khmer-documents.md.
expect_output 2026-05-20 "ថ្ងៃពុធ ៤កើត ខែជេស្ឋ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០
ត្រូវនឹងថ្ងៃទី២០ ខែឧសភា ឆ្នាំ២០២៦
20 May 2026"

# Pchum Ben 2024 in a leap-free year, and a day of the second អាសាឍ.
expect_output 2024-10-02 "ថ្ងៃពុធ ១៥រោច ខែភទ្របទ ឆ្នាំរោង ឆស័ក ពុទ្ធសករាជ ២៥៦៨
ត្រូវនឹងថ្ងៃទី២ ខែតុលា ឆ្នាំ២០២៤
2 October 2024"
expect_output 2026-07-16 "ថ្ងៃព្រហស្បតិ៍ ២កើត ខែទុតិយាសាឍ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០
ត្រូវនឹងថ្ងៃទី១៦ ខែកក្កដា ឆ្នាំ២០២៦
16 July 2026"

# --help documents the command and succeeds.
help=$("$SANYA" date --help)
if [ $? -ne 0 ] || ! grep -q "YYYY-MM-DD" <<<"$help"; then
    echo "FAIL: sanya date --help"
    fail=1
fi

# The command is listed by sanya --help.
if ! "$SANYA" --help | grep -q "^  date "; then
    echo "FAIL: sanya --help does not list date"
    fail=1
fi

# Bad dates are data errors (65) naming what was expected.
expect_exit 65 "YYYY-MM-DD" 2025-13-01
expect_exit 65 "YYYY-MM-DD" 2025-02-29
expect_exit 65 "YYYY-MM-DD" 12/06/2025
expect_exit 65 "YYYY-MM-DD" ""
expect_exit 65 "1900-01-01 to 2100-12-31" 1899-12-31
expect_exit 65 "1900-01-01 to 2100-12-31" 2101-01-01
# Bad usage is 64.
expect_exit 64 ""
expect_exit 64 "unknown option" --frobnicate
expect_exit 64 "one date" 2025-06-12 2025-06-13

exit $fail
