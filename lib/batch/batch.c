/* sanya batch: finding the agreements of a folder, deciding which outputs
 * are out of date and why, and building those with a pool of threads, each
 * with its own sy_builder (fonts, templates and caches set up once per
 * worker). Outputs and the state file are written atomically, the state
 * file after each output is in place, so that a kill at any moment leaves
 * each entry no newer than its output. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "batch/batch.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "batch/batch_internal.h"
#include "builder/builder.h"
#include "core/date.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/limits.h"
#include "data/checklist.h"
#include "data/data.h"
#include "data/renew.h"
#include "font/font.h"
#include "sanya.h"

/* The hash of a template folder, computed once per batch. */
typedef struct template_hash {
    char *dir;
    char hex[SY_BATCH_HEX];
} template_hash;

/* A renewal file name taken in this run, and by which item. */
typedef struct renewal_claim {
    const char *path; /* the item's renewal_path */
    size_t item;
} renewal_claim;

struct sy_batch {
    char *data_dir, *in_dir, *out_dir; /* as given (messages name files as the user does) */
    char *roster_path;
    char *renew_into; /* as given; NULL: no renewals */
    char *in_real, *out_real, *roster_real; /* resolved, for the renewals' checks */
    sy_date as_of;
    int jobs, dry_run, force, force_renewals, pdfa;
    char *ignore; /* the ignore file's text, or NULL */
    sy_batch_item *items;
    size_t nitems, cap;
    sy_batch_entry *old; /* the state file as read */
    size_t nold;
    const sy_batch_entry **item_old; /* per item: its entry in old, or NULL */
    sy_batch_entry *item_new; /* per item: the entry of the output just built */
    int *has_new;
    /* While running. */
    pthread_mutex_t lock;
    size_t next, done;
    sy_roster *roster;
    char fonts_hex[SY_BATCH_HEX];
    template_hash *templates;
    size_t ntemplates;
    sy_batch_progress_fn progress;
    void *user;
    sy_diags *run_diags;
    sy_status state_status;
    /* The state file is rewritten at most every STATE_INTERVAL_NS while
     * outputs are made (and once at the end): entries may lag their outputs
     * by that much work, which a re-run rebuilds, never the opposite. Under
     * lock. */
    struct timespec state_at;
    int state_dirty;
    unsigned char *old_taken; /* per old entry: an item's (made once) */
    renewal_claim *claims; /* nitems slots, nclaims used; under lock */
    size_t nclaims;
};

static sy_status nomem(sy_diags *d)
{
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

static char *join(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *p = malloc(na + nb + 2);
    if (!p)
        return NULL;
    memcpy(p, a, na);
    p[na] = '/';
    memcpy(p + na + 1, b, nb + 1);
    return p;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* ---- Folders ---- */

/* An absolute path without symlinks for path, which need not exist yet:
 * realpath of its longest existing ancestor, then the rest as written. */
static char *resolve(const char *path)
{
    char *r = realpath(path, NULL);
    if (r)
        return r;
    char *copy = strdup(path);
    if (!copy)
        return NULL;
    size_t n = strlen(copy);
    while (n > 1 && copy[n - 1] == '/')
        copy[--n] = 0;
    char *slash = strrchr(copy, '/');
    char *parent, *last;
    if (!slash) {
        parent = realpath(".", NULL);
        last = copy;
    } else {
        *slash = 0;
        parent = slash == copy ? strdup("/") : resolve(copy);
        last = slash + 1;
    }
    char *out = NULL;
    if (parent) {
        if (!strcmp(last, ".") || !*last)
            out = strdup(parent);
        else if (!strcmp(last, "..")) {
            char *s = strrchr(parent, '/');
            if (s)
                *(s == parent ? s + 1 : s) = 0;
            out = strdup(parent);
        } else
            out = strcmp(parent, "/") ? join(parent, last) : join("", last);
    }
    free(parent);
    free(copy);
    return out;
}

/* A copy of path without trailing slashes ("/" stays). */
static char *strip_slashes(const char *path)
{
    char *p = strdup(path);
    size_t n = p ? strlen(p) : 0;
    while (n > 1 && p[n - 1] == '/')
        p[--n] = 0;
    return p;
}

/* Non-zero when path is dir or inside it (both absolute, resolved). */
static int inside(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (!strcmp(dir, "/"))
        return 1;
    return !strncmp(path, dir, n) && (path[n] == 0 || path[n] == '/');
}

/* Creates the folders of path (a file's path) that do not exist. */
static int make_parents(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return -1;
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

/* ---- Finding the agreements ---- */

int sy_batch_is_roster_text(const char *data, size_t len)
{
    size_t key = strlen("offices:");
    for (size_t pos = 0; pos < len;) {
        if (len - pos >= key && !memcmp(data + pos, "offices:", key))
            return 1;
        const char *nl = memchr(data + pos, '\n', len - pos);
        if (!nl)
            break;
        pos = (size_t)(nl - data) + 1;
    }
    return 0;
}

int sy_batch_ignored(const char *patterns, const char *relpath)
{
    if (!patterns)
        return 0;
    const char *name = strrchr(relpath, '/');
    name = name ? name + 1 : relpath;
    const char *p = patterns;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char pat[PATH_MAX];
        size_t start = 0;
        while (start < n && (p[start] == ' ' || p[start] == '\t'))
            start++;
        while (n > start && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
            n--;
        if (n > start && p[start] != '#' && n - start < sizeof pat) {
            memcpy(pat, p + start, n - start);
            pat[n - start] = 0;
            size_t len = n - start;
            while (len > 1 && pat[len - 1] == '/') /* "drafts/" names a folder */
                pat[--len] = 0;
            if (strchr(pat, '/')) {
                const char *anchored = pat[0] == '/' ? pat + 1 : pat;
                if (!fnmatch(anchored, relpath, FNM_PATHNAME))
                    return 1;
            } else if (!fnmatch(pat, name, 0))
                return 1;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the names in dir (sorted, "." and ".." left out) into *names. */
static int list_dir(const char *dir, char ***names, size_t *n)
{
    DIR *dh = opendir(dir);
    *names = NULL;
    *n = 0;
    if (!dh)
        return -1;
    size_t cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(dh))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            char **nn = realloc(*names, ncap * sizeof *nn);
            if (!nn) {
                rc = -1;
                break;
            }
            *names = nn;
            cap = ncap;
        }
        if (!((*names)[*n] = strdup(e->d_name))) {
            rc = -1;
            break;
        }
        (*n)++;
    }
    closedir(dh);
    if (*n)
        qsort(*names, *n, sizeof **names, cmp_names);
    return rc;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

typedef struct scan {
    sy_batch *b;
    const char *roster_real; /* the --roster file, resolved, or NULL */
    char *found_roster; /* the first roster file found */
    size_t nrosters;
    sy_diags *d;
} scan;

static sy_status add_item(sy_batch *b, const char *rel, sy_diags *d)
{
    if (b->nitems >= SY_LIMIT_BATCH_FILES)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, b->in_dir, 0, 0, NULL,
                            "more than %d agreement files in one batch", (int)SY_LIMIT_BATCH_FILES);
    if (b->nitems == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 64;
        sy_batch_item *na = realloc(b->items, ncap * sizeof *na);
        if (!na)
            return nomem(d);
        b->items = na;
        b->cap = ncap;
    }
    sy_batch_item *it = &b->items[b->nitems];
    memset(it, 0, sizeof *it);
    size_t n = strlen(rel);
    it->input = strdup(rel);
    it->output = malloc(n + 1);
    it->diags = sy_diags_new();
    if (!it->input || !it->output || !it->diags) {
        free(it->input);
        free(it->output);
        sy_diags_free(it->diags);
        return nomem(d);
    }
    memcpy(it->output, rel, n - 5);
    memcpy(it->output + n - 5, ".pdf", 5);
    b->nitems++;
    return SY_OK;
}

static sy_status scan_dir(scan *s, const char *rel, int depth)
{
    sy_batch *b = s->b;
    if (depth > SY_LIMIT_BATCH_DEPTH)
        return sy_diags_add(s->d, SY_SEV_ERROR, SY_ERR_LIMIT, b->in_dir, 0, 0, NULL,
                            "folders nested more than %d deep (a symbolic link loop?) at %s",
                            SY_LIMIT_BATCH_DEPTH, rel);
    char *dir = *rel ? join(b->in_dir, rel) : strdup(b->in_dir);
    if (!dir)
        return nomem(s->d);
    char **names;
    size_t n;
    sy_status st = SY_OK;
    if (list_dir(dir, &names, &n) != 0)
        st = sy_diags_add(s->d, SY_SEV_ERROR, SY_ERR_NOINPUT, dir, 0, 0, NULL,
                          "cannot read the folder: %s", strerror(errno));
    for (size_t i = 0; st == SY_OK && i < n; i++) {
        if (names[i][0] == '.') /* hidden: .git, .sanyaignore, editors' files */
            continue;
        char *relpath = *rel ? join(rel, names[i]) : strdup(names[i]);
        char *path = relpath ? join(b->in_dir, relpath) : NULL;
        struct stat stt, lst;
        if (!relpath || !path)
            st = nomem(s->d);
        else if (sy_batch_ignored(b->ignore, relpath) || lstat(path, &lst) != 0 ||
                 stat(path, &stt) != 0)
            ;
        else if (S_ISDIR(stt.st_mode) && S_ISLNK(lst.st_mode))
            /* A link to a folder could lead anywhere (/etc) or round in a
             * loop: not followed. Links to files are. */
            sy_diags_add(s->d, SY_SEV_WARNING, SY_OK, path, 0, 0, NULL,
                         "a symbolic link to a folder: not followed (skipped)");
        else if (S_ISDIR(stt.st_mode))
            st = scan_dir(s, relpath, depth + 1);
        else if (!S_ISREG(stt.st_mode) && ends_with(names[i], ".yaml"))
            sy_diags_add(s->d, SY_SEV_WARNING, SY_OK, path, 0, 0, NULL,
                         "not a regular file (a pipe or a device): skipped");
        else if (S_ISREG(stt.st_mode) && ends_with(names[i], ".yaml")) {
            char *real = realpath(path, NULL);
            char *data = NULL;
            size_t len = 0;
            int is_given = s->roster_real && real && !strcmp(real, s->roster_real);
            if (is_given)
                ;
            else if (sy_file_read_max(path, SY_LIMIT_YAML_BYTES, &data, &len, NULL) == SY_OK &&
                     sy_batch_is_roster_text(data, len)) {
                if (!s->nrosters++ && !(s->found_roster = strdup(path)))
                    st = nomem(s->d);
            } else
                st = add_item(b, relpath, s->d); /* unreadable: its build says why */
            free(data);
            free(real);
        }
        free(relpath);
        free(path);
    }
    free_names(names, n);
    free(dir);
    return st;
}

/* ---- Setting up ---- */

static int cmp_items(const void *a, const void *b)
{
    return strcmp(((const sy_batch_item *)a)->input, ((const sy_batch_item *)b)->input);
}

static sy_status read_state(sy_batch *b, sy_diags *d)
{
    char *path = join(b->out_dir, SY_BATCH_STATE_FILE);
    if (!path)
        return nomem(d);
    char *text = NULL;
    size_t len = 0;
    struct stat st;
    sy_status s = SY_OK;
    if (stat(path, &st) == 0) {
        s = sy_file_read_max(path, SY_LIMIT_BATCH_STATE_BYTES, &text, &len, d);
        if (s == SY_OK && sy_batch_state_parse(text, len, &b->old, &b->nold) != 0)
            s = nomem(d);
    }
    free(text);
    free(path);
    if (s != SY_OK)
        return s;
    for (size_t i = 0; i < b->nitems; i++)
        for (size_t j = 0; j < b->nold; j++)
            if (!strcmp(b->old[j].output, b->items[i].output))
                b->item_old[i] = &b->old[j];
    return SY_OK;
}

/* The renewal folder is neither folder nor inside or around either: a
 * renewal in the input folder would be read as an agreement by the next
 * scan, one in the output folder would mix drafts with the built PDFs (and
 * a folder around the input folder would put renewals into it). */
static sy_status check_renew_into(sy_batch *b, const sy_batch_options *o, sy_diags *d)
{
    struct stat st;
    if (stat(o->renew_into, &st) == 0 && !S_ISDIR(st.st_mode))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, o->renew_into, 0, 0, NULL,
                            "the renewal folder exists and is not a folder");
    char *real = resolve(o->renew_into);
    if (!real || !(b->renew_into = strip_slashes(o->renew_into))) {
        free(real);
        return nomem(d);
    }
    const char *dirs[] = {b->in_real, b->out_real};
    const char *given[] = {o->in_dir, o->out_dir};
    const char *what[] = {"input", "output"};
    sy_status s = SY_OK;
    for (int i = 0; i < 2 && s == SY_OK; i++) {
        const char *rel = !strcmp(real, dirs[i]) ? "the same as"
            : inside(real, dirs[i])              ? "inside"
            : inside(dirs[i], real)              ? "around"
                                                 : NULL;
        if (rel)
            s = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                             "the renewal folder %s is %s the %s folder %s: renewals must not mix "
                             "with the %s",
                             o->renew_into, rel, what[i], given[i],
                             i ? "built documents" : "agreements the next run reads");
    }
    free(real);
    return s;
}

sy_status sy_batch_new(const sy_batch_options *o, sy_batch **out, sy_diags *d)
{
    *out = NULL;
    if (!o->in_dir || !o->out_dir || !o->data_dir || o->jobs < 1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                            "a batch needs an input folder, an output folder and workers");
    struct stat st;
    if (stat(o->in_dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, o->in_dir, 0, 0, NULL,
                            "not a folder of agreements");
    if (stat(o->out_dir, &st) == 0 && !S_ISDIR(st.st_mode))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, o->out_dir, 0, 0, NULL,
                            "the output folder exists and is not a folder");
    sy_batch *b = calloc(1, sizeof *b);
    if (!b)
        return nomem(d);
    b->as_of = o->as_of;
    b->jobs = o->jobs > SY_LIMIT_BATCH_JOBS ? SY_LIMIT_BATCH_JOBS : o->jobs;
    b->dry_run = o->dry_run;
    b->force = o->force;
    b->force_renewals = o->force_renewals;
    b->pdfa = o->pdfa;
    b->data_dir = strdup(o->data_dir);
    b->in_dir = strip_slashes(o->in_dir);
    b->out_dir = strip_slashes(o->out_dir);
    /* Compared resolved: symbolic links, "..", a folder not made yet. */
    char *in_real = b->in_real = realpath(o->in_dir, NULL);
    char *out_real = b->out_real = resolve(o->out_dir);
    sy_status s = SY_OK;
    char *roster_real = NULL;
    if (!b->data_dir || !b->in_dir || !b->out_dir || !in_real || !out_real)
        s = nomem(d);
    else if (inside(out_real, in_real))
        s = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                         "the output folder %s is %s the input folder %s: outputs and the state "
                         "file must not mix with the inputs",
                         o->out_dir, strcmp(out_real, in_real) ? "inside" : "the same as",
                         o->in_dir);
    if (s == SY_OK && o->renew_into)
        s = check_renew_into(b, o, d);
    if (s == SY_OK && o->roster) {
        if (!(roster_real = realpath(o->roster, NULL)))
            s = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, o->roster, 0, 0, NULL,
                             "cannot find the roster: %s", strerror(errno));
        else if (inside(roster_real, out_real))
            s = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, o->roster, 0, 0, NULL,
                             "the roster is inside the output folder %s, where an output could "
                             "replace it",
                             o->out_dir);
        else if (!(b->roster_path = strdup(o->roster)))
            s = nomem(d);
    }
    if (s == SY_OK) {
        char *ignore_path = join(b->in_dir, SY_BATCH_IGNORE_FILE);
        size_t len;
        if (!ignore_path)
            s = nomem(d);
        else if (stat(ignore_path, &st) == 0)
            s = sy_file_read_max(ignore_path, SY_LIMIT_BATCH_IGNORE_BYTES, &b->ignore, &len, d);
        free(ignore_path);
    }
    scan sc = {b, roster_real, NULL, 0, d};
    if (s == SY_OK)
        s = scan_dir(&sc, "", 0);
    if (s == SY_OK && !b->roster_path && sc.nrosters == 1) {
        b->roster_path = sc.found_roster;
        sc.found_roster = NULL;
    }
    free(sc.found_roster);
    b->roster_real = roster_real;
    if (s == SY_OK && b->roster_path && !b->roster_real)
        b->roster_real = realpath(b->roster_path, NULL);
    if (s == SY_OK && b->nitems)
        qsort(b->items, b->nitems, sizeof *b->items, cmp_items);
    if (s == SY_OK) {
        size_t n = b->nitems ? b->nitems : 1;
        b->item_old = calloc(n, sizeof *b->item_old);
        b->item_new = calloc(n, sizeof *b->item_new);
        b->has_new = calloc(n, sizeof *b->has_new);
        b->claims = calloc(n, sizeof *b->claims);
        if (!b->item_old || !b->item_new || !b->has_new || !b->claims)
            s = nomem(d);
    }
    if (s == SY_OK)
        s = read_state(b, d);
    if (s != SY_OK) {
        sy_batch_free(b);
        return s;
    }
    *out = b;
    return SY_OK;
}

static void item_clear(sy_batch_item *it)
{
    free(it->input);
    free(it->output);
    free(it->id);
    free(it->reasons);
    sy_diags_free(it->diags);
    for (size_t i = 0; i < it->nchanges; i++) {
        sy_batch_change *c = &it->changes[i];
        free(c->party);
        free(c->office);
        free(c->old_km);
        free(c->old_en);
        free(c->new_km);
        free(c->new_en);
    }
    free(it->changes);
    for (size_t i = 0; i < it->nrestarts; i++)
        free(it->restarts[i].party);
    free(it->restarts);
    free(it->renewal_path);
    free(it->renewal_why_not);
    sy_diags_free(it->renewal_diags);
}

void sy_batch_free(sy_batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->nitems; i++) {
        item_clear(&b->items[i]);
        if (b->has_new && b->has_new[i]) {
            free(b->item_new[i].output);
            free(b->item_new[i].changes);
        }
    }
    free(b->items);
    free(b->item_old);
    free(b->item_new);
    free(b->has_new);
    free(b->old_taken);
    sy_batch_entries_free(b->old, b->nold);
    for (size_t i = 0; i < b->ntemplates; i++)
        free(b->templates[i].dir);
    free(b->templates);
    free(b->ignore);
    free(b->data_dir);
    free(b->in_dir);
    free(b->out_dir);
    free(b->roster_path);
    free(b->renew_into);
    free(b->in_real);
    free(b->out_real);
    free(b->roster_real);
    free(b->claims);
    free(b);
}

size_t sy_batch_count(const sy_batch *b)
{
    return b->nitems;
}

const sy_batch_item *sy_batch_item_at(const sy_batch *b, size_t i)
{
    return i < b->nitems ? &b->items[i] : NULL;
}

const char *sy_batch_roster(const sy_batch *b)
{
    return b->roster_path;
}

sy_date sy_batch_as_of(const sy_batch *b)
{
    return b->as_of;
}

int sy_batch_dry_run(const sy_batch *b)
{
    return b->dry_run;
}

const char *sy_batch_renew_into(const sy_batch *b)
{
    return b->renew_into;
}

size_t sy_batch_renewal_count(const sy_batch *b, sy_batch_renewal_result r)
{
    size_t n = 0;
    for (size_t i = 0; i < b->nitems; i++)
        n += b->items[i].renewal_result == r;
    return n;
}

const char *sy_batch_renewal_result_name(sy_batch_renewal_result r)
{
    switch (r) {
    case SY_BATCH_RENEWAL_WRITTEN:
        return "written";
    case SY_BATCH_RENEWAL_WOULD_WRITE:
        return "would-write";
    case SY_BATCH_RENEWAL_EXISTS:
        return "exists";
    case SY_BATCH_RENEWAL_FAILED:
        return "failed";
    case SY_BATCH_RENEWAL_NONE:
        break;
    }
    return "none";
}

const char *sy_batch_renewal_date_name(sy_batch_renewal_date r)
{
    return r == SY_BATCH_RENEWAL_AFTER_AS_OF ? "after-as-of" : "after-term";
}

size_t sy_batch_result_count(const sy_batch *b, sy_batch_result r)
{
    size_t n = 0;
    for (size_t i = 0; i < b->nitems; i++)
        n += b->items[i].result == r;
    return n;
}

size_t sy_batch_failed_count(const sy_batch *b)
{
    return sy_batch_result_count(b, SY_BATCH_FAILED);
}

const char *sy_batch_result_name(sy_batch_result r)
{
    switch (r) {
    case SY_BATCH_UNCHANGED:
        return "unchanged";
    case SY_BATCH_BUILT:
        return "built";
    case SY_BATCH_WOULD_BUILD:
        return "would-build";
    case SY_BATCH_FAILED:
        return "failed";
    case SY_BATCH_PENDING:
        break;
    }
    return "pending";
}

/* ---- What an output is made from ---- */

static void hex_of(sy_hash *h, char hex[SY_BATCH_HEX])
{
    unsigned char digest[SY_HASH_MAX_SIZE];
    size_t n = sy_hash_final(h, digest);
    sy_hash_hex(digest, n, hex);
}

/* Adds the file at path (its bytes, framed) to h; a missing file adds a
 * marker, so that its appearance later changes the hash. */
static void hash_file(sy_hash *h, const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (sy_file_read(path, &data, &len, NULL) == SY_OK)
        sy_hash_update_framed(h, data, len);
    else
        sy_hash_update_framed(h, "(missing)", 9);
    free(data);
}

/* Adds every file under dir (relative names and bytes, in name order). */
static void hash_tree(sy_hash *h, const char *dir, const char *rel, int depth)
{
    char *path = *rel ? join(dir, rel) : strdup(dir);
    char **names;
    size_t n;
    if (!path || depth > SY_LIMIT_BATCH_DEPTH || list_dir(path, &names, &n) != 0) {
        sy_hash_update_framed(h, "(unreadable)", 12);
        free(path);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        char *r = *rel ? join(rel, names[i]) : strdup(names[i]);
        char *p = r ? join(dir, r) : NULL;
        struct stat st;
        if (p && stat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                hash_tree(h, dir, r, depth + 1);
            else if (S_ISREG(st.st_mode)) {
                sy_hash_update_framed(h, r, strlen(r));
                hash_file(h, p);
            }
        }
        free(r);
        free(p);
    }
    free_names(names, n);
    free(path);
}

/* The fonts: the manifest's bytes, then for each role the resolved file's
 * path and bytes (read once per batch: a few MB, some milliseconds). */
static sy_status hash_fonts(sy_batch *b, sy_diags *d)
{
    sy_hash h;
    sy_hash_init(&h, SY_HASH_SHA256);
    char *manifest = join(b->data_dir, "fonts/manifest");
    char *text = NULL;
    size_t len = 0;
    if (!manifest)
        return nomem(d);
    sy_status s = sy_file_read(manifest, &text, &len, d);
    sy_fontset *fs = s == SY_OK ? sy_fontset_open(b->data_dir, d) : NULL;
    if (s == SY_OK && !fs)
        s = sy_diags_status(d);
    if (s == SY_OK) {
        sy_hash_update_framed(&h, text, len);
        char *save = NULL;
        for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            char role[128];
            if (line[0] == '#' || sscanf(line, "%127s", role) != 1)
                continue;
            sy_font *f = sy_fontset_get(fs, role, NULL);
            const char *path = f ? sy_font_path(f) : NULL;
            sy_hash_update_framed(&h, role, strlen(role));
            if (path) {
                sy_hash_update_framed(&h, path, strlen(path));
                hash_file(&h, path);
            } else
                sy_hash_update_framed(&h, "(missing)", 9);
        }
        hex_of(&h, b->fonts_hex);
    }
    sy_fontset_free(fs);
    free(text);
    free(manifest);
    return s;
}

/* The builder's template folder for a name: a folder path as given, or
 * DATA/templates/NAME (as lib/builder finds it). */
static char *template_dir(const sy_batch *b, const char *name)
{
    struct stat st;
    if (strchr(name, '/') && stat(name, &st) == 0 && S_ISDIR(st.st_mode))
        return strdup(name);
    char *t = join("templates", name);
    char *dir = t ? join(b->data_dir, t) : NULL;
    free(t);
    return dir;
}

static int template_hex(sy_batch *b, const char *name, char hex[SY_BATCH_HEX])
{
    char *dir = template_dir(b, name);
    if (!dir)
        return -1;
    pthread_mutex_lock(&b->lock);
    for (size_t i = 0; i < b->ntemplates; i++)
        if (!strcmp(b->templates[i].dir, dir)) {
            memcpy(hex, b->templates[i].hex, SY_BATCH_HEX);
            pthread_mutex_unlock(&b->lock);
            free(dir);
            return 0;
        }
    pthread_mutex_unlock(&b->lock);
    sy_hash h;
    sy_hash_init(&h, SY_HASH_SHA256);
    hash_tree(&h, dir, "", 0);
    hex_of(&h, hex);
    pthread_mutex_lock(&b->lock);
    template_hash *nt = realloc(b->templates, (b->ntemplates + 1) * sizeof *nt);
    if (nt) {
        b->templates = nt;
        b->templates[b->ntemplates].dir = dir;
        memcpy(b->templates[b->ntemplates].hex, hex, SY_BATCH_HEX);
        b->ntemplates++;
        dir = NULL;
    }
    pthread_mutex_unlock(&b->lock);
    free(dir);
    return 0;
}

static const char *text_en(const sy_model_text *t)
{
    return t->en ? t->en : t->km ? t->km : NULL;
}

/* The derived status the cover states, as text (hashed, never stored):
 * each step's newest approval and pending requests, the renewal flag and
 * date, the leadership changes. Not the as-of day itself. */
static void status_text(const sy_checklist *c, sy_buf *out)
{
    char iso[11];
    sy_date_format_iso(c->renew_by, iso);
    sy_buf_printf(out, "renewal %s %s\napproved %zu\n", sy_renewal_state_name(c->renewal), iso,
                  c->approved);
    for (size_t i = 0; i < c->nsteps; i++) {
        const sy_checklist_step *s = &c->steps[i];
        sy_buf_printf(out, "step %s %s", sy_approval_step_name(s->step),
                      s->party ? s->party->id : "-");
        if (s->current) {
            sy_date_format_iso(s->current->date, iso);
            sy_buf_printf(out, " current %zu %s", s->current->index, iso);
        } else
            sy_buf_puts(out, " current none");
        sy_buf_printf(out, " history %zu pending", s->nhistory);
        for (size_t j = 0; j < s->npending; j++)
            sy_buf_printf(out, " %zu", s->pending[j]->index);
        sy_buf_putc(out, '\n');
    }
    for (size_t i = 0; i < c->nchanges; i++) {
        const sy_checklist_change *ch = &c->changes[i];
        const char *old = text_en(&ch->old_holder), *nw = text_en(&ch->new_holder);
        sy_date_format_iso(ch->date, iso);
        sy_buf_printf(out, "change %s %s ", ch->party ? ch->party->id : "-", ch->office);
        sy_buf_printf(out, "[%s] [%s] %s\n", old ? old : "", nw ? nw : "", iso);
    }
}

/* A change as the state file keeps it: party|office|new holder|date. */
static void change_key(const sy_checklist_change *ch, sy_buf *out)
{
    char iso[11];
    const char *nw = text_en(&ch->new_holder);
    sy_date_format_iso(ch->date, iso);
    sy_batch_encode(out, ch->party ? ch->party->id : "-");
    sy_buf_putc(out, '|');
    sy_batch_encode(out, ch->office);
    sy_buf_putc(out, '|');
    sy_batch_encode(out, nw ? nw : "");
    sy_buf_printf(out, "|%s", iso);
}

/* Non-zero when the ','-separated list has the element key. */
static int list_has(const char *list, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = list; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t m = comma ? (size_t)(comma - p) : strlen(p);
        if (m == n && !memcmp(p, key, n))
            return 1;
        if (!comma)
            break;
        p = comma + 1;
    }
    return 0;
}

static void add_reason(sy_buf *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_reason(sy_buf *r, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (r->len)
        sy_buf_puts(r, "; ");
    sy_buf_puts(r, line);
}

/* Copies the checklist's facts the report gives into the item. */
static int fill_status(sy_batch_item *it, const sy_checklist *c)
{
    it->has_status = 1;
    it->renew_by = c->renew_by;
    it->renewal = (int)c->renewal;
    if (c->nchanges) {
        if (!(it->changes = calloc(c->nchanges, sizeof *it->changes)))
            return -1;
        /* Each party whose office changed hands asks its ministry again:
         * the cabinet and the city department (docs/batch.md says why city
         * hall and the local leader are not asked again). */
        if (!(it->restarts = calloc(2 * c->nchanges, sizeof *it->restarts)))
            return -1;
    }
    for (size_t i = 0; i < c->nchanges; i++) {
        const sy_checklist_change *ch = &c->changes[i];
        sy_batch_change *o = &it->changes[it->nchanges++];
        const char *party = ch->party ? ch->party->id : NULL;
        o->party = dup_or_null(party);
        o->office = dup_or_null(ch->office);
        o->old_km = dup_or_null(ch->old_holder.km);
        o->old_en = dup_or_null(ch->old_holder.en);
        o->new_km = dup_or_null(ch->new_holder.km);
        o->new_en = dup_or_null(ch->new_holder.en);
        o->date = ch->date;
        if (!party)
            continue;
        int seen = 0;
        for (size_t j = 0; j < it->nrestarts; j++)
            seen |= it->restarts[j].party && !strcmp(it->restarts[j].party, party);
        if (seen)
            continue;
        it->restarts[it->nrestarts].step = SY_STEP_MINISTRY_CABINET;
        it->restarts[it->nrestarts++].party = strdup(party);
        it->restarts[it->nrestarts].step = SY_STEP_CITY_DEPARTMENT;
        it->restarts[it->nrestarts++].party = strdup(party);
    }
    return 0;
}

/* The item's entry from what it is made from now, with the agreement's
 * checklist c. 0, or -1 when out of memory. The checklist's facts go into
 * the item. */
static int make_entry(sy_batch *b, sy_batch_item *it, const sy_agreement *a, const sy_checklist *c,
                      const char *src, size_t srclen, sy_batch_entry *e, sy_diags *d)
{
    const sy_model *m = sy_agreement_model(a);
    memset(e, 0, sizeof *e);
    if (!(e->output = strdup(it->output)))
        return -1;
    /* --pdfa changes the output as a new version of sanya would: it is
     * recorded with the version, so switching it rebuilds (reasons() says
     * so in words). */
    snprintf(e->version, sizeof e->version, "%s%s", SANYA_VERSION_STRING, b->pdfa ? "+pdfa" : "");
    sy_hash h;
    sy_hash_init(&h, SY_HASH_SHA256);
    sy_hash_update(&h, src, srclen);
    hex_of(&h, e->agreement);
    if (template_hex(b, m->template_name ? m->template_name : "mou", e->template_) != 0)
        return -1;
    memcpy(e->fonts, b->fonts_hex, SY_BATCH_HEX);
    sy_buf used = SY_BUF_INIT;
    if (b->roster)
        sy_agreement_write_roster_used(a, b->roster, &used, d);
    sy_hash_update(&h, used.data, used.len);
    hex_of(&h, e->roster);
    int failed = sy_buf_failed(&used);
    sy_buf_free(&used);
    if (failed)
        return -1;
    sy_buf st = SY_BUF_INIT, changes = SY_BUF_INIT;
    status_text(c, &st);
    sy_hash_update(&h, st.data, st.len);
    hex_of(&h, e->status);
    snprintf(e->renewal, sizeof e->renewal, "%s", sy_renewal_state_name(c->renewal));
    for (size_t i = 0; i < c->nchanges; i++) {
        if (i)
            sy_buf_putc(&changes, ',');
        change_key(&c->changes[i], &changes);
    }
    failed = sy_buf_failed(&st) || sy_buf_failed(&changes) || fill_status(it, c) != 0;
    e->changes = changes.len ? sy_buf_take(&changes, NULL) : strdup("");
    sy_buf_free(&changes);
    sy_buf_free(&st);
    const char *parts[] = {e->version, e->agreement, e->template_, e->fonts, e->roster, e->status};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        sy_hash_update_framed(&h, parts[i], strlen(parts[i]));
    hex_of(&h, e->key);
    return failed || !e->changes ? -1 : 0;
}

/* Why the output must be (re)built; an empty r when it need not be. */
static void reasons(const sy_batch *b, const sy_batch_item *it, const sy_batch_entry *old,
                    const sy_batch_entry *e, const char *out_path, const sy_checklist_change *ch,
                    size_t nch, sy_buf *r)
{
    struct stat st;
    if (!old) {
        add_reason(r, stat(out_path, &st) == 0 ? "new (an output not made by batch)" : "new");
        return;
    }
    if (stat(out_path, &st) != 0) {
        add_reason(r, "output missing");
        return;
    }
    if ((long long)st.st_size != old->size || (long long)st.st_mtim.tv_sec != old->mtime_s ||
        (long long)st.st_mtim.tv_nsec != old->mtime_ns)
        add_reason(r, "output changed since it was built");
    size_t vlen = strlen(SANYA_VERSION_STRING);
    if (!strncmp(old->version, e->version, vlen) &&
        !strncmp(e->version, SANYA_VERSION_STRING, vlen) && strcmp(old->version, e->version))
        add_reason(r, "PDF/A %s", strcmp(e->version + vlen, "+pdfa") ? "off" : "on");
    else if (strcmp(old->version, e->version))
        add_reason(r, "sanya version changed (%s -> %s)", old->version, e->version);
    if (strcmp(old->agreement, e->agreement))
        add_reason(r, "agreement changed");
    if (strcmp(old->template_, e->template_))
        add_reason(r, "template changed");
    if (strcmp(old->fonts, e->fonts))
        add_reason(r, "fonts changed");
    size_t before = r->len;
    if (strcmp(old->status, e->status)) {
        sy_buf key = SY_BUF_INIT;
        for (size_t i = 0; i < nch; i++) {
            key.len = 0;
            change_key(&ch[i], &key);
            if (key.data && !list_has(old->changes, key.data)) {
                char iso[11];
                const char *o = text_en(&ch[i].old_holder), *n = text_en(&ch[i].new_holder);
                sy_date_format_iso(ch[i].date, iso);
                add_reason(r, "%s: %s: %s -> %s since %s", it->id ? it->id : it->input,
                           ch[i].office, o ? o : "(vacant)", n ? n : "(vacant)", iso);
            }
        }
        sy_buf_free(&key);
        if (strcmp(old->renewal, e->renewal))
            add_reason(r, "renewal now %s", e->renewal);
        if (r->len == before)
            add_reason(r, "approval status changed");
    }
    if (strcmp(old->roster, e->roster) && r->len == before)
        add_reason(r, "roster entries of its offices changed");
    if (!r->len && strcmp(old->key, e->key))
        add_reason(r, "inputs changed");
    if (!r->len && b->force)
        add_reason(r, "forced");
}

/* ---- Renewals ---- */

int sy_batch_renewal_affected(size_t nchanges, int renewal)
{
    return nchanges > 0 || renewal == SY_RENEWAL_DUE || renewal == SY_RENEWAL_PAST;
}

sy_batch_renewal_date sy_batch_renewal_date_for(size_t nchanges, sy_date as_of, sy_date term_end,
                                                sy_date *on)
{
    static const sy_date none = {0, 0, 0};
    /* A new holder signs only once the ministry cleared the text again
     * (the restarted steps): the renewal is the document they sign, so it
     * starts now, not when the old term would have ended. */
    if (nchanges) {
        *on = sy_date_from_days(sy_date_to_days(as_of) + 1);
        return SY_BATCH_RENEWAL_AFTER_AS_OF;
    }
    *on = sy_date_valid(term_end) ? sy_date_from_days(sy_date_to_days(term_end) + 1) : none;
    return SY_BATCH_RENEWAL_AFTER_TERM;
}

/* Takes the name rel for item i; returns the input of the item that took
 * it first, or NULL. */
static const char *claim(sy_batch *b, size_t i, const char *rel)
{
    const char *other = NULL;
    pthread_mutex_lock(&b->lock);
    for (size_t j = 0; j < b->nclaims && !other; j++)
        if (!strcmp(b->claims[j].path, rel))
            other = b->items[b->claims[j].item].input;
    if (!other) {
        b->claims[b->nclaims].path = rel;
        b->claims[b->nclaims++].item = i;
    }
    pthread_mutex_unlock(&b->lock);
    return other;
}

static void why_not(sy_batch_item *it, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void why_not(sy_batch_item *it, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    free(it->renewal_why_not);
    it->renewal_why_not = strdup(line);
}

/* Drafts item i's renewal into the renewal folder when the agreement is
 * affected (sy_batch_renewal_affected): sy_agreement_renew with the date
 * sy_batch_renewal_date_for gives, written atomically, never over an
 * existing file unless force_renewals, never into the input or output
 * folder nor over the roster (through a symbolic link), and not at all
 * when the input folder holds the renewal already. */
static void renew_item(sy_batch *b, size_t i, const sy_agreement *a)
{
    sy_batch_item *it = &b->items[i];
    const sy_model *m = sy_agreement_model(a);
    if (!sy_batch_renewal_affected(it->nchanges, it->renewal))
        return;
    sy_batch_renewal_result r = SY_BATCH_RENEWAL_FAILED;
    char *path = NULL, *in_copy = NULL, *real = NULL;
    sy_buf text = SY_BUF_INIT;
    struct stat st;
    if (!it->renewal_diags && !(it->renewal_diags = sy_diags_new()))
        goto done;
    sy_diags *d = it->renewal_diags;
    static const sy_date none = {0, 0, 0};
    it->renewal_dated = sy_batch_renewal_date_for(
        it->nchanges, b->as_of, m->term.given ? m->term.end : none, &it->renewal_on);
    it->has_renewal_on = sy_date_valid(it->renewal_on);
    free(it->renewal_path);
    if (!(it->renewal_path = sy_renew_default_path(it->input, m->term.renewal + 1)) ||
        !(path = join(b->renew_into, it->renewal_path)) ||
        !(in_copy = join(b->in_dir, it->renewal_path))) {
        nomem(d);
        goto done;
    }
    /* Renewed already: the next term's file is one of the agreements. */
    if (stat(in_copy, &st) == 0) {
        r = SY_BATCH_RENEWAL_EXISTS;
        why_not(it, "renewed already: %s is in the input folder", in_copy);
        goto done;
    }
    const char *other = claim(b, i, it->renewal_path);
    if (other) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, sy_agreement_name(a), 0, 0, NULL,
                     "its renewal %s is also the renewal of %s; renew one of them with sanya "
                     "renew -o",
                     path, other);
        goto done;
    }
    if (lstat(path, &st) == 0 && !b->force_renewals) {
        r = SY_BATCH_RENEWAL_EXISTS;
        why_not(it, "%s exists; --force-renewals replaces it", path);
        goto done;
    }
    /* The folder itself was checked; a symbolic link inside it could
     * still lead into the input or output folder, or to the roster. */
    if (!(real = resolve(path))) {
        nomem(d);
        goto done;
    }
    if (inside(real, b->in_real) || inside(real, b->out_real) ||
        (b->roster_real && !strcmp(real, b->roster_real))) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, path, 0, 0, NULL,
                     "leads to %s (a symbolic link?), %s: not written", real,
                     inside(real, b->in_real)        ? "inside the input folder"
                         : inside(real, b->out_real) ? "inside the output folder"
                                                     : "the roster");
        goto done;
    }
    sy_renew_options o = {0};
    o.has_on = it->renewal_dated == SY_BATCH_RENEWAL_AFTER_AS_OF;
    o.on = it->renewal_on;
    o.name = path;
    sy_renewal info;
    if (sy_agreement_renew(a, b->roster, &o, &text, &info, d) != SY_OK)
        goto done;
    it->renewal_on = info.on;
    it->has_renewal_on = 1;
    if (b->dry_run) {
        r = SY_BATCH_RENEWAL_WOULD_WRITE;
        goto done;
    }
    if (make_parents(path) != 0) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, path, 0, 0, NULL,
                     "cannot create its folder: %s", strerror(errno));
        goto done;
    }
    int existed = 0;
    sy_status s = b->force_renewals
        ? sy_file_write_atomic(path, text.data ? text.data : "", text.len, d)
        : sy_file_write_new(path, text.data ? text.data : "", text.len, &existed, d);
    if (existed) { /* made since the check above */
        r = SY_BATCH_RENEWAL_EXISTS;
        why_not(it, "%s exists; --force-renewals replaces it", path);
    } else if (s == SY_OK)
        r = SY_BATCH_RENEWAL_WRITTEN;
done:
    if (r == SY_BATCH_RENEWAL_FAILED && !it->renewal_why_not) {
        const sy_diags *d2 = it->renewal_diags;
        char line[2048] = "out of memory";
        for (size_t k = 0; d2 && k < sy_diags_count(d2); k++)
            if (sy_diags_get(d2, k)->severity == SY_SEV_ERROR) {
                sy_diag_format(sy_diags_get(d2, k), line, sizeof line);
                break;
            }
        why_not(it, "%s", line);
    }
    it->renewal_result = r;
    free(real);
    free(in_copy);
    free(path);
    sy_buf_free(&text);
}

/* ---- Running ---- */

/* Whether the state file was last written STATE_INTERVAL_NS ago or more. */
enum { STATE_INTERVAL_NS = 250000000 };
static int state_due(const sy_batch *b)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long long ns = (long long)(now.tv_sec - b->state_at.tv_sec) * 1000000000LL +
        (now.tv_nsec - b->state_at.tv_nsec);
    return ns >= STATE_INTERVAL_NS;
}

static void write_state_locked(sy_batch *b)
{
    sy_buf out = SY_BUF_INIT;
    sy_buf_puts(&out, SY_BATCH_STATE_HEADER "\n");
    for (size_t i = 0; i < b->nitems; i++) {
        if (b->has_new[i])
            sy_batch_entry_format(&b->item_new[i], &out);
        else if (b->item_old[i])
            sy_batch_entry_format(b->item_old[i], &out);
    }
    /* Entries of agreements no longer found stay: their outputs do too. */
    if (!b->old_taken && b->nold && (b->old_taken = calloc(b->nold, 1)))
        for (size_t i = 0; i < b->nitems; i++)
            if (b->item_old[i])
                b->old_taken[b->item_old[i] - b->old] = 1;
    for (size_t j = 0; j < b->nold; j++)
        if (b->old_taken ? !b->old_taken[j] : 1) {
            int taken = 0; /* out of memory above: the slow way */
            for (size_t i = 0; !b->old_taken && i < b->nitems && !taken; i++)
                taken = b->item_old[i] == &b->old[j];
            if (!taken)
                sy_batch_entry_format(&b->old[j], &out);
        }
    clock_gettime(CLOCK_MONOTONIC, &b->state_at);
    b->state_dirty = 0;
    char *path = join(b->out_dir, SY_BATCH_STATE_FILE);
    sy_status s = SY_OK;
    if (!path || sy_buf_failed(&out))
        s = nomem(b->run_diags);
    else {
        const char *inputs[] = {b->in_real, b->roster_path};
        s = sy_file_check_output(path, inputs, 2, b->run_diags);
        /* the outputs it records are on disk first (written unsynced) */
        if (s == SY_OK)
            s = sy_file_sync_fs(b->out_dir, b->run_diags);
        if (s == SY_OK)
            s = sy_file_write_atomic(path, out.data, out.len, b->run_diags);
    }
    if (s != SY_OK && b->state_status == SY_OK)
        b->state_status = s;
    free(path);
    sy_buf_free(&out);
}

static void finish_item(sy_batch *b, sy_batch_item *it, sy_batch_result r)
{
    pthread_mutex_lock(&b->lock);
    it->result = r;
    b->done++;
    if (b->progress)
        b->progress(b->user, it, 0, b->done, b->nitems);
    pthread_mutex_unlock(&b->lock);
}

static void process(sy_batch *b, size_t i, sy_builder *builder)
{
    sy_batch_item *it = &b->items[i];
    char *in_path = join(b->in_dir, it->input);
    char *out_path = join(b->out_dir, it->output);
    char *src = NULL;
    size_t srclen = 0;
    sy_agreement *a = NULL;
    sy_batch_entry e;
    int have_entry = 0;
    sy_buf why = SY_BUF_INIT;
    sy_batch_result result = SY_BATCH_FAILED;
    sy_diags *plan = NULL;
    int planned = 0; /* the checklist's facts are in the item */
    memset(&e, 0, sizeof e);
    if (!in_path || !out_path) {
        nomem(it->diags);
        goto done;
    }
    /* The planning load's problems become the item's. */
    if (!(plan = sy_diags_new())) {
        nomem(it->diags);
        goto done;
    }
    if (sy_file_read_max(in_path, SY_LIMIT_YAML_BYTES, &src, &srclen, plan) != SY_OK)
        goto keep_plan;
    a = sy_agreement_load_buffer(in_path, src, srclen, b->roster, plan);
    if (!a)
        goto keep_plan;
    const sy_model *m = sy_agreement_model(a);
    if (m->id && !(it->id = strdup(m->id))) {
        nomem(it->diags);
        goto done;
    }
    have_entry = 1; /* e's strings are ours until the state takes them */
    /* the checklist on the as-of day: for the entry and for the reasons */
    sy_checklist *c = NULL;
    if (sy_checklist_new(a, b->roster, b->as_of, &c, plan) != SY_OK)
        goto keep_plan;
    if (make_entry(b, it, a, c, src, srclen, &e, plan) != 0) {
        sy_checklist_free(c);
        if (!sy_diags_errors(plan))
            nomem(plan);
        goto keep_plan;
    }
    planned = 1;
    reasons(b, it, b->item_old[i], &e, out_path, c->changes, c->nchanges, &why);
    sy_checklist_free(c);
    if (sy_buf_failed(&why)) {
        nomem(it->diags);
        goto done;
    }
    if (!why.len) {
        result = SY_BATCH_UNCHANGED;
        goto done;
    }
    it->reasons = sy_buf_take(&why, NULL);
    if (b->dry_run) {
        result = SY_BATCH_WOULD_BUILD;
        goto keep_plan;
    }
    sy_builder_options o = {in_path,  b->roster_path, NULL, -1, SY_BUILDER_COVER_AND_AGREEMENT,
                            b->as_of, b->pdfa};
    char *pdf = NULL;
    size_t len = 0;
    struct stat st;
    /* The agreement loaded for planning is the one built (read once): its
     * warnings are the item's, then the build's problems. */
    {
        sy_diags *t = it->diags;
        it->diags = plan;
        plan = t;
    }
    sy_status s = sy_builder_pdf_loaded(builder, a, b->roster, &o, &pdf, &len, NULL, it->diags);
    if (s == SY_OK && make_parents(out_path) != 0)
        s = sy_diags_add(it->diags, SY_SEV_ERROR, SY_ERR_CANTCREAT, out_path, 0, 0, NULL,
                         "cannot create its folder: %s", strerror(errno));
    /* A symbolic link in the output folder is written through: never
     * when it leads to an input (the input folder's files, the roster). */
    const char *inputs[] = {b->in_real, b->roster_path};
    if (s == SY_OK)
        s = sy_file_check_output(out_path, inputs, 2, it->diags);
    /* flushed to disk with the others before the state records it */
    if (s == SY_OK)
        s = sy_file_write_atomic_flags(out_path, pdf, len, SY_FILE_NO_SYNC, it->diags);
    free(pdf);
    if (s == SY_OK && stat(out_path, &st) != 0)
        s = sy_diags_add(it->diags, SY_SEV_ERROR, SY_ERR_CANTCREAT, out_path, 0, 0, NULL,
                         "written, then gone: %s", strerror(errno));
    if (s != SY_OK)
        goto done;
    e.size = (long long)st.st_size;
    e.mtime_s = (long long)st.st_mtim.tv_sec;
    e.mtime_ns = (long long)st.st_mtim.tv_nsec;
    /* The output is in place: only now may the state say so. */
    pthread_mutex_lock(&b->lock);
    b->item_new[i] = e;
    b->has_new[i] = 1;
    have_entry = 0;
    b->state_dirty = 1;
    if (state_due(b))
        write_state_locked(b);
    pthread_mutex_unlock(&b->lock);
    result = SY_BATCH_BUILT;
    goto done;
keep_plan : {
    sy_diags *t = it->diags;
    it->diags = plan;
    plan = t;
}
done:
    /* Whatever became of its PDF: the renewal is drafted from the data. */
    if (planned && b->renew_into)
        renew_item(b, i, a);
    sy_diags_free(plan);
    if (have_entry) {
        free(e.output);
        free(e.changes);
    }
    sy_buf_free(&why);
    sy_agreement_free(a);
    free(src);
    free(in_path);
    free(out_path);
    finish_item(b, it, result);
}

typedef struct worker {
    sy_batch *b;
    sy_builder *builder;
    pthread_t thread;
    int started;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    sy_batch *b = w->b;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        size_t i = b->next < b->nitems ? b->next++ : b->nitems;
        if (i < b->nitems && b->progress)
            b->progress(b->user, &b->items[i], 1, b->done, b->nitems);
        pthread_mutex_unlock(&b->lock);
        if (i >= b->nitems)
            return NULL;
        process(b, i, w->builder);
    }
}

sy_status sy_batch_run(sy_batch *b, sy_batch_progress_fn progress, void *user, sy_diags *d)
{
    b->progress = progress;
    b->user = user;
    b->run_diags = d;
    b->state_status = SY_OK;
    b->next = b->done = 0;
    b->nclaims = 0;
    sy_status s = hash_fonts(b, d);
    if (s == SY_OK && b->roster_path && !(b->roster = sy_roster_load(b->roster_path, d)))
        s = sy_diags_status(d) != SY_OK ? sy_diags_status(d) : SY_ERR_DATA;
    if (s != SY_OK)
        return s;
    if (pthread_mutex_init(&b->lock, NULL) != 0) {
        sy_roster_free(b->roster);
        b->roster = NULL;
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                            "cannot make a mutex");
    }
    size_t nworkers = (size_t)b->jobs;
    if (nworkers > b->nitems)
        nworkers = b->nitems ? b->nitems : 1;
    worker *w = calloc(nworkers, sizeof *w);
    if (!w)
        s = nomem(d);
    for (size_t i = 0; s == SY_OK && i < nworkers; i++) {
        w[i].b = b;
        if (!b->dry_run && !(w[i].builder = sy_builder_new(b->data_dir, d)))
            s = sy_diags_status(d) != SY_OK ? sy_diags_status(d) : SY_ERR_INTERNAL;
    }
    if (s == SY_OK) {
        for (size_t i = 1; i < nworkers; i++)
            if (pthread_create(&w[i].thread, NULL, work, &w[i]) == 0) {
                w[i].started = 1;
            }
        work(&w[0]); /* the calling thread is a worker too */
        for (size_t i = 1; i < nworkers; i++)
            if (w[i].started)
                pthread_join(w[i].thread, NULL);
    }
    for (size_t i = 0; w && i < nworkers; i++)
        sy_builder_free(w[i].builder);
    free(w);
    if (b->state_dirty) /* the outputs made since the last write */
        write_state_locked(b);
    pthread_mutex_destroy(&b->lock);
    sy_roster_free(b->roster);
    b->roster = NULL;
    if (s == SY_OK)
        s = b->state_status;
    return s;
}
