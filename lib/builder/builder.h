/* Building an agreement: the whole pipeline in one call.
 *
 * agreement YAML (+ roster) -> validated data (lib/data) -> template
 * (lib/tpl, with the calendar filters date_km, date_en and lunar_km of
 * lib/cal registered) -> document tree -> pages (lib/render) -> PDF.
 *
 * Memory: a sy_builder holds what a batch of builds shares (fonts, the text
 * context, resolved styles); create it once, build many agreements. */
#ifndef SY_BUILDER_H
#define SY_BUILDER_H

#include <stddef.h>

#include "core/error.h"
#include "data/data.h"
#include "doc/doc.h"

typedef struct sy_builder sy_builder;

/* data_dir holds fonts/manifest and templates/. Returns NULL with errors
 * in d. Free with sy_builder_free. */
sy_builder *sy_builder_new(const char *data_dir, sy_diags *d);
void sy_builder_free(sy_builder *b);

/* What the document holds: the approval-checklist cover sheet, then the
 * agreement (the default); the agreement alone; or the cover sheet alone. */
typedef enum sy_builder_parts {
    SY_BUILDER_COVER_AND_AGREEMENT = 0,
    SY_BUILDER_AGREEMENT_ONLY,
    SY_BUILDER_COVER_ONLY
} sy_builder_parts;

typedef struct sy_builder_options {
    const char *agreement; /* path of the agreement YAML */
    const char *roster; /* path of the roster YAML, or NULL */
    const char *template_; /* a template name (templates/NAME) or folder; NULL: the data's */
    int layout; /* -1: the data's (or the template's); else a sy_doc_layout */
    sy_builder_parts parts;
    sy_date as_of; /* the day the cover sheet gives the status at (an input:
                      lib/ reads no clock); {0,0,0}: the signing date */
    int pdfa; /* 1: PDF/A-3b; 0: as the template's style sheet says (`pdfa`).
                 PDF/A needs the sRGB ICC profile: DATA_DIR/color/sRGB.icc,
                 else SY_PDFA_ICC_SYSTEM (icc-profiles-free's
                 /usr/share/color/icc/sRGB.icc); neither is SY_ERR_NOINPUT */
} sy_builder_options;

/* Builds the agreement into a PDF in memory (*pdf malloc'd; caller frees).
 * Every error of the data or the template is reported in d. *pages (may be
 * NULL) receives the page count. */
sy_status sy_builder_pdf(sy_builder *b, const sy_builder_options *o, char **pdf, size_t *len,
                         size_t *pages, sy_diags *d);

/* Runs every check sy_builder_pdf runs on the same options (data, roster,
 * template, a font for every character, line fitting) and writes nothing,
 * so that `sanya check` and `sanya build` agree on every file. Problems go
 * into d; returns the first error's status or SY_OK. */
sy_status sy_builder_check(sy_builder *b, const sy_builder_options *o, sy_diags *d);
/* The same for an agreement (and roster, may be NULL) the caller loaded and
 * keeps: the stages after the data (o->agreement and o->roster are not
 * read). */
sy_status sy_builder_check_loaded(sy_builder *b, const sy_agreement *a, const sy_roster *roster,
                                  const sy_builder_options *o, sy_diags *d);
/* Non-zero when `sanya check` goes on from the data to the build's own
 * checks for agreement a: its signatories can be named (roster_given is 0
 * and none signs by office, or the roster given was loaded). The command
 * and the drafting page (lib/serve) ask the same question. */
int sy_builder_can_check(const sy_agreement *a, int roster_given, const sy_roster *roster);
/* sy_builder_pdf for an agreement (and roster, may be NULL) the caller
 * loaded and keeps: a batch reads each file once (o->agreement and
 * o->roster are not read). The roster must be the one a was loaded with. */
sy_status sy_builder_pdf_loaded(sy_builder *b, const sy_agreement *a, const sy_roster *roster,
                                const sy_builder_options *o, char **pdf_out, size_t *len,
                                size_t *pages, sy_diags *d);

/* Registers the calendar filters (date_km, date_en, lunar_km) in a template
 * environment (a sy_tpl_env). */
sy_status sy_builder_add_calendar_filters(void *tpl_env);

#endif
