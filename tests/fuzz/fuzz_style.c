/* libFuzzer target: reads the input as a template's style.yaml, and when
 * it is accepted, reads every value back and formats the footer and
 * article words with it (as the typesetter does). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "style/style.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sy_diags *d = sy_diags_new();
    if (!d)
        return 0;
    sy_style_sheet *s = sy_style_parse("style.yaml", (const char *)data, size, d);
    if (s) {
        const sy_page_geometry *p = sy_style_page(s);
        if (!(p->width > 0 && p->height > 0))
            abort(); /* an accepted sheet has a page */
        sy_buf b = SY_BUF_INIT;
        const sy_style_footer *f = sy_style_footer_of(s);
        const sy_style_article *a = sy_style_article_of(s);
        const sy_style_list *l = sy_style_list_of(s);
        for (int lang = 0; lang < 2; lang++) {
            if (f->text[lang])
                sy_style_format(f->text[lang], lang == SY_STYLE_KM, 0, 12, 345, NULL, 0, &b);
            sy_style_format(a->label[lang], lang == SY_STYLE_KM, 7, 0, 0, "Title", 5, &b);
            sy_style_format(a->untitled[lang], lang == SY_STYLE_KM, 7, 0, 0, NULL, 0, &b);
            sy_style_format(l->number[lang], lang == SY_STYLE_KM, 3, 0, 0, NULL, 0, &b);
        }
        for (size_t i = 0; i < sy_style_role_count(s); i++) {
            const sy_style_role *r = sy_style_role_at(s, i);
            if (!r || !r->name || !r->font[0] || !r->font[1] || sy_style_role_get(s, r->name) != r)
                abort();
        }
        const char *names[] = {sy_style_footer_of(s)->role, a->role, l->role,
                               sy_style_signatures_of(s)->title_role,
                               sy_style_signatures_of(s)->name_role};
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (!sy_style_role_find(s, names[i]))
                abort(); /* every role the sheet names exists */
        for (size_t i = 0; i < sy_style_image_count(s); i++) {
            const sy_style_image *im = sy_style_image_at(s, i);
            if (!im->file || sy_style_image_find(s, im->name) != im)
                abort();
            unsigned char *png = malloc(9);
            if (png) {
                memcpy(png, "\x89PNG\r\n\x1a\n", 9);
                sy_style_set_image_data(s, i, png, 9, d);
            }
        }
        sy_buf_free(&b);
        sy_style_free(s);
    }
    sy_diags_free(d);
    return 0;
}
