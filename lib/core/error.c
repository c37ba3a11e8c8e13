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
    free((char *)e->suggestion);
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

/* Appends e with its strings copied, except the message msg, which the
 * list takes over (NULL: out of memory). */
static sy_status append(sy_diags *d, const sy_diag *e, char *msg)
{
    int failed = !msg;
    if (!failed && d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        sy_diag *items = realloc(d->items, cap * sizeof *items);
        if (items) {
            d->items = items;
            d->cap = cap;
        } else {
            failed = 1;
        }
    }
    sy_diag c = *e;
    c.message = msg;
    c.file = dup_or_null(e->file, &failed);
    c.path = dup_or_null(e->path, &failed);
    c.suggestion = dup_or_null(e->suggestion, &failed);
    if (failed) {
        diag_release(&c);
        d->lost = 1;
        return e->code;
    }
    d->items[d->count++] = c;
    if (c.severity == SY_SEV_ERROR)
        d->errors++;
    return e->code;
}

sy_status sy_diags_pushv(sy_diags *d, const sy_diag *e, const char *fmt, va_list ap)
{
    if (!d)
        return e->code;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (msg)
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
    return append(d, e, msg);
}

sy_status sy_diags_push(sy_diags *d, const sy_diag *e)
{
    if (!d)
        return e->code;
    return append(d, e, strdup(e->message ? e->message : ""));
}

sy_status sy_diags_addv(sy_diags *d, sy_severity sev, sy_status code, const char *file, int line,
                        int column, const char *path, const char *fmt, va_list ap)
{
    sy_diag e = {
        .severity = sev, .code = code, .file = file, .line = line, .column = column, .path = path};
    return sy_diags_pushv(d, &e, fmt, ap);
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

int sy_diag_format_suggestion(const sy_diag *e, char *buf, size_t size)
{
    if (!e->suggestion)
        return snprintf(buf, size, "%s", "");
    char q = e->suggest_form == SY_SUGGEST_PAREN_SINGLE ? '\'' : '"';
    return snprintf(buf, size, "did you mean %c%s%c?", q, e->suggestion, q);
}

int sy_diag_format(const sy_diag *e, char *buf, size_t size)
{
    char where[64] = "";
    if (e->line > 0 && e->column > 0)
        snprintf(where, sizeof where, ":%d:%d", e->line, e->column);
    else if (e->line > 0)
        snprintf(where, sizeof where, ":%d", e->line);
    /* the suggestion where the message used to carry it */
    static const char *const pre[] = {"; did you mean \"", " (did you mean \"", " (did you mean '"};
    static const char *const post[] = {"\"?", "\"?)", "'?)"};
    int f = e->suggest_form >= SY_SUGGEST_SEMICOLON && e->suggest_form <= SY_SUGGEST_PAREN_SINGLE
        ? (int)e->suggest_form
        : 0;
    return snprintf(buf, size, "%s%s%s%s%s%s%s%s%s%s", e->file ? e->file : "", where,
                    e->file || e->line ? ": " : "", e->path ? e->path : "", e->path ? ": " : "",
                    e->severity == SY_SEV_WARNING ? "warning: " : "", e->message ? e->message : "",
                    e->suggestion ? pre[f] : "", e->suggestion ? e->suggestion : "",
                    e->suggestion ? post[f] : "");
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
