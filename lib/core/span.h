/* Where the pieces of a text came from: a sorted list of byte ranges, each
 * with the mark and data path of the value interpolated there. The document
 * tree keeps them per block (lib/doc); the text engine reads them to report
 * a problem at the YAML value rather than at the template line (lib/text). */
#ifndef SY_CORE_SPAN_H
#define SY_CORE_SPAN_H

#include <stddef.h>

#include "core/value.h"

/* Bytes [start, end) of a text came from the value at `mark` (a YAML
 * scalar, or a template literal), whose path in the data is `path`
 * ("articles[2].body.km"; NULL when the value is not from the data), put
 * there by the template expression at `via`. The strings belong to whoever
 * holds the span (for a document: the document). */
typedef struct sy_span {
    size_t start, end;
    sy_mark mark;
    const char *path;
    sy_mark via;
} sy_span;

/* The span covering byte `offset` among n spans sorted by start and not
 * overlapping, or NULL when none does (template text). The result points
 * into spans. */
const sy_span *sy_span_find(const sy_span *spans, size_t n, size_t offset);

#endif
