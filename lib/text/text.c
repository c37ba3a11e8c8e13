/* The text engine (see text.h). ICU is used through UText over the UTF-8
 * text, so every position it returns is already a byte offset; HarfBuzz
 * shapes with cluster level "characters" so every glyph knows the byte
 * offset of the character it came from. */
#include "text/text.h"

#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

#include "core/hash.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/lru.h"
#include "text/words.h"

typedef struct word {
    uint32_t first; /* first code point */
    char *text;
    size_t len;
} word;

/* A paragraph analysed before (see "the paragraph cache" below). */
typedef struct cached_para {
    sy_lru_node node; /* first: the cache's links, hash and size */
    const sy_font *khmer, *latin; /* the style's fonts, compared by address */
    uint32_t khmer_sum, latin_sum; /* and by their files' checksums */
    uint64_t id; /* never reused within the context */
    sy_text_para *para; /* the analysis (its ctx and src unset) */
    size_t input_len;
    char input[]; /* the text as given to sy_text_para_new */
} cached_para;

struct sy_text_ctx {
    UBreakIterator *line_km, *line_en, *chars;
    const UNormalizer2 *nfc;
    word *words_list;
    size_t nwords, capwords;
    int sorted;
    sy_lru cache; /* of cached_para: the paragraph cache */
    uint64_t last_id;
    sy_text_cache_stats stats;
};

static void cache_free_entry(sy_lru_node *n);

struct sy_text_para {
    sy_text_ctx *ctx;
    sy_text_style style;
    char *text;
    size_t len;
    sy_text_run *runs;
    size_t nruns;
    sy_text_glyph *glyphs;
    size_t nglyphs;
    uint8_t *brk; /* len + 1 */
    uint8_t *grapheme; /* len + 1 */
    sy_text_source src;
    uint64_t cache_id; /* the cache entry it is a copy of (0: none) */
    /* len + 1 entries: the byte of the text given to sy_text_para_new that byte
     * i of the normalised text comes from; NULL when normalising changed
     * nothing (nearly always). */
    size_t *input_at;
    /* For runs of more than INDEX_RUN_GLYPHS glyphs: per glyph of the run,
     * (cluster << 32 | index in the run), sorted, so that a line's glyphs
     * are found by binary search rather than by scanning the whole run
     * (layout stays linear in the paragraph's length). NULL when no run is
     * that long. Not kept in the cache's copies. */
    uint64_t *by_cluster;
};

enum { INDEX_RUN_GLYPHS = 256 };

/* ---- context ---- */

static int word_cmp(const void *a, const void *b)
{
    const word *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->len > y->len ? -1 : x->len < y->len; /* longest first */
}

static sy_status add_word(sy_text_ctx *ctx, const char *w, size_t n)
{
    if (ctx->nwords >= SY_LIMIT_WORDLIST_ENTRIES)
        return SY_ERR_LIMIT;
    if (ctx->nwords == ctx->capwords) {
        size_t cap = ctx->capwords ? ctx->capwords * 2 : 128;
        word *nw = realloc(ctx->words_list, cap * sizeof *nw);
        if (!nw)
            return SY_ERR_NOMEM;
        ctx->words_list = nw;
        ctx->capwords = cap;
    }
    char *copy = malloc(n + 1);
    if (!copy)
        return SY_ERR_NOMEM;
    memcpy(copy, w, n);
    copy[n] = 0;
    size_t i = 0;
    word e = {sy_utf8_next(copy, n, &i), copy, n};
    ctx->words_list[ctx->nwords++] = e;
    ctx->sorted = 0;
    return SY_OK;
}

/* NFC of UTF-8 text into out; returns 0 or -1. */
static int normalize_nfc(const UNormalizer2 *nfc, const char *s, size_t len, sy_buf *out)
{
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii) {
        sy_buf_put(out, s, len);
        return sy_buf_failed(out) ? -1 : 0;
    }
    UErrorCode st = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return -1;
    st = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)ulen + 1) * sizeof *u);
    int32_t cap = ulen * 3 + 16;
    UChar *n = malloc((size_t)cap * sizeof *n);
    int rc = -1;
    if (u && n) {
        u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)len, &st);
        int32_t nlen = U_SUCCESS(st) ? unorm2_normalize(nfc, u, ulen, n, cap, &st) : 0;
        int32_t blen = 0;
        if (U_SUCCESS(st)) {
            u_strToUTF8(NULL, 0, &blen, n, nlen, &st);
            if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING)
                st = U_ZERO_ERROR;
        }
        if (U_SUCCESS(st)) {
            char *b = malloc((size_t)blen + 1);
            if (b) {
                u_strToUTF8(b, blen + 1, NULL, n, nlen, &st);
                if (U_SUCCESS(st)) {
                    sy_buf_put(out, b, (size_t)blen);
                    rc = sy_buf_failed(out) ? -1 : 0;
                }
                free(b);
            }
        }
    }
    free(u);
    free(n);
    return rc;
}

sy_text_ctx *sy_text_ctx_new(sy_diags *d)
{
    sy_text_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    sy_lru_init(&ctx->cache, SY_TEXT_CACHE_BYTES, cache_free_entry);
    UErrorCode st = U_ZERO_ERROR;
    ctx->nfc = unorm2_getNFCInstance(&st);
    ctx->line_km = ubrk_open(UBRK_LINE, "km", NULL, 0, &st);
    ctx->line_en = ubrk_open(UBRK_LINE, "en", NULL, 0, &st);
    ctx->chars = ubrk_open(UBRK_CHARACTER, "km", NULL, 0, &st);
    if (U_FAILURE(st)) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                     "ICU break iterators unavailable: %s", u_errorName(st));
        sy_text_ctx_free(ctx);
        return NULL;
    }
    for (unsigned i = 0; i < sy_text_words_km_count; i++) {
        if (add_word(ctx, sy_text_words_km[i], strlen(sy_text_words_km[i])) != SY_OK) {
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
            sy_text_ctx_free(ctx);
            return NULL;
        }
    }
    return ctx;
}

void sy_text_ctx_free(sy_text_ctx *ctx)
{
    if (!ctx)
        return;
    sy_lru_free(&ctx->cache);
    if (ctx->line_km)
        ubrk_close(ctx->line_km);
    if (ctx->line_en)
        ubrk_close(ctx->line_en);
    if (ctx->chars)
        ubrk_close(ctx->chars);
    for (size_t i = 0; i < ctx->nwords; i++)
        free(ctx->words_list[i].text);
    free(ctx->words_list);
    free(ctx);
}

size_t sy_text_ctx_word_count(const sy_text_ctx *ctx)
{
    return ctx->nwords;
}

sy_status sy_text_ctx_add_words(sy_text_ctx *ctx, const char *name, const char *text, size_t len,
                                sy_diags *d)
{
    sy_lru_clear(&ctx->cache); /* the words change where lines may break */
    size_t bad = sy_utf8_check(text, len);
    if (bad != (size_t)-1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, name, 0, 0, NULL,
                            "invalid UTF-8 at byte offset %zu", bad);
    size_t pos = 0;
    int line = 0;
    while (pos < len) {
        line++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t a = pos, b = end;
        const char *hash = memchr(text + a, '#', b - a);
        if (hash)
            b = (size_t)(hash - text);
        while (a < b && (text[a] == ' ' || text[a] == '\t'))
            a++;
        while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
            b--;
        if (b > a) {
            sy_buf norm = SY_BUF_INIT;
            sy_status st = SY_OK;
            if (normalize_nfc(ctx->nfc, text + a, b - a, &norm) != 0)
                st = SY_ERR_NOMEM;
            else
                st = add_word(ctx, norm.data, norm.len);
            sy_buf_free(&norm);
            if (st != SY_OK)
                return sy_diags_add(d, SY_SEV_ERROR, st, name, line, 1, NULL,
                                    st == SY_ERR_LIMIT ? "too many words (limit %u)"
                                                       : "out of memory (word list of %u)",
                                    SY_LIMIT_WORDLIST_ENTRIES);
        }
        pos = nl ? end + 1 : len;
    }
    return SY_OK;
}

/* ---- where a byte came from ---- */

sy_text_place sy_text_locate(const sy_text_source *src, size_t offset)
{
    sy_text_place pl = {src->file, src->line, 0, NULL, src->offset + offset, NULL, 0};
    ptrdiff_t at = (ptrdiff_t)offset + src->span_offset;
    const sy_span *s =
        src->spans && at >= 0 ? sy_span_find(src->spans, src->nspans, (size_t)at) : NULL;
    if (!s || !s->path)
        return pl;
    pl.file = s->mark.file;
    pl.line = s->mark.line;
    pl.column = s->mark.column;
    pl.path = s->path;
    pl.offset = (size_t)at - s->start;
    pl.via_file = s->via.file ? s->via.file : src->file;
    pl.via_line = s->via.file ? s->via.line : src->line;
    return pl;
}

/* A problem at byte `offset` of the text given to sy_text_para_new. */
static sy_status report(sy_diags *d, sy_severity sev, sy_status code, const sy_text_source *src,
                        size_t offset, const char *what, const char *after)
{
    sy_text_place pl = sy_text_locate(src, offset);
    if (!pl.path)
        return sy_diags_add(d, sev, code, pl.file, pl.line, 0, NULL, "%s at byte offset %zu%s%s",
                            what, pl.offset, after ? " " : "", after ? after : "");
    return sy_diags_add(d, sev, code, pl.file, pl.line, pl.column, pl.path,
                        "%s at byte offset %zu of the value%s%s, via %s:%d", what, pl.offset,
                        after ? " " : "", after ? after : "", pl.via_file ? pl.via_file : "?",
                        pl.via_line);
}

sy_status sy_text_para_report(const sy_text_para *p, sy_diags *d, sy_severity sev, sy_status code,
                              size_t offset, const char *what, const char *after)
{
    if (offset > p->len)
        offset = p->len;
    return report(d, sev, code, &p->src, p->input_at ? p->input_at[offset] : offset, what, after);
}

/* The input_at map of a paragraph whose normalised text (nlen bytes)
 * differs from its input s: the input is normalised again piece by piece,
 * cut where a character starts a new normalisation segment (NFC of the
 * whole is NFC of the pieces), and each piece's output maps to the piece's
 * input (byte for byte when its length did not change). NULL when out of
 * memory. */
static size_t *nfc_input_map(const UNormalizer2 *nfc, const char *s, size_t len, size_t nlen)
{
    size_t *map = malloc((nlen + 1) * sizeof *map);
    sy_buf piece = SY_BUF_INIT;
    size_t out = 0;
    for (size_t a = 0; map && a < len;) {
        size_t b = a;
        sy_utf8_next(s, len, &b);
        while (b < len) {
            size_t next = b;
            uint32_t c = sy_utf8_next(s, len, &next);
            if (unorm2_hasBoundaryBefore(nfc, (UChar32)c))
                break;
            b = next;
        }
        piece.len = 0;
        if (normalize_nfc(nfc, s + a, b - a, &piece) != 0 || out + piece.len > nlen) {
            free(map);
            map = NULL;
            break;
        }
        for (size_t k = 0; k < piece.len; k++)
            map[out + k] = piece.len == b - a ? a + k : a;
        out += piece.len;
        a = b;
    }
    sy_buf_free(&piece);
    if (map && out != nlen) {
        free(map);
        return NULL;
    }
    if (map)
        map[nlen] = len;
    return map;
}

/* ---- paragraphs ---- */

static int is_khmer_script(UScriptCode s)
{
    return s == USCRIPT_KHMER;
}

static int default_ignorable(uint32_t c)
{
    return u_hasBinaryProperty((UChar32)c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

static hb_script_t hb_script_of(UScriptCode s)
{
    const char *tag = uscript_getShortName(s);
    hb_script_t h = tag ? hb_script_from_string(tag, -1) : HB_SCRIPT_INVALID;
    return h == HB_SCRIPT_INVALID || h == HB_SCRIPT_UNKNOWN ? HB_SCRIPT_LATIN : h;
}

/* Shapes bytes [start, end) of text with the whole text as context. */
static sy_status shape_piece(const char *text, size_t len, size_t start, size_t end,
                             const sy_text_run *run, sy_text_glyph **glyphs, size_t *n, size_t *cap)
{
    hb_buffer_t *buf = hb_buffer_create();
    hb_buffer_set_unicode_funcs(buf, hb_unicode_funcs_get_default());
    hb_buffer_add_utf8(buf, text, (int)len, (unsigned)start, (int)(end - start));
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, (hb_script_t)run->script);
    hb_buffer_set_language(buf, hb_language_from_string(run->lang, -1));
    hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
    /* A syllable the author typed broken (a lone vowel sign) is drawn as
     * typed, without HarfBuzz's dotted circle, which is not in the text. */
    hb_buffer_set_flags(buf,
                        HB_BUFFER_FLAG_DO_NOT_INSERT_DOTTED_CIRCLE |
                            (start == 0 ? HB_BUFFER_FLAG_BOT : 0) |
                            (end == len ? HB_BUFFER_FLAG_EOT : 0));
    hb_shape(sy_font_hb(run->font), buf, NULL, 0);
    if (!hb_buffer_allocation_successful(buf)) {
        hb_buffer_destroy(buf);
        return SY_ERR_NOMEM;
    }
    unsigned count;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &count);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &count);
    if (*n + count > *cap) {
        size_t ncap = (*n + count) * 2 + 16;
        sy_text_glyph *g = realloc(*glyphs, ncap * sizeof *g);
        if (!g) {
            hb_buffer_destroy(buf);
            return SY_ERR_NOMEM;
        }
        *glyphs = g;
        *cap = ncap;
    }
    for (unsigned i = 0; i < count; i++) {
        sy_text_glyph *g = &(*glyphs)[*n + i];
        g->gid = info[i].codepoint;
        g->cluster = info[i].cluster;
        g->x_advance = pos[i].x_advance;
        g->x_offset = pos[i].x_offset;
        g->y_offset = pos[i].y_offset;
        g->unsafe_to_break =
            (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    }
    *n += count;
    hb_buffer_destroy(buf);
    return SY_OK;
}

static void set_utext(UBreakIterator *bi, UText *ut, UErrorCode *st)
{
    ubrk_setUText(bi, ut, st);
}

/* Fills km and en (len + 1 each) with the line breaks ICU's Khmer and
 * English iterators find, each only where its script is present, and
 * p->grapheme with the grapheme-cluster boundaries. */
static sy_status icu_boundaries(sy_text_para *p, const UScriptCode *script_at, uint8_t *km,
                                uint8_t *en, sy_diags *d, sy_text_source src)
{
    sy_text_ctx *ctx = p->ctx;
    size_t len = p->len;
    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, p->text, (int64_t)len, &st);
    set_utext(ctx->line_km, ut, &st);
    set_utext(ctx->line_en, ut, &st);
    set_utext(ctx->chars, ut, &st);
    if (U_FAILURE(st)) {
        utext_close(ut);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, src.file, src.line, 0, NULL,
                            "ICU segmentation failed: %s", u_errorName(st));
    }
    /* Each locale's iterator runs only if its script is present. */
    int has_khmer = 0, has_other = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_khmer_script(script_at[i]))
            has_khmer = 1;
        else
            has_other = 1;
    }
    if (has_khmer)
        for (int32_t b = ubrk_first(ctx->line_km); b != UBRK_DONE; b = ubrk_next(ctx->line_km))
            km[b] = 1;
    if (has_other)
        for (int32_t b = ubrk_first(ctx->line_en); b != UBRK_DONE; b = ubrk_next(ctx->line_en))
            en[b] = 1;
    for (int32_t b = ubrk_first(ctx->chars); b != UBRK_DONE; b = ubrk_next(ctx->chars))
        p->grapheme[b] = 1;
    /* Detach the iterators from this paragraph's text before it goes. */
    UText *empty = utext_openUTF8(NULL, "", 0, &st);
    set_utext(ctx->line_km, empty, &st);
    set_utext(ctx->line_en, empty, &st);
    set_utext(ctx->chars, empty, &st);
    utext_close(empty);
    utext_close(ut);
    return SY_OK;
}

/* The author's hints: ZWSP allows a break after it, WORD JOINER forbids
 * one on either side. */
static void apply_author_hints(sy_text_para *p)
{
    size_t len = p->len;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t c = sy_utf8_next(p->text, len, &i);
        if (c == 0x200B && p->grapheme[i])
            p->brk[i] = SY_BREAK_ALLOWED;
        if (c == 0x2060) {
            if (at > 0)
                p->brk[at] = SY_BREAK_NONE;
            if (i < len)
                p->brk[i] = SY_BREAK_NONE;
        }
    }
}

/* No break after a hyphen inside a word (Anti-Human): readers treat a
 * hyphen at the end of a line as a soft one and drop it when they copy
 * (poppler) or turn it into U+FFFE (PDFium), so the copied text would no
 * longer be the source. */
static void keep_hyphenated_words(sy_text_para *p)
{
    size_t len = p->len;
    for (size_t i = 1; i + 1 < len; i++) {
        if (p->text[i] != '-' || !p->brk[i + 1])
            continue;
        size_t a = i - 1, b = i + 1;
        while (a > 0 && ((unsigned char)p->text[a] & 0xC0) == 0x80)
            a--;
        uint32_t before = sy_utf8_next(p->text, len, &a);
        uint32_t after = sy_utf8_next(p->text, len, &b);
        if (u_isalnum((UChar32)before) && u_isalnum((UChar32)after))
            p->brk[i + 1] = SY_BREAK_NONE;
    }
}

/* No break inside a word of the no-break word list: at each grapheme
 * boundary, the longest listed word starting there (sorts the list on
 * first use). */
static void keep_listed_words(sy_text_para *p)
{
    sy_text_ctx *ctx = p->ctx;
    size_t len = p->len;
    if (!ctx->sorted) {
        qsort(ctx->words_list, ctx->nwords, sizeof *ctx->words_list, word_cmp);
        ctx->sorted = 1;
    }
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t c = sy_utf8_next(p->text, len, &i);
        if (!p->grapheme[at] || c < 0x80)
            continue;
        size_t lo = 0, hi = ctx->nwords;
        while (lo < hi) { /* first word starting with c */
            size_t mid = (lo + hi) / 2;
            if (ctx->words_list[mid].first < c)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < ctx->nwords && ctx->words_list[k].first == c; k++) {
            const word *w = &ctx->words_list[k];
            if (w->len > len - at || memcmp(p->text + at, w->text, w->len) != 0 ||
                !p->grapheme[at + w->len])
                continue;
            for (size_t j = at + 1; j < at + w->len; j++)
                p->brk[j] = SY_BREAK_NONE;
            break; /* longest match first */
        }
    }
}

/* Fills p->grapheme and p->brk: ICU's opportunities by the script on
 * either side of each position, then the author's hints, hyphenated words
 * and the no-break word list. */
static sy_status find_breaks(sy_text_para *p, const UScriptCode *script_at, sy_diags *d,
                             sy_text_source src)
{
    size_t len = p->len;
    /* ICU's opportunities for each locale; freed here */
    uint8_t *km = calloc(len + 1, 1), *en = calloc(len + 1, 1);
    if (!km || !en) {
        free(km);
        free(en);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, src.file, src.line, 0, NULL,
                            "out of memory");
    }
    sy_status st = icu_boundaries(p, script_at, km, en, d, src);
    if (st != SY_OK) {
        free(km);
        free(en);
        return st;
    }
    for (size_t i = 1; i <= len; i++) {
        int khmer = is_khmer_script(script_at[i - 1]) || (i < len && is_khmer_script(script_at[i]));
        p->brk[i] = (khmer ? km[i] : en[i]) && p->grapheme[i];
    }
    p->brk[0] = SY_BREAK_NONE;
    free(km);
    free(en);

    apply_author_hints(p);
    keep_hyphenated_words(p);
    p->brk[len] = SY_BREAK_ALLOWED;
    keep_listed_words(p);
    return SY_OK;
}

/* Rejects a paragraph longer than the limit or not valid UTF-8. */
static sy_status check_input(const char *utf8, size_t len, const sy_text_source *src, sy_diags *d)
{
    if (len > SY_LIMIT_PARAGRAPH_BYTES)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, src->file, src->line, 0, NULL,
                            "paragraph of %zu bytes is longer than the limit of %u bytes", len,
                            SY_LIMIT_PARAGRAPH_BYTES);
    size_t bad = sy_utf8_check(utf8, len);
    if (bad != (size_t)-1) {
        char byte[16];
        snprintf(byte, sizeof byte, "(byte 0x%02X)", (unsigned)(unsigned char)utf8[bad]);
        return report(d, SY_SEV_ERROR, SY_ERR_DATA, src, bad, "invalid UTF-8", byte);
    }
    return SY_OK;
}

/* Copies the text into clean (the caller frees it) with each tab made a
 * space: control characters have no place in running text. Every one is
 * reported; SY_ERR_DATA when there was one. */
static sy_status clean_controls(const char *utf8, size_t len, const sy_text_source *src,
                                sy_buf *clean, sy_diags *d)
{
    sy_status st = SY_OK;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t c = sy_utf8_next(utf8, len, &i);
        if (c == '\t') {
            sy_buf_putc(clean, ' ');
        } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            char what[32];
            snprintf(what, sizeof what, "control character U+%04X", (unsigned)c);
            report(d, SY_SEV_ERROR, SY_ERR_DATA, src, at, what, NULL);
            st = SY_ERR_DATA;
        } else {
            sy_buf_put(clean, utf8 + at, i - at);
        }
    }
    return st;
}

/* A new paragraph holding the NFC of the cleaned text (and, when NFC
 * changed it, the map back to its bytes), with its break and grapheme
 * tables allocated. Returns NULL with an error in d; else the caller frees
 * it with sy_text_para_free. */
static sy_text_para *para_normalised(sy_text_ctx *ctx, const sy_text_style *style,
                                     sy_text_source src, const sy_buf *clean, sy_diags *d)
{
    sy_text_para *p = calloc(1, sizeof *p);
    sy_buf norm = SY_BUF_INIT;
    if (!p || sy_buf_failed(clean) ||
        normalize_nfc(ctx->nfc, clean->data ? clean->data : "", clean->len, &norm) != 0) {
        sy_buf_free(&norm);
        free(p);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, src.file, src.line, 0, NULL,
                     "out of memory (or text ICU cannot normalise)");
        return NULL;
    }
    p->ctx = ctx;
    p->style = *style;
    p->src = src;
    p->len = norm.len;
    /* Tabs became spaces byte for byte: only NFC can move offsets. */
    if (norm.len != clean->len || (norm.len && memcmp(norm.data, clean->data, norm.len) != 0))
        p->input_at = nfc_input_map(ctx->nfc, clean->data, clean->len, norm.len);
    p->text = sy_buf_take(&norm, NULL);
    if (!p->text)
        p->text = calloc(1, 1);
    p->brk = calloc(p->len + 1, 1);
    p->grapheme = calloc(p->len + 1, 1);
    if (!p->text || !p->brk || !p->grapheme) {
        sy_text_para_free(p);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, src.file, src.line, 0, NULL, "out of memory");
        return NULL;
    }
    return p;
}

/* Step 1: the script of every byte; Common and Inherited characters take
 * their neighbours' (the preceding one, else the following one). */
static void resolve_scripts(const char *text, size_t n, UScriptCode *script_at)
{
    UScriptCode last = USCRIPT_COMMON;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        UErrorCode st = U_ZERO_ERROR;
        uint32_t c = sy_utf8_next(text, n, &i);
        UScriptCode s = uscript_getScript((UChar32)c, &st);
        if (s == USCRIPT_INHERITED || s == USCRIPT_COMMON || U_FAILURE(st))
            s = last; /* still Common when nothing precedes: resolved below */
        else
            last = s;
        for (size_t k = at; k < i; k++)
            script_at[k] = s;
    }
    UScriptCode next = USCRIPT_LATIN;
    for (size_t i = n; i-- > 0;) {
        if (script_at[i] == USCRIPT_COMMON)
            script_at[i] = next;
        else
            next = script_at[i];
    }
}

/* Step 2: the font of every byte, with fallback to the style's other
 * font. Every character neither covers is reported; SY_ERR_DATA when there
 * was one. */
static sy_status choose_fonts(const sy_text_para *p, const UScriptCode *script_at,
                              const sy_font **font_at, sy_diags *d)
{
    const sy_text_style *style = &p->style;
    sy_status missing = SY_OK;
    for (size_t i = 0; i < p->len;) {
        size_t at = i;
        uint32_t c = sy_utf8_next(p->text, p->len, &i);
        const sy_font *want = is_khmer_script(script_at[at]) ? style->khmer : style->latin;
        const sy_font *other = want == style->khmer ? style->latin : style->khmer;
        const sy_font *f = want;
        if (!sy_font_covers(want, c) && !default_ignorable(c)) {
            if (other && sy_font_covers(other, c)) {
                f = other;
            } else {
                char name[128] = "", what[200], tried[200];
                UErrorCode st = U_ZERO_ERROR;
                u_charName((UChar32)c, U_UNICODE_CHAR_NAME, name, sizeof name, &st);
                snprintf(what, sizeof what, "no font of the style covers '%.*s' U+%04X%s%s",
                         (int)(i - at), p->text + at, (unsigned)c, name[0] ? " " : "", name);
                snprintf(tried, sizeof tried, "(fonts tried: %s%s%s)", sy_font_family(want),
                         other ? ", " : "", other ? sy_font_family(other) : "");
                sy_text_para_report(p, d, SY_SEV_ERROR, SY_ERR_DATA, at, what, tried);
                missing = SY_ERR_DATA;
            }
        }
        for (size_t k = at; k < i; k++)
            font_at[k] = f;
    }
    return missing;
}

/* Step 3: the runs of one script and one font (p->runs), each shaped with
 * HarfBuzz (p->glyphs); both arrays are the paragraph's. SY_ERR_NOMEM when
 * out of memory. */
static sy_status shape_runs(sy_text_para *p, const UScriptCode *script_at, const sy_font **font_at)
{
    size_t n = p->len, capruns = 8, capglyphs = n + 16;
    p->runs = malloc(capruns * sizeof *p->runs);
    p->glyphs = malloc(capglyphs * sizeof *p->glyphs);
    sy_status st = p->runs && p->glyphs ? SY_OK : SY_ERR_NOMEM;
    for (size_t i = 0; i < n && st == SY_OK;) {
        size_t j = i;
        while (j < n && script_at[j] == script_at[i] && font_at[j] == font_at[i])
            j++;
        if (p->nruns == capruns) {
            capruns *= 2;
            sy_text_run *r = realloc(p->runs, capruns * sizeof *r);
            if (!r)
                return SY_ERR_NOMEM;
            p->runs = r;
        }
        sy_text_run *r = &p->runs[p->nruns++];
        r->start = i;
        r->end = j;
        r->script = (int)hb_script_of(script_at[i]);
        r->lang = is_khmer_script(script_at[i]) ? "km" : "en";
        r->font = font_at[i];
        r->glyph_start = p->nglyphs;
        st = shape_piece(p->text, n, i, j, r, &p->glyphs, &p->nglyphs, &capglyphs);
        r->glyph_count = p->nglyphs - r->glyph_start;
        i = j;
    }
    return st;
}

/* ---- the paragraph cache ----
 *
 * A batch builds agreement after agreement with one context per worker,
 * and most of their paragraphs were seen before: the template's own words,
 * the clauses of the same kind of agreement, party names, the cover's rows.
 * What sy_text_para_new makes of a paragraph (NFC, runs, HarfBuzz's
 * glyphs, ICU's break opportunities) depends only on its text, the style's
 * two fonts and the no-break word list, so the context keeps it, keyed by
 * the text as given and the fonts (by address and file checksum: a font
 * freed and another loaded at its address does not match unless it is the
 * same file), and a later paragraph with the same key gets a copy: the
 * same glyphs and breaks, the same bytes in the PDF. Only paragraphs made
 * without a problem are kept (a paragraph with an error is made afresh and
 * reports it again). Adding words empties the cache. Bounded by
 * SY_TEXT_CACHE_BYTES; the least recently used paragraphs go first. */

static uint64_t cache_hash(const sy_text_style *style, const char *s, size_t len)
{
    const sy_font *f[2] = {style->khmer, style->latin};
    return sy_fnv1a64(sy_fnv1a64(SY_FNV1A64_INIT, s, len), f, sizeof f);
}

static uint32_t font_sum(const sy_font *f)
{
    return f ? sy_font_checksum(f) : 0;
}

static void cache_free_entry(sy_lru_node *n)
{
    cached_para *e = (cached_para *)n;
    sy_text_para_free(e->para);
    free(e);
}

static cached_para *cache_find(sy_text_ctx *ctx, uint64_t hash, const sy_text_style *style,
                               const char *s, size_t len)
{
    for (sy_lru_node *n = sy_lru_first(&ctx->cache, hash); n; n = sy_lru_next(n)) {
        cached_para *e = (cached_para *)n;
        if (e->input_len == len && e->khmer == style->khmer && e->latin == style->latin &&
            e->khmer_sum == font_sum(style->khmer) && e->latin_sum == font_sum(style->latin) &&
            memcmp(e->input, s, len) == 0)
            return e;
    }
    return NULL;
}

/* A copy of p's analysis (text, runs, glyphs, breaks, graphemes, the map
 * back to the input), for ctx, style and src. NULL when out of memory. */
static sy_text_para *para_copy(const sy_text_para *p, sy_text_ctx *ctx, const sy_text_style *style,
                               sy_text_source src)
{
    sy_text_para *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->ctx = ctx;
    c->style = *style;
    c->src = src;
    c->len = p->len;
    c->nruns = p->nruns;
    c->nglyphs = p->nglyphs;
    c->text = malloc(p->len + 1);
    c->runs = malloc((p->nruns ? p->nruns : 1) * sizeof *c->runs);
    c->glyphs = malloc((p->nglyphs ? p->nglyphs : 1) * sizeof *c->glyphs);
    c->brk = malloc(p->len + 1);
    c->grapheme = malloc(p->len + 1);
    if (p->input_at)
        c->input_at = malloc((p->len + 1) * sizeof *c->input_at);
    if (!c->text || !c->runs || !c->glyphs || !c->brk || !c->grapheme ||
        (p->input_at && !c->input_at)) {
        sy_text_para_free(c);
        return NULL;
    }
    memcpy(c->text, p->text, p->len + 1);
    memcpy(c->runs, p->runs, p->nruns * sizeof *c->runs);
    memcpy(c->glyphs, p->glyphs, p->nglyphs * sizeof *c->glyphs);
    memcpy(c->brk, p->brk, p->len + 1);
    memcpy(c->grapheme, p->grapheme, p->len + 1);
    if (p->input_at)
        memcpy(c->input_at, p->input_at, (p->len + 1) * sizeof *c->input_at);
    return c;
}

static size_t para_bytes(const sy_text_para *p)
{
    return sizeof *p + 3 * (p->len + 1) + p->nruns * sizeof *p->runs +
        p->nglyphs * sizeof *p->glyphs + (p->input_at ? (p->len + 1) * sizeof *p->input_at : 0);
}

/* Keeps a copy of p, made from input s[0..len) with its style, evicting
 * the least recently used paragraphs beyond the bound. Out of memory, it
 * keeps nothing: the cache only saves work. */
static uint64_t cache_add(sy_text_ctx *ctx, uint64_t hash, const char *s, size_t len,
                          const sy_text_para *p)
{
    size_t bytes = sizeof(cached_para) + len + para_bytes(p);
    if (!sy_lru_fits(&ctx->cache, bytes))
        return 0; /* one paragraph must not push out a document's worth */
    cached_para *e = malloc(sizeof *e + len + 1);
    sy_text_source none = {0};
    sy_text_para *copy = e ? para_copy(p, ctx, &p->style, none) : NULL;
    if (!copy) {
        free(e);
        return 0;
    }
    e->khmer = p->style.khmer;
    e->latin = p->style.latin;
    e->khmer_sum = font_sum(p->style.khmer);
    e->latin_sum = font_sum(p->style.latin);
    e->para = copy;
    e->input_len = len;
    memcpy(e->input, s, len);
    e->input[len] = 0;
    if (sy_lru_insert(&ctx->cache, &e->node, hash, bytes) != 0) {
        cache_free_entry(&e->node);
        return 0;
    }
    e->id = ++ctx->last_id;
    return e->id;
}

uint64_t sy_text_para_cache_id(const sy_text_para *p)
{
    return p->cache_id;
}

sy_text_cache_stats sy_text_ctx_cache_stats(const sy_text_ctx *ctx)
{
    sy_text_cache_stats st = ctx->stats;
    st.entries = ctx->cache.count;
    st.bytes = ctx->cache.bytes;
    return st;
}

/* The analysis of a paragraph, made afresh (see sy_text_para_new). */
static sy_text_para *para_analyse(sy_text_ctx *ctx, const sy_text_style *style, const char *utf8,
                                  size_t len, sy_text_source src, sy_diags *d)
{
    if (check_input(utf8, len, &src, d) != SY_OK)
        return NULL;
    sy_buf clean = SY_BUF_INIT;
    if (clean_controls(utf8, len, &src, &clean, d) != SY_OK) {
        sy_buf_free(&clean);
        return NULL;
    }
    sy_text_para *p = para_normalised(ctx, style, src, &clean, d);
    sy_buf_free(&clean);
    if (!p)
        return NULL;
    /* per byte, for the steps below; freed here */
    UScriptCode *script_at = calloc(p->len + 1, sizeof *script_at);
    const sy_font **font_at = calloc(p->len + 1, sizeof *font_at);
    if (!script_at || !font_at) {
        free(script_at);
        free(font_at);
        sy_text_para_free(p);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, src.file, src.line, 0, NULL, "out of memory");
        return NULL;
    }
    resolve_scripts(p->text, p->len, script_at);
    sy_status st = choose_fonts(p, script_at, font_at, d);
    if (st == SY_OK) {
        st = shape_runs(p, script_at, font_at);
        if (st == SY_OK)
            st = find_breaks(p, script_at, d, src);
        else
            sy_diags_add(d, SY_SEV_ERROR, st, src.file, src.line, 0, NULL, "out of memory");
    }
    free(script_at);
    free(font_at);
    if (st != SY_OK) {
        sy_text_para_free(p);
        return NULL;
    }
    return p;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Builds p->by_cluster when a run is long; -1 when out of memory. */
static int index_clusters(sy_text_para *p)
{
    int any = 0;
    for (size_t i = 0; i < p->nruns; i++)
        any |= p->runs[i].glyph_count > INDEX_RUN_GLYPHS;
    if (!any || p->nglyphs > UINT32_MAX)
        return 0;
    if (!(p->by_cluster = malloc(p->nglyphs * sizeof *p->by_cluster)))
        return -1;
    for (size_t i = 0; i < p->nruns; i++) {
        const sy_text_run *r = &p->runs[i];
        uint64_t *k = p->by_cluster + r->glyph_start;
        for (size_t j = 0; j < r->glyph_count; j++)
            k[j] = (uint64_t)p->glyphs[r->glyph_start + j].cluster << 32 | (uint64_t)j;
        if (r->glyph_count > INDEX_RUN_GLYPHS)
            qsort(k, r->glyph_count, sizeof *k, cmp_u64);
    }
    return 0;
}

/* The first of n sorted keys that is >= key. */
static size_t lower_bound(const uint64_t *k, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (k[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static sy_text_para *para_new(sy_text_ctx *ctx, const sy_text_style *style, const char *utf8,
                              size_t len, sy_text_source src, sy_diags *d);

sy_text_para *sy_text_para_new(sy_text_ctx *ctx, const sy_text_style *style, const char *utf8,
                               size_t len, sy_text_source src, sy_diags *d)
{
    sy_text_para *p = para_new(ctx, style, utf8, len, src, d);
    if (p && index_clusters(p) != 0) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, src.file, src.line, 0, NULL, "out of memory");
        sy_text_para_free(p);
        return NULL;
    }
    return p;
}

static sy_text_para *para_new(sy_text_ctx *ctx, const sy_text_style *style, const char *utf8,
                              size_t len, sy_text_source src, sy_diags *d)
{
    uint64_t hash = cache_hash(style, utf8, len);
    cached_para *e = cache_find(ctx, hash, style, utf8, len);
    if (e) {
        sy_text_para *p = para_copy(e->para, ctx, style, src);
        if (!p) {
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, src.file, src.line, 0, NULL,
                         "out of memory");
            return NULL;
        }
        p->cache_id = e->id;
        sy_lru_touch(&ctx->cache, &e->node);
        ctx->stats.hits++;
        return p;
    }
    ctx->stats.misses++;
    sy_text_para *p = para_analyse(ctx, style, utf8, len, src, d);
    if (p)
        p->cache_id = cache_add(ctx, hash, utf8, len, p);
    return p;
}

void sy_text_para_trim(sy_text_para *p)
{
    if (!p)
        return;
    free(p->runs);
    free(p->glyphs);
    free(p->brk);
    free(p->grapheme);
    free(p->input_at);
    free(p->by_cluster);
    p->runs = NULL;
    p->glyphs = NULL;
    p->brk = p->grapheme = NULL;
    p->input_at = NULL;
    p->by_cluster = NULL;
    p->nruns = p->nglyphs = 0;
}

void sy_text_para_free(sy_text_para *p)
{
    if (!p)
        return;
    sy_text_para_trim(p);
    free(p->text);
    free(p);
}

const char *sy_text_para_text(const sy_text_para *p, size_t *len)
{
    if (len)
        *len = p->len;
    return p->text;
}

const sy_text_style *sy_text_para_style(const sy_text_para *p)
{
    return &p->style;
}

size_t sy_text_para_run_count(const sy_text_para *p)
{
    return p->nruns;
}

const sy_text_run *sy_text_para_run(const sy_text_para *p, size_t i)
{
    return i < p->nruns ? &p->runs[i] : NULL;
}

const sy_text_glyph *sy_text_para_glyphs(const sy_text_para *p, size_t *n)
{
    *n = p->nglyphs;
    return p->glyphs;
}

const uint8_t *sy_text_para_breaks(const sy_text_para *p)
{
    return p->brk;
}

int sy_text_para_is_grapheme_boundary(const sy_text_para *p, size_t i)
{
    return i <= p->len && p->grapheme[i];
}

/* Copies the paragraph's own glyphs for bytes [a, b) of run r when HarfBuzz
 * says breaking there needs no reshaping (the glyphs starting the clusters
 * at a and b are not UNSAFE_TO_BREAK), which is what most lines are.
 * Returns 1 when done, 0 when the range must be shaped again, -1 when out
 * of memory. */
static int slice_glyphs(const sy_text_para *p, const sy_text_run *r, size_t a, size_t b,
                        sy_text_glyph **glyphs, size_t *n, size_t *cap)
{
    const sy_text_glyph *g = p->glyphs + r->glyph_start;
    size_t m = r->glyph_count, first = (size_t)-1, last = 0, count = 0;
    int starts_a = a == r->start, starts_b = b == r->end;
    if (p->by_cluster && m > INDEX_RUN_GLYPHS) {
        /* the glyphs of clusters [a, b), and those of clusters a and b */
        const uint64_t *k = p->by_cluster + r->glyph_start;
        size_t lo = lower_bound(k, m, (uint64_t)a << 32);
        size_t hi = lower_bound(k, m, (uint64_t)b << 32);
        for (size_t i = lo; i < hi; i++) {
            size_t at = (size_t)(k[i] & 0xFFFFFFFFu);
            first = at < first ? at : first;
            last = at > last ? at : last;
        }
        count = hi - lo;
        for (size_t i = lo; a > r->start && i < hi && (k[i] >> 32) == a; i++) {
            if (g[k[i] & 0xFFFFFFFFu].unsafe_to_break)
                return 0;
            starts_a = 1;
        }
        for (size_t i = hi; b < r->end && i < m && (k[i] >> 32) == b; i++) {
            if (g[k[i] & 0xFFFFFFFFu].unsafe_to_break)
                return 0;
            starts_b = 1;
        }
        m = 0; /* done: skip the scan */
    }
    for (size_t i = 0; i < m; i++) {
        uint32_t c = g[i].cluster;
        if (c >= a && c < b) {
            if (first == (size_t)-1)
                first = i;
            last = i;
            count++;
        }
        if ((c == a && a > r->start) || (c == b && b < r->end)) {
            if (g[i].unsafe_to_break)
                return 0;
            starts_a |= c == a;
            starts_b |= c == b;
        }
    }
    if (!count || last - first + 1 != count || !starts_a || !starts_b)
        return 0;
    if (*n + count > *cap) {
        size_t ncap = (*n + count) * 2 + 16;
        sy_text_glyph *ng = realloc(*glyphs, ncap * sizeof *ng);
        if (!ng)
            return -1;
        *glyphs = ng;
        *cap = ncap;
    }
    memcpy(*glyphs + *n, g + first, count * sizeof *g);
    *n += count;
    return 1;
}

sy_status sy_text_para_shape_range(const sy_text_para *p, size_t start, size_t end,
                                   sy_text_glyph **glyphs, size_t *nglyphs, sy_text_run **runs,
                                   size_t *nruns, sy_diags *d)
{
    *glyphs = NULL;
    *runs = NULL;
    *nglyphs = *nruns = 0;
    size_t capg = 0;
    sy_text_run *out = malloc((p->nruns ? p->nruns : 1) * sizeof *out);
    if (!out)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    size_t nr = 0;
    sy_status st = SY_OK;
    for (size_t i = 0; i < p->nruns && st == SY_OK; i++) {
        const sy_text_run *r = &p->runs[i];
        size_t a = r->start > start ? r->start : start;
        size_t b = r->end < end ? r->end : end;
        if (a >= b)
            continue;
        sy_text_run c = *r;
        c.start = a;
        c.end = b;
        c.glyph_start = *nglyphs;
        int sliced = slice_glyphs(p, r, a, b, glyphs, nglyphs, &capg);
        if (sliced < 0)
            st = SY_ERR_NOMEM;
        else if (!sliced)
            st = shape_piece(p->text, p->len, a, b, &c, glyphs, nglyphs, &capg);
        c.glyph_count = *nglyphs - c.glyph_start;
        out[nr++] = c;
    }
    if (st != SY_OK) {
        free(out);
        free(*glyphs);
        *glyphs = NULL;
        *nglyphs = 0;
        return sy_diags_add(d, SY_SEV_ERROR, st, NULL, 0, 0, NULL, "out of memory");
    }
    /* A document keeps every line's glyphs until its pages are drawn: give
     * back the growth slack and the runs this line does not have (out was
     * sized for the paragraph's). A shrinking realloc that fails keeps the
     * block as it was. */
    if (*nglyphs < capg) {
        sy_text_glyph *fit = realloc(*glyphs, (*nglyphs ? *nglyphs : 1) * sizeof *fit);
        if (fit)
            *glyphs = fit;
    }
    if (nr < p->nruns) {
        sy_text_run *fit = realloc(out, (nr ? nr : 1) * sizeof *fit);
        if (fit)
            out = fit;
    }
    *runs = out;
    *nruns = nr;
    return SY_OK;
}
