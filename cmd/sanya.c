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
    fprintf(f, "\n'sanya COMMAND --help' describes a command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return SY_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return SY_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "sanya: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return SY_EXIT_USAGE;
}
