/* Unit tests of the trust features of lib/pdf (trust.c, extract.c):
 * metadata, bookmarks, page labels, attachments read back, signature
 * fields, the document ID, and the extractor (through qpdf) on name trees,
 * filters, unsafe text and broken input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdf.h"
#include "pdf_bytes.h"

static const char khmer_title[] = "អនុស្សរណៈ / MOU";
static const char khmer_name[] = "កិច្ចព្រមព្រៀង.yaml";

/* A document of `pages` A4 pages with a rule on each. */
static sy_pdf *new_doc(size_t pages, sy_diags *d)
{
    sy_pdf *pdf = sy_pdf_new(d);
    assert_non_null(pdf);
    for (size_t i = 0; i < pages; i++) {
        assert_int_equal(sy_pdf_add_page(pdf, 595.276, 841.89, d), SY_OK);
        assert_int_equal(sy_pdf_stroke(pdf, 70, 700, 525, 700, 1, d), SY_OK);
    }
    return pdf;
}

/* "<FEFF...>" of UTF-8 s, as libharu writes a hex string. */
static void utf16_hex(const char *s, char *out)
{
    out += sprintf(out, "<FEFF");
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned c;
        if (*p < 0x80)
            c = *p++;
        else if (*p < 0xE0) {
            c = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
            p += 2;
        } else {
            c = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
            p += 3;
        }
        out += sprintf(out, "%04X", c);
    }
    sprintf(out, ">");
}

static void has_error(sy_diags *d, sy_status want, sy_status got, const char *text)
{
    assert_int_equal(got, want);
    assert_true(sy_diags_errors(d) > 0);
    int found = 0;
    for (size_t i = 0; i < sy_diags_count(d); i++)
        if (strstr(sy_diags_get(d, i)->message, text))
            found = 1;
    if (!found)
        fail_msg("no error mentions '%s' (first: %s)", text, sy_diags_get(d, 0)->message);
    sy_diags_clear(d);
}

static void info_is_written_as_text_strings_and_xmp(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = new_doc(1, d);
    sy_pdf_info info = {khmer_title, "A & B <c>", "MOU", "Ministry", "sanya 1.0", "2025-06-12"};
    assert_int_equal(sy_pdf_set_info(pdf, &info, d), SY_OK);
    size_t len;
    char *data = finish(pdf, &len, d);
    char hex[512];
    utf16_hex(khmer_title, hex);
    char want[600];
    snprintf(want, sizeof want, "/Title %s", hex);
    assert_true(has(data, len, want));
    assert_true(has(data, len, "/Keywords <4D4F55>")); /* ASCII stays bytes */
    assert_true(has(data, len, "/Producer (sanya)"));
    assert_true(has(data, len, "/CreationDate <443A3230323530363132>")); /* D:20250612 */
    assert_true(has(data, len, "/ModDate <443A3230323530363132>"));
    /* XMP: uncompressed, escaped, the same values. */
    assert_true(has(data, len, "/Subtype /XML"));
    assert_true(has(data, len, "/Metadata "));
    assert_true(has(data, len, khmer_title));
    assert_true(has(data, len, "<rdf:li xml:lang=\"x-default\">A &amp; B &lt;c&gt;</rdf:li>"));
    assert_true(has(data, len, "<pdf:Producer>sanya</pdf:Producer>"));
    assert_true(has(data, len, "<xmp:CreatorTool>sanya 1.0</xmp:CreatorTool>"));
    assert_true(has(data, len, "<xmp:CreateDate>2025-06-12</xmp:CreateDate>"));
    assert_true(has(data, len, "<dc:creator><rdf:Seq><rdf:li>Ministry</rdf:li>"));
    free(data);

    /* A time in UTC; bad dates and bad text are data errors. */
    pdf = new_doc(1, d);
    sy_pdf_info timed = {"T", NULL, NULL, NULL, NULL, "2025-06-12T08:30:00Z"};
    assert_int_equal(sy_pdf_set_info(pdf, &timed, d), SY_OK);
    sy_pdf_info bad_date = {"T", NULL, NULL, NULL, NULL, "12/06/2025"};
    has_error(d, SY_ERR_DATA, sy_pdf_set_info(pdf, &bad_date, d), "creation date");
    sy_pdf_info bad_text = {"\xE1\x9E", NULL, NULL, NULL, NULL, NULL};
    has_error(d, SY_ERR_DATA, sy_pdf_set_info(pdf, &bad_text, d), "invalid UTF-8");
    sy_pdf_info control = {"a\nb", NULL, NULL, NULL, NULL, NULL};
    has_error(d, SY_ERR_DATA, sy_pdf_set_info(pdf, &control, d), "control character");
    data = finish(pdf, &len, d);
    assert_true(has(data, len, "/Title <54>")); /* the good call stays */
    assert_true(has(data, len, "<xmp:CreateDate>2025-06-12T08:30:00Z</xmp:CreateDate>"));
    free(data);
    sy_diags_free(d);
}

static void bookmarks_make_an_outline(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = new_doc(2, d);
    const char *t1 = "មាត្រា ១៖ គោលបំណង / Article 1: Purpose";
    assert_int_equal(sy_pdf_add_bookmark(pdf, 0, 700, t1, d), SY_OK);
    assert_int_equal(sy_pdf_add_bookmark(pdf, 1, 512.5, "Article 2", d), SY_OK);
    assert_int_equal(sy_pdf_add_bookmark(pdf, 1, 300, "Article 3", d), SY_OK);
    size_t len;
    char *data = finish(pdf, &len, d);
    assert_true(has(data, len, "/Type /Outlines"));
    assert_true(has(data, len, "/Count 3"));
    assert_int_equal(count(data, len, "/Dest ["), 3);
    assert_int_equal(count(data, len, "/XYZ null 512.5 null"), 1);
    char hex[512];
    utf16_hex(t1, hex);
    assert_true(has(data, len, hex));
    assert_true(has(data, len, "/Outlines "));
    free(data);

    /* A bookmark to a page that never came is an error at finish. */
    pdf = new_doc(1, d);
    assert_int_equal(sy_pdf_add_bookmark(pdf, 3, 700, "Article 9", d), SY_OK);
    char *out = NULL;
    has_error(d, SY_ERR_USAGE, sy_pdf_finish(pdf, &out, &len, d), "page 4 does not exist");
    assert_null(out);
    /* Nothing can be added once finished. */
    has_error(d, SY_ERR_USAGE, sy_pdf_add_bookmark(pdf, 0, 1, "late", d), "finished");
    sy_pdf_free(pdf);
    sy_diags_free(d);
}

static void page_labels_number_the_pages(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = new_doc(4, d);
    assert_int_equal(sy_pdf_add_page_label(pdf, 1, NULL, SY_PDF_LABEL_DECIMAL, 1, d), SY_OK);
    assert_int_equal(sy_pdf_add_page_label(pdf, 0, "cover", SY_PDF_LABEL_NONE, 1, d), SY_OK);
    assert_int_equal(sy_pdf_add_page_label(pdf, 3, "A-", SY_PDF_LABEL_ROMAN_LOWER, 2, d), SY_OK);
    has_error(d, SY_ERR_USAGE, sy_pdf_add_page_label(pdf, 1, NULL, SY_PDF_LABEL_DECIMAL, 1, d),
              "two label ranges");
    has_error(d, SY_ERR_USAGE, sy_pdf_add_page_label(pdf, 2, NULL, 7, 1, d), "unknown style");
    has_error(d, SY_ERR_USAGE, sy_pdf_add_page_label(pdf, 2, NULL, SY_PDF_LABEL_DECIMAL, 0, d),
              "start at 1");
    size_t len;
    char *data = finish(pdf, &len, d);
    /* Sorted by page: cover (prefix only), 1.., A-ii.. */
    assert_true(has(data, len, "/PageLabels"));
    assert_true(has(data, len,
                    "/Nums [ 0 <<\n/P <636F766572>\n>> 1 <<\n/S /D\n>> 3 <<\n/S /r\n/P <412D>\n/St "
                    "2\n>> ]"));
    free(data);
    sy_diags_free(d);
}

static void attachments_round_trip(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = new_doc(1, d);
    unsigned char bin[3000];
    for (size_t i = 0; i < sizeof bin; i++)
        bin[i] = (unsigned char)(i * 7 + (i >> 8));
    const char yaml[] = "title: សន្យា\nparties: [a, b]\n";
    assert_int_equal(sy_pdf_attach_file(pdf, khmer_name, yaml, strlen(yaml), "application/yaml",
                                        "ទិន្នន័យ / data", d),
                     SY_OK);
    assert_int_equal(sy_pdf_attach_file(pdf, "z.bin", bin, sizeof bin, NULL, NULL, d), SY_OK);
    assert_int_equal(sy_pdf_attach_file(pdf, "empty.txt", "", 0, "text/plain", NULL, d), SY_OK);
    has_error(d, SY_ERR_USAGE, sy_pdf_attach_file(pdf, "z.bin", "x", 1, NULL, NULL, d),
              "attached twice");
    has_error(d, SY_ERR_USAGE, sy_pdf_attach_file(pdf, "../x", "x", 1, NULL, NULL, d),
              "plain file name");
    has_error(d, SY_ERR_USAGE, sy_pdf_attach_file(pdf, "..", "x", 1, NULL, NULL, d),
              "plain file name");
    size_t len;
    char *data = finish(pdf, &len, d);
    assert_true(has(data, len, "/AFRelationship /Source"));
    assert_true(has(data, len, "/Type /EmbeddedFile"));
    assert_true(has(data, len, "/Subtype /application#2Fyaml"));
    assert_true(has(data, len, "/Size 3000"));

    sy_pdf_attachment *a = NULL;
    size_t n = 0;
    assert_int_equal(sy_pdf_extract_attachments(data, len, &a, &n, d), SY_OK);
    assert_int_equal(n, 3);
    /* Name-tree order: by the encoded name (ASCII before UTF-16). */
    assert_string_equal(a[0].name, "empty.txt");
    assert_int_equal(a[0].len, 0);
    assert_string_equal(a[0].mime, "text/plain");
    assert_string_equal(a[1].name, "z.bin");
    assert_int_equal(a[1].len, sizeof bin);
    assert_memory_equal(a[1].data, bin, sizeof bin);
    assert_null(a[1].mime);
    assert_null(a[1].description);
    assert_string_equal(a[2].name, khmer_name);
    assert_int_equal(a[2].len, strlen(yaml));
    assert_memory_equal(a[2].data, yaml, strlen(yaml));
    assert_string_equal(a[2].mime, "application/yaml");
    assert_string_equal(a[2].description, "ទិន្នន័យ / data");
    sy_pdf_attachments_free(a, n);

    /* An incremental update that redefines the catalog without /Names:
     * the newest definition wins, so there is nothing to extract. Its
     * trailer's /Size is too small, which is read anyway, with a warning. */
    const char *sx = NULL;
    for (size_t i = len - 9; i-- > 0;)
        if (!memcmp(data + i, "startxref", 9)) {
            sx = data + i;
            break;
        }
    assert_non_null(sx);
    long prev = strtol(sx + 9, NULL, 10);
    char *upd = malloc(len + 512);
    memcpy(upd, data, len);
    size_t at = len, obj = len + 1;
    at += (size_t)sprintf(upd + at, "\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    size_t xref = at;
    at += (size_t)sprintf(upd + at,
                          "xref\n0 1\n0000000000 65535 f \n1 1\n%010zu 00000 n \ntrailer\n"
                          "<< /Size 2 /Root 1 0 R /Prev %ld >>\nstartxref\n%zu\n%%%%EOF\n",
                          obj, prev, xref);
    assert_int_equal(sy_pdf_extract_attachments(upd, at, &a, &n, d), SY_OK);
    assert_int_equal(n, 0);
    assert_int_equal(sy_diags_errors(d), 0);
    assert_true(sy_diags_count(d) > 0);
    assert_int_equal(sy_diags_get(d, 0)->severity, SY_SEV_WARNING);
    sy_diags_clear(d);
    /* A PDF without attachments gives none. */
    free(upd);
    free(data);
    pdf = new_doc(1, d);
    data = finish(pdf, &len, d);
    assert_int_equal(sy_pdf_extract_attachments(data, len, &a, &n, d), SY_OK);
    assert_int_equal(n, 0);
    assert_null(a);
    free(data);
    sy_diags_free(d);
}

static void signature_fields_are_widgets_in_the_acroform(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = new_doc(2, d);
    assert_int_equal(sy_pdf_add_signature_field(pdf, 1, 70, 100, 270, 160, "sig-aple", d), SY_OK);
    assert_int_equal(sy_pdf_add_signature_field(pdf, 1, 325, 100, 525.5, 160, "sig-moi", d), SY_OK);
    has_error(d, SY_ERR_USAGE, sy_pdf_add_signature_field(pdf, 0, 1, 1, 9, 9, "sig-moi", d),
              "already used");
    has_error(d, SY_ERR_USAGE, sy_pdf_add_signature_field(pdf, 0, 1, 1, 9, 9, "a.b", d),
              "printable ASCII");
    has_error(d, SY_ERR_USAGE, sy_pdf_add_signature_field(pdf, 0, 9, 1, 1, 9, "x", d),
              "empty rectangle");
    size_t len;
    char *data = finish(pdf, &len, d);
    assert_int_equal(count(data, len, "/FT /Sig"), 2);
    assert_int_equal(count(data, len, "/Subtype /Widget"), 2);
    assert_int_equal(count(data, len, "/F 4\n"), 2);
    assert_true(has(data, len, "/T <7369672D61706C65>")); /* sig-aple */
    assert_true(has(data, len, "/T <7369672D6D6F69>")); /* sig-moi */
    assert_true(has(data, len, "/Rect [ 325 100 525.5 160 ]"));
    assert_true(has(data, len, "/SigFlags 3"));
    assert_true(has(data, len, "/AcroForm"));
    assert_int_equal(count(data, len, "/Annots ["), 1); /* one page holds both */
    assert_int_equal(count(data, len, "/Subtype /Form"), 2);
    assert_true(has(data, len, "/BBox [ 0 0 200.5 60 ]"));
    free(data);
    sy_diags_free(d);
}

static char *id_doc(size_t *len, const char *input, sy_diags *d)
{
    sy_pdf *pdf = new_doc(1, d);
    const void *parts[2] = {input, "roster"};
    size_t lens[2] = {strlen(input), 6};
    unsigned char id[16];
    sy_pdf_hash_inputs(parts, lens, 2, id);
    assert_int_equal(sy_pdf_set_id(pdf, id, d), SY_OK);
    sy_pdf_info info = {"T", NULL, NULL, NULL, NULL, "2025-01-01"};
    assert_int_equal(sy_pdf_set_info(pdf, &info, d), SY_OK);
    assert_int_equal(sy_pdf_add_signature_field(pdf, 0, 1, 1, 9, 9, "s", d), SY_OK);
    assert_int_equal(sy_pdf_attach_file(pdf, "in.yaml", input, strlen(input), NULL, NULL, d),
                     SY_OK);
    return finish(pdf, len, d);
}

static void id_is_derived_from_the_inputs_and_deterministic(void **state)
{
    (void)state;
    unsigned char h[16];
    const void *p1[1] = {"abc"};
    size_t l1[1] = {3};
    sy_pdf_hash_inputs(p1, l1, 1, h);
    /* MD5 of 00 00 00 00 00 00 00 03 'a' 'b' 'c'. */
    static const unsigned char want[16] = {0x28, 0xf2, 0xa0, 0x63, 0x51, 0x90, 0x0a, 0x40,
                                           0x27, 0x69, 0xc4, 0x53, 0xa5, 0xb8, 0xb0, 0x51};
    assert_memory_equal(h, want, 16);
    sy_pdf_hash_inputs(NULL, NULL, 0, h); /* MD5 of nothing */
    static const unsigned char empty[16] = {0xd4, 0x1d, 0x8c, 0xd9, 0x8f, 0x00, 0xb2, 0x04,
                                            0xe9, 0x80, 0x09, 0x98, 0xec, 0xf8, 0x42, 0x7e};
    assert_memory_equal(h, empty, 16);
    unsigned char a[16], b[16];
    const void *pa[2] = {"ab", "c"}, *pb[2] = {"a", "bc"};
    size_t la[2] = {2, 1}, lb[2] = {1, 2};
    sy_pdf_hash_inputs(pa, la, 2, a);
    sy_pdf_hash_inputs(pb, lb, 2, b);
    assert_memory_not_equal(a, b, 16);

    sy_diags *d = sy_diags_new();
    size_t len1, len2, len3;
    char *x = id_doc(&len1, "data: 1\n", d), *y = id_doc(&len2, "data: 1\n", d);
    char *z = id_doc(&len3, "data: 2\n", d);
    assert_int_equal(len1, len2);
    assert_memory_equal(x, y, len1);
    assert_true(has(x, len1, "/ID ["));
    assert_false(len1 == len3 && !memcmp(x, z, len1));
    /* The ID is the same digest twice, in the trailer. */
    const char *tr = find(x, len1, "trailer");
    assert_non_null(tr);
    const char *idp = find(tr, len1 - (size_t)(tr - x), "/ID [ <");
    assert_non_null(idp);
    assert_int_equal(memcmp(idp + 7, idp + 7 + 35, 32), 0);
    free(x);
    free(y);
    free(z);
    sy_diags_free(d);
}

/* The first error's message (there must be one). */
static const char *first_error(const sy_diags *d)
{
    for (size_t i = 0; i < sy_diags_count(d); i++)
        if (sy_diags_get(d, i)->severity == SY_SEV_ERROR)
            return sy_diags_get(d, i)->message;
    fail_msg("no error recorded");
    return "";
}

/* A PDF of the given objects (numbered from 1; object 1 is the catalog)
 * with a classic cross-reference table; malloc'd, *len its size. */
static char *make_pdf(const char *const *objs, size_t n, size_t *len)
{
    size_t cap = 1024 + 64 * n;
    for (size_t i = 0; i < n; i++)
        cap += strlen(objs[i]);
    char *s = malloc(cap);
    size_t *at = malloc(n * sizeof *at);
    assert_non_null(s);
    assert_non_null(at);
    size_t k = (size_t)snprintf(s, cap, "%%PDF-1.7\n");
    for (size_t i = 0; i < n; i++) {
        at[i] = k;
        k += (size_t)snprintf(s + k, cap - k, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    size_t xref = k;
    k += (size_t)snprintf(s + k, cap - k, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
    for (size_t i = 0; i < n; i++)
        k += (size_t)snprintf(s + k, cap - k, "%010zu 00000 n \n", at[i]);
    k += (size_t)snprintf(s + k, cap - k,
                          "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", n + 1,
                          xref);
    assert_true(k < cap);
    free(at);
    *len = k;
    return s;
}

#define CATALOG "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>"
#define PAGES "<< /Type /Pages /Kids [] /Count 0 >>"

/* Reads a made PDF: object 3 is the name tree `tree`, 4 a file
 * specification with the `names` entries (/F, /UF), 5 is `stream`. */
static sy_status extract_made(const char *tree, const char *names, const char *stream,
                              sy_pdf_attachment **a, size_t *n, sy_diags *d)
{
    char spec[256];
    snprintf(spec, sizeof spec, "<< /Type /Filespec %s /EF << /F 5 0 R >> >>", names);
    const char *objs[] = {CATALOG, PAGES, tree, spec, stream};
    size_t len;
    char *pdf = make_pdf(objs, 5, &len);
    sy_status st = sy_pdf_extract_attachments(pdf, len, a, n, d);
    free(pdf);
    return st;
}

/* What other tools write: a name tree with /Kids, several filters, a
 * UTF-16 name with a surrogate pair. */
static void extractor_reads_name_trees_and_filters(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf_attachment *a = NULL;
    size_t n = 0;
    const char *objs[] = {
        CATALOG,
        PAGES,
        "<< /Kids [6 0 R 7 0 R] >>",
        "<< /Type /Filespec /F (a.txt) /EF << /F 5 0 R >> /Desc (first) >>",
        "<< /Length 11 /Filter /ASCIIHexDecode /Type /EmbeddedFile >>\nstream\n68656C6C6F>\n"
        "endstream",
        "<< /Limits [(a.txt) (a.txt)] /Names [(a.txt) 4 0 R] >>",
        "<< /Kids [8 0 R] >>",
        "<< /Limits [(b) (b)] /Names [(b) 9 0 R] >>",
        /* U+1F4C4 (a surrogate pair) and ".txt" */
        "<< /Type /Filespec /F (b) /UF <FEFFD83DDCC4002E007400780074> /EF << /F 10 0 R >> >>",
        /* "aaaaaa" run-length encoded (FB 61 80), then in ASCII85 */
        "<< /Length 6 /Filter [/ASCII85Decode /RunLengthDecode] /Params << /Size 6 >> "
        "/Subtype /text#2Fplain >>\nstream\nqdG!~>\nendstream",
    };
    size_t len;
    char *pdf = make_pdf(objs, sizeof objs / sizeof *objs, &len);
    assert_int_equal(sy_pdf_extract_attachments(pdf, len, &a, &n, d), SY_OK);
    assert_int_equal(sy_diags_count(d), 0);
    assert_int_equal(n, 2);
    assert_string_equal(a[0].name, "a.txt");
    assert_int_equal(a[0].len, 5);
    assert_memory_equal(a[0].data, "hello", 5);
    assert_string_equal(a[0].description, "first");
    assert_null(a[0].mime);
    assert_string_equal(a[1].name, "\xF0\x9F\x93\x84.txt");
    assert_string_equal(a[1].mime, "text/plain");
    assert_int_equal(a[1].len, 6);
    assert_memory_equal(a[1].data, "aaaaaa", 6);
    sy_pdf_attachments_free(a, n);
    free(pdf);
    sy_diags_free(d);
}

/* Names that would be unsafe or ambiguous as file names, filters that give
 * no file bytes, trees that never end: errors, and nothing returned. */
static void extractor_refuses_bad_names_filters_and_trees(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf_attachment *a = NULL;
    size_t n = 0;
    const char *leaf = "<< /Names [(x) 4 0 R] >>";
    const char *plain = "<< /Length 2 >>\nstream\nhi\nendstream";
    /* The same file read fine, as the baseline. */
    assert_int_equal(extract_made(leaf, "/F (x) /UF (ok.txt)", plain, &a, &n, d), SY_OK);
    assert_int_equal(n, 1);
    assert_string_equal(a[0].name, "ok.txt");
    sy_pdf_attachments_free(a, n);
    static const struct {
        const char *tree, *names, *stream;
        sy_status want;
        const char *text;
    } bad[] = {
        {NULL, "/UF <FEFFD800002E>", NULL, SY_ERR_DATA, "broken UTF-16"}, /* lone surrogate */
        {NULL, "/UF <FEFFDC00>", NULL, SY_ERR_DATA, "broken UTF-16"},
        {NULL, "/UF <FEFF0061000000620063>", NULL, SY_ERR_DATA, "NUL"}, /* "a\0bc" */
        {NULL, "/UF <FEFF00>", NULL, SY_ERR_DATA, "broken UTF-16"}, /* odd length */
        {NULL, "/F (a\\000b)", NULL, SY_ERR_DATA, "NUL"},
        {NULL, "/F <EFBBBFC0AF>", NULL, SY_ERR_DATA, "invalid UTF-8"}, /* overlong '/' */
        {NULL, "/UF 7 /F /x", NULL, SY_ERR_DATA, "without a file name"},
        {NULL, NULL, "<< /Length 2 /Filter /DCTDecode >>\nstream\nhi\nendstream", SY_ERR_DATA,
         "cannot decode"},
        {NULL, NULL, "<< /Length 2 /Filter /FlateDecode >>\nstream\nhi\nendstream", SY_ERR_DATA,
         "damaged data"},
        {NULL, NULL, "<< /Length 2 /Params << /Size 3 >> >>\nstream\nhi\nendstream", SY_ERR_DATA,
         "/Params /Size"},
        {NULL, NULL, "<< /Length 2 >>", SY_ERR_DATA, "without an embedded file stream"},
        {"<< /Kids [3 0 R] >>", NULL, NULL, SY_ERR_LIMIT, "more than"}, /* a /Kids cycle */
        {"<< /Kids [7] >>", NULL, NULL, SY_ERR_DATA, "not a dictionary"},
        {"<< /Names 4 >>", NULL, NULL, SY_ERR_DATA, "not an array"},
        {"<< /Names [(x) 5 0 R] >>", NULL, NULL, SY_ERR_DATA, "not a file specification"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sy_status st = extract_made(bad[i].tree ? bad[i].tree : leaf,
                                    bad[i].names ? bad[i].names : "/F (ok.txt)",
                                    bad[i].stream ? bad[i].stream : plain, &a, &n, d);
        if (st != bad[i].want)
            fail_msg("case %zu: status %d", i, st);
        if (!strstr(first_error(d), bad[i].text))
            fail_msg("case %zu: '%s'", i, first_error(d));
        assert_null(a);
        assert_int_equal(n, 0);
        sy_diags_clear(d);
    }
    sy_diags_free(d);
}

/* The extractor on broken input: an error saying what is wrong (and where,
 * when qpdf knows), never a crash or a read outside the buffer (the ASan
 * build checks the latter). */
static void extractor_rejects_malformed_pdfs(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf_attachment *a = NULL;
    size_t n = 0;
    static const char *const bad[] = {
        "",
        "hello",
        "%PDF-1.7\n",
        "%PDF-1.7\nstartxref\n999999\n%%EOF\n",
        "%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n9\n%%EOF",
        "%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R /Prev 9 >>\n"
        "startxref\n9\n%%EOF",
        "%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF",
        "%PDF-1.7\nxref\n0 2\n0000000000 65535 f \n0000000090 00000 n \ntrailer\n<< /Root 1 0 R "
        ">>\nstartxref\n9\n%%EOF",
        "%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root [[[[ >>\nstartxref\n9\n%%EOF",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sy_status st = sy_pdf_extract_attachments(bad[i], strlen(bad[i]), &a, &n, d);
        if (st != SY_ERR_DATA)
            fail_msg("case %zu: status %d", i, st);
        assert_null(a);
        assert_int_equal(n, 0);
        const char *msg = first_error(d);
        assert_true(!strncmp(msg, "PDF: malformed file", 19) ||
                    !strncmp(msg, "PDF: not a PDF", 14));
        sy_diags_clear(d);
    }

    /* Every truncation and many single-byte changes of a real file. */
    sy_pdf *pdf = new_doc(1, d);
    assert_int_equal(sy_pdf_attach_file(pdf, "a.txt", "hello hello hello", 17, NULL, NULL, d),
                     SY_OK);
    size_t len;
    char *data = finish(pdf, &len, d);
    assert_int_equal(sy_pdf_extract_attachments(data, len, &a, &n, d), SY_OK);
    assert_int_equal(n, 1);
    sy_pdf_attachments_free(a, n);
    for (size_t cut = 0; cut < len - 8; cut += 7) {
        char *copy = malloc(cut ? cut : 1);
        memcpy(copy, data, cut);
        assert_int_equal(sy_pdf_extract_attachments(copy, cut, &a, &n, d), SY_ERR_DATA);
        sy_diags_clear(d);
        free(copy);
    }
    size_t ok = 0, errors = 0;
    char *copy = malloc(len);
    for (size_t at = 0; at < len; at += 3) {
        memcpy(copy, data, len);
        copy[at] = (char)(copy[at] ^ 0x5A);
        sy_status st = sy_pdf_extract_attachments(copy, len, &a, &n, d);
        if (st == SY_OK) {
            ok++;
            sy_pdf_attachments_free(a, n);
        } else {
            assert_int_equal(st, SY_ERR_DATA);
            errors++;
        }
        sy_diags_clear(d);
    }
    assert_true(errors > 0);
    assert_true(ok > 0); /* bytes of page content do not matter */
    free(copy);
    free(data);
    sy_diags_free(d);
}

/* A made-up RGB ICC v2 header (the profile is not parsed beyond it). */
static void fake_icc(unsigned char *p, size_t len)
{
    memset(p, 0, len);
    p[0] = (unsigned char)(len >> 24);
    p[1] = (unsigned char)(len >> 16);
    p[2] = (unsigned char)(len >> 8);
    p[3] = (unsigned char)len;
    p[8] = 2;
    memcpy(p + 12, "mntr", 4);
    memcpy(p + 16, "RGB ", 4);
    memcpy(p + 36, "acsp", 4);
}

static void pdfa_adds_output_intent_identification_and_dates(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    unsigned char icc[200];
    fake_icc(icc, sizeof icc);
    sy_pdf *pdf = new_doc(1, d);
    has_error(d, SY_ERR_DATA, sy_pdf_set_pdfa(pdf, icc, sizeof icc - 1, d), "not an RGB ICC");
    icc[16] = 'C'; /* "CGB " */
    has_error(d, SY_ERR_DATA, sy_pdf_set_pdfa(pdf, icc, sizeof icc, d), "not an RGB ICC");
    fake_icc(icc, sizeof icc);
    assert_int_equal(sy_pdf_set_pdfa(pdf, icc, sizeof icc, d), SY_OK);
    sy_pdf_info info = {"A & B", NULL, NULL, NULL, "sanya", "2025-06-12"};
    assert_int_equal(sy_pdf_set_info(pdf, &info, d), SY_OK);
    assert_int_equal(sy_pdf_attach_file(pdf, "a.yaml", "x: 1\n", 5, "application/yaml", NULL, d),
                     SY_OK);
    size_t len;
    char *data = finish(pdf, &len, d);
    assert_true(has(data, len, "/S /GTS_PDFA1"));
    assert_true(has(data, len, "/OutputIntents "));
    assert_true(has(data, len, "/DestOutputProfile "));
    assert_true(has(data, len, "/N 3"));
    assert_true(has(data, len, "<pdfaid:part>3</pdfaid:part>"));
    assert_true(has(data, len, "<pdfaid:conformance>B</pdfaid:conformance>"));
    /* The same instant and zone in Info (hex string) and XMP. */
    char hex[128] = "/CreationDate <", *h = hex + strlen(hex);
    for (const char *c = "D:20250612000000+00'00'"; *c; c++, h += 2)
        snprintf(h, 3, "%02X", (unsigned char)*c);
    strcpy(h, ">");
    assert_true(has(data, len, hex));
    assert_true(has(data, len, "<xmp:CreateDate>2025-06-12T00:00:00+00:00</xmp:CreateDate>"));
    assert_true(has(data, len, "/ModDate "));
    assert_int_equal(count(data, len, "/ModDate "), 2); /* Info's and the attachment's */
    free(data);

    /* PDF/A without sy_pdf_set_info still has its XMP packet. */
    pdf = new_doc(1, d);
    assert_int_equal(sy_pdf_set_pdfa(pdf, icc, sizeof icc, d), SY_OK);
    data = finish(pdf, &len, d);
    assert_true(has(data, len, "/Metadata "));
    assert_true(has(data, len, "<pdfaid:part>3</pdfaid:part>"));
    free(data);
    sy_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(info_is_written_as_text_strings_and_xmp),
        cmocka_unit_test(bookmarks_make_an_outline),
        cmocka_unit_test(page_labels_number_the_pages),
        cmocka_unit_test(attachments_round_trip),
        cmocka_unit_test(signature_fields_are_widgets_in_the_acroform),
        cmocka_unit_test(id_is_derived_from_the_inputs_and_deterministic),
        cmocka_unit_test(extractor_reads_name_trees_and_filters),
        cmocka_unit_test(extractor_refuses_bad_names_filters_and_trees),
        cmocka_unit_test(extractor_rejects_malformed_pdfs),
        cmocka_unit_test(pdfa_adds_output_intent_identification_and_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
