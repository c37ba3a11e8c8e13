/* sanya renew (renew.h): the next term's file as the old text with the
 * changed values spliced in at the places libyaml reports for them. The
 * source was validated when it was loaded; here it is parsed again with
 * libyaml's event API into a small tree of byte ranges. */
#include "data/renew.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/date.h"
#include "data/checklist.h"
#include "data/model.h"

/* ---- the source as byte ranges ---- */

typedef enum rn_kind { RN_SCALAR, RN_SEQ, RN_MAP, RN_ALIAS } rn_kind;

typedef struct rnode {
    rn_kind kind;
    size_t start, end; /* bytes: from the node's first property or token to its end mark */
    size_t content_end; /* just after the node's last character of content */
    int column; /* 1-based, in characters (the indentation of block nodes) */
    int flow; /* a collection in flow style */
    yaml_scalar_style_t style;
    char *anchor; /* NULL when none */
    int tagged;
    char *text; /* a scalar's value */
    struct rnode **items; /* a map's keys and values, alternating */
    size_t count, cap;
} rnode;

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

static void rn_free(rnode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++)
        rn_free(n->items[i]);
    free(n->items);
    free(n->anchor);
    free(n->text);
    free(n);
}

static int rn_add(rnode *parent, rnode *item)
{
    if (parent->count == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 8;
        rnode **items = realloc(parent->items, cap * sizeof *items);
        if (!items)
            return -1;
        parent->items = items;
        parent->cap = cap;
    }
    parent->items[parent->count++] = item;
    return 0;
}

static rnode *rn_new(reparse *p, rn_kind kind, const yaml_event_t *ev, const yaml_char_t *anchor,
                     const yaml_char_t *tag)
{
    rnode *n = calloc(1, sizeof *n);
    if (!n || (anchor && !(n->anchor = strdup((const char *)anchor)))) {
        rn_free(n);
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
static rnode *rn_parse(reparse *p, yaml_event_t *ev)
{
    rnode *n = NULL;
    const char *s = p->cur.s;
    if (ev->type == YAML_SCALAR_EVENT) {
        n = rn_new(p, RN_SCALAR, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
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
        return p->failed ? (rn_free(n), NULL) : n;
    }
    if (ev->type == YAML_ALIAS_EVENT) {
        n = rn_new(p, RN_ALIAS, ev, NULL, NULL);
        yaml_event_delete(ev);
        return n;
    }
    int is_map = ev->type == YAML_MAPPING_START_EVENT;
    if (!is_map && ev->type != YAML_SEQUENCE_START_EVENT) {
        yaml_event_delete(ev);
        p->failed = 1;
        return NULL;
    }
    n = is_map ? rn_new(p, RN_MAP, ev, ev->data.mapping_start.anchor, ev->data.mapping_start.tag)
               : rn_new(p, RN_SEQ, ev, ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
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
        rnode *item = rn_parse(p, &e);
        if (!item || rn_add(n, item) != 0) {
            rn_free(item);
            p->failed = 1;
        }
    }
    rn_free(n);
    return NULL;
}

/* The root node of source (len bytes), NULL when out of memory. */
static rnode *rn_load(const char *source, size_t len)
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
    rnode *root = NULL;
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
    if (p.failed || !root || root->kind != RN_MAP) {
        rn_free(root);
        return NULL;
    }
    return root;
}

/* The key node and value node of key in map m (NULL when absent). */
static rnode *rn_get(const rnode *m, const char *key, rnode **key_node)
{
    for (size_t i = 0; m && m->kind == RN_MAP && i + 1 < m->count; i += 2) {
        const rnode *k = m->items[i];
        if (k->kind == RN_SCALAR && !strcmp(k->text, key)) {
            if (key_node)
                *key_node = m->items[i];
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

typedef struct editor {
    const char *src;
    size_t len;
    const char *eol; /* "\n", or "\r\n" when the file uses it */
    edit *edits;
    size_t count, cap;
    int oom;
} editor;

/* Takes b's bytes as the text replacing [from, to). */
static void ed_add(editor *e, size_t from, size_t to, sy_buf *b)
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
static int ed_apply(editor *e, sy_buf *out)
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

static void ed_free(editor *e)
{
    for (size_t i = 0; i < e->count; i++)
        free(e->edits[i].text);
    free(e->edits);
}

static void put_spaces(sy_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        sy_buf_putc(b, ' ');
}

/* The properties (anchor, tag) a replaced node keeps, so that aliases to it
 * still resolve. */
static void put_properties(sy_buf *b, const rnode *n)
{
    if (n->anchor)
        sy_buf_printf(b, "&%s ", n->anchor);
    if (n->tagged)
        sy_buf_puts(b, "!!str ");
}

/* Replaces scalar (or alias) n by value, in n's quoting when it was quoted. */
static void ed_scalar(editor *e, const rnode *n, const char *value)
{
    sy_buf b = SY_BUF_INIT;
    put_properties(&b, n);
    const char *q = n->kind == RN_SCALAR && n->style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? "'"
        : n->kind == RN_SCALAR && n->style == YAML_DOUBLE_QUOTED_SCALAR_STYLE           ? "\""
                                                                                        : "";
    sy_buf_printf(&b, "%s%s%s", q, value, q);
    ed_add(e, n->start, n->content_end, &b);
}

/* Where a new line after a node goes: the end of the line its content ends
 * on (after a comment there), before the line break. */
static size_t line_after(const editor *e, size_t content_end)
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
static void ed_map_append(editor *e, const rnode *m, const char *const *entries)
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
        int indent = m->count ? m->items[0]->column - 1 : 0;
        at = line_after(e, m->content_end);
        for (size_t i = 0; entries[i]; i++) {
            sy_buf_puts(&b, e->eol);
            put_spaces(&b, indent);
            sy_buf_puts(&b, entries[i]);
        }
    }
    ed_add(e, at, at, &b);
}

/* ---- the renewal ---- */

typedef struct renew {
    const sy_agreement *a;
    const sy_model *m;
    const sy_roster *r;
    sy_diags *d;
    const char *file;
    sy_date on;
    int years;
    int renewal;
    editor ed;
} renew;

static sy_status fail(renew *rn, sy_status code, const sy_mark *at, const char *path,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static sy_status fail(renew *rn, sy_status code, const sy_mark *at, const char *path,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* a mark is a place in the old file; other problems are the new one's */
    sy_diags_addv(rn->d, SY_SEV_ERROR, code, at ? sy_agreement_name(rn->a) : rn->file,
                  at ? at->line : 0, at ? at->column : 0, path, fmt, ap);
    va_end(ap);
    return code;
}

/* Each office signatory must have a holder on the new date; a new holder
 * is worth a note (the signature page will name them). */
static sy_status check_offices(renew *rn)
{
    sy_status st = SY_OK;
    char day[11], old_day[11], path[64];
    sy_date_format_iso(rn->on, day);
    sy_date_format_iso(rn->m->signed_on, old_day);
    for (size_t i = 0; i < rn->m->nparties; i++) {
        const sy_model_signer *s = &rn->m->parties[i].signer;
        if (!s->office)
            continue;
        snprintf(path, sizeof path, "parties[%zu].signatory.office", i);
        if (!rn->r) {
            st = fail(rn, SY_ERR_USAGE, &s->office_mark, path,
                      "office \"%s\" signs for this party: a roster is needed to check who holds "
                      "it on %s",
                      s->office, day);
            continue;
        }
        const sy_value *h = sy_roster_holder_at(rn->r, s->office, rn->on);
        if (!h) {
            st = fail(rn, SY_ERR_DATA, &s->office_mark, path,
                      "nobody holds office \"%s\" on the renewal's signing date %s in the roster; "
                      "add its holder to the roster or choose another --on",
                      s->office, day);
            continue;
        }
        const sy_value *old = sy_roster_holder_at(rn->r, s->office, rn->m->signed_on);
        if (h != old) {
            const char *name = sy_value_as_string(sy_value_lookup(h, "name.en"), NULL);
            const char *old_name = sy_value_as_string(sy_value_lookup(old, "name.en"), NULL);
            sy_diags_add(rn->d, SY_SEV_NOTE, SY_OK, sy_agreement_name(rn->a), s->office_mark.line,
                         s->office_mark.column, path,
                         "office \"%s\" is held by %s on %s (%s held it on %s): the renewal names "
                         "the new holder",
                         s->office, name ? name : "?", day, old_name ? old_name : "nobody",
                         old_day);
        }
    }
    return st;
}

static void put_entry_date(sy_buf *b, const char *key, sy_date d)
{
    char iso[11];
    sy_date_format_iso(d, iso);
    sy_buf_printf(b, "%s: %s", key, iso);
}

/* signed, term.years, term.renewal, term.start. */
static void edit_dates_and_term(renew *rn, const rnode *root)
{
    char iso[11], num[16];
    sy_date_format_iso(rn->on, iso);
    rnode *signed_key = NULL;
    const rnode *signed_v = rn_get(root, "signed", &signed_key);
    if (signed_v)
        ed_scalar(&rn->ed, signed_v, iso);
    const rnode *term = rn_get(root, "term", NULL);
    sy_buf years = SY_BUF_INIT, renewal = SY_BUF_INIT, start = SY_BUF_INIT;
    sy_buf_printf(&years, "years: %d", rn->years);
    sy_buf_printf(&renewal, "renewal: %d", rn->renewal);
    put_entry_date(&start, "start", rn->on);
    if (sy_buf_failed(&years) || sy_buf_failed(&renewal) || sy_buf_failed(&start)) {
        rn->ed.oom = 1;
    } else if (term && term->kind == RN_MAP) {
        const char *missing[4] = {NULL};
        size_t n = 0;
        const rnode *v = rn_get(term, "years", NULL);
        snprintf(num, sizeof num, "%d", rn->years);
        if (v && rn->years != rn->m->term.years)
            ed_scalar(&rn->ed, v, num);
        snprintf(num, sizeof num, "%d", rn->renewal);
        if ((v = rn_get(term, "renewal", NULL)))
            ed_scalar(&rn->ed, v, num);
        else
            missing[n++] = renewal.data;
        if ((v = rn_get(term, "start", NULL)))
            ed_scalar(&rn->ed, v, iso);
        else
            missing[n++] = start.data;
        if (n)
            ed_map_append(&rn->ed, term, missing);
    } else if (signed_v) {
        /* No term: one after `signed`, flow like `place` when the file
         * writes its small maps that way, else block. */
        const rnode *place = rn_get(root, "place", NULL);
        int flow = root->flow || (place && place->kind == RN_MAP && place->flow);
        sy_buf b = SY_BUF_INIT;
        size_t at = line_after(&rn->ed, signed_v->content_end);
        if (root->flow)
            at = signed_v->content_end;
        sy_buf_puts(&b, root->flow ? ", " : rn->ed.eol);
        if (!root->flow)
            put_spaces(&b, signed_key->column - 1);
        if (flow) {
            sy_buf_printf(&b, "term: {%s, %s, %s}", years.data, renewal.data, start.data);
        } else {
            /* the file's own step of indentation, from a block text map */
            int step = 2;
            const rnode *title = rn_get(root, "title", NULL);
            if (title && title->kind == RN_MAP && !title->flow && title->count)
                step = title->items[0]->column - signed_key->column;
            if (step < 1)
                step = 2;
            const char *lines[3] = {years.data, renewal.data, start.data};
            sy_buf_puts(&b, "term:");
            for (int i = 0; i < 3; i++) {
                sy_buf_puts(&b, rn->ed.eol);
                put_spaces(&b, signed_key->column - 1 + step);
                sy_buf_puts(&b, lines[i]);
            }
        }
        ed_add(&rn->ed, at, at, &b);
    }
    sy_buf_free(&years);
    sy_buf_free(&renewal);
    sy_buf_free(&start);
}

/* Output handler of the emitter: into an sy_buf. */
static int emit_to_buf(void *data, unsigned char *bytes, size_t size)
{
    sy_buf_put(data, bytes, size);
    return !sy_buf_failed(data);
}

/* {km: ..., en: ...} in flow style, each side quoted as libyaml's emitter
 * judges necessary. Returns -1 when the emitter fails. */
static int put_flow_text(sy_buf *b, const sy_model_text *t)
{
    yaml_emitter_t em;
    yaml_event_t ev;
    sy_buf tmp = SY_BUF_INIT;
    if (!yaml_emitter_initialize(&em))
        return -1;
    yaml_emitter_set_output(&em, emit_to_buf, &tmp);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_width(&em, -1);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_MAPPING_STYLE) &&
        yaml_emitter_emit(&em, &ev);
    const char *side[4] = {"km", t->km, "en", t->en};
    for (int i = 0; ok && i < 4; i++)
        ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)side[i],
                                          (int)strlen(side[i]), 1, 1, YAML_ANY_SCALAR_STYLE) &&
            yaml_emitter_emit(&em, &ev);
    ok = ok && yaml_mapping_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev) &&
        yaml_document_end_event_initialize(&ev, 1) && yaml_emitter_emit(&em, &ev) &&
        yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev) &&
        yaml_emitter_flush(&em);
    yaml_emitter_delete(&em);
    /* one line: the map, a line break, perhaps a document end marker */
    char *nl = tmp.data && !tmp.failed ? memchr(tmp.data, '\n', tmp.len) : NULL;
    if (ok && nl)
        sy_buf_put(b, tmp.data, (size_t)(nl - tmp.data));
    sy_buf_free(&tmp);
    return ok && nl ? 0 : -1;
}

/* The pending item for one checklist step: step, party, and who obtains it
 * when an old approval of the step named someone (the newest one). Block
 * items put each key on its own line at key_indent. */
static int put_pending(renew *rn, sy_buf *b, const sy_checklist_step *s, int block, int key_indent)
{
    const sy_model_text *who = NULL;
    for (size_t i = 0; i < rn->m->napprovals; i++) {
        const sy_model_approval *ap = &rn->m->approvals[i];
        if (ap->step == s->step && ap->party == s->party && ap->responsible.km)
            who = &ap->responsible; /* the last one written */
    }
    const char *sep = ", ";
    sy_buf between = SY_BUF_INIT;
    if (block) {
        sy_buf_puts(&between, rn->ed.eol);
        put_spaces(&between, key_indent);
    }
    if (sy_buf_failed(&between))
        return -1;
    sy_buf_printf(b, "%sstep: %s", block ? "" : "{", sy_approval_step_name(s->step));
    if (s->party)
        sy_buf_printf(b, "%sparty: %s", block ? between.data : sep, s->party->id);
    int st = 0;
    if (who) {
        sy_buf_printf(b, "%sresponsible: ", block ? between.data : sep);
        st = put_flow_text(b, who);
    }
    if (!block)
        sy_buf_putc(b, '}');
    sy_buf_free(&between);
    return st;
}

/* The new approvals list: in flow style "[{...}, {...}]", in block style
 * "- ..." items, the first without indentation (it follows what precedes
 * the list on its line), each later one at seq_indent. */
static int put_pending_list(renew *rn, sy_buf *b, const sy_checklist *c, int block, int item_block,
                            int seq_indent, int key_indent)
{
    if (!block)
        sy_buf_putc(b, '[');
    for (size_t i = 0; i < c->nsteps; i++) {
        if (block && i) {
            sy_buf_puts(b, rn->ed.eol);
            put_spaces(b, seq_indent);
        }
        sy_buf_puts(b, block ? "- " : i ? ", " : "");
        if (put_pending(rn, b, &c->steps[i], item_block, key_indent) != 0)
            return -1;
    }
    if (!block)
        sy_buf_putc(b, ']');
    return 0;
}

/* Drops the previous_approvals entry (key and value) of the top map. */
static void edit_drop_entry(renew *rn, const rnode *root, const rnode *key, const rnode *val)
{
    sy_buf none = SY_BUF_INIT;
    const char *s = rn->ed.src;
    size_t from = key->start, to = val->content_end;
    if (root->flow) {
        /* with the comma before it, or after it when it is the first */
        size_t k = 0;
        while (k < root->count && root->items[k] != key)
            k++;
        if (k >= 2)
            from = root->items[k - 1]->content_end;
        else if (k + 2 < root->count)
            to = root->items[k + 2]->start;
    } else {
        /* whole lines: from the key's line start to the end of the value's */
        while (from > 0 && s[from - 1] != '\n')
            from--;
        while (to < rn->ed.len && s[to] != '\n')
            to++;
        if (to < rn->ed.len)
            to++;
    }
    ed_add(&rn->ed, from, to, &none);
}

/* approvals -> previous_approvals; approvals: the checklist's steps, pending. */
static sy_status edit_approvals(renew *rn, const rnode *root)
{
    rnode *key = NULL, *prev_key = NULL;
    const rnode *list = rn_get(root, "approvals", &key);
    if (!list)
        return SY_OK; /* nothing asked for yet: nothing to reset */
    const rnode *prev = rn_get(root, "previous_approvals", &prev_key);
    if (prev)
        edit_drop_entry(rn, root, prev_key, prev);
    sy_checklist *c = NULL;
    sy_status st = sy_checklist_new(rn->a, NULL, rn->on, &c, rn->d);
    if (st != SY_OK)
        return st;
    sy_buf rename = SY_BUF_INIT, b = SY_BUF_INIT;
    sy_buf_puts(&rename, "previous_approvals");
    ed_add(&rn->ed, key->start, key->content_end, &rename);

    int block = !root->flow && list->kind == RN_SEQ && !list->flow && list->count;
    const rnode *first = block ? list->items[0] : NULL;
    int item_block = first && first->kind == RN_MAP && !first->flow;
    int seq_indent = first ? first->column - 1 - 2 : 0; /* "- " before the item */
    int key_indent = item_block && first->count ? first->items[0]->column - 1 : seq_indent + 2;
    /* the list's own "- " column: the item's, less the blanks after the dash */
    if (first) {
        size_t at = first->start;
        int back = 0;
        while (at > 0 && rn->ed.src[at - 1] == ' ')
            at--, back++;
        seq_indent = first->column - 1 - back - 1;
        if (seq_indent < 0)
            seq_indent = 0;
    }
    sy_buf_puts(&b, "approvals:");
    if (block) {
        sy_buf_puts(&b, rn->ed.eol);
        put_spaces(&b, seq_indent);
    } else {
        sy_buf_putc(&b, ' ');
    }
    int bad = put_pending_list(rn, &b, c, block, item_block, seq_indent, key_indent);
    if (root->flow) {
        sy_buf_puts(&b, ", ");
    } else {
        sy_buf_puts(&b, rn->ed.eol);
        put_spaces(&b, key->column - 1);
    }
    sy_checklist_free(c);
    if (bad) {
        sy_buf_free(&b);
        rn->ed.oom = 1;
        return SY_OK;
    }
    ed_add(&rn->ed, key->start, key->start, &b);
    return SY_OK;
}

/* The new text must load, and say what was meant. */
static sy_status verify(renew *rn, const sy_buf *text, sy_renewal *info)
{
    sy_diags *own = sy_diags_new();
    if (!own)
        return fail(rn, SY_ERR_NOMEM, NULL, NULL, "out of memory");
    sy_agreement *b = sy_agreement_load_buffer(rn->file, text->data, text->len, rn->r, own);
    sy_status st = SY_OK;
    if (!b) {
        for (size_t i = 0; i < sy_diags_count(own); i++) {
            const sy_diag *x = sy_diags_get(own, i);
            sy_diags_push(rn->d, x);
        }
        st = sy_diags_status(own);
        if (st == SY_OK)
            st = SY_ERR_NOMEM;
    } else {
        const sy_model *m = sy_agreement_model(b);
        if (sy_date_cmp(m->signed_on, rn->on) || sy_date_cmp(m->term.start, rn->on) ||
            m->term.renewal != rn->renewal || m->term.years != rn->years)
            st = fail(rn, SY_ERR_INTERNAL, NULL, NULL,
                      "the renewed file does not say what was meant (a bug of sanya renew)");
        if (info) {
            info->renewal = m->term.renewal;
            info->on = m->term.start;
            info->end = m->term.end;
        }
    }
    sy_agreement_free(b);
    sy_diags_free(own);
    return st;
}

sy_status sy_agreement_renew(const sy_agreement *a, const sy_roster *r, const sy_renew_options *o,
                             sy_buf *out, sy_renewal *info, sy_diags *d)
{
    renew rn;
    memset(&rn, 0, sizeof rn);
    rn.a = a;
    rn.m = sy_agreement_model(a);
    rn.r = r;
    rn.d = d;
    sy_renew_options none = {0};
    if (!o)
        o = &none;
    rn.file = o->name ? o->name : "renewal";
    if (!rn.m)
        return fail(&rn, SY_ERR_USAGE, NULL, NULL, "no agreement to renew");
    const sy_model *m = rn.m;
    const char *old_file = sy_agreement_name(a);
    char day[11], other[11];

    /* the date and the term */
    if (o->has_on) {
        rn.on = o->on;
    } else if (m->term.given && sy_date_valid(m->term.end)) {
        rn.on = sy_date_from_days(sy_date_to_days(m->term.end) + 1);
    } else {
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, old_file, m->mark.line, m->mark.column,
                            NULL,
                            "the agreement has no term, so its renewal has no default date: "
                            "give the signing date (--on DATE) and the term (--years N)");
    }
    if (!sy_date_valid(rn.on))
        return fail(&rn, SY_ERR_USAGE, NULL, NULL, "the renewal's date is not a real date");
    sy_date_format_iso(rn.on, day);
    sy_date last = m->signed_on;
    if (sy_date_cmp(m->term.start, last) > 0)
        last = m->term.start;
    if (sy_date_cmp(rn.on, last) <= 0) {
        sy_date_format_iso(last, other);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, old_file, m->signed_mark.line,
                            m->signed_mark.column, "signed",
                            "the renewal's date %s is not after %s, when the agreement it renews "
                            "was signed or started",
                            day, other);
    }
    if (o->years < 0 || o->years > 99)
        return fail(&rn, SY_ERR_USAGE, NULL, NULL, "a term is 1 to 99 years, not %d", o->years);
    rn.years = o->years ? o->years : m->term.years;
    if (!m->term.given && !o->years)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, old_file, m->mark.line, m->mark.column,
                            NULL,
                            "the agreement has no term: give the renewed term's length (--years "
                            "N)");
    rn.renewal = m->term.renewal + 1;
    if (rn.renewal > 99)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, old_file, m->term.renewal_mark.line,
                            m->term.renewal_mark.column, "term.renewal",
                            "the agreement is its 99th renewal; the schema counts no further");
    if (m->term.given && sy_date_valid(m->term.end) && sy_date_cmp(rn.on, m->term.end) <= 0) {
        sy_date_format_iso(m->term.end, other);
        sy_diags_add(d, SY_SEV_WARNING, SY_OK, old_file, m->term.mark.line, m->term.mark.column,
                     "term", "the renewed term starts %s, before the old term ends on %s", day,
                     other);
    }
    if (m->lunar_override_km)
        sy_diags_add(d, SY_SEV_WARNING, SY_OK, old_file, m->lunar_override_mark.line,
                     m->lunar_override_mark.column, "lunar_override.date_line_km",
                     "kept as written, but it gives the old signing date's lunar day: rewrite it "
                     "for %s",
                     day);

    sy_status st = check_offices(&rn);
    if (st != SY_OK)
        return st;

    size_t len;
    const char *src = sy_agreement_source(a, &len);
    rnode *root = rn_load(src, len);
    if (!root)
        return fail(&rn, SY_ERR_NOMEM, NULL, NULL, "out of memory reading the agreement again");
    rn.ed.src = src;
    rn.ed.len = len;
    const char *nl = memchr(src, '\n', len);
    rn.ed.eol = nl && nl > src && nl[-1] == '\r' ? "\r\n" : "\n";

    edit_dates_and_term(&rn, root);
    st = edit_approvals(&rn, root);
    size_t old_len = out->len;
    sy_buf text = SY_BUF_INIT;
    if (st == SY_OK && (rn.ed.oom || ed_apply(&rn.ed, &text) != 0))
        st = fail(&rn, rn.ed.oom || sy_buf_failed(&text) ? SY_ERR_NOMEM : SY_ERR_INTERNAL, NULL,
                  NULL, "could not splice the renewed values (%s)",
                  rn.ed.oom ? "out of memory" : "overlapping edits");
    if (st == SY_OK)
        st = verify(&rn, &text, info);
    if (st == SY_OK) {
        sy_buf_put(out, text.data ? text.data : "", text.len);
        if (sy_buf_failed(out)) {
            out->len = old_len;
            st = fail(&rn, SY_ERR_NOMEM, NULL, NULL, "out of memory");
        }
    }
    sy_buf_free(&text);
    ed_free(&rn.ed);
    rn_free(root);
    return st;
}

char *sy_renew_default_path(const char *path, int renewal)
{
    size_t n = strlen(path);
    const char *slash = strrchr(path, '/');
    size_t base = slash ? (size_t)(slash - path) + 1 : 0;
    if (n - base > 5 && !strcmp(path + n - 5, ".yaml"))
        n -= 5;
    else if (n - base > 4 && !strcmp(path + n - 4, ".yml"))
        n -= 4;
    /* strip "-renewal-<digits>" */
    size_t k = n;
    while (k > base && path[k - 1] >= '0' && path[k - 1] <= '9')
        k--;
    if (k < n && k - base > 9 && !strncmp(path + k - 9, "-renewal-", 9))
        n = k - 9;
    char *out = malloc(n + 32);
    if (out)
        snprintf(out, n + 32, "%.*s-renewal-%d.yaml", (int)n, path, renewal);
    return out;
}
