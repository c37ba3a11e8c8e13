/* The agreement data model: the first stage of the pipeline.
 *
 * In: one YAML file per agreement (docs/agreement-schema.md) and, optionally,
 * a roster file saying who held each office from which date. Out: the typed
 * model of the agreement (model.h: what later stages read), built from a
 * validated sy_value tree (core/value.h) with a source mark on every node, in
 * which dates are SY_VAL_DATE, counts SY_VAL_INT, every printed text a {km,
 * en} map, defaults are filled in and each office signatory is resolved to
 * the person who held the office on the signing date. The approval checklist
 * (checklist.h) is computed from the model.
 *
 * Memory: an sy_agreement owns its tree, its copy of the source bytes and the
 * file names its marks point at; an sy_roster owns its own. Pointers returned
 * by the accessors stay valid until the owner is freed. Problems go into the
 * caller's sy_diags (every problem of a file in one run); nothing is printed. */
#ifndef SY_DATA_DATA_H
#define SY_DATA_DATA_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/value.h"
#include "data/model.h"

typedef struct sy_roster sy_roster;
typedef struct sy_agreement sy_agreement;

/* ---- Roster: who holds each office, from which date ---- */

/* Reads and validates the roster file at path. Returns the roster (free with
 * sy_roster_free) or NULL when the file is missing (SY_ERR_NOINPUT) or has
 * any error; every problem is appended to diags (which may be NULL). */
sy_roster *sy_roster_load(const char *path, sy_diags *diags);
/* The same from len bytes of data; name is the file name used in messages
 * and marks (copied). data need not be NUL-terminated. */
sy_roster *sy_roster_load_buffer(const char *name, const char *data, size_t len, sy_diags *diags);
void sy_roster_free(sy_roster *r);

/* The validated roster tree: {offices: {ID: {title: {km,en}, holders: [{name:
 * {km,en}, title: {km,en}, from: date, to?: date}]}}}, each holder's title
 * filled from its office when not given. Owned by r. */
const sy_value *sy_roster_value(const sy_roster *r);
/* The office map ({title, holders}) of office_id, NULL when r has no such
 * office. Owned by r. */
const sy_value *sy_roster_office(const sy_roster *r, const char *office_id);
/* The holder map ({name, title, from, to?}) of office_id on date: the last
 * holder whose `from` is on or before date, unless that holder's `to` is
 * before date (the office was vacant). NULL when nobody held the office then
 * or the office is unknown. Owned by r. */
const sy_value *sy_roster_holder_at(const sy_roster *r, const char *office_id, sy_date date);

/* Writes a roster file holding only the offices office_ids[0..n) (in that
 * order, each once) through libyaml's emitter, appended to out: comment
 * (NULL for none; may span lines) as "# " lines, then {offices: {ID:
 * office}} in block style, every map's keys in byte order, strings
 * double-quoted, dates plain (YYYY-MM-DD). The same roster and ids give the
 * same bytes, whatever order the roster file had, and sy_roster_load_buffer
 * reads them back to the same offices (holders' titles included, as
 * filled in at load). An id r lacks is SY_ERR_USAGE; on any error out
 * keeps its length from before the call (and stays marked failed after
 * SY_ERR_NOMEM, as sy_buf does). */
sy_status sy_roster_write(const sy_roster *r, const char *const *office_ids, size_t n,
                          const char *comment, sy_buf *out, sy_diags *d);

/* ---- Agreements ---- */

/* Reads and validates the agreement at path.
 *
 * roster: when given, every signatory written as {office: ID} must name an
 * office of the roster with a holder on the signing date, and is resolved:
 * the tree's signatory gets that holder's `name` and `title` (marks pointing
 * into the roster file) and keeps `office`. When roster is NULL, office
 * signatories are checked for form only and stay unresolved (no error: a
 * command that renders must insist on a roster itself; see
 * sy_agreement_unresolved).
 *
 * Returns the agreement (free with sy_agreement_free) or NULL when the file
 * is missing (SY_ERR_NOINPUT) or has any error. Every problem, and warnings
 * that do not stop loading, are appended to diags (which may be NULL). */
sy_agreement *sy_agreement_load(const char *path, const sy_roster *roster, sy_diags *diags);
/* The same from len bytes of data (copied; need not be NUL-terminated);
 * name is the file name used in messages and marks (copied). */
sy_agreement *sy_agreement_load_buffer(const char *name, const char *data, size_t len,
                                       const sy_roster *roster, sy_diags *diags);
void sy_agreement_free(sy_agreement *a);

/* The validated tree (see docs/agreement-schema.md). Owned by a; marks name
 * a's file (or the roster's file, for resolved signatories) through strings
 * a owns, so copies of the tree are valid only while a lives. */
const sy_value *sy_agreement_value(const sy_agreement *a);
/* The typed model of the agreement (model.h), owned by a; it also points
 * into the roster given at load time, which must outlive it. */
const sy_model *sy_agreement_model(const sy_agreement *a);
/* The source bytes exactly as read (NUL-terminated; *len excludes the NUL),
 * owned by a. len may be NULL. */
const char *sy_agreement_source(const sy_agreement *a, size_t *len);
/* The file name given at load time, owned by a. */
const char *sy_agreement_name(const sy_agreement *a);
/* Number of office signatories left unresolved because no roster was given. */
size_t sy_agreement_unresolved(const sy_agreement *a);

/* sy_roster_write for the offices a's signatories name (in party order,
 * each once; offices r lacks are left out), headed by a comment saying so:
 * the roster-used.yaml that travels with a's PDF and, with a's source,
 * rebuilds it. */
sy_status sy_agreement_write_roster_used(const sy_agreement *a, const sy_roster *r, sy_buf *out,
                                         sy_diags *d);

/* One change of leadership: the office a party's signatory was drawn from
 * had a new holder after the agreement was signed. */
typedef struct sy_leadership_change {
    const char *party; /* the party's id, owned by the agreement */
    const char *office; /* the office id, owned by the agreement */
    const sy_value *old_holder; /* holder before the change (roster holder map) */
    const sy_value *new_holder; /* holder from `date` on (roster holder map) */
    sy_date date; /* the new holder's `from` */
} sy_leadership_change;

/* Lists, for every office signatory of a, each new holder of that office
 * whose `from` is after the signing date and, when until is not NULL, on or
 * before *until (the caller passes "today": lib/ does not read the clock).
 * Changes come in party order, then date order. On success returns SY_OK and
 * sets *out to an array of *count entries (free it with free(); NULL when
 * *count is 0) whose pointers stay valid while a and roster live. Returns
 * SY_ERR_NOMEM (and *out NULL, *count 0) when memory runs out. */
sy_status sy_agreement_leadership_changes(const sy_agreement *a, const sy_roster *roster,
                                          const sy_date *until, sy_leadership_change **out,
                                          size_t *count);

/* ---- The agreement schema, described for tools (the drafting page's form) ---- */

typedef enum sy_field_type {
    SY_FIELD_STRING = 0, /* a string, an id or a word of `choices` */
    SY_FIELD_BILINGUAL, /* {km: ..., en: ...} */
    SY_FIELD_DATE, /* YYYY-MM-DD */
    SY_FIELD_INT,
    SY_FIELD_LIST, /* of `record` */
    SY_FIELD_MAP /* a `record` */
} sy_field_type;

/* One key of a record: what the loader (agreement.c) accepts there. */
typedef struct sy_schema_field {
    const char *key;
    sy_field_type type;
    int required;
    const char *record; /* LIST: each item's record; MAP: the map's; else NULL */
    const char *const *choices; /* the allowed words (NULL-terminated), or NULL */
    const char *description; /* one line, English */
} sy_schema_field;

/* The fields of one kind of map ("agreement", "party", "signatory",
 * "term", "article", "approval", "lunar_override"). */
typedef struct sy_schema_record {
    const char *name;
    const sy_schema_field *fields;
    size_t nfields;
} sy_schema_record;

/* The agreement schema, records[0] being the top level ("agreement"); *n
 * receives the number of records. Static storage, kept beside the key
 * lists the loader checks with (a unit test compares them). */
const sy_schema_record *sy_agreement_schema(size_t *n);
/* "string", "bilingual", "date", "int", "list", "map" (static). */
const char *sy_field_type_name(sy_field_type t);
/* The keys the loader allows in a record (NULL-terminated, static), NULL
 * for an unknown record: for tests of the schema description. */
const char *const *sy_agreement_record_keys(const char *record);

#endif
