/* The template engine: a template folder (manifest + block markup with
 * expressions, see docs/templates.md) plus a validated agreement (sy_value
 * tree) gives a document tree (sy_doc).
 *
 * In: a template folder under templates/, or files in memory; a filter
 * environment; the data. Out: a sy_doc owned by the caller. Templates are
 * data, not code: they read only files inside their folder, run no commands,
 * and loops and includes are bounded (core/limits.h). Every problem is
 * reported into a sy_diags list with the template's file:line:column. */
#ifndef SY_TPL_TPL_H
#define SY_TPL_TPL_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"
#include "core/value.h"
#include "doc/doc.h"

/* A parsed template: every file reachable from the entry file. Immutable
 * after loading; may be rendered many times, from several threads. */
typedef struct sy_tpl sy_tpl;
/* The filters an expression may use (`{{ signed | date_km }}`). */
typedef struct sy_tpl_env sy_tpl_env;

/* A filter: input is the value left of the bar, args the values in
 * parentheses. Returns a new value owned by the caller (the engine frees
 * it), or NULL after appending a message to `error` (an empty message means
 * "out of memory"). The input is never NULL or undefined. */
typedef sy_value *(*sy_tpl_filter_fn)(const sy_value *input, const sy_value *const *args,
                                      size_t nargs, void *userdata, sy_buf *error);

/* A new environment holding the built-in filters (khmer_digits, upper,
 * lower, trim, default, join, map, length, first, last, range, string);
 * NULL when out of memory. Free with sy_tpl_env_free. */
sy_tpl_env *sy_tpl_env_new(void);
void sy_tpl_env_free(sy_tpl_env *env);
/* Adds or replaces the filter `name` (an identifier; copied). userdata is
 * passed to fn and stays the caller's. Returns SY_OK, SY_ERR_USAGE for a bad
 * name or SY_ERR_NOMEM. */
sy_status sy_tpl_env_add_filter(sy_tpl_env *env, const char *name, sy_tpl_filter_fn fn,
                                void *userdata);

/* The folder of the template `name`: name itself when it holds a slash (a
 * folder as the user spelt it: "./my-office", "/srv/tpl/mou"), else
 * data_dir/templates/NAME. Returns a malloc'd string (the caller frees
 * it), NULL when out of memory. The one lookup of build, check, batch and
 * new. */
char *sy_tpl_folder(const char *data_dir, const char *name);

/* Loads the template folder `template_dir`: reads its `manifest`, then the
 * entry file and every file it includes, and parses them all. Returns the
 * template (free with sy_tpl_free), or NULL after reporting every problem
 * found into diags. File names in marks and diagnostics are
 * "template_dir/relative/path". */
sy_tpl *sy_tpl_load(const char *template_dir, sy_diags *diags);

/* One file of a template held in memory. */
typedef struct sy_tpl_file {
    const char *path; /* relative, such as "main.tpl" or "clauses/data.tpl" */
    const char *text;
    size_t len;
} sy_tpl_file;

/* Like sy_tpl_load, for templates held in memory (tests, fuzzing, embedded
 * templates): `entry` names the entry file among files; includes resolve
 * among files with the same path rules. No manifest is read: the name is
 * `name` and the default layout parallel. Text is copied. */
sy_tpl *sy_tpl_load_memory(const char *name, const sy_tpl_file *files, size_t nfiles,
                           const char *entry, sy_diags *diags);

void sy_tpl_free(sy_tpl *tpl);

/* Manifest fields (valid while tpl lives). */
const char *sy_tpl_name(const sy_tpl *tpl);
const char *sy_tpl_description(const sy_tpl *tpl);
sy_doc_layout sy_tpl_layout(const sy_tpl *tpl);
/* What the documents are, for the PDF's Subject (the manifest's `subject`,
 * else its description). */
const char *sy_tpl_subject(const sy_tpl *tpl);
/* The style sheet the manifest's `style:` names (the defaults without one,
 * and for templates loaded from memory); valid while tpl lives. Documents
 * rendered from tpl borrow it, so tpl must outlive their typesetting. */
const sy_style_sheet *sy_tpl_style(const sy_tpl *tpl);

/* The starting agreement of `sanya new`: the file the manifest's `new:`
 * names, else new.yaml (a name relative to the template folder). Static or
 * owned by tpl. */
const char *sy_tpl_starter_name(const sy_tpl *tpl);
/* Reads the starting agreement of tpl (loaded from a folder) with the
 * checks of every template file (inside the folder, a regular file, at
 * most SY_LIMIT_YAML_BYTES) and appends its bytes to out. *name (when name
 * is not NULL) receives its display name ("templates/mou/new.yaml"),
 * malloc'd, for the caller to free. Returns SY_OK; SY_ERR_NOINPUT when the
 * template has none (a message names the template and the file);
 * SY_ERR_DATA, SY_ERR_LIMIT, SY_ERR_USAGE (a template in memory) or
 * SY_ERR_NOMEM, with the problem in diags. */
sy_status sy_tpl_read_starter(const sy_tpl *tpl, sy_buf *out, char **name, sy_diags *diags);

/* Renders the template over data (usually a map: the agreement). Returns a
 * new document owned by the caller (sy_doc_free), with the manifest's
 * layout and the template's style sheet (borrowed from tpl), or NULL after reporting every error
 * found into diags (unknown variables and filters, filter failures, limits). */
sy_doc *sy_tpl_render(const sy_tpl *tpl, const sy_tpl_env *env, const sy_value *data,
                      sy_diags *diags);

/* Non-zero when the template has a cover sheet (a `cover:` file in its
 * manifest). */
int sy_tpl_has_cover(const sy_tpl *tpl);

/* Renders the cover sheet file over data (the approval checklist, see
 * data/checklist.h), like sy_tpl_render. paths (may be NULL: data itself)
 * is the tree whose field paths name a value in messages: the agreement's,
 * so that a checklist value derived from `approvals[3].ref` is called that.
 * An error when the template has no cover sheet. */
sy_doc *sy_tpl_render_cover(const sy_tpl *tpl, const sy_tpl_env *env, const sy_value *data,
                            const sy_value *paths, sy_diags *diags);

#endif
