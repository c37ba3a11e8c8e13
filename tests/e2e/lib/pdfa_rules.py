#!/usr/bin/python3
"""The rules of ISO 19005-3 (PDF/A-3), level b, that a sanya PDF touches,
checked on one file. Reads the raw bytes (header, trailer) and qpdf's JSON
of the objects (qpdf --json=2 --json-stream-data=inline), and the embedded
font programs with fontTools. Prints "ok: <clause> <rule>" for each rule
kept and "FAIL: ..." for each broken; exit 1 when any is broken.

It is not a validator: rules about features sanya never writes (optional
content, transparency groups, Type 3 fonts, 3D, ...) are checked only so far
as "the feature is absent". veraPDF is the reference; it is not packaged
for Debian.

usage: pdfa_rules.py FILE.pdf QPDF_JSON RAW_JSON
(QPDF_JSON: qpdf --json=2 --json-stream-data=inline --decode-level=generalized;
RAW_JSON: qpdf --json=2 --json-stream-data=none, whose stream dictionaries
keep their /Filter)
"""
import base64
import io
import re
import sys
import xml.etree.ElementTree as ET

import json

pdf_path, json_path, raw_json_path = sys.argv[1], sys.argv[2], sys.argv[3]
raw_objs = json.load(open(raw_json_path))["qpdf"][1]
raw = open(pdf_path, "rb").read()
objs = json.load(open(json_path))["qpdf"][1]
trailer = objs["trailer"]["value"]
failed = False


def ok(clause, what):
    print(f"ok: {clause} {what}")


def fail(clause, what):
    global failed
    failed = True
    print(f"FAIL: {clause} {what}")


def check(cond, clause, what):
    (ok if cond else fail)(clause, what)


def obj(ref):
    """The object ref names (an indirect reference "n g R") or ref itself."""
    if isinstance(ref, str) and re.fullmatch(r"\d+ \d+ R", ref):
        return objs.get("obj:" + ref, {})
    return {"value": ref}


def val(ref):
    o = obj(ref)
    return o["stream"]["dict"] if "stream" in o else o.get("value")


def data(ref):
    return base64.b64decode(obj(ref)["stream"]["data"])


def text(s):
    """A PDF string as qpdf's JSON gives it (u: text, b: hex bytes)."""
    if s.startswith("u:"):
        return s[2:]
    b = bytes.fromhex(s[2:])
    if b[:2] == b"\xfe\xff":
        return b[2:].decode("utf-16-be")
    return b.decode("latin-1")


def walk(v):
    yield v
    if isinstance(v, dict):
        for x in v.values():
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)


catalog = val(trailer["/Root"])
info = val(trailer.get("/Info")) or {}

# 6.1.2 File header: %PDF-1.n at byte 0, then a comment of 4+ bytes > 127.
m = re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)%([\x80-\xff]{4,})(\r\n|\r|\n)", raw)
check(m is not None, "6.1.2", "header %PDF-1.n then a binary comment line")

# 6.1.3 File trailer: an /ID, no /Encrypt; nothing after %%EOF but an EOL.
ids = trailer.get("/ID")
check(isinstance(ids, list) and len(ids) == 2, "6.1.3", "trailer /ID with two strings")
check("/Encrypt" not in trailer, "6.1.3", "no /Encrypt in the trailer (no encryption)")
check(re.search(rb"%%EOF(\r\n|\r|\n)?$", raw) is not None, "6.1.3", "nothing after %%EOF")

# 6.1.7.1 Streams: no external files (F, FFilter, FDecodeParms).
streams = [o["stream"]["dict"] for o in objs.values() if isinstance(o, dict) and "stream" in o]
check(all(not ({"/F", "/FFilter", "/FDecodeParms"} & set(s)) for s in streams), "6.1.7.1",
      f"no stream refers to an external file ({len(streams)} streams)")
# 6.1.7.1 The stream keyword followed by CR LF or LF, endstream after an EOL
# (the Length qpdf --check verifies).
after = re.findall(rb">>\s*stream(\r\n|\n|\r|.)", raw)
before = re.findall(rb"(.)endstream", raw)
check(after and all(a in (b"\r\n", b"\n") for a in after) and all(b in (b"\n", b"\r") for b in before),
      "6.1.7.1", f"stream/endstream keywords with their end-of-line markers ({len(after)} streams)")

# 6.1.7.2 Filters: no LZWDecode (nor Crypt).
filters = set()
for s in [o["stream"]["dict"] for o in raw_objs.values() if isinstance(o, dict) and "stream" in o]:
    f = s.get("/Filter")
    filters.update(f if isinstance(f, list) else [f] if f else [])
check(not ({"/LZWDecode", "/Crypt"} & filters), "6.1.7.2",
      f"no LZW or Crypt filter (filters used: {' '.join(sorted(filters)) or 'none'})")

# 6.1.13 Implementation limits that sanya's writer could reach.
strings = [x for o in objs.values() for x in walk(o.get("value", o.get("stream", {}).get("dict")))
           if isinstance(x, str) and x[:2] in ("u:", "b:")]
check(all(len(text(s).encode("utf-16-be")) <= 32767 for s in strings), "6.1.13",
      "no string longer than 32767 bytes")
check(len(objs) - 1 <= 8388607, "6.1.13", "fewer than 8388607 indirect objects")

# 6.2.2 Output intent: one GTS_PDFA1 intent with an ICC profile of N 3.
intents = [val(i) for i in (val(catalog.get("/OutputIntents")) or [])]
pdfa_intents = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
check(len(pdfa_intents) >= 1, "6.2.2", "an /OutputIntents entry with /S /GTS_PDFA1")
profiles = {i.get("/DestOutputProfile") for i in pdfa_intents}
check(len(profiles) == 1, "6.2.2", "every PDF/A output intent has the same DestOutputProfile")
icc_n = None
for i in pdfa_intents[:1]:
    p = i.get("/DestOutputProfile")
    icc = data(p)
    icc_n = val(p).get("/N")
    check(icc_n == 3 and icc[16:20] == b"RGB " and icc[36:40] == b"acsp" and icc[8] in (2, 4),
          "6.2.2", f"DestOutputProfile is an RGB ICC profile v{icc[8]} ({len(icc)} bytes), /N {icc_n}")
    check(i.get("/OutputConditionIdentifier") is not None, "6.2.2",
          f"OutputConditionIdentifier {text(i['/OutputConditionIdentifier'])!r}")

# 6.2.4.3 Device colour spaces: DeviceRGB only with an RGB output intent,
# DeviceCMYK never here (the intent is RGB). Checked in resources, images
# and in the content streams' operators.
spaces = set()
for o in objs.values():
    for x in walk(o.get("value", o.get("stream", {}).get("dict"))):
        if x in ("/DeviceRGB", "/DeviceCMYK", "/DeviceGray"):
            spaces.add(x)
ops = set()
pages = [p["value"] for p in objs.values() if isinstance(p.get("value"), dict) and p["value"].get("/Type") == "/Page"]
contents = [c for p in pages for c in (p["/Contents"] if isinstance(p.get("/Contents"), list) else [p.get("/Contents")]) if c]
contents += [k[4:] for k, o in objs.items() if "stream" in o and o["stream"]["dict"].get("/Subtype") == "/Form"]
for c in contents:
    for op in re.findall(rb"(?:^|\s)(rg|RG|k|K|g|G|cs|CS)(?=\s|$)", data(c)):
        ops.add(op.decode())
check("/DeviceCMYK" not in spaces and not ({"k", "K"} & ops), "6.2.4.3",
      "no DeviceCMYK (the output intent is RGB)")
check(not ({"/DeviceRGB"} & spaces or {"rg", "RG"} & ops) or icc_n == 3, "6.2.4.3",
      f"DeviceRGB used ({' '.join(sorted(spaces | ops))} in {len(contents)} content streams) only with an RGB output intent")

# 6.2.5 Graphics state: no TR, TR2 other than Default, no HTP, no
# undefined rendering intents.
gs = [v for o in objs.values() for v in [o.get("value")] if isinstance(v, dict) and v.get("/Type") == "/ExtGState"]
check(all("/TR" not in g and g.get("/TR2", "/Default") == "/Default" and "/HTP" not in g for g in gs),
      "6.2.5", f"no transfer functions or halftone phases ({len(gs)} ExtGState)")

# 6.2.8 Images: no /Alternates, no /OPI, /Interpolate not true.
imgs = [s for s in streams if s.get("/Subtype") == "/Image"]
check(all("/Alternates" not in i and "/OPI" not in i and i.get("/Interpolate") is not True for i in imgs),
      "6.2.8", f"images without Alternates, OPI or Interpolate ({len(imgs)} images)")
check(all(i.get("/ColorSpace") != "/DeviceCMYK" for i in imgs), "6.2.8",
      "no DeviceCMYK image")

# 6.2.9 XObjects: no PostScript XObjects, no /Ref (reference XObjects), no OPI.
forms = [s for s in streams if s.get("/Subtype") in ("/Form", "/PS")]
check(all(f.get("/Subtype") != "/PS" and "/Ref" not in f and "/OPI" not in f and
          f.get("/Subtype2") != "/PS" for f in forms),
      "6.2.9", f"no PostScript or reference XObjects ({len(forms)} forms)")

# 6.2.10 Transparency: a transparency group is allowed with the output
# intent; none of the forbidden blend modes.
bms = {g.get("/BM") for g in gs if "/BM" in g}
check(bms <= {"/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay", "/Darken", "/Lighten",
              "/ColorDodge", "/ColorBurn", "/HardLight", "/SoftLight", "/Difference", "/Exclusion",
              "/Hue", "/Saturation", "/Color", "/Luminosity"},
      "6.2.10", "only the blend modes of ISO 32000-1")

# 6.2.11 Fonts.
fonts = [v for o in objs.values() for v in [o.get("value")] if isinstance(v, dict) and v.get("/Type") == "/Font"]
simple = [f for f in fonts if f.get("/Subtype") in ("/Type1", "/TrueType", "/MMType1", "/Type3")]
check(not simple, "6.2.11", f"only composite (Type0) fonts ({len(fonts)} font dictionaries)")
cid = [f for f in fonts if f.get("/Subtype") in ("/CIDFontType0", "/CIDFontType2")]
type0 = [f for f in fonts if f.get("/Subtype") == "/Type0"]
for t0 in type0:
    desc = [val(x) for x in val(t0["/DescendantFonts"])]
    si = desc[0].get("/CIDSystemInfo", {})
    enc = t0.get("/Encoding")
    check(enc == "/Identity-H" and text(si.get("/Registry", "u:")) == "Adobe" and
          text(si.get("/Ordering", "u:")) == "Identity",
          "6.2.11.3.1", f"{t0['/BaseFont']}: Identity-H with CIDSystemInfo Adobe-Identity")
try:
    from fontTools.ttLib import TTFont
except ImportError:
    TTFont = None
for f in cid:
    name = f["/BaseFont"]
    fd = val(f["/FontDescriptor"])
    check("/FontFile2" in fd and f["/Subtype"] == "/CIDFontType2", "6.2.11.4.1",
          f"{name}: embedded (FontFile2 on its descriptor)")
    check(re.fullmatch(r"/[A-Z]{6}\+.+", name) is not None and fd.get("/FontName") == name,
          "6.2.11.4.1", f"{name}: subset tag, FontName equal to BaseFont")
    cmap = f.get("/CIDToGIDMap")
    check(cmap == "/Identity" or (isinstance(cmap, str) and cmap.endswith(" R")), "6.2.11.3.2",
          f"{name}: /CIDToGIDMap (a stream)")
    gidmap = data(cmap) if cmap != "/Identity" else None
    prog = data(fd["/FontFile2"])
    if TTFont is None:
        fail("6.2.11.5", f"{name}: python3-fonttools missing, cannot read the font program")
        continue
    tt = TTFont(io.BytesIO(prog))
    order = tt.getGlyphOrder()
    hmtx = tt["hmtx"]
    upem = tt["head"].unitsPerEm
    # W: CID -> width; every CID of the map (the CIDs the font can show).
    widths, W, i = {}, val(f.get("/W", [])), 0
    while i < len(W):
        if isinstance(W[i + 1], list):
            for n, w in enumerate(W[i + 1]):
                widths[W[i] + n] = w
            i += 2
        else:
            for c in range(W[i], W[i + 1] + 1):
                widths[c] = W[i + 2]
            i += 3
    ncid = len(gidmap) // 2 if gidmap else len(order)
    bad, missing = [], []
    for c in range(ncid):
        g = gidmap[2 * c] << 8 | gidmap[2 * c + 1] if gidmap else c
        if g >= len(order):
            missing.append(c)
            continue
        w = widths.get(c, f.get("/DW", 1000))
        adv = hmtx[order[g]][0] * 1000 / upem
        if abs(adv - w) > 1:
            bad.append((c, w, adv))
    check(not missing, "6.2.11.4.1", f"{name}: every CID's glyph is in the font program ({ncid} CIDs)")
    check(not bad, "6.2.11.5",
          f"{name}: /W widths equal the font program's advances ({ncid} CIDs)" +
          (f"; first mismatches (cid, W, hmtx): {bad[:3]}" if bad else ""))
    if "/CIDSet" in fd:
        cs = data(fd["/CIDSet"])
        present = {c for c in range(ncid)}
        inset = {c for c in range(len(cs) * 8) if cs[c // 8] & (0x80 >> (c % 8))}
        check(present <= inset, "6.2.11.4.2", f"{name}: CIDSet lists every CID")
    else:
        ok("6.2.11.4.2", f"{name}: no CIDSet (optional in PDF/A-3)")

# 6.3 Annotations: allowed subtypes, F with Print and without Hidden,
# Invisible, NoView, ToggleNoView; an appearance /AP /N for every one (a
# stream, or for Btn fields a dictionary of streams); no /A or /AA on widgets.
annots = [val(a) for p in objs.values() if isinstance(p.get("value"), dict) and p["value"].get("/Type") == "/Page"
          for a in (val(p["value"].get("/Annots")) or [])]
allowed = {"/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine",
           "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup",
           "/FileAttachment", "/Widget", "/PrinterMark", "/TrapNet", "/Watermark", "/Redact", "/Projection"}
check(all(a.get("/Subtype") in allowed for a in annots), "6.3.1",
      f"only permitted annotation types ({len(annots)} annotations)")
check(all(isinstance(a.get("/F"), int) and a["/F"] & 4 and not a["/F"] & (1 | 2 | 32 | 256) for a in annots),
      "6.3.2", "every annotation printed (F has Print; no Invisible, Hidden, NoView, ToggleNoView)")
def has_ap(a):
    n = (a.get("/AP") or {}).get("/N")
    if a.get("/Subtype") in ("/Popup", "/Link"):
        return True
    if a.get("/FT") == "/Btn":
        return isinstance(val(n), dict) and "stream" not in obj(n)
    return isinstance(n, str) and "stream" in obj(n)
check(all(has_ap(a) for a in annots), "6.3.3", "every annotation has an /AP /N appearance stream")
check(all(set(a.get("/AP", {})) <= {"/N"} for a in annots), "6.3.3", "appearance dictionaries hold /N only")
# 6.4.1 Interactive forms: widgets without /A, /AA; NeedAppearances not true; no XFA.
check(all("/A" not in a and "/AA" not in a for a in annots if a.get("/Subtype") == "/Widget"),
      "6.4.1", "no actions on widget annotations")
form = val(catalog.get("/AcroForm")) or {}
check(form.get("/NeedAppearances") is not True and "/XFA" not in form, "6.4.1/6.4.2",
      "AcroForm without NeedAppearances true or XFA")

# 6.5 Actions: no JavaScript, Launch, Sound, Movie, ResetForm, ImportData,
# Hide, SetOCGState, Rendition, Trans, GoTo3DView; no /AA on the catalog or pages; no /JavaScript name tree.
forbidden = {"/JavaScript", "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide",
             "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}
actions = [v for o in objs.values() for v in walk(o.get("value"))
           if isinstance(v, dict) and "/S" in v and (v.get("/Type") == "/Action" or "/JS" in v or v["/S"] in forbidden)]
check(not [a for a in actions if a["/S"] in forbidden], "6.5.1", "no forbidden actions (JavaScript, Launch, ...)")
check("/JavaScript" not in (val(catalog.get("/Names")) or {}) and "/AA" not in catalog and
      not [p for p in objs.values() if isinstance(p.get("value"), dict) and p["value"].get("/Type") == "/Page" and "/AA" in p["value"]],
      "6.5.2", "no /JavaScript name tree, no /AA on the catalog or pages")

# 6.6.2 Metadata: the catalog's /Metadata, an XMP packet without bytes or
# encoding attributes, well-formed RDF.
meta_ref = catalog.get("/Metadata")
check(meta_ref is not None and val(meta_ref).get("/Subtype") == "/XML" and val(meta_ref).get("/Type") == "/Metadata",
      "6.6.2.1", "catalog /Metadata, /Type /Metadata /Subtype /XML")
xmp = data(meta_ref) if meta_ref else b""
head = re.match(rb"<\?xpacket ([^?]*)\?>", xmp)
check(head is not None and b"bytes=" not in head.group(1) and b"encoding=" not in head.group(1),
      "6.6.2.1", "xpacket header without bytes or encoding attributes")
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/", "x": "adobe:ns:meta/"}
try:
    root = ET.fromstring(xmp.decode("utf-8"))
    ok("6.6.2.1", "XMP is well-formed XML (UTF-8)")
except Exception as e:
    root = None
    fail("6.6.2.1", f"XMP is not well-formed: {e}")


def prop(path):
    if root is None:
        return None
    for d in root.iter(f"{{{NS['rdf']}}}Description"):
        e = d.find(path, NS)
        if e is not None:
            lis = e.findall(".//rdf:li", NS)
            return lis[0].text if lis else e.text
        a = d.get("{%s}%s" % (NS[path.split(':')[0]], path.split(':')[1])) if ":" in path and "/" not in path else None
        if a is not None:
            return a
    return None


# 6.6.4 PDF/A identification.
check(prop("pdfaid:part") == "3", "6.6.4", f"pdfaid:part = {prop('pdfaid:part')}")
check(prop("pdfaid:conformance") == "B", "6.6.4", f"pdfaid:conformance = {prop('pdfaid:conformance')}")


# 6.6.2.3.1 Info and XMP agree: Title/dc:title, Author/dc:creator,
# Subject/dc:description, Keywords/pdf:Keywords, Creator/xmp:CreatorTool,
# Producer/pdf:Producer, CreationDate/xmp:CreateDate, ModDate/xmp:ModifyDate.
def pdf_date(s):
    m = re.fullmatch(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?\d\d'?)?(?:Z00'00')?", s)
    if not m:
        return None
    y, mo, d, h, mi, se, z = m.groups()
    z = "+00:00" if z in (None, "Z") else z[0] + z[1:3] + ":" + z[-3:-1] if z.endswith("'") else z[0] + z[1:3] + ":" + z[-2:]
    return f"{y}-{mo or '01'}-{d or '01'}T{h or '00'}:{mi or '00'}:{se or '00'}{z}"


def xmp_date(s):
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:T(\d\d):(\d\d)(?::(\d\d))?(Z|[+-]\d\d:\d\d)?)?", s or "")
    if not m:
        return None
    y, mo, d, h, mi, se, z = m.groups()
    return f"{y}-{mo or '01'}-{d or '01'}T{h or '00'}:{mi or '00'}:{se or '00'}{'+00:00' if z in (None, 'Z') else z}"


pairs = [("/Title", "dc:title"), ("/Author", "dc:creator"), ("/Subject", "dc:description"),
         ("/Keywords", "pdf:Keywords"), ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer")]
for key, xp in pairs:
    if key in info:
        check(text(info[key]) == prop(xp), "6.6.2.3.1", f"Info {key} = XMP {xp} ({text(info[key])[:40]!r})")
for key, xp in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
    if key in info:
        a, b = pdf_date(text(info[key])), xmp_date(prop(xp))
        check(a is not None and a == b, "6.6.2.3.1", f"Info {key} {text(info[key])} = XMP {xp} {prop(xp)}")
        # A date without time or zone is "unknown local time": PDF/A
        # validators compare instants, so both carry a time and a zone.
        check(re.search(r"[+-]\d\d'\d\d'?$|Z$", text(info[key])) is not None and
              re.search(r"T\d\d:\d\d(:\d\d)?(Z|[+-]\d\d:\d\d)$", prop(xp) or "") is not None,
              "6.6.2.3.1", f"{key} and {xp} give a time and a zone")

# 6.8 Embedded files: each file specification with /F and /UF, /AFRelationship,
# an /EF stream with /Subtype (MIME type) and /Params /ModDate; the catalog's
# /AF lists them.
names = (val((val(catalog.get("/Names")) or {}).get("/EmbeddedFiles")) or {}).get("/Names", [])
specs = names[1::2]
af = val(catalog.get("/AF")) or []
for ref in specs:
    spec = val(ref)
    fname = text(spec.get("/UF", spec.get("/F", "u:?")))
    check("/F" in spec and "/UF" in spec, "6.8", f"{fname}: file specification with /F and /UF")
    check(spec.get("/AFRelationship") in ("/Source", "/Data", "/Alternative", "/Supplement", "/Unspecified"),
          "6.8", f"{fname}: /AFRelationship {spec.get('/AFRelationship')}")
    ef = val(spec.get("/EF", {}))
    st = val(ef.get("/F"))
    check(st is not None and re.fullmatch(r"/[a-z]+#2F[A-Za-z0-9.+#-]+|/[a-z]+/[A-Za-z0-9.+-]+", st.get("/Subtype", "")) is not None,
          "6.8", f"{fname}: embedded file stream /Subtype {st.get('/Subtype') if st else None} (a MIME type)")
    params = val(st.get("/Params", {})) if st else {}
    check("/ModDate" in params and pdf_date(text(params["/ModDate"])) is not None, "6.8",
          f"{fname}: /Params /ModDate {text(params['/ModDate']) if '/ModDate' in params else None}, /Size {params.get('/Size')}")
    check(ref in af, "6.8", f"{fname}: listed in the catalog's /AF")
check(len(specs) == len(af), "6.8", f"/AF lists exactly the {len(specs)} attached files")

# 6.11 / 6.1.x The catalog: no /Requirements, no /NeedsRendering; /Perms
# only UR3 or DocMDP.
check("/Requirements" not in catalog and catalog.get("/NeedsRendering") is not True and
      set(val(catalog.get("/Perms")) or {}) <= {"/UR3", "/DocMDP"},
      "6.11", "catalog without /Requirements or NeedsRendering; /Perms only UR3 or DocMDP")

# 6.9 No optional content configuration sanya does not write; 6.10/6.11: no
# /Alternates presentations; no /PresSteps; no /Threads need nothing.
check("/OCProperties" not in catalog, "6.9", "no optional content")

sys.exit(1 if failed else 0)
