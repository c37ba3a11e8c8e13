/* Glyph groups for the text layer (see groups.h). */
#include "pdf/groups.h"

#include <stdlib.h>
#include <unicode/uchar.h>

static int starts_with_mark(const char *text, size_t lo, size_t hi)
{
    if (lo >= hi || (unsigned char)text[lo] < 0x80)
        return 0; /* no ASCII character is a mark or a joiner */
    size_t i = lo;
    uint32_t c = sy_utf8_next(text, hi, &i);
    if (c == 0x200C || c == 0x200D)
        return 1;
    int8_t t = u_charType((UChar32)c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/* Where glyph i's characters end: the smallest cluster larger than its own
 * among the glyphs up to 63 places either side (HarfBuzz keeps a
 * syllable's glyphs together), else end. `next` is the smallest cluster
 * larger than glyph i's among all the glyphs (end when none): when a glyph
 * near i has it, that is the answer, and the search stops there, nearest
 * first; `exhaustive` (or not finding it) scans the whole window. */
static size_t cluster_end(const sy_text_glyph *g, size_t n, size_t i, size_t end, size_t next,
                          int exhaustive)
{
    uint32_t c = g[i].cluster;
    if (!exhaustive) {
        if (next == end)
            return end; /* no glyph anywhere has a larger cluster */
        for (size_t k = 1; k < 64; k++) {
            if ((i + k < n && g[i + k].cluster == next) || (k <= i && g[i - k].cluster == next))
                return next;
            if (i + k >= n && k > i)
                break;
        }
    }
    size_t best = end;
    for (size_t k = i + 1; k < n && k < i + 64; k++)
        if (g[k].cluster > c && g[k].cluster < best)
            best = g[k].cluster;
    for (size_t k = i; k-- > 0 && k + 64 > i;)
        if (g[k].cluster > c && g[k].cluster < best)
            best = g[k].cluster;
    return best;
}

/* above[j] for 0 <= j <= end - start: the smallest cluster of g at or
 * after byte start + j, end when none (malloc'd; caller frees). NULL when
 * out of memory or when a cluster lies outside [start, end). */
static size_t *next_clusters(size_t start, size_t end, const sy_text_glyph *g, size_t n)
{
    if (end < start)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (g[i].cluster < start || g[i].cluster >= end)
            return NULL;
    size_t range = end - start;
    size_t *above = calloc(range + 1, sizeof *above);
    if (!above)
        return NULL;
    for (size_t i = 0; i < n; i++)
        above[g[i].cluster - start] = 1;
    size_t next = end;
    for (size_t j = range + 1; j-- > 0;) {
        if (j < range && above[j])
            next = start + j;
        above[j] = next;
    }
    return above;
}

size_t sy_pdf_group_glyphs(const char *text, size_t start, size_t end, const sy_text_glyph *g,
                           size_t n, sy_glyph_group *out)
{
    if (n == 0)
        return 0;
    /* sufmin[i]: smallest cluster among glyphs i..n-1 (end past the last). */
    size_t *sufmin = malloc((n + 1) * sizeof *sufmin);
    size_t *cend = malloc(n * sizeof *cend);
    if (!sufmin || !cend) {
        free(sufmin);
        free(cend);
        /* Out of memory: one composite group for everything is still exact. */
        out[0].first = 0;
        out[0].count = n;
        out[0].lo = start;
        out[0].hi = end;
        out[0].composite = 1;
        return 1;
    }
    sufmin[n] = end;
    for (size_t i = n; i-- > 0;)
        sufmin[i] = g[i].cluster < sufmin[i + 1] ? g[i].cluster : sufmin[i + 1];
    /* cend[i]: where glyph i's characters end = the next larger cluster. */
    size_t *above = next_clusters(start, end, g, n);
    for (size_t i = 0; i < n; i++)
        cend[i] = cluster_end(g, n, i, end, above ? above[g[i].cluster - start + 1] : end, !above);
    free(above);

    /* 1. Smallest glyph runs covering a contiguous character range that no
     * later glyph reaches back into; merged so no group starts with a mark. */
    size_t ng = 0;
    for (size_t i = 0, j; i < n; i = j) {
        size_t lo = g[i].cluster, hi = cend[i];
        for (j = i + 1; j < n && sufmin[j] < hi; j++) {
            if (g[j].cluster < lo)
                lo = g[j].cluster;
            if (cend[j] > hi)
                hi = cend[j];
        }
        if (ng && out[ng - 1].hi == lo && starts_with_mark(text, lo, hi)) {
            out[ng - 1].count += j - i;
            out[ng - 1].hi = hi;
        } else {
            out[ng].first = i;
            out[ng].count = j - i;
            out[ng].lo = lo;
            out[ng].hi = hi;
            out[ng].composite = 0;
            ng++;
        }
    }
    free(sufmin);

    /* 2. A group maps one-to-one when its glyphs come in character order,
     * each with an advance of its own and no offset; then it is split into
     * one group per glyph. Otherwise it becomes one composite. */
    size_t total = 0;
    sy_glyph_group *tmp = malloc(n * sizeof *tmp);
    if (!tmp) {
        for (size_t k = 0; k < ng; k++)
            out[k].composite =
                out[k].count > 1 || g[out[k].first].x_offset || g[out[k].first].y_offset;
        free(cend);
        return ng;
    }
    for (size_t k = 0; k < ng; k++) {
        sy_glyph_group grp = out[k];
        int simple = 1;
        for (size_t q = grp.first; q < grp.first + grp.count && simple; q++) {
            if (g[q].x_offset || g[q].y_offset)
                simple = 0;
            if (grp.count > 1 && g[q].x_advance <= 0)
                simple = 0;
            if (q > grp.first && g[q].cluster <= g[q - 1].cluster)
                simple = 0;
        }
        if (!simple) {
            grp.composite = 1;
            tmp[total++] = grp;
            continue;
        }
        for (size_t q = grp.first; q < grp.first + grp.count; q++) {
            sy_glyph_group one = {q, 1, g[q].cluster,
                                  q + 1 < grp.first + grp.count ? g[q + 1].cluster : grp.hi, 0};
            tmp[total++] = one;
        }
    }
    for (size_t k = 0; k < total; k++)
        out[k] = tmp[k];
    free(tmp);
    free(cend);
    return total;
}
