/* PDF documents, fonts and text drawing (see pdf.h). Font objects are made
 * lazily on a font's first use and filled in at sy_pdf_finish, when the set
 * of glyphs drawn is known. */
#include "pdf/pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hash.h"
#include "core/array.h"
#include "core/buf.h"
#include "core/file.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "pdf/groups.h"
#include "pdf/haru.h"
#include "pdf/pdf_internal.h"

#define COMPOSITE_BIT 0x80000000u

typedef struct cid_entry {
    uint32_t glyph; /* a glyph ID, or COMPOSITE_BIT | composite index */
    int32_t advance;
    char *text; /* what the CID shows, UTF-8 */
    size_t tlen;
    uint32_t hash;
} cid_entry;

typedef struct comp_entry {
    size_t start, nparts; /* into parts */
    int32_t advance;
    uint32_t hash;
} comp_entry;

typedef struct pdf_font {
    const sy_font *font;
    sy_haru_obj *type0;
    cid_entry *cids; /* index = CID; CID 0 is .notdef */
    size_t ncids, capcids;
    uint32_t *cid_table; /* open addressing: CID or 0 */
    size_t cid_table_cap;
    comp_entry *comps;
    size_t ncomps, capcomps;
    sy_font_component *parts;
    size_t nparts, capparts;
    uint32_t *comp_table; /* composite index + 1, or 0 */
    size_t comp_table_cap;
} pdf_font;

struct sy_pdf {
    sy_haru *haru;
    sy_haru_page **pages;
    size_t npages, cappages;
    pdf_font *fonts;
    size_t nfonts, capfonts;
    int finished;
    sy_pdf_trust *trust; /* metadata, outline, forms...: trust.c */
    sy_pdf_pdfa *pdfa; /* PDF/A-3b: pdfa.c; NULL: plain PDF */
    sy_pdf_font_cache *font_cache; /* borrowed; NULL: none */
    sy_pdf_tags *tags; /* the structure tree: tags.c */
};

sy_haru *sy_pdf_haru_of(sy_pdf *pdf)
{
    return pdf->haru;
}

sy_haru_page *sy_pdf_page_of(sy_pdf *pdf, size_t i)
{
    return i < pdf->npages ? pdf->pages[i] : NULL;
}

int sy_pdf_is_finished(const sy_pdf *pdf)
{
    return pdf->finished;
}

sy_pdf_trust **sy_pdf_trust_slot(sy_pdf *pdf)
{
    return &pdf->trust;
}

sy_pdf_pdfa **sy_pdf_pdfa_slot(sy_pdf *pdf)
{
    return &pdf->pdfa;
}

sy_pdf_tags **sy_pdf_tags_slot(sy_pdf *pdf)
{
    return &pdf->tags;
}

const char *sy_pdf_haru_compiled_version(void)
{
    return sy_haru_compiled_version();
}

const char *sy_pdf_haru_runtime_version(void)
{
    return sy_haru_runtime_version();
}

static sy_status haru_fail(sy_pdf *pdf, sy_diags *d, const char *what)
{
    const char *why = sy_haru_error(pdf->haru);
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL, "PDF: %s%s%s", what,
                        why ? ": " : "", why ? why : "");
}

sy_pdf *sy_pdf_new(sy_diags *d)
{
    sy_pdf *pdf = calloc(1, sizeof *pdf);
    if (pdf)
        pdf->haru = sy_haru_new();
    if (!pdf || !pdf->haru) {
        free(pdf);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL,
                     "cannot create a PDF document (out of memory)");
        return NULL;
    }
    return pdf;
}

static void font_release(pdf_font *f)
{
    for (size_t i = 0; i < f->ncids; i++)
        free(f->cids[i].text);
    free(f->cids);
    free(f->cid_table);
    free(f->comps);
    free(f->parts);
    free(f->comp_table);
}

void sy_pdf_free(sy_pdf *pdf)
{
    if (!pdf)
        return;
    for (size_t i = 0; i < pdf->nfonts; i++)
        font_release(&pdf->fonts[i]);
    free(pdf->fonts);
    free(pdf->pages);
    sy_pdf_trust_free(pdf->trust);
    sy_pdf_pdfa_free(pdf->pdfa);
    sy_pdf_tags_free(pdf->tags);
    sy_haru_free(pdf->haru);
    free(pdf);
}

sy_status sy_pdf_add_page(sy_pdf *pdf, double width, double height, sy_diags *d)
{
    if (pdf->finished)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: document already finished");
    if (pdf->npages >= SY_LIMIT_PAGES)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL, "more than %d pages",
                            SY_LIMIT_PAGES);
    if (SY_RESERVE(pdf->pages, pdf->cappages, pdf->npages + 1) != 0)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    sy_status ts = sy_pdf_tags_end_page(pdf, d);
    if (ts != SY_OK)
        return ts;
    sy_haru_page *page = sy_haru_add_page(pdf->haru, width, height);
    if (!page)
        return haru_fail(pdf, d, "cannot add a page");
    pdf->pages[pdf->npages++] = page;
    return SY_OK;
}

size_t sy_pdf_page_count(const sy_pdf *pdf)
{
    return pdf->npages;
}

/* ---- fonts and CIDs ---- */

static uint32_t fnv(uint32_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

static pdf_font *font_state(sy_pdf *pdf, const sy_font *font, sy_diags *d)
{
    for (size_t i = 0; i < pdf->nfonts; i++)
        if (pdf->fonts[i].font == font)
            return &pdf->fonts[i];
    if (SY_RESERVE(pdf->fonts, pdf->capfonts, pdf->nfonts + 1) != 0) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    pdf_font *f = &pdf->fonts[pdf->nfonts];
    memset(f, 0, sizeof *f);
    f->font = font;
    f->type0 = sy_haru_dict(pdf->haru);
    f->capcids = 64;
    f->cids = calloc(f->capcids, sizeof *f->cids);
    f->cid_table_cap = 256;
    f->cid_table = calloc(f->cid_table_cap, sizeof *f->cid_table);
    f->comp_table_cap = 64;
    f->comp_table = calloc(f->comp_table_cap, sizeof *f->comp_table);
    if (!f->type0 || !f->cids || !f->cid_table || !f->comp_table) {
        font_release(f);
        if (!f->type0)
            haru_fail(pdf, d, "cannot create a font object");
        else
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    if (sy_haru_dict_name(pdf->haru, f->type0, "Type", "Font") ||
        sy_haru_dict_name(pdf->haru, f->type0, "Subtype", "Type0") ||
        sy_haru_dict_name(pdf->haru, f->type0, "Encoding", "Identity-H")) {
        font_release(f);
        haru_fail(pdf, d, "cannot fill a font object");
        return NULL;
    }
    f->ncids = 1; /* CID 0: .notdef */
    pdf->nfonts++;
    return f;
}

static int grow_table(uint32_t **table, size_t *cap,
                      uint32_t (*hash_of)(const pdf_font *, uint32_t), const pdf_font *f)
{
    size_t ncap = *cap * 2;
    uint32_t *t = calloc(ncap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < *cap; i++) {
        uint32_t v = (*table)[i];
        if (!v)
            continue;
        size_t h = hash_of(f, v) & (ncap - 1);
        while (t[h])
            h = (h + 1) & (ncap - 1);
        t[h] = v;
    }
    free(*table);
    *table = t;
    *cap = ncap;
    return 0;
}

static uint32_t cid_hash_of(const pdf_font *f, uint32_t cid)
{
    return f->cids[cid].hash;
}

static uint32_t comp_hash_of(const pdf_font *f, uint32_t k1)
{
    return f->comps[k1 - 1].hash;
}

/* The CID for (glyph, advance, text), made on first use; 0 on failure. */
static uint32_t cid_for(pdf_font *f, uint32_t glyph, int32_t advance, const char *text, size_t tlen)
{
    uint32_t h = fnv(2166136261u, &glyph, sizeof glyph);
    h = fnv(h, &advance, sizeof advance);
    h = fnv(h, text, tlen);
    size_t mask = f->cid_table_cap - 1;
    for (size_t i = h & mask; f->cid_table[i]; i = (i + 1) & mask) {
        cid_entry *e = &f->cids[f->cid_table[i]];
        if (e->hash == h && e->glyph == glyph && e->advance == advance && e->tlen == tlen &&
            !memcmp(e->text, text, tlen))
            return f->cid_table[i];
    }
    if (f->ncids >= SY_LIMIT_CIDS)
        return 0;
    if (SY_RESERVE(f->cids, f->capcids, f->ncids + 1) != 0)
        return 0;
    if ((f->ncids + 1) * 2 > f->cid_table_cap &&
        grow_table(&f->cid_table, &f->cid_table_cap, cid_hash_of, f) != 0)
        return 0;
    char *copy = malloc(tlen + 1);
    if (!copy)
        return 0;
    memcpy(copy, text, tlen);
    copy[tlen] = 0;
    uint32_t cid = (uint32_t)f->ncids++;
    cid_entry e = {glyph, advance, copy, tlen, h};
    f->cids[cid] = e;
    mask = f->cid_table_cap - 1;
    size_t i = h & mask;
    while (f->cid_table[i])
        i = (i + 1) & mask;
    f->cid_table[i] = cid;
    return cid;
}

/* The composite of parts f->parts[f->nparts, + n) (written there, not yet
 * committed) with advance pen; returns its index | COMPOSITE_BIT, or 0 on
 * failure. */
static uint32_t composite_of_parts(pdf_font *f, size_t n, int32_t pen)
{
    sy_font_component *cand = f->parts + f->nparts;
    uint32_t h = fnv(2166136261u, cand, n * sizeof *cand);
    h = fnv(h, &pen, sizeof pen);
    size_t mask = f->comp_table_cap - 1;
    for (size_t i = h & mask; f->comp_table[i]; i = (i + 1) & mask) {
        comp_entry *e = &f->comps[f->comp_table[i] - 1];
        if (e->hash == h && e->nparts == n && e->advance == pen &&
            !memcmp(f->parts + e->start, cand, n * sizeof *cand))
            return COMPOSITE_BIT | (f->comp_table[i] - 1);
    }
    if (SY_RESERVE(f->comps, f->capcomps, f->ncomps + 1) != 0)
        return 0;
    if ((f->ncomps + 2) * 2 > f->comp_table_cap &&
        grow_table(&f->comp_table, &f->comp_table_cap, comp_hash_of, f) != 0)
        return 0;
    comp_entry e = {f->nparts, n, pen, h};
    f->comps[f->ncomps] = e;
    f->nparts += n;
    mask = f->comp_table_cap - 1;
    size_t i = h & mask;
    while (f->comp_table[i])
        i = (i + 1) & mask;
    f->comp_table[i] = (uint32_t)f->ncomps + 1;
    return COMPOSITE_BIT | (uint32_t)f->ncomps++;
}

/* The composite made of glyphs g[0..n) at HarfBuzz's offsets; returns its
 * index | COMPOSITE_BIT, or 0 on failure. */
static uint32_t composite_for(pdf_font *f, const sy_text_glyph *g, size_t n, int32_t *advance)
{
    if (SY_RESERVE(f->parts, f->capparts, f->nparts + n) != 0)
        return 0;
    sy_font_component *cand = f->parts + f->nparts; /* not committed yet */
    int32_t pen = 0;
    for (size_t q = 0; q < n; q++) {
        cand[q].gid = g[q].gid;
        cand[q].dx = pen + g[q].x_offset;
        cand[q].dy = g[q].y_offset;
        pen += g[q].x_advance;
    }
    *advance = pen;
    return composite_of_parts(f, n, pen);
}

/* PDF/A (ISO 19005-3, 6.2.11.5): a glyph's /W width must be its advance
 * in the embedded font program. A glyph drawn with another advance (kerned
 * by GPOS, widened by justification) is drawn by a composite of its own:
 * the same outline(s) at the same place, with that advance. glyph is a
 * glyph ID or a composite (COMPOSITE_BIT); returns it when its advance is
 * adv already, else the composite, or 0 on failure. */
static uint32_t glyph_with_advance(pdf_font *f, uint32_t glyph, int32_t adv)
{
    size_t n = 1, start = 0;
    if (glyph & COMPOSITE_BIT) {
        const comp_entry *c = &f->comps[glyph & ~COMPOSITE_BIT];
        if (c->advance == adv)
            return glyph;
        n = c->nparts;
        start = c->start;
    } else if (sy_font_glyph_advance(f->font, glyph) == adv) {
        return glyph;
    }
    if (SY_RESERVE(f->parts, f->capparts, f->nparts + n) != 0)
        return 0;
    sy_font_component *cand = f->parts + f->nparts; /* after SY_RESERVE: f->parts moved */
    if (glyph & COMPOSITE_BIT) {
        memcpy(cand, f->parts + start, n * sizeof *cand);
    } else {
        cand[0].gid = glyph;
        cand[0].dx = cand[0].dy = 0;
    }
    return composite_of_parts(f, n, adv);
}

size_t sy_pdf_font_cid_count(const sy_pdf *pdf, const sy_font *font)
{
    for (size_t i = 0; i < pdf->nfonts; i++)
        if (pdf->fonts[i].font == font)
            return pdf->fonts[i].ncids;
    return 0;
}

size_t sy_pdf_font_composite_count(const sy_pdf *pdf, const sy_font *font)
{
    for (size_t i = 0; i < pdf->nfonts; i++)
        if (pdf->fonts[i].font == font)
            return pdf->fonts[i].ncomps;
    return 0;
}

/* ---- drawing ---- */

/* Groups g[0..n) and gives each group its CID (cids: one per group).
 * Returns the number of groups, 0 on error (reported in d). */
static size_t encode(sy_pdf *pdf, pdf_font *f, const char *text, size_t start, size_t end,
                     const sy_text_glyph *g, size_t n, const int32_t *extra, sy_glyph_group *groups,
                     uint32_t *cids, int32_t *advances, sy_diags *d)
{
    const sy_font *font = f->font;
    size_t ng = sy_pdf_group_glyphs(text, start, end, g, n, groups);
    for (size_t i = 0; i < ng; i++) {
        const sy_glyph_group *grp = &groups[i];
        uint32_t glyph;
        int32_t adv = 0;
        if (grp->composite) {
            if (!sy_font_has_glyf(font)) {
                sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, sy_font_path(font), 0, 0, NULL,
                             "font %s has CFF outlines: sanya draws shaped text with "
                             "TrueType (glyf) fonts only",
                             sy_font_family(font));
                return 0;
            }
            glyph = composite_for(f, g + grp->first, grp->count, &adv);
            if (!glyph) {
                sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
                return 0;
            }
        } else {
            glyph = g[grp->first].gid;
            adv = g[grp->first].x_advance;
        }
        /* Justification widens the group's own advance (its W entry), not
         * the gap after it: readers then see no gap to take for a space. */
        if (extra)
            for (size_t q = grp->first; q < grp->first + grp->count; q++)
                adv += extra[q];
        if (pdf->pdfa && !(glyph = glyph_with_advance(f, glyph, adv))) {
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
            return 0;
        }
        uint32_t cid = cid_for(f, glyph, adv, text + grp->lo, grp->hi - grp->lo);
        if (!cid) {
            int full = f->ncids >= SY_LIMIT_CIDS;
            sy_diags_add(d, SY_SEV_ERROR, full ? SY_ERR_LIMIT : SY_ERR_NOMEM, NULL, 0, 0, NULL,
                         "PDF: cannot allocate a glyph (%s)",
                         full ? "more than 65535 in one font" : "out of memory");
            return 0;
        }
        cids[i] = cid;
        advances[i] = adv;
    }
    return ng;
}

size_t sy_pdf_encode(sy_pdf *pdf, const sy_font *font, const char *text, size_t start, size_t end,
                     const sy_text_glyph *g, size_t n, uint32_t *cids, sy_diags *d)
{
    pdf_font *f = font_state(pdf, font, d);
    sy_glyph_group *groups = malloc((n ? n : 1) * sizeof *groups);
    int32_t *adv = malloc((n ? n : 1) * sizeof *adv);
    size_t ng = 0;
    if (f && groups && adv)
        ng = encode(pdf, f, text, start, end, g, n, NULL, groups, cids, adv, d);
    else if (f)
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    free(groups);
    free(adv);
    return ng;
}

int sy_pdf_cid_info_get(const sy_pdf *pdf, const sy_font *font, uint32_t cid, sy_pdf_cid_info *info)
{
    for (size_t i = 0; i < pdf->nfonts; i++) {
        const pdf_font *f = &pdf->fonts[i];
        if (f->font != font)
            continue;
        if (cid == 0 || cid >= f->ncids)
            return -1;
        const cid_entry *e = &f->cids[cid];
        memset(info, 0, sizeof *info);
        info->advance = e->advance;
        info->text = e->text;
        info->tlen = e->tlen;
        if (e->glyph & COMPOSITE_BIT) {
            const comp_entry *c = &f->comps[e->glyph & ~COMPOSITE_BIT];
            info->composite = 1;
            info->parts = f->parts + c->start;
            info->nparts = c->nparts;
        } else {
            info->gid = e->glyph;
        }
        return 0;
    }
    return -1;
}

sy_status sy_pdf_put_utf16(sy_buf *b, const char *text, size_t len, int hex, sy_diags *d)
{
    uint16_t *units;
    size_t n;
    sy_status st = sy_utf8_to_utf16(text, len, &units, &n, d);
    if (st != SY_OK) {
        b->failed = 1;
        return st;
    }
    for (size_t i = 0; i < n; i++) {
        if (hex)
            sy_buf_hex4(b, units[i]);
        else
            sy_buf_u16be(b, units[i]);
    }
    free(units);
    return SY_OK;
}

/* Appends ops to the current page (and frees them). */
static sy_status write_ops(sy_pdf *pdf, sy_buf *ops, sy_diags *d)
{
    if (pdf->finished || !pdf->npages) {
        sy_buf_free(ops);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: no page to draw on");
    }
    sy_status st = sy_pdf_tags_before_draw(pdf, d);
    if (st == SY_OK && sy_buf_failed(ops))
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    else if (st == SY_OK &&
             sy_haru_page_write(pdf->haru, pdf->pages[pdf->npages - 1], ops->data, ops->len) != 0)
        st = haru_fail(pdf, d, "cannot write page content");
    sy_buf_free(ops);
    return st;
}

sy_status sy_pdf_draw_glyphs(sy_pdf *pdf, const sy_font *font, double size, double x, double y,
                             const char *text, size_t start, size_t end, const sy_text_glyph *g,
                             size_t n, const double *extra, double *advance, sy_diags *d)
{
    if (advance)
        *advance = 0;
    if (pdf->finished || !pdf->npages)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: no page to draw on");
    if (n == 0)
        return SY_OK;
    pdf_font *f = font_state(pdf, font, d);
    if (!f)
        return sy_diags_status(d);
    sy_haru_page *page = pdf->pages[pdf->npages - 1];
    const char *res = sy_haru_page_font(pdf->haru, page, f->type0);
    if (!res)
        return haru_fail(pdf, d, "cannot add a font to the page");
    sy_glyph_group *groups = malloc(n * sizeof *groups);
    uint32_t *cids = malloc(n * sizeof *cids);
    int32_t *adv = malloc(n * sizeof *adv);
    int32_t *units = extra ? malloc(n * sizeof *units) : NULL;
    if (!groups || !cids || !adv || (extra && !units)) {
        free(groups);
        free(cids);
        free(adv);
        free(units);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    unsigned upem = sy_font_upem(font);
    /* Extra points after glyphs, in font units; the rounding error is
     * carried so a line still ends where the layout measured it. */
    double carry = 0;
    for (size_t q = 0; extra && q < n; q++) {
        double want = extra[q] * upem / size + carry;
        units[q] = (int32_t)(want >= 0 ? want + 0.5 : want - 0.5);
        carry = want - units[q];
    }
    size_t ng = encode(pdf, f, text, start, end, g, n, units, groups, cids, adv, d);
    sy_status st = ng ? SY_OK : sy_diags_status(d);
    sy_buf ops = SY_BUF_INIT;
    sy_buf_puts(&ops, "BT\n/");
    sy_buf_puts(&ops, res);
    sy_buf_putc(&ops, ' ');
    sy_buf_num(&ops, size, 3);
    sy_buf_puts(&ops, " Tf\n1 0 0 1 ");
    sy_buf_num(&ops, x, 3);
    sy_buf_putc(&ops, ' ');
    sy_buf_num(&ops, y, 3);
    sy_buf_puts(&ops, " Tm\n[");
    double pen = 0; /* points */
    static const char digits[] = "0123456789ABCDEF";
    for (size_t i = 0; i < ng; i++) {
        uint32_t v = cids[i]; /* < 65536 */
        char code[6] = {'<',
                        digits[(v >> 12) & 15],
                        digits[(v >> 8) & 15],
                        digits[(v >> 4) & 15],
                        digits[v & 15],
                        '>'};
        sy_buf_put(&ops, code, sizeof code);
        pen += adv[i] * size / upem;
    }
    free(units);
    free(groups);
    free(cids);
    free(adv);
    sy_buf_puts(&ops, "]TJ\nET\n");
    if (st == SY_OK)
        st = write_ops(pdf, &ops, d);
    else
        sy_buf_free(&ops);
    if (advance)
        *advance = pen;
    return st;
}

/* Appends "v[0] v[1] ... op" and a newline: one content-stream operator. */
static void put_op(sy_buf *ops, const double *v, size_t n, const char *op)
{
    for (size_t i = 0; i < n; i++) {
        sy_buf_num(ops, v[i], 3);
        sy_buf_putc(ops, ' ');
    }
    sy_buf_puts(ops, op);
    sy_buf_putc(ops, '\n');
}

sy_status sy_pdf_set_fill(sy_pdf *pdf, double r, double g, double b, sy_diags *d)
{
    sy_buf ops = SY_BUF_INIT;
    put_op(&ops, (const double[]){r, g, b}, 3, "rg");
    return write_ops(pdf, &ops, d);
}

sy_status sy_pdf_stroke_rect(sy_pdf *pdf, double x, double y, double w, double h, double width,
                             sy_diags *d)
{
    sy_buf ops = SY_BUF_INIT;
    put_op(&ops, &width, 1, "w");
    put_op(&ops, (const double[]){x, y, w, h}, 4, "re");
    put_op(&ops, NULL, 0, "S");
    return write_ops(pdf, &ops, d);
}

sy_status sy_pdf_stroke(sy_pdf *pdf, double x0, double y0, double x1, double y1, double width,
                        sy_diags *d)
{
    sy_buf ops = SY_BUF_INIT;
    put_op(&ops, &width, 1, "w");
    put_op(&ops, (const double[]){x0, y0}, 2, "m");
    put_op(&ops, (const double[]){x1, y1}, 2, "l");
    put_op(&ops, NULL, 0, "S");
    return write_ops(pdf, &ops, d);
}

/* ---- finishing: font objects ---- */

static int u32_cmp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The subset behind one font's objects. Its arrays are malloc'd;
 * subset_release frees them. */
typedef struct font_subset {
    uint32_t *gids; /* original glyph IDs kept, sorted, no repeats */
    uint32_t *newg; /* newg[i]: the subset's glyph ID for gids[i] */
    size_t n;
    unsigned char *z; /* the subset TrueType program, deflated (level 1) */
    size_t zlen;
    size_t plen; /* the program's size before compression */
    uint32_t comp_base; /* the subset's glyph ID of composite 0 */
} font_subset;

/* The PDF objects of one embedded font beside its Type0 dictionary. */
typedef struct font_objs {
    sy_haru_obj *cidfont, *desc, *file, *tounicode, *cidtogid;
    sy_haru_obj *sysinfo, *descendants, *bbox, *widths, *wrun;
} font_objs;

/* Frees what a font_subset owns and leaves it empty. */
static void subset_release(font_subset *s)
{
    free(s->z);
    free(s->gids);
    free(s->newg);
    memset(s, 0, sizeof *s);
}

/* Fills gids (room for ncids + nparts + 1) with the glyphs to keep: .notdef,
 * every plain glyph drawn, every component; sorted, no repeats. Returns how
 * many. */
static size_t collect_glyphs(const pdf_font *f, uint32_t *gids)
{
    size_t n = 0;
    gids[n++] = 0;
    for (size_t c = 1; c < f->ncids; c++)
        if (!(f->cids[c].glyph & COMPOSITE_BIT))
            gids[n++] = f->cids[c].glyph;
    for (size_t q = 0; q < f->nparts; q++)
        gids[n++] = f->parts[q].gid;
    qsort(gids, n, sizeof *gids, u32_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (!u || gids[i] != gids[u - 1])
            gids[u++] = gids[i];
    return u;
}

/* ---- the font cache ----
 *
 * An embedded font program depends only on the font, the glyphs kept and
 * the composites appended (their parts, in order, and advances), so a
 * batch worker's documents share their subsets through a cache the caller
 * keeps: the program, deflated, and the new glyph IDs. A hit gives the
 * same bytes as subsetting again. */

typedef struct cached_font {
    uint64_t hash;
    const sy_font *font;
    uint32_t checksum;
    uint32_t *gids; /* n, as font_subset */
    size_t n;
    sy_font_component *parts; /* every composite's parts, in order */
    size_t nparts;
    int32_t *shape; /* per composite: its number of parts, its advance */
    size_t ncomps;
    uint32_t *newg; /* n */
    uint32_t comp_base;
    unsigned char *z;
    size_t zlen, plen;
    size_t bytes;
    uint64_t used; /* the cache's clock at the last use */
} cached_font;

struct sy_pdf_font_cache {
    cached_font *e;
    size_t n, cap, bytes;
    uint64_t clock;
};

sy_pdf_font_cache *sy_pdf_font_cache_new(void)
{
    return calloc(1, sizeof(sy_pdf_font_cache));
}

static void cached_font_release(cached_font *e)
{
    free(e->gids);
    free(e->parts);
    free(e->shape);
    free(e->newg);
    free(e->z);
}

void sy_pdf_font_cache_free(sy_pdf_font_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        cached_font_release(&c->e[i]);
    free(c->e);
    free(c);
}

void sy_pdf_set_font_cache(sy_pdf *pdf, sy_pdf_font_cache *c)
{
    pdf->font_cache = c;
}

/* The composites' shape (nparts and advance of each) into shape (2 per
 * composite). */
static void composite_shape(const pdf_font *f, int32_t *shape)
{
    for (size_t c = 0; c < f->ncomps; c++) {
        shape[2 * c] = (int32_t)f->comps[c].nparts;
        shape[2 * c + 1] = f->comps[c].advance;
    }
}

static uint64_t cache_key(const pdf_font *f, const font_subset *s, const int32_t *shape)
{
    uint64_t h = 0xcbf29ce484222325u;
    h = sy_fnv1a64(h, s->gids, s->n * sizeof *s->gids);
    h = sy_fnv1a64(h, f->parts, f->nparts * sizeof *f->parts);
    return sy_fnv1a64(h, shape, 2 * f->ncomps * sizeof *shape);
}

static cached_font *cache_find(sy_pdf_font_cache *c, uint64_t h, const pdf_font *f,
                               const font_subset *s, const int32_t *shape)
{
    for (size_t i = 0; i < c->n; i++) {
        cached_font *e = &c->e[i];
        if (e->hash == h && e->font == f->font && e->checksum == sy_font_checksum(f->font) &&
            e->n == s->n && e->nparts == f->nparts && e->ncomps == f->ncomps &&
            !memcmp(e->gids, s->gids, s->n * sizeof *s->gids) &&
            (!f->nparts || !memcmp(e->parts, f->parts, f->nparts * sizeof *f->parts)) &&
            (!f->ncomps || !memcmp(e->shape, shape, 2 * f->ncomps * sizeof *shape)))
            return e;
    }
    return NULL;
}

static void *dup_bytes(const void *p, size_t n)
{
    void *q = malloc(n ? n : 1);
    if (q && n)
        memcpy(q, p, n);
    return q;
}

/* Keeps a copy of subset s of f, evicting the least recently used fonts
 * beyond SY_PDF_FONT_CACHE_BYTES. Out of memory, it keeps nothing. */
static void cache_add(sy_pdf_font_cache *c, uint64_t h, const pdf_font *f, const font_subset *s,
                      const int32_t *shape)
{
    size_t bytes = sizeof(cached_font) + s->n * 2 * sizeof(uint32_t) +
        f->nparts * sizeof *f->parts + 2 * f->ncomps * sizeof *shape + s->zlen;
    if (bytes > SY_PDF_FONT_CACHE_BYTES / 4)
        return;
    while (c->n && c->bytes + bytes > SY_PDF_FONT_CACHE_BYTES) {
        size_t old = 0;
        for (size_t i = 1; i < c->n; i++)
            if (c->e[i].used < c->e[old].used)
                old = i;
        c->bytes -= c->e[old].bytes;
        cached_font_release(&c->e[old]);
        c->e[old] = c->e[--c->n];
    }
    if (SY_RESERVE(c->e, c->cap, c->n + 1) != 0)
        return;
    cached_font e = {h,         f->font,      sy_font_checksum(f->font),
                     NULL,      s->n,         NULL,
                     f->nparts, NULL,         f->ncomps,
                     NULL,      s->comp_base, NULL,
                     s->zlen,   s->plen,      bytes,
                     ++c->clock};
    e.gids = dup_bytes(s->gids, s->n * sizeof *s->gids);
    e.parts = dup_bytes(f->parts, f->nparts * sizeof *f->parts);
    e.shape = dup_bytes(shape, 2 * f->ncomps * sizeof *shape);
    e.newg = dup_bytes(s->newg, s->n * sizeof *s->newg);
    e.z = dup_bytes(s->z, s->zlen);
    if (!e.gids || !e.parts || !e.shape || !e.newg || !e.z) {
        cached_font_release(&e);
        return;
    }
    c->e[c->n++] = e;
    c->bytes += bytes;
}

/* Subsets f's font to the glyphs drawn and the composites built from them,
 * and deflates the program (or takes both from the font cache). On SY_OK
 * the caller releases s with subset_release; on failure s owns nothing. */
static sy_status subset_font(sy_pdf *pdf, const pdf_font *f, font_subset *s, sy_diags *d)
{
    memset(s, 0, sizeof *s);
    size_t cap = f->ncids + f->nparts + 1;
    s->gids = malloc(cap * sizeof *s->gids);
    s->newg = malloc(cap * sizeof *s->newg);
    sy_font_composite *comps = malloc((f->ncomps ? f->ncomps : 1) * sizeof *comps);
    int32_t *shape = malloc((f->ncomps ? 2 * f->ncomps : 1) * sizeof *shape);
    if (!s->gids || !s->newg || !comps || !shape) {
        subset_release(s);
        free(comps);
        free(shape);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    s->n = collect_glyphs(f, s->gids);
    composite_shape(f, shape);
    sy_pdf_font_cache *c = pdf->font_cache;
    uint64_t h = c ? cache_key(f, s, shape) : 0;
    cached_font *hit = c ? cache_find(c, h, f, s, shape) : NULL;
    if (hit) {
        free(comps);
        free(shape);
        hit->used = ++c->clock;
        memcpy(s->newg, hit->newg, s->n * sizeof *s->newg);
        s->comp_base = hit->comp_base;
        s->plen = hit->plen;
        s->zlen = hit->zlen;
        if (!(s->z = dup_bytes(hit->z, hit->zlen))) {
            subset_release(s);
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        }
        return SY_OK;
    }
    for (size_t k = 0; k < f->ncomps; k++) {
        comps[k].parts = f->parts + f->comps[k].start;
        comps[k].nparts = f->comps[k].nparts;
        comps[k].advance = f->comps[k].advance;
    }
    char *prog = NULL;
    sy_status st = sy_font_subset(f->font, s->gids, s->n, comps, f->ncomps, &prog, &s->plen,
                                  s->newg, &s->comp_base, d);
    free(comps);
    if (st == SY_OK) {
        /* Font programs are most of a document's bytes and most of its
         * compression time: level 1 costs them a few percent of size for a
         * third of the time. */
        s->z = sy_haru_deflate(pdf->haru, 1, prog, s->plen, &s->zlen);
        if (!s->z)
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    free(prog);
    if (st == SY_OK && c)
        cache_add(c, h, f, s, shape);
    free(shape);
    if (st != SY_OK)
        subset_release(s);
    return st;
}

/* Writes "ABCDEF+PSName" into name. The subset tag derives from the glyph
 * set, never from chance, so the same input gives the same bytes. */
static void subset_name(const pdf_font *f, const font_subset *s, char *name, size_t size)
{
    uint32_t tag = sy_font_checksum(f->font);
    tag = fnv(tag, s->gids, s->n * sizeof *s->gids);
    tag = fnv(tag, f->parts, f->nparts * sizeof *f->parts);
    char letters[7];
    for (int i = 0; i < 6; i++) {
        letters[i] = (char)('A' + tag % 26);
        tag /= 26;
    }
    letters[6] = 0;
    snprintf(name, size, "%s+%s", letters, sy_font_psname(f->font));
}

/* Makes the font's objects, always in this order so object numbers (and so
 * the file's bytes) stay stable. Returns nonzero if one could not be made. */
static int make_font_objs(sy_haru *h, const font_subset *s, font_objs *o)
{
    o->cidfont = sy_haru_dict(h);
    o->desc = sy_haru_dict(h);
    o->file = sy_haru_stream_flate(h, s->z, s->zlen);
    o->tounicode = sy_haru_stream(h);
    o->cidtogid = sy_haru_stream(h);
    o->sysinfo = sy_haru_direct_dict(h);
    o->descendants = sy_haru_array(h);
    o->bbox = sy_haru_array(h);
    o->widths = sy_haru_array(h);
    o->wrun = sy_haru_array(h);
    return !o->cidfont || !o->desc || !o->file || !o->tounicode || !o->cidtogid || !o->sysinfo ||
        !o->descendants || !o->bbox || !o->widths || !o->wrun;
}

/* Links the Type0 font to its one CIDFontType2 descendant and its ToUnicode,
 * and points the descendant at Identity, its descriptor and CIDToGIDMap. */
static int write_cidfont(sy_haru *h, const pdf_font *f, const font_objs *o, const char *name)
{
    int bad = 0;
    bad |= sy_haru_dict_name(h, f->type0, "BaseFont", name);
    bad |= sy_haru_array_obj(h, o->descendants, o->cidfont);
    bad |= sy_haru_dict_obj(h, f->type0, "DescendantFonts", o->descendants);
    bad |= sy_haru_dict_obj(h, f->type0, "ToUnicode", o->tounicode);

    bad |= sy_haru_dict_name(h, o->cidfont, "Type", "Font");
    bad |= sy_haru_dict_name(h, o->cidfont, "Subtype", "CIDFontType2");
    bad |= sy_haru_dict_name(h, o->cidfont, "BaseFont", name);
    bad |= sy_haru_dict_string(h, o->sysinfo, "Registry", "Adobe", 5);
    bad |= sy_haru_dict_string(h, o->sysinfo, "Ordering", "Identity", 8);
    bad |= sy_haru_dict_int(h, o->sysinfo, "Supplement", 0);
    bad |= sy_haru_dict_obj(h, o->cidfont, "CIDSystemInfo", o->sysinfo);
    bad |= sy_haru_dict_obj(h, o->cidfont, "FontDescriptor", o->desc);
    bad |= sy_haru_dict_obj(h, o->cidfont, "CIDToGIDMap", o->cidtogid);
    return bad;
}

/* The FontDescriptor, its metrics scaled to PDF's 1000 units an em, and the
 * embedded program with Length1, its size before compression. */
static int write_descriptor(sy_haru *h, const sy_font *font, const font_objs *o, const char *name,
                            size_t plen)
{
    double k = 1000.0 / sy_font_upem(font);
    int bad = 0;
    bad |= sy_haru_dict_name(h, o->desc, "Type", "FontDescriptor");
    bad |= sy_haru_dict_name(h, o->desc, "FontName", name);
    bad |= sy_haru_dict_int(h, o->desc, "Flags", 4); /* symbolic */
    int fb[4];
    sy_font_bbox(font, fb);
    for (int i = 0; i < 4; i++)
        bad |= sy_haru_array_int(h, o->bbox, (long)(fb[i] * k + (fb[i] < 0 ? -0.5 : 0.5)));
    bad |= sy_haru_dict_obj(h, o->desc, "FontBBox", o->bbox);
    bad |= sy_haru_dict_int(h, o->desc, "ItalicAngle", 0);
    bad |= sy_haru_dict_int(h, o->desc, "Ascent", (long)(sy_font_ascender(font) * k));
    bad |= sy_haru_dict_int(h, o->desc, "Descent", (long)(sy_font_descender(font) * k));
    bad |= sy_haru_dict_int(h, o->desc, "CapHeight", (long)(sy_font_cap_height(font) * k));
    bad |= sy_haru_dict_int(h, o->desc, "StemV", 80);
    bad |= sy_haru_dict_obj(h, o->desc, "FontFile2", o->file);

    bad |= sy_haru_dict_int(h, o->file, "Length1", (long)plen);
    return bad;
}

/* The subset's glyph ID for a CID's entry: composites follow the kept
 * glyphs from comp_base on. */
static uint32_t subset_gid(const cid_entry *e, const font_subset *s)
{
    if (e->glyph & COMPOSITE_BIT)
        return s->comp_base + (e->glyph & ~COMPOSITE_BIT);
    uint32_t *hit = bsearch(&e->glyph, s->gids, s->n, sizeof *s->gids, u32_cmp);
    return hit ? s->newg[hit - s->gids] : 0;
}

/* W: one run of widths from CID 0; CIDToGIDMap: two bytes a CID. */
static int write_widths_and_map(sy_haru *h, const pdf_font *f, const font_subset *s,
                                const font_objs *o, int pdfa)
{
    double k = 1000.0 / sy_font_upem(f->font);
    int bad = 0;
    sy_buf map = SY_BUF_INIT;
    bad |= sy_haru_array_int(h, o->widths, 0);
    for (size_t c = 0; c < f->ncids; c++) {
        uint32_t g = 0;
        double w = 0;
        if (c > 0) {
            g = subset_gid(&f->cids[c], s);
            w = f->cids[c].advance * k;
        } else if (pdfa) {
            /* never drawn, but PDF/A wants every width the font's own */
            w = sy_font_glyph_advance(f->font, 0) * k;
        }
        bad |= sy_haru_array_real(h, o->wrun, w);
        sy_buf_u16be(&map, g);
    }
    bad |= sy_haru_array_obj(h, o->widths, o->wrun);
    bad |= sy_haru_dict_obj(h, o->cidfont, "W", o->widths);
    bad |= sy_haru_dict_int(h, o->cidfont, "DW", 0);
    bad |= sy_buf_failed(&map) || sy_haru_stream_write(h, o->cidtogid, map.data, map.len);
    sy_buf_free(&map);
    return bad;
}

/* ToUnicode: every CID to its text, in blocks of at most 100, so copying
 * and searching give back the words that were drawn. */
static int write_tounicode(sy_haru *h, const pdf_font *f, sy_haru_obj *tounicode, sy_diags *d)
{
    sy_buf cm = SY_BUF_INIT;
    sy_buf_puts(&cm,
                "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> "
                "def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (size_t c = 1; c < f->ncids; c += 100) {
        size_t m = f->ncids - c < 100 ? f->ncids - c : 100;
        sy_buf_printf(&cm, "%zu beginbfchar\n", m);
        for (size_t q = c; q < c + m; q++) {
            sy_buf_putc(&cm, '<');
            sy_buf_hex4(&cm, (unsigned)q);
            sy_buf_puts(&cm, "> <");
            sy_pdf_put_utf16(&cm, f->cids[q].text, f->cids[q].tlen, 1, d);
            sy_buf_puts(&cm, ">\n");
        }
        sy_buf_puts(&cm, "endbfchar\n");
    }
    sy_buf_puts(&cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    int bad = sy_buf_failed(&cm) || sy_haru_stream_write(h, tounicode, cm.data, cm.len);
    sy_buf_free(&cm);
    return bad;
}

/* Fills in a font's objects once every glyph drawn with it is known:
 * subset, subset name, then the objects that describe and embed it. */
static sy_status finish_font(sy_pdf *pdf, pdf_font *f, sy_diags *d)
{
    sy_haru *h = pdf->haru;
    font_subset s;
    sy_status st = subset_font(pdf, f, &s, d);
    if (st != SY_OK)
        return st;
    char name[128];
    subset_name(f, &s, name, sizeof name);
    font_objs o;
    int bad = make_font_objs(h, &s, &o);
    if (!bad) {
        bad |= write_cidfont(h, f, &o, name);
        bad |= write_descriptor(h, f->font, &o, name, s.plen);
        bad |= write_widths_and_map(h, f, &s, &o, pdf->pdfa != NULL);
        bad |= write_tounicode(h, f, o.tounicode, d);
    }
    subset_release(&s);
    return bad ? haru_fail(pdf, d, "cannot build the font objects") : SY_OK;
}

sy_status sy_pdf_finish(sy_pdf *pdf, char **data, size_t *len, sy_diags *d)
{
    *data = NULL;
    *len = 0;
    if (pdf->finished)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: document already finished");
    pdf->finished = 1;
    for (size_t i = 0; i < pdf->nfonts; i++) {
        sy_status st = finish_font(pdf, &pdf->fonts[i], d);
        if (st != SY_OK)
            return st;
    }
    if (pdf->trust) {
        sy_status st = sy_pdf_trust_finish(pdf, pdf->trust, d);
        if (st != SY_OK)
            return st;
    }
    if (pdf->tags) { /* after the fields: Form elements refer to their widgets */
        sy_status st = sy_pdf_tags_finish(pdf, pdf->tags, pdf->trust, d);
        if (st != SY_OK)
            return st;
    }
    if (pdf->pdfa) {
        sy_status st = sy_pdf_pdfa_finish(pdf, pdf->pdfa, d);
        if (st != SY_OK)
            return st;
    }
    if (sy_haru_set_producer(pdf->haru, "sanya") != 0)
        return haru_fail(pdf, d, "cannot set the producer");
    if (sy_haru_save(pdf->haru, data, len) != 0)
        return haru_fail(pdf, d, "cannot serialise the document");
    return SY_OK;
}

sy_status sy_pdf_save(sy_pdf *pdf, const char *path, sy_diags *d)
{
    char *data;
    size_t len;
    sy_status st = sy_pdf_finish(pdf, &data, &len, d);
    if (st == SY_OK)
        st = sy_file_write_atomic(path, data, len, d);
    free(data);
    return st;
}
