/* The sanya command line: one function per subcommand, and the helpers they
 * share. cmd/ only parses arguments and calls the library. */
#ifndef SY_CMD_H
#define SY_CMD_H

#include <stddef.h>

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
int sy_cmd_new(int argc, char **argv);
int sy_cmd_batch(int argc, char **argv);
int sy_cmd_serve(int argc, char **argv);

/* The folder holding fonts/manifest and templates/: $SANYA_DATA, else the
 * source tree the binary was built in (build/sanya -> .), else the install
 * prefix's share/sanya. Static storage. */
const char *sy_cmd_data_dir(void);

/* "Today" for what a document says as of a day: SOURCE_DATE_EPOCH when it
 * is set (reproducible builds), else the clock. Only cmd/ reads either. A
 * SOURCE_DATE_EPOCH that is not a number of seconds from 0 to the end of
 * 9999 gets a warning on stderr (once), and the clock is used. */
sy_date sy_cmd_today(void);

/* 0 when the file or folder name given on the command line is not empty;
 * else prints "sanya CMD: the WHAT name is empty" and returns -1 (a usage
 * error). */
int sy_cmd_need_name(const char *cmd, const char *what, const char *name);

/* 0 when value is a non-empty option value; else prints "sanya CMD:
 * OPTION needs a value" and returns -1 (the caller exits 64). */
int sy_cmd_need_value(const char *cmd, const char *option, const char *value);

/* For the commands that read their options by hand: when *arg is
 * "--name=value" (name shorter than n), copies "--name" into opt, points
 * *arg at it and *value at the text after '=', and returns 1; else leaves
 * both and returns 0. */
int sy_cmd_split_option(const char **arg, char *opt, size_t n, const char **value);

/* The same for the value of getopt_long's option c of opts, named by
 * its long name. */
struct option;
int sy_cmd_need_optarg(const char *cmd, const struct option *opts, int c, const char *value);

/* Parses s as a finite number in [min, max] into *out; -1 (nothing
 * printed) for anything else, "nan" and "inf" among them. */
int sy_cmd_number(const char *s, double min, double max, double *out);

/* Exit code for a status. */
int sy_cmd_exit_code(sy_status s);

/* --color=WHEN, a global option: auto (the default) colours diagnostics
 * when stderr is a terminal and NO_COLOR is unset or empty; always also
 * into a pipe or a file (and shows them as on a terminal); never does not
 * colour. */
typedef enum sy_cmd_color { SY_COLOR_AUTO, SY_COLOR_ALWAYS, SY_COLOR_NEVER } sy_cmd_color;
/* Takes every "--color=WHEN" and "--color WHEN" out of argv[1..] (before a
 * "--"), wherever it is, before or after the command, and sets the mode.
 * Returns 0, or -1 after printing why for a WHEN that is not one of the
 * three (the caller exits 64). */
int sy_cmd_take_color(int *argc, char **argv);

/* Prints every entry of d to stderr. Into a pipe or a file (and with
 * --color=never off a terminal): "sanya: file:line:col: path: message", one
 * line each, exactly. On a terminal (or with --color=always) as compilers
 * do: "file:line:col: error: path: message", the source line with a caret
 * under the column, the "did you mean" on its own line, coloured unless
 * NO_COLOR or --color=never. */
void sy_cmd_print_diags(const sy_diags *d);
/* The same for one entry. */
void sy_cmd_print_diag(const sy_diag *e);

#endif
