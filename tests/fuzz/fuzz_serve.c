/* libFuzzer target for sanya serve's JSON API (lib/serve/api.c), without
 * the network: the input is one HTTP request, passed through the gates as
 * serve.c passes it, then to sy_serve_api.
 *
 * Framing: five lines, then the body (the rest, any bytes):
 *
 *     METHOD\n URL (with ?query)\n Host\n Cookie\n X-Sanya-Token\n BODY
 *
 * An empty header line means the header is absent; a missing line leaves
 * the rest empty. The query is split at '&' and '=' and %XX / '+'
 * decoded, as libmicrohttpd does; the cookie "a=b; sanya_token=T" is
 * searched for sanya_token. The server's token is TOKEN below, its port
 * PORT (Host: 127.0.0.1:8080).
 *
 * The state (sy_serve_open_for_tests: no daemon, no socket) is made once,
 * over a scratch copy of examples/ (the agreements and roster.yaml) in
 * TMP/fuzz_serve.XXXXXX/dir/, with the repository's root (the working
 * folder: fonts/, templates/) as the data folder. Beside dir/ lies
 * sentinel.yaml, and dir/out.yaml is a symbolic link to it.
 *
 * Checked (abort on violation): the reply has a status in 200..599 and a
 * body, and is no 500 "out of memory" (nothing runs out here: that is an
 * answer jansson could not write); an application/json body parses
 * (jansson); a PDF starts %PDF-;
 * after the run the scratch folder holds dir/ and sentinel.yaml only and
 * the sentinel is unchanged (no file outside dir/ created or written); a
 * save answered 200 left the body in dir/NAME; a new answered 201 made
 * dir/NAME (a plain file of dir/ itself). After a save or a new the folder
 * is put back as it was, so runs stay independent. The scratch folder
 * is removed at exit. FUZZ_SERVE_VERBOSE=1 prints each request's answer.
 *
 * Inputs over 64 KiB are skipped; the bodies of check, preview and save
 * (real checks and builds) are cut to 4 KiB. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "serve/serve_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { INPUT_LIMIT = 64 * 1024, MAX_BUILD_BODY = 4 * 1024, MAX_ARGS = 32, PORT = 8080 };
static const char TOKEN[] = "0123456789abcdef0123456789abcdef";
static const char SENTINEL[] = "offices: {}\n# the sentinel: never to be written\n";

static sy_serve *server;
static char root[1024], dir[2048], sentinel[2048];
static struct stat sentinel_st;

/* The original files of dir/: name and contents. */
static struct original {
    char name[256];
    char *data;
    size_t len;
} originals[16];
static size_t noriginals;

static sy_date fixed_today(void)
{
    sy_date d = {2026, 3, 1};
    return d;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, k;
    char *buf = malloc(cap + 1);
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = n;
    }
    return buf;
}

static void spit(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        abort();
}

/* The scratch folder removed when the fuzzer exits (not after a crash:
 * then it is left for a look). */
static void cleanup(void)
{
    sy_serve_stop(server);
    server = NULL;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlinkat(dirfd(d), e->d_name, 0);
    if (d)
        closedir(d);
    rmdir(dir);
    unlink(sentinel);
    rmdir(root);
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/fuzz_serve.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(root))
        abort();
    snprintf(dir, sizeof dir, "%s/dir", root);
    snprintf(sentinel, sizeof sentinel, "%s/sentinel.yaml", root);
    if (mkdir(dir, 0700) != 0)
        abort();
    spit(sentinel, SENTINEL, sizeof SENTINEL - 1);
    if (stat(sentinel, &sentinel_st) != 0)
        abort();
    /* the agreements and the roster of examples/ (run from the repository's root) */
    DIR *d = opendir("examples");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n <= 5 || strcmp(e->d_name + n - 5, ".yaml") || noriginals == 15 || n >= 256)
            continue;
        char path[8192];
        struct original *o = &originals[noriginals++];
        snprintf(o->name, sizeof o->name, "%s", e->d_name);
        snprintf(path, sizeof path, "examples/%s", e->d_name);
        if (!(o->data = slurp(path, &o->len)))
            abort();
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        spit(path, o->data, o->len);
    }
    if (d)
        closedir(d);
    if (noriginals < 2)
        abort(); /* run from the repository's root */
    char link[8192];
    snprintf(link, sizeof link, "%s/out.yaml", dir);
    if (symlink("../sentinel.yaml", link) != 0)
        abort();

    sy_serve_options o;
    memset(&o, 0, sizeof o);
    o.dir = dir;
    o.data_dir = ".";
    o.port = PORT;
    o.token = TOKEN;
    o.today = fixed_today;
    sy_diags *diags = sy_diags_new();
    if (!diags || !(server = sy_serve_open_for_tests(&o, diags))) {
        for (size_t i = 0; diags && i < sy_diags_count(diags); i++)
            fprintf(stderr, "fuzz_serve: %s\n", sy_diags_get(diags, i)->message);
        abort();
    }
    sy_diags_free(diags);
    atexit(cleanup);
}

/* Puts dir/ back as setup made it: files made since removed, the
 * originals rewritten when changed. */
static void restore(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (!d)
        abort();
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || !strcmp(e->d_name, "out.yaml"))
            continue;
        int known = 0;
        for (size_t i = 0; i < noriginals; i++)
            known |= !strcmp(e->d_name, originals[i].name);
        if (!known && unlinkat(dirfd(d), e->d_name, 0) != 0 &&
            unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR) != 0)
            abort();
    }
    closedir(d);
    for (size_t i = 0; i < noriginals; i++) {
        char path[8192];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s", dir, originals[i].name);
        char *now = slurp(path, &len);
        if (!now || len != originals[i].len || memcmp(now, originals[i].data, len))
            spit(path, originals[i].data, originals[i].len);
        free(now);
    }
}

/* Nothing beside dir/ made, the sentinel untouched, the link in place. */
static void check_outside(void)
{
    DIR *d = opendir(root);
    struct dirent *e;
    if (!d)
        abort();
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && strcmp(e->d_name, "dir") &&
            strcmp(e->d_name, "sentinel.yaml"))
            abort(); /* a file made outside the folder */
    closedir(d);
    struct stat st;
    if (stat(sentinel, &st) != 0 || st.st_ino != sentinel_st.st_ino ||
        st.st_size != sentinel_st.st_size || st.st_mtim.tv_sec != sentinel_st.st_mtim.tv_sec ||
        st.st_mtim.tv_nsec != sentinel_st.st_mtim.tv_nsec)
        abort(); /* the sentinel written */
    size_t len = 0;
    char *now = slurp(sentinel, &len);
    if (!now || len != sizeof SENTINEL - 1 || memcmp(now, SENTINEL, len))
        abort();
    free(now);
    char link[8192], target[64];
    snprintf(link, sizeof link, "%s/out.yaml", dir);
    ssize_t k = readlink(link, target, sizeof target - 1);
    if (k != (ssize_t)strlen("../sentinel.yaml") || memcmp(target, "../sentinel.yaml", (size_t)k))
        abort(); /* the link replaced (a write through it would have been caught above) */
}

/* ---- the request ---- */

typedef struct request {
    char *keys[MAX_ARGS], *values[MAX_ARGS];
    size_t nargs;
} request;

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* s[0..n) with %XX and '+' decoded (malloc'd, NUL-terminated: a %00 ends
 * it, as a C string would). */
static char *decode(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    size_t k = 0;
    if (!out)
        abort();
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            out[k++] = ' ';
        } else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out[k++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = 0;
    return out;
}

static void parse_query(request *rq, const char *query)
{
    while (*query && rq->nargs < MAX_ARGS) {
        size_t n = strcspn(query, "&");
        size_t eq = strcspn(query, "=");
        if (n) {
            size_t kl = eq < n ? eq : n;
            rq->keys[rq->nargs] = decode(query, kl);
            rq->values[rq->nargs] = eq < n ? decode(query + eq + 1, n - eq - 1) : decode("", 0);
            rq->nargs++;
        }
        query += n;
        if (*query == '&')
            query++;
    }
}

static const char *arg_of(void *conn, const char *key)
{
    request *rq = conn;
    for (size_t i = 0; i < rq->nargs; i++)
        if (!strcmp(rq->keys[i], key))
            return rq->values[i];
    return NULL;
}

/* The value of sanya_token in a Cookie header (a static buffer), or NULL. */
static const char *cookie_token(const char *cookie, char *buf, size_t cap)
{
    for (const char *p = cookie; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        size_t n = strcspn(p, ";");
        if (n > 12 && !strncmp(p, "sanya_token=", 12)) {
            size_t vl = n - 12 < cap - 1 ? n - 12 : cap - 1;
            memcpy(buf, p + 12, vl);
            buf[vl] = 0;
            return buf;
        }
        p += n;
    }
    return NULL;
}

/* The next line of data (malloc'd, NUL-terminated, cut at a NUL byte), or
 * NULL for an empty one. */
static char *line(const uint8_t **p, const uint8_t *end)
{
    const uint8_t *nl = memchr(*p, '\n', (size_t)(end - *p));
    const uint8_t *stop = nl ? nl : end;
    size_t n = (size_t)(stop - *p);
    char *s = n ? strndup((const char *)*p, n) : NULL;
    *p = nl ? nl + 1 : end;
    return s;
}

static void check_reply(const sy_serve_reply *r)
{
    if (r->status < 200 || r->status > 599 || !r->body)
        abort();
    /* nothing here runs out of memory: such a 500 is an answer that
     * could not be written (jansson refusing a string that is not UTF-8) */
    if (r->status == 500 && r->len >= 26 && strstr(r->body, "out of memory")) {
        fprintf(stderr, "fuzz_serve: a 500 'out of memory' for a request\n");
        abort();
    }
    if (r->type && !strncmp(r->type, "application/json", 16)) {
        json_error_t err;
        json_t *j = json_loadb(r->body, r->len, 0, &err);
        if (!j) {
            fprintf(stderr, "fuzz_serve: reply is not JSON: %s\n", err.text);
            abort();
        }
        json_decref(j);
    } else if (r->type && !strcmp(r->type, "application/pdf")) {
        if (r->len < 5 || memcmp(r->body, "%PDF-", 5))
            abort();
    } else {
        abort(); /* the API answers JSON or a PDF */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!server)
        setup();
    if (size > INPUT_LIMIT)
        return 0;
    const uint8_t *p = data, *end = data + size;
    char *method = line(&p, end), *url = line(&p, end), *host = line(&p, end),
         *cookie = line(&p, end), *header = line(&p, end);
    size_t blen = (size_t)(end - p);
    char *body = malloc(blen + 1);
    if (!body)
        abort();
    memcpy(body, p, blen);
    body[blen] = 0;
    request rq;
    memset(&rq, 0, sizeof rq);
    const char *path = url ? url : "";
    char *query = strchr(url ? url : "", '?');
    if (query) {
        *query++ = 0;
        parse_query(&rq, query);
    }
    sy_serve_reply r;
    memset(&r, 0, sizeof r);
    char cbuf[128];

    /* the gates, as serve.c's gates() and on_request() pass them */
    const char *m = method ? method : "";
    const char *qtoken = arg_of(&rq, "token");
    const char *ctoken = cookie_token(cookie, cbuf, sizeof cbuf);
    /* the gates themselves: the token compared as strcmp would, the
     * host as one of the two names with the port */
    const char *given[] = {qtoken, ctoken, header};
    for (size_t i = 0; i < 3; i++)
        if (sy_serve_token_eq(given[i], TOKEN) != (given[i] && !strcmp(given[i], TOKEN)))
            abort();
    if (sy_serve_host_ok(host, PORT) && strcmp(host, "127.0.0.1:8080") &&
        strcasecmp(host, "localhost:8080"))
        abort();
    int api = 0;
    if (!sy_serve_host_ok(host, PORT)) {
        /* 403: another name (DNS rebinding) */
    } else if (!strcmp(path, "/") && !strcmp(m, "GET") && qtoken) {
        /* the token's exchange for the cookie: no API */
    } else if (!sy_serve_token_eq(ctoken, TOKEN) && !sy_serve_token_eq(header, TOKEN)) {
        /* 403: no token */
    } else if (blen > SY_LIMIT_SERVE_BODY_BYTES) {
        /* 413 */
    } else if (!strncmp(path, "/api/", 5)) {
        api = 1;
    }

    if (api) {
        const char *ep = path + 5;
        int build = !strcmp(ep, "check") || !strcmp(ep, "preview") || !strcmp(ep, "save");
        if (build && blen > MAX_BUILD_BODY) {
            blen = MAX_BUILD_BODY;
            body[blen] = 0;
        }
        sy_serve_request q = {m, path, arg_of, &rq, body, blen};
        sy_serve_api(server, &q, &r);
        check_reply(&r);
        if (getenv("FUZZ_SERVE_VERBOSE")) /* to see what the seeds do */
            fprintf(stderr, "fuzz_serve: %s %s: %u %s %.200s\n", m, path, r.status, r.type,
                    strcmp(r.type, "application/pdf") ? r.body : "(PDF)");
        const char *name = arg_of(&rq, "name");
        if (!strcmp(ep, "save") && !strcmp(m, "POST") && r.status == 200) {
            /* the body is now the file's contents, in the folder */
            char fpath[8192];
            size_t len = 0;
            if (!sy_serve_name_ok(name))
                abort();
            snprintf(fpath, sizeof fpath, "%s/%s", dir, name);
            char *now = slurp(fpath, &len);
            if (!now || len != blen || memcmp(now, body, len))
                abort();
            free(now);
        }
        if (!strcmp(ep, "new") && !strcmp(m, "POST") && r.status == 201) {
            /* a new plain file of dir/ itself, named in the reply */
            json_t *j = json_loadb(r.body, r.len, 0, NULL);
            const char *made = json_string_value(json_object_get(j, "name"));
            char fpath[8192];
            struct stat st;
            if (!made || strchr(made, '/') || !sy_serve_name_ok(made))
                abort();
            snprintf(fpath, sizeof fpath, "%s/%s", dir, made);
            if (lstat(fpath, &st) != 0 || !S_ISREG(st.st_mode))
                abort();
            json_decref(j);
        }
        if (!strcmp(m, "POST") && (!strcmp(ep, "save") || !strcmp(ep, "new")))
            restore();
        check_outside();
    }
    if (!r.body_static)
        free(r.body);
    free(r.location);
    free(r.cookie);
    for (size_t i = 0; i < rq.nargs; i++) {
        free(rq.keys[i]);
        free(rq.values[i]);
    }
    free(method);
    free(url);
    free(host);
    free(cookie);
    free(header);
    free(body);
    return 0;
}
