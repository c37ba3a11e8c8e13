/* Internals of the data module shared by its .c files (not a public API):
 * the raw YAML tree that yaml.c builds from libyaml events, and the
 * schema-checking helpers that agreement.c and roster.c build on. */
#ifndef SY_DATA_INTERNAL_H
#define SY_DATA_INTERNAL_H

#include <stddef.h>

#include "core/error.h"
#include "core/value.h"

/* A node of the raw tree: what libyaml saw, with its place (1-based), before
 * any schema is applied. Aliases are already expanded (copied). */
typedef enum sy_yn_kind { SY_YN_SCALAR, SY_YN_SEQ, SY_YN_MAP } sy_yn_kind;

typedef struct sy_yn sy_yn;
struct sy_yn {
    sy_yn_kind kind;
    int line, column;
    /* scalars: the text (NUL-terminated) and whether it was written plain
     * (unquoted), which decides whether `~` or an empty value means null */
    char *text;
    size_t len;
    int plain;
    /* levels of collections from here down: 0 for a scalar, 1 for a flat
     * list or map (keeps the depth check of an alias cheap) */
    int depth;
    /* collections: written in flow style ({...} or [...]) */
    int flow;
    /* sequences: items[0..count); maps: items[2i] is a key (a scalar),
     * items[2i+1] its value, for i in [0, count/2) */
    sy_yn **items;
    size_t count, cap;
};

/* Parses len bytes of YAML into a raw tree, reporting every problem into
 * diags with `file` as the file name: invalid UTF-8, syntax errors, depth
 * and alias limits, an empty stream or several documents. Duplicate keys are
 * kept (sy_walk_map reports them, where the path is known).
 * Returns the root (free with sy_yn_free) or NULL after reporting. */
sy_yn *sy_yn_parse(const char *file, const char *data, size_t len, sy_diags *diags);
void sy_yn_free(sy_yn *n);
/* A plain scalar that YAML reads as null: empty, "~", "null". */
int sy_yn_is_null(const sy_yn *n);

/* Reads a whole file into a malloc'd buffer (NUL-terminated, not counted in
 * *len). On failure reports SY_ERR_NOINPUT (or SY_ERR_LIMIT when the file is
 * larger than SY_LIMIT_YAML_BYTES) and returns NULL. */
char *sy_data_read_file(const char *path, size_t *len, sy_diags *diags);

/* The state of one schema walk: the file, the path being checked (such as
 * "parties[1].signatory") and where problems go. */
typedef struct sy_walk {
    const char *file; /* the name used in messages and marks */
    sy_diags *diags;
    char path[512];
    size_t plen;
    int nomem;
    /* Every key name the schema knows, at any level (NULL-terminated
     * lists, NULL-terminated): a missing key is not reported when a key
     * that no schema knows is a likely misspelling of it (that key was
     * reported with "did you mean"), but a near key that is itself valid
     * ("parties" beside a missing "articles") never hides one. */
    const char *const *const *known;
} sy_walk;

/* Path building: each push returns the previous length to restore with
 * sy_walk_pop. */
size_t sy_walk_key(sy_walk *w, const char *key);
size_t sy_walk_index(sy_walk *w, size_t i);
void sy_walk_pop(sy_walk *w, size_t len);
sy_mark sy_walk_mark(const sy_walk *w, const sy_yn *n);

/* Reports a data error at n (or at line/column 0 when n is NULL) on the
 * current path. */
void sy_walk_error(sy_walk *w, const sy_yn *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sy_walk_warning(sy_walk *w, const sy_yn *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records "out of memory" (once per walk). */
void sy_walk_nomem(sy_walk *w);

/* What a node is, for messages: "a map", "a list", "nothing" (null) or the
 * quoted scalar, shortened. Writes into buf and returns it. */
const char *sy_yn_describe(const sy_yn *n, char *buf, size_t size);

/* Checks that n is a map whose keys are all in `allowed` (NULL-terminated)
 * and appear once; reports each unknown key with a suggestion and each
 * duplicate key. Returns 0 when n is a map
 * (even with unknown keys), -1 after reporting "expected <what>". */
int sy_walk_map(sy_walk *w, const sy_yn *n, const char *const *allowed, const char *what);
/* The value of the first key in map n, NULL when absent. */
const sy_yn *sy_yn_get(const sy_yn *map, const char *key);
/* Like sy_yn_get, but reports `missing "key"` at the map when absent. */
const sy_yn *sy_walk_require(sy_walk *w, const sy_yn *map, const char *key);

/* Converters: each checks the node (already on the path of w), reports what
 * is wrong, and returns a new sy_value or NULL. Strings lose trailing line
 * breaks and blanks; a string that is then empty is an error. */
sy_value *sy_walk_string(sy_walk *w, const sy_yn *n);
/* An identifier: lowercase ASCII letters, digits, '-', '_' and (when
 * allow_slash) '/'; starts with a letter or digit. */
sy_value *sy_walk_ident(sy_walk *w, const sy_yn *n, int allow_slash);
sy_value *sy_walk_date(sy_walk *w, const sy_yn *n);
/* A decimal integer in [min, max]. */
sy_value *sy_walk_int(sy_walk *w, const sy_yn *n, long long min, long long max, const char *what);
/* A {km, en} pair of non-empty strings. */
sy_value *sy_walk_text(sy_walk *w, const sy_yn *n);
/* One of the NULL-terminated choices. */
sy_value *sy_walk_enum(sy_walk *w, const sy_yn *n, const char *const *choices);

/* The closest of the NULL-terminated candidates to word, or NULL when none
 * is close enough to be a plausible typo. */
const char *sy_data_suggest(const char *word, const char *const *candidates);

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

#endif
