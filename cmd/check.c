/* sanya check: validate an agreement (and its roster) without rendering,
 * printing every problem of the files in one run. */
#include "cmd.h"

#include <stdio.h>
#include <string.h>

#include "data/data.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sanya check FILE.yaml [--roster ROSTER.yaml]\n\n"
            "Checks an agreement file against the schema (docs/agreement-schema.md) and\n"
            "prints every problem as 'sanya: file:line:column: path: message'.\n"
            "With --roster, each signatory given as {office: ID} must name an office of\n"
            "the roster that somebody held on the signing date.\n\n"
            "options:\n"
            "  --roster FILE  the roster of office holders (roster.yaml)\n"
            "  -h, --help     show this help\n\n"
            "exit status: 0 valid, 64 usage error, 65 data error, 66 missing input file\n");
}

int sy_cmd_check(int argc, char **argv)
{
    const char *file = NULL, *roster_path = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            return SY_EXIT_OK;
        } else if (!strcmp(arg, "--roster")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "sanya check: --roster needs a file\n");
                return SY_EXIT_USAGE;
            }
            roster_path = argv[++i];
        } else if (!strncmp(arg, "--roster=", 9)) {
            roster_path = arg + 9;
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "sanya check: unknown option '%s'\n", arg);
            usage(stderr);
            return SY_EXIT_USAGE;
        } else if (file) {
            fprintf(stderr, "sanya check: one agreement file at a time ('%s' and '%s')\n", file,
                    arg);
            return SY_EXIT_USAGE;
        } else {
            file = arg;
        }
    }
    if (!file) {
        usage(stderr);
        return SY_EXIT_USAGE;
    }
    sy_diags *diags = sy_diags_new();
    if (!diags) {
        fprintf(stderr, "sanya check: out of memory\n");
        return SY_EXIT_SOFTWARE;
    }
    /* A broken roster is reported, and the agreement is still checked (its
     * offices then go unresolved) so that one run shows every problem. */
    sy_roster *roster = roster_path ? sy_roster_load(roster_path, diags) : NULL;
    sy_agreement *a = sy_agreement_load(file, roster, diags);
    sy_cmd_print_diags(diags);
    int rc = sy_cmd_exit_code(sy_diags_status(diags));
    sy_agreement_free(a);
    sy_roster_free(roster);
    sy_diags_free(diags);
    return rc;
}
