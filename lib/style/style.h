/* The style sheet of a template: how its documents look.
 *
 * In: the text of a template's style.yaml (docs/templates.md lists every
 * key), or nothing (the defaults: the look of Cambodian official documents,
 * A4 with 25 mm margins). Out: an immutable sy_style_sheet that the template
 * engine hands to the document tree and the typesetter (lib/render) reads:
 * page geometry, column gap, list indent, signature room, the text roles
 * (fonts, sizes, leading, spacing, colour, check-box markers), the footer's
 * wording, the article label and the images the template may place.
 *
 * Nothing here reads files: the template loader reads style.yaml and the
 * image files through its folder's sandbox and gives the bytes to this
 * module. Every problem is reported into a sy_diags with file:line:column.
 *
 * Memory: a sheet owns every string and image it holds; pointers returned
 * by accessors stay valid until sy_style_free. The default sheet
 * (sy_style_defaults) is static and never freed. A sheet is not changed
 * after loading and may be read from several threads. */
#ifndef SY_STYLE_STYLE_H
#define SY_STYLE_STYLE_H

#include <stddef.h>

#include "core/align.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/value.h"

/* Points per millimetre and per inch (PDF user space is in points). */
#define SY_STYLE_PT_PER_MM (72.0 / 25.4)
#define SY_STYLE_PT_PER_IN 72.0

/* A page: its size and the four margins around the text area, in points. */
typedef struct sy_page_geometry {
    double width, height;
    double margin_top, margin_right, margin_bottom, margin_left;
} sy_page_geometry;

/* The default page of every template and of `sanya proof` (A4, 25 mm). */
sy_page_geometry sy_style_default_page(void);

/* Languages of the per-language settings: index 0 Khmer, 1 English. */
enum { SY_STYLE_KM = 0, SY_STYLE_EN = 1 };

/* A length that grows with the text: pt + em * (the text size). */
typedef struct sy_style_length {
    double pt, em;
} sy_style_length;

typedef enum sy_style_marker {
    SY_STYLE_MARKER_NONE = 0,
    SY_STYLE_MARKER_BOX, /* an empty check box in the margin */
    SY_STYLE_MARKER_BOX_CHECKED /* the box with a tick */
} sy_style_marker;

/* A text role ("body", "title", ...): what paragraphs of that role look
 * like in each language. Read-only for callers. */
typedef struct sy_style_role {
    const char *name;
    const char *font[2]; /* font roles of the font set (fonts/manifest) or paths */
    double size[2]; /* points */
    double leading[2]; /* line pitch in em; 0: the fonts' natural height */
    sy_style_length space_before, space_after;
    int has_align; /* non-zero: align is the role's alignment */
    sy_align align;
    double color[3]; /* RGB, each 0..1 */
    sy_style_marker marker;
    sy_mark mark; /* its entry in the style file; file NULL for a default role */
    /* The structure type of its paragraphs in a tagged PDF (`tag:`): "P",
     * "H1".."H6", "Caption", "BlockQuote", "Note", "TD" (a row of a table:
     * each language a cell), "TH" (the table's header row) or "Artifact"
     * (outside the tree). NULL: "P", and Hn for a heading of level n. */
    const char *tag;
} sy_style_role;

/* The page footer: the per-language formats ({page}, {pages}; Khmer digits
 * in the Khmer one), joined by the separator in the order given. */
typedef struct sy_style_footer {
    int enabled;
    const char *role;
    const char *text[2]; /* NULL: that language has no part */
    int en_first;
    const char *separator;
    double gap; /* baseline of the footer below the text area, points */
    sy_align align;
} sy_style_footer;

/* Article headings: label[lang] with {n} and {title}; untitled[lang] when
 * the title is empty. */
typedef struct sy_style_article {
    const char *role;
    const char *label[2];
    const char *untitled[2];
} sy_style_article;

/* Lists: markers in the role's style, hung in the indent. number[lang] is
 * the marker of an ordered item ({n}). */
typedef struct sy_style_list {
    const char *role;
    double indent;
    const char *bullet;
    const char *number[2];
} sy_style_list;

/* Signature blocks: titles above the room to sign and seal, names below. */
typedef struct sy_style_signatures {
    double room;
    const char *title_role, *name_role;
} sy_style_signatures;

/* The ornament of \rule: its width, the height it takes, its line width. */
typedef struct sy_style_rule {
    double width, height, line;
} sy_style_rule;

/* An image the template places with `\image NAME`: its file in the
 * template folder, its drawn size in points (0: from the other side and
 * the image's aspect ratio), its alignment, and its bytes (NULL until the
 * loader gives them, always for sheets not loaded from a folder). */
typedef struct sy_style_image {
    const char *name;
    const char *file;
    double width, height;
    sy_align align;
    const unsigned char *data;
    size_t len;
    sy_mark mark; /* the image's entry in style.yaml */
    const char *alt; /* `alt:` its words for a screen reader (tagged PDF); NULL: its name */
} sy_style_image;

typedef struct sy_style_sheet sy_style_sheet;

/* The default sheet (static storage; never freed). */
const sy_style_sheet *sy_style_defaults(void);

/* Parses a style file (len bytes of YAML; `file` names it in marks and
 * messages and is copied) over the defaults: what the file leaves out keeps
 * its default. Reports every problem (unknown keys with a suggestion, bad
 * units, sizes and colours, roles named but not defined) into d. Returns a
 * new sheet (free with sy_style_free) or NULL after reporting. */
sy_style_sheet *sy_style_parse(const char *file, const char *text, size_t len, sy_diags *d);
/* Frees a sheet made by sy_style_parse; NULL and the defaults are allowed. */
void sy_style_free(sy_style_sheet *s);

/* Gives image i its file's bytes (data is taken over, also on failure:
 * freed with the sheet). Checks that they are a PNG or JPEG file; reports
 * otherwise at the image's entry. */
sy_status sy_style_set_image_data(sy_style_sheet *s, size_t i, unsigned char *data, size_t len,
                                  sy_diags *d);

/* ---- Reading (s NULL: the defaults) ---- */

const sy_page_geometry *sy_style_page(const sy_style_sheet *s);
/* The gap between parallel columns and between signature cells, points. */
double sy_style_column_gap(const sy_style_sheet *s);
/* The side of a bilingual pair set first: SY_STYLE_KM (the default) or
 * SY_STYLE_EN; in parallel layout, the left column. */
int sy_style_first_language(const sy_style_sheet *s);
/* Khmer leading is multiplied by this in full-width (single-column) text. */
double sy_style_full_width_leading(const sy_style_sheet *s);
/* Non-zero when the template's documents are PDF/A-3b by default
 * (`pdfa: true`); a build option may still ask for it. */
int sy_style_pdfa(const sy_style_sheet *s);
/* The fonts of a word in the other script: [KM] for Khmer inside English
 * text, [EN] for Latin inside Khmer text. */
const char *sy_style_other_script_font(const sy_style_sheet *s, int lang);
/* The role named `name`, or the sheet's default role when there is none. */
const sy_style_role *sy_style_role_get(const sy_style_sheet *s, const char *name);
/* The role named `name`, NULL when the sheet has none. */
const sy_style_role *sy_style_role_find(const sy_style_sheet *s, const char *name);
size_t sy_style_role_count(const sy_style_sheet *s);
const sy_style_role *sy_style_role_at(const sy_style_sheet *s, size_t i);
const sy_style_footer *sy_style_footer_of(const sy_style_sheet *s);
const sy_style_article *sy_style_article_of(const sy_style_sheet *s);
const sy_style_list *sy_style_list_of(const sy_style_sheet *s);
const sy_style_signatures *sy_style_signatures_of(const sy_style_sheet *s);
const sy_style_rule *sy_style_rule_of(const sy_style_sheet *s);
size_t sy_style_image_count(const sy_style_sheet *s);
const sy_style_image *sy_style_image_at(const sy_style_sheet *s, size_t i);
/* The image named `name`, NULL when the sheet has none. */
const sy_style_image *sy_style_image_find(const sy_style_sheet *s, const char *name);

/* A length at a text size: l.pt + l.em * size. */
double sy_style_length_at(sy_style_length l, double size);

/* Appends fmt with its placeholders filled: {n}, {page}, {pages} by the
 * numbers (Khmer digits when khmer_digits), {title} by title. Returns 0, or
 * -1 when out of memory (the buffer then reports failure too). */
int sy_style_format(const char *fmt, int khmer_digits, long n, long page, long pages,
                    const char *title, size_t title_len, sy_buf *out);

#endif
