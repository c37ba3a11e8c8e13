/* Unit tests of the tagged-PDF writer (lib/pdf/tags.c): element order,
 * MCIDs per page, the parent tree's numbering, artifacts, OBJR to a
 * signature field's widget, /Lang only where it differs, /Alt, and the
 * calls that are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pdf/pdf.h"
#include "pdf_bytes.h"

/* Every Flate stream of the file inflated, one after the other, so the
 * page contents can be searched. Caller frees. */
static char *inflate_all(const char *data, size_t len, size_t *out_len)
{
    size_t cap = 1 << 20, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    for (size_t i = 0; i + 7 < len; i++) {
        if (memcmp(data + i, "stream", 6) || (i && data[i - 1] == 'd'))
            continue;
        size_t at = i + 6;
        if (data[at] == '\r')
            at++;
        if (data[at] != '\n')
            continue;
        at++;
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit(&z) != Z_OK)
            continue;
        z.next_in = (unsigned char *)data + at;
        z.avail_in = (uInt)(len - at);
        z.next_out = (unsigned char *)out + n;
        z.avail_out = (uInt)(cap - n - 1);
        int rc = inflate(&z, Z_FINISH);
        if (rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR)
            n += z.total_out;
        inflateEnd(&z);
    }
    out[n] = 0;
    *out_len = n;
    return out;
}

static void mcids_number_each_page_and_the_parent_tree_follows(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = sy_pdf_new(d);
    size_t root, h1, p_km, p_en;
    assert_int_equal(sy_pdf_tags_enable(pdf, "km", &root, d), SY_OK);
    assert_int_equal(root, 1);
    assert_int_equal(sy_pdf_tags_root(pdf), 1);
    assert_int_equal(sy_pdf_tag_add(pdf, root, "H1", "km", &h1, d), SY_OK);
    assert_int_equal(sy_pdf_tag_add(pdf, root, "P", "km", &p_km, d), SY_OK);
    assert_int_equal(sy_pdf_tag_add(pdf, root, "P", "en", &p_en, d), SY_OK);
    assert_int_equal(sy_pdf_tags_count(pdf), 4);

    /* page 1: the English paragraph drawn first, then the heading, then
     * the Khmer paragraph; a rule nobody marked in between */
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, (long)p_en, d), SY_OK);
    assert_int_equal(sy_pdf_stroke(pdf, 10, 10, 20, 10, 1, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, (long)h1, d), SY_OK);
    assert_int_equal(sy_pdf_stroke(pdf, 10, 20, 20, 20, 1, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, (long)h1, d), SY_OK); /* continues: no new MCID */
    assert_int_equal(sy_pdf_stroke(pdf, 10, 25, 20, 25, 1, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, 0, d), SY_OK);
    assert_int_equal(sy_pdf_stroke(pdf, 10, 30, 20, 30, 1, d), SY_OK); /* an artifact */
    assert_int_equal(sy_pdf_mark(pdf, (long)p_km, d), SY_OK);
    assert_int_equal(sy_pdf_stroke(pdf, 10, 40, 20, 40, 1, d), SY_OK);
    /* page 2: the Khmer paragraph goes on (a new page closes its mark) */
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, (long)p_km, d), SY_OK);
    assert_int_equal(sy_pdf_stroke(pdf, 10, 10, 20, 10, 1, d), SY_OK);

    assert_int_equal(sy_pdf_tags_page_mcids(pdf, 0), 3);
    assert_int_equal(sy_pdf_tags_mcid_elem(pdf, 0, 0), p_en);
    assert_int_equal(sy_pdf_tags_mcid_elem(pdf, 0, 1), h1);
    assert_int_equal(sy_pdf_tags_mcid_elem(pdf, 0, 2), p_km);
    assert_int_equal(sy_pdf_tags_page_mcids(pdf, 1), 1);
    assert_int_equal(sy_pdf_tags_mcid_elem(pdf, 1, 0), p_km);
    assert_int_equal(sy_pdf_tags_mcid_elem(pdf, 1, 1), 0);

    size_t len, clen;
    char *data = finish(pdf, &len, d);
    assert_int_equal(sy_diags_errors(d), 0);
    assert_true(has(data, len, "/StructParents 0"));
    assert_true(has(data, len, "/StructParents 1"));
    assert_true(has(data, len, "/ParentTreeNextKey 2")); /* two pages, no widget */
    assert_true(has(data, len, "/Type /StructTreeRoot"));
    assert_true(has(data, len, "/Marked true"));
    assert_true(has(data, len, "/DisplayDocTitle true"));
    assert_true(has(data, len, "/Lang <6B6D>")); /* the catalog: km */
    assert_int_equal(count(data, len, "/Lang <656E>"), 1); /* en: the one English P */
    assert_int_equal(count(data, len, "/Type /MCR"), 4);
    assert_int_equal(count(data, len, "/Type /StructElem"), 4);
    assert_false(has(data, len, "/Tabs")); /* no fields */
    char *content = inflate_all(data, len, &clen);
    assert_true(has(content, clen, "/P <</MCID 0>> BDC"));
    assert_true(has(content, clen, "/H1 <</MCID 1>> BDC"));
    assert_true(has(content, clen, "/P <</MCID 2>> BDC"));
    assert_int_equal(count(content, clen, "/Artifact BMC"), 1);
    assert_int_equal(count(content, clen, "BDC") + count(content, clen, "BMC"),
                     count(content, clen, "EMC"));
    free(content);
    free(data);
    sy_diags_free(d);
}

static void a_form_refers_to_its_widget(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = sy_pdf_new(d);
    size_t root, form, fig;
    assert_int_equal(sy_pdf_tags_enable(pdf, "en", &root, d), SY_OK);
    assert_int_equal(sy_pdf_tag_add(pdf, root, "Form", NULL, &form, d), SY_OK);
    assert_int_equal(sy_pdf_tag_add(pdf, root, "Figure", NULL, &fig, d), SY_OK);
    assert_int_equal(sy_pdf_tag_set_alt(pdf, fig, "Emblem", d), SY_OK);
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, (long)fig, d), SY_OK);
    assert_int_equal(sy_pdf_stroke(pdf, 10, 10, 20, 10, 1, d), SY_OK);
    assert_int_equal(sy_pdf_add_signature_field(pdf, 1, 70, 100, 270, 160, "sig-a", d), SY_OK);
    assert_int_equal(sy_pdf_tag_field(pdf, form, "sig-a", d), SY_OK);
    size_t len;
    char *data = finish(pdf, &len, d);
    assert_int_equal(sy_diags_errors(d), 0);
    assert_true(has(data, len, "/Type /OBJR"));
    assert_true(has(data, len, "/StructParent 2")); /* after the two pages' keys */
    assert_true(has(data, len, "/ParentTreeNextKey 3"));
    assert_int_equal(count(data, len, "/Tabs /S"), 1); /* the page with the field */
    assert_true(has(data, len, "/Alt <456D626C656D>")); /* Emblem */
    assert_int_equal(count(data, len, "/Lang"), 1);
    free(data);
    sy_diags_free(d);
}

static void untagged_documents_and_bad_calls(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = sy_pdf_new(d);
    size_t id = 99;
    /* untagged: every call is a no-op */
    assert_int_equal(sy_pdf_tag_add(pdf, 1, "P", NULL, &id, d), SY_OK);
    assert_int_equal(id, 0);
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, 5, d), SY_OK);
    size_t root;
    assert_int_equal(sy_pdf_tags_enable(pdf, "km", &root, d), SY_ERR_USAGE); /* after a page */
    size_t len;
    char *data = finish(pdf, &len, d);
    assert_false(has(data, len, "StructTreeRoot"));
    assert_false(has(data, len, "/StructParents"));
    free(data);
    sy_diags_clear(d);

    pdf = sy_pdf_new(d);
    assert_int_equal(sy_pdf_tags_enable(pdf, "k m", &root, d), SY_ERR_USAGE);
    assert_int_equal(sy_pdf_tags_enable(pdf, "km", &root, d), SY_OK);
    size_t again;
    assert_int_equal(sy_pdf_tags_enable(pdf, "km", &again, d), SY_ERR_USAGE);
    assert_int_equal(sy_pdf_tag_add(pdf, 7, "P", NULL, &id, d), SY_ERR_USAGE);
    assert_int_equal(sy_pdf_tag_add(pdf, root, "P Q", NULL, &id, d), SY_ERR_USAGE);
    assert_int_equal(sy_pdf_tag_add(pdf, root, "P", "e n", &id, d), SY_ERR_USAGE);
    assert_int_equal(sy_pdf_mark(pdf, 1, d), SY_ERR_USAGE); /* no page yet */
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    assert_int_equal(sy_pdf_mark(pdf, 42, d), SY_ERR_USAGE);
    sy_diags_clear(d); /* a status is the first error of d */
    assert_int_equal(sy_pdf_tag_set_alt(pdf, root, "\xff", d), SY_ERR_DATA);
    sy_pdf_free(pdf);
    sy_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(mcids_number_each_page_and_the_parent_tree_follows),
        cmocka_unit_test(a_form_refers_to_its_widget),
        cmocka_unit_test(untagged_documents_and_bad_calls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
