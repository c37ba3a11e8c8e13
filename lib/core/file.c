/* File helpers (see file.h). */
#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

sy_status sy_file_read(const char *path, char **data, size_t *len, sy_diags *d)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return sy_diags_add(d, SY_SEV_ERROR, errno == ENOENT ? SY_ERR_NOINPUT : SY_ERR_NOINPUT,
                            path, 0, 0, NULL, "cannot open: %s", strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap + 1);
        if (!nb) {
            free(buf);
            buf = NULL;
        } else {
            buf = nb;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (!buf)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    if (err) {
        free(buf);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, path, 0, 0, NULL, "read error");
    }
    buf[n] = 0;
    *data = buf;
    *len = n;
    return SY_OK;
}

sy_status sy_file_write_atomic(const char *path, const void *data, size_t len, sy_diags *d)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    /* Beside the target (same file system, so rename is atomic), hidden. */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    memcpy(tmp, path, dirlen);
    snprintf(tmp + dirlen, plen + 16 - dirlen, ".%s.XXXXXX", path + dirlen);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        sy_status st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                                    "cannot create a file here: %s", strerror(errno));
        free(tmp);
        return st;
    }
    const char *p = data;
    size_t left = len;
    int ok = 1;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            ok = 0;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    int saved = errno;
    if (ok && fsync(fd) != 0) {
        ok = 0;
        saved = errno;
    }
    /* mkstemp makes 0600 files; an output document is an ordinary file. */
    mode_t mask = umask(0);
    umask(mask);
    if (ok && fchmod(fd, 0666 & ~mask) != 0) {
        ok = 0;
        saved = errno;
    }
    if (close(fd) != 0 && ok) {
        ok = 0;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        saved = errno;
    }
    if (!ok) {
        unlink(tmp);
        free(tmp);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL, "cannot write: %s",
                            strerror(saved));
    }
    free(tmp);
    return SY_OK;
}
