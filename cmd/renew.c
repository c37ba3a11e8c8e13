/* sanya renew: write the next term's agreement file (lib/data/renew.h does
 * the work); this file parses the arguments, picks the output's name and
 * refuses to overwrite the input or, without --force, any other file. */
#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/file.h"
#include "data/data.h"
#include "data/renew.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sanya renew FILE.yaml [--on DATE] [--roster ROSTER.yaml] [--years N]\n"
            "                   [-o NEW.yaml] [--force]\n\n"
            "Writes the agreement file of the next term: the old file's text with only\n"
            "these values changed (comments, key order and quoting stay as written):\n"
            "  signed         DATE\n"
            "  term.start     DATE (added when missing)\n"
            "  term.renewal   one more (added when missing; a file without a term gets\n"
            "                 one, which needs --years)\n"
            "  approvals      the steps the cover sheet requires, pending (no date);\n"
            "                 the old approvals become previous_approvals (replacing\n"
            "                 any earlier previous_approvals)\n"
            "Signatories given as {office: ID} stay so: the roster names the holder on\n"
            "the new date when the file is built, and must have one (an error names the\n"
            "office otherwise; a note names each new holder).\n\n"
            "options:\n"
            "  --on DATE      the renewal's signing date and the new term's first day\n"
            "                 (YYYY-MM-DD; default: the day after the old term ends);\n"
            "                 must be after the old signing date\n"
            "  --roster FILE  the roster of office holders (needed when a party signs\n"
            "                 by office)\n"
            "  --years N      the new term's length (default: the old term's)\n"
            "  -o FILE        the new file (default: NAME-renewal-N.yaml beside the\n"
            "                 input, N the new renewal number); never the input nor\n"
            "                 the roster (exit 64), nor a folder, pipe or device (73);\n"
            "                 a symbolic link is written through\n"
            "  --force        replace FILE when it exists\n"
            "  -h, --help     show this help\n\n"
            "exit status: 0 written, 64 usage error (also -o naming an input), 65 data\n"
            "error (e.g. an office without a holder on DATE), 66 missing input file,\n"
            "73 cannot write (also: the output exists and --force is not given)\n");
}

int sy_cmd_renew(int argc, char **argv)
{
    const char *file = NULL, *roster_path = NULL, *out_path = NULL, *on_arg = NULL;
    int force = 0, years = 0, options_end = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options_end || arg[0] != '-' || !arg[1]) {
            if (file) {
                fprintf(stderr, "sanya renew: one agreement file at a time ('%s' and '%s')\n", file,
                        arg);
                return SY_EXIT_USAGE;
            }
            file = arg;
            continue;
        }
        if (!strcmp(arg, "--")) {
            options_end = 1; /* what follows is a file name, even "-x.yaml" */
            continue;
        }
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        char opt[16];
        int eq = sy_cmd_split_option(&arg, opt, sizeof opt, &value); /* --on=DATE */
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            return SY_EXIT_OK;
        } else if (!strcmp(arg, "--roster") || !strcmp(arg, "--on") || !strcmp(arg, "-o") ||
                   !strcmp(arg, "--years")) {
            if (sy_cmd_need_value("renew", arg, value) != 0)
                return SY_EXIT_USAGE;
            if (!eq)
                i++;
            if (!strcmp(arg, "--roster"))
                roster_path = value;
            else if (!strcmp(arg, "--on"))
                on_arg = value;
            else if (!strcmp(arg, "-o"))
                out_path = value;
            else {
                char *end;
                long y = strtol(value, &end, 10);
                if (*end || end == value || y < 1 || y > 99) {
                    fprintf(stderr, "sanya renew: --years expects 1 to 99, got '%s'\n", value);
                    return SY_EXIT_USAGE;
                }
                years = (int)y;
            }
        } else if (!strcmp(arg, "--force") && !eq) {
            force = 1;
        } else {
            fprintf(stderr, "sanya renew: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return SY_EXIT_USAGE;
        }
    }
    if (!file) {
        usage(stderr);
        return SY_EXIT_USAGE;
    }
    if (sy_cmd_need_name("renew", "agreement file", file) != 0)
        return SY_EXIT_USAGE;
    sy_renew_options o = {0};
    o.years = years;
    if (on_arg) {
        if (sy_date_parse_iso(on_arg, strlen(on_arg), &o.on) != 0) {
            fprintf(stderr, "sanya renew: --on expects a date YYYY-MM-DD, got '%s'\n", on_arg);
            return SY_EXIT_USAGE;
        }
        o.has_on = 1;
    }
    sy_diags *diags = sy_diags_new();
    if (!diags) {
        fprintf(stderr, "sanya renew: out of memory\n");
        return SY_EXIT_SOFTWARE;
    }
    sy_roster *roster = roster_path ? sy_roster_load(roster_path, diags) : NULL;
    sy_agreement *a = roster_path && !roster ? NULL : sy_agreement_load(file, roster, diags);
    sy_buf text = SY_BUF_INIT;
    sy_renewal info = {0};
    char *chosen = NULL;
    int rc = SY_EXIT_OK;
    if (!a) {
        rc = sy_cmd_exit_code(sy_diags_status(diags));
        goto done;
    }
    chosen = out_path ? strdup(out_path)
                      : sy_renew_default_path(file, sy_agreement_model(a)->term.renewal + 1);
    if (!chosen) {
        fprintf(stderr, "sanya renew: out of memory\n");
        rc = SY_EXIT_SOFTWARE;
        goto done;
    }
    /* Never the input, however it is named (another path, a link). */
    struct stat in_st, out_st;
    int exists = stat(chosen, &out_st) == 0;
    if (exists && stat(file, &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
        in_st.st_ino == out_st.st_ino) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_USAGE, chosen, 0, 0, NULL,
                     "is the agreement being renewed (%s); the renewal goes to a new file", file);
        rc = SY_EXIT_USAGE;
        goto done;
    }
    /* Nor the roster (even with --force), a folder, a pipe or a device. */
    const char *inputs[] = {file, roster_path};
    sy_status checked = sy_file_check_output(chosen, inputs, 2, diags);
    if (checked != SY_OK) {
        rc = sy_cmd_exit_code(checked);
        goto done;
    }
    if (exists && !force) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_CANTCREAT, chosen, 0, 0, NULL,
                     "exists; give --force to replace it, or another -o");
        rc = SY_EXIT_CANTCREAT;
        goto done;
    }
    o.name = chosen;
    sy_status st = sy_agreement_renew(a, roster, &o, &text, &info, diags);
    if (st != SY_OK) {
        rc = sy_cmd_exit_code(st);
        goto done;
    }
    if (sy_file_write_atomic(chosen, text.data ? text.data : "", text.len, diags) != SY_OK) {
        rc = SY_EXIT_CANTCREAT;
        goto done;
    }
    char on[11], end[11];
    sy_date_format_iso(info.on, on);
    sy_date_format_iso(info.end, end);
    printf("sanya renew: wrote %s (renewal %d, signed %s, term to %s)\n", chosen, info.renewal, on,
           end);
done:
    sy_cmd_print_diags(diags);
    free(chosen);
    sy_buf_free(&text);
    sy_agreement_free(a);
    sy_roster_free(roster);
    sy_diags_free(diags);
    return rc;
}
