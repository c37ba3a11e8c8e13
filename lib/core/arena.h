/* An arena: many small allocations freed at once, for structures that live
 * and die together (a template's syntax tree and its strings).
 *
 * Memory: the arena owns every block it hands out; sy_arena_free releases
 * them all. An allocation failure sets `failed` and returns NULL, so a
 * builder may check once at the end. */
#ifndef SY_CORE_ARENA_H
#define SY_CORE_ARENA_H

#include <stddef.h>

typedef struct sy_arena_chunk sy_arena_chunk;

/* Zero-initialise ({0}) before use. */
typedef struct sy_arena {
    sy_arena_chunk *head;
    int failed;
} sy_arena;

/* size zeroed bytes aligned for any object, valid until sy_arena_free; NULL
 * (and a->failed set) when out of memory. */
void *sy_arena_alloc(sy_arena *a, size_t size);
/* A NUL-terminated copy of s[0..n) in the arena, or NULL. */
char *sy_arena_strndup(sy_arena *a, const char *s, size_t n);
/* Frees every block; the arena is empty and usable again. */
void sy_arena_free(sy_arena *a);

#endif
