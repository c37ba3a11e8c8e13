/* The batch report as JSON (docs/batch.md has the schema): per agreement its
 * result, why it was rebuilt, its errors, and the facts an office acts on
 * (changes of holder, the renewal date, the approval steps to restart). */
#include <string.h>

#include "batch/batch.h"
#include "core/date.h"
#include "data/checklist.h"
#include "sanya.h"

void sy_batch_json_string(sy_buf *out, const char *s)
{
    sy_buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            sy_buf_puts(out, "\\\"");
            break;
        case '\\':
            sy_buf_puts(out, "\\\\");
            break;
        case '\n':
            sy_buf_puts(out, "\\n");
            break;
        case '\r':
            sy_buf_puts(out, "\\r");
            break;
        case '\t':
            sy_buf_puts(out, "\\t");
            break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                sy_buf_printf(out, "\\u%04x", *p);
            else
                sy_buf_putc(out, (char)*p);
        }
    }
    sy_buf_putc(out, '"');
}

static void str_or_null(sy_buf *out, const char *s)
{
    if (s)
        sy_batch_json_string(out, s);
    else
        sy_buf_puts(out, "null");
}

static void date_or_null(sy_buf *out, int has, sy_date d)
{
    char iso[11];
    if (!has) {
        sy_buf_puts(out, "null");
        return;
    }
    sy_date_format_iso(d, iso);
    sy_batch_json_string(out, iso);
}

static void holder(sy_buf *out, const char *km, const char *en)
{
    if (!km && !en) {
        sy_buf_puts(out, "null");
        return;
    }
    sy_buf_puts(out, "{\"km\": ");
    str_or_null(out, km);
    sy_buf_puts(out, ", \"en\": ");
    str_or_null(out, en);
    sy_buf_putc(out, '}');
}

static void reasons(sy_buf *out, const char *r)
{
    sy_buf_putc(out, '[');
    for (const char *p = r; p && *p;) {
        const char *sep = strstr(p, "; ");
        size_t n = sep ? (size_t)(sep - p) : strlen(p);
        char one[1024];
        if (n >= sizeof one)
            n = sizeof one - 1;
        memcpy(one, p, n);
        one[n] = 0;
        if (p != r)
            sy_buf_puts(out, ", ");
        sy_batch_json_string(out, one);
        if (!sep)
            break;
        p = sep + 2;
    }
    sy_buf_putc(out, ']');
}

/* indent: of each entry; close: of the closing bracket. */
static void diags(sy_buf *out, const sy_diags *d, const char *indent, const char *close)
{
    static const char *const sev[] = {"error", "warning", "note"};
    sy_buf_putc(out, '[');
    for (size_t i = 0; d && i < sy_diags_count(d); i++) {
        const sy_diag *e = sy_diags_get(d, i);
        sy_buf_printf(out, "%s\n%s{", i ? "," : "", indent);
        sy_buf_printf(out, "\"severity\": \"%s\", \"file\": ", sev[e->severity]);
        str_or_null(out, e->file);
        sy_buf_printf(out, ", \"line\": %d, \"column\": %d, \"path\": ", e->line, e->column);
        str_or_null(out, e->path);
        sy_buf_puts(out, ", \"message\": ");
        str_or_null(out, e->message);
        sy_buf_puts(out, ", \"suggestion\": ");
        str_or_null(out, e->suggestion);
        sy_buf_putc(out, '}');
    }
    if (d && sy_diags_count(d))
        sy_buf_printf(out, "\n%s]", close);
    else
        sy_buf_putc(out, ']');
}

/* The renewal draft: null when the agreement was not affected (or no
 * renewal folder was given). */
static void renewal_file(sy_buf *out, const sy_batch_item *it)
{
    if (it->renewal_result == SY_BATCH_RENEWAL_NONE) {
        sy_buf_puts(out, "null");
        return;
    }
    sy_buf_puts(out, "{\n        \"path\": ");
    str_or_null(out, it->renewal_path);
    sy_buf_printf(out, ",\n        \"result\": \"%s\",\n        \"signed\": ",
                  sy_batch_renewal_result_name(it->renewal_result));
    date_or_null(out, it->has_renewal_on, it->renewal_on);
    sy_buf_printf(out, ",\n        \"dated\": \"%s\",\n        \"why_not\": ",
                  sy_batch_renewal_date_name(it->renewal_dated));
    str_or_null(out, it->renewal_why_not);
    sy_buf_puts(out, ",\n        \"diagnostics\": ");
    diags(out, it->renewal_diags, "          ", "        ");
    sy_buf_puts(out, "\n      }");
}

static void item(sy_buf *out, const sy_batch_item *it)
{
    sy_buf_puts(out, "    {\n      \"input\": ");
    sy_batch_json_string(out, it->input);
    sy_buf_puts(out, ",\n      \"output\": ");
    sy_batch_json_string(out, it->output);
    sy_buf_puts(out, ",\n      \"id\": ");
    str_or_null(out, it->id);
    sy_buf_printf(
        out, ",\n      \"result\": \"%s\",\n      \"reasons\": ", sy_batch_result_name(it->result));
    reasons(out, it->reasons);
    sy_buf_puts(out, ",\n      \"diagnostics\": ");
    diags(out, it->diags, "        ", "      ");
    sy_buf_puts(out, ",\n      \"renew_by\": ");
    date_or_null(out, it->has_status, it->renew_by);
    sy_buf_puts(out, ",\n      \"renewal\": ");
    str_or_null(out, it->has_status ? sy_renewal_state_name((sy_renewal_state)it->renewal) : NULL);
    sy_buf_puts(out, ",\n      \"changes\": [");
    for (size_t i = 0; i < it->nchanges; i++) {
        const sy_batch_change *c = &it->changes[i];
        sy_buf_puts(out, i ? ",\n        {\"party\": " : "\n        {\"party\": ");
        str_or_null(out, c->party);
        sy_buf_puts(out, ", \"office\": ");
        str_or_null(out, c->office);
        sy_buf_puts(out, ", \"old_holder\": ");
        holder(out, c->old_km, c->old_en);
        sy_buf_puts(out, ", \"new_holder\": ");
        holder(out, c->new_km, c->new_en);
        sy_buf_puts(out, ", \"date\": ");
        date_or_null(out, 1, c->date);
        sy_buf_putc(out, '}');
    }
    sy_buf_puts(out,
                it->nchanges ? "\n      ],\n      \"restart\": [" : "],\n      \"restart\": [");
    for (size_t i = 0; i < it->nrestarts; i++) {
        sy_buf_printf(out, "%s{\"step\": \"%s\", \"party\": ", i ? ", " : "",
                      sy_approval_step_name(it->restarts[i].step));
        str_or_null(out, it->restarts[i].party);
        sy_buf_putc(out, '}');
    }
    sy_buf_puts(out, "],\n      \"renewal_file\": ");
    renewal_file(out, it);
    sy_buf_puts(out, "\n    }");
}

void sy_batch_report_json(const sy_batch *b, sy_buf *out)
{
    sy_buf_printf(out, "{\n  \"sanya_version\": \"%s\",\n  \"roster\": ", SANYA_VERSION_STRING);
    str_or_null(out, sy_batch_roster(b));
    sy_buf_puts(out, ",\n  \"as_of\": ");
    date_or_null(out, 1, sy_batch_as_of(b));
    sy_buf_printf(out, ",\n  \"dry_run\": %s", sy_batch_dry_run(b) ? "true" : "false");
    sy_buf_puts(out, ",\n  \"renew_into\": ");
    str_or_null(out, sy_batch_renew_into(b));
    sy_buf_printf(
        out,
        ",\n  \"counts\": {\"built\": %zu, \"unchanged\": %zu, \"failed\": %zu, "
        "\"would_build\": %zu}",
        sy_batch_result_count(b, SY_BATCH_BUILT), sy_batch_result_count(b, SY_BATCH_UNCHANGED),
        sy_batch_result_count(b, SY_BATCH_FAILED), sy_batch_result_count(b, SY_BATCH_WOULD_BUILD));
    sy_buf_printf(out,
                  ",\n  \"renewal_counts\": {\"written\": %zu, \"would_write\": %zu, "
                  "\"exists\": %zu, \"failed\": %zu}",
                  sy_batch_renewal_count(b, SY_BATCH_RENEWAL_WRITTEN),
                  sy_batch_renewal_count(b, SY_BATCH_RENEWAL_WOULD_WRITE),
                  sy_batch_renewal_count(b, SY_BATCH_RENEWAL_EXISTS),
                  sy_batch_renewal_count(b, SY_BATCH_RENEWAL_FAILED));
    sy_buf_puts(out, ",\n  \"agreements\": [");
    for (size_t i = 0; i < sy_batch_count(b); i++) {
        sy_buf_puts(out, i ? ",\n" : "\n");
        item(out, sy_batch_item_at(b, i));
    }
    sy_buf_puts(out, sy_batch_count(b) ? "\n  ]\n}\n" : "]\n}\n");
}
