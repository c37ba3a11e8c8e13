/* UTF-8 validation, decoding and conversion (see utf8.h). */
#include "core/utf8.h"

#include <stdlib.h>
#include <unicode/ustring.h>

size_t sy_utf8_check(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return (size_t)-1;
}

uint32_t sy_utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[*i];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n && *i + k < len; k++)
        cp = cp << 6 | (s[*i + k] & 0x3F);
    *i += n;
    return cp;
}

sy_status sy_utf8_to_utf16(const char *s, size_t len, uint16_t **out, size_t *n, sy_diags *d)
{
    *out = NULL;
    *n = 0;
    if (len == 0)
        return SY_OK;
    if (len > INT32_MAX)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "text of %zu bytes is too long to convert to UTF-16", len);
    /* Measure first: UTF-16 never needs more units than UTF-8 has bytes,
     * but text is mostly Khmer (three bytes, one unit), so this saves
     * two thirds of the memory. */
    UErrorCode err = U_ZERO_ERROR;
    int32_t need = 0;
    u_strFromUTF8(NULL, 0, &need, s, (int32_t)len, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR)
        err = U_ZERO_ERROR;
    if (U_FAILURE(err))
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "cannot convert text to UTF-16: %s", u_errorName(err));
    UChar *u = malloc((size_t)(need ? need : 1) * sizeof *u);
    if (!u)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    int32_t got = 0;
    u_strFromUTF8(u, need, &got, s, (int32_t)len, &err);
    if (U_FAILURE(err) || got != need) {
        free(u);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "cannot convert text to UTF-16: %s", u_errorName(err));
    }
    _Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is a UTF-16 code unit");
    *out = (uint16_t *)u;
    *n = (size_t)got;
    return SY_OK;
}

size_t sy_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}
