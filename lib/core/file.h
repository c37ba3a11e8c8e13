/* Whole-file reading and atomic writing. An output file is written to an
 * unnamed temporary file (O_TMPFILE) in the target's folder, flushed to
 * disk, named and renamed over the target at once, so a failure or a kill
 * never leaves a partial file nor destroys the previous good one (where the
 * file system has no O_TMPFILE, a hidden named temporary file is used,
 * ".NAME.XXXXXX" with NAME shortened so that it fits NAME_MAX).
 *
 * Outputs: a symbolic link is written through (the file it leads to is
 * replaced, the link stays; a link to nothing is refused); anything but a
 * regular file (a folder, a pipe, a device) is refused; a replaced file
 * keeps its permissions, a new one gets 0666 less the umask. */
#ifndef SY_CORE_FILE_H
#define SY_CORE_FILE_H

#include <stddef.h>

#include "core/error.h"

/* Reads a whole file into *data (malloc'd, NUL-terminated; caller frees).
 * A missing or unreadable file is SY_ERR_NOINPUT. */
sy_status sy_file_read(const char *path, char **data, size_t *len, sy_diags *d);
/* The same, refusing (SY_ERR_LIMIT) a file of more than max bytes. */
sy_status sy_file_read_max(const char *path, size_t max, char **data, size_t *len, sy_diags *d);
/* The same for a file the caller opened and made sure is a regular file
 * (fd, read from its current offset and closed here, also on failure;
 * name is for messages). */
sy_status sy_file_read_fd(int fd, const char *name, size_t max, char **data, size_t *len,
                          sy_diags *d);
/* Writes data atomically to path (see above). Failure is SY_ERR_CANTCREAT. */
sy_status sy_file_write_atomic(const char *path, const void *data, size_t len, sy_diags *d);
/* sy_file_write_atomic with flags: SY_FILE_NO_SYNC leaves the file's data
 * in the kernel's cache (it is still complete or absent for any reader, and
 * after a crash of the process; only a crash of the machine could lose it):
 * for writers of many files, who call sy_file_sync_fs once before they
 * record that the files exist (a batch's state file). */
enum { SY_FILE_NO_SYNC = 1 };
sy_status sy_file_write_atomic_flags(const char *path, const void *data, size_t len, int flags,
                                     sy_diags *d);
/* Flushes the file system holding path (a file or folder) to disk
 * (syncfs). */
sy_status sy_file_sync_fs(const char *path, sy_diags *d);
/* The same, but never replacing a file: the complete temporary file is
 * linked to path (which fails when the name is taken) instead of renamed
 * over it, so two writers racing for one name cannot overwrite each other.
 * When path exists: SY_ERR_CANTCREAT without an entry in d, and *existed
 * (may be NULL) set to 1; else *existed is 0. */
sy_status sy_file_write_new(const char *path, const void *data, size_t len, int *existed,
                            sy_diags *d);

/* Checks, before any work is done, that path may be written as an output
 * of a command that read the files and folders inputs[0..n-1] (NULL
 * entries and paths that do not exist are skipped):
 *  - SY_ERR_USAGE when path is one of the input files (same device and
 *    inode: another spelling of the path, a symbolic or hard link count
 *    too) or an existing file inside one of the input folders;
 *  - SY_ERR_CANTCREAT when path is not a regular file (a folder, a pipe, a
 *    device), a symbolic link to nothing, or a new file in a folder that
 *    does not exist.
 * Each problem is reported in d with path as its place. */
sy_status sy_file_check_output(const char *path, const char *const *inputs, size_t n, sy_diags *d);

/* The longest file name the temporary names are made to fit (NAME_MAX of
 * Linux file systems). */
#define SY_FILE_NAME_MAX 255

/* For tests: the named temporary file the writers use where the file
 * system has no O_TMPFILE: ".NAME.XXXXXX" beside path, NAME cut at a
 * character boundary so that the name has at most SY_FILE_NAME_MAX bytes.
 * *pattern is malloc'd (caller frees); SY_ERR_NOMEM on failure. */
sy_status sy_file_temp_pattern(const char *path, char **pattern);
/* For tests: on != 0 makes the writers behave as on a file system without
 * O_TMPFILE (the fallback above); not thread-safe, never set in sanya. */
void sy_file_test_without_tmpfile(int on);

#endif
