/* Unit tests of the approval checklist (lib/data/checklist.c) and of the
 * cover sheet that templates/mou/cover.tpl makes of it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder.h"
#include "core/buf.h"
#include "data/checklist.h"
#include "data/data.h"
#include "tpl/tpl.h"

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
    "  - {step: city-department, party: mosvy}\n"
    "  - {step: city-hall, date: 2025-05-02, ref: \"88/25\", note: {km: ចំណាំ, en: second "
    "letter}}\n"
    "  - {step: city-hall, date: 2024-11-20, ref: \"41/24\"}\n"
    "  - {step: city-department, party: moi, ref: \"req-7\", note: {km: រង់ចាំ, en: asked "
    "again}}\n";

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
    sy_tpl *tpl;
    sy_tpl_env *env;
} fx;

static int setup(void **state)
{
    static fx f;
    f.d = sy_diags_new();
    f.roster = sy_roster_load_buffer("roster.yaml", roster, strlen(roster), f.d);
    f.a = sy_agreement_load_buffer("a.yaml", agreement, strlen(agreement), f.roster, f.d);
    f.tpl = sy_tpl_load("templates/mou", f.d);
    f.env = sy_tpl_env_new();
    if (!f.a || !f.tpl || !f.env || sy_builder_add_calendar_filters(f.env) != SY_OK ||
        sy_diags_errors(f.d))
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    sy_tpl_env_free(f->env);
    sy_tpl_free(f->tpl);
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
    sy_checklist *cl = NULL;
    assert_int_equal(sy_checklist_new(f->a, with_changes ? f->roster : NULL, as_of, &cl, f->d),
                     SY_OK);
    sy_value *data = sy_checklist_template_data(cl, f->a);
    assert_non_null(data);
    sy_doc *doc = sy_tpl_render_cover(f->tpl, f->env, data, NULL, f->d);
    sy_value_free(data);
    sy_checklist_free(cl);
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
    assert_non_null(strstr(t,
                           "[check-done] 2. Approval from city hall — approved 2 May 2025 (ref. "
                           "88/25) (note: second letter); earlier: approved 20 November 2024 "
                           "(ref. 41/24) — responsible: The NGO"));
    assert_non_null(strstr(t,
                           "[check-done] 3. Approval from the cabinet of the Ministry of "
                           "Interior — approved 1 April 2025 — responsible: Mr A"));
    assert_non_null(strstr(t,
                           "[check-open] 4. Approval from the cabinet of the Ministry of "
                           "Social Affairs — pending"));
    assert_non_null(strstr(t,
                           "[check-open] 5. Approval from the city department of the "
                           "Ministry of Interior — pending; requested, ref. req-7 (note: asked "
                           "again) — responsible: The NGO"));
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

/* The facts behind the cover: every approval is kept, the newest dated one
 * is the step's status, undated ones are pending with their reference. */
static void checklist_keeps_every_approval(void **state)
{
    fx *f = *state;
    sy_checklist *cl = NULL;
    sy_date day = {2025, 11, 1};
    assert_int_equal(sy_checklist_new(f->a, f->roster, day, &cl, f->d), SY_OK);
    assert_int_equal(cl->nsteps, 6);
    assert_int_equal(cl->approved, 3);
    const sy_checklist_step *hall = &cl->steps[1];
    assert_int_equal(hall->step, SY_STEP_CITY_HALL);
    assert_string_equal(hall->current->ref, "88/25");
    assert_int_equal(hall->nhistory, 1);
    assert_string_equal(hall->history[0]->ref, "41/24");
    assert_string_equal(hall->current->note.en, "second letter");
    const sy_checklist_step *dept = &cl->steps[4];
    assert_int_equal(dept->step, SY_STEP_CITY_DEPARTMENT);
    assert_string_equal(dept->party->id, "moi");
    assert_null(dept->current);
    assert_int_equal(dept->npending, 1);
    assert_string_equal(dept->pending[0]->ref, "req-7");
    assert_int_equal(cl->renew_by.year, 2027);
    assert_int_equal(cl->renew_by.month, 12);
    assert_int_equal(cl->renew_by.day, 11);
    assert_int_equal(cl->renewal, SY_RENEWAL_FINE);
    assert_int_equal(cl->nchanges, 0); /* the new holder starts after the as-of day */
    sy_checklist_free(cl);
    sy_date later = {2026, 3, 1};
    assert_int_equal(sy_checklist_new(f->a, f->roster, later, &cl, f->d), SY_OK);
    assert_int_equal(cl->nchanges, 1);
    assert_string_equal(cl->changes[0].office, "moi/sos");
    assert_string_equal(cl->changes[0].new_holder.en, "New Holder");
    assert_int_equal(cl->renewal, SY_RENEWAL_FINE);
    sy_checklist_free(cl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rows_for_every_approval_and_ministry),
        cmocka_unit_test(renewal_is_flagged_six_months_ahead_and_when_passed),
        cmocka_unit_test(leadership_change_banner_names_office_and_holders),
        cmocka_unit_test(checklist_keeps_every_approval),
    };
    return cmocka_run_group_tests_name("cover", tests, setup, teardown);
}
