/* Splicing values into a YAML file's text (splice.h): a tree of byte
 * ranges from libyaml's events, and an editor that applies replacements of
 * byte ranges in one pass. */
#include "data/splice.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/utf8.h"

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

/* Appends value as one line of YAML: a scalar libyaml's emitter writes in
 * style where it allows (it falls back to quotes), inside a flow
 * collection when flow (where ", " and brackets need quotes). -1 when the
 * emitter does not give one line (out may then hold part of it). */
static int emit_scalar(sy_buf *out, const char *value, yaml_scalar_style_t style, int flow)
{
    yaml_emitter_t em;
    yaml_event_t ev;
    sy_buf tmp = SY_BUF_INIT;
    size_t n = strlen(value);
    if (!yaml_emitter_initialize(&em))
        return -1;
    yaml_emitter_set_output(&em, emit_to_buf, &tmp);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_width(&em, -1);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
        yaml_emitter_emit(&em, &ev);
    if (ok && flow) /* the one item of a flow list */
        ok = yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE) &&
            yaml_emitter_emit(&em, &ev);
    ok = ok &&
        yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)value, (int)n, 1, 1, style) &&
        yaml_emitter_emit(&em, &ev);
    if (ok && flow)
        ok = yaml_sequence_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev);
    ok = ok && yaml_document_end_event_initialize(&ev, 1) && yaml_emitter_emit(&em, &ev) &&
        yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev) &&
        yaml_emitter_flush(&em);
    yaml_emitter_delete(&em);
    /* the scalar (in "[...]" when flow) and a line break, perhaps a
     * document end marker: one line, or the value would not fit where it
     * goes */
    char *nl = ok && tmp.data && !tmp.failed ? memchr(tmp.data, '\n', tmp.len) : NULL;
    const char *rest = nl ? nl + 1 : NULL;
    size_t left = nl ? tmp.len - (size_t)(rest - tmp.data) : 0;
    const char *line = tmp.data;
    size_t len = nl ? (size_t)(nl - tmp.data) : 0;
    ok = nl && (left == 0 || (left == 4 && !memcmp(rest, "...\n", 4)));
    if (ok && flow) {
        ok = len >= 3 && line[0] == '[' && line[len - 1] == ']';
        line++;
        len -= 2;
    }
    if (ok)
        sy_buf_put(out, line, len);
    sy_buf_free(&tmp);
    return ok && !sy_buf_failed(out) ? 0 : -1;
}

/* A value written <like this> would read back as a placeholder
 * (yaml.h, sy_yn_is_placeholder). */
static int angled(const char *value)
{
    size_t n = strlen(value);
    return n >= 3 && value[0] == '<' && value[n - 1] == '>';
}

/* Line breaks (\n, \r, U+0085, U+2028, U+2029) are written as escapes
 * only in double quotes; the emitter's other styles break the line. */
static int has_breaks(const char *value)
{
    return strpbrk(value, "\r\n") || strstr(value, "\xC2\x85") || strstr(value, "\xE2\x80\xA8") ||
        strstr(value, "\xE2\x80\xA9");
}

int sy_splice_put_scalar(sy_buf *out, const char *value)
{
    yaml_scalar_style_t style = has_breaks(value) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
        : angled(value)                           ? YAML_SINGLE_QUOTED_SCALAR_STYLE
                                                  : YAML_ANY_SCALAR_STYLE;
    return emit_scalar(out, value, style, 1);
}

/* ---- setting one value at a path (the drafting page's edits) ---- */

static yaml_scalar_style_t yaml_style_of(char style)
{
    switch (style) {
    case '\'':
        return YAML_SINGLE_QUOTED_SCALAR_STYLE;
    case '"':
        return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    case '|':
        return YAML_LITERAL_SCALAR_STYLE;
    case '>':
        return YAML_FOLDED_SCALAR_STYLE;
    default:
        return YAML_PLAIN_SCALAR_STYLE;
    }
}

/* One component of a path: a key, or an index. */
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
        return sy_splice_put_scalar(b, value);
    if (r != 0 || part.is_index)
        return -1;
    sy_buf_printf(b, "{%s: ", part.key);
    if (put_nested(b, rest, value) != 0)
        return -1;
    sy_buf_putc(b, '}');
    return 0;
}

/* Rewrites scalar n in its block style (| or >): the header kept (a folded
 * one becomes literal when value has line breaks, which folding would
 * join), the lines at the content's indentation. -1 when value cannot be
 * written so (a first line starting with a blank, characters YAML does not
 * print, an explicit indentation indicator). */
static int set_block(sy_splice *e, const sy_splice_node *n, const char *value)
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
    size_t header_end = sy_splice_line_end(e, n->start);
    if (header_end >= e->len)
        return -1;
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
    if (n->style == '>' && strchr(value, '\n')) {
        sy_buf h = SY_BUF_INIT;
        for (size_t i = n->start; i < header_end; i++)
            sy_buf_putc(&h, src[i] == '>' ? '|' : src[i]);
        sy_splice_replace(e, n->start, header_end, &h);
    }
    sy_buf b = SY_BUF_INIT;
    const char *line = value;
    for (;;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        sy_buf_puts(&b, e->eol);
        if (len) {
            put_spaces(&b, indent);
            sy_buf_put(&b, line, len);
        }
        if (!end)
            break;
        line = end + 1;
    }
    sy_splice_replace(e, header_end, n->content_end, &b);
    return 0;
}

/* Rewrites scalar n with value in n's own style where value allows it
 * (flow: n sits in a flow collection). */
static int set_scalar(sy_splice *e, const sy_splice_node *n, const char *value, int flow)
{
    if ((n->style == '|' || n->style == '>') && set_block(e, n, value) == 0)
        return 0;
    yaml_scalar_style_t want = yaml_style_of(n->style);
    if (want == YAML_LITERAL_SCALAR_STYLE || want == YAML_FOLDED_SCALAR_STYLE || has_breaks(value))
        want = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    else if (want == YAML_PLAIN_SCALAR_STYLE && angled(value))
        want = YAML_SINGLE_QUOTED_SCALAR_STYLE;
    sy_buf b = SY_BUF_INIT;
    if (n->anchor)
        sy_buf_printf(&b, "&%s ", n->anchor);
    if (n->tagged)
        sy_buf_puts(&b, "!!str ");
    /* an empty plain value (`key:`) has its place right after the colon */
    if (n->start == n->content_end && n->start > 0 && e->src[n->start - 1] == ':')
        sy_buf_putc(&b, ' ');
    if (emit_scalar(&b, value, want, flow) != 0) {
        sy_buf_free(&b);
        return -1;
    }
    sy_splice_replace(e, n->start, n->content_end, &b);
    return 0;
}

/* Appends an item made of the rest of the path around value to list l. */
static int append_item(sy_splice *e, const sy_splice_node *l, const char *rest, const char *value)
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
        at = sy_splice_line_end(e, l->content_end);
        sy_buf_puts(&b, e->eol);
        put_spaces(&b, dash < 0 ? 0 : dash);
        sy_buf_printf(&b, "- %s", item.data);
    }
    sy_buf_free(&item);
    sy_splice_replace(e, at, at, &b);
    return 0;
}

static sy_status set_fail(sy_diags *d, const char *name, const char *path, const char *why)
{
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, name, 0, 0, path, "cannot set this value: %s",
                        why);
}

/* Follows path from root, recording the edit that sets value there in e.
 * Returns NULL when done, else why it cannot be done. */
static const char *set_at_path(sy_splice *e, const sy_splice_node *root, const char *path,
                               const char *value)
{
    const sy_splice_node *n = root;
    int flow = root->flow, r;
    const char *p = path;
    path_part part;
    while ((r = next_part(&p, &part)) == 0) {
        if (n->kind == SY_SPLICE_ALIAS)
            return "it is inside an alias (*name): edit the anchored value instead";
        if (part.is_index) {
            if (n->kind != SY_SPLICE_SEQ)
                return "an index of something that is not a list";
            if (part.index == n->count && (n->flow || n->count))
                return append_item(e, n, p, value) == 0
                    ? NULL
                    : "the new item's path has an index in it, or the value is not UTF-8 text";
            if (part.index >= n->count)
                return "the index is beyond the end of the list";
            n = n->items[part.index];
        } else {
            if (n->kind != SY_SPLICE_MAP)
                return "a key of something that is not a map";
            const sy_splice_node *v = sy_splice_get(n, part.key, NULL);
            if (!v) {
                sy_buf entry = SY_BUF_INIT;
                sy_buf_printf(&entry, "%s: ", part.key);
                int bad = put_nested(&entry, p, value) != 0 || sy_buf_failed(&entry);
                if (!bad) {
                    const char *entries[2] = {entry.data, NULL};
                    sy_splice_map_append(e, n, entries);
                }
                sy_buf_free(&entry);
                return bad ? "the new value's path has an index in it, or the value is not UTF-8 "
                             "text"
                           : NULL;
            }
            n = v;
        }
        if ((n->kind == SY_SPLICE_MAP || n->kind == SY_SPLICE_SEQ) && n->flow)
            flow = 1;
    }
    if (r < 0)
        return "the path is not of the form key.key[index]";
    if (n->kind == SY_SPLICE_ALIAS)
        return "it is an alias (*name): edit the anchored value instead";
    if (n->kind != SY_SPLICE_SCALAR)
        return "it is a map or a list, not one value";
    if (n == root)
        return "no path";
    if (set_scalar(e, n, value, flow) != 0)
        return "the value cannot be written in YAML (it is not UTF-8 text)";
    return NULL;
}

sy_status sy_splice_set(const char *name, const char *src, size_t len, const char *path,
                        const char *value, sy_buf *out, sy_diags *d)
{
    size_t bad_at = sy_utf8_check(value, strlen(value));
    if (bad_at != (size_t)-1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, name, 0, 0, path,
                            "cannot set this value: it is not UTF-8 text (byte %zu)", bad_at);
    sy_splice_node *root = sy_splice_tree_parse(src, len);
    if (!root || root->kind != SY_SPLICE_MAP) {
        sy_splice_tree_free(root);
        return set_fail(d, name, NULL,
                        "the text is not a YAML map (fix the syntax in the YAML view first)");
    }
    sy_splice *e = sy_splice_new(src, len);
    if (!e) {
        sy_splice_tree_free(root);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, path, "out of memory");
    }
    const char *why = set_at_path(e, root, path, value);
    sy_status st = SY_OK;
    size_t old = out->len;
    if (why)
        st = set_fail(d, name, path, why);
    else if ((st = sy_splice_apply(e, out)) != SY_OK)
        st = sy_diags_add(d, SY_SEV_ERROR, st, name, 0, 0, path,
                          st == SY_ERR_NOMEM ? "out of memory" : "overlapping edits (a bug)");
    else {
        /* The text must still be YAML. Layouts the splicer does not model
         * (explicit "? key" entries, multi-line plain keys) can defeat the
         * indentation of an added key: refuse rather than hand back text
         * that does not parse. */
        sy_splice_node *again = sy_splice_tree_parse(out->data + old, out->len - old);
        if (!again) {
            out->len = old;
            if (out->data)
                out->data[old] = 0;
            st = set_fail(d, name, path,
                          "the new text would not be YAML here (an explicit '?' key or a key "
                          "written over several lines nearby?): edit the YAML itself");
        }
        sy_splice_tree_free(again);
    }
    sy_splice_free(e);
    sy_splice_tree_free(root);
    return st;
}
