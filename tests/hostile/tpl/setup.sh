# Broken copies of templates/mou, one folder each: `mk NAME` copies the
# template, then the lines after it break one thing.
mk() { rm -rf "$1"; cp -R "$ROOT/templates/mou" "$1"; }
line() { printf '%s\n' "$2" >>"$1/main.tpl"; }   # a line appended to main.tpl
set -e
mk unclosed-expr; line unclosed-expr '{{ title.en'
mk unclosed-stmt; line unclosed-stmt '{% if title %}'
mk stray-endfor; line stray-endfor '{% endfor %}'
mk unknown-block; line unknown-block '::: nope'
mk unknown-filter; line unknown-filter '{{ title.en | shout }}'
mk unknown-var; line unknown-var '{{ titel.en }}'
mk unknown-role; printf '::: style nope\nx\n:::\n' >>unknown-role/main.tpl
mk unknown-image; line unknown-image '\image nope'
mk unknown-command; line unknown-command '\explode'
mk space-huge; line space-huge '\space 99999pt'
mk space-nan; line space-nan '\space nan'
mk self-include; line self-include '{% include "main" %}'
mk include-dotdot; line include-dotdot '{% include "../min.yaml" %}'
mk include-absolute; line include-absolute '{% include "/etc/passwd" %}'
mk include-backslash; line include-backslash '{% include "clauses\\term" %}'
mk include-missing; line include-missing '{% include "clauses/nope" %}'
mk include-symlink; ln -s /etc/passwd include-symlink/clauses/passwd.tpl; line include-symlink '{% include "clauses/passwd" %}'
mk include-fifo; mkfifo include-fifo/clauses/fifo.tpl; line include-fifo '{% include "clauses/fifo" %}'
mk include-dev; ln -s /dev/zero include-dev/clauses/zero.tpl; line include-dev '{% include "clauses/zero" %}'
mk include-folder; mkdir include-folder/clauses/dir.tpl; line include-folder '{% include "clauses/dir" %}'
mk include-expr; line include-expr '{% include title.en %}'
mk entry-fifo; rm entry-fifo/main.tpl; mkfifo entry-fifo/main.tpl
mk entry-missing; rm entry-missing/main.tpl
mk entry-huge; head -c $((1024 * 1024 + 1)) /dev/zero | tr '\0' 'x' >entry-huge/main.tpl
mk entry-nul; printf 'a\0b\n' >>entry-nul/main.tpl
# found by fuzz_template: each of 10,000 iterations makes a 10,000-item
# list; filters' results count as steps, so it stops at the step limit
mk filter-work; line filter-work '{% for i in 10000 | range %}{% if (10000 | range | length) == 0 %}x{% endif %}{% endfor %}'
mk entry-bad-utf8; printf 'caf\xe9\n' >>entry-bad-utf8/main.tpl
mk entry-bom; { printf '\xef\xbb\xbf'; cat "$ROOT/templates/mou/main.tpl"; } >entry-bom/main.tpl
mk entry-crlf; sed -i 's/$/\r/' entry-crlf/main.tpl
mk deep-parens; line deep-parens "{{ $(printf '(%.0s' {1..40})title.en$(printf ')%.0s' {1..40}) }}"
mk deep-not; line deep-not "{% if $(printf 'not %.0s' {1..5000})title %}x{% endif %}"
mk deep-keep; { for i in $(seq 100); do echo '::: keep'; done; for i in $(seq 100); do echo ':::'; done; } >>deep-keep/main.tpl
mk runaway-range; printf '{%% for i in 1000000 | range %%}\n{%% endfor %%}\n' >>runaway-range/main.tpl
mk long-line; { printf 'x%.0s' $(seq 70000); echo; } >>long-line/main.tpl
mk no-manifest; rm no-manifest/manifest
mk manifest-empty; : >manifest-empty/manifest
mk manifest-unknown-key; echo 'colour: red' >>manifest-unknown-key/manifest
mk manifest-twice; echo 'name: again' >>manifest-twice/manifest
mk manifest-entry-escape; sed -i 's/^entry: .*/entry: ..\/min.yaml/' manifest-entry-escape/manifest
mk manifest-bad-layout; sed -i 's/^layout: .*/layout: diagonal/' manifest-bad-layout/manifest
mk manifest-fifo; rm manifest-fifo/manifest; mkfifo manifest-fifo/manifest
mk style-missing; rm style-missing/style.yaml
mk style-fifo; rm style-fifo/style.yaml; mkfifo style-fifo/style.yaml
mk style-syntax; echo 'page: {size: A4' >>style-syntax/style.yaml
mk style-page; sed -i 's/^  size: A4 .*/  size: A55/' style-page/style.yaml
mk style-margins; sed -i 's/^  margins: .*/  margins: {top: 200mm, right: 150mm, bottom: 200mm, left: 150mm}/' style-margins/style.yaml
mk style-negative; sed -i 's/^  margins: .*/  margins: -5mm/' style-negative/style.yaml
mk style-font-role; sed -i '0,/km: khmer-body/s//km: khmer-comic/' style-font-role/style.yaml
mk style-role-font; sed -i '/^  body:/{n;s/en: latin-body/en: latin-comic/}' style-role-font/style.yaml
mk style-colour; sed -i 's/color: \[0.7, 0, 0\]/color: "#00000G"/' style-colour/style.yaml
mk style-deep; printf 'x: %s%s\n' "$(printf '[%.0s' {1..200})" "$(printf ']%.0s' {1..200})" >>style-deep/style.yaml
mk style-aliases
python3 - <<'PY'
import os, struct, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
def png(w, h, data=None):
    raw = data if data is not None else zlib.compress(b"".join(b"\0" + b"\0" * (w * 3) for _ in range(h)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
def image_tpl(name, blob, fname="emblem.png"):
    with open(f"{name}/style.yaml", "a") as f:
        f.write(f"images:\n  emblem:\n    file: {fname}\n    width: 20mm\n")
    with open(f"{name}/main.tpl", "a") as f:
        f.write("\\image emblem\n")
    if blob is not None:
        open(f"{name}/{fname}", "wb").write(blob)
aliases = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
prev = "a"
for c in "bcdefghij":
    aliases += f"{c}: &{c} [" + ", ".join(["*" + prev] * 10) + "]\n"; prev = c
open("style-aliases/style.yaml", "a").write(aliases)
for n in ["image-ok", "image-text", "image-truncated", "image-huge-dims", "image-zero-dims",
          "image-bad-zlib", "image-jpeg-truncated", "image-over-limit", "image-missing",
          "image-symlink", "image-dotdot", "image-fifo"]:
    os.system(f"rm -rf {n}; cp -R $ROOT/templates/mou {n}")
image_tpl("image-ok", png(4, 4))
image_tpl("image-text", b"not a picture\n")
image_tpl("image-truncated", png(4, 4)[:30])
image_tpl("image-huge-dims", png(1000000, 1000000, zlib.compress(b"\0" * 100)))
image_tpl("image-zero-dims", png(0, 0, zlib.compress(b"")))
image_tpl("image-bad-zlib", png(4, 4, b"garbage garbage"))
image_tpl("image-jpeg-truncated", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "emblem.jpg")
image_tpl("image-over-limit", png(4, 4) + b"\0" * (4 * 1024 * 1024))
image_tpl("image-missing", None)
image_tpl("image-symlink", None); os.symlink("/etc/hostname", "image-symlink/emblem.png")
image_tpl("image-dotdot", None, "../min.yaml")
image_tpl("image-fifo", None); os.mkfifo("image-fifo/emblem.png")
PY
touch not-a-folder
ln -s "$ROOT/templates/mou" linked-mou
