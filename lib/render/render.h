/* Typesetting a document tree (lib/doc) into PDF pages (lib/pdf).
 *
 * In: a sy_doc and the house fonts. Out: pages drawn into a sy_pdf, and
 * where each signature line landed (for signature fields). Styles (fonts and
 * sizes of the roles motto, title, heading, party, body, small) and the page
 * geometry (A4, 25 mm margins) are those of Cambodian official documents.
 * Bilingual pairs are set side by side in `parallel` layout (Khmer left,
 * English right, each pair starting at the same height in both columns, a
 * page break keeping them aligned) or Khmer then English in `sequential`.
 * Headings and article titles stay with what follows; keep groups stay on
 * one page; a signature block is never split and never alone on a page
 * without the end of the text before it. Every page gets a footer
 * "ទំព័រ ១ នៃ ៥ · Page 1 of 5".
 *
 * Memory: a sy_render_ctx (fonts resolved per role, the text context) is
 * long-lived and borrows the font set and text context given to it. */
#ifndef SY_RENDER_H
#define SY_RENDER_H

#include <stddef.h>

#include "core/error.h"
#include "doc/doc.h"
#include "font/font.h"
#include "pdf/pdf.h"
#include "text/text.h"

typedef struct sy_render_ctx sy_render_ctx;

/* Resolves the fonts of every style role. Returns NULL with errors in d
 * (a missing font names its Debian package). Free with sy_render_ctx_free. */
sy_render_ctx *sy_render_ctx_new(sy_fontset *fonts, sy_text_ctx *text, sy_diags *d);
void sy_render_ctx_free(sy_render_ctx *rc);

/* Where a signatory's signing line is: page index (0-based) and a
 * rectangle in points (PDF user space). */
typedef struct sy_sig_place {
    const char *party; /* owned by the result */
    int index; /* 1-based among the signatories of that party */
    size_t page;
    double x0, y0, x1, y1;
} sy_sig_place;

/* Where an article starts, for a bookmark: both languages' headings joined
 * ("មាត្រា១៖ គោលបំណង / Article 1: Purpose"), the page index and the top of
 * the heading in points (PDF user space). */
typedef struct sy_render_mark {
    const char *title; /* owned by the result */
    size_t page;
    double y;
} sy_render_mark;

typedef struct sy_render_result sy_render_result;

typedef struct sy_render_options {
    int footer; /* non-zero: "ទំព័រ ១ នៃ ៥ · Page 1 of 5" on every page */
} sy_render_options;

/* Typesets doc into pdf after the pages it already has (page numbers in the
 * footer count this document's pages only), laying bilingual pairs out as
 * `layout` says. *result (may be NULL) receives what the caller may need
 * afterwards, with page indices counted in the whole PDF; free it with
 * sy_render_result_free. */
sy_status sy_render_doc_opts(sy_render_ctx *rc, const sy_doc *doc, sy_doc_layout layout,
                             sy_pdf *pdf, const sy_render_options *o, sy_render_result **result,
                             sy_diags *d);
/* sy_render_doc_opts with the footer. */
sy_status sy_render_doc(sy_render_ctx *rc, const sy_doc *doc, sy_doc_layout layout, sy_pdf *pdf,
                        sy_render_result **result, sy_diags *d);

/* The number of pages this document took, and its first page's index. */
size_t sy_render_result_pages(const sy_render_result *r);
size_t sy_render_result_first_page(const sy_render_result *r);
size_t sy_render_result_mark_count(const sy_render_result *r);
const sy_render_mark *sy_render_result_mark(const sy_render_result *r, size_t i);
size_t sy_render_result_sig_count(const sy_render_result *r);
const sy_sig_place *sy_render_result_sig(const sy_render_result *r, size_t i);
void sy_render_result_free(sy_render_result *r);

#endif
