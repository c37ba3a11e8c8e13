/* Growing arrays: the one idiom every module needs, written once. */
#ifndef SY_CORE_ARRAY_H
#define SY_CORE_ARRAY_H

#include <stddef.h>

/* Makes room for `need` elements of `size` bytes in the array *items
 * (capacity *cap, doubled as needed; the pointer may move). Returns 0, or -1
 * when out of memory, leaving *items and *cap as they were. */
int sy_reserve(void **items, size_t *cap, size_t need, size_t size);

/* sy_reserve for any pointer type: SY_RESERVE(p, cap, need). */
#define SY_RESERVE(items, cap, need) sy_reserve((void **)&(items), &(cap), (need), sizeof *(items))

#endif
