/* Starting a new agreement (`sanya new`, and the drafting page): the
 * template's commented starting agreement, with the parties asked for
 * spliced in.
 *
 * In: a template folder (its manifest's `new:` file, else new.yaml: a
 * commented agreement whose values the author must supply are placeholders,
 * `<like this>`, which check and build report as unfinished), party ids, a
 * roster (may be NULL). Out: the bytes of the new file, appended to the
 * caller's sy_buf: the starting agreement's text, with only these values
 * replaced at libyaml's marks (splice.h), so its comments stay:
 *
 * - `template`: the template's name (its manifest's `name`);
 * - `parties`: one entry per id, each a copy of the starting agreement's
 *   party entry at the same place (the last one for further ids; entries
 *   beyond the ids stay as they are), its `id` replaced by the id and, when
 *   the roster knows the id, its `name`, `short` and `kind` from the
 *   roster's `parties` section and its signatory `{office: ID/...}`: the
 *   first office of the roster whose id starts with "ID/" and that has a
 *   holder today (else the first such office). What the roster does not
 *   give stays a placeholder.
 *
 * docs/agreement-schema.md, "Starting an agreement", gives the rules.
 * Memory: nothing outlives the call but what is appended to out; problems
 * go into the caller's sy_diags. */
#ifndef SY_DATA_NEW_H
#define SY_DATA_NEW_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/value.h"
#include "data/data.h"

typedef struct sy_new_options {
    /* The template folder (tpl/tpl.h, sy_tpl_folder gives it for a name). */
    const char *template_dir;
    /* The party ids (each an id of the schema, no two alike); nparties 0:
     * the starting agreement's parties as they are. */
    const char *const *parties;
    size_t nparties;
    /* Fills the parties it knows; NULL: every party value stays a
     * placeholder. */
    const sy_roster *roster;
    /* Today, to prefer an office with a holder now; an invalid date (all
     * zero) prefers none. lib/ does not read the clock. */
    sy_date today;
    /* The new file's name in messages (NULL: "new.yaml"). */
    const char *name;
} sy_new_options;

/* Appends the new agreement's text to out (see above). The text is loaded
 * again before it is handed out: it has no problem but its placeholders
 * (any other is a fault of the starting agreement, reported as a data
 * error).
 *
 * Returns SY_OK; SY_ERR_USAGE for a party id that is not an id or is given
 * twice; SY_ERR_NOINPUT when the template folder or its starting agreement
 * is missing; SY_ERR_DATA for a template or starting agreement that cannot
 * serve (a bad manifest, no block list of parties to fill); SY_ERR_LIMIT,
 * SY_ERR_NOMEM. Every problem is in d. On failure out keeps its length
 * from before the call. */
sy_status sy_agreement_new(const sy_new_options *o, sy_buf *out, sy_diags *d);

#endif
