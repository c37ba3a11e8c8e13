/* build-agreement: renders one agreement to a PDF through libsanya's public
 * API (sanya.h) alone, printing each problem as "file:line:column: message".
 *
 *   build-agreement AGREEMENT.yaml ROSTER.yaml OUTPUT.pdf [YYYY-MM-DD]
 *
 * The optional date is the day the cover sheet gives the approval status at
 * (default: the signing date). The fonts and templates are found in the
 * data folder: $SANYA_DATA if set, else SANYA_DATADIR given when compiling
 * (see README.md here), else /usr/local/share/sanya. */
#include <stdio.h>
#include <stdlib.h>

#include <sanya.h>

#ifndef SANYA_DATADIR
#define SANYA_DATADIR "/usr/local/share/sanya"
#endif

/* Each problem as "file:line:column: message" (the parts that are known). */
static void print_diagnostics(const sanya_diagnostics *diags)
{
    for (size_t i = 0; i < sanya_diagnostics_count(diags); i++) {
        const sanya_diagnostic *diag = sanya_diagnostics_get(diags, i);
        const char *file = sanya_diagnostic_file(diag);
        if (file) {
            fprintf(stderr, "%s", file);
            if (sanya_diagnostic_line(diag) > 0)
                fprintf(stderr, ":%d", sanya_diagnostic_line(diag));
            if (sanya_diagnostic_column(diag) > 0)
                fprintf(stderr, ":%d", sanya_diagnostic_column(diag));
            fprintf(stderr, ": ");
        }
        if (sanya_diagnostic_severity(diag) == SANYA_SEVERITY_WARNING)
            fprintf(stderr, "warning: ");
        fprintf(stderr, "%s\n", sanya_diagnostic_message(diag));
    }
}

int main(int argc, char **argv)
{
    if (argc != 4 && argc != 5) {
        fprintf(stderr, "usage: %s AGREEMENT.yaml ROSTER.yaml OUTPUT.pdf [YYYY-MM-DD]\n", argv[0]);
        return 64;
    }
    const char *data_dir = getenv("SANYA_DATA");
    if (!data_dir || !*data_dir)
        data_dir = SANYA_DATADIR;

    sanya_diagnostics *diags = sanya_diagnostics_new();
    sanya_options *opts = sanya_options_new();
    if (!diags || !opts) {
        fprintf(stderr, "out of memory\n");
        return 70;
    }
    sanya_status st = sanya_options_set_agreement(opts, argv[1]);
    if (st == SANYA_OK)
        st = sanya_options_set_roster(opts, argv[2]);
    if (st == SANYA_OK && argc == 5 && (st = sanya_options_set_as_of(opts, argv[4])) != SANYA_OK)
        fprintf(stderr, "not a date YYYY-MM-DD: %s\n", argv[4]);

    /* A builder loads the fonts once; a real program keeps it for many
     * builds. */
    sanya_builder *builder = NULL;
    if (st == SANYA_OK)
        st = sanya_builder_new(data_dir, &builder, diags);
    if (st == SANYA_OK)
        st = sanya_build_file(builder, opts, argv[3], diags);

    print_diagnostics(diags);
    if (st == SANYA_OK)
        printf("wrote %s (libsanya %s)\n", argv[3], sanya_version());
    else
        fprintf(stderr, "%s: %s\n", argv[1], sanya_status_name(st));

    sanya_builder_free(builder);
    sanya_options_free(opts);
    sanya_diagnostics_free(diags);
    return sanya_status_exit_code(st);
}
