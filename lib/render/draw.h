/* Drawing laid-out lines: the adapter from lib/layout's lines to lib/pdf's
 * glyph runs, so that lib/pdf knows nothing of layout. Used by the
 * renderer, the font proof (lib/proof) and tests. */
#ifndef SY_RENDER_DRAW_H
#define SY_RENDER_DRAW_H

#include "core/error.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "text/text.h"

/* Draws line (of paragraph p, at p's style size) on pdf's current page with
 * its baseline at y and the left edge of the measure at x: each run of the
 * line becomes one sy_pdf_draw_glyphs call, the pen advancing by what each
 * run drew, with the line's justification extras. Errors go to d. */
sy_status sy_render_draw_line(sy_pdf *pdf, const sy_text_para *p, const sy_line *line, double x,
                              double y, sy_diags *d);

#endif
