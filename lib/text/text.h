/* The text engine: one paragraph of UTF-8 in, shaped glyph runs and line
 * break opportunities out.
 *
 * Steps: validate UTF-8 (error with the byte offset), normalise to NFC
 * (ICU), itemise into runs by script and font (Common and Inherited
 * characters take the script of their neighbours; a character the style's
 * fonts do not cover is an error naming it and the fonts tried), shape each
 * run with HarfBuzz (its built-in Unicode functions, language km or en), and find
 * the break opportunities: ICU's line BreakIterator (locale km in Khmer,
 * en elsewhere), never inside a grapheme cluster, always after an author's
 * ZERO WIDTH SPACE, never next to a WORD JOINER, never inside a word of the
 * no-break word list (shipped Khmer legal and institutional terms, plus the
 * caller's).
 *
 * Memory: a sy_text_ctx (ICU iterators, the word list, a cache of the
 * paragraphs it analysed) is long-lived and reused for many paragraphs, by
 * one thread at a time (a batch worker keeps its own); a sy_text_para owns
 * its text and glyphs. */
#ifndef SY_TEXT_H
#define SY_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/span.h"
#include "core/utf8.h"
#include "font/font.h"

/* The fonts of a paragraph style. Filled in by the caller; fonts are
 * borrowed and must outlive every paragraph shaped with the style. */
typedef struct sy_text_style {
    const sy_font *khmer; /* Khmer-script runs */
    const sy_font *latin; /* everything else */
    double size; /* points */
} sy_text_style;

/* Where a paragraph came from, for messages. A problem at a byte that a
 * span with a data path covers is reported at that value (the YAML file,
 * line and column of its mark, and its path), "via" the template line
 * that placed it; any other byte at file:line, as the paragraph's own. */
typedef struct sy_text_source {
    const char *file; /* may be NULL */
    int line; /* 1-based, 0 = unknown */
    size_t offset; /* byte offset of the paragraph in the file */
    /* The spans of the text the paragraph is part of (lib/doc's, of its
     * block), sorted; borrowed, and must outlive the paragraph. NULL when
     * the text has no known pieces. */
    const sy_span *spans;
    size_t nspans;
    /* Byte 0 of the paragraph is byte span_offset of the spans' text
     * (negative when the paragraph begins with text of its own, such as an
     * article's number before its title). */
    ptrdiff_t span_offset;
} sy_text_source;

/* Where one byte of a paragraph came from, for a message. */
typedef struct sy_text_place {
    const char *file; /* the YAML file of the value, else the source's file */
    int line, column; /* column 0 when not known */
    const char *path; /* the value's data path; NULL when not from the data */
    size_t offset; /* of the byte in the value (path set), else in the file */
    const char *via_file; /* path set: the template line that placed the value */
    int via_line;
} sy_text_place;

/* Where byte `offset` of a paragraph's text (as given to sy_text_para_new) came
 * from. Strings are borrowed from src and its spans. */
sy_text_place sy_text_locate(const sy_text_source *src, size_t offset);

/* One glyph as HarfBuzz positioned it, in font units. cluster is the byte
 * offset (in the paragraph's normalised text) of the character the glyph
 * comes from (HarfBuzz cluster level "characters"). */
typedef struct sy_text_glyph {
    uint32_t gid;
    uint32_t cluster;
    int32_t x_advance;
    int32_t x_offset;
    int32_t y_offset;
    uint32_t unsafe_to_break; /* HarfBuzz: breaking before this glyph needs reshaping */
} sy_text_glyph;

/* A run of text in one script and one font, with its glyphs. */
typedef struct sy_text_run {
    size_t start, end; /* byte range in the paragraph text */
    int script; /* an hb_script_t */
    const char *lang; /* "km" or "en" */
    const sy_font *font;
    size_t glyph_start, glyph_count; /* into sy_text_para_glyphs() */
} sy_text_run;

/* Break opportunities: brk[i] for 0 <= i <= len says whether a line may end
 * before byte i. */
enum { SY_BREAK_NONE = 0, SY_BREAK_ALLOWED = 1 };

typedef struct sy_text_ctx sy_text_ctx;
typedef struct sy_text_para sy_text_para;

/* A new context with the shipped Khmer no-break word list. Returns NULL with
 * an error in d on failure. Free with sy_text_ctx_free. */
sy_text_ctx *sy_text_ctx_new(sy_diags *d);
void sy_text_ctx_free(sy_text_ctx *ctx);
/* Adds words (UTF-8, one per line, '#' starts a comment) inside which no line
 * break is made: names of people and offices. `name` labels errors. */
sy_status sy_text_ctx_add_words(sy_text_ctx *ctx, const char *name, const char *text, size_t len,
                                sy_diags *d);
/* Number of words in the no-break list. */
size_t sy_text_ctx_word_count(const sy_text_ctx *ctx);

/* The context keeps what it made of each paragraph (normalised text, runs,
 * glyphs, break opportunities), keyed by the text as given and the style's
 * fonts, and gives a paragraph seen before a copy of it: identical to doing
 * the work again (the same glyphs and breaks), at a fraction of the cost.
 * At most SY_TEXT_CACHE_BYTES (core/limits.h), the least recently used
 * paragraphs going first; emptied by sy_text_ctx_add_words. Fonts are
 * compared by address and file checksum, never read after they are freed,
 * so a context may outlive the fonts it shaped with. */
typedef struct sy_text_cache_stats {
    size_t hits, misses; /* sy_text_para_new calls since the context was made */
    size_t entries, bytes; /* paragraphs kept now and the memory they hold */
} sy_text_cache_stats;
sy_text_cache_stats sy_text_ctx_cache_stats(const sy_text_ctx *ctx);
/* The cache entry p is a copy of (or was kept as), never reused within
 * its context: two paragraphs of one context with the same non-zero id
 * have the same text, style fonts, runs, glyphs and breaks (their sizes
 * and sources may differ). 0 when p is not in the cache. */
uint64_t sy_text_para_cache_id(const sy_text_para *p);

/* Analyses and shapes one paragraph (no line breaks inside: callers split
 * on newlines). Returns a paragraph owned by the caller (sy_text_para_free), or
 * NULL with errors in d. */
sy_text_para *sy_text_para_new(sy_text_ctx *ctx, const sy_text_style *style, const char *utf8,
                               size_t len, sy_text_source src, sy_diags *d);
void sy_text_para_free(sy_text_para *p);

/* Frees what only shaping and line breaking read (runs, glyphs, break and
 * grapheme tables, the cluster index, the map to the input text), keeping
 * the text, style, source and cache id. Afterwards p serves
 * sy_text_para_text, sy_text_para_style and sy_text_para_cache_id (what
 * drawing laid-out lines needs), not sy_layout_paragraph. A document holds
 * its paragraphs until its pages are drawn: their shaping data is some ten
 * times their text, so the typesetter trims each once it is laid out. */
void sy_text_para_trim(sy_text_para *p);

/* Reports a problem at byte `offset` of the paragraph's normalised text
 * into d, at the place sy_text_locate gives for the byte of the original
 * text it came from. The message reads: what, " at byte offset N" (" of the
 * value" when it came from the data), " " after (when not NULL), and
 * ", via FILE:LINE" for data. Returns code. */
sy_status sy_text_para_report(const sy_text_para *p, sy_diags *d, sy_severity sev, sy_status code,
                              size_t offset, const char *what, const char *after);

/* The normalised (NFC) text; valid while p lives. */
const char *sy_text_para_text(const sy_text_para *p, size_t *len);
const sy_text_style *sy_text_para_style(const sy_text_para *p);
size_t sy_text_para_run_count(const sy_text_para *p);
const sy_text_run *sy_text_para_run(const sy_text_para *p, size_t i);
/* All glyphs, run after run, each run in visual (left-to-right) order. */
const sy_text_glyph *sy_text_para_glyphs(const sy_text_para *p, size_t *n);
/* len + 1 entries, SY_BREAK_*. */
const uint8_t *sy_text_para_breaks(const sy_text_para *p);
/* Non-zero when byte offset i is a grapheme-cluster boundary. */
int sy_text_para_is_grapheme_boundary(const sy_text_para *p, size_t i);

/* The glyphs of bytes [start, end) of the paragraph, run by run, as
 * HarfBuzz shapes that range with the surrounding text as context: the
 * paragraph's own glyphs where HarfBuzz marks the ends safe to break,
 * else the range shaped again. *glyphs (malloc'd, caller frees) receives the glyphs and
 * *runs (malloc'd, caller frees) the runs clipped to the range, whose
 * glyph_start/glyph_count index *glyphs. */
sy_status sy_text_para_shape_range(const sy_text_para *p, size_t start, size_t end,
                                   sy_text_glyph **glyphs, size_t *nglyphs, sy_text_run **runs,
                                   size_t *nruns, sy_diags *d);

#endif
