/* Reads attached files back out of a PDF (see sy_pdf_extract_attachments in
 * pdf.h): a small, bounds-checked parser of the objects sanya writes, which
 * also follows the incremental updates a signing tool appends. The input is
 * untrusted: every read is checked against the end of the buffer, nesting
 * and counts are bounded (core/limits.h), each object is parsed at most
 * once, and every failure is an error naming the byte offset. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/buf.h"
#include "core/limits.h"
#include "pdf/pdf.h"
#include "text/text.h"

typedef enum pkind { P_NULL, P_BOOL, P_INT, P_REAL, P_STR, P_NAME, P_ARRAY, P_DICT, P_REF } pkind;

typedef struct pobj pobj;
struct pobj {
    pkind kind;
    long long num; /* INT, BOOL, REF (object number) */
    unsigned char *str; /* STR bytes, NAME (NUL-terminated) */
    size_t len;
    pobj **items; /* ARRAY items; DICT keys and values, alternating */
    size_t n;
};

/* Every allocation of one extraction, freed at once. */
typedef struct block {
    struct block *next;
    max_align_t data[];
} block;

typedef struct parser {
    const unsigned char *s;
    size_t len, pos;
    block *blocks;
    sy_diags *d;
    int failed;
    sy_status status;
    size_t *offsets; /* per object number: byte offset + 1, 0 = not in use */
    unsigned char *seen; /* entry already given by a newer xref section */
    pobj **cache; /* parsed objects */
    size_t *stream_at; /* per object: stream data offset + 1, 0 = no stream */
    size_t nobj;
    pobj *trailer_root;
    size_t visits;
    sy_pdf_attachment *out;
    size_t nout, capout;
} parser;

static pobj null_obj = {P_NULL, 0, NULL, 0, NULL, 0};

static void *palloc(parser *P, size_t n)
{
    block *b = malloc(sizeof *b + (n ? n : 1));
    if (!b) {
        if (!P->failed)
            sy_diags_add(P->d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        if (!P->failed)
            P->status = SY_ERR_NOMEM;
        P->failed = 1;
        return NULL;
    }
    b->next = P->blocks;
    P->blocks = b;
    return b->data;
}

static void *perr(parser *P, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void *perr(parser *P, size_t at, const char *fmt, ...)
{
    if (!P->failed) {
        char msg[256];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        sy_diags_add(P->d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                     "PDF: malformed file at byte %zu: %s", at, msg);
        P->status = SY_ERR_DATA;
    }
    P->failed = 1;
    return NULL;
}

static int is_ws(int c)
{
    return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static int is_delim(int c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
        c == '}' || c == '/' || c == '%';
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static void skip_ws(parser *P)
{
    while (P->pos < P->len) {
        int c = P->s[P->pos];
        if (is_ws(c)) {
            P->pos++;
        } else if (c == '%') {
            while (P->pos < P->len && P->s[P->pos] != '\n' && P->s[P->pos] != '\r')
                P->pos++;
        } else {
            break;
        }
    }
}

/* Whether the keyword kw is at pos, ending at a delimiter, space or end. */
static int at_keyword(const parser *P, const char *kw)
{
    size_t n = strlen(kw);
    if (P->len - P->pos < n || memcmp(P->s + P->pos, kw, n))
        return 0;
    return P->pos + n == P->len || is_ws(P->s[P->pos + n]) || is_delim(P->s[P->pos + n]);
}

static int expect_keyword(parser *P, const char *kw)
{
    skip_ws(P);
    if (!at_keyword(P, kw)) {
        perr(P, P->pos, "expected '%s'", kw);
        return -1;
    }
    P->pos += strlen(kw);
    return 0;
}

/* A non-negative integer of at most 18 digits; -1 when there is none. */
static long long read_uint(parser *P)
{
    skip_ws(P);
    size_t start = P->pos;
    long long v = 0;
    while (P->pos < P->len && is_digit(P->s[P->pos])) {
        if (P->pos - start >= 18) {
            perr(P, start, "number too long");
            return -1;
        }
        v = v * 10 + (P->s[P->pos++] - '0');
    }
    if (P->pos == start) {
        perr(P, start, "expected a number");
        return -1;
    }
    return v;
}

static pobj *new_obj(parser *P, pkind k)
{
    pobj *o = palloc(P, sizeof *o);
    if (o) {
        memset(o, 0, sizeof *o);
        o->kind = k;
    }
    return o;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Keeps b's bytes in the parser's memory as a string object. */
static pobj *bytes_obj(parser *P, pkind k, sy_buf *b, size_t at)
{
    if (sy_buf_failed(b)) {
        sy_buf_free(b);
        perr(P, at, "out of memory");
        return NULL;
    }
    pobj *o = new_obj(P, k);
    unsigned char *s = o ? palloc(P, b->len + 1) : NULL;
    if (s) {
        if (b->len)
            memcpy(s, b->data, b->len);
        s[b->len] = 0;
        o->str = s;
        o->len = b->len;
    }
    sy_buf_free(b);
    return s ? o : NULL;
}

static pobj *parse_literal(parser *P)
{
    size_t at = P->pos++;
    sy_buf b = SY_BUF_INIT;
    int depth = 1;
    while (P->pos < P->len) {
        int c = P->s[P->pos++];
        if (c == '(') {
            depth++;
        } else if (c == ')') {
            if (--depth == 0)
                return bytes_obj(P, P_STR, &b, at);
        } else if (c == '\r') {
            if (P->pos < P->len && P->s[P->pos] == '\n')
                P->pos++;
            c = '\n';
        } else if (c == '\\') {
            if (P->pos >= P->len)
                break;
            c = P->s[P->pos++];
            switch (c) {
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case '\r':
                if (P->pos < P->len && P->s[P->pos] == '\n')
                    P->pos++;
                continue;
            case '\n':
                continue;
            default:
                if (c >= '0' && c <= '7') {
                    int v = c - '0';
                    for (int k = 0;
                         k < 2 && P->pos < P->len && P->s[P->pos] >= '0' && P->s[P->pos] <= '7';
                         k++)
                        v = v * 8 + (P->s[P->pos++] - '0');
                    c = v & 0xFF;
                }
            }
        }
        sy_buf_putc(&b, (char)c);
    }
    sy_buf_free(&b);
    return perr(P, at, "unterminated string");
}

static pobj *parse_hex(parser *P)
{
    size_t at = P->pos++;
    sy_buf b = SY_BUF_INIT;
    int hi = -1;
    while (P->pos < P->len) {
        int c = P->s[P->pos++];
        if (c == '>') {
            if (hi >= 0)
                sy_buf_putc(&b, (char)(hi << 4));
            return bytes_obj(P, P_STR, &b, at);
        }
        if (is_ws(c))
            continue;
        int v = hexval(c);
        if (v < 0) {
            sy_buf_free(&b);
            return perr(P, P->pos - 1, "bad character in a hex string");
        }
        if (hi < 0) {
            hi = v;
        } else {
            sy_buf_putc(&b, (char)(hi << 4 | v));
            hi = -1;
        }
    }
    sy_buf_free(&b);
    return perr(P, at, "unterminated hex string");
}

static pobj *parse_name(parser *P)
{
    size_t at = P->pos++;
    sy_buf b = SY_BUF_INIT;
    while (P->pos < P->len && !is_ws(P->s[P->pos]) && !is_delim(P->s[P->pos])) {
        int c = P->s[P->pos++];
        if (c == '#' && P->len - P->pos >= 2 && hexval(P->s[P->pos]) >= 0 &&
            hexval(P->s[P->pos + 1]) >= 0) {
            c = hexval(P->s[P->pos]) << 4 | hexval(P->s[P->pos + 1]);
            P->pos += 2;
        }
        if (c == 0) {
            sy_buf_free(&b);
            return perr(P, at, "NUL in a name");
        }
        sy_buf_putc(&b, (char)c);
    }
    return bytes_obj(P, P_NAME, &b, at);
}

static pobj *parse_number(parser *P)
{
    size_t at = P->pos;
    int neg = 0, digits = 0, real = 0;
    long long v = 0;
    if (P->s[P->pos] == '+' || P->s[P->pos] == '-')
        neg = P->s[P->pos++] == '-';
    while (P->pos < P->len && (is_digit(P->s[P->pos]) || P->s[P->pos] == '.')) {
        if (P->s[P->pos] == '.') {
            if (real)
                return perr(P, at, "bad number");
            real = 1;
        } else if (!real) {
            if (++digits > 18)
                return perr(P, at, "number too long");
            v = v * 10 + (P->s[P->pos] - '0');
        }
        P->pos++;
    }
    if (P->pos == at + (size_t)(neg || P->s[at] == '+') || (digits == 0 && !real))
        return perr(P, at, "bad number");
    if (!real && !neg) {
        /* "N G R" is a reference. */
        size_t save = P->pos;
        skip_ws(P);
        if (P->pos < P->len && is_digit(P->s[P->pos])) {
            size_t g = P->pos;
            while (P->pos < P->len && is_digit(P->s[P->pos]) && P->pos - g < 10)
                P->pos++;
            skip_ws(P);
            if (at_keyword(P, "R")) {
                P->pos++;
                pobj *o = new_obj(P, P_REF);
                if (o)
                    o->num = v;
                return o;
            }
        }
        P->pos = save;
    }
    pobj *o = new_obj(P, real ? P_REAL : P_INT);
    if (o)
        o->num = neg ? -v : v;
    return o;
}

/* A growable list of objects during parsing. */
typedef struct plist {
    pobj **v;
    size_t n, cap;
} plist;

static int plist_push(parser *P, plist *l, pobj *o)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        pobj **v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            perr(P, P->pos, "out of memory");
            return -1;
        }
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = o;
    return 0;
}

static pobj *parse_obj(parser *P, int depth);

/* An array (close = ']') or a dictionary (close = '>', keys are names). */
static pobj *parse_container(parser *P, int depth, pkind kind)
{
    size_t at = P->pos;
    P->pos += kind == P_DICT ? 2 : 1;
    if (depth >= SY_LIMIT_PDF_NESTING)
        return perr(P, at, "objects nested more than %d deep", SY_LIMIT_PDF_NESTING);
    plist l = {NULL, 0, 0};
    for (;;) {
        skip_ws(P);
        if (P->pos >= P->len) {
            free(l.v);
            return perr(P, at, kind == P_DICT ? "unterminated dictionary" : "unterminated array");
        }
        if (kind == P_ARRAY && P->s[P->pos] == ']') {
            P->pos++;
            break;
        }
        if (kind == P_DICT && P->s[P->pos] == '>') {
            if (P->pos + 1 >= P->len || P->s[P->pos + 1] != '>') {
                free(l.v);
                return perr(P, P->pos, "expected '>>'");
            }
            P->pos += 2;
            break;
        }
        if (kind == P_DICT && l.n % 2 == 0 && P->s[P->pos] != '/') {
            free(l.v);
            return perr(P, P->pos, "expected a name as dictionary key");
        }
        pobj *o = parse_obj(P, depth + 1);
        if (!o || plist_push(P, &l, o)) {
            free(l.v);
            return NULL;
        }
    }
    if (kind == P_DICT && l.n % 2) {
        free(l.v);
        return perr(P, at, "dictionary key without a value");
    }
    pobj *o = new_obj(P, kind);
    pobj **items = o ? palloc(P, l.n * sizeof *items) : NULL;
    if (items) {
        if (l.n)
            memcpy(items, l.v, l.n * sizeof *items);
        o->items = items;
        o->n = l.n;
    }
    free(l.v);
    return items ? o : NULL;
}

static pobj *parse_obj(parser *P, int depth)
{
    skip_ws(P);
    if (P->failed)
        return NULL;
    if (P->pos >= P->len)
        return perr(P, P->pos, "unexpected end of file");
    int c = P->s[P->pos];
    if (c == '[')
        return parse_container(P, depth, P_ARRAY);
    if (c == '<' && P->pos + 1 < P->len && P->s[P->pos + 1] == '<')
        return parse_container(P, depth, P_DICT);
    if (c == '<')
        return parse_hex(P);
    if (c == '(')
        return parse_literal(P);
    if (c == '/')
        return parse_name(P);
    if (is_digit(c) || c == '+' || c == '-' || c == '.')
        return parse_number(P);
    pobj *o = NULL;
    if (at_keyword(P, "true") || at_keyword(P, "false")) {
        o = new_obj(P, P_BOOL);
        if (o)
            o->num = c == 't';
        P->pos += c == 't' ? 4 : 5;
        return o;
    }
    if (at_keyword(P, "null")) {
        P->pos += 4;
        return &null_obj;
    }
    return perr(P, P->pos, "unexpected '%c'", c >= 0x21 && c < 0x7F ? c : '?');
}

static pobj *dict_get(const pobj *dict, const char *key)
{
    if (!dict || dict->kind != P_DICT)
        return NULL;
    for (size_t i = 0; i + 1 < dict->n; i += 2)
        if (!strcmp((const char *)dict->items[i]->str, key))
            return dict->items[i + 1];
    return NULL;
}

/* ---- cross-reference tables ---- */

static int grow_objects(parser *P, size_t n)
{
    if (n <= P->nobj)
        return 0;
    size_t cap = P->nobj ? P->nobj : 64;
    while (cap < n)
        cap *= 2;
    size_t *o = realloc(P->offsets, cap * sizeof *o);
    if (o)
        P->offsets = o;
    unsigned char *s = o ? realloc(P->seen, cap) : NULL;
    if (s)
        P->seen = s;
    pobj **c = s ? realloc(P->cache, cap * sizeof *c) : NULL;
    if (c)
        P->cache = c;
    size_t *a = c ? realloc(P->stream_at, cap * sizeof *a) : NULL;
    if (!a) {
        perr(P, P->pos, "out of memory");
        return -1;
    }
    P->stream_at = a;
    memset(P->offsets + P->nobj, 0, (cap - P->nobj) * sizeof *P->offsets);
    memset(P->seen + P->nobj, 0, cap - P->nobj);
    memset(P->cache + P->nobj, 0, (cap - P->nobj) * sizeof *P->cache);
    memset(P->stream_at + P->nobj, 0, (cap - P->nobj) * sizeof *P->stream_at);
    P->nobj = cap;
    return 0;
}

/* One xref section at off and its trailer; returns the trailer or NULL. */
static pobj *read_section(parser *P, size_t off)
{
    P->pos = off;
    skip_ws(P);
    if (!at_keyword(P, "xref")) {
        if (P->pos < P->len && is_digit(P->s[P->pos]))
            return perr(P, P->pos,
                        "expected a cross-reference table, found an object (cross-reference "
                        "streams are not supported)");
        return perr(P, P->pos, "expected a cross-reference table");
    }
    P->pos += 4;
    for (;;) {
        skip_ws(P);
        if (at_keyword(P, "trailer")) {
            P->pos += 7;
            break;
        }
        size_t at = P->pos;
        long long start = read_uint(P), count = start < 0 ? -1 : read_uint(P);
        if (count < 0)
            return NULL;
        if (start + count > SY_LIMIT_PDF_OBJECTS)
            return perr(P, at, "more than %d objects", SY_LIMIT_PDF_OBJECTS);
        if (grow_objects(P, (size_t)(start + count)))
            return NULL;
        for (long long i = 0; i < count; i++) {
            size_t eat = P->pos;
            long long o = read_uint(P), g = o < 0 ? -1 : read_uint(P);
            if (g < 0)
                return NULL;
            skip_ws(P);
            int used = at_keyword(P, "n");
            if (!used && !at_keyword(P, "f"))
                return perr(P, P->pos, "expected 'n' or 'f' in a cross-reference entry");
            P->pos++;
            size_t k = (size_t)(start + i);
            if (P->seen[k])
                continue; /* a newer section defined it */
            P->seen[k] = 1;
            if (used) {
                if ((unsigned long long)o >= P->len)
                    return perr(P, eat, "object offset %lld beyond the end of the file", o);
                P->offsets[k] = (size_t)o + 1;
            }
        }
    }
    pobj *t = parse_obj(P, 0);
    if (t && t->kind != P_DICT)
        return perr(P, off, "the trailer is not a dictionary");
    return t;
}

static int read_xref(parser *P)
{
    static const char kw[] = "startxref";
    size_t kl = sizeof kw - 1, from = P->len > 2048 ? P->len - 2048 : 0, at = (size_t)-1;
    for (size_t i = P->len >= kl ? P->len - kl + 1 : 0; i-- > from;)
        if (!memcmp(P->s + i, kw, kl)) {
            at = i;
            break;
        }
    if (at == (size_t)-1) {
        perr(P, P->len, "no 'startxref' near the end (not a PDF, or truncated)");
        return -1;
    }
    P->pos = at + kl;
    long long off = read_uint(P);
    size_t visited[SY_LIMIT_PDF_XREF_SECTIONS];
    size_t nvisited = 0;
    while (off >= 0) {
        if ((unsigned long long)off >= P->len) {
            perr(P, at, "cross-reference offset %lld beyond the end of the file", off);
            return -1;
        }
        for (size_t i = 0; i < nvisited; i++)
            if (visited[i] == (size_t)off) {
                perr(P, (size_t)off, "cross-reference sections form a loop");
                return -1;
            }
        if (nvisited == SY_LIMIT_PDF_XREF_SECTIONS) {
            perr(P, (size_t)off, "more than %d cross-reference sections",
                 SY_LIMIT_PDF_XREF_SECTIONS);
            return -1;
        }
        visited[nvisited++] = (size_t)off;
        pobj *t = read_section(P, (size_t)off);
        if (!t)
            return -1;
        if (!P->trailer_root)
            P->trailer_root = dict_get(t, "Root");
        pobj *prev = dict_get(t, "Prev");
        if (prev && prev->kind != P_INT) {
            perr(P, (size_t)off, "/Prev is not an offset");
            return -1;
        }
        at = (size_t)off;
        off = prev ? prev->num : -1;
    }
    if (!P->trailer_root) {
        perr(P, P->len, "the trailer has no /Root");
        return -1;
    }
    return 0;
}

/* ---- objects ---- */

/* Object num, parsed once (null when not in use). */
static pobj *load(parser *P, long long num)
{
    if (num < 0 || (size_t)num >= P->nobj || !P->offsets[num])
        return &null_obj;
    if (P->cache[num])
        return P->cache[num];
    size_t off = P->offsets[num] - 1;
    P->pos = off;
    long long n = read_uint(P);
    if (n < 0 || read_uint(P) < 0 || expect_keyword(P, "obj"))
        return perr(P, off, "expected object %lld", num);
    if (n != num)
        return perr(P, off, "the cross-reference table points object %lld at object %lld", num, n);
    pobj *o = parse_obj(P, 0);
    if (!o)
        return NULL;
    skip_ws(P);
    if (o->kind == P_DICT && at_keyword(P, "stream")) {
        P->pos += 6;
        if (P->pos < P->len && P->s[P->pos] == '\r')
            P->pos++;
        if (P->pos < P->len && P->s[P->pos] == '\n')
            P->pos++;
        P->stream_at[num] = P->pos + 1;
    }
    P->cache[num] = o;
    return o;
}

/* o with references followed (NULL on error). */
static pobj *resolve(parser *P, pobj *o)
{
    for (int hops = 0; o && o->kind == P_REF; hops++) {
        if (hops == 8)
            return perr(P, P->pos, "a chain of references to references");
        o = load(P, o->num);
    }
    return o;
}

/* The decoded data of stream object num into *out (malloc'd). */
static int stream_data(parser *P, long long num, unsigned char **out, size_t *outlen)
{
    *out = NULL;
    pobj *dict = load(P, num);
    if (!dict)
        return -1;
    if (dict->kind != P_DICT || !P->stream_at[num]) {
        perr(P, num < (long long)P->nobj && P->offsets[num] ? P->offsets[num] - 1 : 0,
             "object %lld is not a stream", num);
        return -1;
    }
    size_t at = P->stream_at[num] - 1;
    pobj *len = resolve(P, dict_get(dict, "Length"));
    if (!len)
        return -1;
    if (len->kind != P_INT || len->num < 0 || (unsigned long long)len->num > P->len - at) {
        perr(P, at, "stream %lld: /Length missing or past the end of the file", num);
        return -1;
    }
    pobj *filter = resolve(P, dict_get(dict, "Filter"));
    if (P->failed)
        return -1;
    if (filter && filter->kind == P_ARRAY && filter->n == 1)
        filter = resolve(P, filter->items[0]);
    int flate = 0;
    if (filter && filter->kind == P_NAME && !strcmp((char *)filter->str, "FlateDecode"))
        flate = 1;
    else if (filter && filter->kind != P_NULL) {
        perr(P, at, "stream %lld: unsupported filter", num);
        return -1;
    }
    pobj *parms = resolve(P, dict_get(dict, "DecodeParms"));
    if (parms && parms->kind != P_NULL) {
        perr(P, at, "stream %lld: decode parameters are not supported", num);
        return -1;
    }
    const unsigned char *src = P->s + at;
    size_t n = (size_t)len->num;
    if (!flate) {
        *out = malloc(n ? n : 1);
        if (!*out) {
            perr(P, at, "out of memory");
            return -1;
        }
        if (n)
            memcpy(*out, src, n);
        *outlen = n;
        return 0;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK) {
        perr(P, at, "cannot start zlib");
        return -1;
    }
    size_t cap = n * 4 + 64, got = 0;
    if (cap > SY_LIMIT_PDF_ATTACHMENT_BYTES)
        cap = SY_LIMIT_PDF_ATTACHMENT_BYTES;
    unsigned char *buf = malloc(cap);
    z.next_in = (Bytef *)src;
    z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
    int zr = Z_OK;
    while (buf) {
        z.next_out = buf + got;
        z.avail_out = (uInt)(cap - got);
        zr = inflate(&z, Z_NO_FLUSH);
        got = cap - z.avail_out;
        if (zr == Z_STREAM_END || (zr != Z_OK && zr != Z_BUF_ERROR))
            break;
        if (zr == Z_BUF_ERROR && z.avail_in == 0)
            break; /* input ended before the compressed data did */
        if (got == cap) {
            if (cap >= SY_LIMIT_PDF_ATTACHMENT_BYTES) {
                inflateEnd(&z);
                free(buf);
                perr(P, at, "stream %lld inflates to more than %u bytes", num,
                     (unsigned)SY_LIMIT_PDF_ATTACHMENT_BYTES);
                return -1;
            }
            cap = cap * 2 > SY_LIMIT_PDF_ATTACHMENT_BYTES ? SY_LIMIT_PDF_ATTACHMENT_BYTES : cap * 2;
            unsigned char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    inflateEnd(&z);
    if (!buf) {
        perr(P, at, "out of memory");
        return -1;
    }
    if (zr != Z_STREAM_END) {
        free(buf);
        perr(P, at + (size_t)(z.next_in - (Bytef *)src), "stream %lld: corrupt compressed data",
             num);
        return -1;
    }
    *out = buf;
    *outlen = got;
    return 0;
}

/* A PDF text string as UTF-8 (malloc'd): UTF-16BE after FE FF, UTF-8 after
 * EF BB BF, else PDFDocEncoding read as Latin-1 (exact for the ASCII that
 * sanya writes). NUL characters and broken UTF-16 are errors. */
static char *text_utf8(parser *P, const pobj *s, size_t at, const char *what)
{
    sy_buf b = SY_BUF_INIT;
    const unsigned char *p = s->str;
    size_t n = s->len;
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        if (n % 2) {
            perr(P, at, "%s: odd UTF-16 length", what);
            return NULL;
        }
        for (size_t i = 2; i < n; i += 2) {
            uint32_t c = (uint32_t)p[i] << 8 | p[i + 1];
            if (c >= 0xD800 && c < 0xDC00 && i + 3 < n) {
                uint32_t lo = (uint32_t)p[i + 2] << 8 | p[i + 3];
                if (lo < 0xDC00 || lo > 0xDFFF)
                    c = 0;
                else
                    c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                c = 0;
            }
            if (c == 0) {
                sy_buf_free(&b);
                perr(P, at, "%s: broken UTF-16 or NUL", what);
                return NULL;
            }
            if (c < 0x80) {
                sy_buf_putc(&b, (char)c);
            } else if (c < 0x800) {
                sy_buf_putc(&b, (char)(0xC0 | c >> 6));
                sy_buf_putc(&b, (char)(0x80 | (c & 0x3F)));
            } else if (c < 0x10000) {
                sy_buf_putc(&b, (char)(0xE0 | c >> 12));
                sy_buf_putc(&b, (char)(0x80 | ((c >> 6) & 0x3F)));
                sy_buf_putc(&b, (char)(0x80 | (c & 0x3F)));
            } else {
                sy_buf_putc(&b, (char)(0xF0 | c >> 18));
                sy_buf_putc(&b, (char)(0x80 | ((c >> 12) & 0x3F)));
                sy_buf_putc(&b, (char)(0x80 | ((c >> 6) & 0x3F)));
                sy_buf_putc(&b, (char)(0x80 | (c & 0x3F)));
            }
        }
    } else if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        if (sy_utf8_check((const char *)p + 3, n - 3) != (size_t)-1 ||
            memchr(p + 3, 0, n - 3)) {
            perr(P, at, "%s: invalid UTF-8", what);
            return NULL;
        }
        sy_buf_put(&b, p + 3, n - 3);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (p[i] == 0) {
                sy_buf_free(&b);
                perr(P, at, "%s: NUL character", what);
                return NULL;
            }
            if (p[i] < 0x80) {
                sy_buf_putc(&b, (char)p[i]);
            } else {
                sy_buf_putc(&b, (char)(0xC0 | p[i] >> 6));
                sy_buf_putc(&b, (char)(0x80 | (p[i] & 0x3F)));
            }
        }
    }
    size_t len;
    sy_buf_putc(&b, 0);
    if (sy_buf_failed(&b)) {
        sy_buf_free(&b);
        perr(P, at, "out of memory");
        return NULL;
    }
    return sy_buf_take(&b, &len);
}

static void attachment_release(sy_pdf_attachment *a)
{
    free(a->name);
    free(a->data);
    free(a->mime);
    free(a->description);
}

/* The byte offset of the object a reference names (for messages). */
static size_t ref_at(const parser *P, const pobj *ref)
{
    if (ref && ref->kind == P_REF && ref->num >= 0 && (size_t)ref->num < P->nobj &&
        P->offsets[ref->num])
        return P->offsets[ref->num] - 1;
    return P->pos;
}

static int extract_one(parser *P, pobj *spec_ref)
{
    size_t at = ref_at(P, spec_ref);
    pobj *spec = resolve(P, spec_ref);
    if (!spec)
        return -1;
    if (spec->kind != P_DICT) {
        perr(P, at, "an /EmbeddedFiles entry is not a file specification");
        return -1;
    }
    pobj *name = resolve(P, dict_get(spec, "UF"));
    if (name && name->kind != P_STR)
        name = resolve(P, dict_get(spec, "F"));
    else if (!name)
        name = P->failed ? NULL : resolve(P, dict_get(spec, "F"));
    pobj *ef = resolve(P, dict_get(spec, "EF"));
    if (P->failed)
        return -1;
    if (!name || name->kind != P_STR) {
        perr(P, at, "a file specification without a file name");
        return -1;
    }
    pobj *file = ef ? dict_get(ef, "F") : NULL;
    if (!file)
        file = ef ? dict_get(ef, "UF") : NULL;
    if (!file || file->kind != P_REF) {
        perr(P, at, "a file specification without an embedded file stream");
        return -1;
    }
    if (P->nout == SY_LIMIT_PDF_ATTACHMENTS) {
        perr(P, at, "more than %d attachments", SY_LIMIT_PDF_ATTACHMENTS);
        return -1;
    }
    sy_pdf_attachment a;
    memset(&a, 0, sizeof a);
    a.name = text_utf8(P, name, at, "attachment name");
    pobj *desc = a.name ? resolve(P, dict_get(spec, "Desc")) : NULL;
    if (desc && desc->kind == P_STR)
        a.description = text_utf8(P, desc, at, "attachment description");
    if (!P->failed && stream_data(P, file->num, &a.data, &a.len) == 0) {
        pobj *sd = load(P, file->num);
        pobj *sub = resolve(P, dict_get(sd, "Subtype"));
        if (sub && sub->kind == P_NAME && !(a.mime = strdup((char *)sub->str)))
            perr(P, at, "out of memory");
        pobj *params = resolve(P, dict_get(sd, "Params"));
        pobj *size = params ? resolve(P, dict_get(params, "Size")) : NULL;
        if (size && size->kind == P_INT && (unsigned long long)size->num != a.len)
            perr(P, P->stream_at[file->num] - 1,
                 "attachment '%s': /Params /Size says %lld bytes, the stream holds %zu",
                 a.name ? a.name : "?", size->num, a.len);
    }
    if (!P->failed && P->nout == P->capout) {
        size_t cap = P->capout ? P->capout * 2 : 4;
        sy_pdf_attachment *v = realloc(P->out, cap * sizeof *v);
        if (!v)
            perr(P, at, "out of memory");
        else {
            P->out = v;
            P->capout = cap;
        }
    }
    if (P->failed) {
        attachment_release(&a);
        return -1;
    }
    P->out[P->nout++] = a;
    return 0;
}

static int walk_names(parser *P, pobj *node_ref, int depth)
{
    size_t at = ref_at(P, node_ref);
    pobj *node = resolve(P, node_ref);
    if (!node)
        return -1;
    if (node->kind != P_DICT) {
        perr(P, at, "a name tree node is not a dictionary");
        return -1;
    }
    if (depth >= SY_LIMIT_PDF_NESTING || ++P->visits > 10 * SY_LIMIT_PDF_ATTACHMENTS) {
        perr(P, at, "the /EmbeddedFiles name tree is too deep or too big");
        return -1;
    }
    pobj *names = resolve(P, dict_get(node, "Names"));
    if (names && names->kind == P_ARRAY)
        for (size_t i = 0; i + 1 < names->n; i += 2)
            if (extract_one(P, names->items[i + 1]))
                return -1;
    pobj *kids = P->failed ? NULL : resolve(P, dict_get(node, "Kids"));
    if (kids && kids->kind == P_ARRAY)
        for (size_t i = 0; i < kids->n; i++)
            if (walk_names(P, kids->items[i], depth + 1))
                return -1;
    return P->failed ? -1 : 0;
}

void sy_pdf_attachments_free(sy_pdf_attachment *a, size_t n)
{
    for (size_t i = 0; a && i < n; i++)
        attachment_release(&a[i]);
    free(a);
}

sy_status sy_pdf_extract_attachments(const char *pdf, size_t len, sy_pdf_attachment **out,
                                     size_t *n, sy_diags *d)
{
    *out = NULL;
    *n = 0;
    parser P;
    memset(&P, 0, sizeof P);
    P.s = (const unsigned char *)pdf;
    P.len = len;
    P.d = d;
    if (len < 8 || memcmp(pdf, "%PDF-", 5))
        perr(&P, 0, "not a PDF (no %%PDF- header)");
    if (!P.failed && read_xref(&P) == 0) {
        pobj *root = resolve(&P, P.trailer_root);
        if (root && root->kind != P_DICT)
            perr(&P, 0, "the document catalog is not a dictionary");
        pobj *names = P.failed ? NULL : resolve(&P, dict_get(root, "Names"));
        pobj *ef = names && !P.failed ? resolve(&P, dict_get(names, "EmbeddedFiles")) : NULL;
        if (ef && ef->kind != P_NULL && !P.failed)
            walk_names(&P, ef, 0);
    }
    while (P.blocks) {
        block *b = P.blocks->next;
        free(P.blocks);
        P.blocks = b;
    }
    free(P.offsets);
    free(P.seen);
    free(P.cache);
    free(P.stream_at);
    if (P.failed) {
        sy_pdf_attachments_free(P.out, P.nout);
        return P.status;
    }
    *out = P.out;
    *n = P.nout;
    return SY_OK;
}
