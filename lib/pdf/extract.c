/* Reads attached files back out of a PDF (sy_pdf_extract_attachments in
 * pdf.h) through libqpdf's C API, the one boundary to qpdf in sanya: qpdf
 * parses the file (cross-reference tables and streams, object streams,
 * incremental updates) and decodes the streams; this file walks the
 * /EmbeddedFiles name tree within the limits of core/limits.h and turns
 * every error and warning qpdf records into a diag. qpdf prints nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "core/utf8.h"
#include "pdf/pdf.h"
#include "pdf/qpdf.h"

/* qpdf is called through the table loaded on first use (qpdf.h), under
 * qpdf's own names; sy_pdf_extract_attachments loads it before any call. */
#define Q (sy_qpdf_loaded())
#define qpdf_cleanup (Q->cleanup)
#define qpdf_get_error (Q->get_error)
#define qpdf_get_error_code (Q->get_error_code)
#define qpdf_get_error_file_position (Q->get_error_file_position)
#define qpdf_get_error_full_text (Q->get_error_full_text)
#define qpdf_get_error_message_detail (Q->get_error_message_detail)
#define qpdf_get_root (Q->get_root)
#define qpdf_has_error (Q->has_error)
#define qpdf_init (Q->init)
#define qpdf_more_warnings (Q->more_warnings)
#define qpdf_next_warning (Q->next_warning)
#define qpdf_oh_get_array_item (Q->oh_get_array_item)
#define qpdf_oh_get_array_n_items (Q->oh_get_array_n_items)
#define qpdf_oh_get_binary_string_value (Q->oh_get_binary_string_value)
#define qpdf_oh_get_binary_utf8_value (Q->oh_get_binary_utf8_value)
#define qpdf_oh_get_dict (Q->oh_get_dict)
#define qpdf_oh_get_generation (Q->oh_get_generation)
#define qpdf_oh_get_int_value (Q->oh_get_int_value)
#define qpdf_oh_get_key (Q->oh_get_key)
#define qpdf_oh_get_key_if_dict (Q->oh_get_key_if_dict)
#define qpdf_oh_get_name (Q->oh_get_name)
#define qpdf_oh_get_object_id (Q->oh_get_object_id)
#define qpdf_oh_get_stream_data (Q->oh_get_stream_data)
#define qpdf_oh_is_array (Q->oh_is_array)
#define qpdf_oh_is_dictionary (Q->oh_is_dictionary)
#define qpdf_oh_is_integer (Q->oh_is_integer)
#define qpdf_oh_is_name (Q->oh_is_name)
#define qpdf_oh_is_null (Q->oh_is_null)
#define qpdf_oh_is_stream (Q->oh_is_stream)
#define qpdf_oh_is_string (Q->oh_is_string)
#define qpdf_oh_unparse (Q->oh_unparse)
#define qpdf_read_memory (Q->read_memory)
#define qpdf_set_attempt_recovery (Q->set_attempt_recovery)
#define qpdf_set_suppress_warnings (Q->set_suppress_warnings)
#define qpdf_silence_errors (Q->silence_errors)

/* qpdf warnings passed on as diags; more say nothing new. */
enum { MAX_WARNINGS = 10 };

/* One extraction. Only the first problem is reported: what follows an
 * error in a damaged file is noise. */
typedef struct reader {
    qpdf_data q;
    sy_diags *d;
    sy_status status; /* SY_OK until the first problem */
    size_t visits; /* name tree nodes seen */
    size_t warnings; /* qpdf warnings passed on */
    sy_pdf_attachment *out;
    size_t nout, capout;
} reader;

static int fail(reader *R, sy_status code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(reader *R, sy_status code, const char *fmt, ...)
{
    if (R->status == SY_OK) {
        char msg[512];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        sy_diags_add(R->d, SY_SEV_ERROR, code, NULL, 0, 0, NULL, "PDF: %s", msg);
        R->status = code;
    }
    return -1;
}

/* qpdf's error or warning e as one diag of the given severity, after
 * context (may be NULL). e is valid until the next qpdf_get_error or
 * qpdf_next_warning. */
static void qpdf_report(reader *R, qpdf_error e, sy_severity sev, const char *context)
{
    const char *detail = qpdf_get_error_message_detail(R->q, e);
    unsigned long long at = qpdf_get_error_file_position(R->q, e);
    if (!detail || !*detail)
        detail = qpdf_get_error_full_text(R->q, e);
    sy_status code = SY_ERR_DATA;
    char msg[512];
    switch (qpdf_get_error_code(R->q, e)) {
    case qpdf_e_password:
        /* qpdf opens a PDF encrypted with an empty user password by
         * itself; this one needs a password sanya is not given. */
        snprintf(msg, sizeof msg,
                 "the PDF is encrypted with a password (qpdf: %s); sanya does not take "
                 "passwords: decrypt it first (qpdf --decrypt --password=PASSWORD IN.pdf "
                 "OUT.pdf)",
                 detail);
        break;
    case qpdf_e_internal:
        /* qpdf reports C++ exceptions it did not expect, among them
         * allocation failures, as internal errors. */
        if (strstr(detail, "bad_alloc")) {
            code = SY_ERR_NOMEM;
            snprintf(msg, sizeof msg, "out of memory");
        } else {
            snprintf(msg, sizeof msg, "unreadable file (qpdf: %s)", detail);
        }
        break;
    default:
        /* qpdf gives offset 0 when it knows no place (no startxref). */
        if (at > 0)
            snprintf(msg, sizeof msg, "malformed file at byte %llu: %s", at, detail);
        else
            snprintf(msg, sizeof msg, "malformed file: %s", detail);
        break;
    }
    if (sev == SY_SEV_ERROR)
        fail(R, code, "%s%s", context ? context : "", msg);
    else if (R->status == SY_OK && ++R->warnings <= MAX_WARNINGS)
        sy_diags_add(R->d, SY_SEV_WARNING, code, NULL, 0, 0, NULL, "PDF: %s%s (read anyway)",
                     context ? context : "", msg);
}

/* Drains the warnings qpdf recorded: as warnings, or with error_context
 * (not NULL) the first one as the reader's error. */
static void qpdf_drain_warnings(reader *R, const char *error_context)
{
    while (qpdf_more_warnings(R->q)) {
        qpdf_error w = qpdf_next_warning(R->q);
        if (w)
            qpdf_report(R, w, error_context ? SY_SEV_ERROR : SY_SEV_WARNING, error_context);
    }
}

/* Turns the error qpdf recorded in the last call into the reader's error
 * and passes its warnings on; returns -1 when the reader has failed. qpdf
 * warns about damage it worked around (a wrong /Size in an appended
 * trailer, a broken token parsed as null): such files are read, and the
 * warnings tell the user. */
static int qpdf_failed(reader *R)
{
    qpdf_drain_warnings(R, NULL);
    if (qpdf_has_error(R->q)) {
        qpdf_error e = qpdf_get_error(R->q);
        if (e)
            qpdf_report(R, e, SY_SEV_ERROR, NULL);
    }
    return R->status == SY_OK ? 0 : -1;
}

/* "object 12 0" for messages; "a direct object" when it has no number. */
static const char *object_label(reader *R, qpdf_oh oh, char *buf, size_t size)
{
    int id = qpdf_oh_get_object_id(R->q, oh);
    if (id <= 0)
        return "a direct object";
    snprintf(buf, size, "object %d %d", id, qpdf_oh_get_generation(R->q, oh));
    return buf;
}

/* Whether the UTF-16 text (after its byte order mark) is well formed: even
 * length, surrogates in pairs, no NUL. qpdf's own conversion passes broken
 * UTF-16 on as other characters, which must not reach a file name. */
static int utf16_ok(const unsigned char *p, size_t n, int big_endian)
{
    if (n % 2)
        return 0;
    for (size_t i = 0; i < n; i += 2) {
        unsigned u = big_endian ? (unsigned)p[i] << 8 | p[i + 1] : (unsigned)p[i + 1] << 8 | p[i];
        if (u == 0 || (u >= 0xDC00 && u <= 0xDFFF))
            return 0;
        if (u >= 0xD800 && u < 0xDC00) {
            if (i + 3 >= n)
                return 0;
            unsigned lo = big_endian ? (unsigned)p[i + 2] << 8 | p[i + 3]
                                     : (unsigned)p[i + 3] << 8 | p[i + 2];
            if (lo < 0xDC00 || lo > 0xDFFF)
                return 0;
            i += 2;
        }
    }
    return 1;
}

/* A PDF text string as UTF-8 (malloc'd; NULL after an error): qpdf
 * decodes UTF-16 (after its byte order mark) and PDFDocEncoding; text after
 * a UTF-8 byte order mark is taken as it is. Broken UTF-16 or UTF-8 and NUL
 * characters are errors. */
static char *text_utf8(reader *R, qpdf_oh str, const char *what, const char *where)
{
    size_t n = 0;
    const unsigned char *raw =
        (const unsigned char *)qpdf_oh_get_binary_string_value(R->q, str, &n);
    if (qpdf_failed(R))
        return NULL;
    const char *text = NULL;
    size_t tlen = 0;
    if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
        text = (const char *)raw + 3;
        tlen = n - 3;
    } else {
        if (n >= 2 && ((raw[0] == 0xFE && raw[1] == 0xFF) || (raw[0] == 0xFF && raw[1] == 0xFE)) &&
            !utf16_ok(raw + 2, n - 2, raw[0] == 0xFE)) {
            fail(R, SY_ERR_DATA, "%s: %s is broken UTF-16 or holds a NUL", where, what);
            return NULL;
        }
        text = qpdf_oh_get_binary_utf8_value(R->q, str, &tlen);
        if (qpdf_failed(R))
            return NULL;
    }
    if (memchr(text, 0, tlen) || sy_utf8_check(text, tlen) != (size_t)-1) {
        fail(R, SY_ERR_DATA, "%s: %s is invalid UTF-8 or holds a NUL", where, what);
        return NULL;
    }
    char *copy = malloc(tlen + 1);
    if (!copy) {
        fail(R, SY_ERR_NOMEM, "out of memory");
        return NULL;
    }
    memcpy(copy, text, tlen);
    copy[tlen] = '\0';
    return copy;
}

/* Whether a stream dictionary names any filter (/Filter a name or a
 * non-empty array). */
static int has_filter(reader *R, qpdf_oh dict)
{
    qpdf_oh filter = qpdf_oh_get_key(R->q, dict, "/Filter");
    if (qpdf_oh_is_name(R->q, filter))
        return 1;
    return qpdf_oh_is_array(R->q, filter) && qpdf_oh_get_array_n_items(R->q, filter) > 0;
}

/* The decoded data of an embedded file stream into a (its data, len,
 * mime), checked against /Params /Size. */
static int read_stream(reader *R, qpdf_oh stream, sy_pdf_attachment *a, const char *where)
{
    QPDF_BOOL filtered = QPDF_FALSE;
    unsigned char *buf = NULL;
    size_t len = 0;
    if (qpdf_failed(R))
        return -1;
    /* Every lossless filter (Flate and LZW with predictors, RunLength,
     * ASCIIHex, ASCII85); lossy image filters would give pixels, not the
     * bytes of the attached file. A warning while decoding means the data
     * is damaged (qpdf stops at the first bad byte and keeps what came
     * before): an error here, because the attached file must come back
     * exactly or not at all. */
    qpdf_oh_get_stream_data(R->q, stream, qpdf_dl_specialized, &filtered, &buf, &len);
    char context[300];
    snprintf(context, sizeof context, "%s: attachment '%s': damaged data: ", where, a->name);
    qpdf_drain_warnings(R, context);
    if (qpdf_failed(R)) {
        free(buf);
        return -1;
    }
    qpdf_oh dict = qpdf_oh_get_dict(R->q, stream);
    if (!filtered && has_filter(R, dict)) {
        free(buf);
        char *filters = NULL;
        const char *f = qpdf_oh_unparse(R->q, qpdf_oh_get_key(R->q, dict, "/Filter"));
        if (f)
            filters = strdup(f);
        fail(R, SY_ERR_DATA, "%s: attachment '%s': cannot decode its filter %s", where, a->name,
             filters ? filters : "?");
        free(filters);
        return -1;
    }
    a->data = buf;
    a->len = len;
    /* qpdf decodes a stream whole, so this bound is checked afterwards. */
    if (len > SY_LIMIT_PDF_ATTACHMENT_BYTES)
        return fail(R, SY_ERR_LIMIT, "%s: attachment '%s' decodes to more than %u bytes", where,
                    a->name, (unsigned)SY_LIMIT_PDF_ATTACHMENT_BYTES);
    qpdf_oh subtype = qpdf_oh_get_key(R->q, dict, "/Subtype");
    if (qpdf_oh_is_name(R->q, subtype)) {
        const char *mime = qpdf_oh_get_name(R->q, subtype);
        if (mime && mime[0] == '/' && mime[1] && !(a->mime = strdup(mime + 1)))
            return fail(R, SY_ERR_NOMEM, "out of memory");
    }
    qpdf_oh size =
        qpdf_oh_get_key_if_dict(R->q, qpdf_oh_get_key_if_dict(R->q, dict, "/Params"), "/Size");
    if (qpdf_oh_is_integer(R->q, size)) {
        long long want = qpdf_oh_get_int_value(R->q, size);
        if (want < 0 || (unsigned long long)want != len)
            return fail(R, SY_ERR_DATA,
                        "%s: attachment '%s': /Params /Size says %lld bytes, the stream holds %zu",
                        where, a->name, want, len);
    }
    return qpdf_failed(R);
}

static void attachment_release(sy_pdf_attachment *a)
{
    free(a->name);
    free(a->data);
    free(a->mime);
    free(a->description);
}

/* One value of the name tree: a file specification with its embedded
 * file stream. */
static int extract_one(reader *R, qpdf_oh spec)
{
    char label[64];
    const char *where = object_label(R, spec, label, sizeof label);
    if (!qpdf_oh_is_dictionary(R->q, spec))
        return fail(R, SY_ERR_DATA, "%s: an /EmbeddedFiles entry is not a file specification",
                    where);
    qpdf_oh name = qpdf_oh_get_key(R->q, spec, "/UF");
    if (!qpdf_oh_is_string(R->q, name))
        name = qpdf_oh_get_key(R->q, spec, "/F");
    if (!qpdf_oh_is_string(R->q, name))
        return fail(R, SY_ERR_DATA, "%s: a file specification without a file name", where);
    qpdf_oh ef = qpdf_oh_get_key_if_dict(R->q, spec, "/EF");
    qpdf_oh file = qpdf_oh_get_key_if_dict(R->q, ef, "/F");
    if (!qpdf_oh_is_stream(R->q, file))
        file = qpdf_oh_get_key_if_dict(R->q, ef, "/UF");
    if (!qpdf_oh_is_stream(R->q, file))
        return fail(R, SY_ERR_DATA, "%s: a file specification without an embedded file stream",
                    where);
    if (qpdf_failed(R))
        return -1;
    if (R->nout == SY_LIMIT_PDF_ATTACHMENTS)
        return fail(R, SY_ERR_LIMIT, "more than %d attachments", SY_LIMIT_PDF_ATTACHMENTS);
    if (R->nout == R->capout) {
        size_t cap = R->capout ? R->capout * 2 : 4;
        sy_pdf_attachment *v = realloc(R->out, cap * sizeof *v);
        if (!v)
            return fail(R, SY_ERR_NOMEM, "out of memory");
        R->out = v;
        R->capout = cap;
    }
    sy_pdf_attachment a;
    memset(&a, 0, sizeof a);
    a.name = text_utf8(R, name, "the file name", where);
    qpdf_oh desc = a.name ? qpdf_oh_get_key(R->q, spec, "/Desc") : 0;
    if (a.name && qpdf_oh_is_string(R->q, desc))
        a.description = text_utf8(R, desc, "the description", where);
    if (R->status == SY_OK)
        read_stream(R, file, &a, where);
    if (R->status != SY_OK) {
        attachment_release(&a);
        return -1;
    }
    R->out[R->nout++] = a;
    return 0;
}

/* A node of the /EmbeddedFiles name tree: its /Names pairs (key, file
 * specification), then its /Kids. Depth and the number of nodes are bounded,
 * which also stops a tree whose /Kids lead back to a node above. */
static int walk_names(reader *R, qpdf_oh node, int depth)
{
    char label[64];
    const char *where = object_label(R, node, label, sizeof label);
    if (!qpdf_oh_is_dictionary(R->q, node))
        return qpdf_failed(R)
            ? -1
            : fail(R, SY_ERR_DATA, "%s: a name tree node is not a dictionary", where);
    if (depth >= SY_LIMIT_PDF_NAME_TREE_DEPTH)
        return fail(R, SY_ERR_LIMIT, "%s: the /EmbeddedFiles name tree is more than %d deep", where,
                    SY_LIMIT_PDF_NAME_TREE_DEPTH);
    if (++R->visits > SY_LIMIT_PDF_NAME_TREE_NODES)
        return fail(R, SY_ERR_LIMIT, "the /EmbeddedFiles name tree has more than %d nodes",
                    SY_LIMIT_PDF_NAME_TREE_NODES);
    qpdf_oh names = qpdf_oh_get_key(R->q, node, "/Names");
    if (qpdf_oh_is_array(R->q, names)) {
        int n = qpdf_oh_get_array_n_items(R->q, names);
        for (int i = 0; i + 1 < n; i += 2)
            if (extract_one(R, qpdf_oh_get_array_item(R->q, names, i + 1)))
                return -1;
    } else if (!qpdf_oh_is_null(R->q, names)) {
        return fail(R, SY_ERR_DATA, "%s: the name tree node's /Names is not an array", where);
    }
    qpdf_oh kids = qpdf_oh_get_key(R->q, node, "/Kids");
    if (qpdf_oh_is_array(R->q, kids)) {
        int n = qpdf_oh_get_array_n_items(R->q, kids);
        for (int i = 0; i < n; i++)
            if (walk_names(R, qpdf_oh_get_array_item(R->q, kids, i), depth + 1))
                return -1;
    } else if (!qpdf_oh_is_null(R->q, kids)) {
        return fail(R, SY_ERR_DATA, "%s: the name tree node's /Kids is not an array", where);
    }
    return qpdf_failed(R);
}

/* The whole document: the catalog's /Names /EmbeddedFiles, if any. */
static int read_document(reader *R, const char *pdf, size_t len)
{
    if (len < 8 || memcmp(pdf, "%PDF-", 5))
        return fail(R, SY_ERR_DATA, "not a PDF: no %%PDF- header at byte 0");
    /* Damaged files are refused, not patched up: with recovery qpdf would
     * rebuild a lost cross-reference table by scanning, and could return
     * objects the file's author never meant to be current. */
    qpdf_set_attempt_recovery(R->q, QPDF_FALSE);
    qpdf_read_memory(R->q, "PDF", pdf, len, NULL);
    if (qpdf_failed(R))
        return -1;
    qpdf_oh root = qpdf_get_root(R->q);
    if (qpdf_failed(R))
        return -1;
    if (!qpdf_oh_is_dictionary(R->q, root))
        return fail(R, SY_ERR_DATA, "the document catalog is not a dictionary");
    qpdf_oh names = qpdf_oh_get_key(R->q, root, "/Names");
    if (qpdf_failed(R) || qpdf_oh_is_null(R->q, names))
        return R->status == SY_OK ? 0 : -1;
    if (!qpdf_oh_is_dictionary(R->q, names))
        return fail(R, SY_ERR_DATA, "the catalog's /Names is not a dictionary");
    qpdf_oh files = qpdf_oh_get_key(R->q, names, "/EmbeddedFiles");
    if (qpdf_failed(R) || qpdf_oh_is_null(R->q, files))
        return R->status == SY_OK ? 0 : -1;
    return walk_names(R, files, 0);
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
    if (!sy_qpdf_load(d))
        return sy_diags_status(d);
    reader R;
    memset(&R, 0, sizeof R);
    R.d = d;
    R.q = qpdf_init();
    if (!R.q)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    /* Errors and warnings are read through qpdf_get_error and
     * qpdf_next_warning; lib/ never prints. */
    qpdf_silence_errors(R.q);
    qpdf_set_suppress_warnings(R.q, QPDF_TRUE);
    read_document(&R, pdf, len);
    qpdf_cleanup(&R.q);
    if (R.status != SY_OK) {
        sy_pdf_attachments_free(R.out, R.nout);
        return R.status;
    }
    *out = R.out;
    *n = R.nout;
    return SY_OK;
}
