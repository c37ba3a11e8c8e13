/* JSON out of sanya's values, through jansson: the diagnostics of a check
 * (for the drafting page and `sanya check --json`) and the raw tree of an
 * agreement as the page's form reads it.
 *
 * Memory: every json_t returned is a new reference the caller releases
 * with json_decref; strings are malloc'd (caller frees). */
#ifndef SY_SERVE_JSON_H
#define SY_SERVE_JSON_H

#include <jansson.h>
#include <stddef.h>

#include "core/error.h"

/* "error", "warning", "note" (static). */
const char *sy_serve_severity_name(sy_severity s);

/* One diagnostic as {"file", "line", "column", "path", "severity", "code",
 * "message"} (file and path null when unknown; code the status's short
 * name, "data error"). NULL when out of memory. (A "suggestion" member
 * goes here when sy_diag gets one.) */
json_t *sy_serve_json_diag(const sy_diag *e);
/* Every entry of d from index `from` on, as an array. */
json_t *sy_serve_json_diags(const sy_diags *d, size_t from);
/* {"file": file, "diagnostics": [...]} as text and a final newline: what
 * `sanya check --json` prints. NULL when out of memory. */
char *sy_serve_json_check_report(const char *file, const sy_diags *d);

/* The agreement text's tree as the form reads it: {"value": the data as
 * written (maps, lists, strings; plain whole numbers as numbers, plain
 * null as null), "fields": [{"path", "kind", "line", "column", "value"}]
 * for every node (kind "scalar", "map", "list"; value for scalars only)}.
 * NULL when the text is not YAML (its problems are the check's to report)
 * or memory runs out. */
json_t *sy_serve_json_model(const char *name, const char *text, size_t len);

#endif
