/* File helpers (see file.h). */
#define _GNU_SOURCE /* O_TMPFILE, linkat */
#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
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
    return sy_file_read_fd(fd, path, max, data, len, d);
}

sy_status sy_file_read_fd(int fd, const char *name, size_t max, char **data, size_t *len,
                          sy_diags *d)
{
    *data = NULL;
    *len = 0;
    FILE *f = fdopen(fd, "rb"); /* fclose closes fd */
    if (!f) {
        close(fd);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    }
    size_t cap = 1 << 14, n = 0;
    char *buf = malloc(cap + 1);
    sy_status st = SY_OK;
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (max && n > max) {
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, name, 0, 0, NULL,
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
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
    if (st == SY_OK && ferror(f))
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, name, 0, 0, NULL, "cannot read: %s",
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

/* The process's umask, read without changing it (the umask(0) dance would
 * give other threads, a batch's workers, a moment of umask 0): from
 * /proc/self/status, once; else the dance, once. */
static mode_t umask_value = 022;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;

static void read_umask(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    char line[128];
    unsigned int m;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Umask: %o", &m) == 1) {
            umask_value = (mode_t)m;
            fclose(f);
            return;
        }
    if (f)
        fclose(f);
    mode_t mask = umask(0);
    umask(mask);
    umask_value = mask;
}

static mode_t current_umask(void)
{
    pthread_once(&umask_once, read_umask);
    return umask_value;
}

/* Writes all of data to fd, gives it its final mode (and owner, where we
 * may) and fsyncs it (unless flags has SY_FILE_NO_SYNC). Returns 0 or an
 * errno value. */
static int write_all(int fd, const void *data, size_t len, const struct stat *old, int set_mode,
                     int flags)
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
    /* A file that is replaced keeps its permissions (0600 stays 0600) and,
     * where we are allowed to, its owner; a new file is an ordinary file
     * (0666 less the umask). The owner first: chown clears some mode bits. */
    if (old && (old->st_uid != geteuid() || old->st_gid != getegid()))
        (void)!fchown(fd, old->st_uid, old->st_gid); /* best effort: not ours to give */
    if (old ? fchmod(fd, old->st_mode & 0777) != 0
            : set_mode && fchmod(fd, 0666 & ~current_umask()) != 0)
        return errno;
    if (!(flags & SY_FILE_NO_SYNC) && fsync(fd) != 0)
        return errno;
    return 0;
}

static int no_tmpfile_for_tests;

void sy_file_test_without_tmpfile(int on)
{
    no_tmpfile_for_tests = on;
}

sy_status sy_file_temp_pattern(const char *path, char **pattern)
{
    /* Beside the target (same file system, so rename is atomic), hidden,
     * and short enough for any legal name: ".NAME.XXXXXX" with NAME cut
     * (at a UTF-8 character's start) so that the whole fits NAME_MAX. */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0, base = strlen(path + dirlen);
    const size_t keep_max = SY_FILE_NAME_MAX - 8; /* '.', ".XXXXXX" */
    if (base > keep_max) {
        base = keep_max;
        while (base > 0 && ((unsigned char)path[dirlen + base] & 0xC0) == 0x80)
            base--;
    }
    char *t = malloc(dirlen + base + 9);
    if (!t)
        return SY_ERR_NOMEM;
    memcpy(t, path, dirlen);
    t[dirlen] = '.';
    memcpy(t + dirlen + 1, path + dirlen, base);
    memcpy(t + dirlen + 1 + base, ".XXXXXX", 8);
    *pattern = t;
    return SY_OK;
}

/* The file path names for writing: path itself, or, when path is a
 * symbolic link, the file it leads to (written through, the link stays).
 * *old receives the existing file's status and *exists whether there is
 * one. A link to nothing, and anything that is not a regular file, is
 * refused with an entry in d. */
static sy_status resolve_output(const char *path, char **target, struct stat *old, int *exists,
                                sy_diags *d)
{
    *target = NULL;
    *exists = 0;
    struct stat lst;
    if (lstat(path, &lst) != 0) {
        if (errno != ENOENT)
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                                "cannot write: %s", strerror(errno));
        *target = strdup(path);
        return *target
            ? SY_OK
            : sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    }
    if (S_ISLNK(lst.st_mode)) {
        char *real = realpath(path, NULL);
        if (!real && errno == ENOENT)
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                                "is a symbolic link to a file that does not exist; refused "
                                "(sanya writes through a link only to an existing file)");
        if (!real)
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                                "cannot follow the symbolic link: %s", strerror(errno));
        if (stat(real, &lst) != 0) {
            int e = errno;
            free(real);
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                                "cannot write: %s", strerror(e));
        }
        *target = real;
    }
    if (!S_ISREG(lst.st_mode)) {
        free(*target);
        *target = NULL;
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                            "is %s, not a regular file; refused (nothing written)",
                            S_ISDIR(lst.st_mode)                               ? "a folder"
                                : S_ISFIFO(lst.st_mode)                        ? "a pipe (FIFO)"
                                : S_ISCHR(lst.st_mode) || S_ISBLK(lst.st_mode) ? "a device"
                                : S_ISSOCK(lst.st_mode)                        ? "a socket"
                                                                               : "a special file");
    }
    if (!*target && !(*target = strdup(path)))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    *old = lst;
    *exists = 1;
    return SY_OK;
}

/* Links the file behind proc (/proc/self/fd/N) to tmp, a pattern ending in
 * "XXXXXX" whose last six characters are replaced by random ones until the
 * name is free. The file is only ever named once it is complete: no empty
 * placeholder exists first (mkstemp's), so a process killed at any moment
 * leaves at most one complete hidden file. Returns 0 or an errno value. */
static int link_fresh(const char *proc, char *tmp)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    char *x = tmp + strlen(tmp) - 6;
    for (int attempt = 0; attempt < 100; attempt++) {
        unsigned char r[6];
        if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
            return errno ? errno : EIO;
        for (int i = 0; i < 6; i++)
            x[i] = digits[r[i] % (sizeof digits - 1)];
        if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
            return 0;
        if (errno != EEXIST)
            return errno;
    }
    return EEXIST;
}

/* The complete temporary file becomes path: renamed over it (replace), or
 * linked to it, which fails with EEXIST when the name is taken. */
static sy_status write_whole(const char *path, const void *data, size_t len, int replace, int flags,
                             int *existed, sy_diags *d)
{
    if (existed)
        *existed = 0;
    char *target = NULL, *tmp = NULL, *dir = NULL;
    struct stat old;
    int exists = 0;
    if (replace) {
        sy_status st = resolve_output(path, &target, &old, &exists, d);
        if (st != SY_OK)
            return st;
    } else {
        target = strdup(path);
    }
    size_t plen = target ? strlen(target) : 0;
    if (!target || sy_file_temp_pattern(target, &tmp) != SY_OK || !(dir = malloc(plen + 2))) {
        free(target);
        free(tmp);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
    }
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
    memcpy(dir, target, dirlen);
    dir[dirlen] = 0;
    if (!dirlen)
        strcpy(dir, ".");
    const struct stat *keep = exists ? &old : NULL;

    int err = 0, named = 0;
    /* An unnamed file (O_TMPFILE) vanishes by itself if we are killed while
     * writing; it gets a name only once it is complete, and that name is
     * renamed over the target at once. Created 0666 it gets the umask from
     * the kernel; a file it replaces lends it its mode. */
    int fd =
        no_tmpfile_for_tests ? -1 : open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, keep ? 0600 : 0666);
    if (fd >= 0) {
        err = write_all(fd, data, len, keep, 0, flags);
        if (!err) {
            char proc[64];
            snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
            /* the complete file gets a fresh hidden name, renamed over
             * the target at once; a file that must not replace another is
             * linked to path itself */
            err = replace ? link_fresh(proc, tmp)
                : linkat(AT_FDCWD, proc, AT_FDCWD, target, AT_SYMLINK_FOLLOW) != 0 ? errno
                                                                                   : 0;
            named = replace && !err;
        }
        if (close(fd) != 0 && !err)
            err = errno;
    } else {
        /* No O_TMPFILE here (some file systems): a named temporary file,
         * private (0600) until it has its final mode. */
        fd = mkstemp(tmp);
        if (fd < 0) {
            err = errno;
        } else {
            named = 1;
            err = write_all(fd, data, len, keep, 1, flags);
            if (close(fd) != 0 && !err)
                err = errno;
        }
    }
    if (!err && named && (replace ? rename(tmp, target) : link(tmp, target)) != 0)
        err = errno;
    if (named && (err || !replace))
        unlink(tmp); /* a failure's leftover, or the second name of a link */
    free(tmp);
    free(dir);
    free(target);
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
    return write_whole(path, data, len, 1, 0, NULL, d);
}

sy_status sy_file_write_atomic_flags(const char *path, const void *data, size_t len, int flags,
                                     sy_diags *d)
{
    return write_whole(path, data, len, 1, flags, NULL, d);
}

sy_status sy_file_write_new(const char *path, const void *data, size_t len, int *existed,
                            sy_diags *d)
{
    return write_whole(path, data, len, 0, 0, existed, d);
}

sy_status sy_file_sync_fs(const char *path, sy_diags *d)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    int err = fd < 0 || syncfs(fd) != 0 ? errno : 0;
    if (fd >= 0)
        close(fd);
    if (err)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                            "cannot flush the file system to disk: %s", strerror(err));
    return SY_OK;
}

/* Whether the existing file real (a resolved path) lies in the folder
 * whose status is dir_st, at any depth: its parents are compared with the
 * folder by device and inode. */
static int inside_folder(const char *real, const struct stat *dir_st)
{
    char *p = strdup(real);
    int found = 0;
    for (char *slash; p && !found && (slash = strrchr(p, '/'));) {
        slash[slash == p] = 0; /* "/a/b" -> "/a" -> "/" */
        struct stat st;
        found = stat(p, &st) == 0 && st.st_dev == dir_st->st_dev && st.st_ino == dir_st->st_ino;
        if (slash == p)
            break;
    }
    free(p);
    return found;
}

sy_status sy_file_check_output(const char *path, const char *const *inputs, size_t n, sy_diags *d)
{
    char *target = NULL;
    struct stat out;
    int exists = 0;
    sy_status st = resolve_output(path, &target, &out, &exists, d);
    if (st != SY_OK)
        return st;
    if (!exists) {
        /* A new file: its folder must be there (said now, not after the
         * work); being new, it is none of the inputs. */
        const char *slash = strrchr(target, '/');
        char *dir =
            slash ? strndup(target, slash == target ? 1 : (size_t)(slash - target)) : strdup(".");
        struct stat dst;
        if (!dir)
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
        else if (stat(dir, &dst) != 0 || !S_ISDIR(dst.st_mode))
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                              "cannot write: the folder %s does not exist", dir);
        free(dir);
        free(target);
        return st;
    }
    char *real = realpath(target, NULL);
    for (size_t i = 0; i < n; i++) {
        struct stat in;
        if (!inputs[i] || stat(inputs[i], &in) != 0)
            continue;
        if (S_ISREG(in.st_mode) && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, path, 0, 0, NULL,
                              "is the input %s (the same file); refused, the input is left as "
                              "it was: give another output",
                              inputs[i]);
        else if (S_ISDIR(in.st_mode) && real && inside_folder(real, &in))
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, path, 0, 0, NULL,
                              "is a file of the input folder %s; refused, the input is left as "
                              "it was: give another output",
                              inputs[i]);
    }
    free(real);
    free(target);
    return st;
}
