/* The limits of lib/core/limits.h (docs/limits.md), each at its value and
 * one past it: at the limit the work is done, past it the error names the
 * limit. Inputs are generated here. Template limits are in test_tpl.c
 * (*_at_the_limit), command-line ones in tests/e2e/test-limits.sh. */
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
#include "core/limits.h"
#include "data/data.h"
#include "data/yaml.h"
#include "doc/doc.h"
#include "pdf/pdf.h"
#include "render/render.h"
#include "style/style.h"
#include "tpl/tpl.h"
#include "fixtures.h"

/* The formatted diagnostics of d, one a line (caller frees). */
static char *messages(const sy_diags *d)
{
    sy_buf b = SY_BUF_INIT;
    char line[1024];
    for (size_t i = 0; i < sy_diags_count(d); i++) {
        sy_diag_format(sy_diags_get(d, i), line, sizeof line);
        sy_buf_puts(&b, line);
        sy_buf_putc(&b, '\n');
    }
    sy_buf_putc(&b, 0);
    return b.data;
}

static void expect_limit(const sy_diags *d, const char *want)
{
    char *got = messages(d);
    assert_int_equal(sy_diags_status(d), SY_ERR_LIMIT);
    if (!strstr(got, want))
        fail_msg("expected \"%s\" in:\n%s", want, got);
    free(got);
}

/* ---- YAML (lib/data/yaml.c) ---- */

static sy_yn *parse(sy_buf *b, sy_diags *d)
{
    return sy_yn_parse("t.yaml", b->data, b->len, d);
}

static void yaml_depth(void **state)
{
    (void)state;
    for (int n = SY_LIMIT_YAML_DEPTH; n <= SY_LIMIT_YAML_DEPTH + 1; n++) {
        sy_diags *d = sy_diags_new();
        sy_buf b = SY_BUF_INIT;
        for (int i = 0; i < n; i++)
            sy_buf_putc(&b, '[');
        for (int i = 0; i < n; i++)
            sy_buf_putc(&b, ']');
        sy_yn *y = parse(&b, d);
        if (n == SY_LIMIT_YAML_DEPTH)
            assert_non_null(y);
        else {
            assert_null(y);
            expect_limit(d, "YAML nesting is deeper than 64 levels");
        }
        sy_yn_free(y);
        sy_buf_free(&b);
        sy_diags_free(d);
    }
}

static void yaml_aliases(void **state)
{
    (void)state;
    for (int n = SY_LIMIT_YAML_ALIASES; n <= SY_LIMIT_YAML_ALIASES + 1; n++) {
        sy_diags *d = sy_diags_new();
        sy_buf b = SY_BUF_INIT;
        sy_buf_puts(&b, "a: &x 1\nb: [");
        for (int i = 0; i < n; i++)
            sy_buf_puts(&b, i ? ", *x" : "*x");
        sy_buf_puts(&b, "]\n");
        sy_yn *y = parse(&b, d);
        if (n == SY_LIMIT_YAML_ALIASES)
            assert_non_null(y);
        else {
            assert_null(y);
            expect_limit(d, "more than 1000 YAML aliases");
        }
        sy_yn_free(y);
        sy_buf_free(&b);
        sy_diags_free(d);
    }
}

/* A sequence of n - 1 scalars is n nodes. */
static void yaml_nodes(void **state)
{
    (void)state;
    for (int n = SY_LIMIT_YAML_NODES; n <= SY_LIMIT_YAML_NODES + 1; n++) {
        sy_diags *d = sy_diags_new();
        sy_buf b = SY_BUF_INIT;
        sy_buf_putc(&b, '[');
        for (int i = 0; i < n - 1; i++)
            sy_buf_puts(&b, i ? ",1" : "1");
        sy_buf_puts(&b, "]\n");
        sy_yn *y = parse(&b, d);
        if (n == SY_LIMIT_YAML_NODES)
            assert_non_null(y);
        else {
            assert_null(y);
            expect_limit(d, "more than 100000 YAML nodes");
        }
        sy_yn_free(y);
        sy_buf_free(&b);
        sy_diags_free(d);
    }
}

/* ---- Lengths of agreement values (lib/data/schema.c) ---- */

/* An agreement whose id, English title and English preamble have the given
 * lengths (in ASCII bytes); its other problems do not matter here. */
static char *agreement_messages(size_t id, size_t title, size_t preamble)
{
    sy_buf b = SY_BUF_INIT;
    sy_buf_puts(&b, "id: ");
    for (size_t i = 0; i < id; i++)
        sy_buf_putc(&b, 'a');
    sy_buf_puts(&b, "\ntitle: {km: ក, en: ");
    for (size_t i = 0; i < title; i++)
        sy_buf_putc(&b, 't');
    sy_buf_puts(&b, "}\npreamble: {km: ក, en: ");
    for (size_t i = 0; i < preamble; i++)
        sy_buf_putc(&b, 'p');
    sy_buf_puts(&b, "}\n");
    sy_diags *d = sy_diags_new();
    sy_agreement *a = sy_agreement_load_buffer("a.yaml", b.data, b.len, NULL, d);
    sy_agreement_free(a);
    char *m = messages(d);
    sy_diags_free(d);
    sy_buf_free(&b);
    return m;
}

static void value_lengths(void **state)
{
    (void)state;
    char *m = agreement_messages(SY_LIMIT_ID_BYTES, SY_LIMIT_LINE_BYTES, SY_LIMIT_STRING_BYTES);
    assert_null(strstr(m, "an id is at most"));
    assert_null(strstr(m, "is at most 1000 bytes"));
    assert_null(strstr(m, "is at most 262144 bytes"));
    free(m);
    m = agreement_messages(SY_LIMIT_ID_BYTES + 1, SY_LIMIT_LINE_BYTES + 1,
                           SY_LIMIT_STRING_BYTES + 1);
    if (!strstr(m, "is 101 characters long; an id is at most 100") ||
        !strstr(m, "title.en: is 1001 bytes long; a title or a name is at most 1000 bytes") ||
        !strstr(m, "preamble.en: is 262145 bytes long; a text is at most 262144 bytes"))
        fail_msg("%s", m);
    free(m);
}

/* ---- Text (lib/text) ---- */

static void paragraph_bytes(void **state)
{
    fixture *fx = *state;
    size_t n = SY_LIMIT_PARAGRAPH_BYTES + 1;
    char *s = malloc(n);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 8 == 7 ? ' ' : 'a';
    sy_text_source src = {.file = "p", .line = 1};
    sy_diags_clear(fx->diags);
    sy_text_para *p = sy_text_para_new(fx->ctx, &fx->style, s, n - 1, src, fx->diags);
    assert_non_null(p);
    sy_text_para_free(p);
    p = sy_text_para_new(fx->ctx, &fx->style, s, n, src, fx->diags);
    assert_null(p);
    expect_limit(fx->diags, "paragraph of 1048577 bytes is longer than the limit of 1048576");
    free(s);
}

/* The caller's words count with the shipped list's. */
static void wordlist_entries(void **state)
{
    (void)state;
    for (int past = 0; past <= 1; past++) {
        sy_diags *d = sy_diags_new();
        sy_text_ctx *ctx = sy_text_ctx_new(d);
        assert_non_null(ctx);
        size_t n = SY_LIMIT_WORDLIST_ENTRIES - sy_text_ctx_word_count(ctx) + (size_t)past;
        sy_buf b = SY_BUF_INIT;
        for (size_t i = 0; i < n; i++)
            sy_buf_printf(&b, "w%zu\n", i);
        sy_status st = sy_text_ctx_add_words(ctx, "words", b.data, b.len, d);
        if (!past) {
            assert_int_equal(st, SY_OK);
            assert_int_equal(sy_text_ctx_word_count(ctx), SY_LIMIT_WORDLIST_ENTRIES);
        } else
            expect_limit(d, "too many words (limit 100000)");
        sy_buf_free(&b);
        sy_text_ctx_free(ctx);
        sy_diags_free(d);
    }
}

/* ---- PDF (lib/pdf) ---- */

static void pages(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = sy_pdf_new(d);
    assert_non_null(pdf);
    for (int i = 0; i < SY_LIMIT_PAGES; i++)
        assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_ERR_LIMIT);
    expect_limit(d, "more than 5000 pages");
    sy_pdf_free(pdf);
    sy_diags_free(d);
}

static void bookmarks_attachments_fields(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = sy_pdf_new(d);
    assert_non_null(pdf);
    assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
    char name[300];
    for (int i = 0; i < SY_LIMIT_PDF_BOOKMARKS; i++)
        assert_int_equal(sy_pdf_add_bookmark(pdf, 0, 700, "b", d), SY_OK);
    assert_int_equal(sy_pdf_add_bookmark(pdf, 0, 700, "b", d), SY_ERR_LIMIT);
    expect_limit(d, "more than 10000 bookmarks");
    sy_diags_clear(d);
    for (int i = 0; i < SY_LIMIT_PDF_ATTACHMENTS; i++) {
        snprintf(name, sizeof name, "f%d.yaml", i);
        assert_int_equal(sy_pdf_attach_file(pdf, name, "x", 1, NULL, NULL, d), SY_OK);
    }
    assert_int_equal(sy_pdf_attach_file(pdf, "last.yaml", "x", 1, NULL, NULL, d), SY_ERR_LIMIT);
    expect_limit(d, "more than 1000 attachments");
    sy_diags_clear(d);
    for (int i = 0; i < SY_LIMIT_PDF_SIGFIELDS; i++) {
        snprintf(name, sizeof name, "sig-%d", i);
        assert_int_equal(sy_pdf_add_signature_field(pdf, 0, 10, 10, 100, 40, name, d), SY_OK);
    }
    assert_int_equal(sy_pdf_add_signature_field(pdf, 0, 10, 10, 100, 40, "sig-last", d),
                     SY_ERR_LIMIT);
    expect_limit(d, "more than 1000 signature fields");
    sy_pdf_free(pdf);
    sy_diags_free(d);
}

static void attachment_name(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_pdf *pdf = sy_pdf_new(d);
    assert_non_null(pdf);
    char name[SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES + 2];
    memset(name, 'n', sizeof name - 1);
    name[SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES] = 0;
    assert_int_equal(sy_pdf_attach_file(pdf, name, "x", 1, NULL, NULL, d), SY_OK);
    name[SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES] = 'n';
    name[SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES + 1] = 0;
    assert_int_equal(sy_pdf_attach_file(pdf, name, "x", 1, NULL, NULL, d), SY_ERR_LIMIT);
    expect_limit(d, "PDF attachment name: 256 bytes, more than 255");
    sy_pdf_free(pdf);
    sy_diags_free(d);
}

/* ---- Templates (lib/tpl; the other template limits: test_tpl.c) ---- */

static char *tpl_messages(const sy_tpl_file *files, size_t n)
{
    sy_diags *d = sy_diags_new();
    sy_tpl *t = sy_tpl_load_memory("t", files, n, files[0].path, d);
    char *m = messages(d);
    assert_true((t != NULL) == (sy_diags_errors(d) == 0));
    sy_tpl_free(t);
    sy_diags_free(d);
    return m;
}

/* The entry and n - 1 clause files it includes. */
static void template_files(void **state)
{
    (void)state;
    enum { MAX = SY_LIMIT_TPL_FILES + 1 };
    static char names[MAX][24];
    sy_tpl_file files[MAX];
    for (int n = SY_LIMIT_TPL_FILES; n <= MAX; n++) {
        sy_buf main = SY_BUF_INIT;
        for (int i = 1; i < n; i++) {
            snprintf(names[i], sizeof names[i], "c%d.tpl", i);
            files[i] = (sy_tpl_file){names[i], "clause\n", 7};
            sy_buf_printf(&main, "{%% include \"c%d\" %%}\n", i);
        }
        sy_buf_putc(&main, 0);
        files[0] = (sy_tpl_file){"main.tpl", main.data, main.len - 1};
        char *m = tpl_messages(files, (size_t)n);
        if (n == SY_LIMIT_TPL_FILES)
            assert_string_equal(m, "");
        else
            assert_non_null(strstr(m, "the template has more than 256 files"));
        free(m);
        sy_buf_free(&main);
    }
}

static void template_file_bytes(void **state)
{
    (void)state;
    char *text = malloc(SY_LIMIT_TPL_FILE_BYTES + 1);
    assert_non_null(text);
    memset(text, '\n', SY_LIMIT_TPL_FILE_BYTES + 1);
    for (size_t n = SY_LIMIT_TPL_FILE_BYTES; n <= SY_LIMIT_TPL_FILE_BYTES + 1; n++) {
        sy_tpl_file f = {"main.tpl", text, n};
        char *m = tpl_messages(&f, 1);
        if (n == SY_LIMIT_TPL_FILE_BYTES)
            assert_string_equal(m, "");
        else
            assert_non_null(strstr(m, "'main.tpl' is larger than 1048576 bytes"));
        free(m);
    }
    free(text);
}

/* ---- Style sheets (lib/style) ---- */

static char *style_messages(const char *text)
{
    sy_diags *d = sy_diags_new();
    sy_style_sheet *s = sy_style_parse("style.yaml", text, strlen(text), d);
    char *m = messages(d);
    if (!sy_diags_count(d))
        assert_non_null(s);
    sy_style_free(s);
    sy_diags_free(d);
    return m;
}

static void style_lengths_and_names(void **state)
{
    (void)state;
    char *m = style_messages("roles:\n  body: {space-before: 100000pt}\n"
                             "  note: {space-after: 100em}\n");
    assert_string_equal(m, "");
    free(m);
    m = style_messages("roles:\n  body: {space-before: 100000.1pt}\n");
    assert_string_equal(m,
                        "style.yaml:2:24: roles.body.space-before: \"100000.1pt\" is too large\n");
    free(m);
    m = style_messages("roles:\n  body: {space-after: 100.5em}\n");
    assert_non_null(strstr(m, "\"100.5em\" is too large"));
    free(m);
    sy_buf b = SY_BUF_INIT;
    for (int past = 0; past <= 1; past++) {
        b.len = 0;
        sy_buf_puts(&b, "images:\n  seal: {height: 2cm, file: ");
        for (int i = 0; i < SY_LIMIT_STYLE_FILE_NAME_BYTES + past - 4; i++)
            sy_buf_putc(&b, 'n');
        sy_buf_puts(&b, ".png}\n");
        sy_buf_putc(&b, 0);
        m = style_messages(b.data);
        if (!past)
            assert_string_equal(m, "");
        else
            assert_non_null(strstr(m, "a file name in the template folder"));
        free(m);
    }
    sy_buf_free(&b);
}

/* ---- Typesetting (lib/render) ---- */

/* A document of `bytes` of text in paragraphs of at most 1 MiB. Newlines
 * are forced line breaks with nothing to typeset between them, so the
 * limit is reached without the memory it guards against. */
static sy_doc *doc_of_text(size_t bytes)
{
    sy_doc *doc = sy_doc_new();
    assert_non_null(doc);
    char *nl = malloc(SY_LIMIT_PARAGRAPH_BYTES);
    assert_non_null(nl);
    memset(nl, '\n', SY_LIMIT_PARAGRAPH_BYTES);
    nl[0] = 'a';
    sy_mark m = {"doc", 1, 1};
    while (bytes) {
        size_t n = bytes < SY_LIMIT_PARAGRAPH_BYTES ? bytes : SY_LIMIT_PARAGRAPH_BYTES;
        assert_non_null(
            sy_blocks_add_paragraph(sy_doc_body(doc), m, nl, n, SY_LANG_EN, "body", SY_ALIGN_LEFT));
        bytes -= n;
    }
    free(nl);
    return doc;
}

static void document_text_bytes(void **state)
{
    fixture *fx = *state;
    for (size_t n = SY_LIMIT_DOC_TEXT_BYTES; n <= SY_LIMIT_DOC_TEXT_BYTES + 1; n++) {
        sy_diags *d = sy_diags_new();
        sy_render_ctx *rc = sy_render_ctx_new(fx->fonts, fx->ctx, d);
        sy_pdf *pdf = sy_pdf_new(d);
        assert_non_null(rc);
        assert_non_null(pdf);
        sy_doc *doc = doc_of_text(n);
        sy_status st = sy_render_doc(rc, doc, SY_LAYOUT_SEQUENTIAL, pdf, NULL, d);
        if (n == SY_LIMIT_DOC_TEXT_BYTES) {
            char *m = messages(d);
            if (st != SY_OK)
                fail_msg("at the limit: %s", m);
            free(m);
            assert_int_equal(sy_pdf_page_count(pdf), 1);
        } else {
            assert_int_equal(st, SY_ERR_LIMIT);
            expect_limit(d, "the document has more than 16777216 bytes of text to typeset");
            assert_int_equal(sy_pdf_page_count(pdf), 0);
        }
        sy_doc_free(doc);
        sy_pdf_free(pdf);
        sy_render_ctx_free(rc);
        sy_diags_free(d);
    }
}

/* The page limit stops a document before its pages are drawn: a PDF that
 * already has SY_LIMIT_PAGES - 1 pages takes a document of one page, not
 * one of two. */
static void document_pages(void **state)
{
    fixture *fx = *state;
    for (int pages_wanted = 1; pages_wanted <= 2; pages_wanted++) {
        sy_diags *d = sy_diags_new();
        sy_render_ctx *rc = sy_render_ctx_new(fx->fonts, fx->ctx, d);
        sy_pdf *pdf = sy_pdf_new(d);
        assert_non_null(rc);
        assert_non_null(pdf);
        for (int i = 0; i < SY_LIMIT_PAGES - 1; i++)
            assert_int_equal(sy_pdf_add_page(pdf, 595, 842, d), SY_OK);
        sy_doc *doc = sy_doc_new();
        sy_mark m = {"doc", 1, 1};
        for (int i = 0; i < pages_wanted; i++) {
            if (i)
                sy_blocks_add_page_break(sy_doc_body(doc), m);
            sy_blocks_add_paragraph(sy_doc_body(doc), m, "page", 4, SY_LANG_EN, "body",
                                    SY_ALIGN_LEFT);
        }
        sy_status st = sy_render_doc(rc, doc, SY_LAYOUT_SEQUENTIAL, pdf, NULL, d);
        if (pages_wanted == 1) {
            assert_int_equal(st, SY_OK);
            assert_int_equal(sy_pdf_page_count(pdf), SY_LIMIT_PAGES);
        } else {
            expect_limit(d, "more than 5000 pages");
            assert_int_equal(sy_pdf_page_count(pdf), SY_LIMIT_PAGES - 1);
        }
        sy_doc_free(doc);
        sy_pdf_free(pdf);
        sy_render_ctx_free(rc);
        sy_diags_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(yaml_depth),
        cmocka_unit_test(yaml_aliases),
        cmocka_unit_test(yaml_nodes),
        cmocka_unit_test(value_lengths),
        cmocka_unit_test(wordlist_entries),
        cmocka_unit_test(pages),
        cmocka_unit_test(bookmarks_attachments_fields),
        cmocka_unit_test(attachment_name),
        cmocka_unit_test(template_files),
        cmocka_unit_test(template_file_bytes),
        cmocka_unit_test(style_lengths_and_names),
    };
    const struct CMUnitTest with_fonts[] = {
        cmocka_unit_test(paragraph_bytes),
        cmocka_unit_test(document_text_bytes),
        cmocka_unit_test(document_pages),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    return failed | cmocka_run_group_tests(with_fonts, fixture_setup, fixture_teardown);
}
