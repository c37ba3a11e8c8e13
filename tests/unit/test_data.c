/* Unit tests of lib/data: the agreement loader, roster lookups, the
 * leadership-change report and rosters written back as YAML. Error cases of `sanya check` live as
 * data in tests/data/bad (tests/e2e/test-data-errors.sh). */
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
#include "core/value.h"
#include "core/suggest.h"
#include "data/data.h"
#include "data/data_internal.h"

static const char roster_yaml[] =
    "offices:\n"
    "  moi/secretary-of-state:\n"
    "    title: {km: រដ្ឋលេខាធិការ ក្រសួងមហាផ្ទៃ, en: \"Secretary of State, Ministry of "
    "Interior\"}\n"
    "    holders:\n"
    "      - {name: {km: ក ខ, en: Ka Kha}, from: 2018-09-06, to: 2023-08-21}\n"
    "      - {name: {km: គ ឃ, en: Ko Kho}, from: 2023-08-22}\n"
    "      - name: {km: ង ច, en: Ngo Cho}\n"
    "        title: {km: រដ្ឋលេខាធិការស្តីទី, en: Acting Secretary of State}\n"
    "        from: 2025-09-01\n"
    "      - {name: {km: ឆ ជ, en: Chho Cho}, from: 2026-03-01}\n"
    "  mosvy/minister:\n"
    "    title: {km: រដ្ឋមន្ត្រី, en: Minister}\n"
    "    holders:\n"
    "      - {name: {km: ឈ ញ, en: Chhor Nho}, from: 2020-01-01}\n";

static const char agreement_yaml[] =
    "id: moi-aple-2025\n"
    "title: {km: អនុស្សរណៈនៃការយោគយល់គ្នា, en: Memorandum of Understanding}\n"
    "parties:\n"
    "  - id: moi\n"
    "    kind: government\n"
    "    name: &moi {km: ក្រសួងមហាផ្ទៃ, en: Ministry of Interior}\n"
    "    signatory: {office: moi/secretary-of-state}\n"
    "  - id: aple\n"
    "    kind: ngo\n"
    "    name: {km: អង្គការអាប្លេ, en: Action Pour Les Enfants (APLE)}\n"
    "    signatory:\n"
    "      name: {km: សំលៀង សីលា, en: Samleang Seila}\n"
    "      title: {km: នាយកប្រចាំប្រទេស, en: Country Director}\n"
    "place: {km: រាជធានីភ្នំពេញ, en: Phnom Penh}\n"
    "signed: 2025-06-12\n"
    "term: {years: 3, renewal: 2}\n"
    "articles:\n"
    "  - title: {km: គោលបំណង, en: Purpose}\n"
    "    body: {km: កិច្ចសហការ។, en: Cooperation.}\n"
    "approvals:\n"
    "  - {step: ministry-cabinet, party: moi, note: *moi}\n";

static const char *str(const sy_value *root, const char *path)
{
    const sy_value *v = sy_value_lookup(root, path);
    assert_non_null(v);
    return sy_value_as_string(v, NULL);
}

static sy_roster *roster_fixture(void)
{
    sy_diags *d = sy_diags_new();
    sy_roster *r = sy_roster_load_buffer("roster.yaml", roster_yaml, strlen(roster_yaml), d);
    assert_int_equal(sy_diags_count(d), 0);
    assert_non_null(r);
    sy_diags_free(d);
    return r;
}

static void agreement_tree_is_typed_and_resolved(void **state)
{
    (void)state;
    sy_roster *r = roster_fixture();
    sy_diags *d = sy_diags_new();
    sy_agreement *a =
        sy_agreement_load_buffer("moi-aple.yaml", agreement_yaml, strlen(agreement_yaml), r, d);
    assert_int_equal(sy_diags_count(d), 0);
    assert_non_null(a);
    const sy_value *v = sy_agreement_value(a);

    /* dates and integers are typed, defaults filled in */
    sy_date signed_on = sy_value_as_date(sy_value_get(v, "signed"));
    assert_int_equal(sy_value_kind_of(sy_value_get(v, "signed")), SY_VAL_DATE);
    assert_int_equal(signed_on.year, 2025);
    assert_int_equal(signed_on.day, 12);
    assert_int_equal(sy_value_kind_of(sy_value_lookup(v, "term.years")), SY_VAL_INT);
    assert_int_equal(sy_value_as_int(sy_value_lookup(v, "term.renewal")), 2);
    sy_date end = sy_value_as_date(sy_value_lookup(v, "term.end"));
    assert_int_equal(end.year, 2028);
    assert_int_equal(end.month, 6);
    assert_int_equal(end.day, 11);
    assert_string_equal(str(v, "template"), "mou");
    assert_string_equal(str(v, "layout"), "parallel");

    /* the office signatory gets the holder of the signing date, office kept */
    assert_string_equal(str(v, "parties.0.signatory.office"), "moi/secretary-of-state");
    assert_string_equal(str(v, "parties.0.signatory.name.en"), "Ko Kho");
    assert_string_equal(str(v, "parties.0.signatory.title.en"),
                        "Secretary of State, Ministry of Interior");
    sy_mark m = sy_value_mark(sy_value_lookup(v, "parties.0.signatory.name.km"));
    assert_string_equal(m.file, "roster.yaml");
    assert_int_equal(m.line, 6);

    /* marks on every node, 1-based, naming the agreement file */
    m = sy_value_mark(sy_value_lookup(v, "parties.1.signatory.title.km"));
    assert_string_equal(m.file, "moi-aple.yaml");
    assert_int_equal(m.line, 13);
    assert_int_equal(m.column, 19);

    /* an alias is a copy */
    assert_string_equal(str(v, "approvals.0.note.en"), "Ministry of Interior");

    size_t len;
    const char *src = sy_agreement_source(a, &len);
    assert_int_equal(len, strlen(agreement_yaml));
    assert_memory_equal(src, agreement_yaml, len);
    assert_int_equal(sy_agreement_unresolved(a), 0);

    /* the roster may go first: the tree keeps its own file names */
    sy_roster_free(r);
    m = sy_value_mark(sy_value_lookup(v, "parties.0.signatory.name.km"));
    assert_string_equal(m.file, "roster.yaml");
    sy_agreement_free(a);
    sy_diags_free(d);
}

static void without_roster_offices_stay_unresolved(void **state)
{
    (void)state;
    sy_agreement *a =
        sy_agreement_load_buffer("a.yaml", agreement_yaml, strlen(agreement_yaml), NULL, NULL);
    assert_non_null(a);
    assert_int_equal(sy_agreement_unresolved(a), 1);
    const sy_value *sig = sy_value_lookup(sy_agreement_value(a), "parties.0.signatory");
    assert_non_null(sy_value_get(sig, "office"));
    assert_null(sy_value_get(sig, "name"));
    sy_agreement_free(a);
}

static void all_errors_in_file_order(void **state)
{
    (void)state;
    static const char bad[] = "id: x\n"
                              "title: {km: ក}\n"
                              "parties: []\n"
                              "place: {km: ភ្នំពេញ, en: Phnom Penh}\n"
                              "signed: 2025-02-30\n"
                              "articels: []\n";
    sy_diags *d = sy_diags_new();
    sy_diags_add(d, SY_SEV_WARNING, SY_OK, "earlier.yaml", 1, 1, NULL, "kept");
    assert_null(sy_agreement_load_buffer("bad.yaml", bad, strlen(bad), NULL, d));
    const char *want[] = {
        "earlier.yaml:1:1: warning: kept",
        "bad.yaml:2:8: title: missing \"en\"",
        "bad.yaml:3:10: parties: an agreement needs at least two parties, got 0",
        "bad.yaml:5:9: signed: invalid date \"2025-02-30\": 2025-02 has 28 days, not 30",
        "bad.yaml:6:1: unknown key \"articels\"; did you mean \"articles\"?",
    };
    assert_int_equal(sy_diags_count(d), sizeof want / sizeof *want);
    char line[512];
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        sy_diag_format(sy_diags_get(d, i), line, sizeof line);
        assert_string_equal(line, want[i]);
    }
    /* the suggestion is a field, and the scalars at the marks have their
     * lengths, for terminals to underline */
    assert_string_equal(sy_diags_get(d, 4)->message, "unknown key \"articels\"");
    assert_string_equal(sy_diags_get(d, 4)->suggestion, "articles");
    assert_int_equal(sy_diags_get(d, 4)->length, 8);
    assert_int_equal(sy_diags_get(d, 3)->length, 10);
    assert_int_equal(sy_diags_get(d, 1)->length, 0); /* a map */
    assert_int_equal(sy_diags_status(d), SY_ERR_DATA);
    sy_diags_free(d);
}

static void invalid_utf8_and_limits(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    static const char bad[] = "id: x\ntitle: {km: \xe1\x9e, en: y}\n";
    assert_null(sy_agreement_load_buffer("u.yaml", bad, strlen(bad), NULL, d));
    char line[256];
    sy_diag_format(sy_diags_get(d, 0), line, sizeof line);
    assert_string_equal(line, "u.yaml:2:13: invalid UTF-8 at byte offset 18 (byte 0xE1)");
    sy_diags_clear(d);

    char deep[400];
    memset(deep, '[', 200);
    memset(deep + 200, ']', 200);
    assert_null(sy_agreement_load_buffer("deep.yaml", deep, sizeof deep, NULL, d));
    assert_int_equal(sy_diags_status(d), SY_ERR_LIMIT);
    sy_diags_clear(d);

    assert_null(sy_agreement_load_buffer("empty.yaml", "", 0, NULL, d));
    sy_diag_format(sy_diags_get(d, 0), line, sizeof line);
    assert_string_equal(line, "empty.yaml:1:1: the file is empty");
    sy_diags_clear(d);

    assert_null(sy_agreement_load("/nonexistent/sanya.yaml", NULL, d));
    assert_int_equal(sy_diags_status(d), SY_ERR_NOINPUT);
    sy_diags_free(d);
}

static void holder_at_dates(void **state)
{
    (void)state;
    sy_roster *r = roster_fixture();
    const char *office = "moi/secretary-of-state";
    sy_date before = {2018, 9, 5}, first = {2018, 9, 6}, last_day = {2023, 8, 21},
            next = {2023, 8, 22}, acting = {2025, 9, 1}, later = {2030, 1, 1};
    assert_null(sy_roster_holder_at(r, office, before));
    assert_string_equal(str(sy_roster_holder_at(r, office, first), "name.en"), "Ka Kha");
    assert_string_equal(str(sy_roster_holder_at(r, office, last_day), "name.en"), "Ka Kha");
    assert_string_equal(str(sy_roster_holder_at(r, office, next), "name.en"), "Ko Kho");
    /* a holder's own title overrides the office's; others get the office's */
    assert_string_equal(str(sy_roster_holder_at(r, office, acting), "title.en"),
                        "Acting Secretary of State");
    assert_string_equal(str(sy_roster_holder_at(r, office, next), "title.en"),
                        "Secretary of State, Ministry of Interior");
    assert_string_equal(str(sy_roster_holder_at(r, office, later), "name.en"), "Chho Cho");
    assert_null(sy_roster_holder_at(r, "moi/minister", later));
    assert_non_null(sy_roster_office(r, "mosvy/minister"));
    assert_null(sy_roster_office(r, "mosvy"));

    /* a gap between a holder's `to` and the next `from` is a vacancy */
    static const char gap[] = "offices:\n  x/y:\n    title: {km: ក, en: K}\n    holders:\n"
                              "      - {name: {km: ក, en: A}, from: 2020-01-01, to: 2020-12-31}\n"
                              "      - {name: {km: ខ, en: B}, from: 2021-06-01}\n";
    sy_roster *g = sy_roster_load_buffer("gap.yaml", gap, strlen(gap), NULL);
    assert_non_null(g);
    sy_date in_gap = {2021, 3, 1};
    assert_null(sy_roster_holder_at(g, "x/y", in_gap));
    sy_roster_free(g);
    sy_roster_free(r);
}

static void leadership_changes_after_signing(void **state)
{
    (void)state;
    sy_roster *r = roster_fixture();
    sy_agreement *a =
        sy_agreement_load_buffer("a.yaml", agreement_yaml, strlen(agreement_yaml), r, NULL);
    assert_non_null(a);
    sy_leadership_change *ch;
    size_t n;
    assert_int_equal(sy_agreement_leadership_changes(a, r, NULL, &ch, &n), SY_OK);
    assert_int_equal(n, 2);
    assert_string_equal(ch[0].party, "moi");
    assert_string_equal(ch[0].office, "moi/secretary-of-state");
    assert_string_equal(str(ch[0].old_holder, "name.en"), "Ko Kho");
    assert_string_equal(str(ch[0].new_holder, "name.en"), "Ngo Cho");
    assert_int_equal(ch[0].date.year, 2025);
    assert_int_equal(ch[0].date.month, 9);
    assert_string_equal(str(ch[1].old_holder, "name.en"), "Ngo Cho");
    assert_string_equal(str(ch[1].new_holder, "name.en"), "Chho Cho");
    free(ch);

    /* "as of" a day: later changes are not yet known */
    sy_date until = {2025, 12, 31};
    assert_int_equal(sy_agreement_leadership_changes(a, r, &until, &ch, &n), SY_OK);
    assert_int_equal(n, 1);
    free(ch);
    sy_date before = {2025, 8, 31};
    assert_int_equal(sy_agreement_leadership_changes(a, r, &before, &ch, &n), SY_OK);
    assert_int_equal(n, 0);
    assert_null(ch);
    sy_agreement_free(a);
    sy_roster_free(r);
}

/* Non-zero when a and b hold the same data (marks aside). */
static int same_value(const sy_value *a, const sy_value *b)
{
    if (sy_value_kind_of(a) != sy_value_kind_of(b))
        return 0;
    switch (sy_value_kind_of(a)) {
    case SY_VAL_STRING: {
        size_t la, lb;
        const char *sa = sy_value_as_string(a, &la), *sb = sy_value_as_string(b, &lb);
        return la == lb && !memcmp(sa, sb, la);
    }
    case SY_VAL_DATE:
        return sy_date_cmp(sy_value_as_date(a), sy_value_as_date(b)) == 0;
    case SY_VAL_INT:
        return sy_value_as_int(a) == sy_value_as_int(b);
    case SY_VAL_BOOL:
        return sy_value_as_bool(a) == sy_value_as_bool(b);
    case SY_VAL_NULL:
        return 1;
    case SY_VAL_LIST:
        if (sy_value_len(a) != sy_value_len(b))
            return 0;
        for (size_t i = 0; i < sy_value_len(a); i++)
            if (!same_value(sy_value_at(a, i), sy_value_at(b, i)))
                return 0;
        return 1;
    case SY_VAL_MAP:
        if (sy_value_len(a) != sy_value_len(b))
            return 0;
        for (size_t i = 0; i < sy_value_len(a); i++) {
            const sy_value *vb = sy_value_get(b, sy_value_key_at(a, i));
            if (!vb || !same_value(sy_value_at(a, i), vb))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* Writes offices ids[0..n) of r, reads the file back and checks that it
 * holds exactly those offices, with the same values; returns the bytes. */
static char *round_trip(const sy_roster *r, const char *const *ids, size_t n, size_t *len)
{
    sy_diags *d = sy_diags_new();
    sy_buf out = SY_BUF_INIT;
    assert_int_equal(sy_roster_write(r, ids, n, "a heading\non two lines", &out, d), SY_OK);
    assert_false(sy_buf_failed(&out));
    assert_int_equal(strncmp(out.data, "# a heading\n# on two lines\n", 27), 0);
    sy_roster *back = sy_roster_load_buffer("roster-used.yaml", out.data, out.len, d);
    if (!back)
        fprintf(stderr, "%s", out.data);
    assert_int_equal(sy_diags_count(d), 0);
    assert_non_null(back);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++) {
        int seen = 0;
        for (size_t k = 0; k < i; k++)
            seen |= !strcmp(ids[k], ids[i]);
        distinct += !seen;
        assert_true(same_value(sy_roster_office(r, ids[i]), sy_roster_office(back, ids[i])));
    }
    assert_int_equal(sy_value_len(sy_value_get(sy_roster_value(back), "offices")), distinct);
    sy_roster_free(back);
    sy_diags_free(d);
    return sy_buf_take(&out, len);
}

static void roster_written_reads_back_the_same(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_roster *r = sy_roster_load("examples/roster.yaml", d);
    assert_non_null(r);
    const sy_value *offices = sy_value_get(sy_roster_value(r), "offices");
    size_t n = sy_value_len(offices);
    assert_true(n >= 3);
    const char **ids = malloc(n * sizeof *ids);
    assert_non_null(ids);
    /* each office the examples use, alone */
    for (size_t i = 0; i < n; i++) {
        ids[i] = sy_value_key_at(offices, i);
        size_t len;
        char *bytes = round_trip(r, &ids[i], 1, &len);
        /* the same roster and office give the same bytes */
        size_t len2;
        char *again = round_trip(r, &ids[i], 1, &len2);
        assert_int_equal(len, len2);
        assert_memory_equal(bytes, again, len);
        free(bytes);
        free(again);
    }
    /* all of them, then with a repeat (written once) */
    size_t len;
    free(round_trip(r, ids, n, &len));
    const char *twice[] = {ids[0], ids[1], ids[0]};
    free(round_trip(r, twice, 3, &len));
    free(ids);

    /* none: an empty offices map, still a roster */
    sy_roster *fx = roster_fixture();
    free(round_trip(fx, NULL, 0, &len));
    /* a holder title filled from the office, and one of its own, and
     * strings that would read as other things unquoted */
    const char *both[] = {"moi/secretary-of-state", "mosvy/minister"};
    free(round_trip(fx, both, 2, &len));
    sy_roster_free(fx);

    /* an office the roster lacks is a usage error; out is left alone */
    sy_buf out = SY_BUF_INIT;
    sy_buf_puts(&out, "kept");
    const char *missing[] = {"nobody/nothing"};
    assert_int_equal(sy_roster_write(r, missing, 1, NULL, &out, d), SY_ERR_USAGE);
    assert_int_equal(out.len, 4);
    sy_buf_free(&out);
    sy_roster_free(r);
    sy_diags_free(d);
}

/* English sides that would read as a date, a boolean, null, a number or a
 * comment if they were written unquoted. */
static const char tricky_roster[] =
    "offices:\n"
    "  x/y:\n"
    "    title: {km: \"ក\", en: \"2024-01-01\"}\n"
    "    holders:\n"
    "      - {name: {km: \"ខ\", en: \"true\"}, title: {km: \"គ\", en: \"null\"}, from: "
    "2020-01-01}\n"
    "      - {name: {km: \"ឃ\", en: \"x: \\\"y\\\" # z\"}, title: {km: \"ង\", en: \"12\"}, "
    "from: 2021-02-03, to: 2022-02-03}\n";

static void roster_strings_stay_strings(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_roster *r = sy_roster_load_buffer("t.yaml", tricky_roster, strlen(tricky_roster), d);
    assert_int_equal(sy_diags_count(d), 0);
    assert_non_null(r);
    const char *ids[] = {"x/y"};
    size_t len;
    free(round_trip(r, ids, 1, &len));
    sy_roster_free(r);
    sy_diags_free(d);
}

static void suggestions(void **state)
{
    (void)state;
    const char *keys[] = {"id", "name", "signatory", "kind", NULL};
    assert_string_equal(sy_data_suggest("nmae", keys), "name");
    assert_string_equal(sy_data_suggest("signatry", keys), "signatory");
    assert_string_equal(sy_data_suggest("knid", keys), "kind");
    assert_null(sy_data_suggest("address", keys));
    const char *sides[] = {"km", "en", NULL};
    assert_string_equal(sy_data_suggest("kh", sides), "km");
    assert_null(sy_data_suggest("english", sides));
    assert_int_equal(sy_edit_distance("parallel", 8, "paralell", 8, 5), 1);
    assert_int_equal(sy_edit_distance("abc", 3, "xyz", 3, 1), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(agreement_tree_is_typed_and_resolved),
        cmocka_unit_test(without_roster_offices_stay_unresolved),
        cmocka_unit_test(all_errors_in_file_order),
        cmocka_unit_test(invalid_utf8_and_limits),
        cmocka_unit_test(holder_at_dates),
        cmocka_unit_test(leadership_changes_after_signing),
        cmocka_unit_test(suggestions),
        cmocka_unit_test(roster_written_reads_back_the_same),
        cmocka_unit_test(roster_strings_stay_strings),
    };
    return cmocka_run_group_tests_name("data", tests, NULL, NULL);
}
