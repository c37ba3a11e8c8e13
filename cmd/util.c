/* Helpers shared by the subcommands. */
#include "cmd.h"

#include <stdio.h>

int sy_cmd_exit_code(sy_status s)
{
    switch (s) {
    case SY_OK:
        return SY_EXIT_OK;
    case SY_ERR_USAGE:
        return SY_EXIT_USAGE;
    case SY_ERR_DATA:
    case SY_ERR_LIMIT:
        return SY_EXIT_DATA;
    case SY_ERR_NOINPUT:
        return SY_EXIT_NOINPUT;
    case SY_ERR_CANTCREAT:
        return SY_EXIT_CANTCREAT;
    case SY_ERR_NOMEM:
    case SY_ERR_INTERNAL:
        break;
    }
    return SY_EXIT_SOFTWARE;
}

void sy_cmd_print_diags(const sy_diags *d)
{
    char line[4096];
    for (size_t i = 0; i < sy_diags_count(d); i++) {
        sy_diag_format(sy_diags_get(d, i), line, sizeof line);
        fprintf(stderr, "sanya: %s\n", line);
    }
    if (sy_diags_lost(d))
        fprintf(stderr, "sanya: (some messages were lost: out of memory)\n");
}
