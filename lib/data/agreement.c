/* Agreements (data.h): the schema of docs/agreement-schema.md applied to the
 * raw YAML tree, producing the validated tree the typed model (model.c) is
 * read from. Each
 * check reports and carries on, so one run lists every problem of a file. */
#include "data/data.h"

#include <stdlib.h>
#include <string.h>

#include "cal/cal.h"
#include "core/align.h"
#include "core/date.h"
#include "data/data_internal.h"
#include "data/model.h"

struct sy_agreement {
    char *name; /* file name; marks point at it */
    char *roster_name; /* roster file name, for marks of resolved signatories */
    char *source;
    size_t len;
    sy_value *root;
    sy_model *model;
    size_t unresolved;
};

static const char *const top_keys[] = {
    "id",     "template", "layout",   "title",     "preamble",           "parties",        "place",
    "signed", "term",     "articles", "approvals", "previous_approvals", "lunar_override", NULL};
static const char *const party_keys[] = {"id", "kind", "name", "short", "signatory", NULL};
static const char *const signatory_keys[] = {"office", "name", "title", NULL};
static const char *const term_keys[] = {"years", "renewal", "start", NULL};
static const char *const article_keys[] = {"title", "body", NULL};
static const char *const approval_keys[] = {"step", "date",        "ref", "party",
                                            "note", "responsible", NULL};
static const char *const lunar_keys[] = {"date_line_km", NULL};

static const char *const text_keys[] = {"km", "en", NULL};
static const char *const *const known_keys[] = {top_keys,   party_keys,   signatory_keys,
                                                term_keys,  article_keys, approval_keys,
                                                lunar_keys, text_keys,    NULL};

static const char *const party_kinds[] = {"government", "ngo",      "international",
                                          "company",    "academic", NULL};
static const char *const approval_steps[] = {"local-leader-letter", "city-hall", "ministry-cabinet",
                                             "city-department", NULL};

/* The schema described for tools (data.h): the same keys as the lists
 * above (a unit test compares them), with their types and one line each
 * from docs/agreement-schema.md. */
#define F(key, type, req, rec, choices, desc)                                                      \
    {                                                                                              \
        key, SY_FIELD_##type, req, rec, choices, desc                                              \
    }
static const sy_schema_field agreement_fields[] = {
    F("id", STRING, 1, NULL, NULL, "names the agreement (file names, PDF metadata)"),
    F("template", STRING, 0, NULL, NULL, "template folder under templates/ (default mou)"),
    F("layout", STRING, 0, NULL, sy_layout_names,
      "Khmer left and English right (parallel) or Khmer then English (sequential)"),
    F("title", BILINGUAL, 1, NULL, NULL, "the document's title"),
    F("preamble", BILINGUAL, 0, NULL, NULL,
      "the \"having regard to ... have agreed as follows\" paragraph"),
    F("parties", LIST, 1, "party", NULL, "the parties, at least two"),
    F("place", BILINGUAL, 1, NULL, NULL, "place of signature"),
    F("signed", DATE, 1, NULL, NULL, "signing date; office signatories are resolved on this day"),
    F("term", MAP, 0, "term", NULL, "the term: its length, renewal count and first day"),
    F("articles", LIST, 1, "article", NULL, "the articles, numbered in order by the template"),
    F("approvals", LIST, 0, "approval", NULL, "the approval steps gone through before signature"),
    F("previous_approvals", LIST, 0, "approval", NULL,
      "the approvals of the term this agreement renews (history)"),
    F("lunar_override", MAP, 0, "lunar_override", NULL,
      "replaces the computed Khmer lunar date line"),
};
static const sy_schema_field party_fields[] = {
    F("id", STRING, 1, NULL, NULL, "unique among the parties"),
    F("kind", STRING, 1, NULL, party_kinds, "what the party is"),
    F("name", BILINGUAL, 1, NULL, NULL, "full name"),
    F("short", BILINGUAL, 0, NULL, NULL, "short form used in the articles"),
    F("signatory", MAP, 1, "signatory", NULL, "who signs: an office of the roster, or a name"),
};
static const sy_schema_field signatory_fields[] = {
    F("office", STRING, 0, NULL, NULL,
      "office id in the roster (name and title then come from it); or give name and title"),
    F("name", BILINGUAL, 0, NULL, NULL, "the signatory's name, when not given by office"),
    F("title", BILINGUAL, 0, NULL, NULL, "the signatory's title, when not given by office"),
};
static const sy_schema_field term_fields[] = {
    F("years", INT, 1, NULL, NULL, "length of the term, 1 to 99 years"),
    F("renewal", INT, 0, NULL, NULL, "0 for a first agreement, 2 for the second renewal"),
    F("start", DATE, 0, NULL, NULL, "first day of the term (default: the signing date)"),
};
static const sy_schema_field article_fields[] = {
    F("title", BILINGUAL, 1, NULL, NULL, "the article's title"),
    F("body", BILINGUAL, 1, NULL, NULL, "the article's text; a blank line separates paragraphs"),
};
static const sy_schema_field approval_fields[] = {
    F("step", STRING, 1, NULL, approval_steps, "the approval step"),
    F("date", DATE, 0, NULL, NULL, "when it was given; no date: still pending"),
    F("ref", STRING, 0, NULL, NULL, "letter number or other reference"),
    F("party", STRING, 0, NULL, NULL,
      "the government party (for ministry-cabinet and city-department)"),
    F("note", BILINGUAL, 0, NULL, NULL, "a note"),
    F("responsible", BILINGUAL, 0, NULL, NULL, "who obtains this approval"),
};
static const sy_schema_field lunar_fields[] = {
    F("date_line_km", STRING, 1, NULL, NULL, "the Khmer lunar date line, word for word"),
};
#undef F
#define RECORD(name, fields)                                                                       \
    {                                                                                              \
        name, fields, sizeof fields / sizeof *fields                                               \
    }
static const sy_schema_record records[] = {
    RECORD("agreement", agreement_fields),  RECORD("party", party_fields),
    RECORD("signatory", signatory_fields),  RECORD("term", term_fields),
    RECORD("article", article_fields),      RECORD("approval", approval_fields),
    RECORD("lunar_override", lunar_fields),
};
#undef RECORD
static const char *const *const record_keys[] = {
    top_keys, party_keys, signatory_keys, term_keys, article_keys, approval_keys, lunar_keys};

const sy_schema_record *sy_agreement_schema(size_t *n)
{
    *n = sizeof records / sizeof *records;
    return records;
}

const char *const *sy_agreement_record_keys(const char *record)
{
    for (size_t i = 0; i < sizeof records / sizeof *records; i++)
        if (!strcmp(records[i].name, record))
            return record_keys[i];
    return NULL;
}

const char *sy_field_type_name(sy_field_type t)
{
    static const char *const names[] = {"string", "bilingual", "date", "int", "list", "map"};
    return (unsigned)t < sizeof names / sizeof *names ? names[t] : "string";
}

/* Defaults (also in docs/agreement-schema.md). */
#define DEFAULT_TEMPLATE "mou"
#define DEFAULT_LAYOUT SY_LAYOUT_PARALLEL

typedef struct ctx {
    sy_walk w;
    const sy_roster *roster;
    const char *roster_name;
    sy_value *root; /* the tree being built */
    int have_signed; /* the signing date parsed */
    sy_date signed_on;
    size_t unresolved;
} ctx;

/* Converts the field key of map n with conv when present; reports `missing`
 * when required. Returns the value set into out (or NULL). */
typedef sy_value *(*conv_fn)(ctx *c, const sy_yn *n);

static sy_value *field(ctx *c, const sy_yn *n, sy_value *out, const char *key, int required,
                       conv_fn conv)
{
    const sy_yn *f = required ? sy_walk_require(&c->w, n, key) : sy_yn_get(n, key);
    if (!f)
        return NULL;
    size_t old = sy_walk_key(&c->w, key);
    sy_value *v = conv(c, f);
    sy_walk_pop(&c->w, old);
    sy_walk_set(&c->w, out, key, v);
    return v;
}

static sy_value *conv_text(ctx *c, const sy_yn *n)
{
    return sy_walk_text(&c->w, n);
}

static sy_value *conv_line(ctx *c, const sy_yn *n)
{
    return sy_walk_line(&c->w, n);
}

static sy_value *conv_string(ctx *c, const sy_yn *n)
{
    return sy_walk_string(&c->w, n);
}

static sy_value *conv_ident(ctx *c, const sy_yn *n)
{
    return sy_walk_ident(&c->w, n, 0);
}

static sy_value *conv_office(ctx *c, const sy_yn *n)
{
    return sy_walk_ident(&c->w, n, 1);
}

static sy_value *conv_date(ctx *c, const sy_yn *n)
{
    return sy_walk_date(&c->w, n);
}

static sy_value *conv_layout(ctx *c, const sy_yn *n)
{
    return sy_walk_enum(&c->w, n, sy_layout_names);
}

static sy_value *conv_kind(ctx *c, const sy_yn *n)
{
    return sy_walk_enum(&c->w, n, party_kinds);
}

static sy_value *conv_step(ctx *c, const sy_yn *n)
{
    return sy_walk_enum(&c->w, n, approval_steps);
}

static sy_value *conv_years(ctx *c, const sy_yn *n)
{
    return sy_walk_int(&c->w, n, 1, 99, "a whole number of years");
}

static sy_value *conv_renewal(ctx *c, const sy_yn *n)
{
    return sy_walk_int(&c->w, n, 0, 99, "a renewal count (0 for a first agreement)");
}

/* A list of at least `min` items, each converted by item(); returns the list
 * (possibly with fewer items when some were wrong) or NULL. */
typedef sy_value *(*item_fn)(ctx *c, const sy_yn *n, size_t i);

/* what: the items in the plural ("parties"); too_few: the message when
 * there are fewer than min. */
static sy_value *walk_list(ctx *c, const sy_yn *n, size_t min, const char *what,
                           const char *too_few, item_fn item)
{
    if (!n || n->kind != SY_YN_SEQ) {
        char got[64];
        sy_walk_error(&c->w, n, "expected a list of %s, got %s", what,
                      sy_yn_describe(n, got, sizeof got));
        return NULL;
    }
    if (n->count < min) {
        sy_walk_error(&c->w, n, "%s, got %zu", too_few, n->count);
        return NULL;
    }
    sy_value *list = sy_value_list(sy_walk_mark(&c->w, n));
    if (!list) {
        sy_walk_nomem(&c->w);
        return NULL;
    }
    for (size_t i = 0; i < n->count; i++) {
        size_t old = sy_walk_index(&c->w, i);
        sy_walk_append(&c->w, list, item(c, n->items[i], i));
        sy_walk_pop(&c->w, old);
    }
    return list;
}

static sy_value *new_map(ctx *c, const sy_yn *n)
{
    sy_value *m = sy_value_map(sy_walk_mark(&c->w, n));
    if (!m)
        sy_walk_nomem(&c->w);
    return m;
}

/* Fills name and title of an office signatory from the roster. */
static void resolve_office(ctx *c, const sy_yn *office_node, sy_value *sig, const char *office)
{
    if (!c->roster) {
        c->unresolved++;
        return;
    }
    size_t old = sy_walk_key(&c->w, "office");
    const sy_value *offices = sy_value_get(sy_roster_value(c->roster), "offices");
    if (!sy_value_get(offices, office)) {
        size_t n = sy_value_len(offices);
        const char **ids = calloc(n + 1, sizeof *ids);
        const char *hint = NULL;
        if (ids) {
            for (size_t i = 0; i < n; i++)
                ids[i] = sy_value_key_at(offices, i);
            hint = sy_data_suggest(office, ids);
        }
        if (hint)
            sy_walk_error(&c->w, office_node, "unknown office \"%s\"; did you mean \"%s\"?", office,
                          hint);
        else
            sy_walk_error(&c->w, office_node, "unknown office \"%s\" (not in the roster)", office);
        free(ids);
    } else if (c->have_signed) {
        const sy_value *h = sy_roster_holder_at(c->roster, office, c->signed_on);
        char day[11];
        sy_date_format_iso(c->signed_on, day);
        if (!h) {
            const sy_value *first =
                sy_value_at(sy_value_get(sy_roster_office(c->roster, office), "holders"), 0);
            char from[11];
            sy_date_format_iso(sy_value_as_date(sy_value_get(first, "from")), from);
            if (strcmp(from, day) > 0)
                sy_walk_error(&c->w, office_node,
                              "nobody held office \"%s\" on the signing date %s (the roster's "
                              "first holder starts %s)",
                              office, day, from);
            else
                sy_walk_error(&c->w, office_node,
                              "nobody held office \"%s\" on the signing date %s (vacant then)",
                              office, day);
        } else {
            /* copies whose marks name the agreement's own copy of the roster's
             * file name, so the tree does not depend on the roster's lifetime */
            sy_value *name = sy_data_copy_refile(sy_value_get(h, "name"), c->roster_name);
            sy_value *title = sy_data_copy_refile(sy_value_get(h, "title"), c->roster_name);
            if (!name || !title)
                sy_walk_nomem(&c->w);
            sy_walk_set(&c->w, sig, "name", name);
            sy_walk_set(&c->w, sig, "title", title);
        }
    }
    sy_walk_pop(&c->w, old);
}

static sy_value *conv_signatory(ctx *c, const sy_yn *n)
{
    if (sy_walk_map(&c->w, n, signatory_keys,
                    "a signatory ({office: ID} or {name: ..., title: ...})") != 0)
        return NULL;
    sy_value *sig = new_map(c, n);
    if (!sig)
        return NULL;
    const sy_yn *office = sy_yn_get(n, "office"), *name = sy_yn_get(n, "name");
    if (office && name) {
        sy_walk_error(&c->w, n,
                      "has both \"office\" and \"name\"; give the office (the roster "
                      "names its holder) or a name and title, not both");
    } else if (office) {
        if (sy_yn_get(n, "title"))
            sy_walk_error(&c->w, n,
                          "has both \"office\" and \"title\"; the roster gives the "
                          "title of an office");
        sy_value *id = field(c, n, sig, "office", 1, conv_office);
        if (id)
            resolve_office(c, office, sig, sy_value_as_string(id, NULL));
    } else if (name) {
        field(c, n, sig, "name", 1, conv_line);
        field(c, n, sig, "title", 1, conv_line);
    } else {
        sy_walk_error(&c->w, n,
                      "needs \"office\" (resolved from the roster) or \"name\" and "
                      "\"title\"");
    }
    return sig;
}

static sy_value *conv_party(ctx *c, const sy_yn *n, size_t i)
{
    (void)i;
    if (sy_walk_map(&c->w, n, party_keys, "a party ({id, kind, name, signatory})") != 0)
        return NULL;
    sy_value *p = new_map(c, n);
    if (!p)
        return NULL;
    field(c, n, p, "id", 1, conv_ident);
    field(c, n, p, "kind", 1, conv_kind);
    field(c, n, p, "name", 1, conv_line);
    field(c, n, p, "short", 0, conv_line);
    field(c, n, p, "signatory", 1, conv_signatory);
    return p;
}

static sy_value *conv_article(ctx *c, const sy_yn *n, size_t i)
{
    (void)i;
    if (sy_walk_map(&c->w, n, article_keys, "an article ({title, body})") != 0)
        return NULL;
    sy_value *a = new_map(c, n);
    if (!a)
        return NULL;
    field(c, n, a, "title", 1, conv_line);
    field(c, n, a, "body", 1, conv_text);
    return a;
}

static const char *kind_phrase(const char *kind)
{
    if (!strcmp(kind, "ngo"))
        return "an NGO";
    if (!strcmp(kind, "international"))
        return "an international organisation";
    if (!strcmp(kind, "company"))
        return "a company";
    if (!strcmp(kind, "academic"))
        return "an academic institution";
    return "a government party";
}

/* The party of the tree with this id, NULL when none. */
static const sy_value *party_by_id(const sy_value *parties, const char *id)
{
    for (size_t i = 0; i < sy_value_len(parties); i++) {
        const sy_value *p = sy_value_at(parties, i);
        const char *pid = sy_value_as_string(sy_value_get(p, "id"), NULL);
        if (pid && !strcmp(pid, id))
            return p;
    }
    return NULL;
}

static sy_value *conv_approval(ctx *c, const sy_yn *n, size_t i)
{
    (void)i;
    if (sy_walk_map(&c->w, n, approval_keys, "an approval ({step, date, ref, party})") != 0)
        return NULL;
    sy_value *a = new_map(c, n);
    if (!a)
        return NULL;
    sy_value *step = field(c, n, a, "step", 1, conv_step);
    sy_value *date = field(c, n, a, "date", 0, conv_date);
    field(c, n, a, "ref", 0, conv_string);
    field(c, n, a, "note", 0, conv_text);
    field(c, n, a, "responsible", 0, conv_text);
    sy_value *party = field(c, n, a, "party", 0, conv_ident);
    const char *step_s = sy_value_as_string(step, NULL);
    int needs_government =
        step_s && (!strcmp(step_s, "ministry-cabinet") || !strcmp(step_s, "city-department"));
    if (needs_government && !sy_yn_get(n, "party"))
        sy_walk_error(&c->w, n, "missing \"party\" (the government party whose %s approves)",
                      step_s);
    const sy_value *parties = sy_value_get(c->root, "parties");
    if (party && parties) {
        const char *id = sy_value_as_string(party, NULL);
        const sy_yn *pn = sy_yn_get(n, "party");
        size_t old = sy_walk_key(&c->w, "party");
        const sy_value *p = party_by_id(parties, id);
        if (!p) {
            size_t np = sy_value_len(parties);
            const char **ids = calloc(np + 1, sizeof *ids);
            const char *hint = NULL;
            if (ids) {
                size_t k = 0;
                for (size_t j = 0; j < np; j++) {
                    const char *pid =
                        sy_value_as_string(sy_value_get(sy_value_at(parties, j), "id"), NULL);
                    if (pid)
                        ids[k++] = pid;
                }
                hint = sy_data_suggest(id, ids);
            }
            if (hint)
                sy_walk_error(&c->w, pn, "unknown party \"%s\"; did you mean \"%s\"?", id, hint);
            else
                sy_walk_error(&c->w, pn, "unknown party \"%s\" (not among the parties)", id);
            free(ids);
        } else if (needs_government) {
            const char *kind = sy_value_as_string(sy_value_get(p, "kind"), NULL);
            if (kind && strcmp(kind, "government"))
                sy_walk_error(&c->w, pn,
                              "party \"%s\" is %s; a %s approval needs a government party", id,
                              kind_phrase(kind), step_s);
        }
        sy_walk_pop(&c->w, old);
    }
    if (date && c->have_signed && sy_date_cmp(sy_value_as_date(date), c->signed_on) > 0) {
        char day[11];
        sy_date_format_iso(c->signed_on, day);
        size_t old = sy_walk_key(&c->w, "date");
        sy_walk_warning(&c->w, sy_yn_get(n, "date"), "approval dated after the signing date %s",
                        day);
        sy_walk_pop(&c->w, old);
    }
    return a;
}

static sy_value *conv_term(ctx *c, const sy_yn *n)
{
    if (sy_walk_map(&c->w, n, term_keys, "a term ({years: N, renewal: K})") != 0)
        return NULL;
    sy_value *t = new_map(c, n);
    if (!t)
        return NULL;
    sy_value *years = field(c, n, t, "years", 1, conv_years);
    sy_value *renewal = field(c, n, t, "renewal", 0, conv_renewal);
    if (!renewal && !sy_yn_get(n, "renewal"))
        sy_walk_set(&c->w, t, "renewal", sy_value_int(0, sy_walk_mark(&c->w, n)));
    sy_value *start = field(c, n, t, "start", 0, conv_date);
    sy_date from = c->signed_on;
    if (start)
        from = sy_value_as_date(start);
    else if (c->have_signed)
        sy_walk_set(&c->w, t, "start", sy_value_date(from, sy_walk_mark(&c->w, n)));
    /* the last day of the term: the day before the anniversary */
    if (years && (start || c->have_signed)) {
        sy_date end = sy_date_add_years(from, (int)sy_value_as_int(years));
        end = sy_date_from_days(sy_date_to_days(end) - 1);
        sy_walk_set(&c->w, t, "end", sy_value_date(end, sy_walk_mark(&c->w, n)));
    }
    return t;
}

static sy_value *conv_lunar(ctx *c, const sy_yn *n)
{
    if (sy_walk_map(&c->w, n, lunar_keys, "a lunar date override ({date_line_km: ...})") != 0)
        return NULL;
    sy_value *l = new_map(c, n);
    if (l)
        field(c, n, l, "date_line_km", 1, conv_string);
    return l;
}

static void check_party_ids(ctx *c, const sy_yn *list)
{
    size_t old = sy_walk_key(&c->w, "parties");
    for (size_t i = 0; i < list->count; i++) {
        const sy_yn *id = sy_yn_get(list->items[i], "id");
        if (!id || id->kind != SY_YN_SCALAR)
            continue;
        for (size_t j = 0; j < i; j++) {
            const sy_yn *other = sy_yn_get(list->items[j], "id");
            if (other && other->kind == SY_YN_SCALAR && !strcmp(other->text, id->text)) {
                size_t o2 = sy_walk_index(&c->w, i);
                size_t o3 = sy_walk_key(&c->w, "id");
                sy_walk_error(&c->w, id, "duplicate party id \"%s\" (also parties[%zu])", id->text,
                              j);
                sy_walk_pop(&c->w, o3);
                sy_walk_pop(&c->w, o2);
                break;
            }
        }
    }
    sy_walk_pop(&c->w, old);
}

static void walk_agreement(ctx *c, const sy_yn *root)
{
    if (sy_walk_map(&c->w, root, top_keys, "a map of agreement fields at the top level") != 0)
        return;
    c->root = new_map(c, root);
    if (!c->root)
        return;
    sy_value *out = c->root;
    /* signatories and the term depend on the signing date: read it first,
     * quietly (its problems are reported in their turn below) */
    const sy_yn *sn = sy_yn_get(root, "signed");
    if (sn && sn->kind == SY_YN_SCALAR && sy_date_parse_iso(sn->text, sn->len, &c->signed_on) == 0)
        c->have_signed = 1;
    field(c, root, out, "id", 1, conv_ident);
    if (!field(c, root, out, "template", 0, conv_ident) && !sy_yn_get(root, "template"))
        sy_walk_set(
            &c->w, out, "template",
            sy_value_string(DEFAULT_TEMPLATE, strlen(DEFAULT_TEMPLATE), sy_walk_mark(&c->w, root)));
    if (!field(c, root, out, "layout", 0, conv_layout) && !sy_yn_get(root, "layout"))
        sy_walk_set(&c->w, out, "layout",
                    sy_value_string(sy_layout_name(DEFAULT_LAYOUT),
                                    strlen(sy_layout_name(DEFAULT_LAYOUT)),
                                    sy_walk_mark(&c->w, root)));
    field(c, root, out, "title", 1, conv_line);
    field(c, root, out, "preamble", 0, conv_text);

    const sy_yn *parties = sy_walk_require(&c->w, root, "parties");
    if (parties) {
        size_t old = sy_walk_key(&c->w, "parties");
        sy_value *list = walk_list(c, parties, 2, "parties",
                                   "an agreement needs at least two parties", conv_party);
        sy_walk_pop(&c->w, old);
        sy_walk_set(&c->w, out, "parties", list);
        if (list)
            check_party_ids(c, parties);
    }
    field(c, root, out, "place", 1, conv_line);
    field(c, root, out, "signed", 1, conv_date);
    field(c, root, out, "term", 0, conv_term);

    const sy_yn *articles = sy_walk_require(&c->w, root, "articles");
    if (articles) {
        size_t old = sy_walk_key(&c->w, "articles");
        sy_walk_set(&c->w, out, "articles",
                    walk_list(c, articles, 1, "articles", "an agreement needs at least one article",
                              conv_article));
        sy_walk_pop(&c->w, old);
    }
    const sy_yn *approvals = sy_yn_get(root, "approvals");
    if (approvals) {
        size_t old = sy_walk_key(&c->w, "approvals");
        sy_walk_set(&c->w, out, "approvals",
                    walk_list(c, approvals, 0, "approvals", "", conv_approval));
        sy_walk_pop(&c->w, old);
    }
    /* the approvals of the term this one renews (sanya renew keeps them
     * here): the same items, checked the same way */
    const sy_yn *previous = sy_yn_get(root, "previous_approvals");
    if (previous) {
        size_t old = sy_walk_key(&c->w, "previous_approvals");
        sy_walk_set(&c->w, out, "previous_approvals",
                    walk_list(c, previous, 0, "approvals", "", conv_approval));
        sy_walk_pop(&c->w, old);
    }
    field(c, root, out, "lunar_override", 0, conv_lunar);
    /* The date line gives the signing day in the Khmer lunar calendar,
     * which sanya computes for SY_CAL_FIRST_YEAR..SY_CAL_LAST_YEAR only. */
    if (c->have_signed && !sy_yn_get(root, "lunar_override") &&
        (c->signed_on.year < SY_CAL_FIRST_YEAR || c->signed_on.year > SY_CAL_LAST_YEAR)) {
        size_t old = sy_walk_key(&c->w, "signed");
        sy_walk_error(&c->w, sn,
                      "%04d-%02d-%02d is outside the lunar calendar's years %d-%d; give the "
                      "date line as lunar_override.date_line_km",
                      c->signed_on.year, c->signed_on.month, c->signed_on.day, SY_CAL_FIRST_YEAR,
                      SY_CAL_LAST_YEAR);
        sy_walk_pop(&c->w, old);
    }
}

void sy_agreement_free(sy_agreement *a)
{
    if (!a)
        return;
    sy_model_free(a->model);
    sy_value_free(a->root);
    free(a->source);
    free(a->name);
    free(a->roster_name);
    free(a);
}

sy_agreement *sy_agreement_load_buffer(const char *name, const char *data, size_t len,
                                       const sy_roster *roster, sy_diags *diags)
{
    /* problems are collected apart, then handed over in file order */
    sy_diags *own = sy_diags_new();
    if (!own) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
        return NULL;
    }
    sy_agreement *a = calloc(1, sizeof *a);
    if (a) {
        a->name = strdup(name ? name : "agreement");
        a->source = malloc(len + 1);
        if (roster) {
            const sy_value *rv = sy_roster_value(roster);
            const char *rn = sy_value_mark(rv).file;
            a->roster_name = strdup(rn ? rn : "roster");
        }
    }
    if (!a || !a->name || !a->source || (roster && !a->roster_name)) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
        sy_agreement_free(a);
        sy_diags_free(own);
        return NULL;
    }
    if (len)
        memcpy(a->source, data, len);
    a->source[len] = 0;
    a->len = len;

    sy_yn *root = sy_yn_parse(a->name, a->source, len, own);
    if (root) {
        ctx c;
        memset(&c, 0, sizeof c);
        c.w.file = a->name;
        c.w.diags = own;
        c.w.known = known_keys;
        c.roster = roster;
        c.roster_name = a->roster_name;
        walk_agreement(&c, root);
        a->root = c.root;
        a->unresolved = c.unresolved;
        sy_yn_free(root);
    }
    if (!a->root || sy_diags_errors(own) > 0 || sy_diags_lost(own)) {
        sy_agreement_free(a);
        a = NULL;
    } else if (!(a->model = sy_model_build(a->root))) {
        sy_diags_add(own, SY_SEV_ERROR, SY_ERR_NOMEM, a->name, 0, 0, NULL, "out of memory");
        sy_agreement_free(a);
        a = NULL;
    }
    sy_data_move_diags(diags, own);
    sy_diags_free(own);
    return a;
}

sy_agreement *sy_agreement_load(const char *path, const sy_roster *roster, sy_diags *diags)
{
    size_t len;
    char *data = sy_data_read_file(path, &len, diags);
    if (!data)
        return NULL;
    sy_agreement *a = sy_agreement_load_buffer(path, data, len, roster, diags);
    free(data);
    return a;
}

const sy_value *sy_agreement_value(const sy_agreement *a)
{
    return a ? a->root : NULL;
}

const sy_model *sy_agreement_model(const sy_agreement *a)
{
    return a ? a->model : NULL;
}

const char *sy_agreement_source(const sy_agreement *a, size_t *len)
{
    if (len)
        *len = a ? a->len : 0;
    return a ? a->source : NULL;
}

const char *sy_agreement_name(const sy_agreement *a)
{
    return a ? a->name : NULL;
}

size_t sy_agreement_unresolved(const sy_agreement *a)
{
    return a ? a->unresolved : 0;
}

sy_status sy_agreement_leadership_changes(const sy_agreement *a, const sy_roster *roster,
                                          const sy_date *until, sy_leadership_change **out,
                                          size_t *count)
{
    *out = NULL;
    *count = 0;
    if (!a || !roster)
        return SY_OK;
    sy_date signed_on = sy_value_as_date(sy_value_get(a->root, "signed"));
    const sy_value *parties = sy_value_get(a->root, "parties");
    sy_leadership_change *list = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < sy_value_len(parties); i++) {
        const sy_value *p = sy_value_at(parties, i);
        const char *office = sy_value_as_string(sy_value_lookup(p, "signatory.office"), NULL);
        if (!office)
            continue;
        const sy_value *holders = sy_value_get(sy_roster_office(roster, office), "holders");
        const sy_value *prev = sy_roster_holder_at(roster, office, signed_on);
        for (size_t k = 0; k < sy_value_len(holders); k++) {
            const sy_value *h = sy_value_at(holders, k);
            sy_date from = sy_value_as_date(sy_value_get(h, "from"));
            if (sy_date_cmp(from, signed_on) <= 0)
                continue;
            if (until && sy_date_cmp(from, *until) > 0)
                break;
            if (n == cap) {
                cap = cap ? cap * 2 : 4;
                sy_leadership_change *nl = realloc(list, cap * sizeof *nl);
                if (!nl) {
                    free(list);
                    return SY_ERR_NOMEM;
                }
                list = nl;
            }
            sy_leadership_change ch = {sy_value_as_string(sy_value_get(p, "id"), NULL), office,
                                       prev, h, from};
            list[n++] = ch;
            prev = h;
        }
    }
    *out = list;
    *count = n;
    return SY_OK;
}
