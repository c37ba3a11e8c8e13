/* sy_buf: see buf.h. */
#include "core/buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reserve(sy_buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void sy_buf_put(sy_buf *b, const void *p, size_t n)
{
    if (!n || !reserve(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}

void sy_buf_puts(sy_buf *b, const char *s)
{
    sy_buf_put(b, s, strlen(s));
}

void sy_buf_putc(sy_buf *b, char c)
{
    sy_buf_put(b, &c, 1);
}

void sy_buf_printf(sy_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if (!reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sy_buf_num(sy_buf *b, double v, int decimals)
{
    /* Fixed point without printf: this runs for every coordinate drawn. */
    static const double scales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    double scaled = round(v * scales[decimals]);
    if (!(fabs(scaled) < 9e15)) { /* out of range or NaN: let printf say it */
        sy_buf_printf(b, "%.*f", decimals, v);
        return;
    }
    long long n = (long long)scaled;
    char t[40];
    int len = 0, neg = n < 0;
    unsigned long long u = neg ? (unsigned long long)-n : (unsigned long long)n;
    int frac = decimals;
    while (frac > 0 && u % 10 == 0) { /* no trailing zeros */
        u /= 10;
        frac--;
    }
    do {
        t[len++] = (char)('0' + u % 10);
        u /= 10;
        if (len == frac)
            t[len++] = '.';
    } while (u > 0 || len <= frac);
    if (t[len - 1] == '.')
        t[len++] = '0';
    if (neg && !(len == 1 && t[0] == '0'))
        t[len++] = '-';
    for (int i = 0; i < len / 2; i++) {
        char c = t[i];
        t[i] = t[len - 1 - i];
        t[len - 1 - i] = c;
    }
    sy_buf_put(b, t, (size_t)len);
}

void sy_buf_hex4(sy_buf *b, unsigned v)
{
    static const char digits[] = "0123456789ABCDEF";
    char t[4] = {digits[(v >> 12) & 15], digits[(v >> 8) & 15], digits[(v >> 4) & 15],
                 digits[v & 15]};
    sy_buf_put(b, t, 4);
}

void sy_buf_u16be(sy_buf *b, unsigned v)
{
    unsigned char t[2] = {(unsigned char)(v >> 8), (unsigned char)v};
    sy_buf_put(b, t, 2);
}

void sy_buf_u32be(sy_buf *b, uint32_t v)
{
    sy_buf_u16be(b, v >> 16);
    sy_buf_u16be(b, v & 0xFFFF);
}

void sy_buf_align(sy_buf *b, size_t align)
{
    static const char zeros[16];
    if (align && b->len % align)
        sy_buf_put(b, zeros, align - b->len % align);
}

int sy_buf_failed(const sy_buf *b)
{
    return b->failed;
}

char *sy_buf_take(sy_buf *b, size_t *len)
{
    char *p = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
    return p;
}

void sy_buf_free(sy_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
