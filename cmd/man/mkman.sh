#!/bin/sh
# Writes the man page sanya(1) on stdout, made from the --help texts of the
# built program: `sanya --help` gives the synopsis, the description, the
# list of commands, the global options, the environment and the exit
# status; each command it lists gives its own subsection from `sanya
# COMMAND --help`. The help texts in cmd/*.c are the one source: a new
# command or option appears in the page once it appears in --help.
#
# usage: cmd/man/mkman.sh SANYA VERSION > sanya.1
set -eu
sanya=$1
version=$2
here=$(dirname "$0")
awkf="$here/help2roff.awk"
top=$(mktemp)
one=$(mktemp)
trap 'rm -f "$top" "$one"' EXIT
"$sanya" --help >"$top"

cat <<EOF
.\\" -*- coding: UTF-8 -*-
.\\" sanya(1), made by cmd/man/mkman.sh from the --help texts of sanya $version.
.\\" Do not edit: change the help text in cmd/ and rebuild.
.TH SANYA 1 "" "sanya $version" "User Commands"
.SH NAME
sanya \\- bilingual Khmer/English agreements (MOUs) from YAML data
EOF
# the top help up to its options, then every command, then the rest
sed -n '/^options:$/q;p' "$top" | awk -v top=1 -f "$awkf"
for cmd in $(sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$top"); do
    "$sanya" "$cmd" --help >"$one" || { echo "mkman.sh: sanya $cmd --help failed" >&2; exit 1; }
    awk -v cmd="$cmd" -f "$awkf" "$one"
done
sed -n '/^options:$/,$p' "$top" | awk -v top=1 -f "$awkf"
cat <<'EOF'
.SH FILES
.TP
.I PREFIX/share/sanya/templates
the installed templates (mou, letter\-en); a folder given with \-\-template
is used instead
.TP
.I PREFIX/share/sanya/fonts/manifest
the font roles and where their fonts are found
.SH "SEE ALSO"
.BR pdfsig (1),
.BR qpdf (1);
the documents under docs/ of the sanya sources: agreement\-schema.md,
templates.md, batch.md, signing.md, limits.md.
EOF
