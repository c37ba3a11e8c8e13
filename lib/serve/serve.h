/* The drafting page: a local HTTP server (libmicrohttpd) for the agreements
 * of one folder, with a JSON API over the same stages the command line
 * runs (check, splice, build) and the page's assets compiled in.
 * docs/serve.md has the API and the security rules.
 *
 * In: a folder of agreement files, a roster, the data folder. Out: answers
 * to requests on 127.0.0.1 only, on a thread of libmicrohttpd's; requests
 * are answered one at a time (one builder, its caches kept between
 * previews). Every request must carry the per-run token and a Host header
 * naming 127.0.0.1 or localhost with the port; no file outside the folder
 * is read or written.
 *
 * Memory: a sy_serve owns its daemon, builder and roster; free it with
 * sy_serve_stop. Nothing is printed: problems of the start are in the
 * caller's sy_diags. */
#ifndef SY_SERVE_H
#define SY_SERVE_H

#include <stddef.h>

#include "core/error.h"
#include "core/value.h"

typedef struct sy_serve sy_serve;

/* The length of a token in hex digits (16 random bytes). */
#define SY_SERVE_TOKEN_HEX 32

typedef struct sy_serve_options {
    const char *dir; /* the folder of agreements (required) */
    const char *roster; /* the roster file; NULL: the one roster found in dir, if one */
    const char *data_dir; /* fonts/manifest and templates/ (required) */
    const char *template_; /* a template name or folder for every build; NULL: the data's */
    unsigned port; /* 0: a free port */
    const char *token; /* SY_SERVE_TOKEN_HEX hex digits (sy_serve_make_token) */
    /* "Today" for the covers and the statuses (lib/ reads no clock): asked
     * at each request, so a server left running crosses midnight. */
    sy_date (*today)(void);
} sy_serve_options;

/* Fills token (SY_SERVE_TOKEN_HEX + 1 bytes) with random hex digits from
 * getrandom(). SY_ERR_INTERNAL (with an entry in d) when the kernel gives
 * no random bytes. */
sy_status sy_serve_make_token(char *token, sy_diags *d);

/* Starts serving (the daemon's thread runs until sy_serve_stop). Returns
 * NULL with the reason in d: the folder or the data folder unusable, the
 * port taken, the roster invalid. o's strings are copied. */
sy_serve *sy_serve_start(const sy_serve_options *o, sy_diags *d);
/* The port listened on (the one found when o->port was 0). */
unsigned sy_serve_port(const sy_serve *s);
/* Stops the daemon (requests under way are finished) and frees s. */
void sy_serve_stop(sy_serve *s);

/* ---- The gates, public for tests ---- */

/* Non-zero when name is a file name the API may touch: a relative path of
 * '/'-separated parts, none empty, ".", ".." or hidden (starting with
 * '.'), ending in ".yaml", well-formed UTF-8 without control characters
 * or backslashes, at most SY_LIMIT_SERVE_NAME_BYTES bytes. (The file is then opened beneath
 * the folder, refusing symbolic links that lead out of it.) */
int sy_serve_name_ok(const char *name);
/* Non-zero when host (the Host header, may be NULL) is "127.0.0.1:PORT" or
 * "localhost:PORT" for this port: another name is a DNS rebinding. */
int sy_serve_host_ok(const char *host, unsigned port);
/* Non-zero when given (may be NULL) equals token, compared in a time that
 * does not depend on where they differ. */
int sy_serve_token_eq(const char *given, const char *token);

#endif
