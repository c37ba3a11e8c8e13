/* A bounded cache: a hash table of entries kept in order of use, the least
 * recently used evicted first when the bytes they hold pass a bound.
 *
 * Intrusive: an entry is the caller's struct with an sy_lru_node as its
 * FIRST member, so that a node pointer converts back to the entry. The
 * table does not know what a key is: a lookup walks the entries of one
 * hash (sy_lru_first / sy_lru_next) and the caller compares its own key.
 * The paragraph cache (lib/text) and the layout cache (lib/layout) are
 * built on it. Not thread-safe: one per text context or worker. */
#ifndef SY_CORE_LRU_H
#define SY_CORE_LRU_H

#include <stddef.h>
#include <stdint.h>

typedef struct sy_lru_node {
    struct sy_lru_node *next; /* in its hash bucket */
    struct sy_lru_node *newer, *older; /* in order of use */
    uint64_t hash;
    size_t bytes; /* what the entry holds, counted against the bound */
} sy_lru_node;

typedef struct sy_lru {
    sy_lru_node **buckets;
    size_t nbuckets, count, bytes, max_bytes;
    sy_lru_node *newest, *oldest;
    void (*free_entry)(sy_lru_node *); /* frees an evicted entry */
} sy_lru;

/* An empty cache bounded to max_bytes; free_entry frees an entry the
 * cache evicts or clears (it receives the node, the entry's first member).
 * Nothing is allocated until the first insert. */
void sy_lru_init(sy_lru *c, size_t max_bytes, void (*free_entry)(sy_lru_node *));

/* Evicts (frees) every entry; the cache stays usable. */
void sy_lru_clear(sy_lru *c);

/* Evicts every entry and frees the table. */
void sy_lru_free(sy_lru *c);

/* Whether an entry of this size may be kept at all: one entry may hold an
 * eighth of the bound at most, so that one large paragraph does not push
 * out a document's worth of small ones. */
int sy_lru_fits(const sy_lru *c, size_t bytes);

/* The first entry of the given hash (NULL when none), then the next ones
 * of the same hash; the caller compares the keys. */
sy_lru_node *sy_lru_first(const sy_lru *c, uint64_t hash);
sy_lru_node *sy_lru_next(const sy_lru_node *n);

/* Marks e most recently used. */
void sy_lru_touch(sy_lru *c, sy_lru_node *e);

/* Keeps e (hash and bytes filled in here), evicting the least recently
 * used entries until the bound holds. Returns 0; -1 when e is too large
 * (sy_lru_fits) or the table cannot grow, and then the caller still owns
 * e and frees it. */
int sy_lru_insert(sy_lru *c, sy_lru_node *e, uint64_t hash, size_t bytes);

#endif
