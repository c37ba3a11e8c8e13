/* Unit tests of lib/tpl: every construct and filter of the template
 * language, the safety rules (data never makes blocks, no path leaves the
 * template folder, loops and includes are bounded), the bad templates of
 * tests/tpl/bad/ with their exact errors, and golden dumps of the good
 * templates of tests/tpl/good/ and of templates/mou.
 *
 * Set SY_UPDATE_GOLDEN=1 to rewrite the golden files (then review them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc/doc.h"
#include "tpl/tpl.h"
#include "tpl_testdata.h"

/* ---- Helpers ---- */

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sy_buf b = SY_BUF_INIT;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sy_buf_put(&b, chunk, n);
    fclose(f);
    sy_buf_putc(&b, 0);
    return sy_buf_take(&b, NULL);
}

/* Stand-ins for the calendar filters the lead registers at integration. */
static sy_value *fake_date(const sy_value *in, const sy_value *const *args, size_t nargs,
                           void *userdata, sy_buf *error)
{
    (void)args;
    if (nargs) {
        sy_buf_puts(error, "takes no arguments");
        return NULL;
    }
    if (sy_value_kind_of(in) != SY_VAL_DATE) {
        sy_buf_printf(error, "needs a date, not a %s", sy_value_kind_name(sy_value_kind_of(in)));
        return NULL;
    }
    char iso[11], out[64];
    sy_date_format_iso(sy_value_as_date(in), iso);
    snprintf(out, sizeof out, "[%s %s]", (const char *)userdata, iso);
    return sy_value_string(out, strlen(out), sy_value_mark(in));
}

static sy_tpl_env *test_env(void)
{
    sy_tpl_env *env = sy_tpl_env_new();
    assert_non_null(env);
    assert_int_equal(sy_tpl_env_add_filter(env, "date_km", fake_date, "date_km"), SY_OK);
    assert_int_equal(sy_tpl_env_add_filter(env, "date_en", fake_date, "date_en"), SY_OK);
    assert_int_equal(sy_tpl_env_add_filter(env, "lunar_km", fake_date, "lunar_km"), SY_OK);
    return env;
}

static sy_value *sample_data(void)
{
    char *text = read_all("tests/tpl/sample-data.txt");
    assert_non_null(text);
    sy_value *v = td_parse(text);
    free(text);
    assert_non_null(v);
    return v;
}

/* Renders a one-file template held in memory; returns the dump (caller
 * frees) or NULL with the diagnostics formatted into *errors. */
static char *render_files(const sy_tpl_file *files, size_t n, const char *data_lit, char **errors)
{
    sy_diags *d = sy_diags_new();
    sy_value *data = data_lit ? td_parse(data_lit) : sample_data();
    assert_non_null(data);
    sy_tpl_env *env = test_env();
    sy_tpl *t = sy_tpl_load_memory("t", files, n, files[0].path, d);
    sy_doc *doc = t ? sy_tpl_render(t, env, data, d) : NULL;
    char *result = NULL;
    sy_buf errs = SY_BUF_INIT;
    for (size_t i = 0; i < sy_diags_count(d); i++) {
        char line[1024];
        sy_diag_format(sy_diags_get(d, i), line, sizeof line);
        sy_buf_printf(&errs, "%s\n", line);
    }
    if (doc) {
        assert_int_equal(sy_diags_errors(d), 0);
        sy_buf out = SY_BUF_INIT;
        sy_doc_dump(doc, &out);
        result = sy_buf_take(&out, NULL);
    } else {
        assert_true(sy_diags_errors(d) > 0);
    }
    sy_buf_putc(&errs, 0);
    if (errors)
        *errors = sy_buf_take(&errs, NULL);
    sy_buf_free(&errs);
    sy_doc_free(doc);
    sy_tpl_free(t);
    sy_tpl_env_free(env);
    sy_value_free(data);
    sy_diags_free(d);
    return result;
}

static char *render_text(const char *text, const char *data_lit, char **errors)
{
    sy_tpl_file f = {"main.tpl", text, strlen(text)};
    return render_files(&f, 1, data_lit, errors);
}

static void expect_dump(const char *text, const char *data_lit, const char *want)
{
    char *errors = NULL;
    char *got = render_text(text, data_lit, &errors);
    if (!got)
        fail_msg("unexpected errors:\n%s", errors);
    /* compare without the "document layout=..." line */
    const char *body = strchr(got, '\n') + 1;
    if (strcmp(body, want) != 0)
        fail_msg("dump differs.\n--- got:\n%s--- want:\n%s", body, want);
    free(got);
    free(errors);
}

static void expect_errors(const char *text, const char *data_lit, const char *want)
{
    char *errors = NULL;
    char *got = render_text(text, data_lit, &errors);
    if (got)
        fail_msg("rendered although errors were expected:\n%s", got);
    if (strcmp(errors, want) != 0)
        fail_msg("errors differ.\n--- got:\n%s--- want:\n%s", errors, want);
    free(errors);
}

/* ---- Block markup ---- */

static void paragraphs_join_lines_and_split_on_blank(void **state)
{
    (void)state;
    expect_dump("First line\n  second line  \n\nThird\n", "{}",
                "  paragraph role=body align=left lang=en @t/main.tpl:1:1\n"
                "    \"First line second line\"\n"
                "  paragraph role=body align=left lang=en @t/main.tpl:4:1\n"
                "    \"Third\"\n");
}

static void headings_items_and_commands(void **state)
{
    (void)state;
    expect_dump("# Title\n### Sub\n- a\n- b\n1. one\n2. two\n\\pagebreak\n\\rule\n\\space 6pt\n"
                "\\# not a heading\n#nospace\n",
                "{}",
                "  heading level=1 role=heading align=left lang=en @t/main.tpl:1:1\n"
                "    \"Title\"\n"
                "  heading level=3 role=heading align=left lang=en @t/main.tpl:2:1\n"
                "    \"Sub\"\n"
                "  list unordered @t/main.tpl:3:1\n"
                "    item 1\n"
                "      paragraph role=body align=left lang=en @t/main.tpl:3:1\n"
                "        \"a\"\n"
                "    item 2\n"
                "      paragraph role=body align=left lang=en @t/main.tpl:4:1\n"
                "        \"b\"\n"
                "  list ordered @t/main.tpl:5:1\n"
                "    item 1\n"
                "      paragraph role=body align=left lang=en @t/main.tpl:5:1\n"
                "        \"one\"\n"
                "    item 2\n"
                "      paragraph role=body align=left lang=en @t/main.tpl:6:1\n"
                "        \"two\"\n"
                "  pagebreak @t/main.tpl:7:1\n"
                "  rule @t/main.tpl:8:1\n"
                "  space 6pt @t/main.tpl:9:1\n"
                "  paragraph role=body align=left lang=en @t/main.tpl:10:1\n"
                "    \"# not a heading #nospace\"\n");
}

static void list_items_from_a_loop_make_one_list(void **state)
{
    (void)state;
    expect_dump("{% for p in parties %}\n- {{ p.id }}\n{% endfor %}\n",
                "{parties: [{id: \"moi\"}, {id: \"aple\"}]}",
                "  list unordered @t/main.tpl:2:1\n"
                "    item 1\n"
                "      paragraph role=body align=left lang=en @t/main.tpl:2:1\n"
                "        \"moi\"\n"
                "    item 2\n"
                "      paragraph role=body align=left lang=en @t/main.tpl:2:1\n"
                "        \"aple\"\n");
}

static void pairs_articles_and_numbering(void **state)
{
    (void)state;
    expect_dump("::: article Scope\nAll.\n:::\n"
                "::: pair\n::: article គោលបំណង\nក\n:::\n--- en\n::: article Purpose\nA\n:::\n:::\n",
                "{}",
                "  article 1 lang=en @t/main.tpl:1:1\n"
                "    title \"Scope\"\n"
                "    paragraph role=body align=left lang=en @t/main.tpl:2:1\n"
                "      \"All.\"\n"
                "  pair @t/main.tpl:4:1\n"
                "    km\n"
                "      article 2 lang=km @t/main.tpl:5:1\n"
                "        title \"គោលបំណង\"\n"
                "        paragraph role=body align=left lang=km @t/main.tpl:6:1\n"
                "          \"ក\"\n"
                "    en\n"
                "      article 2 lang=en @t/main.tpl:9:1\n"
                "        title \"Purpose\"\n"
                "        paragraph role=body align=left lang=en @t/main.tpl:10:1\n"
                "          \"A\"\n");
}

static void keep_and_style(void **state)
{
    (void)state;
    expect_dump("::: keep\n::: style motto center km\nជាតិ\n# H\n:::\nafter\n:::\n", "{}",
                "  keep @t/main.tpl:1:1\n"
                "    paragraph role=motto align=center lang=km @t/main.tpl:3:1\n"
                "      \"ជាតិ\"\n"
                "    heading level=1 role=motto align=center lang=km @t/main.tpl:4:1\n"
                "      \"H\"\n"
                "    paragraph role=body align=left lang=en @t/main.tpl:6:1\n"
                "      \"after\"\n");
}

static void signatures(void **state)
{
    (void)state;
    expect_dump("::: signatures\n{% for p in parties %}\n::: signer\nparty: {{ p.id }}\n"
                "name-en: {{ p.n }}\ntitle-km: ក\nseal: {% if loop.first %}yes{% else %}no{% "
                "endif %}\n:::\n{% endfor %}\n:::\n",
                "{parties: [{id: \"moi\", n: \"Sok\"}, {id: \"aple\", n: \"Thida\"}]}",
                "  signatures @t/main.tpl:1:1\n"
                "    signatory party=moi seal=yes\n"
                "      name \"\" \"Sok\"\n"
                "      title \"ក\" \"\"\n"
                "    signatory party=aple seal=no\n"
                "      name \"\" \"Thida\"\n"
                "      title \"ក\" \"\"\n");
}

static void comments_vanish(void **state)
{
    (void)state;
    expect_dump("a {# note #}b\n{# whole line #}\nc\n", "{}",
                "  paragraph role=body align=left lang=en @t/main.tpl:1:1\n"
                "    \"a b c\"\n");
}

/* ---- Statements and expressions ---- */

static void if_elif_else_and_operators(void **state)
{
    (void)state;
    const char *tpl = "{% if kind == \"ngo\" and not closed %}\nngo\n{% elif n >= 3 or x != 1 "
                      "%}\nbig\n{% else %}\nother\n{% endif %}\n";
    expect_dump(tpl, "{kind: \"ngo\", closed: false, n: 1, x: 1}",
                "  paragraph role=body align=left lang=en @t/main.tpl:2:1\n    \"ngo\"\n");
    expect_dump(tpl, "{kind: \"gov\", closed: false, n: 3, x: 1}",
                "  paragraph role=body align=left lang=en @t/main.tpl:4:1\n    \"big\"\n");
    expect_dump(tpl, "{kind: \"gov\", closed: true, n: 1, x: 1}",
                "  paragraph role=body align=left lang=en @t/main.tpl:6:1\n    \"other\"\n");
}

static void truthiness_and_missing_fields(void **state)
{
    (void)state;
    expect_dump("{% if e %}e{% endif %}{% if l %}l{% endif %}{% if z %}z{% endif %}"
                "{% if s %}s{% endif %}{% if m.gone %}g{% endif %}{% if d %}d{% endif %}"
                "{% if (1 < 2) and \"b\" > \"a\" and d == d %}!{% endif %}\n",
                "{e: \"\", l: [], z: 0, s: \"x\", m: {}, d: @2026-01-02}",
                "  paragraph role=body align=left lang=en @t/main.tpl:1:1\n    \"sd!\"\n");
}

static void default_covers_absent_top_level_keys(void **state)
{
    (void)state;
    expect_dump("{% if approvals | default(none) %}A{% endif %}[{{ office.en | default(\"-\") "
                "}}]\n",
                "{}", "  paragraph role=body align=left lang=mixed @t/main.tpl:1:1\n    \"[-]\"\n");
    /* without default, an absent top-level key is still a mistake */
    expect_errors("{% if approvals %}A{% endif %}\n", "{}",
                  "t/main.tpl:1:7: unknown variable 'approvals'\n");
}

static void for_loop_variables(void **state)
{
    (void)state;
    expect_dump("{% for p in ps %}{{ loop.index }}/{{ loop.length }}{% if loop.first %}F{% endif "
                "%}{% if loop.last %}L{% endif %}:{{ p }} {% endfor %}\n",
                "{ps: [\"a\", \"b\", \"c\"]}",
                "  paragraph role=body align=left lang=en @t/main.tpl:1:1\n"
                "    \"1/3F:a 2/3:b 3/3L:c\"\n");
}

static void indexing_and_literals(void **state)
{
    (void)state;
    expect_dump("{{ ps[0].id }} {{ ps.1.id }} {{ ps[-1].id }} {{ m[\"k\"] }} {{ 42 }} {{ true "
                "}} {{ \"q\\\"\" }} {{ d }}\n",
                "{ps: [{id: \"a\"}, {id: \"b\"}], m: {k: \"v\"}, d: @2026-05-20}",
                "  paragraph role=body align=left lang=en @t/main.tpl:1:1\n"
                "    \"a b b v 42 true q\\\" 2026-05-20\"\n");
}

static void includes_share_the_scope(void **state)
{
    (void)state;
    sy_tpl_file files[] = {
        {"main.tpl", "{% for p in ps %}\n{% include \"clauses/one\" %}\n{% endfor %}\n", 0},
        {"clauses/one.tpl", "- {{ p }}\n", 0},
    };
    for (size_t i = 0; i < 2; i++)
        files[i].len = strlen(files[i].text);
    char *errors = NULL;
    char *got = render_files(files, 2, "{ps: [\"x\", \"y\"]}", &errors);
    assert_non_null(got);
    assert_non_null(strstr(got,
                           "item 2\n      paragraph role=body align=left lang=en "
                           "@t/clauses/one.tpl:1:1\n        \"y\"\n"));
    free(got);
    free(errors);
}

/* ---- Safety ---- */

static void data_never_makes_blocks(void **state)
{
    (void)state;
    expect_dump("{{ evil }}\n# {{ evil }}\n",
                "{evil: \"::: pair\n# Heading\n\\pagebreak {% include \\\"x\\\" %}\"}",
                "  paragraph role=body align=left lang=en @t/main.tpl:1:1\n"
                "    \"::: pair\\n# Heading\\n\\\\pagebreak {% include \\\"x\\\" %}\"\n"
                "  heading level=1 role=heading align=left lang=en @t/main.tpl:2:1\n"
                "    \"::: pair\\n# Heading\\n\\\\pagebreak {% include \\\"x\\\" %}\"\n");
}

static void unknown_names_suggest(void **state)
{
    (void)state;
    expect_errors("{{ partis }}\n{{ p.nam }}\n{{ x | uper }}\n", "{parties: [], p: {name: 1}}",
                  "t/main.tpl:3:8: unknown filter 'uper' (did you mean 'upper'?)\n");
    expect_errors("{{ partis }}\n{{ p.nam }}\n", "{parties: [], p: {name: 1}}",
                  "t/main.tpl:1:4: unknown variable 'partis' (did you mean 'parties'?)\n"
                  "t/main.tpl:2:4: 'p.nam' is not defined (did you mean 'name'?)\n");
    expect_errors("{{ loop.index }}\n", "{}",
                  "t/main.tpl:1:4: 'loop' exists only inside '{% for %}'\n");
}

static void type_errors(void **state)
{
    (void)state;
    expect_errors("{{ ps }}\n{% for x in s %}{% endfor %}\n{{ s.k }}\n{% if ps == ps %}{% endif "
                  "%}\n",
                  "{ps: [1], s: \"a\"}",
                  "t/main.tpl:1:4: 'ps' is a list, not text (use a field, '| join(\", \")' or a "
                  "loop)\n"
                  "t/main.tpl:2:13: '{% for %}' needs a list; 's' is a string\n"
                  "t/main.tpl:3:4: 's.k': a string has no field 'k'\n"
                  "t/main.tpl:4:7: 'ps == ps': lists and maps cannot be compared\n");
}

static void runaway_loops_stop(void **state)
{
    (void)state;
    expect_errors("{% for i in 200 | range %}\n{% for j in 200 | range %}\n{% endfor %}\n{% "
                  "endfor %}\n",
                  "{}",
                  "t/main.tpl:2:1: more than 10000 loop iterations in one rendering (a "
                  "runaway loop?)\n");
}

static void paragraphs_are_bounded(void **state)
{
    (void)state;
    char data[400];
    snprintf(data, sizeof data, "{s: \"%0200d\"}", 0);
    expect_errors("x {% for i in 10000 | range %}{{ s }}{% endfor %}\n", data,
                  "t/main.tpl:1:31: a paragraph longer than 1048576 bytes\n");
}

static void included_files_obey_block_rules(void **state)
{
    (void)state;
    sy_tpl_file files[] = {
        {"main.tpl", "::: signatures\n{% include \"x\" %}\n:::\n", 0},
        {"x.tpl", "plain text\n", 0},
    };
    for (size_t i = 0; i < 2; i++)
        files[i].len = strlen(files[i].text);
    char *errors = NULL;
    assert_null(render_files(files, 2, "{}", &errors));
    assert_string_equal(errors,
                        "t/x.tpl:1:1: only '::: signer' blocks go inside '::: signatures'\n");
    free(errors);
}

static void include_paths_are_checked(void **state)
{
    (void)state;
    expect_errors("{% include \"../secret\" %}\n{% include \"/etc/passwd\" %}\n"
                  "{% include \"a/./b\" %}\n{% include \"missing\" %}\n",
                  "{}",
                  "t/main.tpl:1:12: cannot include \"../secret\": '..' is not allowed: a "
                  "template reads only files inside its folder\n"
                  "t/main.tpl:2:12: cannot include \"/etc/passwd\": absolute paths are not "
                  "allowed: name a file inside the template folder\n"
                  "t/main.tpl:3:12: cannot include \"a/./b\": the path has an empty or '.' "
                  "part\n"
                  "t/main.tpl:4:1: no file 'missing.tpl' in the template\n");
}

static void include_cycles_are_errors(void **state)
{
    (void)state;
    sy_tpl_file files[] = {
        {"main.tpl", "{% include \"a\" %}\n", 0},
        {"a.tpl", "x\n{% include \"b.tpl\" %}\n", 0},
        {"b.tpl", "{% include \"a\" %}\n", 0},
    };
    for (size_t i = 0; i < 3; i++)
        files[i].len = strlen(files[i].text);
    char *errors = NULL;
    assert_null(render_files(files, 3, "{}", &errors));
    assert_string_equal(errors, "t/b.tpl:1:1: include cycle: a.tpl -> b.tpl -> a.tpl\n");
    free(errors);
}

static void deep_expressions_are_bounded(void **state)
{
    (void)state;
    sy_buf b = SY_BUF_INIT;
    sy_buf_puts(&b, "{{ ");
    for (int i = 0; i < 500; i++)
        sy_buf_puts(&b, "(not ");
    sy_buf_puts(&b, "x }}\n");
    char *errors = NULL;
    assert_null(render_text(b.data, "{x: 1}", &errors));
    assert_non_null(strstr(errors, "expression nested too deeply"));
    free(errors);
    sy_buf_free(&b);
}

/* The errors of loading files (caller frees; "" when it loads). */
static char *load_errors(const sy_tpl_file *files, size_t n)
{
    sy_diags *d = sy_diags_new();
    sy_tpl *t = sy_tpl_load_memory("t", files, n, files[0].path, d);
    sy_buf errs = SY_BUF_INIT;
    for (size_t i = 0; i < sy_diags_count(d); i++) {
        char line[1024];
        sy_diag_format(sy_diags_get(d, i), line, sizeof line);
        sy_buf_printf(&errs, "%s\n", line);
    }
    assert_true((t != NULL) == (sy_diags_errors(d) == 0));
    sy_buf_putc(&errs, 0);
    sy_tpl_free(t);
    sy_diags_free(d);
    return sy_buf_take(&errs, NULL);
}

static char *load_text(const char *text)
{
    sy_tpl_file f = {"main.tpl", text, strlen(text)};
    return load_errors(&f, 1);
}

/* "{{ " + head + link x (levels - 1) + tail + " }}": an expression of
 * `levels` levels. */
static char *chain(const char *head, const char *link, const char *tail, int levels)
{
    sy_buf b = SY_BUF_INIT;
    sy_buf_puts(&b, "{{ ");
    sy_buf_puts(&b, head);
    for (int i = 1; i < levels; i++)
        sy_buf_puts(&b, link);
    sy_buf_puts(&b, tail);
    sy_buf_puts(&b, " }}\n");
    sy_buf_putc(&b, 0);
    return sy_buf_take(&b, NULL);
}

/* Every kind of nesting is bounded at 32 levels, at parse time: chains the
 * parser reads in a loop (indexes, fields, filters, and/or) as well as
 * what it reads by recursion (parentheses, 'not'). */
static void expression_depth_at_the_limit(void **state)
{
    (void)state;
    static const struct {
        const char *head, *link, *tail;
    } kinds[] = {
        {"x", "[0]", ""},    {"x", ".a", ""},    {"x", " | upper", ""},
        {"x", " and x", ""}, {"x", " or x", ""}, {"", "not ", "x"},
        {"", "(", "x"},      {"x", "[x", ""},    {"x", " | default(x", ""},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        for (int levels = 32; levels <= 33; levels++) {
            char *text = chain(kinds[k].head, kinds[k].link, kinds[k].tail, levels);
            /* close what the links opened */
            sy_buf b = SY_BUF_INIT;
            sy_buf_put(&b, text, strlen(text) - 4);
            const char *close = !strcmp(kinds[k].link, "(") ? ")"
                : !strcmp(kinds[k].link, "[x")              ? "]"
                : !strcmp(kinds[k].link, " | default(x")    ? ")"
                                                            : "";
            for (int i = 1; *close && i < levels; i++)
                sy_buf_puts(&b, close);
            sy_buf_puts(&b, " }}\n");
            sy_buf_putc(&b, 0);
            char *errors = load_text(b.data);
            if (levels == 32 && *errors)
                fail_msg("%s at 32 levels: %s", kinds[k].link, errors);
            if (levels == 33 &&
                !strstr(errors, "expression nested too deeply: more than 32 levels"))
                fail_msg("%s at 33 levels: '%s'", kinds[k].link, errors);
            free(errors);
            sy_buf_free(&b);
            free(text);
        }
    }
    /* the error is at the operator that goes too deep */
    char *text = chain("x", "[0]", "", 33);
    char *errors = load_text(text);
    assert_string_equal(errors,
                        "t/main.tpl:1:98: expression nested too deeply: more than 32 "
                        "levels of operators, filters, indexes and parentheses\n");
    free(errors);
    free(text);
}

static char *nested_keeps(int depth, const char *inside)
{
    sy_buf b = SY_BUF_INIT;
    for (int i = 0; i < depth; i++)
        sy_buf_puts(&b, "::: keep\n");
    sy_buf_puts(&b, inside);
    for (int i = 0; i < depth; i++)
        sy_buf_puts(&b, ":::\n");
    sy_buf_putc(&b, 0);
    return sy_buf_take(&b, NULL);
}

/* Blocks and statements nest 64 deep, counted through includes too. */
static void block_depth_at_the_limit(void **state)
{
    (void)state;
    char *ok = nested_keeps(64, "x\n");
    char *errors = load_text(ok);
    assert_string_equal(errors, "");
    free(errors);
    char *deep = nested_keeps(65, "x\n");
    errors = load_text(deep);
    assert_string_equal(errors,
                        "t/main.tpl:65:1: blocks and statements nested more than 64 deep "
                        "('::: name', '{% if %}', '{% for %}')\n");
    free(errors);
    free(ok);
    free(deep);
    /* 40 around the include and 24 or 25 in the included file */
    char *outer = nested_keeps(40, "{% include \"x\" %}\n");
    for (int inner = 24; inner <= 25; inner++) {
        char *in = nested_keeps(inner - 1, "{% if x %}\ny\n{% endif %}\n");
        sy_tpl_file files[] = {{"main.tpl", outer, strlen(outer)}, {"x.tpl", in, strlen(in)}};
        errors = load_errors(files, 2);
        if (inner == 24)
            assert_string_equal(errors, "");
        else
            assert_string_equal(errors,
                                "t/main.tpl:41:1: blocks and statements nested more than 64 "
                                "deep: this include is 40 deep and \"x.tpl\" nests 25 "
                                "more\n");
        free(errors);
        free(in);
    }
    free(outer);
}

/* The include chain is bounded along every path, also through a file
 * already loaded by a shorter one: main -> a1..a8 is loaded first, then
 * main -> b1..bN -> a1..a8 is 1 + N + 8 files. */
static void include_depth_at_the_limit(void **state)
{
    (void)state;
    for (int n = 7; n <= 8; n++) {
        char names[20][24], texts[20][64];
        sy_tpl_file files[20];
        size_t count = 0;
        files[count++] =
            (sy_tpl_file){"main.tpl", "{% include \"a1\" %}\n{% include \"b1\" %}\n", 0};
        for (int i = 1; i <= 8; i++) {
            snprintf(names[count], sizeof names[count], "a%d.tpl", i);
            snprintf(texts[count], sizeof texts[count],
                     i < 8 ? "{%% include \"a%d\" %%}\n" : "a%d\n", i + 1);
            files[count] = (sy_tpl_file){names[count], texts[count], 0};
            count++;
        }
        for (int i = 1; i <= n; i++) {
            snprintf(names[count], sizeof names[count], "b%d.tpl", i);
            if (i < n)
                snprintf(texts[count], sizeof texts[count], "{%% include \"b%d\" %%}\n", i + 1);
            else
                snprintf(texts[count], sizeof texts[count], "{%% include \"a1\" %%}\n");
            files[count] = (sy_tpl_file){names[count], texts[count], 0};
            count++;
        }
        for (size_t i = 0; i < count; i++)
            files[i].len = strlen(files[i].text);
        char *errors = load_errors(files, count);
        if (n == 7)
            assert_string_equal(errors, "");
        else
            assert_string_equal(errors,
                                "t/b8.tpl:1:1: includes nested deeper than 16 files "
                                "(\"a1.tpl\" starts a chain of 8)\n");
        free(errors);
    }
}

/* A rendering does at most 10,000,000 steps: here a loop of n iterations
 * over 998 blank lines (10,000 + n * 999 steps, see render.c's step()) and
 * `extra` blank lines after it. */
static void steps_at_the_limit(void **state)
{
    (void)state;
    for (int extra = 3996; extra <= 3997; extra++) {
        sy_buf b = SY_BUF_INIT;
        sy_buf_puts(&b, "{% for i in 9996 | range %}\n");
        for (int i = 0; i < 998; i++)
            sy_buf_putc(&b, '\n');
        sy_buf_puts(&b, "{% endfor %}\n");
        for (int i = 0; i < extra; i++)
            sy_buf_putc(&b, '\n');
        sy_buf_putc(&b, 0);
        char *errors = NULL;
        char *dump = render_text(b.data, "{}", &errors);
        if (extra == 3996) {
            if (!dump)
                fail_msg("at the limit: %s", errors);
        } else {
            assert_null(dump);
            assert_string_equal(errors,
                                "t/main.tpl:4997:1: the template did more than 10000000 "
                                "steps of work (every expression, filter, line, loop "
                                "iteration and include counts; a runaway loop or "
                                "include?)\n");
        }
        free(dump);
        free(errors);
        sy_buf_free(&b);
    }
}

/* A rendering makes at most 64 MiB of document: text, 256 bytes per block
 * and 64 per printed value. Here 64 paragraphs of one printed value of
 * 1048256 bytes (+ 320) make exactly 64 MiB. */
static void output_at_the_limit(void **state)
{
    (void)state;
    for (size_t len = 1048256; len <= 1048257; len++) {
        sy_buf data = SY_BUF_INIT;
        sy_buf_puts(&data, "{s: \"");
        for (size_t i = 0; i < len; i++)
            sy_buf_putc(&data, 'a');
        sy_buf_puts(&data, "\"}");
        sy_buf_putc(&data, 0);
        char *errors = NULL;
        char *dump =
            render_text("{% for i in 64 | range %}\n{{ s }}\n\n{% endfor %}\n", data.data, &errors);
        if (len == 1048256) {
            if (!dump)
                fail_msg("at the limit: %s", errors);
        } else {
            assert_null(dump);
            assert_string_equal(errors,
                                "t/main.tpl:2:1: the document is over 67108864 bytes (its "
                                "text, and 256 bytes for each block and 64 for each "
                                "printed value)\n");
        }
        free(dump);
        free(errors);
        sy_buf_free(&data);
    }
}

/* ---- Filters ---- */

static void builtin_filters(void **state)
{
    (void)state;
    expect_dump("{{ n | khmer_digits }} {{ \"a1-29\" | khmer_digits }} {{ \"Ab\" | upper }} {{ "
                "\"Ab\" | lower }} [{{ \"  t \" | trim }}]\n"
                "{{ gone.x | default(\"-\") }} {{ e | default(\"empty\") }} {{ s | default(\"x\") "
                "}} {{ none | default(7) }}\n"
                "{{ l | join }} {{ l | join(\", \") }} {{ l | join(\", \", \" and \") }} {{ ps | "
                "map(\"n.en\") | join(\"/\") }}\n"
                "{{ l | length }} {{ \"ក្រសួង\" | length }} {{ ps | length }} {{ l | first }} {{ l "
                "| last }} {{ 3 | range | join }} {{ d | string }} {{ 12 | string | length }}\n",
                "{n: 2026, gone: {}, e: \"\", s: \"s\", l: [\"a\", \"b\", \"c\"], "
                "ps: [{n: {en: \"X\"}}, {n: {en: \"Y\"}}], d: @2026-05-20}",
                "  paragraph role=body align=left lang=mixed @t/main.tpl:1:1\n"
                "    \"២០២៦ a១-២៩ AB ab [t] - empty s 7 abc a, b, c a, b and c X/Y 3 6 2 a c 123 "
                "2026-05-20 2\"\n");
}

static void filter_errors_name_the_filter(void **state)
{
    (void)state;
    expect_errors("{{ l | join(1) }}\n{{ l | first(1) }}\n{{ 20000 | range }}\n{{ m | upper "
                  "}}\n{{ e | first }}\n{{ x.y | upper }}\n{{ m | map(\"a\") }}\n",
                  "{l: [[1]], m: {}, e: [], x: {}}",
                  "t/main.tpl:1:8: filter 'join': 'join' separators must be text\n"
                  "t/main.tpl:2:8: filter 'first': 'first' takes no arguments\n"
                  "t/main.tpl:3:12: filter 'range': range of 20000 is over the loop limit "
                  "(10000)\n"
                  "t/main.tpl:4:8: filter 'upper': 'upper' needs text, a number or a date, not "
                  "a map\n"
                  "t/main.tpl:5:8: filter 'first': 'first' needs a non-empty list\n"
                  "t/main.tpl:6:4: 'x.y' is not defined (add '| default(\"...\")' if it may be "
                  "missing)\n"
                  "t/main.tpl:7:8: filter 'map': 'map' needs a list and a field path such as "
                  "\"name.en\"\n");
}

/* ---- Where the text came from ---- */

/* The span of block b covering byte `at`, checked against the data path
 * and the lines of the value and of the template expression. */
static void expect_span(const sy_block *b, size_t at, const char *path, int line, int via_line)
{
    const sy_span *s = sy_block_span_at(b, at);
    if (!s)
        fail_msg("no span at byte %zu of \"%s\"", at, sy_block_text(b, NULL));
    if (path) {
        assert_non_null(s->path);
        assert_string_equal(s->path, path);
        assert_string_equal(s->mark.file, "data");
    } else {
        assert_null(s->path);
        assert_string_equal(s->mark.file, "t/main.tpl");
    }
    assert_int_equal(s->mark.line, line);
    assert_string_equal(s->via.file, "t/main.tpl");
    assert_int_equal(s->via.line, via_line);
}

/* Each printed value keeps its mark and gets its path in the data, through
 * filters (upper, the calendar's date filters) and loops; literals and loop
 * counters have no path; template text has no span. */
static void printed_values_keep_their_place_in_the_data(void **state)
{
    (void)state;
    const char *tpl = "Between {{ parties[1].name.en | upper }} and {{ \"others\" | upper }},\n"
                      "signed {{ signed | date_en }}.\n"
                      "\n"
                      "{% for p in parties %}\n"
                      "- {{ p.name.km }} {{ loop.index }}\n"
                      "{% endfor %}\n"
                      "::: article {{ parties[0].name.en }}\n"
                      "{{ pad }}!\n"
                      ":::\n";
    const char *data = "{parties: [\n"
                       "{name: {\n"
                       "km: \"ក\",\n"
                       "en: \"Ministry\"}},\n"
                       "{name: {\n"
                       "km: \"ខ\",\n"
                       "en: \"Aple\"}}],\n"
                       "signed:\n"
                       "@2026-05-20,\n"
                       "pad:\n"
                       "\"  x y  \"}\n";
    sy_diags *d = sy_diags_new();
    sy_value *v = td_parse(data);
    assert_non_null(v);
    sy_tpl_env *env = test_env();
    sy_tpl_file f = {"main.tpl", tpl, strlen(tpl)};
    sy_tpl *t = sy_tpl_load_memory("t", &f, 1, "main.tpl", d);
    assert_non_null(t);
    sy_doc *doc = sy_tpl_render(t, env, v, d);
    assert_non_null(doc);
    const sy_blocks *top = sy_doc_blocks(doc);
    assert_int_equal(sy_blocks_count(top), 3);

    const sy_block *p = sy_blocks_get(top, 0);
    assert_string_equal(sy_block_text(p, NULL),
                        "Between APLE and OTHERS, signed [date_en 2026-05-20].");
    assert_null(sy_block_span_at(p, 0)); /* "Between " */
    expect_span(p, 8, "parties[1].name.en", 7, 1);
    expect_span(p, 11, "parties[1].name.en", 7, 1);
    assert_null(sy_block_span_at(p, 12)); /* " and " */
    expect_span(p, 17, NULL, 1, 1); /* a literal: the template's place, no path */
    assert_null(sy_block_span_at(p, 23));
    assert_null(sy_block_span_at(p, 25)); /* "signed ", the second line */
    expect_span(p, 32, "signed", 9, 2);
    expect_span(p, 51, "signed", 9, 2);
    assert_null(sy_block_span_at(p, 52));
    size_t n;
    sy_block_spans(p, &n);
    assert_int_equal(n, 3);

    const sy_block *list = sy_blocks_get(top, 1);
    assert_int_equal(sy_block_item_count(list), 2);
    const sy_block *item = sy_blocks_get(sy_block_item(list, 1), 0);
    assert_string_equal(sy_block_text(item, NULL), "ខ 2");
    expect_span(item, 0, "parties[1].name.km", 6, 5);
    assert_null(sy_block_span_at(item, 3));
    expect_span(item, 4, NULL, 4, 5); /* loop.index: the loop's line */

    const sy_block *art = sy_blocks_get(top, 2);
    assert_string_equal(sy_block_text(art, NULL), "Ministry");
    expect_span(art, 0, "parties[0].name.en", 4, 7);
    /* spaces trimmed from the line's start move the span with the text */
    const sy_block *body = sy_blocks_get(sy_block_body(art), 0);
    assert_string_equal(sy_block_text(body, NULL), "x y  !");
    expect_span(body, 0, "pad", 11, 8);
    expect_span(body, 4, "pad", 11, 8);
    assert_null(sy_block_span_at(body, 5));

    sy_doc_free(doc);
    sy_tpl_free(t);
    sy_tpl_env_free(env);
    sy_value_free(v);
    sy_diags_free(d);
}

/* A signer's fields keep the spans of the values printed into them and
 * the line of each field, like a paragraph's. */
static void signer_fields_keep_their_place_in_the_data(void **state)
{
    (void)state;
    const char *tpl = "::: signatures\n"
                      "{% for p in parties %}\n"
                      "::: signer\n"
                      "party: {{ p.id }}\n"
                      "name-en:   Dr. {{ p.name.en }}\n"
                      "title-km: ប្រធាន\n"
                      ":::\n"
                      "{% endfor %}\n"
                      ":::\n";
    const char *data = "{parties: [\n"
                       "{id: \"a\", name: {\n"
                       "en: \"Sok\"}},\n"
                       "{id: \"b\", name: {\n"
                       "en: \"Dara\"}}]}\n";
    sy_diags *d = sy_diags_new();
    sy_value *v = td_parse(data);
    assert_non_null(v);
    sy_tpl_env *env = test_env();
    sy_tpl_file f = {"main.tpl", tpl, strlen(tpl)};
    sy_tpl *t = sy_tpl_load_memory("t", &f, 1, "main.tpl", d);
    assert_non_null(t);
    sy_doc *doc = sy_tpl_render(t, env, v, d);
    assert_non_null(doc);
    const sy_block *sigs = sy_blocks_get(sy_doc_blocks(doc), 0);
    assert_int_equal(sy_block_signatory_count(sigs), 2);
    assert_string_equal(sy_block_signatory(sigs, 1)->name_en, "Dr. Dara");

    size_t n;
    const sy_span *s = sy_block_signatory_spans(sigs, 1, SY_SIGNATORY_NAME_EN, &n);
    assert_int_equal(n, 1);
    assert_int_equal(s->start, 4); /* after the template's "Dr. ", spaces trimmed */
    assert_int_equal(s->end, 8);
    assert_string_equal(s->path, "parties[1].name.en");
    assert_string_equal(s->mark.file, "data");
    assert_int_equal(s->mark.line, 5);
    assert_string_equal(s->via.file, "t/main.tpl");
    assert_int_equal(s->via.line, 5);
    sy_mark m = sy_block_signatory_mark(sigs, 1, SY_SIGNATORY_NAME_EN);
    assert_string_equal(m.file, "t/main.tpl");
    assert_int_equal(m.line, 5);
    s = sy_block_signatory_spans(sigs, 0, SY_SIGNATORY_NAME_EN, &n);
    assert_int_equal(n, 1);
    assert_string_equal(s->path, "parties[0].name.en");
    assert_int_equal(s->mark.line, 3);
    /* template text: no spans, the field's own line */
    sy_block_signatory_spans(sigs, 1, SY_SIGNATORY_TITLE_KM, &n);
    assert_int_equal(n, 0);
    assert_int_equal(sy_block_signatory_mark(sigs, 1, SY_SIGNATORY_TITLE_KM).line, 6);
    /* a field the signer does not give: the signatures block's line */
    assert_int_equal(sy_block_signatory_mark(sigs, 1, SY_SIGNATORY_NAME_KM).line, 1);

    sy_doc_free(doc);
    sy_tpl_free(t);
    sy_tpl_env_free(env);
    sy_value_free(v);
    sy_diags_free(d);
}

static void registered_filters(void **state)
{
    (void)state;
    /* the fake calendar filters of test_env() */
    expect_dump("{{ d | date_km }} {{ d | lunar_km | upper }}\n", "{d: @2026-05-20}",
                "  paragraph role=body align=left lang=en @t/main.tpl:1:1\n"
                "    \"[date_km 2026-05-20] [LUNAR_KM 2026-05-20]\"\n");
    expect_errors("{{ s | date_en }}\n", "{s: \"x\"}",
                  "t/main.tpl:1:8: filter 'date_en': needs a date, not a string\n");
    sy_tpl_env *env = sy_tpl_env_new();
    assert_int_equal(sy_tpl_env_add_filter(env, "bad-name", fake_date, NULL), SY_ERR_USAGE);
    assert_int_equal(sy_tpl_env_add_filter(env, "", fake_date, NULL), SY_ERR_USAGE);
    assert_int_equal(sy_tpl_env_add_filter(env, "ok", NULL, NULL), SY_ERR_USAGE);
    /* replacing a built-in is allowed */
    assert_int_equal(sy_tpl_env_add_filter(env, "upper", fake_date, "x"), SY_OK);
    sy_tpl_env_free(env);
}

/* ---- Loading from disk ---- */

static void manifest_fields(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_tpl *t = sy_tpl_load("templates/mou", d);
    assert_non_null(t);
    assert_string_equal(sy_tpl_name(t), "mou");
    assert_int_equal(sy_tpl_layout(t), SY_LAYOUT_PARALLEL);
    assert_non_null(strstr(sy_tpl_description(t), "memorandum"));
    sy_tpl_free(t);
    assert_null(sy_tpl_load("tests/tpl/no-such-folder", d));
    char line[512];
    sy_diag_format(sy_diags_get(d, 0), line, sizeof line);
    assert_string_equal(line, "tests/tpl/no-such-folder: no such template folder");
    sy_diags_free(d);
}

/* Replaces every occurrence of prefix in s (in place). */
static void strip_all(char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    char *p;
    while ((p = strstr(s, prefix)) != NULL)
        memmove(p, p + n, strlen(p + n) + 1);
}

static int update_golden(void)
{
    const char *u = getenv("SY_UPDATE_GOLDEN");
    return u && *u == '1';
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Loads and renders a template folder; returns the dump or the errors,
 * with "dir/" removed so that goldens do not depend on where they live. */
static char *run_folder(const char *dir, int *ok)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/data.txt", dir);
    char *lit = read_all(path);
    sy_value *data = lit ? td_parse(lit) : sample_data();
    free(lit);
    assert_non_null(data);
    sy_diags *d = sy_diags_new();
    sy_tpl_env *env = test_env();
    sy_tpl *t = sy_tpl_load(dir, d);
    sy_doc *doc = t ? sy_tpl_render(t, env, data, d) : NULL;
    sy_buf out = SY_BUF_INIT;
    if (doc) {
        sy_doc_dump(doc, &out);
    } else {
        for (size_t i = 0; i < sy_diags_count(d); i++) {
            char line[1024];
            sy_diag_format(sy_diags_get(d, i), line, sizeof line);
            sy_buf_printf(&out, "%s\n", line);
        }
    }
    *ok = doc != NULL;
    sy_buf_putc(&out, 0);
    char *s = sy_buf_take(&out, NULL);
    snprintf(path, sizeof path, "%s/", dir);
    strip_all(s, path);
    sy_doc_free(doc);
    sy_tpl_free(t);
    sy_tpl_env_free(env);
    sy_value_free(data);
    sy_diags_free(d);
    return s;
}

static void check_golden(const char *dir, const char *expected_path, int want_ok)
{
    int ok = 0;
    char *got = run_folder(dir, &ok);
    if (update_golden()) {
        write_file(expected_path, got);
    } else {
        char *want = read_all(expected_path);
        if (!want)
            fail_msg("%s: no %s", dir, expected_path);
        if (ok != want_ok || strcmp(got, want) != 0)
            fail_msg("%s: output differs from %s\n--- got:\n%s--- want:\n%s", dir, expected_path,
                     got, want);
        free(want);
    }
    free(got);
}

static int walk_cases(const char *root, int want_ok, const char *expected_name)
{
    DIR *dir = opendir(root);
    assert_non_null(dir);
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 256)
        if (e->d_name[0] != '.')
            names[n++] = strdup(e->d_name);
    closedir(dir);
    for (int i = 0; i < n; i++) {
        char path[1024], exp[1100];
        snprintf(path, sizeof path, "%s/%s", root, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(exp, sizeof exp, "%s/%s", path, expected_name);
            check_golden(path, exp, want_ok);
        }
        free(names[i]);
    }
    return n;
}

static void bad_templates_give_exact_errors(void **state)
{
    (void)state;
    assert_true(walk_cases("tests/tpl/bad", 0, "expected") >= 12);
}

static void good_templates_match_goldens(void **state)
{
    (void)state;
    assert_true(walk_cases("tests/tpl/good", 1, "expected.dump") >= 2);
}

static void mou_template_matches_golden(void **state)
{
    (void)state;
    check_golden("templates/mou", "tests/tpl/mou.dump", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paragraphs_join_lines_and_split_on_blank),
        cmocka_unit_test(headings_items_and_commands),
        cmocka_unit_test(list_items_from_a_loop_make_one_list),
        cmocka_unit_test(pairs_articles_and_numbering),
        cmocka_unit_test(keep_and_style),
        cmocka_unit_test(signatures),
        cmocka_unit_test(comments_vanish),
        cmocka_unit_test(if_elif_else_and_operators),
        cmocka_unit_test(truthiness_and_missing_fields),
        cmocka_unit_test(default_covers_absent_top_level_keys),
        cmocka_unit_test(for_loop_variables),
        cmocka_unit_test(indexing_and_literals),
        cmocka_unit_test(includes_share_the_scope),
        cmocka_unit_test(data_never_makes_blocks),
        cmocka_unit_test(unknown_names_suggest),
        cmocka_unit_test(type_errors),
        cmocka_unit_test(runaway_loops_stop),
        cmocka_unit_test(paragraphs_are_bounded),
        cmocka_unit_test(included_files_obey_block_rules),
        cmocka_unit_test(include_paths_are_checked),
        cmocka_unit_test(include_cycles_are_errors),
        cmocka_unit_test(deep_expressions_are_bounded),
        cmocka_unit_test(expression_depth_at_the_limit),
        cmocka_unit_test(block_depth_at_the_limit),
        cmocka_unit_test(include_depth_at_the_limit),
        cmocka_unit_test(steps_at_the_limit),
        cmocka_unit_test(output_at_the_limit),
        cmocka_unit_test(builtin_filters),
        cmocka_unit_test(filter_errors_name_the_filter),
        cmocka_unit_test(printed_values_keep_their_place_in_the_data),
        cmocka_unit_test(signer_fields_keep_their_place_in_the_data),
        cmocka_unit_test(registered_filters),
        cmocka_unit_test(manifest_fields),
        cmocka_unit_test(bad_templates_give_exact_errors),
        cmocka_unit_test(good_templates_match_goldens),
        cmocka_unit_test(mou_template_matches_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
