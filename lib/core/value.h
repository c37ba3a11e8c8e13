/* A generic value tree (null, bool, integer, string, date, list, map) with a
 * source mark on every node. The data module builds one from YAML; the
 * template engine reads it. A tree owns all its nodes and strings: free the
 * root with sy_value_free and everything below goes with it. */
#ifndef SY_CORE_VALUE_H
#define SY_CORE_VALUE_H

#include <stddef.h>

typedef enum sy_value_kind {
    SY_VAL_NULL,
    SY_VAL_BOOL,
    SY_VAL_INT,
    SY_VAL_STRING,
    SY_VAL_DATE,
    SY_VAL_LIST,
    SY_VAL_MAP
} sy_value_kind;

/* A calendar date (proleptic Gregorian). */
typedef struct sy_date {
    int year, month, day;
} sy_date;

/* Where a value came from; file is a string owned by whoever made the tree
 * (usually interned once per file), lines and columns are 1-based. */
typedef struct sy_mark {
    const char *file;
    int line, column;
} sy_mark;

typedef struct sy_value sy_value;

/* Constructors: each returns a new node owned by the caller (or by the
 * container it is added to), or NULL when out of memory. Strings are copied. */
sy_value *sy_value_null(sy_mark m);
sy_value *sy_value_bool(int b, sy_mark m);
sy_value *sy_value_int(long long i, sy_mark m);
sy_value *sy_value_string(const char *s, size_t len, sy_mark m);
sy_value *sy_value_date(sy_date d, sy_mark m);
sy_value *sy_value_list(sy_mark m);
sy_value *sy_value_map(sy_mark m);

/* Adds item to a list; the list takes ownership (also on failure, when the
 * item is freed). Returns 0 on success, -1 on failure. */
int sy_value_list_append(sy_value *list, sy_value *item);
/* Sets key in a map (keeping insertion order; an existing key is replaced).
 * The map takes ownership of val (also on failure). Returns 0 or -1. */
int sy_value_map_set(sy_value *map, const char *key, sy_value *val);
/* Frees v and everything it owns; NULL is allowed. */
void sy_value_free(sy_value *v);
/* A deep copy owned by the caller, or NULL when out of memory. */
sy_value *sy_value_copy(const sy_value *v);

sy_value_kind sy_value_kind_of(const sy_value *v);
sy_mark sy_value_mark(const sy_value *v);
int sy_value_as_bool(const sy_value *v);
long long sy_value_as_int(const sy_value *v);
/* The string (NUL-terminated, valid while the tree lives); NULL if not a string. */
const char *sy_value_as_string(const sy_value *v, size_t *len);
sy_date sy_value_as_date(const sy_value *v);

/* Lists and maps: number of entries (0 for other kinds). */
size_t sy_value_len(const sy_value *v);
/* Entry i of a list or map (the value), NULL when out of range. */
sy_value *sy_value_at(const sy_value *v, size_t i);
/* Key i of a map, NULL when out of range. */
const char *sy_value_key_at(const sy_value *v, size_t i);
/* Value of key in a map, NULL when absent or v is not a map. */
sy_value *sy_value_get(const sy_value *v, const char *key);
/* Follows a dotted path such as "parties.0.name.km" (numbers index lists). */
sy_value *sy_value_lookup(const sy_value *v, const char *path);

/* Name of a kind for messages ("string", "map", ...). */
const char *sy_value_kind_name(sy_value_kind k);

#endif
