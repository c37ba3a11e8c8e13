/* The typed agreement model: what every later stage reads.
 *
 * In: a validated agreement (data.h), whose tree has every default filled in
 * and every office signatory resolved. Out: plain structs (parties,
 * signatories, articles, approvals, the term with its end and renewal
 * number), each value with its YAML mark (its field path follows from where
 * it sits: parties[i].name.km), so that the last stage can still say
 * "articles[2].body.km at agreement.yaml:41:7".
 * This is the one place that reads the validated tree by key; the template
 * engine's value tree is made back from the model (sy_model_template_data).
 *
 * Memory: the model is owned by its sy_agreement (sy_agreement_model) and
 * valid while the agreement lives; strings point into the agreement's tree
 * or the roster's (resolved signatories), so the roster must outlive it
 * too. */
#ifndef SY_DATA_MODEL_H
#define SY_DATA_MODEL_H

#include <stddef.h>

#include "core/align.h"
#include "core/value.h"

/* A text in both languages. km/en are NULL when the text is absent (an
 * optional field); km_mark/en_mark say where each side was written. */
typedef struct sy_model_text {
    const char *km, *en;
    sy_mark mark, km_mark, en_mark;
} sy_model_text;

typedef enum sy_party_kind {
    SY_PARTY_GOVERNMENT = 0,
    SY_PARTY_NGO,
    SY_PARTY_INTERNATIONAL,
    SY_PARTY_COMPANY,
    SY_PARTY_ACADEMIC
} sy_party_kind;

/* Who signs for a party: named in the file, or the holder of an office on
 * the signing date (then name and title come from the roster, and their
 * marks point into the roster file). */
typedef struct sy_model_signer {
    const char *office; /* the office id, or NULL when named directly */
    sy_mark office_mark;
    sy_model_text name, title; /* km/en NULL while an office is unresolved */
    sy_mark mark;
} sy_model_signer;

typedef struct sy_model_party {
    const char *id;
    sy_party_kind kind;
    sy_mark id_mark, kind_mark;
    sy_model_text name;
    sy_model_text short_name; /* optional */
    sy_model_signer signer;
    sy_mark mark;
} sy_model_party;

typedef struct sy_model_article {
    sy_model_text title, body;
    sy_mark mark;
} sy_model_article;

/* The approval steps an agreement goes through before signature, in the
 * order the cover sheet lists them. */
typedef enum sy_approval_step {
    SY_STEP_LOCAL_LEADER_LETTER = 0,
    SY_STEP_CITY_HALL,
    SY_STEP_MINISTRY_CABINET,
    SY_STEP_CITY_DEPARTMENT
} sy_approval_step;
#define SY_APPROVAL_STEPS 4

/* One approval as written: given (has_date) or still pending. */
typedef struct sy_model_approval {
    sy_approval_step step;
    const sy_model_party *party; /* the government party, for ministry steps; else NULL */
    int has_date;
    sy_date date;
    const char *ref; /* NULL when not given */
    sy_mark step_mark, party_mark, date_mark, ref_mark;
    sy_model_text responsible, note; /* optional */
    size_t index; /* position in the file's approvals list */
    sy_mark mark;
} sy_model_approval;

typedef struct sy_model_term {
    int years;
    int renewal; /* 0 for a first agreement, N for the N-th renewal */
    sy_date start, end; /* end: the day before the anniversary of start */
    int given; /* the file has a term (else the defaults apply) */
    sy_mark mark, years_mark, renewal_mark, start_mark; /* defaults: the term's (or file's) */
} sy_model_term;

typedef struct sy_model {
    const char *id;
    const char *template_name;
    sy_doc_layout layout; /* how bilingual pairs are set */
    sy_mark id_mark, template_mark, layout_mark;
    sy_model_text title, preamble, place;
    sy_date signed_on;
    sy_mark signed_mark;
    sy_model_term term;
    const char *lunar_override_km; /* the date line as written, or NULL */
    sy_mark lunar_override_mark;
    sy_model_party *parties;
    size_t nparties;
    sy_model_article *articles;
    size_t narticles;
    sy_model_approval *approvals;
    size_t napprovals;
    /* The approvals of the term this agreement renews, as `sanya renew` kept
     * them (history: no step of this term's checklist reads them). */
    sy_model_approval *previous_approvals;
    size_t nprevious_approvals;
    sy_mark mark;
} sy_model;

/* Names (static strings) as the schema writes them. */
const char *sy_party_kind_name(sy_party_kind k);
const char *sy_approval_step_name(sy_approval_step s);

/* The party with this id, NULL when there is none. */
const sy_model_party *sy_model_party_by_id(const sy_model *m, const char *id);
/* The first party that is not a government one (the NGO that usually
 * gathers the approvals), NULL when there is none. */
const sy_model_party *sy_model_first_ngo(const sy_model *m);

/* The template engine's value tree for the agreement, made from the model
 * (the keys of docs/agreement-schema.md, each value with its mark). Returns
 * a new tree (free with sy_value_free) or NULL when out of memory. */
sy_value *sy_model_template_data(const sy_model *m);

#endif
