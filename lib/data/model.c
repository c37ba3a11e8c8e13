/* The typed agreement model (model.h): read once from the validated tree,
 * and the template engine's tree made back from it. */
#include "data/model.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "data/data_internal.h"

static const char *const kind_names[] = {"government", "ngo", "international", "company",
                                         "academic"};
static const char *const step_names[] = {"local-leader-letter", "city-hall", "ministry-cabinet",
                                         "city-department"};

const char *sy_party_kind_name(sy_party_kind k)
{
    return (unsigned)k < sizeof kind_names / sizeof *kind_names ? kind_names[k] : "?";
}

const char *sy_approval_step_name(sy_approval_step s)
{
    return (unsigned)s < SY_APPROVAL_STEPS ? step_names[s] : "?";
}

static int index_of(const char *word, const char *const *names, int n)
{
    for (int i = 0; word && i < n; i++)
        if (!strcmp(word, names[i]))
            return i;
    return -1;
}

static const char *str(const sy_value *v)
{
    return sy_value_as_string(v, NULL);
}

sy_model_text sy_model_text_of(const sy_value *pair)
{
    sy_model_text t = {0};
    if (!pair)
        return t;
    const sy_value *km = sy_value_get(pair, "km"), *en = sy_value_get(pair, "en");
    t.km = str(km);
    t.en = str(en);
    t.mark = sy_value_mark(pair);
    t.km_mark = km ? sy_value_mark(km) : t.mark;
    t.en_mark = en ? sy_value_mark(en) : t.mark;
    return t;
}

static sy_mark mark_of(const sy_value *v, sy_mark fallback)
{
    return v ? sy_value_mark(v) : fallback;
}

static sy_date date_of(const sy_value *v, int *has)
{
    sy_date d = {0, 0, 0};
    int ok = sy_value_kind_of(v) == SY_VAL_DATE;
    if (ok)
        d = sy_value_as_date(v);
    if (has)
        *has = ok;
    return d;
}

static void read_party(sy_model_party *p, const sy_value *v)
{
    p->mark = sy_value_mark(v);
    p->id = str(sy_value_get(v, "id"));
    p->id_mark = mark_of(sy_value_get(v, "id"), p->mark);
    p->kind_mark = mark_of(sy_value_get(v, "kind"), p->mark);
    int k = index_of(str(sy_value_get(v, "kind")), kind_names, 5);
    p->kind = k < 0 ? SY_PARTY_NGO : (sy_party_kind)k;
    p->name = sy_model_text_of(sy_value_get(v, "name"));
    p->short_name = sy_model_text_of(sy_value_get(v, "short"));
    const sy_value *sig = sy_value_get(v, "signatory");
    const sy_value *office = sy_value_get(sig, "office");
    p->signer.office = str(office);
    p->signer.office_mark = office ? sy_value_mark(office) : sy_value_mark(sig);
    p->signer.name = sy_model_text_of(sy_value_get(sig, "name"));
    p->signer.title = sy_model_text_of(sy_value_get(sig, "title"));
    p->signer.mark = sy_value_mark(sig);
}

static void read_approval(sy_model *m, sy_model_approval *a, const sy_value *v, size_t i)
{
    int s = index_of(str(sy_value_get(v, "step")), step_names, SY_APPROVAL_STEPS);
    a->step = s < 0 ? SY_STEP_LOCAL_LEADER_LETTER : (sy_approval_step)s;
    const char *party = str(sy_value_get(v, "party"));
    a->party = party ? sy_model_party_by_id(m, party) : NULL;
    a->date = date_of(sy_value_get(v, "date"), &a->has_date);
    a->ref = str(sy_value_get(v, "ref"));
    a->responsible = sy_model_text_of(sy_value_get(v, "responsible"));
    a->note = sy_model_text_of(sy_value_get(v, "note"));
    a->index = i;
    a->mark = sy_value_mark(v);
    a->step_mark = mark_of(sy_value_get(v, "step"), a->mark);
    a->party_mark = mark_of(sy_value_get(v, "party"), a->mark);
    a->date_mark = mark_of(sy_value_get(v, "date"), a->mark);
    a->ref_mark = mark_of(sy_value_get(v, "ref"), a->mark);
}

sy_model *sy_model_build(const sy_value *root)
{
    sy_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->mark = sy_value_mark(root);
    m->id = str(sy_value_get(root, "id"));
    m->id_mark = mark_of(sy_value_get(root, "id"), m->mark);
    m->template_mark = mark_of(sy_value_get(root, "template"), m->mark);
    m->layout_mark = mark_of(sy_value_get(root, "layout"), m->mark);
    m->template_name = str(sy_value_get(root, "template"));
    m->layout = SY_LAYOUT_PARALLEL;
    sy_layout_parse(str(sy_value_get(root, "layout")), &m->layout);
    m->title = sy_model_text_of(sy_value_get(root, "title"));
    m->preamble = sy_model_text_of(sy_value_get(root, "preamble"));
    m->place = sy_model_text_of(sy_value_get(root, "place"));
    const sy_value *signed_v = sy_value_get(root, "signed");
    m->signed_on = date_of(signed_v, NULL);
    m->signed_mark = signed_v ? sy_value_mark(signed_v) : m->mark;
    const sy_value *lunar = sy_value_get(sy_value_get(root, "lunar_override"), "date_line_km");
    m->lunar_override_km = str(lunar);
    if (lunar)
        m->lunar_override_mark = sy_value_mark(lunar);

    const sy_value *term = sy_value_get(root, "term");
    m->term.given = term != NULL;
    m->term.mark = term ? sy_value_mark(term) : m->mark;
    m->term.years_mark = mark_of(sy_value_get(term, "years"), m->term.mark);
    m->term.renewal_mark = mark_of(sy_value_get(term, "renewal"), m->term.mark);
    m->term.start_mark = mark_of(sy_value_get(term, "start"), m->term.mark);
    m->term.years = (int)sy_value_as_int(sy_value_get(term, "years"));
    m->term.renewal = (int)sy_value_as_int(sy_value_get(term, "renewal"));
    int has;
    m->term.start = date_of(sy_value_get(term, "start"), &has);
    if (!has)
        m->term.start = m->signed_on;
    m->term.end = date_of(sy_value_get(term, "end"), &has);

    const sy_value *parties = sy_value_get(root, "parties");
    const sy_value *articles = sy_value_get(root, "articles");
    const sy_value *approvals = sy_value_get(root, "approvals");
    const sy_value *previous = sy_value_get(root, "previous_approvals");
    m->nparties = sy_value_len(parties);
    m->narticles = sy_value_len(articles);
    m->napprovals = sy_value_len(approvals);
    m->parties = calloc(m->nparties ? m->nparties : 1, sizeof *m->parties);
    m->articles = calloc(m->narticles ? m->narticles : 1, sizeof *m->articles);
    m->approvals = calloc(m->napprovals ? m->napprovals : 1, sizeof *m->approvals);
    m->nprevious_approvals = sy_value_len(previous);
    m->previous_approvals =
        calloc(m->nprevious_approvals ? m->nprevious_approvals : 1, sizeof *m->previous_approvals);
    if (!m->parties || !m->articles || !m->approvals || !m->previous_approvals) {
        sy_model_free(m);
        return NULL;
    }
    for (size_t i = 0; i < m->nparties; i++)
        read_party(&m->parties[i], sy_value_at(parties, i));
    for (size_t i = 0; i < m->narticles; i++) {
        const sy_value *a = sy_value_at(articles, i);
        m->articles[i].title = sy_model_text_of(sy_value_get(a, "title"));
        m->articles[i].body = sy_model_text_of(sy_value_get(a, "body"));
        m->articles[i].mark = sy_value_mark(a);
    }
    for (size_t i = 0; i < m->napprovals; i++)
        read_approval(m, &m->approvals[i], sy_value_at(approvals, i), i);
    for (size_t i = 0; i < m->nprevious_approvals; i++)
        read_approval(m, &m->previous_approvals[i], sy_value_at(previous, i), i);
    return m;
}

void sy_model_free(sy_model *m)
{
    if (!m)
        return;
    free(m->parties);
    free(m->articles);
    free(m->approvals);
    free(m->previous_approvals);
    free(m);
}

const sy_model_party *sy_model_party_by_id(const sy_model *m, const char *id)
{
    for (size_t i = 0; m && id && i < m->nparties; i++)
        if (m->parties[i].id && !strcmp(m->parties[i].id, id))
            return &m->parties[i];
    return NULL;
}

const sy_model_party *sy_model_first_ngo(const sy_model *m)
{
    for (size_t i = 0; m && i < m->nparties; i++)
        if (m->parties[i].kind != SY_PARTY_GOVERNMENT)
            return &m->parties[i];
    return NULL;
}

/* ---- the template engine's tree ---- */

sy_value *sy_tree_put(sy_tree *t, sy_value *map, const char *key, sy_value *v)
{
    if (!v || !map || sy_value_map_set(map, key, v) != 0) {
        sy_value_free(v);
        t->oom = 1;
        return NULL;
    }
    return v;
}

void sy_tree_append(sy_tree *t, sy_value *list, sy_value *v)
{
    if (!v || !list || sy_value_list_append(list, v) != 0) {
        sy_value_free(v);
        t->oom = 1;
    }
}

static sy_value *string_at(const char *s, sy_mark m)
{
    return sy_value_string(s, strlen(s), m);
}

void sy_tree_put_string(sy_tree *t, sy_value *map, const char *key, const char *s, sy_mark m)
{
    if (s)
        sy_tree_put(t, map, key, string_at(s, m));
}

static sy_value *text_value(const sy_model_text *x)
{
    sy_value *v = sy_value_map(x->mark);
    if (v &&
        (sy_value_map_set(v, "km", string_at(x->km, x->km_mark)) != 0 ||
         sy_value_map_set(v, "en", string_at(x->en, x->en_mark)) != 0)) {
        sy_value_free(v);
        return NULL;
    }
    return v;
}

void sy_tree_put_text(sy_tree *t, sy_value *map, const char *key, const sy_model_text *x)
{
    if (x->km && x->en)
        sy_tree_put(t, map, key, text_value(x));
}

sy_value *sy_model_party_value(const sy_model_party *p, int *oom)
{
    sy_tree t = {0};
    sy_value *v = sy_value_map(p->mark);
    if (!v) {
        *oom = 1;
        return NULL;
    }
    sy_tree_put_string(&t, v, "id", p->id, p->id_mark);
    sy_tree_put_string(&t, v, "kind", sy_party_kind_name(p->kind), p->kind_mark);
    sy_tree_put_text(&t, v, "name", &p->name);
    sy_tree_put_text(&t, v, "short", &p->short_name);
    sy_value *sig = sy_tree_put(&t, v, "signatory", sy_value_map(p->signer.mark));
    if (sig) {
        sy_tree_put_string(&t, sig, "office", p->signer.office, p->signer.office_mark);
        sy_tree_put_text(&t, sig, "name", &p->signer.name);
        sy_tree_put_text(&t, sig, "title", &p->signer.title);
    }
    if (t.oom)
        *oom = 1;
    return v;
}

sy_value *sy_model_approval_value(const sy_model_approval *a, int *oom)
{
    sy_tree t = {0};
    sy_value *v = sy_value_map(a->mark);
    if (!v) {
        *oom = 1;
        return NULL;
    }
    sy_tree_put_string(&t, v, "step", sy_approval_step_name(a->step), a->step_mark);
    if (a->party)
        sy_tree_put_string(&t, v, "party", a->party->id, a->party_mark);
    if (a->has_date)
        sy_tree_put(&t, v, "date", sy_value_date(a->date, a->date_mark));
    sy_tree_put_string(&t, v, "ref", a->ref, a->ref_mark);
    sy_tree_put_text(&t, v, "responsible", &a->responsible);
    sy_tree_put_text(&t, v, "note", &a->note);
    if (t.oom)
        *oom = 1;
    return v;
}

sy_value *sy_model_template_data(const sy_model *m)
{
    sy_tree t = {0};
    sy_value *root = sy_value_map(m->mark);
    if (!root)
        return NULL;
    sy_tree_put_string(&t, root, "id", m->id, m->id_mark);
    sy_tree_put_string(&t, root, "template", m->template_name, m->template_mark);
    sy_tree_put_string(&t, root, "layout", sy_layout_name(m->layout), m->layout_mark);
    sy_tree_put_text(&t, root, "title", &m->title);
    sy_tree_put_text(&t, root, "preamble", &m->preamble);
    sy_value *parties = sy_tree_put(&t, root, "parties", sy_value_list(m->mark));
    for (size_t i = 0; parties && i < m->nparties; i++)
        sy_tree_append(&t, parties, sy_model_party_value(&m->parties[i], &t.oom));
    sy_tree_put_text(&t, root, "place", &m->place);
    sy_tree_put(&t, root, "signed", sy_value_date(m->signed_on, m->signed_mark));
    sy_value *term = sy_tree_put(&t, root, "term", sy_value_map(m->term.mark));
    if (term) {
        sy_tree_put(&t, term, "years", sy_value_int(m->term.years, m->term.years_mark));
        sy_tree_put(&t, term, "renewal", sy_value_int(m->term.renewal, m->term.renewal_mark));
        sy_tree_put(&t, term, "start", sy_value_date(m->term.start, m->term.start_mark));
        if (sy_date_valid(m->term.end))
            sy_tree_put(&t, term, "end", sy_value_date(m->term.end, m->term.mark));
    }
    sy_value *articles = sy_tree_put(&t, root, "articles", sy_value_list(m->mark));
    for (size_t i = 0; articles && i < m->narticles; i++) {
        const sy_model_article *a = &m->articles[i];
        sy_value *av = sy_value_map(a->mark);
        sy_tree_put_text(&t, av, "title", &a->title);
        sy_tree_put_text(&t, av, "body", &a->body);
        sy_tree_append(&t, articles, av);
    }
    if (m->napprovals) {
        sy_value *list = sy_tree_put(&t, root, "approvals", sy_value_list(m->mark));
        for (size_t i = 0; list && i < m->napprovals; i++)
            sy_tree_append(&t, list, sy_model_approval_value(&m->approvals[i], &t.oom));
    }
    if (m->nprevious_approvals) {
        sy_value *list = sy_tree_put(&t, root, "previous_approvals", sy_value_list(m->mark));
        for (size_t i = 0; list && i < m->nprevious_approvals; i++)
            sy_tree_append(&t, list, sy_model_approval_value(&m->previous_approvals[i], &t.oom));
    }
    if (m->lunar_override_km) {
        sy_value *l = sy_tree_put(&t, root, "lunar_override", sy_value_map(m->lunar_override_mark));
        sy_tree_put_string(&t, l, "date_line_km", m->lunar_override_km, m->lunar_override_mark);
    }
    if (t.oom) {
        sy_value_free(root);
        return NULL;
    }
    return root;
}
