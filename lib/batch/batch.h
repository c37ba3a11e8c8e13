/* Building a folder of agreements, incrementally (sanya batch).
 *
 * In: an input folder of agreement files (*.yaml, recursively, less roster
 * files and what its .sanyaignore excludes), an output folder, a roster and
 * an as-of day. Out: one PDF per agreement at the same relative path, built
 * only when something it is made from changed (the agreement's bytes, its
 * template folder, the fonts, the roster entries of its signatories'
 * offices, sanya's version, or the status its cover states), and a state
 * file OUT/.sanya-state recording what each output was made from
 * (docs/batch.md). Each item says why it was (or would be) rebuilt, and
 * carries its errors; sy_batch_report_json writes the report.
 *
 * Memory: a sy_batch owns its items and everything they point at; free it
 * with sy_batch_free. Nothing is printed: progress comes through a callback
 * and problems go into sy_diags lists (the batch's and each item's). */
#ifndef SY_BATCH_H
#define SY_BATCH_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/value.h"
#include "data/model.h"

/* The state file's name in the output folder. */
#define SY_BATCH_STATE_FILE ".sanya-state"
/* The ignore file's name in the input folder. */
#define SY_BATCH_IGNORE_FILE ".sanyaignore"

typedef struct sy_batch sy_batch;

typedef struct sy_batch_options {
    const char *data_dir; /* fonts/manifest and templates/ */
    const char *in_dir;
    const char *out_dir; /* must not be in_dir nor inside it */
    const char *roster; /* NULL: the one roster file found in in_dir, if exactly one */
    sy_date as_of; /* the day the covers give the status at */
    int jobs; /* workers (>= 1) */
    int dry_run; /* plan only: write nothing */
    int force; /* rebuild everything */
    /* Where to draft the renewals of the affected agreements (NULL: none):
     * RENEW/a/b/x-renewal-N.yaml for DIR/a/b/x.yaml. Must not be in_dir nor
     * out_dir, nor inside or around either (SY_ERR_USAGE). */
    const char *renew_into;
    int force_renewals; /* replace renewal files that exist (force does not) */
    int pdfa; /* 1: every output PDF/A-3b; 0: as each template says */
} sy_batch_options;

typedef enum sy_batch_result {
    SY_BATCH_PENDING = 0, /* not processed yet */
    SY_BATCH_UNCHANGED,
    SY_BATCH_BUILT,
    SY_BATCH_WOULD_BUILD, /* dry run: would be built */
    SY_BATCH_FAILED
} sy_batch_result;

/* What became of an affected agreement's renewal draft. */
typedef enum sy_batch_renewal_result {
    SY_BATCH_RENEWAL_NONE = 0, /* not affected, not loaded, or no renew_into */
    SY_BATCH_RENEWAL_WRITTEN,
    SY_BATCH_RENEWAL_WOULD_WRITE, /* dry run: would be written */
    /* not written: its file exists in the renewal folder (and force_renewals
     * was not given), or in the input folder (renewed already) */
    SY_BATCH_RENEWAL_EXISTS,
    SY_BATCH_RENEWAL_FAILED /* errors in the item's renewal_diags */
} sy_batch_renewal_result;

/* How the renewal's signing date was chosen. */
typedef enum sy_batch_renewal_date {
    SY_BATCH_RENEWAL_AFTER_TERM = 0, /* the day after the old term ends (sanya renew's) */
    SY_BATCH_RENEWAL_AFTER_AS_OF /* a signing office changed hands: the day after as_of */
} sy_batch_renewal_date;

/* A change of holder in an office a signatory names (strings owned by the
 * batch; km/en of old_holder NULL when the office was vacant). */
typedef struct sy_batch_change {
    char *party, *office;
    char *old_km, *old_en, *new_km, *new_en;
    sy_date date;
} sy_batch_change;

/* An approval step that must be obtained again (party NULL for the steps
 * that are not a ministry's). */
typedef struct sy_batch_restart {
    sy_approval_step step;
    char *party;
} sy_batch_restart;

typedef struct sy_batch_item {
    char *input; /* relative to in_dir, e.g. "a/b/x.yaml" */
    char *output; /* relative to out_dir, e.g. "a/b/x.pdf" */
    char *id; /* the agreement's id; NULL when it did not load */
    sy_batch_result result;
    char *reasons; /* why it is (re)built, "; "-separated; NULL when unchanged */
    sy_diags *diags; /* this agreement's problems (and warnings) */
    int has_status; /* the checklist was computed: the fields below are set */
    sy_date renew_by;
    int renewal; /* a sy_renewal_state */
    sy_batch_change *changes;
    size_t nchanges;
    sy_batch_restart *restarts;
    size_t nrestarts;
    /* The renewal draft (renew_into given and the agreement affected: a
     * signing office changed hands up to as_of, or its renewal is due or
     * past). */
    sy_batch_renewal_result renewal_result;
    char *renewal_path; /* relative to renew_into; NULL when not affected */
    sy_batch_renewal_date renewal_dated;
    int has_renewal_on; /* renewal_on is set (not when the old file has no term) */
    sy_date renewal_on; /* the renewal's signing date and new term's start */
    char *renewal_why_not; /* exists or failed: why, in a sentence */
    sy_diags *renewal_diags; /* what drafting it said (errors, warnings, notes) */
} sy_batch_item;

/* Checks the folders (an output folder that is the input folder or inside
 * it, or an output that would replace an input, is SY_ERR_USAGE), reads
 * the ignore file, finds the agreements and the roster, reads the state
 * file. Returns SY_OK and *out (free with sy_batch_free), or an error in d.
 * Writes nothing. */
sy_status sy_batch_new(const sy_batch_options *o, sy_batch **out, sy_diags *d);
void sy_batch_free(sy_batch *b);

/* The agreements found, sorted by input path; items are valid until the
 * batch is freed. */
size_t sy_batch_count(const sy_batch *b);
const sy_batch_item *sy_batch_item_at(const sy_batch *b, size_t i);
/* The roster in use (a path as given or found), NULL when none; owned by b. */
const char *sy_batch_roster(const sy_batch *b);

/* The as-of day and whether this is a dry run, as the options said. */
sy_date sy_batch_as_of(const sy_batch *b);
int sy_batch_dry_run(const sy_batch *b);

/* Progress: called with started = 1 when a worker takes an item, and with
 * started = 0 when the item is done (its result set); done counts the
 * finished items. Calls are serialised (never two at once), from the
 * workers' threads. */
typedef void (*sy_batch_progress_fn)(void *user, const sy_batch_item *item, int started,
                                     size_t done, size_t total);

/* Plans and builds every item with o->jobs workers (threads, each with its
 * own sy_builder), writing each output and then the state file atomically.
 * A failed agreement is recorded in its item and the others go on. Returns
 * SY_OK when the batch ran (items may have failed: see
 * sy_batch_failed_count), or the error that stopped it (fonts, roster,
 * output folder) in d. */
sy_status sy_batch_run(sy_batch *b, sy_batch_progress_fn progress, void *user, sy_diags *d);

/* Items with each result. */
size_t sy_batch_result_count(const sy_batch *b, sy_batch_result r);
size_t sy_batch_failed_count(const sy_batch *b);
/* Items with each renewal result. */
size_t sy_batch_renewal_count(const sy_batch *b, sy_batch_renewal_result r);
/* The renewal folder as given, NULL when none; owned by b. */
const char *sy_batch_renew_into(const sy_batch *b);

/* "built", "unchanged", "failed", "would-build", "pending" (static). */
const char *sy_batch_result_name(sy_batch_result r);
/* "written", "would-write", "exists", "failed", "none" (static). */
const char *sy_batch_renewal_result_name(sy_batch_renewal_result r);
/* "after-term", "after-as-of" (static). */
const char *sy_batch_renewal_date_name(sy_batch_renewal_date r);

/* Appends the report (docs/batch.md has the schema) as JSON to out. */
void sy_batch_report_json(const sy_batch *b, sy_buf *out);

/* ---- Pieces, public for tests ---- */

/* Non-zero when an agreement with these facts gets a renewal draft: a
 * signing office changed hands (nchanges > 0) or its renewal (a
 * sy_renewal_state) is due or past. */
int sy_batch_renewal_affected(size_t nchanges, int renewal);

/* The renewal's signing date for an agreement: the day after as_of when a
 * signing office changed hands (the new holder signs now), else the day
 * after the old term ends (term_end; invalid when the agreement has no
 * term). Sets *on and returns how it was chosen; *on is invalid (0-0-0)
 * when there is no term and no change. */
sy_batch_renewal_date sy_batch_renewal_date_for(size_t nchanges, sy_date as_of, sy_date term_end,
                                                sy_date *on);

/* Appends s as a JSON string (quotes included): ", \ and control
 * characters escaped, other UTF-8 bytes as they are. */
void sy_batch_json_string(sy_buf *out, const char *s);

/* Non-zero when the YAML text data[0..len) is a roster: a line that starts
 * with "offices:" at column 0 (a top-level key). */
int sy_batch_is_roster_text(const char *data, size_t len);

/* Non-zero when relpath (relative to the input folder, '/'-separated) is
 * excluded by one of the ignore file's patterns: a pattern without '/'
 * matches a file or folder name at any depth, one with '/' the whole path
 * (a leading '/' anchors it at the input folder); fnmatch with
 * FNM_PATHNAME. patterns is the ignore file's text ('#' comments, blank
 * lines ignored). */
int sy_batch_ignored(const char *patterns, const char *relpath);

#endif
