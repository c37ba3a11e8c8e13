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

/* Appends comps to the (already subset) face; o2n maps original glyph IDs
 * to the subset's. */
static hb_blob_t *append_composites(hb_face_t *face, hb_font_t *font, const hb_map_t *o2n,
                                    const sy_font_composite *comps, size_t ncomps, const char **why)
{
    table head, hhea, maxp, hmtx, loca, glyf, post;
    memset(&post, 0, sizeof post);
    hb_blob_t *result = NULL;
    sy_buf g = SY_BUF_INIT, lo = SY_BUF_INIT, hm = SY_BUF_INIT;
    uint8_t *nhead = NULL, *nhhea = NULL, *nmaxp = NULL;
    hb_face_t *builder = NULL;
    int bad = get_table(face, HB_TAG('h', 'e', 'a', 'd'), 54, &head) |
        get_table(face, HB_TAG('h', 'h', 'e', 'a'), 36, &hhea) |
        get_table(face, HB_TAG('m', 'a', 'x', 'p'), 6, &maxp) |
        get_table(face, HB_TAG('h', 'm', 't', 'x'), 4, &hmtx) |
        get_table(face, HB_TAG('l', 'o', 'c', 'a'), 2, &loca) |
        get_table(face, HB_TAG('g', 'l', 'y', 'f'), 0, &glyf);
    get_table(face, HB_TAG('p', 'o', 's', 't'), 0, &post);
    unsigned n0 = hb_face_get_glyph_count(face);
    int longloca = (int16_t)rd16(head.data + 50) == 1;
    unsigned nhm = bad ? 0 : rd16(hhea.data + 34);
    *why = NULL;
    if (bad)
        *why = "the font lacks a table composite glyphs need (TrueType glyf fonts only)";
    else if (n0 + ncomps > 65535)
        *why = "too many glyphs for one font";
    else if (loca.len < (n0 + 1) * (longloca ? 4u : 2u))
        *why = "malformed loca table";
    else if (!nhm || nhm > n0 || hmtx.len < nhm * 4 + (n0 - nhm) * 2)
        *why = "malformed hmtx table";
    if (*why)
        goto done;

    uint32_t end0 = longloca ? rd32(loca.data + 4 * n0) : 2u * rd16(loca.data + 2 * n0);
    if (end0 > glyf.len) {
        *why = "malformed glyf table";
        goto done;
    }
    sy_buf_put(&g, glyf.data, end0);
    sy_buf_align(&g, 4);
    for (unsigned i = 0; i < n0; i++) {
        sy_buf_u32be(&lo, longloca ? rd32(loca.data + 4 * i) : 2u * rd16(loca.data + 2 * i));
        unsigned adv = rd16(hmtx.data + 4 * (i < nhm ? i : nhm - 1));
        unsigned lsb =
            i < nhm ? rd16(hmtx.data + 4 * i + 2) : rd16(hmtx.data + 4 * nhm + 2 * (i - nhm));
        sy_buf_u16be(&hm, adv);
        sy_buf_u16be(&hm, lsb);
    }
    unsigned maxparts = 0, advmax = rd16(hhea.data + 10);
    for (size_t k = 0; k < ncomps; k++) {
        const sy_font_composite *c = &comps[k];
        sy_buf_u32be(&lo, (uint32_t)g.len);
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
        sy_buf_u16be(&g, 0xFFFF); /* numberOfContours -1: composite */
        sy_buf_u16be(&g, (uint16_t)clamp16(x0));
        sy_buf_u16be(&g, (uint16_t)clamp16(y0));
        sy_buf_u16be(&g, (uint16_t)clamp16(x1));
        sy_buf_u16be(&g, (uint16_t)clamp16(y1));
        for (size_t q = 0; q < c->nparts; q++) {
            hb_codepoint_t ng = hb_map_get(o2n, c->parts[q].gid);
            if (ng == HB_MAP_VALUE_INVALID) {
                *why = "a component glyph is missing from the subset";
                goto done;
            }
            /* ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES | MORE_COMPONENTS */
            sy_buf_u16be(&g, 0x0001 | 0x0002 | (q + 1 < c->nparts ? 0x0020 : 0));
            sy_buf_u16be(&g, ng);
            sy_buf_u16be(&g, (uint16_t)clamp16(c->parts[q].dx));
            sy_buf_u16be(&g, (uint16_t)clamp16(c->parts[q].dy));
        }
        sy_buf_align(&g, 4);
        if (c->nparts > maxparts)
            maxparts = (unsigned)c->nparts;
        unsigned adv = c->advance < 0 ? 0 : c->advance > 65535 ? 65535 : (unsigned)c->advance;
        sy_buf_u16be(&hm, adv);
        sy_buf_u16be(&hm, (uint16_t)clamp16(x0));
        if (adv > advmax)
            advmax = adv;
    }
    sy_buf_u32be(&lo, (uint32_t)g.len);
    if (sy_buf_failed(&g) || sy_buf_failed(&lo) || sy_buf_failed(&hm)) {
        *why = "out of memory";
        goto done;
    }
    unsigned n1 = n0 + (unsigned)ncomps;
    nhead = malloc(head.len);
    nhhea = malloc(hhea.len);
    nmaxp = malloc(maxp.len);
    builder = hb_face_builder_create();
    if (!nhead || !nhhea || !nmaxp || !builder) {
        *why = "out of memory";
        goto done;
    }
    memcpy(nhead, head.data, head.len);
    wr32(nhead + 8, 0); /* checkSumAdjustment: not needed inside a PDF */
    wr16(nhead + 50, 1); /* long loca */
    memcpy(nhhea, hhea.data, hhea.len);
    wr16(nhhea + 10, advmax);
    wr16(nhhea + 34, n1); /* every glyph has a long metric */
    memcpy(nmaxp, maxp.data, maxp.len);
    wr16(nmaxp + 4, n1);
    if (rd32(maxp.data) == 0x00010000 && maxp.len >= 32) {
        if (maxparts > rd16(maxp.data + 28))
            wr16(nmaxp + 28, maxparts); /* maxComponentElements */
        wr16(nmaxp + 30, rd16(maxp.data + 30) + 1); /* maxComponentDepth */
    }
    int err = add_table(builder, HB_TAG('h', 'e', 'a', 'd'), nhead, head.len) |
        add_table(builder, HB_TAG('h', 'h', 'e', 'a'), nhhea, hhea.len) |
        add_table(builder, HB_TAG('m', 'a', 'x', 'p'), nmaxp, maxp.len) |
        add_table(builder, HB_TAG('h', 'm', 't', 'x'), hm.data, hm.len) |
        add_table(builder, HB_TAG('l', 'o', 'c', 'a'), lo.data, lo.len) |
        add_table(builder, HB_TAG('g', 'l', 'y', 'f'), g.data, g.len);
    if (post.len >= 32) {
        uint8_t np[32];
        memcpy(np, post.data, 32);
        wr32(np, 0x00030000);
        err |= add_table(builder, HB_TAG('p', 'o', 's', 't'), np, sizeof np);
    }
    static const hb_tag_t keep[] = {HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
                                    HB_TAG('O', 'S', '/', '2'), HB_TAG('c', 'v', 't', ' '),
                                    HB_TAG('f', 'p', 'g', 'm'), HB_TAG('p', 'r', 'e', 'p'),
                                    HB_TAG('g', 'a', 's', 'p')};
    for (size_t k = 0; k < sizeof keep / sizeof *keep; k++) {
        hb_blob_t *x = hb_face_reference_table(face, keep[k]);
        if (hb_blob_get_length(x))
            err |= !hb_face_builder_add_table(builder, keep[k], x);
        hb_blob_destroy(x);
    }
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
    sy_buf_free(&g);
    sy_buf_free(&lo);
    sy_buf_free(&hm);
    hb_blob_destroy(head.blob);
    hb_blob_destroy(hhea.blob);
    hb_blob_destroy(maxp.blob);
    hb_blob_destroy(hmtx.blob);
    hb_blob_destroy(loca.blob);
    hb_blob_destroy(glyf.blob);
    hb_blob_destroy(post.blob);
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
        build(hb_font_get_face(font), font, gids, ngids, comps, ncomps, new_gid, comp_base, &why);
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
