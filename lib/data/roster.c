/* Rosters (data.h): which person held each office from which date, so that
 * an agreement can name an office and get the signatory of its signing day. */
#include "data/data.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "data/data_internal.h"

struct sy_roster {
    char *name; /* the file name the marks point at */
    sy_value *root;
};

static const char *const roster_keys[] = {"offices", "parties", NULL};
static const char *const party_keys[] = {"name", "short", "kind", NULL};
/* the kinds of docs/agreement-schema.md, "Party" */
static const char *const party_kinds[] = {"government", "ngo",      "international",
                                          "company",    "academic", NULL};
static const char *const office_keys[] = {"title", "holders", NULL};
static const char *const holder_keys[] = {"name", "title", "from", "to", NULL};
static const char *const text_keys[] = {"km", "en", NULL};
static const char *const *const known_keys[] = {roster_keys, office_keys, holder_keys,
                                                party_keys,  text_keys,   NULL};

static sy_value *walk_holder(sy_walk *w, const sy_yn *n, const sy_value *office_title)
{
    if (sy_walk_map(w, n, holder_keys, "a holder ({name: ..., from: YYYY-MM-DD})") != 0)
        return NULL;
    sy_value *h = sy_value_map(sy_walk_mark(w, n));
    if (!h) {
        sy_walk_nomem(w);
        return NULL;
    }
    int ok = 1;
    static const char *const fields[] = {"name", "title", "from", "to"};
    for (int i = 0; i < 4; i++) {
        const sy_yn *f =
            i == 1 || i == 3 ? sy_yn_get(n, fields[i]) : sy_walk_require(w, n, fields[i]);
        if (!f) {
            ok &= i == 1 || i == 3;
            continue;
        }
        size_t old = sy_walk_key(w, fields[i]);
        sy_value *v = i < 2 ? sy_walk_line(w, f) : sy_walk_date(w, f);
        sy_walk_pop(w, old);
        ok &= v != NULL;
        sy_walk_set(w, h, fields[i], v);
    }
    if (ok && !sy_value_get(h, "title") && office_title)
        sy_walk_set(w, h, "title", sy_value_copy(office_title));
    sy_value *to = sy_value_get(h, "to");
    if (ok && to &&
        sy_date_cmp(sy_value_as_date(to), sy_value_as_date(sy_value_get(h, "from"))) < 0) {
        size_t old = sy_walk_key(w, "to");
        sy_walk_error(w, sy_yn_get(n, "to"), "ends before it starts (\"from\" is later)");
        sy_walk_pop(w, old);
        ok = 0;
    }
    if (!ok) {
        sy_value_free(h);
        return NULL;
    }
    return h;
}

static sy_value *walk_office(sy_walk *w, const sy_yn *n)
{
    if (sy_walk_map(w, n, office_keys, "an office ({title: ..., holders: [...]})") != 0)
        return NULL;
    sy_value *office = sy_value_map(sy_walk_mark(w, n));
    if (!office) {
        sy_walk_nomem(w);
        return NULL;
    }
    int ok = 1;
    sy_value *title = NULL;
    const sy_yn *t = sy_walk_require(w, n, "title");
    if (t) {
        size_t old = sy_walk_key(w, "title");
        title = sy_walk_line(w, t);
        sy_walk_pop(w, old);
        ok &= title != NULL;
        sy_walk_set(w, office, "title", title);
    } else {
        ok = 0;
    }
    const sy_yn *hs = sy_walk_require(w, n, "holders");
    if (!hs) {
        sy_value_free(office);
        return NULL;
    }
    size_t old = sy_walk_key(w, "holders");
    if (hs->kind != SY_YN_SEQ || hs->count == 0) {
        char got[64];
        sy_walk_error(w, hs, "expected a list of at least one holder, got %s",
                      hs->kind == SY_YN_SEQ ? "an empty list"
                                            : sy_yn_describe(hs, got, sizeof got));
        sy_walk_pop(w, old);
        sy_value_free(office);
        return NULL;
    }
    sy_value *holders = sy_value_list(sy_walk_mark(w, hs));
    if (!holders)
        sy_walk_nomem(w);
    const sy_value *prev = NULL;
    for (size_t i = 0; holders && i < hs->count; i++) {
        size_t o2 = sy_walk_index(w, i);
        sy_value *h = walk_holder(w, hs->items[i], title);
        if (h && prev) {
            sy_date from = sy_value_as_date(sy_value_get(h, "from"));
            const sy_value *pto = sy_value_get(prev, "to");
            if (sy_date_cmp(from, sy_value_as_date(sy_value_get(prev, "from"))) <= 0) {
                size_t o3 = sy_walk_key(w, "from");
                sy_walk_error(w, sy_yn_get(hs->items[i], "from"),
                              "holders must be listed in order of their \"from\" dates");
                sy_walk_pop(w, o3);
                ok = 0;
            } else if (pto && sy_date_cmp(sy_value_as_date(pto), from) >= 0) {
                size_t o3 = sy_walk_key(w, "from");
                sy_walk_error(w, sy_yn_get(hs->items[i], "from"),
                              "starts before the previous holder's \"to\"");
                sy_walk_pop(w, o3);
                ok = 0;
            }
        }
        sy_walk_pop(w, o2);
        if (!h) {
            ok = 0;
            continue;
        }
        prev = h;
        sy_walk_append(w, holders, h);
    }
    sy_walk_pop(w, old);
    sy_walk_set(w, office, "holders", holders);
    if (!ok || !holders) {
        sy_value_free(office);
        return NULL;
    }
    return office;
}

/* One institution of `parties` ({name, short?, kind?}): what `sanya new`
 * fills a party of that id with. */
static sy_value *walk_party(sy_walk *w, const sy_yn *n)
{
    if (sy_walk_map(w, n, party_keys, "a party ({name: {km: ..., en: ...}, short, kind})") != 0)
        return NULL;
    sy_value *party = sy_value_map(sy_walk_mark(w, n));
    if (!party) {
        sy_walk_nomem(w);
        return NULL;
    }
    int ok = 1;
    for (int i = 0; i < 3; i++) {
        const char *key = party_keys[i];
        const sy_yn *f = i == 0 ? sy_walk_require(w, n, key) : sy_yn_get(n, key);
        if (!f) {
            ok &= i > 0;
            continue;
        }
        size_t old = sy_walk_key(w, key);
        sy_value *v = i < 2 ? sy_walk_line(w, f) : sy_walk_enum(w, f, party_kinds);
        sy_walk_pop(w, old);
        ok &= v != NULL;
        sy_walk_set(w, party, key, v);
    }
    if (!ok) {
        sy_value_free(party);
        return NULL;
    }
    return party;
}

/* The map m of ids (slashes allowed when slash) to records, each id listed
 * once and its record made by item; `what` names an entry in messages.
 * Returns the map (NULL when out of memory); *ok is cleared when an entry
 * is wrong. */
static sy_value *walk_id_map(sy_walk *w, const sy_yn *m, int slash, const char *what,
                             sy_value *(*item)(sy_walk *, const sy_yn *), int *ok)
{
    sy_value *map = sy_value_map(sy_walk_mark(w, m));
    if (!map) {
        sy_walk_nomem(w);
        *ok = 0;
        return NULL;
    }
    for (size_t i = 0; i + 1 < m->count; i += 2) {
        const sy_yn *key = m->items[i];
        size_t o2 = sy_walk_key(w, key->text);
        sy_value *id = sy_walk_ident(w, key, slash);
        int dup = 0;
        for (size_t j = 0; j < i; j += 2)
            dup |= !strcmp(m->items[j]->text, key->text);
        if (dup)
            sy_walk_error(w, key, "%s listed twice", what);
        sy_value *v = id && !dup ? item(w, m->items[i + 1]) : NULL;
        *ok &= v != NULL;
        sy_value_free(id);
        sy_walk_set(w, map, key->text, v);
        sy_walk_pop(w, o2);
    }
    return map;
}

/* The optional `parties` map of party ids; -1 after a problem. */
static int walk_parties(sy_walk *w, const sy_yn *root, sy_value *out)
{
    const sy_yn *parties = sy_yn_get(root, "parties");
    if (!parties)
        return 0;
    size_t old = sy_walk_key(w, "parties");
    if (sy_walk_unfinished(w, parties) || parties->kind != SY_YN_MAP) {
        char got[64];
        if (!sy_yn_is_placeholder(parties))
            sy_walk_error(w, parties, "expected a map of party ids, got %s",
                          sy_yn_describe(parties, got, sizeof got));
        sy_walk_pop(w, old);
        return -1;
    }
    int ok = 1;
    sy_value *map = walk_id_map(w, parties, 0, "party", walk_party, &ok);
    sy_walk_pop(w, old);
    if (ok)
        sy_walk_set(w, out, "parties", map);
    else
        sy_value_free(map);
    return ok ? 0 : -1;
}

static sy_value *walk_roster(sy_walk *w, const sy_yn *root)
{
    if (sy_walk_map(w, root, roster_keys, "a map with \"offices\" at the top level") != 0)
        return NULL;
    const sy_yn *offices = sy_walk_require(w, root, "offices");
    if (!offices)
        return NULL;
    size_t old = sy_walk_key(w, "offices");
    if (!offices || offices->kind != SY_YN_MAP) {
        char got[64];
        sy_walk_error(w, offices, "expected a map of office ids, got %s",
                      sy_yn_describe(offices, got, sizeof got));
        sy_walk_pop(w, old);
        return NULL;
    }
    sy_value *out = sy_value_map(sy_walk_mark(w, root));
    int ok = out != NULL;
    if (!out)
        sy_walk_nomem(w);
    sy_value *map = out ? walk_id_map(w, offices, 1, "office", walk_office, &ok) : NULL;
    sy_walk_pop(w, old);
    if (ok)
        sy_walk_set(w, out, "offices", map);
    else
        sy_value_free(map);
    if (out && walk_parties(w, root, out) != 0)
        ok = 0;
    if (!ok || w->nomem) {
        sy_value_free(out);
        return NULL;
    }
    return out;
}

sy_roster *sy_roster_load_buffer(const char *name, const char *data, size_t len, sy_diags *diags)
{
    /* problems are collected apart, then handed over in file order */
    sy_diags *own = sy_diags_new();
    if (!own) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
        return NULL;
    }
    sy_roster *r = calloc(1, sizeof *r);
    if (r)
        r->name = strdup(name ? name : "roster");
    if (!r || !r->name) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
        sy_roster_free(r);
        sy_diags_free(own);
        return NULL;
    }
    sy_yn *root = sy_yn_parse(r->name, data, len, own);
    if (root) {
        sy_walk w;
        memset(&w, 0, sizeof w);
        w.file = r->name;
        w.diags = own;
        w.known = known_keys;
        r->root = walk_roster(&w, root);
        sy_yn_free(root);
    }
    if (!r->root || sy_diags_errors(own) > 0 || sy_diags_lost(own)) {
        sy_roster_free(r);
        r = NULL;
    }
    sy_data_move_diags(diags, own);
    sy_diags_free(own);
    return r;
}

sy_roster *sy_roster_load(const char *path, sy_diags *diags)
{
    size_t len;
    char *data = sy_data_read_file(path, &len, diags);
    if (!data)
        return NULL;
    sy_roster *r = sy_roster_load_buffer(path, data, len, diags);
    free(data);
    return r;
}

void sy_roster_free(sy_roster *r)
{
    if (!r)
        return;
    sy_value_free(r->root);
    free(r->name);
    free(r);
}

const sy_value *sy_roster_value(const sy_roster *r)
{
    return r ? r->root : NULL;
}

const sy_value *sy_roster_office(const sy_roster *r, const char *office_id)
{
    return r ? sy_value_get(sy_value_get(r->root, "offices"), office_id) : NULL;
}

const sy_value *sy_roster_party(const sy_roster *r, const char *party_id)
{
    return r ? sy_value_get(sy_value_get(r->root, "parties"), party_id) : NULL;
}

const sy_value *sy_roster_holder_at(const sy_roster *r, const char *office_id, sy_date date)
{
    const sy_value *holders = sy_value_get(sy_roster_office(r, office_id), "holders");
    const sy_value *found = NULL;
    for (size_t i = 0; i < sy_value_len(holders); i++) {
        const sy_value *h = sy_value_at(holders, i);
        if (sy_date_cmp(sy_value_as_date(sy_value_get(h, "from")), date) > 0)
            break;
        found = h;
    }
    const sy_value *to = sy_value_get(found, "to");
    if (to && sy_date_cmp(sy_value_as_date(to), date) < 0)
        return NULL;
    return found;
}
