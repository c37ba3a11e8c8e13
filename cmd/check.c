/* sanya check: validate an agreement (and its roster) without rendering,
 * printing every problem of the files in one run. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder.h"
#include "core/date.h"
#include "data/data.h"
#include "serve/json.h"

static void usage(FILE *f)
{
    fprintf(
        f,
        "usage: sanya check FILE.yaml [--roster ROSTER.yaml] [--template NAME|DIR] [--dump] "
        "[--json]\n\n"
        "Checks an agreement file against the schema (docs/agreement-schema.md) and\n"
        "prints every problem as 'sanya: file:line:column: path: message'. When its\n"
        "signatories can be named, it also runs every check 'sanya build' runs (the\n"
        "template, a font for every character, the cover sheet), so check and build\n"
        "agree on every file.\n"
        "With --roster, each signatory given as {office: ID} must name an office of\n"
        "the roster that somebody held on the signing date; a note on stdout tells\n"
        "of each such office that changed hands after the signing date.\n\n"
        "options:\n"
        "  --roster FILE  the roster of office holders (roster.yaml)\n"
        "  --template T   check against this template (a name under templates/ or a\n"
        "                 folder) instead of the agreement's\n"
        "  --dump         print the agreement as templates see it, one value a line\n"
        "                 with its source\n"
        "  --json         print the problems as JSON on stdout instead, {\"file\": ...,\n"
        "                 \"diagnostics\": [{\"file\", \"line\", \"column\", \"path\",\n"
        "                 \"severity\", \"code\", \"message\"}]} (the exit status is the same)\n"
        "  -h, --help     show this help\n\n"
        "exit status: 0 valid, 64 usage error, 65 data error, 66 missing input file\n");
}

/* One line per leaf: path, value, and where it came from. */
static void dump(const sy_value *v, char *path, size_t len, size_t cap)
{
    sy_value_kind k = sy_value_kind_of(v);
    if (k == SY_VAL_LIST || k == SY_VAL_MAP) {
        for (size_t i = 0; i < sy_value_len(v); i++) {
            int n = k == SY_VAL_MAP
                ? snprintf(path + len, cap - len, "%s%s", len ? "." : "", sy_value_key_at(v, i))
                : snprintf(path + len, cap - len, "[%zu]", i);
            if (n < 0 || (size_t)n >= cap - len)
                continue;
            dump(sy_value_at(v, i), path, len + (size_t)n, cap);
            path[len] = 0;
        }
        return;
    }
    sy_mark m = sy_value_mark(v);
    printf("%s: ", path);
    if (k == SY_VAL_STRING) {
        putchar('"');
        for (const char *s = sy_value_as_string(v, NULL); *s; s++) {
            if (*s == '"' || *s == '\\')
                printf("\\%c", *s);
            else if (*s == '\n')
                printf("\\n");
            else
                putchar(*s);
        }
        putchar('"');
    } else if (k == SY_VAL_DATE) {
        char iso[11];
        sy_date_format_iso(sy_value_as_date(v), iso);
        printf("%s", iso);
    } else if (k == SY_VAL_INT) {
        printf("%lld", sy_value_as_int(v));
    } else if (k == SY_VAL_BOOL) {
        printf("%s", sy_value_as_bool(v) ? "true" : "false");
    } else {
        printf("null");
    }
    printf("  # %s:%d:%d\n", m.file ? m.file : "?", m.line, m.column);
}

/* Tells (on stdout: it is not a problem of the file) which office
 * signatories have a successor in the roster after the signing date; with
 * --json, as notes in the list (into, not NULL) instead. */
static sy_status report_changes(const sy_agreement *a, const sy_roster *roster, sy_diags *into)
{
    sy_leadership_change *changes;
    size_t n;
    sy_status s = sy_agreement_leadership_changes(a, roster, NULL, &changes, &n);
    if (s != SY_OK)
        return s;
    char signed_on[11], from[11];
    sy_date_format_iso(sy_agreement_model(a)->signed_on, signed_on);
    for (size_t i = 0; i < n; i++) {
        sy_date_format_iso(changes[i].date, from);
        const char *old =
            sy_value_as_string(sy_value_lookup(changes[i].old_holder, "name.en"), NULL);
        const char *new =
            sy_value_as_string(sy_value_lookup(changes[i].new_holder, "name.en"), NULL);
        char msg[1024];
        snprintf(msg, sizeof msg,
                 "office \"%s\" (party %s) changed hands on %s, after the signing date %s: %s, "
                 "then %s",
                 changes[i].office, changes[i].party, from, signed_on, old ? old : "(vacant)",
                 new ? new : "?");
        if (into)
            sy_diags_add(into, SY_SEV_NOTE, SY_OK, sy_agreement_name(a), 0, 0, NULL, "%s", msg);
        else
            printf("%s: note: %s\n", sy_agreement_name(a), msg);
    }
    free(changes);
    return SY_OK;
}

/* The build's own checks, on the agreement already loaded. */
static void check_as_build(const sy_agreement *a, const sy_roster *roster, const char *template_,
                           sy_diags *diags)
{
    sy_builder *b = sy_builder_new(sy_cmd_data_dir(), diags);
    if (!b)
        return;
    sy_builder_options o = {0};
    o.layout = -1;
    o.parts = SY_BUILDER_COVER_AND_AGREEMENT;
    o.as_of = sy_cmd_today();
    o.template_ = template_;
    sy_builder_check_loaded(b, a, roster, &o, diags);
    sy_builder_free(b);
}

int sy_cmd_check(int argc, char **argv)
{
    const char *file = NULL, *roster_path = NULL, *template_ = NULL;
    int want_dump = 0, want_json = 0, options_end = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options_end || arg[0] != '-' || !arg[1]) {
            if (file) {
                fprintf(stderr, "sanya check: one agreement file at a time ('%s' and '%s')\n", file,
                        arg);
                return SY_EXIT_USAGE;
            }
            file = arg;
        } else if (!strcmp(arg, "--")) {
            options_end = 1; /* what follows is a file name, even "-x.yaml" */
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            return SY_EXIT_OK;
        } else if (!strcmp(arg, "--roster")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "sanya check: --roster needs a file\n");
                return SY_EXIT_USAGE;
            }
            roster_path = argv[++i];
        } else if (!strcmp(arg, "--template")) {
            if (i + 1 >= argc) {
                fprintf(stderr, "sanya check: --template needs a name or a folder\n");
                return SY_EXIT_USAGE;
            }
            template_ = argv[++i];
        } else if (!strncmp(arg, "--template=", 11)) {
            template_ = arg + 11;
        } else if (!strcmp(arg, "--dump")) {
            want_dump = 1;
        } else if (!strcmp(arg, "--json")) {
            want_json = 1;
        } else if (!strncmp(arg, "--roster=", 9)) {
            roster_path = arg + 9;
        } else {
            fprintf(stderr, "sanya check: unknown option '%s'\n", arg);
            usage(stderr);
            return SY_EXIT_USAGE;
        }
    }
    if (!file) {
        usage(stderr);
        return SY_EXIT_USAGE;
    }
    if (sy_cmd_need_name("check", "agreement file", file) != 0)
        return SY_EXIT_USAGE;
    if ((roster_path && sy_cmd_need_value("check", "--roster", roster_path)) ||
        (template_ && sy_cmd_need_value("check", "--template", template_)))
        return SY_EXIT_USAGE;
    sy_diags *diags = sy_diags_new();
    if (!diags) {
        fprintf(stderr, "sanya check: out of memory\n");
        return SY_EXIT_SOFTWARE;
    }
    /* A broken roster is reported, and the agreement is still checked (its
     * offices then go unresolved) so that one run shows every problem. */
    sy_roster *roster = roster_path ? sy_roster_load(roster_path, diags) : NULL;
    sy_agreement *a = sy_agreement_load(file, roster, diags);
    if (sy_builder_can_check(a, roster_path != NULL, roster))
        check_as_build(a, roster, template_, diags);
    int rc = sy_cmd_exit_code(sy_diags_status(diags));
    if (want_json && a && roster && report_changes(a, roster, diags) != SY_OK) {
        fprintf(stderr, "sanya check: out of memory\n");
        rc = SY_EXIT_SOFTWARE;
    }
    if (want_json) {
        /* the same JSON the drafting page gets (lib/serve/json.c) */
        char *json = sy_serve_json_check_report(file, diags);
        if (!json) {
            fprintf(stderr, "sanya check: out of memory\n");
            sy_agreement_free(a);
            sy_roster_free(roster);
            sy_diags_free(diags);
            return SY_EXIT_SOFTWARE;
        }
        fputs(json, stdout);
        free(json);
    } else {
        sy_cmd_print_diags(diags);
    }
    if (a && want_dump && !want_json) {
        char path[1024] = "";
        sy_value *tree = sy_model_template_data(sy_agreement_model(a));
        if (tree)
            dump(tree, path, 0, sizeof path);
        sy_value_free(tree);
    }
    if (a && roster && !want_json && report_changes(a, roster, NULL) != SY_OK) {
        fprintf(stderr, "sanya check: out of memory\n");
        rc = SY_EXIT_SOFTWARE;
    }
    sy_agreement_free(a);
    sy_roster_free(roster);
    sy_diags_free(diags);
    return rc;
}
