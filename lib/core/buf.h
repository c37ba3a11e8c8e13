/* A growable byte buffer with a sticky failure flag: append freely, check
 * sy_buf_failed() once at the end instead of after every call. */
#ifndef SY_CORE_BUF_H
#define SY_CORE_BUF_H

#include <stddef.h>
#include <stdint.h>

/* Callers may read data/len directly; data is NUL-terminated when len > 0. */
typedef struct sy_buf {
    char *data;
    size_t len, cap;
    int failed;
} sy_buf;

#define SY_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

void sy_buf_put(sy_buf *b, const void *p, size_t n);
void sy_buf_puts(sy_buf *b, const char *s);
void sy_buf_putc(sy_buf *b, char c);
void sy_buf_printf(sy_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A number the way PDF wants it: at most `decimals` decimals, no exponent,
 * no trailing zeros, "-0" written as "0". */
void sy_buf_num(sy_buf *b, double v, int decimals);
/* Four upper-case hex digits of v (the low 16 bits). */
void sy_buf_hex4(sy_buf *b, unsigned v);
void sy_buf_u16be(sy_buf *b, unsigned v);
void sy_buf_u32be(sy_buf *b, uint32_t v);
/* Pads with zero bytes to a multiple of `align`. */
void sy_buf_align(sy_buf *b, size_t align);
int sy_buf_failed(const sy_buf *b);
/* Gives the memory to the caller (free() it); the buffer is reset. */
char *sy_buf_take(sy_buf *b, size_t *len);
void sy_buf_free(sy_buf *b);

#endif
