/* libFuzzer target for the splicing of lib/data (splice.h): arbitrary bytes
 * as YAML text, read into a tree of byte ranges, every scalar value written
 * again as sy_splice_put_scalar writes it and spliced in place (the edits
 * must apply: they do not overlap); and the bytes as one value, which
 * sy_splice_put_scalar must write so that libyaml reads back exactly that
 * value, never as a placeholder. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "data/splice.h"
#include "data/yaml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void respell(sy_splice *s, const sy_splice_node *n)
{
    for (size_t i = 0; i < n->count; i++) {
        const sy_splice_node *c = n->items[i];
        int key = n->kind == SY_SPLICE_MAP && i % 2 == 0;
        if (c->kind == SY_SPLICE_SCALAR && !key && !c->anchor && !c->tagged &&
            c->content_end > c->start) {
            sy_buf b = SY_BUF_INIT;
            if (sy_splice_put_scalar(&b, c->text) == 0)
                sy_splice_replace(s, c->start, c->content_end, &b);
            else
                sy_buf_free(&b);
        } else {
            respell(s, c);
        }
    }
}

/* The value, written as a scalar, reads back as itself. */
static void round_trip(const char *value, size_t len)
{
    if (memchr(value, 0, len) || sy_utf8_check(value, len) != (size_t)-1)
        return;
    sy_buf b = SY_BUF_INIT;
    sy_buf_puts(&b, "[");
    if (sy_splice_put_scalar(&b, value) == 0) {
        sy_buf_puts(&b, "]\n");
        sy_yn *root = sy_yn_parse("v.yaml", b.data, b.len, NULL);
        if (!root || root->kind != SY_YN_SEQ || root->count != 1 ||
            root->items[0]->kind != SY_YN_SCALAR || root->items[0]->len != len ||
            memcmp(root->items[0]->text, value, len) || sy_yn_is_placeholder(root->items[0]))
            __builtin_trap();
        sy_yn_free(root);
    }
    sy_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = 0;
    sy_splice_node *root = sy_splice_tree_parse(text, size);
    if (root) {
        sy_splice *s = sy_splice_new(text, size);
        if (s) {
            respell(s, root);
            sy_buf out = SY_BUF_INIT;
            sy_status st = sy_splice_apply(s, &out);
            if (st != SY_OK && st != SY_ERR_NOMEM)
                __builtin_trap(); /* disjoint edits always apply */
            sy_buf_free(&out);
            sy_splice_free(s);
        }
        sy_splice_tree_free(root);
    }
    if (size <= 4096)
        round_trip(text, size);
    free(text);
    return 0;
}
