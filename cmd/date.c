/* sanya date: prints the date lines of a document for one day (the Khmer
 * lunar line, the Khmer Gregorian line, the English line). */
#include "cmd.h"

#include "cal/cal.h"
#include "core/date.h"

#include <stdio.h>
#include <string.h>

static void date_usage(FILE *f)
{
    fprintf(f,
            "usage: sanya date YYYY-MM-DD\n\n"
            "Prints the three date lines of a Cambodian document for that day:\n"
            "  1. the Khmer lunar date (weekday, lunar day and month, animal year,\n"
            "     era, Buddhist Era), e.g.\n"
            "     ថ្ងៃពុធ ៤កើត ខែជេស្ឋ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០\n"
            "  2. the Gregorian date in Khmer, as it follows the lunar line:\n"
            "     ត្រូវនឹងថ្ងៃទី២០ ខែឧសភា ឆ្នាំ២០២៦\n"
            "  3. the Gregorian date in English: 20 May 2026\n\n"
            "The lunar calendar covers %d-01-01 to %d-12-31.\n"
            "Exit status: 0 on success, 64 for bad usage, 65 for a bad date.\n",
            SY_CAL_FIRST_YEAR, SY_CAL_LAST_YEAR);
}

int sy_cmd_date(int argc, char **argv)
{
    const char *arg = NULL;
    int options_end = 0;
    for (int i = 1; i < argc; i++) {
        if (!options_end && !strcmp(argv[i], "--")) {
            options_end = 1; /* what follows is the date */
            continue;
        }
        if (!options_end && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
            date_usage(stdout);
            return SY_EXIT_OK;
        }
        if (!options_end && argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sanya date: unknown option '%s'\n", argv[i]);
            date_usage(stderr);
            return SY_EXIT_USAGE;
        }
        if (arg) {
            fprintf(stderr, "sanya date: expected one date, got '%s' and '%s'\n", arg, argv[i]);
            return SY_EXIT_USAGE;
        }
        arg = argv[i];
    }
    if (!arg) {
        date_usage(stderr);
        return SY_EXIT_USAGE;
    }

    sy_date d;
    if (sy_date_parse_iso(arg, strlen(arg), &d) != 0) {
        fprintf(stderr,
                "sanya date: '%s' is not a date: expected a real date as YYYY-MM-DD "
                "(e.g. 2025-06-12)\n",
                arg);
        return SY_EXIT_DATA;
    }
    sy_buf out = SY_BUF_INIT;
    sy_status st = sy_cal_format_dateline_km(d, NULL, &out);
    if (st == SY_OK) {
        sy_buf_putc(&out, '\n');
        st = sy_cal_format_en(d, &out);
    }
    if (st == SY_ERR_DATA) {
        fprintf(stderr,
                "sanya date: %s is outside the lunar calendar: expected a date from "
                "%d-01-01 to %d-12-31\n",
                arg, SY_CAL_FIRST_YEAR, SY_CAL_LAST_YEAR);
    } else if (st != SY_OK) {
        fprintf(stderr, "sanya date: cannot format %s: %s\n", arg, sy_status_name(st));
    } else {
        fwrite(out.data, 1, out.len, stdout);
        fputc('\n', stdout);
        if (fflush(stdout) != 0) {
            sy_buf_free(&out);
            return SY_EXIT_CANTCREAT;
        }
    }
    sy_buf_free(&out);
    return sy_cmd_exit_code(st);
}
