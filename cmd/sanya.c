/* sanya: the command-line front end. Dispatches to one function per
 * subcommand (cmd_*.c). */
#include "cmd.h"

#include <stdio.h>
#include <string.h>

typedef struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} subcommand;

static const subcommand commands[] = {
    {"build", sy_cmd_build, "render an agreement to a bilingual PDF"},
    {"check", sy_cmd_check, "validate an agreement file (and its roster) without rendering"},
    {"proof", sy_cmd_proof, "typeset a text file in the house fonts (font proof)"},
    {"date", sy_cmd_date, "print the Khmer lunar and Gregorian date lines of a day"},
    {"extract", sy_cmd_extract, "write out the files attached to a PDF (also a signed one)"},
    {"new", sy_cmd_new, "write a commented starting agreement to fill in"},
    {"renew", sy_cmd_renew, "write the agreement file of the next term (renewal)"},
    {"batch", sy_cmd_batch, "build a folder of agreements, rebuilding only what changed"},
    {"serve", sy_cmd_serve, "a local page for drafting agreements, with a live preview"},
};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sanya COMMAND [ARGS...]\n\n"
            "sanya turns agreement data into bilingual Khmer/English documents.\n\n"
            "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(f,
            "\n'sanya COMMAND --help' (or 'sanya help COMMAND') describes a command.\n\n"
            "options:\n"
            "  --color=WHEN   auto, always or never: colour diagnostics (before or after\n"
            "                 the command; default auto: when stderr is a terminal and\n"
            "                 NO_COLOR is unset or empty); always also shows them as on\n"
            "                 a terminal in a pipe or a file\n"
            "  -h, --help     this text\n\n"
            "diagnostics:\n"
            "Problems go to stderr, one line each, 'sanya: file:line:column: path:\n"
            "message'. On a terminal each shows as compilers do: 'file:line:column:\n"
            "error: path: message', then the source line with a caret under the\n"
            "column, then any 'did you mean' on a line of its own.\n\n"
            "environment:\n"
            "  NO_COLOR           set and not empty: no colours (unless --color=always)\n"
            "  SOURCE_DATE_EPOCH  seconds since 1970-01-01 UTC: 'today' for the cover\n"
            "                     sheet's status (reproducible builds)\n"
            "  SANYA_DATA         the folder of fonts/manifest and templates/ (default:\n"
            "                     the installed share/sanya)\n\n"
            "exit status: 0 ok, 64 usage, 65 bad data or template, 66 missing input,\n"
            "70 internal error, 73 cannot write the output.\n");
}

int main(int argc, char **argv)
{
    if (sy_cmd_take_color(&argc, argv) != 0)
        return SY_EXIT_USAGE;
    if (argc < 2) {
        usage(stderr);
        return SY_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
        (!strcmp(argv[1], "help") && argc == 2)) {
        usage(stdout);
        return SY_EXIT_OK;
    }
    if (!strcmp(argv[1], "help")) { /* sanya help COMMAND: the command's --help */
        for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
            if (!strcmp(argv[2], commands[i].name)) {
                char *help_argv[] = {argv[2], "--help", NULL};
                return commands[i].run(2, help_argv);
            }
        fprintf(stderr, "sanya help: unknown command '%s'\n", argv[2]);
        usage(stderr);
        return SY_EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "sanya: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return SY_EXIT_USAGE;
}
