/* Internals of the template engine shared by its files: the arena, the
 * syntax tree of a template file, the loaded template and the "did you
 * mean" helper. Not installed as a public header. */
#ifndef SY_TPL_INTERNAL_H
#define SY_TPL_INTERNAL_H

#include <stddef.h>

#include "core/arena.h"
#include "core/error.h"
#include "core/suggest.h"
#include "tpl/tpl.h"

/* Every node and string of a template lives in its arena (core/arena.h). */

/* ---- Expressions ---- */
typedef enum tpl_expr_kind {
    EX_STR,
    EX_INT,
    EX_BOOL,
    EX_NONE,
    EX_VAR, /* name */
    EX_ATTR, /* a.name */
    EX_INDEX, /* a[b] */
    EX_FILTER, /* a | name(args) */
    EX_NOT,
    EX_AND,
    EX_OR,
    EX_EQ,
    EX_NE,
    EX_LT,
    EX_LE,
    EX_GT,
    EX_GE
} tpl_expr_kind;

typedef struct tpl_expr tpl_expr;
struct tpl_expr {
    tpl_expr_kind kind;
    int line, column;
    const char *name; /* string literal text, variable, attribute or filter name */
    size_t len;
    long long num;
    tpl_expr *a, *b;
    tpl_expr **args;
    size_t nargs;
    const char *src; /* source text of the expression, for messages */
    size_t srclen;
    int height; /* 1 + the highest operand's: the evaluator recurses this deep */
};

/* ---- Nodes: block-level lines, statements and inline pieces ---- */
typedef enum tpl_node_kind {
    N_ROOT,
    N_TEXT, /* a paragraph line: inl */
    N_BLANK, /* ends the open paragraph and list */
    N_HEADING, /* num = level, inl */
    N_ITEM, /* num = ordered, inl */
    N_ARTICLE, /* inl = title, kids = body */
    N_PAIR, /* kids = Khmer side, kids2 = English side */
    N_KEEP, /* kids */
    N_STYLE, /* str = role or NULL, num = align or -1, num2 = lang or -1 */
    N_SIGNATURES, /* kids */
    N_SIGNER, /* kids = fields */
    N_FIELD, /* num = field id, inl */
    N_PAGEBREAK,
    N_RULE,
    N_SPACE, /* points */
    N_IMAGE, /* str = image name (the style sheet's) */
    N_IF, /* kids = branches */
    N_BRANCH, /* expr = condition (NULL: else), kids = body */
    N_FOR, /* str = variable, expr = sequence, kids = body */
    N_INCLUDE, /* str = relative path (with .tpl), num = file index */
    N_LIT, /* str/len: literal template text */
    N_EXPR /* expr */
} tpl_node_kind;

/* Signer fields. */
enum { F_PARTY, F_NAME_KM, F_NAME_EN, F_TITLE_KM, F_TITLE_EN, F_SEAL, F_COUNT };
extern const char *const tpl_field_names[F_COUNT];

typedef struct tpl_node tpl_node;
typedef struct tpl_nvec {
    tpl_node **v;
    size_t n, cap;
} tpl_nvec;

struct tpl_node {
    tpl_node_kind kind;
    int line, column;
    tpl_nvec kids, kids2, inl;
    tpl_expr *expr;
    const char *str;
    size_t len;
    int num, num2;
    int has_en; /* pairs: the "--- en" line was seen */
    double points;
};

int tpl_nvec_push(sy_arena *a, tpl_nvec *v, tpl_node *n);

/* ---- A loaded template ---- */
typedef struct tpl_file {
    const char *path; /* relative to the template folder */
    const char *display; /* what marks and messages show */
    const char *text;
    size_t len;
    tpl_node *root;
    int state; /* include walk: 0 new, 1 on the stack, 2 done */
    int measured; /* depth check (load.c): 0 new, 1 on the stack, 2 done */
    int nest; /* deepest nesting of blocks and statements, its includes' counted */
    int files_deep; /* longest include chain from this file, itself counted */
} tpl_file;

struct sy_tpl {
    sy_arena arena;
    sy_style_sheet *style; /* NULL: the defaults */
    const char *name, *description, *subject;
    sy_doc_layout layout;
    tpl_file *files; /* SY_LIMIT_TPL_FILES entries, never moved */
    size_t nfiles;
    size_t entry;
    size_t cover; /* the cover sheet's file, when has_cover */
    int has_cover;
    const char *dir; /* the folder loaded from; NULL for a template in memory */
    const char *starter; /* the manifest's `new` (the starting agreement), or NULL */
    int starter_line;
};

/* Parses one file's text into f->root (allocated in a). Reports syntax
 * errors into diags; returns the number of errors. */
int tpl_parse_file(sy_arena *a, tpl_file *f, sy_diags *diags);

/* Checks a relative template path and returns its normalised form with
 * ".tpl" added when the last part has no extension (arena), or NULL with a
 * reason in *why (static string). */
const char *tpl_normalise_path(sy_arena *a, const char *path, size_t len, const char **why);

/* Filter lookup in an environment; NULL when unknown. */
typedef struct tpl_filter {
    char *name;
    sy_tpl_filter_fn fn;
    void *userdata;
} tpl_filter;
const tpl_filter *tpl_env_find(const sy_tpl_env *env, const char *name, size_t len);
size_t tpl_env_count(const sy_tpl_env *env);
const char *tpl_env_name_at(const sy_tpl_env *env, size_t i);

/* Appends a scalar's text (strings as is, integers in decimal, dates as
 * YYYY-MM-DD, null as nothing). Returns -1 for lists and maps. */
int tpl_scalar_text(const sy_value *v, sy_buf *out);

/* "Did you mean" (core/suggest.h): names within two edits. */
#define TPL_SUGGEST_EDITS 2

#endif
