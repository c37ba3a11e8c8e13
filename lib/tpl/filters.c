/* Filter environments and the built-in filters: the ones that need no
 * calendar. Date filters (date_km, date_en, lunar_km) are registered by the
 * caller through sy_tpl_env_add_filter. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cal/cal.h"
#include "core/array.h"
#include "core/date.h"
#include "core/limits.h"
#include "tpl/internal.h"

struct sy_tpl_env {
    tpl_filter *items;
    size_t len, cap;
};

const tpl_filter *tpl_env_find(const sy_tpl_env *env, const char *name, size_t len)
{
    for (size_t i = 0; env && i < env->len; i++)
        if (strlen(env->items[i].name) == len && !memcmp(env->items[i].name, name, len))
            return &env->items[i];
    return NULL;
}

size_t tpl_env_count(const sy_tpl_env *env)
{
    return env ? env->len : 0;
}

const char *tpl_env_name_at(const sy_tpl_env *env, size_t i)
{
    return env && i < env->len ? env->items[i].name : NULL;
}

sy_status sy_tpl_env_add_filter(sy_tpl_env *env, const char *name, sy_tpl_filter_fn fn,
                                void *userdata)
{
    if (!env || !name || !fn || !(isalpha((unsigned char)name[0]) || name[0] == '_'))
        return SY_ERR_USAGE;
    for (const char *c = name; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '_')
            return SY_ERR_USAGE;
    size_t n = strlen(name);
    if (n > 64)
        return SY_ERR_USAGE;
    for (size_t i = 0; i < env->len; i++) {
        if (!strcmp(env->items[i].name, name)) {
            env->items[i].fn = fn;
            env->items[i].userdata = userdata;
            return SY_OK;
        }
    }
    if (SY_RESERVE(env->items, env->cap, env->len + 1) != 0)
        return SY_ERR_NOMEM;
    char *copy = malloc(n + 1);
    if (!copy)
        return SY_ERR_NOMEM;
    memcpy(copy, name, n + 1);
    env->items[env->len++] = (tpl_filter){copy, fn, userdata};
    return SY_OK;
}

void sy_tpl_env_free(sy_tpl_env *env)
{
    if (!env)
        return;
    for (size_t i = 0; i < env->len; i++)
        free(env->items[i].name);
    free(env->items);
    free(env);
}

/* ---- Helpers ---- */

int tpl_scalar_text(const sy_value *v, sy_buf *out)
{
    size_t len;
    const char *s;
    char tmp[32];
    switch (sy_value_kind_of(v)) {
    case SY_VAL_NULL:
        return 0;
    case SY_VAL_BOOL:
        sy_buf_puts(out, sy_value_as_bool(v) ? "true" : "false");
        return 0;
    case SY_VAL_INT:
        sy_buf_printf(out, "%lld", sy_value_as_int(v));
        return 0;
    case SY_VAL_STRING:
        s = sy_value_as_string(v, &len);
        sy_buf_put(out, s, len);
        return 0;
    case SY_VAL_DATE:
        sy_date_format_iso(sy_value_as_date(v), tmp);
        sy_buf_puts(out, tmp);
        return 0;
    default:
        return -1;
    }
}

static sy_value *string_result(sy_buf *b, sy_mark m)
{
    if (sy_buf_failed(b)) {
        sy_buf_free(b);
        return NULL;
    }
    sy_value *v = sy_value_string(b->data ? b->data : "", b->len, m);
    sy_buf_free(b);
    return v;
}

static int want_args(const char *name, size_t nargs, size_t min, size_t max, sy_buf *error)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (max == 0)
        sy_buf_printf(error, "'%s' takes no arguments", name);
    else if (min == max)
        sy_buf_printf(error, "'%s' takes %zu argument%s", name, min, min == 1 ? "" : "s");
    else
        sy_buf_printf(error, "'%s' takes %zu to %zu arguments", name, min, max);
    return -1;
}

static int scalar_input(const char *name, const sy_value *in, sy_buf *text, sy_buf *error)
{
    if (tpl_scalar_text(in, text) != 0) {
        sy_buf_printf(error, "'%s' needs text, a number or a date, not a %s", name,
                      sy_value_kind_name(sy_value_kind_of(in)));
        return -1;
    }
    return 0;
}

/* ---- Built-in filters ---- */

static sy_value *f_khmer_digits(const sy_value *in, const sy_value *const *args, size_t nargs,
                                void *ud, sy_buf *error)
{
    (void)args;
    (void)ud;
    sy_buf t = SY_BUF_INIT, out = SY_BUF_INIT;
    if (want_args("khmer_digits", nargs, 0, 0, error) ||
        scalar_input("khmer_digits", in, &t, error)) {
        sy_buf_free(&t);
        return NULL;
    }
    sy_cal_khmer_digits(t.data ? t.data : "", &out);
    sy_buf_free(&t);
    return string_result(&out, sy_value_mark(in));
}

/* 1 -> "1st", 22 -> "22nd", 113 -> "113th": English ordinal numbers. */
static sy_value *f_ordinal_en(const sy_value *in, const sy_value *const *args, size_t nargs,
                              void *ud, sy_buf *error)
{
    (void)args;
    (void)ud;
    if (want_args("ordinal_en", nargs, 0, 0, error))
        return NULL;
    if (sy_value_kind_of(in) != SY_VAL_INT) {
        sy_buf_printf(error, "'ordinal_en' needs a number, not a %s",
                      sy_value_kind_name(sy_value_kind_of(in)));
        return NULL;
    }
    long long v = sy_value_as_int(in);
    long long r = v < 0 ? -(v % 100) : v % 100;
    const char *suffix = r >= 11 && r <= 13 ? "th"
        : r % 10 == 1                       ? "st"
        : r % 10 == 2                       ? "nd"
        : r % 10 == 3                       ? "rd"
                                            : "th";
    sy_buf out = SY_BUF_INIT;
    sy_buf_printf(&out, "%lld%s", v, suffix);
    return string_result(&out, sy_value_mark(in));
}

static sy_value *change_case(const char *name, const sy_value *in, size_t nargs, int up,
                             sy_buf *error)
{
    sy_buf t = SY_BUF_INIT;
    if (want_args(name, nargs, 0, 0, error) || scalar_input(name, in, &t, error)) {
        sy_buf_free(&t);
        return NULL;
    }
    /* ASCII only: Khmer has no case, and byte-wise changes keep UTF-8 intact */
    for (size_t i = 0; i < t.len; i++) {
        char c = t.data[i];
        if (up && c >= 'a' && c <= 'z')
            t.data[i] = (char)(c - 32);
        else if (!up && c >= 'A' && c <= 'Z')
            t.data[i] = (char)(c + 32);
    }
    return string_result(&t, sy_value_mark(in));
}

static sy_value *f_upper(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                         sy_buf *error)
{
    (void)args;
    (void)ud;
    return change_case("upper", in, nargs, 1, error);
}

static sy_value *f_lower(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                         sy_buf *error)
{
    (void)args;
    (void)ud;
    return change_case("lower", in, nargs, 0, error);
}

static sy_value *f_trim(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                        sy_buf *error)
{
    (void)args;
    (void)ud;
    sy_buf t = SY_BUF_INIT;
    if (want_args("trim", nargs, 0, 0, error) || scalar_input("trim", in, &t, error)) {
        sy_buf_free(&t);
        return NULL;
    }
    size_t a = 0, b = t.len;
    while (a < b && isspace((unsigned char)t.data[a]))
        a++;
    while (b > a && isspace((unsigned char)t.data[b - 1]))
        b--;
    sy_value *v = sy_value_string(t.data ? t.data + a : "", b - a, sy_value_mark(in));
    sy_buf_free(&t);
    return v;
}

static sy_value *f_default(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                           sy_buf *error)
{
    (void)ud;
    if (want_args("default", nargs, 1, 1, error))
        return NULL;
    size_t len = 0;
    int empty = sy_value_kind_of(in) == SY_VAL_NULL ||
        (sy_value_kind_of(in) == SY_VAL_STRING && (sy_value_as_string(in, &len), len == 0));
    return sy_value_copy(empty ? args[0] : in);
}

static sy_value *f_join(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                        sy_buf *error)
{
    (void)ud;
    if (want_args("join", nargs, 0, 2, error))
        return NULL;
    if (sy_value_kind_of(in) != SY_VAL_LIST) {
        sy_buf_printf(error, "'join' needs a list, not a %s",
                      sy_value_kind_name(sy_value_kind_of(in)));
        return NULL;
    }
    size_t seplen = 0, lastlen = 0;
    const char *sep = nargs > 0 ? sy_value_as_string(args[0], &seplen) : "";
    /* join(", ", " and ") puts the second separator before the last item */
    const char *last = nargs > 1 ? sy_value_as_string(args[1], &lastlen) : sep;
    if (!sep || !last) {
        sy_buf_printf(error, "'join' separators must be text");
        return NULL;
    }
    if (nargs < 2)
        lastlen = seplen;
    sy_buf out = SY_BUF_INIT;
    size_t n = sy_value_len(in);
    for (size_t i = 0; i < n; i++) {
        if (i)
            sy_buf_put(&out, i + 1 == n ? last : sep, i + 1 == n ? lastlen : seplen);
        const sy_value *it = sy_value_at(in, i);
        if (tpl_scalar_text(it, &out) != 0) {
            sy_buf_printf(error, "'join': item %zu is a %s (pick a field first with map(\"...\"))",
                          i + 1, sy_value_kind_name(sy_value_kind_of(it)));
            sy_buf_free(&out);
            return NULL;
        }
    }
    return string_result(&out, sy_value_mark(in));
}

static sy_value *f_map(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                       sy_buf *error)
{
    (void)ud;
    if (want_args("map", nargs, 1, 1, error))
        return NULL;
    const char *path = sy_value_as_string(args[0], NULL);
    if (!path || sy_value_kind_of(in) != SY_VAL_LIST) {
        sy_buf_printf(error, "'map' needs a list and a field path such as \"name.en\"");
        return NULL;
    }
    sy_value *out = sy_value_list(sy_value_mark(in));
    for (size_t i = 0; out && i < sy_value_len(in); i++) {
        const sy_value *got = sy_value_lookup(sy_value_at(in, i), path);
        if (!got) {
            sy_buf_printf(error, "'map': item %zu has no \"%s\"", i + 1, path);
            sy_value_free(out);
            return NULL;
        }
        if (sy_value_list_append(out, sy_value_copy(got)) != 0) {
            sy_value_free(out);
            return NULL;
        }
    }
    return out;
}

static size_t utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static sy_value *f_length(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                          sy_buf *error)
{
    (void)args;
    (void)ud;
    if (want_args("length", nargs, 0, 0, error))
        return NULL;
    size_t len;
    const char *s = sy_value_as_string(in, &len);
    sy_value_kind k = sy_value_kind_of(in);
    if (s)
        return sy_value_int((long long)utf8_chars(s, len), sy_value_mark(in));
    if (k == SY_VAL_LIST || k == SY_VAL_MAP)
        return sy_value_int((long long)sy_value_len(in), sy_value_mark(in));
    sy_buf_printf(error, "'length' needs a list, a map or text, not a %s", sy_value_kind_name(k));
    return NULL;
}

static sy_value *end_item(const char *name, const sy_value *in, size_t nargs, int lastp,
                          sy_buf *error)
{
    if (want_args(name, nargs, 0, 0, error))
        return NULL;
    if (sy_value_kind_of(in) != SY_VAL_LIST || sy_value_len(in) == 0) {
        sy_buf_printf(error, "'%s' needs a non-empty list", name);
        return NULL;
    }
    return sy_value_copy(sy_value_at(in, lastp ? sy_value_len(in) - 1 : 0));
}

static sy_value *f_first(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                         sy_buf *error)
{
    (void)args;
    (void)ud;
    return end_item("first", in, nargs, 0, error);
}

static sy_value *f_last(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                        sy_buf *error)
{
    (void)args;
    (void)ud;
    return end_item("last", in, nargs, 1, error);
}

static sy_value *f_range(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                         sy_buf *error)
{
    (void)args;
    (void)ud;
    if (want_args("range", nargs, 0, 0, error))
        return NULL;
    if (sy_value_kind_of(in) != SY_VAL_INT || sy_value_as_int(in) < 0) {
        sy_buf_printf(error, "'range' needs a number from 0 up");
        return NULL;
    }
    long long n = sy_value_as_int(in);
    if (n > SY_LIMIT_TPL_LOOP_ITERATIONS) {
        sy_buf_printf(error, "range of %lld is over the loop limit (%d)", n,
                      SY_LIMIT_TPL_LOOP_ITERATIONS);
        return NULL;
    }
    sy_value *out = sy_value_list(sy_value_mark(in));
    for (long long i = 1; out && i <= n; i++)
        if (sy_value_list_append(out, sy_value_int(i, sy_value_mark(in))) != 0) {
            sy_value_free(out);
            return NULL;
        }
    return out;
}

static sy_value *f_string(const sy_value *in, const sy_value *const *args, size_t nargs, void *ud,
                          sy_buf *error)
{
    (void)args;
    (void)ud;
    sy_buf t = SY_BUF_INIT;
    if (want_args("string", nargs, 0, 0, error) || scalar_input("string", in, &t, error)) {
        sy_buf_free(&t);
        return NULL;
    }
    return string_result(&t, sy_value_mark(in));
}

sy_tpl_env *sy_tpl_env_new(void)
{
    static const struct {
        const char *name;
        sy_tpl_filter_fn fn;
    } builtins[] = {{"khmer_digits", f_khmer_digits},
                    {"upper", f_upper},
                    {"lower", f_lower},
                    {"trim", f_trim},
                    {"default", f_default},
                    {"join", f_join},
                    {"map", f_map},
                    {"length", f_length},
                    {"first", f_first},
                    {"last", f_last},
                    {"range", f_range},
                    {"string", f_string},
                    {"ordinal_en", f_ordinal_en}};
    sy_tpl_env *env = calloc(1, sizeof *env);
    if (!env)
        return NULL;
    for (size_t i = 0; i < sizeof builtins / sizeof *builtins; i++) {
        if (sy_tpl_env_add_filter(env, builtins[i].name, builtins[i].fn, NULL) != SY_OK) {
            sy_tpl_env_free(env);
            return NULL;
        }
    }
    return env;
}
