#!/usr/bin/python3
"""Checks a PDF made by `sanya proof` against the text it was made from.

    proofcheck.py PDF SOURCE.txt [--width-mm 160] [--align justify] [--font NAME]...
    proofcheck.py --self-test

Each line of SOURCE.txt is a paragraph. The PDF is read back with poppler
(`pdftotext -bbox-layout`, `pdffonts`) and qpdf, and these must hold:
  text    every paragraph comes back exactly and in order, one visual line
          after another: a line break removes nothing but the spaces at the
          break and inserts nothing (in Khmer it falls between two letters).
          Spaces inside a line must be the source's spaces, no more, no fewer.
          (--allow-gap-spaces with --align justify tolerates, and counts,
          spaces pdftotext reads into stretched Khmer word gaps: for other
          renderers' PDFs; sanya widens glyph advances instead.)
          Invisible format characters (ZWSP, word joiner, ZWJ, ZWNJ, soft
          hyphen, BOM) are ignored on both sides; both sides are NFC.
  breaks  every line after a paragraph's first starts at an ICU line-break
          opportunity (PyICU, locale km) of the source paragraph.
  width   no line is wider than the measure, starts left of the left margin
          (25 mm = 70.87 pt) or ends right of the right margin; pages are A4.
  align   left: lines start at the margin; right: they end at the measure;
          center: they are centred on it; justify: all but the last line of a
          paragraph fill it (a line with Khmer may stay short: counted as
          underfull), the last starts at the margin. With --natural
          LEFT.pdf, no justified line is narrower than set left, and an
          underfull one is wider (stretched).
  fill    (left, center, right) no line ends early: the whole next line
          would not have fitted after it, and moving the next line's first
          word up would not leave it emptier than the next line.
  fonts   pdffonts lists only embedded subset fonts with a ToUnicode map and
          a six-letter subset tag; each --font NAME is among them; every
          embedded font program is a whole TrueType font (FontFile2).
  render  pdftoppm rasterises every page without a word on stderr (that is
          where poppler says it cannot load a font), and every text line
          leaves ink in its box.
  qpdf    `qpdf --check` finds no error and no warning.
Prints one line per problem and a summary; exit 0 pass, 1 fail, 2 tool error.
--self-test runs the checks on made-up line data and pdffonts output, to show
that each of them can fail.
"""
import argparse
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

PT_PER_MM = 72 / 25.4
MARGIN_PT = 25 * PT_PER_MM  # 70.866
A4_PT = (595.276, 841.890)
WIDTH_TOL = 0.5  # pt: rounding in the PDF and in pdftotext's coordinates
ALIGN_TOL = 1.0  # pt: how far a flush or centred edge may be off
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
MAX_REPORTS = 12  # per kind of problem; the summary has the totals


class Report:
    def __init__(self):
        self.problems = {}
        self.counts = {}
        self.gaps = 0  # justification gaps read as spaces (tolerated)
        self.underfull = 0  # justified Khmer lines left short (letter-spacing cap)
        self.compared = 0  # justified lines compared with their natural width

    def add(self, kind, msg):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        lst = self.problems.setdefault(kind, [])
        if len(lst) < MAX_REPORTS:
            lst.append(msg)

    def ok(self):
        return not self.counts


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def run_bytes(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def normalise(text):
    """NFC, invisible characters dropped, whitespace runs made one space,
    ends stripped. Returns (string, map) where map[i] is the index in text
    of the character at i, and map[len] = len(text)."""
    out, where = [], []
    pending_space = None
    for i, ch in enumerate(text):
        if ord(ch) in INVISIBLE:
            continue
        if ch.isspace():
            if pending_space is None:
                pending_space = i
            continue
        if pending_space is not None and out:
            out.append(" ")
            where.append(pending_space)
        pending_space = None
        out.append(ch)
        where.append(i)
    where.append(len(text))
    return "".join(out), where


def short(s, n=40):
    return s if len(s) <= n else s[: n - 1] + "…"


# ---------------------------------------------------------------- reading


class Word:
    __slots__ = ("page", "x0", "y0", "x1", "y1", "text")

    def __init__(self, page, x0, y0, x1, y1, text):
        self.page, self.x0, self.y0, self.x1, self.y1, self.text = page, x0, y0, x1, y1, text


class Line:
    def __init__(self, page, words):
        self.page = page
        self.words = sorted(words, key=lambda w: w.x0)
        self.x0 = min(w.x0 for w in words)
        self.x1 = max(w.x1 for w in words)
        self.y0 = min(w.y0 for w in words)
        self.y1 = max(w.y1 for w in words)
        self.text = " ".join(w.text for w in self.words)

    def where(self):
        return "page %d y=%.1f" % (self.page + 1, self.y0)


def parse_bbox(xhtml):
    """Pages [(w, h)] and words from `pdftotext -bbox-layout` output."""
    xhtml = re.sub(r"<!DOCTYPE[^>]*>", "", xhtml, count=1)
    root = ET.fromstring(xhtml)
    pages, words = [], []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        n = len(pages)
        pages.append((float(page.get("width")), float(page.get("height"))))
        for w in page.iter("{http://www.w3.org/1999/xhtml}word"):
            a = [float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            words.append(Word(n, *a, w.text or ""))
    return pages, words


def visual_lines(words):
    """Groups words into lines by page and vertical overlap, top to bottom.
    pdftotext's own <line>s can split a justified line in two flows."""
    lines = []
    for page in sorted({w.page for w in words}):
        rows = []  # [y0, y1, [words]]
        for w in sorted((w for w in words if w.page == page), key=lambda w: (w.y0 + w.y1) / 2):
            mid = (w.y0 + w.y1) / 2
            for row in rows:
                if row[0] <= mid <= row[1] or w.y0 <= (row[0] + row[1]) / 2 <= w.y1:
                    row[2].append(w)
                    break
            else:
                rows.append([w.y0, w.y1, [w]])
        rows.sort(key=lambda r: (r[0] + r[1]) / 2)
        lines += [Line(page, r[2]) for r in rows]
    return lines


# ---------------------------------------------------------------- checks


def is_khmer(ch):
    return "\u1780" <= ch <= "\u17ff" or "\u19e0" <= ch <= "\u19ff"


def match_text(paragraphs, lines, rep, justified=False):
    """Walks the lines through the paragraphs. Returns ([(line, para index,
    start offset in the normalised paragraph)] for the lines that matched,
    whether all matched).

    justified: a justified line may stretch Khmer at its word gaps, and
    pdftotext reads a wide enough gap as a space. Such a space is tolerated
    (and counted) only in a line that is not its paragraph's last, only
    where the source has no space, an ICU break opportunity, and a Khmer
    letter on one side. Anywhere else an added space is an error."""
    norm = [normalise(unicodedata.normalize("NFC", p)) for p in paragraphs]
    breaks = {}
    starts = []
    p, pos = 0, 0
    for line in lines:
        got = normalise(unicodedata.normalize("NFC", line.text))[0]
        if not got:
            continue
        if p >= len(norm):
            rep.add("text", "%s: extra line %r after the last paragraph" % (line.where(), short(got)))
            continue
        want, where = norm[p]
        starts.append((line, p, pos))
        # Compare character by character; a difference in spaces only is a
        # spacing problem, any other difference loses the thread.
        i, j, spacing, gaps = 0, pos, [], 0
        while i < len(got):
            if j < len(want) and got[i] == want[j]:
                i, j = i + 1, j + 1
            elif got[i] == " ":
                gap = justified and 0 < j < len(want) and (is_khmer(want[j - 1]) or is_khmer(want[j]))
                if gap:
                    if p not in breaks:
                        breaks[p] = icu_breaks(unicodedata.normalize("NFC", paragraphs[p]))
                    gap = where[j] in breaks[p]
                if gap:
                    gaps += 1
                else:
                    spacing.append("space added after %r" % short(got[max(0, i - 12) : i], 12))
                i += 1
            elif j < len(want) and want[j] == " ":
                spacing.append("space lost after %r" % short(got[max(0, i - 12) : i], 12))
                j += 1
            else:
                break
        if i < len(got):
            rep.add("text", "%s: paragraph %d, line %r differs at %r: expected %r"
                    % (line.where(), p + 1, short(got, 60), short(got[i:], 20), short(want[j:], 20)))
            return starts, False
        if j < len(want) and want[j] == " ":
            j += 1  # the space a break consumed
        if j >= len(want) and gaps:
            spacing.append("%d spaces added in the paragraph's last line, which is not stretched" % gaps)
            gaps = 0
        rep.gaps += gaps
        for msg in spacing:
            rep.add("text", "%s: paragraph %d: %s" % (line.where(), p + 1, msg))
        pos = j
        if pos >= len(want):
            p, pos = p + 1, 0
    if p < len(norm):
        rep.add("text", "paragraph %d is missing from offset %d (%r)"
                % (p + 1, pos, short(norm[p][0][pos:], 30)))
        return starts, False
    return starts, True


def icu_breaks(text):
    """Line-break opportunities of text (code point offsets), locale km."""
    import icu

    bi = icu.BreakIterator.createLineInstance(icu.Locale("km"))
    bi.setText(text)
    # ICU counts UTF-16 units.
    u16 = []
    for k, ch in enumerate(text):
        u16 += [k] * (2 if ord(ch) > 0xFFFF else 1)
    u16.append(len(text))
    return {u16[b] for b in bi}


def check_breaks(paragraphs, starts, rep):
    n = 0
    cache = {}
    for line, p, pos in starts:
        if pos == 0:
            continue
        n += 1
        src = unicodedata.normalize("NFC", paragraphs[p])
        if p not in cache:
            cache[p] = (icu_breaks(src), normalise(src)[1])
        ok, where = cache[p]
        off = where[pos]
        if off not in ok:
            rep.add("breaks", "%s: paragraph %d breaks at offset %d, not an ICU opportunity: %r|%r"
                    % (line.where(), p + 1, off, src[max(0, off - 10) : off], src[off : off + 10]))
    return n


def check_fill(paragraphs, starts, width_pt, align, rep):
    """Ragged lines must not end early. Two rules, valid for a greedy line
    breaker and for an optimal-fit one whose cost grows with each line's
    slack (the check must not depend on which one sanya uses):
      merge    the whole next line fits in the room left on this one;
      balance  the next line is not its paragraph's last, both breaks fall
               at spaces, the next line's first word fits here and ends
               at an ICU opportunity, and moving it up would still leave
               this line with more slack than the next line has now.
    The room a space needs is the widest word gap seen in the paragraph.
    Justified lines are flush by construction and are not judged.
    Returns the number of line ends judged."""
    if align not in ("left", "center", "right"):
        return 0
    judged = 0
    cache = {}
    for k in range(len(starts) - 1):
        line, p, _ = starts[k]
        nline, np_, npos = starts[k + 1]
        if np_ != p:
            continue
        src = unicodedata.normalize("NFC", paragraphs[p])
        if p not in cache:
            gaps = [b.x0 - a.x1 for ln, q, _ in starts if q == p for a, b in zip(ln.words, ln.words[1:])]
            height = max(w.y1 - w.y0 for ln, q, _ in starts if q == p for w in ln.words)
            cache[p] = (icu_breaks(src), normalise(src), max(gaps) if gaps else height / 2)
        ok, (norm, where), gap = cache[p]
        judged += 1
        at_space = norm[npos - 1] == " "
        space = gap if at_space else 0.0
        room = width_pt - (line.x1 - line.x0)
        room_next = width_pt - (nline.x1 - nline.x0)
        if room > space + (nline.x1 - nline.x0) + WIDTH_TOL:
            rep.add("fill", "%s: %.1f pt left on the line, and the whole next line (%.1f pt) fits: %r"
                    % (line.where(), room, nline.x1 - nline.x0, short(nline.text)))
            continue
        last = k + 2 == len(starts) or starts[k + 2][1] != p
        first = nline.words[0]
        word = normalise(unicodedata.normalize("NFC", first.text))[0]
        e = npos + len(word)
        if last or not at_space or norm[npos:e] != word or e >= len(norm) or norm[e] != " ":
            continue
        if where[e + 1] not in ok:  # ICU puts the opportunity after the space
            continue
        move = space + (first.x1 - first.x0)
        if room > move + WIDTH_TOL and room - move > room_next + WIDTH_TOL:
            rep.add("fill", "%s: %.1f pt left on the line; with the next line's first word %r (%.1f pt) "
                    "moved up it would still have more than the next line's %.1f pt"
                    % (line.where(), room, short(word, 20), move, room_next))
    return judged


def check_geometry(pages, lines, starts, width_pt, align, rep, natural=None):
    """Page size, measure and margins for every line; with align, the
    alignment of the matched lines. A justified line that is not its
    paragraph's last must be flush, except that a line with Khmer in it may
    stay short: sanya caps the letter-spacing of Khmer lines and leaves such
    a line underfull rather than spaced out. Underfull lines are counted.
    natural: {line text: width} from the same text set left-aligned. A
    justified line may never be narrower than its natural width, and an
    underfull one must be wider (it was stretched up to the cap)."""
    for n, (w, h) in enumerate(pages):
        if abs(w - A4_PT[0]) > 1 or abs(h - A4_PT[1]) > 1:
            rep.add("width", "page %d is %.1f x %.1f pt, not A4" % (n + 1, w, h))
    right = pages[0][0] - MARGIN_PT if pages else 0
    for line in lines:
        if line.x1 - line.x0 > width_pt + WIDTH_TOL:
            rep.add("width", "%s: line is %.2f pt wide, measure %.2f pt: %r"
                    % (line.where(), line.x1 - line.x0, width_pt, short(line.text)))
        if line.x0 < MARGIN_PT - WIDTH_TOL:
            rep.add("width", "%s: line starts at %.2f pt, left of the margin %.2f: %r"
                    % (line.where(), line.x0, MARGIN_PT, short(line.text)))
        if line.x1 > right + WIDTH_TOL:
            rep.add("width", "%s: line ends at %.2f pt, right of the margin %.2f: %r"
                    % (line.where(), line.x1, right, short(line.text)))
    if not align:
        return
    # The last line of each paragraph (justify leaves it ragged).
    last = set()
    for k, (line, p, pos) in enumerate(starts):
        if k + 1 == len(starts) or starts[k + 1][1] != p:
            last.add(id(line))
    left, end = MARGIN_PT, MARGIN_PT + width_pt
    for line, p, pos in starts:
        bad = []
        if align in ("left", "justify") and abs(line.x0 - left) > ALIGN_TOL:
            bad.append("starts at %.2f, not at the margin %.2f" % (line.x0, left))
        flush = abs(line.x1 - end) <= ALIGN_TOL
        if align == "right" and not flush:
            bad.append("ends at %.2f, not at the measure's end %.2f" % (line.x1, end))
        if align == "justify" and id(line) not in last and not flush:
            if line.x1 > end or not any(is_khmer(c) for c in line.text):
                bad.append("ends at %.2f, not at the measure's end %.2f" % (line.x1, end))
            else:
                rep.underfull += 1
        width = line.x1 - line.x0
        nat = (natural or {}).get(normalise(line.text)[0])
        if align == "justify" and nat is not None:
            rep.compared += 1
            if width < nat - WIDTH_TOL:
                bad.append("is %.2f pt wide, narrower than the %.2f pt it has set left" % (width, nat))
            elif id(line) not in last and not flush and width <= nat + WIDTH_TOL:
                bad.append("is underfull and not stretched at all (%.2f pt, %.2f set left)" % (width, nat))
        if align == "center" and abs((line.x0 + line.x1) / 2 - (left + end) / 2) > ALIGN_TOL:
            bad.append("centred on %.2f, not on %.2f" % ((line.x0 + line.x1) / 2, (left + end) / 2))
        for b in bad:
            rep.add("align", "%s: %s line %s: %r" % (line.where(), align, b, short(line.text)))


def parse_pdffonts(out):
    """Rows of `pdffonts` as dicts, columns cut where the dashes are."""
    lines = out.splitlines()
    if len(lines) < 2 or not lines[1].startswith("---"):
        return None
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    spans[-1] = (spans[-1][0], None)
    keys = ["name", "type", "encoding", "emb", "sub", "uni", "object"]
    rows = []
    for l in lines[2:]:
        if l.strip():
            cols = [l[a:b].strip() if b else l[a:].strip() for a, b in spans]
            rows.append(dict(zip(keys, cols)))
    return rows


def check_fonts(rows, expect, rep):
    if not rows:
        rep.add("fonts", "pdffonts lists no font")
        return
    for r in rows:
        bad = [k for k in ("emb", "sub", "uni") if r.get(k) != "yes"]
        if bad:
            rep.add("fonts", "font %s (%s): %s not yes" % (r["name"], r["type"], "/".join(bad)))
        if not re.match(r"^[A-Z]{6}\+\S", r["name"]):
            rep.add("fonts", "font %s (%s) has no subset tag" % (r["name"], r["type"]))
    names = [re.sub(r"^[A-Z]{6}\+", "", r["name"]).lower() for r in rows]
    for want in expect:
        if not any(want.lower() in n for n in names):
            rep.add("fonts", "no font named like %s among %s" % (want, ", ".join(r["name"] for r in rows)))


def sfnt_problem(data):
    """Why data is not a usable TrueType font program, or None."""
    if len(data) < 12:
        return "only %d bytes" % len(data)
    if data[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return "no TrueType header (starts %s)" % data[:4].hex()
    n = int.from_bytes(data[4:6], "big")
    if n == 0 or 12 + 16 * n > len(data):
        return "%d tables do not fit in %d bytes" % (n, len(data))
    tables = {}
    for k in range(n):
        rec = data[12 + 16 * k : 28 + 16 * k]
        tag = rec[:4].decode("latin-1")
        off, length = int.from_bytes(rec[8:12], "big"), int.from_bytes(rec[12:16], "big")
        if off + length > len(data):
            return "table %s runs past the end" % tag
        tables[tag] = (off, length)
    missing = [t for t in ("head", "hhea", "hmtx", "maxp", "loca", "glyf") if t not in tables]
    if missing:
        return "no %s table" % "/".join(missing)
    head = tables["head"][0]
    if data[head + 12 : head + 16] != b"\x5f\x0f\x3c\xf5":
        return "bad head table"
    if int.from_bytes(data[tables["maxp"][0] + 4 : tables["maxp"][0] + 6], "big") == 0:
        return "no glyphs"
    return None


def check_fontfiles(pdf, rep):
    """Every embedded TrueType program (FontFile2) is a TrueType font with
    its tables inside it: pdffonts says "emb yes" as soon as the key is
    there, whatever it points at."""
    rc, out, err = run(["qpdf", "--json=2", "--json-key=qpdf", pdf])
    if rc != 0:
        rep.add("fonts", "qpdf --json failed: %s" % short(err.strip(), 200))
        return 0
    import json

    objects = json.loads(out)["qpdf"][1]
    n = 0
    for key, obj in objects.items():
        desc = obj.get("value") if isinstance(obj, dict) else None
        if not isinstance(desc, dict) or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            continue
        name = desc.get("/FontName", key)
        ref = desc.get("/FontFile2")
        if ref is None:
            rep.add("fonts", "%s is not embedded as TrueType (FontFile2)" % name)
            continue
        num, gen = ref.split()[:2]
        rc, data, err = run_bytes(["qpdf", "--show-object=%s,%s" % (num, gen), "--filtered-stream-data", pdf])
        why = "cannot read the stream: %s" % short(err.strip(), 100) if rc != 0 else sfnt_problem(data)
        n += 1
        if why:
            rep.add("fonts", "the font program of %s (object %s) is broken: %s" % (name, num, why))
    return n


def check_render(pdf, npages, lines, rep, dpi=50):
    """Rasterises every page with pdftoppm: it must say nothing (poppler
    reports fonts it cannot load there), and every text line must leave ink
    in its box, at least half a dark pixel a character at 50 dpi."""
    import glob
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        rc, out, err = run(["pdftoppm", "-r", str(dpi), "-gray", pdf, tmp + "/p"])
        said = sorted({l.strip() for l in err.splitlines() if l.strip()})
        if rc != 0 or said:
            rep.add("render", "pdftoppm exit %d: %s" % (rc, short("; ".join(said), 300)))
        files = sorted(glob.glob(tmp + "/p-*.pgm"), key=lambda f: int(re.search(r"-(\d+)\.pgm$", f).group(1)))
        scale = dpi / 72
        for page, f in enumerate(files):
            with open(f, "rb") as fh:
                data = fh.read()
            m = re.match(rb"P5\s+(\d+)\s+(\d+)\s+\d+\s", data)
            w, h, px = int(m.group(1)), int(m.group(2)), data[m.end() :]
            for line in (l for l in lines if l.page == page):
                x0, x1 = max(0, int(line.x0 * scale)), min(w, int(line.x1 * scale) + 1)
                y0, y1 = max(0, int(line.y0 * scale)), min(h, int(line.y1 * scale) + 1)
                dark = sum(1 for y in range(y0, y1) for b in px[y * w + x0 : y * w + x1] if b < 128)
                chars = sum(1 for c in line.text if not c.isspace())
                if dark < chars / 2:
                    rep.add("render", "%s: %d dark pixels for %d characters: %r"
                            % (line.where(), dark, chars, short(line.text)))
        if len(files) != npages:
            rep.add("render", "pdftoppm made %d pages of %d" % (len(files), npages))


def check_qpdf(pdf, rep):
    rc, out, err = run(["qpdf", "--check", pdf])
    if rc != 0 or "No syntax or stream encoding errors" not in out:
        msg = " ".join((out + err).split())
        rep.add("qpdf", "qpdf --check exit %d: %s" % (rc, short(msg, 300)))


def check_pdf(args):
    rep = Report()
    with open(args.source, encoding="utf-8") as f:
        paragraphs = [l for l in f.read().split("\n") if normalise(l)[0]]
    rc, xhtml, err = run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", args.pdf, "-"])
    if rc != 0:
        print("proofcheck: pdftotext failed (%d): %s" % (rc, err.strip()))
        return 2
    pages, words = parse_bbox(xhtml)
    lines = visual_lines(words)
    natural = None
    if args.natural:
        rc, nx, err = run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", args.natural, "-"])
        if rc != 0:
            print("proofcheck: pdftotext failed on %s (%d): %s" % (args.natural, rc, err.strip()))
            return 2
        natural = {}
        for ln in visual_lines(parse_bbox(nx)[1]):
            t = normalise(ln.text)[0]
            natural[t] = None if t in natural else ln.x1 - ln.x0  # repeated lines: ambiguous
        natural = {t: w for t, w in natural.items() if w is not None}
    starts, complete = match_text(paragraphs, lines, rep,
                                  justified=args.allow_gap_spaces and args.align == "justify")
    nbreaks = check_breaks(paragraphs, starts, rep) if "breaks" not in args.skip else 0
    nfill = 0
    if "width" not in args.skip:
        check_geometry(pages, lines, starts if complete else [], args.width_mm * PT_PER_MM,
                       args.align if complete else None, rep, natural)
        if complete:
            nfill = check_fill(paragraphs, starts, args.width_mm * PT_PER_MM, args.align, rep)
    if "fonts" not in args.skip:
        rc, out, err = run(["pdffonts", args.pdf])
        rows = parse_pdffonts(out) if rc == 0 else None
        if rows is None:
            print("proofcheck: pdffonts failed (%d): %s" % (rc, err.strip()))
            return 2
        check_fonts(rows, args.font, rep)
        check_fontfiles(args.pdf, rep)
    if "render" not in args.skip:
        check_render(args.pdf, len(pages), lines, rep)
    if "qpdf" not in args.skip:
        check_qpdf(args.pdf, rep)
    for kind, msgs in rep.problems.items():
        for m in msgs:
            print("  %s: %s" % (kind, m))
        if rep.counts[kind] > len(msgs):
            print("  %s: ... %d more" % (kind, rep.counts[kind] - len(msgs)))
    verdict = "PASS" if rep.ok() and lines else "FAIL"
    if not lines:
        print("  text: the PDF has no text")
    gaps = ", %d justification gaps read as spaces" % rep.gaps if rep.gaps else ""
    fill = ", %d for fill" % nfill if nfill else ""
    if rep.underfull:
        fill += ", %d underfull Khmer lines" % rep.underfull
    if rep.compared:
        fill += ", %d compared with their natural width" % rep.compared
    print("proofcheck %s: %d pages, %d lines, %d paragraphs, %d breaks checked%s%s; problems: %s => %s"
          % (args.pdf, len(pages), len(lines), len(paragraphs), nbreaks, fill, gaps,
             ", ".join("%s %d" % kv for kv in rep.counts.items()) or "none", verdict))
    return 0 if verdict == "PASS" else 1


# ---------------------------------------------------------------- self-test


def fake_lines(texts, x0=MARGIN_PT, widths=None):
    out = []
    for k, t in enumerate(texts):
        w = widths[k] if widths else 400.0
        out.append(Line(0, [Word(0, x0, 100 + 20 * k, x0 + w, 115 + 20 * k, t)]))
    return out


def self_test():
    failures = []

    def expect(name, cond):
        print("  %s %s" % ("ok  " if cond else "FAIL", name))
        if not cond:
            failures.append(name)

    ZW, WJ = "\u200b", "\u2060"
    km = "ការអនុវត្តអនុស្សរណៈនេះ ត្រូវស្របតាមច្បាប់ជាធរមាន។"
    br = icu_breaks(km)
    expect("ICU finds Khmer breaks inside a phrase", any(0 < b < km.index(" ") for b in br))
    # A good layout: break at the space, and at an ICU opportunity inside Khmer.
    cut = min(b for b in br if 0 < b < km.index(" "))
    good = [km[:cut], km[cut:km.index(" ")], km[km.index(" ") + 1 :]]
    rep = Report()
    starts, ok = match_text([km], fake_lines(good), rep)
    check_breaks([km], starts, rep)
    expect("good Khmer lines pass text and breaks", ok and rep.ok())
    # A break inside a cluster (after the coeng) is not an ICU opportunity.
    k = km.index("\u17d2") + 1
    rep = Report()
    starts, ok = match_text([km], fake_lines([km[:k], km[k:]]), rep)
    check_breaks([km], starts, rep)
    expect("text passes when only the break is wrong", ok and "text" not in rep.counts)
    expect("a break inside a cluster is caught", rep.counts.get("breaks") == 1)
    # A word joiner forbids the break ICU would otherwise allow.
    w = "ថ្ងៃចុះហត្ថ" + WJ + "លេខា"
    rep = Report()
    starts, ok = match_text([w], fake_lines(["ថ្ងៃចុះហត្ថ", "លេខា"]), rep)
    check_breaks([w], starts, rep)
    expect("a break at a word joiner is caught", ok and rep.counts.get("breaks") == 1)
    # A ZWSP is an opportunity, and invisible in the comparison.
    z = "ត្រូវ" + ZW + "ប្រជុំ" + ZW + "ម្តង"
    rep = Report()
    starts, ok = match_text([z], fake_lines(["ត្រូវប្រជុំ", "ម្តង"]), rep)
    check_breaks([z], starts, rep)
    expect("a break at a ZWSP passes", ok and rep.ok())
    # Text problems: a changed letter, a lost and an added space, a lost line.
    en = "The Parties shall co-operate in good faith."
    rep = Report()
    match_text([en], fake_lines(["The Parties shall", "co-operate in goad faith."]), rep)
    expect("a changed letter is caught", rep.counts.get("text") == 1)
    rep = Report()
    match_text([en], fake_lines(["The Partiesshall", "co-operate in good faith."]), rep)
    expect("a lost space is caught", rep.counts.get("text") == 1)
    rep = Report()
    match_text([km], fake_lines([km[:cut] + " " + km[cut:]]), rep)
    expect("a space added inside Khmer is caught", rep.counts.get("text") == 1)
    # Justified: a stretched Khmer word gap may read as a space, elsewhere not.
    sp = km.index(" ")
    two = [km[:cut] + " " + km[cut:sp], km[sp + 1 :]]
    rep = Report()
    match_text([km], fake_lines(two), rep, justified=True)
    expect("a justified word gap read as a space is tolerated", rep.ok() and rep.gaps == 1)
    rep = Report()
    match_text([km], fake_lines([km[:sp], km[sp + 1 : -3] + " " + km[-3:]]), rep, justified=True)
    expect("a gap in a paragraph's last line is caught", rep.counts.get("text") == 1)
    inside = km.index("\u17d2") + 1
    rep = Report()
    match_text([km], fake_lines([km[:inside] + " " + km[inside:sp], km[sp + 1 :]]), rep, justified=True)
    expect("a justified gap inside a cluster is caught", rep.counts.get("text") == 1)
    rep = Report()
    match_text([en], fake_lines(["The Par ties shall", "co-operate in good faith."]), rep, justified=True)
    expect("a justified gap inside an English word is caught", rep.counts.get("text") == 1)
    rep = Report()
    match_text([en, km], fake_lines(["The Parties shall co-operate", "in good faith."]), rep)
    expect("a missing paragraph is caught", rep.counts.get("text") == 1)
    rep = Report()
    match_text([en], fake_lines(["The Parties shall co-operate", "in good faith.", "7"]), rep)
    expect("an extra line is caught", rep.counts.get("text") == 1)
    rep = Report()
    match_text([en], fake_lines(["The Parties shall co-", "operate in good faith."]), rep)
    expect("a break after a hyphen matches the text", rep.ok())
    rep = Report()
    starts, ok = match_text([en], fake_lines(["The Parties sh", "all co-operate in good faith."]), rep)
    check_breaks([en], starts, rep)
    expect("a break inside an English word is caught", ok and rep.counts.get("breaks") == 1)
    # Geometry.
    a4 = [A4_PT]
    lines = fake_lines(["The Parties shall", "co-operate in good faith."], widths=[453.5, 200])
    rep = Report()
    starts, ok = match_text([en], lines, rep)
    check_geometry(a4, lines, starts, 160 * PT_PER_MM, "justify", rep)
    expect("a justified paragraph passes", ok and rep.ok())
    rep = Report()
    check_geometry(a4, lines, starts, 60 * PT_PER_MM, "left", rep)
    expect("lines wider than the measure are caught", rep.counts.get("width") == 2)
    rep = Report()
    check_geometry(a4, fake_lines(["x"], x0=60), [], 160 * PT_PER_MM, None, rep)
    expect("a line left of the margin is caught", rep.counts.get("width") == 1)
    lines = fake_lines(["The Parties shall", "co-operate in good faith."], widths=[440, 200])
    rep = Report()
    starts, _ = match_text([en], lines, rep)
    check_geometry(a4, lines, starts, 160 * PT_PER_MM, "justify", rep)
    expect("a ragged justified English line is caught", rep.counts.get("align") == 1)
    klines = fake_lines([km[:sp], km[sp + 1 :]], widths=[440, 200])
    rep = Report()
    kstarts, _ = match_text([km], klines, rep)
    check_geometry(a4, klines, kstarts, 160 * PT_PER_MM, "justify", rep)
    expect("a short justified Khmer line is underfull, not an error", rep.ok() and rep.underfull == 1)
    rep = Report()
    check_geometry(a4, klines, kstarts, 160 * PT_PER_MM, "justify", rep, {km[:sp]: 430.0, km[sp + 1 :]: 200.0})
    expect("an underfull line wider than set left passes", rep.ok() and rep.compared == 2)
    rep = Report()
    check_geometry(a4, klines, kstarts, 160 * PT_PER_MM, "justify", rep, {km[:sp]: 440.0})
    expect("an underfull line not stretched is caught", rep.counts.get("align") == 1)
    rep = Report()
    check_geometry(a4, klines, kstarts, 160 * PT_PER_MM, "justify", rep, {km[sp + 1 :]: 210.0})
    expect("a justified line narrower than set left is caught", rep.counts.get("align") == 1)
    rep = Report()
    check_geometry(a4, lines, starts, 160 * PT_PER_MM, "center", rep)
    expect("left-set lines fail the centre check", rep.counts.get("align") == 2)
    # Fill: merge (the whole next line fits) and balance.
    for widths, want in (([100, 300], 1), ([440, 300], 0)):
        lines = fake_lines(["The Parties", "shall co-operate in good faith."], widths=widths)
        rep = Report()
        starts, _ = match_text([en], lines, rep)
        n = check_fill([en], starts, 160 * PT_PER_MM, "left", rep)
        expect("fill: a %d pt line before a %d pt one is %s" % (widths[0], widths[1], "caught" if want else "fine"),
               n == 1 and rep.counts.get("fill", 0) == want)
    abc = "aaa bbb ccc ddd eee fff"
    for a_width, want in ((50, 1), (300, 0)):
        x = MARGIN_PT
        lines = [Line(0, [Word(0, x, 100, x + a_width, 115, "aaa")]),
                 Line(0, [Word(0, x + o, 120, x + o + 120, 135, t) for o, t in ((0, "bbb"), (160, "ccc"), (320, "ddd"))]),
                 Line(0, [Word(0, x, 140, x + 50, 155, "eee"), Word(0, x + 60, 140, x + 110, 155, "fff")])]
        rep = Report()
        starts, _ = match_text([abc], lines, rep)
        n = check_fill([abc], starts, 160 * PT_PER_MM, "left", rep)
        expect("fill: a %d pt line before a 440 pt one is %s" % (a_width, "caught" if want else "fine"),
               n == 2 and rep.counts.get("fill", 0) == want)
    rep = Report()
    check_geometry([(612, 792)], [], [], 160 * PT_PER_MM, None, rep)
    expect("a Letter page is caught", rep.counts.get("width") == 1)
    # Fonts.
    out = ("name                                 type              encoding         emb sub uni object ID\n"
           "------------------------------------ ----------------- ---------------- --- --- --- ---------\n"
           "ABCDEF+KhmerOSSiemreap               CID TrueType      Identity-H       yes yes yes      5  0\n"
           "GHIJKL+NotoSerif-Regular             CID TrueType      Identity-H       yes yes yes      9  0\n")
    rows = parse_pdffonts(out)
    rep = Report()
    check_fonts(rows, ["KhmerOSSiemreap", "NotoSerif"], rep)
    expect("subset embedded fonts pass", len(rows) == 2 and rep.ok())
    rep = Report()
    check_fonts(rows, ["KhmerOSMuolLight"], rep)
    expect("a missing expected font is caught", rep.counts.get("fonts") == 1)
    bad = out + ("[none]                               Type 3            Custom           yes no  yes      6  0\n"
                 "Helvetica                            Type 1            WinAnsi          no  no  no       7  0\n")
    rep = Report()
    check_fonts(parse_pdffonts(bad), [], rep)
    expect("Type 3 and unembedded fonts are caught", rep.counts.get("fonts") == 4)
    rep = Report()
    check_fonts([], [], rep)
    expect("a PDF without fonts is caught", rep.counts.get("fonts") == 1)
    # Font programs.
    with open("/usr/share/fonts/truetype/khmeros/KhmerOSsiemreap.ttf", "rb") as f:
        ttf = f.read()
    expect("a real TrueType font passes", sfnt_problem(ttf) is None)
    expect("a truncated font is caught", sfnt_problem(ttf[:2000]) is not None)
    expect("a CIDToGIDMap in place of a font is caught", sfnt_problem(bytes(range(0, 200, 2)) * 4) is not None)
    expect("a font without glyf is caught", sfnt_problem(ttf.replace(b"glyf", b"gly_", 1)) is not None)
    print("proofcheck self-test: %d failed" % len(failures))
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf", nargs="?")
    ap.add_argument("source", nargs="?")
    ap.add_argument("--width-mm", type=float, default=160.0, help="the measure (default 160)")
    ap.add_argument("--align", choices=["left", "justify", "center", "right"])
    ap.add_argument("--font", action="append", default=[], help="a font name that must be embedded")
    ap.add_argument("--natural", metavar="LEFT.pdf",
                    help="the same text set left-aligned, to compare justified line widths with")
    ap.add_argument("--allow-gap-spaces", action="store_true",
                    help="with --align justify, tolerate stretched Khmer word gaps read as spaces")
    ap.add_argument("--skip", action="append", default=[], choices=["breaks", "width", "fonts", "render", "qpdf"])
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    if not args.pdf or not args.source:
        ap.error("PDF and SOURCE are required")
    return check_pdf(args)


if __name__ == "__main__":
    sys.exit(main())
