/* The sanya command line: one function per subcommand, and the helpers they
 * share. cmd/ only parses arguments and calls the library. */
#ifndef SY_CMD_H
#define SY_CMD_H

#include "core/error.h"
#include "core/value.h"

/* sysexits-style exit codes. */
enum {
    SY_EXIT_OK = 0,
    SY_EXIT_USAGE = 64,
    SY_EXIT_DATA = 65,
    SY_EXIT_NOINPUT = 66,
    SY_EXIT_SOFTWARE = 70,
    SY_EXIT_CANTCREAT = 73
};

/* Each subcommand gets argv with argv[0] = its own name. */
int sy_cmd_proof(int argc, char **argv);
int sy_cmd_date(int argc, char **argv);
int sy_cmd_check(int argc, char **argv);
int sy_cmd_build(int argc, char **argv);
int sy_cmd_extract(int argc, char **argv);
int sy_cmd_renew(int argc, char **argv);
int sy_cmd_batch(int argc, char **argv);

/* The folder holding fonts/manifest and templates/: $SANYA_DATA, else the
 * source tree the binary was built in (build/sanya -> .), else the install
 * prefix's share/sanya. Static storage. */
const char *sy_cmd_data_dir(void);

/* "Today" for what a document says as of a day: SOURCE_DATE_EPOCH when it
 * is set (reproducible builds), else the clock. Only cmd/ reads either. */
sy_date sy_cmd_today(void);

/* Exit code for a status. */
int sy_cmd_exit_code(sy_status s);
/* Prints every entry of d to stderr as "sanya: file:line:col: path: message". */
void sy_cmd_print_diags(const sy_diags *d);

#endif
