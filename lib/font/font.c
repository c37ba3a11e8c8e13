/* Font loading and the role manifest (see font.h). */
#define _DEFAULT_SOURCE /* d_type in readdir */
#include "font/font.h"

#include "core/array.h"
#include "core/file.h"

#include <dirent.h>
#include <errno.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct sy_font {
    char *path;
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *font;
    /* The face hb-subset works from: the font's own for the first few
     * subsets, then one with its tables' accelerators made once
     * (hb_subset_preprocess). */
    hb_face_t *subset_face;
    unsigned subsets; /* made so far */
    unsigned upem, nglyphs;
    int has_glyf;
    int ascender, descender, cap_height;
    int bbox[4]; /* head: xMin, yMin, xMax, yMax */
    uint32_t checksum;
    char psname[64];
    char family[64];
};

typedef struct manifest_entry {
    char *role, *file, *package;
    sy_font *font;
} manifest_entry;

typedef struct font_index font_index;

/* An index of the font files under a folder (to a small depth: system font
 * folders are organised by package, truetype/khmeros/...), built once per
 * folder with readdir's file types, so finding a font costs no stat calls. */
struct font_index {
    char *dir;
    char **names, **paths; /* base name -> path; sorted walk, first wins */
    size_t n, cap;
    int built;
};

static int index_add(font_index *ix, const char *name, const char *path)
{
    if (ix->n == ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 64;
        char **nn = realloc(ix->names, cap * sizeof *nn);
        if (!nn)
            return -1;
        ix->names = nn;
        char **np = realloc(ix->paths, cap * sizeof *np);
        if (!np)
            return -1;
        ix->paths = np;
        ix->cap = cap;
    }
    ix->names[ix->n] = strdup(name);
    ix->paths[ix->n] = strdup(path);
    if (!ix->names[ix->n] || !ix->paths[ix->n]) {
        free(ix->names[ix->n]);
        free(ix->paths[ix->n]);
        return -1;
    }
    ix->n++;
    return 0;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void index_walk(font_index *ix, const char *dir, int depth)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return;
    char **names = NULL;
    unsigned char *isdir = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            unsigned char *nd = nn ? realloc(isdir, cap) : NULL;
            if (!nn || !nd) {
                names = nn ? nn : names;
                break;
            }
            names = nn;
            isdir = nd;
        }
        if (!(names[n] = strdup(e->d_name)))
            break;
        isdir[n] = e->d_type == DT_DIR ? 1 : e->d_type == DT_UNKNOWN ? 2 : 0;
        n++;
    }
    closedir(dp);
    /* A sorted walk: the result does not depend on directory order. */
    char **order = malloc((n ? n : 1) * sizeof *order);
    if (order) {
        for (size_t i = 0; i < n; i++)
            order[i] = names[i];
        qsort(order, n, sizeof *order, name_cmp);
    }
    for (size_t i = 0; order && i < n; i++) {
        size_t k = 0;
        while (names[k] != order[i])
            k++;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, order[i]);
        int d = isdir[k];
        if (d == 2) {
            struct stat st;
            d = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
        }
        if (d && depth > 0)
            index_walk(ix, path, depth - 1);
        else if (!d)
            index_add(ix, order[i], path);
    }
    free(order);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(isdir);
}

static const char *index_find(font_index *ix, const char *file)
{
    if (!ix->built) {
        index_walk(ix, ix->dir, 3);
        ix->built = 1;
    }
    for (size_t i = 0; i < ix->n; i++)
        if (!strcmp(ix->names[i], file))
            return ix->paths[i];
    return NULL;
}

static void index_free(font_index *ix)
{
    for (size_t i = 0; i < ix->n; i++) {
        free(ix->names[i]);
        free(ix->paths[i]);
    }
    free(ix->names);
    free(ix->paths);
    free(ix->dir);
}

typedef struct loaded_path {
    char *path;
    sy_font *font;
} loaded_path;

struct sy_fontset {
    font_index *dirs;
    size_t ndirs;
    manifest_entry *roles;
    size_t nroles, caproles;
    loaded_path *paths;
    size_t npaths, cappaths;
};

static void safe_name(char *dst, size_t size, const char *src)
{
    size_t n = 0;
    for (; *src && n + 1 < size; src++) {
        unsigned char c = (unsigned char)*src;
        dst[n++] = (c <= ' ' || c > '~' || strchr("()<>[]{}/%#", c)) ? '-' : (char)c;
    }
    dst[n] = 0;
}

sy_font *sy_font_load(const char *path, sy_diags *d)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, path, 0, 0, NULL, "cannot open font: %s",
                     strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) { /* a FIFO would block the read, a device never end */
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, path, 0, 0, NULL,
                     "not a regular file (a folder, a pipe or a device): refused");
        return NULL;
    }
    sy_font *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
        return NULL;
    }
    f->blob = hb_blob_create_from_file_or_fail(path);
    if (!f->blob) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, path, 0, 0, NULL, "cannot read font file");
        sy_font_free(f);
        return NULL;
    }
    f->face = hb_face_create(f->blob, 0);
    f->nglyphs = hb_face_get_glyph_count(f->face);
    f->upem = hb_face_get_upem(f->face);
    if (f->nglyphs == 0 || f->upem < 16) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, path, 0, 0, NULL,
                     "not a TrueType or OpenType font");
        sy_font_free(f);
        return NULL;
    }
    f->font = hb_font_create(f->face); /* hb-ot functions, scale = upem */
    hb_blob_t *glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
    f->has_glyf = hb_blob_get_length(glyf) > 0;
    hb_blob_destroy(glyf);
    hb_position_t asc = 0, dsc = 0;
    hb_ot_metrics_get_position_with_fallback(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
    hb_ot_metrics_get_position_with_fallback(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &dsc);
    f->ascender = asc;
    f->descender = dsc;
    hb_position_t cap = 0;
    hb_ot_metrics_get_position_with_fallback(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
    f->cap_height = cap;
    hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned hl;
    const unsigned char *hd = (const unsigned char *)hb_blob_get_data(head, &hl);
    for (int i = 0; i < 4; i++) /* int16 at offsets 36, 38, 40, 42 */
        f->bbox[i] = hl >= 44 ? (int16_t)(hd[36 + 2 * i] << 8 | hd[37 + 2 * i]) : 0;
    hb_blob_destroy(head);

    /* A fingerprint of the font file without reading all of it: its size,
     * and the head table (whose checkSumAdjustment covers the whole file)
     * and name table. */
    unsigned len;
    hb_blob_get_data(f->blob, &len);
    uint32_t h = 2166136261u ^ len; /* FNV-1a */
    static const hb_tag_t tags[] = {HB_TAG('h', 'e', 'a', 'd'), HB_TAG('n', 'a', 'm', 'e')};
    for (size_t t = 0; t < 2; t++) {
        hb_blob_t *b = hb_face_reference_table(f->face, tags[t]);
        unsigned bl;
        const unsigned char *bd = (const unsigned char *)hb_blob_get_data(b, &bl);
        for (unsigned i = 0; i < bl; i++)
            h = (h ^ bd[i]) * 16777619u;
        hb_blob_destroy(b);
    }
    f->checksum = h;

    char name[128];
    unsigned n = sizeof name;
    if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &n,
                            name) == 0)
        snprintf(name, sizeof name, "Font%08X", (unsigned)h);
    safe_name(f->psname, sizeof f->psname, name);
    n = sizeof f->family;
    if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID, &n,
                            f->family) == 0)
        snprintf(f->family, sizeof f->family, "%s", f->psname);
    return f;
}

void sy_font_free(sy_font *f)
{
    if (!f)
        return;
    hb_font_destroy(f->font);
    hb_face_destroy(f->subset_face);
    hb_face_destroy(f->face);
    hb_blob_destroy(f->blob);
    free(f->path);
    free(f);
}

/* hb_subset_preprocess costs about twenty subsets of a house font (some
 * 27 M instructions against 1.3 M a subset planned from the plain face,
 * 0.2 M from the preprocessed one), which one `sanya build` never repays.
 * As in the ski-rental problem, a font is preprocessed once the subsets
 * made without it have cost about as much as preprocessing would have:
 * never more than twice the best choice in hindsight, however many
 * agreements a batch worker builds with its fonts. */
#define PREPROCESS_AFTER_SUBSETS 24

hb_face_t *sy_font_subset_face(const sy_font *f)
{
    sy_font *m = (sy_font *)f; /* a cache, made once: fonts stay logically const */
    if (!m->subset_face && ++m->subsets > PREPROCESS_AFTER_SUBSETS)
        m->subset_face = hb_subset_preprocess(m->face);
    return m->subset_face ? m->subset_face : m->face;
}

hb_font_t *sy_font_hb(const sy_font *f)
{
    return f->font;
}

unsigned sy_font_upem(const sy_font *f)
{
    return f->upem;
}

int32_t sy_font_glyph_advance(const sy_font *f, uint32_t gid)
{
    return hb_font_get_glyph_h_advance(f->font, gid);
}

unsigned sy_font_glyph_count(const sy_font *f)
{
    return f->nglyphs;
}

const char *sy_font_path(const sy_font *f)
{
    return f->path;
}

const char *sy_font_psname(const sy_font *f)
{
    return f->psname;
}

const char *sy_font_family(const sy_font *f)
{
    return f->family;
}

void sy_font_bbox(const sy_font *f, int bbox[4])
{
    for (int i = 0; i < 4; i++)
        bbox[i] = f->bbox[i];
}

int sy_font_cap_height(const sy_font *f)
{
    return f->cap_height;
}

int sy_font_has_glyf(const sy_font *f)
{
    return f->has_glyf;
}

uint32_t sy_font_nominal_glyph(const sy_font *f, uint32_t cp)
{
    hb_codepoint_t g = 0;
    return hb_font_get_nominal_glyph(f->font, cp, &g) ? g : 0;
}

int sy_font_covers(const sy_font *f, uint32_t cp)
{
    return sy_font_nominal_glyph(f, cp) != 0;
}

int sy_font_ascender(const sy_font *f)
{
    return f->ascender;
}

int sy_font_descender(const sy_font *f)
{
    return f->descender;
}

uint32_t sy_font_checksum(const sy_font *f)
{
    return f->checksum;
}

/* ---- the set of fonts ---- */

sy_fontset *sy_fontset_new(const char *const *dirs, size_t ndirs)
{
    sy_fontset *fs = calloc(1, sizeof *fs);
    if (!fs)
        return NULL;
    fs->dirs = calloc(ndirs ? ndirs : 1, sizeof *fs->dirs);
    if (!fs->dirs) {
        free(fs);
        return NULL;
    }
    for (size_t i = 0; i < ndirs; i++) {
        if (!(fs->dirs[i].dir = strdup(dirs[i]))) {
            fs->ndirs = i;
            sy_fontset_free(fs);
            return NULL;
        }
    }
    fs->ndirs = ndirs;
    return fs;
}

void sy_fontset_free(sy_fontset *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->ndirs; i++)
        index_free(&fs->dirs[i]);
    free(fs->dirs);
    for (size_t i = 0; i < fs->nroles; i++) {
        free(fs->roles[i].role);
        free(fs->roles[i].file);
        free(fs->roles[i].package);
    }
    free(fs->roles);
    for (size_t i = 0; i < fs->npaths; i++) {
        free(fs->paths[i].path);
        sy_font_free(fs->paths[i].font);
    }
    free(fs->paths);
    free(fs);
}

int sy_fontset_has_role(const sy_fontset *fs, const char *role)
{
    for (size_t i = 0; i < fs->nroles; i++)
        if (!strcmp(fs->roles[i].role, role))
            return 1;
    return 0;
}

sy_status sy_fontset_load_manifest_buffer(sy_fontset *fs, const char *name, const char *data,
                                          size_t len, sy_diags *d)
{
    sy_status st = SY_OK;
    int lineno = 0;
    for (size_t pos = 0; pos < len && st != SY_ERR_NOMEM;) {
        lineno++;
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        char *line = strndup(data + pos, end - pos);
        pos = nl ? end + 1 : len;
        if (!line)
            return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, name, lineno, 1, NULL,
                                "out of memory");
        char *hash = strchr(line, '#');
        if (hash)
            *hash = 0;
        char *save = NULL;
        char *role = strtok_r(line, " \t\r", &save);
        char *file = role ? strtok_r(NULL, " \t\r", &save) : NULL;
        char *pkg = file ? strtok_r(NULL, " \t\r", &save) : NULL;
        if (!role) {
            free(line);
            continue;
        }
        if (!file || !pkg || strtok_r(NULL, " \t\r", &save)) {
            st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, name, lineno, 1, NULL,
                              "expected 'role file debian-package'");
        } else if (SY_RESERVE(fs->roles, fs->caproles, fs->nroles + 1) != 0) {
            st =
                sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, name, lineno, 1, NULL, "out of memory");
        } else {
            manifest_entry e = {strdup(role), strdup(file), strdup(pkg), NULL};
            if (!e.role || !e.file || !e.package) {
                free(e.role);
                free(e.file);
                free(e.package);
                st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, name, lineno, 1, NULL,
                                  "out of memory");
            } else {
                fs->roles[fs->nroles++] = e;
            }
        }
        free(line);
    }
    return st;
}

sy_fontset *sy_fontset_open(const char *data_dir, sy_diags *d)
{
    size_t n = strlen(data_dir) + 32;
    char *fontdir = malloc(n), *manifest = malloc(n);
    sy_fontset *fs = NULL;
    if (fontdir && manifest) {
        snprintf(fontdir, n, "%s/fonts", data_dir);
        snprintf(manifest, n, "%s/fonts/manifest", data_dir);
        const char *dirs[] = {fontdir, "/usr/share/fonts", "/usr/local/share/fonts"};
        fs = sy_fontset_new(dirs, 3);
    }
    if (!fs)
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    else if (sy_fontset_load_manifest(fs, manifest, d) != SY_OK) {
        sy_fontset_free(fs);
        fs = NULL;
    }
    free(fontdir);
    free(manifest);
    return fs;
}

sy_status sy_fontset_load_manifest(sy_fontset *fs, const char *path, sy_diags *d)
{
    char *data;
    size_t len;
    sy_status st = sy_file_read(path, &data, &len, d);
    if (st != SY_OK)
        return st;
    st = sy_fontset_load_manifest_buffer(fs, path, data, len, d);
    free(data);
    return st;
}

static sy_font *load_path_cached(sy_fontset *fs, const char *path, sy_diags *d)
{
    for (size_t i = 0; i < fs->npaths; i++)
        if (!strcmp(fs->paths[i].path, path))
            return fs->paths[i].font;
    if (SY_RESERVE(fs->paths, fs->cappaths, fs->npaths + 1) != 0) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
        return NULL;
    }
    sy_font *f = sy_font_load(path, d);
    if (!f)
        return NULL;
    char *copy = strdup(path);
    if (!copy) {
        sy_font_free(f);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
        return NULL;
    }
    fs->paths[fs->npaths].path = copy;
    fs->paths[fs->npaths].font = f;
    fs->npaths++;
    return f;
}

static int looks_like_path(const char *s)
{
    size_t n = strlen(s);
    return strchr(s, '/') ||
        (n > 4 &&
         (!strcmp(s + n - 4, ".ttf") || !strcmp(s + n - 4, ".otf") || !strcmp(s + n - 4, ".ttc")));
}

sy_font *sy_fontset_get(sy_fontset *fs, const char *role_or_path, sy_diags *d)
{
    if (looks_like_path(role_or_path))
        return load_path_cached(fs, role_or_path, d);
    manifest_entry *e = NULL;
    for (size_t i = 0; i < fs->nroles; i++)
        if (!strcmp(fs->roles[i].role, role_or_path))
            e = &fs->roles[i];
    if (!e) {
        char list[512] = "";
        for (size_t i = 0; i < fs->nroles; i++) {
            size_t l = strlen(list);
            snprintf(list + l, sizeof list - l, "%s%s", i ? ", " : "", fs->roles[i].role);
        }
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL,
                     "unknown font role '%s' (known roles: %s)", role_or_path, list);
        return NULL;
    }
    if (e->font)
        return e->font;
    for (size_t i = 0; i < fs->ndirs; i++) {
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", fs->dirs[i].dir, e->file);
        const char *found =
            stat(path, &st) == 0 && S_ISREG(st.st_mode) ? path : index_find(&fs->dirs[i], e->file);
        if (found) {
            e->font = load_path_cached(fs, found, d);
            return e->font;
        }
    }
    char where[1024] = "";
    for (size_t i = 0; i < fs->ndirs; i++) {
        size_t l = strlen(where);
        snprintf(where + l, sizeof where - l, "%s%s", i ? ", " : "", fs->dirs[i].dir);
    }
    sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, NULL, 0, 0, NULL,
                 "font for role '%s' (%s) not found in %s: install the Debian package %s "
                 "(apt-get install %s)",
                 e->role, e->file, where, e->package, e->package);
    return NULL;
}
