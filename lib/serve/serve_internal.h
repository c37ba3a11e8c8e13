/* What serve.c (the daemon, the gates, the folder) and api.c (the
 * endpoints) share. Not installed, not for other modules. */
#ifndef SY_SERVE_INTERNAL_H
#define SY_SERVE_INTERNAL_H

#include <jansson.h>
#include <stddef.h>
#include <sys/stat.h>

#include "builder/builder.h"
#include "data/data.h"
#include "serve/serve.h"

struct sy_serve {
    struct MHD_Daemon *mhd;
    char *dir; /* the folder, resolved (realpath) */
    int dirfd; /* opened once: every file is opened beneath it */
    char *data_dir;
    char *template_;
    char *roster_path; /* resolved; NULL when there is none */
    int roster_given; /* a roster file is in use (given or found) */
    sy_roster *roster; /* NULL when it did not load */
    struct stat roster_st; /* the roster's size and mtime when loaded */
    sy_diags *roster_diags; /* its problems, reported with every check */
    sy_builder *builder;
    char token[SY_SERVE_TOKEN_HEX + 1];
    unsigned port;
    sy_date (*today)(void);
};

/* One answer. body is malloc'd (or points at static data when
 * body_static); headers NULL when not sent. */
typedef struct sy_serve_reply {
    unsigned status;
    const char *type;
    char *body;
    size_t len;
    int body_static;
    char *location;
    char *cookie;
} sy_serve_reply;

/* A request as the endpoints see it. */
typedef struct sy_serve_request {
    const char *method;
    const char *url;
    const char *(*arg)(void *conn, const char *key); /* a query argument, NULL when absent */
    void *conn;
    const char *body; /* NUL-terminated */
    size_t len;
} sy_serve_request;

/* The reply r as JSON (takes the reference to j; 500 when j is NULL). */
void sy_serve_reply_json(sy_serve_reply *r, unsigned status, json_t *j);
/* {"error": message} with this status. */
void sy_serve_reply_error(sy_serve_reply *r, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* For tests and fuzz targets only: the server's state as sy_serve_start
 * makes it (the folder, the roster, the builder; o->token required),
 * without libmicrohttpd or a socket. sy_serve_port gives o->port, which
 * nothing listens on; requests go to sy_serve_api directly. Free with
 * sy_serve_stop. */
sy_serve *sy_serve_open_for_tests(const sy_serve_options *o, sy_diags *d);

/* Routes an API request (url starting with /api/) to its endpoint. */
void sy_serve_api(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r);

/* Opens name (checked with sy_serve_name_ok first) beneath the folder for
 * reading, refusing a path that leaves it (a symbolic link out, ".."):
 * returns the file descriptor, or -1 with r filled (403 outside, 404
 * missing, 400 not a regular file). */
int sy_serve_open(sy_serve *s, const char *name, sy_serve_reply *r);
/* Reads name whole (at most SY_LIMIT_YAML_BYTES) into *data (malloc'd,
 * NUL-terminated); *real (may be NULL) receives the resolved path, which
 * lies inside the folder (malloc'd). 0, or -1 with r filled (403 for a
 * roster: the one in use or any file with a top-level offices: key). */
int sy_serve_read(sy_serve *s, const char *name, char **data, size_t *len, char **real,
                  sy_serve_reply *r);
/* The agreement files under the folder (relative names, sorted, roster
 * files left out): a malloc'd array of *n malloc'd strings. */
char **sy_serve_list(sy_serve *s, size_t *n);
/* Loads the roster again when its file changed since it was loaded. */
void sy_serve_roster_refresh(sy_serve *s);

#endif
