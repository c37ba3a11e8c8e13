/* Unit tests of lib/data's text splicing (splice.h), placeholders (yaml.h,
 * reported as unfinished) and new agreements (new.h). The commands are
 * tested end to end in tests/e2e/test-new.sh and test-renew.sh. Tests run
 * from the repository root (templates/). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "data/data.h"
#include "data/new.h"
#include "data/splice.h"
#include "data/yaml.h"

/* ---- splicing ---- */

static char *apply(sy_splice *s)
{
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(sy_splice_apply(s, &out), SY_OK);
    sy_buf_putc(&out, 0);
    return sy_buf_take(&out, NULL);
}

static void splice_keeps_every_other_byte(void **state)
{
    (void)state;
    /* Khmer before a value: marks count characters, edits count bytes */
    const char src[] = "# head\n"
                       "title: {km: ចំណងជើង, en: 'Old'}   # keep me\n"
                       "signed: \"2025-06-12\"\n"
                       "term:\n"
                       "  years: 3\n"
                       "list: [a, b]\n";
    sy_splice_node *root = sy_splice_tree_parse(src, strlen(src));
    assert_non_null(root);
    assert_int_equal(root->kind, SY_SPLICE_MAP);
    const sy_splice_node *title = sy_splice_get(root, "title", NULL);
    assert_non_null(title);
    assert_true(title->flow);
    const sy_splice_node *en = sy_splice_get(title, "en", NULL);
    assert_int_equal(en->style, '\'');
    assert_string_equal(en->text, "Old");
    const sy_splice_node *key = NULL, *sig = sy_splice_get(root, "signed", &key);
    assert_string_equal(key->text, "signed");
    assert_int_equal(sig->style, '"');
    assert_null(sy_splice_get(root, "absent", NULL));
    assert_null(sy_splice_get(en, "x", NULL)); /* not a map */

    sy_splice *s = sy_splice_new(src, strlen(src));
    assert_non_null(s);
    assert_string_equal(sy_splice_eol(s), "\n");
    sy_splice_scalar(s, en, "New");
    sy_splice_scalar(s, sig, "2028-06-12");
    const char *add[] = {"renewal: 1", "start: 2028-06-12", NULL};
    sy_splice_map_append(s, sy_splice_get(root, "term", NULL), add);
    sy_buf b = SY_BUF_INIT;
    sy_buf_puts(&b, "[c]");
    const sy_splice_node *list = sy_splice_get(root, "list", NULL);
    sy_splice_replace(s, list->start, list->content_end, &b);
    char *got = apply(s);
    assert_string_equal(got,
                        "# head\n"
                        "title: {km: ចំណងជើង, en: 'New'}   # keep me\n"
                        "signed: \"2028-06-12\"\n"
                        "term:\n"
                        "  years: 3\n"
                        "  renewal: 1\n"
                        "  start: 2028-06-12\n"
                        "list: [c]\n");
    free(got);
    sy_splice_free(s);
    sy_splice_tree_free(root);
}

static void splice_flow_map_append_and_crlf(void **state)
{
    (void)state;
    const char src[] = "term: {years: 3}\r\nx: 1\r\n";
    sy_splice_node *root = sy_splice_tree_parse(src, strlen(src));
    sy_splice *s = sy_splice_new(src, strlen(src));
    assert_string_equal(sy_splice_eol(s), "\r\n");
    assert_int_equal(sy_splice_line_end(s, 0), strlen("term: {years: 3}"));
    const char *add[] = {"renewal: 1", NULL};
    sy_splice_map_append(s, sy_splice_get(root, "term", NULL), add);
    char *got = apply(s);
    assert_string_equal(got, "term: {years: 3, renewal: 1}\r\nx: 1\r\n");
    free(got);
    sy_splice_free(s);
    sy_splice_tree_free(root);
}

static void splice_overlap_is_refused(void **state)
{
    (void)state;
    const char src[] = "a: 1\n";
    sy_splice *s = sy_splice_new(src, strlen(src));
    sy_buf x = SY_BUF_INIT, y = SY_BUF_INIT;
    sy_buf_puts(&x, "X");
    sy_buf_puts(&y, "Y");
    sy_splice_replace(s, 0, 3, &x);
    sy_splice_replace(s, 1, 4, &y);
    sy_buf out = SY_BUF_INIT;
    sy_buf_puts(&out, "kept");
    assert_int_equal(sy_splice_apply(s, &out), SY_ERR_INTERNAL);
    assert_int_equal(out.len, 4); /* out keeps its length */
    sy_buf_free(&out);
    sy_splice_free(s);
    /* not YAML, or nothing: no tree */
    assert_null(sy_splice_tree_parse("a: [", 4));
    assert_null(sy_splice_tree_parse("", 0));
}

static void put_scalar_quotes_what_needs_it(void **state)
{
    (void)state;
    static const struct {
        const char *value, *written;
    } cases[] = {
        {"Ministry of Interior", "Ministry of Interior"},
        {"ក្រសួងមហាផ្ទៃ", "ក្រសួងមហាផ្ទៃ"},
        {"Ministry of Education, Youth and Sport", "'Ministry of Education, Youth and Sport'"},
        {"<not a placeholder>", "'<not a placeholder>'"},
        {"a: b", "'a: b'"},
        {"3", "3"}, /* plain: the caller decides what a number means */
        {"it's", "it's"},
        {"", "''"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sy_buf b = SY_BUF_INIT;
        assert_int_equal(sy_splice_put_scalar(&b, cases[i].value), 0);
        sy_buf_putc(&b, 0);
        assert_string_equal(b.data, cases[i].written);
        sy_buf_free(&b);
    }
}

/* ---- placeholders ---- */

static sy_yn *parse(const char *text)
{
    sy_yn *root = sy_yn_parse("t.yaml", text, strlen(text), NULL);
    assert_non_null(root);
    return root;
}

static void placeholders_are_plain_angle_scalars(void **state)
{
    (void)state;
    sy_yn *root = parse("a: <signing date, YYYY-MM-DD>\n"
                        "b: '<quoted>'\n"
                        "c: \"<quoted>\"\n"
                        "d: <>\n"
                        "e: <open\n"
                        "f: text <inside>\n"
                        "g: <x>\n"
                        "h: |-\n  <block>\n"
                        "i: [<in a list>]\n"
                        "j: {k: <in a map>}\n");
    static const struct {
        const char *key;
        int is;
    } cases[] = {{"a", 1}, {"b", 0}, {"c", 0}, {"d", 0}, {"e", 0},
                 {"f", 0}, {"g", 1}, {"h", 0}, {"i", 0}, {"j", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        assert_int_equal(!!sy_yn_is_placeholder(sy_yn_get(root, cases[i].key)), cases[i].is);
    assert_true(sy_yn_is_placeholder(sy_yn_get(root, "i")->items[0]));
    assert_true(sy_yn_is_placeholder(sy_yn_get(sy_yn_get(root, "j"), "k")));
    assert_false(sy_yn_is_placeholder(NULL));
    sy_yn_free(root);
}

static void unfinished_is_reported_at_its_place(void **state)
{
    (void)state;
    const char text[] = "id: x\n"
                        "title: {km: ក, en: <title>}\n"
                        "parties:\n"
                        "  - {id: <party id>, kind: <kind>, name: {km: ក, en: A}, signatory: <s>}\n"
                        "  - {id: <party id>, kind: ngo, name: {km: ខ, en: B},"
                        " signatory: {office: <office>}}\n"
                        "place: {km: ក, en: A}\n"
                        "signed: <signing date, YYYY-MM-DD>\n"
                        "articles: [{title: {km: ក, en: A}, body: {km: ក, en: A}}]\n";
    sy_diags *d = sy_diags_new();
    assert_null(sy_agreement_load_buffer("t.yaml", text, strlen(text), NULL, d));
    static const struct {
        int line, column;
        const char *path, *message;
    } want[] = {
        {2, 20, "title.en", "unfinished: replace the placeholder <title>"},
        {4, 10, "parties[0].id", "unfinished: replace the placeholder <party id>"},
        {4, 28, "parties[0].kind", "unfinished: replace the placeholder <kind>"},
        {4, 69, "parties[0].signatory", "unfinished: replace the placeholder <s>"},
        {5, 10, "parties[1].id", "unfinished: replace the placeholder <party id>"},
        {5, 75, "parties[1].signatory.office", "unfinished: replace the placeholder <office>"},
        {7, 9, "signed", "unfinished: replace the placeholder <signing date, YYYY-MM-DD>"},
    };
    size_t n = 0;
    for (size_t i = 0; i < sy_diags_count(d); i++) {
        const sy_diag *x = sy_diags_get(d, i);
        if (x->severity != SY_SEV_ERROR)
            continue;
        assert_true(n < sizeof want / sizeof *want);
        assert_int_equal(x->line, want[n].line);
        assert_int_equal(x->column, want[n].column);
        assert_string_equal(x->path, want[n].path);
        assert_string_equal(x->message, want[n].message);
        n++;
    }
    assert_int_equal(n, sizeof want / sizeof *want);
    assert_int_equal(sy_diags_status(d), SY_ERR_DATA);
    sy_diags_free(d);
}

/* ---- new agreements ---- */

static void new_agreement_from_the_template(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_roster *r = sy_roster_load("examples/roster.yaml", d);
    assert_non_null(r);
    const char *ids[] = {"moi", "aple"};
    sy_new_options o = {0};
    o.template_dir = "templates/mou";
    o.parties = ids;
    o.nparties = 2;
    o.roster = r;
    o.name = "n.yaml";
    sy_buf out = SY_BUF_INIT;
    sy_buf_puts(&out, "> ");
    assert_int_equal(sy_agreement_new(&o, &out, d), SY_OK);
    assert_int_equal(sy_diags_errors(d), 0);
    sy_buf_putc(&out, 0);
    assert_memory_equal(out.data, "> # A new", 9); /* appended */
    assert_non_null(strstr(out.data, "\n  - id: moi\n"));
    assert_non_null(strstr(out.data, "\n      en: Ministry of Interior\n"));
    assert_non_null(strstr(out.data, "\n      office: moi/secretary-of-state\n"));
    assert_non_null(strstr(out.data, "\n  - id: aple\n    # government"));
    assert_non_null(strstr(out.data, "\n        en: <name of the signatory>\n"));

    /* bad ids are usage errors, and nothing is appended */
    const char *twice[] = {"moi", "moi"};
    o.parties = twice;
    size_t len = out.len;
    assert_int_equal(sy_agreement_new(&o, &out, d), SY_ERR_USAGE);
    assert_int_equal(out.len, len);
    /* a missing template folder */
    o.nparties = 0;
    o.template_dir = "templates/none";
    assert_int_equal(sy_agreement_new(&o, &out, d), SY_ERR_NOINPUT);
    assert_int_equal(out.len, len);
    sy_buf_free(&out);
    sy_roster_free(r);
    sy_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splice_keeps_every_other_byte),
        cmocka_unit_test(splice_flow_map_append_and_crlf),
        cmocka_unit_test(splice_overlap_is_refused),
        cmocka_unit_test(put_scalar_quotes_what_needs_it),
        cmocka_unit_test(placeholders_are_plain_angle_scalars),
        cmocka_unit_test(unfinished_is_reported_at_its_place),
        cmocka_unit_test(new_agreement_from_the_template),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
