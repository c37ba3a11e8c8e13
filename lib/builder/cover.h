/* The approval-checklist cover sheet of an agreement: what must be approved
 * before signing (the letter of support from a local leader, city hall, the
 * cabinet of each ministry that is a party, the city department of each of
 * those ministries), each with its status and who is responsible; the term
 * and its renewal; and a warning when a signing office has a new holder.
 *
 * In: the validated agreement value (lib/data), the leadership changes found
 * in the roster, and the date the status is given at. Out: a document tree
 * (lib/doc) that lib/render typesets like any other. */
#ifndef SY_BUILDER_COVER_H
#define SY_BUILDER_COVER_H

#include "core/error.h"
#include "core/value.h"
#include "data/data.h"
#include "doc/doc.h"

/* The date by which the renewal process must start: this many months
 * before the term ends (the four approvals take months to gather). */
#define SY_COVER_RENEWAL_LEAD_MONTHS 6
/* The renewal date is flagged when it is this close, or past. */
#define SY_COVER_RENEWAL_WARN_MONTHS 6

/* Builds the cover sheet. changes/nchanges: from
 * sy_agreement_leadership_changes (may be 0). Returns a document owned by
 * the caller (sy_doc_free), or NULL with an error in d. */
sy_doc *sy_cover_build(const sy_value *agreement, const sy_leadership_change *changes,
                       size_t nchanges, sy_date as_of, sy_diags *d);

#endif
