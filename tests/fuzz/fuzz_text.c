/* libFuzzer target: arbitrary bytes as one paragraph through the whole text
 * engine (UTF-8 check, NFC, itemisation, shaping, breaks), line breaking at
 * a narrow and a wide measure, and PDF encoding of every line. Errors are
 * expected; crashes, hangs and sanitizer reports are not. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "font/font.h"
#include "layout/layout.h"
#include "render/draw.h"
#include "pdf/pdf.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sy_fontset *fonts;
static sy_text_ctx *ctx;
static sy_text_style style;

static int setup(void)
{
    sy_diags *d = sy_diags_new();
    fonts = sy_fontset_open(".", d);
    if (!fonts)
        abort();
    style.khmer = sy_fontset_get(fonts, "khmer-body", d);
    style.latin = sy_fontset_get(fonts, "latin-body", d);
    style.size = 11;
    ctx = sy_text_ctx_new(d);
    if (!style.khmer || !style.latin || !ctx)
        abort();
    sy_diags_free(d);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    if (!ready)
        ready = !setup();
    if (size > 4096)
        return 0;
    /* A paragraph has no line breaks: cut at the first newline. */
    const uint8_t *nl = memchr(data, '\n', size);
    size_t len = nl ? (size_t)(nl - data) : size;
    sy_diags *d = sy_diags_new();
    sy_text_source src = {.file = "fuzz", .line = 1};
    sy_text_para *p = sy_text_para_new(ctx, &style, (const char *)data, len, src, d);
    if (p) {
        const double widths[] = {15, 300};
        sy_pdf *pdf = sy_pdf_new(d);
        for (int w = 0; w < 2 && pdf; w++) {
            sy_lines *lines = sy_layout_paragraph(p, widths[w], SY_ALIGN_JUSTIFY, d);
            if (!lines)
                continue;
            if (sy_pdf_add_page(pdf, 595, 842, d) == SY_OK)
                for (size_t i = 0; i < sy_lines_count(lines); i++)
                    sy_render_draw_line(pdf, p, sy_lines_get(lines, i), 70, 700, d);
            sy_lines_free(lines);
        }
        char *out = NULL;
        size_t out_len = 0;
        if (pdf && sy_pdf_finish(pdf, &out, &out_len, d) == SY_OK && out_len < 100)
            abort(); /* a finished document is never that small */
        free(out);
        sy_pdf_free(pdf);
        sy_text_para_free(p);
    }
    sy_diags_free(d);
    return 0;
}
