/* The agreement pipeline (see build.h). */
#include "builder/builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builder/cover.h"
#include "cal/cal.h"
#include "core/buf.h"
#include "core/date.h"
#include "data/data.h"
#include "pdf/pdf.h"
#include "render/render.h"
#include "text/text.h"
#include "tpl/tpl.h"

struct sy_builder {
    char *data_dir;
    sy_fontset *fonts;
    sy_text_ctx *text;
    sy_render_ctx *render;
    sy_tpl_env *env;
};

/* ---- calendar filters ---- */

typedef sy_status (*date_format_fn)(sy_date, sy_buf *);

static sy_value *date_filter(const sy_value *input, sy_buf *error, date_format_fn fn,
                             const char *name)
{
    if (sy_value_kind_of(input) != SY_VAL_DATE) {
        sy_buf_printf(error, "%s expects a date, got a %s", name,
                      sy_value_kind_name(sy_value_kind_of(input)));
        return NULL;
    }
    sy_date d = sy_value_as_date(input);
    sy_buf out = SY_BUF_INIT;
    sy_status st = fn(d, &out);
    if (st != SY_OK || sy_buf_failed(&out)) {
        if (st == SY_ERR_DATA)
            sy_buf_printf(error, "%s: %04d-%02d-%02d is outside the calendar's range (%d-%d)", name,
                          d.year, d.month, d.day, SY_CAL_FIRST_YEAR, SY_CAL_LAST_YEAR);
        sy_buf_free(&out);
        return NULL;
    }
    sy_value *v = sy_value_string(out.data ? out.data : "", out.len, sy_value_mark(input));
    sy_buf_free(&out);
    return v;
}

static sy_value *filter_date_km(const sy_value *in, const sy_value *const *a, size_t n, void *u,
                                sy_buf *e)
{
    (void)a, (void)n, (void)u;
    return date_filter(in, e, sy_cal_format_km, "date_km");
}

static sy_value *filter_date_en(const sy_value *in, const sy_value *const *a, size_t n, void *u,
                                sy_buf *e)
{
    (void)a, (void)n, (void)u;
    return date_filter(in, e, sy_cal_format_en, "date_en");
}

static sy_value *filter_lunar_km(const sy_value *in, const sy_value *const *a, size_t n, void *u,
                                 sy_buf *e)
{
    (void)a, (void)n, (void)u;
    return date_filter(in, e, sy_cal_format_lunar_km, "lunar_km");
}

sy_status sy_builder_add_calendar_filters(void *tpl_env)
{
    sy_tpl_env *env = tpl_env;
    sy_status st = sy_tpl_env_add_filter(env, "date_km", filter_date_km, NULL);
    if (st == SY_OK)
        st = sy_tpl_env_add_filter(env, "date_en", filter_date_en, NULL);
    if (st == SY_OK)
        st = sy_tpl_env_add_filter(env, "lunar_km", filter_lunar_km, NULL);
    return st;
}

/* ---- the builder ---- */

sy_builder *sy_builder_new(const char *data_dir, sy_diags *d)
{
    sy_builder *b = calloc(1, sizeof *b);
    if (!b || !(b->data_dir = strdup(data_dir))) {
        free(b);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    b->fonts = sy_fontset_open(data_dir, d);
    sy_status st = b->fonts ? SY_OK : sy_diags_status(d);
    if (st == SY_OK && !(b->text = sy_text_ctx_new(d)))
        st = sy_diags_status(d);
    if (st == SY_OK && !(b->render = sy_render_ctx_new(b->fonts, b->text, d)))
        st = sy_diags_status(d);
    if (st == SY_OK &&
        (!(b->env = sy_tpl_env_new()) || sy_builder_add_calendar_filters(b->env) != SY_OK))
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st != SY_OK) {
        if (st == SY_ERR_NOMEM && !sy_diags_errors(d))
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        sy_builder_free(b);
        return NULL;
    }
    return b;
}

void sy_builder_free(sy_builder *b)
{
    if (!b)
        return;
    sy_tpl_env_free(b->env);
    sy_render_ctx_free(b->render);
    sy_text_ctx_free(b->text);
    sy_fontset_free(b->fonts);
    free(b->data_dir);
    free(b);
}

/* The template folder: a folder path as given, or templates/NAME. */
static char *template_dir(const sy_builder *b, const char *name)
{
    struct stat st;
    size_t n = strlen(b->data_dir) + strlen(name) + 16;
    char *dir = malloc(n);
    if (!dir)
        return NULL;
    if (strchr(name, '/') && stat(name, &st) == 0 && S_ISDIR(st.st_mode))
        snprintf(dir, n, "%s", name);
    else
        snprintf(dir, n, "%s/templates/%s", b->data_dir, name);
    return dir;
}

/* Office signatories stay unresolved without a roster: name them. */
static void report_unresolved(const sy_agreement *a, sy_diags *d)
{
    const sy_value *parties = sy_value_get(sy_agreement_value(a), "parties");
    for (size_t i = 0; i < sy_value_len(parties); i++) {
        const sy_value *sig = sy_value_get(sy_value_at(parties, i), "signatory");
        const sy_value *office = sy_value_get(sig, "office");
        if (office && !sy_value_get(sig, "name")) {
            sy_mark m = sy_value_mark(office);
            char path[64];
            snprintf(path, sizeof path, "parties[%zu].signatory.office", i);
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, m.file, m.line, m.column, path,
                         "office '%s' needs a roster to name its holder (--roster FILE)",
                         sy_value_as_string(office, NULL));
        }
    }
}

/* ---- what makes the file one can sign and trust ---- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static sy_status add_trust(sy_pdf *pdf, const sy_agreement *a, const sy_roster *roster,
                           const sy_builder_options *o, sy_date as_of, const char *template_name,
                           int layout, const sy_render_result *cover, const sy_render_result *mou,
                           sy_diags *d)
{
    const sy_value *data = sy_agreement_value(a);
    const sy_value *title = sy_value_get(data, "title");
    const sy_value *parties = sy_value_get(data, "parties");
    sy_buf t = SY_BUF_INIT, subj = SY_BUF_INIT, kw = SY_BUF_INIT, author = SY_BUF_INIT;
    sy_buf_printf(&t, "%s / %s", sy_value_as_string(sy_value_get(title, "km"), NULL),
                  sy_value_as_string(sy_value_get(title, "en"), NULL));
    sy_buf_puts(&subj, "Memorandum of Understanding between ");
    sy_buf_puts(&kw, "MOU, ");
    sy_buf_puts(&kw, sy_value_as_string(sy_value_get(data, "id"), NULL));
    for (size_t i = 0; i < sy_value_len(parties); i++) {
        const sy_value *p = sy_value_at(parties, i);
        const char *en = sy_value_as_string(sy_value_get(sy_value_get(p, "name"), "en"), NULL);
        sy_buf_printf(&subj, "%s%s", i ? (i + 1 == sy_value_len(parties) ? " and " : ", ") : "",
                      en);
        sy_buf_printf(&author, "%s%s", i ? "; " : "", en);
        sy_buf_printf(&kw, ", %s", sy_value_as_string(sy_value_get(p, "id"), NULL));
    }
    char created[11];
    sy_date_format_iso(sy_value_as_date(sy_value_get(data, "signed")), created);
    sy_status st = SY_OK;
    if (sy_buf_failed(&t) || sy_buf_failed(&subj) || sy_buf_failed(&kw) || sy_buf_failed(&author))
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    if (st == SY_OK) {
        sy_pdf_info info = {t.data, subj.data, kw.data, author.data, "sanya", created};
        st = sy_pdf_set_info(pdf, &info, d);
    }
    sy_buf_free(&t);
    sy_buf_free(&subj);
    sy_buf_free(&kw);
    sy_buf_free(&author);

    /* Bookmarks: the cover sheet, then every article in both languages. */
    if (st == SY_OK && cover)
        st = sy_pdf_add_bookmark(pdf, sy_render_result_first_page(cover), 842,
                                 "បញ្ជីត្រួតពិនិត្យការអនុម័ត / Approval checklist", d);
    for (size_t i = 0; mou && st == SY_OK && i < sy_render_result_mark_count(mou); i++) {
        const sy_render_mark *m = sy_render_result_mark(mou, i);
        st = sy_pdf_add_bookmark(pdf, m->page, m->y, m->title, d);
    }
    /* Page labels: the cover sheet apart from the agreement's 1, 2, 3. */
    if (st == SY_OK && cover)
        st = sy_pdf_add_page_label(pdf, sy_render_result_first_page(cover), "cover-",
                                   SY_PDF_LABEL_DECIMAL, 1, d);
    if (st == SY_OK && mou)
        st = sy_pdf_add_page_label(pdf, sy_render_result_first_page(mou), NULL,
                                   SY_PDF_LABEL_DECIMAL, 1, d);

    /* Signature fields over the signing lines: sig-<party>, and
     * sig-<party>-<n> for a party with more than one signatory. */
    for (size_t i = 0; mou && st == SY_OK && i < sy_render_result_sig_count(mou); i++) {
        const sy_sig_place *sp = sy_render_result_sig(mou, i);
        int several = 0;
        for (size_t k = 0; k < sy_render_result_sig_count(mou); k++)
            several |= k != i && !strcmp(sy_render_result_sig(mou, k)->party, sp->party);
        char name[160];
        if (several)
            snprintf(name, sizeof name, "sig-%s-%d", sp->party, sp->index);
        else
            snprintf(name, sizeof name, "sig-%s", sp->party);
        st = sy_pdf_add_signature_field(pdf, sp->page, sp->x0, sp->y0, sp->x1, sp->y1, name, d);
    }

    /* The inputs travel with the document: the agreement's YAML as written
     * and the roster entries it used. */
    size_t src_len = 0;
    const char *src = sy_agreement_source(a, &src_len);
    sy_buf used = SY_BUF_INIT;
    if (roster && st == SY_OK)
        st = sy_agreement_write_roster_used(a, roster, &used, d);
    if (st == SY_OK)
        st = sy_pdf_attach_file(pdf, base_name(o->agreement), src, src_len, "application/yaml",
                                "The agreement data this document was made from", d);
    if (st == SY_OK && roster && !sy_buf_failed(&used))
        st = sy_pdf_attach_file(pdf, "roster-used.yaml", used.data, used.len, "application/yaml",
                                "The roster entries (office holders) this document used", d);

    /* The ID derives from the inputs, never from the clock. */
    if (st == SY_OK) {
        char iso[11], parts_s[32];
        /* the day shows only on the cover sheet */
        if (cover)
            sy_date_format_iso(as_of, iso);
        else
            iso[0] = 0;
        snprintf(parts_s, sizeof parts_s, "%d/%d", (int)o->parts, layout);
        const void *parts[] = {src, used.data, template_name, iso, parts_s};
        size_t lens[] = {src_len, used.len, strlen(template_name), strlen(iso), strlen(parts_s)};
        unsigned char digest[16];
        sy_pdf_hash_inputs(parts, lens, 5, digest);
        st = sy_pdf_set_id(pdf, digest, d);
    }
    sy_buf_free(&used);
    return st;
}

sy_status sy_builder_pdf(sy_builder *b, const sy_builder_options *o, char **pdf_out, size_t *len,
                       size_t *pages, sy_diags *d)
{
    *pdf_out = NULL;
    *len = 0;
    if (pages)
        *pages = 0;
    sy_roster *roster = NULL;
    sy_agreement *a = NULL;
    sy_tpl *tpl = NULL;
    sy_doc *doc = NULL;
    sy_pdf *pdf = NULL;
    char *dir = NULL;
    sy_status st = SY_OK;
    if (o->roster && !(roster = sy_roster_load(o->roster, d)))
        st = sy_diags_status(d);
    if (st == SY_OK && !(a = sy_agreement_load(o->agreement, roster, d)))
        st = sy_diags_status(d);
    if (st == SY_OK && sy_diags_errors(d))
        st = sy_diags_status(d);
    if (st == SY_OK && sy_agreement_unresolved(a)) {
        report_unresolved(a, d);
        st = SY_ERR_DATA;
    }
    const sy_value *data = a ? sy_agreement_value(a) : NULL;
    if (st == SY_OK) {
        const char *name = o->template_;
        if (!name)
            name = sy_value_as_string(sy_value_get(data, "template"), NULL);
        dir = template_dir(b, name ? name : "mou");
        if (!dir)
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        else if (!(tpl = sy_tpl_load(dir, d)))
            st = sy_diags_status(d);
    }
    if (st == SY_OK && !(doc = sy_tpl_render(tpl, b->env, data, d)))
        st = sy_diags_status(d);
    if (st == SY_OK && sy_diags_errors(d))
        st = sy_diags_status(d);
    sy_doc *cover = NULL;
    sy_leadership_change *changes = NULL;
    size_t nchanges = 0;
    sy_date as_of = o->as_of;
    if (!sy_date_valid(as_of))
        as_of = sy_value_as_date(sy_value_get(data, "signed"));
    if (st == SY_OK && o->parts != SY_BUILDER_AGREEMENT_ONLY) {
        if (roster)
            st = sy_agreement_leadership_changes(a, roster, &as_of, &changes, &nchanges);
        if (st == SY_OK && !(cover = sy_cover_build(data, changes, nchanges, as_of, d)))
            st = sy_diags_status(d);
    }
    if (st == SY_OK) {
        sy_doc_layout layout = sy_tpl_layout(tpl);
        const char *dl = sy_value_as_string(sy_value_get(data, "layout"), NULL);
        if (dl)
            layout = !strcmp(dl, "sequential") ? SY_LAYOUT_SEQUENTIAL : SY_LAYOUT_PARALLEL;
        if (o->layout >= 0)
            layout = (sy_doc_layout)o->layout;
        pdf = sy_pdf_new(d);
        st = pdf ? SY_OK : sy_diags_status(d);
        sy_render_result *cover_res = NULL, *res = NULL;
        sy_render_options no_footer = {0};
        if (st == SY_OK && cover)
            st = sy_render_doc_opts(b->render, cover, SY_LAYOUT_PARALLEL, pdf, &no_footer,
                                    &cover_res, d);
        if (st == SY_OK && o->parts != SY_BUILDER_COVER_ONLY)
            st = sy_render_doc(b->render, doc, layout, pdf, &res, d);
        if (st == SY_OK && pages)
            *pages = sy_pdf_page_count(pdf);
        if (st == SY_OK)
            st = add_trust(pdf, a, roster, o, as_of, sy_tpl_name(tpl), (int)layout, cover_res, res,
                           d);
        sy_render_result_free(cover_res);
        sy_render_result_free(res);
        if (st == SY_OK)
            st = sy_pdf_finish(pdf, pdf_out, len, d);
    }
    free(changes);
    sy_doc_free(cover);
    sy_pdf_free(pdf);
    sy_doc_free(doc);
    sy_tpl_free(tpl);
    free(dir);
    sy_agreement_free(a);
    sy_roster_free(roster);
    return st;
}

sy_status sy_builder_check(sy_builder *b, const sy_builder_options *o, sy_diags *d)
{
    char *pdf = NULL;
    size_t len = 0;
    sy_status st = sy_builder_pdf(b, o, &pdf, &len, NULL, d);
    free(pdf);
    return st;
}
