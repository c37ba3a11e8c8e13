/* The document tree: what the template engine produces and the layout engine
 * typesets. A document is a list of blocks (paragraphs, headings, numbered
 * articles, lists, bilingual pairs, signature blocks, ...); container blocks
 * hold further block lists. Every block carries the source mark of the
 * template line that made it.
 *
 * Ownership: a sy_doc owns every block, block list and string in it (file
 * names of marks are copied and interned in the document). Pointers returned
 * by accessors and builders stay valid until sy_doc_free. Text is UTF-8. */
#ifndef SY_DOC_DOC_H
#define SY_DOC_DOC_H

#include <stddef.h>

#include "core/align.h"
#include "core/buf.h"
#include "core/span.h"
#include "core/value.h"
#include "style/style.h"

typedef struct sy_doc sy_doc;
typedef struct sy_block sy_block;
/* An ordered list of blocks: the document body or a child list of a block. */
typedef struct sy_blocks sy_blocks;

typedef enum sy_block_kind {
    SY_BLOCK_PARAGRAPH, /* inline text with language, role and alignment */
    SY_BLOCK_HEADING, /* like a paragraph, plus a level 1..6 */
    SY_BLOCK_ARTICLE, /* number, title text, body blocks */
    SY_BLOCK_LIST, /* ordered or not; items are block lists */
    SY_BLOCK_PAGE_BREAK, /* start a new page */
    SY_BLOCK_KEEP, /* children must stay on one page */
    SY_BLOCK_SIGNATURES, /* one entry per signatory */
    SY_BLOCK_PAIR, /* a Khmer and an English block list */
    SY_BLOCK_RULE, /* the ornament line under the national motto */
    SY_BLOCK_SPACE, /* vertical space in points */
    SY_BLOCK_IMAGE /* an image of the style sheet, by name (sy_block_text) */
} sy_block_kind;

typedef enum sy_lang {
    SY_LANG_MIXED = 0, /* both scripts, or none: the typesetter picks per run */
    SY_LANG_KM,
    SY_LANG_EN
} sy_lang;

/* sy_doc_layout (parallel or sequential) is in core/align.h. */

/* One signatory of a signature block. The builder copies the strings; any of
 * them may be NULL (stored as ""). Where each text field came from is kept
 * beside it: sy_block_signatory_spans. */
typedef struct sy_signatory {
    const char *party; /* party id from the agreement data */
    const char *name_km, *name_en;
    const char *title_km, *title_en;
    int seal; /* non-zero: leave room for the organisation's seal */
} sy_signatory;

/* The text fields of a signatory that are typeset, for their spans. */
typedef enum sy_signatory_field {
    SY_SIGNATORY_NAME_KM,
    SY_SIGNATORY_NAME_EN,
    SY_SIGNATORY_TITLE_KM,
    SY_SIGNATORY_TITLE_EN,
    SY_SIGNATORY_FIELDS /* the number of fields */
} sy_signatory_field;

/* ---- Documents ---------------------------------------------------------- */

/* A new empty document (parallel layout); NULL when out of memory. Free with
 * sy_doc_free. */
sy_doc *sy_doc_new(void);
/* Frees the document and everything in it; NULL is allowed. */
void sy_doc_free(sy_doc *doc);
sy_doc_layout sy_doc_get_layout(const sy_doc *doc);
void sy_doc_set_layout(sy_doc *doc, sy_doc_layout layout);
/* The style sheet the document is typeset with (borrowed: it must outlive
 * every use of the document; the template engine sets its template's).
 * NULL, the default of a new document, means the defaults. */
void sy_doc_set_style(sy_doc *doc, const sy_style_sheet *style);
const sy_style_sheet *sy_doc_style(const sy_doc *doc);
/* The top-level block list, to read or to build into. */
sy_blocks *sy_doc_body(sy_doc *doc);
const sy_blocks *sy_doc_blocks(const sy_doc *doc);
/* Non-zero once a builder has failed for lack of memory. */
int sy_doc_failed(const sy_doc *doc);

/* ---- Reading ------------------------------------------------------------ */

size_t sy_blocks_count(const sy_blocks *list);
/* Block i, NULL when out of range. */
const sy_block *sy_blocks_get(const sy_blocks *list, size_t i);

sy_block_kind sy_block_kind_of(const sy_block *b);
/* Template file:line:column that produced the block. */
sy_mark sy_block_mark(const sy_block *b);
/* Paragraph or heading text, article title, image name; "" for other kinds. *len may be
 * NULL. A newline (U+000A) inside the text is a forced line break. */
const char *sy_block_text(const sy_block *b, size_t *len);
/* Where the text of a paragraph, heading or article title came from: the
 * spans (core/span.h) of the values interpolated into it, sorted by start,
 * each with its value's mark and data path; bytes outside every span are
 * template text, made at the block's mark. *n receives the number of spans
 * (0 for other kinds). Valid until the document is freed or a span is
 * added to b. */
const sy_span *sy_block_spans(const sy_block *b, size_t *n);
/* The span covering byte `offset` of the block's text, or NULL when that
 * byte is template text. Valid as sy_block_spans. */
const sy_span *sy_block_span_at(const sy_block *b, size_t offset);
/* Paragraphs, headings, articles (the title's language). */
sy_lang sy_block_lang(const sy_block *b);
/* Style role of a paragraph or heading ("body", "title", "motto", ...);
 * "" for other kinds. */
const char *sy_block_role(const sy_block *b);
sy_align sy_block_align(const sy_block *b);
/* Heading level (1..6); 0 for other kinds. */
int sy_block_level(const sy_block *b);
/* Article number (1-based); 0 for other kinds. */
int sy_block_number(const sy_block *b);
/* Lists: non-zero when ordered. */
int sy_block_ordered(const sy_block *b);
/* Vertical space in points. */
double sy_block_points(const sy_block *b);
/* Children of an article or keep group, the Khmer side of a pair; an empty
 * list for other kinds (never NULL). */
const sy_blocks *sy_block_body(const sy_block *b);
/* The English side of a pair; an empty list for other kinds. */
const sy_blocks *sy_block_en(const sy_block *b);
/* List items. */
size_t sy_block_item_count(const sy_block *b);
const sy_blocks *sy_block_item(const sy_block *b, size_t i);
/* Signature block entries; the strings belong to the document. */
size_t sy_block_signatory_count(const sy_block *b);
const sy_signatory *sy_block_signatory(const sy_block *b, size_t i);
/* Where field f of signatory i of a signature block came from, as
 * sy_block_spans for a paragraph: the spans of the values interpolated into
 * the field's text (offsets into that text), sorted by start. *n receives
 * their number (0 when none, i is out of range or b is not a signature
 * block). Valid until the document is freed or a span is added to that
 * field. */
const sy_span *sy_block_signatory_spans(const sy_block *b, size_t i, sy_signatory_field f,
                                        size_t *n);
/* The template line that made field f of signatory i (its bytes outside
 * every span are template text made there); the block's mark when none was
 * set or i is out of range. */
sy_mark sy_block_signatory_mark(const sy_block *b, size_t i, sy_signatory_field f);

/* ---- Building ------------------------------------------------------------
 * Each builder appends a block to `list` and returns it (owned by the
 * document), or NULL when out of memory (the document then reports
 * sy_doc_failed). Strings are copied. */

sy_block *sy_blocks_add_paragraph(sy_blocks *list, sy_mark m, const char *text, size_t len,
                                  sy_lang lang, const char *role, sy_align align);
sy_block *sy_blocks_add_heading(sy_blocks *list, sy_mark m, int level, const char *text, size_t len,
                                sy_lang lang, const char *role, sy_align align);
sy_block *sy_blocks_add_article(sy_blocks *list, sy_mark m, int number, const char *title,
                                size_t len, sy_lang lang);
sy_block *sy_blocks_add_list(sy_blocks *list, sy_mark m, int ordered);
sy_block *sy_blocks_add_page_break(sy_blocks *list, sy_mark m);
sy_block *sy_blocks_add_keep(sy_blocks *list, sy_mark m);
sy_block *sy_blocks_add_signatures(sy_blocks *list, sy_mark m);
sy_block *sy_blocks_add_pair(sy_blocks *list, sy_mark m);
sy_block *sy_blocks_add_rule(sy_blocks *list, sy_mark m);
sy_block *sy_blocks_add_space(sy_blocks *list, sy_mark m, double points);
/* An image of the document's style sheet, named `name` (copied). */
sy_block *sy_blocks_add_image(sy_blocks *list, sy_mark m, const char *name);

/* Appends text to a paragraph, heading or article title. Returns 0, or -1
 * when out of memory or b has no text. */
int sy_block_append_text(sy_block *b, const char *text, size_t len);
/* Records that bytes [start, end) of b's text came from the value at
 * `mark`, whose data path is `path` (copied; NULL when not from the data),
 * put there by the template expression at `via`. Spans go in text order:
 * start must not be before the end of the previous span, nor end past the
 * text. An empty range is ignored. Returns 0, or -1 when out of memory (the
 * document then reports sy_doc_failed), the range is out of order or b has
 * no text. */
int sy_block_add_span(sy_block *b, size_t start, size_t end, sy_mark mark, const char *path,
                      sy_mark via);
/* Appends text that came from one value: sy_block_append_text, then
 * sy_block_add_span over the appended bytes. Returns 0 or -1. */
int sy_block_append_text_from(sy_block *b, const char *text, size_t len, sy_mark mark,
                              const char *path, sy_mark via);
void sy_block_set_lang(sy_block *b, sy_lang lang);
/* Non-zero: the template gave the paragraph or heading no alignment of its
 * own, so its role's alignment (style sheet) applies when the role has one;
 * sy_block_align is then the alignment inherited from around it. */
void sy_block_set_role_align(sy_block *b, int role_align);
int sy_block_role_align(const sy_block *b);
/* The child list to build into: body of an article or keep group, Khmer
 * side of a pair; NULL for other kinds. */
sy_blocks *sy_block_body_mut(sy_block *b);
/* The English side of a pair; NULL for other kinds. */
sy_blocks *sy_block_en_mut(sy_block *b);
/* Adds an item to a list block and returns its (empty) block list, or NULL. */
sy_blocks *sy_block_add_item(sy_block *list_block);
/* Adds a signatory to a signature block (strings copied). Returns 0 or -1. */
int sy_block_add_signatory(sy_block *sigs, const sy_signatory *s);
/* Records that bytes [start, end) of field f of signatory i came from the
 * value at `mark`, whose data path is `path` (copied; NULL when not from the
 * data), put there by the template expression at `via`: the rules and
 * results of sy_block_add_span, over the field's text. -1 also when sigs is
 * not a signature block or has no signatory i. */
int sy_block_add_signatory_span(sy_block *sigs, size_t i, sy_signatory_field f, size_t start,
                                size_t end, sy_mark mark, const char *path, sy_mark via);
/* Sets the template line that made field f of signatory i (its file name
 * is interned in the document). Returns 0, or -1 when out of memory (the
 * document then reports sy_doc_failed) or there is no such field. */
int sy_block_set_signatory_mark(sy_block *sigs, size_t i, sy_signatory_field f, sy_mark mark);

/* ---- Debugging ---------------------------------------------------------- */

/* Appends a readable, stable text dump of the document to out (one block per
 * line, children indented, text quoted with escapes), for golden files. */
void sy_doc_dump(const sy_doc *doc, sy_buf *out);

/* Names for dumps and messages: "paragraph", "km", "center", ... (static). */
const char *sy_block_kind_name(sy_block_kind k);
const char *sy_lang_name(sy_lang l);
const char *sy_align_name(sy_align a);

#endif
