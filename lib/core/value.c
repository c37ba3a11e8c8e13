/* sy_value: see value.h. Lists and maps share one array of entries; map
 * lookups are linear, which is fine for the small maps of agreement data. */
#include "core/value.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key; /* NULL in lists */
    sy_value *val;
} entry;

struct sy_value {
    sy_value_kind kind;
    sy_mark mark;
    union {
        int b;
        long long i;
        sy_date d;
        struct {
            char *s;
            size_t len;
        } str;
        struct {
            entry *items;
            size_t len, cap;
        } c;
    } u;
};

static sy_value *node(sy_value_kind k, sy_mark m)
{
    sy_value *v = calloc(1, sizeof *v);
    if (v) {
        v->kind = k;
        v->mark = m;
    }
    return v;
}

sy_value *sy_value_null(sy_mark m)
{
    return node(SY_VAL_NULL, m);
}

sy_value *sy_value_bool(int b, sy_mark m)
{
    sy_value *v = node(SY_VAL_BOOL, m);
    if (v)
        v->u.b = !!b;
    return v;
}

sy_value *sy_value_int(long long i, sy_mark m)
{
    sy_value *v = node(SY_VAL_INT, m);
    if (v)
        v->u.i = i;
    return v;
}

sy_value *sy_value_string(const char *s, size_t len, sy_mark m)
{
    sy_value *v = node(SY_VAL_STRING, m);
    if (!v)
        return NULL;
    v->u.str.s = malloc(len + 1);
    if (!v->u.str.s) {
        free(v);
        return NULL;
    }
    if (len)
        memcpy(v->u.str.s, s, len);
    v->u.str.s[len] = 0;
    v->u.str.len = len;
    return v;
}

sy_value *sy_value_date(sy_date d, sy_mark m)
{
    sy_value *v = node(SY_VAL_DATE, m);
    if (v)
        v->u.d = d;
    return v;
}

sy_value *sy_value_list(sy_mark m)
{
    return node(SY_VAL_LIST, m);
}

sy_value *sy_value_map(sy_mark m)
{
    return node(SY_VAL_MAP, m);
}

static int push(sy_value *c, char *key, sy_value *val)
{
    if (c->u.c.len == c->u.c.cap) {
        size_t cap = c->u.c.cap ? c->u.c.cap * 2 : 4;
        entry *items = realloc(c->u.c.items, cap * sizeof *items);
        if (!items)
            return -1;
        c->u.c.items = items;
        c->u.c.cap = cap;
    }
    c->u.c.items[c->u.c.len].key = key;
    c->u.c.items[c->u.c.len].val = val;
    c->u.c.len++;
    return 0;
}

int sy_value_list_append(sy_value *list, sy_value *item)
{
    if (!list || list->kind != SY_VAL_LIST || !item || push(list, NULL, item) != 0) {
        sy_value_free(item);
        return -1;
    }
    return 0;
}

int sy_value_map_set(sy_value *map, const char *key, sy_value *val)
{
    if (!map || map->kind != SY_VAL_MAP || !key || !val) {
        sy_value_free(val);
        return -1;
    }
    for (size_t i = 0; i < map->u.c.len; i++) {
        if (strcmp(map->u.c.items[i].key, key) == 0) {
            sy_value_free(map->u.c.items[i].val);
            map->u.c.items[i].val = val;
            return 0;
        }
    }
    char *k = strdup(key);
    if (!k || push(map, k, val) != 0) {
        free(k);
        sy_value_free(val);
        return -1;
    }
    return 0;
}

void sy_value_free(sy_value *v)
{
    if (!v)
        return;
    if (v->kind == SY_VAL_STRING) {
        free(v->u.str.s);
    } else if (v->kind == SY_VAL_LIST || v->kind == SY_VAL_MAP) {
        for (size_t i = 0; i < v->u.c.len; i++) {
            free(v->u.c.items[i].key);
            sy_value_free(v->u.c.items[i].val);
        }
        free(v->u.c.items);
    }
    free(v);
}

sy_value *sy_value_copy(const sy_value *v)
{
    if (!v)
        return NULL;
    switch (v->kind) {
    case SY_VAL_STRING:
        return sy_value_string(v->u.str.s, v->u.str.len, v->mark);
    case SY_VAL_LIST:
    case SY_VAL_MAP: {
        sy_value *c = node(v->kind, v->mark);
        if (!c)
            return NULL;
        for (size_t i = 0; i < v->u.c.len; i++) {
            sy_value *item = sy_value_copy(v->u.c.items[i].val);
            int rc = v->kind == SY_VAL_LIST ? sy_value_list_append(c, item)
                                            : sy_value_map_set(c, v->u.c.items[i].key, item);
            if (rc != 0) {
                sy_value_free(c);
                return NULL;
            }
        }
        return c;
    }
    default: {
        sy_value *c = node(v->kind, v->mark);
        if (c)
            c->u = v->u;
        return c;
    }
    }
}

sy_value_kind sy_value_kind_of(const sy_value *v)
{
    return v ? v->kind : SY_VAL_NULL;
}

sy_mark sy_value_mark(const sy_value *v)
{
    sy_mark none = {NULL, 0, 0};
    return v ? v->mark : none;
}

int sy_value_as_bool(const sy_value *v)
{
    return v && v->kind == SY_VAL_BOOL ? v->u.b : 0;
}

long long sy_value_as_int(const sy_value *v)
{
    return v && v->kind == SY_VAL_INT ? v->u.i : 0;
}

const char *sy_value_as_string(const sy_value *v, size_t *len)
{
    if (!v || v->kind != SY_VAL_STRING) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = v->u.str.len;
    return v->u.str.s;
}

sy_date sy_value_as_date(const sy_value *v)
{
    sy_date none = {0, 0, 0};
    return v && v->kind == SY_VAL_DATE ? v->u.d : none;
}

size_t sy_value_len(const sy_value *v)
{
    return v && (v->kind == SY_VAL_LIST || v->kind == SY_VAL_MAP) ? v->u.c.len : 0;
}

sy_value *sy_value_at(const sy_value *v, size_t i)
{
    return i < sy_value_len(v) ? v->u.c.items[i].val : NULL;
}

const char *sy_value_key_at(const sy_value *v, size_t i)
{
    return v && v->kind == SY_VAL_MAP && i < v->u.c.len ? v->u.c.items[i].key : NULL;
}

sy_value *sy_value_get(const sy_value *v, const char *key)
{
    if (!v || v->kind != SY_VAL_MAP || !key)
        return NULL;
    for (size_t i = 0; i < v->u.c.len; i++)
        if (strcmp(v->u.c.items[i].key, key) == 0)
            return v->u.c.items[i].val;
    return NULL;
}

sy_value *sy_value_lookup(const sy_value *v, const char *path)
{
    char part[256];
    while (v && path && *path) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof part)
            return NULL;
        memcpy(part, path, n);
        part[n] = 0;
        if (v->kind == SY_VAL_LIST) {
            char *end;
            unsigned long i = strtoul(part, &end, 10);
            v = (*part && !*end) ? sy_value_at(v, i) : NULL;
        } else {
            v = sy_value_get(v, part);
        }
        path += n;
        if (*path == '.')
            path++;
    }
    return (sy_value *)v;
}

const char *sy_value_kind_name(sy_value_kind k)
{
    switch (k) {
    case SY_VAL_NULL:
        return "null";
    case SY_VAL_BOOL:
        return "boolean";
    case SY_VAL_INT:
        return "integer";
    case SY_VAL_STRING:
        return "string";
    case SY_VAL_DATE:
        return "date";
    case SY_VAL_LIST:
        return "list";
    case SY_VAL_MAP:
        return "map";
    }
    return "value";
}
