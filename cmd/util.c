/* Helpers shared by the subcommands. */
#include "cmd.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/excerpt.h"

#ifndef SY_DATADIR
#define SY_DATADIR "/usr/local/share/sanya"
#endif

static int has_manifest(const char *dir)
{
    char p[PATH_MAX + 64];
    struct stat st;
    snprintf(p, sizeof p, "%s/fonts/manifest", dir);
    return stat(p, &st) == 0;
}

const char *sy_cmd_data_dir(void)
{
    static char dir[PATH_MAX + 32];
    const char *env = getenv("SANYA_DATA");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
        return dir;
    }
    char exe[PATH_MAX - 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            snprintf(dir, sizeof dir, "%s/..", exe);
            if (has_manifest(dir))
                return dir;
            snprintf(dir, sizeof dir, "%s/../share/sanya", exe);
            if (has_manifest(dir))
                return dir;
        }
    }
    snprintf(dir, sizeof dir, "%s", SY_DATADIR);
    return dir;
}

/* The last second of 9999-12-31: the last day sy_date holds. */
#define LAST_EPOCH_SECOND 253402300799LL

sy_date sy_cmd_today(void)
{
    static int warned; /* once per run, however often "today" is asked */
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) { /* set but empty counts as unset */
        char *end = NULL;
        errno = 0;
        long long secs = strtoll(e, &end, 10);
        const char *why = NULL;
        if (*end || end == e || *e == ' ' || *e == '+')
            why = "is not a whole number";
        else if (secs < 0)
            why = "is negative";
        else if (errno == ERANGE || secs > LAST_EPOCH_SECOND)
            why = "is after the year 9999";
        if (!why)
            return sy_date_from_days((long)(secs / 86400));
        if (!warned)
            fprintf(stderr,
                    "sanya: warning: SOURCE_DATE_EPOCH='%s' %s: it must be the seconds since "
                    "1970-01-01 00:00 UTC, from 0 to %lld; using today's date instead\n",
                    e, why, LAST_EPOCH_SECOND);
        warned = 1;
    }
    return sy_date_from_days((long)((long long)time(NULL) / 86400));
}

int sy_cmd_need_value(const char *cmd, const char *option, const char *value)
{
    if (value && *value)
        return 0;
    fprintf(stderr, "sanya %s: %s needs a value, got an empty one\n", cmd, option);
    return -1;
}

int sy_cmd_need_name(const char *cmd, const char *what, const char *name)
{
    if (*name)
        return 0;
    fprintf(stderr, "sanya %s: the %s name is empty\n", cmd, what);
    return -1;
}

int sy_cmd_need_optarg(const char *cmd, const struct option *opts, int c, const char *value)
{
    const char *name = "the option";
    char buf[64];
    for (; opts->name; opts++)
        if (opts->val == c) {
            snprintf(buf, sizeof buf, "--%s", opts->name);
            name = buf;
            break;
        }
    return sy_cmd_need_value(cmd, name, value);
}

int sy_cmd_number(const char *s, double min, double max, double *out)
{
    char *end = NULL;
    double v = strtod(s, &end);
    /* strtod takes "nan", "inf" and hexadecimal: only finite numbers in
     * range pass, so a NaN never reaches a content stream. */
    if (!*s || end == s || *end || !isfinite(v) || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int sy_cmd_exit_code(sy_status s)
{
    return sy_status_exit_code(s);
}

static sy_cmd_color color_mode = SY_COLOR_AUTO;

static int color_value(const char *when)
{
    static const char *const names[] = {"auto", "always", "never"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(when, names[i]))
            return i;
    return -1;
}

int sy_cmd_take_color(int *argc, char **argv)
{
    int out = 1;
    int i = 1;
    for (; i < *argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--"))
            break;
        const char *when = NULL;
        if (!strncmp(arg, "--color=", 8))
            when = arg + 8;
        else if (!strcmp(arg, "--color")) {
            if (i + 1 >= *argc) {
                fprintf(stderr, "sanya: --color needs a value: auto, always or never\n");
                return -1;
            }
            when = argv[++i];
        }
        if (!when) {
            argv[out++] = argv[i];
            continue;
        }
        int v = color_value(when);
        if (v < 0) {
            fprintf(stderr, "sanya: --color expects auto, always or never, got '%s'\n", when);
            return -1;
        }
        color_mode = (sy_cmd_color)v;
    }
    for (; i < *argc; i++)
        argv[out++] = argv[i];
    argv[out] = NULL;
    *argc = out;
    return 0;
}

/* Whether diagnostics are shown as on a terminal, and in colour. stderr
 * decides: it is where they go (stdout may be a PDF or a report). */
static int rich_output(void)
{
    return color_mode == SY_COLOR_ALWAYS || isatty(STDERR_FILENO);
}

static int colored_output(void)
{
    if (color_mode != SY_COLOR_AUTO)
        return color_mode == SY_COLOR_ALWAYS;
    const char *no = getenv("NO_COLOR");
    return isatty(STDERR_FILENO) && !(no && *no);
}

void sy_cmd_print_diag(const sy_diag *e)
{
    if (!rich_output()) {
        char line[4096];
        sy_diag_format(e, line, sizeof line);
        fprintf(stderr, "sanya: %s\n", line);
        return;
    }
    /* kept for the whole run: a file with many problems is read once */
    static sy_sources *sources;
    if (!sources)
        sources = sy_sources_new();
    size_t len = 0;
    const char *src =
        e->file && e->line > 0 ? sy_sources_line(sources, e->file, e->line, &len) : NULL;
    sy_excerpt_options o = {colored_output(), "sanya"};
    sy_buf out = SY_BUF_INIT;
    sy_excerpt_append(&out, e, src, len, &o);
    if (sy_buf_failed(&out)) {
        char line[4096];
        sy_diag_format(e, line, sizeof line);
        fprintf(stderr, "sanya: %s\n", line);
    } else {
        fwrite(out.data, 1, out.len, stderr);
    }
    sy_buf_free(&out);
}

void sy_cmd_print_diags(const sy_diags *d)
{
    for (size_t i = 0; i < sy_diags_count(d); i++)
        sy_cmd_print_diag(sy_diags_get(d, i));
    if (sy_diags_lost(d))
        fprintf(stderr, "sanya: (some messages were lost: out of memory)\n");
}

int sy_cmd_split_option(const char **arg, char *opt, size_t n, const char **value)
{
    const char *eq = !strncmp(*arg, "--", 2) ? strchr(*arg, '=') : NULL;
    if (!eq || (size_t)(eq - *arg) >= n)
        return 0;
    memcpy(opt, *arg, (size_t)(eq - *arg));
    opt[eq - *arg] = 0;
    *arg = opt;
    *value = eq + 1;
    return 1;
}
