/* Splicing values into a YAML file's text (splice.h): a tree of byte
 * ranges from libyaml's events, and an editor that applies replacements of
 * byte ranges in one pass. */
#include "data/splice.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ---- the text as byte ranges ---- */

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

void sy_splice_tree_free(sy_splice_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++)
        sy_splice_tree_free(n->items[i]);
    free(n->items);
    free(n->anchor);
    free(n->text);
    free(n);
}

static int node_add(sy_splice_node *parent, sy_splice_node *item)
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

static sy_splice_node *node_new(reparse *p, sy_splice_kind kind, const yaml_event_t *ev,
                                const yaml_char_t *anchor, const yaml_char_t *tag)
{
    sy_splice_node *n = calloc(1, sizeof *n);
    if (!n || (anchor && !(n->anchor = strdup((const char *)anchor)))) {
        sy_splice_tree_free(n);
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

static char style_of(yaml_scalar_style_t st)
{
    switch (st) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        return '\'';
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        return '"';
    case YAML_LITERAL_SCALAR_STYLE:
        return '|';
    case YAML_FOLDED_SCALAR_STYLE:
        return '>';
    default:
        return 0;
    }
}

/* The next node of the stream from event ev (which it consumes), NULL on a
 * problem. Depth: the callers' texts passed the loader's limit
 * (SY_LIMIT_YAML_DEPTH) or are a template's own starting file. */
static sy_splice_node *node_parse(reparse *p, yaml_event_t *ev)
{
    sy_splice_node *n = NULL;
    const char *s = p->cur.s;
    if (ev->type == YAML_SCALAR_EVENT) {
        n = node_new(p, SY_SPLICE_SCALAR, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
        if (n) {
            n->style = style_of(ev->data.scalar.style);
            n->text = strndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
            if (!n->text)
                p->failed = 1;
            /* block scalars end after their line breaks */
            while (n->content_end > n->start && is_blank(s[n->content_end - 1]))
                n->content_end--;
        }
        yaml_event_delete(ev);
        return p->failed ? (sy_splice_tree_free(n), NULL) : n;
    }
    if (ev->type == YAML_ALIAS_EVENT) {
        n = node_new(p, SY_SPLICE_ALIAS, ev, NULL, NULL);
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
        ? node_new(p, SY_SPLICE_MAP, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag)
        : node_new(p, SY_SPLICE_SEQ, ev, ev->data.sequence_start.anchor,
                   ev->data.sequence_start.tag);
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
        sy_splice_node *item = node_parse(p, &e);
        if (!item || node_add(n, item) != 0) {
            sy_splice_tree_free(item);
            p->failed = 1;
        }
    }
    sy_splice_tree_free(n);
    return NULL;
}

sy_splice_node *sy_splice_tree_parse(const char *src, size_t len)
{
    reparse p;
    memset(&p, 0, sizeof p);
    if (!yaml_parser_initialize(&p.yp))
        return NULL;
    yaml_parser_set_input_string(&p.yp, (const unsigned char *)src, len);
    p.cur.s = src;
    p.cur.len = len;
    /* libyaml's character index starts after a byte-order mark */
    if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3))
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
        root = node_parse(&p, &e);
    }
    yaml_parser_delete(&p.yp);
    if (p.failed) {
        sy_splice_tree_free(root);
        return NULL;
    }
    return root;
}

const sy_splice_node *sy_splice_get(const sy_splice_node *m, const char *key,
                                    const sy_splice_node **key_node)
{
    for (size_t i = 0; m && m->kind == SY_SPLICE_MAP && i + 1 < m->count; i += 2) {
        const sy_splice_node *k = m->items[i];
        if (k->kind == SY_SPLICE_SCALAR && !strcmp(k->text, key)) {
            if (key_node)
                *key_node = k;
            return m->items[i + 1];
        }
    }
    return NULL;
}

/* ---- edits of the text ---- */

typedef struct edit {
    size_t from, to; /* bytes of the old text replaced (from == to: an insertion) */
    char *text;
    size_t order; /* insertions at one place keep the order they were made in */
} edit;

struct sy_splice {
    const char *src;
    size_t len;
    const char *eol;
    edit *edits;
    size_t count, cap;
    int oom;
};

sy_splice *sy_splice_new(const char *src, size_t len)
{
    sy_splice *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->src = src;
    s->len = len;
    const char *nl = memchr(src, '\n', len);
    s->eol = nl && nl > src && nl[-1] == '\r' ? "\r\n" : "\n";
    return s;
}

void sy_splice_free(sy_splice *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++)
        free(s->edits[i].text);
    free(s->edits);
    free(s);
}

const char *sy_splice_eol(const sy_splice *s)
{
    return s->eol;
}

size_t sy_splice_line_end(const sy_splice *s, size_t at)
{
    size_t end = at;
    while (end < s->len && s->src[end] != '\n')
        end++;
    if (end > at && s->src[end - 1] == '\r')
        end--;
    return end;
}

void sy_splice_replace(sy_splice *s, size_t from, size_t to, sy_buf *text)
{
    if (sy_buf_failed(text) || s->oom) {
        sy_buf_free(text);
        s->oom = 1;
        return;
    }
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        edit *ed = realloc(s->edits, cap * sizeof *ed);
        if (!ed) {
            sy_buf_free(text);
            s->oom = 1;
            return;
        }
        s->edits = ed;
        s->cap = cap;
    }
    size_t n;
    char *bytes = sy_buf_take(text, &n);
    if (!bytes && !(bytes = calloc(1, 1))) {
        s->oom = 1;
        return;
    }
    s->edits[s->count] = (edit){from, to, bytes, s->count};
    s->count++;
}

static void put_spaces(sy_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        sy_buf_putc(b, ' ');
}

void sy_splice_scalar(sy_splice *s, const sy_splice_node *n, const char *value)
{
    sy_buf b = SY_BUF_INIT;
    if (n->anchor)
        sy_buf_printf(&b, "&%s ", n->anchor);
    if (n->tagged)
        sy_buf_puts(&b, "!!str ");
    const char *q = n->kind == SY_SPLICE_SCALAR && n->style == '\'' ? "'"
        : n->kind == SY_SPLICE_SCALAR && n->style == '"'            ? "\""
                                                                    : "";
    sy_buf_printf(&b, "%s%s%s", q, value, q);
    sy_splice_replace(s, n->start, n->content_end, &b);
}

void sy_splice_map_append(sy_splice *s, const sy_splice_node *m, const char *const *entries)
{
    sy_buf b = SY_BUF_INIT;
    size_t at;
    if (m->flow) {
        if (m->count == 0) {
            at = m->start;
            while (at < m->end && s->src[at] != '{')
                at++;
            at++;
        } else {
            at = m->items[m->count - 1]->content_end;
        }
        for (size_t i = 0; entries[i]; i++)
            sy_buf_printf(&b, "%s%s", i || m->count ? ", " : "", entries[i]);
    } else {
        int indent = m->count ? m->items[0]->column - 1 : 0;
        at = sy_splice_line_end(s, m->content_end);
        for (size_t i = 0; entries[i]; i++) {
            sy_buf_puts(&b, s->eol);
            put_spaces(&b, indent);
            sy_buf_puts(&b, entries[i]);
        }
    }
    sy_splice_replace(s, at, at, &b);
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

sy_status sy_splice_apply(sy_splice *s, sy_buf *out)
{
    size_t old_len = out->len;
    if (s->oom)
        return SY_ERR_NOMEM;
    if (s->count) /* qsort wants an array, even of none */
        qsort(s->edits, s->count, sizeof *s->edits, edit_cmp);
    size_t at = 0;
    for (size_t i = 0; i < s->count; i++) {
        const edit *x = &s->edits[i];
        if (x->from < at || x->to < x->from || x->to > s->len) {
            out->len = old_len;
            return SY_ERR_INTERNAL;
        }
        sy_buf_put(out, s->src + at, x->from - at);
        sy_buf_puts(out, x->text);
        at = x->to;
    }
    sy_buf_put(out, s->src + at, s->len - at);
    if (sy_buf_failed(out)) {
        out->len = old_len;
        return SY_ERR_NOMEM;
    }
    return SY_OK;
}

/* ---- writing values ---- */

/* Output handler of the emitter: into an sy_buf. */
static int emit_to_buf(void *data, unsigned char *bytes, size_t size)
{
    sy_buf_put(data, bytes, size);
    return !sy_buf_failed(data);
}

int sy_splice_put_scalar(sy_buf *out, const char *value)
{
    /* emitted as the one item of a flow list, so that the emitter quotes
     * what a flow context needs quoted (", " and the like) */
    yaml_emitter_t em;
    yaml_event_t ev;
    sy_buf tmp = SY_BUF_INIT;
    /* a value written <like this> is quoted, or it would read back as a
     * placeholder (yaml.h, sy_yn_is_placeholder) */
    size_t n = strlen(value);
    int angled = n >= 3 && value[0] == '<' && value[n - 1] == '>';
    /* line breaks (\n, \r, U+0085, U+2028, U+2029) are written as escapes
     * only in double quotes; the emitter's other styles break the line */
    int breaks = strpbrk(value, "\r\n") || strstr(value, "\xC2\x85") ||
        strstr(value, "\xE2\x80\xA8") || strstr(value, "\xE2\x80\xA9");
    yaml_scalar_style_t style = breaks ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
        : angled                       ? YAML_SINGLE_QUOTED_SCALAR_STYLE
                                       : YAML_ANY_SCALAR_STYLE;
    if (!yaml_emitter_initialize(&em))
        return -1;
    yaml_emitter_set_output(&em, emit_to_buf, &tmp);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_width(&em, -1);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)value, (int)n, 1, 1, style) &&
        yaml_emitter_emit(&em, &ev) && yaml_sequence_end_event_initialize(&ev) &&
        yaml_emitter_emit(&em, &ev) && yaml_document_end_event_initialize(&ev, 1) &&
        yaml_emitter_emit(&em, &ev) && yaml_stream_end_event_initialize(&ev) &&
        yaml_emitter_emit(&em, &ev) && yaml_emitter_flush(&em);
    yaml_emitter_delete(&em);
    /* "[SCALAR]" and a line break, perhaps a document end marker: one
     * line, or the value would not fit where it goes */
    char *nl = ok && tmp.data && !tmp.failed ? memchr(tmp.data, '\n', tmp.len) : NULL;
    const char *rest = nl ? nl + 1 : NULL;
    size_t left = nl ? tmp.len - (size_t)(rest - tmp.data) : 0;
    ok = nl && nl - tmp.data >= 3 && tmp.data[0] == '[' && nl[-1] == ']' &&
        (left == 0 || (left == 4 && !memcmp(rest, "...\n", 4)));
    if (ok)
        sy_buf_put(out, tmp.data + 1, (size_t)(nl - tmp.data) - 2);
    sy_buf_free(&tmp);
    return ok && !sy_buf_failed(out) ? 0 : -1;
}
