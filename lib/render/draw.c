/* Laid-out lines to PDF glyph runs (see draw.h). */
#include "render/draw.h"

sy_status sy_render_draw_line(sy_pdf *pdf, const sy_text_para *p, const sy_line *line, double x,
                              double y, sy_diags *d)
{
    size_t len;
    const char *text = sy_text_para_text(p, &len);
    double size = sy_text_para_style(p)->size;
    double pen = x + line->x;
    for (size_t r = 0; r < line->nruns; r++) {
        const sy_text_run *run = &line->runs[r];
        double adv = 0;
        sy_status st =
            sy_pdf_draw_glyphs(pdf, run->font, size, pen, y, text, run->start, run->end,
                               line->glyphs + run->glyph_start, run->glyph_count,
                               line->extra ? line->extra + run->glyph_start : NULL, &adv, d);
        if (st != SY_OK)
            return st;
        pen += adv;
    }
    return SY_OK;
}
