/* Typesetting a document tree into pages (see render.h).
 *
 * Three passes: build (every block becomes measured items in columns:
 * lines, spaces, rules, signature grids; a bilingual pair in parallel
 * layout becomes a two-column section), paginate (items get a page and a
 * position; keep rules decide where pages break), draw (page by page, then
 * the footer, which needs the page count). */
#include "render/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/buf.h"
#include "core/limits.h"
#include "layout/layout.h"
#include "render/draw.h"

/* Marks drawn by the typesetter itself, not by the style sheet: the check
 * box is 3/4 of the text size; a line is never tighter than 1.2 em. */
#define BOX_SIDE 0.75
#define MIN_LEADING 1.2

struct sy_render_ctx {
    sy_fontset *fonts;
    sy_text_ctx *text;
    sy_layout_cache *layouts; /* paragraphs of text laid out before */
};

/* The fonts of one role, resolved once per document. */
typedef struct resolved_style {
    int state; /* 0 not yet, 1 resolved, -1 a font is missing (reported) */
    const sy_font *km, *en, *km_other, *en_other;
} resolved_style;

/* A font the style sheet names, for text role r or (key non-NULL) for the
 * sheet-wide setting key. An unknown font role is the sheet's mistake, not
 * the caller's: a data error (65) naming where the sheet uses it, at the
 * text role's entry in the style file when it has one. */
static const sy_font *sheet_font(sy_fontset *fonts, const char *name, const sy_style_role *r,
                                 const char *key, sy_diags *d)
{
    sy_diags *mine = sy_diags_new();
    const sy_font *f = sy_fontset_get(fonts, name, mine ? mine : d);
    for (size_t i = 0; mine && i < sy_diags_count(mine); i++) {
        const sy_diag *e = sy_diags_get(mine, i);
        if (e->code == SY_ERR_USAGE)
            sy_diags_add(d, e->severity, SY_ERR_DATA, key ? NULL : r->mark.file,
                         key ? 0 : r->mark.line, key ? 0 : r->mark.column, e->path,
                         "style sheet, %s%s: %s", key ? key : "role ", key ? "" : r->name,
                         e->message);
        else
            sy_diags_push(d, e);
    }
    sy_diags_free(mine);
    return f;
}

static int resolve_fonts(sy_fontset *fonts, const sy_style_sheet *ss, const sy_style_role *r,
                         resolved_style *out, sy_diags *d)
{
    out->km = sheet_font(fonts, r->font[SY_STYLE_KM], r, NULL, d);
    out->en = sheet_font(fonts, r->font[SY_STYLE_EN], r, NULL, d);
    out->km_other = sheet_font(fonts, sy_style_other_script_font(ss, SY_STYLE_KM), r,
                               "other-script-font.km", d);
    out->en_other = sheet_font(fonts, sy_style_other_script_font(ss, SY_STYLE_EN), r,
                               "other-script-font.en", d);
    out->state = out->km && out->en && out->km_other && out->en_other ? 1 : -1;
    return out->state;
}

sy_render_ctx *sy_render_ctx_new(sy_fontset *fonts, sy_text_ctx *text, sy_diags *d)
{
    sy_render_ctx *rc = calloc(1, sizeof *rc);
    if (!rc) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    rc->fonts = fonts;
    rc->text = text;
    if (!(rc->layouts = sy_layout_cache_new())) {
        free(rc);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    /* The fonts of the default roles must be there: a missing one is
     * reported now, naming its package, rather than halfway through a build. */
    const sy_style_sheet *ss = sy_style_defaults();
    for (size_t i = 0; i < sy_style_role_count(ss); i++) {
        resolved_style r;
        if (resolve_fonts(fonts, ss, sy_style_role_at(ss, i), &r, d) < 0)
            break;
    }
    if (sy_diags_errors(d)) {
        sy_render_ctx_free(rc);
        return NULL;
    }
    return rc;
}

void sy_render_ctx_free(sy_render_ctx *rc)
{
    if (rc)
        sy_layout_cache_free(rc->layouts);
    free(rc);
}

/* ---- items, columns, sections ---- */

typedef enum item_kind { IT_LINE, IT_SPACE, IT_RULE, IT_SIGS, IT_IMAGE } item_kind;

typedef struct item {
    item_kind kind;
    double height, ascent, x;
    int keep_next;
    int forced_break;
    const sy_text_para *para;
    const sy_line *line;
    const sy_text_para *marker_para; /* list marker, drawn at x - the list indent */
    const sy_line *marker_line;
    size_t para_at, marker_at; /* their indexes in state.paras */
    size_t sig; /* IT_SIGS: index of the signature grid */
    sy_style_marker box; /* a check box in the margin */
    const double *color; /* RGB of the text; NULL: black */
    sy_pdf_image *image; /* IT_IMAGE: drawn width x height at x */
    double width;
    size_t page;
    double top;
    long tag, marker_tag; /* structure elements of the line and its marker (0: artifact) */
    int newline_after; /* the last line before a forced line break of its paragraph */
} item;

typedef struct column {
    item *items;
    size_t n, cap;
    double x, width;
    /* Paragraphs move to the next page whole (when they fit on one): in
     * parallel columns a paragraph split by a page break would be read,
     * copied and searched in two pieces with the other column between. */
    int whole_paragraphs;
} column;

typedef enum sec_kind { SEC_SINGLE, SEC_DOUBLE, SEC_BREAK } sec_kind;

typedef struct section {
    sec_kind kind;
    column col[2];
    int keep_next;
} section;

typedef struct sig_cell {
    const sy_text_para *paras[4]; /* title km, title en, name km, name en */
    const sy_lines *lines[4];
    double lh[4], la[4]; /* line height and ascent of each */
    double title_h, names_h;
    char *party;
    int index;
    long tags[4]; /* their structure elements */
    size_t form; /* the Form element of the signing field */
} sig_cell;

typedef struct sig_grid {
    sig_cell *cells;
    size_t n;
    double cell_w, height;
} sig_grid;

struct sy_render_result {
    size_t pages, first;
    sy_sig_place *sigs;
    size_t nsigs;
    sy_render_mark *marks;
    size_t nmarks;
};

typedef struct article_mark {
    int number;
    int en;
    char *text;
    size_t sec, idx;
    int col;
} article_mark;

typedef struct state {
    sy_render_ctx *rc;
    const sy_style_sheet *ss;
    const sy_page_geometry *page;
    resolved_style *fonts; /* one per role of the sheet */
    sy_pdf *pdf;
    sy_doc_layout layout;
    sy_diags *d;
    section *secs;
    size_t nsecs, capsecs;
    sy_text_para **paras;
    sy_lines **lines;
    size_t nparas, capparas;
    sig_grid *grids;
    size_t ngrids, capgrids;
    int keep_depth;
    int pending_break;
    int oom;
    size_t npages;
    size_t first_page; /* pages of the PDF before this document */
    int footer;
    article_mark *marks;
    size_t nmarks, capmarks;
    /* tagged PDF: 0 when untagged */
    size_t tag_parent; /* where the next elements go */
    size_t table, row; /* the checklist's Table being built, its row */
} state;

/* A new structure element under the current parent (0 when untagged). */
static size_t tag_new(state *st, size_t parent, const char *type, sy_lang lang)
{
    if (!st->tag_parent)
        return 0;
    size_t id = 0;
    const char *l = lang == SY_LANG_KM ? "km" : lang == SY_LANG_EN ? "en" : NULL;
    if (sy_pdf_tag_add(st->pdf, parent ? parent : st->tag_parent, type, l, &id, st->d) != SY_OK)
        st->tag_parent = 0; /* reported in st->d (the render fails): no more elements */
    return id;
}

/* The structure type of a role's text: a `#` heading of level n (level > 0)
 * is Hn unless its role's `tag` is something else than a heading (TH,
 * Note, Artifact, ...); other text takes its role's `tag`, else `fallback`. */
static const char *role_tag(const sy_style_role *r, int level, const char *fallback, char *buf)
{
    const char *tag = r ? r->tag : NULL;
    int heading_tag = tag && tag[0] == 'H' && tag[1] >= '1' && tag[1] <= '6' && !tag[2];
    if (level > 0 && (!tag || heading_tag)) {
        buf[0] = 'H';
        buf[1] = (char)('0' + (level > 6 ? 6 : level));
        buf[2] = 0;
        return buf;
    }
    return tag ? tag : fallback;
}

static long text_tag(state *st, const sy_style_role *r, int level, const char *fallback,
                     sy_lang lang)
{
    if (!st->tag_parent)
        return 0;
    char buf[4];
    const char *type = role_tag(r, level, fallback, buf);
    if (!strcmp(type, "Artifact"))
        return SY_PDF_ARTIFACT;
    if (!strcmp(type, "TD") || !strcmp(type, "TH"))
        return (long)tag_new(st, st->row, type, lang); /* no row: under the parent */
    return (long)tag_new(st, 0, type, lang);
}

/* The array p (n used, *cap allocated) with room for one more, or NULL
 * (and *oom set) when out of memory. */
static void *grow(void *p, size_t *cap, size_t n, size_t size, int *oom)
{
    if (sy_reserve(&p, cap, n + 1, size) != 0) {
        *oom = 1;
        return NULL;
    }
    return p;
}

static section *add_section(state *st, sec_kind kind)
{
    section *s = grow(st->secs, &st->capsecs, st->nsecs, sizeof *s, &st->oom);
    if (!s)
        return NULL;
    st->secs = s;
    s = &st->secs[st->nsecs++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    double w = st->page->width - st->page->margin_left - st->page->margin_right;
    double gap = sy_style_column_gap(st->ss);
    if (kind == SEC_DOUBLE) {
        s->col[0].width = s->col[1].width = (w - gap) / 2;
        s->col[1].x = s->col[0].width + gap;
        s->col[0].whole_paragraphs = s->col[1].whole_paragraphs = 1;
    } else {
        s->col[0].width = w;
    }
    s->keep_next = st->keep_depth > 0;
    return s;
}

/* The column top-level content goes to: the last section if it is a
 * single column, else a new one. */
static column *top_column(state *st)
{
    if (st->nsecs && st->secs[st->nsecs - 1].kind == SEC_SINGLE)
        return &st->secs[st->nsecs - 1].col[0];
    section *s = add_section(st, SEC_SINGLE);
    return s ? &s->col[0] : NULL;
}

static item *add_item(state *st, column *c, item_kind kind, double height)
{
    item *it = grow(c->items, &c->cap, c->n, sizeof *it, &st->oom);
    if (!it)
        return NULL;
    c->items = it;
    it = &c->items[c->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->height = height;
    it->keep_next = st->keep_depth > 0;
    it->forced_break = st->pending_break;
    st->pending_break = 0;
    return it;
}

/* The style of a role (the sheet's default role when it has none such) and
 * its fonts, resolved on first use. NULL when a font is missing (reported
 * once). */
static const sy_style_role *role_of(state *st, const char *role, const resolved_style **fonts)
{
    const sy_style_role *r = sy_style_role_get(st->ss, role);
    /* the sheet's roles are one array: r's index keys the resolved fonts */
    resolved_style *f = &st->fonts[r - sy_style_role_at(st->ss, 0)];
    if (f->state == 0 && resolve_fonts(st->rc->fonts, st->ss, r, f, st->d) < 0) {
        if (r->mark.file) /* point at the style sheet that asked for the font */
            sy_diags_add(st->d, SY_SEV_NOTE, SY_ERR_DATA, r->mark.file, r->mark.line,
                         r->mark.column, NULL, "the fonts of role '%s' (%s, %s) are set here",
                         r->name, r->font[SY_STYLE_KM], r->font[SY_STYLE_EN]);
    }
    if (f->state < 0)
        return NULL;
    *fonts = f;
    return r;
}

/* The fonts and size of a role in a language; its spacing and line pitch
 * (em) when asked. Returns -1 when a font is missing. */
static int text_style(state *st, const char *role, sy_lang lang, sy_text_style *s,
                      double *space_before, double *space_after, double *lead)
{
    const resolved_style *f;
    const sy_style_role *r = role_of(st, role, &f);
    if (!r)
        return -1;
    int en = lang == SY_LANG_EN;
    if (en) {
        s->khmer = f->km_other;
        s->latin = f->en;
        s->size = r->size[SY_STYLE_EN];
    } else {
        s->khmer = f->km;
        s->latin = lang == SY_LANG_KM ? f->en_other : f->en;
        s->size = r->size[SY_STYLE_KM];
    }
    if (space_before)
        *space_before = sy_style_length_at(r->space_before, s->size);
    if (space_after)
        *space_after = sy_style_length_at(r->space_after, s->size);
    if (lead)
        *lead = r->leading[en ? SY_STYLE_EN : SY_STYLE_KM];
    return 0;
}

static double font_height(const sy_font *f, double size)
{
    return (sy_font_ascender(f) - sy_font_descender(f)) * size / sy_font_upem(f);
}

/* Leading of a paragraph: the taller of its fonts' natural heights, or the
 * role's line pitch (lead, in em; 0: natural) when that is tighter. Khmer
 * fonts declare room for the tallest stacks that running text seldom has:
 * Khmer documents set about 1.45 em, which also keeps poppler from cutting
 * a paragraph in parallel columns into separate blocks. */
static void line_metrics(const sy_text_style *s, sy_lang lang, double lead, double *height,
                         double *ascent)
{
    const sy_font *main = lang == SY_LANG_EN ? s->latin : s->khmer;
    double h = font_height(main, s->size),
           a = sy_font_ascender(main) * s->size / sy_font_upem(main);
    if (lead > 0 && lead * s->size < h) { /* the role's pitch, ink centred */
        a -= (h - lead * s->size) * 0.6;
        h = lead * s->size;
    }
    if (lang == SY_LANG_MIXED) {
        double h2 = font_height(s->latin, s->size);
        if (h2 > h) {
            h = h2;
            a = sy_font_ascender(s->latin) * s->size / sy_font_upem(s->latin);
        }
    }
    *height = h < MIN_LEADING * s->size ? MIN_LEADING * s->size : h;
    *ascent = a + (*height - h) / 2;
}

/* Where a block's text came from, for the messages of lib/text and
 * lib/layout: the block's spans, byte 0 of the text to typeset being byte
 * `shift` of the block's text. */
static sy_text_source block_source(const sy_block *b, ptrdiff_t shift)
{
    sy_mark m = sy_block_mark(b);
    sy_text_source src = {.file = m.file, .line = m.line, .span_offset = shift};
    src.spans = sy_block_spans(b, &src.nspans);
    return src;
}

/* Where field f of signatory i of a signature block came from: the
 * field's spans, its template text made at the field's line. */
static sy_text_source signatory_source(const sy_block *b, size_t i, sy_signatory_field f)
{
    sy_mark m = sy_block_signatory_mark(b, i, f);
    sy_text_source src = {.file = m.file, .line = m.line};
    src.spans = sy_block_signatory_spans(b, i, f, &src.nspans);
    return src;
}

/* Text made here (list markers): the template's place. */
static sy_text_source mark_source(sy_mark m)
{
    sy_text_source src = {.file = m.file, .line = m.line};
    return src;
}

/* Shapes and breaks text; keeps the paragraph and lines for drawing. */
static const sy_lines *make_lines(state *st, const sy_text_style *s, const char *text, size_t len,
                                  double width, sy_align align, sy_text_source src,
                                  const sy_text_para **para)
{
    sy_text_para **pp = grow(st->paras, &st->capparas, st->nparas, sizeof *pp, &st->oom);
    if (!pp)
        return NULL;
    st->paras = pp;
    sy_lines **ll = realloc(st->lines, st->capparas * sizeof *ll);
    if (!ll) {
        st->oom = 1;
        return NULL;
    }
    st->lines = ll;
    sy_text_para *p = sy_text_para_new(st->rc->text, s, text, len, src, st->d);
    if (!p)
        return NULL;
    sy_lines *lines = sy_layout_paragraph_cached(st->rc->layouts, p, width, align, st->d);
    if (!lines) {
        sy_text_para_free(p);
        return NULL;
    }
    sy_text_para_trim(p); /* drawing reads only its text and style */
    st->paras[st->nparas] = p;
    st->lines[st->nparas] = lines;
    st->nparas++;
    *para = p;
    return lines;
}

/* A paragraph (or heading) into column c, indented by indent; a newline in
 * the text is a forced line break. (A list's marker is attached afterwards,
 * to whatever the item's first line is: see SY_BLOCK_LIST.) */
static void add_paragraph(state *st, column *c, const char *text, size_t len, sy_lang lang,
                          const char *role, sy_align align, int keep_with_next, double indent,
                          sy_text_source src, long tag)
{
    double space_before, space_after, lead;
    sy_text_style s;
    const resolved_style *fonts;
    const sy_style_role *rs = role_of(st, role, &fonts);
    if (!rs || text_style(st, role, lang, &s, &space_before, &space_after, &lead) != 0)
        return;
    sy_style_marker box = rs->marker;
    const double *color = rs->color[0] || rs->color[1] || rs->color[2] ? rs->color : NULL;
    if (box)
        indent += sy_style_list_of(st->ss)->indent;
    if (!c->whole_paragraphs && lang != SY_LANG_EN) /* full width: more air, no column to confuse */
        lead *= sy_style_full_width_leading(st->ss);
    double height, ascent;
    line_metrics(&s, lang, lead, &height, &ascent);
    if (space_before > 0) {
        item *sp = add_item(st, c, IT_SPACE, space_before);
        if (sp)
            sp->keep_next = 1;
    }
    int first = 1;
    size_t pos = 0;
    while (pos <= len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        const sy_text_para *p = NULL;
        sy_text_source piece = src;
        piece.span_offset += (ptrdiff_t)pos;
        const sy_lines *lines = end > pos
            ? make_lines(st, &s, text + pos, end - pos, c->width - indent, align, piece, &p)
            : NULL;
        for (size_t i = 0; lines && i < sy_lines_count(lines); i++) {
            item *it = add_item(st, c, IT_LINE, height);
            if (!it)
                return;
            it->ascent = ascent;
            it->x = indent;
            it->para = p;
            it->para_at = st->nparas - 1;
            it->line = sy_lines_get(lines, i);
            it->color = color;
            it->tag = tag;
            if (first)
                it->box = box;
            /* Two lines at least together at a page's end or start. */
            size_t n = sy_lines_count(lines);
            it->keep_next |=
                (i == 0 && n > 1) || (i + 2 == n && n > 2) || (c->whole_paragraphs && i + 1 < n);
            first = 0;
        }
        if (!nl)
            break;
        if (lines && sy_lines_count(lines) && c->n && c->items[c->n - 1].kind == IT_LINE)
            c->items[c->n - 1].newline_after = 1;
        pos = end + 1;
    }
    if (c->n) {
        item *last = &c->items[c->n - 1];
        last->keep_next = keep_with_next || st->keep_depth > 0;
    }
    if (space_after > 0) {
        item *sp = add_item(st, c, IT_SPACE, space_after);
        if (sp)
            sp->keep_next = keep_with_next || st->keep_depth > 0;
    }
}

static void emit_blocks(state *st, const sy_blocks *blocks, column *c, double indent);

/* Remembers where an article heading went (its first item), for bookmarks. */
static void mark_article(state *st, const column *col, size_t idx, int number, int en,
                         const sy_buf *text)
{
    for (size_t s = 0; s < st->nsecs; s++)
        for (int k = 0; k < 2; k++) {
            if (&st->secs[s].col[k] != col)
                continue;
            article_mark *m = grow(st->marks, &st->capmarks, st->nmarks, sizeof *m, &st->oom);
            if (!m)
                return;
            st->marks = m;
            article_mark am = {number, en, strndup(text->data, text->len), s, idx, k};
            if (!am.text) {
                st->oom = 1;
                return;
            }
            st->marks[st->nmarks++] = am;
            return;
        }
}

/* An article's heading in the sheet's words: "Article 1: Purpose". */
static void article_heading(state *st, const sy_block *b, sy_buf *out)
{
    size_t len;
    const char *title = sy_block_text(b, &len);
    const sy_style_article *a = sy_style_article_of(st->ss);
    int lang = sy_block_lang(b) == SY_LANG_EN ? SY_STYLE_EN : SY_STYLE_KM;
    const char *fmt = len ? a->label[lang] : a->untitled[lang];
    if (sy_style_format(fmt, lang == SY_STYLE_KM, sy_block_number(b), 0, 0, title, len, out) != 0)
        st->oom = 1;
}

static void add_signatures(state *st, column *c, const sy_block *b)
{
    sig_grid *g = grow(st->grids, &st->capgrids, st->ngrids, sizeof *g, &st->oom);
    if (!g)
        return;
    st->grids = g;
    g = &st->grids[st->ngrids];
    memset(g, 0, sizeof *g);
    size_t n = sy_block_signatory_count(b);
    g->cells = calloc(n ? n : 1, sizeof *g->cells);
    if (!g->cells) {
        st->oom = 1;
        return;
    }
    g->n = n;
    st->ngrids++; /* counted now: the grid owns its cells from here on */
    const sy_style_signatures *ssig = sy_style_signatures_of(st->ss);
    g->cell_w = (c->width - sy_style_column_gap(st->ss)) / 2;
    double total = 0;
    for (size_t i = 0; i < n; i++) {
        const sy_signatory *s = sy_block_signatory(b, i);
        sig_cell *cell = &g->cells[i];
        cell->party = strdup(s->party ? s->party : "");
        if (!cell->party)
            st->oom = 1;
        for (size_t k = 0; k < i; k++)
            if (!strcmp(g->cells[k].party, s->party ? s->party : ""))
                cell->index++;
        cell->index++;
        /* a signatory: its titles, the Form of its field, its names */
        size_t div = tag_new(st, 0, "Div", SY_LANG_MIXED);
        const char *texts[4] = {s->title_km, s->title_en, s->name_km, s->name_en};
        const char *roles[4] = {ssig->title_role, ssig->title_role, ssig->name_role,
                                ssig->name_role};
        sy_lang langs[4] = {SY_LANG_KM, SY_LANG_EN, SY_LANG_KM, SY_LANG_EN};
        sy_signatory_field fields[4] = {SY_SIGNATORY_TITLE_KM, SY_SIGNATORY_TITLE_EN,
                                        SY_SIGNATORY_NAME_KM, SY_SIGNATORY_NAME_EN};
        for (int k = 0; k < 4; k++) {
            if (k == 2 && div)
                cell->form = tag_new(st, div, "Form", SY_LANG_MIXED);
            if (!texts[k] || !*texts[k])
                continue;
            if (div)
                cell->tags[k] = (long)tag_new(st, div, "P", langs[k]);
            double lead;
            sy_text_style sty;
            if (text_style(st, roles[k], langs[k], &sty, NULL, NULL, &lead) != 0)
                continue;
            line_metrics(&sty, langs[k], lead, &cell->lh[k], &cell->la[k]);
            cell->lines[k] =
                make_lines(st, &sty, texts[k], strlen(texts[k]), g->cell_w, SY_ALIGN_CENTER,
                           signatory_source(b, i, fields[k]), &cell->paras[k]);
            if (cell->lines[k])
                *(k < 2 ? &cell->title_h : &cell->names_h) +=
                    cell->lh[k] * (double)sy_lines_count(cell->lines[k]);
        }
    }
    /* Rows of two: the signing lines of a row at one height. */
    for (size_t i = 0; i < n; i += 2) {
        const sig_cell *l = &g->cells[i], *r = i + 1 < n ? &g->cells[i + 1] : l;
        double t = l->title_h > r->title_h ? l->title_h : r->title_h;
        double nm = l->names_h > r->names_h ? l->names_h : r->names_h;
        total += t + ssig->room + nm + 8;
    }
    g->height = total;
    item *it = add_item(st, c, IT_SIGS, total);
    if (it)
        it->sig = st->ngrids - 1;
}

/* An image of the style sheet, loaded into the PDF once, at its size
 * (one side given: the other from the image's proportions), aligned in the
 * column. Problems are reported at the template line that placed it. */
static void add_image(state *st, column *c, const sy_block *b, double indent)
{
    sy_mark m = sy_block_mark(b);
    const char *name = sy_block_text(b, NULL);
    const sy_style_image *im = sy_style_image_find(st->ss, name);
    if (!c)
        return;
    if (!im || !im->data) {
        sy_diags_add(st->d, SY_SEV_ERROR, SY_ERR_DATA, m.file, m.line, m.column, NULL,
                     "no image '%s' in the template's style sheet", name);
        return;
    }
    sy_pdf_image *img;
    unsigned wpx, hpx;
    /* the PDF layer knows no template: its message gets the place here */
    sy_diags *pd = sy_diags_new();
    sy_status s =
        sy_pdf_load_image(st->pdf, im->data, im->len, im->file, &img, &wpx, &hpx, pd ? pd : st->d);
    if (s != SY_OK && pd) {
        const sy_diag *dg = sy_diags_count(pd) ? sy_diags_get(pd, 0) : NULL;
        sy_diags_add(st->d, SY_SEV_ERROR, s, m.file, m.line, m.column, NULL, "\\image %s: %s", name,
                     dg ? dg->message : "cannot load the image");
    }
    sy_diags_free(pd);
    if (s != SY_OK)
        return;
    double w = im->width, h = im->height;
    if (!w)
        w = h * wpx / hpx;
    if (!h)
        h = w * hpx / wpx;
    double room = c->width - indent;
    if (w > room) { /* never wider than the column */
        h *= room / w;
        w = room;
    }
    item *it = add_item(st, c, IT_IMAGE, h);
    if (!it)
        return;
    it->tag = (long)tag_new(st, 0, "Figure", SY_LANG_MIXED);
    if (it->tag) /* a failure is reported in st->d: the render fails */
        sy_pdf_tag_set_alt(st->pdf, (size_t)it->tag, im->alt ? im->alt : name, st->d);
    it->image = img;
    it->width = w;
    it->x = indent +
        (im->align == SY_ALIGN_CENTER      ? (room - w) / 2
             : im->align == SY_ALIGN_RIGHT ? room - w
                                           : 0);
}

/* A paragraph or heading, in its role's alignment unless the template
 * gave one. */
static void emit_text(state *st, const sy_block *b, column *c, double indent)
{
    size_t len;
    const char *text = sy_block_text(b, &len);
    const sy_style_role *r = sy_style_role_get(st->ss, sy_block_role(b));
    sy_align align = sy_block_role_align(b) && r->has_align ? r->align : sy_block_align(b);
    long tag = text_tag(st, r, sy_block_level(b), "P", sy_block_lang(b));
    add_paragraph(st, c ? c : top_column(st), text, len, sy_block_lang(b), sy_block_role(b), align,
                  sy_block_kind_of(b) == SY_BLOCK_HEADING, indent, block_source(b, 0), tag);
}

/* An article: its labelled heading (marked for the bookmarks), then its
 * body. */
static void emit_article(state *st, const sy_block *b, column *c, double indent)
{
    size_t len;
    sy_block_text(b, &len);
    sy_buf h = SY_BUF_INIT;
    article_heading(st, b, &h);
    column *col = c ? c : top_column(st);
    size_t before = col ? col->n : 0;
    const char *role = sy_style_article_of(st->ss)->role;
    long tag = text_tag(st, sy_style_role_get(st->ss, role), 0, "H2", sy_block_lang(b));
    if (sy_buf_failed(&h) || !col)
        st->oom = 1;
    else /* the heading ends with the title */
        add_paragraph(st, col, h.data, h.len, sy_block_lang(b), role, SY_ALIGN_LEFT, 1, indent,
                      block_source(b, -(ptrdiff_t)(h.len - len)), tag);
    if (col && col->n > before && !st->oom)
        mark_article(st, col, before, sy_block_number(b), sy_block_lang(b) == SY_LANG_EN, &h);
    sy_buf_free(&h);
    emit_blocks(st, sy_block_body(b), c, indent);
}

/* Hangs a list marker beside the first line among items [from, col->n). */
static void hang_marker(state *st, column *col, size_t from, const sy_buf *marker, sy_lang lang,
                        sy_mark m, long tag)
{
    const sy_style_list *ls = sy_style_list_of(st->ss);
    for (size_t k = from; k < col->n; k++) {
        item *it = &col->items[k];
        if (it->kind != IT_LINE)
            continue;
        sy_text_style s;
        if (text_style(st, ls->role, lang, &s, NULL, NULL, NULL) != 0)
            return;
        const sy_text_para *mp;
        const sy_lines *mls = make_lines(st, &s, marker->data, marker->len, ls->indent,
                                         SY_ALIGN_LEFT, mark_source(m), &mp);
        it = &col->items[k]; /* make_lines does not move items */
        if (mls && sy_lines_count(mls)) {
            it->marker_para = mp;
            it->marker_at = st->nparas - 1;
            it->marker_line = sy_lines_get(mls, 0);
            it->marker_tag = tag;
        }
        return;
    }
}

/* A list: each item indented, its bullet or number hanging beside it. */
static void emit_list(state *st, const sy_block *b, column *c, double indent)
{
    const sy_style_list *ls = sy_style_list_of(st->ss);
    size_t list = tag_new(st, 0, "L", SY_LANG_MIXED), outer = st->tag_parent;
    for (size_t i = 0; i < sy_block_item_count(b); i++) {
        const sy_blocks *item_blocks = sy_block_item(b, i);
        /* LI: its marker (Lbl), then its blocks (LBody) */
        size_t li = list ? tag_new(st, list, "LI", SY_LANG_MIXED) : 0;
        long lbl = li ? (long)tag_new(st, li, "Lbl", SY_LANG_MIXED) : 0;
        size_t body = li ? tag_new(st, li, "LBody", SY_LANG_MIXED) : 0;
        sy_buf marker = SY_BUF_INIT;
        sy_lang lang = SY_LANG_MIXED;
        if (sy_blocks_count(item_blocks))
            lang = sy_block_lang(sy_blocks_get(item_blocks, 0));
        int ml = lang == SY_LANG_EN ? SY_STYLE_EN : SY_STYLE_KM;
        if (!sy_block_ordered(b))
            sy_buf_puts(&marker, ls->bullet);
        else
            sy_style_format(ls->number[ml], ml == SY_STYLE_KM, (long)i + 1, 0, 0, NULL, 0, &marker);
        column *col = c ? c : top_column(st);
        size_t before = col ? col->n : 0;
        if (body)
            st->tag_parent = body;
        emit_blocks(st, item_blocks, col, indent + ls->indent);
        st->tag_parent = outer;
        if (col && col->n > before && !sy_buf_failed(&marker))
            hang_marker(st, col, before, &marker, lang, sy_block_mark(b), lbl);
        sy_buf_free(&marker);
    }
}

/* A keep group: its last item and section keep with what follows only if
 * an enclosing group says so. */
static void emit_keep(state *st, const sy_block *b, column *c, double indent)
{
    st->keep_depth++;
    size_t nsec = st->nsecs;
    emit_blocks(st, sy_block_body(b), c, indent);
    st->keep_depth--;
    column *col = c ? c : (st->nsecs ? &st->secs[st->nsecs - 1].col[0] : NULL);
    if (col && col->n)
        col->items[col->n - 1].keep_next = st->keep_depth > 0;
    if (!c && st->nsecs > nsec)
        st->secs[st->nsecs - 1].keep_next = st->keep_depth > 0;
}

/* A bilingual pair: side by side in a two-column section (parallel, at the
 * top level), else one language after the other, the sheet's first
 * language first. */
/* Whether a pair is a row of a table: its first paragraph's role has the
 * structure type TD or TH. */
static int table_row(state *st, const sy_block *b)
{
    if (!st->tag_parent || sy_block_kind_of(b) != SY_BLOCK_PAIR)
        return 0;
    const sy_blocks *side = sy_block_body(b);
    const sy_block *first = sy_blocks_count(side) ? sy_blocks_get(side, 0) : NULL;
    if (!first || sy_block_kind_of(first) != SY_BLOCK_PARAGRAPH)
        return 0;
    const char *tag = sy_style_role_get(st->ss, sy_block_role(first))->tag;
    return tag && (!strcmp(tag, "TD") || !strcmp(tag, "TH"));
}

static void emit_pair(state *st, const sy_block *b, column *c, double indent)
{
    int en_first = sy_style_first_language(st->ss) == SY_STYLE_EN;
    if (table_row(st, b)) { /* consecutive rows make one Table */
        if (!st->table)
            st->table = tag_new(st, 0, "Table", SY_LANG_MIXED);
        st->row = st->table ? tag_new(st, st->table, "TR", SY_LANG_MIXED) : 0;
    }
    if (!c && st->layout == SY_LAYOUT_PARALLEL) {
        section *s = add_section(st, SEC_DOUBLE);
        if (!s)
            return;
        size_t idx = (size_t)(s - st->secs);
        emit_blocks(st, sy_block_body(b), &st->secs[idx].col[en_first], 0);
        emit_blocks(st, sy_block_en(b), &st->secs[idx].col[!en_first], 0);
        for (int k = 0; k < 2; k++) { /* the pair's own keep state */
            column *col = &st->secs[idx].col[k];
            if (col->n)
                col->items[col->n - 1].keep_next = st->keep_depth > 0;
        }
    } else {
        emit_blocks(st, en_first ? sy_block_en(b) : sy_block_body(b), c, indent);
        emit_blocks(st, en_first ? sy_block_body(b) : sy_block_en(b), c, indent);
    }
    st->row = 0;
}

static void emit_block(state *st, const sy_block *b, column *c, double indent)
{
    switch (sy_block_kind_of(b)) {
    case SY_BLOCK_PARAGRAPH:
    case SY_BLOCK_HEADING:
        emit_text(st, b, c, indent);
        break;
    case SY_BLOCK_ARTICLE:
        emit_article(st, b, c, indent);
        break;
    case SY_BLOCK_LIST:
        emit_list(st, b, c, indent);
        break;
    case SY_BLOCK_PAGE_BREAK:
        if (!c)
            add_section(st, SEC_BREAK);
        else
            st->pending_break = 1;
        break;
    case SY_BLOCK_KEEP:
        emit_keep(st, b, c, indent);
        break;
    case SY_BLOCK_SIGNATURES:
        add_signatures(st, c ? c : top_column(st), b);
        break;
    case SY_BLOCK_PAIR:
        emit_pair(st, b, c, indent);
        break;
    case SY_BLOCK_RULE: {
        item *it = add_item(st, c ? c : top_column(st), IT_RULE, sy_style_rule_of(st->ss)->height);
        if (it)
            it->keep_next = 1;
        break;
    }
    case SY_BLOCK_SPACE:
        add_item(st, c ? c : top_column(st), IT_SPACE, sy_block_points(b));
        break;
    case SY_BLOCK_IMAGE:
        add_image(st, c ? c : top_column(st), b, indent);
        break;
    }
}

/* c NULL: the top level (single-column sections). */
static void emit_blocks(state *st, const sy_blocks *blocks, column *c, double indent)
{
    for (size_t i = 0; i < sy_blocks_count(blocks) && !st->oom; i++) {
        /* A column pointer may move when its section array grows: columns
         * of sections are only appended to while they are the last one, and
         * pairs (which add sections) are only laid out at the top level. */
        const sy_block *b = sy_blocks_get(blocks, i);
        if (!table_row(st, b) && !st->row) /* anything else ends a table */
            st->table = 0;
        emit_block(st, b, c, indent);
    }
}

/* ---- pagination ---- */

static double avail_height(const state *st)
{
    return st->page->height - st->page->margin_top - st->page->margin_bottom;
}

/* Height of the chain of items from i that must stay together. */
static double chain_height(const column *c, size_t i, int *to_end)
{
    double h = 0;
    size_t k = i;
    for (; k < c->n; k++) {
        h += c->items[k].height;
        if (!c->items[k].keep_next)
            break;
    }
    *to_end = k >= c->n;
    return h;
}

static double column_height(const column *c)
{
    double h = 0;
    for (size_t k = 0; k < c->n; k++)
        h += c->items[k].height;
    return h;
}

static double section_height(const section *s)
{
    double a = column_height(&s->col[0]);
    double b = s->kind == SEC_DOUBLE ? column_height(&s->col[1]) : 0;
    return a > b ? a : b;
}

/* Places the items of column c from *i on, starting at *pos on page
 * `page`, until the page is full. Returns 1 when the column is done. */
static int fill_column(column *c, size_t *i, double *pos, size_t page, double avail)
{
    while (*i < c->n) {
        item *it = &c->items[*i];
        if (it->forced_break && *pos > 0)
            return 0;
        if (it->kind == IT_SPACE && *pos == 0) { /* no space at a page's top */
            it->page = page;
            it->top = 0;
            it->height = 0;
            (*i)++;
            continue;
        }
        int to_end;
        double chain = chain_height(c, *i, &to_end);
        if (*pos > 0 && *pos + chain > avail && chain <= avail)
            return 0;
        if (*pos > 0 && *pos + it->height > avail)
            return 0;
        it->page = page;
        it->top = *pos;
        *pos += it->height;
        (*i)++;
    }
    return 1;
}

static void paginate(state *st)
{
    double avail = avail_height(st);
    size_t page = 0;
    double pos = 0;
    for (size_t s = 0; s < st->nsecs; s++) {
        section *sec = &st->secs[s];
        if (sec->kind == SEC_BREAK) {
            if (pos > 0) {
                page++;
                pos = 0;
            }
            continue;
        }
        /* A chain of sections kept together moves to a new page whole when
         * it would fit there and does not fit here. */
        if (pos > 0 && (s == 0 || !st->secs[s - 1].keep_next)) {
            double chain = 0;
            size_t k = s;
            for (; k < st->nsecs && st->secs[k].kind != SEC_BREAK; k++) {
                chain += section_height(&st->secs[k]);
                if (!st->secs[k].keep_next)
                    break;
            }
            if (k > s && pos + chain > avail && chain <= avail) {
                page++;
                pos = 0;
            }
        }
        size_t idx[2] = {0, 0};
        int ncols = sec->kind == SEC_DOUBLE ? 2 : 1;
        for (;;) {
            double end = pos;
            int done = 1;
            for (int k = 0; k < ncols; k++) {
                double p = pos;
                done &= fill_column(&sec->col[k], &idx[k], &p, page, avail);
                if (p > end)
                    end = p;
            }
            if (done) {
                pos = end;
                break;
            }
            page++;
            pos = 0;
        }
    }
    st->npages = page + 1;
}

/* A signature grid must not open a page when text comes before it: mark the
 * last lines before its keep chain to break early, so they go with it.
 * Returns 1 if anything changed. */
static int pull_lines_to_signatures(state *st)
{
    int changed = 0;
    for (size_t s = 0; s < st->nsecs; s++) {
        section *sec = &st->secs[s];
        for (size_t i = 0; i < sec->col[0].n; i++) {
            item *it = &sec->col[0].items[i];
            if (it->kind != IT_SIGS)
                continue;
            /* The first placed item of the chain that holds the grid. */
            size_t cs = s, ci = i;
            while (1) {
                if (ci > 0 && sec->col[0].items[ci - 1].keep_next && cs == s) {
                    ci--;
                    continue;
                }
                if (ci == 0 && cs > 0 && st->secs[cs - 1].keep_next &&
                    st->secs[cs - 1].kind != SEC_BREAK) {
                    cs--;
                    ci = 0;
                    continue;
                }
                break;
            }
            section *first = &st->secs[cs];
            const item *top = first->col[0].n ? &first->col[0].items[ci] : it;
            if (top->top > 0 || top->page == 0)
                continue;
            /* It opens a page: take the last two lines before it along. */
            size_t ps = cs;
            section *prev = NULL;
            if (ci == 0) {
                while (ps > 0 && st->secs[ps - 1].kind == SEC_BREAK)
                    return changed; /* an explicit page break: leave it */
                prev = ps > 0 ? &st->secs[ps - 1] : NULL;
            }
            if (ci > 0) {
                column *c = &first->col[0];
                size_t lines = 0;
                for (size_t k = ci; k-- > 0;)
                    if (c->items[k].kind == IT_LINE && ++lines == 2) {
                        if (!c->items[k].forced_break)
                            changed = c->items[k].forced_break = 1;
                        break;
                    }
            } else if (prev) {
                for (int k = 0; k < (prev->kind == SEC_DOUBLE ? 2 : 1); k++) {
                    column *c = &prev->col[k];
                    size_t lines = 0, q = c->n;
                    while (q-- > 0)
                        if (c->items[q].kind == IT_LINE && ++lines == 2)
                            break;
                    /* In parallel columns paragraphs stay whole: the last
                     * one moves with what keeps with it. */
                    while (c->whole_paragraphs && q > 0 && q < c->n && c->items[q - 1].keep_next)
                        q--;
                    if (q < c->n && !c->items[q].forced_break)
                        changed = c->items[q].forced_break = 1;
                }
            }
        }
    }
    return changed;
}

/* ---- drawing ---- */

/* PDF y of a distance from the top of the text area. */
static double page_y(const state *st, double top)
{
    return st->page->height - st->page->margin_top - top;
}

/* In a tagged PDF a line that ends at a space of its paragraph (a word
 * break) gets that space drawn after its last glyph, with no advance, inside
 * its element: Tagged PDF represents word breaks as space characters
 * (ISO 32000-1, 14.8.2.5), so what reads an element's marked content (a
 * screen reader, pdfinfo -struct-text) does not run the last word of a
 * line into the first word of the next. The text of the line itself and
 * its glyphs' mapping are unchanged. */
static sy_status draw_break_space(state *st, sy_pdf *pdf, const sy_text_para *p,
                                  const sy_line *line, double x, double y, int newline)
{
    size_t len, at;
    const char *text = sy_text_para_text(p, &len);
    if (newline) { /* a forced break (its piece of the paragraph ends): a space too */
        text = " ";
        at = 0;
    } else if (line->end < len && text[line->end] == ' ') {
        at = line->end;
    } else {
        return SY_OK;
    }
    if (!st->tag_parent || !line->nruns)
        return SY_OK;
    const sy_font *f = line->runs[line->nruns - 1].font;
    uint32_t gid = sy_font_nominal_glyph(f, ' ');
    if (!gid)
        return SY_OK;
    double end = line->x + line->width;
    for (size_t i = 0; line->extra && i < line->nglyphs; i++)
        end += line->extra[i];
    sy_text_glyph g = {gid, (uint32_t)at, 0, 0, 0, 0};
    return sy_pdf_draw_glyphs(pdf, f, sy_text_para_style(p)->size, x + end, y, text, at, at + 1, &g,
                              1, NULL, NULL, st->d);
}

static sy_status draw_lines_of(state *st, sy_pdf *pdf, const sig_cell *cell, int k, double cx,
                               double *y)
{
    if (cell->lines[k] && sy_lines_count(cell->lines[k])) {
        sy_status s = sy_pdf_mark(pdf, cell->tags[k] ? cell->tags[k] : SY_PDF_ARTIFACT, st->d);
        if (s != SY_OK)
            return s;
    }
    for (size_t l = 0; cell->lines[k] && l < sy_lines_count(cell->lines[k]); l++) {
        const sy_line *line = sy_lines_get(cell->lines[k], l);
        double base = page_y(st, *y + cell->la[k]);
        sy_status s = sy_render_draw_line(pdf, cell->paras[k], line, cx, base, st->d);
        if (s == SY_OK)
            s = draw_break_space(st, pdf, cell->paras[k], line, cx, base, 0);
        if (s != SY_OK)
            return s;
        *y += cell->lh[k];
    }
    return SY_OK;
}

static sy_status draw_sigs(state *st, sy_pdf *pdf, const sig_grid *g, double x, double top,
                           size_t page, sy_render_result *res)
{
    double row_top = top, room = sy_style_signatures_of(st->ss)->room;
    for (size_t i = 0; i < g->n; i += 2) {
        const sig_cell *pair[2] = {&g->cells[i], i + 1 < g->n ? &g->cells[i + 1] : NULL};
        double title_h = pair[0]->title_h, names_h = pair[0]->names_h;
        if (pair[1] && pair[1]->title_h > title_h)
            title_h = pair[1]->title_h;
        if (pair[1] && pair[1]->names_h > names_h)
            names_h = pair[1]->names_h;
        for (int c = 0; c < 2 && pair[c]; c++) {
            const sig_cell *cell = pair[c];
            double cx = x + c * (g->cell_w + sy_style_column_gap(st->ss));
            double y = row_top + title_h - cell->title_h; /* titles sit on the room */
            sy_status s = draw_lines_of(st, pdf, cell, 0, cx, &y);
            if (s == SY_OK)
                s = draw_lines_of(st, pdf, cell, 1, cx, &y);
            /* the room to sign and seal, then the line */
            double line_y = page_y(st, row_top + title_h + room);
            if (s == SY_OK)
                s = sy_pdf_mark(pdf, SY_PDF_ARTIFACT, st->d);
            if (s == SY_OK)
                s = sy_pdf_stroke(pdf, cx + g->cell_w * 0.12, line_y, cx + g->cell_w * 0.88, line_y,
                                  0.6, st->d);
            if (s != SY_OK)
                return s;
            sy_sig_place *p = realloc(res->sigs, (res->nsigs + 1) * sizeof *p);
            if (!p)
                return sy_diags_add(st->d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL,
                                    "out of memory");
            res->sigs = p;
            sy_sig_place sp = {cell->party,           cell->index, st->first_page + page,
                               cx + g->cell_w * 0.12, line_y,      cx + g->cell_w * 0.88,
                               line_y + room * 0.75,  cell->form};
            res->sigs[res->nsigs++] = sp;
            y = row_top + title_h + room + 2;
            s = draw_lines_of(st, pdf, cell, 2, cx, &y);
            if (s == SY_OK)
                s = draw_lines_of(st, pdf, cell, 3, cx, &y);
            if (s != SY_OK)
                return s;
        }
        row_top += title_h + room + names_h + 8;
    }
    return SY_OK;
}

/* A check box in the margin, on the baseline; ticked when done. */
static sy_status draw_box(state *st, sy_pdf *pdf, double x, double baseline, double size, int done)
{
    double side = BOX_SIDE * size;
    sy_status s = sy_pdf_stroke_rect(pdf, x, baseline, side, side, 0.6, st->d);
    if (s == SY_OK && done)
        s = sy_pdf_stroke(pdf, x + side * 0.2, baseline + side * 0.5, x + side * 0.42,
                          baseline + side * 0.22, 1.0, st->d);
    if (s == SY_OK && done)
        s = sy_pdf_stroke(pdf, x + side * 0.42, baseline + side * 0.22, x + side * 0.85,
                          baseline + side * 0.9, 1.0, st->d);
    return s;
}

static sy_status draw_rule(state *st, sy_pdf *pdf, double cx, double top)
{
    /* The ornament under the motto: a line, a small lozenge, a line. */
    const sy_style_rule *u = sy_style_rule_of(st->ss);
    double y = page_y(st, top + u->height / 2), half = u->width / 2, r = 3, w = u->line;
    sy_status s = sy_pdf_stroke(pdf, cx - half, y, cx - r - 2, y, w, st->d);
    if (s == SY_OK)
        s = sy_pdf_stroke(pdf, cx + r + 2, y, cx + half, y, w, st->d);
    if (s == SY_OK)
        s = sy_pdf_stroke(pdf, cx - r, y, cx, y + r, w, st->d);
    if (s == SY_OK)
        s = sy_pdf_stroke(pdf, cx, y + r, cx + r, y, w, st->d);
    if (s == SY_OK)
        s = sy_pdf_stroke(pdf, cx + r, y, cx, y - r, w, st->d);
    if (s == SY_OK)
        s = sy_pdf_stroke(pdf, cx, y - r, cx - r, y, w, st->d);
    return s;
}

/* The footer in the sheet's words ({page} of {pages} in each language). */
static sy_status draw_footer(state *st, sy_pdf *pdf, size_t page)
{
    const sy_style_footer *f = sy_style_footer_of(st->ss);
    sy_buf t = SY_BUF_INIT;
    for (int k = 0; k < 2; k++) {
        int lang = f->en_first ? 1 - k : k;
        if (!f->text[lang])
            continue;
        if (t.len && f->separator)
            sy_buf_puts(&t, f->separator);
        sy_style_format(f->text[lang], lang == SY_STYLE_KM, 0, (long)page + 1, (long)st->npages,
                        NULL, 0, &t);
    }
    if (sy_buf_failed(&t)) {
        sy_buf_free(&t);
        return sy_diags_add(st->d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    sy_text_style s;
    if (!t.len || text_style(st, f->role, SY_LANG_MIXED, &s, NULL, NULL, NULL) != 0) {
        sy_buf_free(&t);
        return sy_diags_status(st->d);
    }
    sy_text_source src = {.file = NULL};
    sy_text_para *p = sy_text_para_new(st->rc->text, &s, t.data, t.len, src, st->d);
    sy_buf_free(&t);
    if (!p)
        return sy_diags_status(st->d);
    const sy_page_geometry *g = st->page;
    sy_status ms = sy_pdf_mark(pdf, SY_PDF_ARTIFACT, st->d); /* page furniture */
    if (ms != SY_OK) {
        sy_text_para_free(p);
        return ms;
    }
    sy_lines *l =
        sy_layout_paragraph(p, g->width - g->margin_left - g->margin_right, f->align, st->d);
    sy_status rc = l ? SY_OK : sy_diags_status(st->d);
    for (size_t i = 0; l && i < sy_lines_count(l) && rc == SY_OK; i++)
        rc = sy_render_draw_line(pdf, p, sy_lines_get(l, i), g->margin_left,
                                 g->margin_bottom - f->gap, st->d);
    sy_lines_free(l);
    sy_text_para_free(p);
    return rc;
}

static sy_status draw_page(state *st, sy_pdf *pdf, size_t page, sy_render_result *res)
{
    for (size_t s = 0; s < st->nsecs; s++) {
        section *sec = &st->secs[s];
        for (int k = 0; k < (sec->kind == SEC_DOUBLE ? 2 : 1); k++) {
            column *c = &sec->col[k];
            double x = st->page->margin_left + c->x;
            double list_indent = sy_style_list_of(st->ss)->indent;
            for (size_t i = 0; i < c->n; i++) {
                item *it = &c->items[i];
                if (it->page != page)
                    continue;
                sy_status rc = SY_OK;
                if (it->kind == IT_LINE) {
                    double y = page_y(st, it->top + it->ascent);
                    /* the box and the marker first, so the paragraph's
                     * lines follow one another in one marked content */
                    if (it->box)
                        rc = sy_pdf_mark(pdf, SY_PDF_ARTIFACT, st->d);
                    if (rc == SY_OK && it->box)
                        rc = draw_box(st, pdf, x + it->x - list_indent, y,
                                      sy_text_para_style(it->para)->size,
                                      it->box == SY_STYLE_MARKER_BOX_CHECKED);
                    if (rc == SY_OK && it->marker_line)
                        rc = sy_pdf_mark(pdf, it->marker_tag ? it->marker_tag : SY_PDF_ARTIFACT,
                                         st->d);
                    if (rc == SY_OK && it->marker_line)
                        rc = sy_render_draw_line(pdf, it->marker_para, it->marker_line,
                                                 x + it->x - list_indent, y, st->d);
                    if (rc == SY_OK)
                        rc = sy_pdf_mark(pdf, it->tag ? it->tag : SY_PDF_ARTIFACT, st->d);
                    if (rc == SY_OK && it->color)
                        rc = sy_pdf_set_fill(pdf, it->color[0], it->color[1], it->color[2], st->d);
                    if (rc == SY_OK)
                        rc = sy_render_draw_line(pdf, it->para, it->line, x + it->x, y, st->d);
                    if (rc == SY_OK && it->tag > 0)
                        rc = draw_break_space(st, pdf, it->para, it->line, x + it->x, y,
                                              it->newline_after);
                    if (rc == SY_OK && it->color)
                        rc = sy_pdf_set_fill(pdf, 0, 0, 0, st->d);
                } else if (it->kind == IT_RULE) {
                    rc = sy_pdf_mark(pdf, SY_PDF_ARTIFACT, st->d);
                    if (rc == SY_OK)
                        rc = draw_rule(st, pdf, x + c->width / 2, it->top);
                } else if (it->kind == IT_IMAGE) {
                    rc = sy_pdf_mark(pdf, it->tag ? it->tag : SY_PDF_ARTIFACT, st->d);
                    if (rc == SY_OK)
                        rc = sy_pdf_draw_image(pdf, it->image, x + it->x,
                                               page_y(st, it->top + it->height), it->width,
                                               it->height, st->d);
                } else if (it->kind == IT_SIGS) {
                    rc = draw_sigs(st, pdf, &st->grids[it->sig], x, it->top, page, res);
                }
                if (rc != SY_OK)
                    return rc;
            }
        }
    }
    sy_status fs = st->footer ? draw_footer(st, pdf, page) : SY_OK;
    return fs == SY_OK ? sy_pdf_mark(pdf, 0, st->d) : fs;
}

/* The paragraphs whose lines only items draw, ordered by the last page
 * they are drawn on: *n pairs (page, index in st->paras), or NULL when out
 * of memory (then nothing is freed early). */
typedef struct para_end {
    size_t page, para;
} para_end;

static int para_end_cmp(const void *a, const void *b)
{
    const para_end *x = a, *y = b;
    if (x->page != y->page)
        return x->page < y->page ? -1 : 1;
    return x->para < y->para ? -1 : x->para > y->para;
}

static para_end *para_ends(const state *st, size_t *n)
{
    *n = 0;
    size_t *last = malloc((st->nparas ? st->nparas : 1) * sizeof *last);
    para_end *ends = malloc((st->nparas ? st->nparas : 1) * sizeof *ends);
    if (!last || !ends) {
        free(last);
        free(ends);
        return NULL;
    }
    for (size_t i = 0; i < st->nparas; i++)
        last[i] = (size_t)-1; /* not drawn by an item: kept to the end */
    for (size_t s = 0; s < st->nsecs; s++)
        for (int k = 0; k < 2; k++)
            for (size_t i = 0; i < st->secs[s].col[k].n; i++) {
                const item *it = &st->secs[s].col[k].items[i];
                if (it->kind != IT_LINE)
                    continue;
                size_t at[2] = {it->para_at, it->marker_at};
                for (int m = 0; m < (it->marker_line ? 2 : 1); m++)
                    if (last[at[m]] == (size_t)-1 || last[at[m]] < it->page)
                        last[at[m]] = it->page;
            }
    for (size_t i = 0; i < st->nparas; i++)
        if (last[i] != (size_t)-1)
            ends[(*n)++] = (para_end){last[i], i};
    free(last);
    qsort(ends, *n, sizeof *ends, para_end_cmp);
    return ends;
}

static void state_free(state *st)
{
    for (size_t s = 0; s < st->nsecs; s++)
        for (int k = 0; k < 2; k++)
            free(st->secs[s].col[k].items);
    free(st->secs);
    for (size_t i = 0; i < st->nparas; i++) {
        sy_lines_free(st->lines[i]);
        sy_text_para_free(st->paras[i]);
    }
    free(st->paras);
    free(st->lines);
    for (size_t g = 0; g < st->ngrids; g++) {
        for (size_t i = 0; i < st->grids[g].n; i++)
            free(st->grids[g].cells[i].party);
        free(st->grids[g].cells);
    }
    free(st->grids);
    for (size_t i = 0; i < st->nmarks; i++)
        free(st->marks[i].text);
    free(st->marks);
    free(st->fonts);
}

/* Bookmarks: one per article number, the Khmer and English headings joined,
 * at the higher of the two. */
static sy_status collect_marks(state *st, sy_render_result *res)
{
    res->marks = calloc(st->nmarks ? st->nmarks : 1, sizeof *res->marks);
    if (!res->marks)
        return SY_ERR_NOMEM;
    for (size_t i = 0; i < st->nmarks; i++) {
        const article_mark *a = &st->marks[i];
        if (a->en) { /* joined to its Khmer heading when there is one */
            int paired = 0;
            for (size_t k = 0; k < st->nmarks; k++)
                paired |= !st->marks[k].en && st->marks[k].number == a->number;
            if (paired)
                continue;
        }
        const article_mark *other = NULL;
        for (size_t k = 0; k < st->nmarks && !a->en; k++)
            if (st->marks[k].en && st->marks[k].number == a->number)
                other = &st->marks[k];
        const item *it = &st->secs[a->sec].col[a->col].items[a->idx];
        size_t n = strlen(a->text) + (other ? strlen(other->text) + 4 : 0) + 1;
        char *t = malloc(n);
        if (!t)
            return SY_ERR_NOMEM;
        snprintf(t, n, "%s%s%s", a->text, other ? " / " : "", other ? other->text : "");
        sy_render_mark m = {t, st->first_page + it->page, page_y(st, it->top)};
        res->marks[res->nmarks++] = m;
    }
    return SY_OK;
}

sy_status sy_render_doc(sy_render_ctx *rc, const sy_doc *doc, sy_doc_layout layout, sy_pdf *pdf,
                        sy_render_result **result, sy_diags *d)
{
    sy_render_options o = {1, 0};
    return sy_render_doc_opts(rc, doc, layout, pdf, &o, result, d);
}

/* Bytes of the text of the blocks in list and inside them (paragraphs,
 * headings, article titles, at every depth; not list markers or signature
 * grids, which are small). Stops early once past `stop`. */
static size_t blocks_text_bytes(const sy_blocks *list, size_t stop)
{
    size_t total = 0;
    for (size_t i = 0; list && i < sy_blocks_count(list) && total <= stop; i++) {
        const sy_block *b = sy_blocks_get(list, i);
        size_t len = 0;
        if (sy_block_kind_of(b) != SY_BLOCK_IMAGE)
            sy_block_text(b, &len);
        total += len;
        total += blocks_text_bytes(sy_block_body(b), stop);
        total += blocks_text_bytes(sy_block_en(b), stop);
        for (size_t k = 0; k < sy_block_item_count(b); k++)
            total += blocks_text_bytes(sy_block_item(b, k), stop);
    }
    return total;
}

sy_status sy_render_doc_opts(sy_render_ctx *rc, const sy_doc *doc, sy_doc_layout layout,
                             sy_pdf *pdf, const sy_render_options *o, sy_render_result **result,
                             sy_diags *d)
{
    if (result)
        *result = NULL;
    state st;
    memset(&st, 0, sizeof st);
    st.rc = rc;
    st.layout = layout;
    st.d = d;
    st.first_page = sy_pdf_page_count(pdf);
    st.footer = (o ? o->footer : 1) && sy_style_footer_of(sy_doc_style(doc))->enabled;
    st.ss = sy_doc_style(doc) ? sy_doc_style(doc) : sy_style_defaults();
    st.page = sy_style_page(st.ss);
    st.pdf = pdf;
    st.tag_parent = o ? o->tags : 0;
    st.fonts = calloc(sy_style_role_count(st.ss) + 1, sizeof *st.fonts);
    if (!st.fonts)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    /* Typesetting keeps every line until the pages are drawn: refuse a
     * document too big for that before the work, not during it. */
    size_t text_bytes = blocks_text_bytes(sy_doc_blocks(doc), SY_LIMIT_DOC_TEXT_BYTES);
    if (text_bytes > SY_LIMIT_DOC_TEXT_BYTES) {
        free(st.fonts);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "the document has more than %u bytes of text to typeset (some 4,000 "
                            "pages)",
                            SY_LIMIT_DOC_TEXT_BYTES);
    }
    size_t errors = sy_diags_errors(d);
    emit_blocks(&st, sy_doc_blocks(doc), NULL, 0);
    if (st.oom)
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    sy_status status = sy_diags_errors(d) > errors ? sy_diags_status(d) : SY_OK;
    if (status == SY_OK) {
        for (int tries = 0; tries < 3; tries++) {
            paginate(&st);
            if (!pull_lines_to_signatures(&st))
                break;
        }
    }
    /* sy_pdf_add_page checks this too, but only after every page before it
     * is drawn. */
    if (status == SY_OK && st.first_page + st.npages > SY_LIMIT_PAGES)
        status = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL, "more than %d pages",
                              SY_LIMIT_PAGES);
    sy_render_result *res = calloc(1, sizeof *res);
    if (!res && status == SY_OK)
        status = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    /* A paragraph's lines are freed once its last page is drawn, so the
     * lines and the PDF's page contents are not all held at once. */
    size_t nends = 0, next_end = 0;
    para_end *ends = status == SY_OK ? para_ends(&st, &nends) : NULL;
    for (size_t p = 0; status == SY_OK && p < st.npages; p++) {
        status = sy_pdf_add_page(pdf, st.page->width, st.page->height, d);
        if (status == SY_OK)
            status = draw_page(&st, pdf, p, res);
        for (; ends && next_end < nends && ends[next_end].page <= p; next_end++) {
            size_t i = ends[next_end].para;
            sy_lines_free(st.lines[i]);
            sy_text_para_free(st.paras[i]);
            st.lines[i] = NULL;
            st.paras[i] = NULL;
        }
    }
    free(ends);
    if (status == SY_OK && res) {
        res->pages = st.npages;
        res->first = st.first_page;
        if (collect_marks(&st, res) != SY_OK)
            status = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        /* The party names in res->sigs point into the grids: copy them. */
        for (size_t i = 0; i < res->nsigs; i++) {
            char *copy = strdup(res->sigs[i].party);
            if (!copy) {
                status =
                    sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
                res->nsigs = i;
                break;
            }
            res->sigs[i].party = copy;
        }
    } else if (res) {
        res->nsigs = 0;
    }
    state_free(&st);
    if (status == SY_OK && result)
        *result = res;
    else
        sy_render_result_free(res);
    return status;
}

size_t sy_render_result_pages(const sy_render_result *r)
{
    return r->pages;
}

size_t sy_render_result_first_page(const sy_render_result *r)
{
    return r->first;
}

size_t sy_render_result_mark_count(const sy_render_result *r)
{
    return r->nmarks;
}

const sy_render_mark *sy_render_result_mark(const sy_render_result *r, size_t i)
{
    return i < r->nmarks ? &r->marks[i] : NULL;
}

size_t sy_render_result_sig_count(const sy_render_result *r)
{
    return r->nsigs;
}

const sy_sig_place *sy_render_result_sig(const sy_render_result *r, size_t i)
{
    return i < r->nsigs ? &r->sigs[i] : NULL;
}

void sy_render_result_free(sy_render_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nsigs; i++)
        free((char *)r->sigs[i].party);
    free(r->sigs);
    for (size_t i = 0; i < r->nmarks; i++)
        free((char *)r->marks[i].title);
    free(r->marks);
    free(r);
}
