/* Splicing values into YAML text at libyaml's marks: the text's own bytes
 * kept everywhere but where a value changes, so comments, key order,
 * quoting and blank lines stay as the person wrote them.
 *
 * In: YAML text. A second libyaml parse (event API) gives a tree of byte
 * ranges (sy_splice_node: libyaml's marks count characters, and they are
 * mapped to byte offsets); edits are replacements of byte ranges collected
 * in a sy_splice_editor and applied at once. Used by sanya renew
 * (renew.c, several edits) and by the drafting page's edits of one value
 * (sy_splice_set).
 *
 * Memory: sy_splice_parse's tree is the caller's (sy_splice_node_free); an
 * editor borrows the text and owns its edits (sy_splice_editor_free). */
#ifndef SY_DATA_SPLICE_H
#define SY_DATA_SPLICE_H

#include <stddef.h>
#include <yaml.h>

#include "core/buf.h"
#include "core/error.h"

typedef enum sy_splice_kind {
    SY_SPLICE_SCALAR,
    SY_SPLICE_SEQ,
    SY_SPLICE_MAP,
    SY_SPLICE_ALIAS
} sy_splice_kind;

/* A node of the text as byte ranges (read-only for callers). */
typedef struct sy_splice_node {
    sy_splice_kind kind;
    size_t start, end; /* bytes: from the node's first property or token to its end mark */
    size_t content_end; /* just after the node's last character of content */
    int column; /* 1-based, in characters (the indentation of block nodes) */
    int flow; /* a collection in flow style */
    yaml_scalar_style_t style;
    char *anchor; /* NULL when none */
    int tagged;
    char *text; /* a scalar's value */
    struct sy_splice_node **items; /* a map's keys and values, alternating; a list's items */
    size_t count, cap;
} sy_splice_node;

/* The root map of source[0..len), NULL when the text does not parse as
 * YAML, its top level is not a map, or memory runs out. Free with
 * sy_splice_node_free. */
sy_splice_node *sy_splice_parse(const char *source, size_t len);
void sy_splice_node_free(sy_splice_node *n);
/* The value node of key in map m, NULL when absent; *key_node (may be
 * NULL) receives the key's node. Owned by the tree. */
sy_splice_node *sy_splice_get(const sy_splice_node *m, const char *key, sy_splice_node **key_node);

/* Edits of one text. Fields are read by the splicers; set src, len and
 * eol with sy_splice_editor_init. */
struct sy_splice_edit;
typedef struct sy_splice_editor {
    const char *src;
    size_t len;
    const char *eol; /* "\n", or "\r\n" when the file uses it */
    struct sy_splice_edit *edits;
    size_t count, cap;
    int oom;
} sy_splice_editor;

/* An editor of src[0..len) (borrowed, must outlive the editor), with no
 * edits yet; its line end is the text's. */
void sy_splice_editor_init(sy_splice_editor *e, const char *src, size_t len);
/* Takes b's bytes (b is emptied) as the text replacing src[from, to);
 * from == to inserts. Memory failures set e->oom. */
void sy_splice_add(sy_splice_editor *e, size_t from, size_t to, sy_buf *b);
/* Appends the text with the edits applied to out; -1 when two edits
 * overlap (a bug) or memory runs out. */
int sy_splice_apply(sy_splice_editor *e, sy_buf *out);
void sy_splice_editor_free(sy_splice_editor *e);
void sy_splice_put_spaces(sy_buf *b, int n);
/* Replaces scalar (or alias) n by value written as is (the caller knows it
 * needs no escaping: a date, a number), in n's quotes when it was quoted. */
void sy_splice_scalar(sy_splice_editor *e, const sy_splice_node *n, const char *value);
/* Where a new line after a node goes: the end of the line its content ends
 * on (after a comment there), before the line break. */
size_t sy_splice_line_after(const sy_splice_editor *e, size_t content_end);
/* Inserts "key: value" entries (a NULL-terminated list of one-line texts)
 * into map m after its last entry: in a flow map as ", key: value", in a
 * block map as lines at the map's indentation. */
void sy_splice_map_append(sy_splice_editor *e, const sy_splice_node *m, const char *const *entries);

/* Sets the value at path ("signed", "parties[1].name.en",
 * "articles[0].body.km") of the YAML text src[0..len) to the string value
 * and appends the new text to out; every other byte is src's.
 *  - An existing scalar is rewritten in its own style where value allows it
 *    (plain stays plain, quotes stay, a block scalar `|`/`>` keeps its
 *    header and indentation), else quoted as libyaml's emitter judges
 *    necessary (double quotes for several lines outside a block scalar).
 *  - A missing key of an existing map is added at the map's end (with the
 *    rest of the path as nested flow maps: "term.start" in a file without
 *    a term adds `term: {start: VALUE}`).
 *  - An index one past a list's end appends an item ("articles[3].title.en"
 *    to a list of three adds `- {title: {en: VALUE}}`).
 * A path's keys are letters, digits, '_' and '-' (the schema's).
 * name is the file name in messages. Returns SY_OK; SY_ERR_DATA when the
 * text does not parse or the path does not lead to a value that can be set
 * (a map, an alias, an index beyond the end), with the reason in d;
 * SY_ERR_NOMEM. On failure out keeps its length. */
sy_status sy_splice_set(const char *name, const char *src, size_t len, const char *path,
                        const char *value, sy_buf *out, sy_diags *d);

#endif
