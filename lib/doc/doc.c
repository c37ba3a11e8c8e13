/* sy_doc: see doc.h. Blocks are individually allocated and freed
 * recursively with their document; file names of marks are interned once
 * per document so that a document outlives the template that made it. */
#include "doc/doc.h"

#include <stdlib.h>
#include <string.h>

#include "core/array.h"

struct sy_blocks {
    sy_doc *doc;
    sy_block **items;
    size_t len, cap;
};

/* Spans of one text, in text order; paths owned, files interned in the
 * document. */
typedef struct span_list {
    sy_span *v;
    size_t n, cap;
} span_list;

/* A signatory with where its text fields came from. */
typedef struct sig_entry {
    sy_signatory s; /* strings owned */
    struct {
        int has_mark;
        sy_mark mark; /* file interned */
        span_list spans;
    } field[SY_SIGNATORY_FIELDS];
} sig_entry;

struct sy_block {
    sy_block_kind kind;
    sy_mark mark;
    char *text;
    size_t len;
    size_t cap; /* bytes allocated for text: appends grow it geometrically */
    sy_lang lang;
    char *role;
    sy_align align;
    int role_align;
    int level, number, ordered;
    double points;
    sy_blocks body, en;
    sy_blocks **items;
    size_t nitems, capitems;
    sig_entry *sigs;
    size_t nsigs, capsigs;
    span_list spans;
};

struct sy_doc {
    sy_doc_layout layout;
    const sy_style_sheet *style; /* borrowed */
    sy_blocks body;
    char **files;
    size_t nfiles, capfiles;
    int failed;
};

static const sy_blocks empty_list = {NULL, NULL, 0, 0};

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}

static char *dup_s(const char *s)
{
    return dup_n(s ? s : "", s ? strlen(s) : 0);
}

static void blocks_free(sy_blocks *l);

static void spans_free(span_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free((char *)l->v[i].path);
    free(l->v);
}

static void block_free(sy_block *b)
{
    if (!b)
        return;
    free(b->text);
    free(b->role);
    blocks_free(&b->body);
    blocks_free(&b->en);
    for (size_t i = 0; i < b->nitems; i++) {
        blocks_free(b->items[i]);
        free(b->items[i]);
    }
    free(b->items);
    for (size_t i = 0; i < b->nsigs; i++) {
        sy_signatory *s = &b->sigs[i].s;
        free((char *)s->party);
        free((char *)s->name_km);
        free((char *)s->name_en);
        free((char *)s->title_km);
        free((char *)s->title_en);
        for (int f = 0; f < SY_SIGNATORY_FIELDS; f++)
            spans_free(&b->sigs[i].field[f].spans);
    }
    free(b->sigs);
    spans_free(&b->spans);
    free(b);
}

static void blocks_free(sy_blocks *l)
{
    for (size_t i = 0; i < l->len; i++)
        block_free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

sy_doc *sy_doc_new(void)
{
    sy_doc *d = calloc(1, sizeof *d);
    if (d)
        d->body.doc = d;
    return d;
}

void sy_doc_free(sy_doc *doc)
{
    if (!doc)
        return;
    blocks_free(&doc->body);
    for (size_t i = 0; i < doc->nfiles; i++)
        free(doc->files[i]);
    free(doc->files);
    free(doc);
}

sy_doc_layout sy_doc_get_layout(const sy_doc *doc)
{
    return doc ? doc->layout : SY_LAYOUT_PARALLEL;
}

void sy_doc_set_layout(sy_doc *doc, sy_doc_layout layout)
{
    if (doc)
        doc->layout = layout;
}

void sy_doc_set_style(sy_doc *doc, const sy_style_sheet *style)
{
    if (doc)
        doc->style = style;
}

const sy_style_sheet *sy_doc_style(const sy_doc *doc)
{
    return doc ? doc->style : NULL;
}

sy_blocks *sy_doc_body(sy_doc *doc)
{
    return doc ? &doc->body : NULL;
}

const sy_blocks *sy_doc_blocks(const sy_doc *doc)
{
    return doc ? &doc->body : &empty_list;
}

int sy_doc_failed(const sy_doc *doc)
{
    return !doc || doc->failed;
}

/* ---- Reading ---- */

size_t sy_blocks_count(const sy_blocks *list)
{
    return list ? list->len : 0;
}

const sy_block *sy_blocks_get(const sy_blocks *list, size_t i)
{
    return list && i < list->len ? list->items[i] : NULL;
}

sy_block_kind sy_block_kind_of(const sy_block *b)
{
    return b->kind;
}

sy_mark sy_block_mark(const sy_block *b)
{
    return b->mark;
}

const char *sy_block_text(const sy_block *b, size_t *len)
{
    if (len)
        *len = b->text ? b->len : 0;
    return b->text ? b->text : "";
}

const sy_span *sy_block_spans(const sy_block *b, size_t *n)
{
    *n = b->spans.n;
    return b->spans.v;
}

const sy_span *sy_block_span_at(const sy_block *b, size_t offset)
{
    return sy_span_find(b->spans.v, b->spans.n, offset);
}

sy_lang sy_block_lang(const sy_block *b)
{
    return b->lang;
}

const char *sy_block_role(const sy_block *b)
{
    return b->role ? b->role : "";
}

sy_align sy_block_align(const sy_block *b)
{
    return b->align;
}

int sy_block_level(const sy_block *b)
{
    return b->kind == SY_BLOCK_HEADING ? b->level : 0;
}

int sy_block_number(const sy_block *b)
{
    return b->kind == SY_BLOCK_ARTICLE ? b->number : 0;
}

int sy_block_ordered(const sy_block *b)
{
    return b->kind == SY_BLOCK_LIST && b->ordered;
}

double sy_block_points(const sy_block *b)
{
    return b->kind == SY_BLOCK_SPACE ? b->points : 0;
}

static int has_body(sy_block_kind k)
{
    return k == SY_BLOCK_ARTICLE || k == SY_BLOCK_KEEP || k == SY_BLOCK_PAIR;
}

const sy_blocks *sy_block_body(const sy_block *b)
{
    return has_body(b->kind) ? &b->body : &empty_list;
}

const sy_blocks *sy_block_en(const sy_block *b)
{
    return b->kind == SY_BLOCK_PAIR ? &b->en : &empty_list;
}

size_t sy_block_item_count(const sy_block *b)
{
    return b->nitems;
}

const sy_blocks *sy_block_item(const sy_block *b, size_t i)
{
    return i < b->nitems ? b->items[i] : &empty_list;
}

size_t sy_block_signatory_count(const sy_block *b)
{
    return b->nsigs;
}

const sy_signatory *sy_block_signatory(const sy_block *b, size_t i)
{
    return i < b->nsigs ? &b->sigs[i].s : NULL;
}

static int is_field(sy_signatory_field f)
{
    return (unsigned)f < SY_SIGNATORY_FIELDS;
}

const sy_span *sy_block_signatory_spans(const sy_block *b, size_t i, sy_signatory_field f,
                                        size_t *n)
{
    if (i >= b->nsigs || !is_field(f)) {
        *n = 0;
        return NULL;
    }
    *n = b->sigs[i].field[f].spans.n;
    return b->sigs[i].field[f].spans.v;
}

sy_mark sy_block_signatory_mark(const sy_block *b, size_t i, sy_signatory_field f)
{
    if (i >= b->nsigs || !is_field(f) || !b->sigs[i].field[f].has_mark)
        return b->mark;
    return b->sigs[i].field[f].mark;
}

/* ---- Building ---- */

static const char *intern_file(sy_doc *d, const char *file)
{
    if (!file)
        return NULL;
    for (size_t i = 0; i < d->nfiles; i++)
        if (!strcmp(d->files[i], file))
            return d->files[i];
    if (SY_RESERVE(d->files, d->capfiles, d->nfiles + 1) != 0)
        return NULL;
    char *s = dup_s(file);
    if (!s)
        return NULL;
    d->files[d->nfiles++] = s;
    return s;
}

static sy_block *add(sy_blocks *list, sy_block_kind kind, sy_mark m)
{
    if (!list || !list->doc)
        return NULL;
    sy_doc *d = list->doc;
    sy_block *b = calloc(1, sizeof *b);
    if (!b)
        goto fail;
    b->kind = kind;
    b->mark = m;
    b->mark.file = intern_file(d, m.file);
    b->body.doc = d;
    b->en.doc = d;
    if (SY_RESERVE(list->items, list->cap, list->len + 1) != 0)
        goto fail;
    list->items[list->len++] = b;
    return b;
fail:
    free(b);
    d->failed = 1;
    return NULL;
}

static sy_block *add_text(sy_blocks *list, sy_block_kind kind, sy_mark m, const char *text,
                          size_t len, sy_lang lang, const char *role, sy_align align)
{
    sy_block *b = add(list, kind, m);
    if (!b)
        return NULL;
    b->text = dup_n(text ? text : "", text ? len : 0);
    b->len = text ? len : 0;
    b->cap = b->len + 1;
    b->lang = lang;
    b->align = align;
    b->role = role ? dup_s(role) : NULL;
    if (!b->text || (role && !b->role)) {
        list->doc->failed = 1;
        return NULL; /* the block stays in the list and is freed with it */
    }
    return b;
}

sy_block *sy_blocks_add_paragraph(sy_blocks *list, sy_mark m, const char *text, size_t len,
                                  sy_lang lang, const char *role, sy_align align)
{
    return add_text(list, SY_BLOCK_PARAGRAPH, m, text, len, lang, role ? role : "body", align);
}

sy_block *sy_blocks_add_heading(sy_blocks *list, sy_mark m, int level, const char *text, size_t len,
                                sy_lang lang, const char *role, sy_align align)
{
    sy_block *b =
        add_text(list, SY_BLOCK_HEADING, m, text, len, lang, role ? role : "heading", align);
    if (b)
        b->level = level < 1 ? 1 : level > 6 ? 6 : level;
    return b;
}

sy_block *sy_blocks_add_article(sy_blocks *list, sy_mark m, int number, const char *title,
                                size_t len, sy_lang lang)
{
    sy_block *b = add_text(list, SY_BLOCK_ARTICLE, m, title, len, lang, NULL, SY_ALIGN_LEFT);
    if (b)
        b->number = number;
    return b;
}

sy_block *sy_blocks_add_list(sy_blocks *list, sy_mark m, int ordered)
{
    sy_block *b = add(list, SY_BLOCK_LIST, m);
    if (b)
        b->ordered = ordered != 0;
    return b;
}

sy_block *sy_blocks_add_page_break(sy_blocks *list, sy_mark m)
{
    return add(list, SY_BLOCK_PAGE_BREAK, m);
}

sy_block *sy_blocks_add_keep(sy_blocks *list, sy_mark m)
{
    return add(list, SY_BLOCK_KEEP, m);
}

sy_block *sy_blocks_add_signatures(sy_blocks *list, sy_mark m)
{
    return add(list, SY_BLOCK_SIGNATURES, m);
}

sy_block *sy_blocks_add_pair(sy_blocks *list, sy_mark m)
{
    return add(list, SY_BLOCK_PAIR, m);
}

sy_block *sy_blocks_add_rule(sy_blocks *list, sy_mark m)
{
    return add(list, SY_BLOCK_RULE, m);
}

sy_block *sy_blocks_add_space(sy_blocks *list, sy_mark m, double points)
{
    sy_block *b = add(list, SY_BLOCK_SPACE, m);
    if (b)
        b->points = points;
    return b;
}

sy_block *sy_blocks_add_image(sy_blocks *list, sy_mark m, const char *name)
{
    return add_text(list, SY_BLOCK_IMAGE, m, name, name ? strlen(name) : 0, SY_LANG_MIXED, NULL,
                    SY_ALIGN_LEFT);
}

int sy_block_append_text(sy_block *b, const char *text, size_t len)
{
    if (!b || !b->text)
        return -1;
    /* A paragraph is joined line by line: growing by what is appended
     * would copy it once per line (quadratic where realloc cannot grow in
     * place: AddressSanitizer, musl, macOS). */
    size_t need = b->len + len + 1;
    if (need > b->cap) {
        size_t cap = b->cap * 2 > need ? b->cap * 2 : need;
        char *nt = realloc(b->text, cap);
        if (!nt) {
            b->body.doc->failed = 1;
            return -1;
        }
        b->text = nt;
        b->cap = cap;
    }
    if (len)
        memcpy(b->text + b->len, text, len);
    b->len += len;
    b->text[b->len] = 0;
    return 0;
}

/* sy_block_add_span into l, the spans of a text of len bytes. */
static int add_span(sy_doc *d, span_list *l, size_t len, size_t start, size_t end, sy_mark mark,
                    const char *path, sy_mark via)
{
    if (start > end || end > len || (l->n && start < l->v[l->n - 1].end))
        return -1;
    if (start == end)
        return 0;
    sy_span s = {start, end, mark, NULL, via};
    s.mark.file = intern_file(d, mark.file);
    s.via.file = intern_file(d, via.file);
    if ((mark.file && !s.mark.file) || (via.file && !s.via.file) ||
        (path && !(s.path = dup_s(path))) || SY_RESERVE(l->v, l->cap, l->n + 1)) {
        free((char *)s.path);
        d->failed = 1;
        return -1;
    }
    l->v[l->n++] = s;
    return 0;
}

int sy_block_add_span(sy_block *b, size_t start, size_t end, sy_mark mark, const char *path,
                      sy_mark via)
{
    if (!b || !b->text)
        return -1;
    return add_span(b->body.doc, &b->spans, b->len, start, end, mark, path, via);
}

int sy_block_append_text_from(sy_block *b, const char *text, size_t len, sy_mark mark,
                              const char *path, sy_mark via)
{
    if (sy_block_append_text(b, text, len) != 0)
        return -1;
    return sy_block_add_span(b, b->len - len, b->len, mark, path, via);
}

void sy_block_set_role_align(sy_block *b, int role_align)
{
    if (b)
        b->role_align = role_align != 0;
}

int sy_block_role_align(const sy_block *b)
{
    return b->role_align;
}

void sy_block_set_lang(sy_block *b, sy_lang lang)
{
    if (b)
        b->lang = lang;
}

sy_blocks *sy_block_body_mut(sy_block *b)
{
    return b && has_body(b->kind) ? &b->body : NULL;
}

sy_blocks *sy_block_en_mut(sy_block *b)
{
    return b && b->kind == SY_BLOCK_PAIR ? &b->en : NULL;
}

sy_blocks *sy_block_add_item(sy_block *lb)
{
    if (!lb || lb->kind != SY_BLOCK_LIST)
        return NULL;
    sy_doc *d = lb->body.doc;
    if (SY_RESERVE(lb->items, lb->capitems, lb->nitems + 1) != 0)
        goto fail;
    sy_blocks *it = calloc(1, sizeof *it);
    if (!it)
        goto fail;
    it->doc = d;
    lb->items[lb->nitems++] = it;
    return it;
fail:
    d->failed = 1;
    return NULL;
}

int sy_block_add_signatory(sy_block *sb, const sy_signatory *s)
{
    if (!sb || sb->kind != SY_BLOCK_SIGNATURES || !s)
        return -1;
    sy_doc *d = sb->body.doc;
    if (SY_RESERVE(sb->sigs, sb->capsigs, sb->nsigs + 1) != 0) {
        d->failed = 1;
        return -1;
    }
    sig_entry e;
    memset(&e, 0, sizeof e);
    sy_signatory c;
    c.party = dup_s(s->party);
    c.name_km = dup_s(s->name_km);
    c.name_en = dup_s(s->name_en);
    c.title_km = dup_s(s->title_km);
    c.title_en = dup_s(s->title_en);
    c.seal = s->seal != 0;
    e.s = c;
    sb->sigs[sb->nsigs++] = e; /* stored first so that block_free frees partial copies */
    if (!c.party || !c.name_km || !c.name_en || !c.title_km || !c.title_en) {
        d->failed = 1;
        return -1;
    }
    return 0;
}

static const char *field_text(const sy_signatory *s, sy_signatory_field f)
{
    switch (f) {
    case SY_SIGNATORY_NAME_KM:
        return s->name_km;
    case SY_SIGNATORY_NAME_EN:
        return s->name_en;
    case SY_SIGNATORY_TITLE_KM:
        return s->title_km;
    default:
        return s->title_en;
    }
}

int sy_block_add_signatory_span(sy_block *sb, size_t i, sy_signatory_field f, size_t start,
                                size_t end, sy_mark mark, const char *path, sy_mark via)
{
    if (!sb || sb->kind != SY_BLOCK_SIGNATURES || i >= sb->nsigs || !is_field(f))
        return -1;
    sig_entry *e = &sb->sigs[i];
    const char *text = field_text(&e->s, f);
    return add_span(sb->body.doc, &e->field[f].spans, text ? strlen(text) : 0, start, end, mark,
                    path, via);
}

int sy_block_set_signatory_mark(sy_block *sb, size_t i, sy_signatory_field f, sy_mark mark)
{
    if (!sb || sb->kind != SY_BLOCK_SIGNATURES || i >= sb->nsigs || !is_field(f))
        return -1;
    sy_doc *d = sb->body.doc;
    sy_mark m = mark;
    m.file = intern_file(d, mark.file);
    if (mark.file && !m.file) {
        d->failed = 1;
        return -1;
    }
    sb->sigs[i].field[f].mark = m;
    sb->sigs[i].field[f].has_mark = 1;
    return 0;
}

/* ---- Names and dump ---- */

const char *sy_block_kind_name(sy_block_kind k)
{
    static const char *const names[] = {"paragraph", "heading", "article",    "list",
                                        "pagebreak", "keep",    "signatures", "pair",
                                        "rule",      "space",   "image"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "block";
}

const char *sy_lang_name(sy_lang l)
{
    return l == SY_LANG_KM ? "km" : l == SY_LANG_EN ? "en" : "mixed";
}

const char *sy_align_name(sy_align a)
{
    switch (a) {
    case SY_ALIGN_CENTER:
        return "center";
    case SY_ALIGN_RIGHT:
        return "right";
    case SY_ALIGN_JUSTIFY:
        return "justify";
    default:
        return "left";
    }
}

static void indent(sy_buf *out, int depth)
{
    for (int i = 0; i < depth; i++)
        sy_buf_puts(out, "  ");
}

/* Quoted with C-like escapes for '"', '\\' and control bytes; UTF-8 kept. */
static void quoted(sy_buf *out, const char *s, size_t len)
{
    sy_buf_putc(out, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            sy_buf_putc(out, '\\');
            sy_buf_putc(out, (char)c);
        } else if (c == '\n') {
            sy_buf_puts(out, "\\n");
        } else if (c < 0x20 || c == 0x7f) {
            sy_buf_printf(out, "\\x%02x", c);
        } else {
            sy_buf_putc(out, (char)c);
        }
    }
    sy_buf_putc(out, '"');
}

static void dump_mark(sy_buf *out, sy_mark m)
{
    if (m.file || m.line)
        sy_buf_printf(out, " @%s:%d:%d", m.file ? m.file : "", m.line, m.column);
    sy_buf_putc(out, '\n');
}

static void dump_list(const sy_blocks *l, sy_buf *out, int depth);

static void dump_block(const sy_block *b, sy_buf *out, int depth)
{
    indent(out, depth);
    sy_buf_puts(out, sy_block_kind_name(b->kind));
    switch (b->kind) {
    case SY_BLOCK_PARAGRAPH:
    case SY_BLOCK_HEADING:
        if (b->kind == SY_BLOCK_HEADING)
            sy_buf_printf(out, " level=%d", b->level);
        sy_buf_printf(out, " role=%s align=%s lang=%s", sy_block_role(b), sy_align_name(b->align),
                      sy_lang_name(b->lang));
        dump_mark(out, b->mark);
        indent(out, depth + 1);
        quoted(out, b->text, b->len);
        sy_buf_putc(out, '\n');
        return;
    case SY_BLOCK_ARTICLE:
        sy_buf_printf(out, " %d lang=%s", b->number, sy_lang_name(b->lang));
        dump_mark(out, b->mark);
        indent(out, depth + 1);
        sy_buf_puts(out, "title ");
        quoted(out, b->text, b->len);
        sy_buf_putc(out, '\n');
        dump_list(&b->body, out, depth + 1);
        return;
    case SY_BLOCK_LIST:
        sy_buf_puts(out, b->ordered ? " ordered" : " unordered");
        dump_mark(out, b->mark);
        for (size_t i = 0; i < b->nitems; i++) {
            indent(out, depth + 1);
            sy_buf_printf(out, "item %zu\n", i + 1);
            dump_list(b->items[i], out, depth + 2);
        }
        return;
    case SY_BLOCK_KEEP:
        dump_mark(out, b->mark);
        dump_list(&b->body, out, depth + 1);
        return;
    case SY_BLOCK_PAIR:
        dump_mark(out, b->mark);
        indent(out, depth + 1);
        sy_buf_puts(out, "km\n");
        dump_list(&b->body, out, depth + 2);
        indent(out, depth + 1);
        sy_buf_puts(out, "en\n");
        dump_list(&b->en, out, depth + 2);
        return;
    case SY_BLOCK_SIGNATURES:
        dump_mark(out, b->mark);
        for (size_t i = 0; i < b->nsigs; i++) {
            const sy_signatory *s = &b->sigs[i].s;
            indent(out, depth + 1);
            sy_buf_printf(out, "signatory party=%s seal=%s\n", s->party, s->seal ? "yes" : "no");
            indent(out, depth + 2);
            sy_buf_puts(out, "name ");
            quoted(out, s->name_km, strlen(s->name_km));
            sy_buf_putc(out, ' ');
            quoted(out, s->name_en, strlen(s->name_en));
            sy_buf_putc(out, '\n');
            indent(out, depth + 2);
            sy_buf_puts(out, "title ");
            quoted(out, s->title_km, strlen(s->title_km));
            sy_buf_putc(out, ' ');
            quoted(out, s->title_en, strlen(s->title_en));
            sy_buf_putc(out, '\n');
        }
        return;
    case SY_BLOCK_SPACE:
        sy_buf_puts(out, " ");
        sy_buf_num(out, b->points, 2);
        sy_buf_puts(out, "pt");
        dump_mark(out, b->mark);
        return;
    case SY_BLOCK_IMAGE:
        sy_buf_printf(out, " %s", b->text);
        dump_mark(out, b->mark);
        return;
    case SY_BLOCK_PAGE_BREAK:
    case SY_BLOCK_RULE:
        dump_mark(out, b->mark);
        return;
    }
    dump_mark(out, b->mark);
}

static void dump_list(const sy_blocks *l, sy_buf *out, int depth)
{
    for (size_t i = 0; i < l->len; i++)
        dump_block(l->items[i], out, depth);
}

void sy_doc_dump(const sy_doc *doc, sy_buf *out)
{
    if (!doc)
        return;
    sy_buf_printf(out, "document layout=%s\n", sy_layout_name(doc->layout));
    dump_list(&doc->body, out, 1);
}
