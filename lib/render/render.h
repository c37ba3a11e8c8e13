/* Typesetting a document tree (lib/doc) into PDF pages (lib/pdf).
 *
 * In: a sy_doc and the house fonts. Out: pages drawn into a sy_pdf, and
 * where each signature line landed (for signature fields). How the pages
 * look comes from the document's style sheet (lib/style; the defaults when
 * it has none): page size and margins, the fonts, sizes, leading, spacing,
 * colour and markers of each role, the footer's and article labels' words,
 * the images. Nothing here knows a role name, a page size or a word.
 * Bilingual pairs are set side by side in `parallel` layout (each pair
 * starting at the same height in both columns, a page break keeping them
 * aligned; the sheet's first language on the left) or one after the other
 * in `sequential`. Headings and article titles stay with what follows; keep
 * groups stay on one page; a signature block is never split and never alone
 * on a page without the end of the text before it. Every page gets the
 * sheet's footer, unless the caller or the sheet turns it off.
 *
 * Memory: a sy_render_ctx (the font set and the text context, borrowed) is
 * long-lived; fonts of a sheet's roles are resolved per document. */
#ifndef SY_RENDER_H
#define SY_RENDER_H

#include <stddef.h>

#include "core/error.h"
#include "doc/doc.h"
#include "font/font.h"
#include "pdf/pdf.h"
#include "text/text.h"

typedef struct sy_render_ctx sy_render_ctx;

/* Checks that the fonts of the default style sheet's roles are there.
 * Returns NULL with errors in d (a missing font names its Debian package).
 * Free with sy_render_ctx_free. */
sy_render_ctx *sy_render_ctx_new(sy_fontset *fonts, sy_text_ctx *text, sy_diags *d);
void sy_render_ctx_free(sy_render_ctx *rc);

/* Where a signatory's signing line is: page index (0-based) and a
 * rectangle in points (PDF user space). */
typedef struct sy_sig_place {
    const char *party; /* owned by the result */
    int index; /* 1-based among the signatories of that party */
    size_t page;
    double x0, y0, x1, y1;
    size_t form; /* the Form element of a tagged PDF for its field (0: untagged) */
} sy_sig_place;

/* Where an article starts, for a bookmark: both languages' headings as the
 * style sheet labels them, joined with " / ", the page index and the top of
 * the heading in points (PDF user space). */
typedef struct sy_render_mark {
    const char *title; /* owned by the result */
    size_t page;
    double y;
} sy_render_mark;

typedef struct sy_render_result sy_render_result;

typedef struct sy_render_options {
    int footer; /* non-zero: the style sheet's footer on every page */
    /* Non-zero, in a tagged PDF (sy_pdf_tags_enable): the element the
     * document's structure goes into, in reading order (headings, P, L, the
     * checklist's Table, signatures with their Form, Figure), each role's
     * structure type from the style sheet (`tag:`); the footer, rules, check
     * boxes and signing lines are artifacts. */
    size_t tags;
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
