/* Whole-file reading and atomic writing. An output file is written to a
 * temporary file beside the target, flushed to disk and renamed over it, so
 * a failure or a kill never leaves a partial file nor destroys the previous
 * good one. */
#ifndef SY_CORE_FILE_H
#define SY_CORE_FILE_H

#include <stddef.h>

#include "core/error.h"

/* Reads a whole file into *data (malloc'd, NUL-terminated; caller frees).
 * A missing file is SY_ERR_NOINPUT. */
sy_status sy_file_read(const char *path, char **data, size_t *len, sy_diags *d);
/* Writes data atomically to path (see above). Failure is SY_ERR_CANTCREAT. */
sy_status sy_file_write_atomic(const char *path, const void *data, size_t len, sy_diags *d);

#endif
