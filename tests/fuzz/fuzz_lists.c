/* libFuzzer target for the two small line-based parsers: the font manifest
 * (role, file, Debian package) and the no-break word list. Errors are
 * expected; crashes, leaks and hangs are not. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "font/font.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static sy_text_ctx *ctx;
    sy_diags *d = sy_diags_new();
    if (!ctx)
        ctx = sy_text_ctx_new(d);
    if (!d || !ctx)
        abort();
    const char *dirs[] = {"/nonexistent"};
    sy_fontset *fs = sy_fontset_new(dirs, 1);
    if (!fs)
        abort();
    sy_status st = sy_fontset_load_manifest_buffer(fs, "fuzz", (const char *)data, size, d);
    if (st == SY_OK && sy_diags_errors(d))
        abort(); /* an error reported must be returned */
    sy_fontset_has_role(fs, "khmer-body");
    sy_fontset_free(fs);
    /* The word list grows the shared context: bound it by input size. */
    if (size < 4096)
        sy_text_ctx_add_words(ctx, "fuzz", (const char *)data, size, d);
    sy_diags_free(d);
    return 0;
}
