/* The arena (arena.h): chunks of 16 KiB or more, bump allocation. */
#include "core/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct sy_arena_chunk {
    sy_arena_chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

void *sy_arena_alloc(sy_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2) { /* no object is that large; the sums below stay finite */
        a->failed = 1;
        return NULL;
    }
    size = (size + 15) & ~(size_t)15;
    if (!a->head || a->head->cap - a->head->used < size) {
        size_t cap = size > 16384 ? size : 16384;
        sy_arena_chunk *c = malloc(sizeof *c + cap);
        if (!c) {
            a->failed = 1;
            return NULL;
        }
        c->next = a->head;
        c->used = 0;
        c->cap = cap;
        a->head = c;
    }
    void *p = a->head->data + a->head->used;
    a->head->used += size;
    memset(p, 0, size);
    return p;
}

char *sy_arena_strndup(sy_arena *a, const char *s, size_t n)
{
    char *p = n < SIZE_MAX ? sy_arena_alloc(a, n + 1) : NULL;
    if (p && n)
        memcpy(p, s, n);
    return p;
}

void sy_arena_free(sy_arena *a)
{
    sy_arena_chunk *c = a->head;
    while (c) {
        sy_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}
