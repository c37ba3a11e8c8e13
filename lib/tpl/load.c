/* Template loading: the manifest, the entry file and every file reachable
 * through includes, read from a folder (with realpath checks so that no
 * path or symlink leads outside it) or from memory. Include cycles and
 * too-deep include chains are found here, before anything is rendered. */
/* realpath() is XSI, not plain POSIX. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/limits.h"
#include "core/utf8.h"
#include "tpl/internal.h"

typedef struct loader {
    sy_tpl *t;
    sy_diags *diags;
    const char *prefix; /* display prefix: the folder or the template name */
    char *realdir; /* disk: realpath of the folder; NULL for memory */
    const char *dir;
    const sy_tpl_file *mem;
    size_t nmem;
    int errors;
    const char *cover; /* the manifest's cover file, or NULL */
    int cover_line;
    size_t chain[SY_LIMIT_TPL_INCLUDE_DEPTH + 2];
    int depth;
} loader;

__attribute__((format(printf, 6, 7))) static void lerr(loader *l, sy_status code, const char *file,
                                                       int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sy_diags_addv(l->diags, SY_SEV_ERROR, code, file, line, col, NULL, fmt, ap);
    va_end(ap);
    l->errors++;
}

/* lerr of a data error with a "did you mean 'hint'?". */
__attribute__((format(printf, 6, 7))) static void
lerr_hint(loader *l, const char *file, int line, int col, const char *hint, const char *fmt, ...)
{
    sy_diag e = {.severity = SY_SEV_ERROR,
                 .code = SY_ERR_DATA,
                 .file = file,
                 .line = line,
                 .column = col,
                 .suggestion = hint,
                 .suggest_form = SY_SUGGEST_PAREN_SINGLE};
    va_list ap;
    va_start(ap, fmt);
    sy_diags_pushv(l->diags, &e, fmt, ap);
    va_end(ap);
    l->errors++;
}

/* Offset of the first byte that is not well-formed UTF-8 or is NUL, or
 * len: a template is text, and a NUL would end it early. */
static size_t utf8_bad(const char *s, size_t len)
{
    const char *nul = memchr(s, 0, len);
    size_t limit = nul ? (size_t)(nul - s) : len;
    size_t bad = sy_utf8_check(s, limit);
    return bad != (size_t)-1 ? bad : limit;
}

static const char *display_name(loader *l, const char *rel)
{
    size_t pn = strlen(l->prefix), rn = strlen(rel);
    char *s = sy_arena_alloc(&l->t->arena, pn + rn + 2);
    if (!s)
        return rel;
    memcpy(s, l->prefix, pn);
    size_t k = pn;
    if (k && s[k - 1] != '/')
        s[k++] = '/';
    memcpy(s + k, rel, rn + 1);
    return s;
}

/* Reads rel (already normalised) from the folder. Returns 0, or -1 with a
 * message and status. */
static int read_disk(loader *l, const char *rel, size_t limit, char **text, size_t *len,
                     sy_status *code, char *why, size_t whysize)
{
    size_t dn = strlen(l->dir), rn = strlen(rel);
    char *full = malloc(dn + rn + 2);
    if (!full) {
        *code = SY_ERR_NOMEM;
        snprintf(why, whysize, "out of memory");
        return -1;
    }
    snprintf(full, dn + rn + 2, "%s/%s", l->dir, rel);
    char *real = realpath(full, NULL);
    free(full);
    if (!real) {
        *code = SY_ERR_NOINPUT;
        snprintf(why, whysize, "no file '%s' in the template folder", rel);
        return -1;
    }
    size_t realn = strlen(l->realdir);
    if (strncmp(real, l->realdir, realn) != 0 || real[realn] != '/') {
        free(real);
        *code = SY_ERR_DATA;
        snprintf(why, whysize, "'%s' leads outside the template folder (a symbolic link?): refused",
                 rel);
        return -1;
    }
    /* A FIFO or a device would block open() or read() for ever: only
     * regular files are read, and the open never waits. */
    int fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    free(real);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        *code = SY_ERR_NOINPUT;
        snprintf(why, whysize, "'%s' is not a readable regular file", rel);
        return -1;
    }
    if ((unsigned long long)st.st_size > limit) {
        close(fd);
        *code = SY_ERR_LIMIT;
        snprintf(why, whysize, "'%s' is larger than %zu bytes", rel, limit);
        return -1;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (buf && got < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (!buf || got != (size_t)st.st_size) {
        free(buf);
        *code = buf ? SY_ERR_NOINPUT : SY_ERR_NOMEM;
        snprintf(why, whysize, "cannot read '%s'", rel);
        return -1;
    }
    buf[got] = 0;
    *text = buf;
    *len = got;
    return 0;
}

/* Adds file rel to the template, reading it; reports problems at the given
 * place (the include line or the manifest). Returns its index or -1. */
static long add_file(loader *l, const char *rel, const char *file, int line, int col)
{
    sy_tpl *t = l->t;
    for (size_t i = 0; i < t->nfiles; i++)
        if (!strcmp(t->files[i].path, rel))
            return (long)i;
    if (t->nfiles == SY_LIMIT_TPL_FILES) {
        lerr(l, SY_ERR_LIMIT, file, line, col, "the template has more than %d files",
             SY_LIMIT_TPL_FILES);
        return -1;
    }
    char *text = NULL;
    size_t len = 0;
    if (l->realdir) {
        char why[512];
        sy_status code;
        if (read_disk(l, rel, SY_LIMIT_TPL_FILE_BYTES, &text, &len, &code, why, sizeof why) != 0) {
            lerr(l, code, file, line, col, "%s", why);
            return -1;
        }
        char *copy = sy_arena_strndup(&t->arena, text, len);
        free(text);
        text = copy;
    } else {
        size_t i;
        for (i = 0; i < l->nmem; i++)
            if (l->mem[i].path && !strcmp(l->mem[i].path, rel))
                break;
        if (i == l->nmem) {
            lerr(l, SY_ERR_NOINPUT, file, line, col, "no file '%s' in the template", rel);
            return -1;
        }
        len = l->mem[i].len;
        if (len > SY_LIMIT_TPL_FILE_BYTES) {
            lerr(l, SY_ERR_LIMIT, file, line, col, "'%s' is larger than %u bytes", rel,
                 SY_LIMIT_TPL_FILE_BYTES);
            return -1;
        }
        text = sy_arena_strndup(&t->arena, l->mem[i].text ? l->mem[i].text : "", len);
    }
    if (!text) {
        lerr(l, SY_ERR_NOMEM, file, line, col, "out of memory");
        return -1;
    }
    tpl_file *f = &t->files[t->nfiles];
    memset(f, 0, sizeof *f);
    f->path = sy_arena_strndup(&t->arena, rel, strlen(rel));
    f->display = display_name(l, rel);
    f->text = text;
    f->len = len;
    size_t bad = utf8_bad(text, len);
    if (bad < len) {
        int ln = 1;
        size_t line_start = 0;
        for (size_t i = 0; i < bad; i++)
            if (text[i] == '\n') {
                ln++;
                line_start = i + 1;
            }
        int at = 1; /* the column in characters: the text before bad is valid UTF-8 */
        for (size_t i = line_start; i < bad; i++)
            at += ((unsigned char)text[i] & 0xC0) != 0x80;
        if (text[bad] == '\0')
            lerr(l, SY_ERR_DATA, f->display, ln, at,
                 "a NUL character (byte 0x00): a template is text; is this a binary file?");
        else
            lerr(l, SY_ERR_DATA, f->display, ln, at, "not valid UTF-8 (byte 0x%02x)",
                 (unsigned char)text[bad]);
        return -1;
    }
    return (long)t->nfiles++;
}

static void resolve(loader *l, size_t idx);

static void walk_includes(loader *l, size_t idx, tpl_node *n)
{
    if (!n)
        return;
    if (n->kind == N_INCLUDE) {
        const tpl_file *from = &l->t->files[idx];
        long j = add_file(l, n->str, from->display, n->line, n->column);
        if (j < 0)
            return;
        n->num = (int)j;
        tpl_file *to = &l->t->files[j];
        if (to->state == 1) {
            char chain[1024];
            size_t k = 0;
            chain[0] = 0;
            int start = 0;
            for (int i = 0; i < l->depth; i++)
                if (l->chain[i] == (size_t)j)
                    start = i;
            for (int i = start; i < l->depth && k < sizeof chain; i++)
                k += (size_t)snprintf(chain + k, sizeof chain - k, "%s -> ",
                                      l->t->files[l->chain[i]].path);
            if (k < sizeof chain)
                snprintf(chain + k, sizeof chain - k, "%s", to->path);
            lerr(l, SY_ERR_DATA, from->display, n->line, n->column, "include cycle: %s", chain);
            return;
        }
        if (to->state == 0) {
            if (l->depth > SY_LIMIT_TPL_INCLUDE_DEPTH) {
                lerr(l, SY_ERR_LIMIT, from->display, n->line, n->column,
                     "includes nested deeper than %d files", SY_LIMIT_TPL_INCLUDE_DEPTH);
                return;
            }
            resolve(l, (size_t)j);
        }
        return;
    }
    for (size_t i = 0; i < n->kids.n; i++)
        walk_includes(l, idx, n->kids.v[i]);
    for (size_t i = 0; i < n->kids2.n; i++)
        walk_includes(l, idx, n->kids2.v[i]);
}

static void resolve(loader *l, size_t idx)
{
    tpl_file *f = &l->t->files[idx];
    f->state = 1;
    l->chain[l->depth++] = idx;
    l->errors += tpl_parse_file(&l->t->arena, f, l->diags);
    walk_includes(l, idx, f->root);
    l->depth--;
    l->t->files[idx].state = 2;
}

static sy_tpl *new_tpl(void)
{
    sy_tpl *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->files = sy_arena_alloc(&t->arena, SY_LIMIT_TPL_FILES * sizeof *t->files);
    if (!t->files) {
        sy_arena_free(&t->arena);
        free(t);
        return NULL;
    }
    return t;
}

/* ---- Depth through includes ----
 * Each file's own nesting is bounded by its parser and a new include chain
 * by walk_includes, but a file reached a second time is not walked again:
 * main -> a1 -> ... -> a15 and main -> b1 -> ... -> b15 -> a1 make a chain
 * of 31 files, and blocks around an include add to the blocks inside it.
 * Rendering recurses along both, so both are measured over the whole
 * include graph (each file once) before the template is accepted. */

static int opens_level(const tpl_node *n)
{
    switch (n->kind) {
    case N_IF:
    case N_FOR:
    case N_ARTICLE:
    case N_PAIR:
    case N_KEEP:
    case N_STYLE:
    case N_SIGNATURES:
    case N_SIGNER:
        return 1;
    default:
        return 0;
    }
}

static void measure_file(loader *l, size_t idx, int chain_len);

/* Nesting below n (at depth `depth` of file idx, the chain_len-th file of
 * the include chain): updates f->nest and f->files_deep, and reports an
 * include that makes either too deep. */
static void measure_node(loader *l, size_t idx, const tpl_node *n, int depth, int chain_len)
{
    tpl_file *f = &l->t->files[idx];
    if (l->errors)
        return;
    if (opens_level(n))
        depth++;
    if (depth > f->nest)
        f->nest = depth;
    if (n->kind == N_INCLUDE && n->num >= 0 && (size_t)n->num < l->t->nfiles) {
        tpl_file *to = &l->t->files[n->num];
        if (to->measured == 1)
            return; /* a cycle: reported by walk_includes already */
        if (to->measured == 0) {
            if (chain_len + 1 > SY_LIMIT_TPL_INCLUDE_DEPTH) {
                lerr(l, SY_ERR_LIMIT, f->display, n->line, n->column,
                     "includes nested deeper than %d files", SY_LIMIT_TPL_INCLUDE_DEPTH);
                return;
            }
            measure_file(l, (size_t)n->num, chain_len + 1);
            if (l->errors)
                return;
        }
        if (chain_len + to->files_deep > SY_LIMIT_TPL_INCLUDE_DEPTH) {
            lerr(l, SY_ERR_LIMIT, f->display, n->line, n->column,
                 "includes nested deeper than %d files (\"%s\" starts a chain of %d)",
                 SY_LIMIT_TPL_INCLUDE_DEPTH, to->path, to->files_deep);
            return;
        }
        if (depth + to->nest > SY_LIMIT_TPL_BLOCK_DEPTH) {
            lerr(l, SY_ERR_LIMIT, f->display, n->line, n->column,
                 "blocks and statements nested more than %d deep: this include is %d deep "
                 "and \"%s\" nests %d more",
                 SY_LIMIT_TPL_BLOCK_DEPTH, depth, to->path, to->nest);
            return;
        }
        if (1 + to->files_deep > f->files_deep)
            f->files_deep = 1 + to->files_deep;
        if (depth + to->nest > f->nest)
            f->nest = depth + to->nest;
        return;
    }
    for (size_t i = 0; i < n->kids.n; i++)
        measure_node(l, idx, n->kids.v[i], depth, chain_len);
    for (size_t i = 0; i < n->kids2.n; i++)
        measure_node(l, idx, n->kids2.v[i], depth, chain_len);
}

static void measure_file(loader *l, size_t idx, int chain_len)
{
    tpl_file *f = &l->t->files[idx];
    f->measured = 1;
    f->files_deep = 1;
    if (f->root)
        measure_node(l, idx, f->root, 0, chain_len);
    f->measured = 2;
}

/* Adds the manifest's file `name` (entry or cover) and every file it
 * includes; returns its index or -1. */
static long add_root(loader *l, const char *what, const char *name, const char *file, int line)
{
    const char *why = NULL;
    const char *rel = tpl_normalise_path(&l->t->arena, name, strlen(name), &why);
    if (!rel) {
        lerr(l, SY_ERR_DATA, file, line, 0, "bad %s file \"%s\": %s", what, name, why);
        return -1;
    }
    long e = add_file(l, rel, file, line, 0);
    if (e >= 0)
        resolve(l, (size_t)e);
    return e;
}

/* Every \image names an image of the style sheet, every '::: style' role
 * one of its roles. */
static void check_names(loader *l, const tpl_file *f, const tpl_node *n)
{
    if (!n)
        return;
    if (n->kind == N_IMAGE && !sy_style_image_find(l->t->style, n->str)) {
        size_t count = sy_style_image_count(l->t->style);
        if (!count)
            lerr(l, SY_ERR_DATA, f->display, n->line, n->column,
                 "no image '%s': the template's style sheet has no images section", n->str);
        else {
            sy_suggest sg;
            sy_suggest_init(&sg, n->str, strlen(n->str), TPL_SUGGEST_EDITS);
            for (size_t i = 0; i < count; i++)
                sy_suggest_try(&sg, sy_style_image_at(l->t->style, i)->name);
            if (sg.best)
                lerr_hint(l, f->display, n->line, n->column, sg.best,
                          "no image '%s' in the style sheet", n->str);
            else
                lerr(l, SY_ERR_DATA, f->display, n->line, n->column,
                     "no image '%s' in the style sheet's images section", n->str);
        }
    }
    if (n->kind == N_STYLE && n->str && !sy_style_role_find(l->t->style, n->str)) {
        const sy_style_sheet *ss = l->t->style;
        sy_suggest sg;
        sy_suggest_init(&sg, n->str, strlen(n->str), TPL_SUGGEST_EDITS);
        for (size_t i = 0; i < sy_style_role_count(ss); i++)
            sy_suggest_try(&sg, sy_style_role_at(ss, i)->name);
        if (sg.best)
            lerr_hint(l, f->display, n->line, n->column, sg.best, "no role '%s' in the style sheet",
                      n->str);
        else
            lerr(l, SY_ERR_DATA, f->display, n->line, n->column,
                 "no role '%s' in the style sheet (roles are defined under 'roles:' in the "
                 "template's style file)",
                 n->str);
    }
    for (size_t i = 0; i < n->kids.n; i++)
        check_names(l, f, n->kids.v[i]);
    for (size_t i = 0; i < n->kids2.n; i++)
        check_names(l, f, n->kids2.v[i]);
}

static sy_tpl *finish(loader *l, const char *entry, const char *file, int line)
{
    sy_tpl *t = l->t;
    const char *why = NULL;
    const char *rel = entry ? tpl_normalise_path(&t->arena, entry, strlen(entry), &why) : NULL;
    if (entry && !rel)
        lerr(l, SY_ERR_DATA, file, line, 0, "bad entry file \"%s\": %s", entry, why);
    if (rel && !l->errors) {
        long e = add_file(l, rel, file, line, 0);
        if (e >= 0) {
            t->entry = (size_t)e;
            resolve(l, (size_t)e);
        }
    }
    if (rel && !l->errors && l->cover) {
        long c = add_root(l, "cover", l->cover, file, l->cover_line);
        if (c >= 0) {
            t->cover = (size_t)c;
            t->has_cover = 1;
        }
    }
    if (rel && !l->errors)
        measure_file(l, t->entry, 1);
    if (rel && !l->errors && t->has_cover && !t->files[t->cover].measured)
        measure_file(l, t->cover, 1);
    for (size_t i = 0; !l->errors && i < t->nfiles; i++)
        check_names(l, &t->files[i], t->files[i].root);
    if (t->arena.failed && !l->errors)
        lerr(l, SY_ERR_NOMEM, file, 0, 0, "out of memory while loading the template");
    free(l->realdir);
    if (l->errors || !rel) {
        sy_tpl_free(t);
        return NULL;
    }
    return t;
}

/* A file name the style sheet gives, relative to the template folder: no
 * absolute path, no "..", no hidden file. */
static int plain_relative(const char *p)
{
    if (!*p || *p == '/' || *p == '.')
        return 0;
    for (const char *s = p; *s; s++)
        if (*s == '\\' || (*s == '/' && (s[1] == '.' || s[1] == '/' || !s[1])))
            return 0;
    return 1;
}

/* The manifest: "key: value" lines, '#' comments. */
static const char *parse_manifest(loader *l, const char *text, size_t len, const char *file,
                                  int *entry_line, const char **style, int *style_line)
{
    sy_tpl *t = l->t;
    const char *entry = NULL;
    static const char *const keys[] = {"name",  "description", "entry", "layout",
                                       "cover", "subject",     "style", "new"};
    enum { NKEYS = sizeof keys / sizeof *keys };
    int seen[NKEYS] = {0};
    size_t pos = 0;
    int ln = 0;
    while (pos < len) {
        const char *s = text + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;
        pos += n + 1;
        ln++;
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        while (n && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        if (!n || *s == '#')
            continue;
        const char *colon = memchr(s, ':', n);
        if (!colon) {
            lerr(l, SY_ERR_DATA, file, ln, 1, "a manifest line must be 'key: value'");
            continue;
        }
        size_t kn = (size_t)(colon - s);
        while (kn && s[kn - 1] == ' ')
            kn--;
        const char *v = colon + 1;
        size_t vn = n - (size_t)(v - s);
        while (vn && *v == ' ') {
            v++;
            vn--;
        }
        int k = -1;
        for (int i = 0; i < NKEYS; i++)
            if (strlen(keys[i]) == kn && !memcmp(keys[i], s, kn))
                k = i;
        if (k < 0) {
            sy_suggest sg;
            sy_suggest_init(&sg, s, kn, TPL_SUGGEST_EDITS);
            for (int i = 0; i < NKEYS; i++)
                sy_suggest_try(&sg, keys[i]);
            if (sg.best)
                lerr_hint(l, file, ln, 1, sg.best, "unknown manifest key '%.*s'", (int)kn, s);
            else
                lerr(l, SY_ERR_DATA, file, ln, 1,
                     "unknown manifest key '%.*s' (keys: name, description, entry, layout, cover, "
                     "subject, style, new)",
                     (int)kn, s);
            continue;
        }
        if (seen[k]++) {
            lerr(l, SY_ERR_DATA, file, ln, 1, "'%s' given twice", keys[k]);
            continue;
        }
        if (!vn) {
            lerr(l, SY_ERR_DATA, file, ln, (int)(v - s) + 1, "'%s' has no value", keys[k]);
            continue;
        }
        char *val = sy_arena_strndup(&t->arena, v, vn);
        if (!val)
            continue;
        if (k == 0)
            t->name = val;
        else if (k == 1)
            t->description = val;
        else if (k == 2) {
            entry = val;
            *entry_line = ln;
        } else if (k == 4) {
            l->cover = val;
            l->cover_line = ln;
        } else if (k == 5) {
            t->subject = val;
        } else if (k == 6) {
            *style = val;
            *style_line = ln;
        } else if (k == 7) {
            if (!plain_relative(val))
                lerr(l, SY_ERR_DATA, file, ln, (int)(v - s) + 1,
                     "new '%s' must be a file name inside the template folder", val);
            t->starter = val;
            t->starter_line = ln;
        } else if (sy_layout_parse(val, &t->layout) != 0)
            lerr(l, SY_ERR_DATA, file, ln, (int)(v - s) + 1,
                 "layout must be 'parallel' or 'sequential', not '%s'", val);
    }
    if (!seen[0])
        lerr(l, SY_ERR_DATA, file, 0, 0, "the manifest has no 'name'");
    if (!seen[2])
        lerr(l, SY_ERR_DATA, file, 0, 0, "the manifest has no 'entry' (the first file to read)");
    return entry;
}

/* Reads the style sheet the manifest names, and the files of its images. */
static void load_style(loader *l, const char *rel, const char *mfile, int line)
{
    char *text = NULL;
    size_t len = 0;
    char why[512];
    sy_status code;
    if (!plain_relative(rel)) {
        lerr(l, SY_ERR_DATA, mfile, line, 1,
             "style '%s' must be a file name inside the template folder", rel);
        return;
    }
    if (read_disk(l, rel, SY_LIMIT_TPL_FILE_BYTES, &text, &len, &code, why, sizeof why) != 0) {
        lerr(l, code, mfile, line, 1, "%s", why);
        return;
    }
    size_t before = sy_diags_errors(l->diags);
    sy_style_sheet *s = sy_style_parse(display_name(l, rel), text, len, l->diags);
    free(text);
    if (!s) {
        l->errors += (int)(sy_diags_errors(l->diags) - before) + 1;
        return;
    }
    l->t->style = s;
    for (size_t i = 0; i < sy_style_image_count(s); i++) {
        const sy_style_image *im = sy_style_image_at(s, i);
        const sy_mark m = im->mark;
        char *data = NULL;
        size_t n = 0;
        if (!plain_relative(im->file)) {
            lerr(l, SY_ERR_DATA, m.file, m.line, m.column,
                 "image file '%s' must be a file name inside the template folder", im->file);
            continue;
        }
        if (read_disk(l, im->file, SY_LIMIT_TPL_IMAGE_BYTES, &data, &n, &code, why, sizeof why) !=
            0) {
            lerr(l, code, m.file, m.line, m.column, "image '%s': %s", im->name, why);
            continue;
        }
        if (sy_style_set_image_data(s, i, (unsigned char *)data, n, l->diags) != SY_OK)
            l->errors++;
    }
}

sy_tpl *sy_tpl_load(const char *template_dir, sy_diags *diags)
{
    if (!template_dir || !*template_dir) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                     "no template folder given");
        return NULL;
    }
    loader l;
    memset(&l, 0, sizeof l);
    l.diags = diags;
    l.dir = template_dir;
    l.prefix = template_dir;
    l.t = new_tpl();
    if (!l.t) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_NOMEM, template_dir, 0, 0, NULL, "out of memory");
        return NULL;
    }
    l.realdir = realpath(template_dir, NULL);
    struct stat st;
    if (!l.realdir || stat(l.realdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        lerr(&l, SY_ERR_NOINPUT, template_dir, 0, 0,
             l.realdir ? "not a folder: a template is a folder" : "no such template folder");
        free(l.realdir);
        sy_tpl_free(l.t);
        return NULL;
    }
    l.t->dir = sy_arena_strndup(&l.t->arena, template_dir, strlen(template_dir));
    const char *mfile = display_name(&l, "manifest");
    char *text = NULL;
    size_t len = 0;
    char why[512];
    sy_status code;
    if (read_disk(&l, "manifest", SY_LIMIT_TPL_FILE_BYTES, &text, &len, &code, why, sizeof why) !=
        0) {
        lerr(&l, code, mfile, 0, 0, "%s (every template folder needs one)", why);
        free(l.realdir);
        sy_tpl_free(l.t);
        return NULL;
    }
    int entry_line = 0, style_line = 0;
    const char *style = NULL;
    const char *entry = parse_manifest(&l, text, len, mfile, &entry_line, &style, &style_line);
    free(text);
    if (!l.t->description)
        l.t->description = "";
    if (style && !l.errors)
        load_style(&l, style, mfile, style_line);
    return finish(&l, entry, mfile, entry_line);
}

sy_tpl *sy_tpl_load_memory(const char *name, const sy_tpl_file *files, size_t nfiles,
                           const char *entry, sy_diags *diags)
{
    loader l;
    memset(&l, 0, sizeof l);
    l.diags = diags;
    l.prefix = name ? name : "";
    l.mem = files;
    l.nmem = files ? nfiles : 0;
    l.t = new_tpl();
    if (!l.t) {
        sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_NOMEM, name, 0, 0, NULL, "out of memory");
        return NULL;
    }
    l.t->name = sy_arena_strndup(&l.t->arena, l.prefix, strlen(l.prefix));
    l.t->description = "";
    if (!entry) {
        lerr(&l, SY_ERR_USAGE, name, 0, 0, "no entry file given");
        sy_tpl_free(l.t);
        return NULL;
    }
    return finish(&l, entry, name, 0);
}

void sy_tpl_free(sy_tpl *tpl)
{
    if (!tpl)
        return;
    sy_style_free(tpl->style);
    sy_arena_free(&tpl->arena);
    free(tpl);
}

const char *sy_tpl_name(const sy_tpl *tpl)
{
    return tpl && tpl->name ? tpl->name : "";
}

const char *sy_tpl_description(const sy_tpl *tpl)
{
    return tpl && tpl->description ? tpl->description : "";
}

sy_doc_layout sy_tpl_layout(const sy_tpl *tpl)
{
    return tpl ? tpl->layout : SY_LAYOUT_PARALLEL;
}

int sy_tpl_has_cover(const sy_tpl *tpl)
{
    return tpl && tpl->has_cover;
}

const char *sy_tpl_subject(const sy_tpl *tpl)
{
    if (tpl && tpl->subject)
        return tpl->subject;
    return sy_tpl_description(tpl);
}

const sy_style_sheet *sy_tpl_style(const sy_tpl *tpl)
{
    return tpl && tpl->style ? tpl->style : sy_style_defaults();
}

const char *sy_tpl_starter_name(const sy_tpl *tpl)
{
    return tpl && tpl->starter ? tpl->starter : "new.yaml";
}

sy_status sy_tpl_read_starter(const sy_tpl *tpl, sy_buf *out, char **name, sy_diags *diags)
{
    if (name)
        *name = NULL;
    if (!tpl || !tpl->dir)
        return sy_diags_add(diags, SY_SEV_ERROR, SY_ERR_USAGE, tpl ? tpl->name : NULL, 0, 0, NULL,
                            "a template held in memory has no starting agreement");
    loader l;
    memset(&l, 0, sizeof l);
    l.diags = diags;
    l.dir = tpl->dir;
    l.prefix = tpl->dir;
    /* display_name allocates in the loader's template: a scratch one */
    l.t = new_tpl();
    l.realdir = realpath(tpl->dir, NULL);
    const char *rel = sy_tpl_starter_name(tpl);
    char *text = NULL;
    size_t len = 0;
    char why[512];
    sy_status code = SY_ERR_NOMEM;
    if (!l.t || !l.realdir) {
        if (l.t)
            code = SY_ERR_NOINPUT;
        snprintf(why, sizeof why, l.t ? "the template folder is gone" : "out of memory");
    } else if (read_disk(&l, rel, SY_LIMIT_YAML_BYTES, &text, &len, &code, why, sizeof why) == 0) {
        code = SY_OK;
    }
    const char *shown = l.t ? display_name(&l, rel) : rel;
    if (code == SY_OK) {
        sy_buf_put(out, text, len);
        if (name && !(*name = strdup(shown)))
            code = SY_ERR_NOMEM;
        if (sy_buf_failed(out))
            code = SY_ERR_NOMEM;
        if (code != SY_OK)
            snprintf(why, sizeof why, "out of memory");
    }
    if (code != SY_OK) {
        const char *mfile = l.t ? display_name(&l, "manifest") : "manifest";
        if (tpl->starter)
            sy_diags_add(diags, SY_SEV_ERROR, code, mfile, tpl->starter_line, 1, NULL,
                         "the starting agreement: %s", why);
        else
            sy_diags_add(diags, SY_SEV_ERROR, code, shown, 0, 0, NULL,
                         "template '%s' has no starting agreement (%s; the manifest may name "
                         "another with 'new:')",
                         sy_tpl_name(tpl), why);
        if (name) {
            free(*name);
            *name = NULL;
        }
    }
    free(text);
    free(l.realdir);
    sy_tpl_free(l.t);
    return code;
}

char *sy_tpl_folder(const char *data_dir, const char *name)
{
    size_t n = strlen(data_dir) + strlen(name) + 16;
    char *dir = malloc(n);
    if (!dir)
        return NULL;
    /* A name with a slash is a folder as the user spelt it, so that a
     * mistyped one is reported as given, not as templates/./NAME. */
    if (strchr(name, '/'))
        snprintf(dir, n, "%s", name);
    else
        snprintf(dir, n, "%s/templates/%s", data_dir, name);
    return dir;
}
