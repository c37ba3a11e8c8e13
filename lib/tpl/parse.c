/* Template parser: one file's text to a syntax tree. A template is read line
 * by line: a line holding only a `{% ... %}` tag is a block statement; any
 * other line is block markup (headings, "::: name" containers, items, ...)
 * or paragraph text, whose inline content mixes literal text, `{{ }}`
 * expressions and same-line `{% if %}`/`{% for %}` tags. Markup is decided
 * here from the template's own text, so data can never create blocks. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "core/utf8.h"
#include "tpl/internal.h"

const char *const tpl_field_names[F_COUNT] = {"party",    "name-km",  "name-en",
                                              "title-km", "title-en", "seal"};

int tpl_nvec_push(sy_arena *a, tpl_nvec *v, tpl_node *n)
{
    if (!n)
        return -1;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 4;
        tpl_node **nv = sy_arena_alloc(a, cap * sizeof *nv);
        if (!nv)
            return -1;
        if (v->n)
            memcpy(nv, v->v, v->n * sizeof *nv);
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = n;
    return 0;
}

/* ---- Paths ---- */

const char *tpl_normalise_path(sy_arena *a, const char *p, size_t len, const char **why)
{
    if (len == 0) {
        *why = "the path is empty";
        return NULL;
    }
    if (p[0] == '/') {
        *why = "absolute paths are not allowed: name a file inside the template folder";
        return NULL;
    }
    size_t start = 0;
    const char *last = p;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && (p[i] == '\\' || p[i] == 0 || (unsigned char)p[i] < 0x20)) {
            *why = "the path has a backslash or a control character";
            return NULL;
        }
        if (i == len || p[i] == '/') {
            size_t n = i - start;
            if (n == 2 && p[start] == '.' && p[start + 1] == '.') {
                *why = "'..' is not allowed: a template reads only files inside its folder";
                return NULL;
            }
            if (n == 0 || (n == 1 && p[start] == '.')) {
                *why = "the path has an empty or '.' part";
                return NULL;
            }
            last = p + start;
            start = i + 1;
        }
    }
    int has_ext = memchr(last, '.', (size_t)(p + len - last)) != NULL;
    char *out = sy_arena_alloc(a, len + 5);
    if (!out) {
        *why = "out of memory";
        return NULL;
    }
    memcpy(out, p, len);
    if (!has_ext)
        memcpy(out + len, ".tpl", 5);
    return out;
}

/* ---- Parser state ---- */

typedef enum frame_kind { FR_ROOT, FR_IF, FR_FOR, FR_BLOCK } frame_kind;

typedef struct frame {
    frame_kind kind;
    tpl_node *node;
    tpl_nvec *out;
    int else_seen;
} frame;

/* The root's frame, then the open blocks and statements of the file. */
enum { MAX_FRAMES = SY_LIMIT_TPL_BLOCK_DEPTH + 1 };

typedef struct parser {
    sy_arena *a;
    tpl_file *f;
    sy_diags *diags;
    int errors;
    const char *line; /* current line start */
    size_t linelen;
    int lineno;
    frame frames[MAX_FRAMES];
    int nframes;
    int stopped; /* a limit was hit: the rest of the file is not read */
    int comment_line, comment_col; /* an open multi-line comment, or 0 */
    const char *col_line; /* col_of's memo: line, offset, column */
    size_t col_off;
    int col_val;
} parser;

__attribute__((format(printf, 4, 5))) static void perr(parser *p, int line, int col,
                                                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sy_diags_addv(p->diags, SY_SEV_ERROR, SY_ERR_DATA, p->f->display, line, col, NULL, fmt, ap);
    va_end(ap);
    p->errors++;
}

/* perr with a "did you mean 'hint'?" (the diagnostic's suggestion), about
 * the word word[0..wlen) that starts at the column. */
__attribute__((format(printf, 7, 8))) static void perr_hint(parser *p, int line, int col,
                                                            const char *word, size_t wlen,
                                                            const char *hint, const char *fmt, ...)
{
    size_t chars = sy_utf8_count(word, wlen);
    sy_diag e = {.severity = SY_SEV_ERROR,
                 .code = SY_ERR_DATA,
                 .file = p->f->display,
                 .line = line,
                 .column = col,
                 .suggestion = hint,
                 .suggest_form = SY_SUGGEST_PAREN_SINGLE,
                 .length = chars < SY_LIMIT_LINE_BYTES ? (int)chars : 0};
    va_list ap;
    va_start(ap, fmt);
    sy_diags_pushv(p->diags, &e, fmt, ap);
    va_end(ap);
    p->errors++;
}

/* 1-based column, in characters, of byte offset off in the current line.
 * Remembers the last answer and walks from there, forward or back: callers
 * move along the line and step back only to the start of the expression
 * being built, so a long line costs its length times the expression depth,
 * not its length squared. */
static int col_of(const parser *p, size_t off)
{
    parser *mp = (parser *)p;
    size_t i = 0;
    int col = 1;
    if (off > p->linelen)
        off = p->linelen;
    if (mp->col_line == p->line) {
        i = mp->col_off;
        col = mp->col_val;
        for (; i > off; i--)
            if (((unsigned char)p->line[i - 1] & 0xC0) != 0x80)
                col--;
    }
    for (; i < off; i++)
        if (((unsigned char)p->line[i] & 0xC0) != 0x80)
            col++;
    mp->col_line = p->line;
    mp->col_off = i;
    mp->col_val = col;
    return col;
}

static tpl_node *new_node(parser *p, tpl_node_kind k, int col)
{
    tpl_node *n = sy_arena_alloc(p->a, sizeof *n);
    if (n) {
        n->kind = k;
        n->line = p->lineno;
        n->column = col;
    }
    return n;
}

/* ---- Expressions ---- */

typedef struct lexer {
    parser *p;
    const char *s; /* whole line */
    size_t pos, end;
    int depth;
    int failed;
} lexer;

static void skip_ws(lexer *x)
{
    while (x->pos < x->end && (x->s[x->pos] == ' ' || x->s[x->pos] == '\t'))
        x->pos++;
}

static int is_ident_start(char c)
{
    return isalpha((unsigned char)c) || c == '_';
}

static int is_ident(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

__attribute__((format(printf, 3, 4))) static void xerr(lexer *x, size_t pos, const char *fmt, ...)
{
    if (x->failed)
        return; /* one error per expression: the rest would be noise */
    x->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    sy_diags_addv(x->p->diags, SY_SEV_ERROR, SY_ERR_DATA, x->p->f->display, x->p->lineno,
                  col_of(x->p, pos), NULL, fmt, ap);
    va_end(ap);
    x->p->errors++;
}

/* Identifier at pos (after spaces); length 0 when none. Does not consume. */
static size_t peek_ident(lexer *x)
{
    skip_ws(x);
    size_t i = x->pos;
    if (i < x->end && is_ident_start(x->s[i]))
        while (i < x->end && is_ident(x->s[i]))
            i++;
    return i - x->pos;
}

static int peek_word(lexer *x, const char *w)
{
    size_t n = peek_ident(x);
    return n == strlen(w) && !memcmp(x->s + x->pos, w, n);
}

static int accept(lexer *x, const char *tok)
{
    skip_ws(x);
    size_t n = strlen(tok);
    if (x->end - x->pos >= n && !memcmp(x->s + x->pos, tok, n)) {
        x->pos += n;
        return 1;
    }
    return 0;
}

static int is_keyword(const char *s, size_t n)
{
    static const char *const kw[] = {"and",   "or",  "not",    "in",      "if",   "elif",  "else",
                                     "endif", "for", "endfor", "include", "true", "false", "none"};
    for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
        if (strlen(kw[i]) == n && !memcmp(kw[i], s, n))
            return 1;
    return 0;
}

static tpl_expr *new_expr(lexer *x, tpl_expr_kind k, size_t pos)
{
    tpl_expr *e = sy_arena_alloc(x->p->a, sizeof *e);
    if (!e) {
        x->failed = 1;
        return NULL;
    }
    e->kind = k;
    e->line = x->p->lineno;
    e->column = col_of(x->p, pos);
    e->src = x->s + pos;
    e->height = 1;
    return e;
}

static void too_deep(lexer *x, size_t pos)
{
    xerr(x, pos,
         "expression nested too deeply: more than %d levels of operators, filters, indexes "
         "and parentheses",
         SY_LIMIT_TPL_EXPR_DEPTH);
}

/* Sets e's height from its operands (the evaluator and the filter check
 * recurse that deep). A chain such as a[0][0]... or x | f | f ... is parsed
 * by a loop but evaluated by recursion, so its length is bounded here, at
 * the operator (byte pos) that goes past the limit. Returns -1 then. */
static int set_height(lexer *x, tpl_expr *e, size_t pos)
{
    int h = 0;
    if (e->a && e->a->height > h)
        h = e->a->height;
    if (e->b && e->b->height > h)
        h = e->b->height;
    for (size_t i = 0; i < e->nargs; i++)
        if (e->args[i]->height > h)
            h = e->args[i]->height;
    e->height = h + 1;
    if (e->height > SY_LIMIT_TPL_EXPR_DEPTH) {
        too_deep(x, pos);
        return -1;
    }
    return 0;
}

static void finish(lexer *x, tpl_expr *e, size_t start)
{
    if (e && x->pos >= start) {
        e->srclen = x->pos - start;
        while (e->srclen && (e->src[e->srclen - 1] == ' ' || e->src[e->srclen - 1] == '\t'))
            e->srclen--;
    }
}

static tpl_expr *parse_expr(lexer *x);

static tpl_expr *parse_string(lexer *x)
{
    size_t start = x->pos;
    x->pos++; /* opening quote */
    char *out = sy_arena_alloc(x->p->a, x->end - x->pos + 1);
    size_t n = 0;
    while (x->pos < x->end && x->s[x->pos] != '"') {
        char c = x->s[x->pos++];
        if (c == '\\' && x->pos < x->end) {
            char e = x->s[x->pos++];
            c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
            if (e != 'n' && e != 't' && e != '"' && e != '\\') {
                xerr(x, x->pos - 2, "unknown escape '\\%c' in a string (use \\\", \\\\, \\n)", e);
                return NULL;
            }
        }
        if (out)
            out[n++] = c;
    }
    if (x->pos >= x->end) {
        xerr(x, start, "string not closed: a '\"' is missing");
        return NULL;
    }
    x->pos++;
    tpl_expr *e = new_expr(x, EX_STR, start);
    if (e && out) {
        out[n] = 0;
        e->name = out;
        e->len = n;
    }
    finish(x, e, start);
    return e;
}

static tpl_expr *parse_primary(lexer *x)
{
    skip_ws(x);
    size_t start = x->pos;
    if (x->pos >= x->end) {
        xerr(x, x->pos, "an expression is missing here");
        return NULL;
    }
    char c = x->s[x->pos];
    if (c == '"')
        return parse_string(x);
    if (c == '(') {
        x->pos++;
        tpl_expr *e = parse_expr(x);
        if (!e)
            return NULL;
        if (!accept(x, ")")) {
            xerr(x, x->pos, "')' expected");
            return NULL;
        }
        return e;
    }
    if (isdigit((unsigned char)c) ||
        (c == '-' && x->pos + 1 < x->end && isdigit((unsigned char)x->s[x->pos + 1]))) {
        int neg = c == '-';
        if (neg)
            x->pos++;
        long long v = 0;
        while (x->pos < x->end && isdigit((unsigned char)x->s[x->pos])) {
            if (v > (INT64_MAX - 9) / 10) {
                xerr(x, start, "number too large");
                return NULL;
            }
            v = v * 10 + (x->s[x->pos++] - '0');
        }
        if (x->pos < x->end && is_ident(x->s[x->pos])) {
            xerr(x, start, "a number followed by letters");
            return NULL;
        }
        tpl_expr *e = new_expr(x, EX_INT, start);
        if (e)
            e->num = neg ? -v : v;
        finish(x, e, start);
        return e;
    }
    size_t n = peek_ident(x);
    if (!n) {
        xerr(x, x->pos, "unexpected '%c': a name, a number or a \"string\" was expected", c);
        return NULL;
    }
    const char *w = x->s + x->pos;
    x->pos += n;
    tpl_expr *e;
    if ((n == 4 && !memcmp(w, "true", 4)) || (n == 5 && !memcmp(w, "false", 5))) {
        e = new_expr(x, EX_BOOL, start);
        if (e)
            e->num = n == 4;
    } else if (n == 4 && !memcmp(w, "none", 4)) {
        e = new_expr(x, EX_NONE, start);
    } else if (is_keyword(w, n)) {
        xerr(x, start, "'%.*s' is a keyword, not a value", (int)n, w);
        return NULL;
    } else {
        e = new_expr(x, EX_VAR, start);
        if (e) {
            e->name = sy_arena_strndup(x->p->a, w, n);
            e->len = n;
        }
    }
    finish(x, e, start);
    return e;
}

static tpl_expr *parse_postfix(lexer *x)
{
    size_t start = (skip_ws(x), x->pos);
    tpl_expr *e = parse_primary(x);
    while (e) {
        size_t op = x->pos;
        if (x->pos < x->end && x->s[x->pos] == '.') {
            x->pos++;
            size_t i = x->pos;
            while (i < x->end && is_ident(x->s[i]))
                i++;
            if (i == x->pos) {
                xerr(x, x->pos, "a name is expected after '.'");
                return NULL;
            }
            tpl_expr *at = new_expr(x, EX_ATTR, start);
            if (!at)
                return NULL;
            at->a = e;
            at->name = sy_arena_strndup(x->p->a, x->s + x->pos, i - x->pos);
            at->len = i - x->pos;
            at->column = e->column;
            x->pos = i;
            finish(x, at, start);
            if (set_height(x, at, op) != 0)
                return NULL;
            e = at;
        } else if (x->pos < x->end && x->s[x->pos] == '[') {
            x->pos++;
            tpl_expr *ix = new_expr(x, EX_INDEX, start);
            if (!ix)
                return NULL;
            ix->a = e;
            ix->b = parse_expr(x);
            if (!ix->b)
                return NULL;
            if (!accept(x, "]")) {
                xerr(x, x->pos, "']' expected");
                return NULL;
            }
            finish(x, ix, start);
            if (set_height(x, ix, op) != 0)
                return NULL;
            e = ix;
        } else {
            break;
        }
    }
    return e;
}

static tpl_expr *parse_filtered(lexer *x)
{
    size_t start = (skip_ws(x), x->pos);
    tpl_expr *e = parse_postfix(x);
    while (e) {
        skip_ws(x);
        if (x->pos >= x->end || x->s[x->pos] != '|')
            break;
        size_t op = x->pos++;
        size_t n = peek_ident(x);
        if (!n) {
            xerr(x, x->pos, "a filter name is expected after '|'");
            return NULL;
        }
        tpl_expr *f = new_expr(x, EX_FILTER, x->pos);
        if (!f)
            return NULL;
        f->a = e;
        f->name = sy_arena_strndup(x->p->a, x->s + x->pos, n);
        f->len = n;
        x->pos += n;
        if (accept(x, "(")) {
            tpl_expr *args[16];
            size_t na = 0;
            if (!accept(x, ")")) {
                for (;;) {
                    if (na == sizeof args / sizeof *args) {
                        xerr(x, x->pos, "too many filter arguments");
                        return NULL;
                    }
                    args[na] = parse_expr(x);
                    if (!args[na])
                        return NULL;
                    na++;
                    if (accept(x, ")"))
                        break;
                    if (!accept(x, ",")) {
                        xerr(x, x->pos, "',' or ')' expected in the filter's arguments");
                        return NULL;
                    }
                }
            }
            f->args = sy_arena_alloc(x->p->a, (na ? na : 1) * sizeof *f->args);
            if (!f->args)
                return NULL;
            memcpy(f->args, args, na * sizeof *args);
            f->nargs = na;
        }
        f->src = x->s + start;
        finish(x, f, start);
        if (set_height(x, f, op) != 0)
            return NULL;
        e = f;
    }
    return e;
}

static tpl_expr *parse_cmp(lexer *x)
{
    size_t start = (skip_ws(x), x->pos);
    tpl_expr *e = parse_filtered(x);
    if (!e)
        return NULL;
    static const struct {
        const char *tok;
        tpl_expr_kind k;
    } ops[] = {{"==", EX_EQ}, {"!=", EX_NE}, {"<=", EX_LE},
               {">=", EX_GE}, {"<", EX_LT},  {">", EX_GT}};
    skip_ws(x);
    size_t op = x->pos;
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        if (accept(x, ops[i].tok)) {
            tpl_expr *c = new_expr(x, ops[i].k, start);
            if (!c)
                return NULL;
            c->a = e;
            c->b = parse_filtered(x);
            if (!c->b)
                return NULL;
            finish(x, c, start);
            return set_height(x, c, op) == 0 ? c : NULL;
        }
    }
    if (accept(x, "=")) {
        xerr(x, x->pos - 1, "'=' is not a comparison: write '=='");
        return NULL;
    }
    return e;
}

static tpl_expr *parse_not(lexer *x)
{
    size_t start = (skip_ws(x), x->pos);
    if (!peek_word(x, "not"))
        return parse_cmp(x);
    /* 'not not ...' recurses here: a level of the parser as of the tree */
    if (++x->depth > SY_LIMIT_TPL_EXPR_DEPTH) {
        too_deep(x, start);
        return NULL;
    }
    x->pos += 3;
    tpl_expr *e = new_expr(x, EX_NOT, start);
    if (e) {
        e->a = parse_not(x);
        if (!e->a || set_height(x, e, start) != 0)
            e = NULL;
    }
    finish(x, e, start);
    x->depth--;
    return e;
}

static tpl_expr *parse_binary(lexer *x, int level)
{
    size_t start = (skip_ws(x), x->pos);
    tpl_expr *e = level == 0 ? parse_binary(x, 1) : parse_not(x);
    const char *w = level == 0 ? "or" : "and";
    while (e && peek_word(x, w)) {
        size_t op = x->pos;
        x->pos += strlen(w);
        tpl_expr *b = new_expr(x, level == 0 ? EX_OR : EX_AND, start);
        if (!b)
            return NULL;
        b->a = e;
        b->b = level == 0 ? parse_binary(x, 1) : parse_not(x);
        if (!b->b)
            return NULL;
        finish(x, b, start);
        if (set_height(x, b, op) != 0)
            return NULL;
        e = b;
    }
    return e;
}

static tpl_expr *parse_expr(lexer *x)
{
    if (++x->depth > SY_LIMIT_TPL_EXPR_DEPTH) {
        too_deep(x, x->pos);
        return NULL;
    }
    tpl_expr *e = parse_binary(x, 0);
    x->depth--;
    return e;
}

/* A whole expression filling [pos, end) of the line. */
static tpl_expr *parse_full_expr(parser *p, size_t pos, size_t end, const char *what)
{
    lexer x = {p, p->line, pos, end, 0, 0};
    skip_ws(&x);
    if (x.pos >= end) {
        xerr(&x, pos, "%s", what);
        return NULL;
    }
    tpl_expr *e = parse_expr(&x);
    skip_ws(&x);
    if (e && x.pos < end) {
        size_t stop = end;
        while (stop > x.pos && (p->line[stop - 1] == ' ' || p->line[stop - 1] == '\t'))
            stop--;
        xerr(&x, x.pos, "unexpected '%.*s' after the expression", (int)(stop - x.pos),
             p->line + x.pos);
        return NULL;
    }
    return x.failed ? NULL : e;
}

/* ---- Line lexing: text, {{ expr }}, {% tag %}, {# comment #} ---- */

typedef enum seg_kind { SEG_TEXT, SEG_EXPR, SEG_TAG, SEG_COMMENT } seg_kind;

typedef struct seg {
    seg_kind kind;
    size_t start, end; /* the inside of the tag, or the text */
    size_t open; /* offset of "{{" etc. */
} seg;

enum { MAX_SEGS = 256 };

/* Finds the closing delimiter of a tag opened at `from`, skipping string
 * literals. Returns its offset or (size_t)-1. */
static size_t find_close(const parser *p, size_t from, char c1)
{
    int in_str = 0;
    for (size_t i = from; i + 1 < p->linelen + 1 && i < p->linelen; i++) {
        char c = p->line[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = 0;
        } else if (c == '"' && c1 != '#') {
            in_str = 1;
        } else if (c == c1 && i + 1 < p->linelen && p->line[i + 1] == '}') {
            return i;
        }
    }
    return (size_t)-1;
}

/* Splits the current line from byte `from` on. A "{#" not closed on its line
 * opens a comment that runs over the next lines (p->comment_line). */
static int lex_line(parser *p, size_t from, seg *segs, int *nsegs)
{
    int n = 0;
    size_t i = from, text_start = from;
    while (i < p->linelen) {
        if (p->line[i] == '{' && i + 1 < p->linelen &&
            (p->line[i + 1] == '{' || p->line[i + 1] == '%' || p->line[i + 1] == '#')) {
            char o = p->line[i + 1];
            char c1 = o == '{' ? '}' : o;
            size_t close = find_close(p, i + 2, c1);
            if (close == (size_t)-1 && o == '#') {
                if (i > text_start)
                    segs[n++] = (seg){SEG_TEXT, text_start, i, text_start};
                segs[n++] = (seg){SEG_COMMENT, i + 2, p->linelen, i};
                p->comment_line = p->lineno;
                p->comment_col = col_of(p, i);
                *nsegs = n;
                return 0;
            }
            if (close == (size_t)-1) {
                perr(p, p->lineno, col_of(p, i),
                     "'{%c' is not closed on this line (a tag must end on the line it starts)", o);
                return -1;
            }
            if (n + 2 > MAX_SEGS) {
                perr(p, p->lineno, col_of(p, i), "too many tags on one line");
                return -1;
            }
            if (i > text_start)
                segs[n++] = (seg){SEG_TEXT, text_start, i, text_start};
            segs[n++] = (seg){o == '{'       ? SEG_EXPR
                                  : o == '%' ? SEG_TAG
                                             : SEG_COMMENT,
                              i + 2, close, i};
            i = close + 2;
            text_start = i;
        } else {
            i++;
        }
    }
    if (p->linelen > text_start) {
        if (n + 1 > MAX_SEGS) {
            perr(p, p->lineno, 1, "too many tags on one line");
            return -1;
        }
        segs[n++] = (seg){SEG_TEXT, text_start, p->linelen, text_start};
    }
    *nsegs = n;
    return 0;
}

static int all_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* ---- Tags ---- */

typedef enum tag_kind { T_IF, T_ELIF, T_ELSE, T_ENDIF, T_FOR, T_ENDFOR, T_INCLUDE, T_BAD } tag_kind;

typedef struct tag {
    tag_kind kind;
    tpl_expr *expr;
    const char *var; /* for */
    const char *path; /* include, normalised */
    int col;
} tag;

static const char *const tag_words[] = {"if", "elif", "else", "endif", "for", "endfor", "include"};

static int parse_tag(parser *p, const seg *s, tag *t)
{
    lexer x = {p, p->line, s->start, s->end, 0, 0};
    t->col = col_of(p, s->open);
    t->expr = NULL;
    t->var = t->path = NULL;
    size_t n = peek_ident(&x);
    size_t wpos = x.pos;
    t->kind = T_BAD;
    for (size_t i = 0; i < sizeof tag_words / sizeof *tag_words; i++)
        if (strlen(tag_words[i]) == n && !memcmp(tag_words[i], p->line + x.pos, n))
            t->kind = (tag_kind)i;
    if (t->kind == T_BAD) {
        sy_suggest sg;
        sy_suggest_init(&sg, p->line + x.pos, n, TPL_SUGGEST_EDITS);
        for (size_t i = 0; i < sizeof tag_words / sizeof *tag_words; i++)
            sy_suggest_try(&sg, tag_words[i]);
        if (!n)
            perr(p, p->lineno, t->col, "empty '{%% %%}': a statement is missing");
        else if (sg.best)
            perr_hint(p, p->lineno, col_of(p, wpos), p->line + wpos, n, sg.best,
                      "unknown statement '%.*s'", (int)n, p->line + wpos);
        else
            perr(p, p->lineno, col_of(p, wpos),
                 "unknown statement '%.*s' (statements: if, elif, else, endif, for, endfor, "
                 "include)",
                 (int)n, p->line + wpos);
        return -1;
    }
    x.pos += n;
    switch (t->kind) {
    case T_IF:
    case T_ELIF:
        t->expr = parse_full_expr(p, x.pos, s->end,
                                  t->kind == T_IF ? "'if' needs a condition"
                                                  : "'elif' needs a condition");
        return t->expr ? 0 : -1;
    case T_FOR: {
        size_t vn = peek_ident(&x);
        if (!vn || is_keyword(p->line + x.pos, vn)) {
            perr(p, p->lineno, col_of(p, x.pos),
                 "'for' needs a loop variable: {%% for p in parties %%}");
            return -1;
        }
        if (vn == 4 && !memcmp(p->line + x.pos, "loop", 4)) {
            perr(p, p->lineno, col_of(p, x.pos),
                 "'loop' is reserved for loop.index, loop.first, ...");
            return -1;
        }
        t->var = sy_arena_strndup(p->a, p->line + x.pos, vn);
        x.pos += vn;
        if (!peek_word(&x, "in")) {
            perr(p, p->lineno, col_of(p, x.pos), "'in' expected: {%% for p in parties %%}");
            return -1;
        }
        x.pos += 2;
        t->expr = parse_full_expr(p, x.pos, s->end, "'for' needs a list after 'in'");
        return t->expr ? 0 : -1;
    }
    case T_INCLUDE: {
        skip_ws(&x);
        if (x.pos >= s->end || p->line[x.pos] != '"') {
            perr(p, p->lineno, col_of(p, x.pos),
                 "'include' takes a quoted path: {%% include \"clauses/name\" %%}");
            return -1;
        }
        tpl_expr *str = parse_string(&x);
        if (!str)
            return -1;
        skip_ws(&x);
        if (x.pos < s->end) {
            perr(p, p->lineno, col_of(p, x.pos), "unexpected text after the include path");
            return -1;
        }
        const char *why = NULL;
        t->path = tpl_normalise_path(p->a, str->name, str->len, &why);
        if (!t->path) {
            perr(p, p->lineno, str->column, "cannot include \"%s\": %s", str->name, why);
            return -1;
        }
        return 0;
    }
    default:
        skip_ws(&x);
        if (x.pos < s->end) {
            perr(p, p->lineno, col_of(p, x.pos), "unexpected text after '%s'", tag_words[t->kind]);
            return -1;
        }
        return 0;
    }
}

/* ---- Inline content of one line ---- */

typedef struct iframe {
    tpl_node *node; /* N_IF or N_FOR */
    tpl_nvec *out;
    int else_seen;
} iframe;

/* Same-line statements open while one line's inline content is read. */
typedef struct inline_state {
    iframe stack[16];
    int depth;
    tpl_nvec *line_out; /* the line's top level */
    tpl_nvec *cur; /* where the next piece goes */
} inline_state;

/* A literal text or `{{ expr }}` piece, appended to out. */
static void inline_piece(parser *p, const seg *s, tpl_nvec *out)
{
    if (s->kind == SEG_TEXT) {
        tpl_node *n = new_node(p, N_LIT, col_of(p, s->start));
        if (n) {
            n->str = p->line + s->start;
            n->len = s->end - s->start;
        }
        tpl_nvec_push(p->a, out, n);
        return;
    }
    tpl_node *n = new_node(p, N_EXPR, col_of(p, s->open));
    if (n)
        n->expr = parse_full_expr(p, s->start, s->end, "empty '{{ }}': an expression is missing");
    if (n && n->expr)
        tpl_nvec_push(p->a, out, n);
}

/* A same-line `{% if %}` or `{% for %}`: opens a statement on the line. */
static int inline_open(parser *p, inline_state *is, const tag *t)
{
    if (is->depth == (int)(sizeof is->stack / sizeof *is->stack)) {
        perr(p, p->lineno, t->col, "statements nested too deeply on one line");
        return -1;
    }
    tpl_node *n = new_node(p, t->kind == T_IF ? N_IF : N_FOR, t->col);
    if (!n)
        return -1;
    n->str = t->var;
    tpl_nvec_push(p->a, is->cur, n);
    iframe *f = &is->stack[is->depth];
    f->node = n;
    f->else_seen = 0;
    if (t->kind == T_IF) {
        tpl_node *b = new_node(p, N_BRANCH, t->col);
        if (!b)
            return -1;
        b->expr = t->expr;
        tpl_nvec_push(p->a, &n->kids, b);
        is->cur = &b->kids;
    } else {
        n->expr = t->expr;
        is->cur = &n->kids;
    }
    f->out = is->cur;
    is->depth++;
    return 0;
}

/* A same-line `{% elif %}` or `{% else %}`: a new branch of the line's open if. */
static int inline_branch(parser *p, inline_state *is, const tag *t)
{
    iframe *f = is->depth ? &is->stack[is->depth - 1] : NULL;
    if (!f || f->node->kind != N_IF || f->else_seen) {
        perr(p, p->lineno, t->col, "'%s' without a matching '{%% if %%}' on this line",
             tag_words[t->kind]);
        return -1;
    }
    tpl_node *b = new_node(p, N_BRANCH, t->col);
    if (!b)
        return -1;
    b->expr = t->expr;
    tpl_nvec_push(p->a, &f->node->kids, b);
    f->else_seen = t->kind == T_ELSE;
    is->cur = f->out = &b->kids;
    return 0;
}

/* A same-line `{% endif %}` or `{% endfor %}`: closes the line's open statement. */
static int inline_close(parser *p, inline_state *is, const tag *t)
{
    tpl_node_kind want = t->kind == T_ENDIF ? N_IF : N_FOR;
    if (!is->depth || is->stack[is->depth - 1].node->kind != want) {
        perr(p, p->lineno, t->col, "'%s' without a matching '{%% %s %%}' on this line",
             tag_words[t->kind], want == N_IF ? "if" : "for");
        return -1;
    }
    is->depth--;
    is->cur = is->depth ? is->stack[is->depth - 1].out : is->line_out;
    return 0;
}

/* A `{% %}` tag among other pieces of a line. */
static int inline_tag(parser *p, inline_state *is, const seg *s)
{
    tag t;
    if (parse_tag(p, s, &t) != 0)
        return -1;
    switch (t.kind) {
    case T_IF:
    case T_FOR:
        return inline_open(p, is, &t);
    case T_ELIF:
    case T_ELSE:
        return inline_branch(p, is, &t);
    case T_ENDIF:
    case T_ENDFOR:
        return inline_close(p, is, &t);
    case T_INCLUDE:
        perr(p, p->lineno, t.col, "'{%% include %%}' must stand alone on its line");
        return -1;
    case T_BAD:
        return -1;
    }
    return -1;
}

/* One line's segments to inline pieces in out: literal text, `{{ }}` and
 * same-line statements, which must close on the line they open. */
static int parse_inline(parser *p, const seg *segs, int nsegs, tpl_nvec *out)
{
    inline_state is;
    is.depth = 0;
    is.line_out = out;
    is.cur = out;
    for (int i = 0; i < nsegs; i++) {
        const seg *s = &segs[i];
        if (s->kind == SEG_COMMENT)
            continue;
        if (s->kind == SEG_TEXT || s->kind == SEG_EXPR)
            inline_piece(p, s, is.cur);
        else if (inline_tag(p, &is, s) != 0)
            return -1;
    }
    if (is.depth) {
        tpl_node *n = is.stack[is.depth - 1].node;
        perr(p, p->lineno, n->column,
             "'{%% %s %%}' is not closed on this line (close it on the same line, or put "
             "the statement alone on its own line)",
             n->kind == N_IF ? "if" : "for");
        return -1;
    }
    return 0;
}

/* ---- Block structure ---- */

static frame *top(parser *p)
{
    return &p->frames[p->nframes - 1];
}

/* The innermost open "::: name" block, or NULL. */
static tpl_node *open_block(parser *p)
{
    for (int i = p->nframes - 1; i >= 0; i--)
        if (p->frames[i].kind == FR_BLOCK)
            return p->frames[i].node;
    return NULL;
}

static const char *block_name(const tpl_node *n)
{
    switch (n->kind) {
    case N_ARTICLE:
        return "article";
    case N_PAIR:
        return "pair";
    case N_KEEP:
        return "keep";
    case N_STYLE:
        return "style";
    case N_SIGNATURES:
        return "signatures";
    case N_SIGNER:
        return "signer";
    default:
        return "?";
    }
}

static void describe_frame(const frame *f, char *buf, size_t size)
{
    if (f->kind == FR_IF)
        snprintf(buf, size, "'{%% if %%}' of line %d", f->node->line);
    else if (f->kind == FR_FOR)
        snprintf(buf, size, "'{%% for %%}' of line %d", f->node->line);
    else
        snprintf(buf, size, "'::: %s' of line %d", block_name(f->node), f->node->line);
}

static int push_frame(parser *p, frame_kind k, tpl_node *n, tpl_nvec *out)
{
    if (p->nframes == MAX_FRAMES) {
        /* every later line would be misplaced and every ':::' unmatched:
         * one error, and the rest of the file is not read */
        perr(p, n->line, n->column,
             "blocks and statements nested more than %d deep ('::: name', '{%% if %%}', "
             "'{%% for %%}')",
             SY_LIMIT_TPL_BLOCK_DEPTH);
        p->stopped = 1;
        return -1;
    }
    p->frames[p->nframes++] = (frame){k, n, out, 0};
    return 0;
}

/* Adds a block-level node where it belongs, checking what signature blocks
 * may hold. */
static void add_block(parser *p, tpl_node *n)
{
    if (!n)
        return;
    tpl_node *b = open_block(p);
    int stmt = n->kind == N_IF || n->kind == N_FOR || n->kind == N_INCLUDE || n->kind == N_BLANK;
    if (b && b->kind == N_SIGNATURES && !stmt && n->kind != N_SIGNER) {
        perr(p, n->line, n->column,
             "only '::: signer' blocks go inside '::: signatures' (opened at line %d)", b->line);
        return;
    }
    if (b && b->kind == N_SIGNER && !stmt && n->kind != N_FIELD) {
        perr(p, n->line, n->column,
             "only 'field: value' lines go inside '::: signer' (opened at line %d)", b->line);
        return;
    }
    if (n->kind == N_SIGNER && (!b || b->kind != N_SIGNATURES)) {
        perr(p, n->line, n->column, "'::: signer' belongs inside '::: signatures'");
        return;
    }
    tpl_nvec_push(p->a, top(p)->out, n);
}

static void statement(parser *p, const seg *s)
{
    tag t;
    if (parse_tag(p, s, &t) != 0) {
        /* keep the structure so that the matching end does not cascade */
        if (t.kind == T_IF || t.kind == T_FOR) {
            tpl_node *n = new_node(p, t.kind == T_IF ? N_IF : N_FOR, t.col);
            if (n)
                push_frame(p, t.kind == T_IF ? FR_IF : FR_FOR, n, &n->kids);
        }
        return;
    }
    frame *f = top(p);
    switch (t.kind) {
    case T_IF: {
        tpl_node *n = new_node(p, N_IF, t.col);
        tpl_node *b = new_node(p, N_BRANCH, t.col);
        if (!n || !b)
            return;
        b->expr = t.expr;
        tpl_nvec_push(p->a, &n->kids, b);
        add_block(p, n);
        push_frame(p, FR_IF, n, &b->kids);
        return;
    }
    case T_FOR: {
        tpl_node *n = new_node(p, N_FOR, t.col);
        if (!n)
            return;
        n->str = t.var;
        n->expr = t.expr;
        add_block(p, n);
        push_frame(p, FR_FOR, n, &n->kids);
        return;
    }
    case T_ELIF:
    case T_ELSE:
    case T_ENDIF:
    case T_ENDFOR: {
        frame_kind want = (t.kind == T_ENDFOR) ? FR_FOR : FR_IF;
        if (f->kind != want || (t.kind != T_ENDIF && t.kind != T_ENDFOR && f->else_seen)) {
            char what[80];
            if (f->kind == want) {
                perr(p, p->lineno, t.col, "'%s' after '{%% else %%}' (line %d has the if)",
                     tag_words[t.kind], f->node->line);
            } else if (f->kind == FR_ROOT) {
                perr(p, p->lineno, t.col, "'%s' without an open '{%% %s %%}'", tag_words[t.kind],
                     want == FR_FOR ? "for" : "if");
            } else {
                describe_frame(f, what, sizeof what);
                perr(p, p->lineno, t.col, "'%s' found while %s is still open", tag_words[t.kind],
                     what);
            }
            return;
        }
        if (t.kind == T_ENDIF || t.kind == T_ENDFOR) {
            p->nframes--;
            return;
        }
        tpl_node *b = new_node(p, N_BRANCH, t.col);
        if (!b)
            return;
        b->expr = t.expr;
        tpl_nvec_push(p->a, &f->node->kids, b);
        f->out = &b->kids;
        f->else_seen = t.kind == T_ELSE;
        return;
    }
    case T_INCLUDE: {
        tpl_node *n = new_node(p, N_INCLUDE, t.col);
        if (!n)
            return;
        n->str = t.path;
        n->num = -1;
        add_block(p, n);
        return;
    }
    case T_BAD:
        return;
    }
}

static void close_block(parser *p, int col)
{
    frame *f = top(p);
    if (f->kind != FR_BLOCK) {
        char what[80];
        if (f->kind == FR_ROOT) {
            perr(p, p->lineno, col, "':::' without an open '::: block'");
        } else {
            describe_frame(f, what, sizeof what);
            perr(p, p->lineno, col, "':::' found while %s is still open", what);
        }
        return;
    }
    if (f->node->kind == N_PAIR && !f->node->has_en)
        perr(p, f->node->line, f->node->column,
             "'::: pair' has no '--- en' line: write the Khmer side, then '--- en', then the "
             "English side");
    p->nframes--;
}

static const char *const container_names[] = {"article", "pair",       "keep",
                                              "style",   "signatures", "signer"};

static int parse_style(parser *p, tpl_node *n, const char *s, size_t len, size_t off)
{
    n->num = -1;
    n->num2 = -1;
    size_t i = 0;
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            i++;
        size_t st = i;
        while (i < len && s[i] != ' ' && s[i] != '\t')
            i++;
        if (i == st)
            break;
        const char *w = s + st;
        size_t wn = i - st;
        static const char *const aligns[] = {"left", "center", "right", "justify"};
        static const char *const langs[] = {"mixed", "km", "en"};
        int done = 0;
        for (int k = 0; k < 4 && !done; k++)
            if (strlen(aligns[k]) == wn && !memcmp(aligns[k], w, wn)) {
                n->num = k;
                done = 1;
            }
        for (int k = 0; k < 3 && !done; k++)
            if (strlen(langs[k]) == wn && !memcmp(langs[k], w, wn)) {
                n->num2 = k;
                done = 1;
            }
        if (done)
            continue;
        int ok = wn > 0 && wn < 32 && islower((unsigned char)w[0]);
        for (size_t k = 0; k < wn && ok; k++)
            ok = islower((unsigned char)w[k]) || isdigit((unsigned char)w[k]) || w[k] == '-';
        if (!ok || n->str) {
            perr(p, p->lineno, col_of(p, off + st),
                 n->str && ok ? "'::: style' takes one role name, got '%.*s' too"
                              : "'%.*s' is not a role, an alignment (left, center, right, "
                                "justify) or a language (km, en, mixed)",
                 (int)wn, w);
            return -1;
        }
        n->str = sy_arena_strndup(p->a, w, wn);
    }
    return 0;
}

/* Strips `skip` bytes (and following spaces) from the first literal piece. */
static void strip_prefix(tpl_nvec *inl, size_t skip)
{
    tpl_node *first = inl->v[0];
    first->str += skip;
    first->len -= skip;
    while (first->len && (*first->str == ' ' || *first->str == '\t')) {
        first->str++;
        first->len--;
    }
}

/* A content line after its inline parse. Its kind is decided by the literal
 * text it starts with, so markup comes from the template, never from data. */
typedef struct content {
    tpl_nvec inl; /* the line's inline pieces, outer spaces trimmed */
    const char *text; /* the first piece when it is literal, else "" */
    size_t len;
    int only_lit; /* the line is that one literal piece */
    int col; /* column of the first literal piece, or 1 */
    size_t off; /* byte offset of text in the line */
} content;

/* Parses the line's inline pieces and trims the spaces around them. */
static int read_content(parser *p, const seg *segs, int nsegs, content *c)
{
    tpl_nvec *inl = &c->inl;
    *inl = (tpl_nvec){0};
    if (parse_inline(p, segs, nsegs, inl) != 0)
        return -1;
    /* leading spaces of the line and trailing spaces are layout, not text */
    if (inl->n && inl->v[0]->kind == N_LIT)
        strip_prefix(inl, 0);
    if (inl->n && inl->v[inl->n - 1]->kind == N_LIT) {
        tpl_node *last = inl->v[inl->n - 1];
        while (last->len && (last->str[last->len - 1] == ' ' || last->str[last->len - 1] == '\t'))
            last->len--;
    }
    int first_lit = inl->n && inl->v[0]->kind == N_LIT;
    c->text = first_lit ? inl->v[0]->str : "";
    c->len = first_lit ? inl->v[0]->len : 0;
    c->only_lit = inl->n == 1 && first_lit;
    c->col = first_lit ? inl->v[0]->column : 1;
    c->off = first_lit ? (size_t)(c->text - p->line) : 0;
    return 0;
}

/* A "field: value" line inside '::: signer'. */
static void signer_field_line(parser *p, const content *c)
{
    const char *t = c->text;
    size_t tn = c->len;
    size_t k = 0;
    while (k < tn && t[k] != ':')
        k++;
    int id = -1;
    for (int i = 0; i < F_COUNT && k < tn; i++)
        if (strlen(tpl_field_names[i]) == k && !memcmp(tpl_field_names[i], t, k))
            id = i;
    if (id < 0) {
        sy_suggest sg;
        sy_suggest_init(&sg, t, k, TPL_SUGGEST_EDITS);
        for (int i = 0; i < F_COUNT; i++)
            sy_suggest_try(&sg, tpl_field_names[i]);
        if (sg.best)
            perr_hint(p, p->lineno, c->col, t, k, sg.best, "unknown signer field '%.*s'", (int)k,
                      t);
        else
            perr(p, p->lineno, c->col,
                 "a signer line must be 'field: value' with field one of party, name-km, "
                 "name-en, title-km, title-en, seal");
        return;
    }
    tpl_node *n = new_node(p, N_FIELD, c->col);
    if (!n)
        return;
    n->num = id;
    n->inl = c->inl;
    strip_prefix(&n->inl, k + 1);
    add_block(p, n);
}

/* Reports an unknown '::: name' (name at byte ws of the line's text, wn
 * long) and opens a placeholder, so that its ':::' closes it quietly. */
static void unknown_block(parser *p, const content *c, size_t ws, size_t wn)
{
    const char *name = c->text + ws;
    sy_suggest sg;
    sy_suggest_init(&sg, name, wn, TPL_SUGGEST_EDITS);
    for (size_t k = 0; k < sizeof container_names / sizeof *container_names; k++)
        sy_suggest_try(&sg, container_names[k]);
    if (sg.best)
        perr_hint(p, p->lineno, col_of(p, c->off + ws), name, wn, sg.best,
                  "unknown block '::: %.*s'", (int)wn, name);
    else
        perr(p, p->lineno, col_of(p, c->off + ws),
             "unknown block '::: %.*s' (blocks: article, pair, keep, style, signatures, "
             "signer)",
             (int)wn, name);
    tpl_node *ph = new_node(p, N_KEEP, c->col);
    if (ph)
        push_frame(p, FR_BLOCK, ph, &ph->kids);
}

/* A '::: name' line opens a block; a bare ':::' closes the innermost one. */
static void block_line(parser *p, const content *c)
{
    const char *t = c->text;
    size_t tn = c->len;
    size_t i = 3;
    while (i < tn && t[i] == ' ')
        i++;
    size_t ws = i;
    while (i < tn && t[i] != ' ')
        i++;
    size_t wn = i - ws;
    if (wn == 0) {
        if (!c->only_lit || tn != 3)
            perr(p, p->lineno, c->col, "':::' closes a block and takes nothing after it");
        close_block(p, c->col);
        return;
    }
    int which = -1;
    for (size_t k = 0; k < sizeof container_names / sizeof *container_names; k++)
        if (strlen(container_names[k]) == wn && !memcmp(container_names[k], t + ws, wn))
            which = (int)k;
    if (which < 0) {
        unknown_block(p, c, ws, wn);
        return;
    }
    static const tpl_node_kind kinds[] = {N_ARTICLE, N_PAIR,       N_KEEP,
                                          N_STYLE,   N_SIGNATURES, N_SIGNER};
    tpl_node *n = new_node(p, kinds[which], c->col);
    if (!n)
        return;
    if (kinds[which] == N_ARTICLE) {
        n->inl = c->inl;
        strip_prefix(&n->inl, i);
    } else if (kinds[which] == N_STYLE) {
        if (!c->only_lit) {
            perr(p, p->lineno, c->col, "'::: style' takes plain words, not expressions");
            return;
        }
        if (parse_style(p, n, t + i, tn - i, c->off + i) != 0)
            return;
    } else if (!c->only_lit || i < tn) {
        perr(p, p->lineno, c->col, "'::: %s' takes nothing after its name", container_names[which]);
        return;
    }
    add_block(p, n);
    push_frame(p, FR_BLOCK, n, &n->kids);
}

/* A line starting with '---': '--- en' starts the English side of a pair. */
static void english_side_line(parser *p, const content *c)
{
    if (!c->only_lit || c->len != 6 || memcmp(c->text, "--- en", 6)) {
        perr(p, p->lineno, c->col,
             "a line starting with '---' must be exactly '--- en' "
             "(it starts the English side of a pair)");
        return;
    }
    frame *f = top(p);
    if (f->kind != FR_BLOCK || f->node->kind != N_PAIR) {
        perr(p, p->lineno, c->col, "'--- en' must stand directly inside '::: pair'");
        return;
    }
    if (f->node->has_en) {
        perr(p, p->lineno, c->col, "a second '--- en' in the same pair (line %d)", f->node->line);
        return;
    }
    f->node->has_en = 1;
    f->out = &f->node->kids2;
}

/* A '# Title' to '###### Title' line; returns 0 when the line is not one. */
static int heading_line(parser *p, const content *c)
{
    const char *t = c->text;
    size_t tn = c->len;
    if (!tn || t[0] != '#')
        return 0;
    size_t lv = 0;
    while (lv < tn && t[lv] == '#')
        lv++;
    if (lv > 6 || lv >= tn || t[lv] != ' ')
        return 0;
    tpl_node *n = new_node(p, N_HEADING, c->col);
    if (n) {
        n->num = (int)lv;
        n->inl = c->inl;
        strip_prefix(&n->inl, lv);
        add_block(p, n);
    }
    return 1;
}

/* A '- item' or '1. item' line; returns 0 when the line is not one. */
static int list_item_line(parser *p, const content *c)
{
    const char *t = c->text;
    size_t tn = c->len;
    size_t marker; /* bytes of the "-" or "12." before the item's text */
    int ordered = 0;
    if (tn >= 2 && t[0] == '-' && t[1] == ' ') {
        marker = 2;
    } else if (tn && isdigit((unsigned char)t[0])) {
        size_t d = 0;
        while (d < tn && isdigit((unsigned char)t[d]))
            d++;
        if (!(d + 1 < tn && t[d] == '.' && t[d + 1] == ' '))
            return 0;
        marker = d + 1;
        ordered = 1;
    } else {
        return 0;
    }
    tpl_node *n = new_node(p, N_ITEM, c->col);
    if (n) {
        n->num = ordered;
        n->inl = c->inl;
        strip_prefix(&n->inl, marker);
        add_block(p, n);
    }
    return 1;
}

/* '\space N' or '\space Npt' (rest: what follows the command); NULL after
 * reporting a size out of range. */
static tpl_node *space_command(parser *p, const content *c, const char *rest, size_t rn)
{
    char num[32];
    while (rn && *rest == ' ') {
        rest++;
        rn--;
    }
    if (rn >= 2 && !memcmp(rest + rn - 2, "pt", 2))
        rn -= 2;
    char *end = NULL;
    double v = -1;
    if (rn && rn < sizeof num) {
        memcpy(num, rest, rn);
        num[rn] = 0;
        v = strtod(num, &end);
    }
    if (!(v >= 0 && v <= 1000) || !end || *end) { /* NaN fails both */
        perr(p, p->lineno, c->col,
             "'\\space' takes a number of points from 0 to "
             "1000, such as '\\space 12pt'");
        return NULL;
    }
    tpl_node *n = new_node(p, N_SPACE, c->col);
    if (n)
        n->points = v;
    return n;
}

/* '\image NAME': an image of the template's style sheet; NULL after
 * reporting a bad name. */
static tpl_node *image_command(parser *p, const content *c, const char *rest, size_t rn)
{
    while (rn && *rest == ' ') {
        rest++;
        rn--;
    }
    size_t k = 0;
    while (k < rn &&
           (islower((unsigned char)rest[k]) || isdigit((unsigned char)rest[k]) || rest[k] == '-' ||
            rest[k] == '_'))
        k++;
    if (!k || k != rn) {
        perr(p, p->lineno, c->col,
             "'\\image' takes the name of an image of the style sheet, such as "
             "'\\image emblem'");
        return NULL;
    }
    tpl_node *n = new_node(p, N_IMAGE, c->col);
    if (n) {
        n->str = sy_arena_strndup(p->a, rest, k);
        n->len = k;
    }
    return n;
}

/* Reports a command line that is not one of the four, or that has text
 * after a command taking none (cmdlen: bytes of '\name'). */
static void unknown_command(parser *p, const content *c, size_t cmdlen)
{
    const char *t = c->text;
    static const char *const cmds[] = {"pagebreak", "rule", "space", "image"};
    sy_suggest sg;
    sy_suggest_init(&sg, t + 1, cmdlen - 1, TPL_SUGGEST_EDITS);
    for (int k = 0; k < 4; k++)
        sy_suggest_try(&sg, cmds[k]);
    int known =
        (cmdlen == 10 && !memcmp(t, "\\pagebreak", 10)) || (cmdlen == 5 && !memcmp(t, "\\rule", 5));
    if (known)
        perr(p, p->lineno, c->col, "'%.*s' stands alone on its line", (int)cmdlen, t);
    else if (sg.best) {
        char hint[SY_SUGGEST_MAX_LEN + 2]; /* a command is written with its backslash */
        snprintf(hint, sizeof hint, "\\%s", sg.best);
        perr_hint(p, p->lineno, c->col, t, cmdlen, hint, "unknown command '%.*s'", (int)cmdlen, t);
    } else
        perr(p, p->lineno, c->col,
             "unknown command '%.*s' (commands: \\pagebreak, \\rule, \\space, \\image; "
             "write "
             "'\\\\' for a literal backslash)",
             (int)cmdlen, t);
}

/* A '\name' line: \pagebreak, \rule, \space or \image. */
static void command_line(parser *p, const content *c)
{
    const char *t = c->text;
    size_t tn = c->len;
    size_t cmdlen = 1;
    while (cmdlen < tn && isalpha((unsigned char)t[cmdlen]))
        cmdlen++;
    const char *rest = t + cmdlen;
    size_t rn = tn - cmdlen;
    tpl_node *n;
    if (cmdlen == 10 && !memcmp(t, "\\pagebreak", 10) && !rn && c->only_lit) {
        n = new_node(p, N_PAGEBREAK, c->col);
    } else if (cmdlen == 5 && !memcmp(t, "\\rule", 5) && !rn && c->only_lit) {
        n = new_node(p, N_RULE, c->col);
    } else if (cmdlen == 6 && !memcmp(t, "\\space", 6) && c->only_lit) {
        n = space_command(p, c, rest, rn);
    } else if (cmdlen == 6 && !memcmp(t, "\\image", 6) && c->only_lit) {
        n = image_command(p, c, rest, rn);
    } else {
        unknown_command(p, c, cmdlen);
        return;
    }
    add_block(p, n);
}

/* One line of block markup or paragraph text. */
static void content_line(parser *p, const seg *segs, int nsegs)
{
    content c;
    if (read_content(p, segs, nsegs, &c) != 0)
        return;
    int block_mark = c.len >= 3 && !memcmp(c.text, ":::", 3);
    tpl_node *blk = open_block(p);
    /* inside a signer every line is "field: value" */
    if (blk && blk->kind == N_SIGNER && !block_mark) {
        signer_field_line(p, &c);
        return;
    }
    if (block_mark) {
        block_line(p, &c);
        return;
    }
    if (c.len >= 3 && !memcmp(c.text, "---", 3)) {
        english_side_line(p, &c);
        return;
    }
    if (heading_line(p, &c) || list_item_line(p, &c))
        return;
    if (c.len && c.text[0] == '\\') {
        if (c.len > 1 && isalpha((unsigned char)c.text[1])) {
            command_line(p, &c);
            return;
        }
        /* "\#", "\:::", "\-", "\\": the rest of the line is plain text */
        strip_prefix(&c.inl, 1);
        if (!c.inl.v[0]->len)
            c.inl.v[0]->column = c.col;
    }
    tpl_node *n = new_node(p, N_TEXT, c.col);
    if (!n)
        return;
    n->inl = c.inl;
    add_block(p, n);
}

int tpl_parse_file(sy_arena *a, tpl_file *f, sy_diags *diags)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.a = a;
    p.f = f;
    p.diags = diags;
    f->root = sy_arena_alloc(a, sizeof *f->root);
    if (!f->root)
        return 1;
    f->root->kind = N_ROOT;
    f->root->line = 1;
    f->root->column = 1;
    p.frames[0] = (frame){FR_ROOT, f->root, &f->root->kids, 0};
    p.nframes = 1;
    seg *segs = malloc((MAX_SEGS + 4) * sizeof *segs);
    if (!segs) {
        a->failed = 1;
        return 1;
    }
    size_t pos = 0;
    while (pos < f->len && !p.stopped) {
        const char *nl = memchr(f->text + pos, '\n', f->len - pos);
        size_t end = nl ? (size_t)(nl - f->text) : f->len;
        p.line = f->text + pos;
        p.linelen = end - pos;
        if (p.linelen && p.line[p.linelen - 1] == '\r')
            p.linelen--;
        p.lineno++;
        pos = nl ? end + 1 : f->len;
        int nsegs = 0;
        size_t from = 0;
        if (p.comment_line) {
            size_t k = 0;
            while (k + 1 < p.linelen && !(p.line[k] == '#' && p.line[k + 1] == '}'))
                k++;
            if (k + 1 >= p.linelen)
                continue; /* the whole line is inside the comment */
            p.comment_line = 0;
            from = k + 2;
            segs[nsegs++] = (seg){SEG_COMMENT, 0, k, 0};
        }
        int before = nsegs;
        if (lex_line(&p, from, segs + before, &nsegs) != 0)
            continue;
        nsegs += before;
        int real = 0, comments = 0, tags = 0, tag_at = -1;
        for (int i = 0; i < nsegs; i++) {
            if (segs[i].kind == SEG_COMMENT)
                comments++;
            else if (segs[i].kind == SEG_TEXT &&
                     all_space(p.line + segs[i].start, segs[i].end - segs[i].start))
                continue;
            else {
                real++;
                if (segs[i].kind == SEG_TAG) {
                    tags++;
                    tag_at = i;
                }
            }
        }
        if (real == 0) {
            if (!comments) /* a line with only a comment vanishes entirely */
                add_block(&p, new_node(&p, N_BLANK, 1));
            continue;
        }
        if (real == 1 && tags == 1) {
            statement(&p, &segs[tag_at]);
            continue;
        }
        content_line(&p, segs, nsegs);
    }
    free(segs);
    if (p.comment_line)
        perr(&p, p.comment_line, p.comment_col, "'{#' comment is never closed ('#}' is missing)");
    while (p.nframes > 1 && !p.stopped) {
        frame *fr = top(&p);
        char what[80];
        describe_frame(fr, what, sizeof what);
        perr(&p, fr->node->line, fr->node->column, "%s is never closed (%s)", what,
             fr->kind == FR_BLOCK    ? "':::' is missing"
                 : fr->kind == FR_IF ? "'{% endif %}' is missing"
                                     : "'{% endfor %}' is missing");
        p.nframes--;
    }
    if (a->failed) {
        perr(&p, 0, 0, "out of memory while parsing");
    }
    return p.errors;
}
