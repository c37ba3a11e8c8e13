/* The approval checklist (checklist.h): steps, term and renewal, changes of
 * leadership, computed from the model; and the cover template's data. */
#include "data/checklist.h"

#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "data/data_internal.h"

static const char *const renewal_names[] = {"fine", "due", "past"};

const char *sy_renewal_state_name(sy_renewal_state s)
{
    return (unsigned)s < 3 ? renewal_names[s] : "?";
}

void sy_checklist_free(sy_checklist *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nsteps; i++) {
        free(c->steps[i].history);
        free(c->steps[i].pending);
    }
    free(c->steps);
    free(c->changes);
    free(c);
}

/* The approvals of model m for (step, party), dated ones sorted by date
 * (file order among equal dates), into the step. Returns -1 when out of
 * memory. */
static int gather(const sy_model *m, sy_checklist_step *s)
{
    size_t n = 0;
    for (size_t i = 0; i < m->napprovals; i++)
        n += m->approvals[i].step == s->step && m->approvals[i].party == s->party;
    if (!n)
        return 0;
    s->history = calloc(n, sizeof *s->history);
    s->pending = calloc(n, sizeof *s->pending);
    if (!s->history || !s->pending)
        return -1;
    for (size_t i = 0; i < m->napprovals; i++) {
        const sy_model_approval *a = &m->approvals[i];
        if (a->step != s->step || a->party != s->party)
            continue;
        if (!a->has_date) {
            s->pending[s->npending++] = a;
            continue;
        }
        size_t k = s->nhistory++;
        while (k > 0 && sy_date_cmp(s->history[k - 1]->date, a->date) > 0) {
            s->history[k] = s->history[k - 1];
            k--;
        }
        s->history[k] = a;
    }
    if (s->nhistory)
        s->current = s->history[--s->nhistory];
    /* who obtains it: the newest approval naming someone */
    const sy_model_approval *named = NULL;
    if (s->current && s->current->responsible.km)
        named = s->current;
    for (size_t i = s->npending; !named && i-- > 0;)
        if (s->pending[i]->responsible.km)
            named = s->pending[i];
    for (size_t i = s->nhistory; !named && i-- > 0;)
        if (s->history[i]->responsible.km)
            named = s->history[i];
    if (named)
        s->responsible = named->responsible;
    return 0;
}

static int add_steps(const sy_model *m, sy_checklist *c)
{
    size_t gov = 0;
    for (size_t i = 0; i < m->nparties; i++)
        gov += m->parties[i].kind == SY_PARTY_GOVERNMENT;
    c->steps = calloc(2 + 2 * gov, sizeof *c->steps);
    if (!c->steps)
        return -1;
    c->steps[c->nsteps++].step = SY_STEP_LOCAL_LEADER_LETTER;
    c->steps[c->nsteps++].step = SY_STEP_CITY_HALL;
    for (int dept = 0; dept < 2; dept++)
        for (size_t i = 0; i < m->nparties; i++) {
            if (m->parties[i].kind != SY_PARTY_GOVERNMENT)
                continue;
            sy_checklist_step *s = &c->steps[c->nsteps++];
            s->step = dept ? SY_STEP_CITY_DEPARTMENT : SY_STEP_MINISTRY_CABINET;
            s->party = &m->parties[i];
        }
    const sy_model_party *ngo = sy_model_first_ngo(m);
    for (size_t i = 0; i < c->nsteps; i++) {
        sy_checklist_step *s = &c->steps[i];
        if (gather(m, s) != 0)
            return -1;
        if (!s->responsible.km && ngo)
            s->responsible = ngo->name;
        c->approved += s->current != NULL;
    }
    return 0;
}

static sy_status add_changes(const sy_agreement *a, const sy_model *m, const sy_roster *roster,
                             sy_checklist *c)
{
    sy_leadership_change *list = NULL;
    size_t n = 0;
    sy_status st = sy_agreement_leadership_changes(a, roster, &c->as_of, &list, &n);
    if (st != SY_OK || !n)
        return st;
    c->changes = calloc(n, sizeof *c->changes);
    if (!c->changes) {
        free(list);
        return SY_ERR_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        sy_checklist_change *ch = &c->changes[c->nchanges++];
        ch->party = sy_model_party_by_id(m, list[i].party);
        ch->office = list[i].office;
        if (ch->party)
            ch->office_title = ch->party->signer.title;
        ch->old_holder = sy_model_text_of(sy_value_get(list[i].old_holder, "name"));
        ch->new_holder = sy_model_text_of(sy_value_get(list[i].new_holder, "name"));
        ch->date = list[i].date;
    }
    free(list);
    return SY_OK;
}

sy_status sy_checklist_new(const sy_agreement *a, const sy_roster *roster, sy_date as_of,
                           sy_checklist **out, sy_diags *d)
{
    *out = NULL;
    const sy_model *m = sy_agreement_model(a);
    sy_checklist *c = m ? calloc(1, sizeof *c) : NULL;
    sy_status st = c ? SY_OK : SY_ERR_NOMEM;
    if (st == SY_OK) {
        c->as_of = as_of;
        if (add_steps(m, c) != 0)
            st = SY_ERR_NOMEM;
    }
    if (st == SY_OK && roster)
        st = add_changes(a, m, roster, c);
    if (st != SY_OK) {
        sy_checklist_free(c);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    }
    if (!sy_date_valid(m->term.end)) { /* no term: nothing to renew */
        *out = c;
        return SY_OK;
    }
    c->renew_by = sy_date_add_months(m->term.end, -SY_CHECKLIST_RENEWAL_LEAD_MONTHS);
    sy_date warn_from = sy_date_add_months(c->renew_by, -SY_CHECKLIST_RENEWAL_WARN_MONTHS);
    if (sy_date_cmp(as_of, c->renew_by) > 0)
        c->renewal = SY_RENEWAL_PAST;
    else if (sy_date_cmp(as_of, warn_from) >= 0)
        c->renewal = SY_RENEWAL_DUE;
    *out = c;
    return SY_OK;
}

/* ---- the cover template's data ---- */

static sy_value *step_value(sy_tree *t, const sy_checklist_step *s, size_t number, sy_mark m)
{
    sy_value *v = sy_value_map(m);
    sy_tree_put(t, v, "number", sy_value_int((long long)number, m));
    sy_tree_put_string(t, v, "step", sy_approval_step_name(s->step), m);
    if (s->party)
        sy_tree_put(t, v, "party", sy_model_party_value(s->party, &t->oom));
    sy_tree_put_string(t, v, "state", s->current ? "approved" : "pending", m);
    if (s->current)
        sy_tree_put(t, v, "approval", sy_model_approval_value(s->current, &t->oom));
    sy_value *h = sy_tree_put(t, v, "history", sy_value_list(m));
    for (size_t i = 0; h && i < s->nhistory; i++)
        sy_tree_append(t, h, sy_model_approval_value(s->history[i], &t->oom));
    sy_value *p = sy_tree_put(t, v, "pending", sy_value_list(m));
    for (size_t i = 0; p && i < s->npending; i++)
        sy_tree_append(t, p, sy_model_approval_value(s->pending[i], &t->oom));
    sy_tree_put_text(t, v, "responsible", &s->responsible);
    return v;
}

static sy_value *change_value(sy_tree *t, const sy_checklist_change *ch, sy_mark m)
{
    sy_value *v = sy_value_map(m);
    if (ch->party)
        sy_tree_put(t, v, "party", sy_model_party_value(ch->party, &t->oom));
    sy_tree_put_string(t, v, "office", ch->office, m);
    sy_tree_put_text(t, v, "office_title", &ch->office_title);
    sy_tree_put_text(t, v, "old", &ch->old_holder);
    sy_tree_put_text(t, v, "new", &ch->new_holder);
    sy_tree_put(t, v, "date", sy_value_date(ch->date, ch->new_holder.mark));
    return v;
}

sy_value *sy_checklist_template_data(const sy_checklist *c, const sy_agreement *a)
{
    const sy_model *m = sy_agreement_model(a);
    sy_tree t = {0};
    sy_mark mk = m->mark;
    sy_value *root = sy_value_map(mk);
    if (!root)
        return NULL;
    sy_tree_put(&t, root, "agreement", sy_model_template_data(m));
    sy_tree_put(&t, root, "as_of", sy_value_date(c->as_of, mk));
    sy_value *steps = sy_tree_put(&t, root, "steps", sy_value_list(mk));
    for (size_t i = 0; steps && i < c->nsteps; i++)
        sy_tree_append(&t, steps, step_value(&t, &c->steps[i], i + 1, mk));
    sy_tree_put(&t, root, "approved", sy_value_int((long long)c->approved, mk));
    sy_tree_put(&t, root, "total", sy_value_int((long long)c->nsteps, mk));
    sy_value *term = sy_tree_put(&t, root, "term", sy_value_map(m->term.mark));
    sy_tree_put(&t, term, "given", sy_value_bool(m->term.given, m->term.mark));
    sy_tree_put(&t, term, "years", sy_value_int(m->term.years, m->term.years_mark));
    sy_tree_put(&t, term, "renewal", sy_value_int(m->term.renewal, m->term.renewal_mark));
    sy_tree_put(&t, term, "start", sy_value_date(m->term.start, m->term.start_mark));
    if (sy_date_valid(m->term.end)) {
        sy_tree_put(&t, term, "end", sy_value_date(m->term.end, m->term.mark));
        sy_tree_put(&t, root, "renew_by", sy_value_date(c->renew_by, m->term.mark));
    }
    sy_tree_put_string(&t, root, "renewal", sy_renewal_state_name(c->renewal), m->term.mark);
    sy_value *changes = sy_tree_put(&t, root, "changes", sy_value_list(mk));
    for (size_t i = 0; changes && i < c->nchanges; i++)
        sy_tree_append(&t, changes,
                       change_value(&t, &c->changes[i],
                                    c->changes[i].party ? c->changes[i].party->signer.mark : mk));
    if (t.oom) {
        sy_value_free(root);
        return NULL;
    }
    return root;
}
