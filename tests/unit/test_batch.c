/* Unit tests of lib/batch: JSON strings, roster recognition, ignore
 * patterns, the state file's lines, and a small batch run twice (built,
 * then unchanged; forced; a dry run that writes nothing; OUT inside DIR);
 * renewal drafts (which agreements, which date, never over a file, never
 * into DIR or OUT, a vacant office fails alone). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch.h"
#include "batch/batch_internal.h"
#include "core/date.h"
#include "core/file.h"
#include "data/checklist.h"

static void json_strings_are_escaped(void **state)
{
    (void)state;
    sy_buf b = SY_BUF_INIT;
    sy_batch_json_string(&b, "a\"b\\c\n\t\x01\x7f ក é");
    assert_false(sy_buf_failed(&b));
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f ក é\"");
    sy_buf_free(&b);
}

static void rosters_are_recognised_by_a_top_level_offices_key(void **state)
{
    (void)state;
    const char *roster = "# who holds what\noffices:\n  moi/x: {}\n";
    const char *agreement = "id: a\nnote:\n  offices: 3\n";
    assert_true(sy_batch_is_roster_text(roster, strlen(roster)));
    assert_false(sy_batch_is_roster_text(agreement, strlen(agreement)));
    assert_false(sy_batch_is_roster_text("offices", 7));
}

static void ignore_patterns(void **state)
{
    (void)state;
    const char *p = "# drafts are not printed\n\ndrafts/\n*.tmp.yaml\n/top/x.yaml\n  old-*  \n";
    assert_true(sy_batch_ignored(p, "drafts"));
    assert_true(sy_batch_ignored(p, "moi/drafts"));
    assert_true(sy_batch_ignored(p, "a/b.tmp.yaml"));
    assert_true(sy_batch_ignored(p, "top/x.yaml"));
    assert_true(sy_batch_ignored(p, "moi/old-2019.yaml"));
    assert_false(sy_batch_ignored(p, "a/top/x.yaml"));
    assert_false(sy_batch_ignored(p, "x.yaml"));
    assert_false(sy_batch_ignored(p, "# drafts are not printed"));
    assert_false(sy_batch_ignored(NULL, "x.yaml"));
}

static void state_lines_round_trip(void **state)
{
    (void)state;
    sy_batch_entry e;
    memset(&e, 0, sizeof e);
    e.output = (char *)"a b/100%,x=y.pdf";
    memset(e.key, 'a', SY_BATCH_HEX - 1);
    memset(e.agreement, 'b', SY_BATCH_HEX - 1);
    memset(e.template_, 'c', SY_BATCH_HEX - 1);
    memset(e.fonts, 'd', SY_BATCH_HEX - 1);
    memset(e.roster, 'e', SY_BATCH_HEX - 1);
    memset(e.status, 'f', SY_BATCH_HEX - 1);
    strcpy(e.version, "0.8.0");
    strcpy(e.renewal, "due");
    e.size = 82794;
    e.mtime_s = 1796135000;
    e.mtime_ns = 884631004;
    e.changes = (char *)"moi|moi/x|Sok%20Dara|2026-09-01";
    sy_buf text = SY_BUF_INIT;
    sy_buf_puts(&text, SY_BATCH_STATE_HEADER "\n");
    sy_batch_entry_format(&e, &text);
    sy_buf_puts(&text, "no-key.pdf size=3\n"); /* no key: left out */
    sy_batch_entry_format(&e, &text);
    text.len--; /* the last line cut short by a kill: left out */
    sy_batch_entry *got = NULL;
    size_t n = 0;
    assert_int_equal(sy_batch_state_parse(text.data, text.len, &got, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(got[0].output, e.output);
    assert_string_equal(got[0].key, e.key);
    assert_string_equal(got[0].status, e.status);
    assert_string_equal(got[0].renewal, "due");
    assert_string_equal(got[0].changes, e.changes);
    assert_int_equal(got[0].size, 82794);
    assert_int_equal(got[0].mtime_s, 1796135000);
    assert_int_equal(got[0].mtime_ns, 884631004);
    sy_batch_entries_free(got, n);
    /* Another format's file gives no entries (everything is rebuilt). */
    assert_int_equal(sy_batch_state_parse("sanya-batch-state 9\n", 20, &got, &n), 0);
    assert_int_equal(n, 0);
    sy_batch_entries_free(got, n);
    sy_buf_free(&text);
}

/* ---- A small batch ---- */

static char tmp[64];

static void copy(const char *from, const char *to)
{
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(sy_file_read(from, &data, &len, NULL), SY_OK);
    assert_int_equal(sy_file_write_atomic(to, data, len, NULL), SY_OK);
    free(data);
}

static int setup_folder(void **state)
{
    (void)state;
    char p[128];
    snprintf(tmp, sizeof tmp, "/tmp/sanya-test-batch-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    snprintf(p, sizeof p, "%s/in", tmp);
    mkdir(p, 0777);
    snprintf(p, sizeof p, "%s/in/sub", tmp);
    mkdir(p, 0777);
    snprintf(p, sizeof p, "%s/in/moi.yaml", tmp);
    copy("examples/moi-aple-2025.yaml", p);
    snprintf(p, sizeof p, "%s/in/sub/ncct.yaml", tmp);
    copy("examples/ncct-coalition-2024.yaml", p);
    snprintf(p, sizeof p, "%s/in/roster.yaml", tmp);
    copy("examples/roster.yaml", p);
    return 0;
}

static int teardown_folder(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

static sy_batch *run_renewing(const char *out, sy_date as_of, int dry_run, int force,
                              const char *renew_into, int force_renewals)
{
    char in[128];
    snprintf(in, sizeof in, "%s/in", tmp);
    sy_batch_options o = {".",     in,    out,        NULL,           as_of, 2,
                          dry_run, force, renew_into, force_renewals, 0};
    sy_diags *d = sy_diags_new();
    sy_batch *b = NULL;
    assert_int_equal(sy_batch_new(&o, &b, d), SY_OK);
    assert_int_equal(sy_batch_run(b, NULL, NULL, d), SY_OK);
    assert_int_equal(sy_diags_errors(d), 0);
    sy_diags_free(d);
    return b;
}

static sy_batch *run(const char *out, sy_date as_of, int dry_run, int force)
{
    return run_renewing(out, as_of, dry_run, force, NULL, 0);
}

static void a_batch_builds_then_keeps(void **state)
{
    (void)state;
    char out[128], in[128], p[160];
    struct stat st;
    snprintf(in, sizeof in, "%s/in", tmp);
    snprintf(out, sizeof out, "%s/out", tmp);
    sy_date day = {2026, 12, 1}, next = {2026, 12, 2};

    sy_batch *b = run(out, day, 1, 0); /* dry run: nothing written */
    assert_int_equal(sy_batch_count(b), 2); /* the roster is not an agreement */
    assert_int_equal(sy_batch_result_count(b, SY_BATCH_WOULD_BUILD), 2);
    assert_int_not_equal(stat(out, &st), 0);
    sy_batch_free(b);

    b = run(out, day, 0, 0);
    assert_non_null(sy_batch_roster(b)); /* the one roster of the folder */
    assert_int_equal(sy_batch_result_count(b, SY_BATCH_BUILT), 2);
    const sy_batch_item *ncct = sy_batch_item_at(b, 1);
    assert_string_equal(ncct->input, "sub/ncct.yaml");
    assert_string_equal(ncct->output, "sub/ncct.pdf");
    assert_string_equal(ncct->reasons, "new");
    assert_int_equal(ncct->nchanges, 1); /* the Permanent Vice-Chair changed in 2025 */
    assert_string_equal(ncct->changes[0].new_en, "Suon Sokhly");
    assert_int_equal(ncct->nrestarts, 2);
    assert_int_equal(ncct->restarts[0].step, SY_STEP_MINISTRY_CABINET);
    assert_string_equal(ncct->restarts[0].party, "ncct");
    sy_buf json = SY_BUF_INIT;
    sy_batch_report_json(b, &json);
    assert_non_null(strstr(json.data, "\"counts\": {\"built\": 2, \"unchanged\": 0"));
    assert_non_null(strstr(json.data, "\"new_holder\": {\"km\": "));
    sy_buf_free(&json);
    sy_batch_free(b);
    snprintf(p, sizeof p, "%s/sub/ncct.pdf", out);
    assert_int_equal(stat(p, &st), 0);
    snprintf(p, sizeof p, "%s/" SY_BATCH_STATE_FILE, out);
    assert_int_equal(stat(p, &st), 0);

    b = run(out, next, 0, 0); /* only the day moved */
    assert_int_equal(sy_batch_result_count(b, SY_BATCH_UNCHANGED), 2);
    assert_null(sy_batch_item_at(b, 0)->reasons);
    sy_batch_free(b);

    snprintf(p, sizeof p, "%s/moi.pdf", out);
    remove(p);
    b = run(out, next, 0, 0);
    assert_int_equal(sy_batch_result_count(b, SY_BATCH_BUILT), 1);
    assert_string_equal(sy_batch_item_at(b, 0)->reasons, "output missing");
    sy_batch_free(b);

    b = run(out, next, 0, 1);
    assert_int_equal(sy_batch_result_count(b, SY_BATCH_BUILT), 2);
    assert_string_equal(sy_batch_item_at(b, 0)->reasons, "forced");
    sy_batch_free(b);

    /* OUT inside DIR, or DIR itself, is refused before anything is read. */
    snprintf(p, sizeof p, "%s/out", in);
    sy_batch_options o = {".", in, p, NULL, day, 1, 0, 0, NULL, 0, 0};
    sy_diags *d = sy_diags_new();
    assert_int_equal(sy_batch_new(&o, &b, d), SY_ERR_USAGE);
    assert_null(b);
    o.out_dir = in;
    assert_int_equal(sy_batch_new(&o, &b, d), SY_ERR_USAGE);
    sy_diags_free(d);
}

static void renewal_affected_and_dated(void **state)
{
    (void)state;
    assert_false(sy_batch_renewal_affected(0, SY_RENEWAL_FINE));
    assert_true(sy_batch_renewal_affected(1, SY_RENEWAL_FINE));
    assert_true(sy_batch_renewal_affected(0, SY_RENEWAL_DUE));
    assert_true(sy_batch_renewal_affected(0, SY_RENEWAL_PAST));
    sy_date as_of = {2026, 12, 31}, end = {2027, 12, 10}, none = {0, 0, 0}, on;
    /* a change of holder: the new holder signs now, the day after as-of */
    assert_int_equal(sy_batch_renewal_date_for(2, as_of, end, &on), SY_BATCH_RENEWAL_AFTER_AS_OF);
    assert_int_equal(sy_date_cmp(on, (sy_date){2027, 1, 1}), 0);
    /* else sanya renew's default: the day after the old term ends */
    assert_int_equal(sy_batch_renewal_date_for(0, as_of, end, &on), SY_BATCH_RENEWAL_AFTER_TERM);
    assert_int_equal(sy_date_cmp(on, (sy_date){2027, 12, 11}), 0);
    sy_batch_renewal_date_for(0, as_of, none, &on); /* no term: no date */
    assert_false(sy_date_valid(on));
    assert_string_equal(sy_batch_renewal_date_name(SY_BATCH_RENEWAL_AFTER_AS_OF), "after-as-of");
    assert_string_equal(sy_batch_renewal_result_name(SY_BATCH_RENEWAL_EXISTS), "exists");
}

static int file_equals(const char *path, const char *text)
{
    char *data = NULL;
    size_t len = 0;
    if (sy_file_read(path, &data, &len, NULL) != SY_OK)
        return 0;
    int same = !strcmp(data, text);
    free(data);
    return same;
}

static void renewals_are_drafted_once(void **state)
{
    (void)state;
    char out[128], in[128], ren[128], p[192], text[192];
    struct stat st;
    snprintf(in, sizeof in, "%s/in", tmp);
    snprintf(out, sizeof out, "%s/out", tmp);
    snprintf(ren, sizeof ren, "%s/ren", tmp);
    sy_date day = {2026, 12, 1};
    snprintf(p, sizeof p, "%s/sub/ncct-renewal-2.yaml", ren);

    /* A dry run names the renewal and writes nothing. */
    sy_batch *b = run_renewing(out, day, 1, 0, ren, 0);
    const sy_batch_item *moi = sy_batch_item_at(b, 0), *ncct = sy_batch_item_at(b, 1);
    assert_int_equal(moi->renewal_result, SY_BATCH_RENEWAL_NONE); /* nothing changed, fine */
    assert_null(moi->renewal_path);
    assert_int_equal(ncct->renewal_result, SY_BATCH_RENEWAL_WOULD_WRITE);
    assert_string_equal(ncct->renewal_path, "sub/ncct-renewal-2.yaml");
    assert_int_not_equal(stat(ren, &st), 0);
    sy_batch_free(b);

    /* ncct's Permanent Vice-Chair changed in 2025: renewed the day after
     * as-of, in the same sub-folder. */
    b = run_renewing(out, day, 0, 0, ren, 0);
    ncct = sy_batch_item_at(b, 1);
    assert_int_equal(ncct->renewal_result, SY_BATCH_RENEWAL_WRITTEN);
    assert_int_equal(ncct->renewal_dated, SY_BATCH_RENEWAL_AFTER_AS_OF);
    assert_int_equal(sy_date_cmp(ncct->renewal_on, (sy_date){2026, 12, 2}), 0);
    assert_int_equal(sy_batch_renewal_count(b, SY_BATCH_RENEWAL_WRITTEN), 1);
    sy_buf json = SY_BUF_INIT;
    sy_batch_report_json(b, &json);
    assert_non_null(strstr(json.data, "\"renewal_file\": null"));
    assert_non_null(strstr(json.data,
                           "\"path\": \"sub/ncct-renewal-2.yaml\",\n        "
                           "\"result\": \"written\",\n        \"signed\": "
                           "\"2026-12-02\""));
    sy_buf_free(&json);
    sy_batch_free(b);
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(sy_file_read(p, &data, &len, NULL), SY_OK);
    assert_non_null(strstr(data, "\nsigned: 2026-12-02\n"));
    free(data);

    /* Once there, a renewal is not replaced, unless asked... */
    assert_int_equal(sy_file_write_atomic(p, "edited\n", 7, NULL), SY_OK);
    b = run_renewing(out, day, 0, 0, ren, 0);
    ncct = sy_batch_item_at(b, 1);
    assert_int_equal(ncct->renewal_result, SY_BATCH_RENEWAL_EXISTS);
    assert_non_null(strstr(ncct->renewal_why_not, "--force-renewals"));
    sy_batch_free(b);
    assert_true(file_equals(p, "edited\n"));
    b = run_renewing(out, day, 0, 1, ren, 0); /* --force rebuilds PDFs, not renewals */
    assert_int_equal(sy_batch_item_at(b, 1)->renewal_result, SY_BATCH_RENEWAL_EXISTS);
    sy_batch_free(b);
    b = run_renewing(out, day, 1, 0, ren, 1); /* a dry run writes nothing, even so */
    assert_int_equal(sy_batch_item_at(b, 1)->renewal_result, SY_BATCH_RENEWAL_WOULD_WRITE);
    sy_batch_free(b);
    assert_true(file_equals(p, "edited\n"));
    b = run_renewing(out, day, 0, 0, ren, 1);
    assert_int_equal(sy_batch_item_at(b, 1)->renewal_result, SY_BATCH_RENEWAL_WRITTEN);
    sy_batch_free(b);
    assert_false(file_equals(p, "edited\n"));

    /* ...and not drafted when the input folder holds it already. */
    snprintf(text, sizeof text, "%s/sub/ncct-renewal-2.yaml", in);
    assert_int_equal(rename(p, text), 0);
    b = run_renewing(out, day, 0, 0, ren, 1);
    assert_int_equal(sy_batch_item_at(b, 1)->renewal_result, SY_BATCH_RENEWAL_NONE);
    ncct = sy_batch_item_at(b, 2); /* after sub/ncct-renewal-2.yaml */
    assert_string_equal(ncct->input, "sub/ncct.yaml");
    assert_int_equal(ncct->renewal_result, SY_BATCH_RENEWAL_EXISTS);
    assert_non_null(strstr(ncct->renewal_why_not, "renewed already"));
    sy_batch_free(b);
    assert_int_not_equal(stat(p, &st), 0);
    remove(text);

    /* A symbolic link in the renewal folder must not lead into DIR. */
    char ren2[160], link[192];
    snprintf(ren2, sizeof ren2, "%s/ren2", tmp);
    snprintf(link, sizeof link, "%s/sub", ren2);
    mkdir(ren2, 0777);
    snprintf(text, sizeof text, "%s/sub", in);
    assert_int_equal(symlink(text, link), 0);
    snprintf(text, sizeof text, "%s/sub/ncct-renewal-2.yaml", in);
    b = run_renewing(out, day, 0, 0, ren2, 0);
    ncct = sy_batch_item_at(b, 1);
    assert_int_equal(ncct->renewal_result, SY_BATCH_RENEWAL_FAILED);
    assert_non_null(strstr(ncct->renewal_why_not, "inside the input folder"));
    sy_batch_free(b);
    assert_int_not_equal(stat(text, &st), 0);

    /* An office vacant on the renewal's date fails that renewal alone,
     * with the place in the agreement; the PDFs are still built. */
    snprintf(p, sizeof p, "%s/roster.yaml", in);
    assert_int_equal(sy_file_read(p, &data, &len, NULL), SY_OK);
    char *at = strstr(data, "        from: 2025-02-03\n");
    assert_non_null(at);
    sy_buf roster = SY_BUF_INIT;
    at += strlen("        from: 2025-02-03\n");
    sy_buf_put(&roster, data, (size_t)(at - data));
    sy_buf_puts(&roster, "        to: 2026-11-30\n");
    sy_buf_puts(&roster, at);
    free(data);
    assert_int_equal(sy_file_write_atomic(p, roster.data, roster.len, NULL), SY_OK);
    sy_buf_free(&roster);
    snprintf(ren2, sizeof ren2, "%s/ren3", tmp);
    b = run_renewing(out, day, 0, 0, ren2, 0);
    ncct = sy_batch_item_at(b, 1);
    assert_int_equal(ncct->result, SY_BATCH_BUILT); /* roster entries changed */
    assert_int_equal(ncct->renewal_result, SY_BATCH_RENEWAL_FAILED);
    const sy_diag *e = NULL; /* the first error (a warning says the terms overlap) */
    for (size_t i = sy_diags_count(ncct->renewal_diags); i-- > 0;)
        if (sy_diags_get(ncct->renewal_diags, i)->severity == SY_SEV_ERROR)
            e = sy_diags_get(ncct->renewal_diags, i);
    assert_non_null(e);
    assert_non_null(strstr(e->file, "in/sub/ncct.yaml"));
    assert_true(e->line > 0 && e->column > 0);
    assert_string_equal(e->path, "parties[0].signatory.office");
    assert_non_null(strstr(e->message, "nobody holds office"));
    assert_int_equal(sy_batch_renewal_count(b, SY_BATCH_RENEWAL_FAILED), 1);
    assert_int_equal(sy_batch_failed_count(b), 0);
    sy_batch_free(b);
    assert_int_not_equal(stat(ren2, &st), 0);

    /* The renewal folder is neither DIR nor OUT, nor inside or around
     * either. */
    const char *bad[] = {in, out, text, tmp};
    snprintf(text, sizeof text, "%s/drafts", out);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sy_batch_options o = {".", in, out, NULL, day, 1, 0, 0, bad[i], 0, 0};
        sy_diags *d = sy_diags_new();
        assert_int_equal(sy_batch_new(&o, &b, d), SY_ERR_USAGE);
        assert_null(b);
        sy_diags_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_strings_are_escaped),
        cmocka_unit_test(rosters_are_recognised_by_a_top_level_offices_key),
        cmocka_unit_test(ignore_patterns),
        cmocka_unit_test(state_lines_round_trip),
        cmocka_unit_test_setup_teardown(a_batch_builds_then_keeps, setup_folder, teardown_folder),
        cmocka_unit_test(renewal_affected_and_dated),
        cmocka_unit_test_setup_teardown(renewals_are_drafted_once, setup_folder, teardown_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
