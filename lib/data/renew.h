/* Renewing an agreement: the next term's agreement file, written as the old
 * file's text with only the changed values spliced in.
 *
 * In: a loaded agreement (data.h; its source bytes are the text edited), the
 * roster, the renewal's signing date. Out: the bytes of the new agreement
 * file: `signed` and `term.start` are the new date, `term.renewal` one more,
 * the old `approvals` move to `previous_approvals` and `approvals` lists
 * the steps the checklist requires, pending; every other byte of the file
 * (comments, key order, quoting) is the old file's. The places come from a
 * second libyaml parse of the source, whose character marks are mapped to
 * byte offsets (Khmer text before a value on its line is several bytes per
 * character). docs/agreement-schema.md, "Renewal", gives the rules.
 *
 * Memory: the result is appended to the caller's sy_buf; problems go into
 * the caller's sy_diags. Nothing else outlives the call. */
#ifndef SY_DATA_RENEW_H
#define SY_DATA_RENEW_H

#include "core/buf.h"
#include "core/error.h"
#include "core/value.h"
#include "data/data.h"

typedef struct sy_renew_options {
    /* The renewal's signing date and the new term's first day. When has_on
     * is 0: the day after the old term ends (a file without a term needs
     * it). */
    int has_on;
    sy_date on;
    /* The new term's length in years (1..99); 0 keeps the old term's (a
     * file without a term needs it). */
    int years;
    /* The name of the new file in messages about it (NULL: "renewal"). */
    const char *name;
} sy_renew_options;

/* What the new file says, for the caller's messages and file name. */
typedef struct sy_renewal {
    int renewal; /* the new term.renewal */
    sy_date on; /* the new signing date and term start */
    sy_date end; /* the new term's last day */
} sy_renewal;

/* Appends the next term's agreement file for a to out.
 *
 * r: the roster; each {office: ID} signatory must have a holder on the new
 * signing date in it (an error naming the office otherwise; r may be NULL
 * only when no signatory signs by office). A note names each office whose
 * holder is not the one who signed the old term. The new text is loaded
 * again (with r) before it is handed out: whatever comes back passes the
 * schema. info (may be NULL) receives what the new file says.
 *
 * Returns SY_OK; SY_ERR_USAGE for a date or length that cannot be (the new
 * date not after the old signing date, no term and no --on/--years) or a
 * missing roster; SY_ERR_DATA when the roster has no holder or the new file
 * would not load (problems in d); SY_ERR_NOMEM. On failure out keeps its
 * length from before the call. */
sy_status sy_agreement_renew(const sy_agreement *a, const sy_roster *r, const sy_renew_options *o,
                             sy_buf *out, sy_renewal *info, sy_diags *d);

/* The renewal's default file name for an agreement at path:
 * NAME-renewal-N.yaml beside it (N = renewal, the new term.renewal; a
 * "-renewal-K" ending of NAME is replaced, so renewing a renewal counts
 * on). path may be relative. Returns a malloc'd string (the caller frees
 * it), NULL when out of memory. */
char *sy_renew_default_path(const char *path, int renewal);

#endif
