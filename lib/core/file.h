/* Whole-file reading and atomic writing. An output file is written to an
 * unnamed temporary file (O_TMPFILE) in the target's folder, flushed to
 * disk, named and renamed over the target at once, so a failure or a kill
 * never leaves a partial file nor destroys the previous good one (where the
 * file system has no O_TMPFILE, a hidden named temporary file is used). */
#ifndef SY_CORE_FILE_H
#define SY_CORE_FILE_H

#include <stddef.h>

#include "core/error.h"

/* Reads a whole file into *data (malloc'd, NUL-terminated; caller frees).
 * A missing or unreadable file is SY_ERR_NOINPUT. */
sy_status sy_file_read(const char *path, char **data, size_t *len, sy_diags *d);
/* The same, refusing (SY_ERR_LIMIT) a file of more than max bytes. */
sy_status sy_file_read_max(const char *path, size_t max, char **data, size_t *len, sy_diags *d);
/* Writes data atomically to path (see above). Failure is SY_ERR_CANTCREAT. */
sy_status sy_file_write_atomic(const char *path, const void *data, size_t len, sy_diags *d);
/* The same, but never replacing a file: the complete temporary file is
 * linked to path (which fails when the name is taken) instead of renamed
 * over it, so two writers racing for one name cannot overwrite each other.
 * When path exists: SY_ERR_CANTCREAT without an entry in d, and *existed
 * (may be NULL) set to 1; else *existed is 0. */
sy_status sy_file_write_new(const char *path, const void *data, size_t len, int *existed,
                            sy_diags *d);

#endif
