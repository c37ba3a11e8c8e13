/* Writing data back as YAML through libyaml's emitter (see data.h): the
 * roster entries an agreement used, attached to its PDF so that the
 * agreement can be rebuilt from the PDF alone. This file is the emitter's
 * boundary: every yaml_emitter_emit result is checked here. */
#include "data/data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/limits.h"

typedef struct writer {
    yaml_emitter_t emitter;
    int failed; /* an event could not be made or emitted */
    const char *why; /* why, when the emitter does not say */
} writer;

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
    sy_buf *out = data;
    sy_buf_put(out, buffer, size);
    return !sy_buf_failed(out);
}

/* Emits ev, which made says was initialised (the emitter takes it over;
 * after a failure it is only freed). */
static void emit(writer *w, yaml_event_t *ev, int made)
{
    if (w->failed) {
        if (made)
            yaml_event_delete(ev);
        return;
    }
    if (!made) {
        w->failed = 1;
        w->why = "out of memory or ill-formed UTF-8";
        return;
    }
    if (!yaml_emitter_emit(&w->emitter, ev))
        w->failed = 1;
}

static void scalar(writer *w, const char *s, size_t len, int quoted)
{
    yaml_event_t ev;
    /* Strings are double-quoted so that none reads back as a date, number,
     * boolean or null; dates, numbers, booleans and keys are plain. */
    int made = yaml_scalar_event_initialize(
        &ev, NULL, NULL, (yaml_char_t *)s, (int)len, !quoted, quoted,
        quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
    emit(w, &ev, made);
}

static void key(writer *w, const char *s)
{
    scalar(w, s, strlen(s), 0);
}

typedef struct keyed {
    const char *key;
    size_t index;
} keyed;

static int key_cmp(const void *a, const void *b)
{
    return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

static void value(writer *w, const sy_value *v, int depth);

/* A map with its keys in byte order: the same data gives the same bytes,
 * whatever order its file had. */
static void map(writer *w, const sy_value *v, int depth)
{
    size_t n = sy_value_len(v);
    keyed *order = malloc((n ? n : 1) * sizeof *order);
    if (!order) {
        w->failed = 1;
        w->why = "out of memory";
        return;
    }
    for (size_t i = 0; i < n; i++) {
        order[i].key = sy_value_key_at(v, i);
        order[i].index = i;
    }
    qsort(order, n, sizeof *order, key_cmp);
    yaml_event_t ev;
    emit(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
    for (size_t i = 0; i < n && !w->failed; i++) {
        key(w, order[i].key);
        value(w, sy_value_at(v, order[i].index), depth + 1);
    }
    emit(w, &ev, yaml_mapping_end_event_initialize(&ev));
    free(order);
}

static void value(writer *w, const sy_value *v, int depth)
{
    char text[32];
    yaml_event_t ev;
    if (w->failed)
        return;
    if (depth > SY_LIMIT_YAML_DEPTH) { /* what the reader would refuse */
        w->failed = 1;
        w->why = "nested deeper than the YAML depth limit";
        return;
    }
    switch (sy_value_kind_of(v)) {
    case SY_VAL_STRING: {
        size_t len;
        const char *s = sy_value_as_string(v, &len);
        scalar(w, s, len, 1);
        break;
    }
    case SY_VAL_DATE:
        sy_date_format_iso(sy_value_as_date(v), text);
        scalar(w, text, strlen(text), 0);
        break;
    case SY_VAL_INT:
        snprintf(text, sizeof text, "%lld", sy_value_as_int(v));
        scalar(w, text, strlen(text), 0);
        break;
    case SY_VAL_BOOL:
        key(w, sy_value_as_bool(v) ? "true" : "false");
        break;
    case SY_VAL_NULL:
        key(w, "null");
        break;
    case SY_VAL_LIST:
        emit(w, &ev,
             yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE));
        for (size_t i = 0; i < sy_value_len(v); i++)
            value(w, sy_value_at(v, i), depth + 1);
        emit(w, &ev, yaml_sequence_end_event_initialize(&ev));
        break;
    case SY_VAL_MAP:
        map(w, v, depth);
        break;
    }
}

sy_status sy_roster_write(const sy_roster *r, const char *const *office_ids, size_t n,
                          const char *comment, sy_buf *out, sy_diags *d)
{
    for (size_t i = 0; i < n; i++)
        if (!sy_roster_office(r, office_ids[i]))
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                                "roster: no office '%s' to write", office_ids[i]);
    writer w;
    memset(&w, 0, sizeof w);
    if (!yaml_emitter_initialize(&w.emitter))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    size_t start = out->len;
    /* libyaml's emitter writes no comments: the heading goes first. */
    for (const char *c = comment; c && *c;) {
        const char *nl = strchr(c, '\n');
        size_t len = nl ? (size_t)(nl - c) : strlen(c);
        sy_buf_puts(out, "# ");
        sy_buf_put(out, c, len);
        sy_buf_putc(out, '\n');
        c += len + (nl != NULL);
    }
    yaml_emitter_set_output(&w.emitter, write_handler, out);
    yaml_emitter_set_unicode(&w.emitter, 1); /* Khmer as itself, not \u escapes */
    yaml_emitter_set_width(&w.emitter, -1); /* no folded lines */
    yaml_emitter_set_indent(&w.emitter, 2);
    yaml_emitter_set_break(&w.emitter, YAML_LN_BREAK);

    yaml_event_t ev;
    emit(&w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    emit(&w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
    emit(&w, &ev,
         yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
    key(&w, "offices");
    emit(&w, &ev,
         yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
    /* offices in the order given, each once */
    for (size_t i = 0; i < n && !w.failed; i++) {
        int seen = 0;
        for (size_t k = 0; k < i; k++)
            seen |= !strcmp(office_ids[k], office_ids[i]);
        if (seen)
            continue;
        key(&w, office_ids[i]);
        map(&w, sy_roster_office(r, office_ids[i]), 2);
    }
    emit(&w, &ev, yaml_mapping_end_event_initialize(&ev));
    emit(&w, &ev, yaml_mapping_end_event_initialize(&ev));
    emit(&w, &ev, yaml_document_end_event_initialize(&ev, 1));
    emit(&w, &ev, yaml_stream_end_event_initialize(&ev));
    sy_status st = SY_OK;
    if (w.failed || !yaml_emitter_flush(&w.emitter) || sy_buf_failed(out)) {
        int nomem = sy_buf_failed(out) || w.emitter.error == YAML_MEMORY_ERROR;
        st = sy_diags_add(d, SY_SEV_ERROR, nomem ? SY_ERR_NOMEM : SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                          "cannot write the roster as YAML: %s",
                          nomem                   ? "out of memory"
                              : w.emitter.problem ? w.emitter.problem
                              : w.why             ? w.why
                                                  : "libyaml's emitter failed");
        out->len = start; /* nothing half-written */
        if (out->data)
            out->data[start] = '\0';
    }
    yaml_emitter_delete(&w.emitter);
    return st;
}

sy_status sy_agreement_write_roster_used(const sy_agreement *a, const sy_roster *r, sy_buf *out,
                                         sy_diags *d)
{
    const sy_value *parties = sy_value_get(sy_agreement_value(a), "parties");
    size_t n = 0, np = sy_value_len(parties);
    const char **ids = malloc((np ? np : 1) * sizeof *ids);
    if (!ids)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    for (size_t i = 0; i < np; i++) {
        const sy_value *office =
            sy_value_get(sy_value_get(sy_value_at(parties, i), "signatory"), "office");
        const char *id = sy_value_as_string(office, NULL);
        if (id && sy_roster_office(r, id))
            ids[n++] = id;
    }
    sy_status st = sy_roster_write(
        r, ids, n, "The roster entries this agreement used, as sanya embedded them.", out, d);
    free(ids);
    return st;
}
