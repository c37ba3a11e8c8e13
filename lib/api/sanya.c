/* The public API (sanya.h) over the internal modules: each sanya_ call
 * checks its arguments, translates the public types into the internal ones
 * (lib/builder, lib/pdf, lib/core) and hands the internal diagnostics on to
 * the caller's list. Nothing internal appears in sanya.h, so the modules may
 * change without breaking programs linked against libsanya.so. */
#include "sanya.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builder/builder.h"
#include "core/date.h"
#include "core/error.h"
#include "core/file.h"
#include "pdf/pdf.h"

struct sanya_diagnostics {
    sy_diags *list;
};

struct sanya_options {
    char *agreement;
    char *roster;
    char *template_;
    sanya_layout layout;
    sanya_parts parts;
    sy_date as_of; /* {0, 0, 0}: the signing date */
    int pdfa; /* 1: PDF/A-3b; 0: as the template says */
};

struct sanya_builder {
    sy_builder *builder;
};

struct sanya_attachments {
    sy_pdf_attachment *files;
    size_t n;
};

/* A sanya_diagnostic is a sy_diag seen through an incomplete type. */
static const sy_diag *diag_of(const sanya_diagnostic *diag)
{
    return (const sy_diag *)diag;
}

const char *sanya_version(void)
{
    return SANYA_VERSION_STRING;
}

/* ---- status and diagnostics ---- */

/* Spelled out rather than cast, so that the internal enum may change. */
static sanya_status public_status(sy_status s)
{
    switch (s) {
    case SY_OK:
        return SANYA_OK;
    case SY_ERR_USAGE:
        return SANYA_ERR_USAGE;
    case SY_ERR_DATA:
        return SANYA_ERR_DATA;
    case SY_ERR_NOINPUT:
        return SANYA_ERR_NOINPUT;
    case SY_ERR_CANTCREAT:
        return SANYA_ERR_CANTCREAT;
    case SY_ERR_LIMIT:
        return SANYA_ERR_LIMIT;
    case SY_ERR_NOMEM:
        return SANYA_ERR_NOMEM;
    case SY_ERR_INTERNAL:
        break;
    }
    return SANYA_ERR_INTERNAL;
}

static sy_status internal_status(sanya_status s)
{
    switch (s) {
    case SANYA_OK:
        return SY_OK;
    case SANYA_ERR_USAGE:
        return SY_ERR_USAGE;
    case SANYA_ERR_DATA:
        return SY_ERR_DATA;
    case SANYA_ERR_NOINPUT:
        return SY_ERR_NOINPUT;
    case SANYA_ERR_CANTCREAT:
        return SY_ERR_CANTCREAT;
    case SANYA_ERR_LIMIT:
        return SY_ERR_LIMIT;
    case SANYA_ERR_NOMEM:
        return SY_ERR_NOMEM;
    case SANYA_ERR_INTERNAL:
        break;
    }
    return SY_ERR_INTERNAL;
}

const char *sanya_status_name(sanya_status status)
{
    return sy_status_name(internal_status(status));
}

int sanya_status_exit_code(sanya_status status)
{
    return sy_status_exit_code(internal_status(status));
}

sanya_diagnostics *sanya_diagnostics_new(void)
{
    sanya_diagnostics *diags = malloc(sizeof *diags);
    if (diags && !(diags->list = sy_diags_new())) {
        free(diags);
        return NULL;
    }
    return diags;
}

void sanya_diagnostics_free(sanya_diagnostics *diags)
{
    if (!diags)
        return;
    sy_diags_free(diags->list);
    free(diags);
}

void sanya_diagnostics_clear(sanya_diagnostics *diags)
{
    if (diags)
        sy_diags_clear(diags->list);
}

size_t sanya_diagnostics_count(const sanya_diagnostics *diags)
{
    return diags ? sy_diags_count(diags->list) : 0;
}

const sanya_diagnostic *sanya_diagnostics_get(const sanya_diagnostics *diags, size_t i)
{
    if (i >= sanya_diagnostics_count(diags))
        return NULL;
    return (const sanya_diagnostic *)sy_diags_get(diags->list, i);
}

int sanya_diagnostics_lost(const sanya_diagnostics *diags)
{
    return diags ? sy_diags_lost(diags->list) : 0;
}

sanya_severity sanya_diagnostic_severity(const sanya_diagnostic *diag)
{
    switch (diag_of(diag)->severity) {
    case SY_SEV_ERROR:
        break;
    case SY_SEV_WARNING:
        return SANYA_SEVERITY_WARNING;
    case SY_SEV_NOTE:
        return SANYA_SEVERITY_NOTE;
    }
    return SANYA_SEVERITY_ERROR;
}

sanya_status sanya_diagnostic_status(const sanya_diagnostic *diag)
{
    return public_status(diag_of(diag)->code);
}

const char *sanya_diagnostic_message(const sanya_diagnostic *diag)
{
    return diag_of(diag)->message ? diag_of(diag)->message : "";
}

const char *sanya_diagnostic_suggestion(const sanya_diagnostic *diag)
{
    return diag_of(diag)->suggestion;
}

const char *sanya_diagnostic_file(const sanya_diagnostic *diag)
{
    return diag_of(diag)->file;
}

int sanya_diagnostic_line(const sanya_diagnostic *diag)
{
    return diag_of(diag)->line;
}

int sanya_diagnostic_column(const sanya_diagnostic *diag)
{
    return diag_of(diag)->column;
}

const char *sanya_diagnostic_path(const sanya_diagnostic *diag)
{
    return diag_of(diag)->path;
}

int sanya_diagnostic_format(const sanya_diagnostic *diag, char *buf, size_t size)
{
    return sy_diag_format(diag_of(diag), buf, size);
}

/* Every call collects into a fresh internal list (the builder takes any
 * error already in its list as its own), then appends the entries to the
 * caller's list, which may be NULL. Returns st as a public status. */
static sanya_status hand_on(sy_diags *from, sanya_diagnostics *to, sy_status st)
{
    for (size_t i = 0; to && i < sy_diags_count(from); i++) {
        sy_diags_push(to->list, sy_diags_get(from, i));
    }
    if (to && sy_diags_lost(from))
        sy_diags_add(to->list, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL,
                     "some diagnostics were lost: out of memory");
    sy_diags_free(from);
    return public_status(st);
}

/* ---- options ---- */

sanya_options *sanya_options_new(void)
{
    return calloc(1, sizeof(sanya_options));
}

void sanya_options_free(sanya_options *opts)
{
    if (!opts)
        return;
    free(opts->agreement);
    free(opts->roster);
    free(opts->template_);
    free(opts);
}

/* Replaces *slot by a copy of value (NULL clears it). */
static sanya_status set_string(char **slot, const char *value)
{
    char *copy = NULL;
    if (value && !(copy = strdup(value)))
        return SANYA_ERR_NOMEM;
    free(*slot);
    *slot = copy;
    return SANYA_OK;
}

sanya_status sanya_options_set_agreement(sanya_options *opts, const char *path)
{
    if (!opts || !path || !*path)
        return SANYA_ERR_USAGE;
    return set_string(&opts->agreement, path);
}

sanya_status sanya_options_set_roster(sanya_options *opts, const char *path)
{
    if (!opts || (path && !*path))
        return SANYA_ERR_USAGE;
    return set_string(&opts->roster, path);
}

sanya_status sanya_options_set_template(sanya_options *opts, const char *template_)
{
    if (!opts || (template_ && !*template_))
        return SANYA_ERR_USAGE;
    return set_string(&opts->template_, template_);
}

sanya_status sanya_options_set_layout(sanya_options *opts, sanya_layout layout)
{
    if (!opts ||
        (layout != SANYA_LAYOUT_DEFAULT && layout != SANYA_LAYOUT_PARALLEL &&
         layout != SANYA_LAYOUT_SEQUENTIAL))
        return SANYA_ERR_USAGE;
    opts->layout = layout;
    return SANYA_OK;
}

sanya_status sanya_options_set_parts(sanya_options *opts, sanya_parts parts)
{
    if (!opts ||
        (parts != SANYA_PARTS_COVER_AND_AGREEMENT && parts != SANYA_PARTS_AGREEMENT_ONLY &&
         parts != SANYA_PARTS_COVER_ONLY))
        return SANYA_ERR_USAGE;
    opts->parts = parts;
    return SANYA_OK;
}

sanya_status sanya_options_set_pdfa(sanya_options *opts, int pdfa)
{
    if (!opts || (pdfa != 0 && pdfa != 1))
        return SANYA_ERR_USAGE;
    opts->pdfa = pdfa;
    return SANYA_OK;
}

sanya_status sanya_options_set_as_of(sanya_options *opts, const char *yyyy_mm_dd)
{
    if (!opts)
        return SANYA_ERR_USAGE;
    sy_date day = {0, 0, 0};
    if (yyyy_mm_dd && sy_date_parse_iso(yyyy_mm_dd, strlen(yyyy_mm_dd), &day) != 0)
        return SANYA_ERR_USAGE;
    opts->as_of = day;
    return SANYA_OK;
}

/* The builder's options for opts, or SY_ERR_USAGE (reported in d). */
static sy_status builder_options(const sanya_options *opts, sy_builder_options *out, sy_diags *d)
{
    if (!opts || !opts->agreement)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "no agreement file given (sanya_options_set_agreement)");
    memset(out, 0, sizeof *out);
    out->agreement = opts->agreement;
    out->roster = opts->roster;
    out->template_ = opts->template_;
    out->layout = opts->layout == SANYA_LAYOUT_PARALLEL ? SY_LAYOUT_PARALLEL
        : opts->layout == SANYA_LAYOUT_SEQUENTIAL       ? SY_LAYOUT_SEQUENTIAL
                                                        : -1;
    out->parts = opts->parts == SANYA_PARTS_AGREEMENT_ONLY ? SY_BUILDER_AGREEMENT_ONLY
        : opts->parts == SANYA_PARTS_COVER_ONLY            ? SY_BUILDER_COVER_ONLY
                                                           : SY_BUILDER_COVER_AND_AGREEMENT;
    out->as_of = opts->as_of;
    out->pdfa = opts->pdfa;
    return SY_OK;
}

/* ---- building ---- */

/* data_dir made absolute against the current folder (malloc'd), or NULL
 * when memory or the current folder is lacking. */
static char *absolute_dir(const char *data_dir)
{
    if (data_dir[0] == '/')
        return strdup(data_dir);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return NULL;
    size_t n = strlen(cwd) + strlen(data_dir) + 2;
    char *dir = malloc(n);
    if (dir)
        snprintf(dir, n, "%s/%s", cwd, data_dir);
    return dir;
}

sanya_status sanya_builder_new(const char *data_dir, sanya_builder **builder,
                               sanya_diagnostics *diags)
{
    if (builder)
        *builder = NULL;
    sy_diags *d = sy_diags_new();
    if (!d)
        return SANYA_ERR_NOMEM;
    if (!builder || !data_dir || !*data_dir)
        return hand_on(d, diags,
                       sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                                    "sanya_builder_new needs a data folder and a place for the "
                                    "builder"));
    sanya_builder *b = calloc(1, sizeof *b);
    /* Templates are found at each build: a relative folder must not depend
     * on where the process is then. */
    char *absolute = absolute_dir(data_dir);
    sy_status st = SY_OK;
    if (!b)
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    else if (!(b->builder = sy_builder_new(absolute ? absolute : data_dir, d)))
        st = sy_diags_errors(d) ? sy_diags_status(d) : SY_ERR_NOMEM;
    free(absolute);
    if (st == SY_OK)
        *builder = b;
    else
        free(b);
    return hand_on(d, diags, st);
}

void sanya_builder_free(sanya_builder *builder)
{
    if (!builder)
        return;
    sy_builder_free(builder->builder);
    free(builder);
}

sanya_status sanya_build(sanya_builder *builder, const sanya_options *opts, unsigned char **pdf,
                         size_t *len, sanya_diagnostics *diags)
{
    if (pdf)
        *pdf = NULL;
    if (len)
        *len = 0;
    sy_diags *d = sy_diags_new();
    if (!d)
        return SANYA_ERR_NOMEM;
    sy_builder_options o;
    sy_status st = SY_OK;
    if (!builder || !pdf || !len)
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                          "sanya_build needs a builder and somewhere to put the PDF");
    if (st == SY_OK)
        st = builder_options(opts, &o, d);
    char *bytes = NULL;
    if (st == SY_OK)
        st = sy_builder_pdf(builder->builder, &o, &bytes, len, NULL, d);
    if (st == SY_OK) {
        *pdf = (unsigned char *)bytes;
    } else {
        free(bytes);
        if (len)
            *len = 0;
    }
    return hand_on(d, diags, st);
}

sanya_status sanya_build_file(sanya_builder *builder, const sanya_options *opts, const char *path,
                              sanya_diagnostics *diags)
{
    if (!path || !*path) {
        sy_diags *d = sy_diags_new();
        if (!d)
            return SANYA_ERR_NOMEM;
        return hand_on(
            d, diags,
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL, "no output file given"));
    }
    unsigned char *pdf = NULL;
    size_t len = 0;
    sanya_status st = sanya_build(builder, opts, &pdf, &len, diags);
    if (st != SANYA_OK)
        return st;
    sy_diags *d = sy_diags_new();
    sy_status written = d ? sy_file_write_atomic(path, pdf, len, d) : SY_ERR_NOMEM;
    sanya_free(pdf);
    return d ? hand_on(d, diags, written) : SANYA_ERR_NOMEM;
}

sanya_status sanya_check(sanya_builder *builder, const sanya_options *opts,
                         sanya_diagnostics *diags)
{
    sy_diags *d = sy_diags_new();
    if (!d)
        return SANYA_ERR_NOMEM;
    sy_builder_options o;
    sy_status st = SY_OK;
    if (!builder)
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                          "sanya_check needs a builder");
    if (st == SY_OK)
        st = builder_options(opts, &o, d);
    if (st == SY_OK)
        st = sy_builder_check(builder->builder, &o, d);
    return hand_on(d, diags, st);
}

void sanya_free(void *bytes)
{
    free(bytes);
}

/* ---- reading a PDF back ---- */

sanya_status sanya_extract(const void *pdf, size_t len, sanya_attachments **out,
                           sanya_diagnostics *diags)
{
    if (out)
        *out = NULL;
    sy_diags *d = sy_diags_new();
    if (!d)
        return SANYA_ERR_NOMEM;
    if (!out || (!pdf && len))
        return hand_on(
            d, diags,
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                         "sanya_extract needs the PDF's bytes and a place for the list"));
    sanya_attachments *list = calloc(1, sizeof *list);
    if (!list)
        return hand_on(
            d, diags,
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory"));
    sy_status st = sy_pdf_extract_attachments(pdf ? pdf : "", len, &list->files, &list->n, d);
    if (st == SY_OK)
        *out = list;
    else
        sanya_attachments_free(list);
    return hand_on(d, diags, st);
}

void sanya_attachments_free(sanya_attachments *list)
{
    if (!list)
        return;
    sy_pdf_attachments_free(list->files, list->n);
    free(list);
}

size_t sanya_attachments_count(const sanya_attachments *list)
{
    return list ? list->n : 0;
}

const char *sanya_attachment_name(const sanya_attachments *list, size_t i)
{
    return i < sanya_attachments_count(list) ? list->files[i].name : NULL;
}

const unsigned char *sanya_attachment_data(const sanya_attachments *list, size_t i, size_t *len)
{
    if (i >= sanya_attachments_count(list)) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = list->files[i].len;
    /* An empty file may have no buffer: still answer a pointer. */
    return list->files[i].data ? list->files[i].data : (const unsigned char *)"";
}

const char *sanya_attachment_mime(const sanya_attachments *list, size_t i)
{
    return i < sanya_attachments_count(list) ? list->files[i].mime : NULL;
}
