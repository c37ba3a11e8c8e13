#!/usr/bin/env python3
"""Checks the structure tree of a tagged sanya PDF against its agreement.

Usage: tagged.py FILE.pdf AGREEMENT.yaml

Reads the tree twice: as poppler prints it (pdfinfo -struct-text: element
types and their texts, depth first) and as objects (qpdf --json: each
element's /Lang, inherited from its ancestors and the catalog). Checks:
every heading and paragraph of the agreement (title, preamble, each
article's title and body in Khmer then English) is the text of an element,
in that order, exactly (newlines of a value are one space in the tree, as
sanya draws a space at every word break and forced line break); no footer text in the
tree; every element whose own text is English only has the language en, and
every Khmer-only one km. Prints problems and exits 1 when there are any."""
import json
import re
import subprocess
import sys

import yaml

KHMER = re.compile('[\u1780-\u17ff]')
LATIN = re.compile('[A-Za-z]')


def squash(s):
    """The text as the tree gives it: forced line breaks (newlines of the
    value, an empty line among them) are one space there, and the ends are
    trimmed; nothing else changes."""
    return re.sub(r'\n+', ' ', s).strip()


def struct_text(pdf):
    """[(type, depth, text)] depth first, as pdfinfo -struct-text prints."""
    out = subprocess.run(['pdfinfo', '-struct-text', pdf], check=True, capture_output=True,
                         text=True).stdout
    elems = []
    for line in out.split('\n'):
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(' '))) // 2
        body = line.strip()
        if body.startswith('"'):
            if elems:
                t, dep, text = elems[-1]
                elems[-1] = (t, dep, text + body[1:-1] if body.endswith('"') else body[1:])
        elif body.startswith('Object '):
            continue  # an OBJR kid (the Form's widget)
        else:
            elems.append((body.split(' ')[0], depth, ''))
    return elems


def qpdf_elems(pdf):
    """[(type, effective lang)] depth first, from the objects."""
    data = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', pdf], check=True,
                                     capture_output=True, text=True).stdout)
    objs = {k[4:] if k.startswith('obj:') else k: v.get('value')
            for k, v in data['qpdf'][1].items() if isinstance(v, dict)}

    def get(ref):
        return objs.get(ref) if isinstance(ref, str) and ref.endswith(' R') else ref

    def text(v):
        if isinstance(v, str) and v[:2] in ('u:', 'b:'):
            return v[2:] if v[0] == 'u' else bytes.fromhex(v[2:]).decode('latin-1')
        return v

    trailer = objs['trailer']
    catalog = get(trailer['/Root'])
    root = get(catalog['/StructTreeRoot'])
    doc_lang = text(catalog.get('/Lang'))
    out = []

    def walk(ref, lang):
        e = get(ref)
        if not isinstance(e, dict) or '/S' not in e:
            return
        lang = text(e.get('/Lang', lang))
        out.append((e['/S'][1:], lang))
        kids = e.get('/K', [])
        for k in kids if isinstance(kids, list) else [kids]:
            walk(k, lang)

    kids = root['/K']
    for k in kids if isinstance(kids, list) else [kids]:
        walk(k, doc_lang)
    return doc_lang, out


def page1_roles(pdf):
    """The roles of the elements with content on page 1 and their ancestors,
    depth first (role@lang where the element sets /Lang), as pdf.js gives
    them for the page."""
    data = json.loads(subprocess.run(['qpdf', '--json=2', '--json-key=qpdf', pdf], check=True,
                                     capture_output=True, text=True).stdout)
    objs = {k[4:]: v.get('value') for k, v in data['qpdf'][1].items()
            if k.startswith('obj:') and isinstance(v, dict)}
    catalog = objs[data['qpdf'][1]['trailer']['value']['/Root']]
    page1 = objs[catalog['/Pages']]['/Kids'][0]

    def roles(ref):
        e = objs.get(ref) if isinstance(ref, str) else ref
        if not isinstance(e, dict):
            return False, []
        if e.get('/Type') == '/MCR':
            return e.get('/Pg') == page1, []
        if '/S' not in e:
            return False, []
        kids = e.get('/K', [])
        on, out = False, []
        for k in kids if isinstance(kids, list) else [kids]:
            o, r = roles(k)
            on |= o
            out += r
        lang = e.get('/Lang')
        me = e['/S'][1:] + ('@' + lang[2:] if isinstance(lang, str) and lang[:2] == 'u:' else '')
        return on, ([me] + out if on else [])

    root = objs[catalog['/StructTreeRoot']]
    kids = root['/K']
    out = []
    for k in kids if isinstance(kids, list) else [kids]:
        out += roles(k)[1]
    return ' '.join(out)


def main():
    if sys.argv[1] == '--page1-roles':
        print(page1_roles(sys.argv[2]))
        return 0
    pdf, agreement = sys.argv[1], sys.argv[2]
    with open(agreement, encoding='utf-8') as f:
        a = yaml.safe_load(f)
    problems = []
    elems = struct_text(pdf)
    texts = [squash(t) for _, _, t in elems]

    # the MOU prints the English title in capitals, another template may not
    expected = [('title.km', a['title']['km'], 'eq'),
                ('title.en', (a['title']['en'], a['title']['en'].upper()), 'eq')]
    if a.get('preamble'):
        expected += [('preamble.km', a['preamble']['km'], 'eq'),
                     ('preamble.en', a['preamble']['en'], 'eq')]
    for i, art in enumerate(a.get('articles', [])):
        for lang in ('km', 'en'):
            expected.append((f'articles[{i}].title.{lang}', art['title'][lang], 'end'))
            expected.append((f'articles[{i}].body.{lang}', art['body'][lang], 'eq'))
    at = -1
    for path, want, how in expected:
        ws = [squash(w) for w in (want if isinstance(want, tuple) else (want,))]

        def matches(t):
            return any(t == w if how == 'eq' else t.endswith(w) for w in ws) and t

        found = next((k for k in range(at + 1, len(texts)) if matches(texts[k])), None)
        if found is None:
            where = [k for k, t in enumerate(texts) if matches(t)]
            problems.append(f'{path}: not an element of the tree after element {at}'
                            + (f' (found at {where}: out of order)' if where else ''))
        else:
            at = found
    for k, t in enumerate(texts):
        if re.search(r'Page ?\d+ ?of ?\d+', t) or re.search('ទំព័រ ?[០-៩]+ ?នៃ ?[០-៩]+', t):
            problems.append(f'element {k} ({elems[k][0]}) holds the footer: {t}')

    try:
        doc_lang, objs = qpdf_elems(pdf)
    except KeyError as e:
        print(f'{pdf}: not a tagged PDF: no {e}')
        return 1
    if doc_lang != 'km':
        problems.append(f'catalog /Lang is {doc_lang!r}, expected km')
    if [t for t, _ in objs] != [t for t, _, _ in elems]:
        problems.append('pdfinfo and qpdf see different trees: '
                        f'{len(objs)} and {len(elems)} elements')
    else:
        for k, ((typ, lang), (_, _, t)) in enumerate(zip(objs, elems)):
            if not t:
                continue
            if LATIN.search(t) and not KHMER.search(t) and lang != 'en':
                problems.append(f'element {k} ({typ}) is English but its language is {lang}: {t}')
            if KHMER.search(t) and not LATIN.search(t) and lang != 'km':
                problems.append(f'element {k} ({typ}) is Khmer but its language is {lang}: {t}')
    for p in problems:
        print(f'{pdf}: {p}')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
