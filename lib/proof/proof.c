/* Font proofs (see proof.h): paragraphs stacked down pages. */
#include "proof/proof.h"

#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"
#include "render/draw.h"

/* Leading and paragraph spacing as multiples of the line's natural height. */
#define PROOF_PARAGRAPH_GAP 0.4

static double line_height(const sy_proof_options *o)
{
    const sy_font *fonts[2] = {o->khmer, o->latin};
    double best = 1.2 * o->size;
    for (int i = 0; i < 2; i++) {
        double h = (sy_font_ascender(fonts[i]) - sy_font_descender(fonts[i])) * o->size /
            sy_font_upem(fonts[i]);
        if (h > best)
            best = h;
    }
    return best;
}

static double ascent(const sy_proof_options *o)
{
    double a = sy_font_ascender(o->khmer) * o->size / sy_font_upem(o->khmer);
    double b = sy_font_ascender(o->latin) * o->size / sy_font_upem(o->latin);
    return a > b ? a : b;
}

sy_status sy_proof_render(sy_text_ctx *ctx, const char *name, const char *text, size_t len,
                          const sy_proof_options *o, char **pdf_out, size_t *pdf_len, size_t *pages,
                          sy_diags *d)
{
    *pdf_out = NULL;
    *pdf_len = 0;
    if (pages)
        *pages = 0;
    /* Check the whole file first, so the offset named is the file's. */
    size_t bad = sy_utf8_check(text, len);
    if (bad != (size_t)-1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, name, 0, 0, NULL,
                            "invalid UTF-8 at byte offset %zu (byte 0x%02X)", bad,
                            (unsigned)(unsigned char)text[bad]);
    size_t pos = 0;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        pos = 3; /* a byte order mark is not text */

    sy_text_style style = {o->khmer, o->latin, o->size};
    sy_page_geometry g = o->page ? *o->page : sy_style_default_page();
    double measure = o->width > 0 ? o->width : g.width - g.margin_left - g.margin_right;
    double lead = line_height(o), asc = ascent(o);
    double top = g.height - g.margin_top, bottom = g.margin_bottom;
    sy_pdf *pdf = sy_pdf_new(d);
    if (!pdf)
        return sy_diags_status(d);
    sy_status st = sy_pdf_add_page(pdf, g.width, g.height, d);
    double y = top - asc; /* baseline of the next line */
    int first_on_page = 1;
    int lineno = 0;
    size_t errors_before = sy_diags_errors(d);
    while (pos < len && st == SY_OK) {
        lineno++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t e = end;
        if (e > pos && text[e - 1] == '\r')
            e--;
        size_t start = pos;
        pos = nl ? end + 1 : len;
        if (e == start) { /* an empty line: a little more space */
            if (!first_on_page)
                y -= lead * PROOF_PARAGRAPH_GAP;
            continue;
        }
        sy_text_source src = {.file = name, .line = lineno, .offset = start};
        sy_text_para *p = sy_text_para_new(ctx, &style, text + start, e - start, src, d);
        if (!p)
            continue; /* reported; go on to find every error of the file */
        if (sy_diags_errors(d) > errors_before) {
            sy_text_para_free(p);
            continue;
        }
        size_t nwarn = sy_diags_count(d);
        sy_lines *lines = sy_layout_paragraph(p, measure, o->align, d);
        /* Layout warnings know the paragraph, not the file: add the place. */
        for (size_t w = nwarn; w < sy_diags_count(d); w++) {
            const sy_diag *dg = sy_diags_get(d, w);
            if (!dg->file && dg->severity == SY_SEV_WARNING) {
                sy_diags_add(d, SY_SEV_WARNING, SY_OK, name, lineno, 0, NULL, "%s", dg->message);
            }
        }
        if (!lines) {
            sy_text_para_free(p);
            st = sy_diags_status(d);
            break;
        }
        if (!first_on_page)
            y -= lead * PROOF_PARAGRAPH_GAP;
        for (size_t i = 0; i < sy_lines_count(lines) && st == SY_OK; i++) {
            if (y < bottom && !first_on_page) {
                st = sy_pdf_add_page(pdf, g.width, g.height, d);
                y = top - asc;
            }
            if (st == SY_OK)
                st = sy_render_draw_line(pdf, p, sy_lines_get(lines, i), g.margin_left, y, d);
            first_on_page = 0;
            y -= lead;
        }
        sy_lines_free(lines);
        sy_text_para_free(p);
    }
    if (st == SY_OK && sy_diags_errors(d) > errors_before)
        st = sy_diags_status(d);
    if (st == SY_OK) {
        if (pages)
            *pages = sy_pdf_page_count(pdf);
        st = sy_pdf_finish(pdf, pdf_out, pdf_len, d);
    }
    sy_pdf_free(pdf);
    return st;
}
