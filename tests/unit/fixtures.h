/* Shared by the unit tests: the house fonts, found the way sanya finds them
 * (tests run from the repository root). */
#ifndef SY_TEST_FIXTURES_H
#define SY_TEST_FIXTURES_H

#include "font/font.h"
#include "text/text.h"

typedef struct fixture {
    sy_fontset *fonts;
    sy_text_ctx *ctx;
    sy_diags *diags;
    sy_text_style style;
} fixture;

static inline int fixture_setup(void **state)
{
    static fixture fx;
    fx.diags = sy_diags_new();
    fx.fonts = fx.diags ? sy_fontset_open(".", fx.diags) : NULL;
    if (!fx.fonts)
        return -1;
    fx.style.khmer = sy_fontset_get(fx.fonts, "khmer-body", fx.diags);
    fx.style.latin = sy_fontset_get(fx.fonts, "latin-body", fx.diags);
    fx.style.size = 12;
    fx.ctx = sy_text_ctx_new(fx.diags);
    if (!fx.style.khmer || !fx.style.latin || !fx.ctx)
        return -1;
    *state = &fx;
    return 0;
}

static inline int fixture_teardown(void **state)
{
    fixture *fx = *state;
    sy_text_ctx_free(fx->ctx);
    sy_fontset_free(fx->fonts);
    sy_diags_free(fx->diags);
    return 0;
}

/* A paragraph of a C string; the test fails if it cannot be made. */
static inline sy_text_para *para_of(fixture *fx, const char *s)
{
    sy_text_source src = {.file = "test", .line = 1};
    sy_diags_clear(fx->diags);
    return sy_text_para_new(fx->ctx, &fx->style, s, strlen(s), src, fx->diags);
}

#endif
