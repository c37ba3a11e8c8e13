/* Unit tests of lib/layout: line filling, alignment, justification,
 * over-long words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <hb.h>
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "layout/layout.h"

static const char *paragraph =
    "ភាគីទាំងពីរប្តេជ្ញាប្រកាន់ខ្ជាប់នូវគោលការណ៍តម្លាភាព គណនេយ្យភាព និងការប្រឆាំងអំពើពុករលួយ។ "
    "គ្មានមន្ត្រី ឬបុគ្គលិកណាម្នាក់ត្រូវបានអនុញ្ញាតឱ្យទទួលអំណោយ ប្រាក់កម្រៃ ឬផលប្រយោជន៍ផ្សេងៗ "
    "(gifts, fees or other benefits) ពីជនរងគ្រោះ ឬជនសង្ស័យឡើយ។";

static double line_advance(const sy_text_para *p, const sy_line *l, int with_extra)
{
    double w = 0;
    for (size_t r = 0; r < l->nruns; r++)
        for (size_t k = 0; k < l->runs[r].glyph_count; k++) {
            size_t q = l->runs[r].glyph_start + k;
            w += sy_layout_glyph_advance(p, &l->runs[r], &l->glyphs[q]);
            if (with_extra && l->extra)
                w += l->extra[q];
        }
    return w;
}

static void lines_fit_and_end_at_break_opportunities(void **state)
{
    fixture *fx = *state;
    sy_text_para *p = para_of(fx, paragraph);
    assert_non_null(p);
    size_t len;
    const char *t = sy_text_para_text(p, &len);
    const double widths[] = {120, 200, 300, 453.5};
    for (size_t w = 0; w < 4; w++) {
        sy_lines *lines = sy_layout_paragraph(p, widths[w], SY_ALIGN_LEFT, fx->diags);
        assert_non_null(lines);
        assert_true(sy_lines_count(lines) >= 2);
        size_t expect_start = 0;
        for (size_t i = 0; i < sy_lines_count(lines); i++) {
            const sy_line *l = sy_lines_get(lines, i);
            assert_int_equal(l->start, expect_start);
            assert_true(l->width <= widths[w] + 0.01);
            assert_false(l->forced);
            assert_true(fabs(line_advance(p, l, 0) - l->width) < 1e-6);
            size_t next = l->end;
            while (next < len && t[next] == ' ')
                next++;
            if (next < len)
                assert_true(sy_text_para_breaks(p)[next]);
            expect_start = next;
        }
        assert_int_equal(expect_start, len);
        sy_lines_free(lines);
    }
    sy_text_para_free(p);
}

/* Every line's glyphs are what HarfBuzz gives for that line's text, shaped
 * on its own with the paragraph as context (whether the engine reused the
 * paragraph's glyphs or shaped the line again). */
static void lines_are_shaped_on_their_own(void **state)
{
    fixture *fx = *state;
    sy_text_para *p = para_of(fx, paragraph);
    size_t len;
    const char *t = sy_text_para_text(p, &len);
    const double widths[] = {120, 200, 333};
    for (size_t w = 0; w < 3; w++) {
        sy_lines *lines = sy_layout_paragraph(p, widths[w], SY_ALIGN_LEFT, fx->diags);
        assert_non_null(lines);
        for (size_t i = 0; i < sy_lines_count(lines); i++) {
            const sy_line *l = sy_lines_get(lines, i);
            for (size_t r = 0; r < l->nruns; r++) {
                const sy_text_run *run = &l->runs[r];
                hb_buffer_t *buf = hb_buffer_create();
                hb_buffer_set_unicode_funcs(buf, hb_unicode_funcs_get_default());
                hb_buffer_add_utf8(buf, t, (int)len, (unsigned)run->start,
                                   (int)(run->end - run->start));
                hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
                hb_buffer_set_script(buf, (hb_script_t)run->script);
                hb_buffer_set_language(buf, hb_language_from_string(run->lang, -1));
                hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
                hb_buffer_set_flags(buf,
                                    HB_BUFFER_FLAG_DO_NOT_INSERT_DOTTED_CIRCLE |
                                        (run->start == 0 ? HB_BUFFER_FLAG_BOT : 0) |
                                        (run->end == len ? HB_BUFFER_FLAG_EOT : 0));
                hb_shape(sy_font_hb(run->font), buf, NULL, 0);
                unsigned n;
                hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
                hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
                assert_int_equal(n, run->glyph_count);
                for (unsigned k = 0; k < n; k++) {
                    const sy_text_glyph *g = &l->glyphs[run->glyph_start + k];
                    assert_int_equal(g->gid, info[k].codepoint);
                    assert_int_equal(g->cluster, info[k].cluster);
                    assert_int_equal(g->x_advance, pos[k].x_advance);
                    assert_int_equal(g->x_offset, pos[k].x_offset);
                    assert_int_equal(g->y_offset, pos[k].y_offset);
                }
                hb_buffer_destroy(buf);
            }
        }
        sy_lines_free(lines);
    }
    sy_text_para_free(p);
}

static void alignment_places_lines(void **state)
{
    fixture *fx = *state;
    sy_text_para *p = para_of(fx, paragraph);
    const double w = 250;
    sy_lines *c = sy_layout_paragraph(p, w, SY_ALIGN_CENTER, fx->diags);
    sy_lines *r = sy_layout_paragraph(p, w, SY_ALIGN_RIGHT, fx->diags);
    sy_lines *j = sy_layout_paragraph(p, w, SY_ALIGN_JUSTIFY, fx->diags);
    assert_non_null(c);
    assert_non_null(r);
    assert_non_null(j);
    size_t n = sy_lines_count(j);
    for (size_t i = 0; i < sy_lines_count(c); i++) {
        const sy_line *lc = sy_lines_get(c, i), *lr = sy_lines_get(r, i);
        assert_true(fabs(lc->x - (w - lc->width) / 2) < 1e-9);
        assert_true(fabs(lr->x + lr->width - w) < 1e-9);
    }
    size_t full = 0;
    for (size_t i = 0; i < n; i++) {
        const sy_line *l = sy_lines_get(j, i);
        assert_true(l->x == 0);
        if (i + 1 < n) {
            /* justified lines fill the measure, except a Khmer line that
             * would need letter-spacing beyond the limit: it stays short */
            assert_non_null(l->extra);
            double filled = line_advance(p, l, 1);
            assert_true(filled <= w + 0.001);
            full += filled >= w - 0.001;
        } else {
            assert_null(l->extra); /* the last line is not stretched */
        }
    }
    assert_true(full * 4 >= (n - 1) * 3);
    sy_lines_free(c);
    sy_lines_free(r);
    sy_lines_free(j);
    sy_text_para_free(p);
}

static int syllable_start(const char *t, size_t len, uint32_t b)
{
    size_t i = b;
    uint32_t c = sy_utf8_next(t, len, &i);
    return c >= 0x1780 && c <= 0x17B3 && !(b >= 3 && !memcmp(t + b - 3, "\xE1\x9F\x92", 3));
}

/* Where the text after glyph k starts: the smallest cluster of the glyphs
 * after it (a pre-base vowel is drawn before the letter it follows). */
static uint32_t boundary_after(const sy_line *l, size_t k)
{
    uint32_t b = (uint32_t)l->end;
    for (size_t q = k + 1; q < l->nglyphs; q++)
        if (l->glyphs[q].cluster < b)
            b = l->glyphs[q].cluster;
    return b;
}

static void khmer_lines_without_spaces_stretch_word_gaps(void **state)
{
    fixture *fx = *state;
    const char *s = "អ្នករស់រានមានជីវិតមានសិទ្ធិទទួលបានព័ត៌មានគ្រប់គ្រាន់ជាភាសាដែលខ្លួនយល់"
                    "អំពីសិទ្ធិរបស់ខ្លួននិងនីតិវិធីតុលាការ";
    sy_text_para *p = para_of(fx, s);
    size_t len;
    const char *t = sy_text_para_text(p, &len);
    /* A wide measure: small slack, taken by the gaps between words only. */
    sy_lines *j = sy_layout_paragraph(p, 300, SY_ALIGN_JUSTIFY, fx->diags);
    assert_non_null(j);
    const sy_line *l = sy_lines_get(j, 0);
    assert_non_null(l->extra);
    int gaps = 0;
    double most = 0;
    for (size_t k = 0; k + 1 < l->nglyphs; k++) {
        if (l->extra[k] > 0) {
            gaps++;
            uint32_t b = boundary_after(l, k);
            assert_true(sy_text_para_breaks(p)[b] || syllable_start(t, len, b));
            assert_true(t[b] != ' ');
            if (l->extra[k] > most)
                most = l->extra[k];
        }
    }
    assert_true(gaps >= 2);
    sy_lines_free(j);
    /* A narrow measure: no gap opens wider than a quarter em; the rest
     * goes between syllables, never inside one. */
    j = sy_layout_paragraph(p, 110, SY_ALIGN_JUSTIFY, fx->diags);
    for (size_t i = 0; i + 1 < sy_lines_count(j); i++) {
        l = sy_lines_get(j, i);
        for (size_t k = 0; l->extra && k + 1 < l->nglyphs; k++) {
            uint32_t b = boundary_after(l, k);
            if (l->extra[k] > 0)
                assert_true(sy_text_para_breaks(p)[b] || syllable_start(t, len, b));
            assert_true(l->extra[k] <= 0.25 * 12 + 1e-9 || syllable_start(t, len, b));
        }
    }
    sy_lines_free(j);
    sy_text_para_free(p);
}

static void too_long_word_breaks_at_grapheme_boundary_with_warning(void **state)
{
    fixture *fx = *state;
    const char *s = "សមាហរណកម្ម";
    sy_text_para *p = para_of(fx, s);
    sy_diags_clear(fx->diags);
    sy_lines *l = sy_layout_paragraph(p, 20, SY_ALIGN_LEFT, fx->diags);
    assert_non_null(l);
    assert_true(sy_lines_count(l) >= 2);
    assert_int_equal(sy_diags_errors(fx->diags), 0);
    assert_true(sy_diags_count(fx->diags) >= 1);
    assert_int_equal(sy_diags_get(fx->diags, 0)->severity, SY_SEV_WARNING);
    for (size_t i = 0; i < sy_lines_count(l); i++) {
        const sy_line *line = sy_lines_get(l, i);
        assert_true(sy_text_para_is_grapheme_boundary(p, line->start));
        assert_true(sy_text_para_is_grapheme_boundary(p, line->end));
    }
    assert_true(sy_lines_get(l, 0)->forced);
    sy_lines_free(l);
    sy_text_para_free(p);
}

/* A word cut over several lines warns once, at the word; one that came
 * from the data warns at its YAML value. */
static void a_word_cut_over_lines_warns_once_at_its_value(void **state)
{
    fixture *fx = *state;
    const char *text = "ok XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX and YYYYYYYYYYYYYYYYYYYYYYYYYYYYYY";
    size_t y = (size_t)(strchr(text, 'Y') - text);
    sy_span span = {
        y, strlen(text), {"agreement.yaml", 9, 9}, "parties[1].name.en", {"mou/main.tpl", 30, 5}};
    sy_text_source src = {.file = "mou/main.tpl", .line = 30, .spans = &span, .nspans = 1};
    sy_diags_clear(fx->diags);
    sy_text_para *p = sy_text_para_new(fx->ctx, &fx->style, text, strlen(text), src, fx->diags);
    assert_non_null(p);
    sy_lines *l = sy_layout_paragraph(p, 50, SY_ALIGN_LEFT, fx->diags);
    assert_non_null(l);
    assert_true(sy_lines_count(l) >= 7); /* each long word over three lines or more */
    assert_int_equal(sy_diags_count(fx->diags), 2);
    const sy_diag *w = sy_diags_get(fx->diags, 0);
    assert_int_equal(w->severity, SY_SEV_WARNING);
    assert_string_equal(w->file, "mou/main.tpl");
    assert_int_equal(w->line, 30);
    assert_null(w->path);
    assert_non_null(strstr(w->message, "wider than the line (50.0 pt) at byte offset 3 was"));
    w = sy_diags_get(fx->diags, 1);
    assert_string_equal(w->file, "agreement.yaml");
    assert_int_equal(w->line, 9);
    assert_int_equal(w->column, 9);
    assert_string_equal(w->path, "parties[1].name.en");
    assert_non_null(strstr(w->message, "at byte offset 0 of the value"));
    assert_non_null(strstr(w->message, ", via mou/main.tpl:30"));
    sy_lines_free(l);
    sy_text_para_free(p);
}

static void assert_same_lines(const sy_lines *a, const sy_lines *b)
{
    assert_int_equal(sy_lines_count(a), sy_lines_count(b));
    for (size_t i = 0; i < sy_lines_count(a); i++) {
        const sy_line *x = sy_lines_get(a, i), *y = sy_lines_get(b, i);
        assert_int_equal(x->start, y->start);
        assert_int_equal(x->end, y->end);
        assert_true(x->width == y->width && x->x == y->x);
        assert_int_equal(x->nglyphs, y->nglyphs);
        assert_int_equal(x->nruns, y->nruns);
        assert_int_equal(x->forced, y->forced);
        assert_memory_equal(x->glyphs, y->glyphs, x->nglyphs * sizeof *x->glyphs);
        assert_memory_equal(x->runs, y->runs, x->nruns * sizeof *x->runs);
        assert_true(!x->extra == !y->extra);
        if (x->extra)
            assert_memory_equal(x->extra, y->extra, x->nglyphs * sizeof *x->extra);
    }
}

/* Through the layout cache, a paragraph seen before at the same measure
 * gets the lines laying it out again gives; a word cut for lack of room
 * warns every time. */
static void the_layout_cache_gives_the_same_lines(void **state)
{
    fixture *fx = *state;
    sy_layout_cache *c = sy_layout_cache_new();
    assert_non_null(c);
    sy_text_para *p = para_of(fx, paragraph);
    sy_lines *fresh = sy_layout_paragraph(p, 200, SY_ALIGN_JUSTIFY, fx->diags);
    sy_lines *first = sy_layout_paragraph_cached(c, p, 200, SY_ALIGN_JUSTIFY, fx->diags);
    sy_text_para *again = para_of(fx, paragraph);
    assert_int_equal(sy_text_para_cache_id(again), sy_text_para_cache_id(p));
    assert_true(sy_text_para_cache_id(p) != 0);
    sy_lines *cached = sy_layout_paragraph_cached(c, again, 200, SY_ALIGN_JUSTIFY, fx->diags);
    sy_lines *narrower = sy_layout_paragraph_cached(c, again, 150, SY_ALIGN_JUSTIFY, fx->diags);
    sy_lines *narrower_fresh = sy_layout_paragraph(again, 150, SY_ALIGN_JUSTIFY, fx->diags);
    assert_same_lines(fresh, first);
    assert_same_lines(fresh, cached);
    assert_same_lines(narrower_fresh, narrower);
    assert_true(sy_lines_count(narrower) > sy_lines_count(cached));
    sy_lines_free(fresh);
    sy_lines_free(first);
    sy_lines_free(cached);
    sy_lines_free(narrower);
    sy_lines_free(narrower_fresh);
    sy_text_para_free(p);
    sy_text_para_free(again);
    sy_text_para *w = para_of(fx, "សមាហរណកម្ម");
    for (int i = 0; i < 2; i++) {
        sy_diags_clear(fx->diags);
        sy_lines *l = sy_layout_paragraph_cached(c, w, 20, SY_ALIGN_LEFT, fx->diags);
        assert_non_null(l);
        assert_int_equal(sy_diags_get(fx->diags, 0)->severity, SY_SEV_WARNING);
        sy_lines_free(l);
    }
    sy_text_para_free(w);
    sy_layout_cache_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lines_fit_and_end_at_break_opportunities),
        cmocka_unit_test(lines_are_shaped_on_their_own),
        cmocka_unit_test(alignment_places_lines),
        cmocka_unit_test(khmer_lines_without_spaces_stretch_word_gaps),
        cmocka_unit_test(too_long_word_breaks_at_grapheme_boundary_with_warning),
        cmocka_unit_test(a_word_cut_over_lines_warns_once_at_its_value),
        cmocka_unit_test(the_layout_cache_gives_the_same_lines),
    };
    return cmocka_run_group_tests_name("layout", tests, fixture_setup, fixture_teardown);
}
