/* Images on pages (see pdf.h): libharu reads the PNG or JPEG file and
 * writes the image XObject; haru.c keeps one per distinct file. */
#include <string.h>

#include "pdf/pdf_internal.h"

sy_status sy_pdf_load_image(sy_pdf *pdf, const void *data, size_t len, const char *file,
                            sy_pdf_image **image, unsigned *width_px, unsigned *height_px,
                            sy_diags *d)
{
    *image = NULL;
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    int is_png = len > sizeof png && !memcmp(data, png, sizeof png);
    int is_jpeg = len > 3 && !memcmp(data, "\xFF\xD8\xFF", 3);
    if (!is_png && !is_jpeg)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "image '%s' is not a PNG or JPEG file", file ? file : "");
    if (sy_pdf_is_finished(pdf))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: image loaded after the document was finished");
    sy_haru *h = sy_pdf_haru_of(pdf);
    sy_haru_image *img = sy_haru_load_image(h, data, len, is_png, width_px, height_px);
    if (!img) {
        const char *why = sy_haru_error(h);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "image '%s' cannot be read: %s", file ? file : "",
                            why ? why : "unknown error");
    }
    *image = (sy_pdf_image *)img;
    return SY_OK;
}

sy_status sy_pdf_draw_image(sy_pdf *pdf, sy_pdf_image *image, double x, double y, double w,
                            double h, sy_diags *d)
{
    size_t n = sy_pdf_page_count(pdf);
    sy_haru_page *page = n ? sy_pdf_page_of(pdf, n - 1) : NULL;
    if (!page || sy_pdf_is_finished(pdf) || !image)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: no page to draw the image on");
    sy_haru *hr = sy_pdf_haru_of(pdf);
    if (sy_haru_draw_image(hr, page, (sy_haru_image *)image, x, y, w, h) != 0) {
        const char *why = sy_haru_error(hr);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                            "PDF: cannot draw an image: %s", why ? why : "unknown error");
    }
    return SY_OK;
}
