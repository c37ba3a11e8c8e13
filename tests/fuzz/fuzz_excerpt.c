/* libFuzzer target: arbitrary bytes as the source line a diagnostic is
 * shown with on a terminal (core/excerpt.h), the first four bytes giving
 * the column, the length, colour and severity. Besides crashes and
 * sanitizer reports, it checks what reaches the terminal: valid UTF-8,
 * without colour no escape sequence and no control character but the line
 * breaks, and exactly the lines the diagnostic has (2 or 3 without a
 * suggestion, one more with it). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/excerpt.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    int column = data[0] | (data[1] & 0x7F) << 8; /* up to 32767, past most lines */
    int length = data[2];
    int color = data[3] & 1;
    sy_diag e = {.severity = (sy_severity)((data[3] >> 1) % 3),
                 .code = SY_ERR_DATA,
                 .file = "f.yaml",
                 .line = 7,
                 .column = column,
                 .path = data[3] & 8 ? "parties[1].name" : NULL,
                 .message = "message",
                 .suggestion = data[3] & 16 ? "word" : NULL,
                 .suggest_form = (sy_suggest_form)((data[3] >> 5) % 3),
                 .length = length};
    const char *line = (const char *)data + 4;
    size_t len = size - 4;
    if (memchr(line, '\n', len))
        return 0; /* one line, as sy_sources gives it */
    sy_buf out = SY_BUF_INIT;
    sy_excerpt_options o = {color, "sanya"};
    sy_excerpt_append(&out, &e, line, len, &o);
    if (sy_buf_failed(&out))
        abort();
    if (sy_utf8_check(out.data, out.len) != (size_t)-1)
        abort();
    size_t lines = 0;
    for (size_t i = 0; i < out.len; i++) {
        unsigned char c = (unsigned char)out.data[i];
        lines += c == '\n';
        if (!color && c < 0x20 && c != '\n')
            abort();
        if (c == 0x7F)
            abort();
    }
    size_t want = (column > 0 ? 3 : 2) + (e.suggestion ? 1 : 0);
    if (lines != want || out.data[out.len - 1] != '\n')
        abort();
    sy_buf_free(&out);
    return 0;
}
