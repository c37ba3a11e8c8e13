/* Internal: the embedded font program of a PDF font. hb-subset keeps the
 * glyphs actually drawn (by glyph ID, never by code point: subsetting by code
 * point loses glyphs that only shaping reaches, such as the left part of a
 * split vowel), then synthetic TrueType composite glyphs are appended: one
 * per glyph group whose glyphs do not map one-to-one to its characters, so
 * that a PDF reader sees it as one glyph, like a ligature (pdffont.c). */
#ifndef SY_PDF_FONTPROG_H
#define SY_PDF_FONTPROG_H

#include <hb.h>
#include <stddef.h>
#include <stdint.h>

#include "pdf/pdf.h"

/* One component of a composite: a glyph of the original font drawn at
 * (dx, dy) font units from the composite's origin. */
typedef sy_pdf_component sy_component;

typedef struct sy_composite {
    const sy_component *parts;
    size_t nparts;
    int32_t advance; /* font units */
} sy_composite;

/* Builds the font program: `face` subset to the sorted, unique glyph IDs
 * `gids` (which must contain 0 and every component), plus `ncomps`
 * composites appended in order. On success returns 0, *out holds the font
 * (caller destroys it with hb_blob_destroy), new_gid[i] the new ID of gids[i]
 * and *comp_base the new ID of the first composite. ncomps > 0 needs a
 * TrueType (glyf) font. Returns -1 on failure with a reason in *why. */
int sy_fontprog_build(hb_face_t *face, hb_font_t *font, const uint32_t *gids, size_t ngids,
                      const sy_composite *comps, size_t ncomps, hb_blob_t **out, uint32_t *new_gid,
                      uint32_t *comp_base, const char **why);

#endif
