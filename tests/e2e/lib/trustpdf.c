/* A small signable PDF for tests/e2e/test-sign.sh, made with the lib/pdf API
 * alone: two A4 pages with a rule each, metadata with a Khmer title,
 * bookmarks, page labels, the files given attached (under their base
 * names), two signature fields (sig-aple on page 1, sig-moi on page 2) and
 * a document ID from the first file.
 * usage: trustpdf OUT.pdf ATTACHMENT... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "pdf/pdf.h"

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: trustpdf OUT.pdf ATTACHMENT...\n");
        return 64;
    }
    sy_diags *d = sy_diags_new();
    char *att = NULL;
    size_t alen = 0;
    sy_pdf *pdf = NULL;
    sy_status st = d ? sy_file_read(argv[2], &att, &alen, d) : SY_ERR_NOMEM;
    if (st == SY_OK && !(pdf = sy_pdf_new(d)))
        st = SY_ERR_NOMEM;
    for (int i = 0; st == SY_OK && i < 2; i++) {
        st = sy_pdf_add_page(pdf, 595.276, 841.89, d);
        if (st == SY_OK)
            st = sy_pdf_stroke(pdf, 70, 700 - 10 * i, 525, 700 - 10 * i, 1, d);
    }
    sy_pdf_info info = {
        "អនុស្សរណៈ​នៃ​ការ​យោគយល់ / Memorandum of "
        "Understanding",
        "test document",
        "MOU, test",
        "sanya tests",
        "trustpdf",
        "2025-06-12"};
    const void *parts[1] = {att};
    size_t lens[1] = {alen};
    unsigned char id[16];
    sy_pdf_hash_inputs(parts, lens, 1, id);
    if (st == SY_OK)
        st = sy_pdf_set_info(pdf, &info, d);
    if (st == SY_OK)
        st = sy_pdf_add_bookmark(pdf, 0, 800, "មាត្រា ១៖ គោលបំណង / Article 1: Purpose", d);
    if (st == SY_OK)
        st = sy_pdf_add_bookmark(pdf, 1, 800, "មាត្រា ២៖ រយៈពេល / Article 2: Term", d);
    if (st == SY_OK)
        st = sy_pdf_add_page_label(pdf, 0, "cover", SY_PDF_LABEL_NONE, 1, d);
    if (st == SY_OK)
        st = sy_pdf_add_page_label(pdf, 1, NULL, SY_PDF_LABEL_DECIMAL, 1, d);
    for (int i = 2; st == SY_OK && i < argc; i++) {
        char *more = NULL;
        size_t mlen = 0;
        const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        st = sy_file_read(argv[i], &more, &mlen, d);
        if (st == SY_OK)
            st = sy_pdf_attach_file(pdf, base, more, mlen, "application/yaml", "agreement data", d);
        free(more);
    }
    if (st == SY_OK)
        st = sy_pdf_add_signature_field(pdf, 0, 70, 100, 270, 160, "sig-aple", d);
    if (st == SY_OK)
        st = sy_pdf_add_signature_field(pdf, 1, 325, 100, 525, 160, "sig-moi", d);
    if (st == SY_OK)
        st = sy_pdf_set_id(pdf, id, d);
    if (st == SY_OK)
        st = sy_pdf_save(pdf, argv[1], d);
    for (size_t i = 0; d && i < sy_diags_count(d); i++) {
        char msg[512];
        sy_diag_format(sy_diags_get(d, i), msg, sizeof msg);
        fprintf(stderr, "trustpdf: %s\n", msg);
    }
    sy_pdf_free(pdf);
    free(att);
    sy_diags_free(d);
    return st == SY_OK ? 0 : 1;
}
