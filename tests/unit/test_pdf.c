/* Unit tests of lib/pdf: the libharu boundary, glyph groups, composites,
 * the CIDs and ToUnicode text written for shaped text, whole documents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <hb.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "fixtures.h"
#include "pdf/groups.h"
#include "pdf/pdf.h"
#include "render/draw.h"

/* libharu's internals are used in haru.c: the library loaded at run time
 * must be the exact version compiled against (2.3.0's struct layouts). */
static void libharu_version_is_the_one_compiled_against(void **state)
{
    (void)state;
    assert_string_equal(sy_pdf_haru_compiled_version(), "2.3.0");
    assert_string_equal(sy_pdf_haru_runtime_version(), sy_pdf_haru_compiled_version());
}

static sy_text_glyph *shape(const sy_font *f, const char *s, size_t *n)
{
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_add_utf8(buf, s, -1, 0, -1);
    hb_buffer_guess_segment_properties(buf);
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
    hb_shape(sy_font_hb(f), buf, NULL, 0);
    unsigned count;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &count);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &count);
    sy_text_glyph *g = calloc(count, sizeof *g);
    for (unsigned i = 0; i < count; i++) {
        g[i].gid = info[i].codepoint;
        g[i].cluster = info[i].cluster;
        g[i].x_advance = pos[i].x_advance;
        g[i].x_offset = pos[i].x_offset;
        g[i].y_offset = pos[i].y_offset;
    }
    hb_buffer_destroy(buf);
    *n = count;
    return g;
}

static void groups_follow_the_characters(void **state)
{
    fixture *fx = *state;
    size_t n;
    /* កខ: two consonants, one glyph each: one-to-one, two groups. */
    sy_text_glyph *g = shape(fx->style.khmer, "កខ", &n);
    sy_glyph_group grp[16];
    size_t ng = sy_pdf_group_glyphs("កខ", 0, strlen("កខ"), g, n, grp);
    assert_int_equal(ng, 2);
    assert_false(grp[0].composite);
    assert_false(grp[1].composite);
    free(g);
    /* កា: Khmer OS Siemreap has a ligature: one glyph shows both letters. */
    g = shape(fx->style.khmer, "កា", &n);
    assert_int_equal(n, 1);
    ng = sy_pdf_group_glyphs("កា", 0, strlen("កា"), g, n, grp);
    assert_int_equal(ng, 1);
    assert_false(grp[0].composite);
    assert_int_equal(grp[0].hi, strlen("កា"));
    free(g);
    /* ក្រ: coeng RO is drawn before its base: one composite for all. */
    g = shape(fx->style.khmer, "ក្រ", &n);
    assert_true(n >= 2);
    ng = sy_pdf_group_glyphs("ក្រ", 0, strlen("ក្រ"), g, n, grp);
    assert_int_equal(ng, 1);
    assert_true(grp[0].composite);
    assert_int_equal(grp[0].lo, 0);
    assert_int_equal(grp[0].hi, strlen("ក្រ"));
    free(g);
    /* ថ្ងៃ ក: the pre-base vowel makes one composite; the space and the
     * next consonant keep their own groups. */
    const char *s = "ថ្ងៃ ក";
    g = shape(fx->style.khmer, s, &n);
    ng = sy_pdf_group_glyphs(s, 0, strlen(s), g, n, grp);
    assert_int_equal(ng, 3);
    assert_true(grp[0].composite);
    assert_int_equal(grp[0].hi, strlen("ថ្ងៃ"));
    assert_false(grp[1].composite);
    assert_false(grp[2].composite);
    free(g);
}

/* Encodes s and checks that (a) the CIDs' texts concatenate to s and (b)
 * expanding composites gives back HarfBuzz's glyphs at HarfBuzz's
 * positions, with the W advances summing to HarfBuzz's. */
static void check_encoding(sy_pdf *pdf, const sy_font *f, const char *s, sy_diags *d)
{
    size_t n;
    sy_text_glyph *g = shape(f, s, &n);
    uint32_t *cids = calloc(n, sizeof *cids);
    size_t ng = sy_pdf_encode(pdf, f, s, 0, strlen(s), g, n, cids, d);
    assert_true(ng > 0);
    char text[4096] = "";
    size_t tl = 0, q = 0;
    long pen = 0, hbpen = 0;
    for (size_t i = 0; i < ng; i++) {
        sy_pdf_cid_info info;
        assert_int_equal(sy_pdf_cid_info_get(pdf, f, cids[i], &info), 0);
        memcpy(text + tl, info.text, info.tlen);
        tl += info.tlen;
        if (info.composite) {
            for (size_t k = 0; k < info.nparts; k++, q++) {
                assert_true(q < n);
                assert_int_equal(info.parts[k].gid, g[q].gid);
                assert_int_equal(pen + info.parts[k].dx, hbpen + g[q].x_offset);
                assert_int_equal(info.parts[k].dy, g[q].y_offset);
                hbpen += g[q].x_advance;
            }
        } else {
            assert_int_equal(info.gid, g[q].gid);
            assert_int_equal(info.advance, g[q].x_advance);
            assert_int_equal(g[q].x_offset, 0);
            assert_int_equal(g[q].y_offset, 0);
            hbpen += g[q].x_advance;
            q++;
        }
        pen += info.advance;
        assert_int_equal(pen, hbpen);
    }
    assert_int_equal(q, n);
    text[tl] = 0;
    assert_string_equal(text, s);
    free(cids);
    free(g);
}

static void cids_show_harfbuzz_glyphs_and_map_to_the_source(void **state)
{
    fixture *fx = *state;
    sy_pdf *pdf = sy_pdf_new(fx->diags);
    assert_non_null(pdf);
    const char *khmer[] = {"ព្រះរាជាណាចក្រកម្ពុជា", "ជាតិ សាសនា ព្រះមហាក្សត្រ", "ស្ត្រី ឿ ៀ អ៊ី ប៉ុស្តិ៍នគរបាល",
                           "ថ្ងៃទី១៥ ខែមិថុនា ឆ្នាំ២០២៥", "យុទ្ធសាស្ត្រ សង្គ្រោះ ព័ត៌មាន ស្ម័គ្រចិត្ត"};
    for (size_t i = 0; i < sizeof khmer / sizeof *khmer; i++)
        check_encoding(pdf, fx->style.khmer, khmer[i], fx->diags);
    check_encoding(pdf, fx->style.latin, "Official office affairs, 12 June 2025 — “fine”.",
                   fx->diags);
    assert_true(sy_pdf_font_composite_count(pdf, fx->style.khmer) > 5);
    /* The same text again reuses every CID and composite. */
    size_t cids = sy_pdf_font_cid_count(pdf, fx->style.khmer);
    size_t comps = sy_pdf_font_composite_count(pdf, fx->style.khmer);
    check_encoding(pdf, fx->style.khmer, khmer[0], fx->diags);
    assert_int_equal(sy_pdf_font_cid_count(pdf, fx->style.khmer), cids);
    assert_int_equal(sy_pdf_font_composite_count(pdf, fx->style.khmer), comps);
    sy_pdf_free(pdf);
}

static char *render_with(fixture *fx, const char *s, size_t *len, sy_pdf_font_cache *cache)
{
    sy_pdf *pdf = sy_pdf_new(fx->diags);
    if (cache)
        sy_pdf_set_font_cache(pdf, cache);
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, fx->diags), SY_OK);
    sy_text_para *p = para_of(fx, s);
    assert_non_null(p);
    sy_lines *lines = sy_layout_paragraph(p, 400, SY_ALIGN_JUSTIFY, fx->diags);
    for (size_t i = 0; i < sy_lines_count(lines); i++)
        assert_int_equal(
            sy_render_draw_line(pdf, p, sy_lines_get(lines, i), 70, 700 - 20.0 * i, fx->diags),
            SY_OK);
    assert_int_equal(sy_pdf_stroke(pdf, 70, 600, 470, 600, 0.5, fx->diags), SY_OK);
    char *data;
    assert_int_equal(sy_pdf_finish(pdf, &data, len, fx->diags), SY_OK);
    sy_lines_free(lines);
    sy_text_para_free(p);
    sy_pdf_free(pdf);
    return data;
}

static char *render(fixture *fx, const char *s, size_t *len)
{
    return render_with(fx, s, len, NULL);
}

static int contains(const char *data, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(data + i, needle, n))
            return 1;
    return 0;
}

/* Every embedded font program inflates to a TrueType font that HarfBuzz
 * reads, with the glyphs drawn and the composites appended. */
static void embedded_fonts_are_valid_truetype(void **state)
{
    fixture *fx = *state;
    size_t len;
    char *pdf = render(fx, "ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី Kingdom of Cambodia", &len);
    int fonts = 0;
    for (size_t i = 0; i + 9 < len; i++) {
        if (memcmp(pdf + i, "/Length1 ", 9) != 0)
            continue;
        unsigned long length1 = strtoul(pdf + i + 9, NULL, 10);
        const char *st = strstr(pdf + i, "stream\r\n");
        assert_non_null(st);
        st += 8;
        /* the dictionary's /Filter says it is deflated */
        const char *dict = pdf + i;
        while (dict > pdf && memcmp(dict, "<<", 2) != 0)
            dict--;
        assert_true(strstr(dict, "/FlateDecode") && strstr(dict, "/FlateDecode") < st);
        unsigned char *out = malloc(length1);
        uLongf outlen = length1;
        assert_int_equal(uncompress(out, &outlen, (const Bytef *)st, (uLong)(pdf + len - st)),
                         Z_OK);
        assert_int_equal(outlen, length1);
        assert_int_equal(out[0], 0);
        assert_int_equal(out[1], 1); /* sfnt version 1.0: TrueType outlines */
        hb_blob_t *blob = hb_blob_create((const char *)out, (unsigned)outlen,
                                         HB_MEMORY_MODE_READONLY, NULL, NULL);
        hb_face_t *face = hb_face_create(blob, 0);
        assert_true(hb_face_get_glyph_count(face) > 2);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        free(out);
        fonts++;
    }
    assert_int_equal(fonts, 2);
    free(pdf);
}

static void documents_are_complete_and_deterministic(void **state)
{
    fixture *fx = *state;
    const char *s = "អនុស្សរណៈនៃការយោគយល់គ្នា រវាងក្រសួងមហាផ្ទៃ និងអង្គការ Action Pour Les "
                    "Enfants (APLE) ស្តីពីកិច្ចសហប្រតិបត្តិការការពារកុមារ។";
    size_t l1, l2;
    char *a = render(fx, s, &l1);
    char *b = render(fx, s, &l2);
    assert_int_equal(l1, l2);
    assert_memory_equal(a, b, l1);
    assert_true(contains(a, l1, "%PDF-1.7"));
    assert_true(contains(a, l1, "/Identity-H"));
    assert_true(contains(a, l1, "/CIDFontType2"));
    assert_true(contains(a, l1, "/FontFile2"));
    assert_true(contains(a, l1, "/ToUnicode"));
    assert_true(contains(a, l1, "/CIDToGIDMap"));
    assert_true(contains(a, l1, "+KhmerOSSiemreap"));
    assert_true(contains(a, l1, "+NotoSerif-Regular"));
    assert_true(contains(a, l1, "/Producer"));
    assert_false(contains(a, l1, "Haru"));
    assert_false(contains(a, l1, "CreationDate"));
    free(a);
    free(b);
}

/* A string libharu cannot write (over 65535 bytes as a PDF string) is a
 * limit error at the call, not an internal error when the file is written
 * (issue 10: a long title was exit 70). */
static void overlong_pdf_strings_are_a_limit_error(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = sy_pdf_new(d);
    assert_non_null(pdf);
    size_t n = 40000; /* 40000 'é': 80000 bytes of UTF-8, 80002 as UTF-16BE */
    char *title = malloc(2 * n + 1);
    assert_non_null(title);
    for (size_t i = 0; i < n; i++)
        memcpy(title + 2 * i, "\xC3\xA9", 2);
    title[2 * n] = 0;
    assert_int_equal(sy_pdf_add_bookmark(pdf, 0, 700, title, d), SY_ERR_LIMIT);
    sy_pdf_info info = {title, NULL, NULL, NULL, NULL, NULL};
    assert_int_not_equal(sy_pdf_set_info(pdf, &info, d), SY_OK);
    /* 65535 ASCII bytes are still written as they are */
    memset(title, 'a', 65535);
    title[65535] = 0;
    assert_int_equal(sy_pdf_add_bookmark(pdf, 0, 700, title, d), SY_OK);
    memset(title, 'a', 256);
    memcpy(title + 256, ".yaml", 6);
    assert_int_equal(sy_pdf_attach_file(pdf, title, "x", 1, NULL, NULL, d), SY_ERR_LIMIT);
    free(title);
    sy_pdf_free(pdf);
    sy_diags_free(d);
}

/* Fonts embedded from the font cache (a batch worker's documents) are the
 * bytes subsetting again makes; another glyph set is not taken for them. */
static void cached_fonts_give_the_same_bytes(void **state)
{
    fixture *fx = *state;
    const char *s = "ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី Kingdom of Cambodia";
    const char *other = "ជាតិ សាសនា ព្រះមហាក្សត្រ Nation Religion King";
    sy_pdf_font_cache *cache = sy_pdf_font_cache_new();
    assert_non_null(cache);
    size_t l0, l1, l2, l3, l4;
    char *fresh = render(fx, s, &l0), *fresh_other = render(fx, other, &l3);
    char *miss = render_with(fx, s, &l1, cache);
    char *hit = render_with(fx, s, &l2, cache);
    char *other_miss = render_with(fx, other, &l4, cache);
    assert_int_equal(l0, l1);
    assert_memory_equal(fresh, miss, l0);
    assert_int_equal(l0, l2);
    assert_memory_equal(fresh, hit, l0);
    assert_int_equal(l3, l4);
    assert_memory_equal(fresh_other, other_miss, l3);
    free(fresh);
    free(fresh_other);
    free(miss);
    free(hit);
    free(other_miss);
    sy_pdf_font_cache_free(cache);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(libharu_version_is_the_one_compiled_against),
        cmocka_unit_test(groups_follow_the_characters),
        cmocka_unit_test(cids_show_harfbuzz_glyphs_and_map_to_the_source),
        cmocka_unit_test(embedded_fonts_are_valid_truetype),
        cmocka_unit_test(documents_are_complete_and_deterministic),
        cmocka_unit_test(overlong_pdf_strings_are_a_limit_error),
        cmocka_unit_test(cached_fonts_give_the_same_bytes),
    };
    return cmocka_run_group_tests_name("pdf", tests, fixture_setup, fixture_teardown);
}
