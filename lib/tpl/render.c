/* Rendering: walks a loaded template's syntax tree over the data and builds
 * the document. Paragraph lines join into the open paragraph across
 * statements; a blank line or any block closes it. Text produced by
 * expressions is appended as text only: block structure comes from the
 * template's own lines (decided by the parser), never from data. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/date.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "tpl/internal.h"

typedef struct binding {
    const char *name;
    const sy_value *val;
} binding;

enum { MAX_SCOPE = 128, MAX_ERRORS = 50 };

/* A piece of the line being rendered that an expression put there: bytes
 * [start, end) of the line's buffer, the value's mark and data path, and
 * the expression's own mark. */
typedef struct line_span {
    size_t start, end;
    sy_mark mark;
    const char *path; /* in the path index, or NULL */
    sy_mark via;
} line_span;

/* One 'field: value' line of the signer being rendered: its text, its
 * line, and the pieces its expressions printed (offsets into text). */
typedef struct signer_field {
    sy_buf text;
    sy_mark mark;
    line_span *spans;
    size_t nspans;
} signer_field;

typedef struct ctx {
    sy_blocks *out;
    sy_block *para, *list;
    int list_ordered;
    int lang; /* -1: detect from the text */
    const char *role;
    int role_set;
    sy_align align;
    int align_given; /* align was set since the role: the role's own does not apply */
    int side; /* 0, SY_LANG_KM or SY_LANG_EN: inside a pair */
    sy_block *sigs;
    signer_field *fields; /* inside a signer: F_COUNT of them */
} ctx;

/* The data paths of the values of the rendered data, found by mark: every
 * value a template prints either is a value of the data or a filter's
 * result, which keeps its input's mark. Built on the first lookup; a path
 * string is made the first time it is asked for. */
typedef struct path_node {
    sy_mark mark;
    size_t parent; /* index of the container; the root's is itself */
    const char *key; /* map key, or NULL for a list item */
    size_t index; /* list index */
    char *path; /* "articles[2].body.km", made on first use */
} path_node;

typedef struct path_key {
    int line, column;
    size_t node;
} path_key;

typedef struct path_index {
    path_node *nodes;
    size_t n, cap;
    path_key *keys; /* nodes sorted by line, column, then tree order */
    int built, failed;
} path_index;

typedef struct render {
    const sy_tpl *t;
    const sy_tpl_env *env;
    sy_diags *diags;
    const sy_value *data;
    const sy_value *paths_root; /* whose paths name values in messages; NULL: data */
    sy_doc *doc;
    const tpl_file *file;
    binding scope[MAX_SCOPE];
    int nscope;
    long iterations;
    unsigned long long steps; /* work done so far: see step() */
    int errors, fatal;
    size_t first_diag;
    int soft_unknown; /* inside the input of a default filter */
    unsigned long long output_bytes; /* see add_output() */
    int at_line, at_col; /* the block-level line being rendered */
    int num_km, num_en;
    sy_buf *span_out; /* the line buffer whose pieces are being recorded */
    line_span *spans;
    size_t nspans, capspans;
    path_index paths;
} render;

/* A value being computed: borrowed (v) and possibly owned (own, freed with
 * the value; v may point inside it). undef: a map had no such key. */
typedef struct rv {
    const sy_value *v;
    sy_value *own;
    int undef;
    const sy_value *undef_map;
    const char *undef_key;
} rv;

static const rv rv_none = {NULL, NULL, 0, NULL, NULL};

static void rv_free(rv *r)
{
    sy_value_free(r->own);
    *r = rv_none;
}

/* Reports an error, with a "did you mean 'hint'?" when hint is not NULL,
 * about length characters from the column (0: unknown). */
static void rerr_v(render *r, sy_status code, int line, int col, int length, const char *path,
                   const char *hint, const char *fmt, va_list ap)
{
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    /* a loop repeats the same mistake once per item: report it once */
    for (size_t i = r->first_diag; i < sy_diags_count(r->diags); i++) {
        const sy_diag *d = sy_diags_get(r->diags, i);
        if (d->line == line && d->column == col && d->file && !strcmp(d->file, r->file->display) &&
            !strcmp(d->message, msg)) {
            r->errors++;
            return;
        }
    }
    sy_diag e = {.severity = SY_SEV_ERROR,
                 .code = code,
                 .file = r->file->display,
                 .line = line,
                 .column = col,
                 .path = path,
                 .message = msg,
                 .suggestion = hint,
                 .suggest_form = SY_SUGGEST_PAREN_SINGLE,
                 .length = length};
    sy_diags_push(r->diags, &e);
    r->errors++;
    if (r->errors >= MAX_ERRORS)
        r->fatal = 1; /* enough to fix; the rest would be noise */
    if (code == SY_ERR_LIMIT || code == SY_ERR_NOMEM)
        r->fatal = 1;
}

__attribute__((format(printf, 6, 7))) static void rerr(render *r, sy_status code, int line, int col,
                                                       const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rerr_v(r, code, line, col, 0, path, NULL, fmt, ap);
    va_end(ap);
}

/* A data error about the word word[0..wlen) at the column, with a "did you
 * mean 'hint'?". */
__attribute__((format(printf, 7, 8))) static void rerr_hint(render *r, int line, int col,
                                                            const char *word, size_t wlen,
                                                            const char *hint, const char *fmt, ...)
{
    size_t chars = sy_utf8_count(word, wlen);
    va_list ap;
    va_start(ap, fmt);
    rerr_v(r, SY_ERR_DATA, line, col, chars < SY_LIMIT_LINE_BYTES ? (int)chars : 0, NULL, hint, fmt,
           ap);
    va_end(ap);
}

/* Counts n steps of work done at line:col of the current file; -1 after
 * reporting (once) when the rendering has done more than
 * SY_LIMIT_TPL_STEPS. Loops, includes and quiet output are bounded each on
 * their own; this bounds what they multiply (includes fanning out, a loop
 * printing nothing, filters on big values inside loops). */
static int step(render *r, int line, int col, unsigned long long n)
{
    r->steps += n;
    if (r->steps <= SY_LIMIT_TPL_STEPS)
        return 0;
    if (!r->fatal)
        rerr(r, SY_ERR_LIMIT, line, col, NULL,
             "the template did more than %llu steps of work (every expression, filter, line, "
             "loop iteration and include counts; a runaway loop or include?)",
             (unsigned long long)SY_LIMIT_TPL_STEPS);
    return -1;
}

/* Steps a filter's input or result costs: one per list item or map entry
 * and per 64 bytes of text, as the filter reads or copies them; `deep`
 * counts what lies inside the items too (a result is made whole: `default`
 * and `first` copy their input). Stops counting past `budget`, so counting
 * costs no more than the work it allows. */
static unsigned long long value_steps(const sy_value *v, int deep, unsigned long long budget,
                                      int depth)
{
    if (!v || depth > SY_LIMIT_YAML_DEPTH + 8) /* deeper than data and filters make */
        return 0;
    switch (sy_value_kind_of(v)) {
    case SY_VAL_LIST:
    case SY_VAL_MAP: {
        size_t n = sy_value_len(v);
        unsigned long long total = n;
        for (size_t i = 0; deep && i < n && total <= budget; i++)
            total += value_steps(sy_value_at(v, i), deep, budget - total, depth + 1);
        return total;
    }
    case SY_VAL_STRING: {
        size_t len;
        sy_value_as_string(v, &len);
        return len / 64;
    }
    default:
        return 0;
    }
}

/* Steps left before the limit, at least 0. */
static unsigned long long steps_left(const render *r)
{
    return r->steps < SY_LIMIT_TPL_STEPS ? SY_LIMIT_TPL_STEPS - r->steps : 0;
}

/* Counts bytes of the document being built at line:col of the current
 * file: its text, and a fixed cost per block and per printed value's
 * source record (they take memory while printing no text: a loop of
 * '\rule' lines). -1 after reporting (once) past SY_LIMIT_TPL_OUTPUT_BYTES. */
static int add_output(render *r, int line, int col, unsigned long long bytes)
{
    r->output_bytes += bytes;
    if (r->output_bytes <= SY_LIMIT_TPL_OUTPUT_BYTES)
        return 0;
    if (!r->fatal)
        rerr(r, SY_ERR_LIMIT, line, col, NULL,
             "the document is over %u bytes (its text, and %u bytes for each block and %u for "
             "each printed value)",
             SY_LIMIT_TPL_OUTPUT_BYTES, SY_TPL_BLOCK_BYTES, SY_TPL_SPAN_BYTES);
    return -1;
}

static sy_mark mark_of(const render *r, int line, int col)
{
    sy_mark m = {r->file->display, line, col};
    return m;
}

static int own_value(render *r, const tpl_expr *e, sy_value *v, rv *out)
{
    if (!v) {
        rerr(r, SY_ERR_NOMEM, e->line, e->column, NULL, "out of memory");
        return -1;
    }
    out->v = out->own = v;
    return 0;
}

static int truthy(const rv *x)
{
    if (x->undef || !x->v)
        return 0;
    switch (sy_value_kind_of(x->v)) {
    case SY_VAL_NULL:
        return 0;
    case SY_VAL_BOOL:
        return sy_value_as_bool(x->v);
    case SY_VAL_INT:
        return sy_value_as_int(x->v) != 0;
    case SY_VAL_STRING: {
        size_t len;
        sy_value_as_string(x->v, &len);
        return len > 0;
    }
    case SY_VAL_LIST:
    case SY_VAL_MAP:
        return sy_value_len(x->v) > 0;
    case SY_VAL_DATE:
        return 1;
    }
    return 0;
}

static void report_undefined(render *r, const tpl_expr *e, const rv *x, const char *what)
{
    sy_suggest sg;
    if (x->undef_map && x->undef_key) {
        sy_suggest_init(&sg, x->undef_key, strlen(x->undef_key), TPL_SUGGEST_EDITS);
        for (size_t i = 0; i < sy_value_len(x->undef_map); i++)
            sy_suggest_try(&sg, sy_value_key_at(x->undef_map, i));
        if (sg.best) {
            /* the suggestion ends the line: after `what` since it became
             * a field of the diagnostic */
            rerr_hint(r, e->line, e->column, e->src, e->srclen, sg.best, "'%.*s' is not defined%s",
                      (int)e->srclen, e->src, what);
            return;
        }
    }
    rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "'%.*s' is not defined%s", (int)e->srclen,
         e->src, what);
}

static int eval(render *r, const tpl_expr *e, rv *out);

static int lookup_var(render *r, const tpl_expr *e, rv *out)
{
    for (int i = r->nscope - 1; i >= 0; i--) {
        if (!strcmp(r->scope[i].name, e->name)) {
            out->v = r->scope[i].val;
            return 0;
        }
    }
    const sy_value *v = sy_value_get(r->data, e->name);
    if (v) {
        out->v = v;
        return 0;
    }
    if (r->soft_unknown) {
        out->undef = 1;
        return 0;
    }
    sy_suggest sg;
    sy_suggest_init(&sg, e->name, e->len, TPL_SUGGEST_EDITS);
    for (int i = r->nscope - 1; i >= 0; i--)
        sy_suggest_try(&sg, r->scope[i].name);
    for (size_t i = 0; i < sy_value_len(r->data); i++)
        if (sy_value_key_at(r->data, i))
            sy_suggest_try(&sg, sy_value_key_at(r->data, i));
    if (sg.best)
        rerr_hint(r, e->line, e->column, e->name, strlen(e->name), sg.best, "unknown variable '%s'",
                  e->name);
    else if (!strcmp(e->name, "loop"))
        rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "'loop' exists only inside '{%% for %%}'");
    else
        rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "unknown variable '%s'", e->name);
    return -1;
}

static int child(render *r, const tpl_expr *e, rv *base, const sy_value *key_v, const char *key,
                 rv *out)
{
    *out = rv_none;
    if (base->undef || !base->v || sy_value_kind_of(base->v) == SY_VAL_NULL) {
        out->undef = 1; /* a missing branch: every field below is missing too */
        out->undef_map = base->undef_map;
        out->undef_key = base->undef_key;
        out->own = base->own; /* undef_map may point into it */
        base->own = NULL;
        rv_free(base);
        return 0;
    }
    sy_value_kind k = sy_value_kind_of(base->v);
    const sy_value *got = NULL;
    if (k == SY_VAL_MAP && key) {
        got = sy_value_get(base->v, key);
        if (!got) {
            out->undef = 1;
            out->undef_map = base->v;
            out->undef_key = key;
        }
    } else if (k == SY_VAL_LIST) {
        long long i = -1;
        int ok = 0;
        if (key_v && sy_value_kind_of(key_v) == SY_VAL_INT) {
            i = sy_value_as_int(key_v);
            ok = 1;
        } else if (key && *key) {
            char *end;
            i = strtoll(key, &end, 10);
            ok = !*end;
        }
        if (!ok) {
            rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "'%.*s': a list takes a number as index",
                 (int)e->srclen, e->src);
            rv_free(base);
            return -1;
        }
        if (i < 0)
            i += (long long)sy_value_len(base->v);
        got = i >= 0 ? sy_value_at(base->v, (size_t)i) : NULL;
        if (!got)
            out->undef = 1;
    } else {
        rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "'%.*s': a %s has no field '%s'",
             (int)e->srclen, e->src, sy_value_kind_name(k), key ? key : "?");
        rv_free(base);
        return -1;
    }
    out->v = got;
    out->own = base->own; /* keeps a computed container alive while we point into it */
    base->own = NULL;
    return 0;
}

static int call_filter(render *r, const tpl_expr *e, rv *out)
{
    const tpl_filter *f = tpl_env_find(r->env, e->name, e->len);
    if (!f) {
        rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "unknown filter '%s'", e->name);
        return -1;
    }
    rv in = rv_none;
    int is_default = !strcmp(e->name, "default");
    /* `optional | default(...)` may name a top-level key the data lacks */
    r->soft_unknown += is_default;
    int bad = eval(r, e->a, &in);
    r->soft_unknown -= is_default;
    if (bad)
        return -1;
    if (in.undef || !in.v) {
        if (!is_default) {
            report_undefined(r, e->a, &in, " (add '| default(\"...\")' if it may be missing)");
            rv_free(&in);
            return -1;
        }
        rv_free(&in);
        if (own_value(r, e, sy_value_null(mark_of(r, e->line, e->column)), &in) != 0)
            return -1;
    }
    rv args[16];
    const sy_value *argv[16];
    size_t na = 0;
    int failed = 0;
    for (; na < e->nargs && na < 16; na++) {
        args[na] = rv_none;
        if (eval(r, e->args[na], &args[na]) != 0) {
            failed = 1;
            break;
        }
        if (args[na].undef || !args[na].v) {
            report_undefined(r, e->args[na], &args[na], "");
            na++;
            failed = 1;
            break;
        }
        argv[na] = args[na].v;
    }
    sy_value *res = NULL;
    if (!failed && step(r, e->line, e->column, 1 + value_steps(in.v, 0, steps_left(r), 0)) != 0)
        failed = 1;
    if (!failed) {
        sy_buf msg = SY_BUF_INIT;
        res = f->fn(in.v, argv, na, f->userdata, &msg);
        if (!res) {
            if (msg.len && !sy_buf_failed(&msg))
                rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "filter '%s': %s", e->name,
                     msg.data);
            else
                rerr(r, SY_ERR_NOMEM, e->line, e->column, NULL, "filter '%s': out of memory",
                     e->name);
            failed = 1;
        }
        sy_buf_free(&msg);
    }
    for (size_t i = 0; i < na; i++)
        rv_free(&args[i]);
    rv_free(&in);
    if (!failed && step(r, e->line, e->column, value_steps(res, 1, steps_left(r), 0)) != 0)
        failed = 1;
    if (failed) {
        sy_value_free(res);
        return -1;
    }
    out->v = out->own = res;
    return 0;
}

/* -1: a < b, 0 equal, 1 a > b, 2 different and unordered, 3 not comparable. */
static int compare(const sy_value *a, const sy_value *b)
{
    sy_value_kind ka = a ? sy_value_kind_of(a) : SY_VAL_NULL;
    sy_value_kind kb = b ? sy_value_kind_of(b) : SY_VAL_NULL;
    if (ka == SY_VAL_LIST || ka == SY_VAL_MAP || kb == SY_VAL_LIST || kb == SY_VAL_MAP)
        return 3;
    if (ka != kb)
        return 2;
    switch (ka) {
    case SY_VAL_NULL:
        return 0;
    case SY_VAL_BOOL:
        return sy_value_as_bool(a) == sy_value_as_bool(b) ? 0 : 2;
    case SY_VAL_INT: {
        long long x = sy_value_as_int(a), y = sy_value_as_int(b);
        return x < y ? -1 : x > y;
    }
    case SY_VAL_DATE: {
        int c = sy_date_cmp(sy_value_as_date(a), sy_value_as_date(b));
        return c < 0 ? -1 : c > 0;
    }
    case SY_VAL_STRING: {
        size_t la, lb;
        const char *sa = sy_value_as_string(a, &la), *sb = sy_value_as_string(b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        if (!c)
            c = la < lb ? -1 : la > lb;
        return c < 0 ? -1 : c > 0;
    }
    default:
        return 3;
    }
}

static int eval(render *r, const tpl_expr *e, rv *out)
{
    *out = rv_none;
    if (step(r, e->line, e->column, 1) != 0)
        return -1;
    sy_mark m = mark_of(r, e->line, e->column);
    switch (e->kind) {
    case EX_STR: /* copied each time: a long literal in a loop is work */
        if (step(r, e->line, e->column, e->len / 64) != 0)
            return -1;
        return own_value(r, e, sy_value_string(e->name, e->len, m), out);
    case EX_INT:
        return own_value(r, e, sy_value_int(e->num, m), out);
    case EX_BOOL:
        return own_value(r, e, sy_value_bool((int)e->num, m), out);
    case EX_NONE:
        return own_value(r, e, sy_value_null(m), out);
    case EX_VAR:
        return lookup_var(r, e, out);
    case EX_ATTR: {
        rv base;
        if (eval(r, e->a, &base) != 0)
            return -1;
        return child(r, e, &base, NULL, e->name, out);
    }
    case EX_INDEX: {
        rv base, key;
        if (eval(r, e->a, &base) != 0)
            return -1;
        if (eval(r, e->b, &key) != 0) {
            rv_free(&base);
            return -1;
        }
        if (key.undef || !key.v) {
            report_undefined(r, e->b, &key, "");
            rv_free(&base);
            rv_free(&key);
            return -1;
        }
        const char *k = sy_value_as_string(key.v, NULL);
        int rc = child(r, e, &base, key.v, k, out);
        /* out may point into base's data but never into key, which goes now */
        if (out->undef_key == k)
            out->undef_key = NULL;
        rv_free(&key);
        return rc;
    }
    case EX_FILTER:
        return call_filter(r, e, out);
    case EX_NOT:
    case EX_AND:
    case EX_OR: {
        rv a;
        if (eval(r, e->a, &a) != 0)
            return -1;
        int t = truthy(&a);
        rv_free(&a);
        if (e->kind == EX_NOT) {
            t = !t;
        } else if ((e->kind == EX_AND && t) || (e->kind == EX_OR && !t)) {
            rv b;
            if (eval(r, e->b, &b) != 0)
                return -1;
            t = truthy(&b);
            rv_free(&b);
        }
        return own_value(r, e, sy_value_bool(t, m), out);
    }
    default: {
        rv a, b;
        if (eval(r, e->a, &a) != 0)
            return -1;
        if (eval(r, e->b, &b) != 0) {
            rv_free(&a);
            return -1;
        }
        int c = compare(a.undef ? NULL : a.v, b.undef ? NULL : b.v);
        rv_free(&a);
        rv_free(&b);
        int t;
        if (e->kind == EX_EQ || e->kind == EX_NE) {
            if (c == 3) {
                rerr(r, SY_ERR_DATA, e->line, e->column, NULL,
                     "'%.*s': lists and maps cannot be compared", (int)e->srclen, e->src);
                return -1;
            }
            t = (c == 0) == (e->kind == EX_EQ);
        } else {
            if (c >= 2) {
                rerr(r, SY_ERR_DATA, e->line, e->column, NULL,
                     "'%.*s': only two numbers, two dates or two texts can be ordered",
                     (int)e->srclen, e->src);
                return -1;
            }
            t = e->kind == EX_LT   ? c < 0
                : e->kind == EX_LE ? c <= 0
                : e->kind == EX_GT ? c > 0
                                   : c >= 0;
        }
        return own_value(r, e, sy_value_bool(t, m), out);
    }
    }
}

/* ---- Output ---- */

/* SY_LANG_KM when only Khmer letters, SY_LANG_EN when only Latin letters,
 * mixed when both or neither. */
static sy_lang detect_lang(const char *s, size_t len)
{
    int km = 0, en = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            en = 1;
        else if (c == 0xE1 && i + 1 < len) {
            unsigned char c2 = (unsigned char)s[i + 1];
            /* U+1780..U+17FF is E1 9E 80 .. E1 9F BF; U+19E0..U+19FF E1 A7 A0.. */
            if (c2 == 0x9E || c2 == 0x9F || c2 == 0xA7)
                km = 1;
        }
    }
    return km && !en ? SY_LANG_KM : en && !km ? SY_LANG_EN : SY_LANG_MIXED;
}

static sy_lang lang_for(const ctx *c, const char *s, size_t len)
{
    return c->lang >= 0 ? (sy_lang)c->lang : detect_lang(s, len);
}

static void close_para(ctx *c)
{
    if (c->para && c->lang < 0) {
        size_t len;
        const char *s = sy_block_text(c->para, &len);
        sy_block_set_lang(c->para, detect_lang(s, len));
    }
    c->para = NULL;
}

static void close_all(ctx *c)
{
    close_para(c);
    c->list = NULL;
}

static int render_nodes(render *r, const tpl_nvec *v, ctx *c, sy_buf *inl);

/* ---- Where printed values came from ---- */

static void index_value(path_index *x, const sy_value *v, size_t parent, const char *key,
                        size_t index, int depth)
{
    if (depth > SY_LIMIT_YAML_DEPTH) /* deeper than YAML can make: no path */
        return;
    if (x->failed || SY_RESERVE(x->nodes, x->cap, x->n + 1) != 0) {
        x->failed = 1;
        return;
    }
    size_t me = x->n++;
    path_node node = {sy_value_mark(v), parent == (size_t)-1 ? me : parent, key, index, NULL};
    x->nodes[me] = node;
    sy_value_kind k = sy_value_kind_of(v);
    if (k != SY_VAL_LIST && k != SY_VAL_MAP)
        return;
    for (size_t i = 0; i < sy_value_len(v); i++)
        index_value(x, sy_value_at(v, i), me, k == SY_VAL_MAP ? sy_value_key_at(v, i) : NULL, i,
                    depth + 1);
}

static int path_key_cmp(const void *a, const void *b)
{
    const path_key *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

static void path_index_build(path_index *x, const sy_value *data)
{
    x->built = 1;
    if (!data)
        return;
    index_value(x, data, (size_t)-1, NULL, 0, 0);
    x->keys = x->failed ? NULL : malloc((x->n ? x->n : 1) * sizeof *x->keys);
    if (!x->keys) {
        x->failed = 1;
        return;
    }
    for (size_t i = 0; i < x->n; i++) {
        path_key k = {x->nodes[i].mark.line, x->nodes[i].mark.column, i};
        x->keys[i] = k;
    }
    qsort(x->keys, x->n, sizeof *x->keys, path_key_cmp);
}

static void path_index_free(path_index *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->nodes[i].path);
    free(x->nodes);
    free(x->keys);
    memset(x, 0, sizeof *x);
}

/* "parties[1].name.en" of node i (malloc'd), NULL for the root or when out
 * of memory. */
static char *make_path(const path_index *x, size_t i)
{
    size_t chain[SY_LIMIT_YAML_DEPTH + 2], depth = 0;
    for (size_t k = i; x->nodes[k].parent != k && depth < sizeof chain / sizeof *chain;
         k = x->nodes[k].parent)
        chain[depth++] = k;
    if (!depth)
        return NULL;
    sy_buf b = SY_BUF_INIT;
    while (depth-- > 0) { /* sy_buf_printf would be most of a render's cost here */
        const path_node *n = &x->nodes[chain[depth]];
        if (n->key) {
            if (b.len)
                sy_buf_putc(&b, '.');
            sy_buf_puts(&b, n->key);
            continue;
        }
        char digits[24];
        size_t k = sizeof digits, num = n->index;
        do
            digits[--k] = (char)('0' + num % 10);
        while ((num /= 10) > 0);
        sy_buf_putc(&b, '[');
        sy_buf_put(&b, digits + k, sizeof digits - k);
        sy_buf_putc(&b, ']');
    }
    if (sy_buf_failed(&b)) {
        sy_buf_free(&b);
        return NULL;
    }
    return sy_buf_take(&b, NULL);
}

static int same_file(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The data path of the value at mark m (valid while the render lasts), or
 * NULL when no value of the data has that mark (a template literal, a loop
 * counter). Of values sharing a mark (an alias's copy), the first in the
 * data wins. */
static const char *data_path(render *r, sy_mark m)
{
    path_index *x = &r->paths;
    if (!x->built)
        path_index_build(x, r->paths_root ? r->paths_root : r->data);
    if (!x->keys || m.line <= 0)
        return NULL;
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const path_key *k = &x->keys[mid];
        if (k->line < m.line || (k->line == m.line && k->column < m.column))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < x->n && x->keys[lo].line == m.line && x->keys[lo].column == m.column; lo++) {
        path_node *n = &x->nodes[x->keys[lo].node];
        if (!same_file(n->mark.file, m.file))
            continue;
        if (!n->path)
            n->path = make_path(x, x->keys[lo].node);
        return n->path;
    }
    return NULL;
}

/* Records that bytes [start, end) of the line being rendered came from v,
 * printed by e. */
static int record_span(render *r, const tpl_expr *e, const sy_value *v, size_t start, size_t end)
{
    if (start == end)
        return 0;
    if (SY_RESERVE(r->spans, r->capspans, r->nspans + 1) != 0) {
        rerr(r, SY_ERR_NOMEM, e->line, e->column, NULL, "out of memory");
        return -1;
    }
    sy_mark m = sy_value_mark(v);
    line_span s = {start, end, m, data_path(r, m), mark_of(r, e->line, e->column)};
    r->spans[r->nspans++] = s;
    r->output_bytes += SY_TPL_SPAN_BYTES; /* checked when the line is done */
    return 0;
}

/* The line's buffer lost `cut` bytes at its start and now holds len. */
static void shift_spans(render *r, size_t cut, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < r->nspans; i++) {
        line_span s = r->spans[i];
        s.start = s.start < cut ? 0 : s.start - cut;
        s.end = s.end < cut ? 0 : s.end - cut;
        if (s.end > len)
            s.end = len;
        if (s.start < s.end)
            r->spans[k++] = s;
    }
    r->nspans = k;
}

/* Hands the recorded spans to block b, whose text holds the line from byte
 * `base` on, and starts a new line. */
static int put_spans(render *r, const tpl_node *n, sy_block *b, size_t base)
{
    size_t count = r->nspans;
    r->nspans = 0;
    for (size_t i = 0; i < count; i++) {
        const line_span *s = &r->spans[i];
        if (sy_block_add_span(b, base + s->start, base + s->end, s->mark, s->path, s->via) != 0) {
            rerr(r, SY_ERR_NOMEM, n->line, n->column, NULL,
                 "out of memory while building the document");
            return -1;
        }
    }
    return 0;
}

static int print_expr(render *r, const tpl_expr *e, sy_buf *out)
{
    rv x;
    if (eval(r, e, &x) != 0)
        return -1;
    if (x.undef || !x.v) {
        report_undefined(r, e, &x, "");
        rv_free(&x);
        return -1;
    }
    size_t start = out->len;
    if (tpl_scalar_text(x.v, out) != 0) {
        rerr(r, SY_ERR_DATA, e->line, e->column, NULL,
             "'%.*s' is a %s, not text (use a field, '| join(\", \")' or a loop)", (int)e->srclen,
             e->src, sy_value_kind_name(sy_value_kind_of(x.v)));
        rv_free(&x);
        return -1;
    }
    int rc = 0;
    if (out == r->span_out && !sy_buf_failed(out))
        rc = record_span(r, e, x.v, start, out->len);
    rv_free(&x);
    return rc;
}

static int push_scope(render *r, const tpl_node *n, const char *name, const sy_value *v)
{
    if (r->nscope == MAX_SCOPE) {
        rerr(r, SY_ERR_LIMIT, n->line, n->column, NULL, "loops nested deeper than %d",
             MAX_SCOPE / 2);
        return -1;
    }
    r->scope[r->nscope].name = name;
    r->scope[r->nscope++].val = v;
    return 0;
}

static sy_value *loop_info(size_t i, size_t n, sy_mark m)
{
    sy_value *lp = sy_value_map(m);
    if (!lp)
        return NULL;
    if (sy_value_map_set(lp, "index", sy_value_int((long long)i + 1, m)) ||
        sy_value_map_set(lp, "index0", sy_value_int((long long)i, m)) ||
        sy_value_map_set(lp, "first", sy_value_bool(i == 0, m)) ||
        sy_value_map_set(lp, "last", sy_value_bool(i + 1 == n, m)) ||
        sy_value_map_set(lp, "length", sy_value_int((long long)n, m))) {
        sy_value_free(lp);
        return NULL;
    }
    return lp;
}

static int render_for(render *r, const tpl_node *n, ctx *c, sy_buf *inl)
{
    rv seq;
    if (eval(r, n->expr, &seq) != 0)
        return -1;
    if (seq.undef || !seq.v) {
        report_undefined(r, n->expr, &seq, "");
        rv_free(&seq);
        return -1;
    }
    sy_value_kind k = sy_value_kind_of(seq.v);
    if (k != SY_VAL_LIST && k != SY_VAL_NULL) {
        rerr(r, SY_ERR_DATA, n->expr->line, n->expr->column, NULL,
             "'{%% for %%}' needs a list; '%.*s' is a %s", (int)n->expr->srclen, n->expr->src,
             sy_value_kind_name(k));
        rv_free(&seq);
        return -1;
    }
    size_t count = sy_value_len(seq.v);
    int rc = 0;
    for (size_t i = 0; i < count && !r->fatal; i++) {
        if (++r->iterations > SY_LIMIT_TPL_LOOP_ITERATIONS) {
            rerr(r, SY_ERR_LIMIT, n->line, n->column, NULL,
                 "more than %d loop iterations in one rendering (a runaway loop?)",
                 SY_LIMIT_TPL_LOOP_ITERATIONS);
            rc = -1;
            break;
        }
        if (step(r, n->line, n->column, 1) != 0) {
            rc = -1;
            break;
        }
        sy_value *lp = loop_info(i, count, mark_of(r, n->line, n->column));
        if (!lp) {
            rerr(r, SY_ERR_NOMEM, n->line, n->column, NULL, "out of memory");
            rc = -1;
            break;
        }
        int pushed = 0;
        if (push_scope(r, n, "loop", lp) == 0) {
            pushed++;
            if (push_scope(r, n, n->str, sy_value_at(seq.v, i)) == 0)
                pushed++;
        }
        if (pushed == 2 && render_nodes(r, &n->kids, c, inl) != 0)
            rc = -1;
        r->nscope -= pushed;
        sy_value_free(lp);
        if (pushed != 2) {
            rc = -1;
            break;
        }
    }
    rv_free(&seq);
    return rc;
}

static int render_if(render *r, const tpl_node *n, ctx *c, sy_buf *inl)
{
    for (size_t i = 0; i < n->kids.n; i++) {
        const tpl_node *b = n->kids.v[i];
        int take = 1;
        if (b->expr) {
            rv x;
            if (eval(r, b->expr, &x) != 0)
                return -1;
            take = truthy(&x);
            rv_free(&x);
        }
        if (take)
            return render_nodes(r, &b->kids, c, inl);
    }
    return 0;
}

/* Spaces around a line's text are layout of the template or slack in the
 * data, never content. Returns the number of bytes cut at the start. */
static size_t trim_buf(sy_buf *b)
{
    size_t a = 0, e = b->len;
    while (a < e && (b->data[a] == ' ' || b->data[a] == '\t' || b->data[a] == '\n'))
        a++;
    while (e > a && (b->data[e - 1] == ' ' || b->data[e - 1] == '\t' || b->data[e - 1] == '\n'))
        e--;
    if (a)
        memmove(b->data, b->data + a, e - a);
    b->len = e - a;
    if (b->data)
        b->data[b->len] = 0;
    return a;
}

/* Renders a line's inline content. */
static int inline_text(render *r, const tpl_nvec *v, sy_buf *out)
{
    size_t start = out->len;
    int rc = render_nodes(r, v, NULL, out);
    if (!start && !sy_buf_failed(out)) {
        size_t cut = trim_buf(out);
        if (out == r->span_out)
            shift_spans(r, cut, out->len);
    }
    if (add_output(r, r->at_line, r->at_col, out->len - (start < out->len ? start : out->len)) != 0)
        return -1;
    if (sy_buf_failed(out)) {
        rerr(r, SY_ERR_NOMEM, 0, 0, NULL, "out of memory");
        return -1;
    }
    return rc;
}

/* inline_text for a line that becomes document text: the pieces its
 * expressions print are recorded (r->spans) for put_spans. */
static int line_text(render *r, const tpl_nvec *v, sy_buf *out)
{
    r->span_out = out;
    r->nspans = 0;
    int rc = inline_text(r, v, out);
    r->span_out = NULL;
    return rc;
}

static int has_expr(const tpl_nvec *v)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->v[i]->kind != N_LIT)
            return 1;
    return 0;
}

static int all_blank(const sy_buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if (b->data[i] != ' ' && b->data[i] != '\t' && b->data[i] != '\n')
            return 0;
    return 1;
}

static int check_len(render *r, const tpl_node *n, size_t len)
{
    if (len > SY_LIMIT_PARAGRAPH_BYTES) {
        rerr(r, SY_ERR_LIMIT, n->line, n->column, NULL, "a paragraph longer than %u bytes",
             SY_LIMIT_PARAGRAPH_BYTES);
        return -1;
    }
    return 0;
}

static int nomem(render *r, const tpl_node *n)
{
    rerr(r, SY_ERR_NOMEM, n->line, n->column, NULL, "out of memory while building the document");
    return -1;
}

static ctx child_ctx(const ctx *c, sy_blocks *out)
{
    ctx k = *c;
    k.out = out;
    k.para = k.list = NULL;
    return k;
}

/* Renders nodes into a child context and closes what they left open. */
static int render_inside(render *r, const tpl_nvec *kids, ctx *k)
{
    int rc = render_nodes(r, kids, k, NULL);
    close_all(k);
    return rc;
}

/* Statements (and blank lines) may stand anywhere blocks may. */
static int is_statement(const tpl_node *n)
{
    return n->kind == N_IF || n->kind == N_FOR || n->kind == N_INCLUDE || n->kind == N_BLANK;
}

/* Reports a block where the signature syntax does not allow it: the
 * parser checks these within a file; an include can still misplace them. */
static int check_placement(render *r, const tpl_node *n, const ctx *c)
{
    int stmt = is_statement(n);
    if (!stmt && c->fields && n->kind != N_FIELD) {
        rerr(r, SY_ERR_DATA, n->line, n->column, NULL,
             "only 'field: value' lines go inside '::: signer'");
        return -1;
    }
    if (!stmt && !c->fields && c->sigs && n->kind != N_SIGNER) {
        rerr(r, SY_ERR_DATA, n->line, n->column, NULL,
             "only '::: signer' blocks go inside '::: signatures'");
        return -1;
    }
    if (n->kind == N_SIGNER && (!c->sigs || c->fields)) {
        rerr(r, SY_ERR_DATA, n->line, n->column, NULL,
             "'::: signer' belongs inside '::: signatures'");
        return -1;
    }
    return 0;
}

/* A paragraph line: joins the open paragraph, else opens one. A line whose
 * expressions all printed nothing adds nothing. */
static int render_text(render *r, const tpl_node *n, ctx *c, sy_mark m)
{
    sy_buf t = SY_BUF_INIT;
    int rc = line_text(r, &n->inl, &t);
    if (rc == 0 && !(has_expr(&n->inl) && all_blank(&t))) {
        c->list = NULL;
        if (c->para) {
            size_t len;
            sy_block_text(c->para, &len);
            if (check_len(r, n, len + 1 + t.len) != 0)
                rc = -1;
            else if (sy_block_append_text(c->para, " ", 1) ||
                     sy_block_append_text(c->para, t.data ? t.data : "", t.len))
                rc = nomem(r, n);
            else
                rc = put_spans(r, n, c->para, len + 1);
        } else if (check_len(r, n, t.len) != 0) {
            rc = -1;
        } else {
            c->para =
                sy_blocks_add_paragraph(c->out, m, t.data, t.len, SY_LANG_MIXED, c->role, c->align);
            if (!c->para)
                rc = nomem(r, n);
            else if (c->lang >= 0)
                sy_block_set_lang(c->para, (sy_lang)c->lang);
            sy_block_set_role_align(c->para, !c->align_given);
            if (c->para)
                rc = put_spans(r, n, c->para, 0);
        }
    }
    sy_buf_free(&t);
    return rc;
}

/* A heading, or a list item (in the open list when it is of the same
 * kind, else in a new one). */
static int render_heading_or_item(render *r, const tpl_node *n, ctx *c, sy_mark m)
{
    sy_buf t = SY_BUF_INIT;
    int rc = line_text(r, &n->inl, &t);
    if (rc == 0)
        rc = check_len(r, n, t.len);
    sy_block *b = NULL;
    if (rc == 0 && n->kind == N_HEADING) {
        close_all(c);
        b = sy_blocks_add_heading(c->out, m, n->num, t.data, t.len, lang_for(c, t.data, t.len),
                                  c->role_set ? c->role : "heading", c->align);
    } else if (rc == 0) {
        close_para(c);
        if (!c->list || c->list_ordered != n->num) {
            c->list = sy_blocks_add_list(c->out, m, n->num);
            c->list_ordered = n->num;
        }
        sy_blocks *item = c->list ? sy_block_add_item(c->list) : NULL;
        if (item)
            b = sy_blocks_add_paragraph(item, m, t.data, t.len, lang_for(c, t.data, t.len), c->role,
                                        c->align);
    }
    sy_block_set_role_align(b, !c->align_given);
    if (rc == 0)
        rc = b ? put_spans(r, n, b, 0) : nomem(r, n);
    sy_buf_free(&t);
    return rc;
}

/* An article: its number (counted per side inside a pair, else shared by
 * both languages), its title and its body. */
static int render_article(render *r, const tpl_node *n, ctx *c, sy_mark m)
{
    close_all(c);
    sy_buf t = SY_BUF_INIT;
    if (line_text(r, &n->inl, &t) != 0) {
        sy_buf_free(&t);
        return -1;
    }
    int number;
    if (c->side == SY_LANG_KM)
        number = ++r->num_km;
    else if (c->side == SY_LANG_EN)
        number = ++r->num_en;
    else
        number = r->num_km = r->num_en = (r->num_km > r->num_en ? r->num_km : r->num_en) + 1;
    sy_block *b =
        sy_blocks_add_article(c->out, m, number, t.data, t.len, lang_for(c, t.data, t.len));
    sy_buf_free(&t);
    if (!b)
        return nomem(r, n);
    if (put_spans(r, n, b, 0) != 0)
        return -1;
    ctx k = child_ctx(c, sy_block_body_mut(b));
    return render_inside(r, &n->kids, &k);
}

/* A Khmer/English pair: each side rendered in its own language. */
static int render_pair(render *r, const tpl_node *n, ctx *c, sy_mark m)
{
    close_all(c);
    sy_block *b = sy_blocks_add_pair(c->out, m);
    if (!b)
        return nomem(r, n);
    ctx km = child_ctx(c, sy_block_body_mut(b));
    km.side = km.lang = SY_LANG_KM;
    int rc = render_inside(r, &n->kids, &km);
    ctx en = child_ctx(c, sy_block_en_mut(b));
    en.side = en.lang = SY_LANG_EN;
    if (render_inside(r, &n->kids2, &en) != 0)
        rc = -1;
    return rc;
}

/* Blocks kept together on one page. */
static int render_keep(render *r, const tpl_node *n, ctx *c, sy_mark m)
{
    close_all(c);
    sy_block *b = sy_blocks_add_keep(c->out, m);
    if (!b)
        return nomem(r, n);
    ctx k = child_ctx(c, sy_block_body_mut(b));
    return render_inside(r, &n->kids, &k);
}

/* Blocks with a role, alignment or language of their own; no block of
 * its own. */
static int render_style(render *r, const tpl_node *n, ctx *c)
{
    close_all(c);
    ctx k = child_ctx(c, c->out);
    if (n->str) {
        k.role = n->str;
        k.role_set = 1;
        k.align_given = 0;
    }
    if (n->num >= 0) {
        k.align = (sy_align)n->num;
        k.align_given = 1;
    }
    if (n->num2 >= 0)
        k.lang = n->num2;
    return render_inside(r, &n->kids, &k);
}

/* The signatures block, which holds only signers. */
static int render_signatures(render *r, const tpl_node *n, ctx *c, sy_mark m)
{
    close_all(c);
    sy_block *b = sy_blocks_add_signatures(c->out, m);
    if (!b)
        return nomem(r, n);
    ctx k = child_ctx(c, NULL);
    k.sigs = b;
    return render_nodes(r, &n->kids, &k, NULL);
}

/* The document's name for a signer's text field; -1 for party and seal. */
static int doc_field(int f)
{
    switch (f) {
    case F_NAME_KM:
        return SY_SIGNATORY_NAME_KM;
    case F_NAME_EN:
        return SY_SIGNATORY_NAME_EN;
    case F_TITLE_KM:
        return SY_SIGNATORY_TITLE_KM;
    case F_TITLE_EN:
        return SY_SIGNATORY_TITLE_EN;
    default:
        return -1;
    }
}

/* Hands the signatory's text fields' lines and spans to the last
 * signatory of the signatures block. */
static int put_signer_spans(render *r, const tpl_node *n, sy_block *sigs,
                            const signer_field *fields)
{
    size_t i = sy_block_signatory_count(sigs) - 1;
    for (int f = 0; f < F_COUNT; f++) {
        int df = doc_field(f);
        if (df < 0)
            continue;
        if (fields[f].mark.line &&
            sy_block_set_signatory_mark(sigs, i, (sy_signatory_field)df, fields[f].mark) != 0)
            return nomem(r, n);
        for (size_t k = 0; k < fields[f].nspans; k++) {
            const line_span *sp = &fields[f].spans[k];
            if (sy_block_add_signatory_span(sigs, i, (sy_signatory_field)df, sp->start, sp->end,
                                            sp->mark, sp->path, sp->via) != 0)
                return nomem(r, n);
        }
    }
    return 0;
}

/* One signatory: its fields are rendered into buffers of this function
 * (freed here), then added to the open signatures block with where their
 * text came from. */
static int render_signer(render *r, const tpl_node *n, ctx *c)
{
    signer_field fields[F_COUNT];
    for (int i = 0; i < F_COUNT; i++)
        fields[i] = (signer_field){SY_BUF_INIT, {NULL, 0, 0}, NULL, 0};
    ctx k = *c;
    k.fields = fields;
    int rc = render_nodes(r, &n->kids, &k, NULL);
    int failed = 0;
    for (int i = 0; i < F_COUNT; i++) {
        failed |= sy_buf_failed(&fields[i].text);
        sy_buf_putc(&fields[i].text, 0); /* NUL-terminate even when empty */
        failed |= sy_buf_failed(&fields[i].text);
    }
    if (rc == 0 && failed)
        rc = nomem(r, n);
    if (rc == 0) {
        const char *seal = fields[F_SEAL].text.data;
        sy_signatory s = {fields[F_PARTY].text.data,    fields[F_NAME_KM].text.data,
                          fields[F_NAME_EN].text.data,  fields[F_TITLE_KM].text.data,
                          fields[F_TITLE_EN].text.data, 0};
        if (!strcmp(seal, "yes") || !strcmp(seal, "true"))
            s.seal = 1;
        else if (*seal && strcmp(seal, "no") && strcmp(seal, "false"))
            rc = (rerr(r, SY_ERR_DATA, n->line, n->column, NULL,
                       "'seal' must be yes or no, not '%s'", seal),
                  -1);
        if (rc == 0 && sy_block_add_signatory(c->sigs, &s) != 0)
            rc = nomem(r, n);
        if (rc == 0)
            rc = put_signer_spans(r, n, c->sigs, fields);
    }
    for (int i = 0; i < F_COUNT; i++) {
        sy_buf_free(&fields[i].text);
        free(fields[i].spans);
    }
    return rc;
}

/* One 'field: value' line of a signer, into the signer's field: its text
 * and the spans its expressions printed (copied out of r->spans, which the
 * next line reuses). */
static int render_field(render *r, const tpl_node *n, ctx *c)
{
    if (!c->fields || n->num < 0 || n->num >= F_COUNT)
        return -1; /* the parser only makes fields inside a signer */
    signer_field *f = &c->fields[n->num];
    f->text.len = 0; /* a field given twice (in a loop, say) keeps the last value */
    f->nspans = 0;
    f->mark = mark_of(r, n->line, n->column);
    int rc = line_text(r, &n->inl, &f->text);
    if (r->nspans) {
        line_span *v = realloc(f->spans, r->nspans * sizeof *v);
        if (!v) {
            r->nspans = 0;
            return nomem(r, n);
        }
        memcpy(v, r->spans, r->nspans * sizeof *v);
        f->spans = v;
        f->nspans = r->nspans;
    }
    r->nspans = 0;
    return rc;
}

/* A page break, a rule or vertical space. */
static int render_spacer(render *r, const tpl_node *n, ctx *c, sy_mark m)
{
    close_all(c);
    sy_block *b = n->kind == N_PAGEBREAK ? sy_blocks_add_page_break(c->out, m)
        : n->kind == N_RULE              ? sy_blocks_add_rule(c->out, m)
                                         : sy_blocks_add_space(c->out, m, n->points);
    return b ? 0 : nomem(r, n);
}

/* An included template file, rendered in place (its errors name it). */
static int render_include(render *r, const tpl_node *n, ctx *c)
{
    if (n->num < 0 || (size_t)n->num >= r->t->nfiles)
        return -1;
    if (step(r, n->line, n->column, 1) != 0)
        return -1;
    const tpl_file *saved = r->file;
    r->file = &r->t->files[n->num];
    int rc = render_nodes(r, &r->file->root->kids, c, NULL);
    r->file = saved;
    return rc;
}

/* One block-level node, by kind. */
static int render_block(render *r, const tpl_node *n, ctx *c)
{
    sy_mark m = mark_of(r, n->line, n->column);
    if (check_placement(r, n, c) != 0)
        return -1;
    int stmt = is_statement(n);
    if (!stmt && add_output(r, n->line, n->column, SY_TPL_BLOCK_BYTES) != 0)
        return -1;
    r->at_line = n->line;
    r->at_col = n->column;
    switch (n->kind) {
    case N_BLANK:
        close_all(c);
        return 0;
    case N_TEXT:
        return render_text(r, n, c, m);
    case N_HEADING:
    case N_ITEM:
        return render_heading_or_item(r, n, c, m);
    case N_ARTICLE:
        return render_article(r, n, c, m);
    case N_PAIR:
        return render_pair(r, n, c, m);
    case N_KEEP:
        return render_keep(r, n, c, m);
    case N_STYLE:
        return render_style(r, n, c);
    case N_SIGNATURES:
        return render_signatures(r, n, c, m);
    case N_SIGNER:
        return render_signer(r, n, c);
    case N_FIELD:
        return render_field(r, n, c);
    case N_IMAGE:
        close_all(c);
        return sy_blocks_add_image(c->out, m, n->str) ? 0 : nomem(r, n);
    case N_PAGEBREAK:
    case N_RULE:
    case N_SPACE:
        return render_spacer(r, n, c, m);
    case N_IF:
        return render_if(r, n, c, NULL);
    case N_FOR:
        return render_for(r, n, c, NULL);
    case N_INCLUDE:
        return render_include(r, n, c);
    default:
        return 0;
    }
}

/* Block mode when inl is NULL, else inline mode appending to inl. Keeps
 * going after an error (to report the next one) unless a limit was hit. */
static int render_nodes(render *r, const tpl_nvec *v, ctx *c, sy_buf *inl)
{
    int rc = 0;
    for (size_t i = 0; i < v->n && !r->fatal; i++) {
        const tpl_node *n = v->v[i];
        int one;
        if (step(r, n->line, n->column, 1) != 0)
            return -1;
        if (!inl)
            one = render_block(r, n, c);
        else if (n->kind == N_LIT)
            one = (sy_buf_put(inl, n->str, n->len), 0);
        else if (n->kind == N_EXPR)
            one = print_expr(r, n->expr, inl);
        else if (n->kind == N_IF)
            one = render_if(r, n, c, inl);
        else if (n->kind == N_FOR)
            one = render_for(r, n, c, inl);
        else
            one = 0;
        if (one != 0)
            rc = -1;
        if (inl && inl->len > SY_LIMIT_PARAGRAPH_BYTES && !r->fatal) {
            rerr(r, SY_ERR_LIMIT, n->line, n->column, NULL, "a paragraph longer than %u bytes",
                 SY_LIMIT_PARAGRAPH_BYTES);
            rc = -1;
        }
    }
    return r->fatal ? -1 : rc;
}

/* ---- Static check of filter names, so that a misspelt filter in a branch
 * the data does not take is still reported ---- */

static void check_expr(render *r, const tpl_expr *e)
{
    if (!e)
        return;
    if (e->kind == EX_FILTER && !tpl_env_find(r->env, e->name, e->len)) {
        sy_suggest sg;
        sy_suggest_init(&sg, e->name, e->len, TPL_SUGGEST_EDITS);
        for (size_t i = 0; i < tpl_env_count(r->env); i++)
            sy_suggest_try(&sg, tpl_env_name_at(r->env, i));
        if (sg.best)
            rerr_hint(r, e->line, e->column, e->name, strlen(e->name), sg.best,
                      "unknown filter '%s'", e->name);
        else
            rerr(r, SY_ERR_DATA, e->line, e->column, NULL, "unknown filter '%s'", e->name);
    }
    check_expr(r, e->a);
    check_expr(r, e->b);
    for (size_t i = 0; i < e->nargs; i++)
        check_expr(r, e->args[i]);
}

static void check_node(render *r, const tpl_node *n)
{
    check_expr(r, n->expr);
    for (size_t i = 0; i < n->kids.n; i++)
        check_node(r, n->kids.v[i]);
    for (size_t i = 0; i < n->kids2.n; i++)
        check_node(r, n->kids2.v[i]);
    for (size_t i = 0; i < n->inl.n; i++)
        check_node(r, n->inl.v[i]);
}

/* Renders the file `entry` of tpl (the entry file or the cover sheet). */
static sy_doc *render_entry(const sy_tpl *tpl, size_t entry, const sy_tpl_env *env,
                            const sy_value *data, const sy_value *paths_root, sy_diags *diags)
{
    if (!tpl || !env || entry >= tpl->nfiles) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                     "rendering needs a loaded template and a filter environment");
        return NULL;
    }
    render r;
    memset(&r, 0, sizeof r);
    r.t = tpl;
    r.env = env;
    r.diags = diags;
    r.data = data;
    r.paths_root = paths_root;
    r.first_diag = sy_diags_count(diags);
    for (size_t i = 0; i < tpl->nfiles; i++) {
        r.file = &tpl->files[i];
        check_node(&r, r.file->root);
    }
    if (r.errors)
        return NULL;
    r.doc = sy_doc_new();
    r.file = &tpl->files[entry];
    if (!r.doc) {
        rerr(&r, SY_ERR_NOMEM, 0, 0, NULL, "out of memory");
        return NULL;
    }
    sy_doc_set_layout(r.doc, tpl->layout);
    sy_doc_set_style(r.doc, tpl->style);
    ctx c;
    memset(&c, 0, sizeof c);
    c.out = sy_doc_body(r.doc);
    c.lang = -1;
    c.role = "body";
    c.align = SY_ALIGN_LEFT;
    render_nodes(&r, &r.file->root->kids, &c, NULL);
    close_all(&c);
    free(r.spans);
    path_index_free(&r.paths);
    if (!r.errors && sy_doc_failed(r.doc))
        rerr(&r, SY_ERR_NOMEM, 0, 0, NULL, "out of memory while building the document");
    if (r.errors) {
        sy_doc_free(r.doc);
        return NULL;
    }
    return r.doc;
}

sy_doc *sy_tpl_render(const sy_tpl *tpl, const sy_tpl_env *env, const sy_value *data,
                      sy_diags *diags)
{
    return render_entry(tpl, tpl ? tpl->entry : 0, env, data, NULL, diags);
}

sy_doc *sy_tpl_render_cover(const sy_tpl *tpl, const sy_tpl_env *env, const sy_value *data,
                            const sy_value *paths, sy_diags *diags)
{
    if (tpl && !tpl->has_cover) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                     "template '%s' has no cover sheet (a 'cover:' line in its manifest)",
                     tpl->name ? tpl->name : "?");
        return NULL;
    }
    return render_entry(tpl, tpl ? tpl->cover : 0, env, data, paths, diags);
}
