/* Unit tests of lib/doc: building a document tree, reading it back, and the
 * text dump used by golden files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"

static sy_mark at(int line)
{
    sy_mark m = {"mou/main.tpl", line, 1};
    return m;
}

static void build_and_read(void **state)
{
    (void)state;
    sy_doc *d = sy_doc_new();
    assert_non_null(d);
    sy_blocks *body = sy_doc_body(d);
    const char *motto = "ព្រះរាជាណាចក្រកម្ពុជា";
    sy_block *p = sy_blocks_add_paragraph(body, at(1), motto, strlen(motto), SY_LANG_KM, "motto",
                                          SY_ALIGN_CENTER);
    assert_non_null(p);
    assert_non_null(sy_blocks_add_rule(body, at(2)));
    sy_block *art = sy_blocks_add_article(body, at(3), 1, "Purpose", 7, SY_LANG_EN);
    assert_non_null(art);
    assert_non_null(sy_blocks_add_paragraph(sy_block_body_mut(art), at(4), "To work.", 8,
                                            SY_LANG_EN, NULL, SY_ALIGN_JUSTIFY));
    sy_block *pair = sy_blocks_add_pair(body, at(5));
    assert_non_null(sy_blocks_add_paragraph(sy_block_body_mut(pair), at(6), "ក", 3, SY_LANG_KM,
                                            NULL, SY_ALIGN_LEFT));
    assert_non_null(sy_blocks_add_paragraph(sy_block_en_mut(pair), at(8), "A", 1, SY_LANG_EN, NULL,
                                            SY_ALIGN_LEFT));
    sy_block *list = sy_blocks_add_list(body, at(9), 1);
    sy_blocks *item = sy_block_add_item(list);
    assert_non_null(item);
    assert_non_null(sy_blocks_add_paragraph(item, at(9), "one", 3, SY_LANG_EN, NULL, 0));
    sy_block *sigs = sy_blocks_add_signatures(body, at(10));
    sy_signatory s = {"moi", "ស", "Sar", NULL, "Minister", 1};
    assert_int_equal(sy_block_add_signatory(sigs, &s), 0);
    assert_non_null(sy_blocks_add_space(body, at(11), 12.5));
    assert_non_null(sy_blocks_add_page_break(body, at(12)));
    sy_block *keep = sy_blocks_add_keep(body, at(13));
    assert_non_null(sy_blocks_add_heading(sy_block_body_mut(keep), at(14), 9, "H", 1, SY_LANG_EN,
                                          NULL, SY_ALIGN_LEFT));
    assert_false(sy_doc_failed(d));

    const sy_blocks *top = sy_doc_blocks(d);
    assert_int_equal(sy_blocks_count(top), 9);
    const sy_block *b0 = sy_blocks_get(top, 0);
    size_t len;
    assert_string_equal(sy_block_text(b0, &len), motto);
    assert_int_equal(len, strlen(motto));
    assert_string_equal(sy_block_role(b0), "motto");
    assert_int_equal(sy_block_align(b0), SY_ALIGN_CENTER);
    assert_int_equal(sy_block_lang(b0), SY_LANG_KM);
    assert_int_equal(sy_block_mark(b0).line, 1);
    assert_string_equal(sy_block_mark(b0).file, "mou/main.tpl");
    const sy_block *a = sy_blocks_get(top, 2);
    assert_int_equal(sy_block_number(a), 1);
    assert_string_equal(sy_block_role(sy_blocks_get(sy_block_body(a), 0)), "body");
    const sy_block *pr = sy_blocks_get(top, 3);
    assert_int_equal(sy_blocks_count(sy_block_body(pr)), 1);
    assert_string_equal(sy_block_text(sy_blocks_get(sy_block_en(pr), 0), NULL), "A");
    assert_int_equal(sy_block_item_count(sy_blocks_get(top, 4)), 1);
    assert_true(sy_block_ordered(sy_blocks_get(top, 4)));
    const sy_signatory *got = sy_block_signatory(sy_blocks_get(top, 5), 0);
    assert_string_equal(got->party, "moi");
    assert_string_equal(got->title_km, "");
    assert_true(got->seal);
    assert_true(sy_block_points(sy_blocks_get(top, 6)) == 12.5);
    /* heading levels are clamped to 1..6 */
    assert_int_equal(sy_block_level(sy_blocks_get(sy_block_body(sy_blocks_get(top, 8)), 0)), 6);
    /* children of a block without children: empty, never NULL */
    assert_int_equal(sy_blocks_count(sy_block_body(b0)), 0);
    assert_null(sy_blocks_get(top, 99));
    sy_doc_free(d);
}

static void dump_is_readable_and_escaped(void **state)
{
    (void)state;
    sy_doc *d = sy_doc_new();
    sy_doc_set_layout(d, SY_LAYOUT_SEQUENTIAL);
    sy_blocks *body = sy_doc_body(d);
    sy_block *p =
        sy_blocks_add_paragraph(body, at(1), "a \"b\"", 5, SY_LANG_EN, "title", SY_ALIGN_CENTER);
    assert_int_equal(sy_block_append_text(p, "\nc\\", 3), 0);
    sy_block *pair = sy_blocks_add_pair(body, at(2));
    sy_blocks_add_paragraph(sy_block_body_mut(pair), at(3), "ក", 3, SY_LANG_KM, NULL, 0);
    sy_blocks_add_rule(body, at(4));
    sy_buf out = SY_BUF_INIT;
    sy_doc_dump(d, &out);
    assert_false(sy_buf_failed(&out));
    assert_string_equal(out.data,
                        "document layout=sequential\n"
                        "  paragraph role=title align=center lang=en @mou/main.tpl:1:1\n"
                        "    \"a \\\"b\\\"\\nc\\\\\"\n"
                        "  pair @mou/main.tpl:2:1\n"
                        "    km\n"
                        "      paragraph role=body align=left lang=km @mou/main.tpl:3:1\n"
                        "        \"ក\"\n"
                        "    en\n"
                        "  rule @mou/main.tpl:4:1\n");
    sy_buf_free(&out);
    sy_doc_free(d);
}

static void marks_outlive_their_strings(void **state)
{
    (void)state;
    sy_doc *d = sy_doc_new();
    char *file = strdup("x/clauses/a.tpl");
    sy_mark m = {file, 3, 2};
    sy_blocks_add_page_break(sy_doc_body(d), m);
    sy_blocks_add_page_break(sy_doc_body(d), m);
    free(file);
    const sy_block *b0 = sy_blocks_get(sy_doc_blocks(d), 0);
    const sy_block *b1 = sy_blocks_get(sy_doc_blocks(d), 1);
    assert_string_equal(sy_block_mark(b0).file, "x/clauses/a.tpl");
    /* interned: one copy per file name */
    assert_ptr_equal(sy_block_mark(b0).file, sy_block_mark(b1).file);
    sy_doc_free(d);
}

static void builders_reject_wrong_kinds(void **state)
{
    (void)state;
    sy_doc *d = sy_doc_new();
    sy_block *rule = sy_blocks_add_rule(sy_doc_body(d), at(1));
    assert_null(sy_block_body_mut(rule));
    assert_null(sy_block_en_mut(rule));
    assert_null(sy_block_add_item(rule));
    sy_signatory s = {0};
    assert_int_equal(sy_block_add_signatory(rule, &s), -1);
    assert_int_equal(sy_block_append_text(rule, "x", 1), -1);
    assert_false(sy_doc_failed(d));
    sy_doc_free(d);
}

/* A paragraph "Between " + a party's name + " and " + another's: each
 * interpolated name maps back to its YAML value; the template's own words
 * map to nothing (the block's mark). */
static void spans_map_offsets_to_their_values(void **state)
{
    (void)state;
    sy_doc *d = sy_doc_new();
    char *yaml = strdup("agreement.yaml");
    sy_mark moi = {yaml, 24, 16}, aple = {yaml, 29, 16}, via = {"mou/main.tpl", 30, 9};
    sy_block *p =
        sy_blocks_add_paragraph(sy_doc_body(d), at(30), "Between ", 8, SY_LANG_EN, NULL, 0);
    assert_int_equal(sy_block_append_text_from(p, "MOI", 3, moi, "parties[0].name.en", via), 0);
    assert_int_equal(sy_block_append_text(p, " and ", 5), 0);
    assert_int_equal(sy_block_append_text(p, "APLE", 4), 0);
    assert_int_equal(sy_block_add_span(p, 16, 20, aple, "parties[1].name.en", via), 0);
    assert_int_equal(sy_block_add_span(p, 20, 20, aple, NULL, via), 0); /* empty: ignored */
    /* out of order, past the text */
    assert_int_equal(sy_block_add_span(p, 9, 10, moi, NULL, via), -1);
    assert_int_equal(sy_block_add_span(p, 19, 21, moi, NULL, via), -1);
    assert_false(sy_doc_failed(d));
    free(yaml); /* the document keeps its own copy of file names */

    size_t n;
    const sy_span *spans = sy_block_spans(p, &n);
    assert_int_equal(n, 2);
    assert_int_equal(spans[0].start, 8);
    assert_int_equal(spans[0].end, 11);
    assert_null(sy_block_span_at(p, 0));
    assert_null(sy_block_span_at(p, 7));
    const sy_span *s = sy_block_span_at(p, 8);
    assert_non_null(s);
    assert_string_equal(s->path, "parties[0].name.en");
    assert_string_equal(s->mark.file, "agreement.yaml");
    assert_int_equal(s->mark.line, 24);
    assert_int_equal(s->mark.column, 16);
    assert_int_equal(s->via.line, 30);
    assert_ptr_equal(sy_block_span_at(p, 10), s);
    assert_null(sy_block_span_at(p, 11)); /* " and " */
    assert_null(sy_block_span_at(p, 15));
    s = sy_block_span_at(p, 19);
    assert_non_null(s);
    assert_string_equal(s->path, "parties[1].name.en");
    assert_int_equal(s->mark.line, 29);
    assert_null(sy_block_span_at(p, 20));
    assert_null(sy_block_span_at(p, 1000));

    /* Blocks without text have no spans and take none. */
    sy_block *rule = sy_blocks_add_rule(sy_doc_body(d), at(31));
    assert_int_equal(sy_block_add_span(rule, 0, 0, moi, NULL, via), -1);
    sy_block_spans(rule, &n);
    assert_int_equal(n, 0);
    assert_null(sy_block_span_at(rule, 0));

    /* Spans do not show in the dump (golden files stay as they are). */
    sy_buf out = SY_BUF_INIT;
    sy_doc_dump(d, &out);
    assert_null(strstr(out.data, "parties"));
    sy_buf_free(&out);
    sy_doc_free(d);
}

/* A signatory's text fields keep their spans and the template line of
 * each field, copied into the document like a paragraph's. */
static void signatory_fields_keep_their_spans(void **state)
{
    (void)state;
    sy_doc *d = sy_doc_new();
    char *yaml = strdup("agreement.yaml");
    char *tpl = strdup("mou/main.tpl");
    char *path = strdup("parties[1].signatory.name.en");
    sy_mark value = {yaml, 18, 36}, via = {tpl, 82, 10}, line = {tpl, 82, 1};
    sy_block *sigs = sy_blocks_add_signatures(sy_doc_body(d), at(77));
    sy_signatory s = {"ngo-b", "ចាន់", "Dara Chan", NULL, "President", 1};
    assert_int_equal(sy_block_add_signatory(sigs, &s), 0);
    assert_int_equal(
        sy_block_add_signatory_span(sigs, 0, SY_SIGNATORY_NAME_EN, 0, 9, value, path, via), 0);
    assert_int_equal(sy_block_set_signatory_mark(sigs, 0, SY_SIGNATORY_NAME_EN, line), 0);
    /* past the field's text, out of order, no such signatory or field */
    assert_int_equal(
        sy_block_add_signatory_span(sigs, 0, SY_SIGNATORY_TITLE_EN, 0, 10, value, NULL, via), -1);
    assert_int_equal(
        sy_block_add_signatory_span(sigs, 0, SY_SIGNATORY_NAME_EN, 3, 5, value, NULL, via), -1);
    assert_int_equal(
        sy_block_add_signatory_span(sigs, 1, SY_SIGNATORY_NAME_EN, 0, 1, value, NULL, via), -1);
    assert_int_equal(
        sy_block_add_signatory_span(sigs, 0, SY_SIGNATORY_FIELDS, 0, 1, value, NULL, via), -1);
    assert_false(sy_doc_failed(d));
    free(yaml); /* the document keeps its own copies */
    free(tpl);
    free(path);

    size_t n;
    const sy_span *spans = sy_block_signatory_spans(sigs, 0, SY_SIGNATORY_NAME_EN, &n);
    assert_int_equal(n, 1);
    assert_int_equal(spans[0].start, 0);
    assert_int_equal(spans[0].end, 9);
    assert_string_equal(spans[0].path, "parties[1].signatory.name.en");
    assert_string_equal(spans[0].mark.file, "agreement.yaml");
    assert_int_equal(spans[0].mark.line, 18);
    assert_int_equal(spans[0].mark.column, 36);
    assert_string_equal(spans[0].via.file, "mou/main.tpl");
    assert_int_equal(spans[0].via.line, 82);
    sy_mark m = sy_block_signatory_mark(sigs, 0, SY_SIGNATORY_NAME_EN);
    assert_string_equal(m.file, "mou/main.tpl");
    assert_int_equal(m.line, 82);
    /* a field without spans, or without a line of its own: the block's */
    sy_block_signatory_spans(sigs, 0, SY_SIGNATORY_NAME_KM, &n);
    assert_int_equal(n, 0);
    assert_int_equal(sy_block_signatory_mark(sigs, 0, SY_SIGNATORY_NAME_KM).line, 77);
    assert_null(sy_block_signatory_spans(sigs, 5, SY_SIGNATORY_NAME_EN, &n));
    assert_int_equal(n, 0);
    /* the signatory itself reads as before */
    assert_string_equal(sy_block_signatory(sigs, 0)->name_en, "Dara Chan");
    assert_string_equal(sy_block_signatory(sigs, 0)->title_km, "");
    sy_doc_free(d);
}

/* A paragraph joined from 100 000 lines keeps every byte now that its
 * buffer grows geometrically (growing it by each line copied it once per
 * line: under AddressSanitizer a 1 MB paragraph took over 60 s; the seed
 * tests/fuzz/corpus/template/regress-paragraph-append-quadratic guards the
 * time under make check-asan and make fuzz-run). */
static void long_paragraph_appended_line_by_line(void **state)
{
    (void)state;
    sy_doc *d = sy_doc_new();
    sy_block *p = sy_blocks_add_paragraph(sy_doc_body(d), at(1), "a", 1, SY_LANG_EN, NULL, 0);
    for (int i = 0; i < 100000; i++)
        assert_int_equal(sy_block_append_text(p, i % 2 ? "b" : " c", i % 2 ? 1 : 2), 0);
    size_t len;
    const char *text = sy_block_text(p, &len);
    assert_int_equal(len, 1 + 50000 * 3);
    assert_int_equal(strlen(text), len);
    assert_memory_equal(text + len - 6, " cb cb", 6);
    assert_int_equal(sy_block_append_text(p, "", 0), 0);
    assert_int_equal(strlen(sy_block_text(p, &len)), len);
    sy_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(build_and_read),
        cmocka_unit_test(long_paragraph_appended_line_by_line),
        cmocka_unit_test(dump_is_readable_and_escaped),
        cmocka_unit_test(marks_outlive_their_strings),
        cmocka_unit_test(builders_reject_wrong_kinds),
        cmocka_unit_test(spans_map_offsets_to_their_values),
        cmocka_unit_test(signatory_fields_keep_their_spans),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
