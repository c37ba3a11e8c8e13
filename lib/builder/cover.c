/* The approval-checklist cover sheet (see cover.h). Built with the document
 * tree's builders, in bilingual pairs, so that it is typeset, copied and
 * searched exactly like the agreement itself. */
#include "builder/cover.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal/cal.h"
#include "core/buf.h"
#include "core/date.h"

typedef struct cover {
    sy_doc *doc;
    sy_mark mark;
    int oom;
} cover;

static const char *text_of(const sy_value *pair, const char *lang)
{
    const char *s = sy_value_as_string(sy_value_get(pair, lang), NULL);
    return s ? s : "";
}

/* A bilingual pair of paragraphs with the given role. */
static void pair(cover *c, const char *role, sy_align align, const sy_buf *km, const sy_buf *en)
{
    sy_block *p = sy_blocks_add_pair(sy_doc_body(c->doc), c->mark);
    if (!p || sy_buf_failed(km) || sy_buf_failed(en)) {
        c->oom = 1;
        return;
    }
    if (!sy_blocks_add_paragraph(sy_block_body_mut(p), c->mark, km->data ? km->data : "", km->len,
                                 SY_LANG_KM, role, align) ||
        !sy_blocks_add_paragraph(sy_block_en_mut(p), c->mark, en->data ? en->data : "", en->len,
                                 SY_LANG_EN, role, align))
        c->oom = 1;
}

static void pair_text(cover *c, const char *role, sy_align align, const char *km, const char *en)
{
    sy_buf a = SY_BUF_INIT, b = SY_BUF_INIT;
    sy_buf_puts(&a, km);
    sy_buf_puts(&b, en);
    pair(c, role, align, &a, &b);
    sy_buf_free(&a);
    sy_buf_free(&b);
}

/* The approval given for (step, party), if any. */
static const sy_value *find_approval(const sy_value *approvals, const char *step, const char *party)
{
    for (size_t i = 0; i < sy_value_len(approvals); i++) {
        const sy_value *a = sy_value_at(approvals, i);
        const char *s = sy_value_as_string(sy_value_get(a, "step"), NULL);
        const char *p = sy_value_as_string(sy_value_get(a, "party"), NULL);
        if (s && !strcmp(s, step) && (!party || (p && !strcmp(p, party))))
            return a;
    }
    return NULL;
}

static const sy_value *first_ngo(const sy_value *parties)
{
    for (size_t i = 0; i < sy_value_len(parties); i++) {
        const sy_value *p = sy_value_at(parties, i);
        const char *k = sy_value_as_string(sy_value_get(p, "kind"), NULL);
        if (k && strcmp(k, "government") != 0)
            return p;
    }
    return NULL;
}

/* One checklist row: number, what, status (done with date and reference,
 * or pending), and who is responsible. */
static void row(cover *c, int n, const char *what_km, const char *what_en, const sy_value *approval,
                const sy_value *responsible_party)
{
    sy_buf km = SY_BUF_INIT, en = SY_BUF_INIT;
    sy_cal_khmer_int(n, &km);
    sy_buf_printf(&km, ". %s — ", what_km);
    sy_buf_printf(&en, "%d. %s — ", n, what_en);
    const sy_value *date = sy_value_get(approval, "date");
    int done = approval && sy_value_kind_of(date) == SY_VAL_DATE;
    if (done) {
        sy_buf_puts(&km, "បានអនុម័ត ");
        sy_cal_format_km(sy_value_as_date(date), &km);
        sy_buf_puts(&en, "approved ");
        sy_cal_format_en(sy_value_as_date(date), &en);
        const char *ref = sy_value_as_string(sy_value_get(approval, "ref"), NULL);
        if (ref) {
            sy_buf_printf(&km, " (លេខយោង %s)", ref);
            sy_buf_printf(&en, " (ref. %s)", ref);
        }
    } else {
        sy_buf_puts(&km, "មិនទាន់បានអនុម័ត");
        sy_buf_puts(&en, "pending");
    }
    const sy_value *resp = sy_value_get(approval, "responsible");
    if (!resp && responsible_party)
        resp = sy_value_get(responsible_party, "name");
    if (resp) {
        sy_buf_printf(&km, " — អ្នកទទួលខុសត្រូវ៖ %s", text_of(resp, "km"));
        sy_buf_printf(&en, " — responsible: %s", text_of(resp, "en"));
    }
    pair(c, done ? "check-done" : "check-open", SY_ALIGN_LEFT, &km, &en);
    sy_buf_free(&km);
    sy_buf_free(&en);
}

static const char *ordinal_en(long n, char *buf, size_t size)
{
    const char *suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
        : n % 10 == 1                                     ? "st"
        : n % 10 == 2                                     ? "nd"
        : n % 10 == 3                                     ? "rd"
                                                          : "th";
    snprintf(buf, size, "%ld%s", n, suffix);
    return buf;
}

static void holder_name(const sy_value *holder, const char *lang, sy_buf *out)
{
    sy_buf_puts(out, text_of(sy_value_get(holder, "name"), lang));
}

sy_doc *sy_cover_build(const sy_value *a, const sy_leadership_change *changes, size_t nchanges,
                       sy_date as_of, sy_diags *d)
{
    cover c = {sy_doc_new(), sy_value_mark(a), 0};
    if (!c.doc) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    sy_doc_set_layout(c.doc, SY_LAYOUT_PARALLEL);
    const sy_value *title = sy_value_get(a, "title");
    const sy_value *parties = sy_value_get(a, "parties");
    const sy_value *approvals = sy_value_get(a, "approvals");
    const char *id = sy_value_as_string(sy_value_get(a, "id"), NULL);

    pair_text(&c, "title", SY_ALIGN_CENTER, "បញ្ជីត្រួតពិនិត្យការអនុម័ត", "APPROVAL CHECKLIST");
    sy_buf km = SY_BUF_INIT, en = SY_BUF_INIT;
    sy_buf_printf(&km, "%s (%s)", text_of(title, "km"), id ? id : "");
    sy_buf_printf(&en, "%s (%s)", text_of(title, "en"), id ? id : "");
    pair(&c, "body", SY_ALIGN_CENTER, &km, &en);
    sy_buf_free(&km);
    sy_buf_free(&en);
    sy_buf_puts(&km, "ស្ថានភាពគិតត្រឹម");
    sy_cal_format_km(as_of, &km);
    sy_buf_puts(&en, "Status as of ");
    sy_cal_format_en(as_of, &en);
    pair(&c, "small", SY_ALIGN_CENTER, &km, &en);
    sy_buf_free(&km);
    sy_buf_free(&en);

    /* Leadership changes come first: they stop a signing. */
    for (size_t i = 0; i < nchanges; i++) {
        const sy_leadership_change *ch = &changes[i];
        const sy_value *party = NULL;
        for (size_t k = 0; k < sy_value_len(parties); k++) {
            const char *pid = sy_value_as_string(sy_value_get(sy_value_at(parties, k), "id"), NULL);
            if (pid && ch->party && !strcmp(pid, ch->party))
                party = sy_value_at(parties, k);
        }
        const sy_value *office_title = sy_value_get(sy_value_get(party, "signatory"), "title");
        sy_buf_printf(&km, "ការដឹកនាំបានផ្លាស់ប្តូរ៖ ត្រូវការការអនុម័តឡើងវិញ។ %s (%s)៖ ",
                      text_of(office_title, "km"), ch->office);
        holder_name(ch->old_holder, "km", &km);
        sy_buf_puts(&km, " ត្រូវបានជំនួសដោយ ");
        holder_name(ch->new_holder, "km", &km);
        sy_buf_puts(&km, " ចាប់ពី");
        sy_cal_format_km(ch->date, &km);
        sy_buf_printf(&en, "Leadership changed: re-approval required. %s (%s): ",
                      text_of(office_title, "en"), ch->office);
        holder_name(ch->old_holder, "en", &en);
        sy_buf_puts(&en, ", succeeded by ");
        holder_name(ch->new_holder, "en", &en);
        sy_buf_puts(&en, " since ");
        sy_cal_format_en(ch->date, &en);
        pair(&c, "banner", SY_ALIGN_LEFT, &km, &en);
        sy_buf_free(&km);
        sy_buf_free(&en);
    }

    pair_text(&c, "heading", SY_ALIGN_LEFT, "ការអនុម័តដែលត្រូវការមុនពេលចុះហត្ថលេខា",
              "Approvals required before signing");
    const sy_value *ngo = first_ngo(parties);
    int n = 1;
    row(&c, n++, "លិខិតគាំទ្រពីអាជ្ញាធរមូលដ្ឋាន", "Letter of support from a local leader",
        find_approval(approvals, "local-leader-letter", NULL), ngo);
    row(&c, n++, "ការអនុម័តពីសាលារាជធានី/ខេត្ត", "Approval from city hall",
        find_approval(approvals, "city-hall", NULL), ngo);
    for (int step = 0; step < 2; step++) {
        for (size_t i = 0; i < sy_value_len(parties); i++) {
            const sy_value *p = sy_value_at(parties, i);
            const char *kind = sy_value_as_string(sy_value_get(p, "kind"), NULL);
            const char *pid = sy_value_as_string(sy_value_get(p, "id"), NULL);
            if (!kind || strcmp(kind, "government") != 0 || !pid)
                continue;
            const sy_value *name = sy_value_get(p, "name");
            sy_buf wk = SY_BUF_INIT, we = SY_BUF_INIT;
            if (step == 0) {
                sy_buf_printf(&wk, "ការអនុម័តពីខុទ្ទកាល័យ%s", text_of(name, "km"));
                sy_buf_printf(&we, "Approval from the cabinet of the %s", text_of(name, "en"));
            } else {
                sy_buf_printf(&wk, "ការអនុម័តពីមន្ទីរ/នាយកដ្ឋានជំនាញនៃ%s", text_of(name, "km"));
                sy_buf_printf(&we, "Approval from the city department of the %s",
                              text_of(name, "en"));
            }
            if (sy_buf_failed(&wk) || sy_buf_failed(&we))
                c.oom = 1;
            else
                row(&c, n++, wk.data, we.data,
                    find_approval(approvals, step == 0 ? "ministry-cabinet" : "city-department",
                                  pid),
                    ngo);
            sy_buf_free(&wk);
            sy_buf_free(&we);
        }
    }

    /* The term and its renewal. */
    const sy_value *term = sy_value_get(a, "term");
    long years = sy_value_as_int(sy_value_get(term, "years"));
    long renewal = sy_value_as_int(sy_value_get(term, "renewal"));
    const sy_value *start_v = sy_value_get(term, "start");
    sy_date start = sy_value_kind_of(start_v) == SY_VAL_DATE
        ? sy_value_as_date(start_v)
        : sy_value_as_date(sy_value_get(a, "signed"));
    sy_date end = sy_date_from_days(sy_date_to_days(sy_date_add_years(start, (int)years)) - 1);
    sy_date renew_by = sy_date_add_months(end, -SY_COVER_RENEWAL_LEAD_MONTHS);
    pair_text(&c, "heading", SY_ALIGN_LEFT, "អាណត្តិ និងការបន្ត", "Term and renewal");
    sy_buf_puts(&km, "អាណត្តិ ");
    sy_cal_khmer_int(years, &km);
    sy_buf_puts(&km, " ឆ្នាំ៖ ពី");
    sy_cal_format_km(start, &km);
    sy_buf_puts(&km, " ដល់");
    sy_cal_format_km(end, &km);
    char ord[32];
    sy_buf_printf(&en, "Term of %ld years: from ", years);
    sy_cal_format_en(start, &en);
    sy_buf_puts(&en, " to ");
    sy_cal_format_en(end, &en);
    if (renewal > 0) {
        sy_buf_puts(&km, "។ ការបន្តលើកទី");
        sy_cal_khmer_int(renewal, &km);
        sy_buf_printf(&en, ". This is the %s renewal", ordinal_en(renewal, ord, sizeof ord));
    } else {
        sy_buf_puts(&km, "។ អនុស្សរណៈលើកដំបូង");
        sy_buf_puts(&en, ". First agreement (no renewal yet)");
    }
    sy_buf_puts(&km, "។");
    sy_buf_puts(&en, ".");
    pair(&c, "body", SY_ALIGN_LEFT, &km, &en);
    sy_buf_free(&km);
    sy_buf_free(&en);

    long left = sy_date_to_days(renew_by) - sy_date_to_days(as_of);
    sy_date warn_from = sy_date_add_months(renew_by, -SY_COVER_RENEWAL_WARN_MONTHS);
    int passed = left < 0;
    int soon = !passed && sy_date_cmp(as_of, warn_from) >= 0;
    sy_buf_puts(&km, "ការបន្តត្រូវចាប់ផ្តើមមុន");
    sy_cal_format_km(renew_by, &km);
    sy_buf_puts(&en, "Renewal must start by ");
    sy_cal_format_en(renew_by, &en);
    if (passed) {
        sy_buf_puts(&km, "៖ ហួសកាលកំណត់ហើយ។");
        sy_buf_puts(&en, ": this date has passed.");
    } else if (soon) {
        sy_buf_puts(&km, "៖ នៅសល់តិចជាងប្រាំមួយខែ។");
        sy_buf_puts(&en, ": less than six months away.");
    } else {
        sy_buf_puts(&km, "។");
        sy_buf_puts(&en, ".");
    }
    pair(&c, passed || soon ? "banner" : "body", SY_ALIGN_LEFT, &km, &en);
    sy_buf_free(&km);
    sy_buf_free(&en);

    if (c.oom || sy_doc_failed(c.doc)) {
        sy_doc_free(c.doc);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    return c.doc;
}
