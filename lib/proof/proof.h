/* Font proofs: a plain text file set paragraph by paragraph (one line of
 * the file = one paragraph) on the default page of the style sheets (A4,
 * 25 mm margins) or a page the caller gives. It is the tool
 * staff use to see a text in the house fonts, and the text engine's
 * end-to-end harness: every stage (text, layout, pdf) runs, nothing else. */
#ifndef SY_PROOF_H
#define SY_PROOF_H

#include <stddef.h>

#include "core/error.h"
#include "font/font.h"
#include "layout/layout.h"
#include "style/style.h"
#include "text/text.h"

typedef struct sy_proof_options {
    const sy_font *khmer; /* Khmer runs */
    const sy_font *latin; /* other runs */
    double size; /* points */
    double width; /* measure in points; 0 = the full text width */
    sy_align align;
    const sy_page_geometry *page; /* NULL: sy_style_default_page() */
} sy_proof_options;

/* Typesets text (len bytes of UTF-8; `name` labels messages) and returns
 * the PDF in *pdf (malloc'd; caller frees). All errors of the text are
 * reported (invalid UTF-8 with its byte offset, characters no font covers);
 * on error nothing is returned. *pages (may be NULL) gets the page count. */
sy_status sy_proof_render(sy_text_ctx *ctx, const char *name, const char *text, size_t len,
                          const sy_proof_options *o, char **pdf, size_t *pdf_len, size_t *pages,
                          sy_diags *d);

#endif
