/* Unit tests of the pure parts of sanya serve (lib/serve) and of what it
 * stands on: the gates (file names, the Host header, the token), the JSON
 * of diagnostics and of the form's model, the schema described for the
 * form (the same keys the loader allows), and sy_splice_set, the one-value
 * edit (lib/data/splice.c), and the roster a folder's server finds
 * (sy_serve_open_for_tests: no daemon). The HTTP side:
 * tests/e2e/test-serve-http.sh; every endpoint: tests/fuzz/fuzz_serve.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/error.h"
#include "data/data.h"
#include "data/splice.h"
#include "serve/json.h"
#include "serve/serve.h"
#include "serve/serve_internal.h"

#include <unistd.h>

static void names(void **state)
{
    (void)state;
    assert_true(sy_serve_name_ok("moi-aple-2025.yaml"));
    assert_true(sy_serve_name_ok("sub/dir/a.yaml"));
    assert_true(sy_serve_name_ok("ក្រសួង.yaml")); /* UTF-8 names are names */
    assert_false(sy_serve_name_ok(NULL));
    assert_false(sy_serve_name_ok(""));
    assert_false(sy_serve_name_ok(".yaml"));
    assert_false(sy_serve_name_ok("a.yml"));
    assert_false(sy_serve_name_ok("a.yaml.pdf"));
    assert_false(sy_serve_name_ok("../x.yaml"));
    assert_false(sy_serve_name_ok("sub/../x.yaml"));
    assert_false(sy_serve_name_ok("./x.yaml"));
    assert_false(sy_serve_name_ok("/etc/x.yaml"));
    assert_false(sy_serve_name_ok("sub//x.yaml"));
    assert_false(sy_serve_name_ok(".git/x.yaml"));
    assert_false(sy_serve_name_ok("sub/.hidden.yaml"));
    assert_false(sy_serve_name_ok("a\\..\\b.yaml"));
    assert_false(sy_serve_name_ok("a\nb.yaml"));
    /* not UTF-8: the name would make the JSON answers 500s (fuzz_serve) */
    assert_false(sy_serve_name_ok("moi-aple-20\xe9\xe9.yaml"));
    assert_false(sy_serve_name_ok("a\xc0\xaf.yaml"));
    char long_name[2048];
    memset(long_name, 'a', sizeof long_name);
    strcpy(long_name + sizeof long_name - 6, ".yaml");
    assert_false(sy_serve_name_ok(long_name));
}

static void hosts(void **state)
{
    (void)state;
    assert_true(sy_serve_host_ok("127.0.0.1:8080", 8080));
    assert_true(sy_serve_host_ok("localhost:8080", 8080));
    assert_true(sy_serve_host_ok("LOCALHOST:8080", 8080));
    assert_false(sy_serve_host_ok(NULL, 8080));
    assert_false(sy_serve_host_ok("", 8080));
    assert_false(sy_serve_host_ok("127.0.0.1", 8080));
    assert_false(sy_serve_host_ok("127.0.0.1:80", 8080));
    assert_false(sy_serve_host_ok("127.0.0.1:8080.evil.example", 8080));
    assert_false(sy_serve_host_ok("evil.example:8080", 8080));
    assert_false(sy_serve_host_ok("localhost.evil.example:8080", 8080));
    assert_false(sy_serve_host_ok("[::1]:8080", 8080));
}

static void tokens(void **state)
{
    (void)state;
    char t[SY_SERVE_TOKEN_HEX + 1], u[SY_SERVE_TOKEN_HEX + 1];
    assert_int_equal(sy_serve_make_token(t, NULL), SY_OK);
    assert_int_equal(sy_serve_make_token(u, NULL), SY_OK);
    assert_int_equal(strlen(t), SY_SERVE_TOKEN_HEX);
    assert_int_equal(strspn(t, "0123456789abcdef"), SY_SERVE_TOKEN_HEX);
    assert_string_not_equal(t, u);
    assert_true(sy_serve_token_eq(t, t));
    assert_false(sy_serve_token_eq(u, t));
    assert_false(sy_serve_token_eq(NULL, t));
    assert_false(sy_serve_token_eq("", t));
    char prefix[SY_SERVE_TOKEN_HEX];
    memcpy(prefix, t, sizeof prefix - 1);
    prefix[sizeof prefix - 1] = 0;
    assert_false(sy_serve_token_eq(prefix, t));
    assert_false(sy_serve_token_eq("", ""));
}

static void diagnostics_json(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, "a.yaml", 35, 9, "signed", "invalid date \"%s\"",
                 "2025-02-30");
    sy_diags_add(d, SY_SEV_WARNING, SY_OK, NULL, 0, 0, NULL, "ក្រសួង");
    char *text = sy_serve_json_check_report("a.yaml", d);
    assert_non_null(text);
    json_error_t err;
    json_t *j = json_loads(text, 0, &err);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "file")), "a.yaml");
    json_t *list = json_object_get(j, "diagnostics");
    assert_int_equal(json_array_size(list), 2);
    json_t *e = json_array_get(list, 0);
    assert_string_equal(json_string_value(json_object_get(e, "path")), "signed");
    assert_int_equal(json_integer_value(json_object_get(e, "line")), 35);
    assert_int_equal(json_integer_value(json_object_get(e, "column")), 9);
    assert_string_equal(json_string_value(json_object_get(e, "severity")), "error");
    assert_string_equal(json_string_value(json_object_get(e, "message")),
                        "invalid date \"2025-02-30\"");
    e = json_array_get(list, 1);
    assert_true(json_is_null(json_object_get(e, "file")));
    assert_true(json_is_null(json_object_get(e, "path")));
    assert_string_equal(json_string_value(json_object_get(e, "severity")), "warning");
    assert_string_equal(json_string_value(json_object_get(e, "message")), "ក្រសួង");
    assert_true(json_is_null(json_object_get(e, "suggestion")));
    json_decref(j);
    free(text);
    /* a "did you mean" travels apart from the message */
    sy_diags_clear(d);
    sy_diag s = {.severity = SY_SEV_ERROR,
                 .code = SY_ERR_DATA,
                 .file = "a.yaml",
                 .line = 4,
                 .column = 1,
                 .message = "unknown key \"artcles\"",
                 .suggestion = "articles"};
    assert_int_equal(sy_diags_push(d, &s), SY_ERR_DATA);
    json_t *one = sy_serve_json_diags(d, 0);
    assert_string_equal(json_string_value(json_object_get(json_array_get(one, 0), "suggestion")),
                        "articles");
    assert_string_equal(json_string_value(json_object_get(json_array_get(one, 0), "message")),
                        "unknown key \"artcles\"");
    json_decref(one);
    /* a message that is not UTF-8 still gives JSON */
    sy_diags_clear(d);
    sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, "a.yaml", 1, 1, NULL, "bad byte \xff here");
    json_t *a = sy_serve_json_diags(d, 0);
    assert_non_null(a);
    assert_int_equal(json_array_size(a), 1);
    json_decref(a);
    /* nor does a file name or a path that is not UTF-8 (fuzz_serve: the
     * whole answer was lost, a 500, and the message leaked) */
    sy_diags_clear(d);
    sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, "a\xe9\xe9.yaml", 1, 1, "x\xff", "bad byte \xff");
    a = sy_serve_json_diags(d, 0);
    assert_non_null(a);
    json_t *bad = json_array_get(a, 0);
    assert_string_equal(json_string_value(json_object_get(bad, "file")),
                        "(a name that is not UTF-8)");
    assert_string_equal(json_string_value(json_object_get(bad, "path")),
                        "(a path that is not UTF-8)");
    assert_string_equal(json_string_value(json_object_get(bad, "message")),
                        "(a message that is not UTF-8)");
    json_decref(a);
    sy_diags_free(d);
}

static void model_json(void **state)
{
    (void)state;
    static const char text[] = "# c\nid: x\nterm: {years: 3}\nparties:\n  - id: a\n  - id: b\n"
                               "signed: 2025-02-30\nempty:\n";
    json_t *m = sy_serve_json_model("a.yaml", text, strlen(text));
    assert_non_null(m);
    json_t *v = json_object_get(m, "value");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(v, "term"), "years")), 3);
    assert_string_equal(json_string_value(json_object_get(v, "signed")), "2025-02-30");
    assert_true(json_is_null(json_object_get(v, "empty")));
    json_t *fields = json_object_get(m, "fields");
    int seen = 0;
    for (size_t i = 0; i < json_array_size(fields); i++) {
        json_t *f = json_array_get(fields, i);
        const char *path = json_string_value(json_object_get(f, "path"));
        if (!strcmp(path, "parties[1].id")) {
            assert_int_equal(json_integer_value(json_object_get(f, "line")), 6);
            assert_int_equal(json_integer_value(json_object_get(f, "column")), 9);
            assert_string_equal(json_string_value(json_object_get(f, "value")), "b");
            seen++;
        }
        if (!strcmp(path, "parties")) {
            assert_string_equal(json_string_value(json_object_get(f, "kind")), "list");
            seen++;
        }
    }
    assert_int_equal(seen, 2);
    json_decref(m);
    assert_null(sy_serve_json_model("a.yaml", "a: [", 4));
}

/* The schema the form is made from names exactly the keys the loader
 * allows, record by record. */
static void schema_matches_loader(void **state)
{
    (void)state;
    size_t n;
    const sy_schema_record *r = sy_agreement_schema(&n);
    assert_true(n >= 7);
    assert_string_equal(r[0].name, "agreement");
    for (size_t i = 0; i < n; i++) {
        const char *const *keys = sy_agreement_record_keys(r[i].name);
        assert_non_null(keys);
        size_t k = 0;
        for (; keys[k]; k++) {
            assert_true(k < r[i].nfields);
            assert_string_equal(keys[k], r[i].fields[k].key);
            if (r[i].fields[k].type == SY_FIELD_LIST || r[i].fields[k].type == SY_FIELD_MAP)
                assert_non_null(sy_agreement_record_keys(r[i].fields[k].record));
        }
        assert_int_equal(k, r[i].nfields);
    }
}

/* sy_splice_set of src at path to value gives want (NULL: fails). */
static void set_gives(const char *src, const char *path, const char *value, const char *want)
{
    sy_buf out = SY_BUF_INIT;
    sy_diags *d = sy_diags_new();
    sy_status st = sy_splice_set("t.yaml", src, strlen(src), path, value, &out, d);
    if (!want) {
        assert_int_not_equal(st, SY_OK);
        assert_true(sy_diags_count(d) > 0);
        assert_int_equal(out.len, 0);
    } else {
        if (st != SY_OK)
            fail_msg("%s: %s", path, sy_diags_get(d, 0)->message);
        assert_string_equal(out.data ? out.data : "", want);
    }
    sy_buf_free(&out);
    sy_diags_free(d);
}

static void splice_set(void **state)
{
    (void)state;
    /* plain stays plain, comments stay */
    set_gives("# top\nsigned: 2025-06-12 # the day\n", "signed", "2025-07-01",
              "# top\nsigned: 2025-07-01 # the day\n");
    /* quotes stay */
    set_gives("ref: '1/25'\n", "ref", "2/25", "ref: '2/25'\n");
    set_gives("ref: \"1/25\"\n", "ref", "it's", "ref: \"it's\"\n");
    /* a value that cannot be plain is quoted; in a flow map too */
    set_gives("a: b\n", "a", "x: y", "a: 'x: y'\n");
    set_gives("n: {km: ក, en: A}\n", "n.en", "A, B", "n: {km: ក, en: 'A, B'}\n");
    set_gives("n: {km: ក, en: A}\n", "n.km", "ខ", "n: {km: ខ, en: A}\n");
    /* several lines outside a block scalar: double quotes */
    set_gives("a: b\n", "a", "one\ntwo", "a: \"one\\ntwo\"\n");
    /* a block scalar keeps its header and indentation */
    set_gives("body:\n  km: |-\n    one\n    two\nx: 1\n", "body.km", "three\n\nfour",
              "body:\n  km: |-\n    three\n\n    four\nx: 1\n");
    /* a folded one becomes literal when the value has line breaks */
    set_gives("b: >-\n  one\n  two\n", "b", "x\ny", "b: |-\n  x\n  y\n");
    set_gives("b: >-\n  one\n  two\n", "b", "x y", "b: >-\n  x y\n");
    /* lists by index */
    set_gives("l:\n  - a\n  - b\n", "l[1]", "c", "l:\n  - a\n  - c\n");
    /* a missing key: at the map's end, flow or block; nested as flow */
    set_gives("term: {years: 3}\n", "term.start", "2025-01-01",
              "term: {years: 3, start: 2025-01-01}\n");
    set_gives("a: 1\nb: 2\n", "c", "3", "a: 1\nb: 2\nc: 3\n");
    set_gives("a: 1\n", "term.start", "2025-01-01", "a: 1\nterm: {start: 2025-01-01}\n");
    /* an empty value */
    set_gives("a:\nb: 2\n", "a", "x", "a: x\nb: 2\n");
    /* a new item after a list's end */
    set_gives("articles:\n  - {title: {en: A}}\nx: 1\n", "articles[1].title.en", "B",
              "articles:\n  - {title: {en: A}}\n  - {title: {en: B}}\nx: 1\n");
    set_gives("l: [a, b]\n", "l[2]", "c", "l: [a, b, c]\n");
    /* CRLF files get CRLF lines */
    set_gives("a: 1\r\nb: 2\r\n", "c", "3", "a: 1\r\nb: 2\r\nc: 3\r\n");
    /* refused: through a scalar, beyond the end, a map, an alias, bad
     * paths, text that is not YAML */
    set_gives("a: 1\n", "a.b", "x", NULL);
    set_gives("l: [a]\n", "l[5]", "x", NULL);
    set_gives("m: {a: 1}\n", "m", "x", NULL);
    set_gives("a: &x 1\nb: *x\n", "b", "2", NULL);
    set_gives("a: 1\n", "a[", "x", NULL);
    set_gives("a: 1\n", "", "x", NULL);
    set_gives("a: [\n", "a", "x", NULL);
}

static const char *roster_query(void *conn, const char *key)
{
    (void)conn;
    return !strcmp(key, "q") ? "sophea" : NULL;
}

/* The matches of GET /api/roster?q=sophea (a holder of examples/roster.yaml). */
static size_t roster_matches(sy_serve *s)
{
    sy_serve_request q = {"GET", "/api/roster", roster_query, NULL, "", 0};
    sy_serve_reply r;
    memset(&r, 0, sizeof r);
    sy_serve_api(s, &q, &r);
    assert_int_equal(r.status, 200);
    json_t *j = json_loadb(r.body, r.len, 0, NULL);
    assert_non_null(j);
    size_t n = json_array_size(json_object_get(j, "entries"));
    json_decref(j);
    free(r.body);
    return n;
}

static sy_date fixed_today(void)
{
    sy_date d = {2026, 3, 1};
    return d;
}

static sy_serve *open_dir(const char *dir)
{
    sy_serve_options o;
    memset(&o, 0, sizeof o);
    o.dir = dir;
    o.data_dir = "."; /* run from the repository's root */
    o.port = 8080;
    o.token = "0123456789abcdef0123456789abcdef";
    o.today = fixed_today;
    sy_diags *d = sy_diags_new();
    sy_serve *s = sy_serve_open_for_tests(&o, d);
    assert_non_null(s);
    assert_int_equal(sy_serve_port(s), 8080);
    sy_diags_free(d);
    return s;
}

/* The roster found at the top of the folder is one of the folder's files:
 * a symbolic link to a roster outside is not read (the fuzz target's
 * sentinel beside its folder was taken for the roster). */
static void found_roster(void **state)
{
    (void)state;
    char top[] = "/tmp/test_serve.XXXXXX", dir[64], out[128], link[128], in[128];
    assert_non_null(mkdtemp(top));
    snprintf(dir, sizeof dir, "%s/dir", top);
    snprintf(out, sizeof out, "%s/roster.yaml", top);
    snprintf(link, sizeof link, "%s/link.yaml", dir);
    snprintf(in, sizeof in, "%s/roster.yaml", dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    char *roster = NULL;
    size_t len = 0;
    sy_buf b = SY_BUF_INIT;
    FILE *f = fopen("examples/roster.yaml", "rb");
    assert_non_null(f);
    char chunk[4096];
    while ((len = fread(chunk, 1, sizeof chunk, f)) > 0)
        sy_buf_put(&b, chunk, len);
    fclose(f);
    roster = b.data;
    len = b.len;
    assert_non_null(roster);
    f = fopen(out, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(roster, 1, len, f), len);
    fclose(f);
    assert_int_equal(symlink("../roster.yaml", link), 0);

    sy_serve *s = open_dir(dir);
    assert_null(s->roster_path);
    assert_false(s->roster_given);
    assert_int_equal(roster_matches(s), 0);
    sy_serve_stop(s);

    f = fopen(in, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(roster, 1, len, f), len);
    fclose(f);
    s = open_dir(dir);
    assert_non_null(s->roster_path);
    assert_true(s->roster_given);
    assert_non_null(strstr(s->roster_path, "/dir/roster.yaml"));
    assert_int_equal(roster_matches(s), 1);
    sy_serve_stop(s);

    sy_buf_free(&b);
    unlink(in);
    unlink(link);
    unlink(out);
    rmdir(dir);
    rmdir(top);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names),      cmocka_unit_test(hosts),
        cmocka_unit_test(tokens),     cmocka_unit_test(diagnostics_json),
        cmocka_unit_test(model_json), cmocka_unit_test(schema_matches_loader),
        cmocka_unit_test(splice_set), cmocka_unit_test(found_roster),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
