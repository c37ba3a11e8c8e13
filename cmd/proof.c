/* sanya proof: typeset a text file in the house fonts (work in progress). */
#include "cmd.h"

#include <stdio.h>

int sy_cmd_proof(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "sanya proof: not built yet\n");
    return SY_EXIT_SOFTWARE;
}
