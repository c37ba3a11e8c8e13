/* Unit tests of the public API (lib/sanya.h), through that header alone:
 * building in memory and to a file, checking with diagnostics that carry
 * their place, reading the attachments back, options, version. Run from the
 * repository root (the data folder is "."). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sanya.h"

#define AGREEMENT "examples/moi-aple-2025.yaml"
#define ROSTER "examples/roster.yaml"

typedef struct api_fixture {
    sanya_builder *builder;
    sanya_diagnostics *diags;
    sanya_options *opts;
} api_fixture;

static int setup(void **state)
{
    static api_fixture fx;
    fx.diags = sanya_diagnostics_new();
    fx.opts = sanya_options_new();
    if (!fx.diags || !fx.opts || sanya_builder_new(".", &fx.builder, fx.diags) != SANYA_OK)
        return -1;
    if (sanya_options_set_agreement(fx.opts, AGREEMENT) != SANYA_OK ||
        sanya_options_set_roster(fx.opts, ROSTER) != SANYA_OK ||
        sanya_options_set_as_of(fx.opts, "2025-11-23") != SANYA_OK)
        return -1;
    *state = &fx;
    return 0;
}

static int teardown(void **state)
{
    api_fixture *fx = *state;
    sanya_builder_free(fx->builder);
    sanya_options_free(fx->opts);
    sanya_diagnostics_free(fx->diags);
    return 0;
}

static char *read_whole(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *data = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len == cap) {
            cap = cap ? 2 * cap : 65536;
            data = realloc(data, cap);
            assert_non_null(data);
        }
        size_t n = fread(data + *len, 1, cap - *len, f);
        *len += n;
        if (n == 0)
            break;
    }
    fclose(f);
    return data;
}

/* A file of the given text in /tmp; the caller unlinks and frees the name. */
static char *temp_file(const char *text)
{
    char *path = strdup("/tmp/sanya-test-api-XXXXXX");
    assert_non_null(path);
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static void version_matches_the_header(void **state)
{
    (void)state;
    assert_string_equal(sanya_version(), SANYA_VERSION_STRING);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", SANYA_VERSION_MAJOR, SANYA_VERSION_MINOR,
             SANYA_VERSION_PATCH);
    assert_string_equal(SANYA_VERSION_STRING, expected);
}

static void builds_in_memory_and_again_the_same_bytes(void **state)
{
    api_fixture *fx = *state;
    unsigned char *pdf = NULL, *again = NULL;
    size_t len = 0, len2 = 0;
    sanya_diagnostics_clear(fx->diags);
    assert_int_equal(sanya_build(fx->builder, fx->opts, &pdf, &len, fx->diags), SANYA_OK);
    assert_int_equal(sanya_diagnostics_count(fx->diags), 0);
    assert_true(len > 1000);
    assert_memory_equal(pdf, "%PDF-", 5);
    /* The builder is reused; the same options give the same bytes. */
    assert_int_equal(sanya_build(fx->builder, fx->opts, &again, &len2, fx->diags), SANYA_OK);
    assert_int_equal(len2, len);
    assert_memory_equal(again, pdf, len);
    sanya_free(again);

    /* Another day changes the cover sheet; the cover sheet alone is less. */
    sanya_options *other = sanya_options_new();
    assert_int_equal(sanya_options_set_agreement(other, AGREEMENT), SANYA_OK);
    assert_int_equal(sanya_options_set_roster(other, ROSTER), SANYA_OK);
    assert_int_equal(sanya_options_set_as_of(other, "2027-01-05"), SANYA_OK);
    assert_int_equal(sanya_build(fx->builder, other, &again, &len2, fx->diags), SANYA_OK);
    assert_true(len2 != len || memcmp(again, pdf, len) != 0);
    sanya_free(again);
    assert_int_equal(sanya_options_set_parts(other, SANYA_PARTS_COVER_ONLY), SANYA_OK);
    assert_int_equal(sanya_build(fx->builder, other, &again, &len2, fx->diags), SANYA_OK);
    assert_true(len2 < len);
    sanya_free(again);
    sanya_options_free(other);
    sanya_free(pdf);
}

static void build_file_writes_what_build_returns(void **state)
{
    api_fixture *fx = *state;
    unsigned char *pdf = NULL;
    size_t len = 0, flen = 0;
    assert_int_equal(sanya_build(fx->builder, fx->opts, &pdf, &len, fx->diags), SANYA_OK);
    char *path = temp_file("");
    assert_int_equal(sanya_build_file(fx->builder, fx->opts, path, fx->diags), SANYA_OK);
    char *written = read_whole(path, &flen);
    assert_int_equal(flen, len);
    assert_memory_equal(written, pdf, len);
    free(written);
    unlink(path);
    free(path);
    sanya_free(pdf);

    sanya_diagnostics_clear(fx->diags);
    assert_int_equal(sanya_build_file(fx->builder, fx->opts, "/nonexistent/dir/out.pdf", fx->diags),
                     SANYA_ERR_CANTCREAT);
    assert_true(sanya_diagnostics_count(fx->diags) > 0);
    assert_int_equal(sanya_status_exit_code(SANYA_ERR_CANTCREAT), 73);
}

static void check_reports_every_error_with_its_place(void **state)
{
    api_fixture *fx = *state;
    sanya_diagnostics_clear(fx->diags);
    assert_int_equal(sanya_check(fx->builder, fx->opts, fx->diags), SANYA_OK);
    assert_int_equal(sanya_diagnostics_count(fx->diags), 0);

    char *path = temp_file("id: bad\ntitle:\n  km: ក\n  en: Bad\ntitel: x\n");
    sanya_options *opts = sanya_options_new();
    assert_int_equal(sanya_options_set_agreement(opts, path), SANYA_OK);
    assert_int_equal(sanya_check(fx->builder, opts, fx->diags), SANYA_ERR_DATA);
    size_t n = sanya_diagnostics_count(fx->diags);
    assert_true(n >= 2); /* the unknown key and the missing ones, all at once */
    const sanya_diagnostic *titel = NULL;
    for (size_t i = 0; i < n; i++) {
        const sanya_diagnostic *e = sanya_diagnostics_get(fx->diags, i);
        assert_int_equal(sanya_diagnostic_severity(e), SANYA_SEVERITY_ERROR);
        assert_int_equal(sanya_diagnostic_status(e), SANYA_ERR_DATA);
        assert_string_equal(sanya_diagnostic_file(e), path);
        if (strstr(sanya_diagnostic_message(e), "titel"))
            titel = e;
    }
    assert_null(sanya_diagnostics_get(fx->diags, n));
    assert_non_null(titel);
    assert_int_equal(sanya_diagnostic_line(titel), 5);
    assert_int_equal(sanya_diagnostic_column(titel), 1);
    char line[512], want[256];
    int len = sanya_diagnostic_format(titel, line, sizeof line);
    assert_int_equal(len, (int)strlen(line));
    snprintf(want, sizeof want, "%s:5:1: ", path);
    assert_memory_equal(line, want, strlen(want));
    assert_non_null(strstr(line, sanya_diagnostic_message(titel)));
    /* A short buffer is cut, and the length says so. */
    char small[8];
    assert_int_equal(sanya_diagnostic_format(titel, small, sizeof small), len);
    assert_int_equal(strlen(small), sizeof small - 1);

    /* Calls append; clearing empties. */
    assert_int_equal(sanya_check(fx->builder, opts, fx->diags), SANYA_ERR_DATA);
    assert_int_equal(sanya_diagnostics_count(fx->diags), 2 * n);
    sanya_diagnostics_clear(fx->diags);
    assert_int_equal(sanya_diagnostics_count(fx->diags), 0);
    /* Diagnostics are optional. */
    assert_int_equal(sanya_check(fx->builder, opts, NULL), SANYA_ERR_DATA);

    unlink(path);
    free(path);
    sanya_options_free(opts);
}

static void missing_inputs_and_bad_options_are_errors(void **state)
{
    api_fixture *fx = *state;
    sanya_options *opts = sanya_options_new();
    unsigned char *pdf = (unsigned char *)"x";
    size_t len = 1;
    sanya_diagnostics_clear(fx->diags);
    assert_int_equal(sanya_build(fx->builder, opts, &pdf, &len, fx->diags), SANYA_ERR_USAGE);
    assert_null(pdf);
    assert_int_equal(len, 0);
    assert_int_equal(sanya_diagnostics_count(fx->diags), 1);

    assert_int_equal(sanya_options_set_agreement(opts, "examples/nope.yaml"), SANYA_OK);
    assert_int_equal(sanya_check(fx->builder, opts, fx->diags), SANYA_ERR_NOINPUT);
    assert_int_equal(sanya_status_exit_code(SANYA_ERR_NOINPUT), 66);
    assert_string_equal(sanya_status_name(SANYA_ERR_NOINPUT), "missing input");

    assert_int_equal(sanya_options_set_as_of(opts, "2025-02-30"), SANYA_ERR_USAGE);
    assert_int_equal(sanya_options_set_as_of(opts, "23/11/2025"), SANYA_ERR_USAGE);
    assert_int_equal(sanya_options_set_as_of(opts, NULL), SANYA_OK);
    assert_int_equal(sanya_options_set_layout(opts, (sanya_layout)7), SANYA_ERR_USAGE);
    assert_int_equal(sanya_options_set_layout(opts, SANYA_LAYOUT_SEQUENTIAL), SANYA_OK);
    assert_int_equal(sanya_options_set_parts(opts, (sanya_parts)-1), SANYA_ERR_USAGE);
    assert_int_equal(sanya_options_set_agreement(opts, NULL), SANYA_ERR_USAGE);
    assert_int_equal(sanya_options_set_roster(opts, NULL), SANYA_OK);
    assert_int_equal(sanya_options_set_pdfa(opts, 2), SANYA_ERR_USAGE);
    assert_int_equal(sanya_options_set_pdfa(NULL, 1), SANYA_ERR_USAGE);
    sanya_options_free(opts);

    sanya_builder *b = (sanya_builder *)fx;
    sanya_diagnostics_clear(fx->diags);
    assert_int_not_equal(sanya_builder_new("/nonexistent/sanya", &b, fx->diags), SANYA_OK);
    assert_null(b);
    assert_true(sanya_diagnostics_count(fx->diags) > 0);
    sanya_builder_free(NULL);
    sanya_options_free(NULL);
    sanya_diagnostics_free(NULL);
    sanya_attachments_free(NULL);
    sanya_free(NULL);
}

static void extract_returns_the_attached_inputs(void **state)
{
    api_fixture *fx = *state;
    unsigned char *pdf = NULL;
    size_t len = 0;
    assert_int_equal(sanya_build(fx->builder, fx->opts, &pdf, &len, fx->diags), SANYA_OK);
    sanya_attachments *files = NULL;
    assert_int_equal(sanya_extract(pdf, len, &files, fx->diags), SANYA_OK);
    assert_int_equal(sanya_attachments_count(files), 2);
    size_t src_len = 0, got_len = 0;
    char *src = read_whole(AGREEMENT, &src_len);
    int found = 0;
    for (size_t i = 0; i < sanya_attachments_count(files); i++) {
        const char *name = sanya_attachment_name(files, i);
        assert_non_null(name);
        assert_string_equal(sanya_attachment_mime(files, i), "application/yaml");
        if (!strcmp(name, "moi-aple-2025.yaml")) {
            const unsigned char *data = sanya_attachment_data(files, i, &got_len);
            assert_int_equal(got_len, src_len);
            assert_memory_equal(data, src, src_len);
            found = 1;
        } else {
            assert_string_equal(name, "roster-used.yaml");
        }
    }
    assert_true(found);
    assert_null(sanya_attachment_name(files, 2));
    assert_null(sanya_attachment_data(files, 2, &got_len));
    assert_int_equal(got_len, 0);
    free(src);
    sanya_attachments_free(files);
    sanya_free(pdf);

    /* Not a PDF: an error with a message, and no list. */
    sanya_diagnostics_clear(fx->diags);
    files = (sanya_attachments *)fx;
    assert_int_equal(sanya_extract("hello", 5, &files, fx->diags), SANYA_ERR_DATA);
    assert_null(files);
    assert_int_equal(sanya_diagnostics_count(fx->diags), 1);
    assert_non_null(strstr(sanya_diagnostic_message(sanya_diagnostics_get(fx->diags, 0)), "PDF"));
}

static int has(const unsigned char *pdf, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(pdf + i, s, n))
            return 1;
    return 0;
}

/* sanya_options_set_pdfa(1): the output intent and the PDF/A identification
 * (tests/e2e/test-pdfa.sh checks the rules); 0 again: a plain PDF. Needs
 * icc-profiles-free, else the build is SANYA_ERR_NOINPUT. */
static void pdfa_option_writes_pdfa(void **state)
{
    api_fixture *fx = *state;
    unsigned char *pdf = NULL;
    size_t len = 0;
    sanya_diagnostics_clear(fx->diags);
    assert_int_equal(sanya_options_set_pdfa(fx->opts, 1), SANYA_OK);
    sanya_status st = sanya_build(fx->builder, fx->opts, &pdf, &len, fx->diags);
    if (access("/usr/share/color/icc/sRGB.icc", R_OK) != 0) {
        assert_int_equal(st, SANYA_ERR_NOINPUT);
    } else {
        assert_int_equal(st, SANYA_OK);
        assert_true(has(pdf, len, "/GTS_PDFA1"));
        assert_true(has(pdf, len, "<pdfaid:part>3</pdfaid:part>"));
        assert_true(has(pdf, len, "/AFRelationship /Source"));
    }
    sanya_free(pdf);
    pdf = NULL;
    assert_int_equal(sanya_options_set_pdfa(fx->opts, 0), SANYA_OK);
    assert_int_equal(sanya_build(fx->builder, fx->opts, &pdf, &len, fx->diags), SANYA_OK);
    assert_false(has(pdf, len, "/GTS_PDFA1"));
    assert_false(has(pdf, len, "pdfaid"));
    sanya_free(pdf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_matches_the_header),
        cmocka_unit_test(builds_in_memory_and_again_the_same_bytes),
        cmocka_unit_test(build_file_writes_what_build_returns),
        cmocka_unit_test(check_reports_every_error_with_its_place),
        cmocka_unit_test(missing_inputs_and_bad_options_are_errors),
        cmocka_unit_test(extract_returns_the_attached_inputs),
        cmocka_unit_test(pdfa_option_writes_pdfa),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
