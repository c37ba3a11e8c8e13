/* Unit tests of lib/style: the defaults are the look sanya always had,
 * templates/mou/style.yaml states exactly those defaults, a style file is
 * read over them, and every mistake in one is reported with its place. */
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

#include "core/file.h"
#include "style/style.h"
#include "tpl/tpl.h"

#define MM (72.0 / 25.4)

static void assert_near(double a, double b)
{
    if (a - b > 1e-9 || b - a > 1e-9)
        fail_msg("%.9f != %.9f", a, b);
}

static void defaults_are_todays_look(void **state)
{
    (void)state;
    const sy_style_sheet *s = sy_style_defaults();
    const sy_page_geometry *p = sy_style_page(s);
    assert_near(p->width, 210 * MM);
    assert_near(p->height, 297 * MM);
    assert_near(p->margin_top, 25 * MM);
    assert_near(p->margin_right, 25 * MM);
    assert_near(p->margin_bottom, 25 * MM);
    assert_near(p->margin_left, 25 * MM);
    sy_page_geometry d = sy_style_default_page();
    assert_memory_equal(&d, p, sizeof d);
    assert_near(sy_style_column_gap(s), 8 * MM);
    assert_near(sy_style_full_width_leading(s), 1.12);
    assert_int_equal(sy_style_first_language(s), SY_STYLE_KM);
    assert_near(sy_style_list_of(s)->indent, 7 * MM);
    assert_string_equal(sy_style_list_of(s)->bullet, "•");
    assert_near(sy_style_signatures_of(s)->room, 26 * MM);
    assert_string_equal(sy_style_signatures_of(s)->title_role, "body");
    assert_string_equal(sy_style_signatures_of(s)->name_role, "party");
    assert_near(sy_style_rule_of(s)->width, 28 * MM);
    assert_near(sy_style_rule_of(s)->height, 12);
    assert_near(sy_style_footer_of(s)->gap, 10 * MM);
    assert_int_equal(sy_style_image_count(s), 0);

    static const struct {
        const char *name, *km_font, *en_font;
        double km, en, after, lead;
        const char *tag; /* structure type in a tagged PDF */
    } roles[] = {
        {"motto", "khmer-heading", "latin-bold", 12.5, 12, 0.1, 1.45, "P"},
        {"title", "khmer-heading", "latin-bold", 13, 12, 0.35, 1.45, "H1"},
        {"heading", "khmer-heading", "latin-bold", 11, 10.5, 0.2, 1.45, "H2"},
        {"article", "khmer-heading", "latin-bold", 10.5, 10, 0.15, 1.45, "H2"},
        {"party", "khmer-heading", "latin-bold", 10.5, 10, 0.1, 1.45, "P"},
        {"body", "khmer-body", "latin-body", 10.5, 10, 0.45, 1.42, "P"},
        {"small", "khmer-body", "latin-body", 8.5, 8, 0.2, 1.42, "P"},
        {"checklist-head", "khmer-heading", "latin-bold", 11, 10.5, 0.2, 1.45, "TH"},
        {"check-open", "khmer-body", "latin-body", 10.5, 10, 0.3, 1.42, "TD"},
        {"check-done", "khmer-body", "latin-body", 10.5, 10, 0.3, 1.42, "TD"},
        {"banner", "khmer-body", "latin-bold", 10.5, 10, 0.3, 1.42, "P"},
    };
    assert_int_equal(sy_style_role_count(s), sizeof roles / sizeof *roles);
    for (size_t i = 0; i < sizeof roles / sizeof *roles; i++) {
        const sy_style_role *r = sy_style_role_find(s, roles[i].name);
        assert_non_null(r);
        assert_string_equal(r->font[SY_STYLE_KM], roles[i].km_font);
        assert_string_equal(r->font[SY_STYLE_EN], roles[i].en_font);
        assert_near(r->size[SY_STYLE_KM], roles[i].km);
        assert_near(r->size[SY_STYLE_EN], roles[i].en);
        assert_near(r->space_after.em, roles[i].after);
        assert_near(r->leading[SY_STYLE_KM], roles[i].lead);
        assert_near(r->leading[SY_STYLE_EN], 0);
        assert_int_equal(r->has_align, 0);
        assert_string_equal(r->tag ? r->tag : "P", roles[i].tag);
    }
    assert_int_equal(sy_style_role_find(s, "check-open")->marker, SY_STYLE_MARKER_BOX);
    assert_int_equal(sy_style_role_find(s, "check-done")->marker, SY_STYLE_MARKER_BOX_CHECKED);
    assert_near(sy_style_role_find(s, "banner")->color[0], 0.7);
    /* an unknown role is the default role */
    assert_ptr_equal(sy_style_role_get(s, "no-such-role"), sy_style_role_find(s, "body"));
}

/* The defaults have numbers and no words (the words are a template's):
 * {page}, {pages} and {n} in Khmer digits on the Khmer side. */
static void words_are_formatted(void **state)
{
    (void)state;
    const sy_style_sheet *s = sy_style_defaults();
    const sy_style_footer *f = sy_style_footer_of(s);
    sy_buf b = SY_BUF_INIT;
    assert_int_equal(sy_style_format(f->text[SY_STYLE_KM], 1, 0, 1, 3, NULL, 0, &b), 0);
    sy_buf_puts(&b, f->separator);
    assert_int_equal(sy_style_format(f->text[SY_STYLE_EN], 0, 0, 1, 3, NULL, 0, &b), 0);
    assert_string_equal(b.data, "១/៣ · 1/3");
    sy_buf_free(&b);
    const sy_style_article *a = sy_style_article_of(s);
    sy_buf k = SY_BUF_INIT, e = SY_BUF_INIT, u = SY_BUF_INIT;
    sy_style_format(a->label[SY_STYLE_KM], 1, 12, 0, 0, "គោលបំណង", strlen("គោលបំណង"), &k);
    sy_style_format(a->label[SY_STYLE_EN], 0, 12, 0, 0, "Purpose", 7, &e);
    sy_style_format(a->untitled[SY_STYLE_EN], 0, 2, 0, 0, NULL, 0, &u);
    assert_string_equal(k.data, "១២. គោលបំណង");
    assert_string_equal(e.data, "12. Purpose");
    assert_string_equal(u.data, "2.");
    sy_buf_free(&k);
    sy_buf_free(&e);
    sy_buf_free(&u);
}

/* templates/mou/style.yaml spells out the defaults: reading it gives a sheet
 * equal to them in every value the typesetter reads. */
static void mou_style_states_the_defaults(void **state)
{
    (void)state;
    char *text;
    size_t len;
    sy_diags *d = sy_diags_new();
    if (sy_file_read("templates/mou/style.yaml", &text, &len, d) != SY_OK)
        fail_msg("run the unit tests from the source root");
    sy_style_sheet *s = sy_style_parse("templates/mou/style.yaml", text, len, d);
    free(text);
    assert_int_equal(sy_diags_count(d), 0);
    assert_non_null(s);
    const sy_style_sheet *z = sy_style_defaults();
    assert_memory_equal(sy_style_page(s), sy_style_page(z), sizeof(sy_page_geometry));
    assert_near(sy_style_column_gap(s), sy_style_column_gap(z));
    assert_near(sy_style_full_width_leading(s), sy_style_full_width_leading(z));
    assert_int_equal(sy_style_role_count(s), sy_style_role_count(z));
    for (size_t i = 0; i < sy_style_role_count(z); i++) {
        const sy_style_role *a = sy_style_role_at(z, i), *b = sy_style_role_find(s, a->name);
        assert_non_null(b);
        for (int l = 0; l < 2; l++) {
            assert_string_equal(a->font[l], b->font[l]);
            assert_near(a->size[l], b->size[l]);
            assert_near(a->leading[l], b->leading[l]);
        }
        assert_memory_equal(&a->space_before, &b->space_before, sizeof a->space_before);
        assert_memory_equal(&a->space_after, &b->space_after, sizeof a->space_after);
        assert_memory_equal(a->color, b->color, sizeof a->color);
        assert_int_equal(a->marker, b->marker);
        assert_int_equal(a->has_align, b->has_align);
        assert_string_equal(a->tag ? a->tag : "P", b->tag ? b->tag : "P");
    }
    const sy_style_footer *fa = sy_style_footer_of(z), *fb = sy_style_footer_of(s);
    assert_int_equal(fa->enabled, fb->enabled);
    assert_string_equal(fa->role, fb->role);
    /* the words are the template's own: the defaults have none */
    assert_string_equal(fb->text[0], "ទំព័រ {page} នៃ {pages}");
    assert_string_equal(fb->text[1], "Page {page} of {pages}");
    assert_string_equal(fa->separator, fb->separator);
    assert_int_equal(fa->en_first, fb->en_first);
    assert_near(fa->gap, fb->gap);
    assert_int_equal(fa->align, fb->align);
    for (int l = 0; l < 2; l++) {
        assert_string_equal(sy_style_article_of(s)->label[l],
                            l == SY_STYLE_KM ? "មាត្រា{n}៖ {title}" : "Article {n}: {title}");
        assert_string_equal(sy_style_article_of(s)->untitled[l],
                            l == SY_STYLE_KM ? "មាត្រា{n}" : "Article {n}");
        assert_string_equal(sy_style_list_of(z)->number[l], sy_style_list_of(s)->number[l]);
        assert_string_equal(sy_style_other_script_font(z, l), sy_style_other_script_font(s, l));
    }
    assert_memory_equal(sy_style_list_of(z), sy_style_list_of(s), 0);
    assert_near(sy_style_list_of(z)->indent, sy_style_list_of(s)->indent);
    assert_string_equal(sy_style_list_of(z)->bullet, sy_style_list_of(s)->bullet);
    assert_memory_equal(sy_style_signatures_of(z), sy_style_signatures_of(s), sizeof(double));
    assert_memory_equal(sy_style_rule_of(z), sy_style_rule_of(s), sizeof(sy_style_rule));
    sy_style_free(s);
    sy_diags_free(d);
}

static sy_style_sheet *parse(const char *text, sy_diags *d)
{
    return sy_style_parse("style.yaml", text, strlen(text), d);
}

static void a_style_file_is_read_over_the_defaults(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_style_sheet *s = parse("page:\n"
                              "  size: Letter\n"
                              "  margins: {top: 0.5in, left: 30mm}\n"
                              "first-language: en\n"
                              "footer: none\n"
                              "article: {label: {en: \"§{n} {title}\"}}\n"
                              "roles:\n"
                              "  body: {size: 11pt, color: \"#336699\", align: justify}\n"
                              "  note:\n"
                              "    size: {en: 9pt}\n"
                              "    space-before: 6pt\n"
                              "    marker: box\n"
                              "images:\n"
                              "  seal: {file: img/seal.png, height: 2cm, align: right}\n",
                              d);
    assert_int_equal(sy_diags_count(d), 0);
    assert_non_null(s);
    const sy_page_geometry *p = sy_style_page(s);
    assert_near(p->width, 612);
    assert_near(p->height, 792);
    assert_near(p->margin_top, 36);
    assert_near(p->margin_left, 30 * MM);
    assert_near(p->margin_right, 25 * MM); /* not given: the default */
    assert_int_equal(sy_style_first_language(s), SY_STYLE_EN);
    assert_int_equal(sy_style_footer_of(s)->enabled, 0);
    assert_string_equal(sy_style_article_of(s)->label[SY_STYLE_EN], "§{n} {title}");
    assert_string_equal(sy_style_article_of(s)->label[SY_STYLE_KM], "{n}. {title}");
    const sy_style_role *body = sy_style_role_find(s, "body");
    assert_near(body->size[SY_STYLE_KM], 11);
    assert_near(body->size[SY_STYLE_EN], 11);
    assert_near(body->color[0], 0x33 / 255.0);
    assert_near(body->color[2], 0x99 / 255.0);
    assert_true(body->has_align);
    assert_int_equal(body->align, SY_ALIGN_JUSTIFY);
    const sy_style_role *note = sy_style_role_find(s, "note");
    assert_non_null(note);
    assert_near(note->size[SY_STYLE_KM], 11); /* a new role starts as the default role */
    assert_near(note->size[SY_STYLE_EN], 9);
    assert_near(note->space_before.pt, 6);
    assert_int_equal(note->marker, SY_STYLE_MARKER_BOX);
    const sy_style_image *im = sy_style_image_find(s, "seal");
    assert_non_null(im);
    assert_string_equal(im->file, "img/seal.png");
    assert_near(im->height, 20 * MM);
    assert_near(im->width, 0);
    assert_int_equal(im->align, SY_ALIGN_RIGHT);
    assert_int_equal(im->mark.line, 14);
    assert_int_equal(im->mark.column, 16);
    assert_null(im->data);

    /* image bytes: a PNG is taken, anything else refused at its entry */
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};
    unsigned char *bytes = malloc(sizeof png);
    memcpy(bytes, png, sizeof png);
    assert_int_equal(sy_style_set_image_data(s, 0, bytes, sizeof png, d), SY_OK);
    assert_non_null(sy_style_image_find(s, "seal")->data);
    char *gif = strdup("GIF89a....");
    assert_int_equal(sy_style_set_image_data(s, 0, (unsigned char *)gif, 10, d), SY_ERR_DATA);
    assert_int_equal(sy_diags_count(d), 1);
    char msg[256];
    sy_diag_format(sy_diags_get(d, 0), msg, sizeof msg);
    assert_string_equal(msg, "style.yaml:14:16: 'img/seal.png' is not a PNG or JPEG file");
    sy_style_free(s);

    /* an empty file (only comments) is the defaults */
    sy_diags_clear(d);
    s = parse("# nothing changed\n", d);
    assert_non_null(s);
    assert_int_equal(sy_diags_count(d), 0);
    sy_style_free(s);
    sy_diags_free(d);
}

/* Each case: a style file and the first message it must give. */
static void every_mistake_has_a_place(void **state)
{
    (void)state;
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"pgae: {size: A4}\n", "style.yaml:1:1: unknown key \"pgae\"; did you mean \"page\"?"},
        {"roles:\n  body: {szie: 10pt}\n",
         "style.yaml:2:10: roles.body: unknown key \"szie\"; did you mean \"size\"?"},
        {"column-gap: 8\n",
         "style.yaml:1:13: column-gap: expected a length such as \"25mm\", "
         "\"12pt\" or \"1in\": \"8\" has no unit (mm, pt, in)"},
        {"column-gap: 8px\n",
         "style.yaml:1:13: column-gap: expected a length such as \"25mm\", "
         "\"12pt\" or \"1in\": \"8px\" has an unknown unit"},
        {"page: {size: A3}\n",
         "style.yaml:1:14: page.size: expected one of A4, A5, Letter, Legal, got \"A3\" (did you "
         "mean \"A4\"?)"},
        {"page: {margins: -5mm}\n",
         "style.yaml:1:17: page.margins: a length must not be negative, got \"-5mm\""},
        {"roles:\n  body:\n    size: {km: 0pt}\n",
         "style.yaml:3:16: roles.body.size.km: a size must be above zero, got \"0pt\""},
        {"roles:\n  body: {size: -3pt}\n",
         "style.yaml:2:16: roles.body.size: a length must not be negative, got \"-3pt\""},
        {"roles:\n  banner: {color: \"#12345\"}\n",
         "style.yaml:2:19: roles.banner.color: expected a colour \"#RRGGBB\" (such as \"#B30000\") "
         "or [red, green, blue] from 0 to 1, got \"#12345\""},
        {"roles:\n  banner: {color: [1, 0, 2]}\n",
         "style.yaml:2:26: roles.banner.color: expected a number from 0 to 1, got \"2\""},
        {"roles:\n  small: {marker: tick}\n",
         "style.yaml:2:19: roles.small.marker: expected one of none, box, box-checked, got "
         "\"tick\""},
        {"footer: {en: \"Page {page} of {total}\"}\n",
         "style.yaml:1:14: footer.en: unknown placeholder in \"Page {page} of {total}\" (this text "
         "may use {page}, {pages})"},
        {"footer: {role: smal}\n",
         "style.yaml:1:16: footer.role: no role \"smal\" in this style sheet (did you mean "
         "\"small\"?)"},
        {"images:\n  emblem: {width: 20mm}\n",
         "style.yaml:2:11: images.emblem: missing \"file\" (the image file in the template "
         "folder)"},
        {"images:\n  emblem: {file: e.png}\n",
         "style.yaml:2:11: images.emblem: an image needs a width, a height or both"},
        {"page: {size: A4, margins: 110mm}\n",
         "style.yaml:1:7: page: the margins leave less than 1 inch of text on a 595 x 842 pt "
         "page"},
        {"roles: [body]\n",
         "style.yaml:1:8: roles: expected a map of roles (name: {font, size, "
         "...}), got a list"},
        {"page: [\n", NULL}, /* a YAML syntax error: libyaml's own message */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sy_diags *d = sy_diags_new();
        sy_style_sheet *s = parse(cases[i].text, d);
        if (s)
            fail_msg("case %zu accepted: %s", i, cases[i].text);
        assert_true(sy_diags_errors(d) >= 1);
        char msg[512];
        sy_diag_format(sy_diags_get(d, 0), msg, sizeof msg);
        if (cases[i].message && strcmp(msg, cases[i].message))
            fail_msg("case %zu:\n got  %s\n want %s", i, msg, cases[i].message);
        if (!cases[i].message && !strstr(msg, "style.yaml:"))
            fail_msg("case %zu: no place in %s", i, msg);
        sy_diags_free(d);
    }
}

/* A template folder with a style sheet: its images are read through the
 * folder's rules and problems named at style.yaml or the template line. */
static void put_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void template_images(void **state)
{
    (void)state;
    char dir[] = "/tmp/sanya-test-style-XXXXXX";
    assert_non_null(mkdtemp(dir));
    put_file(dir, "manifest", "name: t\nentry: main.tpl\nstyle: style.yaml\n");
    put_file(dir, "main.tpl", "\\image emblem\n\nText.\n\\image emblm\n");
    put_file(dir, "style.yaml", "images:\n  emblem: {file: emblem.png, width: 20mm}\n");
    sy_diags *d = sy_diags_new();
    assert_null(sy_tpl_load(dir, d));
    assert_int_equal(sy_diags_errors(d), 1);
    char msg[512], want[512];
    sy_diag_format(sy_diags_get(d, 0), msg, sizeof msg);
    snprintf(want, sizeof want,
             "%s/style.yaml:2:18: image 'emblem': no file 'emblem.png' in the template folder",
             dir);
    assert_string_equal(msg, want);

    put_file(dir, "emblem.png", "\x89PNG\r\n\x1a\n-");
    sy_diags_clear(d);
    assert_null(sy_tpl_load(dir, d));
    sy_diag_format(sy_diags_get(d, 0), msg, sizeof msg);
    snprintf(want, sizeof want,
             "%s/main.tpl:4:1: no image 'emblm' in the style sheet (did you mean 'emblem'?)", dir);
    assert_string_equal(msg, want);

    put_file(dir, "main.tpl", "::: style tittle center\nText.\n:::\n");
    sy_diags_clear(d);
    assert_null(sy_tpl_load(dir, d));
    sy_diag_format(sy_diags_get(d, 0), msg, sizeof msg);
    snprintf(want, sizeof want,
             "%s/main.tpl:1:1: no role 'tittle' in the style sheet (did you mean 'title'?)", dir);
    assert_string_equal(msg, want);

    put_file(dir, "main.tpl", "\\image emblem\n");
    sy_diags_clear(d);
    sy_tpl *t = sy_tpl_load(dir, d);
    assert_non_null(t);
    const sy_style_image *im = sy_style_image_find(sy_tpl_style(t), "emblem");
    assert_non_null(im);
    assert_int_equal(im->len, 9);
    sy_tpl_free(t);

    /* no style: line, the defaults; a template in memory, the defaults */
    put_file(dir, "manifest", "name: t\nentry: main.tpl\n");
    put_file(dir, "main.tpl", "Text.\n");
    t = sy_tpl_load(dir, d);
    assert_non_null(t);
    assert_ptr_equal(sy_tpl_style(t), sy_style_defaults());
    sy_tpl_free(t);
    sy_tpl_file f = {"main.tpl", "Text.\n", 6};
    t = sy_tpl_load_memory("m", &f, 1, "main.tpl", d);
    assert_ptr_equal(sy_tpl_style(t), sy_style_defaults());
    sy_tpl_free(t);
    assert_int_equal(sy_diags_errors(d), 0);
    sy_diags_free(d);

    const char *names[] = {"manifest", "main.tpl", "style.yaml", "emblem.png"};
    for (size_t i = 0; i < 4; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* A role's structure type (tag) and an image's words for screen readers
 * (alt), for tagged PDFs. */
static void tags_and_alt_texts(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_style_sheet *s = parse("roles:\n  note: {tag: Note}\n  deco: {tag: Artifact}\n"
                              "  plain: {size: 9pt}\n",
                              d);
    assert_non_null(s);
    assert_int_equal(sy_diags_count(d), 0);
    assert_string_equal(sy_style_role_find(s, "note")->tag, "Note");
    assert_string_equal(sy_style_role_find(s, "deco")->tag, "Artifact");
    assert_null(sy_style_role_find(s, "plain")->tag); /* a copy of body: P */
    assert_string_equal(sy_style_role_find(s, "title")->tag, "H1");
    sy_style_free(s);
    s = parse("roles:\n  body: {tag: H7}\n", d);
    assert_null(s);
    assert_int_equal(sy_diags_count(d), 1);
    assert_non_null(strstr(sy_diags_get(d, 0)->message, "expected one of P, H1"));
    sy_diags_clear(d);
    s = parse("images:\n  logo: {file: logo.png, width: 1in, alt: \"The logo\"}\n", d);
    assert_non_null(s);
    assert_string_equal(sy_style_image_find(s, "logo")->alt, "The logo");
    sy_style_free(s);
    s = parse("images:\n  logo: {file: logo.png, width: 1in, alt: \"\"}\n", d);
    assert_null(s);
    assert_non_null(strstr(sy_diags_get(d, 0)->message, "screen reader"));
    sy_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_are_todays_look),
        cmocka_unit_test(words_are_formatted),
        cmocka_unit_test(mou_style_states_the_defaults),
        cmocka_unit_test(a_style_file_is_read_over_the_defaults),
        cmocka_unit_test(every_mistake_has_a_place),
        cmocka_unit_test(template_images),
        cmocka_unit_test(tags_and_alt_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
