/* Helpers shared by the subcommands. */
#include "cmd.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"

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

sy_date sy_cmd_today(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long secs = e && *e ? strtoll(e, &end, 10) : 0;
    if (!e || !*e || *end || secs < 0)
        secs = (long long)time(NULL);
    return sy_date_from_days((long)(secs / 86400));
}

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
