/* sanya new (new.h): the template's starting agreement with the parties
 * asked for spliced in at the places libyaml reports (splice.h), so that
 * every comment of the starting agreement stays. */
#include "data/new.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/limits.h"
#include "data/data_internal.h"
#include "data/splice.h"
#include "tpl/tpl.h"

/* What unfinished values are reported as (schema.c, sy_walk_unfinished). */
#define UNFINISHED "unfinished: "

typedef struct newer {
    const sy_new_options *o;
    sy_diags *d;
    const char *starter; /* the starting agreement's display name */
} newer;

static sy_status fail(newer *nw, sy_status code, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A problem of the starting agreement, at a line of it (0: the file). */
static sy_status fail(newer *nw, sy_status code, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sy_diags_addv(nw->d, SY_SEV_ERROR, code, nw->starter, line, line ? 1 : 0, NULL, fmt, ap);
    va_end(ap);
    return code;
}

static sy_status check_ids(const sy_new_options *o, sy_diags *d)
{
    sy_status st = SY_OK;
    for (size_t i = 0; i < o->nparties; i++) {
        const char *id = o->parties[i];
        size_t n = id ? strlen(id) : 0;
        if (!sy_data_id_chars(id ? id : "", n, 0)) {
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                              "party id \"%s\" is not an id: use lowercase letters, digits, "
                              "\"-\" and \"_\", starting with a letter or digit",
                              id ? id : "");
            continue;
        }
        if (n > SY_LIMIT_ID_BYTES) {
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                              "party id \"%.20s...\" is %zu characters long; an id is at most %d",
                              id, n, SY_LIMIT_ID_BYTES);
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (!strcmp(o->parties[j], id)) {
                st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                                  "party id \"%s\" is given twice", id);
                break;
            }
    }
    return st;
}

/* The roster office a party signs by: the first office "ID/..." with a
 * holder today, else the first one; NULL when the roster has none. */
static const char *party_office(const sy_roster *r, const char *id, sy_date today)
{
    const sy_value *offices = sy_value_get(sy_roster_value(r), "offices");
    size_t n = strlen(id);
    const char *first = NULL;
    for (size_t i = 0; i < sy_value_len(offices); i++) {
        const char *office = sy_value_key_at(offices, i);
        if (strncmp(office, id, n) != 0 || office[n] != '/')
            continue;
        if (!first)
            first = office;
        if (!sy_date_valid(today) || sy_roster_holder_at(r, office, today))
            return office;
    }
    return first;
}

/* Replaces node v by text (a scalar) as the emitter writes it. */
static void put_scalar_at(sy_splice *s, const sy_splice_node *v, const char *text, int *bad)
{
    sy_buf b = SY_BUF_INIT;
    if (sy_splice_put_scalar(&b, text) != 0)
        *bad = 1;
    sy_splice_replace(s, v->start, v->content_end, &b);
}

/* The value v of key in item (NULL: the key is missing) becomes text
 * (taken): replaced where it stands, else "key: text" added after the
 * item's last key. */
static void put_value(sy_splice *s, const sy_splice_node *item, const char *key,
                      const sy_splice_node *v, sy_buf *text, int *bad)
{
    if (v) {
        sy_splice_replace(s, v->start, v->content_end, text);
        return;
    }
    sy_buf e = SY_BUF_INIT;
    sy_buf_printf(&e, "%s: %s", key, text->data ? text->data : "");
    const char *entries[] = {e.data ? e.data : "", NULL};
    if (sy_buf_failed(text) || sy_buf_failed(&e))
        *bad = 1;
    else
        sy_splice_map_append(s, item, entries);
    sy_buf_free(text);
    sy_buf_free(&e);
}

/* "{km: ..., en: ...}" of a roster text. */
static void put_flow_text(sy_buf *b, const sy_value *text, int *bad)
{
    const char *km = sy_value_as_string(sy_value_get(text, "km"), NULL);
    const char *en = sy_value_as_string(sy_value_get(text, "en"), NULL);
    sy_buf_puts(b, "{km: ");
    if (!km || sy_splice_put_scalar(b, km) != 0)
        *bad = 1;
    sy_buf_puts(b, ", en: ");
    if (!en || sy_splice_put_scalar(b, en) != 0)
        *bad = 1;
    sy_buf_putc(b, '}');
}

/* The value of key in item becomes text ({km, en} from the roster): side by
 * side where the item has both sides as scalars (their comments and layout
 * stay), else as a flow map, added after the item's last key when
 * missing. */
static void set_text(sy_splice *s, const sy_splice_node *item, const char *key,
                     const sy_value *text, int *bad)
{
    if (!text)
        return;
    const sy_splice_node *v = sy_splice_get(item, key, NULL);
    const sy_splice_node *km = sy_splice_get(v, "km", NULL), *en = sy_splice_get(v, "en", NULL);
    if (km && en && km->kind == SY_SPLICE_SCALAR && en->kind == SY_SPLICE_SCALAR && v->count == 4) {
        put_scalar_at(s, km, sy_value_as_string(sy_value_get(text, "km"), NULL), bad);
        put_scalar_at(s, en, sy_value_as_string(sy_value_get(text, "en"), NULL), bad);
        return;
    }
    sy_buf b = SY_BUF_INIT;
    put_flow_text(&b, text, bad);
    put_value(s, item, key, v, &b, bad);
}

/* The value of key in item becomes the plain word value (an id, a kind). */
static void set_word(sy_splice *s, const sy_splice_node *item, const char *key, const char *value,
                     int *bad)
{
    const sy_splice_node *v = sy_splice_get(item, key, NULL);
    if (v && v->kind == SY_SPLICE_SCALAR) {
        sy_splice_scalar(s, v, value);
        return;
    }
    sy_buf b = SY_BUF_INIT;
    sy_buf_puts(&b, value);
    put_value(s, item, key, v, &b, bad);
}

/* The signatory becomes {office: ID}: the office's value alone when the
 * entry already signs by office, else the whole value after the colon. */
static void set_office(sy_splice *s, const char *src, const sy_splice_node *item,
                       const char *office, int *bad)
{
    const sy_splice_node *key = NULL;
    const sy_splice_node *v = sy_splice_get(item, "signatory", &key);
    const sy_splice_node *o = sy_splice_get(v, "office", NULL);
    if (o && o->kind == SY_SPLICE_SCALAR && v->count == 2) {
        sy_splice_scalar(s, o, office);
        return;
    }
    sy_buf b = SY_BUF_INIT;
    if (v) {
        size_t at = key->content_end;
        while (at < v->start && src[at] != ':')
            at++;
        if (at < v->start)
            at++;
        sy_buf_printf(&b, " {office: %s}", office);
        sy_splice_replace(s, at, v->content_end, &b);
        return;
    }
    sy_buf_printf(&b, "signatory: {office: %s}", office);
    const char *entries[] = {b.data ? b.data : "", NULL};
    if (sy_buf_failed(&b))
        *bad = 1;
    else
        sy_splice_map_append(s, item, entries);
    sy_buf_free(&b);
}

/* One party: the text of a party entry of the starting agreement (its
 * comment lines before it and its "- " item), with id and what the roster
 * knows of it spliced in, appended to out. */
static sy_status fill_party(newer *nw, const char *chunk, size_t len, int line, const char *id,
                            sy_buf *out)
{
    const sy_new_options *o = nw->o;
    sy_splice_node *root = sy_splice_tree_parse(chunk, len);
    const sy_splice_node *item =
        root && root->kind == SY_SPLICE_SEQ && root->count == 1 ? root->items[0] : NULL;
    if (!item || item->kind != SY_SPLICE_MAP) {
        sy_splice_tree_free(root);
        return fail(nw, root ? SY_ERR_DATA : SY_ERR_NOMEM, line,
                    "parties: the entry to copy for party \"%s\" is not a map of party fields", id);
    }
    sy_splice *s = sy_splice_new(chunk, len);
    if (!s) {
        sy_splice_tree_free(root);
        return fail(nw, SY_ERR_NOMEM, 0, "out of memory");
    }
    int bad = 0;
    set_word(s, item, "id", id, &bad);
    const sy_value *party = sy_roster_party(o->roster, id);
    if (party) {
        const char *kind = sy_value_as_string(sy_value_get(party, "kind"), NULL);
        if (kind)
            set_word(s, item, "kind", kind, &bad);
        set_text(s, item, "name", sy_value_get(party, "name"), &bad);
        set_text(s, item, "short", sy_value_get(party, "short"), &bad);
    }
    const char *office = o->roster ? party_office(o->roster, id, o->today) : NULL;
    if (office)
        set_office(s, chunk, item, office, &bad);
    sy_status st = bad ? SY_ERR_NOMEM : sy_splice_apply(s, out);
    sy_splice_free(s);
    sy_splice_tree_free(root);
    if (st != SY_OK)
        return fail(nw, st, line, "could not fill party \"%s\" (%s)", id,
                    st == SY_ERR_NOMEM ? "out of memory" : "overlapping edits");
    return SY_OK;
}

/* Just after the line break of the line holding byte at. */
static size_t next_line(const sy_splice *s, const char *src, size_t len, size_t at)
{
    at = sy_splice_line_end(s, at);
    if (at < len && src[at] == '\r')
        at++;
    if (at < len && src[at] == '\n')
        at++;
    return at;
}

static int line_of(const char *src, size_t at)
{
    int line = 1;
    for (size_t i = 0; i < at; i++)
        line += src[i] == '\n';
    return line;
}

/* parties: one entry per id, each copied from the starting agreement's
 * entry at its place (the last for the ids beyond), with its comments. */
static sy_status splice_parties(newer *nw, sy_splice *s, const char *src, size_t len,
                                const sy_splice_node *root)
{
    const sy_new_options *o = nw->o;
    const sy_splice_node *key = NULL;
    const sy_splice_node *list = sy_splice_get(root, "parties", &key);
    if (!list || list->kind != SY_SPLICE_SEQ || list->flow || list->count == 0)
        return fail(nw, SY_ERR_DATA, key ? line_of(src, key->start) : 0,
                    "parties: the starting agreement needs a list of parties with one \"- \" "
                    "entry a line to fill with --parties");
    size_t n = list->count, want = o->nparties > n ? o->nparties : n;
    /* entry i: from the line after the previous one (or after "parties:")
     * to the end of its last line, comments before it included */
    size_t from = next_line(s, src, len, key->content_end);
    size_t to = sy_splice_line_end(s, list->items[n - 1]->content_end);
    sy_buf text = SY_BUF_INIT;
    sy_status st = SY_OK;
    for (size_t i = 0; i < want && st == SY_OK; i++) {
        size_t k = i < n ? i : n - 1;
        size_t a = k ? next_line(s, src, len, list->items[k - 1]->content_end) : from;
        size_t b = sy_splice_line_end(s, list->items[k]->content_end);
        if (i)
            sy_buf_puts(&text, sy_splice_eol(s));
        if (i < o->nparties)
            st = fill_party(nw, src + a, b - a, line_of(src, list->items[k]->start), o->parties[i],
                            &text);
        else
            sy_buf_put(&text, src + a, b - a);
    }
    if (st != SY_OK) {
        sy_buf_free(&text);
        return st;
    }
    sy_splice_replace(s, from, to, &text);
    return SY_OK;
}

/* The new text has no problem but its placeholders: anything else is the
 * starting agreement's fault (or a bug here), reported as is. */
static sy_status verify(newer *nw, const char *name, const sy_buf *text)
{
    sy_diags *own = sy_diags_new();
    if (!own)
        return fail(nw, SY_ERR_NOMEM, 0, "out of memory");
    sy_agreement *a =
        sy_agreement_load_buffer(name, text->data ? text->data : "", text->len, NULL, own);
    sy_status st = SY_OK;
    for (size_t i = 0; i < sy_diags_count(own); i++) {
        const sy_diag *x = sy_diags_get(own, i);
        if (x->severity != SY_SEV_ERROR || !strncmp(x->message, UNFINISHED, strlen(UNFINISHED)))
            continue;
        sy_diags_add(nw->d, x->severity, x->code, x->file, x->line, x->column, x->path,
                     "%s (a fault of the starting agreement %s)", x->message, nw->starter);
        st = x->code == SY_ERR_NOMEM ? SY_ERR_NOMEM : SY_ERR_DATA;
    }
    if (sy_diags_lost(own))
        st = fail(nw, SY_ERR_NOMEM, 0, "out of memory");
    sy_agreement_free(a);
    sy_diags_free(own);
    return st;
}

sy_status sy_agreement_new(const sy_new_options *o, sy_buf *out, sy_diags *d)
{
    newer nw = {o, d, NULL};
    if (!o || !o->template_dir || !*o->template_dir)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "no template folder given");
    if (o->nparties && !o->parties)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL, "no party ids given");
    sy_status st = check_ids(o, d);
    if (st != SY_OK)
        return st;
    const char *name = o->name ? o->name : "new.yaml";

    /* the template's own problems, apart: their status is the result */
    sy_diags *own = sy_diags_new();
    sy_tpl *tpl = own ? sy_tpl_load(o->template_dir, own) : NULL;
    if (!tpl) {
        st = own ? sy_diags_status(own) : SY_ERR_NOMEM;
        if (own)
            sy_data_move_diags(d, own);
        else
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        sy_diags_free(own);
        return st == SY_OK ? SY_ERR_NOMEM : st;
    }
    sy_data_move_diags(d, own); /* warnings */
    sy_diags_free(own);
    sy_buf src = SY_BUF_INIT, text = SY_BUF_INIT;
    char *starter = NULL;
    sy_splice_node *root = NULL;
    sy_splice *s = NULL;
    st = sy_tpl_read_starter(tpl, &src, &starter, d);
    nw.starter = starter;
    if (st != SY_OK)
        goto done;
    if (!(root = sy_splice_tree_parse(src.data ? src.data : "", src.len)) ||
        root->kind != SY_SPLICE_MAP) {
        st = fail(&nw, SY_ERR_DATA, 0,
                  "the starting agreement is not a YAML map of agreement fields (sanya check "
                  "names its problems)");
        goto done;
    }
    if (!(s = sy_splice_new(src.data, src.len))) {
        st = fail(&nw, SY_ERR_NOMEM, 0, "out of memory");
        goto done;
    }
    /* the agreement names the template it was started from */
    const sy_splice_node *tv = sy_splice_get(root, "template", NULL);
    if (tv && tv->kind == SY_SPLICE_SCALAR && strcmp(tv->text, sy_tpl_name(tpl))) {
        int bad = 0;
        put_scalar_at(s, tv, sy_tpl_name(tpl), &bad);
        if (bad)
            st = fail(&nw, SY_ERR_NOMEM, 0, "out of memory");
    }
    if (st == SY_OK && o->nparties)
        st = splice_parties(&nw, s, src.data, src.len, root);
    if (st == SY_OK && (st = sy_splice_apply(s, &text)) != SY_OK)
        fail(&nw, st, 0, "could not splice the new values (%s)",
             st == SY_ERR_NOMEM ? "out of memory" : "overlapping edits");
    if (st == SY_OK)
        st = verify(&nw, name, &text);
    if (st == SY_OK) {
        size_t old_len = out->len;
        sy_buf_put(out, text.data ? text.data : "", text.len);
        if (sy_buf_failed(out)) {
            out->len = old_len;
            st = fail(&nw, SY_ERR_NOMEM, 0, "out of memory");
        }
    }
done:
    sy_splice_free(s);
    sy_splice_tree_free(root);
    sy_buf_free(&src);
    sy_buf_free(&text);
    free(starter);
    sy_tpl_free(tpl);
    return st;
}
