/* Internal: how shaped glyphs are grouped for the PDF text layer.
 *
 * A reader rebuilds text from the glyphs' ToUnicode entries in drawing
 * order. That is exact only when glyphs map one-to-one, in order, to their
 * characters and sit where their advances put them. A group whose glyphs do
 * not (a Khmer pre-base vowel or coeng RO drawn before its base, a split
 * vowel, a subscript or mark with zero advance or drawn at an offset) is
 * drawn as ONE synthetic composite glyph mapped to the group's whole text,
 * the way a ligature is: every reader tried (poppler, PDFium, pdf.js,
 * MuPDF, pdfminer) then copies the source text exactly. */
#ifndef SY_PDF_GROUPS_H
#define SY_PDF_GROUPS_H

#include <stddef.h>

#include "text/text.h"

typedef struct sy_glyph_group {
    size_t first, count; /* glyphs [first, first + count) */
    size_t lo, hi; /* the source text they show: bytes [lo, hi) */
    int composite; /* draw as one composite glyph mapped to [lo, hi) */
} sy_glyph_group;

/* Groups the glyphs g[0..n) that show text bytes [start, end) (glyph
 * clusters are byte offsets into text). out must hold n entries; returns the
 * number of groups. A group that is not composite holds exactly one glyph. */
size_t sy_pdf_group_glyphs(const char *text, size_t start, size_t end, const sy_text_glyph *g,
                           size_t n, sy_glyph_group *out);

#endif
