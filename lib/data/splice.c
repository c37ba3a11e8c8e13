/* Splicing values into YAML text at libyaml's marks (used by sanya renew
 * and the drafting page's edits): the text is parsed with libyaml's event
 * API into a tree of byte ranges, edits are collected as replacements of
 * byte ranges, and the text is written again with only those ranges
 * changed, so comments, key order, quoting and blank lines stay as written.
 */
#include "data/splice.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

/* Character index (libyaml's marks count characters) to byte offset. The
 * marks asked for go mostly forward, so a cursor walks the UTF-8 text. */
typedef struct cursor {
    const char *s;
    size_t len;
    size_t chars, bytes;
} cursor;

static size_t byte_at(cursor *c, size_t index)
{
    while (c->chars < index && c->bytes < c->len) {
        c->bytes++;
        while (c->bytes < c->len && ((unsigned char)c->s[c->bytes] & 0xC0) == 0x80)
            c->bytes++;
        c->chars++;
    }
    while (c->chars > index && c->bytes > 0) {
        c->bytes--;
        while (c->bytes > 0 && ((unsigned char)c->s[c->bytes] & 0xC0) == 0x80)
            c->bytes--;
        c->chars--;
    }
    return c->bytes;
}

typedef struct reparse {
    yaml_parser_t yp;
    cursor cur;
    int failed;
} reparse;

void sy_splice_node_free(sy_splice_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++)
        sy_splice_node_free(n->items[i]);
    free(n->items);
    free(n->anchor);
    free(n->text);
    free(n);
}

static int rn_add(sy_splice_node *parent, sy_splice_node *item)
{
    if (parent->count == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 8;
        sy_splice_node **items = realloc(parent->items, cap * sizeof *items);
        if (!items)
            return -1;
        parent->items = items;
        parent->cap = cap;
    }
    parent->items[parent->count++] = item;
    return 0;
}

static sy_splice_node *rn_new(reparse *p, sy_splice_kind kind, const yaml_event_t *ev,
                              const yaml_char_t *anchor, const yaml_char_t *tag)
{
    sy_splice_node *n = calloc(1, sizeof *n);
    if (!n || (anchor && !(n->anchor = strdup((const char *)anchor)))) {
        sy_splice_node_free(n);
        p->failed = 1;
        return NULL;
    }
    n->kind = kind;
    n->tagged = tag != NULL;
    n->start = byte_at(&p->cur, ev->start_mark.index);
    n->end = byte_at(&p->cur, ev->end_mark.index);
    n->content_end = n->end;
    n->column = (int)ev->start_mark.column + 1;
    return n;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The next node of the stream from event ev (which it consumes), NULL on a
 * problem (the file loaded once, so only memory can run out; the depth is
 * that of a valid agreement, under SY_LIMIT_YAML_DEPTH). */
static sy_splice_node *rn_parse(reparse *p, yaml_event_t *ev)
{
    sy_splice_node *n = NULL;
    const char *s = p->cur.s;
    if (ev->type == YAML_SCALAR_EVENT) {
        n = rn_new(p, SY_SPLICE_SCALAR, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
        if (n) {
            n->style = ev->data.scalar.style;
            n->text = strndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
            if (!n->text)
                p->failed = 1;
            /* block scalars end after their line breaks */
            while (n->content_end > n->start && is_blank(s[n->content_end - 1]))
                n->content_end--;
        }
        yaml_event_delete(ev);
        return p->failed ? (sy_splice_node_free(n), NULL) : n;
    }
    if (ev->type == YAML_ALIAS_EVENT) {
        n = rn_new(p, SY_SPLICE_ALIAS, ev, NULL, NULL);
        yaml_event_delete(ev);
        return n;
    }
    int is_map = ev->type == YAML_MAPPING_START_EVENT;
    if (!is_map && ev->type != YAML_SEQUENCE_START_EVENT) {
        yaml_event_delete(ev);
        p->failed = 1;
        return NULL;
    }
    n = is_map
        ? rn_new(p, SY_SPLICE_MAP, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag)
        : rn_new(p, SY_SPLICE_SEQ, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
    if (n)
        n->flow = is_map ? ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                         : ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
    yaml_event_delete(ev);
    yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    while (n && !p->failed) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p->yp, &e)) {
            p->failed = 1;
            break;
        }
        if (e.type == end) {
            size_t stop = byte_at(&p->cur, e.end_mark.index);
            yaml_event_delete(&e);
            if (n->flow) {
                n->end = n->content_end = stop;
            } else {
                n->end = stop;
                n->content_end = n->start;
                for (size_t i = 0; i < n->count; i++)
                    if (n->items[i]->content_end > n->content_end)
                        n->content_end = n->items[i]->content_end;
            }
            return n;
        }
        sy_splice_node *item = rn_parse(p, &e);
        if (!item || rn_add(n, item) != 0) {
            sy_splice_node_free(item);
            p->failed = 1;
        }
    }
    sy_splice_node_free(n);
    return NULL;
}

/* The root node of source (len bytes), NULL when out of memory. */
sy_splice_node *sy_splice_parse(const char *source, size_t len)
{
    reparse p;
    memset(&p, 0, sizeof p);
    if (!yaml_parser_initialize(&p.yp))
        return NULL;
    yaml_parser_set_input_string(&p.yp, (const unsigned char *)source, len);
    p.cur.s = source;
    p.cur.len = len;
    /* libyaml's character index starts after a byte-order mark */
    if (len >= 3 && !memcmp(source, "\xEF\xBB\xBF", 3))
        p.cur.bytes = 3;
    sy_splice_node *root = NULL;
    while (!root && !p.failed) {
        yaml_event_t e;
        if (!yaml_parser_parse(&p.yp, &e)) {
            p.failed = 1;
            break;
        }
        if (e.type == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&e);
            break;
        }
        if (e.type == YAML_STREAM_START_EVENT || e.type == YAML_DOCUMENT_START_EVENT) {
            yaml_event_delete(&e);
            continue;
        }
        root = rn_parse(&p, &e);
    }
    yaml_parser_delete(&p.yp);
    if (p.failed || !root || root->kind != SY_SPLICE_MAP) {
        sy_splice_node_free(root);
        return NULL;
    }
    return root;
}

/* The key node and value node of key in map m (NULL when absent). */
sy_splice_node *sy_splice_get(const sy_splice_node *m, const char *key, sy_splice_node **key_node)
{
    for (size_t i = 0; m && m->kind == SY_SPLICE_MAP && i + 1 < m->count; i += 2) {
        const sy_splice_node *k = m->items[i];
        if (k->kind == SY_SPLICE_SCALAR && !strcmp(k->text, key)) {
            if (key_node)
                *key_node = m->items[i];
            return m->items[i + 1];
        }
    }
    return NULL;
}

/* ---- edits of the text ---- */

struct sy_splice_edit {
    size_t from, to; /* bytes of the old text replaced (from == to: an insertion) */
    char *text;
    size_t order; /* insertions at one place keep the order they were made in */
};
typedef struct sy_splice_edit edit;

/* Takes b's bytes as the text replacing [from, to). */
void sy_splice_add(sy_splice_editor *e, size_t from, size_t to, sy_buf *b)
{
    if (sy_buf_failed(b) || e->oom) {
        sy_buf_free(b);
        e->oom = 1;
        return;
    }
    if (e->count == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        edit *ed = realloc(e->edits, cap * sizeof *ed);
        if (!ed) {
            sy_buf_free(b);
            e->oom = 1;
            return;
        }
        e->edits = ed;
        e->cap = cap;
    }
    size_t n;
    char *text = sy_buf_take(b, &n);
    if (!text && !(text = calloc(1, 1))) {
        e->oom = 1;
        return;
    }
    e->edits[e->count] = (edit){from, to, text, e->count};
    e->count++;
}

static int edit_cmp(const void *x, const void *y)
{
    const edit *a = x, *b = y;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    /* an insertion goes before a replacement starting at the same place */
    if ((a->to == a->from) != (b->to == b->from))
        return a->to == a->from ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The old text with the edits applied, appended to out; -1 when two edits
 * overlap (a bug) or memory runs out. */
int sy_splice_apply(sy_splice_editor *e, sy_buf *out)
{
    qsort(e->edits, e->count, sizeof *e->edits, edit_cmp);
    size_t at = 0;
    for (size_t i = 0; i < e->count; i++) {
        const edit *x = &e->edits[i];
        if (x->from < at || x->to < x->from || x->to > e->len)
            return -1;
        sy_buf_put(out, e->src + at, x->from - at);
        sy_buf_puts(out, x->text);
        at = x->to;
    }
    sy_buf_put(out, e->src + at, e->len - at);
    return sy_buf_failed(out) ? -1 : 0;
}

void sy_splice_editor_free(sy_splice_editor *e)
{
    for (size_t i = 0; i < e->count; i++)
        free(e->edits[i].text);
    free(e->edits);
}

void sy_splice_put_spaces(sy_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        sy_buf_putc(b, ' ');
}

/* The properties (anchor, tag) a replaced node keeps, so that aliases to it
 * still resolve. */
static void put_properties(sy_buf *b, const sy_splice_node *n)
{
    if (n->anchor)
        sy_buf_printf(b, "&%s ", n->anchor);
    if (n->tagged)
        sy_buf_puts(b, "!!str ");
}

/* Replaces scalar (or alias) n by value, in n's quoting when it was quoted. */
void sy_splice_scalar(sy_splice_editor *e, const sy_splice_node *n, const char *value)
{
    sy_buf b = SY_BUF_INIT;
    put_properties(&b, n);
    const char *q = n->kind == SY_SPLICE_SCALAR && n->style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? "'"
        : n->kind == SY_SPLICE_SCALAR && n->style == YAML_DOUBLE_QUOTED_SCALAR_STYLE ? "\""
                                                                                     : "";
    sy_buf_printf(&b, "%s%s%s", q, value, q);
    sy_splice_add(e, n->start, n->content_end, &b);
}

/* Where a new line after a node goes: the end of the line its content ends
 * on (after a comment there), before the line break. */
size_t sy_splice_line_after(const sy_splice_editor *e, size_t content_end)
{
    size_t at = content_end;
    while (at < e->len && e->src[at] != '\n')
        at++;
    if (at > content_end && e->src[at - 1] == '\r')
        at--;
    return at;
}

/* Inserts "key: value" entries (a NULL-terminated list of one-line texts)
 * into map m after its last entry: in a flow map
 * as ", key: value", in a block map as lines at the map's indentation. */
void sy_splice_map_append(sy_splice_editor *e, const sy_splice_node *m, const char *const *entries)
{
    sy_buf b = SY_BUF_INIT;
    size_t at;
    if (m->flow) {
        if (m->count == 0) {
            at = m->start;
            while (at < m->end && e->src[at] != '{')
                at++;
            at++;
        } else {
            at = m->items[m->count - 1]->content_end;
        }
        for (size_t i = 0; entries[i]; i++)
            sy_buf_printf(&b, "%s%s", i || m->count ? ", " : "", entries[i]);
    } else {
        int indent = m->column - 1; /* the first key's (or its "?"), where the map starts */
        at = sy_splice_line_after(e, m->content_end);
        for (size_t i = 0; entries[i]; i++) {
            sy_buf_puts(&b, e->eol);
            sy_splice_put_spaces(&b, indent);
            sy_buf_puts(&b, entries[i]);
        }
    }
    sy_splice_add(e, at, at, &b);
}

void sy_splice_editor_init(sy_splice_editor *e, const char *src, size_t len)
{
    memset(e, 0, sizeof *e);
    e->src = src;
    e->len = len;
    const char *nl = memchr(src, '\n', len);
    e->eol = nl && nl > src && nl[-1] == '\r' ? "\r\n" : "\n";
}

/* ---- setting one value ---- */

static int emit_to_buf(void *data, unsigned char *bytes, size_t size)
{
    sy_buf_put(data, bytes, size);
    return !sy_buf_failed(data);
}

/* value as one YAML scalar on one line, in style want where libyaml's
 * emitter allows it (it falls back to quotes), inside a flow collection
 * when flow (where `,` `[` `]` `{` `}` need quotes). Returns -1 when the
 * emitter fails. */
static int put_scalar(sy_buf *b, const char *value, yaml_scalar_style_t want, int flow)
{
    yaml_emitter_t em;
    yaml_event_t ev;
    sy_buf tmp = SY_BUF_INIT;
    if (strchr(value, '\n'))
        want = YAML_DOUBLE_QUOTED_SCALAR_STYLE; /* one line, breaks escaped */
    if (!yaml_emitter_initialize(&em))
        return -1;
    yaml_emitter_set_output(&em, emit_to_buf, &tmp);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_width(&em, -1);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
        yaml_emitter_emit(&em, &ev);
    if (ok && flow)
        ok = yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE) &&
            yaml_emitter_emit(&em, &ev);
    ok = ok &&
        yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)value, (int)strlen(value), 1,
                                     1, want) &&
        yaml_emitter_emit(&em, &ev);
    if (ok && flow)
        ok = yaml_sequence_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev);
    ok = ok && yaml_document_end_event_initialize(&ev, 1) && yaml_emitter_emit(&em, &ev) &&
        yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev) &&
        yaml_emitter_flush(&em);
    yaml_emitter_delete(&em);
    char *nl = ok && tmp.data && !tmp.failed ? memchr(tmp.data, '\n', tmp.len) : NULL;
    ok = nl != NULL;
    if (ok) {
        const char *s = tmp.data;
        size_t n = (size_t)(nl - s);
        if (flow && n >= 2 && s[0] == '[' && s[n - 1] == ']')
            s++, n -= 2;
        else if (flow)
            ok = 0;
        if (ok)
            sy_buf_put(b, s, n);
    }
    sy_buf_free(&tmp);
    return ok ? 0 : -1;
}

/* One component of a path: a key, or an index (key NULL). */
typedef struct path_part {
    char key[256];
    int is_index;
    size_t index;
} path_part;

/* Reads the next component of path at *p; 0 on success, 1 at the end, -1
 * when the path is malformed. */
static int next_part(const char **p, path_part *out)
{
    const char *s = *p;
    if (!*s)
        return 1;
    if (*s == '.')
        s++;
    memset(out, 0, sizeof *out);
    if (*s == '[') {
        s++;
        if (*s < '0' || *s > '9')
            return -1;
        size_t v = 0;
        while (*s >= '0' && *s <= '9') {
            if (v > 1000000)
                return -1;
            v = v * 10 + (size_t)(*s++ - '0');
        }
        if (*s++ != ']')
            return -1;
        out->is_index = 1;
        out->index = v;
    } else {
        size_t n = 0;
        while (*s && *s != '.' && *s != '[') {
            /* keys of the schema: letters, digits, '_' and '-' (a new key
             * is written as it is, so nothing that would need quotes) */
            char c = *s;
            if (n + 1 >= sizeof out->key ||
                !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-'))
                return -1;
            out->key[n++] = *s++;
        }
        if (!n)
            return -1;
        out->key[n] = 0;
    }
    *p = s;
    return 0;
}

/* The rest of a path (from rest) as nested flow maps around value:
 * "title.en" -> "{title: {en: VALUE}}" (just VALUE when rest is empty).
 * Indexes cannot be made up: -1. */
static int put_nested(sy_buf *b, const char *rest, const char *value)
{
    path_part part;
    int r = next_part(&rest, &part);
    if (r == 1)
        return put_scalar(b, value, YAML_PLAIN_SCALAR_STYLE, 1);
    if (r != 0 || part.is_index)
        return -1;
    sy_buf_printf(b, "{%s: ", part.key);
    if (put_nested(b, rest, value) != 0)
        return -1;
    sy_buf_putc(b, '}');
    return 0;
}

/* Rewrites scalar n in a block style (| or >): the header kept (a folded
 * one becomes literal when value has line breaks, which folding would
 * join), the lines at the content's indentation. -1 when value cannot be
 * written so (a first line starting with a blank, control characters). */
static int set_block(sy_splice_editor *e, const sy_splice_node *n, const char *value)
{
    if (value[0] == ' ' || value[0] == '\t')
        return -1;
    /* YAML's printable characters only, and no line break but '\n' (NEL,
     * LS and PS break lines too): else the emitter quotes and escapes */
    size_t vlen = strlen(value);
    for (size_t i = 0; i < vlen;) {
        uint32_t c = sy_utf8_next(value, vlen, &i);
        if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
            (c >= 0xd800 && c < 0xe000) || c == 0xfffe || c == 0xffff || c == 0xfeff)
            return -1;
    }
    const char *src = e->src;
    size_t header_end = n->start;
    while (header_end < e->len && src[header_end] != '\n')
        header_end++;
    if (header_end >= e->len)
        return -1;
    if (header_end > n->start && src[header_end - 1] == '\r')
        header_end--;
    /* an explicit indentation indicator (|2, >-4) fixes the indentation
     * relative to a parent this tree does not know: quote instead */
    size_t ind = n->start;
    while (ind < header_end && src[ind] != '|' && src[ind] != '>')
        ind++;
    for (size_t k = ind + 1; k < header_end && k <= ind + 2; k++)
        if (src[k] >= '1' && src[k] <= '9')
            return -1;
    /* the content's indentation: the first non-blank line after the header */
    int indent = -1;
    for (size_t at = header_end; at < n->content_end && indent < 0;) {
        while (at < e->len && src[at] != '\n')
            at++;
        at++;
        int k = 0;
        while (at + (size_t)k < e->len && src[at + (size_t)k] == ' ')
            k++;
        if (at + (size_t)k < e->len && src[at + (size_t)k] != '\n' && src[at + (size_t)k] != '\r')
            indent = k;
    }
    if (indent < 1) {
        size_t ls = n->start;
        while (ls > 0 && src[ls - 1] != '\n')
            ls--;
        indent = 0;
        while (src[ls + (size_t)indent] == ' ')
            indent++;
        indent += 2;
    }
    sy_buf b = SY_BUF_INIT;
    if (n->style == YAML_FOLDED_SCALAR_STYLE && strchr(value, '\n')) {
        sy_buf h = SY_BUF_INIT;
        for (size_t i = n->start; i < header_end; i++)
            sy_buf_putc(&h, src[i] == '>' ? '|' : src[i]);
        sy_splice_add(e, n->start, header_end, &h);
    }
    const char *line = value;
    for (;;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        sy_buf_puts(&b, e->eol);
        if (len) {
            sy_splice_put_spaces(&b, indent);
            sy_buf_put(&b, line, len);
        }
        if (!end)
            break;
        line = end + 1;
    }
    sy_splice_add(e, header_end, n->content_end, &b);
    return 0;
}

/* Rewrites scalar n with value (flow: n sits in a flow collection). */
static int set_scalar(sy_splice_editor *e, const sy_splice_node *n, const char *value, int flow)
{
    if ((n->style == YAML_LITERAL_SCALAR_STYLE || n->style == YAML_FOLDED_SCALAR_STYLE) &&
        set_block(e, n, value) == 0)
        return 0;
    yaml_scalar_style_t want = n->style;
    if (want == YAML_LITERAL_SCALAR_STYLE || want == YAML_FOLDED_SCALAR_STYLE)
        want = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    sy_buf b = SY_BUF_INIT;
    put_properties(&b, n);
    /* an empty plain value (`key:`) has its place right after the colon */
    if (n->start == n->content_end && n->start > 0 && e->src[n->start - 1] == ':')
        sy_buf_putc(&b, ' ');
    if (put_scalar(&b, value, want, flow) != 0) {
        sy_buf_free(&b);
        return -1;
    }
    sy_splice_add(e, n->start, n->content_end, &b);
    return 0;
}

/* Appends an item made of the rest of the path around value to list l. */
static int append_item(sy_splice_editor *e, const sy_splice_node *l, const char *rest,
                       const char *value)
{
    sy_buf item = SY_BUF_INIT, b = SY_BUF_INIT;
    if (put_nested(&item, rest, value) != 0 || sy_buf_failed(&item)) {
        sy_buf_free(&item);
        return -1;
    }
    size_t at;
    if (l->flow) {
        at = l->count ? l->items[l->count - 1]->content_end : l->start + 1;
        sy_buf_printf(&b, "%s%s", l->count ? ", " : "", item.data);
    } else {
        /* "- " at the column of the dashes: the first item's, less "- " */
        const sy_splice_node *first = l->items[0];
        size_t s = first->start;
        int back = 0;
        while (s > 0 && e->src[s - 1] == ' ')
            s--, back++;
        int dash = first->column - 1 - back - 1;
        at = sy_splice_line_after(e, l->content_end);
        sy_buf_puts(&b, e->eol);
        sy_splice_put_spaces(&b, dash < 0 ? 0 : dash);
        sy_buf_printf(&b, "- %s", item.data);
    }
    sy_buf_free(&item);
    sy_splice_add(e, at, at, &b);
    return 0;
}

static sy_status set_fail(sy_diags *d, const char *name, const char *path, const char *why)
{
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, name, 0, 0, path, "cannot set this value: %s",
                        why);
}

sy_status sy_splice_set(const char *name, const char *src, size_t len, const char *path,
                        const char *value, sy_buf *out, sy_diags *d)
{
    size_t bad_at = sy_utf8_check(value, strlen(value));
    if (bad_at != (size_t)-1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, name, 0, 0, path,
                            "cannot set this value: it is not UTF-8 text (byte %zu)", bad_at);
    sy_splice_node *root = sy_splice_parse(src, len);
    if (!root)
        return set_fail(d, name, NULL,
                        "the text is not a YAML map (fix the syntax in the YAML view first)");
    sy_splice_editor e;
    sy_splice_editor_init(&e, src, len);
    const sy_splice_node *n = root;
    int flow = root->flow, r, bad = 0;
    const char *p = path, *why = NULL;
    path_part part;
    while (!why && (r = next_part(&p, &part)) == 0) {
        if (n->kind == SY_SPLICE_ALIAS) {
            why = "it is inside an alias (*name): edit the anchored value instead";
        } else if (part.is_index) {
            if (n->kind != SY_SPLICE_SEQ)
                why = "an index of something that is not a list";
            else if (part.index == n->count && (n->flow || n->count)) {
                bad = append_item(&e, n, p, value);
                why = bad ? "the new item's path has an index in it, or the value is not UTF-8 "
                            "text"
                          : "";
            } else if (part.index >= n->count)
                why = "the index is beyond the end of the list";
            else
                n = n->items[part.index];
        } else {
            if (n->kind != SY_SPLICE_MAP) {
                why = "a key of something that is not a map";
            } else {
                const sy_splice_node *v = sy_splice_get(n, part.key, NULL);
                if (!v) {
                    sy_buf entry = SY_BUF_INIT;
                    sy_buf_printf(&entry, "%s: ", part.key);
                    if (put_nested(&entry, p, value) != 0 || sy_buf_failed(&entry)) {
                        why = "the new value's path has an index in it, or the value is not "
                              "UTF-8 text";
                    } else {
                        const char *entries[2] = {entry.data, NULL};
                        sy_splice_map_append(&e, n, entries);
                        why = "";
                    }
                    sy_buf_free(&entry);
                } else {
                    n = v;
                }
            }
        }
        if (!why && (n->kind == SY_SPLICE_MAP || n->kind == SY_SPLICE_SEQ) && n->flow)
            flow = 1;
    }
    if (!why && r < 0)
        why = "the path is not of the form key.key[index]";
    if (!why) {
        if (n->kind == SY_SPLICE_ALIAS)
            why = "it is an alias (*name): edit the anchored value instead";
        else if (n->kind != SY_SPLICE_SCALAR)
            why = "it is a map or a list, not one value";
        else if (n == root)
            why = "no path";
        else if (set_scalar(&e, n, value, flow) != 0)
            why = "the value cannot be written in YAML (it is not UTF-8 text)";
    }
    sy_status st = SY_OK;
    size_t old = out->len;
    if (why && *why)
        st = set_fail(d, name, path, why);
    else if (e.oom || sy_splice_apply(&e, out) != 0) {
        out->len = old;
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, path, "out of memory");
    } else {
        /* The text must still be YAML. Layouts the splicer does not model
         * (explicit "? key" entries, multi-line plain keys) can defeat
         * the indentation of an added key: refuse rather than hand back
         * text that does not parse. */
        sy_splice_node *again = sy_splice_parse(out->data + old, out->len - old);
        if (!again) {
            out->len = old;
            if (out->data)
                out->data[old] = 0;
            st = set_fail(d, name, path,
                          "the new text would not be YAML here (an explicit '?' key or a key "
                          "written over several lines nearby?): edit the YAML itself");
        }
        sy_splice_node_free(again);
    }
    sy_splice_editor_free(&e);
    sy_splice_node_free(root);
    return st;
}
