/* "Did you mean" (suggest.h). */
#include "core/suggest.h"

#include <string.h>

size_t sy_edit_distance(const char *a, size_t la, const char *b, size_t lb, size_t cap)
{
    if (la > SY_SUGGEST_MAX_LEN || lb > SY_SUGGEST_MAX_LEN)
        return cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    size_t d[SY_SUGGEST_MAX_LEN + 1][SY_SUGGEST_MAX_LEN + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

void sy_suggest_init(sy_suggest *s, const char *word, size_t len, size_t cap)
{
    s->word = word;
    s->len = len;
    s->cap = cap;
    s->best = NULL;
    s->dist = cap + 1;
}

void sy_suggest_try(sy_suggest *s, const char *candidate)
{
    size_t m = strlen(candidate);
    size_t d = sy_edit_distance(s->word, s->len, candidate, m, s->cap);
    if (d < s->dist && d < (s->len > 1 ? s->len : 1) && d < m) {
        s->dist = d;
        s->best = candidate;
    }
}
