/* A diagnostic shown as compilers show one on a terminal: its place and
 * severity, the source line it points at with a caret under the column
 * (and a line under the token when its length is known), and the "did you
 * mean" on a line of its own.
 *
 *   moi.yaml:33:9: error: signed: not a date: '2025-13-12' (expected YYYY-MM-DD)
 *      33 | signed: 2025-13-12
 *         |         ^~~~~~~~~~
 *
 * In: a sy_diag and, optionally, the text of its line. Out: text appended
 * to a sy_buf. Columns count characters (as libyaml and the template
 * parser do); the caret lands under them on a terminal, where a combining
 * mark or a format character (a Khmer vowel sign above, COENG, ZWSP) takes
 * no cell, a wide character two, and a tab runs to the next multiple of 8.
 * Control characters, bidirectional controls and bytes that are not UTF-8
 * are shown as U+FFFD: a source line never sends an escape sequence to the
 * terminal, nor does a message quoting the data (its control characters
 * are replaced too). sy_sources reads lines back from the files diagnostics name. */
#ifndef SY_CORE_EXCERPT_H
#define SY_CORE_EXCERPT_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"

typedef struct sy_excerpt_options {
    int color; /* ANSI colours: bold place, red error, magenta warning, green caret */
    const char *program; /* the place of a diagnostic without a file ("sanya"); may be NULL */
} sy_excerpt_options;

/* Appends to out the terminal form of e: "file:line:column: error: path:
 * message" (the parts that are known; "warning:" or "note:" for those),
 * then, when line is not NULL, the source line (len bytes, without its line
 * break) with a caret under e->column underlining e->length characters
 * (a column past the end points just after the last character; column 0
 * shows the line without a caret), then the suggestion, each line ended by
 * '\n'. A line wider than SY_LIMIT_EXCERPT_COLUMNS cells is cut around the
 * caret, "..." marking each cut. Out of memory is sy_buf_failed(out). */
void sy_excerpt_append(sy_buf *out, const sy_diag *e, const char *line, size_t len,
                       const sy_excerpt_options *o);

/* The terminal cells a code point takes: 0 for combining and enclosing
 * marks, format characters (ZWSP, ZWJ, COENG is a mark) and Hangul medial
 * vowels, 2 for East Asian wide and fullwidth characters, else 1 (the
 * rules of glibc's wcwidth, from ICU's character data). */
int sy_excerpt_cells(unsigned int cp);

/* Lines of source files read back for display. Each file is read whole
 * once (the most recent few are kept), only when it is a regular file of
 * at most SY_LIMIT_EXCERPT_SOURCE_BYTES; anything else gives no line,
 * quietly. Free with sy_sources_free. NULL when out of memory. */
typedef struct sy_sources sy_sources;
sy_sources *sy_sources_new(void);
void sy_sources_free(sy_sources *s);
/* Line `line` (1-based) of file, without its line break ("\n" or "\r\n";
 * a byte-order mark at the start of the file left out, as libyaml does),
 * and its length in *len; NULL when the file cannot be read or is shorter.
 * Valid until the next call or sy_sources_free. */
const char *sy_sources_line(sy_sources *s, const char *file, int line, size_t *len);

#endif
