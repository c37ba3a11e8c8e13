/* The batch state file (OUT/.sanya-state): a header line, then one line per
 * output, "OUTPUT key=VALUE ...", fields separated by single spaces, paths
 * and names %-encoded so that a line never holds a space or a newline of
 * its own. docs/batch.md describes the format. */
#include <stdlib.h>
#include <string.h>

#include "batch/batch_internal.h"

void sy_batch_encode(sy_buf *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p <= 0x20 || *p == 0x7f || *p == '%' || *p == ',' || *p == '|' || *p == '=')
            sy_buf_printf(out, "%%%02X", *p);
        else
            sy_buf_putc(out, (char)*p);
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void sy_batch_decode(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        int hi, lo;
        if (*r == '%' && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
            *w++ = (char)(hi * 16 + lo);
            r += 2;
        } else
            *w++ = *r;
    }
    *w = 0;
}

void sy_batch_entry_format(const sy_batch_entry *e, sy_buf *out)
{
    sy_batch_encode(out, e->output);
    sy_buf_printf(out, " key=%s size=%lld mtime=%lld.%09lld version=%s", e->key, e->size,
                  e->mtime_s, e->mtime_ns, e->version);
    sy_buf_printf(out, " agreement=%s template=%s fonts=%s roster=%s status=%s renewal=%s",
                  e->agreement, e->template_, e->fonts, e->roster, e->status, e->renewal);
    sy_buf_printf(out, " changes=%s\n", e->changes ? e->changes : "");
}

static void copy_field(char *dst, size_t size, const char *v)
{
    size_t n = strlen(v);
    if (n >= size)
        n = size - 1;
    memcpy(dst, v, n);
    dst[n] = 0;
}

/* Parses one line (modified in place) into e; 0 on success. */
static int parse_line(char *line, sy_batch_entry *e)
{
    memset(e, 0, sizeof *e);
    char *save = NULL;
    char *tok = strtok_r(line, " ", &save);
    if (!tok || !*tok)
        return -1;
    sy_batch_decode(tok);
    if (!(e->output = strdup(tok)))
        return -1;
    while ((tok = strtok_r(NULL, " ", &save))) {
        char *eq = strchr(tok, '=');
        if (!eq)
            continue;
        *eq = 0;
        const char *v = eq + 1;
        if (!strcmp(tok, "key"))
            copy_field(e->key, sizeof e->key, v);
        else if (!strcmp(tok, "size"))
            e->size = strtoll(v, NULL, 10);
        else if (!strcmp(tok, "mtime")) {
            char *end = NULL;
            e->mtime_s = strtoll(v, &end, 10);
            e->mtime_ns = end && *end == '.' ? strtoll(end + 1, NULL, 10) : 0;
        } else if (!strcmp(tok, "version"))
            copy_field(e->version, sizeof e->version, v);
        else if (!strcmp(tok, "agreement"))
            copy_field(e->agreement, sizeof e->agreement, v);
        else if (!strcmp(tok, "template"))
            copy_field(e->template_, sizeof e->template_, v);
        else if (!strcmp(tok, "fonts"))
            copy_field(e->fonts, sizeof e->fonts, v);
        else if (!strcmp(tok, "roster"))
            copy_field(e->roster, sizeof e->roster, v);
        else if (!strcmp(tok, "status"))
            copy_field(e->status, sizeof e->status, v);
        else if (!strcmp(tok, "renewal"))
            copy_field(e->renewal, sizeof e->renewal, v);
        else if (!strcmp(tok, "changes")) {
            free(e->changes);
            if (!(e->changes = strdup(v)))
                return -1;
        }
    }
    /* An entry without its key cannot vouch for its output. */
    return strlen(e->key) == SY_BATCH_HEX - 1 ? 0 : -1;
}

void sy_batch_entries_free(sy_batch_entry *e, size_t n)
{
    for (size_t i = 0; e && i < n; i++) {
        free(e[i].output);
        free(e[i].changes);
    }
    free(e);
}

int sy_batch_state_parse(const char *text, size_t len, sy_batch_entry **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t hlen = strlen(SY_BATCH_STATE_HEADER);
    if (len < hlen || memcmp(text, SY_BATCH_STATE_HEADER, hlen) != 0 ||
        (len > hlen && text[hlen] != '\n'))
        return 0;
    sy_batch_entry *arr = NULL;
    size_t count = 0, cap = 0;
    size_t pos = hlen + 1;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (!nl)
            break; /* a last line without its newline was cut short */
        char *line = malloc(end - pos + 1);
        if (!line) {
            sy_batch_entries_free(arr, count);
            return -1;
        }
        memcpy(line, text + pos, end - pos);
        line[end - pos] = 0;
        pos = end + 1;
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            sy_batch_entry *na = realloc(arr, ncap * sizeof *na);
            if (!na) {
                free(line);
                sy_batch_entries_free(arr, count);
                return -1;
            }
            arr = na;
            cap = ncap;
        }
        if (parse_line(line, &arr[count]) == 0)
            count++;
        else {
            free(arr[count].output);
            free(arr[count].changes);
        }
        free(line);
    }
    *out = arr;
    *n = count;
    return 0;
}
