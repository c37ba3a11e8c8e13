/* File helpers (see file.h). */
#define _GNU_SOURCE /* O_TMPFILE, linkat */
#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

sy_status sy_file_read_max(const char *path, size_t max, char **data, size_t *len, sy_diags *d)
{
    *data = NULL;
    *len = 0;
    /* Only regular files: a FIFO or a device would block for ever, and the
     * open itself must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, path, 0, 0, NULL, "cannot open: %s",
                            strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, path, 0, 0, NULL,
                            "not a regular file (a folder, a pipe or a device): refused");
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    }
    size_t cap = 1 << 14, n = 0;
    char *buf = malloc(cap + 1);
    sy_status st = SY_OK;
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (max && n > max) {
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, path, 0, 0, NULL,
                              "file larger than %zu bytes", max);
            break;
        }
        if (n < cap)
            break;
        char *nb = realloc(buf, cap * 2 + 1); /* + 1: the closing NUL */
        if (!nb) {
            free(buf);
            buf = NULL;
        } else {
            buf = nb;
            cap *= 2;
        }
    }
    if (st == SY_OK && !buf)
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    if (st == SY_OK && ferror(f))
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, path, 0, 0, NULL, "cannot read: %s",
                          strerror(errno));
    fclose(f);
    if (st != SY_OK) {
        free(buf);
        return st;
    }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return SY_OK;
}

sy_status sy_file_read(const char *path, char **data, size_t *len, sy_diags *d)
{
    return sy_file_read_max(path, 0, data, len, d);
}

/* Writes all of data to fd, fsyncs it and gives it ordinary permissions.
 * Returns 0 or an errno value. */
static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        p += w;
        len -= (size_t)w;
    }
    if (fsync(fd) != 0)
        return errno;
    /* A temporary file is private; an output document is an ordinary file. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0)
        return errno;
    return 0;
}

/* The complete temporary file becomes path: renamed over it (replace), or
 * linked to it, which fails with EEXIST when the name is taken. */
static sy_status write_whole(const char *path, const void *data, size_t len, int replace,
                             int *existed, sy_diags *d)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16), *dir = malloc(plen + 2);
    if (!tmp || !dir) {
        free(tmp);
        free(dir);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    }
    /* Beside the target (same file system, so rename is atomic), hidden. */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(tmp, path, dirlen);
    snprintf(tmp + dirlen, plen + 16 - dirlen, ".%s.XXXXXX", path + dirlen);
    memcpy(dir, path, dirlen);
    dir[dirlen] = 0;
    if (!dirlen)
        strcpy(dir, ".");

    int err = 0, named = 0;
    /* An unnamed file (O_TMPFILE) vanishes by itself if we are killed while
     * writing; it gets a name only once it is complete, and that name is
     * renamed over the target at once. */
    int fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) {
        err = write_all(fd, data, len);
        if (!err) {
            char proc[64];
            snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
            /* a fresh unique name for the link: mkstemp's, then replaced;
             * a file that must not replace another is linked to path
             * itself */
            int probe = replace ? mkstemp(tmp) : 0;
            if (replace && (probe < 0 || close(probe) != 0 || unlink(tmp) != 0))
                err = errno ? errno : EIO;
            else if (linkat(AT_FDCWD, proc, AT_FDCWD, replace ? tmp : path, AT_SYMLINK_FOLLOW) != 0)
                err = errno;
            else
                named = replace;
        }
        if (close(fd) != 0 && !err)
            err = errno;
    } else {
        /* No O_TMPFILE here (some file systems): a named temporary file. */
        fd = mkstemp(tmp);
        if (fd < 0) {
            err = errno;
        } else {
            named = 1;
            err = write_all(fd, data, len);
            if (close(fd) != 0 && !err)
                err = errno;
        }
    }
    if (!err && named && (replace ? rename(tmp, path) : link(tmp, path)) != 0)
        err = errno;
    if (named && (err || !replace))
        unlink(tmp); /* a failure's leftover, or the second name of a link */
    free(tmp);
    free(dir);
    if (existed)
        *existed = err == EEXIST && !replace;
    if (err == EEXIST && !replace)
        return SY_ERR_CANTCREAT;
    if (err)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL, "cannot write: %s",
                            strerror(err));
    return SY_OK;
}

sy_status sy_file_write_atomic(const char *path, const void *data, size_t len, sy_diags *d)
{
    return write_whole(path, data, len, 1, NULL, d);
}

sy_status sy_file_write_new(const char *path, const void *data, size_t len, int *existed,
                            sy_diags *d)
{
    return write_whole(path, data, len, 0, existed, d);
}
