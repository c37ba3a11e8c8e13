/* libharu's object layer, confined to this file (see haru.h for why). */
#include "pdf/haru.h"

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_info.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_version.h>
#include <hpdf_list.h>
#include <libdeflate.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

/* The struct layouts used below (HPDF_Doc_Rec.mmgr/.xref/.pdf_version,
 * HPDF_PageAttr_Rec.stream/.gmode, HPDF_Dict_Rec.stream/.filter) are those
 * of libharu 2.3.0; 2.4 inserted fields before them. */
#if HPDF_MAJOR_VERSION != 2 || HPDF_MINOR_VERSION != 3
#error "sanya's PDF layer reads libharu 2.3 internals: check haru.c against this libharu version"
#endif
#ifdef HPDF_SHARED
#error "haru.c needs libharu's internal structs, which HPDF_SHARED hides"
#endif

/* An image loaded into the document, with a copy of its file's bytes to
 * recognise it when it is loaded again. */
typedef struct haru_image {
    unsigned char *bytes;
    size_t len;
    HPDF_Image image;
} haru_image;

struct sy_haru {
    HPDF_Doc doc;
    const char *error;
    char error_buf[128];
    haru_image *images;
    size_t nimages;
    /* libdeflate compressors by level (1-12), made when first used. */
    struct libdeflate_compressor *deflaters[13];
};

const char *sy_haru_compiled_version(void)
{
    return HPDF_VERSION_TEXT;
}

const char *sy_haru_runtime_version(void)
{
    return HPDF_GetVersion();
}

/* What the libharu errors a user's file can cause mean (a template's
 * image); other codes are ours and only need the number. */
static const char *haru_error_words(HPDF_STATUS error_no)
{
    switch (error_no) {
    case HPDF_STREAM_EOF:
        return "the data ends too early (a truncated file?): ";
    case HPDF_INVALID_JPEG_DATA:
        return "invalid JPEG data: ";
    case HPDF_UNSUPPORTED_JPEG_FORMAT:
        return "unsupported JPEG format: ";
    case HPDF_INVALID_IMAGE:
        return "invalid image: ";
    default:
        return "";
    }
}

/* libharu calls this on every error; it only records the first one. */
static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    sy_haru *h = user;
    if (!h->error) {
        snprintf(h->error_buf, sizeof h->error_buf, "%slibharu error 0x%04X (detail %u)",
                 haru_error_words(error_no), (unsigned)error_no, (unsigned)detail_no);
        h->error = h->error_buf;
    }
}

sy_haru *sy_haru_new(void)
{
    sy_haru *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->doc = HPDF_New(on_error, h);
    if (!h->doc) {
        free(h);
        return NULL;
    }
    if (HPDF_SetCompressionMode(h->doc, HPDF_COMP_ALL) != HPDF_OK) {
        sy_haru_free(h);
        return NULL;
    }
    /* HPDF_New starts at 1.3; composite fonts with ToUnicode, marked content
     * and (later) signature fields want a modern header. */
    h->doc->pdf_version = HPDF_VER_17;
    return h;
}

void sy_haru_free(sy_haru *h)
{
    if (!h)
        return;
    if (h->doc)
        HPDF_Free(h->doc);
    for (size_t i = 0; i < h->nimages; i++)
        free(h->images[i].bytes);
    free(h->images);
    for (int i = 0; i < 13; i++)
        libdeflate_free_compressor(h->deflaters[i]);
    free(h);
}

const char *sy_haru_error(const sy_haru *h)
{
    return h->error;
}

sy_haru_page *sy_haru_add_page(sy_haru *h, double width, double height)
{
    HPDF_Page page = HPDF_AddPage(h->doc);
    if (!page)
        return NULL;
    if (HPDF_Page_SetWidth(page, (HPDF_REAL)width) != HPDF_OK ||
        HPDF_Page_SetHeight(page, (HPDF_REAL)height) != HPDF_OK)
        return NULL;
    return page;
}

int sy_haru_page_write(sy_haru *h, sy_haru_page *page, const char *ops, size_t len)
{
    HPDF_Page p = page;
    HPDF_PageAttr attr = (HPDF_PageAttr)p->attr;
    if (attr->gmode != HPDF_GMODE_PAGE_DESCRIPTION) {
        if (!h->error)
            h->error = "page content written inside a text or path object";
        return -1;
    }
    return HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)ops, (HPDF_UINT)len) == HPDF_OK ? 0
                                                                                              : -1;
}

const char *sy_haru_page_font(sy_haru *h, sy_haru_page *page, sy_haru_obj *font)
{
    (void)h;
    return HPDF_Page_GetLocalFontName((HPDF_Page)page, (HPDF_Font)font);
}

sy_haru_obj *sy_haru_dict(sy_haru *h)
{
    HPDF_Dict d = HPDF_Dict_New(h->doc->mmgr);
    if (!d || HPDF_Xref_Add(h->doc->xref, d) != HPDF_OK)
        return NULL; /* HPDF_Xref_Add frees d on failure */
    return d;
}

sy_haru_obj *sy_haru_direct_dict(sy_haru *h)
{
    return HPDF_Dict_New(h->doc->mmgr);
}

sy_haru_obj *sy_haru_stream(sy_haru *h)
{
    HPDF_Dict d = HPDF_DictStream_New(h->doc->mmgr, h->doc->xref);
    if (d)
        d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    return d;
}

int sy_haru_stream_write(sy_haru *h, sy_haru_obj *stream, const void *data, size_t len)
{
    (void)h;
    HPDF_Dict d = stream;
    return HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)data, (HPDF_UINT)len) == HPDF_OK ? 0
                                                                                            : -1;
}

/* libharu writes /Filter only for streams it compresses itself (and removes
 * any other): a stream compressed here declares its filter through the
 * dictionary's write hook, which runs just before the closing ">>". */
static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream stream)
{
    (void)dict;
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* Deflates len bytes of data at level (1-12) into zlib format (what
 * /FlateDecode reads) with libdeflate, a good deal faster than zlib for the
 * same size. Returns a malloc'd buffer of *zlen bytes, or NULL. */
static unsigned char *deflate_zlib(sy_haru *h, int level, const void *data, size_t len,
                                   size_t *zlen)
{
    level = level < 1 ? 1 : level > 12 ? 12 : level;
    if (!h->deflaters[level] && !(h->deflaters[level] = libdeflate_alloc_compressor(level)))
        return NULL;
    struct libdeflate_compressor *c = h->deflaters[level];
    size_t cap = libdeflate_zlib_compress_bound(c, len);
    unsigned char *z = malloc(cap ? cap : 1);
    if (!z)
        return NULL;
    *zlen = libdeflate_zlib_compress(c, data, len, z, cap);
    if (!*zlen) {
        free(z);
        return NULL;
    }
    return z;
}

unsigned char *sy_haru_deflate(sy_haru *h, int level, const void *data, size_t len, size_t *zlen)
{
    return deflate_zlib(h, level, data, len, zlen);
}

sy_haru_obj *sy_haru_stream_flate(sy_haru *h, const void *z, size_t zlen)
{
    HPDF_Dict d = HPDF_DictStream_New(h->doc->mmgr, h->doc->xref);
    if (d) {
        d->filter = HPDF_STREAM_FILTER_NONE;
        d->write_fn = write_flate_filter;
        if (HPDF_Stream_Write(d->stream, z, (HPDF_UINT)zlen) != HPDF_OK)
            d = NULL;
    }
    return d;
}

sy_haru_obj *sy_haru_stream_deflated(sy_haru *h, const void *data, size_t len, int level)
{
    size_t zlen = 0;
    unsigned char *z = deflate_zlib(h, level, data, len, &zlen);
    if (!z)
        return NULL;
    HPDF_Dict d = sy_haru_stream_flate(h, z, zlen);
    free(z);
    return d;
}

/* libharu deflates the streams left to it (page contents, ToUnicode maps,
 * images) with zlib at its default level as it writes them, setting up a
 * compressor for each. Before the file is written, each such stream's data
 * is deflated here instead, with libdeflate at level 1, as font programs
 * are (an agreement's page contents come out some 1.4 KiB bigger than at
 * level 4, in half the time: a sixteenth of a batch's work), and marked as
 * already compressed. A stream with decode
 * parameters or its own write hook is left to libharu. Returns 0, or -1
 * when out of memory. */
static int deflate_streams(sy_haru *h)
{
    unsigned char *plain = NULL;
    size_t cap = 0;
    int rc = 0;
    for (HPDF_Xref x = h->doc->xref; x && rc == 0; x = x->prev) {
        for (HPDF_UINT i = 0; i < x->entries->count && rc == 0; i++) {
            HPDF_XrefEntry e = HPDF_List_ItemAt(x->entries, i);
            HPDF_Obj_Header *hdr = e ? e->obj : NULL;
            if (!hdr || (hdr->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
                continue;
            HPDF_Dict d = e->obj;
            if (!d->stream || d->filter != HPDF_STREAM_FILTER_FLATE_DECODE || d->filterParams ||
                d->write_fn || d->stream->type != HPDF_STREAM_MEMORY)
                continue;
            size_t len = 0;
            for (HPDF_UINT k = 0; k < HPDF_MemStream_GetBufCount(d->stream); k++) {
                HPDF_UINT n = 0;
                HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(d->stream, k, &n);
                if (!b)
                    break;
                if (len + n > cap) {
                    size_t ncap = (len + n) * 2;
                    unsigned char *np = realloc(plain, ncap);
                    if (!np) {
                        rc = -1;
                        break;
                    }
                    plain = np;
                    cap = ncap;
                }
                memcpy(plain + len, b, n);
                len += n;
            }
            if (rc != 0 || len != HPDF_Stream_Size(d->stream))
                continue;
            size_t zlen = 0;
            unsigned char *z = deflate_zlib(h, 1, plain, len, &zlen);
            if (!z) {
                rc = -1;
                break;
            }
            HPDF_MemStream_FreeData(d->stream);
            if (HPDF_Stream_Write(d->stream, z, (HPDF_UINT)zlen) != HPDF_OK)
                rc = -1;
            d->filter = HPDF_STREAM_FILTER_NONE;
            d->write_fn = write_flate_filter;
            free(z);
        }
    }
    free(plain);
    return rc;
}

sy_haru_obj *sy_haru_array(sy_haru *h)
{
    return HPDF_Array_New(h->doc->mmgr);
}

int sy_haru_dict_name(sy_haru *h, sy_haru_obj *dict, const char *key, const char *name)
{
    (void)h;
    return HPDF_Dict_AddName((HPDF_Dict)dict, key, name) == HPDF_OK ? 0 : -1;
}

int sy_haru_dict_int(sy_haru *h, sy_haru_obj *dict, const char *key, long v)
{
    (void)h;
    return HPDF_Dict_AddNumber((HPDF_Dict)dict, key, (HPDF_INT32)v) == HPDF_OK ? 0 : -1;
}

int sy_haru_dict_obj(sy_haru *h, sy_haru_obj *dict, const char *key, sy_haru_obj *v)
{
    (void)h;
    return v && HPDF_Dict_Add((HPDF_Dict)dict, key, v) == HPDF_OK ? 0 : -1;
}

int sy_haru_dict_string(sy_haru *h, sy_haru_obj *dict, const char *key, const char *s, size_t len)
{
    /* A binary string is written in hex, whatever bytes it holds. */
    HPDF_Binary b = HPDF_Binary_New(h->doc->mmgr, (HPDF_BYTE *)s, (HPDF_UINT)len);
    return b && HPDF_Dict_Add((HPDF_Dict)dict, key, b) == HPDF_OK ? 0 : -1;
}

int sy_haru_array_int(sy_haru *h, sy_haru_obj *array, long v)
{
    (void)h;
    return HPDF_Array_AddNumber((HPDF_Array)array, (HPDF_INT32)v) == HPDF_OK ? 0 : -1;
}

int sy_haru_array_real(sy_haru *h, sy_haru_obj *array, double v)
{
    (void)h;
    double r = round(v * 1000.0) / 1000.0;
    if (r == floor(r))
        return HPDF_Array_AddNumber((HPDF_Array)array, (HPDF_INT32)r) == HPDF_OK ? 0 : -1;
    return HPDF_Array_AddReal((HPDF_Array)array, (HPDF_REAL)r) == HPDF_OK ? 0 : -1;
}

int sy_haru_array_obj(sy_haru *h, sy_haru_obj *array, sy_haru_obj *v)
{
    (void)h;
    return v && HPDF_Array_Add((HPDF_Array)array, v) == HPDF_OK ? 0 : -1;
}

sy_haru_image *sy_haru_load_image(sy_haru *h, const void *data, size_t len, int png,
                                  unsigned *width, unsigned *height)
{
    HPDF_Image image = NULL;
    for (size_t i = 0; i < h->nimages && !image; i++)
        if (h->images[i].len == len && !memcmp(h->images[i].bytes, data, len))
            image = h->images[i].image;
    if (!image) {
        if (len > 0xFFFFFFFFu) {
            if (!h->error)
                h->error = "image too large";
            return NULL;
        }
        haru_image *grown = realloc(h->images, (h->nimages + 1) * sizeof *grown);
        unsigned char *copy = malloc(len ? len : 1);
        if (!grown || !copy) {
            free(copy);
            if (grown)
                h->images = grown;
            if (!h->error)
                h->error = "out of memory";
            return NULL;
        }
        h->images = grown;
        memcpy(copy, data, len);
        image = png ? HPDF_LoadPngImageFromMem(h->doc, copy, (HPDF_UINT)len)
                    : HPDF_LoadJpegImageFromMem(h->doc, copy, (HPDF_UINT)len);
        if (!image) {
            free(copy);
            if (!h->error)
                h->error = png ? "libharu cannot read this PNG file"
                               : "libharu cannot read this JPEG file";
            return NULL;
        }
        /* libharu 2.3 writes a PNG's alpha channel (its /SMask) without
         * compression: compress it like the image itself. */
        HPDF_Dict smask = HPDF_Dict_GetItem(image, "SMask", HPDF_OCLASS_DICT);
        if (smask)
            smask->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        haru_image hi = {copy, len, image};
        h->images[h->nimages++] = hi;
    }
    *width = HPDF_Image_GetWidth(image);
    *height = HPDF_Image_GetHeight(image);
    if (!*width || !*height) {
        if (!h->error)
            h->error = "an image without pixels";
        return NULL;
    }
    return image;
}

int sy_haru_draw_image(sy_haru *h, sy_haru_page *page, sy_haru_image *img, double x, double y,
                       double w, double hgt)
{
    (void)h;
    return HPDF_Page_DrawImage((HPDF_Page)page, (HPDF_Image)img, (HPDF_REAL)x, (HPDF_REAL)y,
                               (HPDF_REAL)w, (HPDF_REAL)hgt) == HPDF_OK
        ? 0
        : -1;
}

/* ---- tagged PDF (lib/pdf/tags.c) ---- */

int sy_haru_dict_bool(sy_haru *h, sy_haru_obj *dict, const char *key, int v)
{
    HPDF_Boolean b = HPDF_Boolean_New(h->doc->mmgr, v ? HPDF_TRUE : HPDF_FALSE);
    return b && HPDF_Dict_Add((HPDF_Dict)dict, key, b) == HPDF_OK ? 0 : -1;
}

int sy_haru_set_producer(sy_haru *h, const char *producer)
{
    return HPDF_SetInfoAttr(h->doc, HPDF_INFO_PRODUCER, producer) == HPDF_OK ? 0 : -1;
}

/* libharu's output stream appends here, to a sy_buf (stream->attr). */
static HPDF_STATUS append_output(HPDF_Stream stream, const HPDF_BYTE *ptr, HPDF_UINT size)
{
    sy_buf *out = stream->attr;
    sy_buf_put(out, ptr, size);
    return sy_buf_failed(out) ? HPDF_FAILD_TO_ALLOC_MEM : HPDF_OK;
}

int sy_haru_save(sy_haru *h, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    if (deflate_streams(h) != 0)
        return -1;
    /* HPDF_SaveToStream writes into the document's stream, a memory stream
     * it makes unless there is one, which then had to be read back out: both
     * copies byte by byte. Given a stream that appends to a buffer, it
     * writes the file straight there (stream->size still gives the
     * cross-reference table its offsets). */
    sy_buf out = SY_BUF_INIT;
    HPDF_Stream stream = HPDF_CallbackWriter_New(h->doc->mmgr, append_output, &out);
    if (!stream)
        return -1;
    HPDF_Stream own = h->doc->stream;
    h->doc->stream = stream;
    HPDF_STATUS st = HPDF_SaveToStream(h->doc);
    h->doc->stream = own;
    HPDF_Stream_Free(stream);
    if (st != HPDF_OK || sy_buf_failed(&out) || !out.len) {
        sy_buf_free(&out);
        return -1;
    }
    *data = sy_buf_take(&out, len);
    return 0;
}

/* ---- document-level objects ---- */

sy_haru_obj *sy_haru_catalog(sy_haru *h)
{
    return h->doc->catalog;
}

sy_haru_obj *sy_haru_trailer(sy_haru *h)
{
    return h->doc->trailer;
}

sy_haru_obj *sy_haru_info(sy_haru *h)
{
    /* libharu makes the Info dictionary lazily, inside its attribute
     * setters: setting the Producer (which sy_pdf_finish overwrites with the
     * same value) makes it exist. */
    if (!h->doc->info && HPDF_SetInfoAttr(h->doc, HPDF_INFO_PRODUCER, "sanya") != HPDF_OK)
        return NULL;
    return h->doc->info;
}

sy_haru_obj *sy_haru_page_dict(sy_haru_page *page)
{
    return page;
}

sy_haru_obj *sy_haru_stream_plain(sy_haru *h)
{
    HPDF_Dict d = HPDF_DictStream_New(h->doc->mmgr, h->doc->xref);
    if (d)
        d->filter = HPDF_STREAM_FILTER_NONE;
    return d;
}

static HPDF_Obj_Header *real_or_int(sy_haru *h, double v)
{
    double r = round(v * 1000.0) / 1000.0;
    if (r == floor(r) && fabs(r) < 2e9)
        return (HPDF_Obj_Header *)HPDF_Number_New(h->doc->mmgr, (HPDF_INT32)r);
    return (HPDF_Obj_Header *)HPDF_Real_New(h->doc->mmgr, (HPDF_REAL)r);
}

int sy_haru_dict_real(sy_haru *h, sy_haru_obj *dict, const char *key, double v)
{
    void *o = real_or_int(h, v);
    return o && HPDF_Dict_Add((HPDF_Dict)dict, key, o) == HPDF_OK ? 0 : -1;
}

int sy_haru_array_name(sy_haru *h, sy_haru_obj *array, const char *name)
{
    (void)h;
    return HPDF_Array_AddName((HPDF_Array)array, name) == HPDF_OK ? 0 : -1;
}

int sy_haru_array_null(sy_haru *h, sy_haru_obj *array)
{
    HPDF_Null n = HPDF_Null_New(h->doc->mmgr);
    return n && HPDF_Array_Add((HPDF_Array)array, n) == HPDF_OK ? 0 : -1;
}

int sy_haru_array_string(sy_haru *h, sy_haru_obj *array, const void *s, size_t len)
{
    HPDF_Binary b = HPDF_Binary_New(h->doc->mmgr, (HPDF_BYTE *)s, (HPDF_UINT)len);
    return b && HPDF_Array_Add((HPDF_Array)array, b) == HPDF_OK ? 0 : -1;
}
