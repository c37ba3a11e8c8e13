/* Images on pages (see pdf.h): libharu reads the PNG or JPEG file and
 * writes the image XObject; haru.c keeps one per distinct file.
 *
 * libharu decodes PNG files with libpng but sets up no error recovery, so
 * libpng aborts the process on a damaged file. A PNG is therefore decoded
 * here first with libpng's simplified API, which reports errors as values
 * (and keeps its own longjmp inside libpng); only a file it reads whole,
 * within SY_LIMIT_IMAGE_PIXELS, goes on to libharu. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "pdf/pdf_internal.h"

/* 0 when libpng reads the whole image, else -1 and a reason in why. */
static int png_readable(const void *data, size_t len, char *why, size_t size)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&img, data, len)) {
        snprintf(why, size, "%s", img.message);
        png_image_free(&img);
        return -1;
    }
    if ((unsigned long long)img.width * img.height > SY_LIMIT_IMAGE_PIXELS) {
        snprintf(why, size, "%u x %u pixels is more than %u", (unsigned)img.width,
                 (unsigned)img.height, SY_LIMIT_IMAGE_PIXELS);
        png_image_free(&img);
        return -1;
    }
    img.format = PNG_FORMAT_RGBA;
    void *pixels = malloc(PNG_IMAGE_SIZE(img));
    if (!pixels) {
        snprintf(why, size, "out of memory");
        png_image_free(&img);
        return -1;
    }
    int ok = png_image_finish_read(&img, NULL, pixels, 0, NULL);
    if (!ok)
        snprintf(why, size, "%s", img.message);
    free(pixels);
    png_image_free(&img);
    return ok ? 0 : -1;
}

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
    char why[160];
    if (is_png && png_readable(data, len, why, sizeof why) != 0)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "image '%s' is not a readable PNG file: %s", file ? file : "", why);
    if (sy_pdf_is_finished(pdf))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: image loaded after the document was finished");
    sy_haru *h = sy_pdf_haru_of(pdf);
    sy_haru_image *img = sy_haru_load_image(h, data, len, is_png, width_px, height_px);
    if (!img) {
        const char *cause = sy_haru_error(h);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "image '%s' cannot be read: %s", file ? file : "",
                            cause ? cause : "unknown error");
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
    sy_status ts = sy_pdf_tags_before_draw(pdf, d);
    if (ts != SY_OK)
        return ts;
    sy_haru *hr = sy_pdf_haru_of(pdf);
    if (sy_haru_draw_image(hr, page, (sy_haru_image *)image, x, y, w, h) != 0) {
        const char *why = sy_haru_error(hr);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                            "PDF: cannot draw an image: %s", why ? why : "unknown error");
    }
    return SY_OK;
}
