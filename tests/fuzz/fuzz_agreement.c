/* libFuzzer target for the data stage: arbitrary bytes as an agreement (with
 * and without a roster) and as a roster. Whatever comes in, loading must
 * return cleanly, report problems as diagnostics, and free everything. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "data/data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char roster_yaml[] =
    "offices:\n"
    "  moi/secretary-of-state:\n"
    "    title: {km: រដ្ឋលេខាធិការ, en: Secretary of State}\n"
    "    holders:\n"
    "      - {name: {km: ក, en: A}, from: 2023-08-22}\n"
    "      - {name: {km: ខ, en: B}, from: 2025-09-01, to: 2026-01-01}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sy_roster *roster;
    if (!roster)
        roster = sy_roster_load_buffer("roster.yaml", roster_yaml, sizeof roster_yaml - 1, NULL);
    sy_diags *diags = sy_diags_new();
    if (!diags)
        return 0;
    const char *text = (const char *)data;

    sy_agreement *a = sy_agreement_load_buffer("fuzz.yaml", text, size, roster, diags);
    if (a) {
        size_t len;
        const char *src = sy_agreement_source(a, &len);
        if (len != size || (size && memcmp(src, data, size) != 0))
            __builtin_trap(); /* the source must come back byte for byte */
        sy_leadership_change *changes;
        size_t n;
        if (sy_agreement_leadership_changes(a, roster, NULL, &changes, &n) == SY_OK)
            free(changes);
    } else if (sy_diags_errors(diags) == 0 && !sy_diags_lost(diags)) {
        __builtin_trap(); /* a rejected file must say why */
    }
    sy_agreement_free(a);

    sy_agreement_free(sy_agreement_load_buffer("fuzz.yaml", text, size, NULL, diags));

    sy_roster *r = sy_roster_load_buffer("fuzz.roster.yaml", text, size, diags);
    if (r) {
        sy_date d = {2025, 6, 12};
        const sy_value *offices = sy_value_get(sy_roster_value(r), "offices");
        for (size_t i = 0; i < sy_value_len(offices); i++)
            (void)sy_roster_holder_at(r, sy_value_key_at(offices, i), d);
    }
    sy_roster_free(r);

    char line[512];
    for (size_t i = 0; i < sy_diags_count(diags); i++)
        sy_diag_format(sy_diags_get(diags, i), line, sizeof line);
    sy_diags_free(diags);
    return 0;
}
