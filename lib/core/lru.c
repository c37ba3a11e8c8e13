/* The bounded cache (see lru.h): chains in a power-of-two table that
 * doubles when it holds two entries a bucket, and a doubly linked list by
 * use. */
#include "core/lru.h"

#include <stdlib.h>

void sy_lru_init(sy_lru *c, size_t max_bytes, void (*free_entry)(sy_lru_node *))
{
    *c = (sy_lru){.max_bytes = max_bytes, .free_entry = free_entry};
}

static void unlink_use(sy_lru *c, sy_lru_node *e)
{
    if (e->newer)
        e->newer->older = e->older;
    else
        c->newest = e->older;
    if (e->older)
        e->older->newer = e->newer;
    else
        c->oldest = e->newer;
    e->newer = e->older = NULL;
}

static void push_newest(sy_lru *c, sy_lru_node *e)
{
    e->older = c->newest;
    e->newer = NULL;
    if (c->newest)
        c->newest->newer = e;
    c->newest = e;
    if (!c->oldest)
        c->oldest = e;
}

static void evict(sy_lru *c, sy_lru_node *e)
{
    sy_lru_node **pp = &c->buckets[e->hash & (c->nbuckets - 1)];
    while (*pp != e)
        pp = &(*pp)->next;
    *pp = e->next;
    unlink_use(c, e);
    c->count--;
    c->bytes -= e->bytes;
    c->free_entry(e);
}

void sy_lru_clear(sy_lru *c)
{
    while (c->oldest)
        evict(c, c->oldest);
}

void sy_lru_free(sy_lru *c)
{
    sy_lru_clear(c);
    free(c->buckets);
    c->buckets = NULL;
    c->nbuckets = 0;
}

int sy_lru_fits(const sy_lru *c, size_t bytes)
{
    return bytes <= c->max_bytes / 8;
}

sy_lru_node *sy_lru_first(const sy_lru *c, uint64_t hash)
{
    if (!c->nbuckets)
        return NULL;
    sy_lru_node *e = c->buckets[hash & (c->nbuckets - 1)];
    while (e && e->hash != hash)
        e = e->next;
    return e;
}

sy_lru_node *sy_lru_next(const sy_lru_node *n)
{
    sy_lru_node *e = n->next;
    while (e && e->hash != n->hash)
        e = e->next;
    return e;
}

void sy_lru_touch(sy_lru *c, sy_lru_node *e)
{
    unlink_use(c, e);
    push_newest(c, e);
}

/* Doubles the table (256 buckets at first); -1 when out of memory. */
static int grow(sy_lru *c)
{
    size_t n = c->nbuckets ? c->nbuckets * 2 : 256;
    sy_lru_node **b = calloc(n, sizeof *b);
    if (!b)
        return -1;
    for (sy_lru_node *e = c->oldest; e; e = e->newer) {
        e->next = b[e->hash & (n - 1)];
        b[e->hash & (n - 1)] = e;
    }
    free(c->buckets);
    c->buckets = b;
    c->nbuckets = n;
    return 0;
}

int sy_lru_insert(sy_lru *c, sy_lru_node *e, uint64_t hash, size_t bytes)
{
    if (!sy_lru_fits(c, bytes) || (c->count + 1 > 2 * c->nbuckets && grow(c) != 0))
        return -1;
    while (c->oldest && c->bytes + bytes > c->max_bytes)
        evict(c, c->oldest);
    e->hash = hash;
    e->bytes = bytes;
    size_t k = hash & (c->nbuckets - 1);
    e->next = c->buckets[k];
    c->buckets[k] = e;
    push_newest(c, e);
    c->count++;
    c->bytes += bytes;
    return 0;
}
