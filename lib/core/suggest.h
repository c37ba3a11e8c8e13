/* "Did you mean": the one edit distance of the project and the closest-word
 * search built on it, used by the data schema and the template engine.
 *
 * No allocation: words longer than SY_SUGGEST_MAX_LEN bytes are never
 * suggested nor matched (keys, ids and names are short; a long word is no
 * typo of them). */
#ifndef SY_CORE_SUGGEST_H
#define SY_CORE_SUGGEST_H

#include <stddef.h>

#define SY_SUGGEST_MAX_LEN 64

/* Optimal string alignment distance between a[0..la) and b[0..lb) (edits:
 * insert, delete, substitute, swap two neighbours), computed up to cap:
 * returns cap + 1 beyond it, or when either word is too long. */
size_t sy_edit_distance(const char *a, size_t la, const char *b, size_t lb, size_t cap);

/* The closest candidate seen so far to a word. */
typedef struct sy_suggest {
    const char *word;
    size_t len;
    size_t cap; /* the most edits a suggestion may be away */
    const char *best; /* NULL until a candidate is close enough */
    size_t dist;
} sy_suggest;

/* Starts a search for word[0..len) accepting at most cap edits. */
void sy_suggest_init(sy_suggest *s, const char *word, size_t len, size_t cap);
/* Considers a NUL-terminated candidate: kept when closer than the best so
 * far, within cap, and nearer than the length of either word (a one-letter
 * word is "close" to everything). */
void sy_suggest_try(sy_suggest *s, const char *candidate);

#endif
