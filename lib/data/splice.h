/* Splicing values into a YAML file's text: the file as written, with only
 * some values replaced or some entries added, every other byte (comments,
 * key order, quoting, blank lines, line ends) kept.
 *
 * In: YAML bytes. A second, light parse (libyaml's event API) gives a tree
 * of byte ranges, one node per value; an editor collects replacements of
 * byte ranges and applies them all at once. libyaml's marks count
 * characters; the tree has them as byte offsets (Khmer text before a value
 * on its line is several bytes per character). Out: the edited text,
 * appended to the caller's sy_buf.
 *
 * Users: `sanya renew` (renew.c: new dates, pending approvals) and `sanya
 * new` (new.c: the parties spliced into a template's starting agreement).
 *
 * Memory: a tree (sy_splice_tree_parse) and an editor (sy_splice_new) are
 * the caller's, freed with sy_splice_tree_free and sy_splice_free. Neither
 * copies the source: it must outlive them. */
#ifndef SY_DATA_SPLICE_H
#define SY_DATA_SPLICE_H

#include <stddef.h>

#include "core/buf.h"
#include "core/error.h"

/* ---- the text as byte ranges ---- */

typedef enum sy_splice_kind {
    SY_SPLICE_SCALAR,
    SY_SPLICE_SEQ,
    SY_SPLICE_MAP,
    SY_SPLICE_ALIAS
} sy_splice_kind;

/* One value of the file. Read-only for callers. */
typedef struct sy_splice_node sy_splice_node;
struct sy_splice_node {
    sy_splice_kind kind;
    /* bytes: from the node's first property (anchor, tag) or token to
     * libyaml's end mark (block collections end where the next entry
     * starts) */
    size_t start, end;
    size_t content_end; /* just after the node's last character of content */
    int column; /* 1-based, in characters (the indentation of block nodes) */
    int flow; /* a collection written {...} or [...] */
    char style; /* scalars: 0 plain, '\'' or '"' quoted, '|' literal, '>' folded */
    char *anchor; /* NULL when none */
    int tagged; /* has a tag (!!str) */
    char *text; /* a scalar's value, NUL-terminated */
    /* maps: items[2i] a key, items[2i+1] its value; sequences: the items */
    sy_splice_node **items;
    size_t count, cap;
};

/* The tree of the first document of src (len bytes; a byte-order mark is
 * allowed). The root may be of any kind. Returns it (free with
 * sy_splice_tree_free), or NULL when src is not YAML, holds no document or
 * memory runs out: meant for text that was validated before. */
sy_splice_node *sy_splice_tree_parse(const char *src, size_t len);
void sy_splice_tree_free(sy_splice_node *root);

/* The value of key in map m, NULL when absent or m is not a map; *key_node
 * (when key_node is not NULL) receives the key's node. */
const sy_splice_node *sy_splice_get(const sy_splice_node *m, const char *key,
                                    const sy_splice_node **key_node);

/* ---- edits of the text ---- */

typedef struct sy_splice sy_splice;

/* An editor of src (len bytes, kept by pointer). NULL when out of memory. */
sy_splice *sy_splice_new(const char *src, size_t len);
void sy_splice_free(sy_splice *s);

/* The line end the text uses: "\r\n" when its first line ends so, else
 * "\n". For inserted lines. */
const char *sy_splice_eol(const sy_splice *s);

/* Where a new line after content ending at byte `at` goes: the end of that
 * line (after a comment on it), before its line break. */
size_t sy_splice_line_end(const sy_splice *s, size_t at);

/* Replaces bytes [from, to) of the source by text's bytes (from == to: an
 * insertion; insertions at one place keep the order of the calls). Takes
 * text: it is left empty. A failed text (out of memory) makes the editor
 * fail at sy_splice_apply. */
void sy_splice_replace(sy_splice *s, size_t from, size_t to, sy_buf *text);

/* Replaces scalar (or alias) n by value, written in n's quoting (plain stays
 * plain, '...' and "..." stay quoted), keeping n's anchor and tag so that
 * aliases to it still resolve. value must need no escaping in that quoting
 * (a date, a number, an id); sy_splice_put_scalar writes any other text. */
void sy_splice_scalar(sy_splice *s, const sy_splice_node *n, const char *value);

/* Adds entries ("key: value" one-line texts, NULL-terminated) to map m
 * after its last entry: ", key: value" inside a flow map, lines at the
 * map's indentation after a block map. */
void sy_splice_map_append(sy_splice *s, const sy_splice_node *m, const char *const *entries);

/* Appends the source with every edit applied to out. Returns SY_OK;
 * SY_ERR_NOMEM when memory ran out (here or in an earlier call);
 * SY_ERR_INTERNAL when two replacements overlap (a bug of the caller). On
 * failure out keeps its length from before the call. */
sy_status sy_splice_apply(sy_splice *s, sy_buf *out);

/* ---- writing values ---- */

/* Appends value as one YAML scalar that may stand anywhere, inside {...}
 * and [...] too: plain when libyaml's emitter writes it so, else quoted as
 * the emitter quotes it; never as a placeholder (a value <like this> is
 * quoted). Returns 0, or -1 when value cannot be one line
 * (a line break) or memory runs out (out may then hold part of it). */
int sy_splice_put_scalar(sy_buf *out, const char *value);

/* ---- setting one value (the drafting page's edits) ---- */

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
