/* PDF/A-3b (ISO 19005-3, level b): what a document needs beyond what
 * trust.c writes: the sRGB output intent with its ICC profile, and the
 * PDF/A identification that trust.c puts into the XMP packet. trust.c and
 * pdf.c ask sy_pdf_pdfa_on whether to write the PDF/A forms of their
 * objects (full dates, /Params /ModDate, widths equal to the font's). */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "pdf/haru.h"
#include "pdf/pdf.h"
#include "pdf/pdf_internal.h"

struct sy_pdf_pdfa {
    unsigned char *icc;
    size_t icc_len;
};

void sy_pdf_pdfa_free(sy_pdf_pdfa *a)
{
    if (!a)
        return;
    free(a->icc);
    free(a);
}

/* An ICC profile header (ICC.1, 7.2): the size at bytes 0-3, the colour
 * space 'RGB ' at 16, the signature 'acsp' at 36; version 2 or 4 (PDF/A
 * takes profiles up to the version PDF 1.7 knows). */
static int icc_is_rgb(const unsigned char *p, size_t len)
{
    if (len < 128)
        return 0;
    size_t size = (size_t)p[0] << 24 | (size_t)p[1] << 16 | (size_t)p[2] << 8 | p[3];
    return size == len && !memcmp(p + 16, "RGB ", 4) && !memcmp(p + 36, "acsp", 4) &&
        (p[8] == 2 || p[8] == 4);
}

sy_status sy_pdf_set_pdfa(sy_pdf *pdf, const void *icc, size_t icc_len, sy_diags *d)
{
    if (sy_pdf_is_finished(pdf))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: PDF/A asked for after the document was finished");
    if (!icc || !icc_is_rgb(icc, icc_len))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "PDF/A: the output intent's profile is not an RGB ICC profile "
                            "(version 2 or 4)");
    sy_pdf_pdfa **slot = sy_pdf_pdfa_slot(pdf);
    sy_pdf_pdfa *a = calloc(1, sizeof *a);
    unsigned char *copy = malloc(icc_len);
    if (!a || !copy || sy_pdf_trust_ensure(pdf, d) != SY_OK) {
        free(a);
        free(copy);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    memcpy(copy, icc, icc_len);
    a->icc = copy;
    a->icc_len = icc_len;
    sy_pdf_pdfa_free(*slot);
    *slot = a;
    return SY_OK;
}

int sy_pdf_pdfa_on(sy_pdf *pdf)
{
    return *sy_pdf_pdfa_slot(pdf) != NULL;
}

void sy_pdf_pdfa_xmp(sy_buf *x)
{
    /* ISO 19005-3, 6.6.4: the version and conformance level, in the
     * pdfaid namespace (a schema PDF/A predefines: no extension schema). */
    sy_buf_puts(x,
                "<rdf:Description rdf:about=\"\"\n"
                " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                "<pdfaid:part>3</pdfaid:part>\n"
                "<pdfaid:conformance>B</pdfaid:conformance>\n"
                "</rdf:Description>\n");
}

sy_status sy_pdf_pdfa_finish(sy_pdf *pdf, sy_pdf_pdfa *a, sy_diags *d)
{
    /* ISO 19005-3, 6.2.3: an output intent with an ICC profile, so that the
     * DeviceRGB colours of the pages (text, rules, images) are sRGB. */
    sy_haru *h = sy_pdf_haru_of(pdf);
    sy_haru_obj *profile = sy_haru_stream_deflated(h, a->icc, a->icc_len, 6);
    sy_haru_obj *intent = sy_haru_dict(h), *intents = sy_haru_array(h);
    static const char cond[] = "sRGB IEC61966-2.1";
    int bad = !profile || !intent || !intents;
    if (!bad) {
        bad |= sy_haru_dict_int(h, profile, "N", 3);
        bad |= sy_haru_dict_name(h, intent, "Type", "OutputIntent");
        bad |= sy_haru_dict_name(h, intent, "S", "GTS_PDFA1");
        bad |= sy_haru_dict_string(h, intent, "OutputConditionIdentifier", cond, strlen(cond));
        bad |= sy_haru_dict_string(h, intent, "Info", cond, strlen(cond));
        bad |= sy_haru_dict_obj(h, intent, "DestOutputProfile", profile);
        bad |= sy_haru_array_obj(h, intents, intent);
        bad |= sy_haru_dict_obj(h, sy_haru_catalog(h), "OutputIntents", intents);
    }
    if (!bad)
        return SY_OK;
    const char *why = sy_haru_error(h);
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                        "PDF: cannot write the PDF/A output intent%s%s", why ? ": " : "",
                        why ? why : "");
}
