/* The agreement pipeline (see build.h). */
#include "builder/builder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cal/cal.h"
#include "core/array.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/file.h"
#include "core/limits.h"
#include "data/checklist.h"
#include "data/data.h"
#include "pdf/pdf.h"
#include "render/render.h"
#include "style/style.h"
#include "text/text.h"
#include "tpl/tpl.h"

/* A template the builder loaded, by the folder it was asked for. */
typedef struct cached_tpl {
    char *dir;
    sy_tpl *tpl;
} cached_tpl;

struct sy_builder {
    char *data_dir;
    sy_fontset *fonts;
    sy_text_ctx *text;
    sy_render_ctx *render;
    sy_pdf_font_cache *font_cache; /* embedded fonts, shared by its documents */
    char *icc; /* the sRGB profile of PDF/A output intents, read on first use */
    size_t icc_len;
    sy_tpl_env *env;
    /* Templates are read and parsed once per builder (a batch builds many
     * agreements with one), then reused: immutable once loaded. */
    cached_tpl *tpls;
    size_t ntpls, captpls;
    /* The roster of the latest build from files (sy_builder_pdf,
     * sy_builder_check: the public API's builds), with its file's path and
     * bytes: callers name the same roster build after build, and one read
     * and compared costs a fraction of one parsed and checked (sanya batch
     * loads its roster once itself and builds with sy_builder_pdf_loaded).
     * Kept only when it loaded without a diagnostic (a warning is reported
     * every time). */
    char *roster_path, *roster_bytes;
    size_t roster_len;
    sy_roster *roster;
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

static void forget_roster(sy_builder *b)
{
    sy_roster_free(b->roster);
    free(b->roster_path);
    free(b->roster_bytes);
    b->roster = NULL;
    b->roster_path = b->roster_bytes = NULL;
    b->roster_len = 0;
}

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
    if (st == SY_OK && !(b->font_cache = sy_pdf_font_cache_new()))
        st = SY_ERR_NOMEM;
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
    for (size_t i = 0; i < b->ntpls; i++) {
        sy_tpl_free(b->tpls[i].tpl);
        free(b->tpls[i].dir);
    }
    free(b->tpls);
    forget_roster(b);
    sy_tpl_env_free(b->env);
    sy_render_ctx_free(b->render);
    sy_pdf_font_cache_free(b->font_cache);
    free(b->icc);
    sy_text_ctx_free(b->text);
    sy_fontset_free(b->fonts);
    free(b->data_dir);
    free(b);
}

/* Office signatories stay unresolved without a roster: name them. */
static void report_unresolved(const sy_model *m, sy_diags *d)
{
    for (size_t i = 0; i < m->nparties; i++) {
        const sy_model_signer *sig = &m->parties[i].signer;
        if (sig->office && !sig->name.km) {
            char path[64];
            snprintf(path, sizeof path, "parties[%zu].signatory.office", i);
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, sig->office_mark.file, sig->office_mark.line,
                         sig->office_mark.column, path,
                         "office '%s' needs a roster to name its holder (--roster FILE)",
                         sig->office);
        }
    }
}

/* ---- what makes the file one can sign and trust ---- */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The first line of text of a block list (a paragraph's text), or "". */
static const char *first_text(const sy_blocks *list, size_t *len)
{
    for (size_t i = 0; i < sy_blocks_count(list); i++) {
        const sy_block *b = sy_blocks_get(list, i);
        sy_block_kind k = sy_block_kind_of(b);
        if (k == SY_BLOCK_PARAGRAPH || k == SY_BLOCK_HEADING)
            return sy_block_text(b, len);
        const sy_blocks *kids = sy_block_body(b);
        const char *t = first_text(kids, len);
        if (*t)
            return t;
    }
    *len = 0;
    return "";
}

/* The cover sheet's bookmark: its first bilingual pair ("Khmer / English"),
 * so that the words are the template's. */
static void cover_bookmark(const sy_doc *cover, sy_buf *out)
{
    const sy_blocks *body = sy_doc_blocks(cover);
    for (size_t i = 0; i < sy_blocks_count(body); i++) {
        const sy_block *b = sy_blocks_get(body, i);
        while (b && sy_block_kind_of(b) != SY_BLOCK_PAIR && sy_blocks_count(sy_block_body(b)))
            b = sy_blocks_get(sy_block_body(b), 0);
        if (b && sy_block_kind_of(b) == SY_BLOCK_PAIR) {
            size_t kl, el;
            const char *km = first_text(sy_block_body(b), &kl);
            const char *en = first_text(sy_block_en(b), &el);
            sy_buf_put(out, km, kl);
            sy_buf_puts(out, " / ");
            sy_buf_put(out, en, el);
            return;
        }
    }
}

static sy_status nomem(sy_diags *d)
{
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

/* The Info dictionary and XMP: title, subject, keywords, authors (the
 * parties), the signing day as the creation date. */
static sy_status set_metadata(sy_pdf *pdf, const sy_model *m, const sy_tpl *tpl, sy_diags *d)
{
    sy_buf t = SY_BUF_INIT, subj = SY_BUF_INIT, kw = SY_BUF_INIT, author = SY_BUF_INIT;
    sy_buf_printf(&t, "%s / %s", m->title.km, m->title.en);
    sy_buf_printf(&subj, "%s: ", sy_tpl_subject(tpl));
    sy_buf_printf(&kw, "%s, %s", sy_tpl_name(tpl), m->id);
    for (size_t i = 0; i < m->nparties; i++) {
        const sy_model_party *p = &m->parties[i];
        sy_buf_printf(&subj, "%s%s", i ? "; " : "", p->name.en);
        sy_buf_printf(&author, "%s%s", i ? "; " : "", p->name.en);
        sy_buf_printf(&kw, ", %s", p->id);
    }
    char created[11];
    sy_date_format_iso(m->signed_on, created);
    sy_status st = SY_OK;
    if (sy_buf_failed(&t) || sy_buf_failed(&subj) || sy_buf_failed(&kw) || sy_buf_failed(&author))
        st = nomem(d);
    if (st == SY_OK) {
        sy_pdf_info info = {t.data, subj.data, kw.data, author.data, "sanya", created};
        st = sy_pdf_set_info(pdf, &info, d);
    }
    sy_buf_free(&t);
    sy_buf_free(&subj);
    sy_buf_free(&kw);
    sy_buf_free(&author);
    return st;
}

/* Bookmarks (the cover sheet, then every article in both languages) and
 * page labels (the cover sheet apart from the agreement's 1, 2, 3). */
static sy_status add_navigation(sy_pdf *pdf, const sy_tpl *tpl, const sy_doc *cover_doc,
                                const sy_render_result *cover, const sy_render_result *mou,
                                sy_diags *d)
{
    sy_status st = SY_OK;
    if (cover) {
        sy_buf bm = SY_BUF_INIT;
        cover_bookmark(cover_doc, &bm);
        if (sy_buf_failed(&bm))
            st = nomem(d);
        else if (bm.len)
            st = sy_pdf_add_bookmark(pdf, sy_render_result_first_page(cover),
                                     sy_style_page(sy_tpl_style(tpl))->height, bm.data, d);
        sy_buf_free(&bm);
    }
    for (size_t i = 0; mou && st == SY_OK && i < sy_render_result_mark_count(mou); i++) {
        const sy_render_mark *rm = sy_render_result_mark(mou, i);
        st = sy_pdf_add_bookmark(pdf, rm->page, rm->y, rm->title, d);
    }
    if (st == SY_OK && cover)
        st = sy_pdf_add_page_label(pdf, sy_render_result_first_page(cover), "cover-",
                                   SY_PDF_LABEL_DECIMAL, 1, d);
    if (st == SY_OK && mou)
        st = sy_pdf_add_page_label(pdf, sy_render_result_first_page(mou), NULL,
                                   SY_PDF_LABEL_DECIMAL, 1, d);
    return st;
}

/* Signature fields over the signing lines: sig-<party>, and
 * sig-<party>-<n> for a party with more than one signatory. */
static sy_status add_signature_fields(sy_pdf *pdf, const sy_render_result *mou, sy_diags *d)
{
    sy_status st = SY_OK;
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
        if (st == SY_OK && sp->form) /* its Form element in the structure tree */
            st = sy_pdf_tag_field(pdf, sp->form, name, d);
    }
    return st;
}

/* The inputs travel with the document (the agreement's YAML as written and
 * the roster entries it used), and the /ID derives from them, never from
 * the clock: the day counts only when the cover sheet shows it. */
static sy_status attach_inputs(sy_pdf *pdf, const sy_agreement *a, const sy_roster *roster,
                               const sy_builder_options *o, sy_date as_of, const sy_tpl *tpl,
                               int layout, int with_cover, sy_diags *d)
{
    size_t src_len = 0;
    const char *src = sy_agreement_source(a, &src_len);
    sy_buf used = SY_BUF_INIT;
    sy_status st = SY_OK;
    if (roster)
        st = sy_agreement_write_roster_used(a, roster, &used, d);
    if (st == SY_OK) {
        /* The agreement is attached under its file name: a name that cannot
         * be one (not UTF-8, a control character) is reported at the file,
         * saying what to do. */
        sy_diags *mine = sy_diags_new();
        st = sy_pdf_attach_file(pdf, base_name(sy_agreement_name(a)), src, src_len,
                                "application/yaml",
                                "The agreement data this document was made from", mine ? mine : d);
        for (size_t i = 0; mine && i < sy_diags_count(mine); i++) {
            const sy_diag *e = sy_diags_get(mine, i);
            sy_diags_add(d, e->severity, e->code, sy_agreement_name(a), 0, 0, e->path,
                         "%s: the agreement is attached to the PDF under its file name, which "
                         "must be UTF-8 without control characters: rename the file",
                         e->message);
        }
        sy_diags_free(mine);
    }
    if (st == SY_OK && roster && !sy_buf_failed(&used))
        st = sy_pdf_attach_file(pdf, "roster-used.yaml", used.data, used.len, "application/yaml",
                                "The roster entries (office holders) this document used", d);
    if (st == SY_OK) {
        char iso[11], parts_s[32];
        if (with_cover)
            sy_date_format_iso(as_of, iso);
        else
            iso[0] = 0;
        /* A PDF/A file is another file of the same inputs: its own ID
         * (a plain build's ID stays what it always was). */
        int pdfa = o->pdfa || sy_style_pdfa(sy_tpl_style(tpl));
        snprintf(parts_s, sizeof parts_s, "%d/%d%s", (int)o->parts, layout, pdfa ? "/pdfa" : "");
        const char *template_name = sy_tpl_name(tpl);
        const void *parts[] = {src, used.data, template_name, iso, parts_s};
        size_t lens[] = {src_len, used.len, strlen(template_name), strlen(iso), strlen(parts_s)};
        unsigned char digest[16];
        sy_pdf_hash_inputs(parts, lens, 5, digest);
        st = sy_pdf_set_id(pdf, digest, d);
    }
    sy_buf_free(&used);
    return st;
}

/* What makes the file one can sign and trust: metadata, navigation,
 * signature fields, the attached inputs and the /ID. */
static sy_status add_trust(sy_pdf *pdf, const sy_agreement *a, const sy_roster *roster,
                           const sy_builder_options *o, sy_date as_of, const sy_tpl *tpl,
                           int layout, const sy_doc *cover_doc, const sy_render_result *cover,
                           const sy_render_result *mou, sy_diags *d)
{
    sy_status st = set_metadata(pdf, sy_agreement_model(a), tpl, d);
    if (st == SY_OK)
        st = add_navigation(pdf, tpl, cover_doc, cover, mou, d);
    if (st == SY_OK)
        st = add_signature_fields(pdf, mou, d);
    if (st == SY_OK)
        st = attach_inputs(pdf, a, roster, o, as_of, tpl, layout, cover != NULL, d);
    return st;
}

/* What one build holds between its stages; freed by build_free. */
typedef struct build {
    sy_roster *roster;
    sy_agreement *agreement;
    const sy_tpl *tpl; /* the builder's */
    sy_value *data; /* the template engine's tree, made from the model */
    sy_doc *doc, *cover;
    sy_pdf *pdf;
    sy_render_result *cover_res, *res;
    sy_date as_of;
    sy_doc_layout layout;
    int borrowed; /* roster and agreement are the caller's */
    int roster_kept; /* the roster is the builder's (b->roster) */
} build;

static void build_free(build *w)
{
    sy_render_result_free(w->cover_res);
    sy_render_result_free(w->res);
    sy_pdf_free(w->pdf);
    sy_doc_free(w->cover);
    sy_doc_free(w->doc);
    sy_value_free(w->data);
    if (!w->borrowed) {
        sy_agreement_free(w->agreement);
        if (!w->roster_kept)
            sy_roster_free(w->roster);
    }
}

/* The roster at path for build w: the builder's when the file holds the
 * bytes it was loaded from, else loaded (and kept by the builder when that
 * reported nothing), as sy_roster_load would. NULL after reporting into d. */
static sy_roster *roster_of(sy_builder *b, build *w, const char *path, sy_diags *d)
{
    char *data = NULL;
    size_t len = 0;
    sy_diags *quiet = sy_diags_new();
    sy_status st =
        quiet ? sy_file_read_max(path, SY_LIMIT_YAML_BYTES, &data, &len, quiet) : SY_ERR_NOMEM;
    sy_diags_free(quiet);
    if (st != SY_OK) {
        free(data);
        return sy_roster_load(path, d); /* which says what is wrong */
    }
    if (b->roster && !strcmp(b->roster_path, path) && b->roster_len == len &&
        !memcmp(b->roster_bytes, data, len)) {
        free(data);
        w->roster_kept = 1;
        return b->roster;
    }
    size_t before = sy_diags_count(d);
    sy_roster *r = sy_roster_load_buffer(path, data, len, d);
    char *copy = r && sy_diags_count(d) == before ? strdup(path) : NULL;
    if (!copy) {
        free(data);
        return r;
    }
    forget_roster(b);
    b->roster = r;
    b->roster_path = copy;
    b->roster_bytes = data;
    b->roster_len = len;
    w->roster_kept = 1;
    return r;
}

/* Data stage: the roster, the agreement and its model, every office named. */
static sy_status load_data(sy_builder *b, build *w, const sy_builder_options *o, sy_diags *d)
{
    if (o->roster && !(w->roster = roster_of(b, w, o->roster, d)))
        return sy_diags_status(d);
    if (!(w->agreement = sy_agreement_load(o->agreement, w->roster, d)))
        return sy_diags_status(d);
    if (sy_diags_errors(d))
        return sy_diags_status(d);
    if (sy_agreement_unresolved(w->agreement)) {
        report_unresolved(sy_agreement_model(w->agreement), d);
        return SY_ERR_DATA;
    }
    return SY_OK;
}

/* The template in folder dir: loaded on first use, then the builder's copy.
 * NULL after reporting into d (a template that failed is tried again next
 * time, so its errors are reported each time). */
static const sy_tpl *template_of(sy_builder *b, const char *dir, sy_diags *d)
{
    for (size_t i = 0; i < b->ntpls; i++)
        if (!strcmp(b->tpls[i].dir, dir))
            return b->tpls[i].tpl;
    if (SY_RESERVE(b->tpls, b->captpls, b->ntpls + 1) != 0) {
        nomem(d);
        return NULL;
    }
    sy_tpl *t = sy_tpl_load(dir, d);
    char *copy = t ? strdup(dir) : NULL;
    if (!copy) {
        if (t)
            nomem(d);
        sy_tpl_free(t);
        return NULL;
    }
    b->tpls[b->ntpls++] = (cached_tpl){copy, t};
    return t;
}

/* Template stage: the agreement's document and, unless left out, the
 * cover sheet from the checklist as of the day asked for. */
static sy_status make_documents(sy_builder *b, build *w, const sy_builder_options *o, sy_diags *d)
{
    const sy_model *m = sy_agreement_model(w->agreement);
    const char *name = o->template_ ? o->template_ : m->template_name;
    char *dir = sy_tpl_folder(b->data_dir, name ? name : "mou");
    if (!dir)
        return nomem(d);
    w->tpl = template_of(b, dir, d);
    free(dir);
    if (!w->tpl)
        return sy_diags_status(d);
    if (!(w->data = sy_model_template_data(m)))
        return nomem(d);
    if (!(w->doc = sy_tpl_render(w->tpl, b->env, w->data, d)) || sy_diags_errors(d))
        return sy_diags_status(d);
    w->layout = m->layout;
    if (o->layout >= 0)
        w->layout = (sy_doc_layout)o->layout;
    w->as_of = sy_date_valid(o->as_of) ? o->as_of : m->signed_on;
    if (o->parts == SY_BUILDER_AGREEMENT_ONLY)
        return SY_OK;
    sy_checklist *cl = NULL;
    sy_status st = sy_checklist_new(w->agreement, w->roster, w->as_of, &cl, d);
    if (st != SY_OK)
        return st;
    sy_value *cover_data = sy_checklist_template_data(cl, w->agreement);
    sy_checklist_free(cl);
    if (!cover_data)
        return nomem(d);
    w->cover = sy_tpl_render_cover(w->tpl, b->env, cover_data, w->data, d);
    sy_value_free(cover_data);
    return w->cover && !sy_diags_errors(d) ? SY_OK : sy_diags_status(d);
}

#ifndef SY_PDFA_ICC_SYSTEM
#define SY_PDFA_ICC_SYSTEM "/usr/share/color/icc/sRGB.icc" /* Debian's icc-profiles-free */
#endif

/* Makes pdf PDF/A-3b with the sRGB profile: the data folder's own
 * (color/sRGB.icc, for an installation that ships one), else the system's;
 * read once per builder. */
static sy_status make_pdfa(sy_builder *b, sy_pdf *pdf, sy_diags *d)
{
    if (!b->icc) {
        sy_buf path = SY_BUF_INIT;
        sy_buf_printf(&path, "%s/color/sRGB.icc", b->data_dir);
        if (sy_buf_failed(&path))
            return nomem(d);
        const char *use = access(path.data, F_OK) == 0 ? path.data : SY_PDFA_ICC_SYSTEM;
        sy_status st = access(use, F_OK) == 0
            ? sy_file_read_max(use, SY_LIMIT_ICC_BYTES, &b->icc, &b->icc_len, d)
            : sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, use, 0, 0, NULL,
                           "PDF/A needs an sRGB ICC profile for its output intent: install "
                           "icc-profiles-free (apt-get install icc-profiles-free) or put one at "
                           "%s",
                           path.data);
        sy_buf_free(&path);
        if (st != SY_OK)
            return st;
    }
    return sy_pdf_set_pdfa(pdf, b->icc, b->icc_len, d);
}

/* Every stage after the data: documents, pages, the PDF (kept in *pdf_out
 * when not NULL). */
static sy_status run_stages(sy_builder *b, build *w, const sy_builder_options *o, char **pdf_out,
                            size_t *len, size_t *pages, sy_diags *d)
{
    sy_status st = make_documents(b, w, o, d);
    if (st == SY_OK && !(w->pdf = sy_pdf_new(d)))
        st = sy_diags_status(d);
    if (st == SY_OK)
        sy_pdf_set_font_cache(w->pdf, b->font_cache);
    if (st == SY_OK && (o->pdfa || sy_style_pdfa(sy_tpl_style(w->tpl))))
        st = make_pdfa(b, w->pdf, d);
    /* Tagged: a structure tree in reading order, Khmer the document's
     * language (the agreement is Khmer first; English elements say so). */
    size_t root = 0;
    if (st == SY_OK)
        st = sy_pdf_tags_enable(w->pdf, "km", &root, d);
    sy_render_options no_footer = {0, root}, with_footer = {1, root};
    if (st == SY_OK && w->cover)
        st = sy_render_doc_opts(b->render, w->cover, SY_LAYOUT_PARALLEL, w->pdf, &no_footer,
                                &w->cover_res, d);
    if (st == SY_OK && o->parts != SY_BUILDER_COVER_ONLY)
        st = sy_render_doc_opts(b->render, w->doc, w->layout, w->pdf, &with_footer, &w->res, d);
    if (st == SY_OK && pages)
        *pages = sy_pdf_page_count(w->pdf);
    if (st == SY_OK)
        st = add_trust(w->pdf, w->agreement, w->roster, o, w->as_of, w->tpl, (int)w->layout,
                       w->cover, w->cover_res, w->res, d);
    if (st == SY_OK && pdf_out)
        st = sy_pdf_finish(w->pdf, pdf_out, len, d);
    return st;
}

/* Every stage from the files named in o (pdf_out NULL: no file made). */
static sy_status load_and_run(sy_builder *b, const sy_builder_options *o, char **pdf_out,
                              size_t *len, size_t *pages, sy_diags *d)
{
    build w;
    memset(&w, 0, sizeof w);
    sy_status st = load_data(b, &w, o, d);
    if (st == SY_OK)
        st = run_stages(b, &w, o, pdf_out, len, pages, d);
    build_free(&w);
    return st;
}

sy_status sy_builder_pdf(sy_builder *b, const sy_builder_options *o, char **pdf_out, size_t *len,
                         size_t *pages, sy_diags *d)
{
    *pdf_out = NULL;
    *len = 0;
    if (pages)
        *pages = 0;
    return load_and_run(b, o, pdf_out, len, pages, d);
}

sy_status sy_builder_check(sy_builder *b, const sy_builder_options *o, sy_diags *d)
{
    return load_and_run(b, o, NULL, NULL, NULL, d);
}

/* Every stage after the data, for an agreement the caller loaded and keeps
 * (pdf_out NULL: no file made). */
static sy_status run_loaded(sy_builder *b, const sy_agreement *a, const sy_roster *roster,
                            const sy_builder_options *o, char **pdf_out, size_t *len, size_t *pages,
                            sy_diags *d)
{
    build w;
    memset(&w, 0, sizeof w);
    w.borrowed = 1;
    w.agreement = (sy_agreement *)a;
    w.roster = (sy_roster *)roster;
    sy_status st = SY_OK;
    if (sy_agreement_unresolved(a)) {
        report_unresolved(sy_agreement_model(a), d);
        st = SY_ERR_DATA;
    }
    if (st == SY_OK)
        st = run_stages(b, &w, o, pdf_out, len, pages, d);
    build_free(&w);
    return st;
}

sy_status sy_builder_check_loaded(sy_builder *b, const sy_agreement *a, const sy_roster *roster,
                                  const sy_builder_options *o, sy_diags *d)
{
    return run_loaded(b, a, roster, o, NULL, NULL, NULL, d);
}

int sy_builder_can_check(const sy_agreement *a, int roster_given, const sy_roster *roster)
{
    /* without a roster, office signatories have no name yet: the template
     * cannot be tried, only the data */
    return a && (!roster_given || roster) && !sy_agreement_unresolved(a);
}

sy_status sy_builder_pdf_loaded(sy_builder *b, const sy_agreement *a, const sy_roster *roster,
                                const sy_builder_options *o, char **pdf_out, size_t *len,
                                size_t *pages, sy_diags *d)
{
    *pdf_out = NULL;
    *len = 0;
    if (pages)
        *pages = 0;
    return run_loaded(b, a, roster, o, pdf_out, len, pages, d);
}
