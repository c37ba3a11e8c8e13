/* The drafting page's JSON API (docs/serve.md): each endpoint calls the
 * stages the command line calls (the data loader and the builder's check
 * for `check`, the splicer of `renew` for edits, the builder for the
 * preview, the atomic writer for saves) and answers in JSON. */
#include "serve/serve_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/limits.h"
#include "data/checklist.h"
#include "data/new.h"
#include "data/splice.h"
#include "serve/json.h"
#include "tpl/tpl.h"

static sy_date today(const sy_serve *s)
{
    sy_date none = {0, 0, 0};
    return s->today ? s->today() : none;
}

static sy_builder_options build_options(const sy_serve *s)
{
    sy_builder_options o;
    memset(&o, 0, sizeof o);
    o.layout = -1;
    o.parts = SY_BUILDER_COVER_AND_AGREEMENT;
    o.as_of = today(s);
    o.template_ = s->template_;
    return o;
}

static void version_of(const char *data, size_t len, char *hex)
{
    unsigned char digest[SY_HASH_MAX_SIZE];
    size_t n = sy_hash_buffer(SY_HASH_SHA256, data, len, digest);
    sy_hash_hex(digest, n, hex);
}

static json_t *text_json(const sy_model_text *t)
{
    if (!t->km && !t->en)
        return json_null();
    return json_pack("{s:s?, s:s?}", "km", t->km, "en", t->en);
}

/* The roster's problems first (as `sanya check` prints them), then the
 * agreement's: the data, and the build's own checks when its signatories
 * can be named. Returns the agreement (caller frees) or NULL. */
static sy_agreement *check(sy_serve *s, const char *name, const char *text, size_t len, int full,
                           sy_diags *d)
{
    sy_serve_roster_refresh(s);
    for (size_t i = 0; s->roster_diags && i < sy_diags_count(s->roster_diags); i++) {
        const sy_diag *e = sy_diags_get(s->roster_diags, i);
        sy_diags_add(d, e->severity, e->code, e->file, e->line, e->column, e->path, "%s",
                     e->message);
    }
    sy_agreement *a = sy_agreement_load_buffer(name, text, len, s->roster, d);
    if (full && sy_builder_can_check(a, s->roster_given, s->roster)) {
        sy_builder_options o = build_options(s);
        sy_builder_check_loaded(s->builder, a, s->roster, &o, d);
    }
    return a;
}

static size_t count_severity(const sy_diags *d, sy_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < sy_diags_count(d); i++)
        n += sy_diags_get(d, i)->severity == sev;
    return n;
}

/* The cover's status of a as of today, or null. */
static json_t *status_json(sy_serve *s, const sy_agreement *a)
{
    sy_checklist *c = NULL;
    if (!a || sy_checklist_new(a, s->roster, today(s), &c, NULL) != SY_OK)
        return json_null();
    char renew_by[11];
    sy_date_format_iso(c->renew_by, renew_by);
    json_t *j =
        json_pack("{s:s, s:s, s:I, s:I, s:I, s:I}", "renewal", sy_renewal_state_name(c->renewal),
                  "renew_by", renew_by, "pending", (json_int_t)(c->nsteps - c->approved),
                  "leadership_changes", (json_int_t)c->nchanges, "approved",
                  (json_int_t)c->approved, "steps", (json_int_t)c->nsteps);
    sy_checklist_free(c);
    return j;
}

/* GET /api/files */
static void api_files(sy_serve *s, sy_serve_reply *r)
{
    size_t n = 0;
    char **names = sy_serve_list(s, &n);
    json_t *files = json_array();
    sy_serve_roster_refresh(s);
    for (size_t i = 0; i < n; i++) {
        char *data = NULL, hex[2 * SY_HASH_MAX_SIZE + 1];
        size_t len = 0;
        sy_serve_reply skip;
        memset(&skip, 0, sizeof skip);
        sy_diags *d = sy_diags_new();
        sy_agreement *a = NULL;
        if (sy_serve_read(s, names[i], &data, &len, NULL, &skip) == 0)
            a = d ? sy_agreement_load_buffer(names[i], data, len, s->roster, d) : NULL;
        else
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, names[i], 0, 0, NULL, "unreadable");
        free(skip.body);
        /* the id: the file's name without .yaml and its folders */
        const char *base = strrchr(names[i], '/');
        base = base ? base + 1 : names[i];
        json_t *title = json_null();
        if (a)
            title = text_json(&sy_agreement_model(a)->title);
        version_of(data ? data : "", len, hex);
        json_t *f = json_pack(
            "{s:s, s:s%, s:o, s:I, s:I, s:o}", "name", names[i], "id", base, strlen(base) - 5,
            "title", title, "errors", (json_int_t)sy_diags_errors(d), "warnings",
            (json_int_t)count_severity(d, SY_SEV_WARNING), "status", status_json(s, a));
        if (f)
            json_array_append_new(files, f);
        sy_agreement_free(a);
        sy_diags_free(d);
        free(data);
        free(names[i]);
    }
    free(names);
    sy_serve_reply_json(r, 200, json_pack("{s:s, s:o}", "dir", s->dir, "files", files));
}

/* GET /api/file?name= */
static void api_file(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    const char *name = q->arg(q->conn, "name");
    char *data, hex[2 * SY_HASH_MAX_SIZE + 1];
    size_t len;
    if (sy_serve_read(s, name, &data, &len, NULL, r) != 0)
        return;
    version_of(data, len, hex);
    json_t *text = json_stringn(data, len);
    free(data);
    if (!text) {
        sy_serve_reply_error(r, 422, "%s is not UTF-8 text", name);
        return;
    }
    sy_serve_reply_json(r, 200,
                        json_pack("{s:s, s:o, s:s}", "name", name, "text", text, "version", hex));
}

/* GET /api/schema: the loader's own table (sy_agreement_schema). */
static void api_schema(sy_serve_reply *r)
{
    size_t n;
    const sy_schema_record *rec = sy_agreement_schema(&n);
    json_t *records = json_object();
    for (size_t i = 0; i < n; i++) {
        json_t *fields = json_array();
        for (size_t k = 0; k < rec[i].nfields; k++) {
            const sy_schema_field *f = &rec[i].fields[k];
            json_t *choices = json_null();
            if (f->choices) {
                choices = json_array();
                for (const char *const *c = f->choices; *c; c++)
                    json_array_append_new(choices, json_string(*c));
            }
            json_array_append_new(fields,
                                  json_pack("{s:s, s:s, s:b, s:s?, s:o, s:s}", "key", f->key,
                                            "type", sy_field_type_name(f->type), "required",
                                            f->required, "record", f->record, "choices", choices,
                                            "description", f->description));
        }
        json_object_set_new(records, rec[i].name, fields);
    }
    sy_serve_reply_json(r, 200, json_pack("{s:s, s:o}", "root", "agreement", "records", records));
}

/* The diagnostics answer of a check, with the form's model. */
static json_t *check_json(const char *name, const char *text, size_t len, const sy_diags *d)
{
    json_t *model = sy_serve_json_model(name, text, len);
    return json_pack("{s:o, s:o}", "diagnostics", sy_serve_json_diags(d, 0), "model",
                     model ? model : json_null());
}

static int body_is_text(const sy_serve_request *q, sy_serve_reply *r)
{
    if (memchr(q->body, 0, q->len)) {
        sy_serve_reply_error(r, 400, "the body holds a NUL byte: send the YAML text");
        return 0;
    }
    return 1;
}

/* The start of an endpoint that takes an agreement's text for ?name=:
 * checks the name and the body and gives a new diagnostics list (the
 * caller frees it); NULL with r filled when the request is refused. */
static sy_diags *text_request(const sy_serve_request *q, sy_serve_reply *r, const char **name)
{
    *name = q->arg(q->conn, "name");
    if (!sy_serve_name_ok(*name)) {
        sy_serve_reply_error(r, 403, "'%s' is not a name of an agreement file under the folder",
                             *name ? *name : "");
        return NULL;
    }
    if (!body_is_text(q, r))
        return NULL;
    sy_diags *d = sy_diags_new();
    if (!d)
        sy_serve_reply_error(r, 500, "out of memory");
    return d;
}

/* POST /api/check?name= with the text. */
static void api_check(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    const char *name;
    sy_diags *d = text_request(q, r, &name);
    if (!d)
        return;
    sy_agreement *a = check(s, name, q->body, q->len, 1, d);
    sy_agreement_free(a);
    sy_serve_reply_json(r, 200, check_json(name, q->body, q->len, d));
    sy_diags_free(d);
}

/* POST /api/edit?name= with {"text", "path", "value"}. */
static void api_edit(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    (void)s;
    const char *name = q->arg(q->conn, "name");
    if (!name || !*name)
        name = "agreement.yaml";
    json_error_t err;
    json_t *in = json_loadb(q->body, q->len, 0, &err);
    const char *text = NULL, *path = NULL, *value = NULL;
    size_t tlen = 0;
    if (!in ||
        json_unpack(in, "{s:s%, s:s, s:s}", "text", &text, &tlen, "path", &path, "value", &value) !=
            0) {
        sy_serve_reply_error(r, 400,
                             "expected {\"text\": YAML, \"path\": \"a.b[0].c\", \"value\": "
                             "\"...\"}%s%s",
                             in ? "" : ": ", in ? "" : err.text);
        json_decref(in);
        return;
    }
    sy_diags *d = sy_diags_new();
    sy_buf out = SY_BUF_INIT;
    sy_status st = d ? sy_splice_set(name, text, tlen, path, value, &out, d) : SY_ERR_NOMEM;
    if (st == SY_OK) {
        json_t *t = json_stringn(out.data ? out.data : "", out.len);
        sy_serve_reply_json(r, 200, json_pack("{s:o}", "text", t));
    } else if (d && sy_diags_count(d)) {
        sy_serve_reply_json(r, st == SY_ERR_NOMEM ? 500 : 422,
                            json_pack("{s:s, s:o}", "error", sy_diags_get(d, 0)->message,
                                      "diagnostics", sy_serve_json_diags(d, 0)));
    } else {
        sy_serve_reply_error(r, 500, "out of memory");
    }
    sy_buf_free(&out);
    sy_diags_free(d);
    json_decref(in);
}

/* POST /api/preview?name= with the text: the PDF, or 422 with why not. */
static void api_preview(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    const char *name;
    sy_diags *d = text_request(q, r, &name);
    if (!d)
        return;
    sy_agreement *a = check(s, name, q->body, q->len, 0, d);
    char *pdf = NULL;
    size_t len = 0, pages = 0;
    sy_status st = SY_ERR_DATA;
    if (a && sy_agreement_unresolved(a)) {
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, name, 0, 0, NULL,
                     "signatories are given by office: start sanya serve with --roster to "
                     "preview");
    } else if (a && (!s->roster_given || s->roster)) {
        sy_builder_options o = build_options(s);
        st = sy_builder_pdf_loaded(s->builder, a, s->roster, &o, &pdf, &len, &pages, d);
    }
    if (st == SY_OK && pdf) {
        r->status = 200;
        r->type = "application/pdf";
        r->body = pdf;
        r->len = len;
    } else {
        free(pdf);
        sy_serve_reply_json(r, 422, json_pack("{s:o}", "diagnostics", sy_serve_json_diags(d, 0)));
    }
    sy_agreement_free(a);
    sy_diags_free(d);
}

/* POST /api/save?name=&version= with the text. */
static void api_save(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    const char *name = q->arg(q->conn, "name");
    const char *version = q->arg(q->conn, "version");
    if (!body_is_text(q, r))
        return;
    if (!version || !*version) {
        sy_serve_reply_error(r, 400,
                             "version= is missing: the version of the file this text was "
                             "opened from (GET /api/file)");
        return;
    }
    char *old, *real, hex[2 * SY_HASH_MAX_SIZE + 1];
    size_t len;
    if (sy_serve_read(s, name, &old, &len, &real, r) != 0)
        return;
    version_of(old, len, hex);
    free(old);
    if (strcmp(hex, version)) {
        free(real);
        sy_serve_reply_error(r, 409,
                             "%s changed on disk since you opened it (saved from another tab "
                             "or editor); reload it before saving",
                             name);
        return;
    }
    sy_diags *d = sy_diags_new();
    if (!d || sy_file_write_atomic(real, q->body, q->len, d) != SY_OK) {
        const sy_diag *e = d && sy_diags_count(d) ? sy_diags_get(d, 0) : NULL;
        sy_serve_reply_error(r, 500, "%s could not be saved: %s", name,
                             e ? e->message : "out of memory");
        sy_diags_free(d);
        free(real);
        return;
    }
    free(real);
    version_of(q->body, q->len, hex);
    /* work in progress may be saved with errors: say which */
    sy_agreement *a = check(s, name, q->body, q->len, 1, d);
    sy_agreement_free(a);
    sy_serve_reply_json(
        r, 200, json_pack("{s:s, s:o}", "version", hex, "diagnostics", sy_serve_json_diags(d, 0)));
    sy_diags_free(d);
}

/* Case-insensitive (ASCII) substring; Khmer matches byte for byte. */
static int contains(const char *hay, const char *needle)
{
    if (!hay)
        return 0;
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return 1;
    return 0;
}

static const char *str_at(const sy_value *v, const char *path)
{
    return sy_value_as_string(sy_value_lookup(v, path), NULL);
}

/* GET /api/roster?q= */
static void api_roster(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    const char *needle = q->arg(q->conn, "q");
    if (!needle)
        needle = "";
    sy_serve_roster_refresh(s);
    json_t *entries = json_array();
    const sy_value *offices =
        s->roster ? sy_value_get(sy_roster_value(s->roster), "offices") : NULL;
    sy_date day = today(s);
    for (size_t i = 0;
         i < sy_value_len(offices) && json_array_size(entries) < SY_LIMIT_SERVE_ROSTER_MATCHES;
         i++) {
        const char *id = sy_value_key_at(offices, i);
        const sy_value *office = sy_value_at(offices, i);
        const sy_value *holder = sy_roster_holder_at(s->roster, id, day);
        const char *fields[] = {id, str_at(office, "title.km"), str_at(office, "title.en"),
                                str_at(holder, "name.km"), str_at(holder, "name.en")};
        int hit = 0;
        for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
            hit |= contains(fields[k], needle);
        if (!hit)
            continue;
        json_t *h =
            holder ? json_pack("{s:s?, s:s?}", "km", fields[3], "en", fields[4]) : json_null();
        json_array_append_new(entries,
                              json_pack("{s:s, s:{s:s?, s:s?}, s:o}", "office", id, "title", "km",
                                        fields[1], "en", fields[2], "holder", h));
    }
    sy_serve_reply_json(r, 200, json_pack("{s:o}", "entries", entries));
}

/* A template name from a request: letters, digits, '-' and '_' only (a
 * folder under the data folder's templates/, never a path the request
 * chooses). */
static int template_name_ok(const char *t)
{
    if (!*t || strlen(t) > 64)
        return 0;
    for (; *t; t++)
        if (!((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') || (*t >= '0' && *t <= '9') ||
              *t == '-' || *t == '_'))
            return 0;
    return 1;
}

/* POST /api/new {"name": "x.yaml", "template": "mou", "parties": ["moi"]}:
 * the template's starting agreement (sy_agreement_new, as `sanya new`
 * writes it) as a new file in the folder itself, never over an existing
 * one. 201 {"name"}. */
static void api_new(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    json_error_t err;
    json_t *in = json_loadb(q->body, q->len, 0, &err);
    const char *name = NULL, *tname = NULL;
    json_t *parties = NULL;
    if (!in ||
        json_unpack(in, "{s:s, s?s, s?o}", "name", &name, "template", &tname, "parties",
                    &parties) != 0) {
        json_decref(in);
        sy_serve_reply_error(r, 400,
                             "expected JSON {\"name\": \"x.yaml\", \"template\": \"mou\", "
                             "\"parties\": [\"moi\", ...]}");
        return;
    }
    if (!tname || !*tname)
        tname = s->template_ ? s->template_ : "mou";
    size_t n = parties && json_is_array(parties) ? json_array_size(parties) : 0;
    const char *ids[SY_LIMIT_SERVE_NEW_PARTIES];
    const char *why = NULL;
    if (strchr(name, '/') || !sy_serve_name_ok(name))
        why = "a new agreement is a file of the folder itself: a name like moi-ngo-2026.yaml";
    else if (!template_name_ok(tname))
        why = "the template is a name of templates/ (letters, digits, - and _)";
    else if (parties && !json_is_array(parties))
        why = "parties is a list of party ids";
    else if (n > SY_LIMIT_SERVE_NEW_PARTIES)
        why = "too many parties";
    for (size_t i = 0; !why && i < n; i++)
        if (!(ids[i] = json_string_value(json_array_get(parties, i))))
            why = "parties is a list of party ids (strings)";
    if (why) {
        sy_serve_reply_error(r, 400, "%s", why);
        json_decref(in);
        return;
    }
    char *tdir = sy_tpl_folder(s->data_dir, tname);
    sy_diags *d = sy_diags_new();
    sy_buf out = SY_BUF_INIT;
    sy_serve_roster_refresh(s);
    sy_new_options o = {tdir, ids, n, s->roster, today(s), name};
    sy_status st = tdir && d ? sy_agreement_new(&o, &out, d) : SY_ERR_NOMEM;
    char *path = NULL;
    int existed = 0;
    if (st == SY_OK) {
        size_t dl = strlen(s->dir), nl = strlen(name);
        path = malloc(dl + nl + 2);
        if (path) {
            memcpy(path, s->dir, dl);
            path[dl] = '/';
            memcpy(path + dl + 1, name, nl + 1);
        }
        st = path ? sy_file_write_new(path, out.data, out.len, &existed, d) : SY_ERR_NOMEM;
    }
    if (st == SY_OK)
        sy_serve_reply_json(r, 201, json_pack("{s:s}", "name", name));
    else if (existed)
        sy_serve_reply_error(r, 409, "%s exists already: choose another name", name);
    else if (st == SY_ERR_USAGE || st == SY_ERR_NOINPUT || st == SY_ERR_DATA)
        sy_serve_reply_json(r, st == SY_ERR_NOINPUT ? 404 : 422,
                            json_pack("{s:s, s:o}", "error", "the new agreement could not be made",
                                      "diagnostics", sy_serve_json_diags(d, 0)));
    else
        sy_serve_reply_error(r, 500, "the new agreement could not be written");
    free(path);
    sy_buf_free(&out);
    sy_diags_free(d);
    free(tdir);
    json_decref(in);
}

void sy_serve_api(sy_serve *s, const sy_serve_request *q, sy_serve_reply *r)
{
    const char *path = q->url + 5; /* after "/api/" */
    int get = !strcmp(q->method, "GET"), post = !strcmp(q->method, "POST");
    static const char *const gets[] = {"files", "file", "schema", "roster", NULL};
    static const char *const posts[] = {"check", "edit", "preview", "save", "new", NULL};
    int known_get = 0, known_post = 0;
    for (size_t i = 0; gets[i]; i++)
        known_get |= !strcmp(path, gets[i]);
    for (size_t i = 0; posts[i]; i++)
        known_post |= !strcmp(path, posts[i]);
    if (!known_get && !known_post) {
        sy_serve_reply_error(r, 404, "%s: no such endpoint", q->url);
        return;
    }
    if ((known_get && !get) || (known_post && !post)) {
        sy_serve_reply_error(r, 405, "%s %s: use %s", q->method, q->url,
                             known_get ? "GET" : "POST");
        return;
    }
    if (!strcmp(path, "files"))
        api_files(s, r);
    else if (!strcmp(path, "file"))
        api_file(s, q, r);
    else if (!strcmp(path, "schema"))
        api_schema(r);
    else if (!strcmp(path, "roster"))
        api_roster(s, q, r);
    else if (!strcmp(path, "check"))
        api_check(s, q, r);
    else if (!strcmp(path, "edit"))
        api_edit(s, q, r);
    else if (!strcmp(path, "preview"))
        api_preview(s, q, r);
    else if (!strcmp(path, "save"))
        api_save(s, q, r);
    else /* new */
        api_new(s, q, r);
}
