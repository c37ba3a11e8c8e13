/* The diagnostics list of error.h: a growable array of owned entries. */
#include "core/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sy_diags {
    sy_diag *items;
    size_t count, cap, errors;
    int lost;
};

sy_diags *sy_diags_new(void)
{
    return calloc(1, sizeof(sy_diags));
}

static void diag_release(sy_diag *e)
{
    free((char *)e->file);
    free((char *)e->path);
    free((char *)e->message);
}

void sy_diags_clear(sy_diags *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->count; i++)
        diag_release(&d->items[i]);
    d->count = d->errors = 0;
    d->lost = 0;
}

void sy_diags_free(sy_diags *d)
{
    if (!d)
        return;
    sy_diags_clear(d);
    free(d->items);
    free(d);
}

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *r = strdup(s);
    if (!r)
        *failed = 1;
    return r;
}

sy_status sy_diags_addv(sy_diags *d, sy_severity sev, sy_status code, const char *file, int line,
                        int column, const char *path, const char *fmt, va_list ap)
{
    if (!d)
        return code;
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        sy_diag *items = realloc(d->items, cap * sizeof *items);
        if (!items) {
            d->lost = 1;
            return code;
        }
        d->items = items;
        d->cap = cap;
    }
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    int failed = !msg;
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
    sy_diag e = {sev, code, dup_or_null(file, &failed), line, column, dup_or_null(path, &failed),
                 msg};
    if (failed) {
        diag_release(&e);
        d->lost = 1;
        return code;
    }
    d->items[d->count++] = e;
    if (sev == SY_SEV_ERROR)
        d->errors++;
    return code;
}

sy_status sy_diags_add(sy_diags *d, sy_severity sev, sy_status code, const char *file, int line,
                       int column, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sy_status s = sy_diags_addv(d, sev, code, file, line, column, path, fmt, ap);
    va_end(ap);
    return s;
}

size_t sy_diags_count(const sy_diags *d)
{
    return d ? d->count : 0;
}

size_t sy_diags_errors(const sy_diags *d)
{
    return d ? d->errors : 0;
}

const sy_diag *sy_diags_get(const sy_diags *d, size_t i)
{
    return d && i < d->count ? &d->items[i] : NULL;
}

sy_status sy_diags_status(const sy_diags *d)
{
    if (!d)
        return SY_OK;
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == SY_SEV_ERROR)
            return d->items[i].code;
    return d->lost ? SY_ERR_NOMEM : SY_OK;
}

int sy_diags_lost(const sy_diags *d)
{
    return d ? d->lost : 0;
}

int sy_diag_format(const sy_diag *e, char *buf, size_t size)
{
    char where[64] = "";
    if (e->line > 0 && e->column > 0)
        snprintf(where, sizeof where, ":%d:%d", e->line, e->column);
    else if (e->line > 0)
        snprintf(where, sizeof where, ":%d", e->line);
    return snprintf(buf, size, "%s%s%s%s%s%s%s", e->file ? e->file : "", where,
                    e->file || e->line ? ": " : "", e->path ? e->path : "", e->path ? ": " : "",
                    e->severity == SY_SEV_WARNING ? "warning: " : "", e->message ? e->message : "");
}

const char *sy_status_name(sy_status s)
{
    switch (s) {
    case SY_OK:
        return "ok";
    case SY_ERR_USAGE:
        return "usage error";
    case SY_ERR_DATA:
        return "data error";
    case SY_ERR_NOINPUT:
        return "missing input";
    case SY_ERR_CANTCREAT:
        return "cannot write output";
    case SY_ERR_LIMIT:
        return "limit exceeded";
    case SY_ERR_NOMEM:
        return "out of memory";
    case SY_ERR_INTERNAL:
        return "internal error";
    }
    return "unknown error";
}

int sy_status_exit_code(sy_status s)
{
    switch (s) {
    case SY_OK:
        return 0;
    case SY_ERR_USAGE:
        return 64;
    case SY_ERR_DATA:
    case SY_ERR_LIMIT:
        return 65;
    case SY_ERR_NOINPUT:
        return 66;
    case SY_ERR_CANTCREAT:
        return 73;
    case SY_ERR_NOMEM:
    case SY_ERR_INTERNAL:
        break;
    }
    return 70;
}
