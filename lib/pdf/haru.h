/* Internal: the one boundary between sanya and libharu's object layer.
 *
 * libharu writes the file (cross-reference table, pages, compression), but
 * its own TrueType path maps one code point to one glyph and cannot show
 * shaped Khmer, and it has no form fields. So sanya builds its font objects
 * (and later its AcroForm) with libharu's exported object layer (dictionaries,
 * arrays, streams, the xref) and writes glyph operators straight into the
 * page's content stream. That needs libharu's internal structs, whose layout
 * changed between 2.3.0 and 2.4: every access to them is in haru.c, which
 * refuses to compile against another version, and test_pdf checks that the
 * library loaded at run time is the one compiled against.
 *
 * Objects are opaque pointers owned by the document. Functions record the
 * first libharu error in the document (sy_haru_error) and return -1 or NULL;
 * nothing here longjmps or prints. */
#ifndef SY_PDF_HARU_H
#define SY_PDF_HARU_H

#include <stddef.h>

typedef struct sy_haru sy_haru;
typedef void sy_haru_obj; /* an HPDF dictionary, array or stream dictionary */
typedef void sy_haru_page;

/* The libharu version compiled against and the one linked at run time. */
const char *sy_haru_compiled_version(void);
const char *sy_haru_runtime_version(void);

sy_haru *sy_haru_new(void);
void sy_haru_free(sy_haru *h);
/* The first error libharu reported (NULL when none): a static description. */
const char *sy_haru_error(const sy_haru *h);

sy_haru_page *sy_haru_add_page(sy_haru *h, double width, double height);
/* Appends raw operators to a page's content stream (complete BT..ET blocks
 * or graphics; never inside libharu's own text objects). */
int sy_haru_page_write(sy_haru *h, sy_haru_page *page, const char *ops, size_t len);
/* Registers a font dictionary in the page's resources; returns its resource
 * name ("F1"), owned by libharu. */
const char *sy_haru_page_font(sy_haru *h, sy_haru_page *page, sy_haru_obj *font);

/* Indirect objects (they get an object number). */
sy_haru_obj *sy_haru_dict(sy_haru *h);
/* A stream with the Flate filter; data is written with sy_haru_stream_write. */
sy_haru_obj *sy_haru_stream(sy_haru *h);
int sy_haru_stream_write(sy_haru *h, sy_haru_obj *stream, const void *data, size_t len);
/* A stream whose data is compressed here (/FlateDecode, with libdeflate) at
 * level `level` (1-12, as zlib's up to 9), instead of at the level of the
 * streams left to libharu: font programs are most of a document's bytes and
 * most of its compression time, and level 1 costs them a few percent of
 * size for a third of the time. (sy_haru_save deflates the other streams
 * with libdeflate too, at level 1.) */
sy_haru_obj *sy_haru_stream_deflated(sy_haru *h, const void *data, size_t len, int level);
/* len bytes of data deflated at `level` as sy_haru_stream_deflated does, in
 * zlib format: malloc'd (caller frees), *zlen bytes; NULL when out of memory. */
unsigned char *sy_haru_deflate(sy_haru *h, int level, const void *data, size_t len, size_t *zlen);
/* A stream of zlen bytes already deflated (zlib format, as sy_haru_deflate
 * makes them; copied), declared /Filter /FlateDecode. */
sy_haru_obj *sy_haru_stream_flate(sy_haru *h, const void *z, size_t zlen);
/* Direct objects: owned by the one container they are added to. */
sy_haru_obj *sy_haru_direct_dict(sy_haru *h);
sy_haru_obj *sy_haru_array(sy_haru *h);

int sy_haru_dict_name(sy_haru *h, sy_haru_obj *dict, const char *key, const char *name);
int sy_haru_dict_int(sy_haru *h, sy_haru_obj *dict, const char *key, long v);
int sy_haru_dict_obj(sy_haru *h, sy_haru_obj *dict, const char *key, sy_haru_obj *v);
/* A PDF string from bytes (PDFDocEncoding or UTF-16BE with its BOM). */
int sy_haru_dict_string(sy_haru *h, sy_haru_obj *dict, const char *key, const char *s, size_t len);
int sy_haru_array_int(sy_haru *h, sy_haru_obj *array, long v);
/* A real written with at most three decimals. */
int sy_haru_array_real(sy_haru *h, sy_haru_obj *array, double v);
int sy_haru_array_obj(sy_haru *h, sy_haru_obj *array, sy_haru_obj *v);

/* ---- images ---- */

typedef void sy_haru_image;
/* An image XObject from a PNG (png non-zero) or JPEG file in memory (the
 * bytes are copied). Loading the same bytes again gives the same image, so
 * a document holds each image once. *width and *height receive its size in
 * pixels. NULL on error (recorded). */
sy_haru_image *sy_haru_load_image(sy_haru *h, const void *data, size_t len, int png,
                                  unsigned *width, unsigned *height);
/* Draws img on page with its lower left corner at (x, y), w by hgt points. */
int sy_haru_draw_image(sy_haru *h, sy_haru_page *page, sy_haru_image *img, double x, double y,
                       double w, double hgt);

/* ---- tagged PDF (lib/pdf/tags.c) ---- */

/* A boolean in a dictionary (/MarkInfo << /Marked true >>). */
int sy_haru_dict_bool(sy_haru *h, sy_haru_obj *dict, const char *key, int v);

/* Sets the Info dictionary's Producer (libharu would stamp its own). */
int sy_haru_set_producer(sy_haru *h, const char *producer);
/* Serialises the document into memory (malloc'd; caller frees). */
int sy_haru_save(sy_haru *h, char **data, size_t *len);

/* ---- document-level objects (lib/pdf/trust.c) ---- */

/* The document catalog, and the trailer dictionary written after the xref
 * (owned by the document; keys added here are written as they are). */
sy_haru_obj *sy_haru_catalog(sy_haru *h);
sy_haru_obj *sy_haru_trailer(sy_haru *h);
/* The Info dictionary, made on first use. */
sy_haru_obj *sy_haru_info(sy_haru *h);
/* A page as a dictionary (to add /Annots, or to refer to it). */
sy_haru_obj *sy_haru_page_dict(sy_haru_page *page);
/* An indirect stream written without any filter (XMP metadata must stay
 * readable by tools that do not inflate). */
sy_haru_obj *sy_haru_stream_plain(sy_haru *h);
/* A real written with at most three decimals, in a dictionary. */
int sy_haru_dict_real(sy_haru *h, sy_haru_obj *dict, const char *key, double v);
int sy_haru_array_name(sy_haru *h, sy_haru_obj *array, const char *name);
int sy_haru_array_null(sy_haru *h, sy_haru_obj *array);
/* A PDF string from bytes, written in hex, in an array. */
int sy_haru_array_string(sy_haru *h, sy_haru_obj *array, const void *s, size_t len);

#endif
