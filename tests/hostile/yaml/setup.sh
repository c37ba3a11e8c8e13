# Makes the hostile variants of min.yaml (a valid agreement) that are huge,
# deep or made of bytes an editor would not keep.
python3 - <<'PY'
src = open("min.yaml", "rb").read()
def w(name, data):
    open(name, "wb").write(data if isinstance(data, bytes) else data.encode())
def sub(old, new, s=src):
    assert old in s, old
    return s.replace(old, new, 1)
w("bom.yaml", b"\xef\xbb\xbf" + src)
w("bom-twice.yaml", b"\xef\xbb\xbf\xef\xbb\xbf" + src)
w("crlf.yaml", src.replace(b"\n", b"\r\n"))
w("cr-only.yaml", src.replace(b"\n", b"\r"))
w("utf16.yaml", src.decode().encode("utf-16"))
w("utf32.yaml", src.decode().encode("utf-32"))
w("nul-value.yaml", sub(b"Purpose", b"Pur\x00pose"))
w("nul-end.yaml", src + b"\x00")
w("bad-utf8-value.yaml", sub(b"Purpose", b"Pur\xffpose"))
w("bad-utf8-key.yaml", sub(b"place:", b"pl\xc3ace:"))
w("surrogate.yaml", sub(b"Purpose", b"Pur\xed\xa0\x80pose"))
w("overlong-nul.yaml", sub(b"Purpose", b"Pur\xc0\x80pose"))
w("tab-indent.yaml", sub(b"    kind: ngo", b"\tkind: ngo"))
w("tab-after-colon.yaml", sub(b"place: {", b"place:\t{"))
w("deep-seq.yaml", sub(b"place: {km", b"extra: " + b"[" * 100000 + b"]" * 100000 + b"\nplace: {km"))
w("deep-map.yaml", b"a:\n" + b"".join(b" " * i + b"b:\n" for i in range(1, 3000)))
w("deep-flow-map.yaml", b"x: " + b"{a: " * 50000 + b"}" * 50000 + b"\n")
w("unclosed-deep.yaml", b"x: " + b"[" * 200000 + b"\n")
laughs = b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
for i in range(1, 12):
    laughs += b"%c: &%c [" % (97 + i, 97 + i) + b", ".join([b"*%c" % (96 + i)] * 10) + b"]\n"
w("laughs.yaml", src + laughs)
w("huge-title.yaml", sub(b"en: Purpose}", b"en: " + b"P" * (7 * 1024 * 1024) + b"}"))
w("huge-key.yaml", src + b"k" * 2000000 + b": 1\n")
w("huge-file.yaml", src + b"#" + b" " * (8 * 1024 * 1024) + b"\n")
w("many-articles.yaml", src + b"".join(
    b"  - title: {km: \xe1\x9e\x80, en: T%d}\n    body: {km: \xe1\x9e\x81, en: B}\n" % i for i in range(20000)))
w("many-keys.yaml", src + b"".join(b"x%d: 1\n" % i for i in range(50000)))
w("rtl-id.yaml", sub(b"id: minimal", "id: mini\u202emal".encode()))
w("zwsp-id.yaml", sub(b"id: minimal", "id: mini\u200bmal".encode()))
w("homoglyph-key.yaml", sub(b"place:", "pl\u0430ce:".encode()))
w("nbsp-key.yaml", sub(b"place:", "place\u00a0:".encode()))
w("ls-in-title.yaml", sub(b"en: Purpose}", "en: \"Pur\u2028pose\"}".encode()))
w("bell-in-title.yaml", sub(b"en: Purpose}", b'en: "Pur\\apose"}'))
w("escape-nul.yaml", sub(b"en: Purpose}", b'en: "Pur\\0pose"}'))
w("noncharacter.yaml", sub(b"en: Purpose}", "en: \"Pur\ufffepose\"}".encode()))
w("private-use.yaml", sub(b"en: Purpose}", "en: \"Pur\ue000pose\"}".encode()))
PY
mkfifo fifo.yaml
mkdir folder.yaml
ln -s nowhere.yaml dangling.yaml
ln -s min.yaml link.yaml
