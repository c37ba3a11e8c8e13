/* Unit tests of the approval-checklist cover sheet (lib/builder/cover.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "builder/cover.h"
#include "core/buf.h"
#include "data/data.h"

static const char agreement[] =
    "id: test-2025\n"
    "title: {km: អនុស្សរណៈ, en: Memorandum}\n"
    "parties:\n"
    "  - {id: moi, kind: government, name: {km: ក្រសួងមហាផ្ទៃ, en: Ministry of Interior},"
    " signatory: {office: moi/sos}}\n"
    "  - {id: mosvy, kind: government, name: {km: ក្រសួងសង្គមកិច្ច, en: Ministry of Social "
    "Affairs}, signatory: {name: {km: ក, en: A}, title: {km: ខ, en: B}}}\n"
    "  - {id: ngo, kind: ngo, name: {km: អង្គការ, en: The NGO}, signatory: {name: {km: គ, en: "
    "C}, title: {km: ឃ, en: D}}}\n"
    "place: {km: ភ្នំពេញ, en: Phnom Penh}\n"
    "signed: 2025-06-12\n"
    "term: {years: 3, renewal: 2}\n"
    "articles:\n"
    "  - {title: {km: គោលបំណង, en: Purpose}, body: {km: អត្ថបទ, en: Text}}\n"
    "approvals:\n"
    "  - {step: local-leader-letter, date: 2025-03-03, ref: \"12/25\"}\n"
    "  - {step: ministry-cabinet, party: moi, date: 2025-04-01, responsible: {km: លោក ក, en: "
    "Mr A}}\n"
    "  - {step: city-department, party: mosvy}\n";

static const char roster[] = "offices:\n"
                             "  moi/sos:\n"
                             "    title: {km: រដ្ឋលេខាធិការ, en: Secretary of State}\n"
                             "    holders:\n"
                             "      - {name: {km: ចាស់, en: Old Holder}, from: 2020-01-01}\n"
                             "      - {name: {km: ថ្មី, en: New Holder}, from: 2026-02-01}\n";

typedef struct fx {
    sy_roster *roster;
    sy_agreement *a;
    sy_diags *d;
} fx;

static int setup(void **state)
{
    static fx f;
    f.d = sy_diags_new();
    f.roster = sy_roster_load_buffer("roster.yaml", roster, strlen(roster), f.d);
    f.a = sy_agreement_load_buffer("a.yaml", agreement, strlen(agreement), f.roster, f.d);
    if (!f.a || sy_diags_errors(f.d))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    sy_agreement_free(f->a);
    sy_roster_free(f->roster);
    sy_diags_free(f->d);
    return 0;
}

/* The cover sheet as text: the English side of every pair, with roles. */
static char *english(sy_doc *doc)
{
    sy_buf out = SY_BUF_INIT;
    const sy_blocks *body = sy_doc_blocks(doc);
    for (size_t i = 0; i < sy_blocks_count(body); i++) {
        const sy_block *b = sy_blocks_get(body, i);
        const sy_blocks *en = sy_block_en(b);
        for (size_t k = 0; k < sy_blocks_count(en); k++) {
            const sy_block *p = sy_blocks_get(en, k);
            sy_buf_printf(&out, "[%s] %s\n", sy_block_role(p), sy_block_text(p, NULL));
        }
    }
    return sy_buf_take(&out, NULL);
}

static sy_doc *cover_at(fx *f, sy_date as_of, int with_changes)
{
    sy_leadership_change *ch = NULL;
    size_t n = 0;
    if (with_changes)
        assert_int_equal(sy_agreement_leadership_changes(f->a, f->roster, &as_of, &ch, &n), SY_OK);
    sy_doc *doc = sy_cover_build(sy_agreement_value(f->a), ch, n, as_of, f->d);
    free(ch);
    assert_non_null(doc);
    return doc;
}

static void rows_for_every_approval_and_ministry(void **state)
{
    fx *f = *state;
    sy_date day = {2025, 11, 1};
    sy_doc *doc = cover_at(f, day, 1);
    char *t = english(doc);
    /* two steps for the city, then cabinet and department per ministry */
    assert_non_null(strstr(t,
                           "[check-done] 1. Letter of support from a local leader — approved "
                           "3 March 2025 (ref. 12/25) — responsible: The NGO"));
    assert_non_null(strstr(t, "[check-open] 2. Approval from city hall — pending"));
    assert_non_null(strstr(t,
                           "[check-done] 3. Approval from the cabinet of the Ministry of "
                           "Interior — approved 1 April 2025 — responsible: Mr A"));
    assert_non_null(strstr(t,
                           "[check-open] 4. Approval from the cabinet of the Ministry of "
                           "Social Affairs — pending"));
    assert_non_null(strstr(t,
                           "[check-open] 5. Approval from the city department of the "
                           "Ministry of Interior"));
    assert_non_null(strstr(t,
                           "[check-open] 6. Approval from the city department of the "
                           "Ministry of Social Affairs"));
    assert_null(strstr(t, "] 7. "));
    assert_non_null(strstr(t,
                           "Term of 3 years: from 12 June 2025 to 11 June 2028. This is the "
                           "2nd renewal."));
    assert_non_null(strstr(t, "[body] Renewal must start by 11 December 2027."));
    assert_null(strstr(t, "Leadership changed"));
    free(t);
    sy_doc_free(doc);
}

static void renewal_is_flagged_six_months_ahead_and_when_passed(void **state)
{
    fx *f = *state;
    sy_date soon = {2027, 6, 11}, passed = {2027, 12, 12}, early = {2027, 6, 10};
    sy_doc *doc = cover_at(f, soon, 0);
    char *t = english(doc);
    assert_non_null(strstr(t,
                           "[banner] Renewal must start by 11 December 2027: less than six "
                           "months away."));
    free(t);
    sy_doc_free(doc);
    doc = cover_at(f, passed, 0);
    t = english(doc);
    assert_non_null(strstr(t,
                           "[banner] Renewal must start by 11 December 2027: this date has "
                           "passed."));
    free(t);
    sy_doc_free(doc);
    doc = cover_at(f, early, 0);
    t = english(doc);
    assert_non_null(strstr(t, "[body] Renewal must start by 11 December 2027."));
    free(t);
    sy_doc_free(doc);
}

static void leadership_change_banner_names_office_and_holders(void **state)
{
    fx *f = *state;
    sy_date day = {2026, 3, 1};
    sy_doc *doc = cover_at(f, day, 1);
    char *t = english(doc);
    assert_non_null(strstr(t,
                           "[banner] Leadership changed: re-approval required. Secretary of "
                           "State (moi/sos): Old Holder, succeeded by New Holder since 1 "
                           "February 2026"));
    free(t);
    sy_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_for_every_approval_and_ministry),
        cmocka_unit_test(renewal_is_flagged_six_months_ahead_and_when_passed),
        cmocka_unit_test(leadership_change_banner_names_office_and_holders),
    };
    return cmocka_run_group_tests_name("cover", tests, setup, teardown);
}
