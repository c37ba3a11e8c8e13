/* Font subsets (see font.h): hb-subset by glyph ID, then composite glyphs
 * appended by rewriting glyf, loca (long format), hmtx, hhea, maxp, head and
 * post (version 3, no glyph names, since the glyph count changes). The only
 * place besides font.c that reads font tables. */
#include "font/font.h"

#include <hb-subset.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

static unsigned rd16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)rd16(p) << 16 | rd16(p + 2);
}

static void wr16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void wr32(uint8_t *p, uint32_t v)
{
    wr16(p, v >> 16);
    wr16(p + 2, v & 0xFFFF);
}

typedef struct table {
    hb_blob_t *blob;
    const uint8_t *data;
    unsigned len;
} table;

static int get_table(hb_face_t *face, hb_tag_t tag, unsigned minlen, table *t)
{
    t->blob = hb_face_reference_table(face, tag);
    t->data = (const uint8_t *)hb_blob_get_data(t->blob, &t->len);
    return t->len >= minlen && t->data ? 0 : -1;
}

static int add_table(hb_face_t *builder, hb_tag_t tag, const void *data, size_t len)
{
    hb_blob_t *b =
        hb_blob_create((const char *)data, (unsigned)len, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
    int ok = hb_face_builder_add_table(builder, tag, b);
    hb_blob_destroy(b);
    return ok ? 0 : -1;
}

static int16_t clamp16(long v)
{
    return (int16_t)(v < -32768 ? -32768 : v > 32767 ? 32767 : v);
}

/* The subset face's tables that composites are appended to, with what was
 * read from them. open_tables references every blob, close_tables releases
 * them. */
typedef struct src_tables {
    table head, hhea, maxp, hmtx, loca, glyf, post;
    unsigned n0; /* glyphs in the face */
    int longloca; /* loca holds 32-bit offsets */
    unsigned nhm; /* long metrics in hmtx */
    uint32_t end0; /* where the last glyph ends in glyf */
} src_tables;

/* The rewritten glyf, loca (long offsets) and hmtx (a long metric for every
 * glyph), and what hhea and maxp must learn of them. The bufs are freed by
 * append_composites. */
typedef struct glyph_out {
    sy_buf glyf, loca, hmtx;
    unsigned maxparts; /* most components in one composite */
    unsigned advmax; /* widest advance */
} glyph_out;

/* References the tables composites need and checks they can take ncomps
 * more glyphs: returns why not, or NULL. close_tables follows either way. */
static const char *open_tables(hb_face_t *face, size_t ncomps, src_tables *t)
{
    memset(t, 0, sizeof *t);
    int bad = get_table(face, HB_TAG('h', 'e', 'a', 'd'), 54, &t->head) |
        get_table(face, HB_TAG('h', 'h', 'e', 'a'), 36, &t->hhea) |
        get_table(face, HB_TAG('m', 'a', 'x', 'p'), 6, &t->maxp) |
        get_table(face, HB_TAG('h', 'm', 't', 'x'), 4, &t->hmtx) |
        get_table(face, HB_TAG('l', 'o', 'c', 'a'), 2, &t->loca) |
        get_table(face, HB_TAG('g', 'l', 'y', 'f'), 0, &t->glyf);
    get_table(face, HB_TAG('p', 'o', 's', 't'), 0, &t->post);
    if (bad)
        return "the font lacks a table composite glyphs need (TrueType glyf fonts only)";
    /* Read only now: a missing head has no data to read at all. */
    unsigned n0 = t->n0 = hb_face_get_glyph_count(face);
    int longloca = t->longloca = (int16_t)rd16(t->head.data + 50) == 1;
    unsigned nhm = t->nhm = rd16(t->hhea.data + 34);
    if (n0 + ncomps > 65535)
        return "too many glyphs for one font";
    if (t->loca.len < (n0 + 1) * (longloca ? 4u : 2u))
        return "malformed loca table";
    if (!nhm || nhm > n0 || t->hmtx.len < nhm * 4 + (n0 - nhm) * 2)
        return "malformed hmtx table";
    t->end0 = longloca ? rd32(t->loca.data + 4 * n0) : 2u * rd16(t->loca.data + 2 * n0);
    if (t->end0 > t->glyf.len)
        return "malformed glyf table";
    return NULL;
}

/* Releases the blobs open_tables referenced. */
static void close_tables(src_tables *t)
{
    hb_blob_destroy(t->head.blob);
    hb_blob_destroy(t->hhea.blob);
    hb_blob_destroy(t->maxp.blob);
    hb_blob_destroy(t->hmtx.blob);
    hb_blob_destroy(t->loca.blob);
    hb_blob_destroy(t->glyf.blob);
    hb_blob_destroy(t->post.blob);
}

/* Copies the face's own glyphs: glyf as it is, loca widened to long offsets,
 * hmtx with a long metric for every glyph, so composites can follow. */
static void copy_glyphs(const src_tables *t, glyph_out *o)
{
    const uint8_t *loca = t->loca.data, *hmtx = t->hmtx.data;
    unsigned nhm = t->nhm;
    sy_buf_put(&o->glyf, t->glyf.data, t->end0);
    sy_buf_align(&o->glyf, 4);
    for (unsigned i = 0; i < t->n0; i++) {
        sy_buf_u32be(&o->loca, t->longloca ? rd32(loca + 4 * i) : 2u * rd16(loca + 2 * i));
        unsigned adv = rd16(hmtx + 4 * (i < nhm ? i : nhm - 1));
        unsigned lsb = i < nhm ? rd16(hmtx + 4 * i + 2) : rd16(hmtx + 4 * nhm + 2 * (i - nhm));
        sy_buf_u16be(&o->hmtx, adv);
        sy_buf_u16be(&o->hmtx, lsb);
    }
    o->maxparts = 0;
    o->advmax = rd16(t->hhea.data + 10);
}

/* The box around a composite's inked parts in font units, as x0, y0, x1,
 * y1; all zero when no part has ink. */
static void composite_bbox(hb_font_t *font, const sy_font_composite *c, long box[4])
{
    long x0 = 32767, y0 = 32767, x1 = -32768, y1 = -32768;
    for (size_t q = 0; q < c->nparts; q++) {
        hb_glyph_extents_t e;
        if (!hb_font_get_glyph_extents(font, c->parts[q].gid, &e) || !e.width)
            continue;
        long ax = c->parts[q].dx + e.x_bearing, bx = ax + e.width;
        long top = c->parts[q].dy + e.y_bearing, bottom = top + e.height;
        x0 = ax < x0 ? ax : x0;
        x1 = bx > x1 ? bx : x1;
        y0 = bottom < y0 ? bottom : y0;
        y1 = top > y1 ? top : y1;
    }
    if (x0 > x1)
        x0 = y0 = x1 = y1 = 0;
    box[0] = x0;
    box[1] = y0;
    box[2] = x1;
    box[3] = y1;
}

/* Appends one composite: its loca entry, its glyf record (one component a
 * part, placed by x/y words) and its metric. Returns why not, or NULL. */
static const char *append_composite(hb_font_t *font, const hb_map_t *o2n,
                                    const sy_font_composite *c, glyph_out *o)
{
    sy_buf *g = &o->glyf;
    sy_buf_u32be(&o->loca, (uint32_t)g->len);
    long box[4];
    composite_bbox(font, c, box);
    sy_buf_u16be(g, 0xFFFF); /* numberOfContours -1: composite */
    for (int i = 0; i < 4; i++)
        sy_buf_u16be(g, (uint16_t)clamp16(box[i]));
    for (size_t q = 0; q < c->nparts; q++) {
        hb_codepoint_t ng = hb_map_get(o2n, c->parts[q].gid);
        if (ng == HB_MAP_VALUE_INVALID)
            return "a component glyph is missing from the subset";
        /* ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES | MORE_COMPONENTS */
        sy_buf_u16be(g, 0x0001 | 0x0002 | (q + 1 < c->nparts ? 0x0020 : 0));
        sy_buf_u16be(g, ng);
        sy_buf_u16be(g, (uint16_t)clamp16(c->parts[q].dx));
        sy_buf_u16be(g, (uint16_t)clamp16(c->parts[q].dy));
    }
    sy_buf_align(g, 4);
    if (c->nparts > o->maxparts)
        o->maxparts = (unsigned)c->nparts;
    unsigned adv = c->advance < 0 ? 0 : c->advance > 65535 ? 65535 : (unsigned)c->advance;
    sy_buf_u16be(&o->hmtx, adv);
    sy_buf_u16be(&o->hmtx, (uint16_t)clamp16(box[0]));
    if (adv > o->advmax)
        o->advmax = adv;
    return NULL;
}

/* Fills nhead, nhhea and nmaxp (each as long as its source) with copies
 * told of n1 glyphs, long loca, a long metric each, the widest advance and
 * the composites' size and depth. */
static void patch_headers(const src_tables *t, const glyph_out *o, unsigned n1, uint8_t *nhead,
                          uint8_t *nhhea, uint8_t *nmaxp)
{
    memcpy(nhead, t->head.data, t->head.len);
    wr32(nhead + 8, 0); /* checkSumAdjustment: not needed inside a PDF */
    wr16(nhead + 50, 1); /* long loca */
    memcpy(nhhea, t->hhea.data, t->hhea.len);
    wr16(nhhea + 10, o->advmax);
    wr16(nhhea + 34, n1); /* every glyph has a long metric */
    memcpy(nmaxp, t->maxp.data, t->maxp.len);
    wr16(nmaxp + 4, n1);
    if (rd32(t->maxp.data) == 0x00010000 && t->maxp.len >= 32) {
        if (o->maxparts > rd16(t->maxp.data + 28))
            wr16(nmaxp + 28, o->maxparts); /* maxComponentElements */
        wr16(nmaxp + 30, rd16(t->maxp.data + 30) + 1); /* maxComponentDepth */
    }
}

/* Adds the face's tables that composites leave as they are; returns nonzero
 * if the builder refused one. */
static int add_kept_tables(hb_face_t *builder, hb_face_t *face)
{
    static const hb_tag_t keep[] = {HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
                                    HB_TAG('O', 'S', '/', '2'), HB_TAG('c', 'v', 't', ' '),
                                    HB_TAG('f', 'p', 'g', 'm'), HB_TAG('p', 'r', 'e', 'p'),
                                    HB_TAG('g', 'a', 's', 'p')};
    int err = 0;
    for (size_t k = 0; k < sizeof keep / sizeof *keep; k++) {
        hb_blob_t *x = hb_face_reference_table(face, keep[k]);
        if (hb_blob_get_length(x))
            err |= !hb_face_builder_add_table(builder, keep[k], x);
        hb_blob_destroy(x);
    }
    return err;
}

/* Serialises the new font: patched headers, the rewritten glyf, loca and
 * hmtx, post cut to version 3, and the kept tables. Returns the program
 * (caller destroys it) or NULL with *why. */
static hb_blob_t *build_face(hb_face_t *face, const src_tables *t, const glyph_out *o, unsigned n1,
                             const char **why)
{
    hb_blob_t *result = NULL;
    uint8_t *nhead = malloc(t->head.len);
    uint8_t *nhhea = malloc(t->hhea.len);
    uint8_t *nmaxp = malloc(t->maxp.len);
    hb_face_t *builder = hb_face_builder_create();
    if (!nhead || !nhhea || !nmaxp || !builder) {
        *why = "out of memory";
        goto done;
    }
    patch_headers(t, o, n1, nhead, nhhea, nmaxp);
    int err = add_table(builder, HB_TAG('h', 'e', 'a', 'd'), nhead, t->head.len) |
        add_table(builder, HB_TAG('h', 'h', 'e', 'a'), nhhea, t->hhea.len) |
        add_table(builder, HB_TAG('m', 'a', 'x', 'p'), nmaxp, t->maxp.len) |
        add_table(builder, HB_TAG('h', 'm', 't', 'x'), o->hmtx.data, o->hmtx.len) |
        add_table(builder, HB_TAG('l', 'o', 'c', 'a'), o->loca.data, o->loca.len) |
        add_table(builder, HB_TAG('g', 'l', 'y', 'f'), o->glyf.data, o->glyf.len);
    if (t->post.len >= 32) {
        uint8_t np[32];
        memcpy(np, t->post.data, 32);
        wr32(np, 0x00030000);
        err |= add_table(builder, HB_TAG('p', 'o', 's', 't'), np, sizeof np);
    }
    err |= add_kept_tables(builder, face);
    if (err) {
        *why = "out of memory";
        goto done;
    }
    result = hb_face_reference_blob(builder);
    if (!hb_blob_get_length(result)) {
        hb_blob_destroy(result);
        result = NULL;
        *why = "HarfBuzz could not serialise the font";
    }
done:
    hb_face_destroy(builder);
    free(nhead);
    free(nhhea);
    free(nmaxp);
    return result;
}

/* Appends comps to the (already subset) face; o2n maps original glyph IDs
 * to the subset's. Returns the new font program (caller destroys it) or
 * NULL with *why. */
static hb_blob_t *append_composites(hb_face_t *face, hb_font_t *font, const hb_map_t *o2n,
                                    const sy_font_composite *comps, size_t ncomps, const char **why)
{
    src_tables t;
    glyph_out o = {SY_BUF_INIT, SY_BUF_INIT, SY_BUF_INIT, 0, 0};
    hb_blob_t *result = NULL;
    *why = open_tables(face, ncomps, &t);
    if (!*why) {
        copy_glyphs(&t, &o);
        for (size_t k = 0; k < ncomps && !*why; k++)
            *why = append_composite(font, o2n, &comps[k], &o);
    }
    if (!*why) {
        sy_buf_u32be(&o.loca, (uint32_t)o.glyf.len);
        if (sy_buf_failed(&o.glyf) || sy_buf_failed(&o.loca) || sy_buf_failed(&o.hmtx))
            *why = "out of memory";
        else
            result = build_face(face, &t, &o, t.n0 + (unsigned)ncomps, why);
    }
    sy_buf_free(&o.glyf);
    sy_buf_free(&o.loca);
    sy_buf_free(&o.hmtx);
    close_tables(&t);
    return result;
}

/* hb-subset's face of `face` keeping glyphs gids[0..ngids), and composites
 * appended: the font program (caller destroys it) or NULL with *why. */
static hb_blob_t *build(hb_face_t *face, hb_font_t *font, const uint32_t *gids, size_t ngids,
                        const sy_font_composite *comps, size_t ncomps, uint32_t *new_gid,
                        uint32_t *comp_base, const char **why)
{
    hb_blob_t *out = NULL;
    *why = NULL;
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) {
        *why = "out of memory";
        return NULL;
    }
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    for (size_t i = 0; i < ngids; i++)
        hb_set_add(glyphs, gids[i]);
    /* Only drawn glyphs matter: the layout tables (and the glyph closure
     * they would pull in) are useless inside a PDF. */
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    static const hb_tag_t dropped[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                       HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
                                       HB_TAG('D', 'S', 'I', 'G'), HB_TAG('B', 'A', 'S', 'E'),
                                       HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H')};
    for (size_t i = 0; i < sizeof dropped / sizeof *dropped; i++)
        hb_set_add(drop, dropped[i]);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    hb_subset_input_destroy(in);
    if (!plan) {
        *why = "hb-subset could not plan the subset";
        return NULL;
    }
    hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
    if (!sub) {
        hb_subset_plan_destroy(plan);
        *why = "hb-subset failed";
        return NULL;
    }
    const hb_map_t *o2n = hb_subset_plan_old_to_new_glyph_mapping(plan);
    int ok = 1;
    for (size_t i = 0; i < ngids; i++) {
        hb_codepoint_t ng = hb_map_get(o2n, gids[i]);
        if (ng == HB_MAP_VALUE_INVALID) {
            *why = "a drawn glyph is missing from the subset";
            ok = 0;
            break;
        }
        new_gid[i] = ng;
    }
    *comp_base = hb_face_get_glyph_count(sub);
    if (ok) {
        if (ncomps)
            out = append_composites(sub, font, o2n, comps, ncomps, why);
        else
            out = hb_face_reference_blob(sub);
        if (!out || !hb_blob_get_length(out)) {
            if (!*why)
                *why = "HarfBuzz could not serialise the subset font";
            hb_blob_destroy(out);
            out = NULL;
        }
    }
    hb_face_destroy(sub);
    hb_subset_plan_destroy(plan);
    return out;
}

sy_status sy_font_subset(const sy_font *f, const uint32_t *gids, size_t ngids,
                         const sy_font_composite *comps, size_t ncomps, char **data, size_t *len,
                         uint32_t *new_gid, uint32_t *comp_base, sy_diags *d)
{
    *data = NULL;
    *len = 0;
    *comp_base = 0;
    if (ncomps && !sy_font_has_glyf(f))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, sy_font_path(f), 0, 0, NULL,
                            "cannot subset font %s: composite glyphs need TrueType (glyf) "
                            "outlines",
                            sy_font_family(f));
    hb_font_t *font = sy_font_hb(f);
    const char *why = NULL;
    hb_blob_t *prog =
        build(sy_font_subset_face(f), font, gids, ngids, comps, ncomps, new_gid, comp_base, &why);
    if (!prog)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, sy_font_path(f), 0, 0, NULL,
                            "cannot subset font %s: %s", sy_font_family(f), why ? why : "?");
    unsigned plen;
    const char *pdata = hb_blob_get_data(prog, &plen);
    *data = malloc(plen ? plen : 1);
    if (*data) {
        memcpy(*data, pdata, plen);
        *len = plen;
    }
    hb_blob_destroy(prog);
    if (!*data)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    return SY_OK;
}
