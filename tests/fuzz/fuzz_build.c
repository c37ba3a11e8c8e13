/* libFuzzer target for the whole pipeline, `sanya build` in memory: the
 * input as an agreement's YAML, loaded with examples/roster.yaml and built
 * into a PDF by the builder (template, document, text, layout, PDF). Any
 * outcome but a crash, a leak or a sanitizer report is fine; a failed build
 * must say why. Inputs over 16 KB are skipped to keep each run cheap. Runs
 * from the repository's root (fonts/, templates/, examples/). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "builder/builder.h"
#include "data/data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_INPUT = 16 * 1024 };

static sy_builder *builder;
static sy_roster *roster;

static void setup(void)
{
    sy_diags *d = sy_diags_new();
    if (!d || !(builder = sy_builder_new(".", d)) ||
        !(roster = sy_roster_load("examples/roster.yaml", d)))
        abort(); /* run from the repository's root */
    sy_diags_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!builder)
        setup();
    if (size > MAX_INPUT)
        return 0;
    sy_diags *d = sy_diags_new();
    if (!d)
        return 0;
    sy_agreement *a = sy_agreement_load_buffer("fuzz.yaml", (const char *)data, size, roster, d);
    if (a) {
        sy_builder_options o = {0};
        o.layout = -1;
        char *pdf = NULL;
        size_t len = 0, pages = 0;
        sy_status st = sy_builder_pdf_loaded(builder, a, roster, &o, &pdf, &len, &pages, d);
        if (st == SY_OK && (!pdf || len < 8 || !pages))
            abort(); /* a built document has bytes and pages */
        if (st != SY_OK && !sy_diags_errors(d) && !sy_diags_lost(d))
            abort(); /* a failed build must say why */
        free(pdf);
    }
    sy_agreement_free(a);
    sy_diags_free(d);
    return 0;
}
