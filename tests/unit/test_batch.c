/* Unit tests of lib/batch: JSON strings, roster recognition, ignore
 * patterns, the state file's lines, and a small batch run twice (built,
 * then unchanged; forced; a dry run that writes nothing; OUT inside DIR). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch/batch.h"
#include "batch/batch_internal.h"
#include "core/file.h"

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

static sy_batch *run(const char *out, sy_date as_of, int dry_run, int force)
{
    char in[128];
    snprintf(in, sizeof in, "%s/in", tmp);
    sy_batch_options o = {".", in, out, NULL, as_of, 2, dry_run, force, NULL, 0};
    sy_diags *d = sy_diags_new();
    sy_batch *b = NULL;
    assert_int_equal(sy_batch_new(&o, &b, d), SY_OK);
    assert_int_equal(sy_batch_run(b, NULL, NULL, d), SY_OK);
    assert_int_equal(sy_diags_errors(d), 0);
    sy_diags_free(d);
    return b;
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
    sy_batch_options o = {".", in, p, NULL, day, 1, 0, 0, NULL, 0};
    sy_diags *d = sy_diags_new();
    assert_int_equal(sy_batch_new(&o, &b, d), SY_ERR_USAGE);
    assert_null(b);
    o.out_dir = in;
    assert_int_equal(sy_batch_new(&o, &b, d), SY_ERR_USAGE);
    sy_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_strings_are_escaped),
        cmocka_unit_test(rosters_are_recognised_by_a_top_level_offices_key),
        cmocka_unit_test(ignore_patterns),
        cmocka_unit_test(state_lines_round_trip),
        cmocka_unit_test_setup_teardown(a_batch_builds_then_keeps, setup_folder, teardown_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
