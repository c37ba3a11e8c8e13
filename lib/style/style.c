/* Style sheets (see style.h): the defaults, the reader of style.yaml over
 * the raw YAML tree of data/yaml.h, and the accessors the typesetter uses.
 * Units are converted to points here, once; the typesetter sees numbers. */
#include "style/style.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal/cal.h"
#include "core/array.h"
#include "core/limits.h"
#include "data/yaml.h"

#define MM SY_STYLE_PT_PER_MM
#define IN SY_STYLE_PT_PER_IN

/* A4, the default page: defined here once. */
#define A4_WIDTH (210 * MM)
#define A4_HEIGHT (297 * MM)

/* Named page sizes, portrait, in points. */
static const struct {
    const char *name;
    double width, height;
} page_sizes[] = {
    {"A4", A4_WIDTH, A4_HEIGHT},
    {"A5", 148 * MM, 210 * MM},
    {"Letter", 8.5 * IN, 11 * IN},
    {"Legal", 8.5 * IN, 14 * IN},
};
#define NPAGE_SIZES (sizeof page_sizes / sizeof *page_sizes)

struct sy_style_sheet {
    sy_page_geometry page;
    double column_gap, full_width_leading;
    int first_language;
    int pdfa; /* 1: documents are PDF/A-3b unless the caller says */
    const char *default_role;
    const char *other_font[2];
    sy_style_footer footer;
    sy_style_article article;
    sy_style_list list;
    sy_style_signatures sig;
    sy_style_rule rule;
    sy_style_role *roles;
    size_t nroles, caproles;
    sy_style_image *images;
    size_t nimages;
    char **owned; /* strings and image bytes this sheet allocated */
    size_t nowned, capowned;
    const char *file;
};

/* ---- the defaults: today's look of Cambodian official documents ---- */

/* clang-format off */
#define ROLE(name, kmf, enf, kms, ens, after, kml, color, marker, tag) \
    {name, {kmf, enf}, {kms, ens}, {kml, 0}, {0, 0}, {0, after}, 0, SY_ALIGN_LEFT, color, marker, \
     {NULL, 0, 0}, tag}
#define BLACK {0, 0, 0}
#define DARK_RED {0.7, 0, 0}
#define NO_MARKER SY_STYLE_MARKER_NONE

static const sy_style_role default_roles[] = {
    ROLE("motto", "khmer-heading", "latin-bold", 12.5, 12, 0.1, 1.45, BLACK, NO_MARKER, NULL),
    ROLE("title", "khmer-heading", "latin-bold", 13, 12, 0.35, 1.45, BLACK, NO_MARKER, "H1"),
    ROLE("heading", "khmer-heading", "latin-bold", 11, 10.5, 0.2, 1.45, BLACK, NO_MARKER, "H2"),
    ROLE("article", "khmer-heading", "latin-bold", 10.5, 10, 0.15, 1.45, BLACK, NO_MARKER, "H2"),
    ROLE("party", "khmer-heading", "latin-bold", 10.5, 10, 0.1, 1.45, BLACK, NO_MARKER, NULL),
    ROLE("body", "khmer-body", "latin-body", 10.5, 10, 0.45, 1.42, BLACK, NO_MARKER, NULL),
    ROLE("small", "khmer-body", "latin-body", 8.5, 8, 0.2, 1.42, BLACK, NO_MARKER, NULL),
    /* the checklist's heading: its table's header row */
    ROLE("checklist-head", "khmer-heading", "latin-bold", 11, 10.5, 0.2, 1.45, BLACK, NO_MARKER,
         "TH"),
    /* checklist rows: a box in the margin, ticked when done */
    ROLE("check-open", "khmer-body", "latin-body", 10.5, 10, 0.3, 1.42, BLACK,
         SY_STYLE_MARKER_BOX, "TD"),
    ROLE("check-done", "khmer-body", "latin-body", 10.5, 10, 0.3, 1.42, BLACK,
         SY_STYLE_MARKER_BOX_CHECKED, "TD"),
    /* warnings, in dark red */
    ROLE("banner", "khmer-body", "latin-bold", 10.5, 10, 0.3, 1.42, DARK_RED, NO_MARKER, NULL),
};
/* clang-format on */
#define NDEFAULT_ROLES (sizeof default_roles / sizeof *default_roles)

static const sy_style_sheet default_sheet = {
    .page = {A4_WIDTH, A4_HEIGHT, 25 * MM, 25 * MM, 25 * MM, 25 * MM},
    .column_gap = 8 * MM,
    /* Khmer across the full width gets more leading: poppler has no second
     * column there to mistake widely spaced lines for. */
    .full_width_leading = 1.12,
    .default_role = "body",
    .other_font = {"khmer-body", "latin-body"},
    .footer = {1,
               "small",
               /* no words in C: a template's style.yaml words its footer */
               {"{page}/{pages}", "{page}/{pages}"},
               0,
               " · ",
               10 * MM,
               SY_ALIGN_CENTER},
    .article = {"article",
                /* numbers only: the words are the template's */
                {"{n}. {title}", "{n}. {title}"},
                {"{n}.", "{n}."}},
    .list = {"body", 7 * MM, "•", {"{n}.", "{n}."}},
    .sig = {26 * MM, "body", "party"},
    .rule = {28 * MM, 12, 0.7},
    .roles = (sy_style_role *)default_roles,
    .nroles = NDEFAULT_ROLES,
};

sy_page_geometry sy_style_default_page(void)
{
    return default_sheet.page;
}

const sy_style_sheet *sy_style_defaults(void)
{
    return &default_sheet;
}

void sy_style_free(sy_style_sheet *s)
{
    if (!s || s == &default_sheet)
        return;
    for (size_t i = 0; i < s->nowned; i++)
        free(s->owned[i]);
    free(s->owned);
    free(s->roles);
    free(s->images);
    free(s);
}

/* ---- reading style.yaml ---- */

typedef struct reader {
    sy_style_sheet *s;
    sy_walk w;
    int failed; /* out of memory */
} reader;

static int own(reader *r, void *p)
{
    sy_style_sheet *s = r->s;
    if (!p || SY_RESERVE(s->owned, s->capowned, s->nowned + 1) != 0) {
        free(p);
        if (!r->failed)
            sy_walk_nomem(&r->w);
        r->failed = 1;
        return -1;
    }
    s->owned[s->nowned++] = p;
    return 0;
}

static const char *own_str(reader *r, const char *text, size_t len)
{
    char *p = malloc(len + 1);
    if (p) {
        memcpy(p, text, len);
        p[len] = 0;
    }
    return own(r, p) == 0 ? p : NULL;
}

static void bad(reader *r, const sy_yn *n, const char *what)
{
    char got[64];
    sy_walk_error(&r->w, n, "expected %s, got %s", what, sy_yn_describe(n, got, sizeof got));
}

static int is_scalar(const sy_yn *n)
{
    return n && n->kind == SY_YN_SCALAR && !sy_yn_is_null(n);
}

/* A decimal number without exponent ("12", "0.45", "-3"); *end gets the
 * rest. Locale-independent, unlike strtod, and exact as far as a double
 * goes: the digits make an integer divided once by a power of ten, so
 * "0.45" is the double nearest 0.45. Returns -1 when there is none. */
static int decimal(const char *t, double *v, const char **end)
{
    const char *p = t;
    int neg = 0;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    double mant = 0, scale = 1;
    int digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 15) {
        mant = mant * 10 + (*p++ - '0');
        digits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9' && digits < 15) {
            mant = mant * 10 + (*p++ - '0');
            scale *= 10;
            digits++;
        }
    }
    if (!digits || (*p >= '0' && *p <= '9'))
        return -1;
    *v = (neg ? -mant : mant) / scale;
    *end = p;
    return 0;
}

/* A length "25mm", "12pt", "1in", "0" (or "0.45em" when allow_em). */
static int length(reader *r, const sy_yn *n, int allow_em, sy_style_length *out)
{
    const char *want = allow_em ? "a length such as \"25mm\", \"12pt\", \"1in\" or \"0.5em\""
                                : "a length such as \"25mm\", \"12pt\" or \"1in\"";
    double v;
    const char *end;
    if (!is_scalar(n) || decimal(n->text, &v, &end) != 0) {
        bad(r, n, want);
        return -1;
    }
    while (*end == ' ')
        end++;
    sy_style_length l = {0, 0};
    if (!strcmp(end, "mm"))
        l.pt = v * MM;
    else if (!strcmp(end, "cm"))
        l.pt = v * 10 * MM;
    else if (!strcmp(end, "pt"))
        l.pt = v;
    else if (!strcmp(end, "in"))
        l.pt = v * IN;
    else if (!strcmp(end, "em") && allow_em)
        l.em = v;
    else if (!*end && v == 0)
        l.pt = 0;
    else {
        sy_walk_error(&r->w, n, "expected %s: \"%s\" has %s", want, n->text,
                      *end ? "an unknown unit" : "no unit (mm, pt, in)");
        return -1;
    }
    if (v < 0) {
        sy_walk_error(&r->w, n, "a length must not be negative, got \"%s\"", n->text);
        return -1;
    }
    if (l.pt > SY_LIMIT_STYLE_LENGTH_PT || l.em > SY_LIMIT_STYLE_LENGTH_EM) {
        sy_walk_error(&r->w, n, "\"%s\" is too large", n->text);
        return -1;
    }
    *out = l;
    return 0;
}

static int points(reader *r, const sy_yn *n, double *out)
{
    sy_style_length l;
    if (length(r, n, 0, &l) != 0)
        return -1;
    *out = l.pt;
    return 0;
}

/* A size: a length above zero. */
static int size(reader *r, const sy_yn *n, double *out)
{
    double v;
    if (points(r, n, &v) != 0)
        return -1;
    if (v <= 0) {
        sy_walk_error(&r->w, n, "a size must be above zero, got \"%s\"", n->text);
        return -1;
    }
    *out = v;
    return 0;
}

/* A plain number in [min, max]; "auto" gives 0 when allow_auto. */
static int number(reader *r, const sy_yn *n, double min, double max, int allow_auto, double *out)
{
    double v;
    const char *end;
    if (allow_auto && is_scalar(n) && !strcmp(n->text, "auto")) {
        *out = 0;
        return 0;
    }
    if (!is_scalar(n) || decimal(n->text, &v, &end) != 0 || *end) {
        bad(r, n, allow_auto ? "a number (a multiple of the text size) or \"auto\"" : "a number");
        return -1;
    }
    if (v < min || v > max) {
        sy_walk_error(&r->w, n, "expected a number from %g to %g, got \"%s\"", min, max, n->text);
        return -1;
    }
    *out = v;
    return 0;
}

static int choice(reader *r, const sy_yn *n, const char *const *choices, int *out)
{
    for (int i = 0; is_scalar(n) && choices[i]; i++)
        if (!strcmp(n->text, choices[i])) {
            *out = i;
            return 0;
        }
    char list[160] = "", got[64];
    size_t used = 0;
    for (int i = 0; choices[i] && used < sizeof list; i++)
        used +=
            (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", choices[i]);
    const char *hint = is_scalar(n) ? sy_data_suggest(n->text, choices) : NULL;
    if (hint)
        sy_walk_suggest(&r->w, n, SY_SUGGEST_PAREN, hint, "expected one of %s, got %s", list,
                        sy_yn_describe(n, got, sizeof got));
    else
        sy_walk_error(&r->w, n, "expected one of %s, got %s", list,
                      sy_yn_describe(n, got, sizeof got));
    return -1;
}

static int align(reader *r, const sy_yn *n, sy_align *out)
{
    static const char *const names[] = {"left", "center", "right", "justify", NULL};
    int i;
    if (choice(r, n, names, &i) != 0)
        return -1;
    *out = (sy_align)i;
    return 0;
}

static int hexdigit(char c)
{
    return c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f'  ? c - 'a' + 10
        : c >= 'A' && c <= 'F'  ? c - 'A' + 10
                                : -1;
}

/* "#RRGGBB", or a list of three numbers from 0 to 1. */
static int color(reader *r, const sy_yn *n, double out[3])
{
    if (n && n->kind == SY_YN_SEQ) {
        if (n->count != 3) {
            sy_walk_error(&r->w, n, "a colour list has three numbers (red, green, blue)");
            return -1;
        }
        double c[3];
        for (int i = 0; i < 3; i++)
            if (number(r, n->items[i], 0, 1, 0, &c[i]) != 0)
                return -1;
        memcpy(out, c, sizeof c);
        return 0;
    }
    int ok = is_scalar(n) && n->len == 7 && n->text[0] == '#';
    for (int i = 1; ok && i < 7; i++)
        ok = hexdigit(n->text[i]) >= 0;
    if (!ok) {
        bad(r, n, "a colour \"#RRGGBB\" (such as \"#B30000\") or [red, green, blue] from 0 to 1");
        return -1;
    }
    for (int i = 0; i < 3; i++)
        out[i] = (hexdigit(n->text[1 + 2 * i]) * 16 + hexdigit(n->text[2 + 2 * i])) / 255.0;
    return 0;
}

/* A name of a role or image: lowercase letters, digits, '-' and '_'. */
static int is_name(const char *t)
{
    if (!*t)
        return 0;
    for (; *t; t++)
        if (!((*t >= 'a' && *t <= 'z') || (*t >= '0' && *t <= '9') || *t == '-' || *t == '_'))
            return 0;
    return 1;
}

static int name(reader *r, const sy_yn *n, const char **out)
{
    if (!is_scalar(n) || !is_name(n->text)) {
        bad(r, n, "a name (lowercase letters, digits, '-', '_')");
        return -1;
    }
    const char *s = own_str(r, n->text, n->len);
    if (!s)
        return -1;
    *out = s;
    return 0;
}

/* Text with placeholders among `allowed` (NULL-terminated, without
 * braces). A null value gives NULL when allow_null. */
static int format(reader *r, const sy_yn *n, const char *const *allowed, int allow_null,
                  const char **out)
{
    if (allow_null && n && sy_yn_is_null(n)) {
        *out = NULL;
        return 0;
    }
    if (!n || n->kind != SY_YN_SCALAR) {
        bad(r, n, "text");
        return -1;
    }
    for (const char *p = n->text; (p = strchr(p, '{')) != NULL; p++) {
        const char *close = strchr(p, '}');
        size_t len = close ? (size_t)(close - p - 1) : 0;
        int known = 0;
        for (size_t i = 0; close && allowed[i]; i++)
            known |= strlen(allowed[i]) == len && !memcmp(allowed[i], p + 1, len);
        if (!known) {
            char list[96] = "";
            size_t used = 0;
            for (size_t i = 0; allowed[i] && used < sizeof list; i++)
                used += (size_t)snprintf(list + used, sizeof list - used, "%s{%s}", i ? ", " : "",
                                         allowed[i]);
            sy_walk_error(&r->w, n, "unknown placeholder in \"%s\" (this text may use %s)", n->text,
                          used ? list : "none");
            return -1;
        }
    }
    const char *s = own_str(r, n->text, n->len);
    if (!s)
        return -1;
    *out = s;
    return 0;
}

/* A value given once for both languages or as {km: ..., en: ...}. fn
 * reads one value into out + lang * stride. */
typedef int (*read_fn)(reader *r, const sy_yn *n, void *out);

static int per_lang(reader *r, const sy_yn *n, read_fn fn, void *out, size_t stride)
{
    if (n && n->kind == SY_YN_MAP) {
        static const char *const langs[] = {"km", "en", NULL};
        if (sy_walk_map(&r->w, n, langs, "{km: ..., en: ...}") != 0)
            return -1;
        int rc = 0;
        for (int l = 0; l < 2; l++) {
            const sy_yn *v = sy_yn_get(n, langs[l]);
            size_t old = sy_walk_key(&r->w, langs[l]);
            if (v && fn(r, v, (char *)out + (size_t)l * stride) != 0)
                rc = -1;
            sy_walk_pop(&r->w, old);
        }
        return rc;
    }
    if (fn(r, n, out) != 0)
        return -1;
    return fn(r, n, (char *)out + stride);
}

static int read_size(reader *r, const sy_yn *n, void *out)
{
    return size(r, n, out);
}

static int read_leading(reader *r, const sy_yn *n, void *out)
{
    return number(r, n, 0.5, 5, 1, out);
}

static int read_font(reader *r, const sy_yn *n, void *out)
{
    if (!is_scalar(n)) {
        bad(r, n, "a font role of fonts/manifest (such as khmer-body)");
        return -1;
    }
    const char *s = own_str(r, n->text, n->len);
    if (!s)
        return -1;
    *(const char **)out = s;
    return 0;
}

/* Runs fn on the value of each key of map n present in keys; the walk path
 * names the key. Returns -1 when n is not a map. */
typedef int (*key_fn)(reader *r, const char *key, const sy_yn *v, void *ctx);

static int each_key(reader *r, const sy_yn *n, const char *const *keys, const char *what, key_fn fn,
                    void *ctx)
{
    if (sy_walk_map(&r->w, n, keys, what) != 0)
        return -1;
    for (size_t i = 0; i + 1 < n->count; i += 2) {
        const char *key = n->items[i]->text;
        int known = 0;
        for (size_t k = 0; keys[k]; k++)
            known |= !strcmp(keys[k], key);
        /* unknown and repeated keys were reported by sy_walk_map */
        if (!known || sy_yn_get(n, key) != n->items[i + 1])
            continue;
        size_t old = sy_walk_key(&r->w, key);
        fn(r, key, n->items[i + 1], ctx);
        sy_walk_pop(&r->w, old);
    }
    return 0;
}

static int page_margins(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_page_geometry *p = ctx;
    double *side = !strcmp(key, "top") ? &p->margin_top
        : !strcmp(key, "right")        ? &p->margin_right
        : !strcmp(key, "bottom")       ? &p->margin_bottom
                                       : &p->margin_left;
    return points(r, v, side);
}

static int page_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_page_geometry *p = ctx;
    if (!strcmp(key, "size")) {
        const char *names[NPAGE_SIZES + 1];
        for (size_t i = 0; i < NPAGE_SIZES; i++)
            names[i] = page_sizes[i].name;
        names[NPAGE_SIZES] = NULL;
        int i;
        if (choice(r, v, names, &i) != 0)
            return -1;
        p->width = page_sizes[i].width;
        p->height = page_sizes[i].height;
        return 0;
    }
    if (!strcmp(key, "width"))
        return size(r, v, &p->width);
    if (!strcmp(key, "height"))
        return size(r, v, &p->height);
    /* margins: one length for all four sides, or a map of sides */
    if (v && v->kind == SY_YN_MAP) {
        static const char *const sides[] = {"top", "right", "bottom", "left", NULL};
        return each_key(r, v, sides, "a map of top, right, bottom, left", page_margins, p);
    }
    double m;
    if (points(r, v, &m) != 0)
        return -1;
    p->margin_top = p->margin_right = p->margin_bottom = p->margin_left = m;
    return 0;
}

static int footer_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_style_footer *f = ctx;
    static const char *const ph[] = {"page", "pages", NULL};
    if (!strcmp(key, "role"))
        return name(r, v, &f->role);
    if (!strcmp(key, "km"))
        return format(r, v, ph, 1, &f->text[SY_STYLE_KM]);
    if (!strcmp(key, "en"))
        return format(r, v, ph, 1, &f->text[SY_STYLE_EN]);
    if (!strcmp(key, "first")) {
        static const char *const langs[] = {"km", "en", NULL};
        return choice(r, v, langs, &f->en_first);
    }
    if (!strcmp(key, "separator")) {
        static const char *const none[] = {NULL};
        return format(r, v, none, 0, &f->separator);
    }
    if (!strcmp(key, "gap"))
        return points(r, v, &f->gap);
    return align(r, v, &f->align);
}

static int pair_formats(reader *r, const sy_yn *v, const char *const *ph, const char *out[2])
{
    static const char *const langs[] = {"km", "en", NULL};
    if (sy_walk_map(&r->w, v, langs, "{km: ..., en: ...}") != 0)
        return -1;
    int rc = 0;
    for (int l = 0; l < 2; l++) {
        const sy_yn *t = sy_yn_get(v, langs[l]);
        size_t old = sy_walk_key(&r->w, langs[l]);
        if (t && format(r, t, ph, 0, &out[l]) != 0)
            rc = -1;
        sy_walk_pop(&r->w, old);
    }
    return rc;
}

static int article_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_style_article *a = ctx;
    static const char *const label[] = {"n", "title", NULL}, *const untitled[] = {"n", NULL};
    if (!strcmp(key, "role"))
        return name(r, v, &a->role);
    if (!strcmp(key, "label"))
        return pair_formats(r, v, label, a->label);
    return pair_formats(r, v, untitled, a->untitled);
}

static int list_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_style_list *l = ctx;
    static const char *const ph[] = {"n", NULL}, *const none[] = {NULL};
    if (!strcmp(key, "role"))
        return name(r, v, &l->role);
    if (!strcmp(key, "indent"))
        return points(r, v, &l->indent);
    if (!strcmp(key, "bullet"))
        return format(r, v, none, 0, &l->bullet);
    return pair_formats(r, v, ph, l->number);
}

static int sig_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_style_signatures *g = ctx;
    if (!strcmp(key, "room"))
        return points(r, v, &g->room);
    if (!strcmp(key, "title-role"))
        return name(r, v, &g->title_role);
    return name(r, v, &g->name_role);
}

static int rule_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_style_rule *u = ctx;
    return points(r, v,
                  !strcmp(key, "width")        ? &u->width
                      : !strcmp(key, "height") ? &u->height
                                               : &u->line);
}

static int role_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_style_role *ro = ctx;
    if (!strcmp(key, "font"))
        return per_lang(r, v, read_font, ro->font, sizeof ro->font[0]);
    if (!strcmp(key, "size"))
        return per_lang(r, v, read_size, ro->size, sizeof ro->size[0]);
    if (!strcmp(key, "leading"))
        return per_lang(r, v, read_leading, ro->leading, sizeof ro->leading[0]);
    if (!strcmp(key, "space-before"))
        return length(r, v, 1, &ro->space_before);
    if (!strcmp(key, "space-after"))
        return length(r, v, 1, &ro->space_after);
    if (!strcmp(key, "align")) {
        if (align(r, v, &ro->align) != 0)
            return -1;
        ro->has_align = 1;
        return 0;
    }
    if (!strcmp(key, "color"))
        return color(r, v, ro->color);
    if (!strcmp(key, "tag")) {
        static const char *const tags[] = {"P",  "H1", "H2",       "H3",         "H4",
                                           "H5", "H6", "Caption",  "BlockQuote", "Note",
                                           "TD", "TH", "Artifact", NULL};
        int t;
        if (choice(r, v, tags, &t) != 0)
            return -1;
        ro->tag = tags[t];
        return 0;
    }
    static const char *const markers[] = {"none", "box", "box-checked", NULL};
    int m;
    if (choice(r, v, markers, &m) != 0)
        return -1;
    ro->marker = (sy_style_marker)m;
    return 0;
}

static sy_style_role *find_role(sy_style_sheet *s, const char *name)
{
    for (size_t i = 0; i < s->nroles; i++)
        if (!strcmp(s->roles[i].name, name))
            return &s->roles[i];
    return NULL;
}

static void read_roles(reader *r, const sy_yn *n)
{
    static const char *const keys[] = {"font",  "size",  "leading", "space-before", "space-after",
                                       "align", "color", "marker",  "tag",          NULL};
    if (!n || n->kind != SY_YN_MAP) {
        bad(r, n, "a map of roles (name: {font, size, ...})");
        return;
    }
    for (size_t i = 0; i + 1 < n->count; i += 2) {
        const sy_yn *k = n->items[i], *v = n->items[i + 1];
        size_t old = sy_walk_key(&r->w, k->text);
        if (!is_name(k->text)) {
            bad(r, k, "a role name (lowercase letters, digits, '-', '_')");
        } else if (sy_yn_get(n, k->text) != v) {
            sy_walk_error(&r->w, k, "role \"%s\" given twice", k->text);
        } else {
            sy_style_role *ro = find_role(r->s, k->text);
            if (ro)
                ro->mark = sy_walk_mark(&r->w, k);
            if (!ro) { /* a new role starts as a copy of the default role */
                sy_style_role *base = find_role(r->s, r->s->default_role);
                sy_style_role fresh = base ? *base : default_roles[0];
                if (SY_RESERVE(r->s->roles, r->s->caproles, r->s->nroles + 1) != 0 ||
                    !(fresh.name = own_str(r, k->text, k->len))) {
                    sy_walk_nomem(&r->w);
                    r->failed = 1;
                    sy_walk_pop(&r->w, old);
                    return;
                }
                fresh.mark = sy_walk_mark(&r->w, k);
                r->s->roles[r->s->nroles] = fresh;
                ro = &r->s->roles[r->s->nroles++];
            }
            each_key(r, v, keys, "a map of role settings", role_key, ro);
        }
        sy_walk_pop(&r->w, old);
    }
}

static int image_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    sy_style_image *im = ctx;
    if (!strcmp(key, "file")) {
        if (!is_scalar(v) || v->len > SY_LIMIT_STYLE_FILE_NAME_BYTES) {
            bad(r, v, "a file name in the template folder (such as emblem.png)");
            return -1;
        }
        im->file = own_str(r, v->text, v->len);
        im->mark = sy_walk_mark(&r->w, v);
        return im->file ? 0 : -1;
    }
    if (!strcmp(key, "width"))
        return size(r, v, &im->width);
    if (!strcmp(key, "height"))
        return size(r, v, &im->height);
    if (!strcmp(key, "alt")) {
        if (!is_scalar(v) || !v->len || v->len > 1000) {
            bad(r, v, "the image's words for a screen reader, 1 to 1000 bytes");
            return -1;
        }
        im->alt = own_str(r, v->text, v->len);
        return im->alt ? 0 : -1;
    }
    return align(r, v, &im->align);
}

static void read_images(reader *r, const sy_yn *n)
{
    static const char *const keys[] = {"file", "width", "height", "align", "alt", NULL};
    if (!n || n->kind != SY_YN_MAP) {
        bad(r, n, "a map of images (name: {file, width, height})");
        return;
    }
    size_t count = n->count / 2;
    r->s->images = calloc(count ? count : 1, sizeof *r->s->images);
    if (!r->s->images) {
        sy_walk_nomem(&r->w);
        r->failed = 1;
        return;
    }
    for (size_t i = 0; i + 1 < n->count; i += 2) {
        const sy_yn *k = n->items[i], *v = n->items[i + 1];
        size_t old = sy_walk_key(&r->w, k->text);
        sy_style_image im = {NULL, NULL, 0, 0, SY_ALIGN_CENTER, NULL, 0, sy_walk_mark(&r->w, k),
                             NULL};
        if (!is_name(k->text)) {
            bad(r, k, "an image name (lowercase letters, digits, '-', '_')");
        } else if (sy_yn_get(n, k->text) != v) {
            sy_walk_error(&r->w, k, "image \"%s\" given twice", k->text);
        } else if (each_key(r, v, keys, "a map of file, width, height, align", image_key, &im) ==
                   0) {
            if (!im.file && !sy_yn_get(v, "file"))
                sy_walk_error(&r->w, v, "missing \"file\" (the image file in the template folder)");
            else if (!im.width && !im.height && !sy_yn_get(v, "width") && !sy_yn_get(v, "height"))
                sy_walk_error(&r->w, v, "an image needs a width, a height or both");
            else if (im.file && (im.name = own_str(r, k->text, k->len)) != NULL)
                r->s->images[r->s->nimages++] = im;
        }
        sy_walk_pop(&r->w, old);
    }
}

static int top_key(reader *r, const char *key, const sy_yn *v, void *ctx)
{
    (void)ctx;
    sy_style_sheet *s = r->s;
    if (!strcmp(key, "page")) {
        static const char *const keys[] = {"size", "width", "height", "margins", NULL};
        return each_key(r, v, keys, "a map of size, width, height, margins", page_key, &s->page);
    }
    if (!strcmp(key, "column-gap"))
        return points(r, v, &s->column_gap);
    if (!strcmp(key, "first-language")) {
        static const char *const langs[] = {"km", "en", NULL};
        return choice(r, v, langs, &s->first_language);
    }
    if (!strcmp(key, "full-width-leading"))
        return number(r, v, 0.5, 3, 0, &s->full_width_leading);
    if (!strcmp(key, "default-role"))
        return name(r, v, &s->default_role);
    if (!strcmp(key, "pdfa")) {
        static const char *const yes_no[] = {"false", "true", NULL};
        return choice(r, v, yes_no, &s->pdfa);
    }
    if (!strcmp(key, "other-script-font"))
        return per_lang(r, v, read_font, s->other_font, sizeof s->other_font[0]);
    if (!strcmp(key, "footer")) {
        static const char *const keys[] = {"role",      "km",  "en",    "first",
                                           "separator", "gap", "align", NULL};
        if (v && v->kind == SY_YN_SCALAR && (!strcmp(v->text, "none") || sy_yn_is_null(v))) {
            s->footer.enabled = 0;
            return 0;
        }
        s->footer.enabled = 1;
        return each_key(r, v, keys, "a map of role, km, en, first, separator, gap, align, or none",
                        footer_key, &s->footer);
    }
    if (!strcmp(key, "article")) {
        static const char *const keys[] = {"role", "label", "untitled", NULL};
        return each_key(r, v, keys, "a map of role, label, untitled", article_key, &s->article);
    }
    if (!strcmp(key, "list")) {
        static const char *const keys[] = {"role", "indent", "bullet", "number", NULL};
        return each_key(r, v, keys, "a map of role, indent, bullet, number", list_key, &s->list);
    }
    if (!strcmp(key, "signatures")) {
        static const char *const keys[] = {"room", "title-role", "name-role", NULL};
        return each_key(r, v, keys, "a map of room, title-role, name-role", sig_key, &s->sig);
    }
    if (!strcmp(key, "rule")) {
        static const char *const keys[] = {"width", "height", "line", NULL};
        return each_key(r, v, keys, "a map of width, height, line", rule_key, &s->rule);
    }
    if (!strcmp(key, "roles")) {
        read_roles(r, v);
        return 0;
    }
    read_images(r, v);
    return 0;
}

/* Every role the sheet names must be defined. */
static void check_role_ref(reader *r, const sy_yn *root, const char *section, const char *key,
                           const char *role)
{
    if (find_role(r->s, role))
        return;
    const sy_yn *at = section ? sy_yn_get(sy_yn_get(root, section), key) : sy_yn_get(root, key);
    const char *names[64];
    size_t k = 0;
    for (size_t i = 0; i < r->s->nroles && k + 1 < 64; i++)
        names[k++] = r->s->roles[i].name;
    names[k] = NULL;
    const char *hint = sy_data_suggest(role, names);
    size_t old = section ? sy_walk_key(&r->w, section) : r->w.plen;
    size_t old2 = sy_walk_key(&r->w, key);
    if (hint)
        sy_walk_suggest(&r->w, at, SY_SUGGEST_PAREN, hint, "no role \"%s\" in this style sheet",
                        role);
    else
        sy_walk_error(&r->w, at,
                      "no role \"%s\" in this style sheet (roles are defined under roles)", role);
    sy_walk_pop(&r->w, old2);
    sy_walk_pop(&r->w, old);
}

sy_style_sheet *sy_style_parse(const char *file, const char *text, size_t len, sy_diags *d)
{
    size_t errors = sy_diags_errors(d);
    sy_style_sheet *s = malloc(sizeof *s);
    sy_style_role *roles = malloc(sizeof default_roles);
    if (!s || !roles) {
        free(s);
        free(roles);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, file, 0, 0, NULL, "out of memory");
        return NULL;
    }
    *s = default_sheet;
    memcpy(roles, default_roles, sizeof default_roles);
    s->roles = roles;
    s->caproles = NDEFAULT_ROLES;
    s->images = NULL;
    reader r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.w.diags = d;
    s->file = own_str(&r, file ? file : "", file ? strlen(file) : 0);
    r.w.file = s->file;
    if (r.failed) {
        sy_style_free(s);
        return NULL;
    }
    /* a file of nothing but comments (a template's placeholder) is the
     * defaults; libyaml would call it empty */
    int blank = 1;
    for (size_t i = 0; i < len && blank;) {
        while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
            i++;
        if (i < len && text[i] == '#')
            while (i < len && text[i] != '\n')
                i++;
        if (i < len && text[i] != '\n')
            blank = 0;
        i++;
    }
    sy_yn *root = blank ? NULL : sy_yn_parse(s->file, text, len, d);
    if (root) {
        static const char *const keys[] = {"page",
                                           "column-gap",
                                           "full-width-leading",
                                           "first-language",
                                           "default-role",
                                           "pdfa",
                                           "other-script-font",
                                           "footer",
                                           "article",
                                           "list",
                                           "signatures",
                                           "rule",
                                           "roles",
                                           "images",
                                           NULL};
        if (root->kind == SY_YN_SCALAR && sy_yn_is_null(root)) {
            /* an empty file (only comments): the defaults */
        } else if (each_key(&r, root, keys, "a map of style settings (page, roles, ...)", top_key,
                            NULL) == 0) {
            check_role_ref(&r, root, NULL, "default-role", s->default_role);
            check_role_ref(&r, root, "footer", "role", s->footer.role);
            check_role_ref(&r, root, "article", "role", s->article.role);
            check_role_ref(&r, root, "list", "role", s->list.role);
            check_role_ref(&r, root, "signatures", "title-role", s->sig.title_role);
            check_role_ref(&r, root, "signatures", "name-role", s->sig.name_role);
            const sy_page_geometry *p = &s->page;
            if (p->margin_left + p->margin_right + 72 > p->width ||
                p->margin_top + p->margin_bottom + 72 > p->height) {
                const sy_yn *at = sy_yn_get(root, "page");
                size_t old = sy_walk_key(&r.w, "page");
                sy_walk_error(&r.w, at,
                              "the margins leave less than 1 inch of text on a %.0f x %.0f pt "
                              "page",
                              p->width, p->height);
                sy_walk_pop(&r.w, old);
            }
        }
        sy_yn_free(root);
    }
    if (sy_diags_errors(d) > errors || r.failed) {
        sy_style_free(s);
        return NULL;
    }
    return s;
}

sy_status sy_style_set_image_data(sy_style_sheet *s, size_t i, unsigned char *data, size_t len,
                                  sy_diags *d)
{
    if (!s || s == &default_sheet || i >= s->nimages) {
        free(data);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL, "no image %zu", i);
    }
    reader r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.w.diags = d;
    r.w.file = s->file;
    if (own(&r, data) != 0)
        return SY_ERR_NOMEM;
    sy_style_image *im = &s->images[i];
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static const unsigned char jpeg[3] = {0xFF, 0xD8, 0xFF};
    if (!(len > sizeof png && !memcmp(data, png, sizeof png)) &&
        !(len > sizeof jpeg && !memcmp(data, jpeg, sizeof jpeg)))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, im->mark.file, im->mark.line,
                            im->mark.column, NULL, "'%s' is not a PNG or JPEG file", im->file);
    im->data = data;
    im->len = len;
    return SY_OK;
}

/* ---- reading a sheet ---- */

static const sy_style_sheet *or_default(const sy_style_sheet *s)
{
    return s ? s : &default_sheet;
}

const sy_page_geometry *sy_style_page(const sy_style_sheet *s)
{
    return &or_default(s)->page;
}

double sy_style_column_gap(const sy_style_sheet *s)
{
    return or_default(s)->column_gap;
}

int sy_style_first_language(const sy_style_sheet *s)
{
    return or_default(s)->first_language;
}

double sy_style_full_width_leading(const sy_style_sheet *s)
{
    return or_default(s)->full_width_leading;
}

int sy_style_pdfa(const sy_style_sheet *s)
{
    return or_default(s)->pdfa;
}

const char *sy_style_other_script_font(const sy_style_sheet *s, int lang)
{
    return or_default(s)->other_font[lang == SY_STYLE_EN];
}

const sy_style_role *sy_style_role_find(const sy_style_sheet *s, const char *name)
{
    s = or_default(s);
    for (size_t i = 0; name && i < s->nroles; i++)
        if (!strcmp(s->roles[i].name, name))
            return &s->roles[i];
    return NULL;
}

const sy_style_role *sy_style_role_get(const sy_style_sheet *s, const char *name)
{
    const sy_style_role *r = sy_style_role_find(s, name);
    if (!r)
        r = sy_style_role_find(s, or_default(s)->default_role);
    return r ? r : &or_default(s)->roles[0];
}

size_t sy_style_role_count(const sy_style_sheet *s)
{
    return or_default(s)->nroles;
}

const sy_style_role *sy_style_role_at(const sy_style_sheet *s, size_t i)
{
    return i < or_default(s)->nroles ? &or_default(s)->roles[i] : NULL;
}

const sy_style_footer *sy_style_footer_of(const sy_style_sheet *s)
{
    return &or_default(s)->footer;
}

const sy_style_article *sy_style_article_of(const sy_style_sheet *s)
{
    return &or_default(s)->article;
}

const sy_style_list *sy_style_list_of(const sy_style_sheet *s)
{
    return &or_default(s)->list;
}

const sy_style_signatures *sy_style_signatures_of(const sy_style_sheet *s)
{
    return &or_default(s)->sig;
}

const sy_style_rule *sy_style_rule_of(const sy_style_sheet *s)
{
    return &or_default(s)->rule;
}

size_t sy_style_image_count(const sy_style_sheet *s)
{
    return or_default(s)->nimages;
}

const sy_style_image *sy_style_image_at(const sy_style_sheet *s, size_t i)
{
    return i < or_default(s)->nimages ? &or_default(s)->images[i] : NULL;
}

const sy_style_image *sy_style_image_find(const sy_style_sheet *s, const char *name)
{
    s = or_default(s);
    for (size_t i = 0; name && i < s->nimages; i++)
        if (!strcmp(s->images[i].name, name))
            return &s->images[i];
    return NULL;
}

double sy_style_length_at(sy_style_length l, double size)
{
    return l.pt + l.em * size;
}

static void put_number(long v, int khmer, sy_buf *out)
{
    if (khmer)
        sy_cal_khmer_int(v, out);
    else
        sy_buf_printf(out, "%ld", v);
}

int sy_style_format(const char *fmt, int khmer_digits, long n, long page, long pages,
                    const char *title, size_t title_len, sy_buf *out)
{
    const char *p = fmt;
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!open || !close) {
            sy_buf_puts(out, p);
            break;
        }
        sy_buf_put(out, p, (size_t)(open - p));
        size_t len = (size_t)(close - open - 1);
        const char *key = open + 1;
        if (len == 1 && *key == 'n')
            put_number(n, khmer_digits, out);
        else if (len == 4 && !memcmp(key, "page", 4))
            put_number(page, khmer_digits, out);
        else if (len == 5 && !memcmp(key, "pages", 5))
            put_number(pages, khmer_digits, out);
        else if (len == 5 && !memcmp(key, "title", 5))
            sy_buf_put(out, title ? title : "", title ? title_len : 0);
        else
            sy_buf_put(out, open, len + 2);
        p = close + 1;
    }
    return sy_buf_failed(out) ? -1 : 0;
}
