/* Internals of the data module shared by its .c files (not a public API):
 * the schema-checking helpers that agreement.c and roster.c build on. The
 * raw YAML tree and the generic part of the walk are public (data/yaml.h),
 * for other modules that read their own YAML files. */
#ifndef SY_DATA_INTERNAL_H
#define SY_DATA_INTERNAL_H

#include <stddef.h>

#include "core/error.h"
#include "core/value.h"
#include "data/yaml.h"

/* Reads a whole file into a malloc'd buffer (NUL-terminated, not counted in
 * *len). On failure reports SY_ERR_NOINPUT (or SY_ERR_LIMIT when the file is
 * larger than SY_LIMIT_YAML_BYTES) and returns NULL. */
char *sy_data_read_file(const char *path, size_t *len, sy_diags *diags);

/* Like sy_yn_get, but reports `missing "key"` at the map when absent. */
const sy_yn *sy_walk_require(sy_walk *w, const sy_yn *map, const char *key);

/* Converters: each checks the node (already on the path of w), reports what
 * is wrong, and returns a new sy_value or NULL. Strings lose trailing line
 * breaks and blanks; a string that is then empty is an error, and so is one
 * longer than SY_LIMIT_STRING_BYTES (core/limits.h). */
sy_value *sy_walk_string(sy_walk *w, const sy_yn *n);
/* An identifier: lowercase ASCII letters, digits, '-', '_' and (when
 * allow_slash) '/'; starts with a letter or digit; at most
 * SY_LIMIT_ID_BYTES. */
sy_value *sy_walk_ident(sy_walk *w, const sy_yn *n, int allow_slash);
/* Non-zero when s (len bytes) is made of an id's characters as above (the
 * length limit aside). */
int sy_data_id_chars(const char *s, size_t len, int allow_slash);
sy_value *sy_walk_date(sy_walk *w, const sy_yn *n);
/* A decimal integer in [min, max]. */
sy_value *sy_walk_int(sy_walk *w, const sy_yn *n, long long min, long long max, const char *what);
/* A {km, en} pair of non-empty strings. */
sy_value *sy_walk_text(sy_walk *w, const sy_yn *n);
/* The same for a title or a name (one or two printed lines, copied into the
 * PDF's metadata and bookmarks): each side at most SY_LIMIT_LINE_BYTES. */
sy_value *sy_walk_line(sy_walk *w, const sy_yn *n);
/* One of the NULL-terminated choices. */
sy_value *sy_walk_enum(sy_walk *w, const sy_yn *n, const char *const *choices);

/* Sets key in map, recording out-of-memory on w; NULL val is ignored
 * (the problem was reported when val was made). */
void sy_walk_set(sy_walk *w, sy_value *map, const char *key, sy_value *val);
void sy_walk_append(sy_walk *w, sy_value *list, sy_value *val);

/* A deep copy of v whose marks all name `file` instead (so that a tree can
 * point at a string its owner keeps alive). NULL when out of memory. */
sy_value *sy_data_copy_refile(const sy_value *v, const char *file);

/* Appends every entry of `from` to `to` in the order of their places in the
 * file (line, then column; a stable sort), then clears `from`: a file is
 * checked in dependency order but read top to bottom. */
void sy_data_move_diags(sy_diags *to, sy_diags *from);

/* The typed model of a validated agreement tree (model.h); NULL when out of
 * memory. Free with sy_model_free. */
typedef struct sy_model sy_model;
typedef struct sy_model_party sy_model_party;
typedef struct sy_model_approval sy_model_approval;
sy_model *sy_model_build(const sy_value *root);
void sy_model_free(sy_model *m);
/* One party or approval as the template engine sees it (a new tree, free
 * with sy_value_free); NULL, and *oom set, when out of memory. */
sy_value *sy_model_party_value(const sy_model_party *p, int *oom);
sy_value *sy_model_approval_value(const sy_model_approval *a, int *oom);

/* Building template trees (model.c, checklist.c): each call records an
 * allocation failure in t and frees what it could not attach, so a builder
 * checks t->oom once at the end. */
typedef struct sy_tree {
    int oom;
} sy_tree;
typedef struct sy_model_text sy_model_text;
/* Sets key of map to v and returns v, or NULL. */
sy_value *sy_tree_put(sy_tree *t, sy_value *map, const char *key, sy_value *v);
void sy_tree_append(sy_tree *t, sy_value *list, sy_value *v);
/* A string (nothing when s is NULL) or a {km, en} text (nothing when a
 * side is missing) at key. */
void sy_tree_put_string(sy_tree *t, sy_value *map, const char *key, const char *s, sy_mark m);
void sy_tree_put_text(sy_tree *t, sy_value *map, const char *key, const sy_model_text *x);
/* A {km, en} map of the validated tree (or a roster's) as a model text
 * (all NULL when pair is NULL). */
sy_model_text sy_model_text_of(const sy_value *pair);

#endif
