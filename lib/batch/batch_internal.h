/* What the files of lib/batch share: the state file's entries. */
#ifndef SY_BATCH_INTERNAL_H
#define SY_BATCH_INTERNAL_H

#include <stddef.h>

#include "batch/batch.h"
#include "core/buf.h"

#define SY_BATCH_HEX 65 /* a SHA-256 in hex, NUL included */

/* One line of the state file: what an output was made from. */
typedef struct sy_batch_entry {
    char *output; /* relative to the output folder */
    char key[SY_BATCH_HEX]; /* SHA-256 of all the parts below */
    long long size; /* the output's size and mtime when it was put in place */
    long long mtime_s, mtime_ns;
    char version[32];
    char agreement[SY_BATCH_HEX], template_[SY_BATCH_HEX], fonts[SY_BATCH_HEX];
    char roster[SY_BATCH_HEX], status[SY_BATCH_HEX];
    char renewal[8];
    char *changes; /* encoded changes "party|office|new-holder|date", ','-separated */
} sy_batch_entry;

/* The header line of the state file's format. */
#define SY_BATCH_STATE_HEADER "sanya-batch-state 1"

/* Appends s with bytes <= 0x20, 0x7f, '%', ',', '|' and '=' as %XX. */
void sy_batch_encode(sy_buf *out, const char *s);
/* Decodes %XX in place. */
void sy_batch_decode(char *s);

/* Appends the entry as one line (newline included). */
void sy_batch_entry_format(const sy_batch_entry *e, sy_buf *out);
/* Parses the state file text: *out (malloc'd array of *n entries, free
 * with sy_batch_entries_free). Lines that do not parse are left out (their
 * outputs are rebuilt); a text without the header line gives no entries.
 * Returns 0, or -1 when out of memory. */
int sy_batch_state_parse(const char *text, size_t len, sy_batch_entry **out, size_t *n);
void sy_batch_entries_free(sy_batch_entry *e, size_t n);

#endif
