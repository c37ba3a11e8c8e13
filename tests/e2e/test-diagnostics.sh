#!/usr/bin/env bash
# Diagnostics people can read: into a pipe or a file, today's plain lines
# exactly; on a terminal (a pty made by script(1)) or with --color=always,
# compiler style with the source line, a caret under the column and the
# "did you mean" on its own line, coloured unless NO_COLOR or
# --color=never.
set -u
root=${SANYA_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
sanya=${SANYA:-$root/build/sanya}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad() { echo "FAIL: $*"; fail=1; }
esc=$(printf '\033')

cp "$root/tests/data/bad/unknown-key-suggest.yaml" "$tmp/a.yaml"
cd "$tmp" || exit 1
plain=$(tail -n +2 "$root/tests/data/bad/unknown-key-suggest.expected" | sed "s/unknown-key-suggest.yaml/a.yaml/")

# 1. A pipe: the plain lines, byte for byte, whatever --color says but always.
for opt in "" --color=auto --color=never "--color never"; do
    # shellcheck disable=SC2086
    got=$("$sanya" $opt check a.yaml 2>&1 >/dev/null)
    [ "$got" = "$plain" ] || bad "pipe with '$opt': got
$got"
done
NO_COLOR=1 "$sanya" check a.yaml 2>"$tmp/err" >/dev/null
[ "$(cat "$tmp/err")" = "$plain" ] || bad "NO_COLOR=1 into a file changed the plain lines"

# 2. --color=always (before or after the command): as on a terminal, coloured.
for args in "--color=always check a.yaml" "check a.yaml --color=always" "check --color always a.yaml"; do
    # shellcheck disable=SC2086
    "$sanya" $args 2>"$tmp/err" >/dev/null
    [ $? -eq 65 ] || bad "'$args' did not exit 65"
    grep -q "^${esc}\[1ma.yaml:3:1:${esc}\[0m ${esc}\[1;31merror:${esc}\[0m unknown key \"titel\"\$" \
        "$tmp/err" || bad "'$args': no coloured header"
done
sed "s/${esc}\[[0-9;]*m//g" "$tmp/err" >"$tmp/stripped"
cat >"$tmp/want" <<'EOF'
a.yaml:3:1: error: unknown key "titel"
    3 | titel: {km: អនុស្សរណៈនៃការយោគយល់គ្នា, en: Memorandum of Understanding}
      | ^~~~~
did you mean "title"?
a.yaml:12:5: error: parties[1]: unknown key "signatry"
   12 |     signatry:
      |     ^~~~~~~~
did you mean "signatory"?
EOF
head -8 "$tmp/stripped" | diff "$tmp/want" - >/dev/null ||
    bad "--color=always: the excerpt differs:
$(head -8 "$tmp/stripped" | diff "$tmp/want" -)"
grep -q "      | ${esc}\[1;32m^~~~~${esc}\[0m" "$tmp/err" || bad "the caret is not green"
grep -q "did you mean ${esc}\[1;32m\"title\"${esc}\[0m?" "$tmp/err" || bad "the suggestion is not green"

# 3. A bad --color value is a usage error.
"$sanya" --color=sometimes check a.yaml >/dev/null 2>"$tmp/err"
[ $? -eq 64 ] || bad "--color=sometimes did not exit 64"
grep -q "expects auto, always or never" "$tmp/err" || bad "--color=sometimes: no reason given"

# 4. A terminal (script(1) gives the command a pty): the excerpt, coloured
#    unless NO_COLOR is set and not empty or --color=never.
command -v script >/dev/null 2>&1 || bad "no script(1) (bsdutils) for the terminal checks"
if command -v script >/dev/null 2>&1; then
    pty() { script -qec "$1" /dev/null </dev/null | tr -d '\r'; }
    out=$(pty "'$sanya' check a.yaml")
    printf '%s\n' "$out" | grep -q "^${esc}\[1ma.yaml:3:1:" || bad "terminal: not coloured"
    printf '%s\n' "$out" | sed "s/${esc}\[[0-9;]*m//g" | head -8 | diff "$tmp/want" - >/dev/null ||
        bad "terminal: the excerpt differs"
    for env in "NO_COLOR=1" ""; do
        if [ -n "$env" ]; then out=$(pty "$env '$sanya' check a.yaml")
        else out=$(pty "'$sanya' --color=never check a.yaml"); fi
        case $out in *"$esc"*) bad "terminal with '${env:---color=never}': coloured" ;; esac
        printf '%s\n' "$out" | head -8 | diff "$tmp/want" - >/dev/null ||
            bad "terminal with '${env:---color=never}': the excerpt differs"
    done
    out=$(pty "NO_COLOR= '$sanya' check a.yaml")
    case $out in *"$esc"*) ;; *) bad "an empty NO_COLOR took the colours" ;; esac
fi

# 5. A template's line too, and a file that cannot be read shows no line.
cp -R "$root/templates/mou" "$tmp/tpl"
printf '{{ titel }}\n' >"$tmp/tpl/main.tpl.new"
cat "$tmp/tpl/main.tpl" >>"$tmp/tpl/main.tpl.new"
mv "$tmp/tpl/main.tpl.new" "$tmp/tpl/main.tpl"
"$sanya" --color=always build "$root/examples/moi-aple-2025.yaml" --roster "$root/examples/roster.yaml" \
    --template ./tpl -o out.pdf 2>&1 >/dev/null | sed "s/${esc}\[[0-9;]*m//g" >"$tmp/err"
printf '%s\n' "./tpl/main.tpl:1:4: error: unknown variable 'titel'" "    1 | {{ titel }}" \
    "      |    ^~~~~" "did you mean 'title'?" >"$tmp/want-tpl"
# (the plain one-line form, for comparison, ends with " (did you mean 'title'?)")
head -4 "$tmp/err" | diff "$tmp/want-tpl" - >/dev/null || bad "template excerpt:
$(cat "$tmp/err")"
"$sanya" build "$root/examples/moi-aple-2025.yaml" --roster "$root/examples/roster.yaml" \
    --template ./tpl -o out.pdf 2>&1 >/dev/null | grep -qx \
    "sanya: ./tpl/main.tpl:1:4: unknown variable 'titel' (did you mean 'title'?)" ||
    bad "template error: the plain line changed"
"$sanya" --color=always check missing.yaml 2>&1 >/dev/null | sed "s/${esc}\[[0-9;]*m//g" >"$tmp/err"
grep -qx "missing.yaml: error: cannot open: No such file or directory" "$tmp/err" ||
    bad "a missing file: $(cat "$tmp/err")"
# a problem in a file that is gone by the time it is shown: no line, no fuss
mkdir fifo-dir && mkfifo fifo-dir/p.yaml
"$sanya" --color=always check fifo-dir/p.yaml 2>&1 >/dev/null | sed "s/${esc}\[[0-9;]*m//g" >"$tmp/err"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || bad "a pipe as input: $(cat "$tmp/err")"

[ $fail -eq 0 ] && echo "test-diagnostics.sh: all passed"
exit $fail
