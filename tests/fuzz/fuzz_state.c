/* libFuzzer target for the batch state file (OUT/.sanya-state, read by
 * sy_batch_state_parse): arbitrary bytes as the file. Every entry parsed
 * must format back into a line that parses to the same entry. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same(const sy_batch_entry *a, const sy_batch_entry *b)
{
    return !strcmp(a->output, b->output) && !strcmp(a->key, b->key) && a->size == b->size &&
           a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns &&
           !strcmp(a->version, b->version) && !strcmp(a->agreement, b->agreement) &&
           !strcmp(a->template_, b->template_) && !strcmp(a->fonts, b->fonts) &&
           !strcmp(a->roster, b->roster) && !strcmp(a->status, b->status) &&
           !strcmp(a->renewal, b->renewal) &&
           !strcmp(a->changes ? a->changes : "", b->changes ? b->changes : "");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact-size copy, so that AddressSanitizer sees any read past it. */
    char *copy = malloc(size ? size : 1);
    if (!copy)
        abort();
    if (size)
        memcpy(copy, data, size);
    sy_batch_entry *e = NULL;
    size_t n = 0;
    if (sy_batch_state_parse(copy, size, &e, &n) != 0) {
        free(copy);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (!e[i].output || strlen(e[i].key) != SY_BATCH_HEX - 1)
            abort();
        if (!e[i].output[0])
            continue; /* "%00" decodes to nothing: such a line is not written back */
        sy_buf b = SY_BUF_INIT;
        sy_buf_puts(&b, SY_BATCH_STATE_HEADER "\n");
        sy_batch_entry_format(&e[i], &b);
        sy_batch_entry *back = NULL;
        size_t m = 0;
        if (sy_batch_state_parse(b.data, b.len, &back, &m) == 0 &&
            (m != 1 || !same(&e[i], &back[0])))
            abort(); /* an entry must survive being written and read again */
        sy_batch_entries_free(back, m);
        sy_buf_free(&b);
    }
    sy_batch_entries_free(e, n);
    free(copy);
    return 0;
}
