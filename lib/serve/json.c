/* JSON of diagnostics and of an agreement's raw tree (json.h), written
 * with jansson. */
#include "serve/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/yaml.h"

const char *sy_serve_severity_name(sy_severity s)
{
    return s == SY_SEV_WARNING ? "warning" : s == SY_SEV_NOTE ? "note" : "error";
}

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* s as a JSON string, or what stands for it when it is not UTF-8 (a file
 * name, a path or a message quoting a bad byte: jansson refuses them),
 * or null. */
static json_t *text_or_null(const char *s, const char *instead)
{
    json_t *j = string_or_null(s);
    return j ? j : json_string(instead);
}

json_t *sy_serve_json_diag(const sy_diag *e)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    /* every value is made and handed to set_new (which releases it on
     * failure) in turn: a failure leaks nothing */
    int bad = 0;
    bad |= json_object_set_new(o, "file", text_or_null(e->file, "(a name that is not UTF-8)"));
    bad |= json_object_set_new(o, "line", json_integer(e->line));
    bad |= json_object_set_new(o, "column", json_integer(e->column));
    bad |= json_object_set_new(o, "path", text_or_null(e->path, "(a path that is not UTF-8)"));
    bad |= json_object_set_new(o, "severity", json_string(sy_serve_severity_name(e->severity)));
    bad |= json_object_set_new(o, "code", json_string(sy_status_name(e->code)));
    bad |= json_object_set_new(
        o, "message", text_or_null(e->message ? e->message : "", "(a message that is not UTF-8)"));
    bad |= json_object_set_new(o, "suggestion",
                               text_or_null(e->suggestion, "(a suggestion that is not UTF-8)"));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *sy_serve_json_diags(const sy_diags *d, size_t from)
{
    json_t *a = json_array();
    for (size_t i = from; a && i < sy_diags_count(d); i++) {
        json_t *e = sy_serve_json_diag(sy_diags_get(d, i));
        if (!e || json_array_append_new(a, e) != 0) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

char *sy_serve_json_check_report(const char *file, const sy_diags *d)
{
    json_t *o = json_object();
    json_t *diags = sy_serve_json_diags(d, 0);
    if (!o || !diags || json_object_set_new(o, "file", string_or_null(file)) ||
        json_object_set_new(o, "diagnostics", diags)) {
        json_decref(o);
        return NULL;
    }
    char *text = json_dumps(o, JSON_INDENT(2));
    json_decref(o);
    if (!text)
        return NULL;
    size_t n = strlen(text);
    char *out = realloc(text, n + 2);
    if (!out) {
        free(text);
        return NULL;
    }
    out[n] = '\n';
    out[n + 1] = 0;
    return out;
}

/* ---- the raw tree ---- */

typedef struct model_walk {
    json_t *fields;
    char path[1024];
    size_t plen;
    int failed;
} model_walk;

/* A plain whole number as written ("3", "-12"), which the schema reads as
 * an integer. */
static int is_plain_int(const sy_yn *n)
{
    if (!n->plain || !n->len || n->len > 18)
        return 0;
    size_t i = n->text[0] == '-' ? 1 : 0;
    if (i == n->len)
        return 0;
    for (; i < n->len; i++)
        if (n->text[i] < '0' || n->text[i] > '9')
            return 0;
    return 1;
}

static json_t *scalar_json(const sy_yn *n)
{
    if (sy_yn_is_null(n))
        return json_null();
    if (is_plain_int(n))
        return json_integer(strtoll(n->text, NULL, 10));
    json_t *s = json_stringn(n->text, n->len);
    /* the check reports bad UTF-8; the form shows what it can */
    return s ? s : json_string("");
}

static json_t *walk_node(model_walk *w, const sy_yn *n)
{
    json_t *f = json_object();
    const char *kind = n->kind == SY_YN_MAP ? "map" : n->kind == SY_YN_SEQ ? "list" : "scalar";
    if (!f || json_object_set_new(f, "path", json_string(w->path)) ||
        json_object_set_new(f, "kind", json_string(kind)) ||
        json_object_set_new(f, "line", json_integer(n->line)) ||
        json_object_set_new(f, "column", json_integer(n->column)) ||
        json_array_append_new(w->fields, f)) {
        w->failed = 1;
        return NULL;
    }
    if (n->kind == SY_YN_SCALAR) {
        json_t *v = scalar_json(n);
        json_object_set(f, "value", v);
        return v;
    }
    json_t *out = n->kind == SY_YN_MAP ? json_object() : json_array();
    if (!out) {
        w->failed = 1;
        return NULL;
    }
    size_t step = n->kind == SY_YN_MAP ? 2 : 1;
    for (size_t i = 0; i + step - 1 < n->count && !w->failed; i += step) {
        size_t old = w->plen;
        int k;
        const char *key = NULL;
        if (n->kind == SY_YN_MAP) {
            key = n->items[i]->kind == SY_YN_SCALAR ? n->items[i]->text : "?";
            /* a duplicate key: the first counts, as for the loader */
            if (json_object_get(out, key))
                continue;
            k = snprintf(w->path + old, sizeof w->path - old, "%s%s", old ? "." : "", key);
        } else {
            k = snprintf(w->path + old, sizeof w->path - old, "[%zu]", i);
        }
        if (k < 0 || (size_t)k >= sizeof w->path - old)
            continue; /* deeper than any form goes */
        w->plen = old + (size_t)k;
        json_t *v = walk_node(w, n->items[i + step - 1]);
        w->plen = old;
        w->path[old] = 0;
        if (!v || (key ? json_object_set_new(out, key, v) : json_array_append_new(out, v)))
            w->failed = 1;
    }
    return out;
}

json_t *sy_serve_json_model(const char *name, const char *text, size_t len)
{
    sy_yn *root = sy_yn_parse(name, text, len, NULL);
    if (!root)
        return NULL;
    model_walk w;
    memset(&w, 0, sizeof w);
    w.fields = json_array();
    json_t *value = w.fields ? walk_node(&w, root) : NULL;
    sy_yn_free(root);
    if (w.failed || !value) {
        json_decref(value);
        json_decref(w.fields);
        return NULL;
    }
    /* "o" hands both references to the new object (released on failure) */
    return json_pack("{s:o, s:o}", "value", value, "fields", w.fields);
}
