/* libFuzzer target: parses and renders a template held in memory. The input
 * is the entry file "main.tpl"; a line "=== NAME" starts a further file
 * NAME (so includes, cycles and path checks are fuzzed too). It is rendered
 * twice: over a small fixed agreement, and (as sy_builder renders a
 * template folder's entry file) over the template data of
 * examples/moi-aple-2025.yaml with the calendar filters, when run from the
 * repository's root; the corpus holds the real templates' files. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "builder/builder.h"
#include "data/data.h"
#include "data/model.h"
#include "tpl/tpl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sy_value *str(const char *s)
{
    sy_mark m = {"data", 1, 1};
    return sy_value_string(s, strlen(s), m);
}

static sy_value *bilingual(const char *km, const char *en)
{
    sy_mark m = {"data", 1, 1};
    sy_value *v = sy_value_map(m);
    sy_value_map_set(v, "km", str(km));
    sy_value_map_set(v, "en", str(en));
    return v;
}

static sy_value *agreement(void)
{
    sy_mark m = {"data", 1, 1};
    sy_value *root = sy_value_map(m);
    sy_value_map_set(root, "id", str("moi-aple"));
    sy_value_map_set(root, "title", bilingual("អនុស្សរណៈ", "Memorandum"));
    sy_value *parties = sy_value_list(m);
    for (int i = 0; i < 2; i++) {
        sy_value *p = sy_value_map(m);
        sy_value_map_set(p, "id", str(i ? "aple" : "moi"));
        sy_value_map_set(p, "kind", str(i ? "ngo" : "government"));
        sy_value_map_set(p, "name", bilingual("ក្រសួង", "Ministry"));
        sy_value *s = sy_value_map(m);
        sy_value_map_set(s, "name", bilingual("សុខ", "Sok"));
        sy_value_map_set(s, "title", bilingual("រដ្ឋមន្ត្រី", "Minister"));
        sy_value_map_set(p, "signatory", s);
        sy_value_list_append(parties, p);
    }
    sy_value_map_set(root, "parties", parties);
    sy_date d = {2026, 5, 20};
    sy_value_map_set(root, "signed", sy_value_date(d, m));
    sy_value_map_set(root, "n", sy_value_int(3, m));
    sy_value_map_set(root, "articles", sy_value_list(m));
    return root;
}

static sy_value *fake_date(const sy_value *in, const sy_value *const *args, size_t nargs,
                           void *userdata, sy_buf *error)
{
    (void)args;
    (void)userdata;
    if (nargs || sy_value_kind_of(in) != SY_VAL_DATE) {
        sy_buf_puts(error, "needs a date");
        return NULL;
    }
    return str("date");
}

/* The example agreement's template data and an environment like the
 * builder's, made once; NULL when examples/ is not there. */
static sy_value *real_data;
static sy_tpl_env *real_env;
static sy_roster *real_roster; /* kept while the data points into them */
static sy_agreement *real_agreement;

/* At exit: the leak checker of a replay sees everything freed. */
static void free_real(void)
{
    sy_value_free(real_data);
    sy_tpl_env_free(real_env);
    sy_agreement_free(real_agreement);
    sy_roster_free(real_roster);
}

static void load_real(void)
{
    static int tried;
    if (tried)
        return;
    tried = 1;
    atexit(free_real);
    sy_roster **roster = &real_roster;
    sy_agreement **a_ = &real_agreement;
    sy_diags *d = sy_diags_new();
    *roster = d ? sy_roster_load("examples/roster.yaml", d) : NULL;
    *a_ = *roster ? sy_agreement_load("examples/moi-aple-2025.yaml", *roster, d) : NULL;
    if (*a_ && (real_env = sy_tpl_env_new()) && sy_builder_add_calendar_filters(real_env) == SY_OK)
        real_data = sy_model_template_data(sy_agreement_model(*a_));
    sy_diags_free(d);
}

static void render(const sy_tpl *t, sy_tpl_env *env, const sy_value *root, sy_diags *diags)
{
    sy_doc *doc = sy_tpl_render(t, env, root, diags);
    if (doc) {
        sy_buf out = SY_BUF_INIT;
        sy_doc_dump(doc, &out);
        sy_buf_free(&out);
    }
    sy_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load_real();
    enum { MAX_FILES = 8 };
    sy_tpl_file files[MAX_FILES];
    char names[MAX_FILES][64];
    size_t n = 0;
    const char *text = (const char *)data;
    files[n++] = (sy_tpl_file){"main.tpl", text, 0};
    size_t start = 0;
    for (size_t i = 0; i <= size; i++) {
        int at_sep =
            i + 4 <= size && (i == 0 || text[i - 1] == '\n') && !memcmp(text + i, "=== ", 4);
        if (i == size || (at_sep && n < MAX_FILES)) {
            files[n - 1].text = text + start;
            files[n - 1].len = i - start;
            if (i == size)
                break;
            size_t e = i + 4;
            while (e < size && text[e] != '\n')
                e++;
            size_t len = e - (i + 4);
            if (len >= sizeof names[0])
                len = sizeof names[0] - 1;
            memcpy(names[n], text + i + 4, len);
            names[n][len] = 0;
            files[n] = (sy_tpl_file){names[n], NULL, 0};
            n++;
            start = e < size ? e + 1 : size;
            i = e;
        }
    }
    sy_diags *diags = sy_diags_new();
    sy_tpl_env *env = sy_tpl_env_new();
    sy_value *root = agreement();
    if (diags && env && root) {
        sy_tpl_env_add_filter(env, "date_km", fake_date, NULL);
        sy_tpl *t = sy_tpl_load_memory("fuzz", files, n, "main.tpl", diags);
        if (t) {
            render(t, env, root, diags);
            if (real_data)
                render(t, real_env, real_data, diags);
        }
        sy_tpl_free(t);
    }
    sy_value_free(root);
    sy_tpl_env_free(env);
    sy_diags_free(diags);
    return 0;
}
