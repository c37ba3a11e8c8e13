/* Unit tests of lib/text: UTF-8 and NFC, itemisation, font fallback,
 * shaping, break opportunities. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <hb.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "fixtures.h"
#include "font/font.h"
#include "text/text.h"

static const char *first_error(fixture *fx)
{
    static char line[1024];
    for (size_t i = 0; i < sy_diags_count(fx->diags); i++) {
        const sy_diag *e = sy_diags_get(fx->diags, i);
        if (e->severity == SY_SEV_ERROR) {
            sy_diag_format(e, line, sizeof line);
            return line;
        }
    }
    return "";
}

static void invalid_utf8_names_the_byte_offset(void **state)
{
    fixture *fx = *state;
    assert_null(para_of(fx, "ក្រសួង\xC3("));
    assert_non_null(strstr(first_error(fx), "invalid UTF-8 at byte offset 18"));
    assert_null(para_of(fx, "ab\xED\xA0\x80")); /* a surrogate */
    assert_non_null(strstr(first_error(fx), "byte offset 2"));
    assert_null(para_of(fx, "\xF0\x82\x82\xAC")); /* overlong */
    assert_non_null(strstr(first_error(fx), "byte offset 0"));
    assert_int_equal(sy_utf8_check("\xE1\x9E\x80", 3), (size_t)-1);
}

static void text_is_normalised_to_nfc(void **state)
{
    fixture *fx = *state;
    /* e + U+0301 composes to U+00E9, A + U+030A to U+00C5; Khmer has no
     * decompositions and stays as typed. */
    sy_text_para *p = para_of(fx, "ក្រើ e\xCC\x81 A\xCC\x8A");
    assert_non_null(p);
    size_t len;
    const char *t = sy_text_para_text(p, &len);
    assert_string_equal(t, "ក្រើ \xC3\xA9 \xC3\x85");
    sy_text_para_free(p);
}

static void itemises_by_script_and_neighbours(void **state)
{
    fixture *fx = *state;
    /* Common characters take the preceding script, leading ones the next. */
    const char *s = "(ក្រសួង Ministry (ក) 2025";
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    assert_int_equal(sy_text_para_run_count(p), 3);
    const sy_text_run *r0 = sy_text_para_run(p, 0), *r1 = sy_text_para_run(p, 1),
                      *r2 = sy_text_para_run(p, 2);
    assert_int_equal(r0->start, 0);
    assert_int_equal(r0->end, strlen("(ក្រសួង "));
    assert_string_equal(r0->lang, "km");
    assert_ptr_equal(r0->font, fx->style.khmer);
    assert_int_equal(r1->end, strlen("(ក្រសួង Ministry ("));
    assert_string_equal(r1->lang, "en");
    assert_ptr_equal(r1->font, fx->style.latin);
    assert_int_equal(r2->end, strlen(s));
    assert_string_equal(r2->lang, "km");
    assert_int_equal(r0->script, HB_SCRIPT_KHMER);
    assert_int_equal(r1->script, HB_SCRIPT_LATIN);
    sy_text_para_free(p);
}

static void falls_back_to_the_other_font_of_the_style(void **state)
{
    fixture *fx = *state;
    /* NUMERO SIGN: Common, so it belongs to the Khmer run, but Khmer OS
     * Siemreap has no glyph for it and Noto Serif has. */
    assert_false(sy_font_covers(fx->style.khmer, 0x2116));
    assert_true(sy_font_covers(fx->style.latin, 0x2116));
    const char *s = "លេខ№១";
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    assert_int_equal(sy_text_para_run_count(p), 3);
    assert_ptr_equal(sy_text_para_run(p, 1)->font, fx->style.latin);
    assert_int_equal(sy_text_para_run(p, 1)->start, strlen("លេខ"));
    assert_ptr_equal(sy_text_para_run(p, 2)->font, fx->style.khmer);
    size_t n;
    const sy_text_glyph *g = sy_text_para_glyphs(p, &n);
    for (size_t i = 0; i < n; i++)
        assert_int_not_equal(g[i].gid, 0); /* never .notdef */
    sy_text_para_free(p);
}

static void uncovered_character_is_an_error_naming_it_and_the_fonts(void **state)
{
    fixture *fx = *state;
    assert_null(para_of(fx, "ក\xF0\x9F\x98\x80")); /* U+1F600 */
    const char *e = first_error(fx);
    assert_non_null(strstr(e, "U+1F600"));
    assert_non_null(strstr(e, "GRINNING FACE"));
    assert_non_null(strstr(e, "Khmer OS Siemreap"));
    assert_non_null(strstr(e, "Noto Serif"));
    assert_non_null(strstr(e, "byte offset 3"));
}

/* The glyphs of a paragraph are HarfBuzz's own shaping of its runs. */
static void glyphs_equal_harfbuzz_shaping(void **state)
{
    fixture *fx = *state;
    const char *s = "ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី ថ្ងៃ អ៊ី ឿ";
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    assert_int_equal(sy_text_para_run_count(p), 1);
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, s, -1, 0, -1);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, HB_SCRIPT_KHMER);
    hb_buffer_set_language(buf, hb_language_from_string("km", -1));
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
    /* sanya draws a lone vowel as typed, without HarfBuzz's dotted circle */
    hb_buffer_set_flags(
        buf, HB_BUFFER_FLAG_DO_NOT_INSERT_DOTTED_CIRCLE | HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT);
    hb_shape(sy_font_hb(fx->style.khmer), buf, NULL, 0);
    unsigned n;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
    size_t m;
    const sy_text_glyph *g = sy_text_para_glyphs(p, &m);
    assert_int_equal(m, n);
    uint32_t dotted = sy_font_nominal_glyph(fx->style.khmer, 0x25CC);
    for (unsigned i = 0; i < n; i++) {
        assert_int_not_equal(g[i].gid, dotted);
        assert_int_equal(g[i].gid, info[i].codepoint);
        assert_int_equal(g[i].cluster, info[i].cluster);
        assert_int_equal(g[i].x_advance, pos[i].x_advance);
        assert_int_equal(g[i].x_offset, pos[i].x_offset);
        assert_int_equal(g[i].y_offset, pos[i].y_offset);
    }
    hb_buffer_destroy(buf);
    sy_text_para_free(p);
}

/* The house fonts draw អ៊ី right: TRIISAP before a vowel above takes the
 * shape of the vowel below (as ុ), it is not stacked on the vowel. */
static void house_khmer_fonts_draw_triisap_with_vowel_above(void **state)
{
    fixture *fx = *state;
    const char *roles[] = {"khmer-body", "khmer-heading"};
    for (int r = 0; r < 2; r++) {
        const sy_font *f = sy_fontset_get(fx->fonts, roles[r], fx->diags);
        assert_non_null(f);
        hb_buffer_t *buf = hb_buffer_create();
        hb_buffer_add_utf8(buf, "អ៊ី", -1, 0, -1);
        hb_buffer_guess_segment_properties(buf);
        hb_shape(sy_font_hb(f), buf, NULL, 0);
        unsigned n;
        hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
        assert_int_equal(n, 3);
        assert_int_equal(info[1].codepoint, sy_font_nominal_glyph(f, 0x17BB));
        hb_buffer_destroy(buf);
    }
}

static int brk_at(const sy_text_para *p, const char *s, const char *prefix)
{
    (void)s;
    return sy_text_para_breaks(p)[strlen(prefix)];
}

static void breaks_follow_icu_and_grapheme_clusters(void **state)
{
    fixture *fx = *state;
    const char *s = "គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស and the Parties agree";
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    size_t len;
    const char *t = sy_text_para_text(p, &len);
    const uint8_t *brk = sy_text_para_breaks(p);
    /* Every opportunity is one of ICU's (line, km) and a grapheme boundary. */
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, t, (int64_t)len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_LINE, "km", NULL, 0, &st);
    ubrk_setUText(bi, ut, &st);
    assert_false(U_FAILURE(st));
    int icu_count = 0;
    for (size_t i = 1; i <= len; i++) {
        if (brk[i]) {
            assert_true(ubrk_isBoundary(bi, (int32_t)i));
            assert_true(sy_text_para_is_grapheme_boundary(p, i));
        }
        icu_count += brk[i];
    }
    ubrk_close(bi);
    utext_close(ut);
    assert_true(icu_count >= 8);
    assert_true(brk_at(p, s, "គណៈកម្មាធិការជាតិ"));
    assert_false(brk_at(p, s, "គណៈកម្មាធិការជាតិប្រ")); /* inside a word */
    assert_false(brk_at(p, s, "គ"));
    assert_true(brk_at(p, s, "គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស and "));
    assert_false(brk_at(p, s, "គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស an"));
    sy_text_para_free(p);
}

static void zwsp_allows_and_word_joiner_forbids(void **state)
{
    fixture *fx = *state;
    /* ICU keeps ចុះហត្ថលេខា whole; a ZWSP typed inside opens a break. */
    const char *s = "ការចុះ\xE2\x80\x8Bហត្ថលេខាលើ";
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    assert_true(brk_at(p, s, "ការចុះ\xE2\x80\x8B"));
    sy_text_para_free(p);
    /* ICU breaks លោក|សំលៀង; a word joiner between them forbids it. */
    const char *w = "លោក\xE2\x81\xA0សំលៀងសីលា";
    p = para_of(fx, w);
    assert_non_null(p);
    assert_false(brk_at(p, w, "លោក"));
    assert_false(brk_at(p, w, "លោក\xE2\x81\xA0"));
    sy_text_para_free(p);
    p = para_of(fx, "លោកសំលៀងសីលា");
    assert_true(brk_at(p, "", "លោក"));
    sy_text_para_free(p);
}

static void no_break_after_a_hyphen_inside_a_word(void **state)
{
    fixture *fx = *state;
    const char *s = "the Anti-Human Trafficking Department - and 2020-2025";
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    assert_false(brk_at(p, s, "the Anti-"));
    assert_false(brk_at(p, s, "the Anti-Human Trafficking Department - and 2020-"));
    assert_true(brk_at(p, s, "the Anti-Human "));
    assert_true(brk_at(p, s, "the Anti-Human Trafficking Department - "));
    sy_text_para_free(p);
}

static void no_break_inside_listed_words(void **state)
{
    fixture *fx = *state;
    /* ICU alone: ធ្វើស|មា|ហរ|ណ|កម្ម. The shipped list keeps សមាហរណកម្ម. */
    const char *s = "ធ្វើសមាហរណកម្មសង្គម";
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    for (size_t i = strlen("ធ្វើស"); i < strlen("ធ្វើសមាហរណកម្ម"); i++)
        assert_false(sy_text_para_breaks(p)[i]);
    assert_true(brk_at(p, s, "ធ្វើសមាហរណកម្ម"));
    sy_text_para_free(p);
    /* A caller's word: ICU breaks អង្គការអា|ប្លេ. */
    const char *n = "អង្គការអាប្លេ";
    p = para_of(fx, n);
    assert_true(brk_at(p, n, "អង្គការអា"));
    sy_text_para_free(p);
    size_t before = sy_text_ctx_word_count(fx->ctx);
    const char *list = "# names\nអាប្លេ\n\n  សំលៀង សីលា  \n";
    assert_int_equal(sy_text_ctx_add_words(fx->ctx, "names.txt", list, strlen(list), fx->diags),
                     SY_OK);
    assert_int_equal(sy_text_ctx_word_count(fx->ctx), before + 2);
    p = para_of(fx, n);
    assert_false(brk_at(p, n, "អង្គការអា"));
    sy_text_para_free(p);
    assert_int_equal(sy_text_ctx_add_words(fx->ctx, "bad.txt", "\xFF", 1, fx->diags), SY_ERR_DATA);
}

/* The context's cache: a paragraph seen before comes back identical (text,
 * runs, glyphs, breaks) without being shaped again; one with an error is
 * never kept, so it is reported every time. */
static void a_paragraph_seen_before_comes_from_the_cache(void **state)
{
    fixture *fx = *state;
    const char *s = "ក្រសួងមហាផ្ទៃ Ministry of Interior អ៊ីនធឺណិត ២០២៥";
    sy_text_para *a = para_of(fx, s);
    assert_non_null(a);
    sy_text_cache_stats before = sy_text_ctx_cache_stats(fx->ctx);
    sy_text_para *b = para_of(fx, s);
    assert_non_null(b);
    sy_text_cache_stats after = sy_text_ctx_cache_stats(fx->ctx);
    assert_int_equal(after.hits, before.hits + 1);
    assert_int_equal(after.misses, before.misses);
    size_t la, lb, na, nb;
    sy_text_para_text(a, &la);
    sy_text_para_text(b, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(sy_text_para_text(a, NULL), sy_text_para_text(b, NULL), la);
    assert_memory_equal(sy_text_para_breaks(a), sy_text_para_breaks(b), la + 1);
    const sy_text_glyph *ga = sy_text_para_glyphs(a, &na), *gb = sy_text_para_glyphs(b, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(ga, gb, na * sizeof *ga);
    assert_int_equal(sy_text_para_run_count(a), sy_text_para_run_count(b));
    for (size_t i = 0; i < sy_text_para_run_count(a); i++)
        assert_memory_equal(sy_text_para_run(a, i), sy_text_para_run(b, i), sizeof(sy_text_run));
    sy_text_para_free(a);
    sy_text_para_free(b);
    const char *bad = "ក្រសួង \xF0\x9F\x98\x80"; /* no font covers U+1F600 */
    for (int i = 0; i < 2; i++) {
        assert_null(para_of(fx, bad));
        assert_non_null(strstr(first_error(fx), "U+1F600 GRINNING FACE"));
    }
}

/* A problem in text that came from the data is reported at the YAML value
 * (its mark and path), with the offset inside the value and the template
 * line that placed it; in the template's own text, at the template line. */
static void problems_are_reported_at_the_value_they_came_from(void **state)
{
    fixture *fx = *state;
    /* The block's text is "ក😀 ok"; its first 7 bytes came from the data.
     * The paragraph typeset is "A: " (the renderer's) + the block's text. */
    sy_span span = {
        0, 7, {"agreement.yaml", 41, 7}, "articles[2].body.km", {"mou/main.tpl", 52, 1}};
    sy_text_source src = {
        .file = "mou/main.tpl", .line = 50, .spans = &span, .nspans = 1, .span_offset = -3};
    const char *text = "A: ក\xF0\x9F\x98\x80 ok";
    sy_diags_clear(fx->diags);
    assert_null(sy_text_para_new(fx->ctx, &fx->style, text, strlen(text), src, fx->diags));
    assert_int_equal(sy_diags_count(fx->diags), 1);
    const sy_diag *e = sy_diags_get(fx->diags, 0);
    assert_string_equal(e->file, "agreement.yaml");
    assert_int_equal(e->line, 41);
    assert_int_equal(e->column, 7);
    assert_string_equal(e->path, "articles[2].body.km");
    assert_non_null(strstr(e->message, "U+1F600"));
    assert_non_null(strstr(e->message, "at byte offset 3 of the value"));
    assert_non_null(strstr(e->message, ", via mou/main.tpl:52"));

    sy_text_place pl = sy_text_locate(&src, 1); /* the renderer's own text */
    assert_string_equal(pl.file, "mou/main.tpl");
    assert_int_equal(pl.line, 50);
    assert_null(pl.path);
    pl = sy_text_locate(&src, 11); /* " ok": template text after the value */
    assert_null(pl.path);
    pl = sy_text_locate(&src, 6);
    assert_string_equal(pl.path, "articles[2].body.km");
    assert_int_equal(pl.offset, 3);
    assert_string_equal(pl.via_file, "mou/main.tpl");
    assert_int_equal(pl.via_line, 52);

    /* A span without a path (a template literal): the template line. */
    span.path = NULL;
    sy_diags_clear(fx->diags);
    assert_null(sy_text_para_new(fx->ctx, &fx->style, text, strlen(text), src, fx->diags));
    e = sy_diags_get(fx->diags, 0);
    assert_string_equal(e->file, "mou/main.tpl");
    assert_int_equal(e->line, 50);
    assert_null(e->path);
    assert_non_null(strstr(e->message, "at byte offset 6 ("));
    assert_null(strstr(e->message, "via"));

    /* Offsets are those of the text as written, before NFC: "e" + U+0301
     * (3 bytes) becomes "é" (2 bytes), the face stays at byte 3. */
    span.path = "parties[0].name.en";
    src.span_offset = 0;
    const char *decomposed = "e\xCC\x81\xF0\x9F\x98\x80";
    sy_diags_clear(fx->diags);
    assert_null(
        sy_text_para_new(fx->ctx, &fx->style, decomposed, strlen(decomposed), src, fx->diags));
    e = sy_diags_get(fx->diags, 0);
    assert_string_equal(e->path, "parties[0].name.en");
    assert_non_null(strstr(e->message, "at byte offset 3 of the value"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(invalid_utf8_names_the_byte_offset),
        cmocka_unit_test(text_is_normalised_to_nfc),
        cmocka_unit_test(itemises_by_script_and_neighbours),
        cmocka_unit_test(falls_back_to_the_other_font_of_the_style),
        cmocka_unit_test(uncovered_character_is_an_error_naming_it_and_the_fonts),
        cmocka_unit_test(glyphs_equal_harfbuzz_shaping),
        cmocka_unit_test(house_khmer_fonts_draw_triisap_with_vowel_above),
        cmocka_unit_test(breaks_follow_icu_and_grapheme_clusters),
        cmocka_unit_test(zwsp_allows_and_word_joiner_forbids),
        cmocka_unit_test(no_break_after_a_hyphen_inside_a_word),
        cmocka_unit_test(no_break_inside_listed_words),
        cmocka_unit_test(problems_are_reported_at_the_value_they_came_from),
        cmocka_unit_test(a_paragraph_seen_before_comes_from_the_cache),
    };
    return cmocka_run_group_tests_name("text", tests, fixture_setup, fixture_teardown);
}
