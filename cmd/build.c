/* sanya build: render an agreement to PDF. */
#include "cmd.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/file.h"

static const char usage_text[] =
    "usage: sanya build FILE.yaml [-o OUT.pdf] [--roster ROSTER.yaml]\n"
    "                   [--template NAME|DIR] [--layout parallel|sequential] [--pdfa]\n"
    "\n"
    "Renders an agreement to a bilingual Khmer/English PDF. The output\n"
    "defaults to FILE.pdf beside FILE.yaml and is written atomically: on any\n"
    "error nothing is written and an earlier file is left as it was. It is\n"
    "never one of the inputs (exit 64) nor a folder, pipe or device (exit 73);\n"
    "a symbolic link is written through, and a replaced file keeps its mode.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE      the PDF to write\n"
    "  --roster FILE          who holds each office, from which date (needed when a\n"
    "                         signatory is named by office)\n"
    "  --template NAME|DIR    a template of templates/ or a template folder\n"
    "                         (default: the agreement's `template`, else mou)\n"
    "  --layout parallel|sequential   Khmer and English side by side, or one after\n"
    "                         the other (default: the agreement's `layout`)\n"
    "  --no-cover             leave out the approval-checklist cover sheet\n"
    "  --cover-only           print the cover sheet alone\n"
    "  --pdfa                 write PDF/A-3b, for archives (default: as the template\n"
    "                         says, `pdfa` in its style.yaml); needs the sRGB ICC\n"
    "                         profile of icc-profiles-free (exit 66 without it)\n"
    "  --as-of YYYY-MM-DD     the day the cover sheet gives the status at (default:\n"
    "                         SOURCE_DATE_EPOCH if set, else today)\n"
    "  -h, --help             this text\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 data or template error, 66 missing input,\n"
    "70 internal error, 73 cannot write the output.\n";

int sy_cmd_build(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},   {"roster", required_argument, NULL, 'r'},
        {"template", required_argument, NULL, 't'}, {"layout", required_argument, NULL, 'l'},
        {"no-cover", no_argument, NULL, 'N'},       {"cover-only", no_argument, NULL, 'C'},
        {"as-of", required_argument, NULL, 'A'},    {"pdfa", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    sy_builder_options o = {NULL, NULL, NULL, -1, SY_BUILDER_COVER_AND_AGREEMENT, {0, 0, 0}, 0};
    int no_cover = 0, cover_only = 0;
    const char *out = NULL;
    int c;
    optind = 1;
    opterr = 0; /* our own messages, prefixed "sanya build:" */
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        if ((c == 'o' || c == 'r' || c == 't') && sy_cmd_need_optarg("build", opts, c, optarg))
            return SY_EXIT_USAGE;
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 'r':
            o.roster = optarg;
            break;
        case 't':
            o.template_ = optarg;
            break;
        case 'l': {
            sy_doc_layout layout; /* a block: C11 has no declaration right after a label */
            if (sy_layout_parse(optarg, &layout) == 0)
                o.layout = (int)layout;
            else {
                fprintf(stderr, "sanya build: --layout expects parallel or sequential, got '%s'\n",
                        optarg);
                return SY_EXIT_USAGE;
            }
            break;
        }
        case 'N':
            no_cover = 1;
            break;
        case 'C':
            cover_only = 1;
            break;
        case 'P':
            o.pdfa = 1;
            break;
        case 'A':
            if (sy_date_parse_iso(optarg, strlen(optarg), &o.as_of) != 0) {
                fprintf(stderr, "sanya build: --as-of expects a date YYYY-MM-DD, got '%s'\n",
                        optarg);
                return SY_EXIT_USAGE;
            }
            break;
        case 'h':
            fputs(usage_text, stdout);
            return SY_EXIT_OK;
        default:
            fprintf(stderr, "sanya build: unknown option or missing value: '%s'\n\n",
                    argv[optind - 1]);
            fputs(usage_text, stderr);
            return SY_EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "sanya build: %s\n\n",
                optind >= argc ? "no agreement file given" : "one agreement at a time");
        fputs(usage_text, stderr);
        return SY_EXIT_USAGE;
    }
    if (no_cover && cover_only) {
        fprintf(stderr, "sanya build: --no-cover and --cover-only exclude each other\n");
        return SY_EXIT_USAGE;
    }
    o.parts = no_cover ? SY_BUILDER_AGREEMENT_ONLY
        : cover_only   ? SY_BUILDER_COVER_ONLY
                       : SY_BUILDER_COVER_AND_AGREEMENT;
    if (!sy_date_valid(o.as_of))
        o.as_of = sy_cmd_today();
    o.agreement = argv[optind];
    if (sy_cmd_need_name("build", "agreement file", o.agreement) != 0)
        return SY_EXIT_USAGE;
    char *default_out = NULL;
    if (!out) {
        size_t n = strlen(o.agreement);
        default_out = malloc(n + 5);
        if (!default_out)
            return SY_EXIT_SOFTWARE;
        memcpy(default_out, o.agreement, n + 1);
        char *dot = strrchr(default_out, '.');
        char *slash = strrchr(default_out, '/');
        if (dot && (!slash || dot > slash))
            *dot = 0;
        strcat(default_out, ".pdf");
        out = default_out;
    }
    sy_diags *d = sy_diags_new();
    /* Never over an input (the agreement, the roster, a template folder's
     * files, the installed templates), nor onto a pipe or a device: said
     * before any work. The template named inside the agreement is known
     * only once it is read; a folder of templates/ is covered here. */
    sy_buf templates = SY_BUF_INIT;
    sy_buf_printf(&templates, "%s/templates", sy_cmd_data_dir());
    const char *inputs[] = {o.agreement, o.roster,
                            o.template_ && strchr(o.template_, '/') ? o.template_ : NULL,
                            sy_buf_failed(&templates) ? NULL : templates.data};
    sy_status st =
        d ? sy_file_check_output(out, inputs, sizeof inputs / sizeof *inputs, d) : SY_ERR_NOMEM;
    sy_buf_free(&templates);
    sy_builder *b = d && st == SY_OK ? sy_builder_new(sy_cmd_data_dir(), d) : NULL;
    char *pdf = NULL;
    size_t len = 0, pages = 0;
    if (st == SY_OK)
        st = b ? sy_builder_pdf(b, &o, &pdf, &len, &pages, d) : sy_diags_status(d);
    if (st == SY_OK)
        st = sy_file_write_atomic(out, pdf, len, d);
    sy_cmd_print_diags(d);
    if (st == SY_OK)
        fprintf(stderr, "sanya build: wrote %s (%zu page%s)\n", out, pages, pages == 1 ? "" : "s");
    int rc = sy_cmd_exit_code(st == SY_OK ? SY_OK : st);
    free(pdf);
    free(default_out);
    sy_builder_free(b);
    sy_diags_free(d);
    return rc;
}
