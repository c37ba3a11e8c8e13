/* sy_span_find: a binary search over sorted, disjoint byte ranges. */
#include "core/span.h"

const sy_span *sy_span_find(const sy_span *spans, size_t n, size_t offset)
{
    size_t lo = 0, hi = n;
    while (lo < hi) { /* first span ending after offset */
        size_t mid = lo + (hi - lo) / 2;
        if (spans[mid].end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && spans[lo].start <= offset ? &spans[lo] : NULL;
}
