/* sanya: YAML agreement data in, bilingual Khmer/English PDF memoranda out.
 *
 * This is the one installed header of libsanya; everything here is prefixed
 * sanya_ and uses plain C types. A program creates a builder once (it loads
 * the fonts and templates of a data folder), then builds or checks as many
 * agreements as it likes, each described by a sanya_options. Problems are
 * reported as values: every call that can fail returns a sanya_status and
 * appends what went wrong, with its file, line, column and data path, to a
 * sanya_diagnostics list the caller owns.
 *
 * Strings are UTF-8. Nothing here prints, exits, reads the environment or
 * the clock. A builder is not thread-safe: use each from one thread at a
 * time. */
#ifndef SANYA_H
#define SANYA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header. The Makefile reads these three lines: they
 * give the shared library's soname (libsanya.so.MAJOR) and the pkg-config
 * version. */
#define SANYA_VERSION_MAJOR 0
#define SANYA_VERSION_MINOR 8
#define SANYA_VERSION_PATCH 0

#define SANYA_VERSION_STR_(x) #x
#define SANYA_VERSION_XSTR_(x) SANYA_VERSION_STR_(x)
/* "MAJOR.MINOR.PATCH" of this header, e.g. "0.8.0". */
#define SANYA_VERSION_STRING                                                                       \
    SANYA_VERSION_XSTR_(SANYA_VERSION_MAJOR)                                                       \
    "." SANYA_VERSION_XSTR_(SANYA_VERSION_MINOR) "." SANYA_VERSION_XSTR_(SANYA_VERSION_PATCH)

/* Marks the functions the shared library exports; everything else in it is
 * hidden. */
#if defined(__GNUC__) && __GNUC__ >= 4
#define SANYA_EXPORT __attribute__((visibility("default")))
#else
#define SANYA_EXPORT
#endif

/* The version of the library linked at run time ("0.8.0"), static storage.
 * Compare with SANYA_VERSION_STRING to detect a mismatched install. */
SANYA_EXPORT const char *sanya_version(void);

/* ---- Status and diagnostics ---- */

/* What a call returns; SANYA_OK is 0. */
typedef enum sanya_status {
    SANYA_OK = 0,
    SANYA_ERR_USAGE, /* the caller passed something meaningless */
    SANYA_ERR_DATA, /* the agreement, roster or template is wrong */
    SANYA_ERR_NOINPUT, /* an input file, template or font is missing */
    SANYA_ERR_CANTCREAT, /* an output file cannot be written */
    SANYA_ERR_LIMIT, /* an input exceeds one of sanya's limits */
    SANYA_ERR_NOMEM, /* out of memory */
    SANYA_ERR_INTERNAL /* a dependency failed in a way that is sanya's bug */
} sanya_status;

/* A short English name of a status ("data error"), static storage. */
SANYA_EXPORT const char *sanya_status_name(sanya_status status);

/* The exit status the sanya command uses for a status (sysexits.h style):
 * 0 ok, 64 usage, 65 data, 66 no input, 70 internal, 73 cannot create. */
SANYA_EXPORT int sanya_status_exit_code(sanya_status status);

typedef enum sanya_severity {
    SANYA_SEVERITY_ERROR = 0,
    SANYA_SEVERITY_WARNING,
    SANYA_SEVERITY_NOTE
} sanya_severity;

/* An ordered list of problems. Calls append to it; it is never cleared
 * behind the caller's back, so one list can collect several calls. */
typedef struct sanya_diagnostics sanya_diagnostics;
/* One problem; owned by its list, valid until the list is cleared or freed. */
typedef struct sanya_diagnostic sanya_diagnostic;

/* A new empty list, or NULL when out of memory. Free it with
 * sanya_diagnostics_free. */
SANYA_EXPORT sanya_diagnostics *sanya_diagnostics_new(void);
/* Frees the list and every diagnostic in it; NULL is allowed. */
SANYA_EXPORT void sanya_diagnostics_free(sanya_diagnostics *diags);
/* Removes every entry (pointers to them become invalid). */
SANYA_EXPORT void sanya_diagnostics_clear(sanya_diagnostics *diags);

/* Number of entries (0 for NULL). */
SANYA_EXPORT size_t sanya_diagnostics_count(const sanya_diagnostics *diags);
/* Entry i, 0 <= i < count, or NULL when i is out of range. */
SANYA_EXPORT const sanya_diagnostic *sanya_diagnostics_get(const sanya_diagnostics *diags,
                                                           size_t i);
/* Non-zero when an entry could not be recorded for lack of memory. */
SANYA_EXPORT int sanya_diagnostics_lost(const sanya_diagnostics *diags);

SANYA_EXPORT sanya_severity sanya_diagnostic_severity(const sanya_diagnostic *diag);
/* The kind of problem; sanya_status_exit_code turns it into an exit status. */
SANYA_EXPORT sanya_status sanya_diagnostic_status(const sanya_diagnostic *diag);
/* The message alone, without place or suggestion ("unknown key 'titel'"). */
SANYA_EXPORT const char *sanya_diagnostic_message(const sanya_diagnostic *diag);
/* The word a "did you mean" suggests, as it would be written in the file
 * ("title"), or NULL when there is none. sanya_diagnostic_format includes
 * it. */
SANYA_EXPORT const char *sanya_diagnostic_suggestion(const sanya_diagnostic *diag);
/* The source file, or NULL when the problem has none. */
SANYA_EXPORT const char *sanya_diagnostic_file(const sanya_diagnostic *diag);
/* 1-based line and column in the file; 0 when unknown. */
SANYA_EXPORT int sanya_diagnostic_line(const sanya_diagnostic *diag);
SANYA_EXPORT int sanya_diagnostic_column(const sanya_diagnostic *diag);
/* The place in the data, such as "parties[1].signatory.office", or NULL. */
SANYA_EXPORT const char *sanya_diagnostic_path(const sanya_diagnostic *diag);

/* Writes "file:line:column: path: message" (only the parts that are known;
 * "warning: " before the message of a warning; the suggestion after it, as
 * in "; did you mean \"title\"?") and a NUL into buf, like
 * snprintf: returns the length the whole text needs, so a result >= size
 * means it was cut short. */
SANYA_EXPORT int sanya_diagnostic_format(const sanya_diagnostic *diag, char *buf, size_t size);

/* ---- What to build ---- */

/* How the two languages are set: the agreement's (or template's) choice,
 * side by side with Khmer on the left, or Khmer then English. */
typedef enum sanya_layout {
    SANYA_LAYOUT_DEFAULT = 0,
    SANYA_LAYOUT_PARALLEL,
    SANYA_LAYOUT_SEQUENTIAL
} sanya_layout;

/* What the document holds: the approval-checklist cover sheet, then the
 * agreement (the default); the agreement alone; the cover sheet alone. */
typedef enum sanya_parts {
    SANYA_PARTS_COVER_AND_AGREEMENT = 0,
    SANYA_PARTS_AGREEMENT_ONLY,
    SANYA_PARTS_COVER_ONLY
} sanya_parts;

/* The inputs of one build or check. Setters copy their strings; each
 * returns SANYA_OK, SANYA_ERR_USAGE for a meaningless value (the options are
 * then unchanged) or SANYA_ERR_NOMEM. */
typedef struct sanya_options sanya_options;

/* New options with every default (no agreement yet), or NULL when out of
 * memory. Free them with sanya_options_free. */
SANYA_EXPORT sanya_options *sanya_options_new(void);
/* Frees the options; NULL is allowed. */
SANYA_EXPORT void sanya_options_free(sanya_options *opts);

/* The agreement YAML file (required). Its base name is the name of the
 * file attached to the PDF. */
SANYA_EXPORT sanya_status sanya_options_set_agreement(sanya_options *opts, const char *path);
/* The roster of office holders, needed when a signatory is named by office;
 * NULL for none (the default). */
SANYA_EXPORT sanya_status sanya_options_set_roster(sanya_options *opts, const char *path);
/* A template name (the folder templates/NAME of the data folder) or, when
 * it holds a '/' and names a folder, that folder; NULL (the default): the
 * agreement's `template`, else "mou". */
SANYA_EXPORT sanya_status sanya_options_set_template(sanya_options *opts, const char *template_);
/* How the languages are set (default: SANYA_LAYOUT_DEFAULT). */
SANYA_EXPORT sanya_status sanya_options_set_layout(sanya_options *opts, sanya_layout layout);
/* What the document holds (default: SANYA_PARTS_COVER_AND_AGREEMENT). */
SANYA_EXPORT sanya_status sanya_options_set_parts(sanya_options *opts, sanya_parts parts);
/* 1: write PDF/A-3b (docs/pdfa.md); 0 (the default): as the template's
 * style sheet says (`pdfa`). PDF/A needs the sRGB ICC profile of Debian's
 * icc-profiles-free (or DATA_DIR/color/sRGB.icc): without it the build
 * fails with SANYA_ERR_NOINPUT. */
SANYA_EXPORT sanya_status sanya_options_set_pdfa(sanya_options *opts, int pdfa);
/* The day the cover sheet gives the approval status at, "YYYY-MM-DD"; NULL
 * (the default): the signing date. The library never reads the clock, so
 * the same options give the same bytes. */
SANYA_EXPORT sanya_status sanya_options_set_as_of(sanya_options *opts, const char *yyyy_mm_dd);

/* ---- Building ---- */

/* What a series of builds shares: the fonts, the text engine and the
 * templates' folder. */
typedef struct sanya_builder sanya_builder;

/* Makes a builder for the data folder data_dir, which holds fonts/manifest
 * and templates/ (installed as PREFIX/share/sanya; `pkg-config
 * --variable=datadir sanya` prints it); a relative data_dir is resolved now.
 * On SANYA_OK *builder is the new builder, to free with sanya_builder_free;
 * on error *builder is NULL and the reasons are appended to diags (which may
 * be NULL). */
SANYA_EXPORT sanya_status sanya_builder_new(const char *data_dir, sanya_builder **builder,
                                            sanya_diagnostics *diags);
/* Frees the builder; NULL is allowed. */
SANYA_EXPORT void sanya_builder_free(sanya_builder *builder);

/* Builds the agreement of opts into a PDF in memory. On SANYA_OK *pdf holds
 * *len bytes that belong to the caller: free them with sanya_free. On error
 * *pdf is NULL, *len is 0, and every problem found is appended to diags
 * (which may be NULL). The same options give the same bytes. */
SANYA_EXPORT sanya_status sanya_build(sanya_builder *builder, const sanya_options *opts,
                                      unsigned char **pdf, size_t *len, sanya_diagnostics *diags);

/* sanya_build, then writes the PDF to path atomically: on any error nothing
 * is written and an earlier file at path is left as it was. */
SANYA_EXPORT sanya_status sanya_build_file(sanya_builder *builder, const sanya_options *opts,
                                           const char *path, sanya_diagnostics *diags);

/* Runs every check sanya_build runs (data, roster, template, a font for
 * every character, line fitting) and writes nothing. Returns the first
 * error's status or SANYA_OK; every problem is appended to diags. */
SANYA_EXPORT sanya_status sanya_check(sanya_builder *builder, const sanya_options *opts,
                                      sanya_diagnostics *diags);

/* Frees memory that sanya returned to the caller (the bytes of sanya_build);
 * NULL is allowed. */
SANYA_EXPORT void sanya_free(void *bytes);

/* ---- Reading a PDF back ---- */

/* The files attached to a PDF (a sanya PDF carries the agreement YAML and
 * the roster entries it used). */
typedef struct sanya_attachments sanya_attachments;

/* Reads every attached file of the PDF pdf[0..len), also after incremental
 * updates such as a signature (the newest version of each object wins).
 * On SANYA_OK *out is a list the caller frees with sanya_attachments_free
 * (empty when the PDF has none); on error *out is NULL and the problem, with
 * the byte offset where it was found, is appended to diags. */
SANYA_EXPORT sanya_status sanya_extract(const void *pdf, size_t len, sanya_attachments **out,
                                        sanya_diagnostics *diags);
/* Frees the list and its files; NULL is allowed. */
SANYA_EXPORT void sanya_attachments_free(sanya_attachments *list);

/* Number of files (0 for NULL). */
SANYA_EXPORT size_t sanya_attachments_count(const sanya_attachments *list);
/* The name of file i (UTF-8), or NULL when i is out of range. Names come
 * from the PDF: check them before using one as a file name. Valid until the
 * list is freed. */
SANYA_EXPORT const char *sanya_attachment_name(const sanya_attachments *list, size_t i);
/* The bytes of file i; *len (may be NULL) receives their number. NULL when i
 * is out of range. Valid until the list is freed. */
SANYA_EXPORT const unsigned char *sanya_attachment_data(const sanya_attachments *list, size_t i,
                                                        size_t *len);
/* The media type of file i ("application/yaml"), or NULL when the PDF does
 * not say. */
SANYA_EXPORT const char *sanya_attachment_mime(const sanya_attachments *list, size_t i);

#ifdef __cplusplus
}
#endif

#endif
