/* sanya batch: build a folder of agreements incrementally (lib/batch does
 * the work; this file parses arguments, shows progress and prints). */
#include "cmd.h"

#include <getopt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch/batch.h"
#include "core/date.h"
#include "core/file.h"
#include "core/limits.h"
#include "data/checklist.h"

static const char usage_text[] =
    "usage: sanya batch DIR -o OUT_DIR [--roster ROSTER.yaml] [--as-of DATE] [-j N]\n"
    "                   [--dry-run] [--force] [--report FILE.json] [--pdfa]\n"
    "                   [--renew-into RENEW_DIR [--force-renewals]]\n"
    "\n"
    "Builds every agreement under DIR (*.yaml, recursively; not roster files,\n"
    "hidden files, nor what DIR/.sanyaignore excludes) to OUT_DIR/same/path.pdf,\n"
    "rebuilding only the outputs whose inputs changed (agreement, template,\n"
    "fonts, the roster entries of its offices, sanya's version, the status its\n"
    "cover states) and saying why. OUT_DIR/.sanya-state records what each\n"
    "output was made from (docs/batch.md).\n"
    "\n"
    "options:\n"
    "  -o, --output DIR       the output folder (not DIR, nor inside it)\n"
    "  --roster FILE          who holds each office (default: the one roster file\n"
    "                         in DIR, a file with a top-level `offices:` key)\n"
    "  --as-of YYYY-MM-DD     the day the covers give the status at (default:\n"
    "                         SOURCE_DATE_EPOCH if set, else today)\n"
    "  -j, --jobs N           workers (default: the number of cores)\n"
    "  -n, --dry-run          list what would be rebuilt and why; write nothing\n"
    "  -f, --force            rebuild everything\n"
    "  --report FILE.json     write the report as JSON\n"
    "  --renew-into DIR       draft the renewal of each affected agreement (a\n"
    "                         signing office changed hands, or its renewal is due\n"
    "                         or past) as DIR/same/path/NAME-renewal-N.yaml, as\n"
    "                         `sanya renew` writes it: signed the day after the\n"
    "                         old term ends, or, after a change of holder, the\n"
    "                         day after --as-of; DIR must not be (nor be inside\n"
    "                         or around) the input or the output folder\n"
    "  --force-renewals       replace renewal files that exist (--force does not)\n"
    "  --pdfa                 write PDF/A-3b (default: as each template says);\n"
    "                         switching it rebuilds every output\n"
    "  -h, --help             this text\n"
    "\n"
    "exit status: 0 ok, 64 usage (also OUT_DIR inside DIR, or RENEW_DIR inside\n"
    "DIR or OUT_DIR), 65 an agreement or a renewal failed (the others are\n"
    "done), 66 missing input, 70 internal error, 73 cannot write.\n";

typedef struct progress {
    const char *renew_into;
    int tty;
    int live; /* a progress line is on the screen */
    const char *current; /* the input a worker took last */
    struct timespec start;
    size_t built, unchanged, failed, planned;
} progress;

static double seconds_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static void clear_line(progress *p)
{
    if (p->live) {
        fputs("\r\033[K", stderr);
        p->live = 0;
    }
}

/* What became of the item's renewal, as it happens. */
static void print_renewal(const progress *p, const sy_batch_item *it)
{
    char iso[11] = "";
    if (it->renewal_result == SY_BATCH_RENEWAL_NONE)
        return;
    fflush(stdout);
    /* Errors and warnings; the notes (the new holder the renewal names)
     * are in the JSON report. */
    const sy_diags *d = it->renewal_diags;
    for (size_t i = 0; d && i < sy_diags_count(d); i++)
        if (sy_diags_get(d, i)->severity != SY_SEV_NOTE)
            sy_cmd_print_diag(sy_diags_get(d, i));
    if (it->has_renewal_on)
        sy_date_format_iso(it->renewal_on, iso);
    printf("renewal %s -> %s/%s: ", it->input, p->renew_into, it->renewal_path);
    switch (it->renewal_result) {
    case SY_BATCH_RENEWAL_WRITTEN:
    case SY_BATCH_RENEWAL_WOULD_WRITE:
        printf("%s, signed %s (%s)\n",
               it->renewal_result == SY_BATCH_RENEWAL_WRITTEN ? "written" : "would be written", iso,
               it->renewal_dated == SY_BATCH_RENEWAL_AFTER_AS_OF
                   ? "the day after --as-of: a signing office changed hands"
                   : "the day after the old term ends");
        break;
    case SY_BATCH_RENEWAL_EXISTS:
        printf("not written: %s\n", it->renewal_why_not ? it->renewal_why_not : "exists");
        break;
    default:
        printf("failed\n");
    }
}

static void on_progress(void *user, const sy_batch_item *it, int started, size_t done, size_t total)
{
    progress *p = user;
    if (started)
        p->current = it->input;
    else {
        switch (it->result) {
        case SY_BATCH_BUILT:
            p->built++;
            break;
        case SY_BATCH_UNCHANGED:
            p->unchanged++;
            break;
        case SY_BATCH_WOULD_BUILD:
            p->planned++;
            break;
        default:
            p->failed++;
        }
        clear_line(p);
        if (it->result == SY_BATCH_FAILED) {
            fflush(stdout);
            sy_cmd_print_diags(it->diags);
            printf("failed %s\n", it->input);
        } else if (it->result != SY_BATCH_UNCHANGED) {
            fflush(stdout);
            sy_cmd_print_diags(it->diags); /* warnings */
            printf("%s %s -> %s: %s\n", it->result == SY_BATCH_BUILT ? "built" : "would build",
                   it->input, it->output, it->reasons ? it->reasons : "");
        }
        print_renewal(p, it);
        fflush(stdout);
    }
    if (!p->tty)
        return;
    clear_line(p);
    double elapsed = seconds_since(&p->start);
    char left[32] = "";
    if (done > 0 && done < total) {
        double rest = elapsed / (double)done * (double)(total - done);
        snprintf(left, sizeof left, ", ~%.0fs left", rest + 0.5);
    }
    fprintf(stderr, "[%zu/%zu] %zu built, %zu unchanged, %zu failed%s  %.60s", done, total,
            p->built + p->planned, p->unchanged, p->failed, left,
            done < total && p->current ? p->current : "");
    p->live = 1;
}

/* Whether path lies in out_dir (as written: "OUT/r.json", "OUT/sub/r.json")
 * while out_dir does not exist yet. */
static int in_missing_out_dir(const char *path, const char *out_dir)
{
    struct stat st;
    size_t n = strlen(out_dir);
    while (n > 1 && out_dir[n - 1] == '/')
        n--;
    return stat(out_dir, &st) != 0 && errno == ENOENT && !strncmp(path, out_dir, n) &&
        path[n] == '/';
}

/* The facts an office acts on, for the agreements that have any. */
static void print_report(const sy_batch *b)
{
    for (size_t i = 0; i < sy_batch_count(b); i++) {
        const sy_batch_item *it = sy_batch_item_at(b, i);
        if (!it->has_status || (!it->nchanges && it->renewal == SY_RENEWAL_FINE))
            continue;
        char iso[11];
        sy_date_format_iso(it->renew_by, iso);
        printf("%s (%s): renewal %s, renew by %s\n", it->id ? it->id : it->input, it->input,
               sy_renewal_state_name((sy_renewal_state)it->renewal), iso);
        for (size_t j = 0; j < it->nchanges; j++) {
            const sy_batch_change *c = &it->changes[j];
            sy_date_format_iso(c->date, iso);
            printf("  %s: %s -> %s since %s\n", c->office, c->old_en ? c->old_en : "(vacant)",
                   c->new_en ? c->new_en : "(vacant)", iso);
        }
        for (size_t j = 0; j < it->nrestarts; j++)
            printf("  restart: %s (%s)\n", sy_approval_step_name(it->restarts[j].step),
                   it->restarts[j].party ? it->restarts[j].party : "-");
        if (it->renewal_result != SY_BATCH_RENEWAL_NONE)
            printf("  renewal: %s/%s (%s)\n", sy_batch_renew_into(b), it->renewal_path,
                   it->renewal_result == SY_BATCH_RENEWAL_WRITTEN           ? "written"
                       : it->renewal_result == SY_BATCH_RENEWAL_WOULD_WRITE ? "would be written"
                       : it->renewal_result == SY_BATCH_RENEWAL_EXISTS      ? "exists, not written"
                                                                            : "failed");
    }
}

int sy_cmd_batch(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'},   {"roster", required_argument, NULL, 'r'},
        {"as-of", required_argument, NULL, 'A'},    {"jobs", required_argument, NULL, 'j'},
        {"dry-run", no_argument, NULL, 'n'},        {"force", no_argument, NULL, 'f'},
        {"report", required_argument, NULL, 'R'},   {"renew-into", required_argument, NULL, 'N'},
        {"force-renewals", no_argument, NULL, 'F'}, {"pdfa", no_argument, NULL, 'P'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    sy_batch_options o = {sy_cmd_data_dir(), NULL, NULL, NULL, {0, 0, 0}, 0, 0, 0, NULL, 0, 0};
    const char *report = NULL;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:j:nfh", opts, NULL)) != -1) {
        if ((c == 'o' || c == 'r' || c == 'R' || c == 'N') &&
            sy_cmd_need_optarg("batch", opts, c, optarg))
            return SY_EXIT_USAGE;
        switch (c) {
        case 'o':
            o.out_dir = optarg;
            break;
        case 'r':
            o.roster = optarg;
            break;
        case 'A':
            if (sy_date_parse_iso(optarg, strlen(optarg), &o.as_of) != 0) {
                fprintf(stderr, "sanya batch: --as-of expects a date YYYY-MM-DD, got '%s'\n",
                        optarg);
                return SY_EXIT_USAGE;
            }
            break;
        case 'j': {
            char *end = NULL;
            long n = strtol(optarg, &end, 10);
            if (!*optarg || *end || n < 1 || n > SY_LIMIT_BATCH_JOBS) {
                fprintf(stderr, "sanya batch: -j expects a number from 1 to %d, got '%s'\n",
                        SY_LIMIT_BATCH_JOBS, optarg);
                return SY_EXIT_USAGE;
            }
            o.jobs = (int)n;
            break;
        }
        case 'n':
            o.dry_run = 1;
            break;
        case 'f':
            o.force = 1;
            break;
        case 'R':
            report = optarg;
            break;
        case 'N':
            o.renew_into = optarg;
            break;
        case 'P':
            o.pdfa = 1;
            break;
        case 'F':
            o.force_renewals = 1;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return SY_EXIT_OK;
        default:
            fprintf(stderr, "sanya batch: unknown option or missing value: '%s'\n\n",
                    argv[optind - 1]);
            fputs(usage_text, stderr);
            return SY_EXIT_USAGE;
        }
    }
    if (optind != argc - 1 || !o.out_dir) {
        fprintf(stderr, "sanya batch: %s\n\n",
                optind >= argc   ? "no input folder given"
                    : !o.out_dir ? "no output folder given (-o OUT_DIR)"
                                 : "one input folder at a time");
        fputs(usage_text, stderr);
        return SY_EXIT_USAGE;
    }
    o.in_dir = argv[optind];
    if (sy_cmd_need_name("batch", "input folder", o.in_dir) != 0)
        return SY_EXIT_USAGE;
    if (!sy_date_valid(o.as_of))
        o.as_of = sy_cmd_today();
    if (!o.jobs) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        o.jobs = n < 1 ? 1 : n > SY_LIMIT_BATCH_JOBS ? SY_LIMIT_BATCH_JOBS : (int)n;
    }
    sy_diags *d = sy_diags_new();
    if (!d)
        return SY_EXIT_SOFTWARE;
    sy_batch *b = NULL;
    /* The report never goes over an input (an agreement of the folder, the
     * roster) nor onto a pipe or a device: said before any work. */
    const char *inputs[] = {o.in_dir, o.roster};
    /* A report inside an output folder the batch has yet to make is checked
     * when it is written, once the folder exists. */
    int report_later = report && in_missing_out_dir(report, o.out_dir);
    sy_status st = report && !report_later ? sy_file_check_output(report, inputs, 2, d) : SY_OK;
    if (st != SY_OK) {
        sy_cmd_print_diags(d);
        sy_diags_free(d);
        return sy_cmd_exit_code(st);
    }
    st = sy_batch_new(&o, &b, d);
    progress p = {NULL, isatty(STDERR_FILENO), 0, NULL, {0, 0}, 0, 0, 0, 0};
    if (b)
        p.renew_into = sy_batch_renew_into(b);
    clock_gettime(CLOCK_MONOTONIC, &p.start);
    if (st == SY_OK)
        st = sy_batch_run(b, on_progress, &p, d);
    clear_line(&p);
    sy_cmd_print_diags(d);
    int rc = sy_cmd_exit_code(st);
    if (b) {
        print_report(b);
        printf("%zu built, %zu unchanged, %zu failed%s (%zu agreement%s, %.1f s)\n",
               sy_batch_result_count(b, SY_BATCH_BUILT) +
                   sy_batch_result_count(b, SY_BATCH_WOULD_BUILD),
               sy_batch_result_count(b, SY_BATCH_UNCHANGED), sy_batch_failed_count(b),
               o.dry_run ? " (dry run: would be built, nothing written)" : "", sy_batch_count(b),
               sy_batch_count(b) == 1 ? "" : "s", seconds_since(&p.start));
        if (sy_batch_renew_into(b))
            printf("renewals: %zu %s, %zu exist (not written), %zu failed\n",
                   sy_batch_renewal_count(
                       b, o.dry_run ? SY_BATCH_RENEWAL_WOULD_WRITE : SY_BATCH_RENEWAL_WRITTEN),
                   o.dry_run ? "would be written" : "written",
                   sy_batch_renewal_count(b, SY_BATCH_RENEWAL_EXISTS),
                   sy_batch_renewal_count(b, SY_BATCH_RENEWAL_FAILED));
        if (report) {
            sy_buf json = SY_BUF_INIT;
            sy_batch_report_json(b, &json);
            sy_diags_clear(d);
            sy_status rs = sy_buf_failed(&json) ? SY_ERR_NOMEM
                : report_later                  ? sy_file_check_output(report, inputs, 2, d)
                                                : SY_OK;
            if (rs == SY_OK)
                rs = sy_file_write_atomic(report, json.data, json.len, d);
            sy_cmd_print_diags(d);
            sy_buf_free(&json);
            if (rs != SY_OK && rc == SY_EXIT_OK)
                rc = sy_cmd_exit_code(rs);
        }
        if (rc == SY_EXIT_OK &&
            (sy_batch_failed_count(b) || sy_batch_renewal_count(b, SY_BATCH_RENEWAL_FAILED)))
            rc = SY_EXIT_DATA;
    }
    sy_batch_free(b);
    sy_diags_free(d);
    return rc;
}
