# PDFs made from a sanya document: damaged, encrypted, rewritten by qpdf,
# with attachments whose names or sizes are hostile, and raw PDFs written
# here byte by byte. Without qpdf the qpdf-made ones are left out and their
# cases fail: qpdf is one of sanya's dependencies (make deps).
set -e
sanya build min.yaml -o doc.pdf 2>/dev/null
att() { # att OUT FILENAME: doc.pdf with min.yaml attached again as FILENAME
    qpdf doc.pdf --add-attachment min.yaml --key="k$RANDOM" --filename="$2" -- "$1"
}
printf 'just text\n' >text.pdf
: >empty.pdf
printf '%%PDF-1.7\n' >header-only.pdf
head -c "$(($(stat -c %s doc.pdf) / 2))" doc.pdf >half.pdf
head -c "$(($(stat -c %s doc.pdf) - 40))" doc.pdf >no-trailer.pdf
{ printf '%%PDF-1.7\n'; head -c 20000 /dev/urandom; } >garbage.pdf
qpdf --encrypt user owner 256 -- doc.pdf locked.pdf
qpdf --encrypt '' owner 256 -- doc.pdf open-encrypted.pdf
qpdf --allow-weak-crypto --encrypt user owner 40 -- doc.pdf rc4.pdf
qpdf --object-streams=generate doc.pdf objstm.pdf
qpdf --linearize doc.pdf linear.pdf
qpdf --empty --pages doc.pdf -- no-attachments.pdf
att dotdot.pdf ../evil.yaml
att absolute.pdf /tmp/evil.yaml
att slash.pdf sub/evil.yaml
att backslash.pdf 'sub\evil.yaml'
att dot.pdf .
att dotdot-only.pdf ..
att hidden.pdf .bashrc
att newline.pdf "$(printf 'a\nb.yaml')"
att escape.pdf "$(printf 'x\033[2J.yaml')"
att long.pdf "$(printf 'n%.0s' $(seq 300)).yaml"
att latin1.pdf "$(printf 'caf\xe9.yaml')"
qpdf doc.pdf --add-attachment min.yaml --key=twin-a --filename=twin.yaml -- dup-a.pdf
qpdf dup-a.pdf --add-attachment min.yaml --key=twin-b --filename=twin.yaml -- dup.pdf
python3 - <<'PY'
import zlib
def pdf(objs):
    out = b"%PDF-1.7\n"; offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out
def doc(stream_dict, data, name=b"a.yaml"):
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(" + name + b") 4 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Type /Filespec /F (" + name + b") /UF (" + name + b") /EF << /F 5 0 R >> >>",
        b"<< /Type /EmbeddedFile " + stream_dict + b" >>\nstream\n" + data + b"\nendstream"])
small = b"id: x\n"
open("raw-ok.pdf", "wb").write(doc(b"/Length %d" % len(small), small))
open("declared-size-huge.pdf", "wb").write(doc(b"/Length %d /Params << /Size 999999999999999 >>" % len(small), small))
open("length-huge.pdf", "wb").write(doc(b"/Length 99999999999", small))
open("length-negative.pdf", "wb").write(doc(b"/Length -5", small))
bomb = zlib.compress(b"\0" * (300 * 1024 * 1024), 9)
open("flate-bomb.pdf", "wb").write(doc(b"/Length %d /Filter /FlateDecode" % len(bomb), bomb))
open("bad-flate.pdf", "wb").write(doc(b"/Length 9 /Filter /FlateDecode", b"not flate"))
open("unknown-filter.pdf", "wb").write(doc(b"/Length %d /Filter /NoSuchDecode" % len(small), small))
open("name-not-string.pdf", "wb").write(doc(b"/Length %d" % len(small), small, b"a.yaml) /F 7 (x"))
loop = pdf([b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>",
            b"<< /Kids [3 0 R] >>"])
open("names-loop.pdf", "wb").write(loop)
deep = pdf([b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Kids " + b"[<< /Kids " * 5000 + b"[]" + b" >>]" * 5000 + b" >> >> >>",
            b"<< /Type /Pages /Kids [] /Count 0 >>"])
open("names-deep.pdf", "wb").write(deep)
PY
mkfifo fifo.pdf
mkdir folder.pdf
mkdir trap && ln -s /tmp/sanya-hostile-must-not-exist.yaml trap/min.yaml
mkdir has-file && echo keep >has-file/min.yaml
