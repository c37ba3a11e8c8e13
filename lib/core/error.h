/* Errors as values with a place.
 *
 * Every stage of sanya reports problems into a sy_diags list instead of
 * printing or exiting: each entry has a severity, a status code, the source
 * file, line and column (1-based, 0 when unknown), a readable path into the
 * data ("parties[1].signatory.title") and a message. Validators keep going
 * after an error so that one run reports every problem of a file. */
#ifndef SY_CORE_ERROR_H
#define SY_CORE_ERROR_H

#include <stdarg.h>
#include <stddef.h>

/* Status codes. The CLI maps them to sysexits-style exit codes. */
typedef enum sy_status {
    SY_OK = 0,
    SY_ERR_USAGE, /* the caller passed something meaningless */
    SY_ERR_DATA, /* input data is wrong (bad UTF-8, bad YAML, ...) */
    SY_ERR_NOINPUT, /* an input file or font is missing */
    SY_ERR_CANTCREAT, /* an output file cannot be written */
    SY_ERR_LIMIT, /* an internal limit (limits.h) was exceeded */
    SY_ERR_NOMEM, /* allocation failed */
    SY_ERR_INTERNAL /* a dependency failed in a way that is our bug */
} sy_status;

typedef enum sy_severity { SY_SEV_ERROR = 0, SY_SEV_WARNING, SY_SEV_NOTE } sy_severity;

/* How the one-line form (sy_diag_format) joins a suggestion to its message,
 * as each part of sanya has always written it: the data and style readers
 * with double quotes, the template engine with single quotes. */
typedef enum sy_suggest_form {
    SY_SUGGEST_SEMICOLON = 0, /* message; did you mean "word"? */
    SY_SUGGEST_PAREN, /* message (did you mean "word"?) */
    SY_SUGGEST_PAREN_SINGLE /* message (did you mean 'word'?) */
} sy_suggest_form;

/* One problem. Strings are owned by the sy_diags list that holds it. */
typedef struct sy_diag {
    sy_severity severity;
    sy_status code;
    const char *file; /* may be NULL */
    int line; /* 1-based, 0 = unknown */
    int column; /* 1-based, in characters; 0 = unknown */
    const char *path; /* data path such as "parties[1].name", may be NULL */
    const char *message; /* without the suggestion */
    /* "Did you mean": the word meant, as it would be written in the file
     * ("articles", "\pagebreak"), or NULL; joined to the message as form
     * says. */
    const char *suggestion;
    sy_suggest_form suggest_form;
    /* Characters of the source the problem covers from column (a scalar on
     * one line), 0 when unknown; terminals underline them. */
    int length;
} sy_diag;

typedef struct sy_diags sy_diags;

/* A new empty list; NULL when out of memory. Free with sy_diags_free. */
sy_diags *sy_diags_new(void);
void sy_diags_free(sy_diags *d);

/* Appends a problem (message printf-formatted; file and path are copied).
 * Returns code, so that `return sy_diags_add(d, ...)` reads naturally; when
 * d is NULL nothing is recorded. When memory runs out the list remembers
 * that it lost an entry (sy_diags_lost) and still returns code. */
sy_status sy_diags_add(sy_diags *d, sy_severity sev, sy_status code, const char *file, int line,
                       int column, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));
sy_status sy_diags_addv(sy_diags *d, sy_severity sev, sy_status code, const char *file, int line,
                        int column, const char *path, const char *fmt, va_list ap);

/* Appends a copy of e (its strings copied; message NULL counts as "").
 * Returns e->code, as sy_diags_add does. */
sy_status sy_diags_push(sy_diags *d, const sy_diag *e);
/* The same with the message formatted from fmt instead of e->message. */
sy_status sy_diags_pushv(sy_diags *d, const sy_diag *e, const char *fmt, va_list ap);

size_t sy_diags_count(const sy_diags *d);
/* Number of entries with severity SY_SEV_ERROR. */
size_t sy_diags_errors(const sy_diags *d);
/* Entry i (0 <= i < count); valid until the list is freed. */
const sy_diag *sy_diags_get(const sy_diags *d, size_t i);
/* The code of the first error, SY_OK when there is none. */
sy_status sy_diags_status(const sy_diags *d);
/* The sysexits-style exit status of a program that ends with s: 0 ok, 64
 * usage, 65 data (also a limit), 66 missing input, 73 cannot create, 70
 * otherwise. */
int sy_status_exit_code(sy_status s);
/* Non-zero when an entry could not be recorded for lack of memory. */
int sy_diags_lost(const sy_diags *d);
/* Removes every entry. */
void sy_diags_clear(sy_diags *d);

/* Formats "file:line:column: path: message" (the parts that are known,
 * "warning: " before the message of a warning, the suggestion after it as
 * its form says) into buf, like snprintf. */
int sy_diag_format(const sy_diag *e, char *buf, size_t size);
/* Formats the suggestion alone, "did you mean \"word\"?" (the quotes of its
 * form), into buf like snprintf; "" when e has none. */
int sy_diag_format_suggestion(const sy_diag *e, char *buf, size_t size);

/* A short English name of a status ("data error", ...), static storage. */
const char *sy_status_name(sy_status s);

#endif
