/* sanya renew (renew.h): the next term's file as the old text with the
 * changed values spliced in at the places libyaml reports for them
 * (splice.h: the source, validated when it was loaded, parsed again into a
 * tree of byte ranges). */
#include "data/renew.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/date.h"
#include "data/checklist.h"
#include "data/model.h"
#include "data/splice.h"

/* ---- the renewal ---- */

typedef struct renew {
    const sy_agreement *a;
    const sy_model *m;
    const sy_roster *r;
    sy_diags *d;
    const char *file;
    sy_date on;
    int years;
    int renewal;
    sy_splice_editor ed;
} renew;

static sy_status fail(renew *rn, sy_status code, const sy_mark *at, const char *path,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static sy_status fail(renew *rn, sy_status code, const sy_mark *at, const char *path,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* a mark is a place in the old file; other problems are the new one's */
    sy_diags_addv(rn->d, SY_SEV_ERROR, code, at ? sy_agreement_name(rn->a) : rn->file,
                  at ? at->line : 0, at ? at->column : 0, path, fmt, ap);
    va_end(ap);
    return code;
}

/* Each office signatory must have a holder on the new date; a new holder
 * is worth a note (the signature page will name them). */
static sy_status check_offices(renew *rn)
{
    sy_status st = SY_OK;
    char day[11], old_day[11], path[64];
    sy_date_format_iso(rn->on, day);
    sy_date_format_iso(rn->m->signed_on, old_day);
    for (size_t i = 0; i < rn->m->nparties; i++) {
        const sy_model_signer *s = &rn->m->parties[i].signer;
        if (!s->office)
            continue;
        snprintf(path, sizeof path, "parties[%zu].signatory.office", i);
        if (!rn->r) {
            st = fail(rn, SY_ERR_USAGE, &s->office_mark, path,
                      "office \"%s\" signs for this party: a roster is needed to check who holds "
                      "it on %s",
                      s->office, day);
            continue;
        }
        const sy_value *h = sy_roster_holder_at(rn->r, s->office, rn->on);
        if (!h) {
            st = fail(rn, SY_ERR_DATA, &s->office_mark, path,
                      "nobody holds office \"%s\" on the renewal's signing date %s in the roster; "
                      "add its holder to the roster or choose another --on",
                      s->office, day);
            continue;
        }
        const sy_value *old = sy_roster_holder_at(rn->r, s->office, rn->m->signed_on);
        if (h != old) {
            const char *name = sy_value_as_string(sy_value_lookup(h, "name.en"), NULL);
            const char *old_name = sy_value_as_string(sy_value_lookup(old, "name.en"), NULL);
            sy_diags_add(rn->d, SY_SEV_NOTE, SY_OK, sy_agreement_name(rn->a), s->office_mark.line,
                         s->office_mark.column, path,
                         "office \"%s\" is held by %s on %s (%s held it on %s): the renewal names "
                         "the new holder",
                         s->office, name ? name : "?", day, old_name ? old_name : "nobody",
                         old_day);
        }
    }
    return st;
}

static void put_entry_date(sy_buf *b, const char *key, sy_date d)
{
    char iso[11];
    sy_date_format_iso(d, iso);
    sy_buf_printf(b, "%s: %s", key, iso);
}

/* signed, term.years, term.renewal, term.start. */
static void edit_dates_and_term(renew *rn, const sy_splice_node *root)
{
    char iso[11], num[16];
    sy_date_format_iso(rn->on, iso);
    sy_splice_node *signed_key = NULL;
    const sy_splice_node *signed_v = sy_splice_get(root, "signed", &signed_key);
    if (signed_v)
        sy_splice_scalar(&rn->ed, signed_v, iso);
    const sy_splice_node *term = sy_splice_get(root, "term", NULL);
    sy_buf years = SY_BUF_INIT, renewal = SY_BUF_INIT, start = SY_BUF_INIT;
    sy_buf_printf(&years, "years: %d", rn->years);
    sy_buf_printf(&renewal, "renewal: %d", rn->renewal);
    put_entry_date(&start, "start", rn->on);
    if (sy_buf_failed(&years) || sy_buf_failed(&renewal) || sy_buf_failed(&start)) {
        rn->ed.oom = 1;
    } else if (term && term->kind == SY_SPLICE_MAP) {
        const char *missing[4] = {NULL};
        size_t n = 0;
        const sy_splice_node *v = sy_splice_get(term, "years", NULL);
        snprintf(num, sizeof num, "%d", rn->years);
        if (v && rn->years != rn->m->term.years)
            sy_splice_scalar(&rn->ed, v, num);
        snprintf(num, sizeof num, "%d", rn->renewal);
        if ((v = sy_splice_get(term, "renewal", NULL)))
            sy_splice_scalar(&rn->ed, v, num);
        else
            missing[n++] = renewal.data;
        if ((v = sy_splice_get(term, "start", NULL)))
            sy_splice_scalar(&rn->ed, v, iso);
        else
            missing[n++] = start.data;
        if (n)
            sy_splice_map_append(&rn->ed, term, missing);
    } else if (signed_v) {
        /* No term: one after `signed`, flow like `place` when the file
         * writes its small maps that way, else block. */
        const sy_splice_node *place = sy_splice_get(root, "place", NULL);
        int flow = root->flow || (place && place->kind == SY_SPLICE_MAP && place->flow);
        sy_buf b = SY_BUF_INIT;
        size_t at = sy_splice_line_after(&rn->ed, signed_v->content_end);
        if (root->flow)
            at = signed_v->content_end;
        sy_buf_puts(&b, root->flow ? ", " : rn->ed.eol);
        if (!root->flow)
            sy_splice_put_spaces(&b, signed_key->column - 1);
        if (flow) {
            sy_buf_printf(&b, "term: {%s, %s, %s}", years.data, renewal.data, start.data);
        } else {
            /* the file's own step of indentation, from a block text map */
            int step = 2;
            const sy_splice_node *title = sy_splice_get(root, "title", NULL);
            if (title && title->kind == SY_SPLICE_MAP && !title->flow && title->count)
                step = title->items[0]->column - signed_key->column;
            if (step < 1)
                step = 2;
            const char *lines[3] = {years.data, renewal.data, start.data};
            sy_buf_puts(&b, "term:");
            for (int i = 0; i < 3; i++) {
                sy_buf_puts(&b, rn->ed.eol);
                sy_splice_put_spaces(&b, signed_key->column - 1 + step);
                sy_buf_puts(&b, lines[i]);
            }
        }
        sy_splice_add(&rn->ed, at, at, &b);
    }
    sy_buf_free(&years);
    sy_buf_free(&renewal);
    sy_buf_free(&start);
}

/* Output handler of the emitter: into an sy_buf. */
static int emit_to_buf(void *data, unsigned char *bytes, size_t size)
{
    sy_buf_put(data, bytes, size);
    return !sy_buf_failed(data);
}

/* {km: ..., en: ...} in flow style, each side quoted as libyaml's emitter
 * judges necessary. Returns -1 when the emitter fails. */
static int put_flow_text(sy_buf *b, const sy_model_text *t)
{
    yaml_emitter_t em;
    yaml_event_t ev;
    sy_buf tmp = SY_BUF_INIT;
    if (!yaml_emitter_initialize(&em))
        return -1;
    yaml_emitter_set_output(&em, emit_to_buf, &tmp);
    yaml_emitter_set_unicode(&em, 1);
    yaml_emitter_set_width(&em, -1);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
        yaml_emitter_emit(&em, &ev) &&
        yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_FLOW_MAPPING_STYLE) &&
        yaml_emitter_emit(&em, &ev);
    const char *side[4] = {"km", t->km, "en", t->en};
    for (int i = 0; ok && i < 4; i++)
        ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)side[i],
                                          (int)strlen(side[i]), 1, 1, YAML_ANY_SCALAR_STYLE) &&
            yaml_emitter_emit(&em, &ev);
    ok = ok && yaml_mapping_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev) &&
        yaml_document_end_event_initialize(&ev, 1) && yaml_emitter_emit(&em, &ev) &&
        yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(&em, &ev) &&
        yaml_emitter_flush(&em);
    yaml_emitter_delete(&em);
    /* one line: the map, a line break, perhaps a document end marker */
    char *nl = tmp.data && !tmp.failed ? memchr(tmp.data, '\n', tmp.len) : NULL;
    if (ok && nl)
        sy_buf_put(b, tmp.data, (size_t)(nl - tmp.data));
    sy_buf_free(&tmp);
    return ok && nl ? 0 : -1;
}

/* The pending item for one checklist step: step, party, and who obtains it
 * when an old approval of the step named someone (the newest one). Block
 * items put each key on its own line at key_indent. */
static int put_pending(renew *rn, sy_buf *b, const sy_checklist_step *s, int block, int key_indent)
{
    const sy_model_text *who = NULL;
    for (size_t i = 0; i < rn->m->napprovals; i++) {
        const sy_model_approval *ap = &rn->m->approvals[i];
        if (ap->step == s->step && ap->party == s->party && ap->responsible.km)
            who = &ap->responsible; /* the last one written */
    }
    const char *sep = ", ";
    sy_buf between = SY_BUF_INIT;
    if (block) {
        sy_buf_puts(&between, rn->ed.eol);
        sy_splice_put_spaces(&between, key_indent);
    }
    if (sy_buf_failed(&between))
        return -1;
    sy_buf_printf(b, "%sstep: %s", block ? "" : "{", sy_approval_step_name(s->step));
    if (s->party)
        sy_buf_printf(b, "%sparty: %s", block ? between.data : sep, s->party->id);
    int st = 0;
    if (who) {
        sy_buf_printf(b, "%sresponsible: ", block ? between.data : sep);
        st = put_flow_text(b, who);
    }
    if (!block)
        sy_buf_putc(b, '}');
    sy_buf_free(&between);
    return st;
}

/* The new approvals list: in flow style "[{...}, {...}]", in block style
 * "- ..." items, the first without indentation (it follows what precedes
 * the list on its line), each later one at seq_indent. */
static int put_pending_list(renew *rn, sy_buf *b, const sy_checklist *c, int block, int item_block,
                            int seq_indent, int key_indent)
{
    if (!block)
        sy_buf_putc(b, '[');
    for (size_t i = 0; i < c->nsteps; i++) {
        if (block && i) {
            sy_buf_puts(b, rn->ed.eol);
            sy_splice_put_spaces(b, seq_indent);
        }
        sy_buf_puts(b, block ? "- " : i ? ", " : "");
        if (put_pending(rn, b, &c->steps[i], item_block, key_indent) != 0)
            return -1;
    }
    if (!block)
        sy_buf_putc(b, ']');
    return 0;
}

/* Drops the previous_approvals entry (key and value) of the top map. */
static void edit_drop_entry(renew *rn, const sy_splice_node *root, const sy_splice_node *key,
                            const sy_splice_node *val)
{
    sy_buf none = SY_BUF_INIT;
    const char *s = rn->ed.src;
    size_t from = key->start, to = val->content_end;
    if (root->flow) {
        /* with the comma before it, or after it when it is the first */
        size_t k = 0;
        while (k < root->count && root->items[k] != key)
            k++;
        if (k >= 2)
            from = root->items[k - 1]->content_end;
        else if (k + 2 < root->count)
            to = root->items[k + 2]->start;
    } else {
        /* whole lines: from the key's line start to the end of the value's */
        while (from > 0 && s[from - 1] != '\n')
            from--;
        while (to < rn->ed.len && s[to] != '\n')
            to++;
        if (to < rn->ed.len)
            to++;
    }
    sy_splice_add(&rn->ed, from, to, &none);
}

/* approvals -> previous_approvals; approvals: the checklist's steps, pending. */
static sy_status edit_approvals(renew *rn, const sy_splice_node *root)
{
    sy_splice_node *key = NULL, *prev_key = NULL;
    const sy_splice_node *list = sy_splice_get(root, "approvals", &key);
    if (!list)
        return SY_OK; /* nothing asked for yet: nothing to reset */
    const sy_splice_node *prev = sy_splice_get(root, "previous_approvals", &prev_key);
    if (prev)
        edit_drop_entry(rn, root, prev_key, prev);
    sy_checklist *c = NULL;
    sy_status st = sy_checklist_new(rn->a, NULL, rn->on, &c, rn->d);
    if (st != SY_OK)
        return st;
    sy_buf rename = SY_BUF_INIT, b = SY_BUF_INIT;
    sy_buf_puts(&rename, "previous_approvals");
    sy_splice_add(&rn->ed, key->start, key->content_end, &rename);

    int block = !root->flow && list->kind == SY_SPLICE_SEQ && !list->flow && list->count;
    const sy_splice_node *first = block ? list->items[0] : NULL;
    int item_block = first && first->kind == SY_SPLICE_MAP && !first->flow;
    int seq_indent = first ? first->column - 1 - 2 : 0; /* "- " before the item */
    int key_indent = item_block && first->count ? first->items[0]->column - 1 : seq_indent + 2;
    /* the list's own "- " column: the item's, less the blanks after the dash */
    if (first) {
        size_t at = first->start;
        int back = 0;
        while (at > 0 && rn->ed.src[at - 1] == ' ')
            at--, back++;
        seq_indent = first->column - 1 - back - 1;
        if (seq_indent < 0)
            seq_indent = 0;
    }
    sy_buf_puts(&b, "approvals:");
    if (block) {
        sy_buf_puts(&b, rn->ed.eol);
        sy_splice_put_spaces(&b, seq_indent);
    } else {
        sy_buf_putc(&b, ' ');
    }
    int bad = put_pending_list(rn, &b, c, block, item_block, seq_indent, key_indent);
    if (root->flow) {
        sy_buf_puts(&b, ", ");
    } else {
        sy_buf_puts(&b, rn->ed.eol);
        sy_splice_put_spaces(&b, key->column - 1);
    }
    sy_checklist_free(c);
    if (bad) {
        sy_buf_free(&b);
        rn->ed.oom = 1;
        return SY_OK;
    }
    sy_splice_add(&rn->ed, key->start, key->start, &b);
    return SY_OK;
}

/* The new text must load, and say what was meant. */
static sy_status verify(renew *rn, const sy_buf *text, sy_renewal *info)
{
    sy_diags *own = sy_diags_new();
    if (!own)
        return fail(rn, SY_ERR_NOMEM, NULL, NULL, "out of memory");
    sy_agreement *b = sy_agreement_load_buffer(rn->file, text->data, text->len, rn->r, own);
    sy_status st = SY_OK;
    if (!b) {
        for (size_t i = 0; i < sy_diags_count(own); i++) {
            const sy_diag *x = sy_diags_get(own, i);
            sy_diags_add(rn->d, x->severity, x->code, x->file, x->line, x->column, x->path, "%s",
                         x->message);
        }
        st = sy_diags_status(own);
        if (st == SY_OK)
            st = SY_ERR_NOMEM;
    } else {
        const sy_model *m = sy_agreement_model(b);
        if (sy_date_cmp(m->signed_on, rn->on) || sy_date_cmp(m->term.start, rn->on) ||
            m->term.renewal != rn->renewal || m->term.years != rn->years)
            st = fail(rn, SY_ERR_INTERNAL, NULL, NULL,
                      "the renewed file does not say what was meant (a bug of sanya renew)");
        if (info) {
            info->renewal = m->term.renewal;
            info->on = m->term.start;
            info->end = m->term.end;
        }
    }
    sy_agreement_free(b);
    sy_diags_free(own);
    return st;
}

sy_status sy_agreement_renew(const sy_agreement *a, const sy_roster *r, const sy_renew_options *o,
                             sy_buf *out, sy_renewal *info, sy_diags *d)
{
    renew rn;
    memset(&rn, 0, sizeof rn);
    rn.a = a;
    rn.m = sy_agreement_model(a);
    rn.r = r;
    rn.d = d;
    sy_renew_options none = {0};
    if (!o)
        o = &none;
    rn.file = o->name ? o->name : "renewal";
    if (!rn.m)
        return fail(&rn, SY_ERR_USAGE, NULL, NULL, "no agreement to renew");
    const sy_model *m = rn.m;
    const char *old_file = sy_agreement_name(a);
    char day[11], other[11];

    /* the date and the term */
    if (o->has_on) {
        rn.on = o->on;
    } else if (m->term.given && sy_date_valid(m->term.end)) {
        rn.on = sy_date_from_days(sy_date_to_days(m->term.end) + 1);
    } else {
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, old_file, m->mark.line, m->mark.column,
                            NULL,
                            "the agreement has no term, so its renewal has no default date: "
                            "give the signing date (--on DATE) and the term (--years N)");
    }
    if (!sy_date_valid(rn.on))
        return fail(&rn, SY_ERR_USAGE, NULL, NULL, "the renewal's date is not a real date");
    sy_date_format_iso(rn.on, day);
    sy_date last = m->signed_on;
    if (sy_date_cmp(m->term.start, last) > 0)
        last = m->term.start;
    if (sy_date_cmp(rn.on, last) <= 0) {
        sy_date_format_iso(last, other);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, old_file, m->signed_mark.line,
                            m->signed_mark.column, "signed",
                            "the renewal's date %s is not after %s, when the agreement it renews "
                            "was signed or started",
                            day, other);
    }
    if (o->years < 0 || o->years > 99)
        return fail(&rn, SY_ERR_USAGE, NULL, NULL, "a term is 1 to 99 years, not %d", o->years);
    rn.years = o->years ? o->years : m->term.years;
    if (!m->term.given && !o->years)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, old_file, m->mark.line, m->mark.column,
                            NULL,
                            "the agreement has no term: give the renewed term's length (--years "
                            "N)");
    rn.renewal = m->term.renewal + 1;
    if (rn.renewal > 99)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, old_file, m->term.renewal_mark.line,
                            m->term.renewal_mark.column, "term.renewal",
                            "the agreement is its 99th renewal; the schema counts no further");
    if (m->term.given && sy_date_valid(m->term.end) && sy_date_cmp(rn.on, m->term.end) <= 0) {
        sy_date_format_iso(m->term.end, other);
        sy_diags_add(d, SY_SEV_WARNING, SY_OK, old_file, m->term.mark.line, m->term.mark.column,
                     "term", "the renewed term starts %s, before the old term ends on %s", day,
                     other);
    }
    if (m->lunar_override_km)
        sy_diags_add(d, SY_SEV_WARNING, SY_OK, old_file, m->lunar_override_mark.line,
                     m->lunar_override_mark.column, "lunar_override.date_line_km",
                     "kept as written, but it gives the old signing date's lunar day: rewrite it "
                     "for %s",
                     day);

    sy_status st = check_offices(&rn);
    if (st != SY_OK)
        return st;

    size_t len;
    const char *src = sy_agreement_source(a, &len);
    sy_splice_node *root = sy_splice_parse(src, len);
    if (!root)
        return fail(&rn, SY_ERR_NOMEM, NULL, NULL, "out of memory reading the agreement again");
    sy_splice_editor_init(&rn.ed, src, len);

    edit_dates_and_term(&rn, root);
    st = edit_approvals(&rn, root);
    size_t old_len = out->len;
    sy_buf text = SY_BUF_INIT;
    if (st == SY_OK && (rn.ed.oom || sy_splice_apply(&rn.ed, &text) != 0))
        st = fail(&rn, rn.ed.oom || sy_buf_failed(&text) ? SY_ERR_NOMEM : SY_ERR_INTERNAL, NULL,
                  NULL, "could not splice the renewed values (%s)",
                  rn.ed.oom ? "out of memory" : "overlapping edits");
    if (st == SY_OK)
        st = verify(&rn, &text, info);
    if (st == SY_OK) {
        sy_buf_put(out, text.data ? text.data : "", text.len);
        if (sy_buf_failed(out)) {
            out->len = old_len;
            st = fail(&rn, SY_ERR_NOMEM, NULL, NULL, "out of memory");
        }
    }
    sy_buf_free(&text);
    sy_splice_editor_free(&rn.ed);
    sy_splice_node_free(root);
    return st;
}

char *sy_renew_default_path(const char *path, int renewal)
{
    size_t n = strlen(path);
    const char *slash = strrchr(path, '/');
    size_t base = slash ? (size_t)(slash - path) + 1 : 0;
    if (n - base > 5 && !strcmp(path + n - 5, ".yaml"))
        n -= 5;
    else if (n - base > 4 && !strcmp(path + n - 4, ".yml"))
        n -= 4;
    /* strip "-renewal-<digits>" */
    size_t k = n;
    while (k > base && path[k - 1] >= '0' && path[k - 1] <= '9')
        k--;
    if (k < n && k - base > 9 && !strncmp(path + k - 9, "-renewal-", 9))
        n = k - 9;
    char *out = malloc(n + 32);
    if (out)
        snprintf(out, n + 32, "%.*s-renewal-%d.yaml", (int)n, path, renewal);
    return out;
}
