/* PDF output: pages, shaped glyphs and rules in; a PDF file out.
 *
 * Text is drawn from HarfBuzz glyph IDs through Type0 fonts (Identity-H,
 * CIDFontType2) whose embedded font is a subset made by glyph ID, with `W`
 * widths equal to HarfBuzz's advances, a CIDToGIDMap and a ToUnicode CMap.
 * Glyph groups that do not map one-to-one to their characters become one
 * composite glyph each (groups.h), so every common reader copies the source
 * text exactly. Each distinct (glyph, advance, text) gets its own CID.
 * Output is deterministic: no clock, no random numbers; the subset tag
 * derives from the glyph set.
 *
 * Memory: a sy_pdf owns its pages and font objects; fonts are borrowed and
 * must outlive it. */
#ifndef SY_PDF_H
#define SY_PDF_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "font/font.h"
#include "layout/layout.h"
#include "text/text.h"

typedef struct sy_pdf sy_pdf;

/* A new empty document, or NULL (error in d). Free with sy_pdf_free. */
sy_pdf *sy_pdf_new(sy_diags *d);
void sy_pdf_free(sy_pdf *pdf);

/* Starts a new page (points); drawing goes to the newest page. */
sy_status sy_pdf_add_page(sy_pdf *pdf, double width, double height, sy_diags *d);
size_t sy_pdf_page_count(const sy_pdf *pdf);

/* Draws glyphs g[0..n) of one font at `size` points with the origin of the
 * first glyph at (x, y). text[start, end) is the text they show (glyph
 * clusters are byte offsets into text). extra (NULL or n entries) adds
 * points after each glyph (justification). *advance (may be NULL) receives
 * the distance drawn. */
sy_status sy_pdf_draw_glyphs(sy_pdf *pdf, const sy_font *font, double size, double x, double y,
                             const char *text, size_t start, size_t end, const sy_glyph *g,
                             size_t n, const double *extra, double *advance, sy_diags *d);

/* Draws a laid-out line of paragraph p with its baseline at y and the left
 * edge of the measure at x. */
sy_status sy_pdf_draw_line(sy_pdf *pdf, const sy_para *p, const sy_line *line, double x, double y,
                           sy_diags *d);

/* Sets the fill colour (RGB, 0..1) of the text and shapes drawn next on the
 * current page. */
sy_status sy_pdf_set_fill(sy_pdf *pdf, double r, double g, double b, sy_diags *d);
/* Strokes the outline of a rectangle `width` points wide. */
sy_status sy_pdf_stroke_rect(sy_pdf *pdf, double x, double y, double w, double h, double width,
                             sy_diags *d);

/* Strokes a straight line `width` points wide. */
sy_status sy_pdf_stroke(sy_pdf *pdf, double x0, double y0, double x1, double y1, double width,
                        sy_diags *d);

/* Finishes the document (subsets and embeds the fonts) and serialises it:
 * *data is malloc'd, the caller frees it. The document cannot be drawn on
 * afterwards. */
sy_status sy_pdf_finish(sy_pdf *pdf, char **data, size_t *len, sy_diags *d);

/* sy_pdf_finish, then writes the file atomically (core/file.h). */
sy_status sy_pdf_save(sy_pdf *pdf, const char *path, sy_diags *d);

/* Inspection, for tests and debugging. sy_pdf_encode groups and encodes
 * glyphs like sy_pdf_draw_glyphs without drawing them: cids (n entries)
 * receives one CID per group; returns the number of groups (0 on error). */
size_t sy_pdf_encode(sy_pdf *pdf, const sy_font *font, const char *text, size_t start, size_t end,
                     const sy_glyph *g, size_t n, uint32_t *cids, sy_diags *d);

/* What a CID shows: a glyph of the font, or a composite of glyphs at
 * offsets (font units); its advance (font units, = its W width) and the
 * text its ToUnicode entry gives. Pointers valid while pdf lives. */
typedef struct sy_pdf_component {
    uint32_t gid;
    int32_t dx, dy;
} sy_pdf_component;
typedef struct sy_pdf_cid_info {
    int composite;
    uint32_t gid;
    const sy_pdf_component *parts;
    size_t nparts;
    int32_t advance;
    const char *text;
    size_t tlen;
} sy_pdf_cid_info;
/* Returns 0 and fills info, or -1 when the font or CID is unknown. */
int sy_pdf_cid_info_get(const sy_pdf *pdf, const sy_font *font, uint32_t cid,
                        sy_pdf_cid_info *info);

/* Number of CIDs and of composite glyphs made so far for a font (tests). */
size_t sy_pdf_font_cid_count(const sy_pdf *pdf, const sy_font *font);
size_t sy_pdf_font_composite_count(const sy_pdf *pdf, const sy_font *font);

/* The libharu versions compiled against and loaded (must be equal). */
const char *sy_pdf_haru_compiled_version(void);
const char *sy_pdf_haru_runtime_version(void);

#endif
