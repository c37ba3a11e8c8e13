/* The libyaml boundary: YAML bytes in, a raw tree with 1-based marks out.
 * Every libyaml error becomes a diagnostic here; aliases are expanded by
 * copying under the limits of core/limits.h, so that later stages see a
 * plain tree and a "billion laughs" file stops early with a clear error. */
#include "data/data_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/array.h"
#include "core/limits.h"
#include "core/utf8.h"

typedef struct anchor {
    char *name;
    sy_yn *node;
} anchor;

typedef struct parser {
    yaml_parser_t yp;
    const char *file;
    const char *data;
    size_t len;
    sy_diags *diags;
    int failed; /* a fatal problem was reported: unwind */
    int depth;
    size_t nodes, aliases;
    anchor *anchors;
    size_t nanchors, capanchors;
} parser;

/* Line and column (1-based, in characters) of a byte offset. */
static void offset_place(const char *data, size_t len, size_t offset, int *line, int *column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        unsigned char b = (unsigned char)data[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

static void fatal(parser *ps, sy_status code, int line, int column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Reports a problem after which parsing cannot go on (only the first one). */
static void fatal(parser *ps, sy_status code, int line, int column, const char *fmt, ...)
{
    if (!ps->failed) {
        va_list ap;
        va_start(ap, fmt);
        sy_diags_addv(ps->diags, SY_SEV_ERROR, code, ps->file, line, column, NULL, fmt, ap);
        va_end(ap);
    }
    ps->failed = 1;
}

static void nomem(parser *ps)
{
    fatal(ps, SY_ERR_NOMEM, 0, 0, "out of memory");
}

static void syntax_error(parser *ps)
{
    yaml_parser_t *p = &ps->yp;
    if (p->error == YAML_MEMORY_ERROR) {
        nomem(ps);
        return;
    }
    int line, column;
    if (p->error == YAML_READER_ERROR) {
        offset_place(ps->data, ps->len, p->problem_offset, &line, &column);
    } else {
        line = (int)p->problem_mark.line + 1;
        column = (int)p->problem_mark.column + 1;
    }
    const char *problem = p->problem ? p->problem : "unknown problem";
    if (p->context) {
        char ctx[160];
        snprintf(ctx, sizeof ctx, "%s at line %d column %d", p->context,
                 (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
        fatal(ps, SY_ERR_DATA, line, column, "YAML syntax error: %s (%s)", problem, ctx);
    } else {
        fatal(ps, SY_ERR_DATA, line, column, "YAML syntax error: %s", problem);
    }
}

static int next_event(parser *ps, yaml_event_t *ev)
{
    if (ps->failed)
        return -1;
    if (!yaml_parser_parse(&ps->yp, ev)) {
        syntax_error(ps);
        return -1;
    }
    return 0;
}

static sy_yn *new_node(parser *ps, sy_yn_kind kind, yaml_mark_t m)
{
    if (++ps->nodes > SY_LIMIT_YAML_NODES) {
        if (ps->aliases)
            fatal(ps, SY_ERR_LIMIT, (int)m.line + 1, (int)m.column + 1,
                  "more than %d YAML nodes (an alias expanding too far?)", SY_LIMIT_YAML_NODES);
        else
            fatal(ps, SY_ERR_LIMIT, (int)m.line + 1, (int)m.column + 1,
                  "more than %d YAML nodes (keys, values, lists and maps): more than one "
                  "file may hold",
                  SY_LIMIT_YAML_NODES);
        return NULL;
    }
    sy_yn *n = calloc(1, sizeof *n);
    if (!n) {
        nomem(ps);
        return NULL;
    }
    n->kind = kind;
    n->line = (int)m.line + 1;
    n->column = (int)m.column + 1;
    return n;
}

static int add_item(parser *ps, sy_yn *parent, sy_yn *item)
{
    if (SY_RESERVE(parent->items, parent->cap, parent->count + 1) != 0) {
        nomem(ps);
        return -1;
    }
    parent->items[parent->count++] = item;
    return 0;
}

void sy_yn_free(sy_yn *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++)
        sy_yn_free(n->items[i]);
    free(n->items);
    free(n->text);
    free(n);
}

int sy_yn_is_null(const sy_yn *n)
{
    return n && n->kind == SY_YN_SCALAR && n->plain &&
        (n->len == 0 || !strcmp(n->text, "~") || !strcmp(n->text, "null") ||
         !strcmp(n->text, "Null") || !strcmp(n->text, "NULL"));
}

/* A copy of an anchored node for an alias, placed at the alias's mark (so
 * that messages point at the use) and counted against the node limit. */
static sy_yn *copy_node(parser *ps, const sy_yn *src, yaml_mark_t at)
{
    sy_yn *n = new_node(ps, src->kind, at);
    if (!n)
        return NULL;
    n->plain = src->plain;
    n->depth = src->depth;
    n->flow = src->flow;
    if (src->text) {
        n->text = malloc(src->len + 1);
        if (!n->text) {
            nomem(ps);
            sy_yn_free(n);
            return NULL;
        }
        memcpy(n->text, src->text, src->len + 1);
        n->len = src->len;
    }
    for (size_t i = 0; i < src->count; i++) {
        sy_yn *c = copy_node(ps, src->items[i], at);
        if (!c || add_item(ps, n, c) != 0) {
            sy_yn_free(c);
            sy_yn_free(n);
            return NULL;
        }
    }
    return n;
}

static int remember_anchor(parser *ps, const yaml_char_t *name, sy_yn *node)
{
    if (!name)
        return 0;
    for (size_t i = 0; i < ps->nanchors; i++) {
        if (!strcmp(ps->anchors[i].name, (const char *)name)) {
            ps->anchors[i].node = node; /* YAML lets a later anchor shadow an earlier one */
            return 0;
        }
    }
    if (SY_RESERVE(ps->anchors, ps->capanchors, ps->nanchors + 1) != 0) {
        nomem(ps);
        return -1;
    }
    char *copy = strdup((const char *)name);
    if (!copy) {
        nomem(ps);
        return -1;
    }
    ps->anchors[ps->nanchors].name = copy;
    ps->anchors[ps->nanchors].node = node;
    ps->nanchors++;
    return 0;
}

/* Only the standard string tag is meaningful in agreement data; any other
 * tag would silently change nothing, so it is an error. */
static int check_tag(parser *ps, const yaml_char_t *tag, yaml_mark_t m, int *force_string)
{
    if (!tag)
        return 0;
    if (force_string && !strcmp((const char *)tag, YAML_STR_TAG)) {
        *force_string = 1;
        return 0;
    }
    fatal(ps, SY_ERR_DATA, (int)m.line + 1, (int)m.column + 1,
          "YAML tag \"%s\" is not supported in sanya data", (const char *)tag);
    return -1;
}

static sy_yn *parse_node(parser *ps, yaml_event_t *ev);

static sy_yn *parse_collection(parser *ps, yaml_event_t *ev, int is_map)
{
    yaml_mark_t m = ev->start_mark;
    if (check_tag(ps, is_map ? ev->data.mapping_start.tag : ev->data.sequence_start.tag, m, NULL) !=
        0)
        return NULL;
    if (++ps->depth > SY_LIMIT_YAML_DEPTH) {
        fatal(ps, SY_ERR_LIMIT, (int)m.line + 1, (int)m.column + 1,
              "YAML nesting is deeper than %d levels", SY_LIMIT_YAML_DEPTH);
        return NULL;
    }
    sy_yn *n = new_node(ps, is_map ? SY_YN_MAP : SY_YN_SEQ, m);
    if (!n)
        return NULL;
    n->flow = is_map ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                     : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    for (;;) {
        yaml_event_t e;
        if (next_event(ps, &e) != 0)
            break;
        if (e.type == end) {
            yaml_event_delete(&e);
            ps->depth--;
            for (size_t i = 0; i < n->count; i++)
                if (n->items[i]->depth + 1 > n->depth)
                    n->depth = n->items[i]->depth + 1;
            if (n->depth == 0)
                n->depth = 1;
            return n;
        }
        sy_yn *item = parse_node(ps, &e);
        yaml_event_delete(&e);
        if (!item)
            break;
        if (!is_map) {
            if (add_item(ps, n, item) != 0) {
                sy_yn_free(item);
                break;
            }
            continue;
        }
        /* a map entry: item is the key, the next node its value */
        yaml_event_t ve;
        if (next_event(ps, &ve) != 0) {
            sy_yn_free(item);
            break;
        }
        sy_yn *val = parse_node(ps, &ve);
        yaml_event_delete(&ve);
        if (!val) {
            sy_yn_free(item);
            break;
        }
        if (item->kind != SY_YN_SCALAR) {
            /* fatal: anchors inside the key may not outlive it */
            char what[64];
            fatal(ps, SY_ERR_DATA, item->line, item->column,
                  "a map key must be a plain string, not %s",
                  sy_yn_describe(item, what, sizeof what));
            sy_yn_free(item);
            sy_yn_free(val);
            break;
        }
        if (add_item(ps, n, item) != 0) {
            sy_yn_free(item);
            sy_yn_free(val);
            break;
        }
        if (add_item(ps, n, val) != 0) {
            sy_yn_free(val);
            n->count--; /* the key stays owned by n->items beyond count: free it */
            sy_yn_free(n->items[n->count]);
            break;
        }
    }
    sy_yn_free(n);
    return NULL;
}

static sy_yn *parse_node(parser *ps, yaml_event_t *ev)
{
    yaml_mark_t m = ev->start_mark;
    switch (ev->type) {
    case YAML_ALIAS_EVENT: {
        if (++ps->aliases > SY_LIMIT_YAML_ALIASES) {
            fatal(ps, SY_ERR_LIMIT, (int)m.line + 1, (int)m.column + 1, "more than %d YAML aliases",
                  SY_LIMIT_YAML_ALIASES);
            return NULL;
        }
        const char *name = (const char *)ev->data.alias.anchor;
        for (size_t i = ps->nanchors; i-- > 0;) {
            if (strcmp(ps->anchors[i].name, name))
                continue;
            const sy_yn *src = ps->anchors[i].node;
            if (ps->depth + src->depth > SY_LIMIT_YAML_DEPTH) {
                fatal(ps, SY_ERR_LIMIT, (int)m.line + 1, (int)m.column + 1,
                      "YAML nesting is deeper than %d levels (through alias \"%s\")",
                      SY_LIMIT_YAML_DEPTH, name);
                return NULL;
            }
            return copy_node(ps, src, m);
        }
        fatal(ps, SY_ERR_DATA, (int)m.line + 1, (int)m.column + 1,
              "alias \"*%s\" names no earlier anchor", name);
        return NULL;
    }
    case YAML_SCALAR_EVENT: {
        int force_string = 0;
        if (!ev->data.scalar.plain_implicit && !ev->data.scalar.quoted_implicit &&
            check_tag(ps, ev->data.scalar.tag, m, &force_string) != 0)
            return NULL;
        sy_yn *n = new_node(ps, SY_YN_SCALAR, m);
        if (!n)
            return NULL;
        n->len = ev->data.scalar.length;
        n->text = malloc(n->len + 1);
        if (!n->text) {
            sy_yn_free(n);
            nomem(ps);
            return NULL;
        }
        memcpy(n->text, ev->data.scalar.value, n->len);
        n->text[n->len] = 0;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !force_string;
        if (remember_anchor(ps, ev->data.scalar.anchor, n) != 0) {
            sy_yn_free(n);
            return NULL;
        }
        return n;
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int is_map = ev->type == YAML_MAPPING_START_EVENT;
        const yaml_char_t *name =
            is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
        sy_yn *n = parse_collection(ps, ev, is_map);
        if (n && remember_anchor(ps, name, n) != 0) {
            sy_yn_free(n);
            return NULL;
        }
        return n;
    }
    default:
        fatal(ps, SY_ERR_INTERNAL, (int)m.line + 1, (int)m.column + 1, "unexpected YAML event");
        return NULL;
    }
}

sy_yn *sy_yn_parse(const char *file, const char *data, size_t len, sy_diags *diags)
{
    size_t bad = sy_utf8_check(data, len);
    if (bad != (size_t)-1) {
        int line, column;
        offset_place(data, len, bad, &line, &column);
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_DATA, file, line, column, NULL,
                     "invalid UTF-8 at byte offset %zu (byte 0x%02X)", bad,
                     (unsigned)(unsigned char)data[bad]);
        return NULL;
    }
    /* A byte-order mark is allowed (and takes no column): libyaml, told
     * the encoding, would read it as text. */
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        data += 3;
        len -= 3;
    }
    parser ps;
    memset(&ps, 0, sizeof ps);
    ps.file = file;
    ps.data = data;
    ps.len = len;
    ps.diags = diags;
    if (!yaml_parser_initialize(&ps.yp)) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
        return NULL;
    }
    yaml_parser_set_input_string(&ps.yp, (const unsigned char *)data, len);
    yaml_parser_set_encoding(&ps.yp, YAML_UTF8_ENCODING);

    sy_yn *root = NULL;
    yaml_event_t ev;
    int docs = 0;
    while (next_event(&ps, &ev) == 0) {
        yaml_event_type_t type = ev.type;
        if (type == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
            fatal(&ps, SY_ERR_DATA, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                  "a second YAML document; a sanya file holds exactly one");
        } else if (type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT ||
                   type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT) {
            root = parse_node(&ps, &ev);
        }
        yaml_event_delete(&ev);
        if (type == YAML_STREAM_END_EVENT || ps.failed)
            break;
    }
    if (!ps.failed && docs == 0)
        fatal(&ps, SY_ERR_DATA, 1, 1, "the file is empty");
    yaml_parser_delete(&ps.yp);
    for (size_t i = 0; i < ps.nanchors; i++)
        free(ps.anchors[i].name);
    free(ps.anchors);
    if (ps.failed) {
        sy_yn_free(root);
        return NULL;
    }
    return root;
}
