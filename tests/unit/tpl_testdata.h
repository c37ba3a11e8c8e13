/* Test helper (header-only, used by test_tpl.c): builds sy_value trees from
 * a compact literal so that tests read like the agreement data they stand
 * for: {title: {km: "ក", en: "A"}, n: 3, signed: @2026-05-20,
 * parties: [{id: "moi"}], ok: true, none: null}. Returns NULL on a syntax
 * error. Not part of the library. */
#ifndef TPL_TESTDATA_H
#define TPL_TESTDATA_H

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/value.h"

typedef struct td_parser {
    const char *s;
    int line;
} td_parser;

static void td_ws(td_parser *p)
{
    while (*p->s && (isspace((unsigned char)*p->s) || *p->s == ',')) {
        if (*p->s == '\n')
            p->line++;
        p->s++;
    }
}

static sy_value *td_value(td_parser *p);

static sy_value *td_value(td_parser *p)
{
    td_ws(p);
    sy_mark m = {"data", p->line, 1};
    char c = *p->s;
    if (c == '{' || c == '[') {
        p->s++;
        sy_value *v = c == '{' ? sy_value_map(m) : sy_value_list(m);
        for (;;) {
            td_ws(p);
            if (*p->s == (c == '{' ? '}' : ']')) {
                p->s++;
                return v;
            }
            if (!*p->s) {
                sy_value_free(v);
                return NULL;
            }
            if (c == '{') {
                const char *k = p->s;
                while (*p->s && *p->s != ':')
                    p->s++;
                if (!*p->s) {
                    sy_value_free(v);
                    return NULL;
                }
                char key[64];
                size_t kn = (size_t)(p->s - k);
                if (kn >= sizeof key)
                    kn = sizeof key - 1;
                memcpy(key, k, kn);
                key[kn] = 0;
                p->s++;
                sy_value *item = td_value(p);
                if (!item || sy_value_map_set(v, key, item) != 0) {
                    sy_value_free(v);
                    return NULL;
                }
            } else {
                sy_value *item = td_value(p);
                if (!item || sy_value_list_append(v, item) != 0) {
                    sy_value_free(v);
                    return NULL;
                }
            }
        }
    }
    if (c == '"') {
        /* \" and \\ are escapes; any other backslash is kept */
        const char *q = ++p->s;
        char *buf = malloc(strlen(q) + 1);
        size_t n = 0;
        if (!buf)
            return NULL;
        while (*q && *q != '"') {
            if (*q == '\\' && (q[1] == '"' || q[1] == '\\'))
                q++;
            buf[n++] = *q++;
        }
        if (!*q) {
            free(buf);
            return NULL;
        }
        p->s = q + 1;
        sy_value *v = sy_value_string(buf, n, m);
        free(buf);
        return v;
    }
    if (c == '@') {
        sy_date d;
        if (strlen(p->s + 1) < 10 || sy_date_parse_iso(p->s + 1, 10, &d) != 0)
            return NULL;
        p->s += 11;
        return sy_value_date(d, m);
    }
    if (isdigit((unsigned char)c) || c == '-') {
        char *end;
        long long n = strtoll(p->s, &end, 10);
        p->s = end;
        return sy_value_int(n, m);
    }
    if (!strncmp(p->s, "true", 4) || !strncmp(p->s, "false", 5)) {
        int t = *p->s == 't';
        p->s += t ? 4 : 5;
        return sy_value_bool(t, m);
    }
    if (!strncmp(p->s, "null", 4)) {
        p->s += 4;
        return sy_value_null(m);
    }
    return NULL;
}

/* The tree for literal text, owned by the caller; NULL on a syntax error. */
static sy_value *td_parse(const char *text)
{
    td_parser p = {text, 1};
    sy_value *v = td_value(&p);
    td_ws(&p);
    if (v && *p.s) {
        sy_value_free(v);
        return NULL;
    }
    return v;
}

#endif
