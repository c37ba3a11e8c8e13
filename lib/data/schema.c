/* Schema checking shared by agreements and rosters: a walk over the raw
 * YAML tree that keeps a readable path ("parties[1].signatory.title"),
 * reports every problem with its place and converts checked nodes into
 * sy_value nodes (strings, dates, integers, {km, en} pairs). */
#include "data/data_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/file.h"
#include "core/limits.h"
#include "core/suggest.h"
#include "core/utf8.h"

size_t sy_walk_key(sy_walk *w, const char *key)
{
    size_t old = w->plen;
    int n = snprintf(w->path + w->plen, sizeof w->path - w->plen, "%s%s", w->plen ? "." : "", key);
    if (n > 0)
        w->plen += (size_t)n < sizeof w->path - w->plen ? (size_t)n : sizeof w->path - w->plen - 1;
    return old;
}

size_t sy_walk_index(sy_walk *w, size_t i)
{
    size_t old = w->plen;
    int n = snprintf(w->path + w->plen, sizeof w->path - w->plen, "[%zu]", i);
    if (n > 0)
        w->plen += (size_t)n < sizeof w->path - w->plen ? (size_t)n : sizeof w->path - w->plen - 1;
    return old;
}

void sy_walk_pop(sy_walk *w, size_t len)
{
    w->plen = len;
    w->path[len] = 0;
}

sy_mark sy_walk_mark(const sy_walk *w, const sy_yn *n)
{
    sy_mark m = {w->file, n ? n->line : 0, n ? n->column : 0};
    return m;
}

static void report(sy_walk *w, sy_severity sev, const sy_yn *n, sy_suggest_form form,
                   const char *hint, const char *fmt, va_list ap)
{
    sy_diag e = {.severity = sev,
                 .code = SY_ERR_DATA,
                 .file = w->file,
                 .line = n ? n->line : 0,
                 .column = n ? n->column : 0,
                 .path = w->plen ? w->path : NULL,
                 .suggestion = hint,
                 .suggest_form = form,
                 .length = n && n->kind == SY_YN_SCALAR ? n->width : 0};
    sy_diags_pushv(w->diags, &e, fmt, ap);
}

void sy_walk_suggest(sy_walk *w, const sy_yn *n, sy_suggest_form form, const char *hint,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(w, SY_SEV_ERROR, n, form, hint, fmt, ap);
    va_end(ap);
}

void sy_walk_error(sy_walk *w, const sy_yn *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(w, SY_SEV_ERROR, n, SY_SUGGEST_SEMICOLON, NULL, fmt, ap);
    va_end(ap);
}

void sy_walk_warning(sy_walk *w, const sy_yn *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(w, SY_SEV_WARNING, n, SY_SUGGEST_SEMICOLON, NULL, fmt, ap);
    va_end(ap);
}

void sy_walk_nomem(sy_walk *w)
{
    if (!w->nomem)
        sy_diags_add(w->diags, SY_SEV_ERROR, SY_ERR_NOMEM, w->file, 0, 0, NULL, "out of memory");
    w->nomem = 1;
}

const char *sy_yn_describe(const sy_yn *n, char *buf, size_t size)
{
    const char *what = "nothing";
    if (!n)
        what = "nothing";
    else if (n->kind == SY_YN_MAP)
        what = "a map";
    else if (n->kind == SY_YN_SEQ)
        what = "a list";
    else if (!sy_yn_is_null(n)) {
        /* the scalar itself, cut at a character boundary after 40 bytes */
        size_t len = n->len, max = 40;
        if (len > max) {
            len = max;
            while (len > 0 && ((unsigned char)n->text[len] & 0xC0) == 0x80)
                len--;
        }
        snprintf(buf, size, "\"%.*s%s\"", (int)len, n->text, len < n->len ? "..." : "");
        return buf;
    }
    snprintf(buf, size, "%s", what);
    return buf;
}

static int in_list(const char *word, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(word, *list))
            return 1;
    return 0;
}

static void join(char *buf, size_t size, const char *const *list)
{
    size_t used = 0;
    buf[0] = 0;
    for (size_t i = 0; list[i] && used < size; i++) {
        int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", list[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

const sy_yn *sy_yn_get(const sy_yn *map, const char *key)
{
    if (!map || map->kind != SY_YN_MAP)
        return NULL;
    for (size_t i = 0; i + 1 < map->count; i += 2)
        if (!strcmp(map->items[i]->text, key))
            return map->items[i + 1];
    return NULL;
}

int sy_yn_is_placeholder(const sy_yn *n)
{
    return n && n->kind == SY_YN_SCALAR && n->plain && n->len >= 3 && n->text[0] == '<' &&
        n->text[n->len - 1] == '>';
}

int sy_walk_unfinished(sy_walk *w, const sy_yn *n)
{
    if (!sy_yn_is_placeholder(n))
        return 0;
    sy_walk_error(w, n, "unfinished: replace the placeholder %s", n->text);
    return 1;
}

int sy_walk_map(sy_walk *w, const sy_yn *n, const char *const *allowed, const char *what)
{
    char got[64];
    if (sy_walk_unfinished(w, n))
        return -1;
    if (!n || n->kind != SY_YN_MAP) {
        sy_walk_error(w, n, "expected %s, got %s", what, sy_yn_describe(n, got, sizeof got));
        return -1;
    }
    for (size_t i = 0; i + 1 < n->count; i += 2) {
        const sy_yn *key = n->items[i];
        const sy_yn *first = NULL;
        for (size_t j = 0; j < i && !first; j += 2)
            if (!strcmp(n->items[j]->text, key->text))
                first = n->items[j];
        if (first) {
            sy_walk_error(w, key, "duplicate key \"%s\" (first at line %d)", key->text,
                          first->line);
            continue;
        }
        if (in_list(key->text, allowed))
            continue;
        if (n->flow && sy_yn_is_null(n->items[i + 1]) && i > 0) {
            /* {en: Secretary of State, Ministry of Interior}: the comma
             * ended the value and began a key */
            sy_walk_error(w, key,
                          "unknown key \"%s\"; a comma inside {...} separates entries, so "
                          "quote a value that contains one",
                          key->text);
            continue;
        }
        const char *hint = sy_data_suggest(key->text, allowed);
        if (hint) {
            sy_walk_suggest(w, key, SY_SUGGEST_SEMICOLON, hint, "unknown key \"%s\"", key->text);
        } else {
            char keys[512];
            join(keys, sizeof keys, allowed);
            sy_walk_error(w, key, "unknown key \"%s\"; expected one of: %s", key->text, keys);
        }
    }
    return 0;
}

static int known_key(const sy_walk *w, const char *word)
{
    for (size_t i = 0; w->known && w->known[i]; i++)
        if (in_list(word, w->known[i]))
            return 1;
    return 0;
}

const sy_yn *sy_walk_require(sy_walk *w, const sy_yn *map, const char *key)
{
    const sy_yn *v = sy_yn_get(map, key);
    if (v)
        return v;
    /* a misspelt key was already reported with "did you mean" this one */
    const char *wanted[] = {key, NULL};
    for (size_t i = 0; map && i + 1 < map->count; i += 2)
        if (!known_key(w, map->items[i]->text) && sy_data_suggest(map->items[i]->text, wanted))
            return NULL;
    sy_walk_error(w, map, "missing \"%s\"", key);
    return NULL;
}

/* A non-null scalar, or an "expected <what>" error. */
static int want_scalar(sy_walk *w, const sy_yn *n, const char *what)
{
    if (sy_walk_unfinished(w, n))
        return -1;
    if (n && n->kind == SY_YN_SCALAR && !sy_yn_is_null(n))
        return 0;
    char got[64];
    sy_walk_error(w, n, "expected %s, got %s", what, sy_yn_describe(n, got, sizeof got));
    return -1;
}

static sy_value *made(sy_walk *w, sy_value *v)
{
    if (!v)
        sy_walk_nomem(w);
    return v;
}

/* A string of at most max bytes (after trailing blanks are dropped); what
 * names its kind in the message. */
static sy_value *string_max(sy_walk *w, const sy_yn *n, size_t max, const char *what)
{
    if (want_scalar(w, n, "a string") != 0)
        return NULL;
    /* the final line break a literal block (|) keeps, and trailing blanks,
     * would print as an empty line */
    size_t len = n->len;
    while (len > 0 &&
           (n->text[len - 1] == '\n' || n->text[len - 1] == ' ' || n->text[len - 1] == '\t' ||
            n->text[len - 1] == '\r'))
        len--;
    if (len == 0) {
        sy_walk_error(w, n, "must not be empty");
        return NULL;
    }
    if (len > max) {
        sy_walk_error(w, n, "is %zu bytes long; %s is at most %zu bytes of UTF-8", len, what, max);
        return NULL;
    }
    /* Control characters cannot be printed (a line break is one, a tab is a
     * space); say so here, where the line is known, not at typesetting. */
    for (size_t i = 0, chars = 0; i < len; chars++) {
        size_t at = i;
        uint32_t c = sy_utf8_next(n->text, len, &i);
        if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c < 0xA0)) {
            sy_walk_error(w, n,
                          "control character U+%04X at character %zu (byte %zu) cannot be "
                          "printed",
                          (unsigned)c, chars + 1, at);
            return NULL;
        }
    }
    return made(w, sy_value_string(n->text, len, sy_walk_mark(w, n)));
}

sy_value *sy_walk_string(sy_walk *w, const sy_yn *n)
{
    return string_max(w, n, SY_LIMIT_STRING_BYTES, "a text");
}

int sy_data_id_chars(const char *s, size_t len, int allow_slash)
{
    int ok = len > 0;
    for (size_t i = 0; i < len && ok; i++) {
        char c = s[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        ok = alnum || (i > 0 && (c == '-' || c == '_' || (allow_slash && c == '/')));
    }
    return ok;
}

sy_value *sy_walk_ident(sy_walk *w, const sy_yn *n, int allow_slash)
{
    if (want_scalar(w, n, "an id") != 0)
        return NULL;
    int ok = sy_data_id_chars(n->text, n->len, allow_slash);
    if (ok && n->len > SY_LIMIT_ID_BYTES) {
        char got[64];
        sy_walk_error(w, n, "%s is %zu characters long; an id is at most %d",
                      sy_yn_describe(n, got, sizeof got), n->len, SY_LIMIT_ID_BYTES);
        return NULL;
    }
    if (!ok) {
        char got[64];
        sy_walk_error(w, n, "%s is not a valid id (use lowercase letters, digits, \"-\", \"_\"%s)",
                      sy_yn_describe(n, got, sizeof got), allow_slash ? " and \"/\"" : "");
        return NULL;
    }
    return made(w, sy_value_string(n->text, n->len, sy_walk_mark(w, n)));
}

static int digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

sy_value *sy_walk_date(sy_walk *w, const sy_yn *n)
{
    if (want_scalar(w, n, "a date (YYYY-MM-DD)") != 0)
        return NULL;
    sy_date d;
    if (sy_date_parse_iso(n->text, n->len, &d) == 0)
        return made(w, sy_value_date(d, sy_walk_mark(w, n)));
    const char *s = n->text;
    if (n->len == 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
        digits(s + 8, 2)) {
        int y = atoi(s), m = atoi(s + 5), day = atoi(s + 8);
        if (m < 1 || m > 12)
            sy_walk_error(w, n, "invalid date \"%s\": there is no month %d", s, m);
        else if (y < 1)
            sy_walk_error(w, n, "invalid date \"%s\": there is no year 0", s);
        else
            sy_walk_error(w, n, "invalid date \"%s\": %04d-%02d has %d days, not %d", s, y, m,
                          sy_date_days_in_month(y, m), day);
        return NULL;
    }
    char got[64];
    sy_walk_error(w, n, "expected a date (YYYY-MM-DD), got %s", sy_yn_describe(n, got, sizeof got));
    return NULL;
}

sy_value *sy_walk_int(sy_walk *w, const sy_yn *n, long long min, long long max, const char *what)
{
    if (want_scalar(w, n, what) != 0)
        return NULL;
    const char *s = n->text;
    size_t start = s[0] == '-' ? 1 : 0;
    int numeric = n->len > start && n->len - start <= 18 && digits(s + start, n->len - start);
    if (!n->plain || !numeric) {
        char got[64];
        sy_walk_error(w, n, "expected %s, got %s%s", what, sy_yn_describe(n, got, sizeof got),
                      numeric ? " (a quoted string: remove the quotes)" : "");
        return NULL;
    }
    long long v = strtoll(s, NULL, 10);
    if (v < min) {
        if (min == 1)
            sy_walk_error(w, n, "must be positive, got %lld", v);
        else
            sy_walk_error(w, n, "must be at least %lld, got %lld", min, v);
        return NULL;
    }
    if (v > max) {
        sy_walk_error(w, n, "must be at most %lld, got %lld", max, v);
        return NULL;
    }
    return made(w, sy_value_int(v, sy_walk_mark(w, n)));
}

void sy_walk_set(sy_walk *w, sy_value *map, const char *key, sy_value *val)
{
    if (val && sy_value_map_set(map, key, val) != 0)
        sy_walk_nomem(w);
}

void sy_walk_append(sy_walk *w, sy_value *list, sy_value *val)
{
    if (val && sy_value_list_append(list, val) != 0)
        sy_walk_nomem(w);
}

/* Khmer block U+1780..U+17FF: E1 9E 80 .. E1 9F BF in UTF-8. */
static int khmer_at(const char *s, size_t i, size_t len)
{
    return i + 2 < len && (unsigned char)s[i] == 0xE1 &&
        ((unsigned char)s[i + 1] == 0x9E || (unsigned char)s[i + 1] == 0x9F);
}

/* Warnings about a text side that is likely a slip of the pen: a Khmer side
 * without Khmer letters, an English side all in Khmer (sides swapped), and
 * coeng RO written before another subscript, against Unicode's canonical
 * order (the text stage reorders it, but the source should be right). */
static void check_script(sy_walk *w, const sy_yn *n, int is_km)
{
    int khmer = 0, latin = 0;
    static const char coeng_ro_coeng[] = "\u17D2\u179A\u17D2"; /* coeng RO, coeng */
    for (size_t i = 0; i < n->len; i++) {
        char c = n->text[i];
        if (khmer_at(n->text, i, n->len))
            khmer = 1;
        else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            latin = 1;
    }
    const char *bad = strstr(n->text, coeng_ro_coeng);
    if (is_km && !khmer && latin)
        sy_walk_warning(w, n, "the Khmer side has no Khmer letters");
    else if (!is_km && khmer && !latin)
        sy_walk_warning(w, n, "the English side is all Khmer; are km and en swapped?");
    if (bad)
        sy_walk_warning(w, n,
                        "coeng RO before another subscript at byte %zu of the text; write coeng "
                        "RO last (\"ក្ម្រ\", not \"ក្រ្ម\")",
                        (size_t)(bad - n->text));
}

/* Text in both languages, each side at most max bytes. */
static sy_value *text_max(sy_walk *w, const sy_yn *n, size_t max, const char *what)
{
    static const char *const sides[] = {"km", "en", NULL};
    if (sy_walk_map(w, n, sides, "text in both languages ({km: ..., en: ...})") != 0)
        return NULL;
    sy_value *pair = made(w, sy_value_map(sy_walk_mark(w, n)));
    if (!pair)
        return NULL;
    int ok = 1;
    for (int i = 0; sides[i]; i++) {
        const sy_yn *side = sy_walk_require(w, n, sides[i]);
        if (!side) {
            ok = 0;
            continue;
        }
        size_t old = sy_walk_key(w, sides[i]);
        sy_value *s = string_max(w, side, max, what);
        if (s)
            check_script(w, side, i == 0);
        sy_walk_pop(w, old);
        if (!s)
            ok = 0;
        sy_walk_set(w, pair, sides[i], s);
    }
    if (!ok) {
        sy_value_free(pair);
        return NULL;
    }
    return pair;
}

sy_value *sy_walk_text(sy_walk *w, const sy_yn *n)
{
    return text_max(w, n, SY_LIMIT_STRING_BYTES, "a text");
}

sy_value *sy_walk_line(sy_walk *w, const sy_yn *n)
{
    return text_max(w, n, SY_LIMIT_LINE_BYTES, "a title or a name");
}

sy_value *sy_walk_enum(sy_walk *w, const sy_yn *n, const char *const *choices)
{
    if (want_scalar(w, n, "a string") != 0)
        return NULL;
    if (in_list(n->text, choices))
        return made(w, sy_value_string(n->text, n->len, sy_walk_mark(w, n)));
    char list[256], got[64];
    join(list, sizeof list, choices);
    const char *hint = sy_data_suggest(n->text, choices);
    if (hint)
        sy_walk_suggest(w, n, SY_SUGGEST_PAREN, hint, "must be one of %s; got %s", list,
                        sy_yn_describe(n, got, sizeof got));
    else
        sy_walk_error(w, n, "must be one of %s; got %s", list, sy_yn_describe(n, got, sizeof got));
    return NULL;
}

const char *sy_data_suggest(const char *word, const char *const *candidates)
{
    /* a third of the word's length, at least one edit: "nmae" -> "name",
     * "signatry" -> "signatory", but "english" is not a typo of "en" */
    size_t len = strlen(word);
    sy_suggest s;
    sy_suggest_init(&s, word, len, len > 1 ? (len + 2) / 3 : 1);
    for (; *candidates; candidates++)
        sy_suggest_try(&s, *candidates);
    return s.best;
}

sy_value *sy_data_copy_refile(const sy_value *v, const char *file)
{
    sy_mark m = sy_value_mark(v);
    m.file = file;
    switch (sy_value_kind_of(v)) {
    case SY_VAL_NULL:
        return sy_value_null(m);
    case SY_VAL_BOOL:
        return sy_value_bool(sy_value_as_bool(v), m);
    case SY_VAL_INT:
        return sy_value_int(sy_value_as_int(v), m);
    case SY_VAL_DATE:
        return sy_value_date(sy_value_as_date(v), m);
    case SY_VAL_STRING: {
        size_t len;
        const char *s = sy_value_as_string(v, &len);
        return sy_value_string(s, len, m);
    }
    case SY_VAL_LIST:
    case SY_VAL_MAP: {
        int is_map = sy_value_kind_of(v) == SY_VAL_MAP;
        sy_value *c = is_map ? sy_value_map(m) : sy_value_list(m);
        for (size_t i = 0; c && i < sy_value_len(v); i++) {
            sy_value *item = sy_data_copy_refile(sy_value_at(v, i), file);
            int rc = is_map ? sy_value_map_set(c, sy_value_key_at(v, i), item)
                            : sy_value_list_append(c, item);
            if (rc != 0) {
                sy_value_free(c);
                return NULL;
            }
        }
        return c;
    }
    }
    return NULL;
}

char *sy_data_read_file(const char *path, size_t *len, sy_diags *diags)
{
    char *data = NULL;
    sy_file_read_max(path, SY_LIMIT_YAML_BYTES, &data, len, diags);
    return data;
}

typedef struct placed {
    const sy_diag *d;
    size_t order;
} placed;

static int by_place(const void *pa, const void *pb)
{
    const placed *a = pa, *b = pb;
    if (a->d->line != b->d->line)
        return a->d->line < b->d->line ? -1 : 1;
    if (a->d->column != b->d->column)
        return a->d->column < b->d->column ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

void sy_data_move_diags(sy_diags *to, sy_diags *from)
{
    size_t n = sy_diags_count(from);
    placed *p = malloc((n ? n : 1) * sizeof *p);
    for (size_t i = 0; p && i < n; i++) {
        p[i].d = sy_diags_get(from, i);
        p[i].order = i;
    }
    if (p)
        qsort(p, n, sizeof *p, by_place);
    for (size_t i = 0; i < n; i++) {
        const sy_diag *d = p ? p[i].d : sy_diags_get(from, i);
        sy_diags_push(to, d);
    }
    if (sy_diags_lost(from))
        sy_diags_add(to, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL,
                     "out of memory: some problems were not recorded");
    free(p);
    sy_diags_clear(from);
}
