/* The drafting page's server (serve.h): libmicrohttpd's daemon on
 * 127.0.0.1, the gates every request passes (Host, token, body size), the
 * folder (names checked, files opened beneath it) and the static assets.
 * The endpoints are in api.c. */
#define _GNU_SOURCE /* syscall(), for openat2 */
#include "serve/serve_internal.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "batch/batch.h"
#include "core/file.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "serve/assets.h"
#include "serve/mhd.h"

/* ---- the gates ---- */

int sy_serve_name_ok(const char *name)
{
    if (!name || !*name || strlen(name) > SY_LIMIT_SERVE_NAME_BYTES)
        return 0;
    size_t n = strlen(name);
    if (n <= 5 || strcmp(name + n - 5, ".yaml"))
        return 0;
    for (const char *p = name; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
            return 0;
    /* the name is echoed in JSON answers, which jansson writes as UTF-8
     * only: another byte would turn them into 500s */
    if (sy_utf8_check(name, n) != (size_t)-1)
        return 0;
    /* every part: not empty (no leading '/', no "//"), not hidden (".",
     * ".." and ".name" all start with a dot) */
    for (const char *part = name;;) {
        const char *slash = strchr(part, '/');
        size_t len = slash ? (size_t)(slash - part) : strlen(part);
        if (len == 0 || part[0] == '.')
            return 0;
        if (!slash)
            break;
        part = slash + 1;
    }
    return 1;
}

int sy_serve_host_ok(const char *host, unsigned port)
{
    if (!host)
        return 0;
    char a[64], b[64];
    snprintf(a, sizeof a, "127.0.0.1:%u", port);
    snprintf(b, sizeof b, "localhost:%u", port);
    return !strcmp(host, a) || !strcasecmp(host, b);
}

int sy_serve_token_eq(const char *given, const char *token)
{
    if (!given || !token)
        return 0;
    size_t n = strlen(token), m = strlen(given);
    unsigned char diff = n != m || n == 0;
    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char)(token[i] ^ (i < m ? given[i] : 0));
    return diff == 0;
}

sy_status sy_serve_make_token(char *token, sy_diags *d)
{
    unsigned char bytes[SY_SERVE_TOKEN_HEX / 2];
    size_t got = 0;
    while (got < sizeof bytes) {
        ssize_t k = getrandom(bytes + got, sizeof bytes - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                                "no random bytes for the token: %s", strerror(errno));
        got += (size_t)k;
    }
    for (size_t i = 0; i < sizeof bytes; i++)
        snprintf(token + 2 * i, 3, "%02x", bytes[i]);
    return SY_OK;
}

/* ---- replies ---- */

void sy_serve_reply_json(sy_serve_reply *r, unsigned status, json_t *j)
{
    char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
    json_decref(j);
    if (!text) {
        r->status = 500;
        r->type = "application/json";
        r->body = strdup("{\"error\":\"out of memory\"}");
        r->len = r->body ? strlen(r->body) : 0;
        return;
    }
    r->status = status;
    r->type = "application/json";
    r->body = text;
    r->len = strlen(text);
}

void sy_serve_reply_error(sy_serve_reply *r, unsigned status, const char *fmt, ...)
{
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_t *s = json_string(msg);
    if (!s) /* not UTF-8: a name with a bad byte */
        s = json_string("the request names something that is not UTF-8");
    sy_serve_reply_json(r, status, json_pack("{s:o}", "error", s));
}

/* ---- the folder ---- */

/* name opened for reading beneath the folder; -1 with errno (EXDEV when
 * the path leaves the folder). */
static int open_beneath(const sy_serve *s, const char *name)
{
    /* RESOLVE_BENEATH: the kernel refuses any step out of the folder,
     * through ".." or a symbolic link, atomically */
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = O_RDONLY | O_CLOEXEC | O_NOCTTY;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    int fd = (int)syscall(SYS_openat2, s->dirfd, name, &how, sizeof how);
    if (fd < 0 && errno == ENOSYS) {
        /* kernels before 5.6: resolve, then check the result lies inside */
        char path[PATH_MAX * 2], real[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", s->dir, name);
        if (!realpath(path, real)) {
            fd = -1;
        } else if (strncmp(real, s->dir, strlen(s->dir)) || real[strlen(s->dir)] != '/') {
            errno = EXDEV;
            fd = -1;
        } else {
            fd = open(real, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW);
        }
    }
    return fd;
}

int sy_serve_open(sy_serve *s, const char *name, sy_serve_reply *r)
{
    if (!sy_serve_name_ok(name)) {
        sy_serve_reply_error(r, 403,
                             "'%s' is not a name of an agreement file under the folder (a "
                             "relative path ending in .yaml, without '..' or hidden parts)",
                             name ? name : "");
        return -1;
    }
    int fd = open_beneath(s, name);
    if (fd < 0) {
        if (errno == EXDEV || errno == ELOOP || errno == EPERM || errno == EACCES)
            sy_serve_reply_error(r, 403, "%s leads out of the folder: refused", name);
        else if (errno == ENOENT || errno == ENOTDIR)
            sy_serve_reply_error(r, 404, "%s: no such file in the folder", name);
        else
            sy_serve_reply_error(r, 400, "%s: cannot open: %s", name, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        sy_serve_reply_error(r, 400, "%s is not a regular file", name);
        return -1;
    }
    return fd;
}

/* Is the file (its status st, its first n bytes at head) a roster: the one
 * in use, or any file with a top-level offices: key? */
static int roster_file(const sy_serve *s, const struct stat *st, const char *head, size_t n)
{
    if (s->roster_path && st->st_dev == s->roster_st.st_dev && st->st_ino == s->roster_st.st_ino)
        return 1;
    return head && sy_batch_is_roster_text(head, n < 65536 ? n : 65536);
}

int sy_serve_read(sy_serve *s, const char *name, char **data, size_t *len, char **real,
                  sy_serve_reply *r)
{
    *data = NULL;
    *len = 0;
    if (real)
        *real = NULL;
    int fd = sy_serve_open(s, name, r);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || (unsigned long long)st.st_size > SY_LIMIT_YAML_BYTES) {
        close(fd);
        sy_serve_reply_error(r, 413, "%s: file larger than %u bytes", name,
                             (unsigned)SY_LIMIT_YAML_BYTES);
        return -1;
    }
    if (real) {
        /* the path the descriptor really has: inside the folder */
        char link[64], target[PATH_MAX];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t k = readlink(link, target, sizeof target - 1);
        size_t dl = strlen(s->dir);
        if (k > 0 && (size_t)k > dl && !strncmp(target, s->dir, dl) && target[dl] == '/') {
            target[k] = 0;
            *real = strdup(target);
        }
        if (!*real) {
            close(fd);
            sy_serve_reply_error(r, 403, "%s: cannot tell where it lies: refused", name);
            return -1;
        }
    }
    sy_diags *d = sy_diags_new();
    size_t n = 0;
    char *buf = NULL;
    sy_status rs =
        d ? sy_file_read_fd(fd, name, SY_LIMIT_YAML_BYTES, &buf, &n, d) : (close(fd), SY_ERR_NOMEM);
    sy_diags_free(d);
    if (rs == SY_OK && n > (size_t)st.st_size) { /* it grew since fstat */
        free(buf);
        rs = SY_ERR_DATA;
    }
    if (rs != SY_OK) {
        if (real) {
            free(*real);
            *real = NULL;
        }
        if (rs == SY_ERR_DATA || rs == SY_ERR_LIMIT)
            sy_serve_reply_error(r, 409, "%s changed while it was read; try again", name);
        else
            sy_serve_reply_error(r, 500, "%s: %s", name,
                                 rs == SY_ERR_NOMEM ? "out of memory" : "cannot read");
        return -1;
    }
    /* the page edits agreements: a roster (an input of every build) is
     * neither shown nor saved over through it */
    if (roster_file(s, &st, buf, n)) {
        free(buf);
        if (real) {
            free(*real);
            *real = NULL;
        }
        sy_serve_reply_error(r, 403,
                             "%s is a roster (the offices and their holders), not an agreement: "
                             "the drafting page does not edit it",
                             name);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

typedef struct listing {
    sy_serve *s;
    char **names;
    size_t n, cap;
    int full;
} listing;

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_add(listing *l, const char *rel)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **names = realloc(l->names, cap * sizeof *names);
        if (!names) {
            l->full = 1;
            return;
        }
        l->names = names;
        l->cap = cap;
    }
    if ((l->names[l->n] = strdup(rel)))
        l->n++;
}

/* Is the file at dfd/name a roster (roster_file)? */
static int is_roster(listing *l, int dfd, const char *name)
{
    int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return 0;
    struct stat st;
    char head[65536];
    int yes = 0;
    if (fstat(fd, &st) == 0) {
        ssize_t k = read(fd, head, sizeof head);
        yes = roster_file(l->s, &st, k > 0 ? head : NULL, k > 0 ? (size_t)k : 0);
    }
    close(fd);
    return yes;
}

/* Hidden entries and symbolic links to folders are skipped, as sanya
 * batch does (a link could lead anywhere, or round in a loop). */
static void list_dir(listing *l, int dfd, const char *prefix, int depth)
{
    if (depth > SY_LIMIT_BATCH_DEPTH)
        return;
    DIR *d = fdopendir(dfd);
    if (!d) {
        close(dfd);
        return;
    }
    struct dirent *e;
    while (!l->full && (e = readdir(d)) && l->n < SY_LIMIT_BATCH_FILES) {
        if (e->d_name[0] == '.')
            continue;
        char rel[PATH_MAX];
        if ((size_t)snprintf(rel, sizeof rel, "%s%s", prefix, e->d_name) >= sizeof rel)
            continue;
        struct stat lst, st;
        if (fstatat(dirfd(d), e->d_name, &lst, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(lst.st_mode)) {
            int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
            char subprefix[PATH_MAX];
            if (sub >= 0 &&
                (size_t)snprintf(subprefix, sizeof subprefix, "%s/", rel) < sizeof subprefix)
                list_dir(l, sub, subprefix, depth + 1);
            else if (sub >= 0)
                close(sub);
            continue;
        }
        size_t n = strlen(e->d_name);
        if (n <= 5 || strcmp(e->d_name + n - 5, ".yaml") || !sy_serve_name_ok(rel))
            continue;
        if (fstatat(dirfd(d), e->d_name, &st, 0) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (S_ISLNK(lst.st_mode)) { /* listed only when it stays inside */
            int fd = open_beneath(l->s, rel);
            if (fd < 0)
                continue;
            close(fd);
        }
        if (!is_roster(l, dirfd(d), e->d_name))
            list_add(l, rel);
    }
    closedir(d);
}

char **sy_serve_list(sy_serve *s, size_t *n)
{
    listing l;
    memset(&l, 0, sizeof l);
    l.s = s;
    int fd = dup(s->dirfd);
    if (fd >= 0 && lseek(fd, 0, SEEK_SET) == 0)
        list_dir(&l, fd, "", 0);
    else if (fd >= 0)
        close(fd);
    if (l.n)
        qsort(l.names, l.n, sizeof *l.names, cmp_names);
    *n = l.n;
    return l.names;
}

void sy_serve_roster_refresh(sy_serve *s)
{
    if (!s->roster_path)
        return;
    struct stat st;
    if (stat(s->roster_path, &st) != 0) {
        memset(&st, 0, sizeof st);
    } else if (s->roster_diags && st.st_size == s->roster_st.st_size &&
               st.st_mtim.tv_sec == s->roster_st.st_mtim.tv_sec &&
               st.st_mtim.tv_nsec == s->roster_st.st_mtim.tv_nsec &&
               st.st_ino == s->roster_st.st_ino) {
        return;
    }
    sy_roster_free(s->roster);
    sy_diags_free(s->roster_diags);
    s->roster_diags = sy_diags_new();
    s->roster = sy_roster_load(s->roster_path, s->roster_diags);
    s->roster_st = st;
}

/* ---- the daemon ---- */

/* libmicrohttpd's functions, loaded by sy_serve_start before any is
 * called (mhd.h). */
static const sy_mhd_api *mhd;

typedef struct connection {
    sy_buf body;
    int too_big;
} connection;

static const char *arg_of(void *conn, const char *key)
{
    return mhd->lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, key);
}

static const sy_serve_asset *asset_of(const char *url)
{
    if (!strcmp(url, "/"))
        url = "/index.html";
    for (size_t i = 0; i < sy_serve_nassets; i++)
        if (!strcmp(url + 1, sy_serve_assets[i].path))
            return &sy_serve_assets[i];
    return NULL;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, sy_serve_reply *r)
{
    struct MHD_Response *resp = r->body_static
        ? mhd->create_response_from_buffer(r->len, r->body, MHD_RESPMEM_PERSISTENT)
        : mhd->create_response_from_buffer(r->len, r->body, MHD_RESPMEM_MUST_FREE);
    if (!resp) {
        if (!r->body_static)
            free(r->body);
        free(r->location);
        free(r->cookie);
        return MHD_NO;
    }
    if (r->type)
        mhd->add_response_header(resp, "Content-Type", r->type);
    /* the page is this server's alone: no other site may frame it, run
     * scripts in it or read what it fetched; nothing is cached */
    mhd->add_response_header(resp, "Content-Security-Policy",
                             "default-src 'self'; img-src 'self' blob: data:; "
                             "connect-src 'self' blob:; font-src 'self' blob: data:; "
                             "frame-src 'self' blob:; object-src 'self' blob:; "
                             "worker-src 'self' blob:; frame-ancestors 'self'; base-uri 'none'");
    mhd->add_response_header(resp, "X-Content-Type-Options", "nosniff");
    mhd->add_response_header(resp, "Referrer-Policy", "no-referrer");
    mhd->add_response_header(resp, "Cache-Control", "no-store");
    if (r->location)
        mhd->add_response_header(resp, "Location", r->location);
    if (r->cookie)
        mhd->add_response_header(resp, "Set-Cookie", r->cookie);
    enum MHD_Result ok = mhd->queue_response(c, r->status, resp);
    mhd->destroy_response(resp);
    free(r->location);
    free(r->cookie);
    return ok;
}

/* The gates, on the first call for a request: 0 to go on, else the reply
 * is filled. */
static int gates(sy_serve *s, struct MHD_Connection *c, const char *url, const char *method,
                 sy_serve_reply *r)
{
    const char *host = mhd->lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    if (!sy_serve_host_ok(host, s->port)) {
        sy_serve_reply_error(r, 403,
                             "this page answers to http://127.0.0.1:%u/ and "
                             "http://localhost:%u/ only",
                             s->port, s->port);
        return -1;
    }
    const char *query = mhd->lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
    if (!strcmp(url, "/") && !strcmp(method, "GET") && query) {
        if (!sy_serve_token_eq(query, s->token)) {
            sy_serve_reply_error(r, 403, "wrong token: open the address sanya serve printed");
            return -1;
        }
        /* the token moves into a cookie, and out of the address bar and
         * the history */
        char cookie[128];
        snprintf(cookie, sizeof cookie, "sanya_token=%s; HttpOnly; SameSite=Strict; Path=/",
                 s->token);
        r->status = 303;
        r->cookie = strdup(cookie);
        r->location = strdup("/");
        r->type = "text/plain; charset=utf-8";
        r->body = strdup("see /\n");
        r->len = r->body ? strlen(r->body) : 0;
        return -1;
    }
    const char *cookie = mhd->lookup_connection_value(c, MHD_COOKIE_KIND, "sanya_token");
    const char *header = mhd->lookup_connection_value(c, MHD_HEADER_KIND, "X-Sanya-Token");
    if (!sy_serve_token_eq(cookie, s->token) && !sy_serve_token_eq(header, s->token)) {
        sy_serve_reply_error(r, 403,
                             "no token: open the address sanya serve printed (with ?token=)");
        return -1;
    }
    const char *length = mhd->lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    if (length && strtoull(length, NULL, 10) > SY_LIMIT_SERVE_BODY_BYTES) {
        sy_serve_reply_error(r, 413, "request body larger than %u bytes",
                             (unsigned)SY_LIMIT_SERVE_BODY_BYTES);
        return -1;
    }
    return 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **state)
{
    (void)version;
    sy_serve *s = cls;
    sy_serve_reply r;
    memset(&r, 0, sizeof r);
    if (!*state) {
        if (gates(s, c, url, method, &r) != 0)
            return send_reply(c, &r);
        connection *conn = calloc(1, sizeof *conn);
        if (!conn)
            return MHD_NO;
        *state = conn;
        return MHD_YES;
    }
    connection *conn = *state;
    if (*upload_data_size) {
        /* a body sent without its length (chunked): read up to the limit,
         * then drop the rest and refuse below */
        if (conn->body.len + *upload_data_size > SY_LIMIT_SERVE_BODY_BYTES)
            conn->too_big = 1;
        if (!conn->too_big)
            sy_buf_put(&conn->body, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (conn->too_big) {
        sy_serve_reply_error(&r, 413, "request body larger than %u bytes",
                             (unsigned)SY_LIMIT_SERVE_BODY_BYTES);
    } else if (sy_buf_failed(&conn->body)) {
        sy_serve_reply_error(&r, 500, "out of memory");
    } else if (!strncmp(url, "/api/", 5)) {
        sy_serve_request q = {method,        url, arg_of, c, conn->body.data ? conn->body.data : "",
                              conn->body.len};
        sy_serve_api(s, &q, &r);
    } else if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        sy_serve_reply_error(&r, 405, "%s %s: only GET", method, url);
    } else {
        const sy_serve_asset *a = asset_of(url);
        if (!a) {
            sy_serve_reply_error(&r, 404, "%s: no such page", url);
        } else {
            r.status = 200;
            r.type = a->type;
            r.body = (char *)a->data;
            r.len = a->len;
            r.body_static = 1;
        }
    }
    return send_reply(c, &r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **state,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)c, (void)why;
    connection *conn = *state;
    if (conn) {
        sy_buf_free(&conn->body);
        free(conn);
    }
    *state = NULL;
}

static sy_serve *start_fail(sy_serve *s)
{
    sy_serve_stop(s);
    return NULL;
}

/* The state of a server without its daemon: the folder, the roster, the
 * builder (what sy_serve_start and sy_serve_open_for_tests share). */
static sy_serve *open_state(const sy_serve_options *o, sy_diags *d)
{
    sy_serve *s = calloc(1, sizeof *s);
    if (!s) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    s->dirfd = -1;
    s->today = o->today;
    if (!o->token || strlen(o->token) != SY_SERVE_TOKEN_HEX) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                     "the token must be %d hex digits", SY_SERVE_TOKEN_HEX);
        return start_fail(s);
    }
    memcpy(s->token, o->token, sizeof s->token);
    char real[PATH_MAX];
    if (!o->dir || !realpath(o->dir, real) ||
        (s->dirfd = open(real, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, o->dir, 0, 0, NULL,
                     "cannot open the folder: %s", strerror(errno));
        return start_fail(s);
    }
    if (!strcmp(real, "/")) {
        /* every path would be "inside": a folder of agreements is meant */
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, o->dir, 0, 0, NULL,
                     "refusing to serve the root folder: give the folder of the agreements");
        return start_fail(s);
    }
    if (!(s->dir = strdup(real)) || !(s->data_dir = strdup(o->data_dir)) ||
        (o->template_ && !(s->template_ = strdup(o->template_)))) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return start_fail(s);
    }
    if (o->roster) {
        if (!realpath(o->roster, real)) {
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, o->roster, 0, 0, NULL,
                         "cannot open the roster: %s", strerror(errno));
            return start_fail(s);
        }
        s->roster_path = strdup(real);
    } else {
        /* the one roster file at the top of the folder, as sanya batch finds it */
        DIR *dd = opendir(s->dir);
        struct dirent *e;
        int found = 0;
        char path[PATH_MAX * 2];
        while (dd && (e = readdir(dd))) {
            size_t k = strlen(e->d_name);
            if (e->d_name[0] == '.' || k <= 5 || strcmp(e->d_name + k - 5, ".yaml"))
                continue;
            /* a symbolic link out of the folder is not the folder's
             * roster (nothing outside is read unless named by --roster) */
            int fd = open_beneath(s, e->d_name);
            if (fd < 0)
                continue;
            close(fd);
            listing probe;
            memset(&probe, 0, sizeof probe);
            probe.s = s;
            if (is_roster(&probe, dirfd(dd), e->d_name)) {
                found++;
                snprintf(path, sizeof path, "%s/%s", s->dir, e->d_name);
            }
        }
        if (dd)
            closedir(dd);
        if (found == 1 && realpath(path, real))
            s->roster_path = strdup(real);
        else if (found > 1)
            sy_diags_add(d, SY_SEV_WARNING, SY_OK, s->dir, 0, 0, NULL,
                         "%d roster files (a top-level offices: key) in the folder: none is used; "
                         "pass --roster",
                         found);
    }
    if (s->roster_path) {
        s->roster_given = 1;
        sy_serve_roster_refresh(s);
        if (stat(s->roster_path, &s->roster_st) != 0)
            memset(&s->roster_st, 0, sizeof s->roster_st);
    }
    s->builder = sy_builder_new(s->data_dir, d);
    if (!s->builder)
        return start_fail(s);
    return s;
}

sy_serve *sy_serve_open_for_tests(const sy_serve_options *o, sy_diags *d)
{
    sy_serve *s = open_state(o, d);
    if (s)
        s->port = o->port; /* nothing listens on it: the Host gate's port */
    return s;
}

sy_serve *sy_serve_start(const sy_serve_options *o, sy_diags *d)
{
    sy_serve *s = open_state(o, d);
    if (!s)
        return NULL;
    if (!(mhd = sy_mhd_load(d)))
        return start_fail(s);

    /* the socket is bound here, so the port is known before the first
     * request is read (the Host gate needs it) */
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o->port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t alen = sizeof addr;
    int one = 1;
    int sock = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0 || setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(sock, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(sock, 32) != 0 ||
        getsockname(sock, (struct sockaddr *)&addr, &alen) != 0) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, NULL, 0, 0, NULL,
                     "cannot listen on 127.0.0.1:%u: %s", o->port, strerror(errno));
        if (sock >= 0)
            close(sock);
        return start_fail(s);
    }
    s->port = ntohs(addr.sin_port);
    /* one thread answers every request in turn: one builder, its caches
     * warm, no two builds at once */
    s->mhd = mhd->start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, on_request, s,
                               MHD_OPTION_LISTEN_SOCKET, sock, MHD_OPTION_NOTIFY_COMPLETED,
                               on_completed, s, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120,
                               MHD_OPTION_CONNECTION_LIMIT, (unsigned)64, MHD_OPTION_END);
    if (!s->mhd) {
        close(sock);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, NULL, 0, 0, NULL,
                     "cannot start the HTTP daemon on 127.0.0.1:%u", s->port);
        return start_fail(s);
    }
    return s;
}

unsigned sy_serve_port(const sy_serve *s)
{
    return s->port;
}

void sy_serve_stop(sy_serve *s)
{
    if (!s)
        return;
    if (s->mhd)
        mhd->stop_daemon(s->mhd);
    sy_builder_free(s->builder);
    sy_roster_free(s->roster);
    sy_diags_free(s->roster_diags);
    if (s->dirfd >= 0)
        close(s->dirfd);
    free(s->dir);
    free(s->data_dir);
    free(s->template_);
    free(s->roster_path);
    free(s);
}
