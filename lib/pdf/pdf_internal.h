/* Internal: what lib/pdf/trust.c (document metadata, outline, page labels,
 * attachments, signature fields) needs of a sy_pdf made by pdf.c. */
#ifndef SY_PDF_INTERNAL_H
#define SY_PDF_INTERNAL_H

#include "core/buf.h"
#include "pdf/haru.h"
#include "pdf/pdf.h"

typedef struct sy_pdf_trust sy_pdf_trust;

/* The libharu document, page i (NULL when i >= the page count), whether the
 * document is finished, and the slot where trust.c keeps its state (NULL
 * until trust.c first needs it; pdf.c frees it with sy_pdf_trust_free). */
sy_haru *sy_pdf_haru_of(sy_pdf *pdf);
sy_haru_page *sy_pdf_page_of(sy_pdf *pdf, size_t i);
int sy_pdf_is_finished(const sy_pdf *pdf);
sy_pdf_trust **sy_pdf_trust_slot(sy_pdf *pdf);

/* Appends UTF-8 text[0..len) as UTF-16BE (core/utf8.h, through ICU): two
 * bytes a code unit, or four upper-case hex digits a unit when hex is
 * non-zero (ToUnicode CMaps). On failure (ill-formed UTF-8, no memory) marks
 * b failed and returns the status, reported into d (may be NULL). */
sy_status sy_pdf_put_utf16(sy_buf *b, const char *text, size_t len, int hex, sy_diags *d);

/* Called by sy_pdf_finish before the file is serialised: writes the
 * outline, page labels, name trees, AcroForm, Info, XMP and /ID. */
sy_status sy_pdf_trust_finish(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d);
void sy_pdf_trust_free(sy_pdf_trust *t);
/* Makes the trust state of pdf if it has none yet (PDF/A needs the XMP
 * packet trust.c writes, even without sy_pdf_set_info). */
sy_status sy_pdf_trust_ensure(sy_pdf *pdf, sy_diags *d);

/* PDF/A-3b (pdfa.c): the slot where its state is kept (NULL: a plain
 * PDF; pdf.c frees it with sy_pdf_pdfa_free), whether pdf is to be PDF/A,
 * the pdfaid description trust.c adds to the XMP packet, and the objects
 * sy_pdf_finish adds after trust.c's (the output intent). */
typedef struct sy_pdf_pdfa sy_pdf_pdfa;
sy_pdf_pdfa **sy_pdf_pdfa_slot(sy_pdf *pdf);
int sy_pdf_pdfa_on(sy_pdf *pdf);
void sy_pdf_pdfa_xmp(sy_buf *x);
sy_status sy_pdf_pdfa_finish(sy_pdf *pdf, sy_pdf_pdfa *a, sy_diags *d);
void sy_pdf_pdfa_free(sy_pdf_pdfa *a);
/* After sy_pdf_trust_finish: the widget of signature field `name` (NULL
 * when there is none) and its page index; whether page p has a field. */
sy_haru_obj *sy_pdf_trust_widget(sy_pdf_trust *t, const char *name, size_t *page);
int sy_pdf_trust_page_has_fields(const sy_pdf_trust *t, size_t page);

/* The structure tree (tags.c): its slot in the document (NULL until
 * sy_pdf_tags_enable; pdf.c frees it with sy_pdf_tags_free). */
typedef struct sy_pdf_tags sy_pdf_tags;
sy_pdf_tags **sy_pdf_tags_slot(sy_pdf *pdf);
void sy_pdf_tags_free(sy_pdf_tags *t);
/* Called before content is drawn: content drawn while no element is
 * marked becomes an artifact (page furniture). */
sy_status sy_pdf_tags_before_draw(sy_pdf *pdf, sy_diags *d);
/* Closes the marked content open on the current page (before a new page
 * and at the end). */
sy_status sy_pdf_tags_end_page(sy_pdf *pdf, sy_diags *d);
/* Called by sy_pdf_finish after sy_pdf_trust_finish (trust may be NULL):
 * writes the elements, the parent tree, /StructParents, /StructParent and
 * /Tabs, and the catalog's /StructTreeRoot, /MarkInfo, /Lang and
 * /ViewerPreferences. */
sy_status sy_pdf_tags_finish(sy_pdf *pdf, sy_pdf_tags *t, sy_pdf_trust *trust, sy_diags *d);

#endif
