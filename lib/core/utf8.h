/* UTF-8, once for every module: strict validation (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF) and decoding. */
#ifndef SY_CORE_UTF8_H
#define SY_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The offset of the first byte of s[0..len) that does not start a
 * well-formed sequence, or (size_t)-1 when all of it is well formed. */
size_t sy_utf8_check(const char *s, size_t len);
/* Decodes the code point at s[*i] (valid UTF-8 assumed) and advances *i. */
uint32_t sy_utf8_next(const char *s, size_t len, size_t *i);

#endif
