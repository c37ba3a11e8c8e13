#!/usr/bin/env bash
# Rewrites FAMILY/cases with what each case gets now (comment lines kept):
# for a new case, whose result a person then reads line by line.
set -u
here=$(cd "$(dirname "$0")" && pwd)
for family in "$@"; do
    f=$here/$family/cases
    { grep -a '^#' "$f"; HOSTILE_RECORD=1 "$here/run.sh" "$family" | grep -av '^hostile: '; } >"$f.new"
    mv "$f.new" "$f"
done
