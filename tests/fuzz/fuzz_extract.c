/* libFuzzer target: arbitrary bytes as a PDF to read attachments from
 * (sy_pdf_extract_attachments, what `sanya extract` runs on files from
 * anywhere). Errors are expected; crashes, hangs, reads outside the input
 * and sanitizer reports are not. The seed corpus holds PDFs with
 * attachments written by sanya, one signed by pdfsig (incremental updates),
 * copies rewritten by qpdf (object and cross-reference streams, QDF), and
 * truncated and garbled copies. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, so that AddressSanitizer sees any read past it. */
    char *copy = malloc(size ? size : 1);
    sy_diags *d = sy_diags_new();
    if (!copy || !d)
        abort();
    if (size)
        memcpy(copy, data, size);
    sy_pdf_attachment *a = NULL;
    size_t n = 0;
    sy_status st = sy_pdf_extract_attachments(copy, size, &a, &n, d);
    if (st == SY_OK) {
        for (size_t i = 0; i < n; i++)
            if (!a[i].name || (!a[i].data && a[i].len))
                abort();
    } else if ((st != SY_ERR_DATA && st != SY_ERR_NOMEM && st != SY_ERR_LIMIT) || a || n ||
               sy_diags_errors(d) == 0) {
        abort();
    }
    sy_pdf_attachments_free(a, n);
    sy_diags_free(d);
    free(copy);
    return 0;
}
