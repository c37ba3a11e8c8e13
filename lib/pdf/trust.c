/* A document one can sign and trust: metadata (Info and XMP), bookmarks,
 * page labels, attached files, signature fields and the document ID (see
 * pdf.h). Calls record copies; sy_pdf_trust_finish, run by sy_pdf_finish,
 * builds the objects through haru.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/hash.h"
#include "core/limits.h"
#include "pdf/haru.h"
#include "pdf/pdf.h"
#include "pdf/pdf_internal.h"
#include "text/text.h"

typedef struct bookmark {
    size_t page;
    double y;
    char *title;
} bookmark;

typedef struct label {
    size_t page;
    char *prefix; /* NULL = none */
    int style, start;
} label;

typedef struct attachment {
    char *name, *mime, *desc;
    sy_buf key; /* the name as a PDF text string: the name tree's sort key */
    unsigned char *data;
    size_t len;
} attachment;

typedef struct sigfield {
    size_t page;
    double x0, y0, x1, y1;
    char *name;
    sy_haru_obj *widget; /* made by finish_fields */
} sigfield;

struct sy_pdf_trust {
    int has_info;
    char *info[6]; /* title, subject, keywords, author, creator, created */
    bookmark *marks;
    size_t nmarks, capmarks;
    label *labels;
    size_t nlabels, caplabels;
    attachment *files;
    size_t nfiles, capfiles;
    sigfield *fields;
    size_t nfields, capfields;
    int has_id;
    unsigned char id[16];
};

void sy_pdf_trust_free(sy_pdf_trust *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < 6; i++)
        free(t->info[i]);
    for (size_t i = 0; i < t->nmarks; i++)
        free(t->marks[i].title);
    free(t->marks);
    for (size_t i = 0; i < t->nlabels; i++)
        free(t->labels[i].prefix);
    free(t->labels);
    for (size_t i = 0; i < t->nfiles; i++) {
        free(t->files[i].name);
        free(t->files[i].mime);
        free(t->files[i].desc);
        free(t->files[i].data);
        sy_buf_free(&t->files[i].key);
    }
    free(t->files);
    for (size_t i = 0; i < t->nfields; i++)
        free(t->fields[i].name);
    free(t->fields);
    free(t);
}

static sy_status nomem(sy_diags *d)
{
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

/* The trust state of a document that can still be changed, made on first
 * use. */
static sy_status state(sy_pdf *pdf, const char *what, sy_pdf_trust **t, sy_diags *d)
{
    *t = NULL;
    if (sy_pdf_is_finished(pdf))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF: %s after the document was finished", what);
    sy_pdf_trust **slot = sy_pdf_trust_slot(pdf);
    if (!*slot && !(*slot = calloc(1, sizeof **slot)))
        return nomem(d);
    *t = *slot;
    return SY_OK;
}

sy_status sy_pdf_trust_ensure(sy_pdf *pdf, sy_diags *d)
{
    sy_pdf_trust *t;
    return state(pdf, "PDF/A asked for", &t, d);
}

/* Checks that s is UTF-8 without control characters; what names it. */
static sy_status check_text(const char *s, const char *what, sy_diags *d)
{
    size_t len = strlen(s), bad = sy_utf8_check(s, len);
    if (bad != (size_t)-1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "PDF %s: invalid UTF-8 at byte %zu", what, bad);
    size_t units = 0; /* UTF-16 code units, for the length as a PDF string */
    int ascii = 1;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t c = sy_utf8_next(s, len, &i);
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                                "PDF %s: control character U+%04X at byte %zu", what, (unsigned)c,
                                at);
        units += c > 0xFFFF ? 2 : 1;
        ascii &= c < 0x7F;
    }
    /* As text_string writes it: the bytes, or FE FF and UTF-16BE. */
    size_t bytes = ascii ? len : 2 + 2 * units;
    if (bytes > SY_LIMIT_PDF_TEXT_BYTES)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "PDF %s: %zu bytes as a PDF string, more than the %u a PDF string "
                            "may have here (libharu's limit); shorten the text it is made of",
                            what, bytes, SY_LIMIT_PDF_TEXT_BYTES);
    return SY_OK;
}

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        *failed = 1;
    return c;
}

/* A PDF text string for UTF-8 s: the bytes themselves when they are
 * printable ASCII (the same in PDFDocEncoding), else FE FF and UTF-16BE.
 * Failure (no memory) marks b failed. */
static void text_string(sy_buf *b, const char *s)
{
    size_t len = strlen(s);
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E)
            ascii = 0;
    if (ascii) {
        sy_buf_put(b, s, len);
        return;
    }
    sy_buf_u16be(b, 0xFEFF);
    /* s was checked (check_text): failing here means no memory, which
     * marks b failed for the caller to see. */
    sy_pdf_put_utf16(b, s, len, 0, NULL);
}

/* key = text string of s, in a dictionary. */
static int dict_text(sy_haru *h, sy_haru_obj *dict, const char *key, const char *s)
{
    sy_buf b = SY_BUF_INIT;
    text_string(&b, s);
    int bad = sy_buf_failed(&b) || sy_haru_dict_string(h, dict, key, b.data ? b.data : "", b.len);
    sy_buf_free(&b);
    return bad ? -1 : 0;
}

/* Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" into f[0..6) (y m d H M S)
 * and whether a time was given; -1 when it is neither. */
static int parse_created(const char *s, int f[6], int *has_time)
{
    sy_date date;
    size_t len = strlen(s);
    if (len < 10 || sy_date_parse_iso(s, 10, &date) != 0)
        return -1;
    f[0] = date.year;
    f[1] = date.month;
    f[2] = date.day;
    f[3] = f[4] = f[5] = 0;
    *has_time = 0;
    if (len == 10)
        return 0;
    const char *t = s + 10;
    if (len != 20 || t[0] != 'T' || t[3] != ':' || t[6] != ':' || t[9] != 'Z')
        return -1;
    for (int k = 0; k < 3; k++) {
        char a = t[1 + 3 * k], c = t[2 + 3 * k];
        if (a < '0' || a > '9' || c < '0' || c > '9')
            return -1;
        f[3 + k] = (a - '0') * 10 + (c - '0');
    }
    if (f[3] > 23 || f[4] > 59 || f[5] > 59)
        return -1;
    *has_time = 1;
    return 0;
}

sy_status sy_pdf_set_info(sy_pdf *pdf, const sy_pdf_info *info, sy_diags *d)
{
    sy_pdf_trust *t;
    sy_status ts = state(pdf, "metadata set", &t, d);
    if (ts != SY_OK)
        return ts;
    const char *v[6] = {info->title,  info->subject, info->keywords,
                        info->author, info->creator, info->created};
    static const char *const what[6] = {"title",  "subject", "keywords",
                                        "author", "creator", "creation date"};
    sy_status st = SY_OK;
    for (size_t i = 0; i < 5; i++)
        if (v[i] && check_text(v[i], what[i], d) != SY_OK)
            st = SY_ERR_DATA;
    int f[6], has_time;
    if (v[5] && parse_created(v[5], f, &has_time) != 0)
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                          "PDF creation date '%s': expected YYYY-MM-DD or "
                          "YYYY-MM-DDTHH:MM:SSZ",
                          v[5]);
    if (st != SY_OK)
        return st;
    int failed = 0;
    char *copy[6];
    for (size_t i = 0; i < 6; i++)
        copy[i] = dup_or_null(v[i], &failed);
    if (failed) {
        for (size_t i = 0; i < 6; i++)
            free(copy[i]);
        return nomem(d);
    }
    for (size_t i = 0; i < 6; i++) {
        free(t->info[i]);
        t->info[i] = copy[i];
    }
    t->has_info = 1;
    return SY_OK;
}

sy_status sy_pdf_add_bookmark(sy_pdf *pdf, size_t page_index, double y, const char *title_utf8,
                              sy_diags *d)
{
    sy_pdf_trust *t;
    sy_status ts = state(pdf, "bookmark added", &t, d);
    if (ts != SY_OK)
        return ts;
    sy_status cs = check_text(title_utf8, "bookmark title", d);
    if (cs != SY_OK)
        return cs;
    if (t->nmarks >= SY_LIMIT_PDF_BOOKMARKS)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "more than %d bookmarks", SY_LIMIT_PDF_BOOKMARKS);
    if (SY_RESERVE(t->marks, t->capmarks, t->nmarks + 1))
        return nomem(d);
    bookmark *m = &t->marks[t->nmarks];
    m->page = page_index;
    m->y = y;
    if (!(m->title = strdup(title_utf8)))
        return nomem(d);
    t->nmarks++;
    return SY_OK;
}

sy_status sy_pdf_add_page_label(sy_pdf *pdf, size_t first_page_index, const char *prefix, int style,
                                int start, sy_diags *d)
{
    sy_pdf_trust *t;
    sy_status ts = state(pdf, "page label added", &t, d);
    if (ts != SY_OK)
        return ts;
    if (style != SY_PDF_LABEL_NONE && style != SY_PDF_LABEL_DECIMAL &&
        style != SY_PDF_LABEL_ROMAN_LOWER)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF page label: unknown style %d", style);
    if (start < 1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF page label: numbering must start at 1 or more, not %d", start);
    if (prefix && check_text(prefix, "page label", d) != SY_OK)
        return SY_ERR_DATA;
    for (size_t i = 0; i < t->nlabels; i++)
        if (t->labels[i].page == first_page_index)
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                                "PDF page label: two label ranges start at page %zu",
                                first_page_index + 1);
    if (t->nlabels >= SY_LIMIT_PAGES)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "more than %d page label ranges", SY_LIMIT_PAGES);
    if (SY_RESERVE(t->labels, t->caplabels, t->nlabels + 1))
        return nomem(d);
    label *l = &t->labels[t->nlabels];
    int failed = 0;
    l->prefix = dup_or_null(prefix, &failed);
    if (failed)
        return nomem(d);
    l->page = first_page_index;
    l->style = style;
    l->start = start;
    t->nlabels++;
    return SY_OK;
}

sy_status sy_pdf_attach_file(sy_pdf *pdf, const char *name, const void *data, size_t len,
                             const char *mime, const char *description, sy_diags *d)
{
    sy_pdf_trust *t;
    sy_status ts = state(pdf, "file attached", &t, d);
    if (ts != SY_OK)
        return ts;
    sy_status cs = check_text(name, "attachment name", d);
    if (cs != SY_OK)
        return cs;
    if (strlen(name) > SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "PDF attachment name: %zu bytes, more than %d (a file name)",
                            strlen(name), SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES);
    if (!name[0] || !strcmp(name, ".") || strchr(name, '/') || strchr(name, '\\') ||
        strstr(name, ".."))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF attachment name '%s': must be a plain file name", name);
    if (description && check_text(description, "attachment description", d) != SY_OK)
        return SY_ERR_DATA;
    if (mime) {
        for (const char *c = mime; *c; c++)
            if (*c <= 0x20 || *c >= 0x7F)
                return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                                    "PDF attachment '%s': bad MIME type", name);
    }
    if (len > SY_LIMIT_PDF_ATTACHMENT_BYTES)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "PDF attachment '%s': more than %u bytes", name,
                            (unsigned)SY_LIMIT_PDF_ATTACHMENT_BYTES);
    for (size_t i = 0; i < t->nfiles; i++)
        if (!strcmp(t->files[i].name, name))
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                                "PDF attachment '%s': attached twice", name);
    if (t->nfiles >= SY_LIMIT_PDF_ATTACHMENTS)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "more than %d attachments", SY_LIMIT_PDF_ATTACHMENTS);
    if (SY_RESERVE(t->files, t->capfiles, t->nfiles + 1))
        return nomem(d);
    attachment *a = &t->files[t->nfiles];
    memset(a, 0, sizeof *a);
    int failed = 0;
    a->name = dup_or_null(name, &failed);
    a->mime = dup_or_null(mime, &failed);
    a->desc = dup_or_null(description, &failed);
    a->data = malloc(len ? len : 1);
    if (a->data && len)
        memcpy(a->data, data, len);
    a->len = len;
    text_string(&a->key, name);
    if (failed || !a->data || sy_buf_failed(&a->key)) {
        free(a->name);
        free(a->mime);
        free(a->desc);
        free(a->data);
        sy_buf_free(&a->key);
        return nomem(d);
    }
    t->nfiles++;
    return SY_OK;
}

sy_status sy_pdf_add_signature_field(sy_pdf *pdf, size_t page_index, double x0, double y0,
                                     double x1, double y1, const char *name, sy_diags *d)
{
    sy_pdf_trust *t;
    sy_status ts = state(pdf, "signature field added", &t, d);
    if (ts != SY_OK)
        return ts;
    int ok = name[0] != '\0';
    for (const char *c = name; *c; c++)
        if (*c < 0x21 || *c > 0x7E || *c == '.')
            ok = 0;
    if (!ok)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF signature field name '%s': expected printable ASCII without "
                            "spaces or '.'",
                            name);
    if (!(x1 > x0) || !(y1 > y0))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "PDF signature field '%s': empty rectangle", name);
    for (size_t i = 0; i < t->nfields; i++)
        if (!strcmp(t->fields[i].name, name))
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                                "PDF signature field '%s': the name is already used", name);
    if (t->nfields >= SY_LIMIT_PDF_SIGFIELDS)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "more than %d signature fields", SY_LIMIT_PDF_SIGFIELDS);
    if (SY_RESERVE(t->fields, t->capfields, t->nfields + 1))
        return nomem(d);
    sigfield *f = &t->fields[t->nfields];
    if (!(f->name = strdup(name)))
        return nomem(d);
    f->page = page_index;
    f->x0 = x0;
    f->y0 = y0;
    f->x1 = x1;
    f->y1 = y1;
    t->nfields++;
    return SY_OK;
}

sy_status sy_pdf_set_id(sy_pdf *pdf, const unsigned char digest[16], sy_diags *d)
{
    sy_pdf_trust *t;
    sy_status ts = state(pdf, "ID set", &t, d);
    if (ts != SY_OK)
        return ts;
    memcpy(t->id, digest, 16);
    t->has_id = 1;
    return SY_OK;
}

void sy_pdf_hash_inputs(const void *const *parts, const size_t *lens, size_t n,
                        unsigned char out[16])
{
    sy_hash h;
    sy_hash_init(&h, SY_HASH_MD5);
    for (size_t i = 0; i < n; i++)
        sy_hash_update_framed(&h, parts[i], lens[i]);
    sy_hash_final(&h, out);
}

/* ---- finishing ---- */

static sy_status fail(sy_pdf *pdf, sy_diags *d, const char *what)
{
    const char *why = sy_haru_error(sy_pdf_haru_of(pdf));
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                        "PDF: cannot write %s%s%s", what, why ? ": " : "", why ? why : "");
}

static sy_status page_range(sy_pdf *pdf, size_t page, const char *what, sy_diags *d)
{
    if (sy_pdf_page_of(pdf, page))
        return SY_OK;
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                        "PDF %s: page %zu does not exist (the document has %zu)", what, page + 1,
                        sy_pdf_page_count(pdf));
}

static void xml_escaped(sy_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            sy_buf_puts(b, "&amp;");
            break;
        case '<':
            sy_buf_puts(b, "&lt;");
            break;
        case '>':
            sy_buf_puts(b, "&gt;");
            break;
        case '"':
            sy_buf_puts(b, "&quot;");
            break;
        case '\'':
            sy_buf_puts(b, "&apos;");
            break;
        default:
            sy_buf_putc(b, *s);
        }
    }
}

static void xmp_alt(sy_buf *b, const char *tag, const char *v)
{
    sy_buf_printf(b, "<%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
    xml_escaped(b, v);
    sy_buf_printf(b, "</rdf:li></rdf:Alt></%s>\n", tag);
}

static void xmp_simple(sy_buf *b, const char *tag, const char *v)
{
    sy_buf_printf(b, "<%s>", tag);
    xml_escaped(b, v);
    sy_buf_printf(b, "</%s>\n", tag);
}

static sy_status finish_info(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    sy_haru_obj *info = sy_haru_info(h);
    if (!info)
        return fail(pdf, d, "the Info dictionary");
    static const char *const keys[5] = {"Title", "Subject", "Keywords", "Author", "Creator"};
    int bad = 0;
    for (size_t i = 0; i < 5; i++)
        if (t->info[i])
            bad |= dict_text(h, info, keys[i], t->info[i]);
    char pdfdate[32] = "", xmpdate[32] = "";
    int pdfa = sy_pdf_pdfa_on(pdf);
    if (t->info[5]) {
        int f[6], has_time;
        parse_created(t->info[5], f, &has_time); /* checked by sy_pdf_set_info */
        if (pdfa) {
            /* ISO 19005-3, 6.6.2.3.1: Info's dates and XMP's must be the
             * same; written whole, with the same zone, so that no reader
             * has to guess a missing time or zone. */
            snprintf(pdfdate, sizeof pdfdate, "D:%04d%02d%02d%02d%02d%02d+00'00'", f[0], f[1], f[2],
                     f[3], f[4], f[5]);
            snprintf(xmpdate, sizeof xmpdate, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", f[0], f[1],
                     f[2], f[3], f[4], f[5]);
        } else if (has_time) {
            snprintf(pdfdate, sizeof pdfdate, "D:%04d%02d%02d%02d%02d%02dZ", f[0], f[1], f[2], f[3],
                     f[4], f[5]);
            snprintf(xmpdate, sizeof xmpdate, "%04d-%02d-%02dT%02d:%02d:%02dZ", f[0], f[1], f[2],
                     f[3], f[4], f[5]);
        } else {
            snprintf(pdfdate, sizeof pdfdate, "D:%04d%02d%02d", f[0], f[1], f[2]);
            snprintf(xmpdate, sizeof xmpdate, "%04d-%02d-%02d", f[0], f[1], f[2]);
        }
        bad |= sy_haru_dict_string(h, info, "CreationDate", pdfdate, strlen(pdfdate));
        bad |= sy_haru_dict_string(h, info, "ModDate", pdfdate, strlen(pdfdate));
    }
    if (bad)
        return fail(pdf, d, "the Info dictionary");

    sy_buf x = SY_BUF_INIT;
    sy_buf_puts(&x,
                "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                "<rdf:Description rdf:about=\"\"\n"
                " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                "<dc:format>application/pdf</dc:format>\n");
    if (t->info[0])
        xmp_alt(&x, "dc:title", t->info[0]);
    if (t->info[1])
        xmp_alt(&x, "dc:description", t->info[1]);
    if (t->info[3]) {
        sy_buf_puts(&x, "<dc:creator><rdf:Seq><rdf:li>");
        xml_escaped(&x, t->info[3]);
        sy_buf_puts(&x, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (t->info[2])
        xmp_simple(&x, "pdf:Keywords", t->info[2]);
    xmp_simple(&x, "pdf:Producer", "sanya");
    if (t->info[4])
        xmp_simple(&x, "xmp:CreatorTool", t->info[4]);
    if (t->info[5]) {
        xmp_simple(&x, "xmp:CreateDate", xmpdate);
        xmp_simple(&x, "xmp:ModifyDate", xmpdate);
    }
    sy_buf_puts(&x, "</rdf:Description>\n");
    if (pdfa)
        sy_pdf_pdfa_xmp(&x);
    sy_buf_puts(&x, "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    sy_haru_obj *meta = sy_haru_stream_plain(h);
    bad = sy_buf_failed(&x) || !meta;
    if (!bad) {
        bad |= sy_haru_dict_name(h, meta, "Type", "Metadata");
        bad |= sy_haru_dict_name(h, meta, "Subtype", "XML");
        bad |= sy_haru_stream_write(h, meta, x.data, x.len);
        bad |= sy_haru_dict_obj(h, sy_haru_catalog(h), "Metadata", meta);
    }
    sy_buf_free(&x);
    return bad ? fail(pdf, d, "the XMP metadata") : SY_OK;
}

static sy_status finish_outline(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    for (size_t i = 0; i < t->nmarks; i++)
        if (page_range(pdf, t->marks[i].page, "bookmark", d) != SY_OK)
            return SY_ERR_USAGE;
    sy_haru_obj *root = sy_haru_dict(h);
    sy_haru_obj **items = calloc(t->nmarks, sizeof *items);
    if (!items)
        return nomem(d);
    int bad = !root;
    for (size_t i = 0; i < t->nmarks && !bad; i++)
        bad |= !(items[i] = sy_haru_dict(h));
    for (size_t i = 0; i < t->nmarks && !bad; i++) {
        sy_haru_obj *dest = sy_haru_array(h);
        bad |= !dest;
        if (bad)
            break;
        bad |= dict_text(h, items[i], "Title", t->marks[i].title);
        bad |= sy_haru_dict_obj(h, items[i], "Parent", root);
        if (i > 0)
            bad |= sy_haru_dict_obj(h, items[i], "Prev", items[i - 1]);
        if (i + 1 < t->nmarks)
            bad |= sy_haru_dict_obj(h, items[i], "Next", items[i + 1]);
        bad |= sy_haru_array_obj(h, dest, sy_haru_page_dict(sy_pdf_page_of(pdf, t->marks[i].page)));
        bad |= sy_haru_array_name(h, dest, "XYZ");
        bad |= sy_haru_array_null(h, dest);
        bad |= sy_haru_array_real(h, dest, t->marks[i].y);
        bad |= sy_haru_array_null(h, dest);
        bad |= sy_haru_dict_obj(h, items[i], "Dest", dest);
    }
    if (!bad) {
        bad |= sy_haru_dict_name(h, root, "Type", "Outlines");
        bad |= sy_haru_dict_obj(h, root, "First", items[0]);
        bad |= sy_haru_dict_obj(h, root, "Last", items[t->nmarks - 1]);
        bad |= sy_haru_dict_int(h, root, "Count", (long)t->nmarks);
        bad |= sy_haru_dict_obj(h, sy_haru_catalog(h), "Outlines", root);
    }
    free(items);
    return bad ? fail(pdf, d, "the outline") : SY_OK;
}

static int label_cmp(const void *a, const void *b)
{
    const label *x = a, *y = b;
    return x->page < y->page ? -1 : x->page > y->page;
}

static sy_status finish_labels(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    qsort(t->labels, t->nlabels, sizeof *t->labels, label_cmp);
    for (size_t i = 0; i < t->nlabels; i++)
        if (page_range(pdf, t->labels[i].page, "page label", d) != SY_OK)
            return SY_ERR_USAGE;
    sy_haru_obj *tree = sy_haru_direct_dict(h), *nums = sy_haru_array(h);
    int bad = !tree || !nums;
    if (!bad && t->labels[0].page != 0) {
        sy_haru_obj *l = sy_haru_direct_dict(h);
        bad |= !l || sy_haru_array_int(h, nums, 0) || sy_haru_dict_name(h, l, "S", "D") ||
            sy_haru_array_obj(h, nums, l);
    }
    for (size_t i = 0; i < t->nlabels && !bad; i++) {
        const label *lb = &t->labels[i];
        sy_haru_obj *l = sy_haru_direct_dict(h);
        if (!l) {
            bad = 1;
            break;
        }
        bad |= sy_haru_array_int(h, nums, (long)lb->page);
        if (lb->style == SY_PDF_LABEL_DECIMAL)
            bad |= sy_haru_dict_name(h, l, "S", "D");
        else if (lb->style == SY_PDF_LABEL_ROMAN_LOWER)
            bad |= sy_haru_dict_name(h, l, "S", "r");
        if (lb->prefix)
            bad |= dict_text(h, l, "P", lb->prefix);
        if (lb->start != 1 && lb->style != SY_PDF_LABEL_NONE)
            bad |= sy_haru_dict_int(h, l, "St", lb->start);
        bad |= sy_haru_array_obj(h, nums, l);
    }
    if (!bad) {
        bad |= sy_haru_dict_obj(h, tree, "Nums", nums);
        bad |= sy_haru_dict_obj(h, sy_haru_catalog(h), "PageLabels", tree);
    }
    return bad ? fail(pdf, d, "the page labels") : SY_OK;
}

static int file_cmp(const void *a, const void *b)
{
    const attachment *x = a, *y = b;
    size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
    int c = memcmp(x->key.data, y->key.data, n);
    return c ? c : (x->key.len > y->key.len) - (x->key.len < y->key.len);
}

static sy_status finish_files(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    qsort(t->files, t->nfiles, sizeof *t->files, file_cmp);
    sy_haru_obj *names = sy_haru_direct_dict(h), *tree = sy_haru_direct_dict(h);
    sy_haru_obj *arr = sy_haru_array(h), *af = sy_haru_array(h);
    int bad = !names || !tree || !arr || !af;
    /* PDF/A: the attached inputs are dated as the document is (its
     * creation date, the same string as Info's); a plain PDF keeps the
     * dictionaries it always had. */
    char moddate[32] = "";
    if (sy_pdf_pdfa_on(pdf) && t->info[5]) {
        int f[6], has_time;
        parse_created(t->info[5], f, &has_time);
        snprintf(moddate, sizeof moddate, "D:%04d%02d%02d%02d%02d%02d+00'00'", f[0], f[1], f[2],
                 f[3], f[4], f[5]);
    }
    for (size_t i = 0; i < t->nfiles && !bad; i++) {
        attachment *a = &t->files[i];
        sy_haru_obj *spec = sy_haru_dict(h), *ef = sy_haru_direct_dict(h);
        sy_haru_obj *params = sy_haru_direct_dict(h);
        /* level 1, as page contents: level 6 cost a batch some 5% of its
         * time for some 10% less of a few kilobytes */
        sy_haru_obj *file = sy_haru_stream_deflated(h, a->data, a->len, 1);
        if (!spec || !ef || !params || !file) {
            bad = 1;
            break;
        }
        bad |= sy_haru_dict_name(h, file, "Type", "EmbeddedFile");
        if (a->mime)
            bad |= sy_haru_dict_name(h, file, "Subtype", a->mime);
        bad |= sy_haru_dict_int(h, params, "Size", (long)a->len);
        if (moddate[0]) /* ISO 19005-3, 6.8: when the file was last changed */
            bad |= sy_haru_dict_string(h, params, "ModDate", moddate, strlen(moddate));
        bad |= sy_haru_dict_obj(h, file, "Params", params);
        bad |= sy_haru_dict_name(h, spec, "Type", "Filespec");
        bad |= sy_haru_dict_string(h, spec, "F", a->key.data, a->key.len);
        bad |= sy_haru_dict_string(h, spec, "UF", a->key.data, a->key.len);
        if (a->desc)
            bad |= dict_text(h, spec, "Desc", a->desc);
        bad |= sy_haru_dict_name(h, spec, "AFRelationship", "Source");
        bad |= sy_haru_dict_obj(h, ef, "F", file);
        bad |= sy_haru_dict_obj(h, ef, "UF", file);
        bad |= sy_haru_dict_obj(h, spec, "EF", ef);
        bad |= sy_haru_array_string(h, arr, a->key.data, a->key.len);
        bad |= sy_haru_array_obj(h, arr, spec);
        bad |= sy_haru_array_obj(h, af, spec);
    }
    if (!bad) {
        bad |= sy_haru_dict_obj(h, tree, "Names", arr);
        bad |= sy_haru_dict_obj(h, names, "EmbeddedFiles", tree);
        bad |= sy_haru_dict_obj(h, sy_haru_catalog(h), "Names", names);
        bad |= sy_haru_dict_obj(h, sy_haru_catalog(h), "AF", af);
    }
    return bad ? fail(pdf, d, "the attached files") : SY_OK;
}

static sy_status finish_fields(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    for (size_t i = 0; i < t->nfields; i++)
        if (page_range(pdf, t->fields[i].page, "signature field", d) != SY_OK)
            return SY_ERR_USAGE;
    size_t npages = sy_pdf_page_count(pdf);
    sy_haru_obj **annots = calloc(npages, sizeof *annots);
    sy_haru_obj *form = sy_haru_direct_dict(h), *fields = sy_haru_array(h);
    int bad = !annots || !form || !fields;
    for (size_t i = 0; i < t->nfields && !bad; i++) {
        const sigfield *f = &t->fields[i];
        sy_haru_obj *page = sy_haru_page_dict(sy_pdf_page_of(pdf, f->page));
        sy_haru_obj *w = sy_haru_dict(h), *rect = sy_haru_array(h), *ap = sy_haru_direct_dict(h);
        sy_haru_obj *xobj = sy_haru_stream_plain(h), *bbox = sy_haru_array(h);
        sy_haru_obj *res = sy_haru_direct_dict(h);
        if (!w || !rect || !ap || !xobj || !bbox || !res) {
            bad = 1;
            break;
        }
        if (!annots[f->page]) {
            if (!(annots[f->page] = sy_haru_array(h)) ||
                sy_haru_dict_obj(h, page, "Annots", annots[f->page])) {
                bad = 1;
                break;
            }
        }
        bad |= sy_haru_dict_name(h, w, "Type", "Annot");
        bad |= sy_haru_dict_name(h, w, "Subtype", "Widget");
        bad |= sy_haru_dict_name(h, w, "FT", "Sig");
        bad |= sy_haru_dict_string(h, w, "T", f->name, strlen(f->name));
        bad |= sy_haru_array_real(h, rect, f->x0);
        bad |= sy_haru_array_real(h, rect, f->y0);
        bad |= sy_haru_array_real(h, rect, f->x1);
        bad |= sy_haru_array_real(h, rect, f->y1);
        bad |= sy_haru_dict_obj(h, w, "Rect", rect);
        bad |= sy_haru_dict_int(h, w, "F", 4);
        bad |= sy_haru_dict_obj(h, w, "P", page);
        bad |= sy_haru_dict_name(h, xobj, "Type", "XObject");
        bad |= sy_haru_dict_name(h, xobj, "Subtype", "Form");
        bad |= sy_haru_array_int(h, bbox, 0);
        bad |= sy_haru_array_int(h, bbox, 0);
        bad |= sy_haru_array_real(h, bbox, f->x1 - f->x0);
        bad |= sy_haru_array_real(h, bbox, f->y1 - f->y0);
        bad |= sy_haru_dict_obj(h, xobj, "BBox", bbox);
        bad |= sy_haru_dict_obj(h, xobj, "Resources", res);
        bad |= sy_haru_dict_obj(h, ap, "N", xobj);
        bad |= sy_haru_dict_obj(h, w, "AP", ap);
        bad |= sy_haru_array_obj(h, annots[f->page], w);
        bad |= sy_haru_array_obj(h, fields, w);
        t->fields[i].widget = w;
    }
    if (!bad) {
        bad |= sy_haru_dict_obj(h, form, "Fields", fields);
        bad |= sy_haru_dict_int(h, form, "SigFlags", 3);
        bad |= sy_haru_dict_obj(h, sy_haru_catalog(h), "AcroForm", form);
    }
    free(annots);
    if (!annots)
        return nomem(d);
    return bad ? fail(pdf, d, "the signature fields") : SY_OK;
}

sy_haru_obj *sy_pdf_trust_widget(sy_pdf_trust *t, const char *name, size_t *page)
{
    for (size_t i = 0; t && i < t->nfields; i++)
        if (!strcmp(t->fields[i].name, name)) {
            *page = t->fields[i].page;
            return t->fields[i].widget;
        }
    return NULL;
}

int sy_pdf_trust_page_has_fields(const sy_pdf_trust *t, size_t page)
{
    for (size_t i = 0; t && i < t->nfields; i++)
        if (t->fields[i].page == page && t->fields[i].widget)
            return 1;
    return 0;
}

static sy_status finish_id(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    sy_haru_obj *id = sy_haru_array(h);
    int bad = !id || sy_haru_array_string(h, id, t->id, 16) ||
        sy_haru_array_string(h, id, t->id, 16) || sy_haru_dict_obj(h, sy_haru_trailer(h), "ID", id);
    return bad ? fail(pdf, d, "the document ID") : SY_OK;
}

sy_status sy_pdf_trust_finish(sy_pdf *pdf, sy_pdf_trust *t, sy_diags *d)
{
    sy_status st = SY_OK;
    if (t->has_info || sy_pdf_pdfa_on(pdf)) /* PDF/A needs the XMP packet */
        st = finish_info(pdf, t, d);
    if (st == SY_OK && t->nmarks)
        st = finish_outline(pdf, t, d);
    if (st == SY_OK && t->nlabels)
        st = finish_labels(pdf, t, d);
    if (st == SY_OK && t->nfiles)
        st = finish_files(pdf, t, d);
    if (st == SY_OK && t->nfields)
        st = finish_fields(pdf, t, d);
    if (st == SY_OK && t->has_id)
        st = finish_id(pdf, t, d);
    return st;
}
