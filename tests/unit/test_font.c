/* Unit tests of lib/font: the metrics lib/pdf takes from the font tables,
 * and subsets by glyph ID with appended composite glyphs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "font/font.h"

static void metrics_come_from_the_tables(void **state)
{
    fixture *fx = *state;
    const sy_font *fonts[] = {fx->style.khmer, fx->style.latin};
    for (int i = 0; i < 2; i++) {
        int b[4];
        sy_font_bbox(fonts[i], b);
        assert_true(b[0] < b[2]);
        assert_true(b[1] < 0 && b[3] > 0);
        assert_true(b[3] >= sy_font_ascender(fonts[i]) / 2);
    }
    int cap = sy_font_cap_height(fx->style.latin);
    assert_true(cap > 0 && cap < (int)sy_font_upem(fx->style.latin));
}

/* Glyph count of a font program, as HarfBuzz reads it back. */
static unsigned glyphs_in(const char *data, size_t len)
{
    hb_blob_t *b = hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(b, 0);
    unsigned n = hb_face_get_glyph_count(face);
    hb_face_destroy(face);
    hb_blob_destroy(b);
    return n;
}

static void subsets_keep_the_glyphs_asked_for(void **state)
{
    fixture *fx = *state;
    const sy_font *f = fx->style.latin;
    uint32_t gids[3] = {0, sy_font_nominal_glyph(f, 'A'), sy_font_nominal_glyph(f, 'H')};
    if (gids[1] > gids[2]) {
        uint32_t t = gids[1];
        gids[1] = gids[2];
        gids[2] = t;
    }
    assert_true(gids[1] > 0 && gids[1] < gids[2]);
    uint32_t newg[3], base;
    char *data, *again;
    size_t len, len2;
    assert_int_equal(sy_font_subset(f, gids, 3, NULL, 0, &data, &len, newg, &base, fx->diags),
                     SY_OK);
    assert_int_equal(glyphs_in(data, len), base);
    assert_int_equal(newg[0], 0);
    assert_true(newg[1] < newg[2] && newg[2] < base);

    /* one composite of both letters, side by side */
    sy_font_component parts[2] = {{gids[1], 0, 0}, {gids[2], 600, 0}};
    sy_font_composite comp = {parts, 2, 1200};
    assert_int_equal(sy_font_subset(f, gids, 3, &comp, 1, &again, &len2, newg, &base, fx->diags),
                     SY_OK);
    assert_int_equal(glyphs_in(again, len2), base + 1);
    free(again);
    /* the same inputs, the same bytes */
    assert_int_equal(sy_font_subset(f, gids, 3, NULL, 0, &again, &len2, newg, &base, fx->diags),
                     SY_OK);
    assert_int_equal(len, len2);
    assert_memory_equal(data, again, len);
    free(data);
    free(again);
    assert_int_equal(sy_diags_count(fx->diags), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(metrics_come_from_the_tables),
        cmocka_unit_test(subsets_keep_the_glyphs_asked_for),
    };
    return cmocka_run_group_tests_name("font", tests, fixture_setup, fixture_teardown);
}
