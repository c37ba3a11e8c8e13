/* libFuzzer target: the input as an image file of a template, loaded into
 * a PDF and drawn (the PNG check, libharu's PNG and JPEG readers), then the
 * PDF finished. Must never crash or abort: a bad file is an error value. */
#include <stdint.h>
#include <stdlib.h>

#include "pdf/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = d ? sy_pdf_new(d) : NULL;
    if (pdf && sy_pdf_add_page(pdf, 200, 200, d) == SY_OK) {
        sy_pdf_image *img;
        unsigned w, h;
        if (sy_pdf_load_image(pdf, data, size, "fuzz", &img, &w, &h, d) == SY_OK) {
            if (!w || !h)
                abort(); /* a loaded image has pixels */
            if (sy_pdf_draw_image(pdf, img, 10, 10, 50, 50, d) == SY_OK) {
                char *out = NULL;
                size_t len = 0;
                if (sy_pdf_finish(pdf, &out, &len, d) == SY_OK && !len)
                    abort();
                free(out);
            }
        }
    }
    sy_pdf_free(pdf);
    sy_diags_free(d);
    return 0;
}
