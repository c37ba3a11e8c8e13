/* PDF output: pages, shaped glyphs and rules in; a PDF file out.
 *
 * Text is drawn from HarfBuzz glyph IDs through Type0 fonts (Identity-H,
 * CIDFontType2) whose embedded font is a subset made by glyph ID, with `W`
 * widths equal to HarfBuzz's advances, a CIDToGIDMap and a ToUnicode CMap.
 * Glyph groups that do not map one-to-one to their characters become one
 * composite glyph each (groups.h), so every common reader copies the source
 * text exactly. Each distinct (glyph, advance, text) gets its own CID.
 * Output is deterministic: no clock, no random numbers; the subset tag
 * derives from the glyph set.
 *
 * Memory: a sy_pdf owns its pages and font objects; fonts are borrowed and
 * must outlive it. */
#ifndef SY_PDF_H
#define SY_PDF_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "font/font.h"
#include "text/text.h"

typedef struct sy_pdf sy_pdf;

/* A new empty document, or NULL (error in d). Free with sy_pdf_free. */
sy_pdf *sy_pdf_new(sy_diags *d);
void sy_pdf_free(sy_pdf *pdf);

/* A cache of embedded fonts for documents made one after another, kept by
 * a long-lived caller (a batch worker's builder): the agreements of a batch
 * draw the same glyphs of most fonts (headings, English text), and a font
 * embedded before with the same glyphs and composites is embedded again
 * from the cache (its subset program, deflated) without subsetting or
 * compressing: the same bytes. Keyed by the font (address and checksum) and
 * the glyph set; at most SY_PDF_FONT_CACHE_BYTES (core/limits.h), least
 * recently used first. Used by one thread at a time. Returns NULL when out
 * of memory; free with sy_pdf_font_cache_free (after the documents using
 * it). */
typedef struct sy_pdf_font_cache sy_pdf_font_cache;
sy_pdf_font_cache *sy_pdf_font_cache_new(void);
void sy_pdf_font_cache_free(sy_pdf_font_cache *c);
/* Makes pdf use and fill cache c (borrowed: it must outlive pdf). */
void sy_pdf_set_font_cache(sy_pdf *pdf, sy_pdf_font_cache *c);

/* Starts a new page (points); drawing goes to the newest page. */
sy_status sy_pdf_add_page(sy_pdf *pdf, double width, double height, sy_diags *d);
size_t sy_pdf_page_count(const sy_pdf *pdf);

/* Draws glyphs g[0..n) of one font at `size` points with the origin of the
 * first glyph at (x, y). text[start, end) is the text they show (glyph
 * clusters are byte offsets into text). extra (NULL or n entries) adds
 * points after each glyph (justification). *advance (may be NULL) receives
 * the distance drawn. */
sy_status sy_pdf_draw_glyphs(sy_pdf *pdf, const sy_font *font, double size, double x, double y,
                             const char *text, size_t start, size_t end, const sy_text_glyph *g,
                             size_t n, const double *extra, double *advance, sy_diags *d);

/* Sets the fill colour (RGB, 0..1) of the text and shapes drawn next on the
 * current page. */
sy_status sy_pdf_set_fill(sy_pdf *pdf, double r, double g, double b, sy_diags *d);
/* Strokes the outline of a rectangle `width` points wide. */
sy_status sy_pdf_stroke_rect(sy_pdf *pdf, double x, double y, double w, double h, double width,
                             sy_diags *d);

/* Strokes a straight line `width` points wide. */
sy_status sy_pdf_stroke(sy_pdf *pdf, double x0, double y0, double x1, double y1, double width,
                        sy_diags *d);

/* An image of the document (image.c): a PNG or JPEG file's bytes loaded
 * once per document, however often it is drawn. */
typedef struct sy_pdf_image sy_pdf_image;
/* Loads data[0..len) (a PNG or JPEG file; copied) or finds it loaded
 * already. *image (owned by pdf) and its size in pixels are set on success.
 * `file` names the image in messages. */
sy_status sy_pdf_load_image(sy_pdf *pdf, const void *data, size_t len, const char *file,
                            sy_pdf_image **image, unsigned *width_px, unsigned *height_px,
                            sy_diags *d);
/* Draws image on the current page, its lower left corner at (x, y), w by h
 * points. */
sy_status sy_pdf_draw_image(sy_pdf *pdf, sy_pdf_image *image, double x, double y, double w,
                            double h, sy_diags *d);

/* Finishes the document (subsets and embeds the fonts) and serialises it:
 * *data is malloc'd, the caller frees it. The document cannot be drawn on
 * afterwards. */
sy_status sy_pdf_finish(sy_pdf *pdf, char **data, size_t *len, sy_diags *d);

/* sy_pdf_finish, then writes the file atomically (core/file.h). */
sy_status sy_pdf_save(sy_pdf *pdf, const char *path, sy_diags *d);

/* Inspection, for tests and debugging. sy_pdf_encode groups and encodes
 * glyphs like sy_pdf_draw_glyphs without drawing them: cids (n entries)
 * receives one CID per group; returns the number of groups (0 on error). */
size_t sy_pdf_encode(sy_pdf *pdf, const sy_font *font, const char *text, size_t start, size_t end,
                     const sy_text_glyph *g, size_t n, uint32_t *cids, sy_diags *d);

/* What a CID shows: a glyph of the font, or a composite of glyphs at
 * offsets (font units); its advance (font units, = its W width) and the
 * text its ToUnicode entry gives. Pointers valid while pdf lives. */
typedef sy_font_component sy_pdf_component; /* gid, dx, dy */
typedef struct sy_pdf_cid_info {
    int composite;
    uint32_t gid;
    const sy_pdf_component *parts;
    size_t nparts;
    int32_t advance;
    const char *text;
    size_t tlen;
} sy_pdf_cid_info;
/* Returns 0 and fills info, or -1 when the font or CID is unknown. */
int sy_pdf_cid_info_get(const sy_pdf *pdf, const sy_font *font, uint32_t cid,
                        sy_pdf_cid_info *info);

/* Number of CIDs and of composite glyphs made so far for a font (tests). */
size_t sy_pdf_font_cid_count(const sy_pdf *pdf, const sy_font *font);
size_t sy_pdf_font_composite_count(const sy_pdf *pdf, const sy_font *font);

/* The libharu versions compiled against and loaded (must be equal). */
const char *sy_pdf_haru_compiled_version(void);
const char *sy_pdf_haru_runtime_version(void);

/* ---- A document one can sign and trust (trust.c, extract.c) ----
 *
 * Metadata, bookmarks, page labels, attached files, signature fields and a
 * document ID. Each call records what to write; sy_pdf_finish writes it, so
 * pages named by index may be added after the call that names them (an
 * index beyond the last page is an error at sy_pdf_finish). All strings are
 * UTF-8 (invalid UTF-8 or control characters are SY_ERR_DATA) and are
 * copied. Calls after sy_pdf_finish are SY_ERR_USAGE. Output stays
 * deterministic: dates come only from the caller. */

/* Document metadata; every field may be NULL (not written). created is
 * "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC) and gives both CreationDate
 * and ModDate. Strings go to the Info dictionary as PDF text strings (bytes
 * when printable ASCII, else UTF-16BE with BOM) and to an uncompressed XMP
 * packet (/Metadata on the catalog: dc:title, dc:description, dc:creator,
 * pdf:Keywords, pdf:Producer, xmp:CreatorTool, xmp:CreateDate and
 * xmp:ModifyDate). The Producer stays "sanya". A second call replaces the
 * first. */
typedef struct sy_pdf_info {
    const char *title, *subject, *keywords, *author, *creator;
    const char *created;
} sy_pdf_info;
sy_status sy_pdf_set_info(sy_pdf *pdf, const sy_pdf_info *info, sy_diags *d);

/* A top-level bookmark, after those already added, going to page
 * page_index (0-based) with y (points from the bottom) at the top of the
 * window (/XYZ, zoom unchanged). The title is written as UTF-16BE. */
sy_status sy_pdf_add_bookmark(sy_pdf *pdf, size_t page_index, double y, const char *title_utf8,
                              sy_diags *d);

/* Page labels: pages from first_page_index on (until the next label range)
 * are labelled prefix (may be NULL) followed by a number in `style` counting
 * from `start` (>= 1); SY_PDF_LABEL_NONE gives the prefix alone ("cover").
 * Two ranges starting at the same page are an error. Pages before the first
 * range are labelled 1, 2, 3 (the viewers' default). */
enum { SY_PDF_LABEL_NONE = 0, SY_PDF_LABEL_DECIMAL = 1, SY_PDF_LABEL_ROMAN_LOWER = 2 };
sy_status sy_pdf_add_page_label(sy_pdf *pdf, size_t first_page_index, const char *prefix, int style,
                                int start, sy_diags *d);

/* Attaches a file (data[0..len) copied): an /EmbeddedFiles name tree entry
 * (sorted by name) with a Filespec (/F, /UF, /Desc, /AFRelationship
 * /Source, also listed in the catalog's /AF) and a Flate-compressed
 * /EmbeddedFile stream with /Params /Size and /Subtype mime. name must be
 * unique in the document, not empty nor ".", without '/', '\' or ".."
 * (sanya extract refuses such names when writing files);
 * mime (e.g. "application/yaml") and description may be NULL. */
sy_status sy_pdf_attach_file(sy_pdf *pdf, const char *name, const void *data, size_t len,
                             const char *mime, const char *description, sy_diags *d);

/* An unsigned signature field merged with its widget on page page_index, in
 * the rectangle (x0, y0)-(x1, y1) in points: /FT /Sig, /T name, /F 4
 * (printed), /P the page, an empty appearance (/AP /N, a form XObject of the
 * rectangle's size), in the page's /Annots and the catalog's /AcroForm
 * /Fields (with /SigFlags 3). name must be unique in the document, not
 * empty, printable ASCII and without '.' (tools such as pdfsig take the
 * field name on their command line); anything else is SY_ERR_USAGE. */
sy_status sy_pdf_add_signature_field(sy_pdf *pdf, size_t page_index, double x0, double y0,
                                     double x1, double y1, const char *name, sy_diags *d);

/* The document ID written to the trailer as /ID [<digest> <digest>]
 * (libharu writes none without encryption). The caller derives it from the
 * inputs (sy_pdf_hash_inputs) so the same inputs give the same file. */
sy_status sy_pdf_set_id(sy_pdf *pdf, const unsigned char digest[16], sy_diags *d);

/* MD5 (RFC 1321, through core/hash.h) over n parts, each preceded by its
 * length as 8 bytes big endian, so ("ab", "c") and ("a", "bc") differ.
 * Deterministic; meant for document IDs, not for security. parts[i] may be
 * NULL when lens[i] is 0. */
void sy_pdf_hash_inputs(const void *const *parts, const size_t *lens, size_t n,
                        unsigned char out[16]);

/* Makes the document PDF/A-3b (ISO 19005-3, level b; pdfa.c): an
 * output intent /GTS_PDFA1 "sRGB IEC61966-2.1" whose DestOutputProfile is
 * icc[0..icc_len) (an RGB ICC profile, version 2 or 4; copied, else
 * SY_ERR_DATA), the PDF/A identification (pdfaid:part 3, conformance B) in
 * the XMP packet, the creation and modification dates with a time and a
 * zone (+00:00) in both Info and XMP, /Params /ModDate on attached files,
 * and every glyph's /W width equal to its advance in the embedded font
 * program (a CID whose width differs, from kerning or justification, is
 * drawn by a composite glyph of its own with that advance). Call it before
 * the first glyph is drawn; calls after sy_pdf_finish are SY_ERR_USAGE. */
sy_status sy_pdf_set_pdfa(sy_pdf *pdf, const void *icc, size_t icc_len, sy_diags *d);
/* ---- Tagged PDF (tags.c) ----
 *
 * A logical structure tree for screen readers and reflowing viewers.
 * Elements are numbered from 1 (0: none) and kept in the order they are
 * added, which is the reading order, whatever order their content is drawn
 * in. Content drawn on a page belongs to the element last given to
 * sy_pdf_mark (a BDC with the page's next MCID ... EMC around it), or is an
 * artifact (page furniture, outside the tree); drawing while nothing is
 * marked makes an artifact. Without sy_pdf_tags_enable every call here
 * does nothing and returns SY_OK (ids 0). sy_pdf_finish writes the tree:
 * /StructTreeRoot with a /ParentTree (key i: page i's elements by MCID; the
 * widgets of signature fields after them) and /ParentTreeNextKey,
 * /StructParents on every page, /StructParent on every field widget a Form
 * element refers to, /Tabs /S on pages with fields, /MarkInfo << /Marked
 * true >>, the catalog's /Lang and /ViewerPreferences << /DisplayDocTitle
 * true >>. */

/* Makes the document tagged, in language lang ("km", "en": a BCP 47 tag),
 * before its first page; *root receives the Document element's id. */
sy_status sy_pdf_tags_enable(sy_pdf *pdf, const char *lang, size_t *root, sy_diags *d);
/* The Document element's id; 0 when the document is not tagged. */
size_t sy_pdf_tags_root(sy_pdf *pdf);
/* A new element of structure type `type` (a name: P, H1, L, LI, Lbl, LBody,
 * Table, TR, TH, TD, Figure, Form, Div, ...) as the last child of element
 * parent; lang (NULL: its parent's) is written as /Lang when it differs
 * from the language the element inherits. *id receives its id. */
sy_status sy_pdf_tag_add(sy_pdf *pdf, size_t parent, const char *type, const char *lang,
                         size_t *id, sy_diags *d);
/* The element's alternate text (/Alt, UTF-8, copied): a Figure's words. */
sy_status sy_pdf_tag_set_alt(sy_pdf *pdf, size_t id, const char *alt, sy_diags *d);
/* The element (a Form) refers to the widget of signature field `field`
 * (sy_pdf_add_signature_field, before or after this call) with an OBJR. */
sy_status sy_pdf_tag_field(sy_pdf *pdf, size_t id, const char *field, sy_diags *d);
/* What content drawn next on the current page belongs to: element `what`
 * (> 0), SY_PDF_ARTIFACT, or nothing (0: closes what is open). Giving the
 * element already open continues its marked content; a new page closes
 * it. Marks wrap whole BT ... ET pieces and drawings. */
#define SY_PDF_ARTIFACT (-1L)
sy_status sy_pdf_mark(sy_pdf *pdf, long what, sy_diags *d);
/* Inspection (tests): elements made, MCIDs of page i, MCID m's element. */
size_t sy_pdf_tags_count(const sy_pdf *pdf);
size_t sy_pdf_tags_page_mcids(const sy_pdf *pdf, size_t page);
size_t sy_pdf_tags_mcid_elem(const sy_pdf *pdf, size_t page, size_t mcid);

/* An attached file read back from a PDF. */
typedef struct sy_pdf_attachment {
    char *name; /* UTF-8 (the Filespec's /UF, else /F) */
    unsigned char *data;
    size_t len;
    char *mime; /* the stream's /Subtype ("text/plain"), or NULL */
    char *description; /* UTF-8 /Desc, or NULL */
} sy_pdf_attachment;

/* Reads every embedded file of a PDF, through libqpdf: sanya's own files,
 * also after tools such as pdfsig appended incremental updates (the newest
 * definition of each object wins) or qpdf rewrote them with cross-reference
 * streams and object streams, linearized them or encrypted them without a
 * user password. Walks the catalog's /Names /EmbeddedFiles name tree
 * (/Names and /Kids, depth and node count bounded by core/limits.h); each
 * Filespec gives its name (/UF, else /F) and its /EF /F (else /UF) stream,
 * decoded with every lossless filter and checked against /Params /Size.
 * Damaged files are not repaired. Malformed input is SY_ERR_DATA (limits
 * SY_ERR_LIMIT) with a message starting "PDF: " that names the byte offset
 * qpdf reports, or the object; damage qpdf works around outside the
 * attached data is a warning in d. A name that is not well-formed text
 * (broken UTF-16 or UTF-8, NUL) is an error; other unsafe names are
 * returned as they are, for the caller to refuse. Nothing is read outside
 * pdf[0..len), and nothing is printed. On success *out (array of *n; NULL
 * when 0) belongs to the caller: free it with sy_pdf_attachments_free. A PDF
 * without attachments gives *n = 0. */
sy_status sy_pdf_extract_attachments(const char *pdf, size_t len, sy_pdf_attachment **out,
                                     size_t *n, sy_diags *d);
void sy_pdf_attachments_free(sy_pdf_attachment *a, size_t n);

#endif
