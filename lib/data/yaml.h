/* The raw YAML tree and a schema walk over it: the libyaml boundary
 * (yaml.c) and the generic checks of schema.c, public for the modules that
 * read a YAML file of their own (the agreement and roster readers of this
 * module, the style sheet reader of lib/style).
 *
 * In: YAML bytes. Out: a tree of sy_yn nodes, each with its 1-based line and
 * column, aliases expanded under the limits of core/limits.h. Memory: the
 * caller owns the root (sy_yn_free); a walk owns nothing but its path. */
#ifndef SY_DATA_YAML_H
#define SY_DATA_YAML_H

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
    /* characters the scalar takes in the source when it is on one line
     * (quotes included), else 0: what a terminal underlines */
    int width;
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

/* The state of one schema walk: the file, the path being checked (such as
 * "parties[1].signatory") and where problems go. */
typedef struct sy_walk {
    const char *file; /* the name used in messages and marks */
    sy_diags *diags;
    char path[512];
    size_t plen;
    int nomem;
    /* Every key name the schema knows, at any level (NULL-terminated
     * lists, NULL-terminated; may be NULL): a missing key is not reported
     * when a key that no schema knows is a likely misspelling of it (that
     * key was reported with "did you mean"), but a near key that is itself
     * valid ("parties" beside a missing "articles") never hides one. */
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
/* sy_walk_error with a "did you mean": hint is the word meant (the
 * diagnostic's suggestion), joined to the message as form says. */
void sy_walk_suggest(sy_walk *w, const sy_yn *n, sy_suggest_form form, const char *hint,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Records "out of memory" (once per walk). */
void sy_walk_nomem(sy_walk *w);

/* What a node is, for messages: "a map", "a list", "nothing" (null) or the
 * quoted scalar, shortened. Writes into buf and returns it. */
const char *sy_yn_describe(const sy_yn *n, char *buf, size_t size);

/* Placeholders: a plain (unquoted) scalar that begins with '<' and ends
 * with '>', such as `<signing date, YYYY-MM-DD>`, stands for a value the
 * author has yet to write (the starting agreements of `sanya new`). Quoted,
 * the same text is an ordinary string. Non-zero when n is one. */
int sy_yn_is_placeholder(const sy_yn *n);
/* When n is a placeholder, reports "unfinished: replace the placeholder
 * <...>" at n on the current path and returns 1; else returns 0. Every
 * converter and sy_walk_map call it first, so a placeholder is reported
 * as unfinished wherever it stands, never as a bad value of its kind. */
int sy_walk_unfinished(sy_walk *w, const sy_yn *n);

/* Checks that n is a map whose keys are all in `allowed` (NULL-terminated)
 * and appear once; reports each unknown key with a suggestion and each
 * duplicate key. Returns 0 when n is a map
 * (even with unknown keys), -1 after reporting "expected <what>". */
int sy_walk_map(sy_walk *w, const sy_yn *n, const char *const *allowed, const char *what);
/* The value of the first key in map n, NULL when absent. */
const sy_yn *sy_yn_get(const sy_yn *map, const char *key);
/* The closest of the NULL-terminated candidates to word, or NULL when none
 * is close enough to be a plausible typo. */
const char *sy_data_suggest(const char *word, const char *const *candidates);

#endif
