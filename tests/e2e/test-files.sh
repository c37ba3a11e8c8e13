#!/usr/bin/env bash
# Lost files (issue 10): no command writes over one of its inputs, however
# the output is spelled (another path, a symbolic or hard link, the default
# output); extract never replaces a file without --force and never writes a
# hidden file; outputs that are not regular files (a pipe, a device, a
# folder) are refused before any work; a symbolic link is written through
# and stays a link; a replaced file keeps its mode; names up to 255 bytes
# work. Each refusal: its exit code, its message, the input's bytes as they
# were.
set -u
export SOURCE_DATE_EPOCH=1763856000
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

cd "$tmp" || exit 1
# Fresh inputs for each case, so that a case that destroys one (as before
# issue 10) does not make the next ones fail for that reason.
reset() {
    rm -f moi.yaml roster.yaml proof.txt
    cp "$root/examples/moi-aple-2025.yaml" moi.yaml
    cp "$root/examples/roster.yaml" roster.yaml
    cp "$root/examples/proof.txt" proof.txt
}
reset
sum() { sha256sum "$1" | cut -d' ' -f1; }

# expect NAME RC PATTERN FILE -- COMMAND...: COMMAND exits RC, its stderr
# matches PATTERN, and FILE (an input) has the same bytes as before.
expect() {
    local name=$1 want=$2 pattern=$3 file=$4 before rc=0
    shift 5
    reset
    before=$(sum "$file")
    "$@" >"$tmp/out.log" 2>"$tmp/err.log" || rc=$?
    if [ "$rc" -ne "$want" ]; then
        bad "$name: exit $rc, expected $want: $(head -c 400 "$tmp/err.log")"
    elif ! grep -q -- "$pattern" "$tmp/err.log"; then
        bad "$name: the message does not say '$pattern': $(head -c 400 "$tmp/err.log")"
    elif [ "$(sum "$file")" != "$before" ]; then
        bad "$name: $file changed"
    else
        ok "$name (exit $rc)"
    fi
}

# ---- Never over an input ----
expect "build -o the agreement" 64 "is the input" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o moi.yaml
mkdir sub
expect "build -o the agreement spelled differently" 64 "is the input" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o "$tmp/./sub/../moi.yaml"
ln -s moi.yaml link.yaml
expect "build -o a symbolic link to the agreement" 64 "is the input" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o link.yaml
[ -L link.yaml ] || bad "link.yaml is no longer a symbolic link"
expect "build -o a hard link to the agreement" 64 "is the input" moi.yaml -- \
    sh -c 'ln -f moi.yaml hard.yaml && exec "$0" build moi.yaml --roster roster.yaml -o hard.yaml' "$sanya"
cp moi.yaml x.pdf
expect "build x.pdf (the default output is the input)" 64 "is the input" x.pdf -- \
    "$sanya" build x.pdf --roster roster.yaml
expect "build -o the roster" 64 "is the input" roster.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o roster.yaml
cp -r "$root/templates/mou" tpl
expect "build -o a file of the --template folder" 64 "input folder" tpl/main.tpl -- \
    "$sanya" build moi.yaml --roster roster.yaml --template ./tpl -o tpl/main.tpl
expect "proof -o the text" 64 "is the input" proof.txt -- \
    "$sanya" proof proof.txt -o proof.txt
printf 'សេចក្តី\n' >words.txt
expect "proof -o the --words file" 64 "is the input" words.txt -- \
    "$sanya" proof proof.txt --words words.txt -o words.txt
expect "renew --force -o the roster" 64 "is the input" roster.yaml -- \
    "$sanya" renew moi.yaml --roster roster.yaml -o roster.yaml --force
mkdir batch-in
cp moi.yaml batch-in/moi.yaml
expect "batch --report an agreement of the input folder" 64 "input folder" batch-in/moi.yaml -- \
    "$sanya" batch batch-in -o batch-out --roster roster.yaml --report batch-in/moi.yaml
[ -e batch-out ] && bad "batch: the output folder was made before the refusal"
# Links are written through (below): a link in the output folder that leads
# to an input must not be (a guard for that choice; before it, the link was
# replaced).
mkdir batch-out
ln -s ../batch-in/moi.yaml batch-out/moi.pdf
expect "batch: an output that is a link to an input agreement" 65 "of the input folder" batch-in/moi.yaml -- \
    "$sanya" batch batch-in -o batch-out --roster roster.yaml
[ -L batch-out/moi.pdf ] || bad "batch: the link in the output folder was replaced"

# ---- Not a regular file: refused before any work ----
mkfifo fifo
expect "build -o a FIFO" 73 "a pipe (FIFO), not a regular file" moi.yaml -- \
    timeout 20 "$sanya" build moi.yaml --roster roster.yaml -o fifo
[ -p fifo ] || bad "the FIFO is no longer a FIFO"
expect "proof -o a FIFO" 73 "not a regular file" proof.txt -- \
    timeout 20 "$sanya" proof proof.txt -o fifo
[ -p fifo ] || bad "the FIFO is no longer a FIFO"
expect "build -o /dev/null" 73 "a device, not a regular file" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o /dev/null
[ -c /dev/null ] || bad "/dev/null is no longer a character device"
ln -s /dev/null null-link
expect "build -o a symbolic link to /dev/null" 73 "a device, not a regular file" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o null-link
[ -L null-link ] && [ -c /dev/null ] || bad "null-link or /dev/null changed"
mkdir folder.pdf
expect "build -o a folder" 73 "a folder, not a regular file" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o folder.pdf
[ -d folder.pdf ] || bad "folder.pdf is no longer a folder"
expect "build -o into a missing folder" 73 "does not exist" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o no-such-folder/moi.pdf
grep -q "wrote\|page" err.log && bad "missing folder: the build ran before the refusal"

# ---- Symbolic links are written through ----
reset
echo "old" >real.pdf
ln -s real.pdf out-link.pdf
if "$sanya" build moi.yaml --roster roster.yaml -o out-link.pdf 2>err.log; then
    [ -L out-link.pdf ] && [ "$(readlink out-link.pdf)" = real.pdf ] ||
        bad "build -o a symbolic link: the link was replaced"
    head -c 5 real.pdf | grep -q '%PDF-' || bad "build -o a symbolic link: the file it leads to is not the PDF"
    [ -L out-link.pdf ] && head -c 5 real.pdf | grep -q '%PDF-' && ok "build -o a symbolic link: written through, the link kept"
else
    bad "build -o a symbolic link failed: $(cat err.log)"
fi
ln -s missing.pdf dangling.pdf
expect "build -o a symbolic link to nothing" 73 "symbolic link to a file that does not exist" moi.yaml -- \
    "$sanya" build moi.yaml --roster roster.yaml -o dangling.pdf
[ -L dangling.pdf ] && [ ! -e missing.pdf ] || bad "dangling.pdf: the link changed or its target was made"

# ---- Modes ----
echo "secret" >private.pdf
chmod 600 private.pdf
"$sanya" proof proof.txt -o private.pdf 2>err.log || bad "proof -o private.pdf: $(cat err.log)"
mode=$(stat -c %a private.pdf)
[ "$mode" = 600 ] && ok "a replaced 0600 file stays 0600" || bad "private.pdf came back $mode, not 600"
chmod 640 real.pdf
"$sanya" proof proof.txt -o out-link.pdf 2>err.log || bad "proof -o out-link.pdf: $(cat err.log)"
mode=$(stat -c %a real.pdf)
[ "$mode" = 640 ] && [ -L out-link.pdf ] && ok "through a link: the file keeps 0640" ||
    bad "real.pdf came back $mode, not 640 (or the link went)"
(umask 027 && "$sanya" proof proof.txt -o new.pdf 2>err.log) || bad "proof -o new.pdf: $(cat err.log)"
mode=$(stat -c %a new.pdf)
[ "$mode" = 640 ] && ok "a new file gets 0666 less the umask (027: 640)" || bad "new.pdf is $mode, not 640"

# ---- Long names: the temporary name must not be what fails ----
mkdir long
for n in 248 251 255; do
    name=$(head -c $((n - 4)) /dev/zero | tr '\0' a).pdf
    for round in new replace; do
        if "$sanya" proof proof.txt -o "long/$name" 2>err.log && [ -s "long/$name" ]; then
            ok "a $n-byte name ($round)"
        else
            bad "a $n-byte name ($round): $(head -c 300 err.log)"
        fi
    done
done
[ "$(ls -A long | wc -l)" -eq 3 ] || bad "left beside the long names: $(ls -A long | grep -v '^a*\.pdf$')"

# ---- extract ----
reset
"$sanya" build moi.yaml --roster roster.yaml -o moi.pdf 2>err.log || bad "build moi.pdf: $(cat err.log)"
echo "echo hello" >payload
qpdf moi.pdf --add-attachment payload --filename=.bashrc --key=.bashrc -- dot.pdf ||
    bad "qpdf --add-attachment"
mkdir home
echo "# mine" >home/.bashrc
expect "extract an attachment named .bashrc in a home folder" 65 "'.bashrc' is not a plain file name" \
    home/.bashrc -- sh -c 'cd home && exec "$0" extract ../dot.pdf' "$sanya"
[ "$(ls -A home)" = .bashrc ] || bad "extract .bashrc: written into home: $(ls -A home)"
qpdf moi.pdf --add-attachment payload --filename="$(printf 'a\nb')" --key=nl -- nl.pdf ||
    bad "qpdf --add-attachment (newline)"
mkdir nl
expect "extract an attachment with a newline in its name" 65 "not a plain file name" moi.pdf -- \
    "$sanya" extract nl.pdf -o nl
[ -z "$(ls -A nl)" ] || bad "extract newline: wrote $(ls -A nl)"

mkdir cwd
echo "mine" >cwd/moi.yaml
expect "extract into the current folder over an existing file" 73 "exists; refused" cwd/moi.yaml -- \
    sh -c 'cd cwd && exec "$0" extract ../moi.pdf' "$sanya"
[ ! -e cwd/roster-used.yaml ] || bad "extract: another file was written before the refusal"
[ "$(cat cwd/moi.yaml)" = mine ] || bad "extract: the existing file changed"
if (cd cwd && "$sanya" extract ../moi.pdf --force >/dev/null 2>"$tmp/err.log") &&
    cmp -s cwd/moi.yaml moi.yaml && [ -s cwd/roster-used.yaml ]; then
    ok "extract --force replaces them"
else
    bad "extract --force: $(cat err.log)"
fi
mkdir same
cp moi.pdf same/moi.yaml # the PDF is named like its attachment
expect "extract --force over the PDF itself" 64 "is the input" same/moi.yaml -- \
    "$sanya" extract same/moi.yaml -o same --force
[ ! -e same/roster-used.yaml ] || bad "extract over the PDF: another file was written"
mkdir fifodir
mkfifo fifodir/roster-used.yaml
expect "extract --force onto a FIFO" 73 "not a regular file" moi.pdf -- \
    timeout 20 "$sanya" extract moi.pdf -o fifodir --force
[ -p fifodir/roster-used.yaml ] && [ ! -e fifodir/moi.yaml ] ||
    bad "extract onto a FIFO: the FIFO changed or another file was written"

mkdir linkdir
echo "elsewhere" >elsewhere.yaml
ln -s ../elsewhere.yaml linkdir/moi.yaml
expect "extract --force onto a symbolic link (a name the PDF chose)" 73 "is a symbolic link; refused" \
    elsewhere.yaml -- "$sanya" extract moi.pdf -o linkdir --force
[ -L linkdir/moi.yaml ] && [ ! -e linkdir/roster-used.yaml ] ||
    bad "extract onto a link: the link changed or another file was written"

[ "$fail" -eq 0 ] && echo "files: all checks passed"
exit "$fail"
