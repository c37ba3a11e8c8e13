/* Optimal-fit line breaking over the paragraph's break opportunities
 * (layout.h). */
#include "layout/layout.h"

#include "core/hash.h"
#include "core/array.h"
#include "core/limits.h"
#include "core/lru.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct line_store {
    sy_line line;
    sy_text_glyph *glyphs;
    sy_text_run *runs;
    double *extra;
} line_store;

struct sy_lines {
    line_store *items;
    size_t n, cap;
};

/* Widths are compared with this slack (points) so rounding never pushes a
 * word that fits exactly onto the next line. */
#define WIDTH_SLACK 0.001

double sy_layout_glyph_advance(const sy_text_para *p, const sy_text_run *r, const sy_text_glyph *g)
{
    return g->x_advance * sy_text_para_style(p)->size / sy_font_upem(r->font);
}

int sy_align_parse(const char *s)
{
    if (!strcmp(s, "left"))
        return SY_ALIGN_LEFT;
    if (!strcmp(s, "center") || !strcmp(s, "centre"))
        return SY_ALIGN_CENTER;
    if (!strcmp(s, "right"))
        return SY_ALIGN_RIGHT;
    if (!strcmp(s, "justify") || !strcmp(s, "justified"))
        return SY_ALIGN_JUSTIFY;
    return -1;
}

void sy_lines_free(sy_lines *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].glyphs);
        free(l->items[i].runs);
        free(l->items[i].extra);
    }
    free(l->items);
    free(l);
}

size_t sy_lines_count(const sy_lines *l)
{
    return l->n;
}

const sy_line *sy_lines_get(const sy_lines *l, size_t i)
{
    return i < l->n ? &l->items[i].line : NULL;
}

/* Badness of a line of natural width w in a measure: the cube of its
 * relative slack (loose lines cost much more than slightly loose ones),
 * plus one per line so that fewer lines win a tie. The last line of a
 * paragraph may be short at no cost. */
static double line_badness(double measure, double w, int last)
{
    if (last)
        return 1;
    double slack = (measure - w) / measure;
    if (slack < 0)
        slack = 0;
    return 1 + 1000 * slack * slack * slack;
}

static size_t trim_end(const char *text, size_t s, size_t e)
{
    while (e > s && text[e - 1] == ' ')
        e--;
    return e;
}

/* Shapes [s, e) and measures it. */
static sy_status shape_line(const sy_text_para *p, size_t s, size_t e, line_store *ls, sy_diags *d)
{
    size_t ng, nr;
    sy_status st = sy_text_para_shape_range(p, s, e, &ls->glyphs, &ng, &ls->runs, &nr, d);
    if (st != SY_OK)
        return st;
    double w = 0;
    for (size_t r = 0; r < nr; r++)
        for (size_t k = 0; k < ls->runs[r].glyph_count; k++)
            w += sy_layout_glyph_advance(p, &ls->runs[r], &ls->glyphs[ls->runs[r].glyph_start + k]);
    ls->line.start = s;
    ls->line.end = e;
    ls->line.width = w;
    ls->line.glyphs = ls->glyphs;
    ls->line.nglyphs = ng;
    ls->line.runs = ls->runs;
    ls->line.nruns = nr;
    return SY_OK;
}

static void release(line_store *ls)
{
    free(ls->glyphs);
    free(ls->runs);
    free(ls->extra);
    memset(ls, 0, sizeof *ls);
}

/* Non-zero when byte b starts a Khmer syllable: a Khmer letter (consonant or
 * independent vowel) not written below the previous one (after COENG). */
static int khmer_syllable_start(const char *text, size_t len, size_t b)
{
    if (b == 0 || b >= len)
        return 0;
    size_t i = b;
    uint32_t c = sy_utf8_next(text, len, &i);
    if (c < 0x1780 || c > 0x17B3)
        return 0;
    return !(b >= 3 && (unsigned char)text[b - 3] == 0xE1 && (unsigned char)text[b - 2] == 0x9F &&
             (unsigned char)text[b - 1] == 0x92); /* U+17D2 COENG */
}

/* Justification: spread `extra` points over the line's gaps. Latin lines
 * stretch their spaces. Khmer writes no spaces between words, so a Khmer line
 * also stretches the gaps between the words ICU found (its break
 * opportunities), spaces taking twice a word gap's share: stretching only
 * the two or three spaces of a Khmer line opens holes that readers and text
 * extractors take for column gaps. A word gap grows to at most
 * KHMER_GAP_MAX em; what is left is spread evenly between the syllables of
 * the line's Khmer text (the way Khmer word processors distribute a line),
 * so a narrow column never shows holes. */
#define KHMER_GAP_MAX 0.6
/* Between syllables a line opens at most this much (em); a line that would
 * need more stays a little short of the measure rather than letter-spaced
 * beyond reading (a TeX "underfull" line). */
#define KHMER_SYLLABLE_MAX 0.08

static sy_status justify(const sy_text_para *p, line_store *ls, double extra)
{
    size_t len;
    const char *text = sy_text_para_text(p, &len);
    const uint8_t *brk = sy_text_para_breaks(p);
    double size = sy_text_para_style(p)->size;
    size_t n = ls->line.nglyphs;
    if (n < 2 || extra <= 0)
        return SY_OK;
    int khmer = 0;
    for (size_t r = 0; r < ls->line.nruns; r++)
        khmer |= !strcmp(ls->line.runs[r].lang, "km");
    double *weight = calloc(n, sizeof *weight);
    uint8_t *syllable = calloc(n, 1);
    uint32_t *sufmin = malloc((n + 1) * sizeof *sufmin);
    if (!weight || !sufmin || !syllable) {
        free(weight);
        free(sufmin);
        free(syllable);
        return SY_ERR_NOMEM;
    }
    sufmin[n] = (uint32_t)ls->line.end;
    for (size_t k = n; k-- > 0;)
        sufmin[k] = ls->glyphs[k].cluster < sufmin[k + 1] ? ls->glyphs[k].cluster : sufmin[k + 1];
    double total = 0;
    size_t nsyllables = 0;
    uint32_t prefmax = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        uint32_t c = ls->glyphs[k].cluster;
        if (c > prefmax)
            prefmax = c;
        /* b: where the text after glyph k starts, if the glyphs divide there */
        uint32_t b = sufmin[k + 1];
        int divides = prefmax < b && b > ls->line.start && b < ls->line.end;
        if (c < ls->line.end && text[c] == ' ') {
            weight[k] = khmer ? 2 : 1;
        } else if (khmer && divides) {
            if (brk[b] && text[b - 1] != ' ' && sy_text_para_is_grapheme_boundary(p, b))
                weight[k] = 1; /* a word gap */
            else if (khmer_syllable_start(text, len, b) && text[b - 1] != ' ')
                syllable[k] = 1;
        }
        total += weight[k];
        nsyllables += syllable[k];
    }
    double per_unit = total > 0 ? extra / total : 0, rest = 0;
    if (khmer && nsyllables && (total == 0 || per_unit > KHMER_GAP_MAX * size)) {
        per_unit = total > 0 ? KHMER_GAP_MAX * size : 0;
        rest = extra - per_unit * total;
        if (rest > KHMER_SYLLABLE_MAX * size * (double)nsyllables)
            rest = KHMER_SYLLABLE_MAX * size * (double)nsyllables;
    }
    if (total > 0 || rest > 0) {
        ls->extra = calloc(n, sizeof *ls->extra);
        if (!ls->extra) {
            free(weight);
            free(sufmin);
            free(syllable);
            return SY_ERR_NOMEM;
        }
        for (size_t k = 0; k < n; k++)
            ls->extra[k] = per_unit * weight[k] + (syllable[k] ? rest / (double)nsyllables : 0);
        ls->line.extra = ls->extra;
    }
    free(weight);
    free(sufmin);
    free(syllable);
    return SY_OK;
}

static sy_status push_line(sy_lines *l, line_store *ls)
{
    if (SY_RESERVE(l->items, l->cap, l->n + 1) != 0)
        return SY_ERR_NOMEM;
    l->items[l->n++] = *ls;
    return SY_OK;
}

/* What the line search knows about one paragraph: the text, breaks and
 * width are borrowed; cum and cost are owned (fit_free frees them). */
typedef struct fit {
    const sy_text_para *p;
    const char *text;
    size_t len;
    const uint8_t *brk;
    double width; /* the measure, points */
    double *cum; /* len + 1: advance of everything before byte b */
    double *cost; /* len + 1, set at break positions: least badness from there on */
    /* len + 1: the first break position after byte b (len + 1: none), so
     * that a line's candidates are visited without walking a long word
     * byte by byte (layout stays linear in the paragraph's length). */
    size_t *next_brk;
} fit;

/* Natural width of the line from b to e, its trailing spaces not counted. */
static double fit_width(const fit *f, size_t b, size_t e)
{
    return f->cum[trim_end(f->text, b, e)] - f->cum[b];
}

/* Non-zero when a line ending at e is the paragraph's last (only spaces follow). */
static int ends_paragraph(const fit *f, size_t e)
{
    return e >= f->len || trim_end(f->text, e, f->len) == e;
}

/* cum[b]: advance of everything before byte b, from the paragraph's
 * shaping (exact at word boundaries, where lines end). */
static void measure_prefixes(fit *f)
{
    size_t ng;
    const sy_text_glyph *glyphs = sy_text_para_glyphs(f->p, &ng);
    for (size_t r = 0; r < sy_text_para_run_count(f->p); r++) {
        const sy_text_run *run = sy_text_para_run(f->p, r);
        for (size_t k = 0; k < run->glyph_count; k++) {
            const sy_text_glyph *g = &glyphs[run->glyph_start + k];
            if (g->cluster < f->len)
                f->cum[g->cluster + 1] += sy_layout_glyph_advance(f->p, run, g);
        }
    }
    for (size_t b = 1; b <= f->len; b++)
        f->cum[b] += f->cum[b - 1];
}

/* Optimal fit: cost[b] is the least total badness of setting the text
 * from break position b to the end (the last line costs nothing), so
 * each line is chosen for the whole paragraph, not greedily: fewer loose
 * lines, which in Khmer would be letter-spaced when justified. */
static sy_status optimal_costs(fit *f)
{
    size_t *cand = malloc((f->len + 2) * sizeof *cand); /* the break positions; freed here */
    if (!cand)
        return SY_ERR_NOMEM;
    size_t ncand = 0;
    cand[ncand++] = 0;
    for (size_t e = 1; e <= f->len; e++)
        if (f->brk[e])
            cand[ncand++] = e;
    for (size_t i = ncand; i-- > 0;) {
        size_t b = cand[i];
        f->cost[b] = b >= f->len ? 0 : HUGE_VAL;
        for (size_t j = i + 1; j < ncand && b < f->len; j++) {
            size_t e = cand[j];
            double w = fit_width(f, b, e);
            if (w > f->width + WIDTH_SLACK)
                break;
            double c = f->cost[e] + line_badness(f->width, w, ends_paragraph(f, e));
            if (c < f->cost[b])
                f->cost[b] = c;
        }
    }
    free(cand);
    return SY_OK;
}

/* Fills f for paragraph p set in `width` points: the advances and the
 * optimal-fit costs. SY_ERR_NOMEM when out of memory; free with fit_free
 * either way. */
static sy_status fit_prepare(fit *f, const sy_text_para *p, double width)
{
    f->p = p;
    f->text = sy_text_para_text(p, &f->len);
    f->brk = sy_text_para_breaks(p);
    f->width = width;
    f->cum = calloc(f->len + 1, sizeof *f->cum);
    f->cost = malloc((f->len + 1) * sizeof *f->cost);
    f->next_brk = malloc((f->len + 1) * sizeof *f->next_brk);
    if (!f->cum || !f->cost || !f->next_brk)
        return SY_ERR_NOMEM;
    size_t next = f->len + 1;
    for (size_t b = f->len + 1; b-- > 0;) {
        f->next_brk[b] = next;
        if (b > 0 && f->brk[b])
            next = b;
    }
    measure_prefixes(f);
    return optimal_costs(f);
}

/* Frees what fit_prepare allocated. */
static void fit_free(fit *f)
{
    free(f->cum);
    free(f->cost);
    free(f->next_brk);
}

/* The break ending the line that starts at s: of those whose line fits,
 * the best by cost, else (an over-long word later on) the longest; 0 when
 * none fits. *first: the first break after s; *prev_fit: the fitting break
 * that was best before the chosen one (0: none), to step back to. */
static size_t choose_break(const fit *f, size_t s, size_t *first, size_t *prev_fit)
{
    size_t best = 0, longest = 0;
    double best_cost = HUGE_VAL;
    *first = *prev_fit = 0;
    for (size_t e = f->next_brk[s]; e <= f->len; e = f->next_brk[e]) {
        if (!*first)
            *first = e;
        double w = fit_width(f, s, e);
        if (w > f->width + WIDTH_SLACK)
            break;
        double c = f->cost[e] + line_badness(f->width, w, ends_paragraph(f, e));
        if (c < best_cost) {
            best_cost = c;
            *prev_fit = best;
            best = e;
        }
        longest = e;
    }
    if (best_cost == HUGE_VAL && longest) {
        *prev_fit = 0;
        best = longest;
    }
    return best;
}

/* Where to end the line at s when one word is wider than the line (its
 * end is `first`, 0: the paragraph's): the last grapheme boundary that
 * fits, else the first. *forced is set when that is inside the word,
 * which is warned about once per word however many lines it is cut over
 * (*cut_word_end: the end of the last word cut). */
static size_t cut_word(const fit *f, size_t s, size_t first, size_t *cut_word_end, int *forced,
                       sy_diags *d)
{
    size_t limit = first ? first : f->len;
    size_t g = 0;
    for (size_t e = s + 1; e < limit; e++) {
        double w = f->cum[e] - f->cum[s];
        if (w > 2 * (f->width + WIDTH_SLACK))
            break; /* advances only grow: nothing further fits (a long word stays linear) */
        if (w <= f->width + WIDTH_SLACK && sy_text_para_is_grapheme_boundary(f->p, e))
            g = e;
    }
    if (!g)
        for (g = s + 1; g < limit && !sy_text_para_is_grapheme_boundary(f->p, g); g++)
            ;
    *forced = g < limit;
    if (*forced && s >= *cut_word_end) {
        char what[64];
        snprintf(what, sizeof what, "a word wider than the line (%.1f pt)", f->width);
        sy_text_para_report(f->p, d, SY_SEV_WARNING, SY_OK, s, what,
                            "was broken inside, at grapheme-cluster boundaries");
    }
    if (*forced)
        *cut_word_end = limit;
    return g;
}

/* Shapes the line from s to *best, its trailing spaces dropped, into ls.
 * The line's own shaping can be a hair wider than the paragraph's measure
 * (context across the break): then it steps back once, to prev_fit, and
 * *best says so. */
static sy_status shape_fitting_line(const fit *f, size_t s, size_t *best, size_t prev_fit,
                                    int forced, line_store *ls, sy_diags *d)
{
    sy_status st = shape_line(f->p, s, trim_end(f->text, s, *best), ls, d);
    if (st == SY_OK && !forced && ls->line.width > f->width + WIDTH_SLACK && prev_fit) {
        size_t pte = trim_end(f->text, s, prev_fit);
        if (pte > s) {
            release(ls);
            *best = prev_fit;
            st = shape_line(f->p, s, pte, ls, d);
        }
    }
    return st;
}

/* Places the line ending at `end` for the alignment; a justified line is
 * stretched to the measure unless it is the paragraph's last or forced. */
static sy_status align_line(const fit *f, line_store *ls, sy_align align, size_t end, int forced)
{
    int last = ends_paragraph(f, end);
    double slack = f->width - ls->line.width;
    switch (align) {
    case SY_ALIGN_LEFT:
        ls->line.x = 0;
        break;
    case SY_ALIGN_CENTER:
        ls->line.x = slack / 2;
        break;
    case SY_ALIGN_RIGHT:
        ls->line.x = slack;
        break;
    case SY_ALIGN_JUSTIFY:
        ls->line.x = 0;
        if (!last && !forced && slack > 0)
            return justify(f->p, ls, slack);
        break;
    }
    return SY_OK;
}

sy_lines *sy_layout_paragraph(const sy_text_para *p, double width, sy_align align, sy_diags *d)
{
    fit f = {0};
    sy_lines *out = calloc(1, sizeof *out);
    if (!out || fit_prepare(&f, p, width) != SY_OK) {
        free(out);
        fit_free(&f);
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        return NULL;
    }
    sy_status st = SY_OK;
    size_t s = 0;
    size_t cut_word_end = 0; /* the end of the last word cut (warned about once) */
    while (s < f.len && st == SY_OK) {
        size_t first, prev_fit, best = choose_break(&f, s, &first, &prev_fit);
        int forced = 0;
        if (!best) /* one word wider than the line */
            best = cut_word(&f, s, first, &cut_word_end, &forced, d);
        if (trim_end(f.text, s, best) == s) { /* nothing but spaces */
            s = best;
            continue;
        }
        line_store ls;
        memset(&ls, 0, sizeof ls);
        st = shape_fitting_line(&f, s, &best, prev_fit, forced, &ls, d);
        if (st == SY_OK) {
            ls.line.forced = forced;
            st = align_line(&f, &ls, align, best, forced);
        }
        if (st == SY_OK)
            st = push_line(out, &ls);
        if (st != SY_OK) {
            release(&ls); /* nothing to free when shaping failed */
            break;
        }
        s = best;
    }
    fit_free(&f);
    if (st != SY_OK) {
        sy_diags_add(d, SY_SEV_ERROR, st, NULL, 0, 0, NULL, "line breaking failed: %s",
                     sy_status_name(st));
        sy_lines_free(out);
        return NULL;
    }
    return out;
}

/* ---- the layout cache ---- */

typedef struct cached_lines {
    sy_lru_node node; /* first: the cache's links, hash and size */
    uint64_t id;
    double width, size;
    sy_align align;
    sy_lines *lines;
} cached_lines;

struct sy_layout_cache {
    sy_lru lru; /* of cached_lines */
};

static void lc_free_entry(sy_lru_node *n)
{
    cached_lines *e = (cached_lines *)n;
    sy_lines_free(e->lines);
    free(e);
}

sy_layout_cache *sy_layout_cache_new(void)
{
    sy_layout_cache *c = malloc(sizeof *c);
    if (c)
        sy_lru_init(&c->lru, SY_LAYOUT_CACHE_BYTES, lc_free_entry);
    return c;
}

void sy_layout_cache_free(sy_layout_cache *c)
{
    if (!c)
        return;
    sy_lru_free(&c->lru);
    free(c);
}

/* A deep copy of l (NULL when out of memory); *bytes receives its size. */
static sy_lines *lines_copy(const sy_lines *l, size_t *bytes)
{
    sy_lines *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->items = calloc(l->n ? l->n : 1, sizeof *c->items);
    if (!c->items) {
        free(c);
        return NULL;
    }
    c->cap = l->n;
    *bytes = sizeof *c + l->n * sizeof *c->items;
    for (size_t i = 0; i < l->n; i++) {
        const line_store *from = &l->items[i];
        line_store *to = &c->items[i];
        size_t ng = from->line.nglyphs, nr = from->line.nruns;
        to->line = from->line;
        to->glyphs = malloc((ng ? ng : 1) * sizeof *to->glyphs);
        to->runs = malloc((nr ? nr : 1) * sizeof *to->runs);
        to->extra = from->extra ? malloc((ng ? ng : 1) * sizeof *to->extra) : NULL;
        c->n = i + 1;
        if (!to->glyphs || !to->runs || (from->extra && !to->extra)) {
            sy_lines_free(c);
            return NULL;
        }
        memcpy(to->glyphs, from->line.glyphs, ng * sizeof *to->glyphs);
        memcpy(to->runs, from->line.runs, nr * sizeof *to->runs);
        if (from->extra)
            memcpy(to->extra, from->line.extra, ng * sizeof *to->extra);
        to->line.glyphs = to->glyphs;
        to->line.runs = to->runs;
        to->line.extra = to->extra;
        *bytes += ng * (sizeof *to->glyphs + (from->extra ? sizeof *to->extra : 0)) +
            nr * sizeof *to->runs;
    }
    return c;
}

static uint64_t lc_hash(uint64_t id, double width, double size, sy_align align)
{
    unsigned char key[sizeof id + 2 * sizeof(double) + sizeof align];
    memcpy(key, &id, sizeof id);
    memcpy(key + sizeof id, &width, sizeof width);
    memcpy(key + sizeof id + sizeof width, &size, sizeof size);
    memcpy(key + sizeof id + 2 * sizeof(double), &align, sizeof align);
    return sy_fnv1a64(SY_FNV1A64_INIT, key, sizeof key);
}

/* Keeps a copy of l, evicting the least recently used beyond the bound;
 * out of memory it keeps nothing (the cache only saves work). */
static void lc_add(sy_layout_cache *c, uint64_t h, uint64_t id, double width, double size,
                   sy_align align, const sy_lines *l)
{
    size_t bytes = 0;
    cached_lines *e = malloc(sizeof *e);
    sy_lines *copy = e ? lines_copy(l, &bytes) : NULL;
    if (!copy) {
        free(e);
        return;
    }
    e->id = id;
    e->width = width;
    e->size = size;
    e->align = align;
    e->lines = copy;
    if (sy_lru_insert(&c->lru, &e->node, h, bytes + sizeof *e) != 0)
        lc_free_entry(&e->node);
}

sy_lines *sy_layout_paragraph_cached(sy_layout_cache *c, const sy_text_para *p, double width,
                                     sy_align align, sy_diags *d)
{
    uint64_t id = sy_text_para_cache_id(p);
    if (!c || !id)
        return sy_layout_paragraph(p, width, align, d);
    double size = sy_text_para_style(p)->size;
    uint64_t h = lc_hash(id, width, size, align);
    for (sy_lru_node *n = sy_lru_first(&c->lru, h); n; n = sy_lru_next(n)) {
        cached_lines *e = (cached_lines *)n;
        if (e->id == id && e->width == width && e->size == size && e->align == align) {
            size_t bytes;
            sy_lines *copy = lines_copy(e->lines, &bytes);
            if (!copy) {
                sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
                return NULL;
            }
            sy_lru_touch(&c->lru, n);
            return copy;
        }
    }
    size_t before = sy_diags_count(d);
    sy_lines *l = sy_layout_paragraph(p, width, align, d);
    if (l && sy_diags_count(d) == before)
        lc_add(c, h, id, width, size, align, l);
    return l;
}
