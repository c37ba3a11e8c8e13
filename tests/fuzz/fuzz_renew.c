/* libFuzzer target for sanya renew: arbitrary bytes as an agreement; when
 * they load, the renewal (on the default date, and on a date given) must
 * either fail with a diagnostic or give a file that loads again and says
 * the new date, with out left as it was on failure. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/date.h"
#include "data/data.h"
#include "data/model.h"
#include "data/renew.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char roster_yaml[] =
    "offices:\n"
    "  moi/secretary-of-state:\n"
    "    title: {km: រដ្ឋលេខាធិការ, en: Secretary of State}\n"
    "    holders:\n"
    "      - {name: {km: ក, en: A}, from: 2018-09-06}\n"
    "      - {name: {km: ខ, en: B}, from: 2027-09-01, to: 2028-01-01}\n";

static void renew_once(const sy_agreement *a, const sy_roster *roster, const sy_renew_options *o)
{
    sy_diags *d = sy_diags_new();
    if (!d)
        return;
    sy_buf out = SY_BUF_INIT;
    sy_renewal info;
    sy_status st = sy_agreement_renew(a, roster, o, &out, &info, d);
    if (st != SY_OK) {
        if (sy_diags_errors(d) == 0 && !sy_diags_lost(d))
            __builtin_trap(); /* a refusal must say why */
        if (out.len != 0)
            __builtin_trap(); /* and leave out as it was */
    } else {
        sy_agreement *b = sy_agreement_load_buffer("new.yaml", out.data, out.len, roster, NULL);
        if (!b)
            __builtin_trap(); /* the renewal loads */
        const sy_model *m = sy_agreement_model(b);
        if (sy_date_cmp(m->signed_on, info.on) || m->term.renewal != info.renewal ||
            m->term.renewal != sy_agreement_model(a)->term.renewal + 1)
            __builtin_trap();
        sy_agreement_free(b);
    }
    sy_buf_free(&out);
    sy_diags_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sy_roster *roster;
    if (!roster)
        roster = sy_roster_load_buffer("roster.yaml", roster_yaml, sizeof roster_yaml - 1, NULL);
    sy_agreement *a = sy_agreement_load_buffer("fuzz.yaml", (const char *)data, size, roster, NULL);
    if (!a)
        return 0;
    sy_renew_options o = {0};
    o.name = "new.yaml";
    renew_once(a, roster, &o);
    o.has_on = 1;
    o.on = (sy_date){2026, 2, 28};
    o.years = 2;
    renew_once(a, roster, &o);
    renew_once(a, NULL, &o);
    sy_agreement_free(a);
    return 0;
}
