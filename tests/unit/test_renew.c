/* Unit tests of sy_agreement_renew (lib/data/renew.c): the new text is the
 * old one with only the renewed values spliced in, whatever the style of
 * the file; problems come back as diagnostics with the place they concern.
 * The examples and command-line cases are data: tests/data/renew. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/error.h"
#include "data/data.h"
#include "data/model.h"
#include "data/renew.h"

static const char roster_yaml[] =
    "offices:\n"
    "  moi/secretary-of-state:\n"
    "    title: {km: រដ្ឋលេខាធិការ, en: Secretary of State}\n"
    "    holders:\n"
    "      - {name: {km: ក ខ, en: Ka Kha}, from: 2018-09-06}\n"
    "      - {name: {km: គ ឃ, en: Ko Kho}, from: 2027-01-01, to: 2027-12-31}\n";

#define PARTIES                                                                                               \
    "parties:\n"                                                                                              \
    "  - {id: moi, kind: government, name: {km: ក្រសួង, en: M}, signatory: {office: "             \
    "moi/secretary-of-state}}\n"                                                                              \
    "  - {id: ngo, kind: ngo, name: {km: អង្គការ, en: N}, signatory: {name: {km: គ, en: G}, " \
    "title: {km: ឃ, en: T}}}\n"

#define ARTICLES                                                                                   \
    "articles:\n"                                                                                  \
    "  - {title: {km: ក, en: A}, body: {km: ខ, en: B}}\n"

typedef struct fixture {
    sy_roster *roster;
    sy_diags *diags;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->diags = sy_diags_new();
    f->roster = sy_roster_load_buffer("roster.yaml", roster_yaml, strlen(roster_yaml), f->diags);
    assert_non_null(f->roster);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sy_roster_free(f->roster);
    sy_diags_free(f->diags);
    free(f);
    return 0;
}

/* Renews text (with the fixture's roster unless no_roster) into *out;
 * returns the status. on: "" for the default date. */
static sy_status renew_text(fixture *f, const char *text, const char *on, int years, int no_roster,
                            sy_buf *out, sy_renewal *info)
{
    const sy_roster *r = no_roster ? NULL : f->roster;
    sy_agreement *a = sy_agreement_load_buffer("old.yaml", text, strlen(text), r, f->diags);
    char line[512];
    for (size_t i = 0; !a && i < sy_diags_count(f->diags); i++) {
        sy_diag_format(sy_diags_get(f->diags, i), line, sizeof line);
        fprintf(stderr, "%s\n", line);
    }
    assert_non_null(a);
    sy_renew_options o = {0};
    o.years = years;
    o.name = "new.yaml";
    if (*on) {
        assert_int_equal(sy_date_parse_iso(on, strlen(on), &o.on), 0);
        o.has_on = 1;
    }
    sy_status st = sy_agreement_renew(a, r, &o, out, info, f->diags);
    sy_agreement_free(a);
    return st;
}

static const char *first_error(const sy_diags *d, char *buf, size_t size)
{
    for (size_t i = 0; i < sy_diags_count(d); i++)
        if (sy_diags_get(d, i)->severity == SY_SEV_ERROR) {
            sy_diag_format(sy_diags_get(d, i), buf, size);
            return buf;
        }
    return "";
}

static void flow_term_gains_renewal_and_start(void **state)
{
    fixture *f = *state;
    const char *old =
        "id: x  # keep me\n"
        "title: {km: អនុស្សរណៈ, en: 'Memo'}\n" PARTIES "place: {km: ភ្នំពេញ, en: Phnom Penh}\n"
        "signed: 2024-03-15\n"
        "term: {years: 3}\n" ARTICLES;
    const char *want =
        "id: x  # keep me\n"
        "title: {km: អនុស្សរណៈ, en: 'Memo'}\n" PARTIES "place: {km: ភ្នំពេញ, en: Phnom Penh}\n"
        "signed: 2027-03-15\n"
        "term: {years: 3, renewal: 1, start: 2027-03-15}\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    sy_renewal info;
    assert_int_equal(renew_text(f, old, "", 0, 0, &out, &info), SY_OK);
    assert_string_equal(out.data, want);
    assert_int_equal(info.renewal, 1);
    char iso[11];
    sy_date_format_iso(info.on, iso);
    assert_string_equal(iso, "2027-03-15"); /* the day after the term's last day */
    sy_date_format_iso(info.end, iso);
    assert_string_equal(iso, "2030-03-14");
    sy_buf_free(&out);
}

static void block_term_values_replaced_in_place(void **state)
{
    fixture *f = *state;
    const char *old = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                      "signed: '2024-03-15' # quoted\n"
                      "term:\n"
                      "  years: 3\n"
                      "  renewal: 7  # seventh\n"
                      "  start: \"2024-04-01\"\n" ARTICLES;
    const char *want = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: '2026-06-10' # quoted\n"
                       "term:\n"
                       "  years: 5\n"
                       "  renewal: 8  # seventh\n"
                       "  start: \"2026-06-10\"\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(renew_text(f, old, "2026-06-10", 5, 0, &out, NULL), SY_OK);
    assert_string_equal(out.data, want);
    sy_buf_free(&out);
}

/* Khmer before the changed values on their lines: libyaml's marks count
 * characters, the splice needs bytes; a byte-order mark shifts them all. */
static void khmer_and_bom_before_values(void **state)
{
    fixture *f = *state;
    const char *text = "\xEF\xBB\xBF# a byte-order mark, then a comment\n"
                       "id: x\n"
                       "title: {km: អនុស្សរណៈ, en: T}\n" PARTIES "place: {km: រាជធានីភ្នំពេញ, en: P}\n"
                       "signed: 2024-03-15\n"
                       "approvals: [{step: city-hall, date: 2024-01-01, note: {km: លិខិត, en: L}}, "
                       "{step: local-leader-letter, responsible: {km: មេឃុំ, en: \"Chief, "
                       "commune\"}}]\n" ARTICLES;
    /* the approvals line has Khmer before the key that is renamed */
    const char *want = "\xEF\xBB\xBF# a byte-order mark, then a comment\n"
                       "id: x\n"
                       "title: {km: អនុស្សរណៈ, en: T}\n" PARTIES "place: {km: រាជធានីភ្នំពេញ, en: P}\n"
                       "signed: 2026-01-05\n"
                       "term: {years: 2, renewal: 1, start: 2026-01-05}\n"
                       "approvals: [{step: local-leader-letter, responsible: {km: មេឃុំ, en: "
                       "'Chief, commune'}}, {step: city-hall}, {step: ministry-cabinet, party: "
                       "moi}, {step: city-department, party: moi}]\n"
                       "previous_approvals: [{step: city-hall, date: 2024-01-01, note: {km: លិខិត, "
                       "en: L}}, {step: local-leader-letter, responsible: {km: មេឃុំ, en: \"Chief, "
                       "commune\"}}]\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(renew_text(f, text, "2026-01-05", 2, 0, &out, NULL), SY_OK);
    assert_string_equal(out.data, want);
    sy_buf_free(&out);
}

/* An earlier previous_approvals gives way: the file holds the history of
 * the term it renews (the earlier file keeps the earlier one). The new
 * file's model has it. */
static void previous_approvals_replaced_and_loaded(void **state)
{
    fixture *f = *state;
    const char *text = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: 2024-03-15\n"
                       "term: {years: 3, renewal: 1}\n"
                       "previous_approvals:\n"
                       "  - step: city-hall\n"
                       "    date: 2021-01-01\n"
                       "approvals:\n"
                       "  - step: city-hall\n"
                       "    date: 2024-01-01\n"
                       "    ref: \"12/24\"\n" ARTICLES;
    const char *want = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: 2027-03-15\n"
                       "term: {years: 3, renewal: 2, start: 2027-03-15}\n"
                       "approvals:\n"
                       "  - step: local-leader-letter\n"
                       "  - step: city-hall\n"
                       "  - step: ministry-cabinet\n"
                       "    party: moi\n"
                       "  - step: city-department\n"
                       "    party: moi\n"
                       "previous_approvals:\n"
                       "  - step: city-hall\n"
                       "    date: 2024-01-01\n"
                       "    ref: \"12/24\"\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(renew_text(f, text, "", 0, 0, &out, NULL), SY_OK);
    assert_string_equal(out.data, want);
    sy_agreement *b = sy_agreement_load_buffer("new.yaml", out.data, out.len, f->roster, f->diags);
    assert_non_null(b);
    const sy_model *m = sy_agreement_model(b);
    assert_int_equal(m->napprovals, 4);
    assert_int_equal(m->approvals[0].has_date, 0);
    assert_int_equal(m->nprevious_approvals, 1);
    assert_string_equal(m->previous_approvals[0].ref, "12/24");
    sy_value *tree = sy_model_template_data(m);
    const sy_value *history = sy_value_get(tree, "previous_approvals");
    assert_int_equal(sy_value_len(history), 1);
    assert_string_equal(sy_value_as_string(sy_value_get(sy_value_at(history, 0), "ref"), NULL),
                        "12/24");
    sy_value_free(tree);
    sy_agreement_free(b);
    sy_buf_free(&out);
}

static void date_not_after_signing_is_refused(void **state)
{
    fixture *f = *state;
    const char *text = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: 2024-03-15\nterm: {years: 3}\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    sy_buf_puts(&out, "before");
    assert_int_equal(renew_text(f, text, "2024-03-15", 0, 0, &out, NULL), SY_ERR_USAGE);
    assert_string_equal(out.data, "before"); /* out as it was */
    char line[512];
    assert_string_equal(first_error(f->diags, line, sizeof line),
                        "old.yaml:7:9: signed: the renewal's date 2024-03-15 is not after "
                        "2024-03-15, when the agreement it renews was signed or started");
    sy_buf_free(&out);
}

static void office_without_holder_is_named(void **state)
{
    fixture *f = *state;
    const char *text = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: 2024-03-15\nterm: {years: 3}\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    /* the second holder left on 2027-12-31 and nobody followed */
    assert_int_equal(renew_text(f, text, "2028-02-01", 0, 0, &out, NULL), SY_ERR_DATA);
    assert_null(out.data);
    char line[512];
    assert_non_null(strstr(first_error(f->diags, line, sizeof line),
                           "parties[0].signatory.office: nobody holds office "
                           "\"moi/secretary-of-state\" on the renewal's signing date 2028-02-01"));
    sy_buf_free(&out);
}

static void new_holder_is_a_note(void **state)
{
    fixture *f = *state;
    const char *text = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: 2024-03-15\nterm: {years: 3}\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(renew_text(f, text, "", 0, 0, &out, NULL), SY_OK);
    assert_int_equal(sy_diags_count(f->diags), 1);
    const sy_diag *n = sy_diags_get(f->diags, 0);
    assert_int_equal(n->severity, SY_SEV_NOTE);
    assert_non_null(strstr(n->message, "held by Ko Kho on 2027-03-15 (Ka Kha held it"));
    sy_buf_free(&out);
}

static void no_term_needs_on_and_years(void **state)
{
    fixture *f = *state;
    const char *text = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: 2024-03-15\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(renew_text(f, text, "", 0, 0, &out, NULL), SY_ERR_USAGE);
    assert_int_equal(renew_text(f, text, "2026-01-01", 0, 0, &out, NULL), SY_ERR_USAGE);
    assert_null(out.data);
    sy_diags_clear(f->diags);
    assert_int_equal(renew_text(f, text, "2026-01-01", 4, 0, &out, NULL), SY_OK);
    assert_non_null(strstr(out.data,
                           "signed: 2026-01-01\n"
                           "term: {years: 4, renewal: 1, start: 2026-01-01}\n"));
    sy_buf_free(&out);
}

static void office_without_roster_is_refused(void **state)
{
    fixture *f = *state;
    const char *text = "id: x\ntitle: {km: ក, en: T}\n" PARTIES "place: {km: ភ, en: P}\n"
                       "signed: 2024-03-15\nterm: {years: 3}\n" ARTICLES;
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(renew_text(f, text, "", 0, 1, &out, NULL), SY_ERR_USAGE);
    sy_buf_free(&out);
}

static void default_names_count_on(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int renewal;
        const char *want;
    } cases[] = {
        {"moi/1/gen-003.yaml", 2, "moi/1/gen-003-renewal-2.yaml"},
        {"x-renewal-2.yaml", 3, "x-renewal-3.yaml"}, /* renewing a renewal counts on */
        {"a-renewal-1/x.yml", 2, "a-renewal-1/x-renewal-2.yaml"}, /* only the file's name */
        {"-renewal-4.yaml", 5, "-renewal-4-renewal-5.yaml"}, /* nothing left to keep */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = sy_renew_default_path(cases[i].in, cases[i].renewal);
        assert_non_null(got);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(flow_term_gains_renewal_and_start, setup, teardown),
        cmocka_unit_test_setup_teardown(block_term_values_replaced_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(khmer_and_bom_before_values, setup, teardown),
        cmocka_unit_test_setup_teardown(previous_approvals_replaced_and_loaded, setup, teardown),
        cmocka_unit_test_setup_teardown(date_not_after_signing_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(office_without_holder_is_named, setup, teardown),
        cmocka_unit_test_setup_teardown(new_holder_is_a_note, setup, teardown),
        cmocka_unit_test_setup_teardown(no_term_needs_on_and_years, setup, teardown),
        cmocka_unit_test_setup_teardown(office_without_roster_is_refused, setup, teardown),
        cmocka_unit_test(default_names_count_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
