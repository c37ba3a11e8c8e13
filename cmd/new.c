/* sanya new: write a commented starting agreement (lib/data/new.h does the
 * work); this file parses the arguments and writes the result to -o FILE,
 * never over an input nor, without --force, over any other file, or to
 * stdout. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/file.h"
#include "data/data.h"
#include "data/new.h"
#include "tpl/tpl.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sanya new [--template NAME|DIR] [--parties ID,ID,...] [--roster ROSTER.yaml]\n"
            "                 [-o FILE.yaml] [--force]\n\n"
            "Writes a new agreement file to start from: the template's starting\n"
            "agreement (its new.yaml), every key with a comment saying what it is, and\n"
            "placeholders <like this> for the values to write. `sanya check` reports each\n"
            "placeholder left as unfinished, with its line; `sanya build` refuses the\n"
            "file until none is left.\n\n"
            "options:\n"
            "  --template NAME|DIR  a template of templates/ or a template folder\n"
            "                       (default: mou)\n"
            "  --parties ID,...     one party entry per id, in this order (lowercase ids,\n"
            "                       e.g. moi,aple)\n"
            "  --roster FILE        fills the parties it knows: name, short name and kind\n"
            "                       from its `parties` section, the signatory {office: ID/...}\n"
            "                       from its first office under ID/ with a holder today\n"
            "  -o FILE              write to FILE (default: standard output); never the\n"
            "                       roster nor a template's file (exit 64), nor a folder,\n"
            "                       pipe or device (73)\n"
            "  --force              replace FILE when it exists\n"
            "  -h, --help           show this help\n\n"
            "exit status: 0 written, 64 usage error (also a bad party id, -o naming an\n"
            "input), 65 bad template or roster, 66 missing template or roster, 73 cannot\n"
            "write (also: FILE exists and --force is not given)\n");
}

/* Splits "moi,aple" into ids (pointers into the copy *buf). -1 after
 * printing why for an empty id. */
static int split_parties(const char *arg, char **buf, const char ***ids, size_t *n)
{
    size_t count = 1;
    for (const char *p = arg; *p; p++)
        count += *p == ',';
    *buf = strdup(arg);
    *ids = calloc(count, sizeof **ids);
    if (!*buf || !*ids) {
        fprintf(stderr, "sanya new: out of memory\n");
        return -1;
    }
    *n = 0;
    for (char *p = *buf, *next; p; p = next) {
        next = strchr(p, ',');
        if (next)
            *next++ = 0;
        if (!*p) {
            fprintf(stderr, "sanya new: --parties has an empty party id in '%s'\n", arg);
            return -1;
        }
        (*ids)[(*n)++] = p;
    }
    return 0;
}

int sy_cmd_new(int argc, char **argv)
{
    const char *template_ = NULL, *parties = NULL, *roster_path = NULL, *out_path = NULL;
    int force = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        char opt[16];
        int eq = sy_cmd_split_option(&arg, opt, sizeof opt, &value); /* --parties=moi,aple */
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            return SY_EXIT_OK;
        } else if (!strcmp(arg, "--template") || !strcmp(arg, "--parties") ||
                   !strcmp(arg, "--roster") || !strcmp(arg, "-o")) {
            if (sy_cmd_need_value("new", arg, value) != 0)
                return SY_EXIT_USAGE;
            if (!eq)
                i++;
            if (!strcmp(arg, "--template"))
                template_ = value;
            else if (!strcmp(arg, "--parties"))
                parties = value;
            else if (!strcmp(arg, "--roster"))
                roster_path = value;
            else
                out_path = value;
        } else if (!strcmp(arg, "--force") && !eq) {
            force = 1;
        } else if (arg[0] == '-' && arg[1]) {
            fprintf(stderr, "sanya new: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return SY_EXIT_USAGE;
        } else {
            fprintf(stderr,
                    "sanya new: unexpected argument '%s' (the new file is given with -o FILE)\n",
                    arg);
            usage(stderr);
            return SY_EXIT_USAGE;
        }
    }
    if (force && !out_path) {
        fprintf(stderr, "sanya new: --force replaces the file of -o FILE; no -o was given\n");
        return SY_EXIT_USAGE;
    }
    char *ids_buf = NULL;
    const char **ids = NULL;
    size_t nids = 0;
    if (parties && split_parties(parties, &ids_buf, &ids, &nids) != 0) {
        free(ids_buf);
        free(ids);
        return SY_EXIT_USAGE;
    }
    int rc = SY_EXIT_OK;
    sy_buf text = SY_BUF_INIT, templates = SY_BUF_INIT;
    sy_roster *roster = NULL;
    char *dir = sy_tpl_folder(sy_cmd_data_dir(), template_ ? template_ : "mou");
    sy_diags *diags = sy_diags_new();
    if (!diags || !dir) {
        fprintf(stderr, "sanya new: out of memory\n");
        rc = SY_EXIT_SOFTWARE;
        goto done;
    }
    if (out_path) {
        /* Never the roster nor a template's file (even with --force), a
         * folder, a pipe or a device: said before any work. */
        sy_buf_printf(&templates, "%s/templates", sy_cmd_data_dir());
        const char *inputs[] = {roster_path, dir,
                                sy_buf_failed(&templates) ? NULL : templates.data};
        sy_status checked =
            sy_file_check_output(out_path, inputs, sizeof inputs / sizeof *inputs, diags);
        if (checked != SY_OK) {
            rc = sy_cmd_exit_code(checked);
            goto done;
        }
        struct stat st;
        if (!force && stat(out_path, &st) == 0) {
            sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_CANTCREAT, out_path, 0, 0, NULL,
                         "exists; give --force to replace it, or another -o");
            rc = SY_EXIT_CANTCREAT;
            goto done;
        }
    }
    if (roster_path && !(roster = sy_roster_load(roster_path, diags))) {
        rc = sy_cmd_exit_code(sy_diags_status(diags));
        goto done;
    }
    sy_new_options o = {0};
    o.template_dir = dir;
    o.parties = ids;
    o.nparties = nids;
    o.roster = roster;
    o.today = sy_cmd_today();
    o.name = out_path ? out_path : "new.yaml";
    sy_status st = sy_agreement_new(&o, &text, diags);
    if (st != SY_OK) {
        rc = sy_cmd_exit_code(st);
        goto done;
    }
    if (out_path) {
        if (sy_file_write_atomic(out_path, text.data ? text.data : "", text.len, diags) != SY_OK) {
            rc = SY_EXIT_CANTCREAT;
            goto done;
        }
        fprintf(stderr,
                "sanya new: wrote %s; replace its <...> placeholders (sanya check %s lists "
                "them)\n",
                out_path, out_path);
    } else if (fwrite(text.data ? text.data : "", 1, text.len, stdout) != text.len ||
               fflush(stdout) != 0) {
        fprintf(stderr, "sanya new: cannot write to standard output\n");
        rc = SY_EXIT_CANTCREAT;
    }
done:
    sy_cmd_print_diags(diags);
    sy_diags_free(diags);
    sy_roster_free(roster);
    sy_buf_free(&text);
    sy_buf_free(&templates);
    free(dir);
    free(ids_buf);
    free(ids);
    return rc;
}
