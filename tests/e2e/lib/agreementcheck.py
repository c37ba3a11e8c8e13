#!/usr/bin/python3
"""Checks a PDF made by `sanya build` against the agreement it was made from.

    agreementcheck.py PDF DUMP.txt [--expected-out FILE]

DUMP.txt is `sanya check FILE --roster R --dump` (one `path: "json string"`
line per value). The texts an MOU prints whole are taken from it: the title,
the preamble, the party names, the article titles and every paragraph of the
article bodies (a body's lines are its paragraphs), in Khmer and English.
Each must come back from `pdftotext` (reading-order mode) exactly and whole:
the layout's line breaks are the only difference allowed (a break at a
space replaces that space, a break inside Khmer inserts nothing); page
footers and page breaks are skipped. (sanya never ends a line after a
hyphen inside a word: readers would drop it.) In parallel layout this means the two
columns are not interleaved line by line. Also checked: pdffonts lists only
embedded subset fonts with ToUnicode, qpdf --check is clean, and every page
has its bilingual footer "ទំព័រ N នៃ M · Page N of M".
--expected-out writes the expected paragraphs, one per line (for
readers-check and khmer-check). Exit 0 pass, 1 fail, 2 tool error.
"""
import json
import re
import subprocess
import sys
import unicodedata

KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
FOOTER = re.compile(r"^ទំព័រ [០-៩]+ នៃ [០-៩]+ · Page (\d+) of (\d+)$")


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def expected_texts(dump):
    want = []
    rx = re.compile(r'^([^:]+): (".*")  # ')
    for line in open(dump, encoding="utf-8"):
        m = rx.match(line)
        if not m:
            continue
        path, value = m.group(1), json.loads(m.group(2))
        if path == "title.en":
            value = value.upper()  # the template prints it in capitals
        if re.fullmatch(r"(title|preamble)\.(km|en)", path) or re.fullmatch(
            r"articles\[\d+\]\.(title|body)\.(km|en)", path
        ):
            for para in value.split("\n"):
                para = " ".join(para.split())
                if para:
                    want.append((path, para))
    # Document order (that of the sequential layout): an article's Khmer
    # title and body, then its English title and body.
    def key(item):
        m = re.match(r"articles\[(\d+)\]\.(title|body)\.(km|en)", item[0])
        if not m:
            return (-1, 0, 0)
        return (int(m.group(1)), m.group(3) == "en", m.group(2) == "body")
    return sorted(want, key=key)


def pattern_of(text):
    """A regex matching text with the layout's line breaks in it."""
    out = []
    for i, ch in enumerate(text):
        if ch == " ":
            out.append(r"(?: |\n)")
        else:
            if i > 0 and text[i - 1] != " ":
                out.append(r"\n?")
            out.append(re.escape(ch))
    return "".join(out)


def words_by_page(pdf):
    """[(page, xMin, yMin, text)] from pdftotext -bbox."""
    rc, out, _ = run(["pdftotext", "-bbox", pdf, "-"])
    words, page = [], -1
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)</word>', line)
        if m:
            words.append((page, float(m.group(1)), float(m.group(2)), m.group(3)))
    return words


def layout_checks(pdf, dump, cover):
    """Parallel layout: each article's Khmer and English headings start at the
    same height. Both layouts: the signatures, the date lines and the end of
    the last article share a page."""
    problems = []
    words = words_by_page(pdf)
    parallel = "--parallel" in sys.argv
    if parallel:
        km = {}
        en = {}
        for i, (pg, x, y, t) in enumerate(words):
            m = re.match(r"^មាត្រា([០-៩]+)៖$", t)
            if m:
                km[int(m.group(1).translate(str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")))] = (pg, y)
            if t == "Article" and i + 1 < len(words) and re.match(r"^\d+:$", words[i + 1][3]):
                en[int(words[i + 1][3][:-1])] = (pg, y)
        if not km or set(km) != set(en):
            problems.append(f"parallel: article headings km {sorted(km)} / en {sorted(en)}")
        for n in sorted(set(km) & set(en)):
            (pk, yk), (pe, ye) = km[n], en[n]
            if pk != pe or abs(yk - ye) > 12:  # the tops of different fonts differ a little
                problems.append(f"parallel: article {n} starts at page {pk} y {yk:.1f} in "
                                f"Khmer, page {pe} y {ye:.1f} in English")
    names = []
    rx = re.compile(r'^parties\[\d+\]\.signatory\.name\.en: (".*")  # ')
    for line in open(dump, encoding="utf-8"):
        m = rx.match(line)
        if m:
            names.append(json.loads(m.group(1)).split()[0])
    pages_of = lambda w: {pg for pg, _, _, t in words if t == w and pg >= cover}
    sig_pages = set()
    for n in names:
        sig_pages |= pages_of(n)
    done_pages = pages_of("Done")
    if len(sig_pages) != 1 or sig_pages != done_pages:
        problems.append(f"signatures on pages {sorted(sig_pages)}, date lines on {sorted(done_pages)}")
    else:
        # The end of the text goes with the signatures: the signature page
        # holds the end of an article (the agreement's own or the template's
        # closing clause on originals).
        page = sorted(sig_pages)[0]
        rc, ptext, _ = run(["pdftotext", "-f", str(page + 1), "-l", str(page + 1), pdf, "-"])
        flat = re.sub(r"\s+", "", ptext)
        tails = [re.sub(r"\s+", "", p)[-12:] for _, p in expected_texts(dump)]
        tails.append("Khmertextprevails.")
        if not any(t and t in flat for t in tails):
            problems.append(f"the signature page ({page + 1}) holds no end of an article")
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    pdf, dump = sys.argv[1], sys.argv[2]
    exp_out = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--expected-out" else None
    problems = []
    rc, text, err = run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
    if rc != 0:
        print("pdftotext failed:", err)
        return 2
    if err.strip():  # poppler complains about a damaged font or stream
        problems.append("pdftotext: " + err.strip().splitlines()[0])
    text = unicodedata.normalize("NFC", text)
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    # The cover sheet (first pages) has no page footer; the agreement's pages
    # carry "ទំព័រ N នៃ M · Page N of M", counting its own pages.
    body_lines = []
    footers = []
    for page in pages:
        lines = [l.rstrip() for l in page.split("\n")]
        f = [l.strip() for l in lines if FOOTER.match(l.strip())]
        footers.append(f)
        body_lines += [l for l in lines if l.strip() and not FOOTER.match(l.strip())]
    cover = 0
    while cover < len(pages) and not footers[cover]:
        cover += 1
    total = len(pages) - cover
    for n in range(cover, len(pages)):
        f = footers[n]
        k = n - cover + 1
        if len(f) != 1:
            problems.append(f"page {n + 1}: expected one footer, found {len(f)}")
            continue
        m = FOOTER.match(f[0])
        if int(m.group(1)) != k or int(m.group(2)) != total:
            problems.append(f"page {n + 1}: footer says {f[0]!r}, expected page {k} of {total}")
        kn, kt = str(k).translate(KHMER_DIGITS), str(total).translate(KHMER_DIGITS)
        if f"ទំព័រ {kn} នៃ {kt}" not in f[0]:
            problems.append(f"page {n + 1}: Khmer page number wrong in {f[0]!r}")
    if total == 0:
        problems.append("no page has a footer")
    flat = "\n".join(body_lines)
    want = expected_texts(dump)
    found = 0
    for path, para in want:
        if re.search(pattern_of(para), flat):
            found += 1
        else:
            problems.append(f"{path}: not found whole: {para[:80]!r}")
    problems += layout_checks(pdf, dump, cover)
    rc, fonts, err = run(["pdffonts", pdf])
    if err.strip():
        problems.append("pdffonts: " + err.strip().splitlines()[0])
    for line in fonts.splitlines()[2:]:
        cols = line.split()
        if len(cols) < 6 or not re.match(r"^[A-Z]{6}\+", cols[0]):
            problems.append(f"pdffonts: not a subset font: {line}")
        elif "yes yes yes" not in " ".join(cols):
            problems.append(f"pdffonts: not embedded/subset/unicode: {line}")
    rc, q, _ = run(["qpdf", "--check", pdf])
    if rc != 0 or "WARNING" in q:
        problems.append("qpdf --check: " + q.strip().splitlines()[-1])
    if exp_out:
        with open(exp_out, "w", encoding="utf-8") as f:
            for _, para in want:
                f.write(para + "\n")
    for p in problems[:20]:
        print("  " + p)
    print(f"{pdf}: {found}/{len(want)} paragraphs whole, {cover} cover + {total} pages, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
