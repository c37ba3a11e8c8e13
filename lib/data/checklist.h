/* The approval checklist of an agreement: the facts its cover sheet states,
 * computed once from the typed model, the roster and a day ("as of").
 *
 * Which approval steps the parties require (the local leader's letter, city
 * hall, and the cabinet and the city department of each government party),
 * each step's newest approval with its history and what is still pending;
 * the term's end and the date by which renewal must start, with how near it
 * is; and every change of leadership in a signing office since signing.
 * The words are the template's (templates/mou/cover.tpl): this module only
 * computes, and sy_checklist_template_data hands the facts to the template.
 *
 * Memory: a sy_checklist borrows the model and the roster it was made from
 * (both must outlive it); free it with sy_checklist_free. */
#ifndef SY_DATA_CHECKLIST_H
#define SY_DATA_CHECKLIST_H

#include <stddef.h>

#include "core/error.h"
#include "core/value.h"
#include "data/data.h"
#include "data/model.h"

/* The renewal process starts this many months before the term ends (the four
 * approvals take months to gather)... */
#define SY_CHECKLIST_RENEWAL_LEAD_MONTHS 6
/* ...and the cover warns from this many months before that date. */
#define SY_CHECKLIST_RENEWAL_WARN_MONTHS 6

/* How near the date renewal must start by is, on the as-of day. */
typedef enum sy_renewal_state {
    SY_RENEWAL_FINE = 0, /* more than SY_CHECKLIST_RENEWAL_WARN_MONTHS away */
    SY_RENEWAL_DUE, /* within them */
    SY_RENEWAL_PAST /* the date has passed */
} sy_renewal_state;

/* One step of the checklist. */
typedef struct sy_checklist_step {
    sy_approval_step step;
    const sy_model_party *party; /* ministry steps: the government party; else NULL */
    /* The newest dated approval (the step's status), NULL when none. */
    const sy_model_approval *current;
    /* The earlier dated approvals, oldest first (current not included). */
    const sy_model_approval **history;
    size_t nhistory;
    /* Approvals written without a date (asked for, not given), file order. */
    const sy_model_approval **pending;
    size_t npending;
    /* Who obtains it: the newest approval that names someone, else the
     * first NGO party's name (km/en NULL when neither exists). */
    sy_model_text responsible;
} sy_checklist_step;

/* A signing office that changed hands after the signing date. */
typedef struct sy_checklist_change {
    const sy_model_party *party;
    const char *office;
    sy_model_text office_title; /* the signatory's title at signing */
    sy_model_text old_holder; /* km/en NULL when the office was vacant */
    sy_model_text new_holder;
    sy_date date; /* the new holder's first day */
} sy_checklist_change;

typedef struct sy_checklist {
    sy_date as_of;
    sy_checklist_step *steps;
    size_t nsteps;
    size_t approved; /* steps with a dated approval */
    sy_date renew_by; /* SY_CHECKLIST_RENEWAL_LEAD_MONTHS before the term's end */
    sy_renewal_state renewal;
    sy_checklist_change *changes; /* party order, then date order */
    size_t nchanges;
} sy_checklist;

/* Computes the checklist of agreement a on day as_of (changes of leadership
 * are those of roster, which may be NULL, up to as_of). Returns SY_OK and
 * sets *out (free with sy_checklist_free), or SY_ERR_NOMEM with an entry in
 * d. */
sy_status sy_checklist_new(const sy_agreement *a, const sy_roster *roster, sy_date as_of,
                           sy_checklist **out, sy_diags *d);
void sy_checklist_free(sy_checklist *c);

/* The names the template sees: "fine", "due", "past" (static). */
const char *sy_renewal_state_name(sy_renewal_state s);

/* The cover template's data: {agreement, as_of, steps, approved, total,
 * term, renew_by, renewal, changes} (docs/templates.md lists every field),
 * each value with the mark of the data it derives from. Returns a new tree
 * (free with sy_value_free) or NULL when out of memory. */
sy_value *sy_checklist_template_data(const sy_checklist *c, const sy_agreement *a);

#endif
