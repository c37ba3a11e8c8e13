/* Line breaking: a shaped paragraph in, lines out.
 *
 * Lines end only at the paragraph's break opportunities (text.h), chosen
 * for the whole paragraph at once from the shaped advances (optimal fit:
 * the least total badness, so few loose lines); a single word wider than the
 * measure is broken at grapheme-cluster boundaries, with a warning. Each line
 * is shaped again on its own (HarfBuzz, with the paragraph as context), so
 * what is drawn is exactly HarfBuzz's shaping of the line. Alignment: left,
 * centre, right and justified; a justified line stretches its spaces or,
 * where it has none (Khmer), the gaps between the words ICU found.
 *
 * Memory: a sy_lines owns its lines and their glyphs; it borrows the
 * paragraph, which must outlive it. */
#ifndef SY_LAYOUT_H
#define SY_LAYOUT_H

#include <stddef.h>

#include "core/align.h"
#include "core/error.h"
#include "text/text.h"

/* One line, ready to draw. Positions are in points from the left edge of
 * the measure. */
typedef struct sy_line {
    size_t start, end; /* bytes of the paragraph text drawn on the line */
    double width; /* natural width (points) */
    double x; /* where the line starts, after alignment */
    const sy_text_glyph *glyphs;
    size_t nglyphs;
    const sy_text_run *runs; /* runs clipped to the line; glyph_start indexes glyphs */
    size_t nruns;
    const double *extra; /* per glyph: extra advance after it (points), or NULL */
    int forced; /* broken inside a word that did not fit */
} sy_line;

typedef struct sy_lines sy_lines;

/* Breaks p into lines of at most `width` points. Warnings (a word broken for
 * lack of room) and errors go to d. Returns lines owned by the caller
 * (sy_lines_free) or NULL on error. */
sy_lines *sy_layout_paragraph(const sy_text_para *p, double width, sy_align align, sy_diags *d);
void sy_lines_free(sy_lines *l);
size_t sy_lines_count(const sy_lines *l);
const sy_line *sy_lines_get(const sy_lines *l, size_t i);

/* A cache of laid-out paragraphs for one text context, kept by a long-lived
 * caller (the render context of a batch worker's builder): the same
 * paragraph (sy_text_para_cache_id) at the same size, measure and
 * alignment gets a copy of the lines it got before, the same lines the
 * work done again would give. Lines that came with a warning are not kept
 * (it is given every time). At most SY_LAYOUT_CACHE_BYTES
 * (core/limits.h), least recently used first. One thread at a time.
 * Returns NULL when out of memory; free with sy_layout_cache_free. */
typedef struct sy_layout_cache sy_layout_cache;
sy_layout_cache *sy_layout_cache_new(void);
void sy_layout_cache_free(sy_layout_cache *c);
/* sy_layout_paragraph through cache c (NULL: none). */
sy_lines *sy_layout_paragraph_cached(sy_layout_cache *c, const sy_text_para *p, double width,
                                     sy_align align, sy_diags *d);

/* The advance of glyph g of run r in points at the paragraph's size. */
double sy_layout_glyph_advance(const sy_text_para *p, const sy_text_run *r, const sy_text_glyph *g);

/* Parses "left", "center"/"centre", "right", "justify"; -1 if unknown. */
int sy_align_parse(const char *s);

#endif
